#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Keeps docs/cli.md in step with the programs, as check_manpages.sh does for the man pages:
# every saliscope-cli command (`saliscope-cli --help`) has a section "### `COMMAND`", every
# option that `saliscope-cli COMMAND --help` lists appears in backquotes in that section (or in
# "Common options"), every option of `saliscope --help` and `saliscope-export --help` in their
# sections, and every measure parameter (`saliscope-cli measure --list-parameters`) in docs/cli.md
# and in docs/measures.md. A section for a command that no longer exists fails too.
# usage: check_docs.sh SALISCOPE_CLI SALISCOPE SOURCE_DIR
set -euo pipefail
cli="$1"
gui="$2"
source_dir="$3"
doc="$source_dir/docs/cli.md"
measures_doc="$source_dir/docs/measures.md"
source "$(dirname "${BASH_SOURCE[0]}")/clihelp.sh"
[ -f "$doc" ] || { echo "FAIL: $doc is missing" >&2; exit 1; }

# The lines of docs/cli.md under a heading (exactly HEADING) up to the next heading of the same
# or a higher level; headings inside ``` code blocks do not count.
section() {  # HEADING
  awk -v heading="$1" '
    /^```/ { fence = !fence }
    !fence && /^#+ / {
      level = index($0, " ") - 1
      if (inside && level <= depth) inside = 0
      if ($0 == heading) { inside = 1; depth = level; next }
    }
    inside' "$doc"
}
# An option counts as documented when it starts a code span: `--out DIR`, `-o`, `--no-flip`.
check_options() {  # SECTION_TEXT HELP_TEXT WHAT
  local option
  while read -r option; do
    [ -n "$option" ] || continue
    grep -q -E -- "\`$option([^a-zA-Z0-9-]|\$)" <<<"$1" || fail "$3: $option is missing from docs/cli.md"
  done < <(options_in <<<"$2")
}

work="$(mktemp -d "${TMPDIR:-/tmp}/saliscope-docs.XXXXXX")"
trap 'rm -rf "$work"' EXIT

start_command_helps "$cli" "$work"
common="$(section '### Common options')"
[ -n "$common" ] || fail "docs/cli.md has no '### Common options' section"
for command in $commands; do
  text="$(section "### \`$command\`")"
  [ -n "$text" ] || fail "docs/cli.md has no section '### \`$command\`'"
  help_of "$command" "$work" || continue
  check_options "$text"$'\n'"$common" "$help" "saliscope-cli $command"
done
# Sections of saliscope-cli commands that no longer exist.
while read -r documented; do
  [ -n "$documented" ] || continue
  grep -q -x -F -- "$documented" <<<"$commands" || fail "docs/cli.md documents '$documented', which saliscope-cli --help does not list"
done < <(section '## `saliscope-cli`' | awk '/^```/ { fence = !fence } !fence' | sed -n 's/^### `\([a-z-]*\)`$/\1/p')

parameters="$("$cli" measure --list-parameters)" || fail "saliscope-cli measure --list-parameters failed"
while IFS='=' read -r key _; do
  [ -n "$key" ] || continue
  grep -q -F "\`$key\`" "$doc" || fail "measure parameter $key is missing from docs/cli.md"
  grep -q -F "\`$key\`" "$measures_doc" || fail "measure parameter $key is missing from docs/measures.md"
done <<<"$parameters"

gui_help="$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${TMPDIR:-/tmp}" "$gui" --help 2>/dev/null)" ||
  fail "saliscope --help failed"
gui_section="$(section '## `saliscope`')"
[ -n "$gui_section" ] || fail "docs/cli.md has no section '## \`saliscope\`'"
check_options "$gui_section" "$gui_help" "saliscope"
export_help="$(/usr/bin/python3 "$source_dir/tools/saliscope-export" --help)" || fail "saliscope-export --help failed"
export_section="$(section '## `saliscope-export`')"
[ -n "$export_section" ] || fail "docs/cli.md has no section '## \`saliscope-export\`'"
check_options "$export_section" "$export_help" "saliscope-export"

[ "$failures" -eq 0 ] || exit 1
echo "docs/cli.md covers $(wc -w <<<"$commands") commands, their options and $(wc -l <<<"$parameters") measure parameters"
