"""Consistency checks over the built gold files (not a scorer)."""
import glob, json, re, sys
sys.path.insert(0, ".")
from build import _parse
bad = 0
for f in sorted(glob.glob("facts-*.json")):
    d = json.load(open(f))
    ry = d["document"]["reporting_year"]
    for it in d["items"]:
        s = it["sentence"].lower()
        probs = []
        if it["qualifier"] and it["qualifier"].lower() not in s and it["qualifier"] not in ("minimum", "maximum"):
            probs.append(f"qualifier {it['qualifier']!r} not in sentence")
        if it["qualifier"] in ("minimum", "maximum") and it["qualifier"] not in s:
            probs.append(f"qualifier {it['qualifier']!r} not in sentence")
        if it["role"] in ("event", "range"):
            if not it["kind"] or not it["subject"] or not it["unit"]:
                probs.append("event without kind/subject/unit")
            if it["year"] != ry and str(it["year"]) not in it["sentence"]:
                probs.append(f"year {it['year']} not in sentence")
            if it["kind"] == "money" and not it.get("currency"):
                probs.append("money without currency")
        else:
            if it["kind"] is not None or it["year"] is not None:
                probs.append("non-event with kind/year")
        try:
            pv = _parse(it["text"])
            if it["role"] not in ("reference",) and pv != it["value"] and it["role"] != "date":
                probs.append(f"value {it['value']} vs parsed {pv}")
        except ValueError:
            pass
        if it["role"] == "date" and not (1 <= it["value"] <= 31 or 1900 <= it["value"] <= 2030):
            probs.append("odd date")
        if probs:
            bad += 1
            print(f, it["anchor"], it["text"], "|", "; ".join(probs))
print("problems:", bad)
