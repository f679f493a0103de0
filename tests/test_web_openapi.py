"""schemathesis against the JSON API's OpenAPI description: a bounded run (a few hundred
cases, valid and invalid, a fixed seed) that must give no server error. bench/
schemathesis_run.py runs the same with as many cases as asked for."""

from __future__ import annotations

import importlib.util
import sys

from .conftest import ROOT


def _runner():
    spec = importlib.util.spec_from_file_location("schemathesis_run",
                                                  ROOT / "bench" / "schemathesis_run.py")  # fmt: skip
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_no_server_error_from_generated_api_requests(sample_db):
    report = _runner().fuzz(sample_db, examples=20, seed=2)
    assert report.cases >= 300
    assert report.statuses[200] > 0 and report.statuses[422] > 0  # valid and invalid cases
    assert report.server_errors == []
