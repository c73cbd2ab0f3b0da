#!/usr/bin/env python3
"""Which role does `skillscan fit` pick for real résumés of each category?

Usage: scripts/fit-confusion.py BIN DATA [--gate]

Reads DATA/resumes/UpdatedResumeDataSet.csv (third-party, never committed; not valid UTF-8,
so it is decoded as Latin-1 and handed to skillscan as raw bytes), drops duplicate résumés,
runs `BIN fit --format jsonl` over them, and prints a Markdown table: for each résumé category,
how many résumés get each role as their best fit, and the median and highest best score.

With --gate it exits 1 unless
- Data Science résumés get Data Scientist, ML Engineer or AI Research Scientist first in at
  least 80% of cases, and
- no HR, Advocate or Arts résumé scores above 40 for any role.
"""
import collections
import csv
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile

bin_, data = sys.argv[1], pathlib.Path(sys.argv[2])
gate = "--gate" in sys.argv[3:]

raw = (data / "resumes/UpdatedResumeDataSet.csv").read_bytes().decode("latin-1")
seen, docs = set(), []
for row in csv.DictReader(raw.splitlines(keepends=True)):
    if row["Resume"] in seen:
        continue
    seen.add(row["Resume"])
    docs.append((row["Category"], row["Resume"].encode("latin-1")))

with tempfile.TemporaryDirectory() as tmp:
    paths = []
    for i, (_, body) in enumerate(docs):
        p = pathlib.Path(tmp) / f"r{i:04}.txt"
        p.write_bytes(body)
        paths.append(str(p))
    out = subprocess.run(
        [bin_, "fit", "--format", "jsonl", *paths],
        capture_output=True, check=False, text=True, encoding="utf-8",
    )
    if out.returncode not in (0, 1):
        sys.exit(f"fit failed: {out.stderr}")
    results = [json.loads(l) for l in out.stdout.splitlines()]
if len(results) != len(docs):
    sys.exit(f"expected {len(docs)} results, got {len(results)}")

by_cat = collections.defaultdict(list)
for (cat, _), r in zip(docs, results):
    best = r["fits"][0]
    by_cat[cat].append((best["role"], best["score"]))

print(f"{len(docs)} distinct résumés\n")
print("| category | n | best role (count) | median best score | max best score |")
print("|---|---|---|---|---|")
for cat in sorted(by_cat):
    rows = by_cat[cat]
    counts = collections.Counter(role for role, _ in rows).most_common()
    roles = ", ".join(f"{role} {n}" for role, n in counts)
    scores = [s for _, s in rows]
    print(f"| {cat} | {len(rows)} | {roles} | {statistics.median(scores):.1f} | {max(scores):.1f} |")

ds = by_cat.get("Data Science", [])
ds_ok = sum(1 for role, _ in ds if role in ("data-scientist", "ml-engineer", "ai-research-scientist"))
nontech = [s for cat in ("HR", "Advocate", "Arts") for _, s in by_cat.get(cat, [])]
print(f"\nData Science → DS/MLE/AIRS first: {ds_ok} of {len(ds)}")
print(f"HR, Advocate, Arts: highest score {max(nontech, default=0):.1f}")
if gate:
    failed = []
    if ds and ds_ok < 0.8 * len(ds):
        failed.append("Data Science résumés get a data-science role first in under 80%")
    if any(s > 40 for s in nontech):
        failed.append("a non-technical résumé scores above 40")
    if failed:
        sys.exit("fit-confusion gate failed: " + "; ".join(failed))
