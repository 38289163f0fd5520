#!/usr/bin/env bash
# Opens every workbook under a folder (default ./out) in LibreOffice headless by converting it
# to PDF; fails if any conversion fails. Skips, saying so, when LibreOffice is not installed
# (Debian: apt-get install libreoffice-calc-nogui).
set -euo pipefail
folder=${1:-out}
if ! command -v soffice >/dev/null 2>&1; then
  echo "check-office: skipped: soffice (LibreOffice) is not installed"
  exit 0
fi
[ -d "$folder" ] || { echo "check-office: $folder does not exist; run 'make run' first" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=0; failed=0
while IFS= read -r -d '' workbook; do
  count=$((count + 1))
  if ! HOME="$work" timeout 180 soffice --headless --convert-to pdf --outdir "$work/pdf" "$workbook" >"$work/log" 2>&1 \
     || [ ! -s "$work/pdf/$(basename "${workbook%.xlsx}").pdf" ]; then
    echo "check-office: FAILED: $workbook"; cat "$work/log"; failed=$((failed + 1))
  fi
done < <(find "$folder" -name '*.xlsx' -print0 | sort -z)
echo "check-office: $((count - failed)) of $count workbooks opened in LibreOffice and converted to PDF"
[ $failed -eq 0 ]
