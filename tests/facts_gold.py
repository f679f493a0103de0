"""Scoring the fact extractor against the hand-made gold files in ``tests/gold/facts-*.json``.

A gold file names a document (a sample file, or a record of the shared corpus by id), the
passages that were annotated, and every fact a reader would expect in them. An extracted fact
matches a gold fact when anchor, kind, value (and range end), currency, conversion, year,
compared value and compared year all agree: the figure with its year and comparison. The
subject and the counted noun are scored on their own (``subject`` and ``unit`` agreement among
the matched facts), since their wording is a judgment call."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

from baggrund.document import Record, prepare
from baggrund.fact import Fact, extract_facts
from baggrund.reader import read_board

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLD = sorted((HERE / "gold").glob("facts-*.json"))


def _num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def key(f: dict) -> tuple:
    money = f["kind"] == "money"
    return (
        f["anchor"],
        f["kind"],
        _num(f["value"]),
        _num(f.get("upper")),
        f.get("unit") if money else None,
        _num(f.get("converted_value")) if money else None,
        f.get("year"),
        _num(f.get("compared_value")),
        f.get("compared_year") if f.get("compared_value") is not None else None,
    )


@dataclass
class Score:
    name: str
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    subject_agree: int = 0
    unit_agree: int = 0
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        for name in ("gold", "extracted", "matched", "subject_agree", "unit_agree"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        m = self.matched or 1
        return (
            f"{self.name:<34} gold {self.gold:>3}  extracted {self.extracted:>3}  matched "
            f"{self.matched:>3}  precision {self.precision:.2f}  recall {self.recall:.2f}  "
            f"subject {self.subject_agree / m:.2f}  unit {self.unit_agree / m:.2f}"
        )


def load_document(spec: dict, corpus: Path) -> dict:
    """``{local anchor: passage text}`` and the document's years, from a sample or the corpus."""
    if "path" in spec:
        path = ROOT / spec["path"]
        record = read_board(path.read_text(encoding="utf-8"), str(path))
    else:
        record = None
        with gzip.open(corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                if spec["id"] in line[:200]:
                    obj = json.loads(line)
                    if obj["id"] == spec["id"]:
                        record = Record(
                            origin=str(corpus), title=obj["title"], country=obj["country"],
                            source=obj["source"], text=obj["text"], external_id=obj["id"],
                            series=obj["series"], edition_year=obj["edition_year"],
                        )  # fmt: skip
                        break
        if record is None:
            raise LookupError(f"{spec['id']} is not in {corpus}")
    doc = prepare(record)
    seg = doc.segmented
    return {p.local_anchor(seg.sections): p.text for p in seg.passages}


def score(gold_path: Path, corpus: Path) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    spec = gold["document"]
    passages = load_document(spec, corpus)
    extracted: list[Fact] = []
    for anchor in gold["passages"]:
        extracted += extract_facts(
            passages[anchor], anchor, reporting_year=spec["reporting_year"],
            edition_year=spec["edition_year"],
        )  # fmt: skip
    result = Score(gold_path.stem.removeprefix("facts-"))
    result.gold, result.extracted = len(gold["facts"]), len(extracted)
    pool: dict[tuple, list[dict]] = {}
    for g in gold["facts"]:
        pool.setdefault(key(g), []).append(g)
    for fact in extracted:
        d = fact.to_dict()
        match = pool.get(key(d))
        if match:
            g = match.pop(0)
            result.matched += 1
            result.subject_agree += g["subject"] == fact.subject
            result.unit_agree += (g.get("unit") or "") == fact.unit
        else:
            result.spurious.append(fact.label() + f"  [{fact.anchor}]")
    result.missed = [
        f"{g['subject']}: {g['value']} {g.get('unit', '')} ({g.get('year')}) vs "
        f"{g.get('compared_value')} ({g.get('compared_year')})  [{g['anchor']}]"
        for left in pool.values()
        for g in left
    ]
    return result
