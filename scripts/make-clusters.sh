#!/usr/bin/env bash
# Rebuilds data/clusters.tsv, the attribution tagger's word clusters, byte for byte.
#
# usage: scripts/make-clusters.sh [OUT]   (default data/clusters.tsv)
#
# Fetches the PyPI package spacy-lookups-data 1.0.5 (MIT; the Brown clusters spaCy's English
# models used) into a temporary folder with `pip download`, checks the wheel's checksum, runs
# scripts/make-clusters.py on its data folder and prints the file's checksum. The shipped
# attribution model was trained with these clusters: after changing them, retrain it
# (scripts/train-model.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-data/clusters.tsv}
wheel=spacy_lookups_data-1.0.5-py2.py3-none-any.whl
sum=466f21f087e4144bc93800679437ec5a17be7d0888734b1ba880b3ecb0978bc6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" spacy-lookups-data==1.0.5
echo "$sum  $tmp/$wheel" | sha256sum --check --quiet
(cd "$tmp" && python3 -m zipfile -e "$wheel" unpacked)
python3 scripts/make-clusters.py "$tmp/unpacked/spacy_lookups_data/data" > "$out.tmp"
mv "$out.tmp" "$out"
wc -l "$out"
sha256sum "$out"
