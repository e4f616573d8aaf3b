use super::*;

#[test]
fn every_file_parses_and_every_language_is_complete() {
    for (lang, source) in SOURCES {
        if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
            panic!("locales/{}.ftl: {errors:?}", lang.code());
        }
    }
    let english = messages(Language::English);
    assert!(english.len() > 100, "{}", english.len());
    for lang in &Language::ALL[1..] {
        let theirs = messages(*lang);
        for (id, args) in &english {
            let found = theirs.iter().find(|(i, _)| i == id);
            let Some((_, their_args)) = found else {
                panic!("locales/{}.ftl lacks {id}", lang.code());
            };
            assert_eq!(their_args, args, "{id} in {}: other arguments", lang.code());
        }
        for (id, _) in &theirs {
            assert!(
                english.iter().any(|(i, _)| i == id),
                "locales/{}.ftl has {id}, which English does not",
                lang.code()
            );
        }
    }
}

#[test]
fn messages_with_plurals_and_arguments() {
    let l = Language::French;
    assert_eq!(text(l, "nav-timeline"), "Frise");
    assert_eq!(text_with(l, "days", &[("n", 1u64.into())]), "1 jour");
    assert_eq!(
        text_with(l, "days", &[("n", 12345u64.into())]),
        "12\u{a0}345 jours"
    );
    assert_eq!(
        text_with(Language::German, "years", &[("n", 2u64.into())]),
        "2 Jahre"
    );
    assert_eq!(
        text_with(Language::English, "days", &[("n", 12345u64.into())]),
        "12,345 days"
    );
    assert_eq!(
        text_with(Language::Spanish, "why-place", &[("place", "Roma".into())]),
        "también en Roma"
    );
    // no isolation marks around arguments
    assert!(!text_with(l, "why-place", &[("place", "Rome".into())]).contains('\u{2068}'));
    // an unknown id is itself
    assert_eq!(text(l, "no-such-message"), "no-such-message");
}

#[test]
fn a_request_gets_the_language_it_asks_for() {
    assert_eq!(choose(Some("fr"), Some("de"), Some("es")), Language::French);
    assert_eq!(choose(None, Some("de"), Some("es")), Language::German);
    assert_eq!(
        choose(Some("xx"), None, Some("es-MX,es;q=0.9")),
        Language::Spanish
    );
    assert_eq!(choose(None, None, None), Language::English);
    assert_eq!(
        from_accept_language("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"),
        Some(Language::French)
    );
    assert_eq!(
        from_accept_language("nl, de;q=0.5, en;q=0.9"),
        Some(Language::English)
    );
    assert_eq!(
        from_accept_language("de;q=0, es;q=0.1"),
        Some(Language::Spanish)
    );
    assert_eq!(from_accept_language("nl, ja"), None);
    assert_eq!(from_accept_language(""), None);
    assert_eq!(from_accept_language(";;;q=,"), None);
}

#[test]
fn scripts_get_their_words_with_places_for_arguments() {
    let words = script_words(Language::German);
    let get = |id: &str| words.iter().find(|(i, _)| i == id).map(|(_, t)| t.as_str());
    assert_eq!(get("js-bc"), Some("{y} v. Chr."));
    assert_eq!(get("js-decimal"), Some(","));
    assert!(words.iter().all(|(id, _)| id.starts_with("js-")));
    assert!(words.len() > 20, "{}", words.len());
}
