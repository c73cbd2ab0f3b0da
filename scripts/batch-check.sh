#!/usr/bin/env bash
# Batch commands on the real Glassdoor postings (third-party, never committed): every row is
# accounted for, output is the same for 1 and 2 threads, and rank prints a top 10.
# Usage: scripts/batch-check.sh BIN DATA
set -euo pipefail
bin=${1:?binary}
data=${2:?data dir}
csv="$data/jobs/glassdoor_jobs.csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" -j 1 annotate "$csv" >"$tmp/a1.csv" 2>"$tmp/a1.err"
"$bin" -j 2 annotate "$csv" >"$tmp/a2.csv" 2>/dev/null
cmp "$tmp/a1.csv" "$tmp/a2.csv"
"$bin" -j 2 annotate --format jsonl "$csv" >"$tmp/a.jsonl" 2>/dev/null
cat "$tmp/a1.err"
python3 - "$csv" "$tmp/a1.csv" "$tmp/a.jsonl" <<'PY'
import csv, json, sys
csv.field_size_limit(1 << 30)
src, out, jl = sys.argv[1:]
with open(src, newline="", encoding="utf-8") as f:
    n = sum(1 for _ in csv.DictReader(f))
with open(out, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
docs = [json.loads(l) for l in open(jl, encoding="utf-8")]
assert len(rows) == n, f"annotate csv: {len(rows)} rows for {n} input rows"
assert len(docs) == n, f"annotate jsonl: {len(docs)} objects for {n} input rows"
assert [d["record"] for d in docs] == list(range(1, n + 1)), "records out of order"
with_skills = sum(1 for r in rows if r["skillscan_skills"])
print(f"annotate: {n} of {n} rows out (csv and jsonl), {with_skills} with skills, same bytes for 1 and 2 threads")
PY
grep -q "956 rows read, 956 annotated, 0 skipped" "$tmp/a1.err"
"$bin" -j 1 rank --resume samples/resumes/data-scientist.txt --top 10 "$csv" >"$tmp/r1.txt" 2>"$tmp/r.err"
"$bin" -j 2 rank --resume samples/resumes/data-scientist.txt --top 10 "$csv" >"$tmp/r2.txt" 2>/dev/null
cmp "$tmp/r1.txt" "$tmp/r2.txt"
grep -q "956 rows read, 956 postings scored" "$tmp/r.err"
echo "rank: top 10 of 956 postings, same for 1 and 2 threads"
"$bin" -j 2 rank --as-of 2026-11 --posting samples/postings/senior-data-engineer.txt --all -f jsonl \
  "$data/resumes/UpdatedResumeDataSet.csv" >"$tmp/rp.jsonl" 2>"$tmp/rp.err" || test $? -eq 1
test "$(wc -l <"$tmp/rp.jsonl")" -eq 962
grep -q "962 rows read, 962 résumés scored" "$tmp/rp.err"
echo "rank --posting: all 962 résumé rows scored with their structure"
