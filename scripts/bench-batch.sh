#!/usr/bin/env bash
# Batch throughput and memory, for BENCHMARKS.md: `annotate` and `rank` at 1 and 2 threads on
# a generated postings CSV, against a bare csv-crate pass over the same file.
# Usage: scripts/bench-batch.sh [ROWS (default 100000, about 263 MB)] [RUNS (default 3)]
# Each figure is the best of RUNS runs; peak RSS is from /usr/bin/time.
set -euo pipefail
rows=${1:-100000}
runs=${2:-3}
cargo build --release --quiet --bin skillscan --example gen_postings --example csv_throughput
bin=target/release/skillscan
file=target/bench-postings-$rows.csv
[ -f "$file" ] || target/release/examples/gen_postings "$rows" "$file"
bytes=$(stat -c %s "$file")
echo "file: $file, $rows rows, $bytes bytes"
echo
echo "bare csv pass and scan-only (examples/csv_throughput, interleaved, best of 5):"
target/release/examples/csv_throughput "$file" description 5
echo
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
best() { # best of $runs: prints "seconds peak_kb"
  local b="" m=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$timing" -f "%e %M" "$@" >/dev/null 2>&1
    read -r s kb <"$timing"
    if [ -z "$b" ] || awk "BEGIN{exit !($s < $b)}"; then b=$s; fi
    [ "$kb" -gt "$m" ] && m=$kb
  done
  echo "$b $m"
}
echo "| command | threads | seconds | MB/s | rows/s | peak RSS |"
echo "|---|---|---|---|---|---|"
for cmd in annotate rank; do
  for j in 1 2; do
    if [ "$cmd" = annotate ]; then
      read -r s kb < <(best "$bin" -j "$j" annotate -q "$file")
    else
      read -r s kb < <(best "$bin" -j "$j" rank -q --resume samples/resumes/data-scientist.txt "$file")
    fi
    awk -v c="$cmd" -v j="$j" -v s="$s" -v b="$bytes" -v r="$rows" -v kb="$kb" \
      'BEGIN{printf "| %s | %d | %.2f | %.1f | %.0f | %.1f MB |\n", c, j, s, b/s/1e6, r/s, kb/1024}'
  done
done
