#!/bin/sh
# test-shell.sh — `newskg shell` through a real terminal (tmux): the prompt,
# tab completion of commands, options and entity names (bare, quoted and
# accented), history recall with Up, and that history is saved on exit.
# Exit 77 (skipped) without tmux.
set -eu
: "${NEWSKG:?set NEWSKG to the newskg binary}"
: "${NKG_SOURCE_ROOT:?set NKG_SOURCE_ROOT to the source tree}"
command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }

tmp=$(mktemp -d)
sock="nkg-shell-test-$$"
t="tmux -L $sock -f /dev/null"
cleanup() { $t kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

fail() {
    echo "FAIL: $*"
    echo "---- screen ----"
    $t capture-pane -p -t nkg -S -300 2>/dev/null || true
    exit 1
}

# Waits until the screen (with scrollback) contains a fixed string.
wait_for() {
    i=0
    while [ $i -lt 300 ]; do
        if $t capture-pane -p -t nkg -S -300 2>/dev/null | grep -qF -- "$1"; then
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "timed out waiting for: $1"
}

# The current (last non-empty) line of the screen.
current_line() {
    $t capture-pane -p -t nkg | sed '/^$/d' | tail -n 1
}

# Waits until the current line contains a fixed string (completion and
# history redraw asynchronously; slow under sanitizers).
expect_line() {
    i=0
    while [ $i -lt 300 ]; do
        if current_line | grep -qF -- "$1"; then
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "$2: $(current_line)"
}

$t new-session -d -s nkg -x 200 -y 50 \
    "cd '$NKG_SOURCE_ROOT/tests/data' && env NO_COLOR=1 XDG_STATE_HOME='$tmp/state' LC_ALL=C.UTF-8 '$NEWSKG' shell -g mini.ttl; echo SHELL-EXIT=\$?; sleep 60"

# Keep the server alive when the first session is killed below: otherwise
# the second new-session can reach the exiting server ("server exited
# unexpectedly"), a race seen on a loaded machine.
$t set-option -g exit-empty off

wait_for "newskg>"
wait_for "13 entities"

# Command name completion, then a bare entity name.
$t send-keys -t nkg "sh" Tab
expect_line "newskg> show" "command not completed"
$t send-keys -t nkg "Rajn" Tab
expect_line "newskg> show Rajnath Singh" "name not completed"
$t send-keys -t nkg Enter
wait_for "Defence Minister [3]"
wait_for "articles/pact-signed.txt"

# Option completion, then a quoted name with a space: the closing quote is added.
$t send-keys -t nkg "facts --abo" Tab
expect_line "facts --about" "option not completed"
$t send-keys -t nkg '"Pete H' Tab
expect_line 'facts --about "Pete Hegseth"' "quoted name not completed"
$t send-keys -t nkg Enter
wait_for '"Secretary of War"'

# Accent-insensitive prefix: "jos" completes to "José Ramos-Horta".
$t send-keys -t nkg 'path "Jos' Tab
expect_line 'path "José Ramos-Horta"' "accented name not completed"
$t send-keys -t nkg " Malaysia" Enter
wait_for "3 links"

# Types complete after --type.
$t send-keys -t nkg "list --type cou" Tab
expect_line "list --type country" "type not completed"
$t send-keys -t nkg Enter
wait_for "United States"

# Errors do not end the shell.
$t send-keys -t nkg "show Rajnth" Enter
wait_for "did you mean 'Rajnath Singh'"
$t send-keys -t nkg "nosuch" Enter
wait_for "unknown command 'nosuch'"
# Ctrl-C abandons the line, not the shell.
$t send-keys -t nkg "show Rajnath" C-c
expect_line "newskg>" "no fresh prompt after Ctrl-C"
current_line | grep -qF "show Rajnath" && fail "Ctrl-C left the line: $(current_line)"
$t send-keys -t nkg "show --help" Enter
wait_for "Example:"

# History: Up recalls earlier lines, newest first.
$t send-keys -t nkg Up
expect_line "newskg> show --help" "Up did not recall the last line"
$t send-keys -t nkg Up Up
expect_line "newskg> show Rajnth" "Up Up Up did not go back three"
$t send-keys -t nkg C-u "quit" Enter
wait_for "SHELL-EXIT=0"

hist="$tmp/state/newskg/history"
[ -f "$hist" ] || fail "history not saved at $hist"
grep -qF 'facts --about "Pete Hegseth"' "$hist" || fail "history lacks a command"

# A new session sees the saved history.
$t kill-session -t nkg
$t new-session -d -s nkg -x 200 -y 50 \
    "cd '$NKG_SOURCE_ROOT/tests/data' && env NO_COLOR=1 XDG_STATE_HOME='$tmp/state' LC_ALL=C.UTF-8 '$NEWSKG' shell -g mini.ttl; echo SHELL-EXIT=\$?; sleep 60"
wait_for "newskg>"
$t send-keys -t nkg Up
expect_line "newskg> quit" "history not restored"
$t send-keys -t nkg C-u C-d
wait_for "SHELL-EXIT=0"
echo "ok: shell through tmux"
