"""The changes view against the frozen held-out hand judgments of ``bench/heldout-facts/``
(``changes-*.json``: every paragraph of three sections of two pairs of consecutive editions,
judged by reading). Score it at the start and at the end of a piece of work, never while tuning.

    .venv/bin/python bench/changes_heldout.py [--shared ../shared] [-v]

What counts (decided before the first run): a judged paragraph is **right** when the alignment
gives it the same fate: ``identical`` an unchanged pair of the same two paragraphs (or a
rewritten one of similarity 1), ``rewritten`` a rewritten (or unchanged) pair of the same two,
``new`` / ``removed`` a paragraph left unpaired on its side, ``moved`` a pair of the same two
marked as moved. Renamed sections: the old and new heading aligned as one section pair. Figures:
of the updates the judge lists (old value -> new value, changed), those in the pair's changed
figures; and the changed figures the alignment lists for judged pairs that the judge does not
(dates, section numbers ...).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import tempfile
from pathlib import Path

from baggrund.change import Changes, compare
from baggrund.library import Library

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout-facts"
_LOCAL = re.compile(r"^[A-Z]{3}-\d+/")


def _local(anchor: str | None) -> str | None:
    return _LOCAL.sub("", anchor) if anchor else None


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def score(judged: dict, changes: Changes, verbose: bool) -> dict:
    by_old, by_new = {}, {}
    for section in changes.sections:
        for pair in section.pairs:
            old, new = (
                _local(pair.old.anchor if pair.old else None),
                _local(pair.new.anchor if pair.new else None),
            )
            if old:
                by_old[old] = (pair, new)
            if new:
                by_new[new] = (pair, old)
    right, wrong = 0, []
    kinds: dict[str, list[int]] = {}
    for j in judged["judgments"]:
        kind = j["judgment"]
        if kind == "new":
            pair, other = by_new.get(j["new"], (None, None))
            ok = pair is not None and other is None
        elif kind == "removed":
            pair, other = by_old.get(j["old"], (None, None))
            ok = pair is not None and other is None
        else:
            pair, other = by_old.get(j["old"], (None, None))
            ok = pair is not None and other == j["new"]
            if ok and kind == "identical":
                ok = pair.kind == "unchanged" or pair.similarity >= 1.0
            if ok and kind == "moved":
                ok = pair.moved
        tally = kinds.setdefault(
            kind + ("/" + j["similarity"] if j.get("similarity") else ""), [0, 0]
        )
        tally[1] += 1
        if ok:
            right += 1
            tally[0] += 1
        else:
            got = f"{pair.kind} -> {other}" if pair else "not found"
            wrong.append(f"{kind} {j.get('old')} -> {j.get('new')}: {got}")
    renamed = judged.get("renamed_sections") or []
    aligned = {(s.old_heading, s.new_heading) for s in changes.sections}
    renamed_right = sum((r["old_heading"], r["new_heading"]) in aligned for r in renamed)
    # figures
    updates = found = 0
    judged_pairs = {
        (j["old"], j["new"]) for j in judged["judgments"] if j.get("old") and j.get("new")
    }
    listed = set()
    for j in judged["judgments"]:
        for f in j.get("figures") or []:
            if not f.get("changed"):
                continue
            updates += 1
            pair, other = by_old.get(j["old"], (None, None))
            if pair is not None and other == j["new"]:
                values = {(_number(x.old), _number(x.new)) for x in pair.figures}
                if (float(f["old_value"]), float(f["new_value"])) in values:
                    found += 1
                    listed.add((j["old"], float(f["old_value"]), float(f["new_value"])))
    extra = []
    for section in changes.sections:
        for pair in section.pairs:
            key = (_local(pair.old.anchor) if pair.old else None,
                   _local(pair.new.anchor) if pair.new else None)  # fmt: skip
            if key not in judged_pairs:
                continue
            for x in pair.figures:
                if (key[0], _number(x.old), _number(x.new)) not in listed:
                    extra.append(f"{x.old} -> {x.new}  [{key[1]}]")
    if verbose:
        for w in wrong:
            print("   ", w)
        for e in extra:
            print("    extra figure:", e)
    return {
        "paragraphs": len(judged["judgments"]), "right": right, "by_kind": kinds,
        "renamed": len(renamed), "renamed_right": renamed_right,
        "figure_updates": updates, "figure_updates_found": found, "figures_not_updates": len(extra),
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("BAGGRUND_SHARED", str(ROOT.parent / "shared"))
    parser.add_argument("--shared", default=default)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpus" / "usdos-hrr-2016-2024.jsonl.gz"
    files = sorted(HELDOUT.glob("changes-*.json"))
    judged = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    wanted = {j[side]["id"] for j in judged for side in ("old", "new")}
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "pairs.jsonl"
        with gzip.open(corpus, "rt", encoding="utf-8") as fh, open(subset, "w") as out:
            for line in fh:
                if json.loads(line)["id"] in wanted:
                    out.write(line)
        with Library.open(str(Path(tmp) / "pairs.db")) as lib:
            lib.ingest([subset])
            keys = {d["external_id"]: f"{d['country']}-{d['annex']}" for d in lib.store.documents()}
            total: dict = {}
            for path, j in zip(files, judged, strict=True):
                changes = compare(
                    lib.document(keys[j["old"]["id"]]), lib.document(keys[j["new"]["id"]])
                )
                print(path.stem)
                result = score(j, changes, args.verbose)
                print(f"  paragraphs right {result['right']}/{result['paragraphs']}  "
                      f"by kind {result['by_kind']}")  # fmt: skip
                print(f"  renamed sections aligned {result['renamed_right']}/{result['renamed']}  "
                      f"figure updates found {result['figure_updates_found']}/"
                      f"{result['figure_updates']}  changed figures that are not updates "
                      f"{result['figures_not_updates']}")  # fmt: skip
                for k, v in result.items():
                    if isinstance(v, int):
                        total[k] = total.get(k, 0) + v
            print("all", total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
