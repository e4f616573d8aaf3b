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

/// Create an event through the API with a bearer token.
fn post_event(s: &Server, bearer: &str, json: &str) {
    let r = request(
        s,
        "POST",
        "/api/events",
        &[
            ("Authorization", bearer),
            ("Content-Type", "application/json"),
        ],
        json.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
}

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
    // The address's language holds for the visit (a session cookie), so the page's links and
    // forms answer in it; not when the reader's cookie already says so, nor for the API.
    assert_eq!(
        header(&es, "set-cookie").as_deref(),
        Some("annals-lang-visit=es; Path=/; SameSite=Lax")
    );
    let kept = with_headers(
        &s,
        "/search?q=battle",
        &[("Cookie", "annals-lang=fr; annals-lang-visit=es")],
    );
    assert!(kept.body.contains("<html lang=\"es\">"));
    let again = with_headers(
        &s,
        "/events/caesar?lang=es",
        &[("Cookie", "annals-lang-visit=es")],
    );
    assert!(header(&again, "set-cookie").is_none());
    assert!(header(&get(&s, "/events/caesar?lang=xx"), "set-cookie").is_none());
    // a redirect keeps it too (the editor sends a stranger to the sign-in page)
    let away = get(&s, "/events/new?lang=fr");
    assert_eq!(away.status, 303, "{}", away.body);
    assert_eq!(
        header(&away, "set-cookie").as_deref(),
        Some("annals-lang-visit=fr; Path=/; SameSite=Lax")
    );
    assert!(header(&get(&s, "/api/timeline?q=battle&lang=fr"), "set-cookie").is_none());
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
    // and it ends what an address chose for the visit
    assert!(
        sw.headers
            .contains("annals-lang-visit=; Path=/; Max-Age=0; SameSite=Lax"),
        "{}",
        sw.headers
    );
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

/// An event with its texts in another language: a reader of that language reads them; a
/// reader of a third language reads the event's own, marked with their language; search finds
/// the event by the translation's words; the editor (which does not edit translations yet)
/// keeps them when it saves.
#[test]
fn an_events_texts_in_several_languages() {
    use annals_store::accounts::{Role, Scope};
    let s = start(None);
    let token = user(&s, "clio", Role::Editor, Scope::Write);
    let bearer = format!("Bearer {token}");
    let event = r#"{"id": "hastings", "title": "Battle of Hastings", "date": {"text": "October 14, 1066"}, "summary": "Norman victory.", "body": ["William wins."], "key_points": [{"label": "Claimants", "text": "Three."}], "places": [{"name": "Battle", "country": "United Kingdom", "lat": 50.91, "lon": 0.49}], "lang": "en", "translations": [{"lang": "fr", "title": "Bataille d'Hastings", "summary": "Victoire normande.", "body": ["Guillaume l'emporte."]}]}"#;
    post_event(&s, &bearer, event);

    let fr = get(&s, "/events/hastings?lang=fr");
    assert!(
        fr.body.contains("<h1>Bataille d&#39;Hastings</h1>")
            || fr.body.contains("<h1>Bataille d'Hastings</h1>"),
        "{}",
        fr.body
    );
    assert!(fr.body.contains("Guillaume l"));
    assert!(
        !fr.body.contains("text-language"),
        "no note: the texts are French"
    );
    assert!(
        fr.body.contains(r#"<dl lang="en"><dt>Claimants"#),
        "the key points stay English, marked so"
    );
    let de = get(&s, "/events/hastings?lang=de");
    assert!(
        de.body.contains(r#"<h1 lang="en">Battle of Hastings</h1>"#),
        "{}",
        de.body
    );
    assert!(de.body.contains("Dieser Text ist auf Englisch."));
    let en = get(&s, "/events/hastings");
    assert!(en.body.contains("<h1>Battle of Hastings</h1>"));
    assert!(!en.body.contains("text-language"));
    // Found by the French words.
    let hits = get(&s, "/api/search?q=normande").json();
    assert_eq!(hits["total"], 1, "{hits}");
    // Lists give the title in the reader's language too, or mark the event's own: the search
    // page, the timeline's table and its API, the map's list.
    let fold = |body: &str| body.replace("&#39;", "'");
    for path in [
        "/search?q=hastings&lang=fr",
        "/timeline?from=1000&to=1100&lang=fr",
        "/map?lang=fr",
    ] {
        let page = fold(&get(&s, path).body);
        assert!(page.contains(">Bataille d'Hastings</a>"), "{path}: {page}");
    }
    let page = get(&s, "/search?q=hastings&lang=de").body;
    assert!(
        page.contains(r#"lang="en">Battle of Hastings</a>"#),
        "{page}"
    );
    let first_top = |lang: &str| {
        let api = get(&s, &format!("/api/timeline?from=1000&to=1100&lang={lang}")).json();
        api["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| !b["top"].as_array().unwrap().is_empty())
            .unwrap()["top"][0]
            .clone()
    };
    let top = first_top("fr");
    assert_eq!(top["title"], "Bataille d'Hastings", "{top}");
    assert!(top.get("title_lang").is_none());
    let top = first_top("es");
    assert_eq!(
        (top["title"].as_str(), top["title_lang"].as_str()),
        (Some("Battle of Hastings"), Some("en"))
    );

    // The editor shows the texts in other languages and saves what it is given.
    let (cookie, csrf) = sign_in(&s, "clio");
    let (page, etag) = edit_page(&s, &cookie);
    assert!(
        page.contains("fr: Bataille d&#39;Hastings") || page.contains("fr: Bataille d'Hastings"),
        "the form shows them"
    );
    let r = save(
        &s,
        &cookie,
        &format!("csrf={csrf}&etag={etag}&title=Battle+of+Hastings&date=October+14%2C+1066&summary=A+Norman+victory.&lang=en&translations=fr%3A+Bataille+d%27Hastings%0D%0A%0D%0AUne+victoire+normande.%0D%0A%0D%0Aes%3A+Batalla+de+Hastings&change=summary"),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let v = get(&s, "/api/events/hastings").json();
    assert_eq!(v["summary"], "A Norman victory.");
    assert_eq!(v["lang"], "en");
    assert_eq!(v["translations"][0]["title"], "Bataille d'Hastings", "{v}");
    assert_eq!(
        v["translations"][0]["summary"], "Une victoire normande.",
        "{v}"
    );
    assert_eq!(v["translations"][1]["lang"], "es", "{v}");
    // A block without its language is refused, and says where.
    let (_, etag) = edit_page(&s, &cookie);
    let r = save(
        &s,
        &cookie,
        &format!("csrf={csrf}&etag={etag}&title=Battle+of+Hastings&date=1066&translations=Bataille&change=x"),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body
            .contains("line 1: expected a language and a title first"),
        "{}",
        r.body
    );
}

/// The editor's page of the event and its ETag, ready for a form body.
fn edit_page(s: &Server, cookie: &str) -> (String, String) {
    let page = request(
        s,
        "GET",
        "/events/hastings/edit",
        &[("Cookie", cookie)],
        b"",
    );
    let etag = page
        .body
        .split("name=\"etag\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .replace("&quot;", "%22");
    (page.body, etag)
}

/// The editor's form sent.
fn save(s: &Server, cookie: &str, body: &str) -> Reply {
    request(
        s,
        "POST",
        "/events/hastings/edit",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", cookie),
            ("Origin", "http://x"),
        ],
        body.as_bytes(),
    )
}

/// A search the language cannot read is explained in the reader's language, on the search,
/// timeline and map pages, with the caret under the place; the JSON API stays English.
#[test]
fn a_search_that_cannot_be_read_is_explained_in_the_readers_language() {
    let s = start(None);
    let page = |path: &str, headers: &[(&str, &str)]| {
        let r = with_headers(&s, path, headers);
        assert_eq!(r.status, 400, "{path}: {}", r.body);
        r.body.replace("&#39;", "'").replace("&quot;", "\"")
    };
    let en = page("/search?q=(battle", &[]);
    assert!(
        en.contains("Expected ')' to close the '(' at character 0."),
        "{en}"
    );
    assert!(en.contains("(battle<mark>␣</mark>"), "the caret: {en}");
    let fr = page("/search?q=battle+date:1914..1900&lang=fr", &[]);
    assert!(
        fr.contains("Intervalle de dates inversé : « 1914 » commence après la fin de « 1900 »"),
        "{fr}"
    );
    assert!(
        fr.contains("battle date:<mark>1</mark>914..1900"),
        "the caret: {fr}"
    );
    let de = page("/timeline?q=near:95,0,10km", &[("Accept-Language", "de")]);
    assert!(
        de.contains("Der Wert 95 liegt außerhalb des zulässigen Bereichs: Ein Breitengrad muss zwischen -90 und 90 liegen."),
        "{de}"
    );
    let es = page("/map?q=%22treaty", &[("Cookie", "annals-lang=es")]);
    assert!(
        es.contains("Frase sin cerrar: falta un '\"' que cierre el '\"' de la posición 0."),
        "{es}"
    );
    let api = with_headers(&s, "/api/search?q=(battle", &[("Accept-Language", "fr")]);
    assert_eq!(api.status, 400);
    assert!(
        api.body
            .contains("query error at character 7: expected ')'"),
        "{}",
        api.body
    );
}

/// The pages editors and reviewers use speak the reader's language too: the event editor (its
/// labels, help, calendar, problems, delete box and conflict page), the words of its script,
/// the profile editor and the review of duplicates; English stays as it was.
#[test]
fn the_editors_pages_speak_the_readers_language() {
    use annals_store::accounts::{Role, Scope};
    let s = start(None);
    let token = user(&s, "clio", Role::Editor, Scope::Write);
    user(&s, "herodotus", Role::Reviewer, Scope::Write);
    let bearer = format!("Bearer {token}");
    for event in [
        r#"{"id": "hastings", "title": "Battle of Hastings", "date": {"text": "October 14, 1066"}, "summary": "The Normans under William defeated the English army of Harold near Hastings.", "participants": [{"name": "William the Conqueror"}]}"#,
        r#"{"id": "hastings-2", "title": "Hastings, battle of", "date": "1066", "summary": "William's Normans defeated Harold's English army near Hastings."}"#,
    ] {
        post_event(&s, &bearer, event);
    }
    let (cookie, csrf) = sign_in(&s, "clio");
    let page = |path: &str, cookie: &str| {
        let r = request(&s, "GET", path, &[("Cookie", cookie)], b"");
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        r.body.replace("&#39;", "'")
    };
    let no_english = |body: &str, what: &str| {
        for english in [
            "Narrative",
            "Key points",
            "Nothing was saved",
            "What you changed",
            ">Save<",
            ">Cancel<",
            "Other names",
            "Compare each pair",
            "Keep both",
        ] {
            assert!(!body.contains(english), "{what}: {english:?} is left");
        }
    };

    // A new event, in French by the URL; its script's words too.
    let new = page("/events/new?lang=fr", &cookie);
    for french in [
        "<h1>Nouvel événement</h1>",
        "Récit",
        "Points clés",
        "Julien avant le 15 octobre 1582",
        "Comme vous l'écririez : 15 mars 44 av. J.-C.",
        ">Enregistrer<",
        ">Annuler<",
        r#""js-edit-reads-as":"Comprise comme {date}""#,
        r#""js-edit-unnamed-place":"Lieu sans nom""#,
    ] {
        assert!(new.contains(french), "{french}: {new}");
    }
    no_english(&new, "/events/new?lang=fr");

    // An event's editor, in French by the cookie; a problem is said in French.
    let fr_cookie = format!("{cookie}; annals-lang=fr");
    let edit = page("/events/hastings/edit", &fr_cookie);
    for french in [
        r#"<h1>Modifier « <a href="/events/hastings">Battle of Hastings</a> »</h1>"#,
        "Supprimer cet événement",
        "Ce que vous avez modifié",
        "Images et enregistrements",
    ] {
        assert!(edit.contains(french), "{french}: {edit}");
    }
    no_english(&edit, "/events/hastings/edit");
    let etag = edit
        .split("name=\"etag\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .replace("&quot;", "%22");
    let post = |path: &str, cookie: &str, body: &str| {
        request(
            &s,
            "POST",
            path,
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Cookie", cookie),
                ("Origin", "http://x"),
            ],
            body.as_bytes(),
        )
    };
    let r = post(
        "/events/hastings/edit",
        &fr_cookie,
        &format!("csrf={csrf}&etag={etag}&title=&date=1066&change=x"),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    let refused = r.body.replace("&#39;", "'");
    assert!(
        refused.contains("Rien n'a été enregistré : 1 champ est à revoir."),
        "{refused}"
    );
    assert!(
        refused.contains("donnez un titre à l'événement"),
        "{refused}"
    );
    no_english(&refused, "the refused form");
    // Lines of the lists that do not read, and a date that is none, said in French.
    let r = post(
        "/events/hastings/edit",
        &fr_cookie,
        &format!("csrf={csrf}&etag={etag}&title=Hastings&date=Smarch+44&key_points=ok%3A+fine%0Ano+colon&places=Battle+%40+north&change=x"),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    let refused = r.body.replace("&#39;", "'").replace("&quot;", "\"");
    for french in [
        "ligne 2 : il faut un intitulé, deux-points, puis le point",
        "ligne 1 : « north » après @ : il faut une latitude et une longitude en degrés",
    ] {
        assert!(refused.contains(french), "{french}: {refused}");
    }
    let r = post(
        "/events/hastings/edit",
        &fr_cookie,
        &format!("csrf={csrf}&etag={etag}&title=Hastings&date=Smarch+44&change=x"),
    );
    assert!(
        r.body
            .contains("« Smarch 44 » n&#39;est pas une date qu&#39;annals sait lire")
            || r.body
                .contains("« Smarch 44 » n'est pas une date qu'annals sait lire"),
        "{}",
        r.body
    );
    // What the event model refuses: a place off the globe, an event related to itself.
    let r = post(
        "/events/hastings/edit",
        &fr_cookie,
        &format!(
            "csrf={csrf}&etag={etag}&title=Hastings&date=1066&places=Battle+%40+95%2C+0&change=x"
        ),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body
            .contains("Le lieu « Battle » doit avoir à la fois une latitude (-90 à 90)"),
        "{}",
        r.body
    );
    let r = post(
        "/events/hastings/edit",
        &fr_cookie,
        &format!("csrf={csrf}&etag={etag}&title=Hastings&date=1066&related=hastings+%28cause%29&change=x"),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("« hastings »"), "{}", r.body);
    no_english(&r.body, "a model problem");
    let api = get(&s, "/api/dates?text=Smarch+44&lang=de");
    assert_eq!(api.status, 400);
    assert!(
        api.body
            .contains("„Smarch 44“ ist kein Datum, das annals lesen kann"),
        "{}",
        api.body
    );
    // Someone saved in between: the conflict page, and its table, in French.
    let r = post(
        "/events/hastings/edit",
        &fr_cookie,
        &format!("csrf={csrf}&etag={etag}&title=Battle+of+Hastings&date=October+14%2C+1066&summary=Changed.&change=x"),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let r = post(
        "/events/hastings/edit",
        &fr_cookie,
        &format!("csrf={csrf}&etag={etag}&title=Battle+of+Hastings&date=October+14%2C+1066&summary=Mine.&change=y"),
    );
    assert_eq!(r.status, 409, "{}", r.body);
    let conflict = r.body.replace("&#39;", "'");
    for french in [
        "Quelqu'un a enregistré cet événement pendant que vous le modifiiez",
        "Champs modifiés : Enregistrée à présent et La vôtre",
        r#"<th scope="row">résumé</th>"#,
    ] {
        assert!(conflict.contains(french), "{french}: {conflict}");
    }
    no_english(&conflict, "the conflict page");

    // A participant's profile editor.
    let profile = page(
        "/participants/William%20the%20Conqueror/edit?lang=fr",
        &cookie,
    );
    for french in [
        "<h1>À propos de William the Conqueror</h1>",
        "Autres noms",
        "Élément Wikidata",
        "Le même participant que",
        ">Fusionner<",
    ] {
        assert!(profile.contains(french), "{french}: {profile}");
    }
    no_english(&profile, "the profile editor");

    // The review of duplicates, for a reviewer.
    let (rev_cookie, _) = sign_in(&s, "herodotus");
    let queue = page("/review?lang=fr", &rev_cookie);
    for french in [
        "<h1>Doublons à examiner</h1>",
        "1 paire d'événements semble être un même événement enregistré deux fois.",
        ">Comparer<",
        "dates qui se chevauchent; titres proches (",
    ] {
        assert!(queue.contains(french), "{french}: {queue}");
    }
    no_english(&queue, "/review");
    let pair = page("/review/hastings/hastings-2?lang=fr", &rev_cookie);
    for french in [
        "<h1>Un événement ou deux ?</h1>",
        r#"Comparez <a href="/events/hastings">Battle of Hastings</a> et <a href="/events/hastings-2">Hastings, battle of</a>. La fusion"#,
        "Première : <code>hastings</code>",
        "Garder les deux",
        "Sources, liens",
        "0 source, 0 lien",
    ] {
        assert!(pair.contains(french), "{french}: {pair}");
    }
    no_english(&pair, "the pair");

    // German, by the header.
    let de = request(
        &s,
        "GET",
        "/events/new",
        &[("Cookie", &cookie), ("Accept-Language", "de")],
        b"",
    );
    for german in [
        "<h1>Neues Ereignis</h1>",
        "Darstellung",
        "Das Wichtigste",
        ">Speichern<",
        "Julianisch vor dem 15. Oktober 1582",
    ] {
        assert!(de.body.contains(german), "{german}: {}", de.body);
    }
    no_english(&de.body, "/events/new in German");

    // English as before.
    let en = page("/events/new", &cookie);
    for english in ["<h1>New event</h1>", "Narrative", "Key points", ">Save<"] {
        assert!(en.contains(english), "{english}");
    }
    let r = post(
        "/events/hastings/edit",
        &cookie,
        &format!("csrf={csrf}&etag=x&title=&date=&change=x"),
    );
    assert!(
        r.body.contains("Nothing was saved: 2 fields need a look."),
        "{}",
        r.body
    );
}
