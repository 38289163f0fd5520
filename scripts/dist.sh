#!/usr/bin/env bash
# `make dist`: a release tarball under dist/ that runs on a Debian machine with only
# libxlsxwriter installed — the Swift runtime and Foundation (with its ICU data) are linked
# statically. Layout (an installation prefix; the binary finds share/hamkor beside it):
#   hamkor-VERSION-linux-ARCH/bin/hamkor
#   hamkor-VERSION-linux-ARCH/share/hamkor/{Reports,Localization}/
#   hamkor-VERSION-linux-ARCH/share/man/man1/hamkor.1 (and hamkor-SUBCOMMAND.1)
#   hamkor-VERSION-linux-ARCH/share/{bash-completion/completions,zsh/site-functions,fish/vendor_completions.d}/
#   hamkor-VERSION-linux-ARCH/README.md
# SWIFT (default swift) and DIST_DIR (default dist) may be overridden.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
DIST_DIR=${DIST_DIR:-dist}
VERSION=$(sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/HamkorCore/HamkorVersion.swift)
NAME="hamkor-$VERSION-linux-$(uname -m)"
STAGE="$DIST_DIR/$NAME"

echo "== release build (static Swift runtime)" >&2
"$SWIFT" build -c release --product hamkor --static-swift-stdlib >&2
BIN="$("$SWIFT" build -c release --static-swift-stdlib --show-bin-path)/hamkor"
if ldd "$BIN" | grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libicu'; then
  echo "dist: $BIN still links the Swift runtime dynamically:" >&2
  ldd "$BIN" >&2
  exit 1
fi

echo "== $STAGE" >&2
rm -rf "$STAGE" "$STAGE.tar.gz"
mkdir -p "$STAGE/bin" "$STAGE/share/hamkor" "$STAGE/share/man/man1" \
  "$STAGE/share/bash-completion/completions" "$STAGE/share/zsh/site-functions" "$STAGE/share/fish/vendor_completions.d"
install -m 755 "$BIN" "$STAGE/bin/hamkor"
strip --strip-unneeded "$STAGE/bin/hamkor" 2>/dev/null || true
cp -R Localization Reports "$STAGE/share/hamkor/"
cp README.md "$STAGE/"
bash scripts/manpages.sh "$STAGE/bin/hamkor" "$STAGE/share/man/man1"
"$STAGE/bin/hamkor" --generate-completion-script bash > "$STAGE/share/bash-completion/completions/hamkor"
"$STAGE/bin/hamkor" --generate-completion-script zsh > "$STAGE/share/zsh/site-functions/_hamkor"
"$STAGE/bin/hamkor" --generate-completion-script fish > "$STAGE/share/fish/vendor_completions.d/hamkor.fish"

# Reproducible: sorted names, fixed owner and time (SOURCE_DATE_EPOCH, else the last commit's).
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
tar --sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner -C "$DIST_DIR" -czf "$STAGE.tar.gz" "$NAME"
(cd "$DIST_DIR" && sha256sum "$NAME.tar.gz" > "$NAME.tar.gz.sha256")
echo "$STAGE.tar.gz"
