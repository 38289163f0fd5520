# Sourced by the benchmark scripts: `need CMD` and `install_packages PKG...` (apt, with sudo
# when not root), so that a fresh Debian machine gets what a script needs on first run.
need() { command -v "$1" >/dev/null 2>&1; }
install_packages() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y --no-install-recommends "$@"
}

# What every benchmark script builds with: python3, a C compiler, pkg-config, libxlsxwriter-dev.
install_benchmark_tools() {
  need python3 || install_packages python3
  need cc || install_packages gcc libc6-dev
  need pkg-config || install_packages pkg-config
  pkg-config --exists xlsxwriter || bash scripts/install-deps.sh
}
