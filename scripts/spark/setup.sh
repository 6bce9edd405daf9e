#!/usr/bin/env bash
# Make the venv the Spark job runs in (pyspark from PyPI) and check for Java.
#
# usage: scripts/spark/setup.sh [VENV]      (default: target/spark-venv)
# Prints the venv's python on success; exits non-zero, saying why, otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${1:-target/spark-venv}
if ! command -v java >/dev/null 2>&1; then
    echo "spark setup: no java on PATH (Debian: apt-get install openjdk-17-jre-headless)" >&2
    exit 3
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
    "$venv/bin/pip" install -q -r scripts/spark/requirements.txt
fi
echo "$(cd "$venv" && pwd)/bin/python"
