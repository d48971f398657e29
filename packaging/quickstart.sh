#!/usr/bin/env bash
# The README's quick start.
#   packaging/quickstart.sh run    install what is missing, build, start Saliscope
#   packaging/quickstart.sh test   install what is missing, build, run every test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-run}"
cd "$root"
bash packaging/install-deps.sh
export CCACHE_BASEDIR="$root"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
case "$mode" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "quickstart: no display; start the GUI with: xvfb-run -s '-screen 0 1600x1000x24' build/release/app/gui/saliscope"
      echo "quickstart: the command line works headless: build/release/app/cli/saliscope-cli --help"
      exit 0
    fi
    exec build/release/app/gui/saliscope
    ;;
  test)
    cd build/release
    exec ctest --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: packaging/quickstart.sh run|test" >&2
    exit 2
    ;;
esac
