#!/usr/bin/env python3
"""test-shards.py SET — build == extract + merge == build --state, byte for byte.

SET is "examples" (the repository's examples/) or "eval" (../shared/eval's
seeds, dev and dev2; exit 77, SKIP, when ../shared is absent).

For each corpus:
  * `newskg build DIR` is the reference (Turtle, DOT and JSON-LD);
  * `extract --shard K/N` for random N, merged in a random order, and
    explicit random groups of files given one by one (PLAN D4: the same
    sources as the folder), merged in a random order, with a shard given
    twice, give the same bytes;
  * `build --state` over a random sequence of add / remove / change steps
    gives, after every step, the bytes of a full build of the same files;
    a damaged state (any of its parts) is not trusted, and still gives the
    same bytes;
  * a run that finds the same articles as the last one, with its files as
    it left them, writes nothing (the files keep their inode) and prints
    the same summary; a file changed since (even with its size and
    modification time kept), other output options, or an SVG, are written
    again; asked for the files elsewhere, it copies the last run's files
    (the same bytes, the same summary), unless one changed since;
  * a run that only adds articles writes them to a further part of the
    state (documents-N.nkgx) and leaves the others alone; after
    STATE_PARTS parts, or when an article goes, everything is in one again;
  * with --state, files whose stamp did not change are not read again
    (the JSON summary's files_unchanged), and still give the same bytes
    when a file changes with its size and modification time kept, when a
    new file has the same text as an unchanged one (before or after it in
    the order), when the first of two copies goes, and when --lang
    changes;
  * a damaged shard is refused by merge, which then writes nothing;
  * (examples) runs that only add articles, each changing old parts of the
    graph (a cluster across articles renames an agreement, a preferred
    name, support counts, conflict lists), give a full build's bytes;
  * (examples) a --state run that extracts no article does not load the
    lexicon; one that extracts an article does (-j 1 and -j 2).
The seed is printed; NKG_TEST_SEED replays a run.
"""
import os, random, shutil, subprocess, sys, tempfile, zlib

NEWSKG = os.environ.get("NEWSKG", "newskg")
if os.sep in NEWSKG:
    NEWSKG = os.path.abspath(NEWSKG)  # the runs change folder
ROOT = os.environ.get("NKG_SOURCE_ROOT", ".")
SHARED = os.environ.get("NKG_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
ROUNDS = int(os.environ.get("NKG_TEST_ROUNDS", "3"))
STEPS = 2 * ROUNDS  # --state steps besides the first and the damaged state
# Which corpora get the stamps, unchanged-run and parts checks besides the
# random add / remove / change sequence: "all" (the default), or a comma
# list of corpus names ("steps": none). They test the state's mechanics,
# the same C paths whatever the articles: the normal build runs them on
# seeds and dev, not again on dev2; sanitizer builds on the examples alone
# (each of their sixty runs costs ten times as much there).
STATE_CHECKS = os.environ.get("NKG_TEST_STATE", "all")


def damaged(shard, at):
    """The shard's bytes with one bit flipped, at AT or the first byte after
    it where the flip changes what the shard holds. A flip inside the zlib
    stream can inflate to the very same payload (a back-reference moved onto
    an identical copy of its bytes, seed 945824915): the checksum covers the
    payload, so that shard is rightly read, and is no test of refusal."""
    header = 64
    compressed = int.from_bytes(shard[12:16], "little") == 1
    payload = zlib.decompress(shard[header:]) if compressed else shard[header:]
    for k in range(at, len(shard)):
        data = bytearray(shard)
        data[k] ^= 0x40
        if not compressed:
            return data
        try:
            if zlib.decompress(bytes(data[header:])) == payload:
                continue
        except zlib.error:
            pass
        return data
    sys.exit("FAIL: no byte after %d of a shard changes its payload" % at)


def full_state_checks(name):
    return STATE_CHECKS == "all" or name in STATE_CHECKS.split(",")


def run(*args, ok=True, cwd=None, env=None, prog=None):
    p = subprocess.run([prog or NEWSKG, *args], cwd=cwd, capture_output=True, text=True, env=env)
    if ok and p.returncode != 0:
        sys.exit("FAIL: newskg %s: exit %d\n%s" % (" ".join(args), p.returncode, p.stderr))
    return p


# The references, the full `newskg build`s every result is compared with,
# are made by NKG_REF_NEWSKG when it is set, by NEWSKG otherwise. .ci/run
# sets it to build/'s newskg (the same commit, no sanitizer) for the
# sanitizer run: about half of this test's runs are such references, the
# plain build path that every other run here and the cli, e2e and eval
# tests take under the sanitizers too; and a sanitizer changes no byte of
# the graph, so the comparisons are the same (the sanitized runs' bytes
# are now also checked against the plain build's).
REF_NEWSKG = os.environ.get("NKG_REF_NEWSKG") or NEWSKG
if os.sep in REF_NEWSKG:
    REF_NEWSKG = os.path.abspath(REF_NEWSKG)


def run_ref(*args, cwd=None):
    """A reference build: run() with NKG_REF_NEWSKG."""
    return run(*args, cwd=cwd, prog=REF_NEWSKG)


# --state runs that keep the linking's postings and check them against
# postings made from every document (cmd_build.c, NEWSKG_STATE_POSTINGS):
# a difference fails the run
POSTINGS_ENV = dict(os.environ, NEWSKG_STATE_POSTINGS="check")


def postings_said(stderr):
    """(how, added, removed) from a run's postings line, or None."""
    import re
    m = re.search(r"postings: (updated|made from every document), (\d+) documents added, "
                  r"(\d+) removed", stderr)
    return m and (m.group(1), int(m.group(2)), int(m.group(3)))


def postings_relinked(stderr):
    """(local entities re-linked, of how many, components) from a run's
    re-linking check (=check: step 2 from the postings, compared with
    today's linking), or None."""
    import re
    m = re.search(r"postings: (\d+) local entities of (\d+) re-linked, in (\d+) components",
                  stderr)
    return m and (int(m.group(1)), int(m.group(2)), int(m.group(3)))


def components_said(stderr):
    """(how, labelled afresh, kept joined, taken apart) from a run's
    components line (the key-components kept beside the postings), or
    None when the run did not also check every local entity's component
    against the linking (=check; a difference fails the run)."""
    import re
    m = re.search(r"components: (updated|made from every row), (\d+) local entities labelled "
                  r"afresh, (\d+) kept components joined, (\d+) taken apart", stderr)
    if not m or not re.search(r"components: all \d+ local entities' components are the "
                              r"linking's", stderr):
        return None
    return (m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4)))


def postings_touched(stderr):
    """How many keys a run's postings update read or made (the rest were
    copied as they were), or None."""
    import re
    m = re.search(r"postings: .* removed, (\d+) keys touched", stderr)
    return m and int(m.group(1))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def same(what, a, b):
    if read(a) != read(b):
        subprocess.run(["diff", a, b])
        sys.exit("FAIL: %s: %s and %s differ" % (what, a, b))


OUTS = ("ttl", "dot", "jsonld")


def graph_args(prefix):
    return ["-q", "-o", prefix + ".ttl", "--dot", prefix + ".dot"]


def check_outputs(what, ref, got, rnd):
    same(what, ref + ".ttl", got + ".ttl")
    same(what + " (DOT)", ref + ".dot", got + ".dot")


def checked_state_run(work, state, jobs, i, what, rnd):
    """Step i: a --state run over work/live with the postings checked, and a
    full build beside it; their Turtle and DOT must be the same bytes.
    Returns the --state run and its outputs' prefix."""
    inc = os.path.join(work, "inc-%d" % i)
    full = os.path.join(work, "full-%d" % i)
    p = run("build", "live", *graph_args(inc), "--state", state, jobs, cwd=work,
            env=POSTINGS_ENV)
    run_ref("build", "live", *graph_args(full), cwd=work)
    check_outputs(what, full, inc, rnd)
    return p, inc


def check_corpus(name, src, tmp, rnd):
    work = os.path.join(tmp, name)
    os.makedirs(work)
    # Sources are paths as given: run everything from the corpus' parent
    # with the same relative folder name, as a user would.
    parent, base = os.path.split(os.path.abspath(src))
    ref = os.path.join(work, "full")
    run_ref("build", base, *graph_args(ref), cwd=parent)
    run_ref("build", base, "-q", "-o", ref + ".jsonld", cwd=parent)
    files = sorted(os.path.join(base, f) for f in os.listdir(src)
                   if os.path.isfile(os.path.join(src, f)))

    for r in range(ROUNDS):
        # --shard K/N over the folder, merged in a random order
        n = rnd.randint(1, 5)
        shards = []
        for k in range(1, n + 1):
            s = os.path.join(work, "r%d-%dof%d.nkgx" % (r, k, n))
            run("extract", base, "-q", "--shard", "%d/%d" % (k, n), "-o", s, cwd=parent)
            shards.append(s)
        rnd.shuffle(shards)
        got = os.path.join(work, "merge-%d" % r)
        run("merge", *shards, *graph_args(got))
        check_outputs("%s: --shard ?/%d merged" % (name, n), ref, got, rnd)

        # explicit groups of files, one by one, merged in a random order,
        # one shard given twice
        order = files[:]
        rnd.shuffle(order)
        cuts = sorted(rnd.sample(range(1, len(order)), min(len(order) - 1, rnd.randint(0, 3))))
        groups = [order[i:j] for i, j in zip([0] + cuts, cuts + [len(order)])]
        shards = []
        for g, group in enumerate(groups):
            s = os.path.join(work, "r%d-group%d.nkgx" % (r, g))
            run("extract", *group, "-q", "-o", s, cwd=parent)
            shards.append(s)
        shards.append(rnd.choice(shards))
        rnd.shuffle(shards)
        got = os.path.join(work, "groups-%d" % r)
        run("merge", *shards, *graph_args(got))
        check_outputs("%s: %d groups of files merged" % (name, len(groups)), ref, got, rnd)
    run("merge", *shards, "-q", "-o", got + ".jsonld")
    same("%s: JSON-LD" % name, ref + ".jsonld", got + ".jsonld")

    # a damaged shard: refused, nothing written
    bad = os.path.join(work, "bad.nkgx")
    data = damaged(read(shards[0]), len(read(shards[0])) // 2 + 32)
    with open(bad, "wb") as f:
        f.write(data)
    out = os.path.join(work, "bad.ttl")
    p = run("merge", bad, "-q", "-o", out, ok=False)
    if p.returncode != 2 or os.path.exists(out) or "damaged shard" not in p.stderr:
        sys.exit("FAIL: a damaged shard was not refused (exit %d): %s" % (p.returncode, p.stderr))

    # a shard that is not there: one line of ours naming it, nothing written
    missing = os.path.join(work, "no-such.nkgx")
    p = run("merge", shards[0], missing, "-q", "-o", out, ok=False)
    lines = p.stderr.strip().splitlines()
    if (p.returncode != 2 or os.path.exists(out) or len(lines) != 1
            or not lines[0].startswith("newskg merge: %s: cannot open it (" % missing)):
        sys.exit("FAIL: a missing shard (exit %d): %r" % (p.returncode, p.stderr))

    check_state(name, src, work, rnd)


def check_state(name, src, work, rnd):
    """A random sequence of add / remove / change steps with --state."""
    import time
    live = os.path.join(work, "live")
    spare = os.path.join(work, "spare")
    os.makedirs(live)
    os.makedirs(spare)
    names = sorted(f for f in os.listdir(src) if os.path.isfile(os.path.join(src, f)))
    rnd.shuffle(names)
    # start with about half the files; the rest are added later
    for i, f in enumerate(names):
        shutil.copy(os.path.join(src, f), os.path.join(live if i % 2 == 0 else spare, f))
    state = os.path.join(work, "state")
    steps = ["start"] + [rnd.choice(["add", "add", "remove", "change", "none"]) for _ in range(STEPS)]
    steps.insert(min(4, len(steps)), "damage")
    for i, step in enumerate(steps):
        here = sorted(os.listdir(live))
        if step == "add" and os.listdir(spare):
            f = rnd.choice(sorted(os.listdir(spare)))
            shutil.move(os.path.join(spare, f), os.path.join(live, f))
        elif step == "remove" and len(here) > 1:
            f = rnd.choice(here)
            shutil.move(os.path.join(live, f), os.path.join(spare, f))
        elif step == "change":
            texts = [f for f in here if f.endswith(".txt")]
            if texts:
                with open(os.path.join(live, rnd.choice(texts)), "a") as fh:
                    fh.write("\nThe talks continued in Geneva on %d March.\n" % (i + 1))
        elif step == "damage":
            p = os.path.join(state, rnd.choice(state_parts(state)))
            data = bytearray(read(p))
            data[-5] ^= 0xff
            with open(p, "wb") as fh:
                fh.write(data)
        inc = os.path.join(work, "inc-%d" % i)
        full = os.path.join(work, "full-%d" % i)
        if step == "none":
            # the last step's files settled: this one's (at other paths)
            # are copies of them
            time.sleep(RACY_S)
        # the state's records are decoded on this thread with -j 1, on
        # the workers in batches otherwise: both, whatever the machine
        jobs = "-j%d" % rnd.choice([1, 2, 3])
        p = run("build", "live", "-o", inc + ".ttl", "--dot", inc + ".dot", "--state", state,
                jobs, cwd=work, env=POSTINGS_ENV)
        said = postings_said(p.stderr)
        now = set(os.listdir(live))
        if (i == 0 and (not said or said[0] != "made from every document")) or (
                i > 0 and now != set(here) and (not said or said[0] != "updated")) or (
                i > 0 and said and said[0] != "updated"):
            sys.exit("FAIL: %s: step %d (%s): the postings were not %s: %s"
                     % (name, i, step, "made" if i == 0 else "updated", p.stderr))
        comps = components_said(p.stderr)
        # (a run that finds its outputs written merges nothing: neither)
        if bool(said) != bool(comps) or (said and said[0] == "updated"
                                         and comps[0] != "updated"):
            sys.exit("FAIL: %s: step %d (%s): the components were not checked or not "
                     "updated: %s" % (name, i, step, p.stderr))
        if step == "damage" and "extracting every article again" not in p.stderr:
            sys.exit("FAIL: a damaged state was trusted: %s" % p.stderr)
        if step == "none" and "(0 extracted" not in p.stderr:
            sys.exit("FAIL: nothing changed but articles were extracted: %s" % p.stderr)
        run_ref("build", "live", *graph_args(full), cwd=work)
        check_outputs("%s: --state after step %d (%s)" % (name, i, step), full, inc, rnd)
        print("  state step %d %-6s %s %s" % (i, step, jobs, p.stderr.strip().splitlines()[-1]))
    if not full_state_checks(name):
        print("  stamps, unchanged and parts checks: not run here (NKG_TEST_STATE=%s)"
              % STATE_CHECKS)
        return
    check_stamps(name, work, live, state, rnd)
    check_unchanged(name, work, live, state, rnd)
    check_parts(name, src, work, rnd)
    check_state_edges(name, src, work, rnd)


def check_unchanged(name, work, live, state, rnd):
    """Nothing changed: nothing written, the same summary; else written again."""
    import json, time
    inc = os.path.join(work, "same")
    full = os.path.join(work, "same-full")
    run_ref("build", "live", *graph_args(full), cwd=work)

    def step(what, *extra, written):
        before = {e: os.stat(inc + "." + e).st_ino for e in ("ttl", "dot")
                  if os.path.exists(inc + "." + e)}
        p = run("build", "live", "-o", inc + ".ttl", "--dot", inc + ".dot", "--state", state,
                "--json", *extra, cwd=work)
        check_outputs("%s: --state, nothing changed: %s" % (name, what), full, inc, rnd)
        after = {e: os.stat(inc + "." + e).st_ino for e in ("ttl", "dot")}
        if (before != after) != written:
            sys.exit("FAIL: %s: %s: the files were %swritten" % (name, what, "not " if written else ""))
        print("  unchanged %-26s %s" % (what, "written" if written else "not written"))
        return json.loads(p.stdout)

    first = step("first", written=True)
    time.sleep(RACY_S)
    again = step("same articles", written=False)
    for k in ("entities", "facts", "evidence", "quotes", "conflicts", "warnings", "articles",
              "duplicates", "files"):
        if first[k] != again[k]:
            sys.exit("FAIL: %s: the summary of a run that wrote nothing: %s %r, not %r"
                     % (name, k, again[k], first[k]))
    # the Turtle changed in place, its size and modification time kept
    path = inc + ".ttl"
    st = os.stat(path)
    data = bytearray(read(path))
    data[-3] = ord("X") if data[-3] != ord("X") else ord("Y")
    with open(path, "r+b") as f:
        f.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    step("Turtle changed in place", written=True)
    time.sleep(RACY_S)
    step("same again", written=False)
    # the program hard-linked elsewhere, as perf's build-id cache does to
    # every binary and library it profiles: the same code (its change time
    # moved with its link count), nothing written
    code = os.path.realpath(shutil.which(NEWSKG) or NEWSKG)
    link = os.path.join(work, "newskg-link")
    try:
        os.link(code, link)
    except OSError as e:  # another file system, or no hard links there
        print("  unchanged %-26s not run (%s)" % ("program hard-linked", e.strerror))
    else:
        try:
            step("program hard-linked", written=False)
        finally:
            os.unlink(link)
    # the same articles, files asked for elsewhere: copies of the last
    # run's files, which stay as they were; a copy only of a file that is
    # as that run left it
    other = os.path.join(work, "same-other")

    def elsewhere(what, ttl, dot, summary=True):
        before = {p: os.stat(p).st_ino for p in (inc + ".ttl", inc + ".dot")}
        p = run("build", "live", "-o", ttl, "--dot", dot, "--state", state, "--json", cwd=work)
        same("%s: --state, nothing changed: %s" % (name, what), full + ".ttl", ttl)
        same("%s: --state, nothing changed: %s (DOT)" % (name, what), full + ".dot", dot)
        got = json.loads(p.stdout)
        for k in ("entities", "facts", "evidence", "quotes", "conflicts", "warnings", "articles"):
            if summary and got[k] != first[k]:
                sys.exit("FAIL: %s: %s: the summary says %s %r, not %r"
                         % (name, what, k, got[k], first[k]))
        kept = {p: os.stat(p).st_ino for p in before if p not in (ttl, dot)}
        if any(kept[p] != before[p] for p in kept):
            sys.exit("FAIL: %s: %s: the last run's files were written" % (name, what))
        print("  unchanged %-26s right bytes" % what)

    elsewhere("another -o and --dot", other + ".ttl", other + ".dot")
    time.sleep(RACY_S)
    elsewhere("the Turtle back, --dot elsewhere", inc + ".ttl", other + "-2.dot")
    time.sleep(RACY_S)
    # the last run's Turtle changed in place, its size and time kept:
    # merged and written, not copied
    path = inc + ".ttl"
    st = os.stat(path)
    data = bytearray(read(path))
    data[-3] = ord("X") if data[-3] != ord("X") else ord("Y")
    with open(path, "r+b") as f:
        f.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    time.sleep(RACY_S)  # only its stamp (ctime) tells
    elsewhere("the last Turtle changed", other + ".ttl", other + ".dot")
    time.sleep(RACY_S)
    step("back to the first files", written=True)
    time.sleep(RACY_S)
    step("same again after that", written=False)
    # the diagram gone
    os.remove(inc + ".dot")
    step("diagram removed", written=True)
    time.sleep(RACY_S)
    # other output options: --base gives other bytes, so against its own full build
    run_ref("build", "live", *graph_args(full), "--base", "https://example.org/id/", cwd=work)
    step("--base", "--base", "https://example.org/id/", written=True)
    run_ref("build", "live", *graph_args(full), cwd=work)
    step("no --base", written=True)
    # an SVG is rendered with what Graphviz loads then: always written
    svg = os.path.join(work, "same.svg")
    step("--svg", "--svg", svg, written=True)
    time.sleep(RACY_S)
    step("--svg again", "--svg", svg, written=True)
    # a run that writes the state (a part added, or every record again)
    # is followed by one that finds nothing new: that one writes nothing
    spare = os.path.join(work, "spare")
    texts = sorted(f for f in os.listdir(live) if f.endswith(".txt"))
    for what in ("an article added", "an article changed"):
        if what == "an article added":
            extra = sorted(os.listdir(spare)) if os.path.isdir(spare) else []
            if not extra:
                continue
            shutil.move(os.path.join(spare, extra[0]), os.path.join(live, extra[0]))
        elif texts:
            with open(os.path.join(live, texts[0]), "a") as fh:
                fh.write("\nThe talks continued in Lisbon on 9 May.\n")
        else:
            continue
        run_ref("build", "live", *graph_args(full), cwd=work)
        time.sleep(RACY_S)
        step(what, written=True)
        time.sleep(RACY_S)
        step("nothing new after that", written=False)


# STATE_PARTS in cli/cmd_build.c: at most this many documents*.nkgx
STATE_PARTS = 8


def rewrite_part(path, edit):
    """The state part at PATH with EDIT applied to its (stored) payload, the
    header's checksum made to match: a well-formed part that says
    something else."""
    import hashlib
    data = bytearray(read(path))
    if int.from_bytes(data[12:16], "little") != 0:
        sys.exit("FAIL: a state part is compressed: %s" % path)
    payload = edit(bytes(data[64:]))
    data[32:64] = hashlib.sha256(payload).digest()
    with open(path, "wb") as fh:
        fh.write(bytes(data[:64]) + payload)


def check_state_edges(name, src, work, rnd):
    """The cases a state must get right whatever the sequence: an article
    whose entity no other article names goes; an article changes; the state
    is of another extractor or format version, or damaged beyond its
    documents (the files table, the outputs record), or left by a run
    killed at any moment. Each gives a full build's bytes, and the summary
    says what was extracted."""
    import json, re, signal, time
    edge = os.path.join(work, "edges")
    live = os.path.join(edge, "live")
    spare = os.path.join(edge, "spare")
    os.makedirs(live)
    os.makedirs(spare)
    names = sorted(f for f in os.listdir(src) if os.path.isfile(os.path.join(src, f)))
    for f in names:
        shutil.copy(os.path.join(src, f), os.path.join(live, f))
    state = os.path.join(edge, "state")

    def entities(ttl):
        return set(re.findall(rb"^<([^>]*/id/(?:person|organization|agreement|event)/[^>]*)>",
                              read(ttl), re.M))

    def step(what, extracted=None, says=None):
        inc = os.path.join(edge, "inc")
        full = os.path.join(edge, "full")
        p = run("build", "live", *graph_args(inc), "--state", state, "--json", cwd=edge)
        run_ref("build", "live", *graph_args(full), cwd=edge)
        check_outputs("%s: --state, %s" % (name, what), full, inc, rnd)
        got = json.loads(p.stdout)
        want = total.get("all") if extracted == "all" else extracted
        if want is not None and got["extracted"] != want:
            sys.exit("FAIL: %s: %s: extracted %d, reused %d of %d articles"
                     % (name, what, got["extracted"], got["reused"], got["articles"]))
        if says and says not in p.stderr:
            sys.exit("FAIL: %s: %s: the run did not say %r: %s" % (name, what, says, p.stderr))
        print("  edge %-34s extracted %d, reused %d, files unchanged %d"
              % (what, got["extracted"], got["reused"], got["files_unchanged"]))
        total.setdefault("all", got["extracted"])
        return inc + ".ttl"

    total = {}

    before = entities(step("first run", extracted="all"))
    # an article whose entity no other article names: the entity goes
    lone = None
    for f in names:
        shutil.move(os.path.join(live, f), os.path.join(spare, f))
        run("build", "live", "-q", "-o", os.path.join(edge, "probe.ttl"), cwd=edge)
        gone = before - entities(os.path.join(edge, "probe.ttl"))
        shutil.move(os.path.join(spare, f), os.path.join(live, f))
        if gone:
            lone = f
            break
    if lone is None:
        sys.exit("FAIL: %s: no article holds an entity of its own" % name)
    shutil.move(os.path.join(live, lone), os.path.join(spare, lone))
    after = entities(step("its only article removed", extracted=0))
    if not before - after:
        sys.exit("FAIL: %s: removing %s removed no entity" % (name, lone))
    shutil.move(os.path.join(spare, lone), os.path.join(live, lone))
    step("and back", extracted=1)

    # a changed article: its text and so its key
    texts = sorted(f for f in os.listdir(live) if f.endswith(".txt"))
    with open(os.path.join(live, texts[0]), "a") as fh:
        fh.write("\nOfficials from Varna Systems met Teodor Halvik in Oslo on Monday.\n")
    step("an article changed", extracted=1)

    # another extractor, another format version: nothing of it is trusted
    part = os.path.join(state, "documents.nkgx")

    def other_extractor(payload):
        ids = re.findall(rb"[0-9a-f]{64}", payload[:4096])
        if not ids:
            sys.exit("FAIL: %s: no extractor id in %s" % (name, part))
        return payload.replace(ids[0], bytes(reversed(ids[0])), 1)
    rewrite_part(part, other_extractor)
    step("a state of another extractor", extracted="all", says="written by another newskg")
    data = bytearray(read(part))
    data[8] = 2
    with open(part, "wb") as fh:
        fh.write(data)
    step("a state of format version 2", extracted="all", says="format version 2")

    # the files table and the outputs record damaged: never a wrong graph
    # (the files settled first, so that a sound table would be used)
    time.sleep(RACY_S)
    for f, how in (("files.nkgf", "garbage"), ("outputs.nkgo", "garbage"),
                   ("files.nkgf", "empty"), ("documents.nkgx", "empty")):
        p = os.path.join(state, f)
        with open(p, "wb") as fh:
            fh.write(b"" if how == "empty" else bytes(rnd.randrange(256) for _ in range(300)))
        step("%s %s" % (f, how), extracted="all" if f == "documents.nkgx" else None)

    # a record its part's checksum vouches for but that cannot be decoded
    # (its last framing offset out of bounds): a run that finds nothing
    # new decodes no record, so it neither notices nor writes; a run that
    # needs the documents skips that article and names it, and the run
    # after it trusts nothing of the state
    step("before a record is broken")
    time.sleep(RACY_S)

    def break_first_record(payload):
        # the first document frame (doc/shard-format.md): its first
        # entity's class index made one no class has; the GVariant stays
        # in normal form. A tuple's framing offsets end it, the first
        # member's end last; the entities (field 9) start at field 8's end
        # aligned to 4.
        at = 8 + ((int.from_bytes(payload[:4], "little") + 7) & ~7)
        n = int.from_bytes(payload[at:at + 4], "little")
        rec = bytearray(payload[at + 8:at + 8 + n])
        w = 1 if n < 0x100 else 2 if n < 0x10000 else 4
        end8 = int.from_bytes(rec[n - 9 * w:n - 8 * w], "little")
        end9 = int.from_bytes(rec[n - 10 * w:n - 9 * w], "little")
        start9 = (end8 + 3) & ~3
        if end9 <= start9:
            sys.exit("FAIL: %s: the first record of %s names no entity" % (name, part))
        rec[start9] = 0xff
        return payload[:at + 8] + bytes(rec) + payload[at + 8 + n:]
    rewrite_part(part, break_first_record)
    inc_ttl = os.path.join(edge, "inc.ttl")
    ino = os.stat(inc_ttl).st_ino
    p = run("build", "live", *graph_args(os.path.join(edge, "inc")), "--state", state, cwd=edge)
    if "skipped" in p.stderr or os.stat(inc_ttl).st_ino != ino:
        sys.exit("FAIL: %s: a run that found nothing new decoded the records: %s"
                 % (name, p.stderr))
    with open(os.path.join(live, "zz-added.txt"), "w") as fh:
        fh.write("Velmora Trade Minister Ansel Drovik met officials of Kestria in Tarnow"
                 " on Tuesday.\n")
    total["all"] += 1
    p = run("build", "live", *graph_args(os.path.join(edge, "broken")), "--state", state,
            cwd=edge)
    if "skipped" not in p.stderr:
        sys.exit("FAIL: %s: a broken record was not reported: %s" % (name, p.stderr))
    # settled: a record of that run's outputs would be trusted
    time.sleep(RACY_S)
    step("after a broken record", extracted="all")

    # a run killed at any moment (of one that extracts an article) leaves a
    # state the next run can use
    # A run that ends before its kill (the machine got faster than the
    # timed run) counts for nothing: the kills move earlier until three
    # have landed, or the test gives up after twelve tries.
    killed = tries = 0
    scale = 1.0
    k = 0
    while killed < 3 and tries < 12:
        with open(os.path.join(live, texts[-1]), "a") as fh:
            fh.write("\nThe delegation of Orvane returned on %d May.\n" % (k + 1))
        k += 1
        args = [NEWSKG, "build", "live", "-q", "-o", os.path.join(edge, "k.ttl"), "--state", state]
        if k == 1:
            t0 = time.monotonic()
            subprocess.run(args, cwd=edge, check=True)
            took = time.monotonic() - t0
            continue
        tries += 1
        proc = subprocess.Popen(args, cwd=edge)
        at = rnd.uniform(0.05, 0.95) * took * scale
        time.sleep(at)
        proc.send_signal(signal.SIGKILL)
        if proc.wait() == -signal.SIGKILL:
            killed += 1
        else:
            scale /= 2
        step("after a run killed at %.3f of %.3f s" % (at, took))
    if not killed:
        sys.exit("FAIL: %s: every run meant to be killed had ended before" % name)


def state_parts(state):
    return sorted(f for f in os.listdir(state) if f.startswith("documents") and f.endswith(".nkgx"))


def check_parts(name, src, work, rnd):
    """Runs that only add articles append a part; the state is rewritten whole when
    there would be too many parts or when an article goes; the bytes stay those of
    a full build."""
    live = os.path.join(work, "parts")
    shutil.copytree(src, live)
    state = os.path.join(work, "parts-state")

    def step(what):
        inc = os.path.join(work, "parts-inc")
        full = os.path.join(work, "parts-full")
        run("build", "parts", *graph_args(inc), "--state", state, cwd=work)
        run_ref("build", "parts", *graph_args(full), cwd=work)
        check_outputs("%s: --state parts: %s" % (name, what), full, inc, rnd)
        return state_parts(state)

    if step("start") != ["documents.nkgx"]:
        sys.exit("FAIL: %s: a first run wrote %r" % (name, state_parts(state)))
    texts = sorted(f for f in os.listdir(live) if f.endswith(".txt"))
    if not texts:
        return
    added = []
    for i in range(STATE_PARTS + 1):
        before = {f: read(os.path.join(state, f)) for f in state_parts(state)}
        f = rnd.choice(texts)
        new = "added-%d-%s" % (i, f)
        with open(os.path.join(live, f)) as a, open(os.path.join(live, new), "w") as b:
            b.write(a.read() + "\nThe delegations met again on %d May.\n" % (i + 1))
        added.append(new)
        got = step("added %s" % new)
        if len(before) < STATE_PARTS:
            # the earlier parts untouched, one more beside them
            if len(got) != len(before) + 1 or any(read(os.path.join(state, f)) != data
                                                  for f, data in before.items()):
                sys.exit("FAIL: %s: adding an article rewrote the state: %r → %r"
                         % (name, sorted(before), got))
        elif got != ["documents.nkgx"]:
            sys.exit("FAIL: %s: %d parts were not put together: %r" % (name, len(before), got))
    os.remove(os.path.join(live, added[0]))
    if step("removed %s" % added[0]) != ["documents.nkgx"]:
        sys.exit("FAIL: %s: a removal left parts: %r" % (name, state_parts(state)))
    print("  state parts: %d adds, a removal, all as a full build" % (STATE_PARTS + 1))


# A stamp changed less than this before a run is not kept (RACY_NS in
# cli/cmd_build.c): files must be older for a run to skip them.
RACY_S = 2.1


def check_stamps(name, work, live, state, rnd):
    """Unchanged files are not read again, and the bytes stay those of a full build."""
    import json, time

    def step(what, *extra):
        inc = os.path.join(work, "stamp")
        full = os.path.join(work, "stamp-full")
        p = run("build", "live", "-q", "-o", inc + ".ttl", "--dot", inc + ".dot", "--state",
                state, "--json", *extra, cwd=work)
        run_ref("build", "live", *graph_args(full), *extra, cwd=work)
        check_outputs("%s: --state, stamps: %s" % (name, what), full, inc, rnd)
        got = json.loads(p.stdout)
        print("  stamps %-22s files_unchanged %d, extracted %d, duplicates %d"
              % (what, got["files_unchanged"], got["extracted"], got["duplicates"]))
        return got

    here = sorted(f for f in os.listdir(live) if f.endswith(".txt"))
    if len(here) < 2:
        return
    time.sleep(RACY_S)
    step("stamps kept")
    got = step("nothing changed")
    if got["extracted"] != 0 or got["files_unchanged"] == 0:
        sys.exit("FAIL: %s: nothing changed, yet files were read again: %r" % (name, got))
    # changed in place: same size, same modification time (ctime tells)
    victim = os.path.join(live, rnd.choice(here))
    st = os.stat(victim)
    data = bytearray(read(victim))
    i = next((k for k in range(len(data)) if 97 <= data[k] <= 122), None)
    if i is not None:
        data[i] -= 32  # one lower-case letter made upper-case
        with open(victim, "wb") as f:
            f.write(data)
        os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
        got = step("same size and mtime")
        if got["extracted"] == 0:
            sys.exit("FAIL: %s: a file changed in place was not read again" % name)
    # copies of an unchanged file, before and after it in the order
    time.sleep(RACY_S)
    step("stamps kept again")
    orig = rnd.choice(sorted(os.listdir(live)))
    shutil.copy(os.path.join(live, orig), os.path.join(live, "!first-" + orig))
    got = step("copy before it")
    shutil.copy(os.path.join(live, orig), os.path.join(live, "~last-" + orig))
    got = step("copy after it")
    if got["duplicates"] < 2:
        sys.exit("FAIL: %s: copies not counted as duplicates: %r" % (name, got))
    time.sleep(RACY_S)
    step("stamps kept, copies")
    os.remove(os.path.join(live, "!first-" + orig))
    step("first copy gone")
    os.remove(os.path.join(live, orig))
    step("original gone")
    step("--lang any", "--lang", "any")
    got = step("--lang en")
    if got["files_unchanged"] != 0:
        sys.exit("FAIL: %s: stamps kept under other options were trusted" % name)
    # a damaged files table (cut short, bytes changed, emptied) is a
    # shortcut lost, never a wrong graph
    time.sleep(RACY_S)
    step("stamps kept, options back")
    table = os.path.join(state, "files.nkgf")
    good = read(table)
    damaged = [("table cut short", good[: len(good) // 2]),
               ("table emptied", b""),
               ("table end overwritten", good[:-8] + b"\xff" * 8)]
    for k in range(3):
        data = bytearray(good)
        data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
        damaged.append(("table bit %d flipped" % k, bytes(data)))
    for what, data in damaged:
        with open(table, "wb") as f:
            f.write(data)
        step(what)
    with open(table, "wb") as f:
        f.write(good)
    got = step("table restored")
    if got["files_unchanged"] == 0:
        sys.exit("FAIL: %s: a good files table was not used: %r" % (name, got))


def check_unchanged_after_reading(tmp):
    """A run that read a Windows-1252 page (iconv loads a module for it,
    mapped as code) and the next run, which finds the page unchanged and
    does not read it: the same outputs key, so nothing is written."""
    import json, time
    work = os.path.join(tmp, "cp1252")
    live = os.path.join(work, "live")
    os.makedirs(live)
    page = ("<html><head><meta charset=\"windows-1252\"><title>Talks in Lisbon</title>"
            "</head><body><p>The foreign minister of Portugal, Jos\u00e9 Vantorre, met the "
            "Spanish foreign minister Ana Quirell in Lisbon on Monday. \u201cWe agreed on "
            "fisheries,\u201d Vantorre said.</p></body></html>\n")
    with open(os.path.join(live, "talks.html"), "wb") as f:
        f.write(page.encode("cp1252"))
    time.sleep(RACY_S)  # settled: the first run keeps its stamp
    out = os.path.join(work, "g.ttl")
    state = os.path.join(work, "state")
    inodes = []
    for what in ("first", "nothing new"):
        p = run("build", "live", "-o", out, "--state", state, "--json", cwd=work)
        got = json.loads(p.stdout)
        inodes.append(os.stat(out).st_ino)
        time.sleep(RACY_S)
    if got["files_unchanged"] != 1:
        sys.exit("FAIL: Windows-1252 page: not known the second time: %r" % got)
    if inodes[0] != inodes[1]:
        sys.exit("FAIL: Windows-1252 page: nothing new, and the files were written")
    print("  unchanged after reading a Windows-1252 page: not written")


# Articles written for check_add_only (invented people and accord): each
# one, added to the ones before it, moves a tie-break of the whole graph.
ADD_ONLY = [
    ("a1.txt", """Chile and Norway sign fisheries framework in Valparaiso

March 3, 2026

Chile and Norway signed a 5-year fisheries framework on Tuesday in Valparaiso, setting quotas for the southern fleets.

Chilean Fisheries Minister Tavi R. Olenko and Norwegian Trade Minister Ulla Brekkan put their signatures to the framework after two days of talks.

"The framework gives our fleets a clear horizon," Olenko said after the signing.
"""),
    ("a2.txt", """Norway welcomes the Chile-Norway Fisheries Framework Agreement

March 3, 2026

Norwegian Trade Minister Ulla Brekkan said on Tuesday that the 5-year Chile-Norway Fisheries Framework Agreement, which she signed with Chilean Fisheries Minister Tavi R Olenko in Valparaiso earlier in the day, would open new markets for salmon exporters.

Brekkan met Olenko again in Oslo to discuss the quotas.
"""),
    ("a3.txt", """Chilean fleets prepare for new quotas

March 9, 2026

Chilean Fisheries Minister Tavi R Olenko visited the port of Talcahuano on Monday.

"Every captain will know the quota before the season opens," Olenko told reporters.
"""),
    ("a4.txt", """Salmon exporters count on southern markets

March 12, 2026

Norwegian Trade Minister Ulla Brekkan met Chilean Fisheries Minister Tavi R Olenko in Santiago on Wednesday to review the quotas.
"""),
    ("a5.txt", """Fishing unions question the new quotas

March 16, 2026

Fishing unions in the south said on Monday that the Chile-Norway Fisheries Framework Agreement, signed in Santiago on March 3, gave too little to small boats.
"""),
    ("a6.txt", """Quota review set for May

March 18, 2026

Minister Olenko said on Wednesday that the quotas would be reviewed in May, after the first catches are counted.
"""),
    ("a7.txt", """Trawler captain wins award

March 20, 2026

Mirek Olenko, a trawler captain from Puerto Montt, received the national seamanship award on Friday.
"""),
    ("a8.txt", """Peru and Finland sign forestry framework

April 7, 2026

Peru and Finland signed a 3-year forestry framework on Tuesday in Cusco, covering seedlings and fire crews.
"""),
    ("a9.txt", """Fire crews to train abroad

April 7, 2026

The 3-year forestry framework that Peru and Finland signed in Cusco on Tuesday will send forty fire crews to train abroad.
"""),
] + [("a%d.txt" % n, """Seedlings ready for the highlands

April 8, 2026

Under the 3-year forestry framework signed by Peru and Finland in Cusco on Tuesday, %s nurseries will grow native seedlings.
""" % many) for n, many in ((10, "ninety"), (11, "forty"))]


def turtle_blocks(ttl):
    """Subject IRI -> its block's bytes."""
    import re
    return {m.group(1): m.group(0)
            for m in re.finditer(rb"^<([^>]+)>\n(?:    .*\n)*", read(ttl), re.M)}


def check_add_only(tmp, rnd):
    """Runs that only add articles, each of which changes what was already
    in the graph, not only what it adds: a description clustered with
    another article's named agreement (its IRI changes), a form that more
    documents use (the preferred name changes), statements that gain
    support, and a second value of a single-valued property (conflict
    lists of old statements), a lone surname that joins a person and, when
    an article names a second person of that surname, leaves him again:
    adding articles can split an entity (merge.c's surname rule), so an
    incremental merge cannot assume its components only grow; two
    descriptions clustered, then a third that keeps their IRI and a fourth
    that renames it (its document IRI sorts first). After each,
    the state's run gives a full build's bytes, extracted only the new
    article, and the change it is there for did happen (else the test
    would not test it)."""
    import json, re
    work = os.path.join(tmp, "add-only")
    live = os.path.join(work, "live")
    os.makedirs(live)
    state = os.path.join(work, "state")
    jobs = "-j%d" % rnd.choice([1, 2, 3])

    def label(blocks, iri):
        m = re.search(rb'rdfs:label "([^"]*)"', blocks.get(iri, b""))
        return m and m.group(1)

    def support(block):
        m = re.search(rb"nkg:supportCount (\d+)", block)
        return int(m.group(1)) if m else None

    person = b"https://w3id.org/newskg/id/person/tavi-r-olenko"
    agreement = b"https://w3id.org/newskg/id/agreement/"

    def clustered(old, new):
        return (any(k.startswith(agreement + b"5-year-fisheries-framework-") for k in old)
                and [k for k in new if k.startswith(agreement)]
                == [agreement + b"chile-norway-fisheries-framework-agreement"]
                and new[agreement + b"chile-norway-fisheries-framework-agreement"]
                .count(b"/doc/") == 2)

    def renamed(old, new):
        return label(old, person) == b"Tavi R. Olenko" and label(new, person) == b"Tavi R Olenko"

    def supported(old, new):
        return any(k in new and support(v) and support(new[k]) > support(v)
                   for k, v in old.items())

    def conflicting(old, new):
        return any(k in new and b"conflictsWith" not in v and b"conflictsWith" in new[k]
                   for k, v in old.items())

    def mentions(blocks):
        m = re.search(rb"nkg:mentionCount (\d+)", blocks.get(person, b""))
        return int(m.group(1)) if m else 0

    def surname_joined(old, new):
        return (mentions(new) > mentions(old)
                and new[person].count(b"/doc/") == old[person].count(b"/doc/") + 1)

    # a second full name ending in the surname: the lone surname of the
    # article before is no longer his, and leaves the entity it had joined
    # (an added article splits an entity)
    def surname_split(old, new):
        lone = b"https://w3id.org/newskg/id/person/olenko"
        return (lone not in old and lone in new and mentions(new) < mentions(old)
                and new[person].count(b"/doc/") == old[person].count(b"/doc/") - 1)

    # A description's IRI hashes its least document IRI: two descriptions
    # clustered take the lesser one's; a third article whose document IRI
    # sorts after it keeps the IRI, one whose IRI sorts first renames it
    # (the two texts differ in one word for that).
    forestry = agreement + b"3-year-forestry-framework-"

    def described(blocks):
        found = [k for k in blocks if k.startswith(forestry)]
        return (found[0], blocks[found[0]].count(b"/doc/")) if len(found) == 1 else (None, 0)

    def descriptions_clustered(old, new):
        was = [k for k in old if k.startswith(forestry)]
        iri, docs = described(new)
        return len(was) == 1 and iri and iri != was[0] and docs == 2

    def first_doc_kept(old, new):
        (was, n), (iri, docs) = described(old), described(new)
        return was and iri == was and docs == n + 1

    def first_doc_renamed(old, new):
        (was, n), (iri, docs) = described(old), described(new)
        return was and iri and iri != was and docs == n + 1

    checks = [None, clustered, renamed, supported, conflicting, surname_joined, surname_split,
              None, descriptions_clustered, first_doc_kept, first_doc_renamed]
    old = None
    for i, (f, text) in enumerate(ADD_ONLY):
        with open(os.path.join(live, f), "w") as fh:
            fh.write(text)
        inc = os.path.join(work, "inc-%d" % i)
        full = os.path.join(work, "full-%d" % i)
        p = run("build", "live", *graph_args(inc), "--state", state, "--json", jobs, cwd=work,
                env=POSTINGS_ENV)
        run_ref("build", "live", *graph_args(full), cwd=work)
        check_outputs("add-only: --state after adding %s" % f, full, inc, rnd)
        said = postings_said(p.stderr)
        if said != (("made from every document", 1, 0) if i == 0 else ("updated", 1, 0)):
            sys.exit("FAIL: add-only: %s: postings %s" % (f, said))
        # the components the article's keys reach, re-linked from the
        # postings and compared with the linking (a difference fails the
        # run): the surname's join and split among them
        relinked = postings_relinked(p.stderr)
        if not relinked or not relinked[0] or (
                checks[i] in (surname_joined, surname_split) and relinked[0] < 2):
            sys.exit("FAIL: add-only: %s: re-linked %s" % (f, relinked))
        got = json.loads(p.stdout)
        if got["extracted"] != 1 or got["reused"] != i:
            sys.exit("FAIL: add-only: %s: extracted %d, reused %d"
                     % (f, got["extracted"], got["reused"]))
        new = turtle_blocks(inc + ".ttl")
        if checks[i] and not checks[i](old, new):
            sys.exit("FAIL: add-only: adding %s did not change what it is there for (%s)"
                     % (f, checks[i].__name__))
        print("  add-only %s %s %s, re-linked %s" % (f, jobs,
                                                   checks[i].__name__ if checks[i] else "added",
                                                   relinked))
        old = new


def check_postings(tmp, rnd):
    """The linking's postings kept in the state (NEWSKG_STATE_POSTINGS=check:
    each run compares those it updated with those made from every
    document): a copy of an article under a lesser name displaces it (one
    document removed, one added, the same merge keys), the copy goes again,
    a garbage postings file is not trusted, and each run gives a full
    build's bytes."""
    work = os.path.join(tmp, "postings")
    live = os.path.join(work, "live")
    shutil.copytree(os.path.join(ROOT, "examples"), live)
    state = os.path.join(work, "state")
    jobs = "-j%d" % rnd.choice([1, 2, 3])
    texts = sorted(f for f in os.listdir(live) if f.endswith(".txt"))
    moved = os.path.join(work, texts[-1])
    shutil.move(os.path.join(live, texts[-1]), moved)

    def step(i, what, want):
        p, _ = checked_state_run(work, state, jobs, i, "postings: %s" % what, rnd)
        said = postings_said(p.stderr)
        if said != want:
            sys.exit("FAIL: postings: %s: %s, not %s" % (what, said, want))
        print("  postings %-28s %s %s, %s keys touched" % (what, jobs, said,
                                                          postings_touched(p.stderr)))
        return postings_touched(p.stderr)

    every = step(0, "first run", ("made from every document", len(os.listdir(live)), 0))
    shutil.move(moved, os.path.join(live, texts[-1]))
    one = step(1, "an article added", ("updated", 1, 0))
    # the update reads the keys the article has, and copies the others
    if not one or not every or one >= every:
        sys.exit("FAIL: postings: adding one article touched %s keys of %s" % (one, every))
    # the same text under a name that sorts first: it is kept instead
    shutil.copy(os.path.join(live, texts[-1]), os.path.join(live, "00-" + texts[-1]))
    step(2, "a copy displaces it", ("updated", 1, 1))
    os.remove(os.path.join(live, "00-" + texts[-1]))
    step(3, "the copy gone", ("updated", 1, 1))
    # an article removed and none added: the keys it had, no other, lose
    # its rows
    gone = os.path.join(work, texts[1])
    shutil.move(os.path.join(live, texts[1]), gone)
    step(7, "an article removed", ("updated", 0, 1))
    shutil.move(gone, os.path.join(live, texts[1]))
    # a byte of the rows changed (the header as written): not trusted
    # (the layout: doc/shard-format.md; after four lines of header, seven
    # counts, then documents and keys of five words each, the key lists)
    import struct
    path = os.path.join(state, "postings.nkgp")
    data = bytearray(read(path))
    body = 0
    for _ in range(4):
        body = data.index(b"\n", body) + 1
    n_docs, n_keys, n_dockeys, n_rows = struct.unpack_from("<4I", data, body)
    at = body + 28 + 20 * (n_docs + n_keys) + 4 * n_dockeys + 8 * (n_rows // 2)
    data[at] ^= 0x01
    with open(path, "wb") as fh:
        fh.write(data)
    # (each step changes the articles: a run that finds its outputs
    # written merges nothing and leaves the postings alone)
    away = os.path.join(work, texts[0])
    shutil.move(os.path.join(live, texts[0]), away)
    step(4, "a damaged row (and one back)", ("made from every document", len(os.listdir(live)), 0))
    with open(path, "r+b") as fh:
        fh.seek(3)
        fh.write(b"\xff\xfe")
    shutil.move(away, os.path.join(live, texts[0]))
    step(5, "garbage postings", ("made from every document", len(os.listdir(live)), 0))
    # a byte of a key's or a document's name changed: not trusted
    data = bytearray(read(path))
    at = data.rindex(b"\t") + 1
    data[at] = ord("#") if data[at] != ord("#") else ord("$")
    with open(path, "wb") as fh:
        fh.write(data)
    shutil.move(os.path.join(live, texts[0]), away)
    step(6, "a damaged name", ("made from every document", len(os.listdir(live)), 0))


COMPONENTS = {
    "k1.txt": """Port upgrade approved in Kestrel Bay

May 4, 2026

The Kestrel Bay Harbour Authority approved a new container berth on Monday, its board said in a statement.
""",
    "k2.txt": """Dredging contract awarded

May 6, 2026

The KBHA awarded a dredging contract to a local firm on Wednesday, a spokesman for the KBHA said.
""",
    # the name and the acronym in one article: their two components join
    "k3.txt": """Berth works begin

May 11, 2026

Work on the new berth began on Monday, the Kestrel Bay Harbour Authority (KBHA) said, adding that the first ships could dock there in the autumn.
""",
    "s1.txt": """Orchard growers meet in Talvik

June 2, 2026

Agriculture Minister Petra Lenk opened the growers' fair in Talvik on Tuesday.
""",
    # a lone surname: it joins the one person who offers it
    "s2.txt": """Frost damage counted

June 9, 2026

Agriculture Minister Lenk said on Tuesday that the frost had damaged a third of the apple blossom.
""",
    # a second full name ending in it: the lone surname is no one's
    "s3.txt": """Young cyclist takes the stage

June 12, 2026

Jonas Lenk, a cyclist from Talvik, won the mountain stage on Friday.
""",
}


def check_components(tmp, rnd):
    """The key-components kept beside the postings (NEWSKG_STATE_POSTINGS=
    check: each run compares those it updated with those made from every
    row, and every local entity's component, the surname rule applied over
    them, with today's linking): an article that joins two kept
    components, its removal that takes them apart again, a removal and an
    addition in one run, and a surname whose offers change both ways (a
    second person of that name added, then removed). Each run gives a full
    build's bytes, and the change it is there for did happen."""
    import time
    work = os.path.join(tmp, "components")
    live = os.path.join(work, "live")
    os.makedirs(live)
    state = os.path.join(work, "state")
    jobs = "-j%d" % rnd.choice([1, 2, 3])

    def put(f):
        with open(os.path.join(live, f), "w") as fh:
            fh.write(COMPONENTS[f])

    def step(i, what, want, entities):
        time.sleep(RACY_S)
        p, inc = checked_state_run(work, state, jobs, i, "components: %s" % what, rnd)
        said = components_said(p.stderr)
        if not said or not want(said):
            sys.exit("FAIL: components: %s: %s\n%s" % (what, said, p.stderr))
        blocks = turtle_blocks(inc + ".ttl")
        for iri, present in entities.items():
            if (b"https://w3id.org/newskg/id/" + iri in blocks) != present:
                sys.exit("FAIL: components: %s: %s is %sin the graph"
                         % (what, iri.decode(), "not " if present else ""))
        print("  components %-36s %s %s" % (what, jobs, said))

    authority = b"government/kestrel-bay-harbour-authority"
    kbha = b"organization/kbha"
    lone = b"person/lenk"
    for f in ("k1.txt", "k2.txt", "s1.txt", "s2.txt"):
        put(f)
    step(0, "first run", lambda s: s[0] == "made from every row",
         {authority: True, kbha: True, lone: False})
    put("k3.txt")
    step(1, "an article joins two", lambda s: s[0] == "updated" and s[2] >= 1,
         {authority: True, kbha: False})
    os.remove(os.path.join(live, "k3.txt"))
    step(2, "its removal splits them", lambda s: s[0] == "updated" and s[3] >= 1,
         {authority: True, kbha: True})
    put("k3.txt")
    os.remove(os.path.join(live, "k1.txt"))
    step(3, "one added, one removed", lambda s: s[0] == "updated" and s[3] >= 1,
         {authority: True, kbha: False})
    put("s3.txt")
    step(4, "a surname offered twice", lambda s: s[0] == "updated", {lone: True})
    os.remove(os.path.join(live, "s3.txt"))
    step(5, "and once again", lambda s: s[0] == "updated" and s[3] >= 1, {lone: False})
    # a label changed to another component's (the header as written, the
    # sections still adding up): not trusted, made again (five lines of
    # header, then three counts, two words per document id, the labels)
    import struct
    path = os.path.join(state, "components.nkgc")
    data = bytearray(read(path))
    body = 0
    for _ in range(5):
        body = data.index(b"\n", body) + 1
    n_slots, n_labels = struct.unpack_from("<2I", data, body)
    at = body + 12 + 8 * n_slots
    labels = struct.unpack_from("<%dI" % n_labels, data, at)
    i = next(i for i, l in enumerate(labels) if l != 0xffffffff)
    other = next(l for l in labels if l not in (0xffffffff, labels[i]))
    struct.pack_into("<I", data, at + 4 * i, other)
    with open(path, "wb") as fh:
        fh.write(data)
    put("s3.txt")
    step(6, "a damaged label", lambda s: s[0] == "made from every row", {lone: True})


def check_part_stamps(tmp, rnd):
    """A part of the state whose stamp a run took before it summed the part,
    old enough that a change would show in it, is not summed again: the
    files table keeps the stamp. Any change to the part (touched, or bytes
    changed with the same size and modification time), a stamp too recent
    (a modification time in the future), a part written since, or
    --state-verify, and it is summed. NEWSKG_TIMES says how many parts were
    summed and trusted; every run gives a full build's bytes."""
    import re, time
    work = os.path.join(tmp, "partstamps")
    live = os.path.join(work, "live")
    shutil.copytree(os.path.join(ROOT, "examples"), live)
    state = os.path.join(work, "state")
    part = os.path.join(state, "documents.nkgx")
    env = dict(os.environ, NEWSKG_TIMES="1")

    def step(what, want, *extra, says=None):
        inc = os.path.join(work, "inc")
        full = os.path.join(work, "full")
        p = run("build", "live", *graph_args(inc), "--state", state, *extra, cwd=work, env=env)
        run_ref("build", "live", *graph_args(full), cwd=work)
        check_outputs("part stamps: %s" % what, full, inc, rnd)
        m = re.search(r"state: (\d+) parts summed, (\d+) trusted by their stamps", p.stderr)
        got = m and (int(m.group(1)), int(m.group(2)))
        if got not in want:
            sys.exit("FAIL: part stamps: %s: (summed, trusted) %r, not one of %r\n%s"
                     % (what, got, want, p.stderr))
        if says and says not in p.stderr:
            sys.exit("FAIL: part stamps: %s: the run did not say %r: %s" % (what, says, p.stderr))
        print("  part stamps %-32s summed, trusted %r" % (what, got))

    step("first run", [None])
    time.sleep(RACY_S)
    step("settled: summed once", [(1, 0)])
    step("unchanged since: trusted", [(0, 1)])
    step("--state-verify", [(1, 0)], "--state-verify")
    step("after --state-verify", [(0, 1)])
    # touched, not changed: another stamp
    os.utime(part)
    step("touched", [(1, 0)])
    time.sleep(RACY_S)
    step("touched, settled", [(1, 0)])
    step("touched, trusted again", [(0, 1)])
    # bytes changed in place, the same size and modification time, the
    # checksum left as it was: the change time tells
    st = os.stat(part)
    data = read(part)
    edited = data[:64] + data[64:].replace(b" the ", b" tHe ")
    if edited == data:
        sys.exit("FAIL: part stamps: no ' the ' in %s" % part)
    with open(part, "r+b") as fh:
        fh.write(edited)
    os.utime(part, ns=(st.st_atime_ns, st.st_mtime_ns))
    # and the outputs record gone, so that the run merges the records
    # (the same documents would keep the last run's files)
    os.remove(os.path.join(state, "outputs.nkgo"))
    step("changed, same size and mtime", [None], says="its checksum does not match")
    time.sleep(RACY_S)
    step("rewritten: summed once", [(1, 0)])
    step("rewritten: trusted", [(0, 1)])
    # a stamp too recent to be kept: summed on every run
    future = time.time_ns() + 3600 * 10**9
    os.utime(part, ns=(future, future))
    step("modified in the future", [(1, 0)])
    step("modified in the future, again", [(1, 0)])
    os.utime(part, ns=(st.st_atime_ns, st.st_mtime_ns))
    time.sleep(RACY_S)
    step("mtime back: summed once", [(1, 0)])
    # a part added: summed when first read, trusted once settled
    with open(os.path.join(live, "zz-added.txt"), "w") as fh:
        fh.write("Ferry link reopens in Dunmarra\n\nThe harbour authority of Dunmarra "
                 "said on Tuesday that the ferry to Kelvik would run again from June, "
                 "its director, Aino Pellström, told reporters.\n")
    time.sleep(RACY_S)
    step("an article added", [(0, 1)])
    step("the new part read", [(1, 1)])
    time.sleep(RACY_S)
    step("the new part settled", [(1, 1), (0, 2)])
    step("both trusted", [(0, 2)])
    # a part removed: the next part written in its place is summed
    os.remove(os.path.join(state, "documents-2.nkgx"))
    step("the added part removed", [(0, 1)])
    step("its successor read", [(1, 1)])


def check_lexicon_deferred(tmp):
    """A --state run that extracts no article does not load the lexicon
    (NEWSKG_TIMES says when it is loaded); one that extracts an article
    does, with -j 1 and -j 2, and gives a full build's bytes."""
    import time
    work = os.path.join(tmp, "lexicon")
    live = os.path.join(work, "live")
    shutil.copytree(os.path.join(ROOT, "examples"), live)
    state = os.path.join(work, "state")
    env = dict(os.environ, NEWSKG_TIMES="1")

    def step(what, out, jobs, loads):
        p = subprocess.run([NEWSKG, "build", "live", "-j", jobs, *graph_args(out),
                            "--state", state], cwd=work, capture_output=True, text=True, env=env)
        if p.returncode != 0:
            sys.exit("FAIL: lexicon: %s: exit %d\n%s" % (what, p.returncode, p.stderr))
        loaded = "time lexicon loaded" in p.stderr
        if loaded != loads:
            sys.exit("FAIL: lexicon: %s: the lexicon was %sloaded" % (what, "" if loaded else "not "))
        full = os.path.join(work, "full-" + os.path.basename(out))
        run_ref("build", "live", *graph_args(full), cwd=work)
        check_outputs("lexicon: %s" % what, full, out, None)
        print("  lexicon %-34s %s" % (what, "loaded" if loaded else "not loaded"))

    step("first run", os.path.join(work, "a"), "2", True)
    time.sleep(RACY_S)
    for jobs in ("2", "1"):
        # nothing new, another output: every record staged, none extracted
        step("nothing new, -j %s" % jobs, os.path.join(work, "b" + jobs), jobs, False)
    for jobs in ("2", "1"):
        with open(os.path.join(live, "zz-new-%s.txt" % jobs), "w") as f:
            f.write("Harbour talks resume in Valdoria\n\nThe transport minister of Valdoria, "
                    "Ilsa Marrow%s, met port officials in Lisbon on Monday to discuss a new "
                    "shipping agreement, her office said.\n" % jobs)
        time.sleep(RACY_S)
        step("an article added, -j %s" % jobs, os.path.join(work, "c" + jobs), jobs, True)


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "examples"
    if which == "examples":
        sets = [("examples", os.path.join(ROOT, "examples"))]
    else:
        names = os.environ.get("NKG_TEST_SETS", "seeds,dev,dev2").split(",")
        sets = [(s, os.path.join(SHARED, "eval", s, "docs")) for s in names]
        sets = [(n, d) for n, d in sets if os.path.isdir(d)]
        if not sets:
            print("skipped: ../shared/eval is absent (the evaluation data lives outside the "
                  "repository)")
            return 77
    seed = int(os.environ.get("NKG_TEST_SEED", random.SystemRandom().randrange(1 << 30)))
    print("seed %d (NKG_TEST_SEED=%d replays it)" % (seed, seed))
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="nkg-shards-") as tmp:
        for name, d in sets:
            print("%s: %s" % (name, d))
            check_corpus(name, d, tmp, rnd)
        if which == "examples":
            check_unchanged_after_reading(tmp)
            check_add_only(tmp, rnd)
            check_lexicon_deferred(tmp)
            check_part_stamps(tmp, rnd)
            check_postings(tmp, rnd)
            check_components(tmp, rnd)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
