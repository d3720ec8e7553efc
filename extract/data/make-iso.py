#!/usr/bin/env python3
"""make-iso.py ISO_JSON_DIR OUTDIR — the three ISO 3166 tables the lexicon
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
"""
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


def main():
    src, out = sys.argv[1], sys.argv[2]
    for file, member, table, fields in TABLES:
        path = os.path.join(src, file)
        with open(path, encoding="utf-8") as f:
            entries = json.load(f).get(member)
        if not isinstance(entries, list):
            sys.exit('%s: no "%s" list' % (path, member))
        with open(os.path.join(out, table), "w", encoding="utf-8", newline="\n") as f:
            f.write("# %s, converted from iso-codes' %s by make-iso.py: do not edit\n" % (table, file))
            for e in entries:
                row = [field(e, n, path) for n in fields]
                if row[0]:
                    f.write("\t".join(row) + "\n")


main()
