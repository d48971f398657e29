#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Formats Saliscope's tracked C++ sources (app, core, ui, tools, tests) with clang-format and the
# repository's .clang-format.
#
#   tools/format.sh            reformat the files in place
#   tools/format.sh --check    change nothing; list the files that are not formatted and exit 1
#   tools/format.sh [--check] FILE...   only these files
#
# CLANG_FORMAT names the program (default: clang-format-14, else clang-format); the style was
# tuned with version 14, and other versions may format a few constructs differently.
set -euo pipefail

cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"

check=0
if [[ ${1:-} == --check ]]; then
  check=1
  shift
fi
if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

tool=${CLANG_FORMAT:-}
if [[ -z $tool ]]; then
  tool=$(command -v clang-format-14 || command -v clang-format || true)
fi
if [[ -z $tool ]]; then
  echo "format.sh: clang-format not found (apt-get install clang-format-14, or set CLANG_FORMAT)" >&2
  exit 2
fi

if (($# > 0)); then
  files=("$@")
else
  mapfile -t files < <(git ls-files -- 'app/*.cpp' 'app/*.h' 'core/*.cpp' 'core/*.h' \
                                       'ui/*.cpp' 'ui/*.h' 'tools/*.cpp' 'tools/*.h' 'tests/*.cpp' 'tests/*.h')
fi

if ((check)); then
  unformatted=0
  for file in "${files[@]}"; do
    if ! "$tool" --style=file "$file" | cmp -s - "$file"; then
      changed=$("$tool" --style=file "$file" | diff "$file" - | grep -c '^<' || true)
      echo "$file: $changed lines would change"
      unformatted=$((unformatted + 1))
    fi
  done
  if ((unformatted > 0)); then
    echo "format.sh: $unformatted of ${#files[@]} files are not formatted (run tools/format.sh)" >&2
    exit 1
  fi
  echo "format.sh: all ${#files[@]} files are formatted"
else
  printf '%s\0' "${files[@]}" | xargs -0 -n 20 "$tool" --style=file -i
  echo "format.sh: formatted ${#files[@]} files with $("$tool" --version)"
fi
