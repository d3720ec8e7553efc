#!/usr/bin/env python3
"""turtle-blocks.py [--statements] BEFORE.ttl AFTER.ttl — how much of a
graph's Turtle an incremental run must write anew (issue #13).

newskg writes one block per subject, blocks separated by a blank line and
sorted by IRI. This counts, per kind of subject (the IRI's path segment
after /id/: statement, evidence, person, …), the blocks of AFTER whose
bytes do not occur as a block of BEFORE, and their share of AFTER's bytes:
the part a run that copied unchanged blocks would still have to format.
With --statements, also why statement blocks changed: new statements
that cite a new document or not (a renamed subject or object gives its
statements new IRIs), vanished ones, and changed ones that cite a new
document, differ only in nkg:conflictsWith, or otherwise.
A benchmark's measure, not a test.
"""
import collections
import hashlib
import sys


def blocks(path):
    with open(path, "rb") as f:
        return f.read().split(b"\n\n")


def kind(block):
    head = block.split(b"\n", 1)[0]
    if not head.startswith(b"<"):
        return "(prefixes)"
    iri = head[1:head.find(b">")]
    parts = iri.split(b"/id/", 1)
    seg = parts[1].split(b"/", 1)[0] if len(parts) == 2 else iri.rstrip(b"/").rsplit(b"/", 1)[-1]
    return seg.decode(errors="replace")


def head(block):
    return block.split(b"\n", 1)[0]


def statements(before, after):
    """Why statement blocks changed, by subject IRI."""
    old = {head(b): b for b in before}
    new = {head(b): b for b in after}
    docs = [h[1:-1] for h in new if b"/id/doc/" in h and h not in old]
    why = collections.Counter()

    def cites(b):
        return "cites a new document" if any(d in b for d in docs) else "cites no new document"

    def bare(b):
        return [ln for ln in b.split(b"\n") if not ln.strip().startswith(b"nkg:conflictsWith")]
    for h, b in new.items():
        if b"/id/statement/" not in h:
            continue
        if h not in old:
            why["new IRI, " + cites(b)] += 1
        elif old[h] != b:
            why["changed, " + cites(b)
                + (", only nkg:conflictsWith" if bare(old[h]) == bare(b) else "")] += 1
    why["vanished"] = sum(1 for h in old if b"/id/statement/" in h and h not in new)
    print("statements (%d new documents):" % len(docs))
    for k in sorted(why):
        print("  %7d %s" % (why[k], k))


def main():
    args = [a for a in sys.argv[1:] if a != "--statements"]
    if len(args) != 2:
        sys.exit("usage: turtle-blocks.py [--statements] BEFORE.ttl AFTER.ttl")
    before, after = blocks(args[0]), blocks(args[1])
    old = {hashlib.sha1(b).digest() for b in before}
    n, size, new, new_size = (collections.Counter() for _ in range(4))
    for b in after:
        k = kind(b)
        n[k] += 1
        size[k] += len(b) + 2
        if hashlib.sha1(b).digest() not in old:
            new[k] += 1
            new_size[k] += len(b) + 2
    total, total_new = sum(size.values()), sum(new_size.values())
    print("%-14s %9s %9s %12s %7s %8s" % ("kind", "blocks", "changed", "bytes", "share", "changed"))
    for k in sorted(size, key=lambda k: -size[k]):
        print("%-14s %9d %9d %12d %6.1f%% %7.1f%%"
              % (k, n[k], new[k], size[k], 100 * size[k] / total, 100 * new_size[k] / size[k]))
    print("%-14s %9d %9d %12d %6.1f%% %7.1f%%"
          % ("all", sum(n.values()), sum(new.values()), total, 100.0, 100 * total_new / total))
    if len(args) != len(sys.argv) - 1:
        statements(before, after)


if __name__ == "__main__":
    main()
