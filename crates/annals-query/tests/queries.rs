//! The public API against `docs/query.md`: every query in a ```query block parses (and prints
//! canonically), every query in a ```query-error block fails, and every row of the error table
//! gives the documented offset and message. Plus the worked examples, checked tree by tree.

use annals_dates::When;
use annals_query::{parse, DateMode, DayRange, Expr, Filter, Request, Sort};

const DOC: &str = include_str!("../../../docs/query.md");

/// The lines of every fenced block whose info string is `lang`.
fn blocks(lang: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in DOC.lines() {
        if let Some(info) = line.strip_prefix("```") {
            inside = !inside && info.trim() == lang;
            continue;
        }
        if inside && !line.trim().is_empty() {
            out.push(line);
        }
    }
    out
}

#[test]
fn documented_queries_parse() {
    let queries = blocks("query");
    assert!(queries.len() > 50, "found only {} queries", queries.len());
    for q in queries {
        let r = parse(q).unwrap_or_else(|e| panic!("{q:?}: {e}"));
        let printed = r.to_string();
        assert_eq!(
            parse(&printed).as_ref(),
            Ok(&r),
            "{q:?} printed as {printed:?}"
        );
    }
}

#[test]
fn documented_errors_fail() {
    let queries = blocks("query-error");
    assert!(!queries.is_empty());
    for q in queries {
        assert!(parse(q).is_err(), "{q:?} parsed");
    }
}

/// The cell's text without its backticks, if the whole cell is one code span.
fn code(cell: &str) -> Option<&str> {
    cell.trim().strip_prefix('`')?.strip_suffix('`')
}

#[test]
fn error_table_is_accurate() {
    let start = DOC
        .find("| query | offset | message |")
        .expect("error table");
    let mut rows = 0;
    for line in DOC[start..].lines().skip(2) {
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        let [query, offset, message] = cells[..] else {
            panic!("bad row {line:?}");
        };
        let message = code(message).unwrap_or_else(|| panic!("{line}"));
        let offset: usize = offset
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{line}"));
        let query = match code(query) {
            Some(q) => q.to_string(),
            None if query.contains("4 KB") => "x ".repeat(2048),
            None if query.contains("65 one-letter words") => vec!["w"; 65].join(" "),
            None if query.contains("17 nested") => format!("{}a", "(".repeat(17)),
            None => panic!("unknown row {line:?}"),
        };
        let e = parse(&query).expect_err(&query);
        assert_eq!(e.offset, offset, "{query:?}: {e}");
        // "…" in the table stands for part of the message.
        let said = e.problem.to_string();
        let mut parts = message.split('…');
        let first = parts.next().unwrap_or_default();
        assert!(
            said.starts_with(first),
            "{query:?}: {said:?} vs {message:?}"
        );
        for part in parts {
            assert!(
                said.contains(part.trim()),
                "{query:?}: {said:?} vs {message:?}"
            );
        }
        if !message.contains('…') {
            assert_eq!(said, message, "{query:?}");
        }
        rows += 1;
    }
    assert!(rows >= 25, "{rows} rows");
}

#[test]
fn error_display() {
    let e = parse("war (peace OR treaty").unwrap_err();
    assert_eq!(
        e.to_string(),
        "query error at character 20: expected ')' to close the '(' at character 4"
    );
    let e = parse("1914 - 1918").unwrap_err();
    assert_eq!(e.offset, 5);
}

fn days(edtf: &str) -> (i64, i64) {
    When::from_edtf(edtf).unwrap().axis_range()
}

fn w(s: &str) -> Expr {
    Expr::Word(s.into())
}

#[test]
fn worked_example_japan() {
    let r = parse("treaty country:Japan date:1950..1970 near:35.68,139.69,300km").unwrap();
    assert_eq!(
        r,
        Request {
            expr: Expr::And(vec![
                w("treaty"),
                Expr::Filter(Filter::Country("Japan".into())),
                Expr::Filter(Filter::Date {
                    range: DayRange {
                        lo: days("1950").0,
                        hi: days("1970").1
                    },
                    mode: DateMode::Overlap
                }),
                Expr::Filter(Filter::Near {
                    lat: 35.68,
                    lon: 139.69,
                    radius_km: 300.0
                }),
            ]),
            sort: None,
        }
    );
    assert_eq!(
        r.to_string(),
        "treaty country:Japan date:1950..1970 near:35.68,139.69,300km"
    );
}

#[test]
fn worked_example_constantinople() {
    let r = parse("Constantinople -crusade date:..1453").unwrap();
    assert_eq!(
        r.expr,
        Expr::And(vec![
            w("Constantinople"),
            Expr::Not(Box::new(w("crusade"))),
            Expr::Filter(Filter::Date {
                range: DayRange {
                    lo: i64::MIN,
                    hi: days("1453").1
                },
                mode: DateMode::Overlap
            }),
        ])
    );
    assert_eq!(r.to_string(), "Constantinople -crusade date:..1453");
}

#[test]
fn worked_example_phrases() {
    let r = parse("\"mutual security\" OR \"mutual defense\"").unwrap();
    assert_eq!(
        r.expr,
        Expr::Or(vec![
            Expr::Phrase("mutual security".into()),
            Expr::Phrase("mutual defense".into())
        ])
    );
    assert_eq!(r.to_string(), "\"mutual security\" OR \"mutual defense\"");
}

#[test]
fn the_crate_doc_example() {
    let r = parse(
        "treaty -nato \"mutual security\" (Japan OR Korea) date:1950..1970 near:35.68,139.69,300km sort:-date",
    )
    .unwrap();
    assert_eq!(r.sort, Some(Sort::DateDesc));
    let Expr::And(items) = &r.expr else {
        panic!("{:?}", r.expr)
    };
    assert_eq!(items.len(), 6);
    assert_eq!(items[1], Expr::Not(Box::new(w("nato"))));
    assert_eq!(items[3], Expr::Or(vec![w("Japan"), w("Korea")]));
}

#[test]
fn only_exclusions_and_only_filters() {
    assert_eq!(
        parse("-crusade").unwrap().expr,
        Expr::Not(Box::new(w("crusade")))
    );
    assert_eq!(
        parse("-a -b").unwrap().expr,
        Expr::And(vec![
            Expr::Not(Box::new(w("a"))),
            Expr::Not(Box::new(w("b")))
        ])
    );
    assert_eq!(
        parse("tag:treaty").unwrap().expr,
        Expr::Filter(Filter::Tag("treaty".into()))
    );
    assert_eq!(
        parse("sort:date").unwrap(),
        Request {
            expr: Expr::All,
            sort: Some(Sort::DateAsc)
        }
    );
}

#[test]
fn pathological_inputs_are_quick_errors_or_parses() {
    let cases = [
        "(".repeat(2048),
        ")".repeat(2048),
        "\"".repeat(2047),
        "-".repeat(2048),
        "a OR ".repeat(409),
        "-(".repeat(1024),
        "date:".repeat(409),
        "x".repeat(2048),
        format!("date:\"{}\"", "9".repeat(2000)),
        format!("date:{}", "9".repeat(2000)),
        format!("near:{},0,1km", "1".repeat(2000)),
        format!("near:0.{},0,1km", "0".repeat(2000)),
        format!("\"{}", "a ".repeat(1000)),
        "東".repeat(682),
        "é".repeat(1024),
    ];
    let start = std::time::Instant::now();
    for q in &cases {
        assert!(q.len() <= 2048, "{}", q.len());
        if let Err(e) = parse(q) {
            assert!(e.offset <= q.chars().count());
        }
    }
    // Generous: a debug build parses all of these in a few milliseconds.
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}
