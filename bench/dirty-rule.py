#!/usr/bin/env python3
"""dirty-rule.py BEFORE.ttl AFTER.ttl [N] — for a run that only added
articles (issue #13, doc/incremental.md): does the route's step-4 rule
name every statement block that an incremental run must write anew, and
how much does it name?

From the two files, as the route would find them from its own sums:
  * dirty entities: a new IRI; a document lost (one of its local entities
    went to another entity: a split, which adding articles can cause, see
    below); or an old document gained (its cluster or component took in
    old local entities). An entity whose name or aliases alone changed is
    written anew, but statements name it by IRI: counted apart;
  * dirty statements: those citing a new document, those whose subject or
    object is a dirty entity, and every statement of a conflict group
    (subject, single-valued property) with a dirty member.
Then every statement block of AFTER that is new or changed must be dirty:
the ones that are not are printed (N of them with their diff) by kind.
Also the entities that kept their IRI but lost a document, by kind: with
only articles added, a component of linking (merge.c's surname rule) or
of description clustering (cluster.c) can lose members, so the route may
not assume that they only grow.

A benchmark's measure, not a test. Reads both files whole (about 3x their
size in memory).
"""
import difflib
import re
import sys

BLOCK = re.compile(rb"^<([^>]+)>\n((?:    .*\n)*)", re.M)
DOCS = re.compile(rb"/doc/([0-9a-f]+)>")
NAMES = re.compile(rb"    (?:rdfs:label|skos:altLabel|schema:name|schema:alternateName)[^\n]*")
CONFLICTS = re.compile(rb"    nkg:conflictsWith.*\n")
SINGLE = {b"nkg:signedOn", b"nkg:signedIn", b"nkg:duration", b"nkg:startDate",
          b"schema:startDate", b"nkg:location", b"schema:location"}


def line_docs(body, predicate):
    i = body.find(predicate + b" ")
    if i < 0:
        return None
    return set(DOCS.findall(body[i:body.index(b"\n", i)]))


def parse(path):
    entities, statements, docs = {}, {}, set()
    with open(path, "rb") as f:
        data = f.read()
    for m in BLOCK.finditer(data):
        iri, body = m.group(1), m.group(2)
        if b"/id/statement/" in iri:
            subject = re.search(rb"rdf:subject <([^>]+)>", body).group(1)
            predicate = re.search(rb"rdf:predicate (\S+)", body).group(1)
            obj = re.search(rb"rdf:object <([^>]+)>", body)
            sources = line_docs(body, b"prov:wasDerivedFrom") or set()
            statements[iri] = (subject, predicate, obj and obj.group(1), sources, body)
        elif b"/id/doc/" in iri:
            docs.add(iri.rsplit(b"/", 1)[1])
        else:
            mentioned = line_docs(body, b"nkg:mentionedIn")
            if mentioned is not None:
                entities[iri] = (mentioned, b"\n".join(NAMES.findall(body)))
    return entities, statements, docs


def kind(iri):
    return iri.split(b"/id/", 1)[1].split(b"/", 1)[0].decode()


def main():
    ea, sa, da = parse(sys.argv[1])
    eb, sb, db = parse(sys.argv[2])
    show = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    new_docs = db - da
    if da - db:
        sys.exit("dirty-rule.py: %d documents of BEFORE are not in AFTER: not an add-only run"
                 % len(da - db))

    # Statements name their subject and object by IRI only: an entity whose
    # name or aliases alone changed is rewritten, its statements are not.
    dirty_e, why_e, split, renamed_only = set(), {}, {}, 0
    for iri, (mentioned, names) in eb.items():
        if iri not in ea:
            reason = "new IRI"
        elif ea[iri][0] - mentioned:
            reason = "lost a document"
            split[kind(iri)] = split.get(kind(iri), 0) + 1
        elif (mentioned - ea[iri][0]) - new_docs:
            reason = "gained an old document"
        else:
            renamed_only += ea[iri][1] != names
            continue
        dirty_e.add(iri)
        why_e[reason] = why_e.get(reason, 0) + 1

    dirty = {iri for iri, (s, p, o, src, _) in sb.items()
             if src & new_docs or s in dirty_e or o in dirty_e}
    groups = {}
    for iri, (s, p, o, src, _) in sb.items():
        if p in SINGLE:
            groups.setdefault((s, p), []).append(iri)
    for members in groups.values():
        if any(iri in dirty for iri in members):
            dirty.update(members)

    changed = {iri for iri in sb if iri not in sa or sa[iri][4] != sb[iri][4]}
    missed = changed - dirty
    print("%d new documents; entities %d -> %d, %d dirty %s; %d more with only a new name "
          "or aliases" % (len(new_docs), len(ea), len(eb), len(dirty_e), why_e, renamed_only))
    print("entities that kept their IRI and lost a document (splits), by kind: %s" % split)
    print("statements %d -> %d (%d gone); new or changed %d (%.1f%%); dirty by the rule %d "
          "(%.1f%%); new or changed but not dirty %d" % (
              len(sa), len(sb), sum(1 for iri in sa if iri not in sb), len(changed),
              100.0 * len(changed) / len(sb), len(dirty), 100.0 * len(dirty) / len(sb),
              len(missed)))
    kinds = {}
    for iri in missed:
        body = sb[iri][4]
        if iri not in sa:
            k = "new, from the gazetteer" if b"nkg:Gazetteer" in body else "new"
        elif sb[iri][3] - sa[iri][3]:
            k = "gained an old document"
        elif CONFLICTS.sub(b"", body) == CONFLICTS.sub(b"", sa[iri][4]):
            k = "conflict list only"
        else:
            k = "other"
        kinds[k] = kinds.get(k, 0) + 1
    if missed:
        print("missed, by kind: %s" % kinds)
    for iri in sorted(missed)[:show]:
        print("  %s %s" % (iri.decode(), "new" if iri not in sa else "changed"))
        if iri in sa:
            for line in difflib.unified_diff(sa[iri][4].decode().splitlines(),
                                             sb[iri][4].decode().splitlines(), lineterm="", n=0):
                if line[:1] in "+-" and line[:3] not in ("+++", "---"):
                    print("    " + line[:150])


if __name__ == "__main__":
    main()
