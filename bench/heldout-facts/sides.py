"""List two editions' passages section by section (for reading by hand; no comparison logic).

    python sides.py OLD_ID NEW_ID                 # section slugs with paragraph counts, side by side
    python sides.py OLD_ID NEW_ID SLUG [NEWSLUG]  # full text of one section in both editions
    python sides.py OLD_ID NEW_ID --headings      # the '#' heading lines of both texts
"""
import sys
from collections import OrderedDict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import passages as P  # noqa: E402


def by_section(doc_id):
    out = OrderedDict()
    for a, t in P.passages(doc_id).items():
        slug, _, n = a.rpartition("/")
        out.setdefault(slug, []).append((a, t))
    return out


def headings(doc_id):
    return [l for l in P.load_record(doc_id)["text"].splitlines() if l.startswith("#")]


if __name__ == "__main__":
    old, new = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "--headings":
        for d in (old, new):
            print("=====", d)
            print("\n".join(headings(d)))
        sys.exit()
    so, sn = by_section(old), by_section(new)
    if len(sys.argv) == 3:
        keys = list(so) + [k for k in sn if k not in so]
        for k in keys:
            print(f"{len(so.get(k, [])):3d} {len(sn.get(k, [])):3d}  {k}")
        sys.exit()
    slug = sys.argv[3]
    nslug = sys.argv[4] if len(sys.argv) > 4 else slug
    for d, s, sl in ((old, so, slug), (new, sn, nslug)):
        print(f"######## {d} :: {sl}")
        for a, t in s.get(sl, []):
            print(f"=== {a}\n{t}\n")
