#!/bin/bash
# test-completion.sh — completions/newskg.bash in bash itself: subcommands,
# options, option values and entity names from `newskg list --names`.
set -eu
: "${NEWSKG:?}" "${NKG_SOURCE_ROOT:?}"
# shellcheck source=../completions/newskg.bash
source "$NKG_SOURCE_ROOT/completions/newskg.bash"
cd "$NKG_SOURCE_ROOT/tests/data"

status=0
# complete WORDS... : runs _newskg as bash would with the cursor on the last word.
complete_words() {
    COMP_WORDS=("$NEWSKG" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _newskg
    printf '%s\n' "${COMPREPLY[@]}"
}
expect() {
    local want=$1; shift
    local got
    got=$(complete_words "$@" | sort | paste -sd'|' -)
    if [[ $got != "$want" ]]; then
        echo "FAIL: newskg $* <TAB>: want '$want', got '$got'"
        status=1
    fi
}

expect "search|shell|show|stats" "s"
expect "text" "te"
expect "--conflicts" facts --conf
expect "jsonld" build --format js
expect "--evidence" show --ev
expect "--min-support" facts --min
expect "city|country" list --type c
expect "signed|signedIn|signedOn" facts --property sig
expect "degree" list --sort d
expect "--json|--json-date|--json-text|--json-title|--json-url" build --json
expect "warc" build --input-format w
expect 'Rajnath\ Singh' show -g mini.ttl Rajn
expect '"Pete Hegseth"' facts -g mini.ttl --about '"Pete H'
expect 'Hegseth' path --graph mini.ttl heg
expect 'José\ Ramos-Horta' show -g mini.ttl jos
# no graph, no names, no error
expect "" show -g /nonexistent.ttl Raj
[[ $status == 0 ]] && echo "ok: bash completion"
exit $status
