#!/usr/bin/env python3
"""thread-budget.py PERF_DATA [PID] — where a parallel build's wall goes.

Reads a scheduler trace of one newskg run and splits the run's CPU by how
many of its threads wanted a core at that moment, which a loaded machine
does not blur the way it blurs wall times:

    perf sched record -o /tmp/s.data -- build/newskg build -q -j 2 --no-cache DIR -o /tmp/x.ttl
    bench/thread-budget.py /tmp/s.data

For every thread: CPU it ran, time it waited for a core (runnable, not
running: other processes' doing on a shared machine) and when it lived.
Then the budget, in three parts cut at the first and last run of the two
busiest worker threads (`pool-…`, the extraction workers):

  serial cpu     CPU run while that thread was the only one of the process
                 wanting a core: on two quiet cores the other one idles
  parallel cpu   CPU run while two or more wanted one
  none-wanted    wall time in which no thread of the process wanted a core:
                 waiting for the disk (the output's fsync), or for a thread
                 not yet started

and the wall a quiet machine with two cores would take: serial + parallel / 2
+ none-wanted. `-j 1 wall / that` is the best `-j 2` can do with the same
work; CPU per thread grows when both cores are busy, so the measured ratio
sits above it.

A thread switched out while still runnable (preempted, state R) waits for a
core until it next runs; `perf sched timehist` counts that as waiting, not
as scheduling delay, so it is added here.
"""
import collections
import re
import subprocess
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    text = subprocess.run(['perf', 'sched', 'timehist', '--state', '-i', data],
                          capture_output=True, text=True, check=True).stdout
    row = re.compile(r'^\s*([\d.]+)\s+\[(\d+)\]\s+(.*?)\[(\d+)(?:/(\d+))?\]'
                     r'\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\S+)')
    rows = [m.groups() for m in map(row.match, text.splitlines()) if m]
    pid = sys.argv[2] if len(sys.argv) > 2 else None
    if pid is None:
        # On a shared machine the trace holds other newskg processes too:
        # the one that ran longest, said so (give PID to choose another).
        cpu_of = collections.Counter()
        for t, cpu, name, tid, p, wait, delay, run, state in rows:
            if p is None and name.strip().startswith(('newskg', 'perf-exec')) or p:
                cpu_of[p or tid] += float(run)
        main_name = {tid: name.strip() for t, cpu, name, tid, p, *_ in rows if p is None}
        candidates = [(c, q) for q, c in cpu_of.items()
                      if main_name.get(q, '').startswith(('newskg', 'perf-exec'))]
        if candidates:
            pid = max(candidates)[1]
            print('(the newskg process that ran longest: %s; others: %s)' %
                  (pid, ' '.join(q for c, q in sorted(candidates, reverse=True)[1:6]) or 'none'))
    if pid is None:
        sys.exit('thread-budget.py: no newskg process in the trace: give its PID')

    spans = collections.defaultdict(list)  # tid -> [(start, end, running?)]
    names, last = {}, {}
    for t, cpu, name, tid, p, wait, delay, run, state in rows:
        if (p or tid) != pid:
            continue
        t, run, delay = float(t), float(run) / 1e3, float(delay) / 1e3
        names[tid] = name.strip()
        if tid in last and last[tid][1] == 'R':
            spans[tid].append((last[tid][0], t - run - delay, False))
        last[tid] = (t, state)
        spans[tid].append((t - run - delay, t - run, False))
        spans[tid].append((t - run, t, True))
    if not spans:
        sys.exit('thread-budget.py: no thread of process %s in the trace' % pid)
    t0 = min(s for v in spans.values() for s, _, _ in v)
    t1 = max(e for v in spans.values() for _, e, _ in v)
    print('process %s: %.3f s from first to last event' % (pid, t1 - t0))
    for tid, v in sorted(spans.items(), key=lambda kv: kv[1][0][0]):
        ran = sum(e - s for s, e, r in v if r)
        queued = sum(e - s for s, e, r in v if not r)
        print('  %-18s %7s  ran %.3f s  waited for a core %.3f s  from %.3f to %.3f' %
              (names[tid], tid, ran, queued, min(s for s, _, _ in v) - t0,
               max(e for _, e, _ in v) - t0))

    def ran(tid):
        return sum(e - s for s, e, r in spans[tid] if r)
    workers = sorted((t for t in spans if names[t].startswith('pool-')), key=ran)[-2:]
    if workers:
        first = min(s for t in workers for s, _, r in spans[t] if r)
        end = max(e for t in workers for _, e, r in spans[t] if r)
    else:
        first = end = t1

    events = []
    for tid, v in spans.items():
        for s, e, r in v:
            events += [(s, 1, r), (e, -1, r)]
    events.sort(key=lambda x: (x[0], x[1]))
    budget = collections.defaultdict(float)
    wanting = running = 0
    prev = t0
    for t, step, r in events:
        if t > prev:
            part = 'start' if prev < first else 'end' if prev >= end else 'middle'
            if wanting == 0:
                budget[part, 'none-wanted'] += t - prev
            else:
                budget[part, 'serial' if wanting == 1 else 'parallel'] += (t - prev) * running
        wanting += step
        if r:
            running += step
        prev = max(prev, t)
    print('workers ran from %.3f to %.3f s' % (first - t0, end - t0))
    print('  %-7s %12s %13s %12s' % ('part', 'serial cpu', 'parallel cpu', 'none-wanted'))
    model = 0.0
    for part in ('start', 'middle', 'end'):
        s, p, n = (budget[part, k] for k in ('serial', 'parallel', 'none-wanted'))
        model += s + p / 2 + n
        print('  %-7s %10.3f s %11.3f s %10.3f s' % (part, s, p, n))
    print('two quiet cores: serial + parallel / 2 + none-wanted = %.3f s' % model)


if __name__ == '__main__':
    main()
