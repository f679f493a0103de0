"""Build facts-<docid>.json from a hand-written annotation file ann_<slug>.py.

The annotation file is plain Python calling the helpers below (at, E, D, R, ...). Every value,
role, subject, year and qualifier in it was decided by hand while reading the passage; this
script only fills in the verbatim sentence around each annotated number, checks that the
number really occurs there, and lists digits / number words of the chosen passages that no
item covers (so that none is forgotten).  It does not extract anything by itself.

    python build.py ann_kenya_2023.py          # writes facts-<docid>.json, prints the check
"""

from __future__ import annotations

import json
import re
import runpy
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import passages as P  # noqa: E402

ABBREV = {
    "u.s", "u.n", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "no", "st", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "sr", "jr", "co", "inc", "ltd", "i.e", "e.g",
    "vs", "maj", "capt", "sgt", "rev", "prof", "hon", "gov", "sen", "rep", "art", "arts", "nos",
    "u.k", "e.u", "a.m", "p.m", "approx", "est", "fig", "vol", "pp", "cf", "al", "op", "d.c",
}
WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion dozen twice doubled tripled triple double half quarter third"
).split()
NUM_RE = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:" + "|".join(WORDS) + r")(?:-(?:" + "|".join(WORDS) + r"))?s?\b",
    re.IGNORECASE,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a passage (a simple splitter written for this annotation)."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?][\"”’)]*\s+(?=[\"“(‘]?[A-Z0-9])", text):
        before = text[start : m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        last = last.lstrip("(\"“")
        if last in ABBREV or re.fullmatch(r"[a-z]", last) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


class Ann:
    def __init__(self, doc_id: str, reporting_year: int):
        self.doc_id = doc_id
        self.reporting_year = reporting_year
        self.ps = P.passages(doc_id)
        self.anchor = None
        self.items: list[dict] = []
        self.skips: list[tuple[str, int, int]] = []
        self.errors: list[str] = []

    # -- locating -----------------------------------------------------------------------
    def _find(self, text: str, n: int, after: str | None, ctx: str | None = None) -> tuple[int, int]:
        ptxt = self.ps[self.anchor]
        if ctx:
            k = -1
            for _ in range(n):
                k = ptxt.find(ctx, k + 1)
                if k < 0:
                    self.errors.append(f"{self.anchor}: ctx {ctx!r} occurrence {n} not found")
                    return (-1, -1)
            j = ctx.find(text)
            if j < 0:
                self.errors.append(f"{self.anchor}: {text!r} not in ctx {ctx!r}")
                return (-1, -1)
            return k + j, k + j + len(text)
        base = 0
        if after:
            k = ptxt.find(after)
            if k < 0:
                self.errors.append(f"{self.anchor}: 'after' text {after!r} not found")
            else:
                base = k
        pat = re.compile(r"(?<![\w$€£])(?<!\d[.,])" + re.escape(text) + r"(?![\w]|[.,]\d)", re.IGNORECASE if text[:1].isalpha() else 0)
        hits = [m for m in pat.finditer(ptxt, base)]
        if len(hits) < n:
            self.errors.append(f"{self.anchor}: {text!r} occurrence {n} not found")
            return (-1, -1)
        m = hits[n - 1]
        return m.start(), m.end()

    def _sentence(self, pos: int) -> str:
        ptxt = self.ps[self.anchor]
        for a, b in sentences(ptxt):
            if a <= pos < b:
                return ptxt[a:b].strip()
        return ptxt

    # -- items --------------------------------------------------------------------------
    def add(self, role, text, value, *, upper=None, q=None, kind=None, cur=None, year="R",
            subj=None, acc=(), unit=None, cmp=None, note=None, n=1, after=None, sent=None, ctx=None, **extra):
        a, b = self._find(text, n, after, ctx)
        if a < 0:
            return
        if year == "R":
            year = self.reporting_year if role in ("event", "range", "estimate", "multiplier") and kind else None
        item = {
            "anchor": self.anchor, "text": text,
            "sentence": sent if sent is not None else self._sentence(a),
            "role": role, "value": value, "upper": upper, "qualifier": q, "kind": kind,
        }
        if kind == "money" or cur:
            item["currency"] = cur
        item.update({
            "year": year, "subject": subj, "acceptable_subjects": list(acc), "unit": unit,
            "compared_value": cmp[0] if cmp else None, "compared_year": cmp[1] if cmp else None,
        })
        item.update(extra)
        if note:
            item["note"] = note
        if item["sentence"] not in self.ps[self.anchor]:
            self.errors.append(f"{self.anchor}: sentence not verbatim for {text!r}")
        item["_span"] = (a, b)
        self.items.append(item)

    def skip(self, text, reason, n=1, after=None, ctx=None):
        a, b = self._find(text, n, after, ctx)
        if a >= 0:
            self.skips.append((self.anchor, a, b))

    # -- checks -------------------------------------------------------------------------
    def uncovered(self, chosen: list[str]) -> list[str]:
        out = []
        for anc in chosen:
            spans = [it["_span"] for it in self.items if it["anchor"] == anc]
            spans += [(a, b) for x, a, b in self.skips if x == anc]
            for m in NUM_RE.finditer(self.ps[anc]):
                if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in spans):
                    t = self.ps[anc]
                    out.append(f"{anc}: {m.group()!r}  …{t[max(0, m.start()-50):m.end()+40]}…")
        return out


def main(path: str) -> None:
    ns = {}
    holder = {}

    def doc(doc_id, edition_year, reporting_year, chosen=None):
        ann = Ann(doc_id, reporting_year)
        holder.update(ann=ann, edition_year=edition_year,
                      chosen=chosen or P.sample(doc_id))
        return ann

    def at(anchor):
        ann = holder["ann"]
        if anchor not in holder["chosen"]:
            ann.errors.append(f"{anchor} is not a chosen passage")
        ann.anchor = anchor

    def mk(role, default_kind=None):
        def f(text, value=None, subj=None, unit=None, **kw):
            if value is None:
                value = _parse(text)
            if role in ("event", "range") and "kind" not in kw:
                kw["kind"] = default_kind or "count"
            holder["ann"].add(role, text, value, subj=subj, unit=unit, **kw)
        return f

    ns.update(
        doc=doc, at=at,
        E=mk("event"), RG=mk("range"), T=mk("threshold"), PEN=mk("penalty"), DL=mk("deadline"),
        M=mk("multiplier"), ES=mk("estimate"), D=mk("date"), R=mk("reference"), O=mk("other"),
        X=lambda text, reason="", **kw: holder["ann"].skip(text, reason, **kw),
    )

    def every(maker, text, *args, **kw):
        """Annotate every occurrence of text in the current passage the same way."""
        ann = holder["ann"]
        pat = re.compile(r"(?<![\w$€£])(?<!\d[.,])" + re.escape(text) + r"(?![\w]|[.,]\d)")
        k = len(pat.findall(ann.ps[ann.anchor]))
        if not k:
            ann.errors.append(f"{ann.anchor}: every {text!r}: none found")
        for i in range(1, k + 1):
            ns[maker](text, *args, n=i, **kw)

    ns["every"] = every
    src = Path(path).read_text(encoding="utf-8")
    exec(compile(src, path, "exec"), ns)
    ann: Ann = holder["ann"]
    chosen = holder["chosen"]
    unc = ann.uncovered(chosen)
    seen = {}
    for it in ann.items:
        for (anc, a, b), other in seen.items():
            if anc == it["anchor"] and a < it["_span"][1] and it["_span"][0] < b:
                ann.errors.append(f"{anc}: {it['text']!r} overlaps {other!r}")
        seen[(it["anchor"], *it["_span"])] = it["text"]
    for e in ann.errors:
        print("ERROR", e)
    for u in unc:
        print("UNCOVERED", u)
    items = []
    for it in sorted(ann.items, key=lambda i: (chosen.index(i["anchor"]), i["_span"])):
        it = dict(it)
        del it["_span"]
        items.append(it)
    out = {
        "about": ns.get("ABOUT", ""),
        "document": {"id": ann.doc_id, "edition_year": holder["edition_year"],
                     "reporting_year": ann.reporting_year},
        "seed": {"seed": P.SEED, "method": ns.get("METHOD", "")},
        "passages": chosen,
        "items": items,
    }
    dest = Path(path).parent / f"facts-{ann.doc_id}.json"
    dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{dest.name}: {len(chosen)} passages, {len(items)} items,",
          dict(Counter(i["role"] for i in items)), f"errors={len(ann.errors)} uncovered={len(unc)}")


def _parse(text: str):
    t = text.lower().replace(",", "")
    mult = 1
    for w, k in (("billion", 1e9), ("million", 1e6), ("thousand", 1e3)):
        if w in t:
            mult = k
            t = t.replace(w, "")
    m = re.search(r"\d+(?:\.\d+)?", t)
    if m:
        v = float(m.group()) * mult
        return int(v) if v == int(v) else v
    words = {w: i for i, w in enumerate(WORDS[:20], 1)}
    words.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                  "eighty": 80, "ninety": 90, "twice": 2, "doubled": 2, "tripled": 3, "half": 50})
    parts = re.split(r"[- ]", t.strip())
    total = 0
    for p in parts:
        if p in words:
            total += words[p]
    if total:
        return total * mult
    raise ValueError(f"cannot parse {text!r}; give value=")


if __name__ == "__main__":
    main(sys.argv[1])
