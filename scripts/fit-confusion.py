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

# Postings: does `fit --posting` put the role that the posting's title names first, from the
# description alone (the title is not in the text)? The title names a role when it contains
# one of the role's title aliases; 707 of the 956 Glassdoor postings do.

import re
import tomllib

repo = pathlib.Path(__file__).resolve().parent.parent
aliases = []
for f in sorted((repo / "lexicon/roles").glob("*.toml")):
    for role in tomllib.loads(f.read_text(encoding="utf-8"))["role"]:
        for t in role.get("titles", []) + [role["name"]]:
            aliases.append((t.lower(), role["id"]))


def title_role(title):
    title, best = title.lower(), None
    for a, rid in aliases:
        if re.search(r"(?<![a-z0-9])" + re.escape(a) + r"(?![a-z0-9])", title):
            if best is None or len(a) > len(best[0]):
                best = (a, rid)
    return best and best[1]


with open(data / "jobs/glassdoor_jobs.csv", newline="", encoding="utf-8") as f:
    postings = [(r["Job Title"], r["Job Description"]) for r in csv.DictReader(f)]
with tempfile.TemporaryDirectory() as tmp:
    paths = []
    for i, (_, body) in enumerate(postings):
        p = pathlib.Path(tmp) / f"p{i:04}.txt"
        p.write_text(body, encoding="utf-8")
        paths.append(str(p))
    out = subprocess.run(
        [bin_, "fit", "--posting", "--format", "jsonl", *paths],
        capture_output=True, check=False, text=True, encoding="utf-8",
    )
    results = [json.loads(l) for l in out.stdout.splitlines()]
if len(results) != len(postings):
    sys.exit(f"expected {len(postings)} posting results, got {len(results)}")
pairs = [(title_role(t), [f["role"] for f in r["fits"]]) for (t, _), r in zip(postings, results)]
pairs = [(g, ranked) for g, ranked in pairs if g]
top1 = sum(1 for g, ranked in pairs if ranked[0] == g)
top2 = sum(1 for g, ranked in pairs if g in ranked[:2])
print(f"\nPostings whose title names a role: {len(pairs)} of {len(postings)}; closest role from "
      f"the description alone is the title's for {top1} ({top1 / len(pairs):.1%}), "
      f"in the top 2 for {top2} ({top2 / len(pairs):.1%})")
if gate and top1 < 0.55 * len(pairs):
    sys.exit("fit-confusion gate failed: posting classification under 55%")
