# bash completion for newskg(1): subcommands, their options, option
# values (types, properties, sort keys, files) and entity names, which come
# from `newskg list --names` on the graph named by -g/--graph (or
# ./corpus.ttl).

_newskg_entity_names()
{
    local graph="corpus.ttl" i
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        case ${COMP_WORDS[i]} in
            -g | --graph) graph=${COMP_WORDS[i + 1]} ;;
            --graph=*) graph=${COMP_WORDS[i]#--graph=} ;;
        esac
    done
    graph=${graph/#\~/$HOME}
    [[ -r $graph ]] || return
    "${COMP_WORDS[0]}" list --names --graph "$graph" 2>/dev/null
}

# Offers entity names matching the word being completed, quoted for the
# shell: "Rajnath\ Singh" when the word is bare, "\"Rajnath Singh\"" when it
# was opened with a quote.
_newskg_complete_names()
{
    local cur=$1 quote="" plain name lower_plain
    case $cur in
        \"* | \'*) quote=${cur:0:1} plain=${cur:1} ;;
        *) plain=${cur//\\/} ;;
    esac
    lower_plain=${plain,,}
    local IFS=$'\n'
    for name in $(_newskg_entity_names); do
        local lower=${name,,}
        [[ $lower == "$lower_plain"* ]] || continue
        if [[ -n $quote ]]; then
            COMPREPLY+=("$quote$name$quote")
        else
            COMPREPLY+=("$(printf '%q' "$name")")
        fi
    done
}

_newskg()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local commands="build extract merge show list search facts path stats dot text shell"
    local common="--graph --json --color --help"
    COMPREPLY=()

    if ((COMP_CWORD == 1)); then
        mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
        return
    fi

    local cmd=${COMP_WORDS[1]}
    case $prev in
        -g | --graph | -o | --output | --dot | --svg | -r | --root | --state)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            compopt -o filenames 2>/dev/null
            return
            ;;
        -t | --type)
            mapfile -t COMPREPLY < <(compgen -W "person government organization country city place event agreement any" -- "$cur")
            return
            ;;
        -p | --property)
            mapfile -t COMPREPLY < <(compgen -W "jobTitle represents worksFor signed party signedIn signedOn replaces duration met attended location startDate containedInPlace subOrganization handle" -- "$cur")
            return
            ;;
        -s | --sort)
            mapfile -t COMPREPLY < <(compgen -W "mentions name degree" -- "$cur")
            return
            ;;
        --color)
            mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
            return
            ;;
        -f | --format)
            mapfile -t COMPREPLY < <(compgen -W "turtle ntriples nquads rdfxml jsonld dot svg" -- "$cur")
            return
            ;;
        --input-format)
            mapfile -t COMPREPLY < <(compgen -W "text html feed json warc archive" -- "$cur")
            return
            ;;
        --lang)
            mapfile -t COMPREPLY < <(compgen -W "en any" -- "$cur")
            return
            ;;
        -n | --limit | -m | --min-support | --max | --base | -j | --jobs | --hops | --max-nodes | --types | --start | --end \
            | --json-text | --json-title | --json-date | --json-url | --shard)
            return
            ;;
        -a | --about | --focus)
            _newskg_complete_names "$cur"
            return
            ;;
    esac

    local opts
    case $cmd in
        build) opts="--output --format --dot --svg --base --jobs --state --quiet --json --no-cache --strict --verbose --lang --input-format --json-text --json-title --json-date --json-url --help" ;;
        extract) opts="--output --shard --jobs --quiet --strict --verbose --lang --input-format --json-text --json-title --json-date --json-url --help" ;;
        merge) opts="--output --format --dot --svg --base --quiet --json --no-cache --help" ;;
        show) opts="--evidence --type --limit $common" ;;
        list) opts="--type --sort --limit --names $common" ;;
        search) opts="--type --limit $common" ;;
        facts) opts="--about --property --min-support --limit --evidence --conflicts $common" ;;
        path) opts="--max --evidence $common" ;;
        stats) opts="--limit $common" ;;
        shell) opts="--graph --help" ;;
        dot) opts="--graph --focus --hops --types --min-support --max-nodes --isolated --no-legend --output --svg --json --help" ;;
        text) opts="--root --start --end $common" ;;
    esac

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return
    fi
    case $cmd in
        show | path | search) _newskg_complete_names "$cur" ;;
        build | extract | merge | text)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            compopt -o filenames 2>/dev/null
            ;;
    esac
}

complete -F _newskg newskg
