//! Dates as infoboxes write them, read through annals-dates (so the Julian rule is the same as
//! everywhere: a day or month before 15 October 1582 is Julian unless marked).
//!
//! The rendered field (templates already turned into text) is narrowed to its first line with
//! a digit; notes in parentheses are dropped unless they mark the calendar; `[O.S. 28 August]`
//! becomes `(O.S. 28 August)` after the year; "(Julian calendar)" marks the date Old Style.
//! Anything annals-dates refuses after that is an error naming the text: never a guess.

use annals_dates::{CalendarHint, When};

/// Read an infobox date. The error is the text that could not be read.
pub fn read(rendered: &str, hint: CalendarHint) -> Result<When, String> {
    let line = rendered
        .split('\n')
        .map(|l| l.trim().trim_start_matches(['*', '#', ':']).trim())
        .find(|l| l.bytes().any(|c| c.is_ascii_digit()))
        .ok_or_else(|| rendered.trim().to_string())?;
    let text = normalise(line);
    if text.is_empty() {
        return Err(line.to_string());
    }
    let attempt = |text: &str| {
        When::from_text(text, hint).or_else(|e| {
            complete_range(text)
                .ok_or(e)
                .and_then(|t| When::from_text(&t, hint))
        })
    };
    if let (Err(_), Some(t)) = (attempt(&text), old_style_range(&text)) {
        if let Ok(w) = attempt(&t) {
            return Ok(w);
        }
    }
    match When::from_text(&text, hint) {
        Ok(w) => Ok(w),
        Err(e) => match complete_range(&text) {
            Some(t) => When::from_text(&t, hint).map_err(|_| line.to_string()),
            None => Err(if matches!(e, annals_dates::DateError::Invalid(_)) {
                format!("{line} ({e})")
            } else {
                line.to_string()
            }),
        },
    }
}

/// A range whose first half leaves out what the second says: "1 July – 18 November 1916"
/// becomes "1 July 1916 – 18 November 1916"; "December 21–27, 1968" becomes
/// "December 21, 1968 – December 27, 1968".
pub fn complete_range(text: &str) -> Option<String> {
    let (a, b) = ["–", "—", " to ", " - ", "-"]
        .iter()
        .find_map(|sep| text.split_once(sep))?;
    let (a, b) = (a.trim().trim_end_matches(','), b.trim());
    let words = |s: &str| -> Vec<String> {
        s.split([' ', ','])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let is_year = |w: &str| w.len() >= 3 && w.bytes().all(|c| c.is_ascii_digit());
    let is_month =
        |w: &str| annals_extract::lex::month(&w.to_lowercase()).is_some() && w.len() >= 3;
    let year_b: Vec<&String> = wb.iter().skip_while(|w| !is_year(w)).collect();
    if year_b.is_empty() || wa.iter().any(|w| is_year(w)) {
        return None;
    }
    let year = year_b
        .iter()
        .map(|w| w.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let month_a = wa.iter().find(|w| is_month(w));
    let month_b = wb.iter().find(|w| is_month(w));
    let day_b: Option<&String> = wb
        .iter()
        .take_while(|w| !is_year(w))
        .find(|w| w.bytes().all(|c| c.is_ascii_digit()));
    let left = format!("{} {year}", wa.join(" "));
    let right = match (month_b, month_a, day_b) {
        (Some(_), _, _) => b.to_string(),
        // "21–27, 1968" after "December": the second day takes the first's month.
        (None, Some(m), Some(d)) => format!("{m} {d} {year}"),
        _ => return None,
    };
    Some(format!("{left} – {right}"))
}

/// A range with its Old Style range after it ("7–8 November 1917 (O.S. 25–26 October)"):
/// the New Style range marked as such, since annals-dates checks the marker of a single day
/// only.
fn old_style_range(text: &str) -> Option<String> {
    let a = text.find("(O.S.")?;
    let b = text[a..].find(')')? + a;
    let marker = &text[a..=b];
    (marker.contains('–') || marker.contains('-'))
        .then(|| format!("{}(N.S.){}", &text[..a], &text[b + 1..]))
}

/// "… O.S. 27 June 1709": where the marker starts, the marker ("O.S. 27 June") and the year
/// after it, when the marker runs from "O.S." to a year that ends the text.
fn bare_old_style(s: &str) -> Option<(usize, String, String)> {
    let a = s
        .find("O.S. ")
        .filter(|&a| a > 0 && s[..a].ends_with(' '))?;
    let tail = s[a..].trim_end();
    let (inside, year) = tail.rsplit_once(' ')?;
    (year.len() >= 3 && year.bytes().all(|c| c.is_ascii_digit()))
        .then(|| (a, inside.trim().to_string(), year.to_string()))
}

/// The date without its notes, in a form annals-dates reads.
pub fn normalise(line: &str) -> String {
    let mut s = crate::text::tidy(line);
    // "8 September [O.S. 28 August] 1380" → "8 September 1380 (O.S. 28 August)".
    let mut marker = None;
    if let Some(a) = s.find('[') {
        if let Some(b) = s[a..].find(']').map(|b| a + b) {
            let inside = s[a + 1..b].trim().to_string();
            let upper = inside.to_ascii_uppercase();
            if upper.starts_with("O.S.") || upper.starts_with("N.S.") || upper.starts_with("OS ") {
                marker = Some(inside);
            }
            s.replace_range(a..=b, " ");
        }
    }
    // The same marker unbracketed: "8 July O.S. 27 June 1709" (the New Style date first).
    if marker.is_none() {
        if let Some((a, inside, year)) = bare_old_style(&s) {
            marker = Some(inside);
            s = format!("{} {year}", s[..a].trim_end());
        }
    }
    // Parenthesised notes: keep the calendar markers, drop the rest.
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(a) = rest.find('(') {
        out.push_str(&rest[..a]);
        let Some(b) = rest[a..].find(')').map(|b| a + b) else {
            rest = &rest[a..a];
            break;
        };
        let inside = rest[a + 1..b].trim();
        let lower = inside.to_ascii_lowercase();
        if lower.starts_with("o.s.")
            || lower.starts_with("n.s.")
            || lower == "os"
            || lower == "ns"
            || lower.starts_with("or ")
        {
            out.push_str(&rest[a..=b]);
        } else if lower.starts_with("julian") || lower == "old style" {
            out.push_str("(OS)");
        } else if lower.starts_with("gregorian") || lower == "new style" {
            out.push_str("(N.S.)");
        }
        rest = &rest[b + 1..];
    }
    out.push_str(rest);
    let mut t = out
        .replace(" UTC", "")
        .replace(" GMT", "")
        .replace('\u{2212}', "-");
    if let Some(m) = marker {
        t.push_str(&format!(" ({m})"));
    }
    let t = crate::text::tidy(&t);
    let t = t.trim_end_matches(['.', ',', ';', ':']).trim();
    let t = t
        .strip_prefix("On ")
        .or_else(|| t.strip_prefix("on "))
        .unwrap_or(t);
    t.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edtf(s: &str) -> String {
        read(s, CalendarHint::Auto)
            .map(|w| w.edtf)
            .unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn infobox_forms() {
        assert_eq!(edtf("14 October 1066"), "1066-10-20"); // Julian
        assert_eq!(
            edtf("April 19, 1775 – September 3, 1783\n(8 years)"),
            "1775-04-19/1783-09-03"
        );
        assert_eq!(edtf("1 July – 18 November 1916"), "1916-07-01/1916-11-18");
        assert_eq!(edtf("c. 1274 BC"), "-1273~");
        assert_eq!(edtf("218–201 BC"), "-0217/-0200");
        assert_eq!(edtf("March 15, 44 BC"), "-0043-03-13");
        assert_eq!(edtf("20 July 1969 (UTC)"), "1969-07-20");
        // An Old Style date that does not match is an error that says why, never a guess.
        assert!(edtf("8 September [O.S. 27 August] 1380").contains("does not match"));
        assert_eq!(edtf("8 September [O.S. 31 August] 1380"), "1380-09-08");
        assert_eq!(edtf("April 8, 1882 (O.S. 27 March)"), "1882-04-08");
        assert_eq!(edtf("25 October 1917 (Julian calendar)"), "1917-11-07");
        assert_eq!(edtf("December 21–27, 1968"), "1968-12-21/1968-12-27");
        // The Old Style marker unbracketed, as `[[Old Style and New Style dates|O.S. …]]` renders.
        assert_eq!(edtf("8 July O.S. 27 June 1709"), "1709-07-08");
        assert_eq!(
            edtf("7–8 November O.S. 25–26 October 1917"),
            "1917-11-07/1917-11-08"
        );
        assert_eq!(
            edtf("14 October – 25 December 1066"),
            "1066-10-20/1066-12-31"
        );
        assert!(edtf("Unknown").starts_with("ERR"));
        assert!(edtf("sometime in the spring").starts_with("ERR"));
    }
}
