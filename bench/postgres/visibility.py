#!/usr/bin/env python3
"""How soon a second annals node finds what the first wrote: two `annals serve` processes on one
PostgreSQL database, each with its own index; a write on node A, then searches on node B until
the new event is found. Prints the delay's distribution (from A's 201 to B's first finding
answer), and the same for the writing node itself as the peer."""
import json, os, subprocess, sys, time, urllib.request, statistics

annals, url, work = sys.argv[1], sys.argv[2], sys.argv[3]
token = os.path.join(work, "token")
with open(token, "w") as f:
    f.write("bench-token-0123456789abcdef\n")
os.chmod(token, 0o600)

def node(name):
    p = subprocess.Popen([annals, "--db", url, "--index-dir", os.path.join(work, name),
                          "serve", "--addr", "127.0.0.1:0", "--token-file", token,
                          "--writes-per-minute", "100000"],
                         stderr=subprocess.PIPE, text=True, env=dict(os.environ, RUST_LOG="warn"))
    for line in p.stderr:
        if "at http://" in line:
            return p, line.split("at http://")[1].split("/")[0]
    raise SystemExit("the node did not start")

def call(addr, path, body=None):
    req = urllib.request.Request("http://" + addr + path, data=body, method="POST" if body else "GET")
    if body:
        req.add_header("Authorization", "Bearer bench-token-0123456789abcdef")
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read())

(a, addr_a), (b, addr_b) = node("vis-a.index"), node("vis-b.index")
try:
    for peer_name, peer in (("another node", addr_b), ("the writing node", addr_a)):
        delays = []
        for i in range(100):
            word = f"zq{peer_name[0]}{i}x"
            body = json.dumps({"title": f"Visibility probe {word}", "date": "2001"}).encode()
            status, _ = call(addr_a, "/api/events", body)
            assert status == 201
            t = time.perf_counter()
            while True:
                _, found = call(peer, f"/api/search?q={word}")
                if found["total"] == 1:
                    break
            delays.append((time.perf_counter() - t) * 1000)
        delays.sort()
        print(f"found by {peer_name:16}: p50 {statistics.median(delays):6.1f} ms  "
              f"p90 {delays[89]:6.1f} ms  max {delays[-1]:6.1f} ms  (100 writes)")
finally:
    a.terminate(); b.terminate()
