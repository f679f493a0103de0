"""Heading paths and dates on the full corpus, without a database: how many 2016-2023 passages
have a wrong heading path (not under their numbered section, or not under the lettered
subsection they sit in) and how many 2024 documents have no date. Run with the worktree's
code: python bench/structure.py [../shared/corpus/usdos-hrr-2016-2024.jsonl.gz]"""

from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

from baggrund.document import prepare
from baggrund.passage import segment
from baggrund.reader import record_from_json

_LABEL = re.compile(r"Section \d+\.?")
_TITLED = re.compile(r"(Section \d+\.?)\s+\S")
_LETTER = re.compile(r"[a-z]\.\s")
CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/usdos-hrr-2016-2024.jsonl.gz"


def expected(seg, marked: set[str]) -> list[tuple[str, str | None] | None]:
    """Per section: (the first path element's start, the lettered heading it must be under)."""
    out: list[tuple[str, str | None] | None] = []
    label = top = sub = None
    for s in seg.sections:
        h = s.heading
        if (m := _TITLED.match(h)) and h in marked:
            label, top, sub = m.group(1), h, None
            out.append((label, None))
        elif _LABEL.fullmatch(h):
            label, top, sub = h, None, None
            out.append(None)
        elif label and top is None:
            top = h
            out.append((label, None))
        elif label is None:
            out.append((h, None) if h in marked else None)
        elif _LETTER.match(h):
            sub = h
            out.append((label, h))
        else:
            out.append((label, sub))
    return out


def main(path: Path) -> None:
    wrong, total, undated, docs = (collections.Counter() for _ in range(4))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            obj = json.loads(line)
            year = obj["edition_year"]
            if year == 2024:
                docs[year] += 1
                undated[year] += prepare(record_from_json(obj, str(path), n)).published is None
                continue
            seg = segment(obj["text"], title=obj["title"])
            marked = {x.lstrip("#").strip() for x in obj["text"].split("\n") if x.startswith("#")}
            want = expected(seg, marked)
            for p in seg.passages:
                if (e := want[p.section]) is None:
                    continue
                total[year] += 1
                got = seg.sections[p.section].path
                ok = bool(got) and got[0].startswith(e[0]) and (e[1] is None or e[1] in got)
                wrong[year] += not ok
    print(f"2016-2023 passages with a wrong heading path: {sum(wrong.values())} of"
          f" {sum(total.values())}")  # fmt: skip
    for year in sorted(total):
        print(f"  {year}: {wrong[year]} of {total[year]}")
    print(f"2024 documents without a date: {sum(undated.values())} of {sum(docs.values())}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
