#!/usr/bin/env bash
# Installs the system packages Hamkor builds with, only when they are missing:
# libxlsxwriter-dev (the XLSX writer, found through pkg-config), libcairo2-dev and
# libpango1.0-dev (the PDF writer, through pkg-config pangocairo), fonts-noto-core (Noto Sans,
# the PDF font), poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm: the PDF tests read
# every PDF back with them), gettext (msgfmt), PostgreSQL (the tests' throwaway server),
# libreoffice-calc-nogui with --tests only (the tests open workbooks in it), and a
# decimal-comma locale (ru_RU.UTF-8) so the test that guards XLSX numbers against LC_NUMERIC runs,
# and tr_TR.UTF-8 and az_AZ.UTF-8 (dotted and dotless i) for the test that every output is
# byte-identical under them and under C.
set -euo pipefail

# --tests: also what only the tests use (LibreOffice), which `make test` asks for.
for_tests=0
[ "${1:-}" = "--tests" ] && for_tests=1

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists xlsxwriter; then missing+=(libxlsxwriter-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists cairo; then missing+=(libcairo2-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists pangocairo; then missing+=(libpango1.0-dev); fi
[ -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || missing+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
if [ $for_tests -eq 1 ]; then command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui); fi
# PostgreSQL: the tests start a throwaway server (scripts/with-postgres.sh).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
need_locale=0
test_locales=(ru_RU tr_TR az_AZ)
for name in "${test_locales[@]}"; do
  if ! locale -a 2>/dev/null | grep -qi "^${name}\.utf-\?8$"; then
    need_locale=1
  fi
done
if [ $need_locale -eq 1 ]; then
  command -v localedef >/dev/null 2>&1 && [ -d /usr/share/i18n/locales ] || missing+=(locales)
fi
[ ${#missing[@]} -eq 0 ] && [ $need_locale -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "hamkor: missing ${missing[*]}; install them with your package manager" >&2
  echo "  (macOS: brew install libxlsxwriter pango cairo poppler gettext pkg-config, and a Noto Sans font)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "hamkor: need root to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "hamkor: installing ${missing[*]} with apt-get" >&2
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
pkg-config --exists xlsxwriter || { echo "hamkor: libxlsxwriter still not found by pkg-config" >&2; exit 1; }
pkg-config --exists pangocairo || { echo "hamkor: pangocairo still not found by pkg-config" >&2; exit 1; }
if [ $need_locale -eq 1 ]; then
  # Only for the tests; a failure here is not fatal (the tests that need a locale say they skipped).
  for name in "${test_locales[@]}"; do
    locale -a 2>/dev/null | grep -qi "^${name}\.utf-\?8$" && continue
    echo "hamkor: generating the ${name}.UTF-8 locale for the tests" >&2
    $sudo localedef -i "$name" -f UTF-8 "${name}.UTF-8" 2>/dev/null \
      || echo "hamkor: could not generate ${name}.UTF-8; the tests that need it will skip" >&2
  done
fi
