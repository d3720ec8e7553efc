#!/usr/bin/env python3
"""test-dask.py — contrib/dask/newskg_dask.py gives the bytes of `newskg build`.

Starts a dask-scheduler and two dask-workers on 127.0.0.1 (free ports
picked at random), runs the runner over examples/ and, when ../shared is
there, the seeds, dev2 and dev sets, and compares with `newskg build` byte for byte. Then
runs it again and kills one worker while it works: the scheduler runs the
lost parts on the other worker and the result is still identical. Every
process the test started is stopped, also when it fails. Exit 77 (SKIP)
when Python's `distributed` (Debian's python3-distributed) is missing.
"""
import os, signal, socket, subprocess, sys, tempfile, time

NEWSKG = os.path.abspath(os.environ.get("NEWSKG", "newskg"))
ROOT = os.path.abspath(os.environ.get("NKG_SOURCE_ROOT", "."))
SHARED = os.environ.get("NKG_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
RUNNER = os.path.join(ROOT, "contrib", "dask", "newskg_dask.py")

procs = []

# Prints "ready" once connected, then "busy KEYS" once the worker named w0
# is processing a task (each part sleeps 1 s first: it is still running).
WATCH = """
import sys, time
from distributed import Client
c = Client(sys.argv[1], timeout=60)
print("ready", flush=True)
end = time.time() + 240
while time.time() < end:
    names = {a: w.get("name") for a, w in c.scheduler_info()["workers"].items()}
    for addr, keys in c.processing().items():
        if names.get(addr) == "w0" and keys:
            print("busy " + " ".join(sorted(map(str, keys))), flush=True)
            sys.exit(0)
    time.sleep(0.05)
print("timeout", flush=True)
"""


def python_with_distributed():
    for py in (sys.executable, "/usr/bin/python3"):
        if py and subprocess.run([py, "-c", "import distributed"],
                                 capture_output=True).returncode == 0:
            return py
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd, log):
    # Own process group, so that stopping it stops whatever it started.
    p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    procs.append(p)
    return p


def stop(p, sig=signal.SIGTERM):
    if p.poll() is None:
        try:
            os.killpg(p.pid, sig)
            p.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        except ProcessLookupError:
            pass


def wait_workers(py, address, n, timeout=90):
    code = ("from distributed import Client\n"
            "c = Client(%r, timeout=60)\n"
            "c.wait_for_workers(%d, timeout=%d)\n"
            "print(len(c.nthreads()))\nc.close()\n" % (address, n, timeout))
    p = subprocess.run([py, "-c", code], capture_output=True, text=True, timeout=timeout + 60)
    if p.returncode != 0:
        sys.exit("FAIL: the workers did not join the scheduler:\n%s" % p.stderr[-2000:])


def same(what, a, b):
    with open(a, "rb") as f, open(b, "rb") as g:
        if f.read() != g.read():
            subprocess.run(["diff", a, b])
            sys.exit("FAIL: %s: %s and %s differ" % (what, a, b))


def main():
    py = python_with_distributed()
    if not py:
        print("skipped: Python's distributed is missing (Debian: python3-distributed, setup.sh)")
        return 77
    tmp = tempfile.mkdtemp(prefix="nkg-dask-")
    log = open(os.path.join(tmp, "cluster.log"), "w")
    try:
        port = free_port()
        address = "tcp://127.0.0.1:%d" % port
        bindir = os.path.dirname(py)
        sched = os.path.join(bindir, "dask-scheduler")
        worker = os.path.join(bindir, "dask-worker")
        if not os.path.exists(sched):
            sched, worker = "dask-scheduler", "dask-worker"
        start([sched, "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], log)
        # --no-nanny: a killed worker stays dead, as a crashed machine would
        workers = [start([worker, address, "--host", "127.0.0.1", "--nthreads", "1",
                          "--no-nanny", "--no-dashboard", "--name", "w%d" % i], log)
                   for i in range(2)]
        wait_workers(py, address, 2)

        # A newskg that takes its time, so that a worker dies mid-run.
        slow = os.path.join(tmp, "slow-newskg")
        with open(slow, "w") as f:
            f.write("#!/bin/sh\n[ \"$1\" = extract ] && sleep 1\nexec '%s' \"$@\"\n" % NEWSKG)
        os.chmod(slow, 0o755)

        sets = [("examples", ROOT, "examples")]
        for name in ("seeds", "dev2", "dev"):  # dev last: the worker is killed on it
            d = os.path.join(SHARED, "eval", name)
            if os.path.isdir(os.path.join(d, "docs")):
                sets.append((name, d, "docs"))
        if len(sets) == 1:
            print("../shared/eval absent: examples only")
        for name, cwd, folder in sets:
            ref = os.path.join(tmp, name + "-build.ttl")
            subprocess.run([NEWSKG, "build", folder, "-q", "-o", ref], cwd=cwd, check=True)
            got = os.path.join(tmp, name + "-dask.ttl")
            p = subprocess.run([py, RUNNER, "--scheduler", address, "--newskg", NEWSKG,
                                "--shards", "5", folder, "-q", "-o", got], cwd=cwd,
                               capture_output=True, text=True, timeout=300)
            if p.returncode != 0:
                sys.exit("FAIL: the runner failed on %s:\n%s" % (name, p.stderr))
            same(name + ": runner vs build", ref, got)
            print("%s: runner == build" % name)

        # Kill one worker while the parts run.
        name, cwd, folder = sets[-1]
        ref = os.path.join(tmp, name + "-build.ttl")
        got = os.path.join(tmp, name + "-killed.ttl")
        # A watcher connected beforehand says when w0 is running a part.
        watch = subprocess.Popen([py, "-c", WATCH, address], stdout=subprocess.PIPE, text=True,
                                 start_new_session=True)
        procs.append(watch)
        if watch.stdout.readline().strip() != "ready":
            sys.exit("FAIL: the watcher could not connect")
        run = subprocess.Popen([py, RUNNER, "--scheduler", address, "--newskg", slow,
                                "--shards", "8", folder, "-q", "-o", got], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
        procs.append(run)
        busy = watch.stdout.readline().strip()
        if not busy.startswith("busy"):
            sys.exit("FAIL: w0 never ran a part (%r):\n%s" % (busy, run.communicate()[1]))
        print("  killing w0 while it runs %s" % busy[5:])
        stop(workers[0], signal.SIGKILL)  # no goodbye to the scheduler: a crash
        out, err = run.communicate(timeout=300)
        if run.returncode != 0:
            sys.exit("FAIL: the runner failed after a worker was killed:\n%s" % err)
        same(name + ": runner with a worker killed vs build", ref, got)
        log.flush()
        with open(log.name, errors="replace") as f:
            for line in f:
                if "emove worker" in line or "lost" in line.lower():
                    print("  scheduler: " + line.strip())
        print("%s: one worker killed mid-run, runner == build" % name)
        print("ok")
        return 0
    finally:
        for p in reversed(procs):
            stop(p)
        log.close()
        subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    sys.exit(main())
