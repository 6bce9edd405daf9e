#!/usr/bin/env bash
# Whole-corpus benchmark: builds a benchmark corpus with ../shared/bench/make-corpus.py,
# times `extract` (one thread and all threads), `build`, and then `query`, `issues`,
# `network` and `render` on the graph built, with /usr/bin/time -v,
# and prints MB/s and peak RSS. It first times `grep -c` and `wc -w` over the
# same corpus, the yardsticks issue 5 quotes for the machine its bars were set
# on, and last says how fast one thread runs relative to them.
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

median() { # numbers...
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

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
    med=$(median "${times[@]}")
    rate=$(python3 -c "print($mb/$med)")
    printf '%-28s %8.2f s  %8.1f MB/s  peak RSS %6.1f MB\n' "$label" "$med" "$rate" "$(python3 -c "print($rss/1024)")"
}

# The machine's own yardsticks over the same text. Issue 5 set its bars where
# one `grep -c` pass ran at about 1,400 MB/s and `wc -w` at about 270 MB/s;
# on another machine the bars should be read against what these give there.
# They read the text as one file (a folder's .txt files are joined into one
# temporary file first: over 14,000 small files grep spends most of its time
# opening them), and write their counts to a file, since GNU grep stops at the
# first match when its output is /dev/null. Timed with bash's clock (they take
# a fraction of a second, below /usr/bin/time's 10 ms resolution); the median
# of RUNS after one warm-up run. With --jsonl, grep -c runs about twice as
# fast (a line is a whole document), so compare the folder's figures with the
# issue's.
yardstick() { # label, command...
    local label=$1; shift
    local times=() t0
    # (grep exits 1 on a corpus without "the": a count of 0 is still a pass)
    "$@" >"$counts" 2>&1 || true
    for _ in $(seq "$runs"); do
        t0=$EPOCHREALTIME
        "$@" >"$counts" 2>&1 || true
        times+=("$(python3 -c "print($EPOCHREALTIME - $t0)")")
    done
    local med
    med=$(median "${times[@]}")
    rate=$(python3 -c "print($text_mb/$med)")
    printf '%-28s %8.3f s  %8.1f MB/s\n' "$label" "$med" "$rate"
}

echo "corpus: $input ($mb MB), median of $runs runs, $bin"
# (the joined copy takes as much room in $TMPDIR as the corpus, for the run)
counts=$(mktemp)
text=$input
trap 'rm -f "$counts"; [ "$text" = "$input" ] || rm -f "$text"' EXIT
if [ -z "$jsonl" ]; then
    text=$(mktemp)
    find "$corpus" -type f -name '*.txt' -print0 | sort -z | xargs -0 cat >"$text"
fi
text_mb=$(python3 -c "print($(stat -c %s "$text")/1e6)")
yardstick "grep -c (yardstick)" grep -c the "$text"
grep_rate=$rate
yardstick "wc -w (yardstick)" wc -w "$text"
wc_rate=$rate
measure "extract --threads 1" "$bin" extract --quiet --threads 1 "$input"
one_rate=$rate
measure "extract (all cores)" "$bin" extract --quiet "$input"
measure "build (all cores)" "$bin" build --quiet "$input" -o /tmp/stancegraph-bench-graph.json
# What an analyst asks the graph next (the MB/s column is of the text the graph came from).
graph=/tmp/stancegraph-bench-graph.json
measure "query --actor Russia" "$bin" query "$graph" --actor Russia
measure "issues" "$bin" issues "$graph" --top 20
measure "network --type congruence" "$bin" network "$graph" --type congruence -o /tmp/stancegraph-bench-net.csv
measure "render (issue diagram)" "$bin" render "$graph" --engine builtin -o /tmp/stancegraph-bench.svg
# The same into an SQLite store (docs/store.md), and the questions asked of it.
store=/tmp/stancegraph-bench-store.db
measure "build -o store (all cores)" sh -c "rm -f $store && exec $bin build --quiet $input -o $store"
printf '%-28s %8.1f MB  (%.2fx the text; the graph file: %.1f MB)\n' "store size" \
    "$(python3 -c "print($(stat -c %s $store)/1e6)")" "$(python3 -c "print($(stat -c %s $store)/1e6/$mb)")" \
    "$(python3 -c "print($(stat -c %s $graph)/1e6)")"
measure "store: query --actor Russia" "$bin" query "$store" --actor Russia
# (the first question about issues groups the store and keeps the issues;
# the next ones read them)
measure "store: query --conflicts (groups)" "$bin" query "$store" --conflicts
measure "store: query --conflicts (kept)" "$bin" query "$store" --conflicts
measure "store: network (kept)" "$bin" network "$store" --type congruence -o /tmp/stancegraph-bench-net.csv
one_doc=$(mktemp --suffix=.txt)
printf 'Denmark rejected the Norwegian quota plan number %s.\n' "$RANDOM$RANDOM" >"$one_doc"
measure "store: build --into, 1 doc" "$bin" build --quiet --into "$store" "$one_doc"
rm -f "$one_doc"
# Issue 5's one-thread bar is 25 MB/s where wc -w ran at 270 MB/s and grep -c
# at 1,400 MB/s: 9.3% and 1.8% of them.
python3 - "$one_rate" "$wc_rate" "$grep_rate" <<'PY'
import sys
one, wc, grep = map(float, sys.argv[1:])
print(f"extract --threads 1 runs at {100 * one / wc:.1f}% of wc -w (bar: 25/270 = 9.3%) "
      f"and {100 * one / grep:.2f}% of grep -c (bar: 25/1400 = 1.79%) on this machine")
PY
