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

# The peers of the comparison rows, from PyPI into Benchmarks/.venv (git-ignored): pandas with the
# pyarrow CSV engine, polars, DuckDB and XlsxWriter. Prints the venv's python. Without network the
# benchmarks still run; the peer rows are then left out (bench.py checks what imports).
install_peer_tools() {
  local venv=Benchmarks/.venv
  [ -x "$venv/bin/python3" ] || python3 -m venv "$venv" >&2 || { echo python3; return; }
  "$venv/bin/python3" -c "import pandas, pyarrow, polars, duckdb, xlsxwriter" 2>/dev/null \
    || "$venv/bin/python3" -m pip install --quiet pandas pyarrow polars duckdb xlsxwriter >&2 \
    || echo "bench: could not install the peer tools; their rows are left out" >&2
  echo "$venv/bin/python3"
}
