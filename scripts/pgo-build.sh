#!/usr/bin/env bash
# Profile-guided release build of stancegraph.
#
# usage: scripts/pgo-build.sh [TRAINING_DIR...]
#
# 1. builds an instrumented binary (-Cprofile-generate) in target/pgo-gen;
# 2. runs `extract` and `build` with it over the training texts (default: the
#    bundled examples/articles; the benchmark corpus is not used, so the
#    profile cannot learn the benchmark's sentences);
# 3. merges the counts with the toolchain's own llvm-profdata (rustup's
#    llvm-tools component, installed here when missing) and rebuilds with
#    -Cprofile-use in target/pgo.
#
# The result, target/pgo/release/stancegraph, gives the same output as the
# plain release build, byte for byte; only the code layout and inlining
# differ. The extraction rules are branch-heavy code that runs on every token,
# and the profile tells LLVM which branches are hot. docs/scale.md has the
# figures.
set -euo pipefail
cd "$(dirname "$0")/.."
training=("$@")
[ ${#training[@]} -gt 0 ] || training=(examples/articles)
for t in "${training[@]}"; do
    [ -e "$t" ] || { echo "pgo-build: training input $t not found" >&2; exit 2; }
done

host=$(rustc -vV | awk '/^host:/ {print $2}')
profdata=$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata
if [ ! -x "$profdata" ]; then
    echo "pgo-build: installing rustup's llvm-tools component (for llvm-profdata)" >&2
    rustup component add llvm-tools >&2 || {
        echo "pgo-build: llvm-profdata not found and rustup could not install llvm-tools" >&2
        exit 2
    }
fi

profiles=$(mktemp -d /tmp/stancegraph-pgo.XXXXXX)
trap 'rm -rf "$profiles"' EXIT

# (the instrumented build writes its own target dir: the flags differ)
RUSTFLAGS="-Cprofile-generate=$profiles/raw" \
    cargo build --release -q --target-dir target/pgo-gen
gen=target/pgo-gen/release/stancegraph
for t in "${training[@]}"; do
    LLVM_PROFILE_FILE="$profiles/raw/run-%p-%m.profraw" "$gen" extract --quiet "$t" >/dev/null
    # (build prints its one-line summary on stderr: shown only on failure)
    LLVM_PROFILE_FILE="$profiles/raw/run-%p-%m.profraw" \
        "$gen" build --quiet "$t" -o "$profiles/graph.json" 2>"$profiles/build.log" ||
        { cat "$profiles/build.log" >&2; exit 1; }
done
"$profdata" merge -o "$profiles/merged.profdata" "$profiles/raw"

RUSTFLAGS="-Cprofile-use=$profiles/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
    cargo build --release -q --target-dir target/pgo
echo "pgo-build: target/pgo/release/stancegraph" >&2
