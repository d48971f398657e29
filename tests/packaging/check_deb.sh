#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb with CPack into a temporary folder and checks it: the control fields, that
# Depends names the Debian package of every shared library the programs link (dpkg -S on this
# machine) and the plugins they load, that every package it names is installed here (so the
# names are real), the file list, the DEP-5 copyright file, lintian (when installed: no copyright
# error), and that the programs run from the unpacked package (saliscope-cli report through
# /usr/libexec/saliscope/saliscope-report).
# usage: check_deb.sh BUILD_DIR VERSION
set -euo pipefail
build="$1"
version="$2"
app_id=io.github.saliscope.Saliscope

work="$(mktemp -d "${TMPDIR:-/tmp}/saliscope-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"${CPACK:-cpack}" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }
deb="$work/out/saliscope_${version}-1_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { ls -l "$work/out" >&2; echo "FAIL: cpack did not write $(basename "$deb")" >&2; exit 1; }

# Control fields.
dpkg-deb --info "$deb" >"$work/info.txt"
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = saliscope ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version-1" ] || fail "Version is '$(field Version)', not $version-1"
[ "$(field Section)" = science ] || fail "Section is '$(field Section)'"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
[[ "$(field Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || fail "Maintainer '$(field Maintainer)' is not 'Name <address>'"
description="$(field Description)"
[ "$(wc -l <<<"$description")" -ge 3 ] || fail "the Description has no long description"
! grep -q ';' <<<"$description" || fail "the Description carries CMake list separators: $description"
! awk 'length > 80' <<<"$description" | grep -q . || fail "the Description has lines over 80 characters"
depends="$(field Depends)"
recommends="$(field Recommends)"
# Package names, alternatives split, versions dropped.
names() { tr ',|' '\n\n' <<<"$1" | sed 's/(.*)//; s/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^$' | sort -u; }
depend_names="$(names "$depends")"
has_depend() { grep -q -x -F "$1" <<<"$depend_names"; }

dpkg-deb -x "$deb" "$work/root"

# Every library the programs link comes from a package that Depends names.
declare -A library_path=()
for path in bin/saliscope bin/saliscope-cli libexec/saliscope/saliscope-report; do
  binary="$work/root/usr/$path"
  program="$(basename "$path")"
  [ -f "$binary" ] || { fail "the package lacks /usr/$path"; continue; }
  resolved="$(ldd "$binary")"
  while read -r library; do
    # "libx.so.1 => /path (addr)", or for the dynamic loader "/lib64/ld-linux-x86-64.so.2 (addr)".
    path="$(awk -v lib="$library" '$1 == lib && $2 == "=>" { print $3 } $1 ~ ("/" lib "$") { print $1 }' <<<"$resolved")"
    [ -n "$path" ] && [ "$path" != "not" ] || { fail "$program: $library not found"; continue; }
    library_path["$program $library"]="$path"
  done < <(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
done
# One dpkg -S for all (it is slow): the paths as ldd gives them and with links resolved (usrmerge).
declare -A owner_of=()
candidates=()
for path in "${library_path[@]}"; do
  candidates+=("$path" "$(readlink -f "$path")")
done
while IFS= read -r line; do
  owner_of["${line#*: }"]="${line%%:*}"
done < <(dpkg -S "${candidates[@]}" 2>/dev/null | grep -v '^diversion' || true)
for key in "${!library_path[@]}"; do
  path="${library_path[$key]}"
  owner="${owner_of[$path]:-${owner_of[$(readlink -f "$path")]:-}}"
  [ -n "$owner" ] || { fail "${key% *}: no Debian package owns $path"; continue; }
  has_depend "$owner" || fail "${key% *} links ${key#* } from $owner, which Depends lacks"
done
# Loaded at run time, not linked.
for package in libqt6sql6-sqlite qt6-qpa-plugins libopenblas0-openmp python3; do
  has_depend "$package" || fail "Depends lacks $package"
done
for package in libtorch1.13 libqt6widgets6 libqcustomplot2.1-qt6 libopencv-core406; do
  has_depend "$package" || fail "Depends lacks $package"
done
# Every named package exists: the build machine has all of them (packaging/debian-packages.txt).
for package in $depend_names $(names "$recommends"); do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    apt-cache show "$package" >/dev/null 2>&1 || fail "'$package' (Depends/Recommends) is no Debian package known here"
done

# The files.
dpkg-deb --contents "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/contents.txt"
for path in /usr/bin/saliscope /usr/bin/saliscope-cli /usr/bin/saliscope-export /usr/libexec/saliscope/saliscope-report \
            /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
            /usr/share/mime/packages/$app_id.xml /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
            /usr/share/icons/hicolor/48x48/apps/$app_id.png /usr/share/icons/hicolor/256x256/apps/$app_id.png \
            /usr/share/man/man1/saliscope.1.gz /usr/share/man/man1/saliscope-cli.1.gz \
            /usr/share/man/man1/saliscope-export.1.gz /usr/share/doc/saliscope/changelog.Debian.gz \
            /usr/share/doc/saliscope/copyright; do
  grep -q -x -F "$path" "$work/contents.txt" || fail "the package lacks $path"
done
! grep -q -x -F /usr/bin/saliscope-bench "$work/contents.txt" || fail "the package holds saliscope-bench"
# The changelog's first entry is this version, and parses (dpkg-parsechangelog, dpkg-dev).
changelog="$work/root/usr/share/doc/saliscope/changelog.Debian.gz"
if [ -f "$changelog" ]; then
  gzip -dc "$changelog" >"$work/changelog"
  [ "$(dpkg-parsechangelog -l "$work/changelog" -S Version)" = "$version-1" ] ||
    fail "the changelog's version is '$(dpkg-parsechangelog -l "$work/changelog" -S Version)', not $version-1"
fi
# The copyright file is machine-readable (DEP-5): the format line first, a "Files: *" stanza under
# GPL-3+, a Copyright and a License field in every Files stanza, and a standalone License
# paragraph (the text) for every licence short name the Files stanzas use.
copyright="$work/root/usr/share/doc/saliscope/copyright"
if [ -f "$copyright" ]; then
  [ "$(head -n 1 "$copyright")" = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ] ||
    fail "the copyright file's first line is not the DEP-5 Format line: $(head -n 1 "$copyright")"
  dep5="$(awk '
    function flush() {
      if (files != "") {
        if (!copyright || license == "") print "bad: Files: " files " lacks Copyright or License"
        print "uses " license
        if (files == "*") print "star " license
      }
      files = ""; copyright = 0; license = ""; text_of = ""
    }
    /^$/ { flush(); next }
    /^Files:/ { files = $2 }
    /^Copyright:/ { copyright = 1 }
    /^License:/ { license = $2; if (files == "") text_of = $2 }
    /^[ \t]/ && text_of != "" { print "text " text_of; text_of = "" }
    END { flush() }
  ' "$copyright")"
  incomplete="$(sed -n 's/^bad: //p' <<<"$dep5")"
  [ -z "$incomplete" ] || fail "the copyright file has incomplete stanzas: $incomplete"
  grep -q -x 'star GPL-3+' <<<"$dep5" || fail "the copyright file has no 'Files: *' stanza under GPL-3+"
  for name in $(sed -n 's/^uses //p' <<<"$dep5" | sort -u); do
    grep -q -x -F "text $name" <<<"$dep5" || fail "the copyright file uses License: $name without its text"
  done
  grep -q -F '/usr/share/common-licenses/GPL-3' "$copyright" || fail "the copyright file does not point to /usr/share/common-licenses/GPL-3"
fi
# lintian (when installed): no error tag about the copyright file; its other tags are printed.
# With --fail-on none, lintian exits non-zero only when it could not check the package.
if command -v lintian >/dev/null; then
  lintian_status=0
  lintian --fail-on none --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1 || lintian_status=$?
  sed 's/^/lintian: /' "$work/lintian.txt"
  [ "$lintian_status" -eq 0 ] || fail "lintian could not check the package (exit $lintian_status)"
  ! grep -E '^E: [^:]+: [^ ]*copyright' "$work/lintian.txt" >&2 || fail "lintian reports copyright errors"
else
  echo "SKIP lintian: not installed (apt-get install lintian), the copyright file is checked without it"
fi
outside="$(grep -v -E '^/(usr/?.*)?$' "$work/contents.txt" || true)"
[ -z "$outside" ] || fail "files outside /usr: $outside"
dpkg-deb --contents "$deb" | awk '$2 != "root/root" { print }' >"$work/owners.txt"
[ ! -s "$work/owners.txt" ] || fail "files not owned by root: $(head -n 3 "$work/owners.txt")"

# The unpacked programs run (their libraries come from the system).
output="$("$work/root/usr/bin/saliscope-cli" --version)" || fail "unpacked saliscope-cli --version failed"
[[ "$output" == "saliscope-cli $version (LibTorch "* ]] || fail "unpacked saliscope-cli --version printed '$output'"
grep -q -x -F "License GPL-3.0-or-later: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>." <<<"$output" ||
  fail "unpacked saliscope-cli --version does not name the licence: '$output'"
"$work/root/usr/bin/saliscope-cli" demo --help >/dev/null || fail "unpacked saliscope-cli demo --help failed"
"$work/root/usr/bin/saliscope-cli" report --help >"$work/report-help.txt" &&
  grep -q -- '--language <CODE>' "$work/report-help.txt" ||
  fail "unpacked saliscope-cli report --help failed (/usr/libexec/saliscope/saliscope-report)"

if [ "$failures" -ne 0 ]; then
  cat "$work/info.txt" >&2
  exit 1
fi
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes, $(wc -l <"$work/contents.txt") entries"
echo "Depends: $depends"
echo "Recommends: $recommends"
