#!/usr/bin/python3
"""newskg_dask.py — build a knowledge graph on a Dask cluster.

    newskg_dask.py [--scheduler tcp://HOST:8786] INPUT... -o corpus.ttl
                   [--shards N] [--dot FILE] [--svg FILE] [--format F] [--base IRI]

Splits the articles into N parts (`newskg extract --shard K/N`), runs one
Dask task per part, and merges the shards that come back with
`newskg merge` on this machine. The files are byte for byte those
`newskg build INPUT... -o corpus.ttl` writes: the graph depends only on
the set of documents, and `--shard K/N` splits after the input layer's
rules, so the parts together hold exactly what one build keeps. Without
--scheduler, a local cluster (one worker process per core) does the work.

Where things live, and why:
  * INPUTs must be readable at the same paths on every worker (a shared
    file system, or the same copy everywhere; relative paths are taken
    from this machine's current folder). A document's source is its path
    relative to the folder given (a file's own name), and the graph's
    IRIs depend on it, so the copies must have the same layout inside.
  * Shards travel back as task results (the bytes of the shard), not
    through shared storage. They are small (zlib-compressed, about a
    third of the articles' text), a worker needs no writable shared
    folder, and a task that died half way cannot leave a half-written
    file behind for the merge to pick up: a result exists only once the
    task has finished. This machine writes them to a temporary folder
    and merges them there.
  * A worker that dies loses its running tasks; the scheduler runs them
    again on another worker (and --retries more times when `newskg
    extract` itself fails). Extraction is pure, so a task run twice gives
    the same bytes; the merge checks every shard's checksum.
  * Each task runs `newskg extract -j 1`: Dask decides the parallelism
    (start workers with --nthreads = cores). `newskg` must be on every
    worker's PATH, or named with --newskg.

Needs Debian's python3-distributed (setup.sh installs it).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def extract_part(newskg, cwd, inputs, extra, k, n):
    """One task: (the bytes of shard K of N, its warnings), or None when the
    inputs hold no article at all (runs on a worker)."""
    cmd = [newskg, "extract", *inputs, *extra, "--shard", "%d/%d" % (k, n), "-j", "1", "-q",
           "-o", "-"]
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Exit status 1: no article read (every part reads all inputs, so every
    # part says so); nothing to merge. 0 may come with warnings (inputs that
    # could not be read), which the caller shows once.
    if p.returncode == 1:
        return None
    if p.returncode != 0:
        # Raised, so that Dask retries it and, failing that, reports it.
        raise RuntimeError("%s failed (exit %d) on %s:\n%s" % (
            " ".join(cmd), p.returncode, os.uname().nodename, p.stderr.decode(errors="replace")))
    return p.stdout, p.stderr


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Build a knowledge graph with newskg on a Dask cluster "
                    "(extract in parts on the workers, merge here).")
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files or folders, readable at the same path on every worker")
    ap.add_argument("-o", "--output", required=True, help="graph file to write")
    ap.add_argument("--scheduler", help="tcp://HOST:PORT of a running dask-scheduler "
                                        "(default: start a local cluster)")
    ap.add_argument("--shards", type=int, default=0,
                    help="number of parts (default: 2 per worker thread)")
    ap.add_argument("--newskg", default="newskg",
                    help="the newskg program on the workers and here (default: newskg on PATH)")
    ap.add_argument("--workers", type=int, default=0,
                    help="local cluster only: worker processes (default: one per core)")
    ap.add_argument("--retries", type=int, default=2,
                    help="times a failed extraction is tried again (default 2)")
    ap.add_argument("--keep-shards", metavar="DIR",
                    help="also keep the shards in DIR (to merge again without extracting)")
    for opt in ("--format", "--dot", "--svg", "--base"):
        ap.add_argument(opt, help="passed to newskg merge")
    ap.add_argument("--lang", help="passed to newskg extract")
    ap.add_argument("--input-format", help="passed to newskg extract")
    ap.add_argument("--strict", action="store_true",
                    help="passed to newskg extract: any input skipped is an error, nothing written")
    ap.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    return ap.parse_args(argv)


def run(args):
    from distributed import Client, LocalCluster, wait

    cwd = os.getcwd()
    extra = []
    if args.lang:
        extra += ["--lang", args.lang]
    if args.input_format:
        extra += ["--input-format", args.input_format]
    if args.strict:
        extra.append("--strict")
    # Check the inputs here before sending anything: a typo should not
    # cost a cluster round.
    for i in args.inputs:
        if i != "-" and not os.path.exists(i):
            sys.exit("newskg_dask: %s: no such file or folder" % i)
        if i == "-":
            sys.exit("newskg_dask: standard input cannot be read on the workers")

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers or os.cpu_count(), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or 1
        n = args.shards or 2 * threads
        futures = [client.submit(extract_part, args.newskg, cwd, args.inputs, extra, k, n,
                                 key="newskg-extract-%d-of-%d" % (k, n), pure=False,
                                 retries=args.retries)
                   for k in range(1, n + 1)]
        wait(futures)
        results = [f.result() for f in futures]  # raises a task's error, if it failed for good
        if any(r is None for r in results):
            print("newskg_dask: no article could be read; nothing written", file=sys.stderr)
            return 1
        # every part read every input: the first part's warnings are all of them
        if not args.quiet:
            sys.stderr.write(results[0][1].decode(errors="replace"))
        with tempfile.TemporaryDirectory(prefix="newskg-dask-") as tmp:
            shards = []
            for k, (data, _) in enumerate(results, 1):
                path = os.path.join(tmp, "part-%d-of-%d.nkgx" % (k, n))
                with open(path, "wb") as out:
                    out.write(data)
                shards.append(path)
            if args.keep_shards:
                os.makedirs(args.keep_shards, exist_ok=True)
                for s in shards:
                    shutil.copy(s, args.keep_shards)
            merge = [args.newskg, "merge", *shards, "-o", args.output]
            for opt in ("format", "dot", "svg", "base"):
                if getattr(args, opt):
                    merge += ["--" + opt, getattr(args, opt)]
            if args.quiet:
                merge.append("-q")
            return subprocess.run(merge).returncode
    finally:
        client.close()
        if cluster:
            cluster.close()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except RuntimeError as e:
        print("newskg_dask: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
