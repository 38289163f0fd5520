#!/usr/bin/env bash
# Hamkor benchmarks: `make bench` (see Benchmarks/README.md). Not part of the tests.
#   BENCH_RUNS=3                         runs per measurement (the table shows medians)
#   BENCH_SIZES="10000 100000 1000000"   dataset sizes (projects)
#   BENCH_LARGE_RUNS=3                   runs of each Hamkor export at 1,000,000 rows (C default-memory XLSX: once)
#   BENCH_SCRATCH=.build-bench           SwiftPM scratch path of the release build
#   BENCH_TMPDIR=                        where outputs are written (default: the system's temp)
#   BENCH_PEERS=1                        peer rows: polars, DuckDB, pandas (+ XlsxWriter) on the same tables
#   BENCH_SCALE=10000000                 the scale row: Hamkor's load + aggregate at this many projects (0: off)
#   BENCH_SCALEOUT_UNITS=10000           units of the scale-out batch (1, 2, 4 indexed workers; BENCH_SCALEOUT_WORKERS)
#   BENCH_SETTLE_MIB=0                   before each run at 1,000,000 rows, a throwaway process writes this much memory (experiment; 0: off)
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SCRATCH=${BENCH_SCRATCH:-.build-bench}

. Benchmarks/packages.sh
install_benchmark_tools
PEER_PYTHON=$(install_peer_tools)
[ -x /usr/bin/time ] || install_packages time

echo "== release build" >&2
"$SWIFT" build -c release --scratch-path "$SCRATCH" --product hamkor >&2
BIN_DIR=$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)

echo "== C baselines" >&2
mkdir -p Benchmarks/bin
cc -O2 -Wall -o Benchmarks/bin/xlsx_baseline Benchmarks/c/xlsx_baseline.c $(pkg-config --cflags --libs xlsxwriter)
cc -O2 -Wall -o Benchmarks/bin/csv_baseline Benchmarks/c/csv_baseline.c

SIZES=${BENCH_SIZES:-"10000 100000 1000000"}
echo "== data: $SIZES projects (cached in Benchmarks/.data)" >&2
python3 Benchmarks/generate.py $SIZES
SCALE=${BENCH_SCALE:-10000000}
if [ "$SCALE" != 0 ]; then
  echo "== data: $SCALE projects for the scale row (projects only)" >&2
  python3 Benchmarks/generate.py --projects-only "$SCALE"
fi

echo "== benchmarks" >&2
export BENCH_SIZES="$SIZES" BENCH_SCALE="$SCALE"
"$PEER_PYTHON" Benchmarks/bench.py --hamkor "$BIN_DIR/hamkor" --bin Benchmarks/bin --data Benchmarks/.data \
  --results Benchmarks/results/latest.md

echo "== scale-out: indexed workers on one folder" >&2
python3 Benchmarks/scaleout.py --hamkor "$BIN_DIR/hamkor" --units "${BENCH_SCALEOUT_UNITS:-10000}" \
  --workers "${BENCH_SCALEOUT_WORKERS:-1 2 4}" ${BENCH_TMPDIR:+--tmp "$BENCH_TMPDIR"} | tee -a Benchmarks/results/latest.md

{
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"\
       "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM;"\
       "$(. /etc/os-release && echo "$PRETTY_NAME");"\
       "$("$SWIFT" --version 2>/dev/null | head -1);"\
       "libxlsxwriter $(sed -n 's/^#define LXW_VERSION "\(.*\)"/\1/p' "$(pkg-config --variable=includedir xlsxwriter)/xlsxwriter.h");"\
       "$(python3 --version); $(date -u +%Y-%m-%d)."
} | tee -a Benchmarks/results/latest.md

# Copy the table into Benchmarks/README.md, between its results markers.
python3 - <<'PY'
import re
readme = "Benchmarks/README.md"
table = open("Benchmarks/results/latest.md", encoding="utf-8").read().strip()
text = open(readme, encoding="utf-8").read()
text = re.sub(r"(<!-- results -->\n).*?(<!-- /results -->)", lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)
open(readme, "w", encoding="utf-8").write(text)
PY
echo "table written to Benchmarks/results/latest.md and Benchmarks/README.md" >&2
