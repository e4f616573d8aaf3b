//! Unit tests of resolution: the required behaviour of issue 5 §2 and the rules of the crate docs.

use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::get()
}

fn id(name: &str, country: &str) -> Option<u64> {
    g().resolve(name, country).and_then(|h| h.geonames_id)
}

fn text_id(text: &str) -> Option<u64> {
    g().resolve_text(text).and_then(|h| h.geonames_id)
}

#[test]
fn data_is_complete() {
    assert_eq!(g().city_count(), 147_283);
    assert_eq!(g().country_count(), 250);
    assert!(g()
        .cities
        .iter()
        .all(|c| c.id != 0 && !c.name.is_empty() && c.cc.len() == 2));
}

#[test]
fn washington_dc() {
    let h = g().resolve_text("Washington, D.C., United States").unwrap();
    assert_eq!(h.geonames_id, Some(4140963));
    assert_eq!(h.name, "Washington");
    assert_eq!(h.country_code, "US");
    assert_eq!(h.kind, HitKind::City);
    assert!((h.lat - 38.9).abs() < 0.05, "{}", h.lat);
    assert!((h.lon + 77.0).abs() < 0.05, "{}", h.lon);
    for (name, country) in [
        ("Washington, D.C.", ""),
        ("Washington, D.C.", "United States"),
        ("Washington", "United States"),
        ("Washington, DC", "USA"),
        ("Washington D.C.", ""),
        ("Washington, District of Columbia", ""),
        ("Washington", ""),
    ] {
        assert_eq!(id(name, country), Some(4140963), "{name} / {country}");
    }
    // Washington the state as a qualifier: another Washington, not the capital
    assert_ne!(text_id("Vancouver, Washington"), None);
    assert_eq!(
        g().resolve_text("Vancouver, Washington")
            .unwrap()
            .country_code,
        "US"
    );
}

#[test]
fn historical_states_disambiguate() {
    assert_eq!(text_id("Rome, Papal States"), Some(3169070));
    assert_eq!(id("Rome", "Papal States"), Some(3169070));
    assert_eq!(id("Rome", "Roman Empire"), Some(3169070));
    assert_eq!(id("Rome", ""), Some(3169070));
    // A state of its time that lay across today's countries: Ghent is the Belgian one.
    assert_eq!(
        g().resolve("Ghent", "United Kingdom of the Netherlands")
            .unwrap()
            .country_code,
        "BE"
    );
    // A historical state alone is no place ("Francia" is also a village in Honduras).
    assert!(g().resolve("Francia", "").is_none());
    // Rome, Georgia (US) with a state qualifier
    assert_eq!(
        g().resolve("Rome", "Georgia, United States")
            .unwrap()
            .country_code,
        "US"
    );
    assert_eq!(g().resolve_text("Rome, GA").unwrap().country_code, "US");
    // Alexandria in the Roman Empire is the Egyptian one
    assert_eq!(
        g().resolve("Alexandria", "Roman Empire")
            .unwrap()
            .country_code,
        "EG"
    );
    assert_eq!(
        g().resolve("Alexandria", "Virginia").unwrap().country_code,
        "US"
    );
    assert_eq!(
        g().resolve("Moscow", "Soviet Union").unwrap().country_code,
        "RU"
    );
    assert_eq!(
        g().resolve("Kyoto", "Tokugawa Japan").unwrap().country_code,
        "JP"
    );
    assert_eq!(
        g().resolve("Königsberg", "Prussia").unwrap().name,
        "Kaliningrad"
    );
}

#[test]
fn paris() {
    let tx = g().resolve_text("Paris, Texas").unwrap();
    assert_eq!(tx.country_code, "US");
    assert_eq!(tx.geonames_id, Some(4717560));
    assert_eq!(id("Paris", "Texas"), Some(4717560));
    assert_eq!(text_id("Paris, TX"), Some(4717560));
    assert_eq!(text_id("Paris, Tex., USA"), Some(4717560));
    let fr = g().resolve_text("Paris").unwrap();
    assert_eq!(fr.country_code, "FR");
    assert_eq!(fr.geonames_id, Some(2988507));
    assert_eq!(id("Paris", "France"), Some(2988507));
    assert_eq!(id("paris", "FR"), Some(2988507));
    assert_eq!(id("PARIS", "fra"), Some(2988507));
    // an unknown qualifier is ignored
    assert_eq!(text_id("Paris, Île-de-France, France"), Some(2988507));
    // a known qualifier that fits no Paris: nothing
    assert_eq!(id("Paris", "Japan"), None);
}

#[test]
fn historical_names() {
    let h = g().resolve_text("Constantinople").unwrap();
    assert_eq!((h.geonames_id, h.name.as_str()), (Some(745044), "Istanbul"));
    assert_eq!(id("Constantinople", "Ottoman Empire"), Some(745044));
    assert_eq!(id("Constantinople", "Byzantine Empire"), Some(745044));
    let h = g().resolve_text("Edo").unwrap();
    assert_eq!((h.geonames_id, h.name.as_str()), (Some(1850147), "Tokyo"));
    assert_eq!(id("Edo", "Tokugawa Japan"), Some(1850147));
}

#[test]
fn diacritics_and_case() {
    let h = g().resolve("Munster", "Germany").unwrap();
    assert_eq!((h.geonames_id, h.name.as_str()), (Some(2867543), "Münster"));
    assert_eq!(id("Münster", "Germany"), Some(2867543));
    assert_eq!(text_id("MUENSTER"), Some(2867543));
    assert_eq!(text_id("São Paulo"), text_id("Sao Paulo"));
    assert_eq!(g().resolve_text("sao paulo").unwrap().country_code, "BR");
    assert_eq!(g().resolve_text("Krakow").unwrap().name, "Kraków");
    assert_eq!(g().resolve_text("Zurich").unwrap().country_code, "CH");
}

#[test]
fn springfield() {
    let h = g().resolve_text("Springfield, Illinois").unwrap();
    assert_eq!(h.geonames_id, Some(4250542));
    assert_eq!(
        text_id("Springfield, Sangamon County, Illinois, USA"),
        Some(4250542)
    );
    assert_ne!(text_id("Springfield, Massachusetts"), Some(4250542));
    assert_eq!(
        g().resolve_text("Springfield, Massachusetts")
            .unwrap()
            .country_code,
        "US"
    );
}

#[test]
fn unknown_places() {
    assert_eq!(g().resolve_text("Camelot"), None);
    assert_eq!(g().resolve("Camelot", ""), None);
    assert_eq!(g().resolve("Camelot", "England"), None);
    assert_eq!(g().resolve_text("Lemuria"), None);
    // "Atlantis" is also a town in GeoNames (Atlantis, Western Cape, South Africa, 82,736
    // people): named alone it is the legend and stays unresolved; with its country, the town
    assert_eq!(g().resolve_text("Atlantis"), None);
    assert_eq!(text_id("Atlantis, South Africa"), Some(3370352));
    assert_eq!(
        g().resolve("Atlantis", "South Africa")
            .and_then(|h| h.geonames_id),
        Some(3370352)
    );
    assert_eq!(g().resolve_text("El Dorado"), None);
    assert_eq!(g().resolve_text("Shangri-La"), None);
    assert_eq!(g().resolve("Atlantis", "Greece"), None);
    assert_eq!(g().resolve_text("Atlantis, Greece"), None);
    assert_eq!(g().resolve_text(""), None);
    assert_eq!(g().resolve("", ""), None);
    assert_eq!(g().resolve_text(" , ,, "), None);
    // a division alone is the division (issue 13 §3), never a town abroad
    assert_eq!(g().resolve_text("Texas").unwrap().kind, HitKind::Region);
}

#[test]
fn countries() {
    let h = g().resolve_text("Japan").unwrap();
    assert_eq!(h.kind, HitKind::Country);
    assert_eq!(h.country_code, "JP");
    assert_eq!(h.geonames_id, Some(1861060));
    // the middle of its towns (Honshu, west of Tokyo), said so
    assert!((h.lat - 35.44).abs() < 0.1 && (h.lon - 135.84).abs() < 0.1);
    assert!(h.reason.contains("middle"), "{}", h.reason);
    // a country of few towns, at its capital: Kiribati's lie on atolls 3,000 km apart
    let h = g().resolve_text("Kiribati").unwrap();
    assert!(
        (h.lat - 1.33).abs() < 0.1 && (h.lon - 172.98).abs() < 0.1,
        "{h:?}"
    );
    assert!(h.reason.contains("capital"), "{}", h.reason);
    // one that is an island of the hand-written table, at the island's middle
    let h = g().resolve_text("Saint Helena").unwrap();
    assert!(h.reason.contains("island"), "{}", h.reason);
    assert!(distance_km(h.lat, h.lon, -15.95, -5.7) < 20.0, "{h:?}");
    for (text, cc) in [
        ("United States", "US"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("United Kingdom", "GB"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("England", "GB"),
        ("Russia", "RU"),
        ("South Korea", "KR"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Holland", "NL"),
        ("Mexico", "MX"),
        ("Georgia", "GE"),
    ] {
        let h = g().resolve_text(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (h.kind, h.country_code.as_str()),
            (HitKind::Country, cc),
            "{text}"
        );
    }
    // historical states alone do not resolve to today's capital (issue 13 §3); those whose name
    // is also an island's resolve to the island
    for text in [
        "Soviet Union",
        "USSR",
        "Persia",
        "Siam",
        "Burma",
        "Papal States",
        "Ottoman Empire",
        "Qing dynasty",
        "Mughal Empire",
        "Yugoslavia",
        "Czechoslovakia",
        "East Germany",
        "Colonial America",
        "Byzantine Empire",
        "Republic of Venice",
    ] {
        assert_eq!(g().resolve_text(text), None, "{text}");
    }
    assert_eq!(g().resolve_text("Ceylon").unwrap().kind, HitKind::Feature);
    // the country field alone
    assert_eq!(g().resolve("", "Japan").unwrap().country_code, "JP");
    // a city whose name is also a country's, qualified away from that country
    let h = g().resolve_text("Holland, Michigan").unwrap();
    assert_eq!((h.kind, h.country_code.as_str()), (HitKind::City, "US"));
    // UK nations qualify by admin1
    assert_eq!(
        g().resolve_text("Perth, Scotland").unwrap().country_code,
        "GB"
    );
    assert_eq!(g().resolve_text("Perth").unwrap().country_code, "AU");
    assert_eq!(text_id("Birmingham, England"), Some(2655603));
    assert_eq!(
        g().resolve_text("Birmingham, Alabama")
            .unwrap()
            .country_code,
        "US"
    );
    // Scotland alone is the division (GeoNames admin1), at the middle of its places
    assert_eq!(g().resolve_text("Scotland").unwrap().kind, HitKind::Region);
}

#[test]
fn leading_unknown_parts_fall_back_to_the_city() {
    // the Tower is a site of the hand-written table; an unknown building falls back to the city
    let t = g()
        .resolve_text("Tower of London, London, England")
        .unwrap();
    assert_eq!(t.kind, HitKind::Feature);
    assert!((t.lat - 51.508).abs() < 0.01);
    assert_eq!(text_id("Big Old Building, London, England"), Some(2643743));
    assert_eq!(text_id("Palais du Louvre, Paris"), Some(2988507));
    // (Montmartre itself is in GeoNames: the 18th arrondissement)
    assert_eq!(text_id("Montmartre, Paris"), Some(3029374));
    // but not to a bare country
    assert_eq!(g().resolve_text("Some Village, Japan"), None);
}

#[test]
fn never_panics_on_nasty_input() {
    let long = "a,".repeat(100_000);
    let deep = "Paris, ".repeat(10_000);
    let nasty = [
        "",
        ",",
        ",,,,,,",
        "\0",
        "\u{FEFF}Paris",
        "Pa\u{301}ris",
        "🏳️‍🌈, 🇯🇵",
        "ǅ ǈ ǋ ﬁ ẞ İ",
        "\u{10FFFF}",
        "Москва",
        "東京, 日本",
        "\t\n\r",
        long.as_str(),
        deep.as_str(),
        "Washington,,,D.C.,,,",
        "D.C.",
        "IN, IN, IN",
        "'''",
        "𝔓𝔞𝔯𝔦𝔰",
    ];
    for a in nasty {
        for b in nasty {
            let _ = g().resolve(a, b);
        }
        let _ = g().resolve_text(a);
    }
    assert_eq!(
        g().resolve_text(&deep).and_then(|h| h.geonames_id),
        Some(2988507)
    );
}

mod props {
    use super::g;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn resolve_never_panics(name in "\\PC{0,40}", country in "\\PC{0,20}") {
            let _ = g().resolve(&name, &country);
        }

        #[test]
        fn resolve_is_case_and_comma_space_insensitive(
            name in "(Paris|Rome|Edo|Springfield|Washington)(, (Texas|Illinois|Papal States|D\\.C\\.|Japan))?"
        ) {
            let key = |h: Option<crate::Hit>| h.map(|h| (h.geonames_id, h.name, h.kind, h.confidence.to_bits()));
            let a = key(g().resolve_text(&name));
            let b = key(g().resolve_text(&name.to_uppercase().replace(", ", " ,  ")));
            prop_assert_eq!(a, b);
        }
    }
}

#[test]
fn completes_places_as_they_are_typed() {
    let g = Gazetteer::get();
    let hits = g.complete("hastin", 5);
    assert!(
        hits.iter()
            .any(|(h, c)| h.name == "Hastings" && c == "United Kingdom"),
        "{:?}",
        hits.iter()
            .map(|(h, c)| format!("{}, {c}", h.name))
            .collect::<Vec<_>>()
    );
    let japan = g.complete("Jap", 3);
    assert_eq!(japan[0].0.name, "Japan", "countries first");
    assert!(g.complete("x", 5).is_empty(), "at least two letters");
    assert!(g
        .complete("Zürich", 3)
        .iter()
        .any(|(h, _)| h.name == "Zürich"));
}

#[test]
fn the_largest_cities_come_first() {
    let g = Gazetteer::get();
    let top = g.largest_cities(30);
    assert_eq!(top.len(), 30);
    assert!(top.windows(2).all(|w| w[0].3 >= w[1].3), "by population");
    let names: Vec<&str> = top.iter().map(|c| c.0).collect();
    assert!(
        names.contains(&"Tokyo") && names.contains(&"Shanghai"),
        "{names:?}"
    );
}

/// Issue 13 §3: false matches are worse than no match.
#[test]
fn no_wrong_continents() {
    for (text, cc) in [("Virginia", "US"), ("Florida", "US"), ("Arizona", "US")] {
        let h = g().resolve_text(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (h.kind, h.country_code.as_str()),
            (HitKind::Region, cc),
            "{text}"
        );
    }
    let wh = g().resolve_text("White House").unwrap();
    assert_eq!(wh.country_code, "US");
    assert!((wh.lat - 38.9).abs() < 0.05 && (wh.lon + 77.04).abs() < 0.05);
    // an unknown country qualifier constrains or leaves the place unresolved
    for (name, country) in [("Koro", "Fiji Islands"), ("Koro | Fiji Islands", "")] {
        if let Some(h) = g().resolve(name, country) {
            assert_eq!(h.country_code, "FJ", "{name} / {country}");
        }
    }
    assert_eq!(g().resolve("Koro", "Kingdom of Atlantis"), None);
    // historical states alone stay unresolved, and say why
    assert_eq!(g().resolve_text("Byzantine Empire"), None);
    assert_eq!(g().resolve_text("Republic of Venice"), None);
    assert!(g()
        .explain("Byzantine Empire", "")
        .contains("historical state"));
    // but qualify
    assert_eq!(
        g().resolve_text("Venice, Republic of Venice")
            .unwrap()
            .country_code,
        "IT"
    );
    // every hit has a confidence and a reason
    let h = g().resolve_text("Kyoto").unwrap();
    assert!(h.confidence >= MIN_CONFIDENCE && !h.reason.is_empty());
}

#[test]
fn small_towns_regions_islands_features() {
    for (text, lat, lon) in [
        ("Tordesillas, Spain", 41.50, -5.00),
        ("Palos de la Frontera", 37.23, -6.89),
        ("Gettysburg, Pennsylvania", 39.83, -77.23),
        ("Appomattox, Virginia", 37.36, -78.83),
        ("Runnymede", 51.44, -0.56),
        ("Azincourt", 50.46, 2.13),
        ("Rubicon", 44.16, 12.42),
        ("Sicily", 37.6, 14.1),
        ("Bavaria", 48.9, 11.4),
        ("JAPAN:  TOKYO", 35.69, 139.69),
        ("TURKEY:  IZMIT, GOLCUK", 40.77, 29.92),
        ("CHINA:  SICHUAN PROVINCE", 30.6, 103.0),
        // a country that is one island is shown at the island's middle, not at its capital
        // (Nuuk is 990 km from Greenland's middle)
        ("Greenland", 72.0, -40.0),
    ] {
        let h = g().resolve_text(text).unwrap_or_else(|| panic!("{text}"));
        let d = distance_km(lat, lon, h.lat, h.lon);
        assert!(d < 250.0, "{text}: {d} km off ({h:?})");
    }
    let h = g().resolve_text("Greenland").unwrap();
    assert_eq!((h.kind, h.geonames_id), (HitKind::Country, Some(3425505)));
    assert!(h.reason.contains("middle of its island"), "{}", h.reason);
}

#[test]
fn nearest_gives_ids_and_countries() {
    let (h, d) = g().nearest(35.02, 135.76, 5.0).unwrap();
    assert_eq!(
        (h.geonames_id, h.country_code.as_str()),
        (Some(1857910), "JP")
    );
    assert!(d < 5.0);
    assert!(g().nearest(0.0, -30.0, 5.0).is_none());
    assert!(g().nearest(f64::NAN, 0.0, 5.0).is_none());
    assert_eq!(g().country_name("IT"), Some("Italy"));
    assert_eq!(g().country_of_id(1857910), Some("JP"));
}

#[test]
fn a_name_it_cannot_place_is_not_replaced_by_a_town_after_it() {
    // "St Andrews" is known (Scotland, South Carolina, Australia, Canada), "Fife" is not a
    // known qualifier but is a town in Washington: the place stays unresolved, not Fife
    assert_eq!(g().resolve_text("St Andrews, Fife"), None);
    assert_eq!(text_id("St Andrews, Scotland"), Some(2638864));
    // a city around a quarter the gazetteer does not hold is still the wider place
    assert_eq!(text_id("Harlem, New York City"), Some(5128581));
}
