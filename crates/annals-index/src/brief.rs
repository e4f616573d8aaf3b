//! An event in brief, read from its stored document: the id, title, date, places and titles that
//! a list of related events, a timeline's marks, a map or a points answer show, without building
//! the rest of the document.
//!
//! A points answer reads thousands of briefs. tantivy's `TantivyDocument` keeps every stored
//! value of a document (the summary too) in a tree of values; [`StoredBrief`] keeps only the
//! fields a brief shows, as the strings they were read into, and stops at the date: the index
//! stores it after the other fields a brief shows and before the summary
//! ([`crate::schema::document`]; an index written before the summary moved there stores the
//! date last).

use crate::search::stored_when;
use tantivy::schema::document::{
    DeserializeError, DocumentDeserialize, DocumentDeserializer, ValueDeserialize,
    ValueDeserializer, ValueVisitor,
};

/// The stored fields of a brief, by their number in the schema ([`crate::schema::schema`];
/// pinned by a test, as the schema's order is).
mod field {
    pub const ID: u32 = 0;
    pub const TITLE: u32 = 1;
    pub const DATE: u32 = 5;
    pub const PLACE: u32 = 6;
    pub const LANG: u32 = 26;
    pub const TITLES: u32 = 27;
}

/// What a brief shows of a stored document.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct StoredBrief {
    /// The event's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its date as stored (`calendar|edtf|text`).
    stored_date: String,
    /// Its places' labels, in order.
    pub places: Vec<String>,
    /// Its language and titles in other languages ([`crate::Titles`]).
    pub titles: crate::Titles,
}

impl StoredBrief {
    /// The date as written (the record's own words when it has them), or nothing when the
    /// stored date cannot be read.
    pub fn date(&self) -> String {
        self.when().map(|w| w.written()).unwrap_or_default()
    }

    /// The date, when the stored one can be read.
    pub fn when(&self) -> Option<annals_dates::When> {
        stored_when(&self.stored_date)
    }

    /// Id, title and date as written.
    pub fn brief(self) -> crate::related::Brief {
        let date = self.date();
        (self.id, self.title, date)
    }
}

/// A stored value: the text of a text field, nothing for any other kind.
struct Text(Option<String>);

struct TextVisitor;

impl ValueVisitor for TextVisitor {
    type Value = Text;

    fn visit_string(&self, val: String) -> Result<Text, DeserializeError> {
        Ok(Text(Some(val)))
    }

    fn visit_null(&self) -> Result<Text, DeserializeError> {
        Ok(Text(None))
    }

    fn visit_u64(&self, _: u64) -> Result<Text, DeserializeError> {
        Ok(Text(None))
    }

    fn visit_i64(&self, _: i64) -> Result<Text, DeserializeError> {
        Ok(Text(None))
    }

    fn visit_f64(&self, _: f64) -> Result<Text, DeserializeError> {
        Ok(Text(None))
    }

    fn visit_bool(&self, _: bool) -> Result<Text, DeserializeError> {
        Ok(Text(None))
    }
}

impl ValueDeserialize for Text {
    fn deserialize<'de, D>(deserializer: D) -> Result<Self, DeserializeError>
    where
        D: ValueDeserializer<'de>,
    {
        deserializer.deserialize_any(TextVisitor)
    }
}

impl DocumentDeserialize for StoredBrief {
    fn deserialize<'de, D>(mut deserializer: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        let mut b = Reading::default();
        while let Some((f, Text(value))) = deserializer.next_field::<Text>()? {
            let Some(value) = value else { continue };
            if b.take(f.field_id(), &value) {
                break;
            }
        }
        Ok(b.finish())
    }
}

/// A brief as its stored document's values are read, in the order they are stored (by
/// tantivy's reader above, or in place by [`crate::stored`]).
#[derive(Default)]
pub(crate) struct Reading {
    brief: StoredBrief,
    other_titles: Vec<String>,
}

impl Reading {
    /// Takes a text value of `field`; true at the date, after which a brief reads nothing.
    pub(crate) fn take(&mut self, field: u32, value: &str) -> bool {
        let b = &mut self.brief;
        match field {
            field::ID if b.id.is_empty() => b.id = value.to_string(),
            field::TITLE if b.title.is_empty() => b.title = value.to_string(),
            field::DATE => {
                b.stored_date = value.to_string();
                return true;
            }
            field::PLACE => b.places.push(value.to_string()),
            field::LANG if b.titles.own.is_none() => b.titles.own = Some(value.to_string()),
            field::TITLES => self.other_titles.push(value.to_string()),
            _ => {}
        }
        false
    }

    /// The brief read.
    pub(crate) fn finish(mut self) -> StoredBrief {
        let other = self.other_titles.iter().map(String::as_str);
        self.brief.titles.other = crate::titles::parse_stored(other);
        self.brief
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SearchIndex;
    use tantivy::schema::Field;

    #[test]
    fn the_field_numbers_are_the_schemas() {
        let (_, f) = crate::schema::schema();
        let n = |x: Field| x.field_id();
        assert_eq!(
            [
                n(f.id),
                n(f.title),
                n(f.date),
                n(f.place),
                n(f.lang),
                n(f.titles)
            ],
            [
                field::ID,
                field::TITLE,
                field::DATE,
                field::PLACE,
                field::LANG,
                field::TITLES
            ]
        );
    }

    /// The stored fields of a document in the order they are kept.
    struct Order(Vec<u32>);

    impl DocumentDeserialize for Order {
        fn deserialize<'de, D>(mut deserializer: D) -> Result<Self, DeserializeError>
        where
            D: DocumentDeserializer<'de>,
        {
            let mut order = Vec::new();
            while let Some((f, Text(_))) = deserializer.next_field::<Text>()? {
                order.push(f.field_id());
            }
            Ok(Order(order))
        }
    }

    /// The summary is stored after the date, where a brief stops reading; an index written with
    /// the summary before the date (as before) reads the same briefs.
    #[test]
    fn a_brief_stops_at_the_date_in_either_order() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        let event = serde_json::from_value::<annals_core::RawEvent>(serde_json::json!({
            "id": "lepanto", "title": "Battle of Lepanto", "date": "1571-10-07",
            "summary": "The Holy League defeats the Ottoman fleet.", "lang": "en",
            "places": [{"name": "Gulf of Patras", "country": "Greece"}],
            "translations": [{"lang": "it", "title": "Battaglia di Lepanto"}]
        }))
        .unwrap()
        .into_event(annals_dates::CalendarHint::Auto)
        .unwrap();
        let f = *index.fields();
        // The same event as the index stored it before: the summary third.
        let mut old = tantivy::TantivyDocument::default();
        old.add_text(f.id, "lepanto-old");
        old.add_text(f.title, &event.title);
        old.add_text(f.summary, &event.summary);
        old.add_text(f.lang, "en");
        old.add_text(
            f.titles,
            crate::titles::stored("it", "Battaglia di Lepanto"),
        );
        old.add_text(f.place, "Gulf of Patras, Greece");
        old.add_text(f.date, crate::schema::stored_date(&event));
        let mut w = index.writer().unwrap();
        w.add(&event).unwrap();
        w.commit(1).unwrap();
        let raw = index.tantivy().writer_with_num_threads(1, 15_000_000);
        let mut raw: tantivy::IndexWriter = raw.unwrap();
        raw.add_document(old).unwrap();
        raw.commit().unwrap();
        index.reload().unwrap();
        let searcher = index.searcher();
        let at = |seg: u32| tantivy::DocAddress::new(seg, 0);
        let seg_of = |id: &str| {
            (0..searcher.segment_readers().len() as u32)
                .find(|s| searcher.doc::<StoredBrief>(at(*s)).unwrap().id == id)
                .unwrap()
        };
        let (new_seg, old_seg) = (seg_of("lepanto"), seg_of("lepanto-old"));
        let Order(kept) = searcher.doc(at(new_seg)).unwrap();
        let summary = f.summary.field_id();
        assert_eq!(
            kept,
            [
                field::ID,
                field::TITLE,
                field::LANG,
                field::TITLES,
                field::PLACE,
                field::DATE,
                summary
            ]
        );
        let Order(kept_before) = searcher.doc(at(old_seg)).unwrap();
        assert_eq!(kept_before.last(), Some(&field::DATE));
        let new: StoredBrief = searcher.doc(at(new_seg)).unwrap();
        let mut before: StoredBrief = searcher.doc(at(old_seg)).unwrap();
        before.id = new.id.clone();
        assert_eq!(before, new);
        assert!(new.date().contains("1571"), "{}", new.date());
        assert_eq!(new.places, ["Gulf of Patras, Greece"]);
        assert_eq!(new.titles.own.as_deref(), Some("en"));
    }

    /// A brief reads the same as the whole stored document does.
    #[test]
    fn a_brief_reads_what_the_document_keeps() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        let event = serde_json::from_value::<annals_core::RawEvent>(serde_json::json!({
            "id": "hastings", "title": "Battle of Hastings", "date": "1066-10-14",
            "summary": "The Normans defeat the English.", "lang": "en",
            "places": [{"name": "Battle", "country": "England"}, {"name": "Senlac Hill"}],
            "translations": [{"lang": "fr", "title": "Bataille d'Hastings"}]
        }))
        .unwrap()
        .into_event(annals_dates::CalendarHint::Auto)
        .unwrap();
        let mut w = index.writer().unwrap();
        w.add(&event).unwrap();
        w.commit(1).unwrap();
        index.reload().unwrap();
        let searcher = index.searcher();
        let addr = tantivy::DocAddress::new(0, 0);
        let b: StoredBrief = searcher.doc(addr).unwrap();
        let doc: tantivy::TantivyDocument = searcher.doc(addr).unwrap();
        let f = index.fields();
        assert_eq!(b.id, "hastings");
        assert_eq!(b.title, "Battle of Hastings");
        let written = crate::search::text_of(&doc, f.date)
            .and_then(stored_when)
            .map(|w| w.written());
        assert_eq!(Some(b.date()), written);
        assert!(b.date().contains("1066"), "{}", b.date());
        assert_eq!(b.places.len(), 2);
        assert_eq!(
            b.places,
            doc.get_all(f.place)
                .filter_map(|v| tantivy::schema::Value::as_str(&v).map(str::to_string))
                .collect::<Vec<_>>()
        );
        assert_eq!(b.titles, crate::Titles::of(&doc, f));
        assert_eq!(b.titles.own.as_deref(), Some("en"));
        assert_eq!(
            b.titles.other,
            vec![("fr".into(), "Bataille d'Hastings".into())]
        );
    }
}
