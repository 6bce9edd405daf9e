#!/usr/bin/env bash
# Whole-corpus benchmark: builds a benchmark corpus with ../shared/bench/make-corpus.py,
# times `extract` (one thread and all threads) and `build` with /usr/bin/time -v,
# and prints MB/s and peak RSS.
#
# usage: scripts/bench.sh [SIZE_MB] [RUNS] [--jsonl] [--pgo]
#   SIZE_MB  corpus size (default 50); the corpus is kept in /tmp/stancegraph-bench-SIZE[-jsonl]
#   RUNS     runs per measurement (default 3); the median time and the largest RSS are reported
#   --jsonl  one JSON Lines file instead of a folder of .txt files
#   --pgo    time the profile-guided build of scripts/pgo-build.sh instead of the plain release
# BENCH_CORPUS=DIR uses a corpus of your own.
set -euo pipefail
cd "$(dirname "$0")/.."
jsonl=""
pgo=""
args=()
for a in "$@"; do
    case "$a" in
        --jsonl) jsonl="--jsonl" ;;
        --pgo) pgo=1 ;;
        *) args+=("$a") ;;
    esac
done
size=${args[0]:-50}
runs=${args[1]:-3}
corpus=${BENCH_CORPUS:-/tmp/stancegraph-bench-$size${jsonl:+-jsonl}}
make_corpus=../shared/bench/make-corpus.py
[ -f "$make_corpus" ] || { echo "bench: $make_corpus not found (run from a checkout beside shared/)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not found (Debian: apt-get install time)" >&2; exit 2; }
[ -d "$corpus" ] || python3 "$make_corpus" "$corpus" "$size" $jsonl >/dev/null
if [ -n "$pgo" ]; then
    scripts/pgo-build.sh >/dev/null
    bin=target/pgo/release/stancegraph
else
    cargo build --release -q
    bin=target/release/stancegraph
fi
bytes=$(du -sb "$corpus" | cut -f1)
mb=$(python3 -c "print($bytes/1e6)")
input=$corpus
[ -n "$jsonl" ] && input=$corpus/corpus.jsonl

measure() { # label, command...
    local label=$1; shift
    local times=() rss=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -v -o /tmp/stancegraph-bench.time "$@" >/dev/null 2>/dev/null
        # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:03.80"
        t=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' /tmp/stancegraph-bench.time)
        m=$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/stancegraph-bench.time)
        times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
    done
    local med
    med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-28s %8.2f s  %8.1f MB/s  peak RSS %6.1f MB\n' "$label" "$med" "$(python3 -c "print($mb/$med)")" "$(python3 -c "print($rss/1024)")"
}

echo "corpus: $input ($mb MB), median of $runs runs, $bin"
measure "extract --threads 1" "$bin" extract --quiet --threads 1 "$input"
measure "extract (all cores)" "$bin" extract --quiet "$input"
measure "build (all cores)" "$bin" build --quiet "$input" -o /tmp/stancegraph-bench-graph.json
