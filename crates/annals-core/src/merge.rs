//! Two records of one event made into one (`docs/curation.md`): a reviewer picks, field by
//! field, which record's value stays, or both for the lists; sources and relations are always
//! kept from both, so a merge never loses where a record came from or what it links to.

use crate::Event;

/// Which record a field comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pick {
    /// The record that stays (its id is the merged event's).
    #[default]
    Kept,
    /// The record merged into it.
    Other,
    /// Both, the kept record's items first (for lists; for a single value, the kept one).
    Both,
}

/// A pick for every field a reviewer chooses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picks {
    /// The title.
    pub title: Pick,
    /// The date.
    pub date: Pick,
    /// The summary.
    pub summary: Pick,
    /// The narrative.
    pub body: Pick,
    /// The key points.
    pub key_points: Pick,
    /// The places.
    pub places: Pick,
    /// The participants.
    pub participants: Pick,
    /// The tags.
    pub tags: Pick,
    /// The importance.
    pub importance: Pick,
}

impl Picks {
    /// What a merge does when nobody chose: the kept record's values, and both records'
    /// items in every list.
    pub fn lists_from_both() -> Picks {
        Picks {
            body: Pick::Both,
            key_points: Pick::Both,
            places: Pick::Both,
            participants: Pick::Both,
            tags: Pick::Both,
            ..Picks::default()
        }
    }
}

fn one<T: Clone>(pick: Pick, kept: &T, other: &T) -> T {
    match pick {
        Pick::Other => other.clone(),
        Pick::Kept | Pick::Both => kept.clone(),
    }
}

fn list<T: Clone + PartialEq>(pick: Pick, kept: &[T], other: &[T]) -> Vec<T> {
    match pick {
        Pick::Kept => kept.to_vec(),
        Pick::Other => other.to_vec(),
        Pick::Both => {
            let mut out = kept.to_vec();
            for x in other {
                if !out.contains(x) {
                    out.push(x.clone());
                }
            }
            out
        }
    }
}

/// `kept` and `other` as one event with `kept`'s id. Relations between the two disappear
/// (an event does not relate to itself); links to `other` elsewhere are the caller's to
/// redirect.
pub fn merge(kept: &Event, other: &Event, picks: &Picks) -> Event {
    let mut e = Event {
        id: kept.id.clone(),
        title: one(picks.title, &kept.title, &other.title),
        date: one(picks.date, &kept.date, &other.date),
        summary: one(picks.summary, &kept.summary, &other.summary),
        body: list(picks.body, &kept.body, &other.body),
        key_points: list(picks.key_points, &kept.key_points, &other.key_points),
        places: list(picks.places, &kept.places, &other.places),
        participants: list(picks.participants, &kept.participants, &other.participants),
        sources: list(Pick::Both, &kept.sources, &other.sources),
        related: Vec::new(),
        tags: list(picks.tags, &kept.tags, &other.tags),
        importance: one(picks.importance, &kept.importance, &other.importance),
        media: list(Pick::Both, &kept.media, &other.media),
        lang: one(picks.title, &kept.lang, &other.lang),
        translations: Vec::new(),
    };
    // Each language once: the kept record's texts first, then the other's in the languages
    // still missing (not the merged event's own).
    for t in kept.translations.iter().chain(&other.translations) {
        let same = |l: &str| l.eq_ignore_ascii_case(&t.lang);
        if !e.lang.as_deref().is_some_and(same) && !e.translations.iter().any(|x| same(&x.lang)) {
            e.translations.push(t.clone());
        }
    }
    for r in kept.related.iter().chain(&other.related) {
        if r.id != other.id && r.id != kept.id {
            e.relate(&r.id, &r.kind);
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Relation, Source};
    use annals_dates::{CalendarHint, When};

    fn event(id: &str, title: &str, date: &str) -> Event {
        Event {
            id: id.into(),
            title: title.into(),
            date: When::from_text(date, CalendarHint::Auto).unwrap(),
            summary: format!("{title} summary"),
            body: vec![format!("{title} body")],
            key_points: Vec::new(),
            places: Vec::new(),
            participants: Vec::new(),
            sources: vec![Source {
                name: format!("{title} source"),
                ..Source::default()
            }],
            related: Vec::new(),
            tags: vec!["battle".into()],
            importance: None,
            media: Vec::new(),
            lang: None,
            translations: Vec::new(),
        }
    }

    #[test]
    fn translations_are_kept_once_per_language() {
        let tr = |lang: &str, title: &str| crate::Translation {
            lang: lang.into(),
            title: title.into(),
            summary: String::new(),
            body: Vec::new(),
        };
        let mut kept = event("a", "Hastings", "1066");
        kept.lang = Some("en".into());
        kept.translations = vec![tr("fr", "Hastings (fr)")];
        let mut other = event("b", "Hastings fight", "1066");
        other.translations = vec![
            tr("fr", "other fr"),
            tr("de", "Hastings (de)"),
            tr("EN", "en"),
        ];
        let m = merge(&kept, &other, &Picks::lists_from_both());
        let langs: Vec<(&str, &str)> = m
            .translations
            .iter()
            .map(|t| (t.lang.as_str(), t.title.as_str()))
            .collect();
        assert_eq!(langs, [("fr", "Hastings (fr)"), ("de", "Hastings (de)")]);
        assert_eq!(m.lang.as_deref(), Some("en"));
        m.validate().unwrap();
    }

    #[test]
    fn picks_choose_each_field_and_sources_and_relations_stay() {
        let mut a = event("a", "Battle of A", "1066");
        let mut b = event("b", "Battle at A", "October 14, 1066");
        a.related.push(Relation {
            id: "b".into(),
            kind: "related".into(),
        });
        a.related.push(Relation {
            id: "x".into(),
            kind: "follows".into(),
        });
        b.related.push(Relation {
            id: "y".into(),
            kind: "precedes".into(),
        });
        b.related.push(Relation {
            id: "a".into(),
            kind: "related".into(),
        });
        let m = merge(
            &a,
            &b,
            &Picks {
                date: Pick::Other,
                body: Pick::Both,
                ..Picks::default()
            },
        );
        assert_eq!(m.id, "a");
        assert_eq!(m.title, "Battle of A");
        assert_eq!(m.date, b.date);
        assert_eq!(m.body, ["Battle of A body", "Battle at A body"]);
        assert_eq!(m.sources.len(), 2);
        assert_eq!(m.tags, ["battle"]);
        let links: Vec<&str> = m.related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(links, ["x", "y"]);
    }
}
