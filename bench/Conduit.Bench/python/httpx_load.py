"""Load peer: python 'httpx' AsyncClient with asyncio tasks, for the Conduit benchmark harness."""
import asyncio, json, sys, time
import httpx

url, concurrency, warmup, duration = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
PERCENTILES = list(range(1, 100)) + [99.5, 99.9]

async def worker(client, stop_at, samples, counts):
    while time.perf_counter() < stop_at:
        start = time.perf_counter()
        try:
            r = await client.get(url)
            r.raise_for_status()
            _ = r.content
            if samples is not None:
                samples.append(time.perf_counter() - start)
            counts[0] += 1
        except Exception:
            counts[1] += 1

async def run(client, seconds, record):
    stop_at = time.perf_counter() + seconds
    results = [([] if record else None, [0, 0]) for _ in range(concurrency)]
    begin = time.perf_counter()
    await asyncio.gather(*(worker(client, stop_at, s, c) for s, c in results))
    return results, time.perf_counter() - begin

async def main():
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as client:
        await run(client, warmup, False)
        return await run(client, duration, True)

results, seconds = asyncio.run(main())
samples = sorted(x for s, _ in results for x in s)
def pct(p):
    return samples[min(len(samples) - 1, max(0, int(-(-p * len(samples) // 100)) - 1))] * 1000 if samples else float("nan")
print(json.dumps({
    "requests": sum(c[0] for _, c in results), "errors": sum(c[1] for _, c in results), "seconds": seconds,
    "p50_ms": pct(50), "p99_ms": pct(99), "percentiles_ms": [pct(p) for p in PERCENTILES]}))
