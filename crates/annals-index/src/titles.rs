//! An event's title in each language it has one in, as the index keeps it for lists (search
//! hits, the timeline's marks, the map's labels, related events): its own title and language
//! (`title`, `lang`) and its translations' titles (`titles`, `lang<TAB>title`), so that a list
//! shows a reader the title in their language, and marks one in another language as such
//! (as the event page does with `Event::texts_for`).

use crate::schema::Fields;
use tantivy::schema::document::Value;
use tantivy::TantivyDocument;

/// A translation's title as stored.
pub(crate) fn stored(lang: &str, title: &str) -> String {
    format!("{lang}\t{title}")
}

/// Translations' titles as stored ([`stored`]): (language tag, title).
pub(crate) fn parse_stored<'a>(stored: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    stored
        .filter_map(|s| s.split_once('\t'))
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .collect()
}

/// The titles of an event in other languages than its own, and the language of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Titles {
    /// The language of its own texts (`None`: the record does not say).
    pub own: Option<String>,
    /// Its title in other languages: (language tag, title).
    pub other: Vec<(String, String)>,
}

impl Titles {
    /// The titles of an event.
    pub fn of_event(e: &annals_core::Event) -> Titles {
        Titles {
            own: e.lang.clone(),
            other: e
                .translations
                .iter()
                .map(|t| (t.lang.clone(), t.title.clone()))
                .collect(),
        }
    }

    /// The titles an index document keeps.
    pub(crate) fn of(doc: &TantivyDocument, f: &Fields) -> Titles {
        let own = doc
            .get_first(f.lang)
            .and_then(|v| v.as_str())
            .map(str::to_string);
        let other = parse_stored(doc.get_all(f.titles).filter_map(|v| v.as_str()));
        Titles { own, other }
    }

    /// Put the title a reader of `reader` reads in `title`, and in `lang` the language to mark
    /// it with ([`Titles::pick`]).
    pub fn localise(&self, title: &mut String, lang: &mut Option<String>, reader: &str) {
        let (t, l) = self.pick(title, reader);
        *title = t;
        *lang = l;
    }

    /// The title a reader of `reader` (a language tag) reads, given the event's own `title`:
    /// its translation's when it has one, else its own; with that text's language when it is
    /// not the reader's (for a list to mark it), `None` when it is or when the record does not
    /// say.
    pub fn pick(&self, title: &str, reader: &str) -> (String, Option<String>) {
        let theirs = |tag: &str| annals_core::event::same_language(tag, reader);
        if !self.own.as_deref().is_some_and(theirs) {
            if let Some((_, t)) = self.other.iter().find(|(l, _)| theirs(l)) {
                return (t.clone(), None);
            }
        }
        let marked = self.own.clone().filter(|l| !theirs(l));
        (title.to_string(), marked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_gets_the_title_in_their_language_or_the_own_one_marked() {
        let t = Titles {
            own: Some("en".into()),
            other: vec![
                ("fr-CA".into(), "Bataille d'Hastings".into()),
                ("de".into(), "Schlacht bei Hastings".into()),
            ],
        };
        let own = "Battle of Hastings";
        assert_eq!(t.pick(own, "fr"), ("Bataille d'Hastings".into(), None));
        assert_eq!(t.pick(own, "de"), ("Schlacht bei Hastings".into(), None));
        assert_eq!(t.pick(own, "en"), (own.into(), None));
        assert_eq!(t.pick(own, "es"), (own.into(), Some("en".into())));
        // a record that does not say its language: its title, unmarked
        let t = Titles::default();
        assert_eq!(t.pick(own, "fr"), (own.into(), None));
    }
}
