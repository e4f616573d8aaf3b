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
use std::collections::HashMap;
use yaml_rust2::parser::{Event as YamlEvent, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};
use yaml_rust2::Yaml;

/// Longest front matter read, in bytes.
pub const MAX_FRONT_MATTER: usize = 256 * 1024;
/// Deepest nesting of lists and maps in a front matter (an event's fields need three levels).
const MAX_DEPTH: usize = 64;
/// How much a front matter may hold with its aliases expanded: one unit per node and one per
/// byte of text, so that anchors and aliases ("billion laughs") cannot blow it up.
const MAX_SIZE: usize = 4 * MAX_FRONT_MATTER;
const KEY_POINTS: &str = "## Key points";

/// Read the event of one Markdown file.
pub fn read(text: &str, opts: &ReadOptions) -> Result<Incoming, FormatError> {
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
    let mut front = front_matter(&yaml)?.unwrap_or_else(|| Value::Object(Map::new()));
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
    let (event, named) = crate::json::record(raw, opts).map_err(|e| FormatError::at_line(2, e))?;
    let _ = end_line;
    Ok(Incoming {
        event,
        stub: false,
        named,
        location: Location::Line(1),
    })
}

/// A list or map being read.
enum Open {
    List(Vec<Value>),
    /// The map and, between a key and its value, the key.
    Map(Map<String, Value>, Option<String>),
}

/// A list or map being read, with its anchor and its size so far (see [`MAX_SIZE`]).
struct Frame {
    open: Open,
    anchor: usize,
    size: usize,
}

/// The first YAML document of a front matter as JSON (`None` for no document).
///
/// yaml-rust2's own loader recurses once per level of nesting (a stack overflow on
/// `- - - - ...`) and copies every alias in full, so this builds the value from the parser's
/// events with a stack of its own, at most [`MAX_DEPTH`] deep and [`MAX_SIZE`] large.
fn front_matter(yaml: &str) -> Result<Option<Value>, FormatError> {
    // The front matter starts on the file's line 2; the parser counts lines from 1.
    let at = |mark: &Marker, what: String| {
        FormatError::at_line(mark.line() + 1, format!("front matter: {what}"))
    };
    let too_large = |mark: &Marker| {
        at(
            mark,
            format!("holds more than {MAX_SIZE} nodes and bytes with its aliases expanded"),
        )
    };
    let mut parser = Parser::new_from_str(yaml);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Value, usize)> = HashMap::new();
    let mut budget = MAX_SIZE;
    let mut first = None;
    loop {
        let (event, mark) = parser
            .next_token()
            .map_err(|e| at(e.marker(), format!("{}: expected YAML", e.info())))?;
        let (value, size, anchor) = match event {
            YamlEvent::StreamEnd => return Ok(first),
            YamlEvent::SequenceStart(anchor, _) | YamlEvent::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(at(
                        &mark,
                        format!("lists and maps nested more than {MAX_DEPTH} deep"),
                    ));
                }
                budget = budget.checked_sub(1).ok_or_else(|| too_large(&mark))?;
                let open = if matches!(event, YamlEvent::SequenceStart(..)) {
                    Open::List(Vec::new())
                } else {
                    Open::Map(Map::new(), None)
                };
                stack.push(Frame {
                    open,
                    anchor,
                    size: 1,
                });
                continue;
            }
            YamlEvent::SequenceEnd | YamlEvent::MappingEnd => {
                let Some(frame) = stack.pop() else {
                    continue;
                };
                let value = match frame.open {
                    Open::List(items) => Value::Array(items),
                    Open::Map(map, _) => Value::Object(map),
                };
                (value, frame.size, frame.anchor)
            }
            YamlEvent::Scalar(text, style, anchor, tag) => {
                let size = 1 + text.len();
                budget = budget.checked_sub(size).ok_or_else(|| too_large(&mark))?;
                (scalar(text, style, tag), size, anchor)
            }
            YamlEvent::Alias(id) => match anchors.get(&id) {
                Some((value, size)) => {
                    budget = budget.checked_sub(*size).ok_or_else(|| too_large(&mark))?;
                    (value.clone(), *size, 0)
                }
                None => (Value::Null, 1, 0),
            },
            YamlEvent::Nothing
            | YamlEvent::StreamStart
            | YamlEvent::DocumentStart
            | YamlEvent::DocumentEnd => continue,
        };
        if anchor > 0 {
            // The anchor keeps a copy.
            budget = budget.checked_sub(size).ok_or_else(|| too_large(&mark))?;
            anchors.insert(anchor, (value.clone(), size));
        }
        let Some(parent) = stack.last_mut() else {
            // A document; the ones after the first are only checked.
            first.get_or_insert(value);
            continue;
        };
        parent.size += size;
        match &mut parent.open {
            Open::List(items) => items.push(value),
            Open::Map(_, key @ None) => {
                *key = Some(match value {
                    Value::String(s) => s,
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => {
                        return Err(at(
                            &mark,
                            "a key must be a string, a number or true/false".into(),
                        ))
                    }
                });
            }
            Open::Map(map, key) => {
                let k = key.take().unwrap_or_default();
                if map.contains_key(&k) {
                    return Err(at(&mark, format!("{k:?}: duplicated key in mapping")));
                }
                map.insert(k, value);
            }
        }
    }
}

/// The JSON of a scalar, typed as yaml-rust2's loader types it.
fn scalar(text: String, style: TScalarStyle, tag: Option<Tag>) -> Value {
    let yaml = match tag {
        _ if style != TScalarStyle::Plain => Yaml::String(text),
        Some(Tag { handle, suffix }) if handle == "tag:yaml.org,2002:" => match suffix.as_str() {
            "bool" => match text.as_str() {
                "true" | "True" | "TRUE" => Yaml::Boolean(true),
                "false" | "False" | "FALSE" => Yaml::Boolean(false),
                _ => Yaml::BadValue,
            },
            "int" => text.parse::<i64>().map_or(Yaml::BadValue, Yaml::Integer),
            "float" => match Yaml::from_str(&text) {
                Yaml::Real(_) | Yaml::Integer(_) => Yaml::Real(text),
                _ => Yaml::BadValue,
            },
            "null" => match text.as_str() {
                "~" | "null" => Yaml::Null,
                _ => Yaml::BadValue,
            },
            _ => Yaml::String(text),
        },
        Some(_) => Yaml::String(text),
        None => Yaml::from_str(&text),
    };
    match yaml {
        Yaml::Real(s) => s
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(s), Value::Number),
        Yaml::Integer(i) => Value::Number(i.into()),
        Yaml::String(s) => Value::String(s),
        Yaml::Boolean(b) => Value::Bool(b),
        _ => Value::Null,
    }
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

    /// Inputs that crashed the `markdown` fuzz target (`fuzz/regressions/markdown/`): nesting
    /// that overflowed the stack in yaml-rust2's recursive loader, and aliases that its loader
    /// copied out to gigabytes. Each is now a located error.
    #[test]
    fn deep_and_exploding_front_matter() {
        let err = |md: &str| read(md, &ReadOptions::default()).unwrap_err();
        let deep = format!("---\ntitle: A\nx:\n{}a\n---\n", "- ".repeat(30_000));
        let e = err(&deep);
        assert_eq!(e.location, Location::Line(4), "{e}");
        assert!(e.message.contains("nested more than"), "{e}");
        let flow = format!("---\nx: {}\n---\n", "[".repeat(30_000));
        assert_eq!(err(&flow).location, Location::Line(2));
        let mut laughs = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            laughs.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        laughs.push_str("---\n");
        let e = err(&laughs);
        assert!(e.message.contains("aliases expanded"), "{e}");
        assert!(matches!(e.location, Location::Line(2..=11)), "{e}");
        // Nesting within the limit, aliases and tags still read.
        let ok = "---\ntitle: !!str A\ndate: &d 1960\nsummary: [[[[x]]]]\n---\n";
        assert!(read(ok, &ReadOptions::default()).is_err()); // summary must be text
        let ok = "---\ntitle: &t A\nsummary: *t\ndate: !!int 1960\ntags: [[a], b]\n---\n";
        assert!(read(ok, &ReadOptions::default()).is_err()); // tags must be text
        let ok = "---\ntitle: &t A\nsummary: *t\ndate: !!int 1960\n---\n";
        let e = read(ok, &ReadOptions::default()).unwrap().event;
        assert_eq!((e.title.as_str(), e.summary.as_str()), ("A", "A"));
        assert_eq!(e.date.edtf, "1960");
        let dup = err("---\ntitle: A\ntitle: B\ndate: 1960\n---\n");
        assert_eq!(dup.location, Location::Line(3), "{dup}");
        let key = err("---\n[a]: b\n---\n");
        assert_eq!(key.location, Location::Line(2), "{key}");
    }
}
