"""Editors' review of extracted facts: a figure confirmed, corrected or rejected by a person.

A review is kept apart from the facts it judges, which are derived data (extracted again on
every save of a document and by ``baggrund facts --rebuild``). It names its fact by what stays
the same when the same text is ingested again: the document's key (``AZE-367`` or its
external id), the passage's local anchor, the figure's offset in the passage text and the
sentence it was read from. So a decision survives a re-ingest and a rebuild of the facts; when
the text itself changed and the figure is no longer found there, the review is kept and shown
as no longer matching (:attr:`Reviewed.unmatched`), never silently dropped.

A rejected fact leaves the series and the charts (it is listed apart, with the editor's
note); a corrected one shows the editor's value, year, subject or role, beside what was
extracted; a confirmed one is marked as checked."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .errors import BaggrundError
from .fact import ROLES

__all__ = ["DECISIONS", "FactReview", "ReviewError", "Reviewed", "apply_reviews", "review_key"]

DECISIONS = ("confirmed", "corrected", "rejected")
NOTE_LIMIT = 2000
SUBJECT_LIMIT = 200


class ReviewError(BaggrundError):
    """A review that cannot be kept: an unknown decision, a correction that corrects nothing,
    a value that is not a number."""


@dataclass(frozen=True)
class FactReview:
    """One editor's decision on one fact. ``value``, ``year``, ``subject`` and ``role`` are
    the correction (None: as extracted); only a ``corrected`` review has one."""

    doc_key: str
    anchor: str  # the passage's local anchor ("protection/2")
    start: int  # the figure's offset in the passage text
    quote: str  # the sentence the figure was read from
    country: str
    decision: str
    decided: dt.datetime
    note: str = ""
    value: float | None = None
    year: int | None = None
    subject: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        if self.decision not in DECISIONS:
            raise ReviewError("decision: {decision} is not one of {choices}",
                              decision=repr(self.decision), choices=", ".join(DECISIONS))  # fmt: skip
        if len(self.note) > NOTE_LIMIT:
            raise ReviewError("note: longer than {most} characters", most=NOTE_LIMIT)
        correction = (self.value, self.year, self.subject, self.role)
        if self.decision == "corrected":
            if all(v is None for v in correction):
                raise ReviewError("a correction needs a value, a year, a subject or a role")
        elif any(v is not None for v in correction):
            raise ReviewError("a {decision} fact takes no correction", decision=self.decision)
        if self.value is not None and not math.isfinite(self.value):
            raise ReviewError("value: not a number")
        if self.year is not None and not 1900 <= self.year <= 2100:
            raise ReviewError("year: {year} is not a year", year=str(self.year))
        if self.subject is not None and not (0 < len(self.subject.strip()) <= SUBJECT_LIMIT):
            raise ReviewError("subject: empty or longer than {most} characters", most=SUBJECT_LIMIT)
        if self.role is not None and self.role not in ROLES:
            raise ReviewError("role: {role} is not one of {choices}", role=repr(self.role),
                              choices=", ".join(ROLES))  # fmt: skip

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.doc_key, self.anchor, self.start, self.quote)

    def to_dict(self) -> dict:
        out: dict[str, object] = {
            "decision": self.decision,
            "decided": self.decided.isoformat(timespec="seconds"),
            "note": self.note,
        }
        if self.decision == "corrected":
            correction = {"value": self.value, "year": self.year, "subject": self.subject,
                          "role": self.role}  # fmt: skip
            out["correction"] = {k: v for k, v in correction.items() if v is not None}
        return out

    def changed(self, **fields) -> FactReview:
        return replace(self, **fields)


def local_anchor(row: dict) -> str:
    """A stored fact row's passage anchor without the document part (``protection/2``)."""
    anchor = row.get("anchor") or ""
    if row.get("annex") is not None and "/" in anchor:
        return anchor.split("/", 1)[1]
    return anchor


def review_key(row: dict) -> tuple[str, str, int, str] | None:
    """The key a review of a stored fact row is kept under; None for a dataset's fact (an
    imported table, reviewed at its source, not here)."""
    if not row.get("key") or row.get("dataset"):
        return None
    return (row["key"], local_anchor(row), int(row.get("start") or 0), row.get("quote") or "")


@dataclass
class Reviewed:
    """A country's fact rows with the reviews applied: ``rows`` keep every fact (a rejected
    one too, marked), ``unmatched`` the reviews whose figure the text no longer gives."""

    rows: list[dict]
    unmatched: list[FactReview]


def apply_reviews(rows: Iterable[dict], reviews: Iterable[FactReview]) -> Reviewed:
    """Each row gets ``review`` (the decision's dict, or None); a corrected row takes the
    editor's fields and keeps the extracted ones under ``extracted``."""
    by_key = {r.key: r for r in reviews}
    used: set[tuple | None] = set()
    out: list[dict] = []
    for row in rows:
        key = review_key(row)
        review = by_key.get(key) if key else None
        row = dict(row)
        row["review"] = review.to_dict() if review else None
        if review is not None:
            used.add(key)
            if review.decision == "corrected":
                fields = {"value": review.value, "year": review.year,
                          "subject": review.subject, "role": review.role}  # fmt: skip
                fields = {k: v for k, v in fields.items() if v is not None}
                if "value" in fields:  # the extracted range and conversion no longer hold
                    fields.update(upper=None, converted_value=None, converted_unit=None)
                row["extracted"] = {k: row.get(k) for k in fields if row.get(k) is not None}
                row.update(fields)
        out.append(row)
    unmatched = [r for k, r in by_key.items() if k not in used]
    unmatched.sort(key=lambda r: (r.doc_key, r.anchor, r.start))
    return Reviewed(out, unmatched)
