#!/usr/bin/env bash
# Instruction counts: Hamkor's XLSX export against the C "cells" writer under callgrind — the
# repeatable counterpart of the wall times `make bench` measures (see Benchmarks/README.md).
# `make bench-instructions`; about five minutes. Not part of the tests.
#   INSTR_ROWS=20000            projects (at most 50,000: both sides then write default-memory workbooks)
#   BENCH_SCRATCH=.build-bench  SwiftPM scratch path of the release build
# Hamkor is counted inside WorkbookRenderer.render (workbook, formats, column plan, every cell,
# close and zip); the C writer inside its libxlsxwriter calls only (not its TSV parsing or its
# width scan), so the ratio leans against Hamkor.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SCRATCH=${BENCH_SCRATCH:-.build-bench}
ROWS=${INSTR_ROWS:-20000}
if [ "$ROWS" -gt 50000 ]; then echo "INSTR_ROWS must be at most 50,000 (Hamkor switches to constant memory above)" >&2; exit 64; fi

. Benchmarks/packages.sh
install_benchmark_tools
need valgrind || install_packages valgrind
need objcopy || install_packages binutils

echo "== release build" >&2
"$SWIFT" build -c release --scratch-path "$SCRATCH" --product hamkor >&2
BIN_DIR=$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)
mkdir -p Benchmarks/bin
cc -O2 -Wall -o Benchmarks/bin/xlsx_baseline Benchmarks/c/xlsx_baseline.c $(pkg-config --cflags --libs xlsxwriter)
python3 Benchmarks/generate.py "$ROWS"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 gives up on the DWARF 5 that Swift 6 emits; the symbol table is enough.
objcopy --strip-debug "$BIN_DIR/hamkor" "$work/hamkor"
render=$(nm "$work/hamkor" | awk '!found && $3 ~ /WorkbookRendererC6render2to15temporaryFolder/ { print $3; found = 1 }')
[ -n "$render" ] || { echo "WorkbookRenderer.render not found in the hamkor binary" >&2; exit 70; }

echo "== callgrind: Hamkor ($ROWS rows)" >&2
HAMKOR_RESOURCES="$PWD" valgrind --tool=callgrind --callgrind-out-file="$work/hamkor.out" \
  --collect-atstart=no --toggle-collect="$render" \
  "$work/hamkor" report portfolio --data "Benchmarks/.data/projects-$ROWS" --table projects --format xlsx \
  --output "$work/hamkor.xlsx" 2>"$work/hamkor.log" || { cat "$work/hamkor.log" >&2; exit 70; }
echo "== callgrind: C cells writer ($ROWS rows)" >&2
valgrind --tool=callgrind --callgrind-out-file="$work/c.out" --collect-atstart=no \
  --toggle-collect=workbook_new_opt --toggle-collect=worksheet_write_string \
  --toggle-collect=worksheet_write_number --toggle-collect=workbook_close \
  Benchmarks/bin/xlsx_baseline "Benchmarks/.data/baseline-$ROWS.tsv" "$work/c.xlsx" default cells "$work" \
  2>"$work/c.log" || { cat "$work/c.log" >&2; exit 70; }

python3 - "$work/hamkor.out" "$work/c.out" "$ROWS" <<'PY'
import collections, re, subprocess, sys

def by_object(path):
    """Instructions per object file (program, Swift runtime and Foundation, libc, zlib, libxlsxwriter)."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100", path], capture_output=True, text=True,
                          check=True).stdout
    groups = collections.Counter()
    total = None
    for line in text.splitlines():
        match = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*?)\s*$", line)
        if not match:
            continue
        count, rest = int(match.group(1).replace(",", "")), match.group(2)
        if rest == "PROGRAM TOTALS":
            total = count
            continue
        bracket = re.search(r"\[(.*)\]$", rest)
        # Lines without an object are glibc code inlined from its own headers ("./libio/...").
        library = bracket.group(1).rsplit("/", 1)[-1] if bracket else ("libc.so" if rest.startswith("./") else "?")
        if library.startswith("hamkor") or library == "xlsx_baseline":
            group = "program (Swift, or C main)"
        elif library.startswith(("libswift", "libFoundation", "lib_FoundationICU", "libdispatch", "libBlocksRuntime")):
            group = "Swift runtime, Foundation, ICU"
        elif library.startswith("libc.so"):
            group = "libc (formatting, malloc)"
        elif library.startswith("libz."):
            group = "zlib"
        elif library.startswith("libxlsxwriter"):
            group = "libxlsxwriter"
        else:
            group = "other"
        groups[group] += count
    if total is not None and total > sum(groups.values()):
        groups["other"] += total - sum(groups.values())
    return groups

hamkor, c, rows = by_object(sys.argv[1]), by_object(sys.argv[2]), int(sys.argv[3])
print(f"| XLSX export, {rows:,} rows, default memory | Hamkor | C cells | difference |")
print("|---|---|---|---|")
for group in sorted(set(hamkor) | set(c), key=lambda g: -max(hamkor[g], c[g])):
    print(f"| {group} | {hamkor[group]:,} | {c[group]:,} | {hamkor[group] - c[group]:+,} |")
total_h, total_c = sum(hamkor.values()), sum(c.values())
print(f"| **total instructions** | **{total_h:,}** | **{total_c:,}** | **{total_h / total_c:.3f}×** |")
PY

# Load, validation and aggregation: Hamkor's own phases (no baseline), counted over the whole
# `report portfolio` run and split by the functions that are the phases.
echo "== callgrind: Hamkor load + validate + aggregate ($ROWS rows)" >&2
HAMKOR_RESOURCES="$PWD" valgrind --tool=callgrind --callgrind-out-file="$work/phases.out" \
  "$work/hamkor" report portfolio --data "Benchmarks/.data/projects-$ROWS" --table projects --format csv \
  --output "$work/hamkor.csv" 2>"$work/phases.log" || { cat "$work/phases.log" >&2; exit 70; }
callgrind_annotate --inclusive=yes "$work/phases.out" | python3 -c '
import re, sys
phases = {"13DatasetLoaderV4loady": "load + validate (DatasetLoader.load)", "ReportBuilderV5build": "aggregate (ReportBuilder.build)"}
found = {}
for line in sys.stdin:
    match = re.match(r"\s*([\d,]+) \(", line)
    if not match:
        continue
    for symbol, name in phases.items():
        if symbol in line and name not in found:
            found[name] = match.group(1)
print()
print(f"| Hamkor phase, {int(sys.argv[1]):,} projects | instructions |")
print("|---|---|")
for name in phases.values():
    print("| " + name + " | " + found.get(name, "not found") + " |")
' "$ROWS"
