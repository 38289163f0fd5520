#!/usr/bin/env bash
# libFuzzer over Hamkor's loaders (`make fuzz`). Each harness in Fuzz/ (a separate package, so
# the normal build never sees it) runs for FUZZ_SECONDS (default 60) from the seeds in
# Fuzz/Seeds/<harness>/; new corpus entries go to Fuzz/.corpus/<harness>/ (not committed),
# crashes to Fuzz/crashes/<harness>/. Exit 1 when any harness found a crash.
#   FUZZ_SECONDS=30 make fuzz          # shorter
#   FUZZ_TARGETS="FuzzDataset" make fuzz
# FuzzYAMLGuard checks the YAML safety guard of every Hamkor file: what it lets through must
# compose with no anchor or alias, within the nesting limit, into no more nodes than the text
# spells (its seeds are alias bombs hidden behind quotes, backslashes, block scalars, comments).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGETS:-FuzzYAMLGuard FuzzDataset FuzzDatasetCSV FuzzDefinition FuzzJobFile FuzzPOCatalog}"
SCRATCH="${FUZZ_SCRATCH:-Fuzz/.build}"
SWIFT="${SWIFT:-swift}"
# libxlsxwriter is not needed by the harnesses, but the root package declares it.
bash scripts/install-deps.sh >/dev/null 2>&1 || true

flags=(-c debug --package-path Fuzz --scratch-path "$SCRATCH"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -g)
for target in $TARGETS; do
  echo "fuzz: building $target"
  "$SWIFT" build "${flags[@]}" --product "$target"
done
bin="$("$SWIFT" build "${flags[@]}" --show-bin-path)"

failed=0
summary=()
for target in $TARGETS; do
  corpus="Fuzz/.corpus/$target"; crashes="Fuzz/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  log="Fuzz/.corpus/$target.log"
  echo "fuzz: running $target for ${SECONDS_EACH}s"
  set +e
  ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1" \
    "$bin/$target" "$corpus" "Fuzz/Seeds/$target" \
      -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  if [ "$status" -ne 0 ]; then
    failed=1
    summary+=("$target: FAILED (exit $status) after $runs runs; see $log and $crashes/")
    grep -E 'ERROR|SUMMARY|Fatal error|Test unit written' "$log" | head -5 || true
  else
    summary+=("$target: ok, $runs runs in ${SECONDS_EACH}s")
  fi
done
printf '%s\n' "${summary[@]}"
exit "$failed"
