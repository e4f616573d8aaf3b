"""Reading a corpus in annals' native JSON Lines into the flat records every peer loads.

A record: id, title, summary, body (paragraphs joined by newlines), places [(name, country, lat,
lon)], countries (distinct), participants, tags, and lo/hi, the inclusive day span of the date on
annals' day axis (Rata Die: proleptic Gregorian 0001-01-01 is day 1; astronomical years).

Dates are read the way annals reads them, for the forms the two benchmark corpora use:
- plain EDTF (the generated corpus): YYYY, -YYYY, Y-NNNNN, YYYY-MM, YYYY-MM-DD, 196X, and
  intervals a/b of those;
- {"text": "January 1, 153 BC"} (the onthisday corpus): "Month D, Y" with BC/BCE/AD, a day
  before 15 October 1582 as written is Julian and is converted to the Gregorian axis; the handful
  of messy forms (dual years 309/310, "285 (or 286)", "543 or 547", "(OS)", "(O.S. 27 March)")
  are read as annals documents them (docs/dates.md): the span covers every reading; a stray "]"
  is refused (and skipped), as `annals import --skip-invalid` does.
Records without an id get "line-N" (onthisday has none; annals makes its own, so only counts are
compared there).
"""
import json
import re

OPEN_LO = -(1 << 62)
OPEN_HI = (1 << 62)

MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}


def _jdn(y, m, d, julian):
    a = (14 - m) // 12
    y2 = y + 4800 - a
    m2 = m + 12 * a - 3
    if julian:
        return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - 32083
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - y2 // 100 + y2 // 400 - 32045


def rd(y, m, d, julian=False):
    """Rata Die of a date (astronomical year)."""
    return _jdn(y, m, d, julian) - 1721425


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def month_len(y, m):
    if m == 2:
        return 29 if is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def year_span(y):
    return rd(y, 1, 1), rd(y, 12, 31)


_EDTF = re.compile(r"^(?:Y(-?\d+)|(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?|(\d{3})X)$")


def edtf_span(s):
    """(lo, hi) of the EDTF subset the generator writes."""
    if "/" in s:
        a, b = s.split("/", 1)
        return edtf_span(a)[0], edtf_span(b)[1]
    m = _EDTF.match(s)
    if not m:
        raise ValueError("unsupported EDTF %r" % s)
    if m.group(1) is not None:
        return year_span(int(m.group(1)))
    if m.group(5) is not None:
        y = int(m.group(5)) * 10
        return rd(y, 1, 1), rd(y + 9, 12, 31)
    y = int(m.group(2))
    if m.group(3) is None:
        return year_span(y)
    mo = int(m.group(3))
    if m.group(4) is None:
        return rd(y, mo, 1), rd(y, mo, month_len(y, mo))
    d = rd(y, mo, int(m.group(4)))
    return d, d


_TEXT = re.compile(r"^(%s) (\d{1,2}), (AD )?(\d+)(?: ?(BCE|BC|AD))?(.*)$" % "|".join(MONTHS))


def _text_day(mo, d, year, julian_mark):
    if julian_mark or (year, mo, d) < (1582, 10, 15):
        return rd(year, mo, d, julian=True)
    return rd(year, mo, d)


def text_span(t):
    """(lo, hi) of an onthisday date text, or raise ValueError."""
    m = _TEXT.match(t.strip())
    if not m:
        raise ValueError("unreadable date %r" % t)
    mo, d, y = MONTHS[m.group(1)], int(m.group(2)), int(m.group(4))
    bc = m.group(5) in ("BC", "BCE")
    rest = m.group(6).strip()
    years = [y]
    julian_mark = False
    if rest:
        alt = re.match(r"^(?:/|\(or |or )(\d+)\)?$", rest)
        if alt:
            years.append(int(alt.group(1)))
        elif rest in ("(OS)", "(O.S.)"):
            julian_mark = True
        elif re.match(r"^\(O\.S\. \d{1,2} [A-Z][a-z]+\)$", rest):
            pass  # the date as given is New Style
        else:
            raise ValueError("unreadable date %r" % t)
    if bc:
        years = [1 - x for x in years]
    days = [_text_day(mo, d, x, julian_mark) for x in years]
    return min(days), max(days)


def date_span(date):
    if isinstance(date, str):
        return edtf_span(date)
    if "edtf" in date:
        return edtf_span(date["edtf"])
    return text_span(date["text"])


def read(path, limit=None):
    """Yields flat records; records whose date cannot be read are skipped (and counted in
    read.skipped)."""
    read.skipped = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if limit is not None and n > limit:
                break
            if not line.strip():
                continue
            o = json.loads(line)
            try:
                lo, hi = date_span(o["date"])
            except ValueError as e:
                read.skipped.append("%s:%d: %s" % (path, n, e))
                continue
            places = [(p["name"], p.get("country", ""), p.get("lat"), p.get("lon"))
                      for p in o.get("places", [])]
            countries = sorted({p[1] for p in places if p[1]})
            yield {
                "id": o.get("id") or "line-%d" % n,
                "title": o["title"],
                "summary": o.get("summary", ""),
                "body": "\n".join(o.get("body", [])),
                "places": places,
                "countries": countries,
                "participants": [p["name"] for p in o.get("participants", [])],
                "tags": o.get("tags", []),
                "lo": lo,
                "hi": hi,
            }


read.skipped = []


def haversine_km(lat1, lon1, lat2, lon2):
    import math
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def bbox_for(lat, lon, km):
    """A lat/lon box that contains the circle (no antimeridian handling needed for the cities
    the queries use: the box is clamped)."""
    import math
    dlat = km / 111.0
    dlon = km / (111.320 * max(0.01, math.cos(math.radians(min(89.0, abs(lat) + dlat)))))
    return lat - dlat, lat + dlat, max(-180.0, lon - dlon), min(180.0, lon + dlon)


if __name__ == "__main__":
    import sys
    n = 0
    for r in read(sys.argv[1]):
        n += 1
    print(n, "records;", len(read.skipped), "skipped")
    for s in read.skipped[:20]:
        print(s)
