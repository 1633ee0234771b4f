#!/usr/bin/python3
"""The peer side of `vrf bench index`: faiss IndexFlatL2 (exact search) on the very vectors and queries the embedded
failure index was measured on.

Reads the failure set (tensor "features", float32 [|V|, D]) and the queries (tensor "queries", float32 [Q, D]) from
safetensors files, adds the set to an IndexFlatL2, and times search() at each batch size (the first `batch` queries)
and K, the way TorchSharp's side is timed: one warm-up run, then runs until both --seconds and --min-runs are reached;
the rate is that of the fastest run. Prints one JSON object on stdout:
{"faiss": version, "threads": n, "build_ms": add() time, "bytes_per_vector": resident-memory growth over add() / |V|,
 "results": [{"batch": b, "k": k, "qps": queries_per_s}, ...], "kth": {"k": [K-th distance of each of the Q queries]}}.
"""
import argparse
import json
import struct
import sys
import time

import faiss
import numpy as np

from peer_timing import throughput


def read_tensor(path, name):
    """One float32 tensor of a safetensors file, read straight from the file into its array."""
    with open(path, "rb") as f:
        (header_len,) = struct.unpack("<Q", f.read(8))
        info = json.loads(f.read(header_len))[name]
    if info["dtype"] != "F32":
        raise SystemExit(f"{path}: tensor {name} is {info['dtype']}, not F32")
    start, end = info["data_offsets"]
    count = (end - start) // 4
    values = np.fromfile(path, dtype="<f4", count=count, offset=8 + header_len + start)
    return np.ascontiguousarray(values.reshape(info["shape"]))


def resident_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vectors", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--batches", default="1,256")
    parser.add_argument("--ks", default="1,10,100")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--min-runs", type=int, default=3)
    args = parser.parse_args()
    if args.threads:
        faiss.omp_set_num_threads(args.threads)
    vectors = read_tensor(args.vectors, "features")
    queries = read_tensor(args.queries, "queries")
    index = faiss.IndexFlatL2(vectors.shape[1])
    before = resident_bytes()
    begin = time.perf_counter()
    index.add(vectors)
    build_ms = (time.perf_counter() - begin) * 1000
    bytes_per_vector = (resident_bytes() - before) / vectors.shape[0]
    del vectors
    ks = [int(k) for k in args.ks.split(",")]
    result = {"faiss": faiss.__version__, "threads": faiss.omp_get_max_threads(), "build_ms": build_ms,
              "bytes_per_vector": bytes_per_vector, "results": [], "kth": {}}
    for batch in (int(b) for b in args.batches.split(",")):
        for k in ks:
            batch_queries = queries[:batch]
            qps = throughput(lambda: index.search(batch_queries, k), batch, args.seconds, args.min_runs)
            result["results"].append({"batch": batch, "k": k, "qps": qps})
            print(f"batch {batch}, K = {k}: {qps:.1f} queries/s", file=sys.stderr, flush=True)
    for k in ks:
        distances, _ = index.search(queries, k)
        result["kth"][str(k)] = distances[:, k - 1].astype(float).tolist()
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
