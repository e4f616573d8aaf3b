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

/// The width of the date column of `list`, `search`, `on-this-day`, `related` and `extract`.
pub const DATE_COLUMN: usize = 28;

/// A date in a column `width` characters wide, padded so that the titles after it line up. A
/// date too long for the column is written shorter: months abbreviated ("Nov 7, 1917 (O.S. 25
/// Oct)"), the year said once in a range of one year ("Oct 24 – 29, 1929"), and only then cut
/// with "…" (the whole date is on the event's page).
pub fn date_column(date: &str, width: usize) -> String {
    let fit = |s: &str| s.chars().count() <= width;
    let mut d = date.trim().to_string();
    if !fit(&d) {
        d = abbreviate_months(&d);
    }
    if !fit(&d) {
        d = one_year_range(&d);
    }
    if !fit(&d) {
        d = d.chars().take(width.saturating_sub(1)).collect::<String>();
        d = format!("{}…", d.trim_end());
    }
    format!("{d:<width$}")
}

/// "September 20, 1519 – September 6, 1522" as "Sep 20, 1519 – Sep 6, 1522".
fn abbreviate_months(date: &str) -> String {
    const MONTHS: [&str; 12] = annals_dates::day::MONTH_NAMES;
    date.split(' ')
        .map(|w| {
            let core = w.trim_end_matches([',', ')']);
            match MONTHS.iter().find(|m| **m == core) {
                Some(m) => format!("{}{}", &m[..3], &w[core.len()..]),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Oct 24, 1929 – Oct 29, 1929" as "Oct 24 – 29, 1929"; "Mar 12, 1930 – Apr 6, 1930" as
/// "Mar 12 – Apr 6, 1930". Other dates are returned as they are.
fn one_year_range(date: &str) -> String {
    let Some((a, b)) = date.split_once(" – ") else {
        return date.to_string();
    };
    let (Some((a_day, a_year)), Some((b_day, b_year))) = (a.rsplit_once(", "), b.rsplit_once(", "))
    else {
        return date.to_string();
    };
    if a_year != b_year {
        return date.to_string();
    }
    let b_day = match (a_day.split_once(' '), b_day.split_once(' ')) {
        (Some((am, _)), Some((bm, bd))) if am == bm => bd,
        _ => b_day,
    };
    format!("{a_day} – {b_day}, {b_year}")
}

/// One line of `annals list`.
pub fn list_line(e: &Event) -> String {
    let mut line = format!("{} {}", date_column(&date_label(e), DATE_COLUMN), e.title);
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
    fn long_dates_fit_the_column() {
        let col = |d: &str| date_column(d, DATE_COLUMN);
        assert_eq!(col("March 15, 44 BC"), format!("{:<28}", "March 15, 44 BC"));
        assert_eq!(
            col("November 7, 1917 (O.S. 25 October)").trim_end(),
            "Nov 7, 1917 (O.S. 25 Oct)"
        );
        assert_eq!(
            col("September 20, 1519 – September 6, 1522").trim_end(),
            "Sep 20, 1519 – Sep 6, 1522"
        );
        assert_eq!(
            col("March 12, 1930 – April 6, 1930").trim_end(),
            "Mar 12, 1930 – Apr 6, 1930"
        );
        assert_eq!(
            one_year_range("Oct 24, 1929 – Oct 29, 1929"),
            "Oct 24 – 29, 1929"
        );
        assert_eq!(
            one_year_range("Mar 12, 1930 – Apr 6, 1930"),
            "Mar 12 – Apr 6, 1930"
        );
        let long = col("between the spring of 1450 and the autumn of 1460 or so");
        assert_eq!(long.chars().count(), DATE_COLUMN);
        assert!(long.trim_end().ends_with('…'), "{long}");
        for d in [
            "November 7, 1917 (O.S. 25 October)",
            "August 22, 1791 – January 1, 1804",
            "September 12, 1666 (O.S. 2 September)",
            "Mayday",
        ] {
            assert_eq!(col(d).chars().count(), DATE_COLUMN, "{d}");
        }
    }

    #[test]
    fn counts_agree() {
        assert_eq!(count(1u64, "event"), "1 event");
        assert_eq!(count(0u64, "event"), "0 events");
        assert_eq!(count(2u32, "problem"), "2 problems");
        assert_eq!(agree(1u64, "match", "matches"), "matches");
        assert_eq!(agree(3u64, "match", "matches"), "match");
    }
}
