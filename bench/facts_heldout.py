"""The fact extractor against the frozen held-out annotations of ``bench/heldout-facts/``: six
human-rights reports of six countries that no rule was written on, every number of 31-40
passages of each annotated by hand (an event, or a date, threshold, penalty, deadline,
reference ...). Score it at the start and at the end of a piece of work, never while tuning.

    .venv/bin/python bench/facts_heldout.py [--shared ../shared] [-v]

What counts (decided before the first run):
- the gold facts are the items of role ``event`` or ``range``; items marked
  ``comparison_base`` (the earlier figure of a comparison, also given as the compared value
  of the item it is compared with) are optional: extracting them is neither a hit nor an error;
- an extracted fact **matches** an item of its passage with the same value (and range end);
  among several, the one whose sentence the fact's sentence overlaps most;
- it is **right** when it matches a gold fact and its year, compared value and compared year
  agree; **right with its subject** when, besides, its subject shares a content word with the
  item's subject or one of its acceptable subjects (words compared without a plural s), and
  is not a bare symbol, number or pronoun;
- precision = right (with subject) / extracted facts that are not optional; recall = right
  (with subject) / gold facts. A fact matching a date, threshold, penalty, deadline,
  reference or other number is an error;
- qualifiers ("at least", "about") are scored on their own, among the matched facts whose
  item has one;
- the extracted facts are those the extractor presents as events (``role == "event"``, the
  ones the facts page charts); those it types as a penalty, threshold, deadline or a term
  imposed in one case are kept off that series and not counted (before roles existed, every
  extracted fact counted).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.facts_gold import load_document  # noqa: E402

from baggrund.fact import Fact, extract_facts  # noqa: E402

HELDOUT = ROOT / "bench" / "heldout-facts"
EVENTS = ("event", "range")
_WORD = re.compile(r"[a-z]{3,}")
_EMPTY = frozenset(
    "the and for with from that this those these its their were was are has had".split()
)


def _content(text: str | None) -> set[str]:
    words = {w.removesuffix("s") for w in _WORD.findall((text or "").casefold())}
    return words - _EMPTY


def subject_ok(fact: Fact, item: dict) -> bool:
    mine = _content(fact.subject)
    if not mine:
        return False
    accepted: set[str] = set()
    for s in [item.get("subject"), *(item.get("acceptable_subjects") or [])]:
        accepted |= _content(s)
    return bool(mine & accepted)


def _num(v):
    return None if v is None else float(v)


def _overlap(a: str, b: str) -> int:
    return len(set(a.split()) & set(b.split()))


@dataclass
class Tally:
    name: str
    gold: int = 0
    extracted: int = 0
    optional: int = 0
    matched: int = 0  # to a gold fact, by value
    right: int = 0  # and year and comparison
    right_subject: int = 0  # and subject
    wrong_role: Counter = field(default_factory=Counter)  # facts that matched a non-event
    unmatched: int = 0  # facts of no annotated number
    qualified: int = 0  # matched facts whose item has a qualifier
    qualifier_kept: int = 0
    missed: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "extracted", "optional", "matched", "right", "right_subject",
                     "unmatched", "qualified", "qualifier_kept"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong_role.update(other.wrong_role)

    def line(self) -> str:
        counted = self.extracted - self.optional
        p = self.right_subject / counted if counted else 1.0
        r = self.right_subject / self.gold if self.gold else 1.0
        p0 = self.right / counted if counted else 1.0
        r0 = self.right / self.gold if self.gold else 1.0
        q = f"{self.qualifier_kept}/{self.qualified}"
        return (
            f"{self.name:<30} gold {self.gold:>3} extracted {counted:>3}  "
            f"P {p:.2f} R {r:.2f} (subject ignored: P {p0:.2f} R {r0:.2f})  qualifiers {q}"
        )


def score(path: Path, corpus: Path) -> Tally:
    gold = json.loads(path.read_text(encoding="utf-8"))
    spec = gold["document"]
    passages = load_document(spec, corpus)
    tally = Tally(path.stem.removeprefix("facts-USDOS-CRHRP-"))
    items: dict[str, list[dict]] = {}
    for item in gold["items"]:
        items.setdefault(item["anchor"], []).append(item)
        if item["role"] in EVENTS and not item.get("comparison_base"):
            tally.gold += 1
    found: set[int] = set()
    for anchor in gold["passages"]:
        facts = extract_facts(passages[anchor], anchor, reporting_year=spec["reporting_year"],
                              edition_year=spec["edition_year"])  # fmt: skip
        facts = [f for f in facts if f.role == "event"]
        pool = list(items.get(anchor, []))
        for fact in facts:
            tally.extracted += 1
            if isinstance(fact.value, str):
                tally.unmatched += 1
                tally.errors.append(f"no number: {fact.label()}  [{anchor}]")
                continue
            same = [
                i for i in pool
                if _num(i["value"]) == float(fact.value) and _num(i.get("upper")) == _num(fact.upper)
            ]  # fmt: skip
            if not same:
                same = [i for i in pool if _num(i["value"]) == float(fact.value)]
            if not same:
                tally.unmatched += 1
                tally.errors.append(f"not annotated: {fact.label()}  [{anchor}]")
                continue
            item = max(same, key=lambda i: _overlap(i["sentence"], fact.quote))
            pool.remove(item)
            if item["role"] not in EVENTS:
                tally.wrong_role[item["role"]] += 1
                tally.errors.append(f"a {item['role']}: {fact.label()}  [{anchor}]")
                continue
            if item.get("comparison_base"):
                tally.optional += 1
                found.add(id(item))
                continue
            tally.matched += 1
            found.add(id(item))
            if item.get("qualifier"):
                tally.qualified += 1
                tally.qualifier_kept += fact.qualifier == item["qualifier"]
            agree = (
                fact.year == item.get("year")
                and _num(fact.compared_value if not isinstance(fact.compared_value, str) else None)
                == _num(item.get("compared_value"))
                and (item.get("compared_value") is None or fact.compared_year == item.get("compared_year"))
            )  # fmt: skip
            if not agree:
                tally.errors.append(
                    f"year/comparison: {fact.label()} | gold {item['value']} ({item.get('year')}) "
                    f"vs {item.get('compared_value')} ({item.get('compared_year')})  [{anchor}]"
                )
                continue
            tally.right += 1
            if subject_ok(fact, item):
                tally.right_subject += 1
            else:
                tally.errors.append(
                    f"subject: {fact.subject!r} | gold {item['subject']!r}  [{anchor}]"
                )
    for item in gold["items"]:
        if item["role"] in EVENTS and not item.get("comparison_base") and id(item) not in found:
            tally.missed.append(f"{item['subject']}: {item['text']} ({item.get('year')})  "
                                f"[{item['anchor']}]")  # fmt: skip
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("BAGGRUND_SHARED", str(ROOT.parent / "shared"))
    parser.add_argument("--shared", default=default)
    parser.add_argument("-v", "--verbose", action="store_true", help="List misses and errors.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpus" / "usdos-hrr-2016-2024.jsonl.gz"
    total = Tally("all")
    out = []
    for path in sorted(HELDOUT.glob("facts-*.json")):
        tally = score(path, corpus)
        total.add(tally)
        out.append(tally)
        if not args.json:
            print(tally.line())
            if args.verbose:
                for line in tally.errors + [f"missed: {m}" for m in tally.missed]:
                    print("   ", line)
    if args.json:
        print(json.dumps({t.name: {k: v for k, v in vars(t).items() if k not in ("errors", "missed")}
                          for t in [*out, total]}, default=dict))  # fmt: skip
    else:
        print(total.line())
        print("facts that matched a non-event:", dict(total.wrong_role), " of no annotated number:",
              total.unmatched)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
