"""Load peer: python 'requests', one Session per thread, for the Conduit benchmark harness."""
import json, sys, threading, time
import requests

url, concurrency, warmup, duration = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
PERCENTILES = list(range(1, 100)) + [99.5, 99.9]

def worker(stop_at, samples, counts):
    session = requests.Session()
    while time.perf_counter() < stop_at:
        start = time.perf_counter()
        try:
            r = session.get(url)
            r.raise_for_status()
            _ = r.content
            if samples is not None:
                samples.append(time.perf_counter() - start)
            counts[0] += 1
        except Exception:
            counts[1] += 1

def run(seconds, record):
    stop_at = time.perf_counter() + seconds
    results = [([] if record else None, [0, 0]) for _ in range(concurrency)]
    threads = [threading.Thread(target=worker, args=(stop_at, s, c)) for s, c in results]
    begin = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    return results, time.perf_counter() - begin

run(warmup, False)
results, seconds = run(duration, True)
samples = sorted(x for s, _ in results for x in s)
def pct(p):
    return samples[min(len(samples) - 1, max(0, int(-(-p * len(samples) // 100)) - 1))] * 1000 if samples else float("nan")
print(json.dumps({
    "requests": sum(c[0] for _, c in results), "errors": sum(c[1] for _, c in results), "seconds": seconds,
    "p50_ms": pct(50), "p99_ms": pct(99), "percentiles_ms": [pct(p) for p in PERCENTILES]}))
