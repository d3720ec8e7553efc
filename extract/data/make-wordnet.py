#!/usr/bin/env python3
"""make-wordnet.py WORDNET_DIR OUT — the part-of-speech table the tagger
(extract/tagger.c) binary-searches, made at build time from Debian's
wordnet-base (WordNet 3.0, Princeton's licence: free use with notice).

One line per single-word lemma, sorted by UTF-8 bytes:

    word TAB n v a r TAB noun-class TAB noun-classes

- n v a r: how often WordNet's tagged corpus used the word as a noun, verb,
  adjective, adverb (sums of cntlist.rev's counts, +1 for every part of
  speech the word has at all, so 0 means "never that part of speech");
- noun-class: the lexicographer file of the word's most frequent noun sense
  ("person", "group", "location", "act", "communication", ...), or "-";
- noun-classes: every noun sense's lexicographer file, comma-separated.

Then one line per irregular form, from the .exc files:

    form TAB "=" TAB pos TAB lemma      (e.g. "signed" is regular, "met = v meet")

Nothing here is hand-written knowledge: the numbers of the lexicographer
files are WordNet's documented constants (lexnames(5WN)).
"""
import os
import sys
from collections import defaultdict

LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
            "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
            "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession "
            "noun.process noun.quantity noun.relation noun.shape noun.state noun.substance noun.time "
            "verb.body verb.change verb.cognition verb.communication verb.competition verb.consumption "
            "verb.contact verb.creation verb.emotion verb.motion verb.perception verb.possession "
            "verb.social verb.stative verb.weather adj.ppl").split()
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}

wn, out = sys.argv[1], sys.argv[2]


def lines(name):
    with open(os.path.join(wn, name), encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("  "):  # the licence header
                yield line.rstrip("\n")


def usable(word):
    return "_" not in word and word == word.lower() and any(c.isalpha() for c in word)


counts = defaultdict(lambda: dict.fromkeys("nvar", 0))
first_offset = {}
for pos, p in POS.items():
    for line in lines("index." + pos):
        f = line.split()
        lemma = f[0]
        if not usable(lemma):
            continue
        counts[lemma][p] += 1
        if p == "n":
            n_ptr = int(f[3])
            first_offset[lemma] = f[4 + n_ptr + 2:]  # synset offsets, most frequent first

for line in lines("cntlist.rev"):
    key, _, tag = line.split()
    lemma, rest = key.split("%", 1)
    p = SS_TYPE.get(rest[0])
    if p and lemma in counts:
        counts[lemma][p] += int(tag)

# lexicographer file of every noun synset
noun_lex = {}
for line in lines("data.noun"):
    f = line.split(" ", 2)
    if len(f) > 2 and f[0].isdigit():
        noun_lex[f[0]] = LEXNAMES[int(f[1])].split(".", 1)[1]

rows = []
for lemma, c in counts.items():
    offs = first_offset.get(lemma, [])
    classes = [noun_lex[o] for o in offs if o in noun_lex]
    first = classes[0] if classes else "-"
    every = ",".join(dict.fromkeys(classes)) or "-"
    rows.append(f"{lemma}\t{c['n']} {c['v']} {c['a']} {c['r']}\t{first}\t{every}")
for pos, p in POS.items():
    for line in lines(pos + ".exc"):
        f = line.split()
        if len(f) >= 2 and usable(f[0]) and usable(f[1]):
            rows.append(f"{f[0]}\t=\t{p}\t{f[1]}")
rows.sort(key=lambda r: r.encode("utf-8"))
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
