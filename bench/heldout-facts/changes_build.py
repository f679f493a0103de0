"""Write changes-<country>-<old>-<new>.json from the hand judgments in changes_judgments.py,
checking only that every paragraph of the judged sections (both editions) is judged and that
every anchor exists. All judgments were made by reading both editions side by side (sides.py)."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import passages as P  # noqa: E402
from changes_judgments import PAIRS  # noqa: E402

for pair in PAIRS:
    po, pn = P.passages(pair["old"]["id"]), P.passages(pair["new"]["id"])
    errors = []
    for sec in pair["sections_judged"]:
        olds = [a for a in po if a.rpartition("/")[0] == sec["old_slug"]]
        news = [a for a in pn if a.rpartition("/")[0] == sec["new_slug"]]
        sec["old_paragraphs"], sec["new_paragraphs"] = len(olds), len(news)
        js = [j for j in pair["judgments"] if j["section"] == sec["new_slug"]]
        jo = [j["old"] for j in js if j["old"]]
        jn = [j["new"] for j in js if j["new"]]
        for a in olds:
            if jo.count(a) != 1:
                errors.append(f"old {a} judged {jo.count(a)} times")
        for a in news:
            if a not in jn:
                errors.append(f"new {a} not judged")
        for j in js:
            if j["old"] and j["old"] not in po:
                errors.append(f"no old anchor {j['old']}")
            if j["new"] and j["new"] not in pn:
                errors.append(f"no new anchor {j['new']}")
            if j["judgment"] == "identical" and po.get(j["old"]) != pn.get(j["new"]):
                errors.append(f"{j['old']} -> {j['new']} judged identical but texts differ")
            if j["judgment"] == "rewritten" and po.get(j["old"]) == pn.get(j["new"]):
                errors.append(f"{j['old']} -> {j['new']} judged rewritten but texts are equal")
            if j["judgment"] == "rewritten" and j.get("similarity") not in ("light", "heavy"):
                errors.append(f"{j['old']} -> {j['new']}: similarity missing")
    for e in errors:
        print("ERROR", pair["file"], e)
    out = {k: v for k, v in pair.items() if k != "file"}
    Path(pair["file"]).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    from collections import Counter
    print(pair["file"], dict(Counter(j["judgment"] for j in pair["judgments"])),
          dict(Counter(j.get("similarity") for j in pair["judgments"] if j["judgment"] == "rewritten")),
          "renamed:", len(pair["renamed_sections"]), "errors:", len(errors))
