"""schemathesis against the JSON API's OpenAPI description (``/api/v1/openapi.json``): cases
generated from the description, valid ones and invalid ones, sent to the application
in-process (ASGI) on the bundled sample; prints how many cases each operation had, the status
codes, and every server error (5xx, or an exception out of the application).

    .venv/bin/python bench/schemathesis_run.py                 # 1,000 cases per operation
    .venv/bin/python bench/schemathesis_run.py --examples 50 --seed 1

tests/test_web_openapi.py runs a bounded version (a few hundred cases) in the test suite.
The exit status is 1 when there was a server error."""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@dataclass
class Report:
    cases: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)
    per_operation: collections.Counter = field(default_factory=collections.Counter)
    server_errors: list[str] = field(default_factory=list)
    unsatisfiable: list[str] = field(default_factory=list)
    seconds: float = 0.0


def fuzz(db: str, examples: int, seed: int | None = None) -> Report:
    """``examples`` cases per operation and generation mode (valid, invalid) against an
    application on the store ``db``."""
    import schemathesis
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode

    from baggrund.web import Settings, create_app

    # schemathesis' in-process client says Host: testserver
    app = create_app(Settings(db, allowed_hosts=["testserver"]))
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    report = Report()
    started = time.perf_counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode)
            try:
                _cases(report, operation.label, strategy, examples, seed)()
            except Unsatisfiable:  # no invalid case can be made (nothing to get wrong)
                report.unsatisfiable.append(f"{operation.label} ({mode.value})")
    report.seconds = time.perf_counter() - started
    return report


def _cases(report: Report, label: str, strategy, examples: int, seed: int | None):
    """A hypothesis test that sends the cases of ``strategy`` and counts what came back."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    @settings(max_examples=examples, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @fixed_seed(seed)
    @given(case=strategy)
    def send(case):
        report.cases += 1
        report.per_operation[label] += 1
        try:
            response = case.call()
        except Exception as exc:  # the application raised: a server error
            report.statuses["exception"] += 1
            report.server_errors.append(f"{label}: {exc!r} for {case!r}"[:500])
            return
        report.statuses[response.status_code] += 1
        if response.status_code >= 500:
            report.server_errors.append(f"{label}: {response.status_code} for {case!r}"[:500])

    return send


def sample_store(folder: str) -> str:
    from baggrund.library import Library

    path = str(Path(folder) / "sample.db")
    with Library.open(path) as lib:
        summary = lib.ingest([SAMPLES])
        assert summary.ok, summary.rejected
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=1000,
                    help="cases per operation and mode (valid, invalid)")  # fmt: skip
    ap.add_argument("--seed", type=int, help="derandomised (the same cases every run)")
    ap.add_argument("--db", help="a store to run against (default: the bundled sample)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = fuzz(args.db or sample_store(tmp), args.examples, args.seed)
    for label, n in sorted(report.per_operation.items()):
        print(f"{n:7,}  {label}")
    statuses = ", ".join(f"{k}: {v:,}" for k, v in sorted(report.statuses.items(), key=str))
    print(f"{report.cases:,} cases in {report.seconds:.0f} s; status codes {statuses}")
    for label in report.unsatisfiable:
        print(f"no cases could be made for {label}")
    for line in report.server_errors[:50]:
        print("server error:", line)
    print(f"server errors: {len(report.server_errors)}")
    return 1 if report.server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
