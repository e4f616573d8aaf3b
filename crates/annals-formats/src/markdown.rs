//! Markdown with YAML front matter (`docs/formats/markdown.md`): one event per file, for
//! keeping a timeline in git. The front matter holds the fields of the native JSON; the summary,
//! the narrative and the key points are the Markdown text below it:
//!
//! ```text
//! ---
//! id: treaty-of-mutual-cooperation-1960
//! title: "Treaty of Mutual Cooperation"
//! date: {"edtf": "1960-01-19", "text": "January 19, 1960"}
//! places:
//!   - {"name": "Washington, D.C.", "country": "United States"}
//! ---
//! The summary paragraph.
//!
//! A narrative paragraph.
//!
//! ## Key points
//!
//! - **Label:** the point.
//! ```
//!
//! Text that Markdown would not give back as written (a paragraph that starts like a heading or
//! a list, line breaks inside a paragraph, an empty summary) goes into the front matter instead,
//! so every event round-trips.

use crate::{FormatError, Incoming, Location, ReadOptions};
use annals_core::{Event, RawEvent};
use serde_json::{Map, Value};
use yaml_rust2::{Yaml, YamlLoader};

/// Longest front matter read, in bytes.
pub const MAX_FRONT_MATTER: usize = 256 * 1024;
/// Most YAML nodes a front matter may hold (anchors and aliases cannot blow it up).
const MAX_NODES: usize = 100_000;
const KEY_POINTS: &str = "## Key points";

/// Read the event of one Markdown file.
pub fn read(text: &str, opts: &ReadOptions) -> Result<Incoming, FormatError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(FormatError::at_line(
            1,
            "expected a front matter block starting with '---'",
        ));
    }
    let mut yaml = String::new();
    let mut end_line = None;
    let mut n = 1;
    for l in lines.by_ref() {
        n += 1;
        if l.trim_end() == "---" || l.trim_end() == "..." {
            end_line = Some(n);
            break;
        }
        yaml.push_str(l);
        if yaml.len() > MAX_FRONT_MATTER {
            return Err(FormatError::at_line(
                n,
                format!("front matter is longer than {MAX_FRONT_MATTER} bytes"),
            ));
        }
    }
    let Some(end_line) = end_line else {
        return Err(FormatError::at_line(
            n,
            "front matter is not closed: expected a line '---'",
        ));
    };
    let body: String = lines.collect();
    let docs = YamlLoader::load_from_str(&yaml).map_err(|e| {
        FormatError::at_line(
            e.marker().line() + 1,
            format!("front matter: {}: expected YAML", e.info()),
        )
    })?;
    let mut budget = MAX_NODES;
    let mut front = match docs.into_iter().next() {
        Some(y) => to_json(&y, &mut budget)
            .ok_or_else(|| FormatError::at_line(2, "front matter is too deeply nested or large"))?,
        None => Value::Object(Map::new()),
    };
    let Value::Object(map) = &mut front else {
        return Err(FormatError::at_line(
            2,
            "front matter: expected 'key: value' lines",
        ));
    };
    if let Some(d @ Value::Number(_)) = map.get_mut("date") {
        *d = Value::String(d.to_string());
    }
    let (summary, body, key_points) = text_parts(&body);
    if !map.contains_key("summary") && !summary.is_empty() {
        map.insert("summary".into(), Value::String(summary));
    }
    if !map.contains_key("body") && !body.is_empty() {
        map.insert(
            "body".into(),
            Value::Array(body.into_iter().map(Value::String).collect()),
        );
    }
    if !map.contains_key("key_points") && !key_points.is_empty() {
        let kp = key_points
            .into_iter()
            .map(|(l, t)| {
                let mut m = Map::new();
                m.insert("label".into(), Value::String(l));
                m.insert("text".into(), Value::String(t));
                Value::Object(m)
            })
            .collect();
        map.insert("key_points".into(), Value::Array(kp));
    }
    let raw: RawEvent = serde_json::from_value(front)
        .map_err(|e| FormatError::at_line(2, format!("front matter: {e}")))?;
    let event = raw
        .into_event(opts.calendar)
        .map_err(|e| FormatError::at_line(2, e.to_string()))?;
    let _ = end_line;
    Ok(Incoming {
        event,
        stub: false,
        location: Location::Line(1),
    })
}

fn to_json(y: &Yaml, budget: &mut usize) -> Option<Value> {
    *budget = budget.checked_sub(1)?;
    Some(match y {
        Yaml::Real(s) => s
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(s.clone()), Value::Number),
        Yaml::Integer(i) => Value::Number((*i).into()),
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(a) => Value::Array(
            a.iter()
                .map(|v| to_json(v, budget))
                .collect::<Option<Vec<_>>>()?,
        ),
        Yaml::Hash(h) => {
            let mut m = Map::new();
            for (k, v) in h {
                let key = match k {
                    Yaml::String(s) | Yaml::Real(s) => s.clone(),
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    _ => return None,
                };
                m.insert(key, to_json(v, budget)?);
            }
            Value::Object(m)
        }
        Yaml::Null | Yaml::BadValue | Yaml::Alias(_) => Value::Null,
    })
}

/// The summary, narrative paragraphs and key points of the Markdown text.
fn text_parts(body: &str) -> (String, Vec<String>, Vec<(String, String)>) {
    let mut paras: Vec<String> = Vec::new();
    let mut points = Vec::new();
    let mut cur = String::new();
    let mut in_points = false;
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        if !cur.is_empty() {
            paras.push(std::mem::take(cur));
        }
    };
    for line in body.lines() {
        let t = line.trim();
        if t.eq_ignore_ascii_case(KEY_POINTS) {
            flush(&mut cur, &mut paras);
            in_points = true;
            continue;
        }
        if in_points {
            if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
                points.push(key_point(item));
                continue;
            }
            if t.is_empty() {
                continue;
            }
            if t.starts_with("## ") {
                in_points = false;
            } else if let Some(last) = points.last_mut() {
                // A continuation line of the last item.
                last.1.push(' ');
                last.1.push_str(t);
                continue;
            }
        }
        if t.is_empty() {
            flush(&mut cur, &mut paras);
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(t);
        }
    }
    flush(&mut cur, &mut paras);
    let mut it = paras.into_iter();
    let summary = it.next().unwrap_or_default();
    (summary, it.collect(), points)
}

fn key_point(item: &str) -> (String, String) {
    if let Some(rest) = item.strip_prefix("**") {
        if let Some((label, text)) = rest.split_once(":**") {
            return (label.trim().to_string(), text.trim().to_string());
        }
        if let Some((label, text)) = rest.split_once("**:") {
            return (label.trim().to_string(), text.trim().to_string());
        }
    }
    match item.split_once(": ") {
        Some((l, t)) => (l.trim().to_string(), t.trim().to_string()),
        None => (String::new(), item.trim().to_string()),
    }
}

/// Whether a paragraph reads back from Markdown exactly as written.
fn plain_paragraph(p: &str) -> bool {
    let starts_block = p.starts_with(['#', '-', '*', '>', '`', '|', '+', '=', '<'])
        || p.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    !p.is_empty()
        && !p.contains('\n')
        && p.trim() == p
        && !p.contains("  ")
        && !starts_block
        && !p.eq_ignore_ascii_case(KEY_POINTS)
}

/// The Markdown file of an event.
pub fn write(e: &Event) -> String {
    let mut front = Map::new();
    let json = serde_json::to_value(e).unwrap_or_default();
    let text_fits = plain_paragraph(&e.summary) && e.body.iter().all(|p| plain_paragraph(p));
    let points_fit = e.key_points.iter().all(|k| {
        !k.label.is_empty()
            && !k.label.contains(['*', ':', '\n'])
            && k.label.trim() == k.label
            && plain_paragraph(&k.text)
    });
    let compact: Value = serde_json::from_str(&annals_core::to_compact_json(e)).unwrap_or_default();
    if let Value::Object(m) = compact {
        for (k, v) in m {
            let in_text =
                (text_fits && (k == "summary" || k == "body")) || (points_fit && k == "key_points");
            if !in_text {
                front.insert(k, v);
            }
        }
    }
    let _ = json;
    let mut out = String::from("---\n");
    for (k, v) in &front {
        match v {
            Value::Array(items) if !items.is_empty() && k != "tags" => {
                out.push_str(&format!("{k}:\n"));
                for i in items {
                    out.push_str(&format!("  - {i}\n"));
                }
            }
            Value::String(s) if k == "id" => out.push_str(&format!("{k}: {s}\n")),
            v => out.push_str(&format!("{k}: {v}\n")),
        }
    }
    out.push_str("---\n");
    if text_fits {
        out.push_str(&e.summary);
        out.push('\n');
        for p in &e.body {
            out.push('\n');
            out.push_str(p);
            out.push('\n');
        }
    }
    if points_fit && !e.key_points.is_empty() {
        out.push_str(&format!("\n{KEY_POINTS}\n\n"));
        for k in &e.key_points {
            out.push_str(&format!("- **{}:** {}\n", k.label, k.text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(json: &str) -> Event {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn round_trip_and_hand_written() {
        for json in [
            r#"{"title": "Treaty", "date": {"text": "January 19, 1960"}, "summary": "Signed.", "body": ["One.", "Two: three."], "key_points": [{"label": "Alliance", "text": "It lasted."}], "places": [{"name": "Washington, D.C.", "country": "United States", "lat": 38.9, "lon": -77.0}], "tags": ["treaty", "1960s"], "importance": 3}"#,
            r##"{"title": "Odd", "date": "-0043-03-13", "summary": "", "body": ["# not a heading", "- not a list"]}"##,
            r#"{"title": "Caesar", "date": {"text": "March 15, 44 BC"}, "summary": "A", "key_points": [{"label": "a: b", "text": "x"}]}"#,
        ] {
            let e = ev(json);
            let md = write(&e);
            let back =
                read(&md, &ReadOptions::default()).unwrap_or_else(|err| panic!("{md}\n{err}"));
            assert_eq!(back.event, e, "{md}");
        }
        let hand = "---\ntitle: Fall of Constantinople\ndate: 1453-05-29\ntags: [siege]\nplaces:\n  - name: Constantinople\n    country: Byzantine Empire\n---\nThe city fell\nafter a long siege.\n\n## Key points\n\n- **End of an empire:** the Byzantine state ended.\n";
        let e = read(hand, &ReadOptions::default()).unwrap().event;
        assert_eq!(e.summary, "The city fell after a long siege.");
        assert_eq!(e.key_points[0].label, "End of an empire");
        assert_eq!(e.places[0].country, "Byzantine Empire");
        let y = read("---\ntitle: A\ndate: 1960\n---\n", &ReadOptions::default()).unwrap();
        assert_eq!(y.event.date.edtf, "1960");
        for (bad, line) in [
            ("no front matter", 1),
            ("---\ntitle: A\n", 2),
            ("---\ntitle: [\n---\n", 3),
            ("---\ntitle: A\ncolour: 1\ndate: 1960\n---\n", 2),
            ("---\n- a\n---\n", 2),
        ] {
            let err = read(bad, &ReadOptions::default()).unwrap_err();
            assert_eq!(err.location, Location::Line(line), "{bad}: {err}");
        }
        let laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\n";
        assert!(read(laughs, &ReadOptions::default()).is_err());
    }
}
