#!/usr/bin/env bash
# The figures of docs/reliability.md ("Limits" and "One large document"):
# writes adversarial and very large inputs into a scratch folder and prints,
# for each, the exit status, the time and the peak RSS of one run of the
# release build (/usr/bin/time). Every input is generated here, from the
# bundled example article or from nothing: no corpus is needed.
#
# usage: scripts/limits.sh [LARGE_MB]
#   LARGE_MB  size of the one large document (default 200); the JSON Lines
#             record is half of it. Inputs are kept in /tmp/stancegraph-limits.
set -euo pipefail
cd "$(dirname "$0")/.."
large=${1:-200}
dir=/tmp/stancegraph-limits
[ -x /usr/bin/time ] || { echo "limits: /usr/bin/time not found (Debian: apt-get install time)" >&2; exit 2; }
cargo build --release -q
bin=$PWD/target/release/stancegraph
mkdir -p "$dir"

python3 - "$dir" "$large" <<'EOF'
import json, os, sys
d, large = sys.argv[1], int(sys.argv[2])
MB = 1 << 20
def write(name, make):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        with open(p, "w", encoding="utf-8") as f:
            make(f)
def repeat(f, piece, size):
    f.write(piece * (size // len(piece) + 1))
write("names-and.txt", lambda f: repeat(f, "Kyiv and Moscow and Ankara and Brussels and ", 5 * MB))
write("quotes.txt", lambda f: repeat(f, "\u201cWe want peace,\u201d he said. \"No,\" she said, \u201c", 5 * MB))
write("capitals.txt", lambda f: repeat(f, "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel ", 5 * MB))
write("punctuation.txt", lambda f: repeat(f, ".,;:!?\"'()[]-\u2014 ", 5 * MB))
write("cues.txt", lambda f: repeat(f, "said told urged demanded rejected offered ", 5 * MB))
write("no-punctuation-line.txt", lambda f: repeat(f, "the talks went on for hours without any break ", 50 * MB))
article = open("examples/articles/harbour-talks.txt", encoding="utf-8").read().strip() + "\n\n"
write("large.txt", lambda f: repeat(f, article, large * MB))
write("large-record.jsonl", lambda f: f.write(json.dumps(
    {"id": "large", "text": article * (large * MB // 2 // len(article))}) + "\n"))
EOF
[ -f "$dir/zeros.txt" ] || head -c $((200 << 20)) /dev/zero > "$dir/zeros.txt"

run() {
    local label=$1; shift
    local status=0
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > /dev/null 2> "$dir/stderr" || status=$?
    read -r secs kb < <(tail -1 "$dir/time")
    printf '%-52s exit %d  %7.2f s  %6.1f MB peak\n' "$label" "$status" "$secs" "$(awk -v kb="$kb" 'BEGIN { print kb / 1024 }')"
}

for f in names-and quotes capitals punctuation cues; do
    run "extract --threads 1 $f.txt (5 MB)" "$bin" extract --threads 1 "$dir/$f.txt"
done
run "extract zeros.txt (200 MB of NUL bytes)" "$bin" extract "$dir/zeros.txt"
run "extract no-punctuation-line.txt (50 MB, one line)" "$bin" extract "$dir/no-punctuation-line.txt"
run "extract large.txt ($large MB, one document)" "$bin" extract "$dir/large.txt"
run "extract --threads 1 large.txt" "$bin" extract --threads 1 "$dir/large.txt"
run "extract - < large.txt (standard input)" sh -c "'$bin' extract - < '$dir/large.txt'"
run "extract large-record.jsonl (one $((large / 2)) MB record)" "$bin" extract "$dir/large-record.jsonl"
rm -f "$dir/g.json" "$dir/g.db"
run "build large.txt -o g.json" "$bin" build "$dir/large.txt" -o "$dir/g.json"
run "build large.txt -o g.db" "$bin" build "$dir/large.txt" -o "$dir/g.db"
rm -f "$dir/g.db"
run "build --threads 1 large.txt -o g.db" "$bin" build --threads 1 "$dir/large.txt" -o "$dir/g.db"
