//! What changed between two states of an event, field by field: the history page shows it, and
//! `annals history` prints it. Each field is compared as people read it (lists one item per
//! line); within a field, the lines that were removed and added are told apart.

use crate::{lines, Event};

/// One changed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name as the native JSON calls it ("title", "date", "places", ...).
    pub field: &'static str,
    /// Its lines before (empty when the field was empty).
    pub before: Vec<String>,
    /// Its lines after.
    pub after: Vec<String>,
}

/// A line of a field in a change, and whether it was kept, removed or added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// In both states.
    Kept(String),
    /// Only before.
    Removed(String),
    /// Only after.
    Added(String),
}

impl FieldChange {
    /// The lines of the field, before and after merged in order (a longest common subsequence
    /// of the two).
    pub fn lines(&self) -> Vec<Line> {
        let (a, b) = (&self.before, &self.after);
        let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                out.push(Line::Kept(a[i].clone()));
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
                // What went comes before what came, as diffs read.
                out.push(Line::Removed(a[i].clone()));
                i += 1;
            } else {
                out.push(Line::Added(b[j].clone()));
                j += 1;
            }
        }
        out
    }
}

/// The fields of an event as lines, in the order of the native JSON.
pub fn fields(e: &Event) -> Vec<(&'static str, Vec<String>)> {
    let one = |s: &str| -> Vec<String> {
        if s.is_empty() {
            Vec::new()
        } else {
            vec![s.to_string()]
        }
    };
    let date = {
        let mut d = vec![format!("EDTF {}", e.date.edtf)];
        if let Some(t) = &e.date.text {
            d.insert(0, t.clone());
        }
        if e.date.calendar != annals_dates::Calendar::Gregorian {
            d.push(format!("calendar: {}", e.date.calendar.name()));
        }
        d
    };
    vec![
        ("id", one(&e.id)),
        ("title", one(&e.title)),
        ("date", date),
        ("summary", one(&e.summary)),
        ("body", e.body.clone()),
        (
            "key_points",
            e.key_points.iter().map(lines::key_point).collect(),
        ),
        ("places", e.places.iter().map(lines::place).collect()),
        (
            "participants",
            e.participants.iter().map(lines::participant).collect(),
        ),
        ("sources", e.sources.iter().map(lines::source).collect()),
        ("related", e.related.iter().map(lines::relation).collect()),
        ("tags", e.tags.clone()),
        (
            "importance",
            e.importance
                .map(|i| vec![i.to_string()])
                .unwrap_or_default(),
        ),
        ("media", e.media.iter().map(lines::medium).collect()),
        ("lang", e.lang.iter().cloned().collect()),
        (
            "translations",
            lines::translations(&e.translations)
                .split("\n\n")
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
        ),
    ]
}

/// The fields that differ between two states (`None`: the event did not exist, or was
/// deleted, in that state).
pub fn diff(before: Option<&Event>, after: Option<&Event>) -> Vec<FieldChange> {
    let a = before.map(fields).unwrap_or_default();
    let b = after.map(fields).unwrap_or_default();
    let names: Vec<&'static str> =
        b.iter()
            .chain(a.iter())
            .map(|(n, _)| *n)
            .fold(Vec::new(), |mut v, n| {
                if !v.contains(&n) {
                    v.push(n);
                }
                v
            });
    let get = |side: &[(&'static str, Vec<String>)], name: &str| {
        side.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    names
        .into_iter()
        .filter_map(|field| {
            let (x, y) = (get(&a, field), get(&b, field));
            (x != y).then_some(FieldChange {
                field,
                before: x,
                after: y,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: &str) -> Event {
        serde_json::from_str::<crate::RawEvent>(json)
            .unwrap()
            .into_event(annals_dates::CalendarHint::Auto)
            .unwrap()
    }

    #[test]
    fn fields_that_changed() {
        let a = event(
            r#"{"title": "T", "date": "1900", "summary": "One.", "body": ["A.", "B.", "C."], "tags": ["x"]}"#,
        );
        let b = event(
            r#"{"title": "T", "date": "1901", "summary": "One.", "body": ["A.", "C.", "D."], "tags": ["x"]}"#,
        );
        let d = diff(Some(&a), Some(&b));
        let names: Vec<&str> = d.iter().map(|c| c.field).collect();
        assert_eq!(names, ["id", "date", "body"]);
        let body = d.iter().find(|c| c.field == "body").unwrap();
        assert_eq!(
            body.lines(),
            [
                Line::Kept("A.".into()),
                Line::Removed("B.".into()),
                Line::Kept("C.".into()),
                Line::Added("D.".into())
            ]
        );
        assert!(diff(Some(&a), Some(&a)).is_empty());
        let created = diff(None, Some(&a));
        assert!(created
            .iter()
            .any(|c| c.field == "title" && c.before.is_empty()));
    }
}
