#!/usr/bin/env bash
# Runs the fuzz targets one at a time, each until it has had a CPU-time budget (user + sys of
# the fuzzing process, not wall time), in chunks on a persistent corpus.
#
#   fuzz/run-all.sh [TARGET...]          (default: read_text read_html read_docx read_pdf)
#
# Environment:
#   BUDGET_MIN  CPU minutes per target (default 16)
#   CHUNK_SECS  -max_total_time of one chunk, in wall seconds (default 300)
#   NO_BUILD=1  do not run `cargo fuzz build` before a target; use the binary that is there
#   RESUME=1    count the chunks already in logs/ (an interrupted run) toward the budget and
#               number new chunks after them
#
# Each target is built with `cargo +nightly fuzz build -O -a TARGET` (optimised, debug
# assertions and overflow checks on, AddressSanitizer) just before it runs, so a target run
# later fuzzes the sources as they are then; the commit is logged. The binary is then run
# directly, so the CPU time measured is the fuzzer's alone. Crashes, timeouts and OOMs are
# saved to artifacts/TARGET/ and fuzzing goes on with the next chunk. Logs go to logs/; one
# summary line per target is printed and appended to logs/summary.tsv. Run it from anywhere;
# on a shared machine, run it under `nice -n 10`.
set -u
cd "$(dirname "$0")"

BUDGET_MIN=${BUDGET_MIN:-16}
CHUNK_SECS=${CHUNK_SECS:-300}
BUDGET_SECS=$((BUDGET_MIN * 60))
BIN_DIR=target/x86_64-unknown-linux-gnu/release
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(read_text read_html read_docx read_pdf)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_odr_violation=0}
mkdir -p logs

summary=logs/summary.tsv
[ -f "$summary" ] ||
    printf 'date\ttarget\tcommit\twall_s\tcpu_s\texecs\tcov\tft\tcorpus\tcrashes\ttimeouts\tooms\n' >"$summary"

for t in "${TARGETS[@]}"; do
    case $t in
    read_text) seeds=(seeds/read_text seeds/read_html) fixtures="" dict="" ;;
    read_html) seeds=(seeds/read_html) fixtures=html dict=dict/html.dict ;;
    read_docx) seeds=(seeds/read_docx) fixtures=docx dict=dict/docx.dict ;;
    read_pdf) seeds=(seeds/read_pdf) fixtures=pdf dict=dict/pdf.dict ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
    esac
    log=logs/$t.log
    commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- ../src ../Cargo.toml ../Cargo.lock . || echo -dirty)"
    echo "=== $t: $(date -u +%FT%TZ) commit $commit, budget ${BUDGET_SECS}s CPU" | tee -a "$log"
    if [ -z "${NO_BUILD:-}" ]; then
        if ! CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo +nightly fuzz build -O -a "$t" >>"$log" 2>&1; then
            echo "build of $t failed; using the binary already there, if any" | tee -a "$log"
        fi
    fi
    if [ ! -x "$BIN_DIR/$t" ]; then
        echo "no binary $BIN_DIR/$t" | tee -a "$log"
        continue
    fi

    corpus=corpus/$t
    artifacts=artifacts/$t
    mkdir -p "$corpus" "$artifacts"
    if [ -n "$fixtures" ] && [ -z "$(ls -A "$corpus")" ]; then
        cp ../tests/fixtures/documents/*."$fixtures" "$corpus"/
    fi
    args=(-rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "-artifact_prefix=$artifacts/")
    [ -n "$dict" ] && args+=("-dict=$dict")

    cpu=0 wall=0 execs=0 chunk=0 cov=? ft=?
    if [ -n "${RESUME:-}" ]; then
        for tf in logs/$t.chunk*.time; do
            [ -f "$tf" ] || continue
            k=${tf#logs/$t.chunk}
            k=${k%.time}
            [ "$k" -gt "$chunk" ] && chunk=$k
            set -- $(tail -1 "$tf")
            [ $# -eq 3 ] || continue
            cpu=$(awk -v c="$cpu" -v u="$2" -v s="$3" 'BEGIN { print c + u + s }')
            wall=$(awk -v w="$wall" -v e="$1" 'BEGIN { print w + e }')
            n=$(sed -n 's/^stat::number_of_executed_units: *//p' "logs/$t.chunk$k.log" | tail -1)
            execs=$((execs + ${n:-0}))
        done
        echo "$t: resuming after chunk $chunk, ${cpu}s CPU so far" | tee -a "$log"
    fi
    while awk -v c="$cpu" -v b="$BUDGET_SECS" 'BEGIN { exit !(c < b) }'; do
        chunk=$((chunk + 1))
        left=$(awk -v c="$cpu" -v b="$BUDGET_SECS" 'BEGIN { l = int(b - c) + 1; print (l < 30 ? 30 : l) }')
        secs=$((left < CHUNK_SECS ? left : CHUNK_SECS))
        out=logs/$t.chunk$chunk.log
        tf=logs/$t.chunk$chunk.time
        /usr/bin/time -f "%e %U %S" -o "$tf" \
            "$BIN_DIR/$t" "${args[@]}" "-max_total_time=$secs" "$corpus" "${seeds[@]}" >"$out" 2>&1
        rc=$?
        # GNU time puts "Command exited with non-zero status N" first when rc != 0.
        set -- $(tail -1 "$tf")
        e=$1 u=$2 s=$3
        n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out" | tail -1)
        line=$(grep -E '^#[0-9]+.*cov: ' "$out" | tail -1)
        if [ -n "$line" ]; then
            cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$line")
            ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$line")
        fi
        cpu=$(awk -v c="$cpu" -v u="$u" -v s="$s" 'BEGIN { print c + u + s }')
        wall=$(awk -v w="$wall" -v e="$e" 'BEGIN { print w + e }')
        execs=$((execs + ${n:-0}))
        echo "$t chunk $chunk: rc=$rc wall=${e}s cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')s execs=${n:-0} cov=$cov ft=$ft; total cpu=${cpu}s" | tee -a "$log"
        if [ $rc -ne 0 ]; then
            grep -E 'ERROR|SUMMARY|PANIC|Test unit written' "$out" | head -20 | tee -a "$log"
        fi
    done

    corp=$(find "$corpus" -type f | wc -l)
    crashes=$(find "$artifacts" -type f -name 'crash-*' | wc -l)
    timeouts=$(find "$artifacts" -type f -name 'timeout-*' | wc -l)
    ooms=$(find "$artifacts" -type f \( -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$t" "$commit" \
        "$wall" "$cpu" "$execs" "$cov" "$ft" "$corp" "$crashes" "$timeouts" "$ooms" >>"$summary"
    echo "$t: wall ${wall}s, CPU ${cpu}s, execs $execs, cov $cov, ft $ft, corpus $corp," \
        "crashes $crashes, timeouts $timeouts, OOMs/leaks $ooms" | tee -a "$log"
done
