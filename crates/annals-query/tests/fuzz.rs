//! Property tests: the parser never panics on any input, errors point inside the query, and the
//! canonical printer round-trips: `parse(&r.to_string()) == r` for every parsed request `r`.

use annals_query::{parse, DateMode, DayRange, Expr, Filter, Request, Sort};
use annals_query::{MAX_CLAUSES, MAX_DEPTH, MAX_QUERY_LEN};
use proptest::prelude::*;

/// Pieces of query syntax, glued together at random.
const PIECES: &[&str] = &[
    "a",
    "treaty",
    "Münster",
    "東京",
    "𝄞",
    "OR",
    "or",
    "AND",
    "(",
    ")",
    "\"",
    "-",
    ":",
    "..",
    ",",
    " ",
    " ",
    " ",
    "\t",
    "\u{3000}",
    "date:",
    "within:",
    "place:",
    "country:",
    "participant:",
    "tag:",
    "near:",
    "bbox:",
    "id:",
    "sort:",
    "DATE:",
    "foo:",
    "1960",
    "196X",
    "-0043",
    "Y-66000000",
    "1950..1970",
    "..1453",
    "/",
    "[",
    "]",
    "35.68,139.69,300km",
    "24,122,46,146",
    "km",
    "mi",
    "m",
    "0",
    "-1",
    "91",
    "date",
    "-date",
    "relevance",
    "\"the 1960s\"",
    "\"44 BC\"",
    "\"\"",
    "\"a b\"",
    "é",
    "\u{0301}",
    "\0",
    "\n",
    "1e3",
    "NaN",
    ".",
    "+",
];

fn glued() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Characters that matter to the grammar, and some that do not.
fn chars() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                '(', ')', '"', '-', ':', ' ', '.', ',', 'O', 'R', 'a', 'é', '東', '1', '9', 'X',
                'k', 'm', '\u{200b}', '\u{feff}', '\u{3000}'
            ]),
            any::<char>(),
        ],
        0..80,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// The deepest parenthesis nesting of a printed query (outside quotes).
fn paren_depth(q: &str) -> usize {
    let (mut depth, mut max, mut quoted) = (0usize, 0usize, false);
    for c in q.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                max = max.max(depth);
            }
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Parsing `q` must not panic; an error points inside the query or at its end; a request prints
/// as a query that parses back to itself and prints the same.
fn check(q: &str) -> Result<(), TestCaseError> {
    match parse(q) {
        Err(e) => {
            prop_assert!(e.offset <= q.chars().count(), "{q:?}: {e}");
            prop_assert!(!e.problem.to_string().is_empty());
        }
        Ok(r) => {
            let printed = r.to_string();
            if printed.len() <= MAX_QUERY_LEN {
                let again = parse(&printed);
                prop_assert_eq!(again.as_ref(), Ok(&r), "{:?} printed as {:?}", q, printed);
                prop_assert_eq!(again.map(|r| r.to_string()), Ok(printed));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn glued_pieces(q in glued()) {
        check(&q)?;
    }

    #[test]
    fn random_chars(q in chars()) {
        check(&q)?;
    }

    #[test]
    fn any_string(q in any::<String>()) {
        check(&q)?;
    }

    #[test]
    fn long_inputs(q in prop::collection::vec(prop::sample::select(PIECES), 500..1500)) {
        check(&q.concat())?;
    }
}

// Random trees: print, parse, compare with the normalised tree.

fn word() -> impl Strategy<Value = String> {
    "[a-zA-Zé東0-9][a-zA-Z0-9é東:,.'-]{0,8}".prop_filter("not syntax", |w| {
        let key = w.split(':').next().unwrap_or("");
        w != "OR"
            && !(w.contains(':')
                && [
                    "date",
                    "within",
                    "place",
                    "country",
                    "participant",
                    "tag",
                    "near",
                    "bbox",
                    "id",
                    "sort",
                ]
                .iter()
                .any(|k| k.eq_ignore_ascii_case(key)))
    })
}

fn phrase() -> impl Strategy<Value = String> {
    "[a-z é()\\-:]{1,12}".prop_filter("not blank", |p| !p.trim().is_empty())
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-zé][A-Za-z é,.()-]{0,12}".prop_map(|s| s.trim().to_string())
}

fn date_range() -> impl Strategy<Value = DayRange> {
    // Whole years and months, days, and open ends, from parsed values.
    prop::sample::select(vec![
        "1960",
        "196X",
        "19XX",
        "-0043",
        "1950..1970",
        "..1453",
        "1950..",
        "..",
        "Y-66000000",
        "1960-01-19",
        "1960-02",
        "-0500..-0001",
        "0000",
        "1914-07-28..1918-11-11",
    ])
    .prop_map(|v| match parse(&format!("date:{v}")).map(|r| r.expr) {
        Ok(Expr::Filter(Filter::Date { range, .. })) => range,
        other => panic!("{v}: {other:?}"),
    })
}

fn filter() -> impl Strategy<Value = Filter> {
    prop_oneof![
        (date_range(), any::<bool>()).prop_map(|(range, within)| Filter::Date {
            range,
            mode: if within {
                DateMode::Within
            } else {
                DateMode::Overlap
            },
        }),
        name().prop_map(Filter::Place),
        name().prop_map(Filter::Country),
        name().prop_map(Filter::Participant),
        word().prop_map(Filter::Tag),
        word().prop_map(Filter::Id),
        (-90.0..=90.0f64, -180.0..=180.0f64, 0.001..=20040.0f64).prop_map(|(lat, lon, r)| {
            Filter::Near {
                lat,
                lon,
                radius_km: r,
            }
        }),
        (
            -90.0..=90.0f64,
            -90.0..=90.0f64,
            -180.0..=180.0f64,
            -180.0..=180.0f64
        )
            .prop_map(|(a, b, west, east)| Filter::Bbox {
                south: a.min(b),
                west,
                north: a.max(b),
                east
            }),
    ]
    .prop_filter("non-empty names", |f| match f {
        Filter::Place(s) | Filter::Country(s) | Filter::Participant(s) => !s.is_empty(),
        _ => true,
    })
}

fn tree() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        word().prop_map(Expr::Word),
        phrase().prop_map(Expr::Phrase),
        filter().prop_map(Expr::Filter),
    ];
    leaf.prop_recursive(6, 40, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Not(Box::new(e))),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::And),
            prop::collection::vec(inner, 2..4).prop_map(Expr::Or),
        ]
    })
}

/// The parser's normal form: nested And in And and Or in Or flattened.
fn normalise(e: Expr) -> Expr {
    match e {
        Expr::Not(x) => Expr::Not(Box::new(normalise(*x))),
        Expr::And(items) => {
            let mut out = Vec::new();
            for i in items.into_iter().map(normalise) {
                match i {
                    Expr::And(v) => out.extend(v),
                    x => out.push(x),
                }
            }
            Expr::And(out)
        }
        Expr::Or(items) => {
            let mut out = Vec::new();
            for i in items.into_iter().map(normalise) {
                match i {
                    Expr::Or(v) => out.extend(v),
                    x => out.push(x),
                }
            }
            Expr::Or(out)
        }
        x => x,
    }
}

fn clauses(e: &Expr) -> usize {
    match e {
        Expr::All => 0,
        Expr::Not(x) => clauses(x),
        Expr::And(v) | Expr::Or(v) => v.iter().map(clauses).sum(),
        _ => 1,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn trees_round_trip(
        e in tree(),
        sort in prop::option::of(prop::sample::select(vec![
            Sort::Relevance, Sort::DateAsc, Sort::DateDesc,
        ])),
    ) {
        let want = Request { expr: normalise(e), sort };
        let printed = want.to_string();
        let n = clauses(&want.expr) + usize::from(sort.is_some());
        if printed.len() <= MAX_QUERY_LEN && n <= MAX_CLAUSES && paren_depth(&printed) <= MAX_DEPTH {
            prop_assert_eq!(parse(&printed), Ok(want), "{}", printed);
        } else {
            prop_assert!(parse(&printed).is_err(), "{}", printed);
        }
    }
}

/// Inputs that the coverage-guided fuzzer (cargo-fuzz, libFuzzer) once failed on.
#[test]
fn fuzzer_findings() {
    for q in [
        // A single last day of a year of more than four digits: printed as `/Y-…`.
        "date:/Y-660000000045",
        // Open start and unknown end: no day at all (an error, not a range at -infinity).
        "date:..1950/\r\0\0\0\0\0\0\0.date:M2.",
    ] {
        check(q).unwrap();
    }
    assert!(parse("date:..1950/").is_err());
}
