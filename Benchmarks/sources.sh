#!/usr/bin/env bash
# The data-source benchmarks (part of `make bench`): a 100,000-row Excel register against
# openpyxl and python-calamine, and 100,000 projects from PostgreSQL. BENCH_SOURCE_ROWS sets
# the size; the release binary is built by Benchmarks/run.sh (or here, if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SCRATCH=${BENCH_SCRATCH:-.build-bench}
ROWS=${BENCH_SOURCE_ROWS:-100000}
[ -x /usr/bin/time ] || { . Benchmarks/packages.sh; install_packages time; }
python3 -c 'import openpyxl, python_calamine' 2>/dev/null || python3 -m pip install --quiet openpyxl python-calamine
"$SWIFT" build -c release --scratch-path "$SCRATCH" --product hamkor >&2
BIN_DIR=$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)
bash scripts/with-postgres.sh python3 Benchmarks/sources.py --hamkor "$BIN_DIR/hamkor" --rows "$ROWS"
