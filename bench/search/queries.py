"""The query mix, the check queries and the 2,000-query batch, made deterministically from a
corpus.

A query spec (JSON) is engine-neutral; each peer turns it into its own query:
  {"class": "text" | "text_date" | "text_date_place_facets" | "density",
   "words": ["treaty", "signed"],            # all must match (AND), in title/summary/body
   "years": [1800, 1900],                     # date filter: the event's span overlaps
                                              #   1800-01-01 .. 1900-12-31
   "lo": RD, "hi": RD,                        # the same window on annals' day axis
   "country": "Japan"                         # place: an event with a place in that country
   | "near": [lat, lon, km],                  # place: a place within km (great circle)
   "place": "Münster",                        # place: a place of that name
   "facets": ["country"],                     # facet counts: matching events per country
   "unit": 10, "edges": [[lo, hi], ...]}      # density: events per calendar bucket (here
                                              #   decades) of the window, counted by the first
                                              #   day of their span; 10 to 15 buckets, aligned
Every text query also asks for the total and the 10 best hits (by each engine's relevance).
annals gets the same query as a query string (`annals_query`).
"""
import json
import random
import re

import corpus

# PostgreSQL's english stop words (and so never in a query: PostgreSQL would drop them).
STOP = set("""a about above after again against all am an and any are as at be because been before
being below between both but by can did do does doing don down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such t than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while
who whom why will with you your yours yourself yourselves s""".split())

WORD = re.compile(r"[^\W\d_]+")

CLASSES = ["text", "text_date", "text_date_place_facets", "density"]


def tokens(text):
    return [w.lower() for w in WORD.findall(text)]


def query_words(text):
    """Words of a text usable in queries: letters only, 3+ letters, not stop words; the ASCII
    form must be a plain word too (so every engine tokenises it as one token)."""
    out = []
    for w in tokens(text):
        if len(w) >= 3 and w not in STOP and w not in out:
            out.append(w)
    return out


def annals_query(q):
    """The annals query string for a spec (docs/query.md syntax)."""
    parts = list(q.get("words", []))
    if "years" in q:
        parts.append("date:%s..%s" % tuple(annals_year(y) for y in q["years"]))
    if "country" in q:
        c = q["country"]
        parts.append('country:"%s"' % c if " " in c else "country:%s" % c)
    if "place" in q:
        p = q["place"]
        parts.append('place:"%s"' % p if " " in p else "place:%s" % p)
    if "near" in q:
        lat, lon, km = q["near"]
        parts.append("near:%g,%g,%gkm" % (lat, lon, km))
    return " ".join(parts)


def window(q, y1, y2):
    q["years"] = [y1, y2]
    q["lo"] = corpus.rd(y1, 1, 1)
    q["hi"] = corpus.rd(y2, 12, 31)
    return q


def density(y1, units, unit):
    """A density query: `units` calendar buckets of `unit` years from year y1 (a multiple of
    unit), as annals' timeline makes them (year, decade, century, millennium)."""
    assert y1 % unit == 0
    q = window({"class": "density"}, y1, y1 + units * unit - 1)
    q["unit"] = unit
    q["edges"] = [[corpus.rd(y1 + i * unit, 1, 1), corpus.rd(y1 + (i + 1) * unit - 1, 12, 31)]
                  for i in range(units)]
    return q


def annals_year(y):
    return "%04d" % y if y >= 0 else "-%04d" % -y


class Sample:
    """What the query maker needs to know about a corpus."""

    def __init__(self, path, limit):
        self.texts = []       # (title, summary) of records, for co-occurring words
        self.cities = {}      # (lat, lon) -> (name, country)
        self.countries = {}   # country -> events
        self.places = {}      # place name -> events
        self.years = []
        for r in corpus.read(path, limit):
            self.texts.append(r["title"] + " " + r["summary"])
            for name, country, lat, lon in r["places"]:
                if lat is not None:
                    self.cities[(lat, lon)] = (name, country)
                self.places[name] = self.places.get(name, 0) + 1
            for c in r["countries"]:
                self.countries[c] = self.countries.get(c, 0) + 1
        self.top_countries = sorted(self.countries, key=lambda c: -self.countries[c])[:40]

    def safe_radius(self, lat, lon, km):
        """A radius near km with no city within 25 km of the circle, so engines that compute
        distance slightly differently count the same places."""
        dists = [corpus.haversine_km(lat, lon, a, b) for (a, b) in self.cities]
        r = km
        while any(abs(d - r) < 25 for d in dists):
            r += 10
        return r


def make_mix(sample, per_class, seed):
    rng = random.Random(seed)
    out = []

    def words_from_record(n):
        while True:
            ws = query_words(rng.choice(sample.texts))
            if len(ws) >= n:
                start = rng.randrange(0, len(ws) - n + 1)
                return ws[start:start + n]

    def rand_window():
        # Mostly the dense modern era, some older windows.
        if rng.random() < 0.75:
            y1 = rng.randint(1500, 2000)
        else:
            y1 = rng.randint(1, 1500)
        y2 = min(2025, y1 + rng.choice([1, 5, 10, 25, 50, 100, 200, 500]))
        return y1, y2

    for cls in CLASSES:
        for _ in range(per_class):
            q = {"class": cls}
            if cls != "density":
                q["words"] = words_from_record(rng.choice([1, 1, 2, 2, 3]))
            if cls in ("text_date", "text_date_place_facets"):
                window(q, *rand_window())
            if cls == "text_date_place_facets":
                if sample.cities and rng.random() < 0.5:
                    lat, lon = rng.choice(sorted(sample.cities))
                    q["near"] = [lat, lon, sample.safe_radius(lat, lon, rng.choice([100, 300, 800]))]
                elif sample.top_countries:
                    q["country"] = rng.choice(sample.top_countries)
                q["facets"] = ["country"]
            if cls == "density":
                unit = rng.choice([1, 10, 10, 100])
                units = rng.randint(10, 15)
                last = {1: 2010, 10: 1900, 100: 500}[unit]
                first = {1: 1500, 10: 0, 100: 0}[unit]
                q = density(rng.randint(first // unit, last // unit) * unit, units, unit)
            out.append(q)
    return out


def make_checks(sample, kind):
    """Queries whose counts every engine should agree on (see README: Cross-check)."""
    checks = []
    if kind == "generated":
        for w in ["armistice", "guillotine", "trebuchet", "cathedral", "telegraph", "galleon"]:
            checks.append({"class": "text", "words": [w]})
        checks.append({"class": "text", "words": ["armistice", "telegraph"]})
        checks.append(window({"class": "text_date", "words": ["armistice"]}, 1800, 1900))
        checks.append(window({"class": "text_date", "words": ["siege", "cannon"]}, 1500, 1999))
        checks.append({"class": "text_date_place_facets", "words": ["cathedral"],
                       "country": "Germany", "facets": ["country"]})
        for (lat, lon), (name, _) in sorted(sample.cities.items()):
            if name in ("Tokyo", "Paris"):
                checks.append(window({"class": "text_date_place_facets", "words": ["treaty"],
                                      "near": [lat, lon, sample.safe_radius(lat, lon, 300)],
                                      "facets": ["country"]}, 1500, 2025))
        checks.append({"class": "text_date_place_facets", "words": ["bishop"], "place": "Münster",
                       "facets": ["country"]})
        # A rare made-up word, chosen from the sample.
        rng = random.Random(7)
        rare = sorted({w for t in sample.texts[:2000] for w in query_words(t)
                       if w.isascii() and w[-1] in "ao" and len(w) > 7})
        if rare:
            checks.append({"class": "text", "words": [rng.choice(rare)]})
    else:
        # Words with one inflected form in the corpus (so Typesense, which does not stem, counts
        # as the others) that never occur in a participant's name without occurring in the text
        # (annals searches participants' names too).
        for w in ["armistice", "samurai", "lighthouse", "smallpox", "cholera", "famine"]:
            checks.append({"class": "text", "words": [w]})
        checks.append(window({"class": "text_date", "words": ["armistice"]}, 1900, 1950))
        checks.append(window({"class": "text_date", "words": ["samurai"]}, 1500, 1899))
    checks.append(density(1800, 15, 10))
    checks.append(density(1900, 12, 1))
    checks.append(density(500, 15, 100))
    checks.append(window({"class": "text_date", "words": []}, 1914, 1918))
    return checks


def make_batch(path, n, seed):
    """n one-to-three-word queries from the titles of the corpus, one per line."""
    rng = random.Random(seed)
    titles = [r["title"] for r in corpus.read(path)]
    out = []
    while len(out) < n:
        ws = query_words(rng.choice(titles))
        k = rng.choice([1, 1, 2, 2, 3])
        if len(ws) >= k:
            start = rng.randrange(0, len(ws) - k + 1)
            out.append(" ".join(ws[start:start + k]))
    return out


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--kind", choices=["generated", "onthisday"], required=True)
    ap.add_argument("--per-class", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=50000, help="records read for statistics")
    ap.add_argument("--out", required=True, help="queries.json to write")
    ap.add_argument("--batch", help="also write N one-to-three-word queries here")
    ap.add_argument("--batch-n", type=int, default=2000)
    a = ap.parse_args()
    s = Sample(a.corpus, a.sample)
    doc = {"mix": make_mix(s, a.per_class, a.seed), "checks": make_checks(s, a.kind)}
    for q in doc["mix"] + doc["checks"]:
        q["annals"] = annals_query(q)
        if q["class"] == "density":
            q["annals_timeline"] = ["--from", annals_year(q["years"][0]),
                                    "--to", annals_year(q["years"][1]), "--buckets", "20"]
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=0)
    if a.batch:
        with open(a.batch, "w", encoding="utf-8") as f:
            f.write("\n".join(make_batch(a.corpus, a.batch_n, a.seed)) + "\n")
