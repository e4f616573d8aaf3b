//! Stable event ids: a slug of the title and the year, so that importing the same record twice
//! updates it instead of duplicating it.

use annals_dates::When;

/// Longest slug taken from a title, in bytes (cut at a word boundary).
const MAX_TITLE_SLUG: usize = 80;

/// The id of an event with this title and date: `treaty-of-versailles-1919`, `battle-of-marathon-490-bc`.
/// Events without a known year (open or unknown dates) get the title slug alone.
pub fn event_id(title: &str, date: &When) -> String {
    let mut id = slug(title);
    if let Some(year) = date.start_year() {
        if !id.is_empty() {
            id.push('-');
        }
        let latest = date.latest.day().map_or(year, |d| d.ymd().year);
        if latest <= -1_000_000 {
            // Deep time: millions of years ago, as the latest year of the span says it.
            id.push_str(&format!(
                "{}-ma",
                (latest.unsigned_abs() + 500_000) / 1_000_000
            ));
        } else if year <= 0 {
            id.push_str(&format!("{}-bc", 1 - i128::from(year)));
        } else {
            id.push_str(&year.to_string());
        }
    }
    if id.is_empty() {
        id.push_str("event");
    }
    id
}

/// Lowercase ASCII words joined by `-`; accents folded, other characters dropped.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in text.chars() {
        let folded = fold(c);
        if folded.is_empty() {
            if c == '\'' || c == '\u{2019}' {
                continue; // "Japan's" → "japans"
            }
            pending_dash = !out.is_empty();
            continue;
        }
        if pending_dash {
            if out.len() >= MAX_TITLE_SLUG {
                break;
            }
            out.push('-');
            pending_dash = false;
        }
        out.push_str(folded);
    }
    out
}

/// A character as lowercase ASCII letters or digits; empty for separators.
pub(crate) fn fold(c: char) -> &'static str {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    let lower = c.to_ascii_lowercase();
    if lower.is_ascii_digit() {
        return ASCII[(lower as u8 - b'0') as usize];
    }
    if lower.is_ascii_lowercase() {
        return ASCII[(lower as u8 - b'a' + 10) as usize];
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_dates::{CalendarHint, When};

    fn when(t: &str) -> When {
        When::from_text(t, CalendarHint::Auto).unwrap()
    }

    #[test]
    fn ids() {
        assert_eq!(
            event_id("Establishment of NATO", &when("April 4, 1949")),
            "establishment-of-nato-1949"
        );
        assert_eq!(
            event_id("Assassination of Julius Caesar", &when("March 15, 44 BC")),
            "assassination-of-julius-caesar-44-bc"
        );
        assert_eq!(
            event_id("Formation of the Earth", &when("4.54 billion years ago")),
            "formation-of-the-earth-4540-ma"
        );
        assert_eq!(
            event_id("Battle of Ōkehazama", &when("1560")),
            "battle-of-okehazama-1560"
        );
        assert_eq!(
            event_id("Japan's surrender", &when("1945")),
            "japans-surrender-1945"
        );
        assert_eq!(event_id("???", &when("1945")), "1945");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let long = "word ".repeat(40);
        let s = slug(&long);
        assert!(s.len() <= MAX_TITLE_SLUG + 5, "{s}");
        assert!(!s.ends_with('-'));
    }
}
