#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# saliscope-cli links no widget library: ldd lists neither Qt 6 Widgets, Qt 6 PrintSupport nor
# QCustomPlot (the report, whose charts are QCustomPlot widgets, runs in saliscope-report). (ldd
# does list Qt 5 Widgets: Debian's libtorch_cpu needs libopencv_highgui, built with Qt 5.) The
# helper sits beside saliscope-cli in the build tree and does link them; `saliscope-cli report
# --help` runs it; a saliscope-cli without its helper says so in one line and exits 1.
# usage: check_cli_links.sh SALISCOPE_CLI SALISCOPE_REPORT
set -euo pipefail
cli="$1"
helper="$2"

work="$(mktemp -d "${TMPDIR:-/tmp}/saliscope-links.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
widget_libraries='lib(qt6widgets|qt6printsupport|qcustomplot)[^ ]*'

ldd "$cli" >"$work/cli.ldd"
if grep -i -E -o "$widget_libraries" "$work/cli.ldd" >"$work/found"; then
  fail "saliscope-cli links $(sort -u "$work/found" | tr '\n' ' ')"
fi
grep -q 'libQt6Core' "$work/cli.ldd" || fail "ldd lists no libQt6Core for saliscope-cli (is ldd reading it?)"
# The check can fail: the helper links all three.
ldd "$helper" >"$work/helper.ldd"
for library in libQt6Widgets libQt6PrintSupport libQCustomPlot; do
  grep -q -i "$library" "$work/helper.ldd" || fail "saliscope-report does not link $library (the check above would prove nothing)"
done
[ "$(dirname "$(readlink -f "$cli")")" = "$(dirname "$(readlink -f "$helper")")" ] ||
  fail "saliscope-report ($helper) is not beside saliscope-cli ($cli)"

# saliscope-cli report runs the helper: its help, with saliscope-cli's name.
help="$(PATH="$(dirname "$cli"):$PATH" saliscope-cli report --help)" || fail "saliscope-cli report --help failed"
[[ "$help" == "Usage: saliscope-cli report [options] PROJECT"* ]] || fail "saliscope-cli report --help begins: $(head -n 1 <<<"$help")"
grep -q -- '--language <CODE>' <<<"$help" || fail "saliscope-cli report --help lacks --language"
# Its exit status and messages pass through: a usage error is 2, one line on stderr.
status=0
"$cli" report >"$work/out" 2>"$work/err" || status=$?
[ "$status" = 2 ] || fail "saliscope-cli report without arguments exited $status, not 2"
grep -q -x 'saliscope-cli report: give PROJECT and -o FILE.pdf (see saliscope-cli report --help)' "$work/err" ||
  fail "saliscope-cli report without arguments printed: $(cat "$work/err")"

# Without its helper: one line, exit status 1.
mkdir "$work/alone"
cp "$cli" "$work/alone/saliscope-cli"
status=0
"$work/alone/saliscope-cli" report --help >"$work/out" 2>"$work/err" || status=$?
[ "$status" = 1 ] || fail "saliscope-cli report without saliscope-report exited $status, not 1"
[ ! -s "$work/out" ] || fail "saliscope-cli report without saliscope-report wrote on stdout: $(cat "$work/out")"
[ "$(grep -c . "$work/err")" = 1 ] && grep -q '^saliscope-cli report: cannot find saliscope-report' "$work/err" ||
  fail "saliscope-cli report without saliscope-report printed: $(cat "$work/err")"

if [ "$failures" -ne 0 ]; then
  echo "ldd saliscope-cli:" >&2
  cat "$work/cli.ldd" >&2
  exit 1
fi
echo "saliscope-cli links no widget library; saliscope-report beside it runs the report"
