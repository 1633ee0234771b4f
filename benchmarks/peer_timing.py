"""How the peers time their work, the way the vrf side times its own (Throughput.cs)."""
import time


def throughput(fn, items, min_seconds, min_runs):
    """Items per second in the fastest run (the least disturbed by other programs), after one warm-up run, timing at
    least min_runs runs and min_seconds."""
    fn()
    times, start = [], time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < min_seconds:
        begin = time.perf_counter()
        fn()
        times.append(time.perf_counter() - begin)
    return items / min(times)
