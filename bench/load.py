"""Load check of the web application: the full shared corpus served by `baggrund serve` on
loopback, 8 concurrent clients searching (JSON API, top 10 with snippets) for 30 s. Prints
requests/s, latency p50/p95/p99 and errors. A benchmark, not a test.

    .venv/bin/python bench/load.py --shared ../shared [--clients 8] [--seconds 30] [--workers 2]
"""

from __future__ import annotations

import argparse
import itertools
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from baggrund.library import Library

sys.path.insert(0, str(Path(__file__).parent))
from core import QUERIES, percentile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "corpus.db"))
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    with Library.open(db) as lib:
        if lib.stats()["documents"] == 0:
            print("ingesting the shared corpus once ...", file=sys.stderr)
            corpus = Path(args.shared) / "corpus"
            lib.ingest([corpus / "usdos-hrr-2016-2024.jsonl.gz", corpus / "board"])
        documents = lib.stats()["documents"]
    port = free_port()
    binary = str(Path(sys.executable).parent / "baggrund")
    server = subprocess.Popen(
        [binary, "serve", "--db", str(db), "--port", str(port), "--workers", str(args.workers)],
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/v1/countries", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        times: list[float] = []
        errors = [0]
        lock = threading.Lock()
        stop = time.perf_counter() + args.seconds

        def client(offset: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                for q, opts in itertools.islice(itertools.cycle(QUERIES), offset, None):
                    if time.perf_counter() >= stop:
                        return
                    params = {
                        "q": q,
                        "limit": 10,
                        **{
                            k: str(v).lower() if isinstance(v, bool) else v for k, v in opts.items()
                        },
                    }
                    t = time.perf_counter()
                    response = http.get("/api/v1/search", params=params)
                    elapsed = (time.perf_counter() - t) * 1000
                    with lock:
                        times.append(elapsed)
                        if response.status_code != 200:
                            errors[0] += 1

        threads = [threading.Thread(target=client, args=(i * 3,)) for i in range(args.clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=10)
    result = {
        "documents": documents,
        "clients": args.clients,
        "server_workers": args.workers,
        "seconds": round(wall, 1),
        "requests": len(times),
        "errors": errors[0],
        "requests_per_s": round(len(times) / wall, 1),
        "p50_ms": round(percentile(times, 0.5), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
    }
    print(json.dumps(result, indent=1))
    return 0 if not errors[0] else 1


if __name__ == "__main__":
    sys.exit(main())
