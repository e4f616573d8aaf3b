"""p50/p99 of /api/timeline, /api/points and /api/map on a running `annals serve`, per window
(and per view for the map): N+3 requests in a row on one keep-alive connection, the first 3 not
counted; latency = request sent .. body read (time.perf_counter). Then a cold sweep of 60
timeline windows never asked before (sweep.mjs's windows). Writes JSON lines to OUT and prints.

usage: python3 bench/http/api.py HOST PORT N OUT [sections...]   sections: timeline points map sweep
(Used for the ten-million-event run and the points comparison in docs/benchmarks.md.)
"""
import http.client
import json
import math
import sys
import time
import urllib.parse

HOST, PORT, N, OUT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
SECTIONS = sys.argv[5:] or ["timeline", "points", "map", "sweep"]

# bench/timeline/windows.mjs
TL_WINDOWS = [("whole range", "", ""), ("10 ka-2025", "Y-10000", "2025"),
              ("1000 BC-2025", "-1000", "2025"), ("1900-2000", "1900", "2000"),
              ("1939-1945", "1939", "1945"), ("1969", "1969-01-01", "1969-12-31"),
              ("July 1969", "1969-07-01", "1969-07-31"), ("20 July 1969", "1969-07-20", "1969-07-20"),
              ("4.6-2 Ga", "Y-4600000000", "Y-2000000000")]
# bench/map/views.mjs
MAP_WINDOWS = [("all time", "", ""), ("1000 BC-2025", "-1000", "2025"), ("1900-2000", "1900", "2000"),
               ("1939-1945", "1939", "1945"), ("1969", "1969-01-01", "1969-12-31"),
               ("20 July 1969", "1969-07-20", "1969-07-20"), ("4.6-2 Ga", "Y-4600000000", "Y-2000000000")]
VIEWS = [("world", "-90,-180,90,180"), ("Europe", "35,-12,62,32"), ("Paris", "48.5,1.8,49.2,2.9")]

conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
out = open(OUT, "a", encoding="utf-8")


def get(path):
    global conn
    t = time.perf_counter()
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
    except (http.client.HTTPException, ConnectionError):
        conn.close()
        conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
    ms = (time.perf_counter() - t) * 1000.0
    if r.status != 200:
        raise RuntimeError("%s: %d %s" % (path, r.status, body[:200]))
    return ms, body


def pct(xs, p):
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def measure(section, name, path, n=N):
    ms = []
    body = b""
    for i in range(n + 3):
        t, body = get(path)
        if i >= 3:
            ms.append(t)
    rec = {"section": section, "name": name, "path": path, "n": len(ms), "p50": pct(ms, 50),
           "p90": pct(ms, 90), "p99": pct(ms, 99), "max": max(ms), "bytes": len(body),
           "load": open("/proc/loadavg").read().split()[:3], "at": time.strftime("%H:%M:%S")}
    try:
        o = json.loads(body)
        if "total" in o:
            rec["total"] = o["total"]
        if "points" in o:
            rec["points"] = len(o["points"])
    except ValueError:
        pass
    out.write(json.dumps(rec) + "\n")
    out.flush()
    print("%-9s %-28s p50 %8.1f  p90 %8.1f  p99 %8.1f  max %8.1f ms  %7d bytes  load %s" % (
        section, name, rec["p50"], rec["p90"], rec["p99"], rec["max"], rec["bytes"],
        " ".join(rec["load"])), flush=True)


q = urllib.parse.quote
T0 = time.time()
BUDGET = 15 * 60  # seconds: the sections left after this are skipped (said so in the output)


def over():
    if time.time() - T0 > BUDGET:
        print("budget of %d s spent: skipping the rest" % BUDGET, flush=True)
        return True
    return False


jobs = []
for params in ["buckets=133&top=2", "buckets=22&top=2"]:
    for name, a, b in TL_WINDOWS:
        jobs.append(("timeline", "%s [%s]" % (name, params),
                     "/api/timeline?q=&from=%s&to=%s&%s" % (q(a), q(b), params)))
for name, a, b in MAP_WINDOWS:
    jobs.append(("points", name, "/api/points?q=&from=%s&to=%s" % (q(a), q(b))))
for vname, view in VIEWS:
    for name, a, b in MAP_WINDOWS:
        jobs.append(("map", "%s, %s" % (vname, name),
                     "/api/map?rows=9&cols=21&per_cell=3&top=40&q=&from=%s&to=%s&view=%s"
                     % (q(a), q(b), view)))
jobs.append(("sweep", None, None))
for name, a, b in TL_WINDOWS:
    jobs.append(("timeline", "%s [q=battle, buckets=133&top=2]" % name,
                 "/api/timeline?q=battle&from=%s&to=%s&buckets=133&top=2" % (q(a), q(b))))
for name, a, b in MAP_WINDOWS:
    jobs.append(("points", "%s [q=battle]" % name, "/api/points?q=battle&from=%s&to=%s" % (q(a), q(b))))
for vname, view in VIEWS[:2]:
    for name, a, b in MAP_WINDOWS:
        jobs.append(("map", "%s, %s [q=battle]" % (vname, name),
                     "/api/map?rows=9&cols=21&per_cell=3&top=40&q=battle&from=%s&to=%s&view=%s"
                     % (q(a), q(b), view)))


def sweep():
    # bench/timeline/sweep.mjs: 60 windows never asked before, from the whole range to a year.
    YEAR, now = 365.2425, 739600

    def param(n):
        y = math.floor(n / YEAR) + 1
        if y < -9999 or y > 9999:
            return "Y%d" % y
        return ("-" if y < 0 else "") + str(abs(y)).zfill(4)

    for params in ["buckets=133&top=2", "buckets=22&top=2"]:
        seed = [7]

        def rnd():
            seed[0] = (seed[0] * 16807) % 2147483647
            return seed[0] / 2147483647

        ms = []
        for i in range(60):
            span = math.exp(math.log(1.66e12) * (1 - i / 60) + math.log(400) * (i / 60))
            end = now - rnd() * min(span * 3, 1e12) * (i % 3)
            t, _ = get("/api/timeline?q=&from=%s&to=%s&%s" % (q(param(end - span)), q(param(end)), params))
            ms.append(t)
        rec = {"section": "sweep", "name": "60 new windows [%s]" % params, "n": 60, "p50": pct(ms, 50),
               "p90": pct(ms, 90), "p99": pct(ms, 99), "max": max(ms),
               "load": open("/proc/loadavg").read().split()[:3], "at": time.strftime("%H:%M:%S")}
        out.write(json.dumps(rec) + "\n")
        out.flush()
        print("sweep     %-28s p50 %8.1f  p90 %8.1f  p99 %8.1f  max %8.1f ms" % (
            rec["name"], rec["p50"], rec["p90"], rec["p99"], rec["max"]), flush=True)


for section, name, path in jobs:
    if section not in SECTIONS:
        continue
    if over():
        break
    if section == "sweep":
        sweep()
    else:
        measure(section, name, path)
