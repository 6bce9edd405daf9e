#!/usr/bin/env bash
# Rebuilds data/person_nouns.txt from WordNet 3.1, byte for byte (scripts/make-person-nouns.py,
# run over WordNet by scripts/wordnet.sh).
#
# usage: scripts/make-person-nouns.sh [OUT]   (default data/person_nouns.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/wordnet.sh scripts/make-person-nouns.py "${1:-data/person_nouns.txt}"
