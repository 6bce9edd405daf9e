#!/usr/bin/env bash
# Rebuilds data/synonyms.tsv from WordNet 3.1, byte for byte (scripts/make-synonyms.py, run
# over WordNet by scripts/wordnet.sh).
#
# usage: scripts/make-synonyms.sh [OUT]   (default data/synonyms.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/wordnet.sh scripts/make-synonyms.py "${1:-data/synonyms.tsv}"
