#!/usr/bin/env python3
"""Checks the lexicon's cross-references against the taxonomy data, when it is present.

Every `onet` value must be an O*NET Technology Skills `Example` and every `esco` value an ESCO
`preferredLabel`. `so_tag` values missing from the (older) Stack Overflow tags snapshot are
counted but not errors: many real tags are newer than it. Usage: scripts/check_references.py DATA
"""
import csv, pathlib, sys, tomllib

data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
root = pathlib.Path(__file__).resolve().parent.parent / "lexicon" / "skills"
csv.field_size_limit(1 << 30)
onet = set()
with open(data / "taxonomy/onet/technology_skills.tsv", encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        onet.add(row["Example"].strip())
esco = set()
for name in ("digital_skills_en.csv", "transversal_skills_en.csv"):
    with open(data / "taxonomy/esco" / name, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            esco.add(row["preferredLabel"].strip())
tags = set()
with open(data / "taxonomy/stackoverflow/tags.csv", encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    col = next((i for i, h in enumerate(header) if h.lower() in ("tagname", "tag", "name")), 0)
    for row in reader:
        if len(row) > col:
            tags.add(row[col].strip())
bad, counts, newer_tags = [], {"onet": 0, "esco": 0, "so_tag": 0}, 0
for path in sorted(root.glob("*.toml")):
    for s in tomllib.loads(path.read_text(encoding="utf-8")).get("skill", []):
        for key, known in (("onet", onet), ("esco", esco), ("so_tag", tags)):
            if key in s:
                counts[key] += 1
                if s[key] not in known and key == "so_tag":
                    newer_tags += 1
                elif s[key] not in known:
                    bad.append(f"{path.name}: skill '{s['id']}': {key} {s[key]!r} not found in the data")
for b in bad:
    print(b)
print(
    f"references: {counts['onet']} onet, {counts['esco']} esco, {counts['so_tag']} so_tag; "
    f"{len(bad)} unresolved; {newer_tags} so_tag not in the tags snapshot"
)
sys.exit(1 if bad else 0)
