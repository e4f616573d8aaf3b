use super::*;

/// The EDTF `text` reads as in `lang`.
fn edtf(text: &str, lang: Language) -> String {
    read_in(text, lang, CalendarHint::Auto)
        .unwrap_or_else(|e| panic!("{text:?} in {lang:?}: {e} (as {:?})", english(text, lang)))
        .edtf
}

#[test]
fn the_same_dates_read_the_same_in_every_language() {
    // (English, French, German, Spanish): each row means one date.
    let rows: &[[&str; 4]] = &[
        [
            "March 15, 44 BC",
            "15 mars 44 av. J.-C.",
            "15. März 44 v. Chr.",
            "15 de marzo de 44 a. C.",
        ],
        [
            "January 19, 1960",
            "19 janvier 1960",
            "19. Januar 1960",
            "19 de enero de 1960",
        ],
        [
            "1 August 1914",
            "1er août 1914",
            "1. August 1914",
            "1 de agosto de 1914",
        ],
        ["15th century", "XVe siècle", "15. Jahrhundert", "siglo XV"],
        [
            "5th century BC",
            "Ve siècle av. J.-C.",
            "5. Jahrhundert v. Chr.",
            "siglo V a. C.",
        ],
        [
            "3rd millennium BC",
            "IIIe millénaire av. J.-C.",
            "3. Jahrtausend v. Chr.",
            "milenio III a. C.",
        ],
        ["the 1960s", "les années 1960", "1960er Jahre", "años 1960"],
        ["c. 1000", "vers 1000", "um 1000", "hacia 1000"],
        [
            "between 1450 and 1460",
            "entre 1450 et 1460",
            "zwischen 1450 und 1460",
            "entre 1450 y 1460",
        ],
        [
            "spring 1943",
            "printemps 1943",
            "Frühjahr 1943",
            "primavera de 1943",
        ],
        [
            "early 15th century",
            "début du XVe siècle",
            "Anfang des 15. Jahrhunderts",
            "principios del siglo XV",
        ],
        [
            "66 million years ago",
            "il y a 66 millions d'années",
            "vor 66 Millionen Jahren",
            "hace 66 millones de años",
        ],
        ["AD 14", "14 apr. J.-C.", "14 n. Chr.", "14 d. C."],
        ["June 1215", "juin 1215", "Juni 1215", "junio de 1215"],
        [
            "second half of the 19th century",
            "seconde moitié du XIXe siècle",
            "zweite Hälfte des 19. Jahrhunderts",
            "segunda mitad del siglo XIX",
        ],
    ];
    for row in rows {
        let want = edtf(row[0], Language::English);
        for (lang, text) in [
            (Language::French, row[1]),
            (Language::German, row[2]),
            (Language::Spanish, row[3]),
        ] {
            assert_eq!(
                edtf(text, lang),
                want,
                "{text:?} ({lang:?}) should read as {:?}",
                row[0]
            );
        }
    }
}

#[test]
fn julian_dates_stay_julian() {
    // Before 1582 a day is read as Julian, in any language.
    let r = read_in("15 mars 44 av. J.-C.", Language::French, CalendarHint::Auto).unwrap();
    assert_eq!(r.edtf, "-0043-03-13");
    assert_eq!(r.calendar, crate::Calendar::Julian);
}

#[test]
fn any_language_reads_english_first_and_never_misreads_it() {
    let (r, lang) = read_any("15 mars 44 av. J.-C.", CalendarHint::Auto).unwrap();
    assert_eq!((r.edtf.as_str(), lang), ("-0043-03-13", Language::French));
    let (_, lang) = read_any("15. März 44 v. Chr.", CalendarHint::Auto).unwrap();
    assert_eq!(lang, Language::German);
    let (_, lang) = read_any("19 de enero de 1960", CalendarHint::Auto).unwrap();
    assert_eq!(lang, Language::Spanish);
    for english in [
        "March 15, 44 BC",
        "May 1945",
        "1960s",
        "c. 1000",
        "between 1450 and 1460",
    ] {
        let (_, lang) = read_any(english, CalendarHint::Auto).unwrap();
        assert_eq!(lang, Language::English, "{english}");
    }
    // What reads in no language keeps the English error.
    let e = read_any("Smarch 44", CalendarHint::Auto).unwrap_err();
    assert_eq!(
        e.to_string(),
        read("Smarch 44", CalendarHint::Auto)
            .unwrap_err()
            .to_string()
    );
}

#[test]
fn roman_numerals_and_ordinals() {
    assert_eq!(roman("xv"), Some(15));
    assert_eq!(roman("xix"), Some(19));
    assert_eq!(roman("iv"), Some(4));
    assert_eq!(roman("abc"), None);
    assert_eq!(ordinal_number("xve"), Some(15));
    assert_eq!(ordinal_number("ier"), Some(1));
    assert_eq!(ordinal_number("15."), Some(15));
    assert_eq!(ordinal_number("xvème"), Some(15));
    assert_eq!(english_ordinal(21), "21st");
    assert_eq!(english_ordinal(12), "12th");
    assert_eq!(Language::from_code("fr-CA"), Some(Language::French));
    assert_eq!(Language::from_code("pt"), None);
}
