#!/usr/bin/env bash
# Rebuilds the shipped attribution model, data/attribution.model, byte for byte.
#
# usage: scripts/train-model.sh GITDIR [MODEL]
#   GITDIR  the PolNeAR git directory the search tool's `fetch github:networkdynamics/PolNeAR` prints
#   MODEL   where to write the model (default data/attribution.model)
#
# It prepares PolNeAR's train split with ../shared/eval/polnear.py into a temporary folder
# (third-party text: never inside the repository), trains with `stancegraph train`'s defaults,
# scores the model's spans on the dev split, and prints the model's checksum. The features read
# the rules' findings, so a change to the rules or the lexicon calls for a retrained model.
set -euo pipefail
cd "$(dirname "$0")/.."
gitdir=${1:?usage: scripts/train-model.sh GITDIR [MODEL]}
model=${2:-data/attribution.model}
polnear=../shared/eval/polnear.py
[ -f "$polnear" ] || { echo "train-model: $polnear not found (run from a checkout beside shared/)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$polnear" prepare "$gitdir" "$tmp/train" --split train >&2
python3 "$polnear" prepare "$gitdir" "$tmp/dev" --split dev >&2
cargo build --release -q
time target/release/stancegraph train --corpus "$tmp/train" -o "$model" --eval "$tmp/dev"
sha256sum "$model"
