"""Write src/baggrund/data/common_words.txt: the 3,000 words found in most passages of the
shared corpus, commonest first. Edition folding (``baggrund.edition``) compares passages by
their rarer words first; this list is how it knows which words are common.

    .venv/bin/python bench/common_words.py --shared ../shared
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[^\W_]+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--size", type=int, default=3000)
    args = ap.parse_args()
    df: collections.Counter[str] = collections.Counter()
    path = Path(args.shared) / "corpus" / "usdos-hrr-2016-2024.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            for paragraph in json.loads(line)["text"].split("\n\n"):
                df.update(set(_WORD.findall(paragraph.casefold())))
    out = ROOT / "src" / "baggrund" / "data" / "common_words.txt"
    words = [w for w, _ in df.most_common(args.size)]
    header = "# The commonest words of the shared corpus's passages, commonest first (bench/common_words.py)\n"
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{out}: {len(words)} words")


if __name__ == "__main__":
    main()
