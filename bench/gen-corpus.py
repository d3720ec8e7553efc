#!/usr/bin/env python3
"""gen-corpus.py N OUT.ttl — write a synthetic corpus.ttl as if built from N
articles, in the shape of ONTOLOGY.md (documents, entities with both
classes, names, aliases, mentions, relations with rdf:Statement evidence,
quotes), to time the inspection commands at scale without extracting.

Popularity is Zipf-like, as in news: a few countries and leaders appear in
thousands of articles, most names in one or two. Deterministic (fixed
seed), so timings compare run to run. Prints the entity name with the most
relations (the worst case for `show`), the name of the most connected
person, and the IRI of a least connected entity (for `path`) on stdout.
"""
import random
import sys

BASE = "https://w3id.org/newskg/id/"
PREFIXES = """@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix schema:  <http://schema.org/> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix nkg:     <https://w3id.org/newskg#> .
"""

CLASSES = {
    "person": "schema:Person",
    "government": "schema:GovernmentOrganization, schema:Organization",
    "organization": "schema:Organization",
    "country": "schema:Country, schema:Place",
    "city": "schema:City, schema:Place",
    "event": "schema:Event",
    "agreement": "nkg:Agreement",
}
COUNTS = {"person": 20000, "government": 1500, "organization": 1500, "country": 200,
          "city": 3000, "event": 2000, "agreement": 2000}
SYLLABLES = ["ra", "jan", "ath", "sin", "gh", "pe", "te", "heg", "seth", "ma", "lay", "sia",
             "ku", "la", "lum", "pur", "in", "di", "an", "to", "ki", "o", "ber", "lin",
             "mo", "ran", "vi", "del", "ho", "zu", "ka", "ne", "ri", "sa"]
TITLES = ["Defence Minister", "Foreign Minister", "Prime Minister", "President",
          "Secretary of State", "spokesperson", "Ambassador", "Chief of Staff"]


def word(rng, n=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def zipf_pick(rng, items, s=1.1):
    # index ~ Zipf: rank r chosen with weight 1/r^s, via inverse-power draw
    n = len(items)
    u = rng.random()
    r = int(n ** u ** s) - 1 if n > 1 else 0
    return items[min(max(r, 0), n - 1)]


def main():
    n_docs = int(sys.argv[1])
    out_path = sys.argv[2]
    rng = random.Random(20251031)
    scale = max(n_docs / 10000.0, 0.01)

    entities = {}  # key -> dict
    by_class = {}
    for klass, count in COUNTS.items():
        count = max(int(count * scale), 5)
        lst = []
        for i in range(count):
            if klass == "person":
                name = f"{word(rng)} {word(rng, 3)}"
            elif klass in ("government", "organization"):
                name = f"Ministry of {word(rng, 3)}" if klass == "government" else f"{word(rng, 2)} {rng.choice(['Group', 'Party', 'Agency', 'Council'])}"
            elif klass == "event":
                name = f"{word(rng, 2)} {rng.choice(['Summit', 'Dialogue', 'Conference', 'Meeting'])} {2000 + i % 26}"
            elif klass == "agreement":
                name = f"{word(rng, 2)}-{word(rng, 2)} {rng.choice(['Framework', 'Treaty', 'Accord', 'Pact'])}"
            else:
                name = word(rng, 3)
            key = f"{klass}/{name.lower().replace(' ', '-')}-{i}"
            e = {"iri": BASE + key, "name": name, "klass": klass, "docs": [], "mentions": 0,
                 "aliases": [name.split()[-1]] if klass == "person" else []}
            entities[key] = e
            lst.append(e)
        by_class[klass] = lst

    facts = {}  # (s, p, o) -> {"docs": [], "ev": set()}
    quotes = []

    def fact(s, p, o, doc, sentence, literal=False):
        k = (s["iri"], p, o if literal else o["iri"], literal)
        f = facts.setdefault(k, {"docs": [], "ev": [], "conf": rng.uniform(0.5, 0.99)})
        if not f["docs"] or f["docs"][-1] != doc:
            f["docs"].append(doc)
        if len(f["ev"]) < 5 and sentence not in f["ev"]:
            f["ev"].append(sentence)

    docs = []
    for d in range(n_docs):
        iri = f"{BASE}doc/article-{d:06d}-txt"
        date = f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}"
        docs.append((iri, f"articles/article-{d:06d}.txt", f"Headline number {d} about {word(rng)}", date))
        people = [zipf_pick(rng, by_class["person"]) for _ in range(4)]
        countries = [zipf_pick(rng, by_class["country"]) for _ in range(3)]
        orgs = [zipf_pick(rng, by_class["government"]), zipf_pick(rng, by_class["organization"])]
        city = zipf_pick(rng, by_class["city"])
        event = zipf_pick(rng, by_class["event"])
        agreement = zipf_pick(rng, by_class["agreement"])
        mentioned = people + countries + orgs + [city, event, agreement]
        for e in mentioned:
            if not e["docs"] or e["docs"][-1] != iri:
                e["docs"].append(iri)
            e["mentions"] += rng.randint(1, 4)
        for i, p in enumerate(people):
            s = f"{rng.choice(TITLES)} {p['name']} of {countries[i % 3]['name']} spoke in {city['name']} in article {d}."
            fact(p, "schema:jobTitle", rng.choice(TITLES), iri, s, literal=True)
            fact(p, "nkg:represents", countries[i % 3], iri, s)
            if i % 2 == 0:
                fact(p, "schema:worksFor", orgs[0], iri, s)
            fact(p, "nkg:attended", event, iri, s)
            if rng.random() < 0.3:
                quotes.append((p, f"Quote {len(quotes)}: we will {word(rng)} the {word(rng)}.", iri))
        a, b = people[0], people[1]
        if a is not b:
            s = f"{a['name']} met {b['name']} on the sidelines of the {event['name']}."
            fact(a, "nkg:met", b, iri, s)
            fact(b, "nkg:met", a, iri, s)
        s = f"{a['name']} signed the {agreement['name']} in {city['name']} (article {d})."
        fact(a, "nkg:signed", agreement, iri, s)
        fact(agreement, "nkg:party", countries[0], iri, s)
        fact(agreement, "nkg:signedIn", city, iri, s)
        fact(event, "schema:location", city, iri, s)
        fact(city, "schema:containedInPlace", countries[0], iri, s)

    with open(out_path, "w", encoding="utf-8") as out:
        w = out.write
        w(PREFIXES)
        for iri, src, title, date in docs:
            w(f'\n<{iri}> a nkg:Document, schema:NewsArticle ;\n    dcterms:source "{src}" ;\n'
              f'    dcterms:title "{esc(title)}" ;\n    dcterms:date "{date}"^^xsd:date ;\n'
              f'    nkg:sha256 "{abs(hash(iri)):064d}" .\n')
        for e in entities.values():
            if not e["docs"]:
                continue
            w(f'\n<{e["iri"]}> a {CLASSES[e["klass"]]} ;\n    schema:name "{esc(e["name"])}" ;'
              f' rdfs:label "{esc(e["name"])}" ;\n')
            if e["aliases"]:
                w("    schema:alternateName " + ", ".join(f'"{esc(a)}"' for a in e["aliases"]) + " ;\n")
            w("    nkg:mentionedIn " + ",\n        ".join(f"<{x}>" for x in e["docs"]) + " ;\n")
            w(f'    nkg:mentionCount {e["mentions"]} .\n')
        for i, ((s, p, o, literal), f) in enumerate(facts.items()):
            obj = f'"{esc(o)}"' if literal else f"<{o}>"
            st = f"{BASE}statement/{i:08x}"
            w(f"\n<{s}> {p} {obj} .\n<{st}> a rdf:Statement ;\n    rdf:subject <{s}> ;"
              f" rdf:predicate {p} ; rdf:object {obj} ;\n")
            w("    prov:wasDerivedFrom " + ", ".join(f"<{x}>" for x in f["docs"]) + " ;\n")
            w("    nkg:evidence " + ", ".join(f'"{esc(x)}"' for x in f["ev"]) + " ;\n")
            w(f'    nkg:supportCount {len(f["docs"])} ; nkg:confidence {f["conf"]:.2f} .\n')
        for i, (p, text, doc) in enumerate(quotes):
            w(f'\n<{BASE}quote/{i:08x}> a nkg:Quote ;\n    schema:text "{esc(text)}" ;\n'
              f'    nkg:speaker <{p["iri"]}> ;\n    prov:wasDerivedFrom <{doc}> .\n')

    degree = {}
    for (s, p, o, literal) in facts:
        if not literal:
            degree[s] = degree.get(s, 0) + 1
            degree[o] = degree.get(o, 0) + 1
    hub = max(degree, key=degree.get)
    names = {e["iri"]: e["name"] for e in entities.values()}
    person_hub = max((k for k in degree if "/person/" in k), key=degree.get)
    far = min(degree, key=lambda k: (degree[k], k))
    print(hub)
    print(names[person_hub])
    print(far)
    sys.stderr.write(f"{n_docs} documents, {sum(1 for e in entities.values() if e['docs'])} entities, "
                     f"{len(facts)} facts, {len(quotes)} quotes\n")


if __name__ == "__main__":
    main()
