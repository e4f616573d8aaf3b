//! Events as people read them on a terminal.

use annals_core::Event;
use std::fmt::Write;

/// "1 event", "2 events", "0 events": a count and its noun, singular or plural (nouns that take
/// an "s").
pub fn count(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// A verb of the present tense that agrees with a count: `agree(1, "match", "matches")`.
pub fn agree<'a>(n: impl Into<u64>, plural: &'a str, singular: &'a str) -> &'a str {
    if n.into() == 1 {
        singular
    } else {
        plural
    }
}

/// The date as people read it (the text as written, or the EDTF written out).
pub fn date_label(e: &Event) -> String {
    e.date.written()
}

/// `Washington, D.C., United States; Tokyo, Japan`.
pub fn places(e: &Event) -> String {
    e.places
        .iter()
        .map(|p| {
            if p.country.is_empty() {
                p.name.clone()
            } else {
                format!("{}, {}", p.name, p.country)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One line of `annals list`.
pub fn list_line(e: &Event) -> String {
    let mut line = format!("{:<28} {}", date_label(e), e.title);
    let at = places(e);
    if !at.is_empty() {
        let _ = write!(line, " — {at}");
    }
    let _ = write!(line, "  [{}]", e.id);
    line
}

/// The page of `annals show`.
pub fn page(e: &Event, related: &[(String, String, Option<Event>)]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", e.title);
    let _ = writeln!(s, "{}", e.date.written_with_calendar());
    let _ = writeln!(
        s,
        "EDTF {} (proleptic Gregorian): {} to {}",
        e.date.edtf, e.date.earliest, e.date.latest
    );
    let people: Vec<String> = e
        .participants
        .iter()
        .map(|p| match &p.role {
            Some(r) => format!("{} ({r})", p.name),
            None => p.name.clone(),
        })
        .collect();
    let _ = writeln!(s, "{} | {}", places(e), people.join(", "));
    let _ = writeln!(s, "\n{}", e.summary);
    for p in &e.body {
        let _ = writeln!(s, "\n{p}");
    }
    if !e.key_points.is_empty() {
        let _ = writeln!(s, "\nKey points");
        for k in &e.key_points {
            let _ = writeln!(s, "  - {}: {}", k.label, k.text);
        }
    }
    if !e.sources.is_empty() {
        // As the card format writes them: name <url> | accessed … | licence … | quote "…".
        let names: Vec<String> = e.sources.iter().map(annals_core::lines::source).collect();
        let _ = writeln!(s, "\nSources: {}", names.join("; "));
    }
    if !related.is_empty() {
        let _ = writeln!(s, "\nRelated");
        for (kind, id, other) in related {
            match other {
                Some(o) => {
                    let _ = writeln!(s, "  {kind}: {} on {}  [{}]", o.title, date_label(o), o.id);
                }
                None => {
                    let _ = writeln!(s, "  {kind}: {id} (not in the database)");
                }
            }
        }
    }
    if !e.tags.is_empty() {
        let _ = writeln!(s, "\nTags: {}", e.tags.join(", "));
    }
    let _ = write!(s, "\nid: {}", e.id);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree() {
        assert_eq!(count(1u64, "event"), "1 event");
        assert_eq!(count(0u64, "event"), "0 events");
        assert_eq!(count(2u32, "problem"), "2 problems");
        assert_eq!(agree(1u64, "match", "matches"), "matches");
        assert_eq!(agree(3u64, "match", "matches"), "match");
    }
}
