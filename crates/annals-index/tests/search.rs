//! The index against a brute-force scan of the same events: hit counts of words and every
//! filter, date filters as properties, cursors, snippets, timeline sums.

use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_index::{SearchIndex, SearchOptions, TimelineOptions};
use annals_query::{parse, DateMode, Expr, Filter};
use proptest::prelude::*;
use std::collections::HashSet;

/// A small deterministic generator (splitmix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "treaty",
    "battle",
    "signed",
    "empire",
    "revolution",
    "harbor",
    "siege",
    "council",
    "railway",
    "famine",
];
const PLACES: &[(&str, &str, f64, f64)] = &[
    ("Tokyo", "Japan", 35.68, 139.69),
    ("Osaka", "Japan", 34.69, 135.50),
    ("Münster", "Germany", 51.96, 7.63),
    ("Washington, D.C.", "United States", 38.90, -77.04),
    ("Rome", "Italy", 41.90, 12.50),
    ("Suva", "Fiji", -18.14, 178.44),
];
const PEOPLE: &[&str] = &[
    "Japanese government",
    "Roman Senate",
    "Napoleon",
    "United Nations",
];
const DATES: &[&str] = &[
    "1960-01-19",
    "1950",
    "196X",
    "-0043-03-13",
    "-0499/-0400",
    "1914/1918",
    "1990/..",
    "1970/",
    "/1850",
    "Y-66000000S2",
    "1066-10-20",
    "[1667,1668]",
    "1943-21",
    "0800-12-29",
    "1945-08-06",
];

fn corpus(n: usize, seed: u64) -> Vec<Event> {
    let mut r = Rng(seed);
    (0..n)
        .map(|i| {
            let w1 = r.pick(WORDS);
            let w2 = r.pick(WORDS);
            let (place, country, lat, lon) = *r.pick(PLACES);
            let located = !r.next().is_multiple_of(3);
            let json = serde_json::json!({
                "id": format!("e{i}"),
                "title": format!("The {w1} number {i}"),
                "date": r.pick(DATES),
                "summary": format!("A {w2} happened at {place}; <b>not bold</b>."),
                "places": [if located { serde_json::json!({"name": place, "country": country, "lat": lat, "lon": lon}) } else { serde_json::json!({"name": place, "country": country}) }],
                "participants": [{"name": r.pick(PEOPLE)}],
                "tags": [if i % 2 == 0 { "even" } else { "odd" }],
            });
            event_of(json)
        })
        .collect()
}

/// An event from its JSON record.
fn event_of(json: serde_json::Value) -> Event {
    serde_json::from_value::<RawEvent>(json)
        .unwrap()
        .into_event(CalendarHint::Auto)
        .unwrap()
}

fn build(events: &[Event]) -> (tempfile::TempDir, SearchIndex) {
    build_in(events, events.len().max(1))
}

/// An index written `step` events per commit: many segments (as many small imports leave).
fn build_in(events: &[Event], step: usize) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(dir.path()).unwrap();
    for (k, chunk) in events.chunks(step).enumerate() {
        let mut w = index.writer().unwrap();
        for e in chunk {
            w.upsert(e).unwrap();
        }
        w.commit(k as u64 + 1).unwrap();
    }
    index.reload().unwrap();
    (dir, index)
}

fn fold(s: &str) -> String {
    s.to_lowercase().replace('ü', "u")
}

/// The meaning of a tree, computed by hand over one event.
fn matches(e: &Event, x: &Expr) -> bool {
    match x {
        Expr::All => true,
        Expr::Word(w) => {
            let text = format!("{} {}", e.title, e.summary).to_lowercase();
            text.split(|c: char| !c.is_alphanumeric())
                .any(|t| t == w.to_lowercase())
        }
        Expr::Phrase(_) => unimplemented!("not generated"),
        Expr::Not(y) => !matches(e, y),
        Expr::And(xs) => xs.iter().all(|y| matches(e, y)),
        Expr::Or(xs) => xs.iter().any(|y| matches(e, y)),
        Expr::Filter(f) => match f {
            Filter::Date { range, mode } => {
                let (lo, hi) = e.date.axis_range();
                match mode {
                    DateMode::Overlap => lo <= range.hi && hi >= range.lo,
                    DateMode::Within => range.lo <= lo && hi <= range.hi,
                }
            }
            Filter::Place(p) => e.places.iter().any(|x| {
                fold(&x.name) == fold(p) || fold(&format!("{}, {}", x.name, x.country)) == fold(p)
            }),
            Filter::Country(c) => e.places.iter().any(|x| fold(&x.country) == fold(c)),
            Filter::Participant(p) => e.participants.iter().any(|x| fold(&x.name) == fold(p)),
            Filter::Tag(t) => e.tags.iter().any(|x| fold(x) == fold(t)),
            Filter::Id(id) => &e.id == id,
            Filter::Near {
                lat,
                lon,
                radius_km,
            } => e.places.iter().find(|p| p.lat.is_some()).is_some_and(|p| {
                annals_index::compile::distance_km(*lat, *lon, p.lat.unwrap(), p.lon.unwrap())
                    <= *radius_km
            }),
            Filter::Bbox {
                south,
                west,
                north,
                east,
            } => e.places.iter().find(|p| p.lat.is_some()).is_some_and(|p| {
                let (a, b) = (p.lat.unwrap(), p.lon.unwrap());
                let lon_ok = if west <= east {
                    (*west..=*east).contains(&b)
                } else {
                    b >= *west || b <= *east
                };
                (*south..=*north).contains(&a) && lon_ok
            }),
        },
    }
}

fn count(index: &SearchIndex, q: &str) -> usize {
    let req = parse(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    index
        .search(
            &req,
            &SearchOptions {
                limit: 1,
                facets: false,
                ..SearchOptions::default()
            },
        )
        .unwrap()
        .total
}

fn brute(events: &[Event], q: &str) -> usize {
    let req = parse(q).unwrap();
    events.iter().filter(|e| matches(e, &req.expr)).count()
}

#[test]
fn counts_agree_with_a_scan() {
    let events = corpus(400, 7);
    let (_dir, index) = build(&events);
    for q in [
        "",
        "treaty",
        "battle OR siege",
        "treaty -battle",
        "(treaty OR battle) famine",
        "date:1960",
        "date:196X",
        "date:1950..1970",
        "date:..-0100",
        "date:-0500..-0001",
        "within:1900..1999",
        "date:1900..",
        "place:Tokyo",
        "place:\"Washington, D.C.\"",
        "place:\"washington, d.c., united states\"",
        "place:munster",
        "country:japan",
        "participant:\"Japanese government\"",
        "tag:even",
        "near:35.68,139.69,300km",
        "near:35.68,139.69,10km",
        "near:-18.0,-179.9,100km",
        "bbox:30,130,40,140",
        "bbox:-20,170,-10,-170",
        "treaty country:Japan date:1950..1970 near:35.68,139.69,300km",
        "-country:Japan",
        "id:e5",
    ] {
        assert_eq!(count(&index, q), brute(&events, q), "query {q:?}");
    }
    assert!(count(&index, "near:35.68,139.69,300km") > 0);
}

/// `date:` and `within:` read cells of the events' spans ([`annals_index::spans`]): windows of a
/// day to all of time, at each level's edges, over many segments, agree with a scan.
#[test]
fn date_windows_agree_at_every_scale() {
    let events = corpus(600, 23);
    let (_dir, index) = build_in(&events, 41);
    for q in [
        "date:1945-08-06",
        "date:1945-08-05..1945-08-07",
        "within:1945-08-06",
        "date:1066-10-14..1066-10-20",
        "within:1914-01-01..1918-12-31",
        "within:1913..1918",
        "date:1918-11-11",
        "date:1667-06",
        "within:1667..1668",
        "date:1969",
        "within:1960..1969",
        "date:-0450",
        "within:-0500..-0400",
        "date:\"66 million years ago\"",
        "within:\"66 million years ago\"..1900",
        "date:..1850",
        "within:..1850",
        "date:2000..",
        "within:1950..",
        "date:..",
        "treaty date:1945-08-06",
        "treaty date:1900..2000",
        "(treaty OR siege) within:..1850",
        "treaty near:35.68,139.69,300km date:1900..",
        "siege bbox:30,130,40,140 -date:1950..1970",
        "(treaty OR siege) -date:1950..1970",
    ] {
        assert_eq!(count(&index, q), brute(&events, q), "query {q:?}");
    }
    assert!(count(&index, "date:1945-08-06") > 0);
    assert!(count(&index, "date:\"66 million years ago\"") > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn date_filters_agree(a in -3000i64..2100, len in 0i64..3000, within in any::<bool>()) {
        let events = corpus(150, 11);
        let (_dir, index) = build(&events);
        let b = a + len;
        let y = |v: i64| if v < 0 { format!("-{:04}", -v) } else { format!("{v:04}") };
        let q = format!("{}:{}..{}", if within { "within" } else { "date" }, y(a), y(b));
        prop_assert_eq!(count(&index, &q), brute(&events, &q), "{}", q);
    }
}

#[test]
fn cursors_page_through_everything_once() {
    let events = corpus(120, 3);
    let (_dir, index) = build(&events);
    for q in [
        "treaty OR battle OR siege",
        "",
        "(famine OR council) sort:-date",
    ] {
        let req = parse(q).unwrap();
        let all = index
            .search(
                &req,
                &SearchOptions {
                    limit: 1000,
                    facets: false,
                    ..SearchOptions::default()
                },
            )
            .unwrap();
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = index
                .search(
                    &req,
                    &SearchOptions {
                        limit: 7,
                        cursor: cursor.clone(),
                        facets: false,
                        facet_size: 10,
                        facet_sample: None,
                        ..Default::default()
                    },
                )
                .unwrap();
            seen.extend(page.hits.iter().map(|h| h.id.clone()));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        let expected: Vec<String> = all.hits.iter().map(|h| h.id.clone()).collect();
        assert_eq!(seen, expected, "{q}");
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
    }
    let bad = index.search(
        &parse("treaty").unwrap(),
        &SearchOptions {
            cursor: Some("nonsense".into()),
            ..SearchOptions::default()
        },
    );
    assert!(bad.is_err());
}

/// Ranking in one pass ([`SearchOptions::one_pass`]) gives the pages tantivy's collectors give:
/// the same hits, scores to the bit, totals, facets and cursors, page after page, in an index
/// of several segments with deleted events.
#[test]
fn one_pass_pages_are_the_pages_of_tantivys_collectors() {
    let mut events = corpus(3000, 17);
    // Events whose summary and narrative say "siege" over and over, under another title: the
    // best matches of "siege" that a title does not find.
    for i in 0..40 {
        events.push(event_of(serde_json::json!({
            "id": format!("s{i}"),
            "title": format!("Entry {i}"),
            "date": "1800",
            "summary": "Siege, siege, siege.",
            "participants": [{"name": "Siege"}],
        })));
    }
    let (_d, index) = build_in(&events, 700);
    // Some events written again, changed: their old documents are deleted ones.
    let mut w = index.writer().unwrap();
    for e in events.iter_mut().step_by(37) {
        e.summary = format!("{} Another battle, and a siege.", e.summary);
        w.upsert(e).unwrap();
    }
    w.commit(100).unwrap();
    index.reload().unwrap();
    let queries = [
        "battle",
        "siege",
        "battle siege",
        "entry siege",
        "number battle happened",
        "battle OR famine",
        "treaty -harbor",
        "\"number 12\"",
        "happened",
        "revolutoin",
        "famine country:Japan",
        "council date:1900..2000",
        "empire OR participant:Napoleon",
        "harbor railway council",
    ];
    let page = |q: &str, limit: usize, cursor: Option<String>, one_pass: bool| {
        index
            .search(
                &parse(q).unwrap(),
                &SearchOptions {
                    limit,
                    cursor,
                    one_pass,
                    // Facets on the longer pages.
                    facets: limit >= 10,
                    ..SearchOptions::default()
                },
            )
            .unwrap()
    };
    let before = index.ranked_in_one_pass();
    for q in queries {
        for limit in [1, 7, 10, 40] {
            let (mut a, mut b) = (None, None);
            for _ in 0..3 {
                let full = page(q, limit, a.clone(), false);
                let first = page(q, limit, b.clone(), true);
                let show = |r: &annals_index::SearchResult| {
                    let hits: Vec<(String, Option<u32>)> = r
                        .hits
                        .iter()
                        .map(|h| (h.id.clone(), h.score.map(f32::to_bits)))
                        .collect();
                    (
                        r.total,
                        hits,
                        format!("{:?}", r.facets),
                        r.next_cursor.clone(),
                    )
                };
                assert_eq!(show(&first), show(&full), "{q} limit {limit}");
                (a, b) = (full.next_cursor, first.next_cursor);
                if a.is_none() {
                    break;
                }
            }
        }
    }
    // Every query of several words alone was ranked in one pass, each page of it.
    let ranked = index.ranked_in_one_pass() - before;
    assert!(ranked >= 4 * 4, "ranked in one pass {ranked} times");
}

#[test]
fn hits_carry_snippets_dates_and_facets() {
    let events = corpus(60, 5);
    let (_dir, index) = build(&events);
    let r = index
        .search(
            &parse("famine").unwrap(),
            &SearchOptions {
                limit: 100,
                ..SearchOptions::default()
            },
        )
        .unwrap();
    assert!(r.total > 0);
    let h = r
        .hits
        .iter()
        .find(|h| h.snippet.starts_with("A ") && h.snippet.contains("famine"))
        .expect("a hit with famine in its summary");
    assert!(h.snippet.contains("<mark>famine</mark>"), "{}", h.snippet);
    assert!(
        h.snippet.contains("&lt;b&gt;not bold") && !h.snippet.contains("<b>"),
        "text is escaped: {}",
        h.snippet
    );
    assert!(h.score.is_some());
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["facets"]["country"].is_object());
    assert_eq!(
        json["hits"][0]["date"]["edtf"],
        serde_json::to_value(&r.hits[0].date.edtf).unwrap()
    );
    let total_by_country: u64 = r
        .facets
        .0
        .iter()
        .find(|(n, _)| *n == "tag")
        .unwrap()
        .1
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(
        total_by_country as usize, r.total,
        "every event has one tag"
    );
    // Stemming and typo tolerance.
    assert_eq!(count(&index, "famines"), count(&index, "famine"));
    assert_eq!(count(&index, "revolutoin"), count(&index, "revolution"));
}

/// A timeline of words over a window reads the window's date cells: its totals agree with a
/// scan for narrow and wide windows, over many segments.
#[test]
fn timelines_of_words_in_a_window_agree_with_a_scan() {
    let events = corpus(600, 31);
    let (_dir, index) = build_in(&events, 53);
    let day = |s: &str| annals_dates::When::from_edtf(s).unwrap().axis_range();
    for (q, a, b, buckets) in [
        ("treaty", "1900", "1999", 10),
        ("siege OR famine", "1945", "1945", 12),
        ("battle", "1960", "1969", 10),
        ("treaty -siege", "0001", "2000", 20),
        ("council", "1066", "1066", 12),
    ] {
        window_agrees(&events, &index, q, day(a).0, day(b).1, buckets);
    }
}

/// A timeline of `q` in the days `from..=to` counts what a scan of `events` counts.
fn window_agrees(
    events: &[Event],
    index: &SearchIndex,
    q: &str,
    from: i64,
    to: i64,
    buckets: usize,
) {
    let t = index
        .timeline(
            &parse(q).unwrap(),
            &TimelineOptions {
                from: Some(from),
                to: Some(to),
                buckets,
                top: 1,
            },
        )
        .unwrap();
    let req = parse(q).unwrap();
    let expected = events
        .iter()
        .filter(|e| matches(e, &req.expr) && (from..=to).contains(&e.date.sort_key().0))
        .count() as u64;
    assert_eq!(t.total, expected, "{q} in {from}..={to}");
}

/// Timelines of several words (matched a window of documents at a time, without seeks) count
/// what a scan counts, over more documents than one window holds, in wide and narrow windows
/// (a narrow one is intersected with its date cells, which seeks).
#[test]
fn timelines_of_several_words_agree_with_a_scan() {
    let events = corpus(9000, 41);
    let (_dir, index) = build_in(&events, 5000);
    let day = |s: &str| annals_dates::When::from_edtf(s).unwrap().axis_range();
    for q in [
        "treaty happened",
        "battle siege",
        "number happened council",
        "famine railway",
    ] {
        for (a, b) in [
            ("-0500", "2100"),
            ("1945", "1945"),
            ("1960", "1969"),
            ("1066", "1066"),
        ] {
            window_agrees(&events, &index, q, day(a).0, day(b).1, 7);
        }
        // Without a window: the span of the matches, every match counted.
        let t = index
            .timeline(
                &parse(q).unwrap(),
                &TimelineOptions {
                    from: None,
                    to: None,
                    buckets: 12,
                    top: 2,
                },
            )
            .unwrap();
        assert_eq!(t.total as usize, brute(&events, q), "{q}");
    }
}

#[test]
fn timeline_sums_and_on_this_day() {
    let events = corpus(300, 9);
    let (_dir, index) = build(&events);
    let day = |s: &str| annals_dates::When::from_edtf(s).unwrap().axis_range();
    let (from, _) = day("1900");
    let (_, to) = day("1999");
    let t = index
        .timeline(
            &parse("").unwrap(),
            &TimelineOptions {
                from: Some(from),
                to: Some(to),
                buckets: 10,
                top: 2,
            },
        )
        .unwrap();
    assert_eq!(t.buckets.len(), 10);
    assert_eq!(t.buckets[6].label, "1960s");
    let sorted_in_window = events
        .iter()
        .filter(|e| (from..=to).contains(&e.date.sort_key().0))
        .count() as u64;
    assert_eq!(t.total, sorted_in_window);
    assert!(t
        .buckets
        .iter()
        .all(|b| b.top.len() as u64 == b.count.min(2)));
    let deep = index
        .timeline(
            &parse("").unwrap(),
            &TimelineOptions {
                from: None,
                to: None,
                buckets: 12,
                top: 1,
            },
        )
        .unwrap();
    assert_eq!(
        deep.total,
        events.len() as u64
            - events
                .iter()
                .filter(|e| e.date.sort_key().0 == i64::MIN)
                .count() as u64
    );
    // 1066-10-20 Gregorian is in the corpus as EDTF (calendar gregorian), so it is on 10-20.
    let otd = index.on_this_day(10, 20, 1000).unwrap();
    let expected = events
        .iter()
        .filter(|e| e.date.edtf == "1066-10-20")
        .count();
    assert_eq!(otd.len(), expected);
}

/// The most important events of a bucket are the same whether the timeline reads the index's
/// columns (a query with words) or the day order kept in memory (without): both keep importance
/// to `f32`'s seven digits, and the answer shows it so ("0.1", not 0.10000000149011612).
#[test]
fn the_most_important_agree_with_and_without_words() {
    let importance = [0.1, 1.0 / 3.0, std::f64::consts::E, 7.5, 0.7, 7.500_000_1];
    let events: Vec<Event> = importance
        .iter()
        .enumerate()
        .map(|(i, imp)| {
            let json = serde_json::json!({
                "id": format!("h{i}"),
                "title": format!("The harbour works, part {i}"),
                "date": format!("19{i}0"),
                "importance": imp,
            });
            event_of(json)
        })
        .collect();
    let (_dir, index) = build(&events);
    let top = |q: &str| {
        let t = index
            .timeline(
                &parse(q).unwrap(),
                &TimelineOptions {
                    from: None,
                    to: None,
                    buckets: 1,
                    top: 4,
                },
            )
            .unwrap();
        t.buckets
            .into_iter()
            .flat_map(|b| b.top)
            .collect::<Vec<_>>()
    };
    let (all, words) = (top(""), top("harbour"));
    let ids =
        |v: &[annals_index::timeline::TopEvent]| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    // 7.5000001 is 7.5 to seven digits: a tie, which goes to the earlier (h3, 1930).
    assert_eq!(ids(&all), ["h3", "h5", "h2", "h4"]);
    assert_eq!(ids(&words), ids(&all));
    for e in all.iter().chain(&words) {
        let i: usize = e.id[1..].parse().unwrap();
        assert_eq!(e.importance, importance[i] as f32);
    }
    let json = serde_json::to_string(&top("")[3]).unwrap();
    assert!(json.contains("\"importance\":0.7,"), "{json}");
}

#[test]
fn facets_count_events_and_near_sees_every_place() {
    let json = r#"{"id": "two", "title": "Two places", "date": "1960", "places": [{"name": "Paris", "country": "France", "lat": 48.86, "lon": 2.35}, {"name": "Osaka", "country": "Japan", "lat": 34.69, "lon": 135.50}, {"name": "Kyoto", "country": "Japan"}], "participants": [{"name": "A"}, {"name": "A", "role": "again"}]}"#;
    let e = serde_json::from_str::<RawEvent>(json)
        .unwrap()
        .into_event(CalendarHint::Auto)
        .unwrap();
    let (_dir, index) = build(&[e]);
    let r = index
        .search(&parse("").unwrap(), &SearchOptions::default())
        .unwrap();
    let japan = r
        .facets
        .0
        .iter()
        .find(|(n, _)| *n == "country")
        .unwrap()
        .1
        .iter()
        .find(|(v, _)| v == "Japan")
        .unwrap()
        .1;
    assert_eq!(japan, 1, "one event, however many places in Japan");
    let a = r
        .facets
        .0
        .iter()
        .find(|(n, _)| *n == "participant")
        .unwrap()
        .1[0]
        .1;
    assert_eq!(a, 1);
    assert_eq!(
        count(&index, "near:35.68,139.69,450km"),
        1,
        "the second place (Osaka) is near Tokyo"
    );
    assert_eq!(count(&index, "bbox:30,130,40,140"), 1);
    assert_eq!(
        count(&index, "bbox:40,130,50,140"),
        0,
        "latitude of one place and longitude of another do not combine"
    );
}

/// An index left by another version of annals (another schema) is derived data: opening it
/// for searching empties it and rebuilds it from the store.
#[test]
fn an_index_of_another_schema_is_rebuilt() {
    use annals_store::EventStore;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let index_dir = annals_index::dir_for(&db);
    std::fs::create_dir_all(&index_dir).unwrap();
    let mut older = tantivy::schema::Schema::builder();
    older.add_text_field("plain", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&index_dir, older.build()).unwrap();
    let mut store = annals_store::SqliteStore::open(&db).unwrap();
    let events = corpus(3, 4);
    {
        let mut tx = store
            .transaction(&annals_store::Change::new("test", "three events"))
            .unwrap();
        for e in &events {
            tx.upsert(e, None).unwrap();
        }
        tx.commit().unwrap();
    }
    let index =
        annals_index::sync::for_search(&annals_store::Db::File(db.clone()), &mut store).unwrap();
    assert_eq!(count(&index, ""), 3);
    assert!(annals_index::sync::in_step(&index, &store).unwrap());
    assert_eq!(
        annals_index::sync::reindex(&annals_store::Db::File(db.clone()), &mut store).unwrap(),
        3
    );
}

/// A word longer than any indexed word (40 bytes) matches nothing; punctuation alone
/// constrains nothing.
#[test]
fn overlong_words_match_nothing() {
    let events = corpus(20, 5);
    let (_dir, index) = build(&events);
    assert_eq!(
        count(&index, "pneumonoultramicroscopicsilicovolcanoconiosis"),
        0
    );
    assert_eq!(
        count(&index, "\"pneumonoultramicroscopicsilicovolcanoconiosis\""),
        0
    );
    assert_eq!(
        count(&index, "-pneumonoultramicroscopicsilicovolcanoconiosis"),
        20
    );
    assert_eq!(count(&index, "... ;"), 20);
}

/// The map's counts against a scan: for every query and time window, each cell counts the
/// located events (first located place) that match and overlap the window, and names its best.
#[test]
fn map_cells_agree_with_a_scan() {
    use annals_index::{Grid, MapOptions};
    let events = corpus(600, 11);
    let (_dir, index) = build(&events);
    let grid = Grid {
        south: -60.0,
        west: -180.0,
        north: 75.0,
        east: 180.0,
        rows: 6,
        cols: 12,
    };
    let rd = |y: &str| {
        annals_dates::When::from_text(y, CalendarHint::Auto)
            .unwrap()
            .axis_range()
            .0
    };
    let deep_before = rd("100 BC");
    for q in [
        "",
        "treaty",
        "country:Japan",
        "participant:Napoleon OR siege",
    ] {
        for window in [
            None,
            Some((rd("1900"), rd("1960"))),
            Some((rd("500 BC"), rd("400 BC"))),
        ] {
            let request = parse(q).unwrap();
            let opts = MapOptions {
                window,
                grid,
                per_cell: 2,
                top: 5,
                deep_before,
            };
            let m = index.map_cells(&request, &opts).unwrap();
            let mut want: std::collections::BTreeMap<usize, (u64, u64)> = Default::default();
            for e in &events {
                let Some(p) = e.places.iter().find(|p| p.lat.is_some()) else {
                    continue;
                };
                let (lo, hi) = e.date.axis_range();
                if window.is_some_and(|(a, b)| lo > b || hi < a) || !matches(e, &request.expr) {
                    continue;
                }
                let Some(cell) = grid.cell(p.lat.unwrap(), p.lon.unwrap()) else {
                    continue;
                };
                let w = want.entry(cell).or_default();
                w.0 += 1;
                w.1 += u64::from(lo < deep_before && lo != i64::MIN);
            }
            let got: std::collections::BTreeMap<usize, (u64, u64)> = m
                .cells
                .iter()
                .map(|c| (c.index, (c.count, c.deep)))
                .collect();
            assert_eq!(got, want, "{q:?} in {window:?}");
            assert_eq!(m.total, want.values().map(|w| w.0).sum::<u64>());
            for c in &m.cells {
                assert!(!c.best.is_empty() && c.best.len() <= 2);
                for b in &c.best {
                    let e = events.iter().find(|e| e.id == b.id).unwrap();
                    assert_eq!(b.title, e.title);
                    assert_eq!(grid.cell(b.lat, b.lon), Some(c.index));
                    let p = &e.places[0];
                    assert_eq!(b.place, format!("{}, {}", p.name, p.country));
                    assert_eq!(b.places, vec![b.place.clone()]);
                }
            }
            assert!(m.top.len() == (m.total as usize).min(5));
        }
    }
}

/// Points of a window without words come from the located events near the window, not from a
/// pass over the index: the same points, in the same order, as the same window through tantivy
/// (a request with another filter takes that path), and every located event that
/// overlaps the window when the limit allows; in one segment or in many (tantivy scored equal
/// matches differently in a segment a filter covers whole: the order followed the layout).
#[test]
fn points_of_a_window_agree_with_the_query_path_and_a_scan() {
    let events = corpus(700, 5);
    let mut orders = Vec::new();
    for step in [events.len(), 3] {
        let (_dir, index) = build_in(&events, step);
        points_agree(&events, &index);
        // a search ranked by relevance without words (a window, as `from`/`to` make it): the
        // tie-breaker's order in any layout
        let mut r = parse("").unwrap();
        r.expr = Expr::And(vec![
            r.expr,
            Expr::Filter(Filter::Date {
                range: annals_query::DayRange {
                    lo: 693596,
                    hi: 715875,
                },
                mode: DateMode::Overlap,
            }),
        ]);
        r.sort = Some(annals_query::Sort::Relevance);
        let opts = SearchOptions {
            limit: 1000,
            facets: false,
            ..SearchOptions::default()
        };
        let hits = index.search(&r, &opts).unwrap().hits;
        orders.push(hits.into_iter().map(|h| h.id).collect::<Vec<_>>());
    }
    assert!(orders[0].len() > 10);
    assert_eq!(orders[0], orders[1]);
}

fn points_agree(events: &[Event], index: &SearchIndex) {
    use annals_index::collect::Order;
    let rd = |y: &str, start: bool| {
        let r = annals_dates::When::from_text(y, CalendarHint::Auto)
            .unwrap()
            .axis_range();
        if start {
            r.0
        } else {
            r.1
        }
    };
    let windowed = |q: &str, lo: i64, hi: i64| {
        let mut r = parse(q).unwrap();
        let date = Expr::Filter(Filter::Date {
            range: annals_query::DayRange { lo, hi },
            mode: DateMode::Overlap,
        });
        r.expr = Expr::And(vec![r.expr, date]);
        r
    };
    let mut nonempty = 0;
    for (lo, hi) in [
        (rd("1900", true), rd("1960", false)),
        (rd("500 BC", true), rd("400 BC", false)),
        (rd("1945-08-06", true), rd("1945-08-06", false)),
        (i64::MIN, i64::MAX),
    ] {
        for limit in [1, 7, 5000] {
            let fast = index
                .points_in_order(&windowed("", lo, hi), limit, Order::Relevance)
                .unwrap();
            // the same window and a filter every dated event passes: the query path
            let mut slow = windowed("", lo, hi);
            slow.expr = Expr::And(vec![
                slow.expr,
                Expr::Filter(Filter::Date {
                    range: annals_query::DayRange {
                        lo: i64::MIN,
                        hi: i64::MAX,
                    },
                    mode: DateMode::Within,
                }),
            ]);
            let slow = index
                .points_in_order(&slow, limit, Order::Relevance)
                .unwrap();
            assert_eq!(fast, slow, "{lo}..{hi}, limit {limit}");
            let want: HashSet<&str> = events
                .iter()
                .filter(|e| e.places.iter().any(|p| p.lat.is_some()))
                .filter(|e| {
                    let (a, b) = e.date.axis_range();
                    a <= hi && b >= lo
                })
                .map(|e| e.id.as_str())
                .collect();
            assert_eq!(fast.len(), want.len().min(limit));
            if limit == 5000 {
                let got: HashSet<&str> = fast.iter().map(|p| p.0 .0.as_str()).collect();
                assert_eq!(got, want);
                nonempty += usize::from(!want.is_empty());
            }
        }
    }
    assert_eq!(nonempty, 4);
}

/// Events sharing a participant are the nearest in time on each side, whether the name is
/// common (the window of the day order, asked of the postings) or rare (its matches read whole).
#[test]
fn related_by_participant_are_the_nearest_in_time() {
    use annals_index::related::RelatedReason;
    let n = 16_000;
    let who = |i: usize| match i {
        _ if i % 800 == 3 => "Rare Person",
        _ if i.is_multiple_of(2) => "Napoleon",
        _ => "Someone Else",
    };
    let events: Vec<Event> = (0..n)
        .map(|i| {
            // Distinct months, shuffled over the ids.
            let m = (i * 7919) % n;
            let json = serde_json::json!({
                "id": format!("e{i}"),
                "title": format!("Event {i}"),
                "date": format!("{:04}-{:02}", 1000 + m / 12, m % 12 + 1),
                "participants": [{"name": who(i)}],
            });
            event_of(json)
        })
        .collect();
    let (_dir, index) = build(&events);
    let day = |e: &Event| e.date.sort_key().0;
    for i in [0, 2, 3, 803, 1604, 7000, 12_803, 15_998] {
        let e = &events[i];
        let mut before: Vec<(i64, &str)> = Vec::new();
        let mut after: Vec<(i64, &str)> = Vec::new();
        for o in events
            .iter()
            .filter(|o| o.id != e.id && who_of(o) == who(i))
        {
            let d = day(o) - day(e);
            if d < 0 {
                before.push((-d, &o.id));
            } else {
                after.push((d, &o.id));
            }
        }
        before.sort();
        after.sort();
        let mut expected: Vec<&str> = before.iter().take(3).map(|t| t.1).collect();
        expected.extend(after.iter().take(3).map(|t| t.1));
        expected.sort();
        let mut got: Vec<String> = index
            .related(e, 12)
            .unwrap()
            .into_iter()
            .filter(|r| matches!(r.reason, RelatedReason::SharedParticipants { .. }))
            .map(|r| r.id)
            .collect();
        got.sort();
        assert_eq!(got, expected, "event {i} ({})", who(i));
    }
}

fn who_of(e: &Event) -> &str {
    &e.participants[0].name
}

/// Facets over a sample of a large result are estimates close to the exact counts, and say so.
#[test]
fn sampled_facets_estimate_the_counts() {
    let events = corpus(20_000, 11);
    let (_dir, index) = build(&events);
    let search = |sample: Option<u64>| {
        index
            .search(
                &parse("tag:even").unwrap(),
                &SearchOptions {
                    limit: 5,
                    facet_sample: sample,
                    ..SearchOptions::default()
                },
            )
            .unwrap()
    };
    let (exact, sampled) = (search(None), search(Some(1_000)));
    assert!(!exact.facets_estimated && sampled.facets_estimated);
    assert_eq!(exact.total, 10_000);
    assert_eq!(sampled.total, exact.total, "the total is never sampled");
    assert_eq!(sampled.hits.len(), 5);
    let counts = |r: &annals_index::SearchResult, facet: &str| -> Vec<(String, u64)> {
        r.facets
            .0
            .iter()
            .find(|(n, _)| *n == facet)
            .map(|(_, c)| c.clone())
            .unwrap_or_default()
    };
    for facet in ["country", "participant"] {
        let (e, s) = (counts(&exact, facet), counts(&sampled, facet));
        assert!(!e.is_empty(), "{facet}");
        for (value, n) in &e {
            let est = s.iter().find(|(v, _)| v == value).map_or(0, |(_, n)| *n) as f64;
            let off = (est - *n as f64).abs() / *n as f64;
            assert!(off < 0.3, "{facet} {value}: {n} exact, {est} estimated");
        }
    }
    // A result smaller than the sample is counted whole.
    let small = index
        .search(
            &parse("tag:even treaty").unwrap(),
            &SearchOptions {
                facet_sample: Some(50_000),
                ..SearchOptions::default()
            },
        )
        .unwrap();
    assert!(small.total > 500 && !small.facets_estimated);
}
