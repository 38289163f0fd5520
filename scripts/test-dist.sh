#!/usr/bin/env bash
# `make test-dist`: unpacks the `make dist` tarball into a new temporary folder and runs it
# from there with an empty environment and no path to the checkout: the bundled sample job,
# its manifest verified, a Russian briefing (ICU data from the static Foundation), the man
# page and completions. Fails on the first thing that is missing or wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST_DIR=${DIST_DIR:-dist}
VERSION=$(sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/HamkorCore/HamkorVersion.swift)
TARBALL="$DIST_DIR/hamkor-$VERSION-linux-$(uname -m).tar.gz"
[ -f "$TARBALL" ] || { echo "test-dist: $TARBALL is missing; run make dist" >&2; exit 1; }
(cd "$DIST_DIR" && sha256sum --quiet -c "$(basename "$TARBALL").sha256")
TARBALL=$(realpath "$TARBALL")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hamkor-dist-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
tar -xzf "$TARBALL" -C "$WORK"
ROOT="$WORK/hamkor-$VERSION-linux-$(uname -m)"
fail() { echo "test-dist: $*" >&2; exit 1; }

# The binary needs no Swift library from the toolchain, and every library it needs is there.
if ldd "$ROOT/bin/hamkor" | grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|not found'; then
  ldd "$ROOT/bin/hamkor" >&2; fail "the binary links a missing or toolchain library"
fi
for path in share/man/man1/hamkor.1 share/bash-completion/completions/hamkor share/zsh/site-functions/_hamkor \
            share/fish/vendor_completions.d/hamkor.fish share/hamkor/Reports/jobs.yaml share/hamkor/Localization/ru.po; do
  [ -s "$ROOT/$path" ] || fail "$path is missing from the bundle"
done
grep -q '^\.Nm hamkor' "$ROOT/share/man/man1/hamkor.1" || fail "the man page has no .Nm hamkor"

# Run from inside the temporary folder, with nothing of this shell's environment (no
# HAMKOR_RESOURCES, no PATH to the toolchain) and the checkout nowhere above the folder.
run() { (cd "$WORK" && env -i HOME="$WORK" PATH=/usr/bin:/bin LANG=C.UTF-8 SOURCE_DATE_EPOCH=1724400000 "$ROOT/bin/hamkor" "$@"); }
case "$WORK" in "$PWD"/*) fail "the temporary folder is inside the checkout" ;; esac
run --version | grep -q "^hamkor $VERSION " || fail "--version"
run batch "$ROOT/share/hamkor/Reports/jobs.yaml" --out "$WORK/out" --quiet || fail "the sample job failed (exit $?)"
run manifest verify "$WORK/out" >/dev/null 2>&1 || fail "manifest verify failed"
units=$(grep -c '"status": "ok"' "$WORK/out/manifest.json")
[ "$units" -ge 60 ] || fail "only $units units written"
run report briefing --lang ru | grep -q 'августа 2024' || fail "the Russian briefing has no localized date"
run report portfolio --lang uz --format csv --table by-sector | grep -q "oʻ\|Oʻ" || fail "the Uzbek CSV has no U+02BB"
echo "test-dist: ok — $units units from $(basename "$TARBALL") unpacked in $WORK ($(du -sh "$ROOT" | cut -f1) unpacked, binary $(du -h "$ROOT/bin/hamkor" | cut -f1))"
