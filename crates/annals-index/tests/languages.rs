//! Texts in other languages than English: each is found by its words as written and, in the
//! languages annals has a stemmer for (`schema::STEMMED`), by their inflections, analysed in
//! its own language; an event is ranked once for a word, whatever languages it is written in.

use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_index::{SearchIndex, SearchOptions, SearchResult};
use annals_query::parse;

fn event(json: serde_json::Value) -> Event {
    serde_json::from_value::<RawEvent>(json)
        .unwrap()
        .into_event(CalendarHint::Auto)
        .unwrap()
}

fn corpus() -> Vec<Event> {
    vec![
        event(serde_json::json!({
            "id": "charlemagne", "title": "Coronation of Charlemagne", "date": "0800-12-25",
            "summary": "The pope crowned the king of the Franks emperor in Rome.",
            "translations": [
                {"lang": "de", "title": "Kaiserkrönung Karls des Großen",
                 "summary": "Der Papst setzte dem König der Franken die Krone auf.",
                 "body": ["Die Krönung fand am Weihnachtstag in Sankt Peter statt."]},
                {"lang": "fr-CA", "title": "Couronnement de Charlemagne",
                 "summary": "Le pape couronna le roi des Francs empereur à Rome."},
            ],
        })),
        event(serde_json::json!({
            "id": "marengo", "title": "Bataille de Marengo", "date": "1800-06-14", "lang": "fr",
            "summary": "Le cheval blanc du Premier consul traversa la plaine sous le feu.",
            "key_points": [{"label": "Issue", "text": "Les Autrichiens signèrent une convention."}],
        })),
        event(serde_json::json!({
            "id": "tordesillas", "title": "Treaty of Tordesillas", "date": "1494-06-07",
            "summary": "Castile and Portugal divided the newly found lands.",
            "translations": [
                {"lang": "es", "title": "Tratado de Tordesillas",
                 "summary": "Los reyes firmaron el reparto de las tierras descubiertas."},
            ],
        })),
        event(serde_json::json!({
            "id": "hastings", "title": "Battle of Hastings", "date": "1066-10-14",
            "summary": "Norman cavalry and archers broke the English shield wall.",
        })),
        event(serde_json::json!({
            "id": "hastings-fr", "title": "Battle of Hastings", "date": "1066-10-14",
            "lang": "fr",
            "summary": "Norman cavalry and archers broke the English shield wall.",
        })),
    ]
}

fn build(events: &[Event]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    for e in events {
        w.upsert(e).unwrap();
    }
    w.commit(1).unwrap();
    index.reload().unwrap();
    (dir, index)
}

fn search(index: &SearchIndex, q: &str) -> SearchResult {
    index
        .search(&parse(q).unwrap(), &SearchOptions::default())
        .unwrap()
}

fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    let mut ids: Vec<String> = search(index, q).hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

#[test]
fn inflections_are_found_in_each_language() {
    let (_dir, index) = build(&corpus());
    // German: the plural and the word without its umlaut find "Krönung".
    assert_eq!(ids(&index, "Krönungen"), ["charlemagne"]);
    assert_eq!(ids(&index, "Kronungen"), ["charlemagne"]);
    // French, in an event's own text and in a key point: "chevaux" is the plural of "cheval",
    // "signer" the verb of "signèrent".
    assert_eq!(ids(&index, "chevaux"), ["marengo"]);
    assert_eq!(ids(&index, "signer"), ["marengo"]);
    // French in a translation tagged fr-CA: "couronner" finds "couronna".
    assert_eq!(ids(&index, "couronner"), ["charlemagne"]);
    // Spanish: "firmado" (signed) finds "firmaron".
    assert_eq!(ids(&index, "firmado"), ["tordesillas"]);
    // A phrase in another language, inflected.
    assert_eq!(ids(&index, "\"tierra descubierta\""), ["tordesillas"]);
    // The words as written still match as they did.
    assert_eq!(ids(&index, "Krönung"), ["charlemagne"]);
    assert_eq!(ids(&index, "Tordesillas"), ["tordesillas"]);
    // And under a negation they exclude.
    assert_eq!(ids(&index, "battle -chevaux"), ["hastings", "hastings-fr"]);
}

#[test]
fn english_stems_do_not_find_the_other_languages_inflections() {
    // What the languages' fields add: with the English analyzer alone, these pairs stem apart
    // (so the test above would fail without them).
    let english = |word: &str| {
        let folded = word.to_lowercase().replace('ö', "o");
        frostem::Stemmer::new(frostem::Algorithm::English)
            .stem(&folded)
            .into_owned()
    };
    for (written, inflected) in [
        ("Krönung", "Krönungen"),
        ("cheval", "chevaux"),
        ("firmaron", "firmado"),
        ("couronna", "couronner"),
    ] {
        assert_ne!(
            english(written),
            english(inflected),
            "{written} / {inflected}"
        );
    }
}

#[test]
fn a_word_found_in_another_language_is_no_typo() {
    let (_dir, index) = build(&corpus());
    let r = search(&index, "Krönungen");
    assert!(r.suggestions.is_empty(), "{:?}", r.suggestions);
    // A real typo is still corrected.
    assert_eq!(ids(&index, "Hastigns"), ["hastings", "hastings-fr"]);
}

#[test]
fn an_event_is_ranked_once_whatever_its_language() {
    // The same English words in an event marked French: it matches in the English fields and
    // in the French one, and scores as the English event does (not the sum, not the rarer
    // French field's higher weight).
    let (_dir, index) = build(&corpus());
    for q in ["cavalry", "archers shield", "\"shield wall\""] {
        // Words: ranked by relevance.
        let r = search(&index, q);
        let scores: Vec<(String, Option<f32>)> =
            r.hits.iter().map(|h| (h.id.clone(), h.score)).collect();
        assert_eq!(scores.len(), 2, "{q}: {scores:?}");
        assert_eq!(scores[0].1, scores[1].1, "{q}: {scores:?}");
    }
}

/// Lists give a reader the title in their language: a hit, the timeline's events and related
/// events carry the titles the index keeps; the event's own title is marked with its language
/// for a reader of another, and left unmarked when the record does not say.
#[test]
fn lists_give_the_title_in_the_readers_language() {
    let (_dir, index) = build(&corpus());
    let mut hit = search(&index, "tordesillas").hits.remove(0);
    hit.in_language("es");
    assert_eq!(
        (hit.title.as_str(), hit.title_lang),
        ("Tratado de Tordesillas", None)
    );
    // fr-CA is French
    let mut hit = search(&index, "id:charlemagne").hits.remove(0);
    hit.in_language("fr");
    assert_eq!(hit.title, "Couronnement de Charlemagne");
    // Marengo is written in French: an English reader reads its French title, marked so
    let mut hit = search(&index, "id:marengo").hits.remove(0);
    hit.in_language("en");
    assert_eq!(
        (hit.title.as_str(), hit.title_lang.as_deref()),
        ("Bataille de Marengo", Some("fr"))
    );
    // the timeline's events
    let t = index
        .timeline(
            &parse("id:charlemagne").unwrap(),
            &annals_index::TimelineOptions {
                from: None,
                to: None,
                buckets: 4,
                top: 2,
            },
        )
        .unwrap();
    let mut top = t.buckets.iter().flat_map(|b| b.top.clone()).next().unwrap();
    top.in_language("de");
    assert_eq!(top.title, "Kaiserkrönung Karls des Großen");
    // related events
    let hastings = corpus().remove(3);
    let mut related = index.related(&hastings, 5).unwrap();
    let same = related.iter_mut().find(|r| r.id == "hastings-fr").unwrap();
    same.in_language("de");
    assert_eq!(same.title_lang.as_deref(), Some("fr"));
}
