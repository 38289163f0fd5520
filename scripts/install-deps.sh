#!/usr/bin/env bash
# Installs the system packages Hamkor builds with, only when they are missing:
# libxlsxwriter-dev (the XLSX writer, found through pkg-config), libcairo2-dev and
# libpango1.0-dev (the PDF writer, through pkg-config pangocairo), fonts-noto-core (Noto Sans,
# the PDF font), poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm: the PDF tests read
# every PDF back with them), gettext (msgfmt), and a
# decimal-comma locale (ru_RU.UTF-8) so the test that guards XLSX numbers against LC_NUMERIC runs.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists xlsxwriter; then missing+=(libxlsxwriter-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists cairo; then missing+=(libcairo2-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists pangocairo; then missing+=(libpango1.0-dev); fi
[ -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || missing+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
need_locale=0
if ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
  need_locale=1
  [ -f /etc/locale.gen ] && command -v locale-gen >/dev/null 2>&1 || missing+=(locales)
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
  # Only for the tests; a failure here is not fatal (the test then says it skipped).
  echo "hamkor: generating the ru_RU.UTF-8 locale for the tests" >&2
  { $sudo sed -i 's/^# *ru_RU.UTF-8 UTF-8/ru_RU.UTF-8 UTF-8/' /etc/locale.gen && $sudo locale-gen >/dev/null; } \
    || echo "hamkor: could not generate ru_RU.UTF-8; the LC_NUMERIC test will skip" >&2
fi
