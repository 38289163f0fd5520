#!/usr/bin/env bash
# Writes hamkor's man pages (mdoc) into a folder with swift-argument-parser's own
# `generate-manual` tool, built from the package checkout SwiftPM resolved.
#   scripts/manpages.sh BINARY OUTPUT_FOLDER
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=$1
OUTPUT=$2
SWIFT=${SWIFT:-swift}
PARSER=.build/checkouts/swift-argument-parser
[ -d "$PARSER" ] || "$SWIFT" package resolve >&2
"$SWIFT" build -c release --package-path "$PARSER" --scratch-path .build/generate-manual --product generate-manual >&2
TOOL="$("$SWIFT" build -c release --package-path "$PARSER" --scratch-path .build/generate-manual --show-bin-path)/generate-manual"
mkdir -p "$OUTPUT"
"$TOOL" "$BINARY" --output-directory "$OUTPUT" --date "$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}" +%Y-%m-%d)" \
  --section 1 --authors "The Hamkor authors" >&2
ls "$OUTPUT"/hamkor.1 >/dev/null
