#!/usr/bin/env bash
# Whole-corpus benchmark: builds a benchmark corpus with ../shared/bench/make-corpus.py,
# times `extract` (one thread and all threads) and `build`, and prints MB/s and peak RSS.
#
# usage: scripts/bench.sh [SIZE_MB] [RUNS]     (defaults: 50 MB, 3 runs; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-50}
runs=${2:-3}
corpus=${BENCH_CORPUS:-/tmp/stancegraph-bench-$size}
make_corpus=../shared/bench/make-corpus.py
[ -f "$make_corpus" ] || { echo "bench: $make_corpus not found (run from a checkout beside shared/)" >&2; exit 2; }
[ -d "$corpus" ] || python3 "$make_corpus" "$corpus" "$size" >/dev/null
cargo build --release -q
bin=target/release/stancegraph
bytes=$(du -sb "$corpus" | cut -f1)
mb=$(python3 -c "print($bytes/1e6)")

measure() { # label, command...
    local label=$1; shift
    local times=() rss=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o /tmp/stancegraph-bench.time "$@" >/dev/null 2>/dev/null
        read -r t m < /tmp/stancegraph-bench.time
        times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
    done
    local med
    med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-28s %8.2f s  %8.1f MB/s  peak RSS %6.1f MB\n' "$label" "$med" "$(python3 -c "print($mb/$med)")" "$(python3 -c "print($rss/1024)")"
}

echo "corpus: $corpus ($mb MB), median of $runs runs"
measure "extract --threads 1" "$bin" extract --threads 1 "$corpus"
measure "extract (all cores)" "$bin" extract "$corpus"
measure "build (all cores)" "$bin" build "$corpus" -o /tmp/stancegraph-bench-graph.json
