//! The reader's language over HTTP: `Accept-Language`, the `annals-lang` cookie and `?lang=`
//! choose the pages' language (in that order of strength: URL, cookie, header); pages say
//! which (`Content-Language`, `Vary`); dates are written as that language's historians write
//! them; kept search pages are kept per language; `/language` keeps a choice and goes back
//! only to this site; `/api/timeline?lang=` labels its periods in the language.

mod common;
use common::*;

const EVENTS: &str = r#"{"id": "hastings", "title": "Battle of Hastings", "date": {"text": "October 14, 1066"}, "summary": "Norman victory.", "places": [{"name": "Battle", "country": "United Kingdom", "lat": 50.91, "lon": 0.49}]}
{"id": "caesar", "title": "Assassination of Julius Caesar", "date": {"text": "March 15, 44 BC"}, "summary": "Killed in the Senate."}
{"id": "stamford", "title": "Battle of Stamford Bridge", "date": {"text": "September 25, 1066"}, "summary": "A Norwegian defeat."}"#;

fn with_headers(s: &Server, path: &str, headers: &[(&str, &str)]) -> Reply {
    request(s, "GET", path, headers, b"")
}

#[test]
fn pages_speak_the_readers_language() {
    let s = start(Some(TOKEN));
    let (k, v) = auth();
    let r = request(
        &s,
        "POST",
        "/api/import?format=jsonl",
        &[(k, &v)],
        EVENTS.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);

    // Accept-Language: German, with the Julian day written in German.
    let de = with_headers(
        &s,
        "/events/hastings",
        &[("Accept-Language", "de-AT, en;q=0.5")],
    );
    assert_eq!(header(&de, "content-language").as_deref(), Some("de"));
    assert!(header(&de, "vary").is_some_and(|v| v.contains("Accept-Language")));
    assert!(de.body.contains(r#"<html lang="de">"#));
    assert!(de.body.contains("14. Oktober 1066"), "{}", de.body);
    assert!(de.body.contains("julianischer Kalender"));
    // The cookie wins over the header, the URL over both.
    let fr = with_headers(
        &s,
        "/events/caesar",
        &[("Accept-Language", "de"), ("Cookie", "annals-lang=fr")],
    );
    assert!(fr.body.contains("15 mars 44 av. J.-C."), "{}", fr.body);
    let es = with_headers(
        &s,
        "/events/caesar?lang=es",
        &[("Cookie", "annals-lang=fr")],
    );
    assert!(es.body.contains("15 de marzo de 44 a. C."));
    // No choice at all: English, as before.
    let en = get(&s, "/events/caesar");
    assert_eq!(header(&en, "content-language").as_deref(), Some("en"));
    assert!(en.body.contains("March 15, 44 BC"));

    // A kept search page is kept per language.
    let first = get(&s, "/search?q=battle");
    assert!(first.body.contains("2 events match"), "{}", first.body);
    let again = with_headers(&s, "/search?q=battle", &[("Accept-Language", "fr")]);
    assert!(
        again.body.contains("2 événements correspondent"),
        "{}",
        again.body
    );
    assert!(get(&s, "/search?q=battle").body.contains("2 events match"));

    // The switcher keeps the choice and goes back, to this site only.
    let sw = get(&s, "/language?to=es&back=/events/hastings");
    assert_eq!(sw.status, 303);
    assert_eq!(header(&sw, "location").as_deref(), Some("/events/hastings"));
    assert!(header(&sw, "set-cookie").is_some_and(|c| c.starts_with("annals-lang=es;")));
    let away = get(&s, "/language?to=fr&back=//evil.example/");
    assert_eq!(header(&away, "location").as_deref(), Some("/"));
    let unknown = get(&s, "/language?to=xx&back=/");
    assert!(header(&unknown, "set-cookie").is_none());

    // The API's periods, in French when asked; English otherwise, whatever the headers say.
    let labels = |path: &str, headers: &[(&str, &str)]| -> Vec<String> {
        with_headers(&s, path, headers).json()["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["label"].as_str().unwrap().to_string())
            .collect()
    };
    let path = "/api/timeline?from=1000&to=1100&buckets=12";
    let fr = labels(&format!("{path}&lang=fr"), &[]);
    assert!(fr.iter().any(|l| l == "années 1060"), "{fr:?}");
    let en = labels(path, &[("Accept-Language", "fr")]);
    assert!(en.iter().any(|l| l == "1060s"), "{en:?}");
    assert_eq!(labels(&format!("{path}&lang=xx"), &[]), en);
}
