# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# What check_manpages.sh and check_docs.sh both read from the programs: sourced by each.
#   fail MESSAGE              counts a failure (the caller exits 1 when $failures > 0)
#   options_in < HELP         the long and short options of a --help text, one per line
#   start_command_helps CLI WORK
#                             sets $commands (saliscope-cli --help's list) and starts
#                             `CLI COMMAND --help` for each at once into WORK/COMMAND.txt
#   help_of COMMAND WORK      waits for that command's help (in this shell: the job is its
#                             child) and puts it in $help; counts a failure and returns 1 when
#                             the command failed

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Long and short options in a --help text: "  -o, --output <FILE>" -> --output, -o.
options_in() { grep -E '^\s+-' | grep -o -E '(^|[ ,])--?[a-zA-Z][a-zA-Z0-9-]*' | sed 's/^[ ,]//' | sort -u; }

declare -A help_job=()
start_command_helps() {  # CLI WORK
  commands="$("$1" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }')"
  [ "$(wc -l <<<"$commands")" -ge 10 ] || fail "saliscope-cli --help lists only: $commands"
  # Each start loads LibTorch (about a second): ask every command for its help at once.
  local command
  for command in $commands; do
    "$1" "$command" --help >"$2/$command.txt" 2>&1 &
    help_job[$command]=$!
  done
}

help_of() {  # COMMAND WORK
  help="$(cat "$2/$1.txt")"
  wait "${help_job[$1]}" || { fail "saliscope-cli $1 --help failed: $help"; return 1; }
}
