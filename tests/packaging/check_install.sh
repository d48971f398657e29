#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the built tree into a temporary DESTDIR with prefix /usr and checks the layout: the
# programs (without RUNPATH, with every library resolved by the system), the desktop entry, the
# AppStream metainfo, the MIME type, the icons, the man pages and the translations; then runs the
# installed programs. saliscope-report, which saliscope-cli runs for `report`, installs to
# libexec/saliscope/; saliscope-cli links no widget library. The bench is installed only with
# --component bench.
# usage: check_install.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build="$1"
source_dir="$2"
version="$3"
app_id=io.github.saliscope.Saliscope

work="$(mktemp -d "${TMPDIR:-/tmp}/saliscope-install.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check_file() { [ -f "$root/usr/$1" ] || fail "not installed: /usr/$1"; }

DESTDIR="$root" "${CMAKE:-cmake}" --install "$build" --prefix /usr >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; echo "FAIL: cmake --install" >&2; exit 1; }

# Everything lands under /usr.
outside="$(cd "$root" && find . -mindepth 1 -maxdepth 1 ! -name usr)"
[ -z "$outside" ] || fail "installed outside /usr: $outside"

# Programs.
for program in saliscope saliscope-cli saliscope-export; do
  [ -x "$root/usr/bin/$program" ] || fail "not installed as a program: /usr/bin/$program"
done
[ -x "$root/usr/libexec/saliscope/saliscope-report" ] || fail "not installed as a program: /usr/libexec/saliscope/saliscope-report"
[ ! -e "$root/usr/bin/saliscope-report" ] || fail "saliscope-report installed to /usr/bin, not /usr/libexec/saliscope"
[ ! -e "$root/usr/bin/saliscope-bench" ] || fail "saliscope-bench installed without --component bench"
for path in bin/saliscope bin/saliscope-cli libexec/saliscope/saliscope-report; do
  binary="$root/usr/$path"
  program="$(basename "$path")"
  [ -f "$binary" ] || continue
  if readelf -d "$binary" | grep -E -q '\((RPATH|RUNPATH)\)'; then
    fail "$program keeps a RUNPATH: $(readelf -d "$binary" | grep -E '\((RPATH|RUNPATH)\)')"
  fi
  libraries="$(ldd "$binary")"
  if grep -q 'not found' <<<"$libraries"; then
    fail "$program: libraries not found: $(grep 'not found' <<<"$libraries" | tr -s ' \t' ' ')"
  fi
  if grep -q -F "$build" <<<"$libraries"; then
    fail "$program loads libraries from the build tree"
  fi
done
if [ -f "$root/usr/bin/saliscope-cli" ]; then
  widgets="$(ldd "$root/usr/bin/saliscope-cli" | grep -i -E -o 'lib(qt6widgets|qt6printsupport|qcustomplot)[^ ]*' || true)"
  [ -z "$widgets" ] || fail "the installed saliscope-cli links $(tr '\n' ' ' <<<"$widgets")"
fi

# Desktop integration.
check_file "share/applications/$app_id.desktop"
check_file "share/metainfo/$app_id.metainfo.xml"
check_file "share/mime/packages/$app_id.xml"
check_file "share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 24 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  if [ ! -f "$png" ]; then
    fail "not installed: $png"
    continue
  fi
  # PNG signature, then the IHDR chunk's width and height (big-endian) at bytes 16..23.
  read -r -a header <<<"$(od -An -tu1 -N24 "$png" | tr -s ' \n' '  ')"
  [ "${header[1]}${header[2]}${header[3]}" = "807871" ] || fail "$png is not a PNG"
  width=$(( (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19] ))
  height=$(( (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23] ))
  [ "$width" = "$size" ] && [ "$height" = "$size" ] || fail "$png is ${width}x${height}, not ${size}x${size}"
done
desktop="$root/usr/share/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $app_id.desktop"
  grep -q -x "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
  exec_program="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")"
  [ -x "$root/usr/bin/$exec_program" ] || fail "the desktop entry runs '$exec_program', which is not installed"
fi
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
if [ -f "$metainfo" ]; then
  appstreamcli validate --no-net --strict "$metainfo" >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log" >&2; fail "appstreamcli rejects the metainfo"; }
  release="$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" | head -n 1)"
  [ "$release" = "$version" ] || fail "the metainfo's newest release is '$release', the project is $version"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"
  grep -q "<project_license>GPL-3.0-or-later</project_license>" "$metainfo" ||
    fail "the metainfo does not name the project's licence, GPL-3.0-or-later"
fi
mime="$root/usr/share/mime/packages/$app_id.xml"
if [ -f "$mime" ]; then
  mkdir -p "$work/mime/packages"
  cp "$mime" "$work/mime/packages/"
  update-mime-database "$work/mime" >"$work/mime.log" 2>&1 || { cat "$work/mime.log" >&2; fail "update-mime-database rejects $app_id.xml"; }
  grep -q -x 'application/x-saliscope-project:\*\.saliscope' "$work/mime/globs" 2>/dev/null ||
    fail "*.saliscope is not mapped to application/x-saliscope-project"
fi

# Man pages: gzip, and each one names its program and the project's version.
for page in saliscope saliscope-cli saliscope-export; do
  man_page="$root/usr/share/man/man1/$page.1.gz"
  if [ ! -f "$man_page" ]; then
    fail "not installed: $man_page"
    continue
  fi
  title="$(gzip -dc "$man_page" | grep '^\.TH ')" || fail "$page.1.gz is not a gzip man page"
  upper="$(tr '[:lower:]' '[:upper:]' <<<"$page")"
  [[ "$title" == ".TH $upper 1 "*"\"Saliscope $version\""* ]] || fail "$page.1's title line '$title' lacks $upper or Saliscope $version"
done

# Translations: one .qm per translations/saliscope_<lang>.ts.
shopt -s nullglob
for ts in "$source_dir"/translations/saliscope_*.ts; do
  check_file "share/saliscope/translations/$(basename "${ts%.ts}").qm"
done

# The machine-readable copyright file (GPL-3.0-or-later) beside the Debian changelog.
check_file "share/doc/saliscope/copyright"

# The installed programs run.
output="$("$root/usr/bin/saliscope-cli" --version)" || fail "installed saliscope-cli --version failed"
[[ "$output" == "saliscope-cli $version (LibTorch "* ]] || fail "saliscope-cli --version printed '$output'"
"$root/usr/bin/saliscope-cli" demo --help >"$work/demo-help.txt" || fail "installed saliscope-cli demo --help failed"
grep -q -- '--images-per-class' "$work/demo-help.txt" || fail "saliscope-cli demo --help lacks --images-per-class"
# `report` runs the installed saliscope-report (libexec/saliscope/, found from saliscope-cli's folder).
"$root/usr/bin/saliscope-cli" report --help >"$work/report-help.txt" || fail "installed saliscope-cli report --help failed"
grep -q -- '--language <CODE>' "$work/report-help.txt" || fail "saliscope-cli report --help lacks --language"
output="$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" "$root/usr/bin/saliscope" --version 2>/dev/null)" ||
  fail "installed saliscope --version failed"
[ "$output" = "Saliscope $version" ] || fail "saliscope --version printed '$output'"
"$root/usr/bin/saliscope-export" --help >/dev/null || fail "installed saliscope-export --help failed"

# The bench component.
DESTDIR="$root" "${CMAKE:-cmake}" --install "$build" --prefix /usr --component bench >>"$work/install.log" 2>&1 ||
  fail "cmake --install --component bench"
[ -x "$root/usr/bin/saliscope-bench" ] || fail "--component bench did not install /usr/bin/saliscope-bench"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed; the installed files:" >&2
  (cd "$root" && find . -type f | sort) >&2
  exit 1
fi
echo "installed layout and programs OK ($(cd "$root" && find . -type f | wc -l) files)"
