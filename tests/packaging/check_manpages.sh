#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Keeps the man pages in step with the programs: every saliscope-cli command (`saliscope-cli
# --help`) has a section in saliscope-cli.1, every option that `saliscope-cli COMMAND --help`,
# `saliscope --help` or `saliscope-export --help` lists appears in its page, and so does every
# measure parameter (`saliscope-cli measure --list-parameters`).
# usage: check_manpages.sh SALISCOPE_CLI SALISCOPE SOURCE_DIR
set -euo pipefail
cli="$1"
gui="$2"
source_dir="$3"
man_dir="$source_dir/packaging/man"
source "$(dirname "${BASH_SOURCE[0]}")/clihelp.sh"

# The page's text with roff escapes for hyphens and fonts removed.
page_text() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man_dir/$1"; }
check_options() {  # PAGE_TEXT HELP_TEXT WHAT
  local option
  while read -r option; do
    [ -n "$option" ] || continue
    grep -q -E -- "(^|[^a-zA-Z0-9-])$option([^a-zA-Z0-9-]|\$)" <<<"$1" || fail "$3: $option is missing from the man page"
  done < <(options_in <<<"$2")
}

work="$(mktemp -d "${TMPDIR:-/tmp}/saliscope-man.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cli_page="$(page_text saliscope-cli.1)"
start_command_helps "$cli" "$work"
for command in $commands; do
  grep -q -E "^\.SS \"$command( |\")" <<<"$cli_page" || fail "saliscope-cli.1 has no section for '$command'"
  help_of "$command" "$work" || continue
  # The options of this command's section (up to the next section).
  section="$(awk -v c="$command" '/^\.S[SH] / { inside = ($0 ~ "^\\.SS \"" c "[ \"]") } inside' <<<"$cli_page")"
  common="$(awk '/^\.SH COMMON OPTIONS/ { inside = 1; next } /^\.SH / { inside = 0 } inside' <<<"$cli_page")"
  check_options "$section"$'\n'"$common" "$help" "saliscope-cli $command"
done
while IFS='=' read -r key _; do
  grep -q -F "$key" <<<"$cli_page" || fail "measure parameter $key is missing from saliscope-cli.1"
done < <("$cli" measure --list-parameters)

gui_help="$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${TMPDIR:-/tmp}" "$gui" --help 2>/dev/null)" ||
  fail "saliscope --help failed"
check_options "$(page_text saliscope.1)" "$gui_help" "saliscope"
export_help="$(/usr/bin/python3 "$source_dir/tools/saliscope-export" --help)" || fail "saliscope-export --help failed"
check_options "$(page_text saliscope-export.1)" "$export_help" "saliscope-export"

[ "$failures" -eq 0 ] || exit 1
echo "man pages cover $(wc -w <<<"$commands") commands and their options"
