//! How likely two records are one event recorded twice (`docs/curation.md`, duplicates): a
//! score from 0 to 1 and the reasons, for people to review. Dates must overlap; then titles
//! weigh most (compared by letter triples, so "Battle of Hastings" and "Hastings, Battle of"
//! or a typo stay alike), then summaries, places and participants. A place in another
//! country, or titles with nothing in common, count against.

use crate::{Event, Place};
use std::collections::HashSet;

/// Words too common in titles and summaries to say two records are alike.
const COMMON: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or",
    "the", "to", "was", "were", "with", "as", "that", "this", "which", "after", "his", "her",
    "their", "he", "she", "they",
];

/// Why two records look alike. Written in English (`same date`, `titles alike (92 %)`, `same
/// place: Battle`) and kept so in the store, joined by `; `; [`Reason::read`] reads one back,
/// for a page to say it in its reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The same EDTF date.
    SameDate,
    /// Dates that overlap.
    OverlappingDates,
    /// Titles this alike, in percent.
    TitlesAlike(u8),
    /// Summaries this alike, in percent.
    SummariesAlike(u8),
    /// A place both name.
    SamePlace(String),
    /// The participants both name, joined by ", ".
    SharedParticipants(String),
}

impl Reason {
    /// The reasons as stored: `same date; titles alike (92 %)`.
    pub fn joined(reasons: &[Reason]) -> String {
        let said: Vec<String> = reasons.iter().map(Reason::to_string).collect();
        said.join("; ")
    }

    /// A reason as written by [`Display`](std::fmt::Display) (`None`: not one).
    pub fn read(s: &str) -> Option<Reason> {
        let percent = |rest: &str| rest.strip_suffix(" %)")?.parse::<u8>().ok();
        match s {
            "same date" => Some(Reason::SameDate),
            "overlapping dates" => Some(Reason::OverlappingDates),
            _ => {
                if let Some(rest) = s.strip_prefix("titles alike (") {
                    percent(rest).map(Reason::TitlesAlike)
                } else if let Some(rest) = s.strip_prefix("summaries alike (") {
                    percent(rest).map(Reason::SummariesAlike)
                } else if let Some(rest) = s.strip_prefix("same place: ") {
                    Some(Reason::SamePlace(rest.to_string()))
                } else {
                    s.strip_prefix("shared participants: ")
                        .map(|rest| Reason::SharedParticipants(rest.to_string()))
                }
            }
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::SameDate => f.write_str("same date"),
            Reason::OverlappingDates => f.write_str("overlapping dates"),
            Reason::TitlesAlike(p) => write!(f, "titles alike ({p} %)"),
            Reason::SummariesAlike(p) => write!(f, "summaries alike ({p} %)"),
            Reason::SamePlace(name) => write!(f, "same place: {name}"),
            Reason::SharedParticipants(names) => write!(f, "shared participants: {names}"),
        }
    }
}

/// A likeness in whole percent.
fn percent(x: f64) -> u8 {
    (x * 100.0).round().clamp(0.0, 100.0) as u8
}

/// Places closer than this are one place, in kilometres.
const SAME_PLACE_KM: f64 = 50.0;

/// The lowercase ASCII words of a text, without the most common ones.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().chain([' ']) {
        let folded = crate::id::fold(c);
        if folded.is_empty() {
            if c == '\'' || c == '\u{2019}' {
                continue;
            }
            if !word.is_empty() && !COMMON.contains(&word.as_str()) {
                out.push(std::mem::take(&mut word));
            }
            word.clear();
        } else {
            word.push_str(folded);
        }
    }
    out
}

/// Dice's coefficient of the letter triples of two texts' words (0 to 1).
fn trigram_likeness(a: &str, b: &str) -> f64 {
    let grams = |t: &str| -> HashSet<String> {
        let mut set = HashSet::new();
        for w in words(t) {
            let padded: Vec<char> = format!("  {w} ").chars().collect();
            for g in padded.windows(3) {
                set.insert(g.iter().collect());
            }
        }
        set
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    2.0 * ga.intersection(&gb).count() as f64 / (ga.len() + gb.len()) as f64
}

/// The share of distinct words two texts have in common (Jaccard, 0 to 1).
fn word_likeness(a: &str, b: &str) -> f64 {
    let (wa, wb): (HashSet<String>, HashSet<String>) = (
        words(a).into_iter().collect(),
        words(b).into_iter().collect(),
    );
    let union = wa.union(&wb).count();
    if union == 0 {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / union as f64
}

/// Great-circle distance in kilometres.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Whether two places are one: the same name and country, or close on the map.
fn same_place(a: &Place, b: &Place) -> bool {
    let near = match (a.lat.zip(a.lon), b.lat.zip(b.lon)) {
        (Some(x), Some(y)) => km(x, y) <= SAME_PLACE_KM,
        _ => false,
    };
    near || (words(&a.name) == words(&b.name)
        && (a.country.is_empty() || b.country.is_empty() || a.country == b.country))
}

/// How alike two records are, from 0 to 1, and why; `None` when their dates do not overlap
/// (then they are not one event, whatever their words).
pub fn likeness(a: &Event, b: &Event) -> Option<(f64, Vec<Reason>)> {
    let (alo, ahi) = a.date.axis_range();
    let (blo, bhi) = b.date.axis_range();
    if alo > bhi || blo > ahi {
        return None;
    }
    let mut reasons = Vec::new();
    let mut score = 0.0;
    if a.date.edtf == b.date.edtf {
        score += 0.25;
        reasons.push(Reason::SameDate);
    } else {
        // Overlap as a share of the shorter span: a day inside a year counts less than the
        // same day.
        let overlap = (ahi.min(bhi) - alo.max(blo) + 1) as f64;
        let shorter = ((ahi - alo).min(bhi - blo) + 1) as f64;
        let longer = ((ahi - alo).max(bhi - blo) + 1) as f64;
        score += 0.2 * (overlap / shorter) * (shorter / longer).sqrt().max(0.25);
        reasons.push(Reason::OverlappingDates);
    }
    let title = trigram_likeness(&a.title, &b.title);
    score += 0.45 * title;
    if title >= 0.5 {
        reasons.push(Reason::TitlesAlike(percent(title)));
    } else if title < 0.15 {
        score -= 0.15;
    }
    if !a.summary.is_empty() && !b.summary.is_empty() {
        let summary = word_likeness(&a.summary, &b.summary);
        score += 0.15 * (summary * 2.0).min(1.0);
        if summary >= 0.25 {
            reasons.push(Reason::SummariesAlike(percent(summary)));
        }
    }
    if let Some((pa, _)) = a
        .places
        .iter()
        .flat_map(|pa| b.places.iter().map(move |pb| (pa, pb)))
        .find(|(pa, pb)| same_place(pa, pb))
    {
        score += 0.1;
        reasons.push(Reason::SamePlace(pa.name.clone()));
    } else if !a.places.is_empty()
        && !b.places.is_empty()
        && a.places.iter().all(|pa| {
            b.places.iter().all(|pb| {
                !pa.country.is_empty() && !pb.country.is_empty() && pa.country != pb.country
            })
        })
    {
        score -= 0.1;
    }
    let folded = |e: &Event| -> HashSet<String> {
        e.participants
            .iter()
            .map(|p| words(&p.name).join(" "))
            .collect()
    };
    let (pa, pb) = (folded(a), folded(b));
    let shared: Vec<&str> = a
        .participants
        .iter()
        .filter(|p| pb.contains(&words(&p.name).join(" ")))
        .map(|p| p.name.as_str())
        .collect();
    if !shared.is_empty() {
        score += 0.1 * shared.len() as f64 / pa.len().min(pb.len()).max(1) as f64;
        reasons.push(Reason::SharedParticipants(shared.join(", ")));
    }
    Some((score.clamp(0.0, 1.0), reasons))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Participant;
    use annals_dates::{CalendarHint, When};

    fn event(title: &str, date: &str, summary: &str, place: &str, country: &str) -> Event {
        Event {
            id: crate::id::slug(title),
            title: title.into(),
            date: When::from_text(date, CalendarHint::Auto).unwrap(),
            summary: summary.into(),
            body: Vec::new(),
            key_points: Vec::new(),
            places: vec![Place {
                name: place.into(),
                country: country.into(),
                lat: None,
                lon: None,
                geonames: None,
            }],
            participants: Vec::new(),
            sources: Vec::new(),
            related: Vec::new(),
            tags: Vec::new(),
            importance: None,
            media: Vec::new(),
            lang: None,
            translations: Vec::new(),
        }
    }

    #[test]
    fn one_event_recorded_twice_is_alike() {
        let mut a = event(
            "Battle of Hastings",
            "October 14, 1066",
            "Norman forces under William defeated the English army of Harold Godwinson.",
            "Hastings",
            "United Kingdom",
        );
        let mut b = event(
            "Hastings, Battle of",
            "1066",
            "William of Normandy's army defeated King Harold's English army near Hastings.",
            "Battle",
            "United Kingdom",
        );
        a.participants.push(Participant {
            name: "William the Conqueror".into(),
            role: None,
        });
        b.participants.push(Participant {
            name: "William the Conqueror".into(),
            role: None,
        });
        let (score, reasons) = likeness(&a, &b).unwrap();
        assert!(score >= 0.6, "{score} {reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| matches!(r, Reason::TitlesAlike(p) if *p >= 50)),
            "{reasons:?}"
        );
        assert!(
            reasons.contains(&Reason::SharedParticipants("William the Conqueror".into())),
            "{reasons:?}"
        );
        // as stored, and read back
        let stored = Reason::joined(&reasons);
        assert!(
            stored.contains("titles alike (") && stored.contains("; "),
            "{stored}"
        );
        let read: Vec<Reason> = stored.split("; ").filter_map(Reason::read).collect();
        assert_eq!(read, reasons);
    }

    #[test]
    fn different_events_of_one_year_are_not() {
        let a = event(
            "Battle of Hastings",
            "October 14, 1066",
            "Normans defeat the English.",
            "Hastings",
            "United Kingdom",
        );
        let b = event(
            "Battle of Stamford Bridge",
            "1066",
            "The English defeat a Norwegian army.",
            "Stamford Bridge",
            "United Kingdom",
        );
        // A day inside a year-long record: the dates overlap, the events differ.
        let (score, _) = likeness(&a, &b).unwrap();
        assert!(score < 0.5, "{score}");
        let mut b_day = b.clone();
        b_day.date = When::from_text("September 25, 1066", CalendarHint::Auto).unwrap();
        assert!(likeness(&a, &b_day).is_none());
        let c = event(
            "Coronation of Harold",
            "1066",
            "Harold is crowned.",
            "Kyoto",
            "Japan",
        );
        assert!(likeness(&a, &c).unwrap().0 < 0.3);
    }

    #[test]
    fn dates_apart_are_never_one_event() {
        let a = event(
            "Battle of Hastings",
            "1066",
            "",
            "Hastings",
            "United Kingdom",
        );
        let b = event(
            "Battle of Hastings",
            "1067",
            "",
            "Hastings",
            "United Kingdom",
        );
        assert!(likeness(&a, &b).is_none());
    }

    #[test]
    fn titles_compare_by_letter_triples() {
        assert!(trigram_likeness("Battle of Hastings", "Hastings, Battle of") > 0.99);
        assert!(trigram_likeness("Battle of Hastings", "Batle of Hastngs") > 0.6);
        assert!(trigram_likeness("Battle of Hastings", "Treaty of Paris") < 0.2);
        assert_eq!(
            words("The Fall of the Berlin Wall"),
            ["fall", "berlin", "wall"]
        );
    }
}
