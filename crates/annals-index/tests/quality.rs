//! Search people trust: titles and summaries rank before narratives, every hit shows where it
//! matched, and a query that finds nothing says what the index holds instead.

use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_index::{NameField, SearchIndex, SearchOptions, SearchResult, Source};
use annals_query::parse;
use std::collections::HashMap;
use std::sync::Arc;

fn event(json: serde_json::Value) -> Event {
    serde_json::from_value::<RawEvent>(json)
        .unwrap()
        .into_event(CalendarHint::Auto)
        .unwrap()
}

fn corpus() -> Vec<Event> {
    let filler = "The chroniclers of the age wrote at length about the weather, the harvests and \
                  the price of bread in the markets of the towns along the river. ";
    vec![
        event(serde_json::json!({
            "id": "peace", "title": "Peace of Westphalia", "date": "1648-10-24",
            "summary": "Treaties signed at Münster ended the Thirty Years' War.",
            "body": [format!("{filler}{filler}")],
            "places": [{"name": "Münster", "country": "Germany"}],
            "participants": [{"name": "Holy Roman Empire"}, {"name": "Sweden"}],
        })),
        event(serde_json::json!({
            "id": "versailles", "title": "Treaty of Versailles", "date": "1919-06-28",
            "summary": "Germany and the Allies signed it in the Hall of Mirrors.",
            "body": [filler],
            "places": [{"name": "Versailles", "country": "France"}],
            "participants": [{"name": "Germany"}],
        })),
        event(serde_json::json!({
            "id": "adwa", "title": "Battle of Adwa", "date": "1896-03-01",
            "summary": "Ethiopia defeated an Italian army in the mountains.",
            "body": [
                filler,
                format!("{filler}The treaty of Wuchale had a treaty clause in two versions; the treaty was repudiated."),
            ],
            "key_points": [{"label": "Independence", "text": "Ethiopia stayed independent."}],
            "places": [{"name": "Adwa", "country": "Ethiopia"}],
            "participants": [{"name": "Menelik II"}],
        })),
        event(serde_json::json!({
            "id": "kadesh", "title": "Battle of Kadesh", "date": "-1273",
            "summary": "Egypt and the Hittites fought with chariots on the Orontes.",
            "key_points": [{"label": "An early peace", "text": "A treaty followed years later."}],
            "places": [{"name": "Kadesh", "country": "Syria"}],
            "participants": [{"name": "Ramesses II"}, {"name": "Muwatalli II"}],
        })),
        event(serde_json::json!({
            "id": "waterloo", "title": "Battle of Waterloo", "date": "1815-06-18",
            "summary": "An allied army under Wellington defeated the French emperor.",
            "places": [{"name": "Waterloo", "country": "Belgium"}],
            "participants": [{"name": "Napoleon Bonaparte"}, {"name": "Duke of Wellington"}],
            "tags": ["battle"],
        })),
        event(serde_json::json!({
            "id": "hastings", "title": "Battle of Hastings", "date": "1066-10-14",
            "summary": "The Normans won near Hastings & took England.",
            "places": [{"name": "Hastings", "country": "United Kingdom"}],
            "participants": [{"name": "William the Conqueror"}],
            "tags": ["battle"],
        })),
        event(serde_json::json!({
            "id": "rome", "title": "Founding of Rome", "date": "-0752-04-21",
            "summary": "Romulus marked out a new city on the Palatine.",
            "places": [{"name": "Rome", "country": "Italy"}],
            "participants": [{"name": "Romulus"}],
        })),
    ]
}

/// An index of `events`, reading the texts it does not keep from them (as it reads them from
/// the store when opened through `sync::for_search`).
fn build(events: &[Event]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    for e in events {
        w.upsert(e).unwrap();
    }
    w.commit(1).unwrap();
    index.reload().unwrap();
    let by_id: HashMap<String, Event> = events.iter().map(|e| (e.id.clone(), e.clone())).collect();
    index.read_texts_from(Arc::new(move |id: &str| by_id.get(id).cloned()));
    (dir, index)
}

fn search(index: &SearchIndex, q: &str) -> SearchResult {
    index
        .search(
            &parse(q).unwrap(),
            &SearchOptions {
                limit: 20,
                ..SearchOptions::default()
            },
        )
        .unwrap()
}

fn ids(r: &SearchResult) -> Vec<&str> {
    r.hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn titles_and_summaries_rank_before_narratives() {
    let (_dir, index) = build(&corpus());
    // A title match, then a summary match, then the narratives and key points, though a
    // narrative says "treaty" three times.
    let r = search(&index, "treaty");
    let mut rest = ids(&r).split_off(2);
    rest.sort();
    assert_eq!(
        (ids(&r)[..2].to_vec(), rest),
        (vec!["versailles", "peace"], vec!["adwa", "kadesh"])
    );
    assert_eq!(search(&index, "\"Thirty Years\"").total, 1);
    assert_eq!(ids(&search(&index, "\"Napoleon Bonaparte\"")), ["waterloo"]);
}

#[test]
fn every_hit_marks_its_match_or_says_why_it_matched() {
    let (_dir, index) = build(&corpus());
    let r = search(&index, "treaty");
    let by_id = |id: &str| r.hits.iter().find(|h| h.id == id).unwrap();
    for h in &r.hits {
        assert!(!h.excerpt.marks.is_empty(), "{}: {:?}", h.id, h.excerpt);
        assert!(h.snippet.contains("<mark>"), "{}", h.snippet);
        assert!(h.matched.is_none());
    }
    assert_eq!(by_id("versailles").excerpt.source, Source::Title);
    assert_eq!(by_id("adwa").excerpt.source, Source::Narrative);
    assert_eq!(by_id("kadesh").excerpt.source, Source::KeyPoint);
    let peace = by_id("peace");
    assert_eq!(peace.excerpt.source, Source::Summary);
    assert_eq!(
        peace.excerpt.marked("[", "]"),
        "[Treaties] signed at Münster ended the Thirty Years' War."
    );
    assert_eq!(
        peace.snippet,
        "<mark>Treaties</mark> signed at Münster ended the Thirty Years&#39; War."
    );
    // A long narrative is cut around its marks, at words.
    let adwa = by_id("adwa");
    assert!(adwa.excerpt.text.starts_with('…'), "{}", adwa.excerpt.text);
    assert_eq!(
        adwa.excerpt.marks.len(),
        3,
        "{}",
        adwa.excerpt.marked("[", "]")
    );

    // Matched only through a participant, a place or a filter: the hit says which.
    let r = search(&index, "Bonaparte");
    let h = &r.hits[0];
    assert!(h.excerpt.marks.is_empty());
    let m = h.matched.as_ref().unwrap();
    assert_eq!(
        (m.field, m.value.as_str()),
        (NameField::Participant, "Napoleon Bonaparte")
    );
    let r = search(&index, "Belgium");
    let m = r.hits[0].matched.as_ref().unwrap();
    assert_eq!(
        (m.field, m.value.as_str()),
        (NameField::Place, "Waterloo, Belgium")
    );
    // A query of filters only: the filter that matched, as the query gives it.
    let r = search(&index, "tag:BATTLE sort:date");
    assert_eq!(ids(&r), ["hastings", "waterloo"]);
    let m = r.hits[0].matched.as_ref().unwrap();
    assert_eq!((m.field, m.value.as_str()), (NameField::Tag, "BATTLE"));
    let r = search(&index, "place:munster");
    let m = r.hits[0].matched.as_ref().unwrap();
    assert_eq!((m.field, m.value.as_str()), (NameField::Place, "munster"));

    // The JSON: the passage as HTML, as text with character offsets, and its field.
    let json = serde_json::to_value(search(&index, "Münster")).unwrap();
    let hit = &json["hits"][0];
    assert_eq!(hit["snippet_field"], "summary");
    assert_eq!(
        hit["snippet_text"],
        "Treaties signed at Münster ended the Thirty Years' War."
    );
    assert_eq!(hit["snippet_marks"], serde_json::json!([[19, 26]]));
    assert_eq!(hit["matched"], serde_json::Value::Null);
    assert_eq!(json["suggestions"], serde_json::json!([]));
    let json = serde_json::to_value(search(&index, "Bonaparte")).unwrap();
    assert_eq!(
        json["hits"][0]["matched"],
        serde_json::json!({"field": "participant", "value": "Napoleon Bonaparte"})
    );
}

#[test]
fn without_the_full_texts_a_hit_shows_its_summary() {
    let (_dir, index) = build(&corpus());
    index.read_texts_from(Arc::new(|_: &str| None));
    let r = search(&index, "treaty");
    let adwa = r.hits.iter().find(|h| h.id == "adwa").unwrap();
    assert_eq!(adwa.excerpt.source, Source::Summary);
    assert!(adwa.excerpt.marks.is_empty() && adwa.matched.is_none());
}

#[test]
fn typos_and_exclusions_are_marked_as_matched() {
    let (_dir, index) = build(&corpus());
    let r = search(&index, "Hastigns");
    assert_eq!(ids(&r), ["hastings"]);
    assert_eq!(
        r.hits[0].excerpt.marked("[", "]"),
        "The Normans won near [Hastings] & took England."
    );
    // Excluded words are not marked.
    let r = search(&index, "Normans -treaty");
    assert_eq!(r.hits[0].excerpt.marks.len(), 1);
}

#[test]
fn empty_results_suggest_what_the_index_holds() {
    let (_dir, index) = build(&corpus());
    let r = search(&index, "participant:Napoleon");
    assert_eq!(r.total, 0);
    let s = &r.suggestions[0];
    assert_eq!(
        (s.typed.as_str(), s.value.as_str(), s.query.as_str()),
        (
            "Napoleon",
            "Napoleon Bonaparte",
            "participant:\"Napoleon Bonaparte\""
        )
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["suggestions"][0]["field"], "participant");

    assert_eq!(
        index.suggest_participants("bonaparte", 3).unwrap(),
        ["Napoleon Bonaparte"]
    );
    assert_eq!(
        index.suggest_participants("Ramses II", 3).unwrap(),
        ["Ramesses II"]
    );
    assert_eq!(
        index.suggest_participants("Menelik II", 3).unwrap(),
        Vec::<String>::new()
    );
    assert!(index.suggest_participants("zzz", 3).unwrap().is_empty());
    // Completion for the editor: names that begin with what was typed, as written.
    assert_eq!(
        index.complete_participants("napol", 5).unwrap(),
        ["Napoleon Bonaparte"]
    );
    assert_eq!(
        index.complete_participants("RAMESSES", 5).unwrap(),
        ["Ramesses II"]
    );
    assert!(index.complete_participants("zzz", 5).unwrap().is_empty());
    assert!(index.complete_participants("", 5).unwrap().is_empty());
    assert_eq!(index.suggest_places("Munstr", 3).unwrap(), ["Münster"]);
    assert_eq!(index.suggest_places("Wat", 3).unwrap(), ["Waterloo"]);

    let r = search(&index, "place:Munstr date:1600..1700");
    assert_eq!(r.suggestions[0].query, "place:Münster date:1600..1700");
    // A word with no match: the nearest indexed words, as the texts write them.
    let r = search(&index, "Romr");
    assert_eq!(r.total, 0);
    let values: Vec<&str> = r.suggestions.iter().map(|s| s.value.as_str()).collect();
    assert!(values.contains(&"Rome"), "{values:?}");
    assert_eq!(index.suggest_words("Romr", 3).unwrap()[0], "Rome");
    // Nothing to suggest when each part matches and only the combination is empty, or when
    // there are hits.
    assert!(search(&index, "Romulus Hastings").suggestions.is_empty());
    assert!(search(&index, "Rome").suggestions.is_empty());
}

#[test]
fn duplicate_candidates_share_dates_and_words() {
    let mut events = corpus();
    // The same battle written by another hand, a battle on another day, and one undated.
    events.push(event(serde_json::json!({
        "id": "hastings-2", "title": "Hastings, battle of", "date": "1066",
        "summary": "Normans under William beat Harold's English army near Hastings.",
    })));
    events.push(event(serde_json::json!({
        "id": "stamford", "title": "Battle of Stamford Bridge", "date": "1066-09-25",
        "summary": "Harold's English army beat the Norwegians.",
    })));
    let (_dir, index) = build(&events);
    let hastings = events.iter().find(|e| e.id == "hastings").unwrap();
    let found = index.duplicate_candidates(hastings, 10).unwrap();
    assert_eq!(
        found.first().map(String::as_str),
        Some("hastings-2"),
        "{found:?}"
    );
    assert!(!found.contains(&"hastings".to_string()));
    // Dates must overlap: Waterloo shares "battle" but not the year.
    assert!(!found.contains(&"waterloo".to_string()), "{found:?}");
    // The index narrows, likeness decides: the rewritten copy scores above the other battle.
    let score = |id: &str| {
        let other = events.iter().find(|e| e.id == id).unwrap();
        annals_core::likeness::likeness(hastings, other).map(|(s, _)| s)
    };
    assert!(
        score("hastings-2").unwrap() > 0.5,
        "{:?}",
        score("hastings-2")
    );
    assert!(score("stamford").unwrap_or(0.0) < score("hastings-2").unwrap());
    assert_eq!(score("waterloo"), None);
}

#[test]
fn countries_of_today_and_of_the_record() {
    let mut kyoto = event(serde_json::json!({
        "id": "kyoto-fire", "title": "A fire in Kyoto", "date": "1788-03-07",
        "places": [{"name": "Kyoto"}],
    }));
    annals_places::locate(&mut kyoto.places);
    assert!(kyoto.places[0].geonames.is_some(), "{:?}", kyoto.places);
    let caesar = event(serde_json::json!({
        "id": "crossing", "title": "A crossing", "date": "-0048",
        "places": [{"name": "Rome", "country": "Roman Republic", "lat": 41.9, "lon": 12.5}],
    }));
    let (_dir, index) = build(&[kyoto, caesar]);
    assert_eq!(ids(&search(&index, "country:Japan")), ["kyoto-fire"]);
    assert_eq!(ids(&search(&index, "country:Italy")), ["crossing"]);
    assert_eq!(
        ids(&search(&index, r#"country:"Roman Republic""#)),
        ["crossing"]
    );
    // Each event counts once per country in the facet, the record's and today's.
    let r = search(&index, "crossing");
    let countries: Vec<&str> = r
        .facets
        .0
        .iter()
        .filter(|(name, _)| name.contains("country"))
        .flat_map(|(_, values)| values.iter().map(|(c, _)| c.as_str()))
        .collect();
    assert!(
        countries.contains(&"Italy") && countries.contains(&"Roman Republic"),
        "{countries:?}"
    );
}
