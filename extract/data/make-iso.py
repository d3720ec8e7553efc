#!/usr/bin/env python3
"""make-iso.py ISO_JSON_DIR OUTDIR [NAMES.TSV] — the three ISO 3166 tables the lexicon
(extract/lexicon.c) reads, converted at build time from Debian's iso-codes
JSON (LGPL-2.1+) into TSV compiled into the binary.

Parsing the JSON at every run with json-glib was two thirds of loading the
lexicon (the subdivisions file alone is half a megabyte), as much as
extracting twenty articles. The tables keep every entry in the JSON's
order and only the fields the lexicon uses; an absent field is an empty
one:

    iso-3166-1.tsv   alpha_2 TAB name TAB common_name TAB official_name
    iso-3166-2.tsv   code TAB name TAB type
    iso-3166-3.tsv   alpha_4

The lexicon's choices (which names, which subdivision kinds) stay in C.

NAMES.TSV (data/subdivision-names.tsv: code TAB name) names subdivisions
that iso-codes calls by a placeholder, their kind and a number ("Province
1" for Nepal's Koshi): such a name replaces the placeholder. A name
iso-codes gives itself is kept.
"""
import re
import json
import os
import sys

TABLES = (
    ("iso_3166-1.json", "3166-1", "iso-3166-1.tsv", ("alpha_2", "name", "common_name", "official_name")),
    ("iso_3166-2.json", "3166-2", "iso-3166-2.tsv", ("code", "name", "type")),
    ("iso_3166-3.json", "3166-3", "iso-3166-3.tsv", ("alpha_4",)),
)


def field(entry, name, path):
    value = entry.get(name)
    if value is None:
        return ""
    # The lexicon splits lines on tabs and strips them: a value must
    # survive that unchanged, and an empty one would read as absent.
    if not isinstance(value, str) or not value or value != value.strip() or any(c in value for c in "\t\n\r"):
        sys.exit("%s: %s %r cannot go into a TSV field" % (path, name, value))
    return value


def read_names(path):
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if len(col) == 2 and not line.startswith("#") and col[1]:
                names[col[0]] = col[1]
    return names


def named(entry, names):
    """The entry with its placeholder name ("Province 1") replaced by the
    subdivision's name, when NAMES has it."""
    name, kind = entry.get("name"), entry.get("type")
    if entry.get("code") in names and kind and re.fullmatch(re.escape(kind) + r" [0-9]+", name or ""):
        return dict(entry, name=names[entry["code"]])
    return entry


def main():
    src, out = sys.argv[1], sys.argv[2]
    names = read_names(sys.argv[3]) if len(sys.argv) > 3 else {}
    for file, member, table, fields in TABLES:
        path = os.path.join(src, file)
        with open(path, encoding="utf-8") as f:
            entries = json.load(f).get(member)
        if not isinstance(entries, list):
            sys.exit('%s: no "%s" list' % (path, member))
        with open(os.path.join(out, table), "w", encoding="utf-8", newline="\n") as f:
            f.write("# %s, converted from iso-codes' %s by make-iso.py: do not edit\n" % (table, file))
            for e in entries:
                e = named(e, names)
                row = [field(e, n, path) for n in fields]
                if row[0]:
                    f.write("\t".join(row) + "\n")


main()
