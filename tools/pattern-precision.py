#!/usr/bin/python3
"""pattern-precision.py NKG_PATTERNS [--write FILE] [--set NAME=DOCS:GOLD ...]

Precision and recall of each relation pattern (extract/data/patterns.txt)
over annotated articles, using the scorer's own matching
(../shared/eval/score.py: name keys, aliases, content-word Jaccard for
agreements and events, job titles by words, dates exactly).

NKG_PATTERNS is build/tools/nkg-patterns, which prints every fact with the
id of the pattern that found it. By default the sets are ../shared/eval's
seeds, dev and dev2 a*+b* — never dev2 c*, the blind check set — and the
project's open set tests/devasia.

With --write FILE, writes "id<TAB>confidence<TAB>correct<TAB>produced" for
every pattern that produced at least MIN_FACTS facts, the confidence being
the precision smoothed by Laplace's rule (correct+1)/(produced+2): the
confidences the
extractor uses (extract/data/pattern-confidence.tsv), so that they come
from measurement instead of being set by hand.
"""
import argparse
import glob
import math
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.environ.get("NKG_EVAL_DIR", os.path.join(HERE, "..", "..", "shared", "eval"))
MIN_FACTS = 5

sys.path.insert(0, EVAL)
try:
    import score  # noqa: E402  (the scorer's normalisation and gold reader)
except ImportError as e:
    print(f"pattern-precision.py: cannot import score.py from {EVAL}: {e}", file=sys.stderr)
    sys.exit(77)


def default_sets():
    sets = []
    for name in ("seeds", "dev"):
        d = os.path.join(EVAL, name)
        if os.path.isdir(d):
            sets.append((name, sorted(glob.glob(os.path.join(d, "docs", "*.txt"))), os.path.join(d, "gold")))
    d2 = os.path.join(EVAL, "dev2")
    if os.path.isdir(d2):
        # a* and b* only: c* is the blind check set and is never measured here.
        docs = sorted(f for f in glob.glob(os.path.join(d2, "docs", "*.txt"))
                      if os.path.basename(f)[0] in "ab")
        sets.append(("dev2ab", docs, os.path.join(d2, "gold")))
    # the project's own open set of Asian, Pacific and multilateral news
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "devasia")
    if os.path.isdir(here):
        sets.append(("devasia", sorted(glob.glob(os.path.join(here, "docs", "*.txt"))), os.path.join(here, "gold")))
    return sets


def keys_of(names):
    return {score.norm(n) for n in names.split(" | ") if score.norm(n)}


def entity_matches(names, ge):
    keys = keys_of(names)
    if keys & ge.keys:
        return True
    if ge.coarse in score.FUZZY:
        return any(score.content_jaccard(a, b) >= score.JACCARD_MIN for a in keys for b in ge.keys)
    return False


def literal_matches(pname, got, want):
    got, want = got.strip(), str(want).strip()
    if pname == "jobTitle":
        words = set(score.norm(want).split())
        return bool(words) and words <= set(score.norm(got).split())
    if pname == "handle":
        return score.norm(got) == score.norm(want)
    if pname == "duration":
        return got.upper() == want.upper()
    return got == want


def fact_matches(gold, fact, rel):
    pname, s, o = fact
    if rel["p"] != pname:
        return False
    subject = score.gold_entity(gold, rel["s"])
    pairs = [(s, o), (o, s)] if pname == "met" else [(s, o)]
    for a, b in pairs:
        if not entity_matches(a, subject):
            continue
        if pname in score.LITERAL_PREDICATES:
            if literal_matches(pname, b, rel["o"]):
                return True
        elif entity_matches(b, score.gold_entity(gold, rel["o"])):
            return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("nkg_patterns")
    ap.add_argument("--write", metavar="FILE")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=DOCS:GOLD")
    args = ap.parse_args()
    sets = default_sets()
    if args.set:
        sets = []
        for s in args.set:
            name, paths = s.split("=", 1)
            docs, gold = paths.split(":", 1)
            sets.append((name, sorted(glob.glob(os.path.join(docs, "*.txt"))), gold))
    table = subprocess.run([args.nkg_patterns, "--list"], capture_output=True, text=True, check=True).stdout
    order = [line.split("\t") for line in table.splitlines() if line]
    states = {row[0]: row[1].split() for row in order}
    states["document"] = ["represents", "party", "containedInPlace", "handle", "signed"]

    produced, correct = defaultdict(int), defaultdict(int)
    found = defaultdict(set)             # pattern -> gold relations it found
    gold_by_pred = defaultdict(set)      # predicate -> all gold relations
    for set_name, docs, gold_dir in sets:
        if not docs:
            continue
        out = subprocess.run([args.nkg_patterns] + docs, capture_output=True, text=True, check=True).stdout
        facts = defaultdict(list)
        for line in out.splitlines():
            doc, pattern, pname, s, o, _conf = line.split("\t")
            facts[doc].append((pattern, (pname, s, o)))
        for path in docs:
            doc = os.path.basename(path)
            gpath = os.path.join(gold_dir, os.path.splitext(doc)[0] + ".json")
            if not os.path.exists(gpath):
                continue
            gold = score.load_gold(gpath)
            rels = gold["relations"]
            for k, rel in enumerate(rels):
                gold_by_pred[rel["p"]].add((set_name, doc, k))
            for pattern, fact in facts[doc]:
                produced[pattern] += 1
                hits = [k for k, rel in enumerate(rels) if fact_matches(gold, fact, rel)]
                if hits:
                    correct[pattern] += 1
                for k in hits:
                    found[pattern].add((set_name, doc, k))

    ids = [row[0] for row in order] + ["document"]
    print(f"{'pattern':28} {'produced':>8} {'correct':>7} {'P':>6} {'R':>6}  states")
    lines = []
    for pid in ids:
        n, c = produced.get(pid, 0), correct.get(pid, 0)
        gold_total = set().union(*(gold_by_pred[p] for p in states.get(pid, []))) if states.get(pid) else set()
        p = c / n if n else float("nan")
        r = len(found[pid]) / len(gold_total) if gold_total else float("nan")
        print(f"{pid:28} {n:8d} {c:7d} {p:6.3f} {r:6.3f}  {' '.join(states.get(pid, []))}")
        if n >= MIN_FACTS and pid != "document":
            # Laplace's rule of succession, rounded down: a handful of right
            # answers is no certainty, and a confidence never claims more
            # than was measured.
            smoothed = (c + 1) / (n + 2)
            lines.append(f"{pid}\t{math.floor(smoothed * 100) / 100:.2f}\t{c}\t{n}")
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write("# pattern id <TAB> confidence (correct+1)/(produced+2) <TAB> correct <TAB> produced — made by "
                    "tools/pattern-precision.py --write over " + ", ".join(n for n, _, _ in sets) + "\n")
            f.write("\n".join(lines) + ("\n" if lines else ""))
        print(f"wrote {args.write}", file=sys.stderr)


if __name__ == "__main__":
    main()
