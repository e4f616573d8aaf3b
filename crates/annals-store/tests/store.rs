//! What every store backend must do, run against each backend (SQLite, and a real PostgreSQL
//! server: `support/postgres.rs`): history and tombstones, the change log, commits, and the
//! identity rules of imports (`docs/curation.md`).

#[path = "../../../tests/support/postgres.rs"]
mod postgres;
#[path = "../../../tests/support/shared.rs"]
mod shared;

use annals_core::media::{Picture, Rendition};
use annals_core::profile::{Kind, Profile};
use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_store::accounts::{Role, Scope};
use annals_store::identity::Claims;
use annals_store::{Change, EventStore, Filter, PostgresStore, SqliteStore, Verdict, Written};
use proptest::prelude::*;

fn event(json: &str) -> Event {
    serde_json::from_str::<RawEvent>(json)
        .unwrap()
        .into_event(CalendarHint::Auto)
        .unwrap()
}

fn by(who: &str) -> Change {
    Change::new(who, format!("a change by {who}"))
}

/// A fresh store of each backend.
fn backends() -> Vec<(&'static str, Box<dyn EventStore>, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let mut all: Vec<(&'static str, Box<dyn EventStore>, tempfile::TempDir)> =
        vec![("sqlite", Box::new(sqlite), dir)];
    if let Some(cluster) = postgres::Cluster::shared() {
        let pg = PostgresStore::connect(&cluster.database()).unwrap();
        all.push(("postgres", Box::new(pg), tempfile::tempdir().unwrap()));
    }
    all
}

/// Import `records` (JSON, origin) in one transaction through the identity rules.
fn import(store: &mut dyn EventStore, records: &[(&str, &str)]) -> Vec<(String, Written)> {
    let mut tx = store.transaction(&by("import")).unwrap();
    let mut claims = Claims::default();
    let mut out = Vec::new();
    for (json, origin) in records {
        let placed = claims
            .place(&mut *tx, event(json), false, false, origin)
            .unwrap();
        out.push((placed.id, placed.written));
    }
    tx.commit().unwrap();
    out
}

#[test]
fn history_keeps_every_state_and_deletes_leave_tombstones() {
    for (name, mut store, _dir) in backends() {
        let a1 = event(r#"{"title": "A", "date": "1960", "summary": "One."}"#);
        let mut a2 = a1.clone();
        a2.summary = "Two.".into();
        for (who, op) in [
            ("ann", Some(&a1)),
            ("bob", Some(&a2)),
            ("cy", None),
            ("dee", Some(&a1)),
        ] {
            let mut tx = store.transaction(&by(who)).unwrap();
            match op {
                Some(e) => {
                    tx.upsert(e, None).unwrap();
                }
                None => assert!(tx.delete("a-1960").unwrap()),
            }
            tx.commit().unwrap();
        }
        let h = store.history("a-1960").unwrap();
        let states: Vec<(u64, &str, Option<&str>)> = h
            .iter()
            .map(|r| {
                (
                    r.commit.generation,
                    r.commit.author.as_str(),
                    r.event.as_ref().map(|e| e.summary.as_str()),
                )
            })
            .collect();
        assert_eq!(
            states,
            [
                (1, "ann", Some("One.")),
                (2, "bob", Some("Two.")),
                (3, "cy", None),
                (4, "dee", Some("One."))
            ],
            "{name}"
        );
        assert_eq!(h[1].commit.summary, "a change by bob");
        assert!(h[0].commit.at_ms > 1_700_000_000_000, "{name}: commit time");
        assert!(store.history("never").unwrap().is_empty());
        let recent = store.recent(5).unwrap();
        assert_eq!(recent[0].id, "a-1960");
        assert_eq!(recent[0].commit.author, "dee");
    }
}

#[test]
fn the_change_log_names_what_changed() {
    for (name, mut store, _dir) in backends() {
        let mut tx = store.transaction(&by("a")).unwrap();
        for t in ["A", "B", "C"] {
            tx.upsert(
                &event(&format!(r#"{{"title": "{t}", "date": "1960"}}"#)),
                None,
            )
            .unwrap();
        }
        tx.commit().unwrap();
        let mut tx = store.transaction(&by("b")).unwrap();
        tx.upsert(
            &event(r#"{"title": "B", "date": "1960", "summary": "New."}"#),
            None,
        )
        .unwrap();
        tx.delete("c-1960").unwrap();
        assert_eq!(tx.base_generation(), 1);
        tx.commit().unwrap();
        let all = store.changes_since(0).unwrap().unwrap();
        let mut changed = all.changed.clone();
        changed.sort();
        assert_eq!(changed, ["a-1960", "b-1960"], "{name}");
        assert_eq!(all.deleted, ["c-1960"], "{name}");
        let since = store.changes_since(1).unwrap().unwrap();
        assert_eq!(since.changed, ["b-1960"], "{name}");
        assert_eq!(since.deleted, ["c-1960"], "{name}");
        assert_eq!(store.changes_since(2).unwrap().unwrap(), Default::default());
        // An uncommitted transaction changes nothing, not even the generation.
        drop(store.transaction(&by("c")).unwrap());
        assert_eq!(store.generation().unwrap(), 2);
        assert_eq!(store.count().unwrap(), 2);
    }
}

#[test]
fn reimporting_is_a_no_op_and_an_edited_file_updates() {
    for (name, mut store, _dir) in backends() {
        let rec = r#"{"title": "Treaty", "date": "1648-10-24", "summary": "Signed."}"#;
        let edited = r#"{"title": "Treaty", "date": "1648-10-24", "summary": "Signed at last."}"#;
        assert_eq!(
            import(&mut *store, &[(rec, "a.json")]),
            [("treaty-1648".into(), Written::Created)],
            "{name}"
        );
        assert_eq!(
            import(&mut *store, &[(rec, "a.json")]),
            [("treaty-1648".into(), Written::Unchanged)]
        );
        assert_eq!(
            import(&mut *store, &[(edited, "a.json")]),
            [("treaty-1648".into(), Written::Updated)]
        );
        // The older file again: a past state, so nothing changes (no edit is undone).
        assert_eq!(
            import(&mut *store, &[(rec, "a.json")]),
            [("treaty-1648".into(), Written::Unchanged)]
        );
        assert_eq!(
            store.get("treaty-1648").unwrap().unwrap().summary,
            "Signed at last."
        );
    }
}

#[test]
fn a_different_event_never_overwrites() {
    for (name, mut store, _dir) in backends() {
        let first = r#"{"title": "Great Fire", "date": "1666-09-02", "summary": "London.", "participants": [{"name": "Thomas Farriner"}]}"#;
        let other_day = r#"{"title": "Great Fire", "date": "1666-05-01", "summary": "Elsewhere."}"#;
        let same_day = r#"{"title": "Great Fire", "date": "1666-09-02", "summary": "Told by another source."}"#;
        import(&mut *store, &[(first, "a.csv")]);
        let placed = import(&mut *store, &[(other_day, "b.csv"), (same_day, "b.csv")]);
        assert_eq!(
            placed,
            [
                ("great-fire-1666-05-01".into(), Written::Created),
                ("great-fire-1666-09-02".into(), Written::Created)
            ],
            "{name}"
        );
        let kept = store.get("great-fire-1666").unwrap().unwrap();
        assert_eq!(kept.summary, "London.");
        assert_eq!(kept.participants.len(), 1);
        let dups = store.open_duplicates(10).unwrap();
        assert_eq!(dups.len(), 1, "{dups:?}");
        assert_eq!(
            (dups[0].a.as_str(), dups[0].b.as_str()),
            ("great-fire-1666", "great-fire-1666-09-02")
        );
    }
}

#[test]
fn batching_does_not_change_the_result() {
    let a = [
        (
            r#"{"title": "Fire", "date": "1666-09-02", "summary": "A."}"#,
            "a.csv",
        ),
        (
            r#"{"title": "Flood", "date": "1953", "summary": "A."}"#,
            "a.csv",
        ),
    ];
    let b = [
        (
            r#"{"title": "Fire", "date": "1666-09-02", "summary": "B."}"#,
            "b.csv",
        ),
        (
            r#"{"title": "Fire", "date": "1666-07-01", "summary": "B."}"#,
            "b.csv",
        ),
        (
            r#"{"title": "Flood", "date": "1953", "summary": "B."}"#,
            "b.csv",
        ),
        (
            r#"{"title": "Flood", "date": "1953", "summary": "B again."}"#,
            "b.csv",
        ),
    ];
    let snapshot = |store: &dyn EventStore| {
        let mut all: Vec<(String, String)> = annals_store::list(store, &Default::default())
            .unwrap()
            .into_iter()
            .map(|e| (e.id, e.summary))
            .collect();
        all.sort();
        let dups: Vec<(String, String)> = store
            .open_duplicates(100)
            .unwrap()
            .into_iter()
            .map(|d| (d.a, d.b))
            .collect();
        (all, dups)
    };
    let mut runs = Vec::new();
    for split in [true, false] {
        let (_, mut store, _dir) = backends().pop().unwrap();
        if split {
            import(&mut *store, &a);
            import(&mut *store, &b);
        } else {
            let both: Vec<_> = a.iter().chain(&b).copied().collect();
            import(&mut *store, &both);
        }
        runs.push(snapshot(&*store));
    }
    assert_eq!(runs[0], runs[1]);
    assert_eq!(runs[0].0.len(), 6, "{:?}", runs[0]);
}

/// An id the record gives names its event even when it reads like one made from the title and
/// year (an exported event, edited, imported from another file): it updates the event. The
/// same id made by annals (no id in the record) proves only a title and a year: the edited
/// record from another file takes the next id and the pair waits for review.
#[test]
fn a_given_id_names_its_event_even_when_it_looks_generated() {
    for (name, mut store, _dir) in backends() {
        import(
            &mut *store,
            &[(
                r#"{"title": "Great Fire", "date": "1666-09-02", "summary": "First."}"#,
                "a.json",
            )],
        );
        let edited = |s: &str| {
            event(&format!(
                r#"{{"id": "great-fire-1666", "title": "Great Fire", "date": "1666-09-02", "summary": "{s}"}}"#
            ))
        };
        let mut tx = store.transaction(&by("x")).unwrap();
        let placed = Claims::default()
            .place(&mut *tx, edited("Second."), false, true, "export.jsonl")
            .unwrap();
        assert_eq!(
            (placed.id.as_str(), placed.written, placed.duplicate_of),
            ("great-fire-1666", Written::Updated, None),
            "{name}"
        );
        let placed = Claims::default()
            .place(&mut *tx, edited("Third."), false, false, "other.jsonl")
            .unwrap();
        assert_eq!(placed.id, "great-fire-1666-09-02", "{name}");
        assert_eq!(
            placed.duplicate_of.as_deref(),
            Some("great-fire-1666"),
            "{name}"
        );
        tx.commit().unwrap();
        assert_eq!(
            store.get("great-fire-1666").unwrap().unwrap().summary,
            "Second."
        );
    }
}

#[test]
fn explicit_ids_name_their_event() {
    for (_, mut store, _dir) in backends() {
        let mut tx = store.transaction(&by("x")).unwrap();
        let mut claims = Claims::default();
        let rec = |s: &str| {
            event(&format!(
                r#"{{"id": "my-id", "title": "T", "date": "1900", "summary": "{s}"}}"#
            ))
        };
        claims
            .place(&mut *tx, rec("one"), false, true, "a.json")
            .unwrap();
        let twice = claims.place(&mut *tx, rec("two"), false, true, "b.json");
        assert!(twice.unwrap_err().to_string().contains("given twice"));
        tx.commit().unwrap();
        let mut tx = store.transaction(&by("y")).unwrap();
        let placed = Claims::default()
            .place(&mut *tx, rec("three"), false, true, "c.json")
            .unwrap();
        assert_eq!(
            (placed.id.as_str(), placed.written),
            ("my-id", Written::Updated)
        );
        tx.commit().unwrap();
        assert_eq!(store.history("my-id").unwrap().len(), 2);
    }
}

#[test]
fn a_lead_card_for_a_different_event_is_renamed_and_followed() {
    for (_, mut store, _dir) in backends() {
        import(
            &mut *store,
            &[(r#"{"title": "Siege", "date": "1453-05-29"}"#, "x.json")],
        );
        let mut tx = store.transaction(&by("cards")).unwrap();
        let mut claims = Claims::default();
        let lead = event(r#"{"title": "Siege", "date": "1453-01-10"}"#);
        let main = event(
            r#"{"title": "Aftermath", "date": "1454", "related": [{"id": "siege-1453", "kind": "follows"}]}"#,
        );
        let l = claims.place(&mut *tx, lead, true, false, "c.txt").unwrap();
        assert_eq!(l.id, "siege-1453-01-10");
        assert_eq!(l.renamed_from.as_deref(), Some("siege-1453"));
        let m = claims.place(&mut *tx, main, false, false, "c.txt").unwrap();
        tx.commit().unwrap();
        let stored = store.get(&m.id).unwrap().unwrap();
        assert_eq!(stored.related[0].id, "siege-1453-01-10");
    }
}

#[derive(Debug, Clone)]
enum Op {
    Put(u8, u8),
    Delete(u8),
}

fn ops() -> impl Strategy<Value = Vec<Vec<Op>>> {
    let op = prop_oneof![
        (0u8..3, 0u8..4).prop_map(|(e, v)| Op::Put(e, v)),
        (0u8..3).prop_map(Op::Delete),
    ];
    prop::collection::vec(prop::collection::vec(op, 1..4), 1..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Replaying the history of every event gives, commit by commit, the states the writes
    /// left, and its last state is the current one.
    #[test]
    fn history_replays_to_the_current_state(batches in ops()) {
        let (_, mut store, _dir) = backends().pop().unwrap();
        // What each committed generation left, per event: None = absent.
        let mut expected: Vec<Vec<(u64, Option<String>)>> = vec![Vec::new(); 3];
        let mut current: Vec<Option<String>> = vec![None; 3];
        for (g, batch) in batches.iter().enumerate() {
            let mut tx = store.transaction(&by("p")).unwrap();
            let before = current.clone();
            for op in batch {
                match *op {
                    Op::Put(e, v) => {
                        let ev = event(&format!(r#"{{"id": "e{e}", "title": "E", "date": "1900", "summary": "v{v}"}}"#));
                        tx.upsert(&ev, None).unwrap();
                        current[e as usize] = Some(format!("v{v}"));
                    }
                    Op::Delete(e) => {
                        tx.delete(&format!("e{e}")).unwrap();
                        current[e as usize] = None;
                    }
                }
            }
            tx.commit().unwrap();
            for (e, states) in expected.iter_mut().enumerate() {
                let was_known = before[e].is_some() || !states.is_empty();
                if current[e] != before[e] && (current[e].is_some() || was_known) {
                    states.push((g as u64 + 1, current[e].clone()));
                }
            }
        }
        for (e, states) in expected.iter().enumerate() {
            let id = format!("e{e}");
            let history: Vec<(u64, Option<String>)> = store
                .history(&id)
                .unwrap()
                .into_iter()
                .map(|r| (r.commit.generation, r.event.map(|ev| ev.summary)))
                .collect();
            prop_assert_eq!(&history, states);
            let now = store.get(&id).unwrap().map(|ev| ev.summary);
            prop_assert_eq!(history.last().and_then(|h| h.1.clone()), now);
        }
    }
}

#[test]
fn a_full_record_completes_what_a_lead_card_wrote() {
    for split in [true, false] {
        let (_, mut store, _dir) = backends().pop().unwrap();
        let lead = event(r#"{"title": "Coronation", "date": "1066-12-25", "summary": "Short."}"#);
        let full = event(
            r#"{"title": "Coronation", "date": "1066-12-25", "summary": "The whole story.", "body": ["More."]}"#,
        );
        let mut tx = store.transaction(&by("cards")).unwrap();
        let mut claims = Claims::default();
        claims.place(&mut *tx, lead, true, false, "a.txt").unwrap();
        if split {
            tx.commit().unwrap();
            tx = store.transaction(&by("cards")).unwrap();
            claims = Claims::default();
        }
        let placed = claims.place(&mut *tx, full, false, false, "b.txt").unwrap();
        tx.commit().unwrap();
        assert_eq!(placed.id, "coronation-1066", "split: {split}");
        assert_eq!(placed.written, Written::Updated);
        assert_eq!(
            store.get("coronation-1066").unwrap().unwrap().summary,
            "The whole story."
        );
        assert!(store.open_duplicates(5).unwrap().is_empty());
        assert!(!store.provenance("coronation-1066").unwrap().unwrap().stub);
    }
}

/// What a lead card relates its event to stays when the event's own record comes after it, in
/// the same import or a later one; and reading both again changes nothing.
#[test]
fn a_full_record_keeps_what_its_lead_cards_gave() {
    for split in [true, false] {
        let (_, mut store, _dir) = backends().pop().unwrap();
        let lead = || {
            event(
                r#"{"title": "Coronation", "date": "1066-12-25", "related": [{"id": "hastings-1066", "kind": "follows"}]}"#,
            )
        };
        let full = || {
            event(
                r#"{"title": "Coronation", "date": "1066-12-25", "summary": "The whole story.", "related": [{"id": "death-1087", "kind": "related"}]}"#,
            )
        };
        let mut tx = store.transaction(&by("cards")).unwrap();
        let mut claims = Claims::default();
        claims
            .place(&mut *tx, lead(), true, false, "a.txt")
            .unwrap();
        if split {
            tx.commit().unwrap();
            tx = store.transaction(&by("cards")).unwrap();
            claims = Claims::default();
        }
        claims
            .place(&mut *tx, full(), false, false, "b.txt")
            .unwrap();
        tx.commit().unwrap();
        let related = |store: &dyn EventStore| {
            let mut ids: Vec<String> = store
                .get("coronation-1066")
                .unwrap()
                .unwrap()
                .related
                .into_iter()
                .map(|r| r.id)
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(
            related(&*store),
            ["death-1087", "hastings-1066"],
            "split: {split}"
        );
        let generation = store.generation().unwrap();
        let mut tx = store.transaction(&by("again")).unwrap();
        let mut claims = Claims::default();
        claims
            .place(&mut *tx, lead(), true, false, "a.txt")
            .unwrap();
        claims
            .place(&mut *tx, full(), false, false, "b.txt")
            .unwrap();
        let changes = tx.changes_since(generation).unwrap().unwrap();
        assert!(changes.changed.is_empty(), "split: {split}: {changes:?}");
    }
}

#[test]
fn pages_walk_every_event_once_in_time_order() {
    for (name, mut store, _dir) in backends() {
        let mut tx = store.transaction(&by("pages")).unwrap();
        for i in 0..23 {
            // Some share a date: the order must still be total.
            let date = format!("{}", 1900 + i % 7);
            tx.upsert(
                &event(&format!(r#"{{"title": "E{i}", "date": "{date}"}}"#)),
                None,
            )
            .unwrap();
        }
        tx.commit().unwrap();
        let all: Vec<String> = annals_store::list(&*store, &Default::default())
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        let mut paged = Vec::new();
        let mut cursor = None;
        loop {
            let page = store.page(cursor.as_deref(), 5).unwrap();
            assert!(page.events.len() <= 5);
            paged.extend(page.events.into_iter().map(|e| e.id));
            match page.next {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(paged, all, "{name}");
        assert!(store.page(Some("nonsense"), 5).is_err());
        // Neighbours follow the same order.
        for (i, id) in all.iter().enumerate() {
            let (before, after) = store.neighbours(id).unwrap();
            assert_eq!(
                before.map(|e| e.id),
                i.checked_sub(1).map(|j| all[j].clone()),
                "{name}"
            );
            assert_eq!(after.map(|e| e.id), all.get(i + 1).cloned(), "{name}");
        }
        assert_eq!(store.neighbours("nope").unwrap(), (None, None));
        let mut tx = store.transaction(&by("links")).unwrap();
        tx.upsert(&event(r#"{"title": "Cause", "date": "1850", "related": [{"id": "e3-1903", "kind": "causes"}]}"#), None)
            .unwrap();
        tx.commit().unwrap();
        let linking = store.linking("e3-1903", 10).unwrap();
        assert_eq!(linking.len(), 1, "{name}");
        assert_eq!(
            (linking[0].0.id.as_str(), linking[0].1.as_str()),
            ("cause-1850", "causes")
        );
        assert!(store.page(Some("1.2"), 5).is_err());
    }
}

/// Profiles of participants and places: every state kept with who wrote it; other names belong
/// to one name of their kind, follow merges, and never make a second profile.
#[test]
fn profiles_keep_their_states_and_other_names() {
    for (_, mut store, _dir) in backends() {
        let us = Profile {
            description: "A federal republic.".into(),
            wikidata: "Q30".into(),
            aliases: vec!["USA".into()],
            ..Profile::default()
        };
        let mut tx = store.transaction(&by("ann")).unwrap();
        assert!(tx
            .put_profile(Kind::Participant, "United States", &us)
            .unwrap());
        assert!(
            !tx.put_profile(Kind::Participant, "united states", &us)
                .unwrap(),
            "the same profile again changes nothing"
        );
        tx.commit().unwrap();

        let mut tx = store.transaction(&by("bob")).unwrap();
        let taken = Profile {
            aliases: vec!["usa".into()],
            ..Profile::default()
        };
        let e = tx
            .put_profile(Kind::Participant, "America", &taken)
            .unwrap_err();
        assert!(e.to_string().contains("already another name of"), "{e}");
        let own = Profile {
            description: "x".into(),
            ..Profile::default()
        };
        let e = tx.put_profile(Kind::Participant, "USA", &own).unwrap_err();
        assert!(e.to_string().contains("is another name of"), "{e}");
        let e = tx
            .put_profile(
                Kind::Participant,
                "X",
                &Profile {
                    wikidata: "30".into(),
                    ..Profile::default()
                },
            )
            .unwrap_err();
        assert!(e.to_string().starts_with("wikidata:"), "{e}");
        // Given to another name, an alias goes to the name that one stands for.
        annals_store::add_alias(
            &mut *tx,
            Kind::Participant,
            "United States of America",
            "USA",
        )
        .unwrap();
        tx.commit().unwrap();
        assert_eq!(
            store
                .name_for(Kind::Participant, "UNITED STATES OF AMERICA")
                .unwrap()
                .as_deref(),
            Some("United States")
        );
        assert!(store.name_for(Kind::Place, "USA").unwrap().is_none());

        let mut tx = store.transaction(&by("cy")).unwrap();
        let america = Profile {
            from: "1776".into(),
            description: "Not kept: the profile merged into has one.".into(),
            aliases: vec!["Amerika".into()],
            ..Profile::default()
        };
        tx.put_profile(Kind::Participant, "America", &america)
            .unwrap();
        annals_store::merge_names(&mut *tx, Kind::Participant, "America", "USA").unwrap();
        let again = annals_store::merge_names(&mut *tx, Kind::Participant, "America", "USA");
        assert!(again.is_err(), "already one");
        tx.commit().unwrap();
        let (name, p) = store
            .profile(Kind::Participant, "united states")
            .unwrap()
            .unwrap();
        assert_eq!(name, "United States");
        assert_eq!(p.description, "A federal republic.");
        assert_eq!(p.from, "1776");
        assert_eq!(
            p.aliases,
            ["USA", "United States of America", "Amerika", "America"]
        );
        assert!(store
            .profile(Kind::Participant, "America")
            .unwrap()
            .is_none());
        let gone = store.profile_history(Kind::Participant, "America").unwrap();
        assert_eq!(
            gone.len(),
            1,
            "written and removed in one commit: one state"
        );
        assert!(gone[0].profile.is_none());
        let history = store
            .profile_history(Kind::Participant, "United States")
            .unwrap();
        let authors: Vec<&str> = history.iter().map(|r| r.commit.author.as_str()).collect();
        assert_eq!(authors, ["ann", "bob", "cy"]);

        let mut tx = store.transaction(&by("dee")).unwrap();
        assert!(annals_store::remove_alias(&mut *tx, Kind::Participant, "amerika").unwrap());
        assert!(!annals_store::remove_alias(&mut *tx, Kind::Participant, "nobody").unwrap());
        tx.commit().unwrap();
        let names: Vec<String> = store
            .aliases()
            .unwrap()
            .into_iter()
            .map(|a| a.alias)
            .collect();
        assert_eq!(names, ["America", "United States of America", "USA"]);
    }
}

/// Stories keep every state with its commit, name their field when refused, must name stored
/// events, and a write of the same story is no change.
#[test]
fn stories_keep_their_states() {
    use annals_core::story::Story;
    for (name, mut store, _dir) in backends() {
        import(
            &mut *store,
            &[(
                r#"{"title": "Stamford Bridge", "date": "1066-09-25"}"#,
                "a.json",
            )],
        );
        let story = |text: &str| {
            Story::from_json(&format!(
                r#"{{"id": "road", "title": "The road to Hastings",
                    "stops": [{{"event": "stamford-bridge-1066", "text": "{text}"}},
                              {{"title": "South", "from": "1066-09-26", "to": "1066-10-13"}}]}}"#
            ))
            .unwrap()
        };
        let mut tx = store.transaction(&by("ann")).unwrap();
        assert!(tx.put_story(&story("North first.")).unwrap());
        assert!(!tx.put_story(&story("North first.")).unwrap(), "{name}");
        tx.commit().unwrap();
        let first = store.story("road").unwrap().unwrap();
        assert_eq!(first.story, story("North first."), "{name}");
        assert_eq!(first.generation, store.generation().unwrap());

        // a stop naming no stored event, and a bad field, are refused with the field's name
        let mut tx = store.transaction(&by("bob")).unwrap();
        let mut bad = story("x");
        bad.stops[0].event = Some("no-such-event".into());
        let e = tx.put_story(&bad).unwrap_err().to_string();
        assert!(
            e.contains("stops[0].event") && e.contains("no-such-event"),
            "{name}: {e}"
        );
        bad.stops[0].event = None;
        bad.stops[0].query = Some("harold".into());
        let e = tx.put_story(&bad).unwrap_err().to_string();
        assert!(e.contains("stops[0].title"), "{name}: {e}");
        assert!(tx.put_story(&story("Harold wins in the north.")).unwrap());
        tx.commit().unwrap();

        let mut tx = store.transaction(&by("cy")).unwrap();
        assert!(tx.delete_story("road").unwrap());
        assert!(!tx.delete_story("road").unwrap());
        assert!(!tx.delete_story("never").unwrap());
        tx.commit().unwrap();
        assert_eq!(store.story("road").unwrap(), None, "{name}");

        let h = store.story_history("road").unwrap();
        let states: Vec<(&str, Option<&str>)> = h
            .iter()
            .map(|r| {
                (
                    r.commit.author.as_str(),
                    r.story.as_ref().map(|s| s.stops[0].text.as_str()),
                )
            })
            .collect();
        assert_eq!(
            states,
            [
                ("ann", Some("North first.")),
                ("bob", Some("Harold wins in the north.")),
                ("cy", None)
            ],
            "{name}"
        );

        // listing pages in id order
        let mut tx = store.transaction(&by("dee")).unwrap();
        for id in ["b-story", "a-story", "c-story"] {
            let mut s = story("t");
            s.id = id.into();
            tx.put_story(&s).unwrap();
        }
        tx.commit().unwrap();
        let ids = |after: Option<&str>, limit| -> Vec<String> {
            store
                .stories(after, limit)
                .unwrap()
                .into_iter()
                .map(|s| s.story.id)
                .collect()
        };
        assert_eq!(ids(None, 2), ["a-story", "b-story"], "{name}");
        assert_eq!(ids(Some("b-story"), 10), ["c-story"], "{name}");
    }
}

#[test]
fn write_read_filter() {
    for (name, mut s, _dir) in backends() {
        let a = event(
            r#"{"title": "A", "date": "1960-01-19", "places": [{"name": "Washington, D.C.", "country": "United States"}], "participants": [{"name": "Japanese government"}]}"#,
        );
        let b = event(
            r#"{"title": "B", "date": {"text": "March 15, 44 BC"}, "places": [{"name": "Rome", "country": "Italy"}]}"#,
        );
        let mut tx = s.transaction(&by("t")).unwrap();
        assert_eq!(tx.upsert(&a, None).unwrap(), Written::Created, "{name}");
        assert_eq!(tx.upsert(&b, None).unwrap(), Written::Created, "{name}");
        assert_eq!(tx.upsert(&a, None).unwrap(), Written::Unchanged, "{name}");
        tx.commit().unwrap();
        assert_eq!(s.get("a-1960").unwrap().unwrap(), a, "{name}");
        let ids = |f: &Filter| -> Vec<String> {
            annals_store::list(&*s, f)
                .unwrap()
                .into_iter()
                .map(|e| e.id)
                .collect()
        };
        assert_eq!(ids(&Filter::default()), ["b-44-bc", "a-1960"], "{name}");
        let place = |p: &str| Filter {
            place: Some(p.into()),
            ..Filter::default()
        };
        assert_eq!(ids(&place("washington, d.c.")).len(), 1, "{name}");
        assert_eq!(ids(&place("Washington, D.C., United States")).len(), 1);
        assert_eq!(ids(&place("Italy")), ["b-44-bc"], "{name}");
        assert!(ids(&place("Paris")).is_empty(), "{name}");
        let who = Filter {
            participant: Some("japanese GOVERNMENT".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&who), ["a-1960"], "{name}");
        let bc = Filter {
            days: Some(
                annals_dates::When::from_edtf("-0050/-0040")
                    .unwrap()
                    .axis_range(),
            ),
            ..Filter::default()
        };
        assert_eq!(ids(&bc), ["b-44-bc"], "{name}");
        let one = Filter {
            limit: Some(1),
            ..Filter::default()
        };
        assert_eq!(ids(&one), ["b-44-bc"], "{name}");
        let stats = s.stats().unwrap();
        assert_eq!(
            (stats.events, stats.places, stats.participants),
            (2, 2, 1),
            "{name}"
        );
        assert!(stats.schema_version > 0, "{name}");
        let (before, after) = s.neighbours("a-1960").unwrap();
        assert_eq!(before.map(|e| e.id).as_deref(), Some("b-44-bc"), "{name}");
        assert!(after.is_none(), "{name}");
    }
}

#[test]
fn delete_removes_relations() {
    for (name, mut s, _dir) in backends() {
        let a = event(
            r#"{"title": "A", "date": "1960", "participants": [{"name": "X"}], "related": [{"id": "b-1961", "kind": "related"}]}"#,
        );
        let mut tx = s.transaction(&by("t")).unwrap();
        tx.upsert(&a, None).unwrap();
        assert_eq!(tx.linking("b-1961", 10).unwrap().len(), 1, "{name}");
        assert!(tx.delete("a-1960").unwrap(), "{name}");
        assert!(!tx.delete("a-1960").unwrap(), "{name}");
        tx.commit().unwrap();
        let st = s.stats().unwrap();
        assert_eq!(
            (st.events, st.participants, st.relations),
            (0, 0, 0),
            "{name}"
        );
        assert!(s.linking("b-1961", 10).unwrap().is_empty(), "{name}");
    }
}

#[test]
fn generations_advance_per_commit() {
    for (name, mut s, _dir) in backends() {
        assert_eq!(s.generation().unwrap(), 0, "{name}");
        let tx = s.transaction(&by("t")).unwrap();
        assert_eq!(tx.base_generation(), 0, "{name}");
        assert_eq!(tx.commit().unwrap(), 1, "{name}");
        let mut tx = s.transaction(&by("t")).unwrap();
        tx.upsert(&event(r#"{"title": "A", "date": "1960"}"#), None)
            .unwrap();
        assert_eq!(tx.get("a-1960").unwrap().unwrap().title, "A", "{name}");
        assert_eq!(tx.commit().unwrap(), 2, "{name}");
        assert_eq!(s.generation().unwrap(), 2, "{name}");
        drop(s.transaction(&by("t")).unwrap());
        assert_eq!(s.generation().unwrap(), 2, "{name}");
    }
}

#[test]
fn a_dropped_transaction_writes_nothing() {
    for (name, mut s, _dir) in backends() {
        {
            let mut tx = s.transaction(&by("t")).unwrap();
            tx.upsert(&event(r#"{"title": "A", "date": "1960"}"#), None)
                .unwrap();
            tx.propose_duplicate("a-1960", "b-1960", 0.9, "same")
                .unwrap();
        }
        assert_eq!(s.count().unwrap(), 0, "{name}");
        assert!(s.open_duplicates(10).unwrap().is_empty(), "{name}");
        assert_eq!(s.generation().unwrap(), 0, "{name}");
        // The store is usable after.
        let mut tx = s.transaction(&by("t")).unwrap();
        tx.upsert(&event(r#"{"title": "A", "date": "1960"}"#), None)
            .unwrap();
        tx.commit().unwrap();
        assert_eq!(s.count().unwrap(), 1, "{name}");
    }
}

#[test]
fn stubs_never_overwrite() {
    for (name, mut s, _dir) in backends() {
        let full =
            event(r#"{"title": "A", "date": "1960", "summary": "Full.", "body": ["Long story."]}"#);
        let stub = event(
            r#"{"title": "A", "date": "1960", "summary": "Short.", "related": [{"id": "b-1961", "kind": "related"}]}"#,
        );
        let mut tx = s.transaction(&by("t")).unwrap();
        tx.upsert(&full, None).unwrap();
        assert_eq!(
            tx.upsert_stub(&stub, None).unwrap(),
            Written::Merged,
            "{name}"
        );
        assert_eq!(
            tx.upsert_stub(&stub, None).unwrap(),
            Written::Unchanged,
            "{name}"
        );
        tx.commit().unwrap();
        let got = s.get("a-1960").unwrap().unwrap();
        assert_eq!(got.summary, "Full.", "{name}");
        assert_eq!(got.related.len(), 1, "{name}");
    }
}

#[test]
fn duplicates_and_redirects() {
    for (name, mut s, _dir) in backends() {
        let mut tx = s.transaction(&by("t")).unwrap();
        tx.propose_duplicate("b", "a", 0.5, "same title").unwrap();
        tx.propose_duplicate("c", "d", 0.9, "same date").unwrap();
        tx.decide_duplicate("d", "c", Verdict::Distinct).unwrap();
        // A decided pair stays decided.
        tx.propose_duplicate("c", "d", 0.95, "again").unwrap();
        tx.redirect("x", "y").unwrap();
        tx.redirect("y", "z").unwrap();
        tx.commit().unwrap();
        let open = s.open_duplicates(10).unwrap();
        assert_eq!(open.len(), 1, "{name}");
        assert_eq!(
            (open[0].a.as_str(), open[0].b.as_str()),
            ("a", "b"),
            "{name}"
        );
        assert_eq!(
            s.duplicate_status("d", "c").unwrap(),
            Some(Verdict::Distinct)
        );
        assert_eq!(s.duplicate_status("a", "z").unwrap(), None, "{name}");
        assert_eq!(s.redirect("x").unwrap().as_deref(), Some("z"), "{name}");
        assert_eq!(s.redirect("y").unwrap().as_deref(), Some("z"), "{name}");
        // Writing an event at a redirected id ends the redirect.
        let mut tx = s.transaction(&by("t")).unwrap();
        tx.upsert(&event(r#"{"id": "x", "title": "X", "date": "1960"}"#), None)
            .unwrap();
        tx.commit().unwrap();
        assert_eq!(s.redirect("x").unwrap(), None, "{name}");
    }
}

/// Fill a store with a bit of everything a store keeps.
fn everything(store: &mut dyn EventStore) {
    import(
        store,
        &[
            (
                r#"{"title": "A", "date": "1960", "summary": "One.", "related": [{"id": "b-1961", "kind": "related"}]}"#,
                "a.json",
            ),
            (r#"{"title": "B", "date": "1961"}"#, "b.json"),
            (
                r#"{"title": "C", "date": {"text": "44 BC"}, "places": [{"name": "Rome", "country": "Italy"}]}"#,
                "c.json",
            ),
        ],
    );
    let mut tx = store.transaction(&by("bob")).unwrap();
    tx.upsert(
        &event(r#"{"title": "A", "date": "1960", "summary": "Two."}"#),
        None,
    )
    .unwrap();
    tx.delete("b-1961").unwrap();
    tx.redirect("b-1961", "a-1960").unwrap();
    tx.propose_duplicate("a-1960", "c-44-bc", 0.25, "a test")
        .unwrap();
    tx.decide_duplicate("x", "y", Verdict::Distinct).unwrap();
    annals_store::add_alias(&mut *tx, Kind::Participant, "USA", "United States").unwrap();
    let profile = Profile {
        description: "A city.".into(),
        ..Profile::default()
    };
    tx.put_profile(Kind::Place, "Rome", &profile).unwrap();
    let story = annals_core::story::Story::from_json(
        r#"{"id": "tour", "title": "A tour", "stops": [{"event": "a-1960", "text": "First."}]}"#,
    )
    .unwrap();
    tx.put_story(&story).unwrap();
    tx.commit().unwrap();
    let mut tx = store.transaction(&by("cy")).unwrap();
    annals_store::add_alias(&mut *tx, Kind::Participant, "U.S.", "united states").unwrap();
    tx.delete_story("tour").unwrap();
    let mut walk = story.clone();
    walk.id = "walk".into();
    tx.put_story(&walk).unwrap();
    tx.commit().unwrap();
    let people = store.accounts();
    people
        .add_user("Clio", "a long enough password", Role::Reviewer)
        .unwrap();
    people
        .add_user("ann", "another long password", Role::Editor)
        .unwrap();
    people.new_session("ann", 60_000).unwrap();
    let (revoked, _) = people.new_token("Clio", Scope::Read, "old").unwrap();
    people.revoke_token(revoked).unwrap();
    store.put_file(&picture(1), "ann").unwrap();
    store.put_file(&picture(2), "Clio").unwrap();
}

/// A stored picture (not a real image: the store keeps bytes, `annals_media` makes them).
fn picture(n: u8) -> Picture {
    let bytes = vec![n; 3000 + usize::from(n)];
    Picture {
        hash: format!("{n:02x}").repeat(32),
        mime: "image/png".into(),
        width: 1000,
        height: 750,
        renditions: [320u32, 640]
            .iter()
            .map(|&w| Rendition {
                width: w,
                height: w * 3 / 4,
                bytes: vec![n.wrapping_add(1); w as usize],
            })
            .collect(),
        bytes,
    }
}

/// Pictures are kept once, whole, with their copies; each copy and the file read back by
/// width, and what is known of them without their bytes.
#[test]
fn pictures_are_kept_once_with_their_copies() {
    for (name, store, _dir) in backends() {
        let p = picture(7);
        assert!(store.file_info(&p.hash).unwrap().is_none(), "{name}");
        assert!(store.file(&p.hash, None).unwrap().is_none(), "{name}");
        assert!(store.put_file(&p, "ann").unwrap(), "{name}");
        assert!(!store.put_file(&p, "bob").unwrap(), "{name}: kept twice");
        let info = store.file_info(&p.hash).unwrap().unwrap();
        assert_eq!(
            (info.mime.as_str(), info.width, info.height, info.size),
            ("image/png", 1000, 750, 3007),
            "{name}"
        );
        assert_eq!(info.renditions, [(320, 240), (640, 480)], "{name}");
        assert_eq!(info.author, "ann", "{name}: the first keeper stays");
        let file = store.file(&p.hash, None).unwrap().unwrap();
        assert_eq!(
            (file.mime.as_str(), file.bytes),
            ("image/png", p.bytes.clone())
        );
        let copy = store.file(&p.hash, Some(640)).unwrap().unwrap();
        assert_eq!(copy.mime, "image/webp");
        assert_eq!(copy.bytes, p.renditions[1].bytes, "{name}");
        // A slot between two widths gets the narrower copy; one narrower than every copy none.
        let slot = store.file(&p.hash, Some(500)).unwrap().unwrap();
        assert_eq!(slot.bytes, p.renditions[0].bytes, "{name}");
        assert!(store.file(&p.hash, Some(319)).unwrap().is_none(), "{name}");
    }
}

/// A whole store copied into another (either way between SQLite and PostgreSQL) holds every
/// row of it: the copy's dump is the original's, row for row.
#[test]
fn a_copy_holds_everything() {
    let stores = backends;
    for (from_name, mut from, _d1) in stores() {
        everything(&mut *from);
        for (to_name, mut to, _d2) in stores() {
            let (sent, got) = annals_store::copy::copy(&*from, &mut *to).unwrap();
            assert_eq!(sent, got, "{from_name} → {to_name}");
            assert_eq!(
                (sent.events, sent.history, sent.tombstones, sent.commits),
                (2, 2, 1, 3),
                "{from_name} → {to_name}: {sent:?}"
            );
            assert_eq!((sent.redirects, sent.duplicates, sent.profiles), (1, 2, 2));
            assert_eq!((sent.users, sent.sessions, sent.tokens), (2, 1, 1));
            assert_eq!((sent.stories, sent.story_history), (1, 3));
            assert_eq!(sent.files, 2);
            assert_eq!(
                to.file_info(&picture(2).hash).unwrap(),
                from.file_info(&picture(2).hash).unwrap()
            );
            assert_eq!(
                to.file(&picture(1).hash, Some(320)).unwrap().unwrap().bytes,
                picture(1).renditions[0].bytes
            );
            assert_eq!(
                to.story_history("tour").unwrap(),
                from.story_history("tour").unwrap()
            );
            assert_eq!(to.story("walk").unwrap(), from.story("walk").unwrap());
            // The copy works as a store: same answers, and it takes writes after.
            assert_eq!(
                to.history("a-1960").unwrap(),
                from.history("a-1960").unwrap()
            );
            assert_eq!(to.aliases().unwrap(), from.aliases().unwrap());
            assert_eq!(to.linking("b-1961", 5).unwrap().len(), 0);
            assert_eq!(to.redirect("b-1961").unwrap().as_deref(), Some("a-1960"));
            assert_eq!(
                to.name_for(Kind::Participant, "u.s.").unwrap().as_deref(),
                Some("United States")
            );
            let mut tx = to.transaction(&by("dee")).unwrap();
            tx.upsert(&event(r#"{"title": "D", "date": "1970"}"#), None)
                .unwrap();
            assert_eq!(tx.commit().unwrap(), 4, "{from_name} → {to_name}");
            // Its people sign in with their passwords, and new tokens are numbered after the
            // copied ones.
            let people = to.accounts();
            assert!(people
                .check_password("clio", "a long enough password")
                .unwrap()
                .is_some());
            let (id, secret) = people.new_token("ann", Scope::Write, "new").unwrap();
            assert!(id > 1, "{from_name} → {to_name}: token {id}");
            assert_eq!(people.token(&secret).unwrap().unwrap().0.name, "ann");
            // A store that holds anything is refused as a destination.
            let refused = annals_store::copy::copy(&*from, &mut *to);
            assert!(
                matches!(refused, Err(annals_store::StoreError::Invalid(_))),
                "{from_name} → {to_name}"
            );
        }
    }
}

/// Users, sessions and tokens: the same rules on every backend (names unique whatever their
/// case, secrets kept only as hashes, revoked tokens and ended sessions open nothing).
#[test]
fn users_sessions_tokens() {
    for (name, store, _dir) in backends() {
        let a = store.accounts();
        assert!(!a.any().unwrap(), "{name}");
        assert!(a.add_user("ann", "short", Role::Editor).is_err());
        assert!(a
            .add_user(" ann", "a long enough password", Role::Editor)
            .is_err());
        a.add_user("Ann", "a long enough password", Role::Editor)
            .unwrap();
        assert!(
            a.add_user("ANN", "another long one", Role::Admin).is_err(),
            "{name}: names are unique"
        );
        assert!(a.any().unwrap());
        assert!(a
            .check_password("ann", "wrong password!")
            .unwrap()
            .is_none());
        assert!(a
            .check_password("nobody", "whatever it is")
            .unwrap()
            .is_none());
        let ann = a
            .check_password("ann", "a long enough password")
            .unwrap()
            .unwrap();
        assert_eq!(
            (ann.name.as_str(), ann.role),
            ("Ann", Role::Editor),
            "{name}"
        );
        let (s, csrf) = a.new_session("Ann", 60_000).unwrap();
        let session = a.session(&s).unwrap().unwrap();
        assert_eq!(
            (session.user.name.as_str(), session.csrf.as_str()),
            ("Ann", csrf.as_str())
        );
        let (gone, _) = a.new_session("Ann", -1).unwrap();
        assert!(
            a.session(&gone).unwrap().is_none(),
            "{name}: an ended session"
        );
        a.end_session(&s).unwrap();
        assert!(a.session(&s).unwrap().is_none());
        let (id, t) = a.new_token("Ann", Scope::Write, "script").unwrap();
        assert!(t.starts_with("annals_") && t.len() > 40);
        assert!(a.new_token("nobody", Scope::Read, "x").is_err());
        let (second, _) = a.new_token("Ann", Scope::Read, "reader").unwrap();
        assert!(second > id, "{name}");
        assert_eq!(a.token(&t).unwrap().unwrap().1, Scope::Write);
        let listed = a.tokens(Some("Ann")).unwrap();
        assert_eq!(listed.len(), 2, "{name}");
        assert!(listed[0].last_used_ms.is_some() && listed[1].last_used_ms.is_none());
        assert_eq!(a.tokens(None).unwrap().len(), 2);
        assert!(a.revoke_token(id).unwrap());
        assert!(!a.revoke_token(id).unwrap(), "{name}: revoked once");
        assert!(
            a.token(&t).unwrap().is_none(),
            "a revoked token opens nothing"
        );
        assert!(a.set_role("ANN", Role::Reviewer).unwrap());
        assert!(!a.set_role("nobody", Role::Reviewer).unwrap());
        assert_eq!(a.user("ann").unwrap().unwrap().role, Role::Reviewer);
        assert_eq!(a.users().unwrap().len(), 1);
        // Secrets are kept only as hashes: no dumped row holds one.
        let mut rows = String::new();
        store
            .dump(&mut |row| {
                rows.push_str(&format!("{row:?}"));
                Ok(())
            })
            .unwrap();
        assert!(
            rows.contains("Ann") && !rows.contains(&t) && !rows.contains(&s),
            "{name}"
        );
        assert!(!rows.contains("a long enough password"), "{name}");
    }
}

/// The pictures nothing names: those an event, a profile or a story names, now or in its
/// history, are in use; the others are removed with their copies, and only them.
#[test]
fn pictures_nothing_names() {
    for (name, mut store, _dir) in backends() {
        for n in 1..=5 {
            store.put_file(&picture(n), "ann").unwrap();
        }
        let medium = |n: u8| {
            format!(
                r#"{{"url": "media:{}", "alt": "Picture {n}."}}"#,
                picture(n).hash
            )
        };
        let mut tx = store.transaction(&by("ann")).unwrap();
        for (id, n) in [("a", 1), ("b", 2)] {
            let json = format!(
                r#"{{"id": "{id}", "title": "{id}", "date": "1960", "media": [{}]}}"#,
                medium(n)
            );
            tx.upsert(&event(&json), None).unwrap();
        }
        let profile = Profile {
            media: vec![serde_json::from_str(&medium(3)).unwrap()],
            ..Profile::default()
        };
        tx.put_profile(Kind::Place, "Rome", &profile).unwrap();
        let story = annals_core::story::Story::from_json(&format!(
            r#"{{"id": "tour", "title": "A tour", "stops": [{{"event": "a", "media": [{}]}}]}}"#,
            medium(4)
        ))
        .unwrap();
        tx.put_story(&story).unwrap();
        tx.commit().unwrap();
        // "b" no longer names picture 2, but its history does.
        let mut tx = store.transaction(&by("ann")).unwrap();
        tx.upsert(&event(r#"{"id": "b", "title": "b", "date": "1960"}"#), None)
            .unwrap();
        tx.commit().unwrap();

        let used = annals_store::files::in_use(&*store).unwrap();
        let hashes: Vec<String> = (1..=4).map(|n| picture(n).hash).collect();
        assert_eq!(used.into_iter().collect::<Vec<_>>(), hashes, "{name}");
        let all: Vec<String> = (1..=5).map(|n| picture(n).hash).collect();
        assert_eq!(store.file_hashes().unwrap(), all, "{name}");

        let gone = picture(5).hash;
        assert!(store.remove_file(&gone).unwrap(), "{name}");
        assert!(!store.remove_file(&gone).unwrap(), "{name}: removed twice");
        assert!(store.file_info(&gone).unwrap().is_none(), "{name}");
        assert!(store.file(&gone, None).unwrap().is_none(), "{name}");
        assert!(store.file(&gone, Some(640)).unwrap().is_none(), "{name}");
        assert_eq!(store.file_hashes().unwrap(), hashes, "{name}");
        // The others are whole, copies and all; a dump without files reads none.
        let kept = store.file(&picture(4).hash, Some(320)).unwrap().unwrap();
        assert_eq!(kept.bytes, picture(4).renditions[0].bytes, "{name}");
        let mut files = 0;
        store
            .dump_records(&mut |row| {
                files += usize::from(matches!(row, annals_store::copy::Row::File(_)));
                Ok(())
            })
            .unwrap();
        assert_eq!(files, 0, "{name}");
    }
}
