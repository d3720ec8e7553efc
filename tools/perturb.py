#!/usr/bin/python3
"""perturb.py — does newskg give the same facts whatever an article's
plain-text layout?

  perturb.py make MODE SRC_DIR DST_DIR
      writes a perturbed copy of every file of SRC_DIR into DST_DIR.
  perturb.py table NEWSKG [--set NAME=DOCS:GOLD ...] [--mode MODE ...]
                   [--work DIR] [--facts]
      builds each set unperturbed and once per perturbation, scores every
      graph with ../shared/eval/score.py against the set's gold, and prints
      entity/relation/quote F1 and the delta against the unperturbed run.
      With --facts it also counts the facts (entity names, relations by the
      names of their ends, quotes by speaker and words) that a perturbation
      lost or added compared with the unperturbed graph: gold-free, so it
      sees changes the gold does not cover.  Only counts are printed.
  perturb.py diff NEWSKG DOCS MODE
      prints the facts lost and gained under MODE, for looking into an open
      set (never use it on a blind set).

Perturbations (MODE; see PERTURBATIONS): hard wrapping at 60, 72 and 80
columns, wrapping with indented paragraphs and no blank lines between them,
PDF-style hyphenation at line ends ("agree-\\nment"), straight quotes made
curly and curly ones straight, non-breaking spaces, soft hyphens,
zero-width characters, CRLF line ends, tabs, doubled spaces, a byte-order
mark, blank lines added and removed, en dashes.  Every change is made with
a random generator seeded from the file name, so runs repeat.

The default sets are the open ones: ../shared/eval's seeds and dev, dev2
a*+b* (/tmp/ev/sets/dev2ab when it exists) and tests/devasia.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections import Counter

try:
    import rdflib  # noqa: F401  (the scorer and the fact counts need it)
except ImportError:  # e.g. a pyenv python3: Debian's has python3-rdflib
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EVAL = os.environ.get("NKG_EVAL_DIR", os.path.join(REPO, "..", "shared", "eval"))

NBSP, SHY, ZWSP, WJ, BOM = "\u00a0", "\u00ad", "\u200b", "\u2060", "\ufeff"


def paragraphs(text):
    """The text's lines: each non-blank line of a newskg input is a
    paragraph (or a heading)."""
    return text.split("\n")


def fill(text, width, indent=""):
    out = []
    for line in paragraphs(text):
        if line.strip():
            out.append(textwrap.fill(line, width, initial_indent=indent))
        else:
            out.append(line)
    return "\n".join(out)


def wrap(width):
    return lambda text, rng: fill(text, width)


def indented(text, rng):
    """Paragraphs that start with an indented line and have no blank line
    between them, as old wire copy and e-mail have them."""
    lines = [line for line in paragraphs(text) if line.strip()]
    return "\n".join(textwrap.fill(line, 70, initial_indent="    ") for line in lines) + "\n"


def hyphenate(text, rng):
    """Wrapped at 66 columns by a wrapper that hyphenates: a long word that
    does not fit is cut, as much of it as fits going on the line with a
    hyphen ("agree-" | "ment"), the way typeset text, and the PDF-to-text
    output made from it, has words hyphenated at line ends."""
    width = 66
    out = []
    for para in paragraphs(text):
        if not para.strip():
            out.append(para)
            continue
        lines, cur = [], ""
        for w in para.split():
            if not cur or len(cur) + 1 + len(w) <= width:
                cur = cur + " " + w if cur else w
                continue
            m = re.match(r"([a-z]{8,})(\W*)$", w)
            room = width - len(cur) - 2
            if m and room >= 3:
                cut = min(room, len(m.group(1)) - 3)
                cut = rng.randint(min(3, cut), cut) if cut >= 3 else 0
                if cut >= 3:
                    lines.append(cur + " " + w[:cut] + "-")
                    cur = w[cut:]
                    continue
            lines.append(cur)
            cur = w
        lines.append(cur)
        out.append("\n".join(lines))
    return "\n".join(out)


def curly(text, rng):
    t = re.sub(r"(?<=\w)'|'(?=s\b)", "\u2019", text)
    t = re.sub(r"(^|[\s(\[])'", "\\1\u2018", t, flags=re.M)
    t = t.replace("'", "\u2019")
    t = re.sub(r'(^|[\s(\[—–-])"', "\\1\u201c", t, flags=re.M)
    return t.replace('"', "\u201d")


def curly_naive(text, rng):
    """Curly marks put in without looking at context, as a careless
    converter does: every ' a right single mark, a " before a word an
    opening double mark, any other " a closing one."""
    t = text.replace("'", "\u2019")
    t = re.sub(r'"(\w)', "\u201c\\1", t)
    return t.replace('"', "\u201d")


def straight(text, rng):
    for c, s in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(c, s)
    return text


TITLE_WORDS = r"(Mr\.|Mrs\.|Ms\.|Dr\.|Minister|President|Prime Minister|Secretary|Ambassador|King|Chancellor|General|Premier)"


def nbsp(text, rng):
    t = re.sub(TITLE_WORDS + " ", lambda m: m.group(1) + NBSP, text)
    # a day and its month, a number and its unit
    t = re.sub(r"(\d) (January|February|March|April|May|June|July|August|September|October|November|December|per cent|percent|million|billion)\b",
               lambda m: m.group(1) + NBSP + m.group(2), t)
    return re.sub(r"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) (\d)",
                  lambda m: m.group(1) + NBSP + m.group(2), t)


def soft_hyphens(text, rng):
    """A soft hyphen inside every long word, where a typesetter may break it."""
    def word(m):
        w = m.group(0)
        cut = rng.randint(3, len(w) - 3)
        return w[:cut] + SHY + w[cut:]
    return re.sub(r"[A-Za-z]{7,}", word, text)


def zero_width(text, rng):
    """Zero-width spaces after some words and word joiners inside some,
    as copy from web pages has them."""
    def word(m):
        w = m.group(0)
        r = rng.random()
        if r < 0.15:
            cut = rng.randint(1, len(w) - 1)
            return w[:cut] + WJ + w[cut:]
        if r < 0.3:
            return w + ZWSP
        return w
    return re.sub(r"[A-Za-z]{4,}", word, text)


def crlf(text, rng):
    return text.replace("\n", "\r\n")


def tabs(text, rng):
    """Each paragraph starts with a tab; some spaces between words are tabs."""
    t = "\n".join("\t" + line if line.strip() else line for line in paragraphs(text))
    return re.sub(r"(?<=[a-z,]) (?=[a-z])", lambda m: "\t" if rng.random() < 0.1 else " ", t)


def doubled_spaces(text, rng):
    t = re.sub(r"(?<=[.!?]) (?=[A-Z\"“])", "  ", text)
    return re.sub(r"(?<=\w) (?=\w)", lambda m: "  " if rng.random() < 0.1 else " ", t)


def bom(text, rng):
    return BOM + text


def blank_added(text, rng):
    return re.sub(r"\n(?=\S)", "\n\n", text)


def blank_removed(text, rng):
    return re.sub(r"\n\n+", "\n", text)


def en_dash(text, rng):
    return text.replace(" - ", " \u2013 ")


PERTURBATIONS = {
    "wrap60": wrap(60),
    "wrap72": wrap(72),
    "wrap80": wrap(80),
    "indent": indented,
    "hyphen": hyphenate,
    "curly": curly,
    "curly-naive": curly_naive,
    "straight": straight,
    "nbsp": nbsp,
    "shy": soft_hyphens,
    "zw": zero_width,
    "crlf": crlf,
    "tabs": tabs,
    "spaces": doubled_spaces,
    "bom": bom,
    "blank+": blank_added,
    "blank-": blank_removed,
    "dash": en_dash,
}


def make(mode, src, dst):
    fn = PERTURBATIONS[mode]
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        seed = int.from_bytes(hashlib.sha256((mode + "/" + name).encode()).digest()[:8], "big")
        with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as f:
            f.write(fn(text, random.Random(seed)))


def build(newskg, docs, out):
    subprocess.run([newskg, "build", "-q", "--no-cache", docs, "-o", out], check=True,
                   stderr=subprocess.DEVNULL)


def score_f1(ttl, gold):
    r = subprocess.run(["/usr/bin/python3", os.path.join(EVAL, "score.py"), ttl, gold],
                       capture_output=True, text=True, check=True)
    last = r.stdout.strip().splitlines()[-1]
    return tuple(float(kv.split("=")[1]) for kv in last.split())


def facts(ttl):
    """The graph's facts, keyed by names rather than IRIs (which change with
    the text): (type, name) of every entity with the documents it is
    mentioned in; relations by their ends' names; quotes by speaker and
    words."""
    sys.path.insert(0, EVAL)
    import score  # the scorer's own name and quote keys
    from rdflib import Graph, RDF, Literal, URIRef
    g = Graph()
    g.parse(ttl, format="turtle")
    name = {}
    for s, o in g.subject_objects(score.SDO.name):
        name[s] = score.norm(o)
    src = {d: score.basename(o) for d, o in g.subject_objects(score.DCT.source)}
    out = Counter()
    for e, d in g.subject_objects(score.NKG.mentionedIn):
        types = sorted(str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in g.objects(e, RDF.type))
        out[("entity", src.get(d, ""), "/".join(types), name.get(e, str(e)))] += 1
    preds = set(score.PREDICATES.values())
    for s, p, o in g:
        if p in preds and s in name:
            obj = score.norm(o) if isinstance(o, Literal) else name.get(o, str(o))
            out[("relation", name[s], str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1], obj)] += 1
    for q in g.subjects(RDF.type, score.NKG.Quote):
        for sp in g.objects(q, score.NKG.speaker):
            for t in g.objects(q, score.SDO.text):
                out[("quote", name.get(sp, str(sp)), score.norm_quote(t))] += 1
    return out


def default_sets():
    sets = []
    for name in ("seeds", "dev"):
        sets.append((name, os.path.join(EVAL, name, "docs"), os.path.join(EVAL, name, "gold")))
    if os.path.isdir("/tmp/ev/sets/dev2ab"):
        sets.append(("dev2ab", "/tmp/ev/sets/dev2ab/docs", "/tmp/ev/sets/dev2ab/gold"))
    sets.append(("devasia", os.path.join(REPO, "tests", "devasia", "docs"),
                 os.path.join(REPO, "tests", "devasia", "gold")))
    return sets


def table(args):
    sets = [tuple([s.split("=", 1)[0]] + s.split("=", 1)[1].split(":")) for s in args.set] or default_sets()
    modes = args.mode or list(PERTURBATIONS)
    work = args.work or tempfile.mkdtemp(prefix="nkg-perturb-")
    head = f"{'set':8} {'perturbation':12} {'entity':>6} {'relation':>8} {'quote':>6}   {'Δent':>6} {'Δrel':>6} {'Δquote':>6}"
    if args.facts:
        head += f" {'lost':>5} {'added':>5}"
    print(head)
    for name, docs, gold in sets:
        base_ttl = os.path.join(work, f"{name}.base.ttl")
        build(args.newskg, docs, base_ttl)
        base = score_f1(base_ttl, gold)
        base_facts = facts(base_ttl) if args.facts else None
        print(f"{name:8} {'(none)':12} {base[0]:6.3f} {base[1]:8.3f} {base[2]:6.3f}")
        for mode in modes:
            pdir = os.path.join(work, f"{name}.{mode}")
            shutil.rmtree(pdir, ignore_errors=True)
            make(mode, docs, pdir)
            ttl = pdir + ".ttl"
            build(args.newskg, pdir, ttl)
            f1 = score_f1(ttl, gold)
            line = (f"{name:8} {mode:12} {f1[0]:6.3f} {f1[1]:8.3f} {f1[2]:6.3f}   "
                    + " ".join(f"{f - b:+6.3f}" for f, b in zip(f1, base)))
            if args.facts:
                got = facts(ttl)
                line += f" {sum((base_facts - got).values()):5d} {sum((got - base_facts).values()):5d}"
            print(line, flush=True)
            if not args.keep:
                shutil.rmtree(pdir, ignore_errors=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


def diff(args):
    with tempfile.TemporaryDirectory(prefix="nkg-perturb-") as work:
        build(args.newskg, args.docs, os.path.join(work, "base.ttl"))
        make(args.mode, args.docs, os.path.join(work, "p"))
        build(args.newskg, os.path.join(work, "p"), os.path.join(work, "p.ttl"))
        a, b = facts(os.path.join(work, "base.ttl")), facts(os.path.join(work, "p.ttl"))
        for k in sorted(a - b):
            print("-", *k)
        for k in sorted(b - a):
            print("+", *k)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("mode", choices=list(PERTURBATIONS))
    m.add_argument("src")
    m.add_argument("dst")
    t = sub.add_parser("table")
    t.add_argument("newskg")
    t.add_argument("--set", action="append", default=[], help="NAME=DOCS:GOLD")
    t.add_argument("--mode", action="append", choices=list(PERTURBATIONS))
    t.add_argument("--work", help="keep graphs here")
    t.add_argument("--keep", action="store_true", help="keep the perturbed copies in --work")
    t.add_argument("--facts", action="store_true", help="count facts lost and added")
    d = sub.add_parser("diff")
    d.add_argument("newskg")
    d.add_argument("docs")
    d.add_argument("mode", choices=list(PERTURBATIONS))
    args = ap.parse_args()
    {"make": lambda: make(args.mode, args.src, args.dst), "table": lambda: table(args),
     "diff": lambda: diff(args)}[args.cmd]()


if __name__ == "__main__":
    main()
