#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's quick start.
#   packaging/quickstart.sh run    install what is missing, build the programs (no tests), make the
#                                  demo, open it in Saliscope
#   packaging/quickstart.sh test   install what is missing, build everything (tests and their
#                                  fixtures too), run every test
# Both build into build/release; each sets SALISCOPE_BUILD_TESTS for its own needs, so `run`
# cannot fail on a test fixture and `test` always builds what `run` builds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-run}"
cd "$root"
bash packaging/install-deps.sh
export CCACHE_BASEDIR="$root"
case "$mode" in
  run) build_tests=OFF ;;
  test) build_tests=ON ;;
  *)
    echo "usage: packaging/quickstart.sh run|test" >&2
    exit 2
    ;;
esac
cmake --preset release -DSALISCOPE_BUILD_TESTS="$build_tests" >/dev/null
cmake --build --preset release -j "$(nproc)"
case "$mode" in
  run)
    # The built-in demo: faces, two model families trained here, all five measures (reused when present).
    demo="${SALISCOPE_DEMO_DIR:-$HOME/saliscope-demo}"
    build/release/app/cli/saliscope-cli demo --out "$demo"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "quickstart: no display; the demo's results are in $demo (project $demo/demo.saliscope)"
      echo "quickstart: see them with: xvfb-run -s '-screen 0 1600x1000x24' build/release/app/gui/saliscope $demo/demo.saliscope"
      exit 0
    fi
    exec build/release/app/gui/saliscope "$demo/demo.saliscope"
    ;;
  test)
    cd build/release
    # The demo's tests first, on their own: its training keeps every core busy for about six
    # minutes when alone, and took four times as long beside the other tests (docs/performance.md).
    status=0
    ctest --output-on-failure -j "$(nproc)" -L demo || status=1
    ctest --output-on-failure -j "$(nproc)" -LE demo || status=1
    exit "$status"
    ;;
esac
