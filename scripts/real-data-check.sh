#!/usr/bin/env bash
# Runs skillscan over the real third-party data (never committed) and fails if it crashes,
# loses a document, or emits JSON that does not parse. Usage: scripts/real-data-check.sh BIN DATA
set -euo pipefail
bin=${1:?binary}
data=${2:?data dir}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Split the postings CSV into one file per description and the résumé CSV (not valid UTF-8)
# into one file per row, then scan them all in one run.
python3 - "$data" "$tmp" <<'PY'
import csv, sys, pathlib
data, tmp = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
csv.field_size_limit(1 << 30)
n = 0
with open(data / "jobs/glassdoor_jobs.csv", newline="", encoding="utf-8") as f:
    for i, row in enumerate(csv.DictReader(f)):
        (tmp / f"posting-{i:04}.txt").write_text(row["Job Description"], encoding="utf-8")
        n += 1
with open(data / "resumes/UpdatedResumeDataSet.csv", "rb") as f:
    raw = f.read()
# Keep the raw bytes of each résumé (invalid UTF-8 included) to exercise lossy decoding.
text = raw.decode("latin-1")
for i, row in enumerate(csv.DictReader(text.splitlines(keepends=True))):
    (tmp / f"resume-{i:04}.txt").write_bytes(row["Resume"].encode("latin-1"))
    n += 1
print(n, file=open(tmp / "count", "w"))
PY
expected=$(cat "$tmp/count")
rm "$tmp/count"
"$bin" scan --format jsonl "$tmp"/*.txt >"$tmp/out.jsonl" 2>"$tmp/err.log"
got=$(wc -l <"$tmp/out.jsonl")
python3 - "$tmp/out.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert all(d["schema"] == "skillscan/1" for d in docs)
matches = sum(len(s["matches"]) for d in docs for s in d["skills"])
with_skills = sum(1 for d in docs if d["skills"])
print(f"real data: {len(docs)} documents, {with_skills} with skills, {matches} matches")
PY
if [ "$got" -ne "$expected" ]; then
  echo "real-data check: expected $expected documents, got $got" >&2
  exit 1
fi
echo "real-data check: $got of $expected documents scanned; $(grep -c warning "$tmp/err.log" || true) lossy-decoding warnings"
# Every document read as a posting and as a résumé too: sections, strengths, years asked,
# degrees and years per skill run on all of them without a crash or a lost document.
for kind in posting resume; do
  "$bin" scan "--$kind" --format jsonl "$tmp"/*.txt >"$tmp/$kind.jsonl" 2>/dev/null
  n=$(wc -l <"$tmp/$kind.jsonl")
  if [ "$n" -ne "$expected" ]; then
    echo "real-data check: --$kind: expected $expected documents, got $n" >&2
    exit 1
  fi
done
python3 - "$tmp/posting.jsonl" <<'PY'
import collections, json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
strengths = collections.Counter(s["strength"] for d in docs for s in d["skills"])
print(f"structure as postings: {sum(1 for d in docs if d['sections'])} of {len(docs)} with sections, "
      f"{sum(len(d['years_asked']) for d in docs)} years asks, strengths {dict(strengths)}")
PY
echo "real-data check: every document also read as a posting and as a résumé"
