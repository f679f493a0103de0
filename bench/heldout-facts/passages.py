"""Print (or return) a corpus report's passages with the anchors the engine gives them.

Loads a record of the shared corpus the way tests/facts_gold.py does (baggrund.document.Record
and prepare) and lists {local anchor: passage text}. Nothing here extracts facts or compares
editions.

    python passages.py USDOS-CRHRP-2023-kenya            # all passages
    python passages.py USDOS-CRHRP-2023-kenya --sample   # the 40 seeded passages with a digit
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

from baggrund.document import Record, prepare

CORPUS = Path("/work/shared/corpus/usdos-hrr-2016-2024.jsonl.gz")
SEED = 14
N = 40


def load_record(doc_id: str) -> dict:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            if doc_id in line[:200]:
                obj = json.loads(line)
                if obj["id"] == doc_id:
                    return obj
    raise LookupError(doc_id)


def passages(doc_id: str) -> dict[str, str]:
    obj = load_record(doc_id)
    record = Record(
        origin=str(CORPUS), title=obj["title"], country=obj["country"],
        source=obj["source"], text=obj["text"], external_id=obj["id"],
        series=obj["series"], edition_year=obj["edition_year"],
    )  # fmt: skip
    seg = prepare(record).segmented
    return {p.local_anchor(seg.sections): p.text for p in seg.passages}


def sample(doc_id: str, n: int = N, seed: int = SEED) -> list[str]:
    """Anchors of n passages drawn with random.Random(seed).sample among those with a digit,
    returned in document order."""
    ps = passages(doc_id)
    anchors = list(ps)
    with_digit = [a for a in anchors if re.search(r"\d", ps[a])]
    if len(with_digit) <= n:
        return with_digit
    chosen = set(random.Random(seed).sample(with_digit, n))
    return [a for a in anchors if a in chosen]


if __name__ == "__main__":
    doc_id = sys.argv[1]
    ps = passages(doc_id)
    keys = sample(doc_id) if "--sample" in sys.argv else list(ps)
    for a in keys:
        print(f"=== {a}\n{ps[a]}\n")
