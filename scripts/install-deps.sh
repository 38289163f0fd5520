#!/usr/bin/env bash
# Installs the system packages Hamkor builds with, only when they are missing:
# libxlsxwriter-dev (the XLSX writer, found through pkg-config) and gettext (msgfmt).
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists xlsxwriter; then missing+=(libxlsxwriter-dev); fi
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "hamkor: missing ${missing[*]}; install them with your package manager" >&2
  echo "  (macOS: brew install libxlsxwriter gettext pkg-config)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "hamkor: need root to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "hamkor: installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
pkg-config --exists xlsxwriter || { echo "hamkor: libxlsxwriter still not found by pkg-config" >&2; exit 1; }
