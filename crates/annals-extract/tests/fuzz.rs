//! Property tests: no input makes the tagger, the document reader, the TimeML reader or the event
//! extractor panic, and what they return is well formed (spans inside the text, on character
//! boundaries, in order, not overlapping; the reader gives back every byte).

use annals_extract::doc::{Format, Reader};
use annals_extract::events::{candidates, SourceInfo};
use annals_extract::{timeml, Mode, Options, Tagger};
use proptest::prelude::*;

/// Pieces of history writing, glued together at random.
const PIECES: &[&str] = &[
    "In",
    "in",
    "On",
    "the",
    "The",
    "following",
    "next",
    "previous",
    "that",
    "same",
    "year",
    "years",
    "day",
    "days",
    "week",
    "month",
    "months",
    "decade",
    "century",
    "later",
    "earlier",
    "ago",
    "after",
    "before",
    "of",
    "from",
    "to",
    "and",
    "-",
    "–",
    "—",
    "early",
    "late",
    "mid",
    "mid-",
    "end",
    "spring",
    "Summer",
    "autumn",
    "fall",
    "winter",
    "January",
    "May",
    "March",
    "Sept.",
    "December",
    "Monday",
    "1939",
    "1,207",
    "480",
    "BC",
    "B.C.",
    "AD",
    "A.D.",
    "c.",
    "ca.",
    "around",
    "about",
    "'89",
    "1960s",
    "'60s",
    "20th",
    "nineteenth",
    "twenty-first",
    "1st",
    "31",
    "0",
    "99999999999",
    "11",
    "a.m.",
    "p.m.",
    ":",
    "10:57",
    "hrs",
    "night",
    "morning",
    "now",
    "former",
    "future",
    "daily",
    "every",
    "a",
    "few",
    "several",
    "two",
    "and a half",
    "(",
    ")",
    ",",
    ".",
    ";",
    "\"",
    "'",
    "’",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\u{1}",
    "Tết",
    "東京",
    "𝄞",
    "e\u{301}",
    "<TIMEX3 tid=\"t1\">",
    "</TIMEX3>",
    "<EVENT>",
    "&amp;",
    "&",
    "<",
    "signed",
    "captured",
    "Washington",
    "D.C.",
    "United States",
    "Treaty of Paris",
    "was",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| {
        let mut s = String::new();
        for (k, p) in v.iter().enumerate() {
            if k % 3 != 2 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

fn check_spans(text: &str, timexes: &[annals_extract::Timex]) {
    let mut at = 0;
    for t in timexes {
        assert!(t.start < t.end, "{t:?}");
        assert!(t.start >= at, "overlap or disorder: {t:?}");
        assert!(t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(!t.value.is_empty());
        at = t.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_tagger_never_panics_on_pieces(s in text()) {
        for mode in [Mode::Narrative, Mode::News] {
            let mut t = Tagger::new(Options { dct: annals_extract::value::parse_date("2009-12-19"), mode });
            let found = t.tag(&s);
            check_spans(&s, &found);
            let src = SourceInfo { name: "x".into(), url: None };
            for c in candidates(&s, &found, 0, &src) {
                prop_assert!(c.event.validate().is_ok());
            }
        }
    }

    #[test]
    fn the_tagger_never_panics_on_any_string(s in "\\PC{0,200}") {
        let mut t = Tagger::new(Options::default());
        let found = t.tag(&s);
        check_spans(&s, &found);
        let src = SourceInfo { name: "x".into(), url: None };
        let _ = candidates(&s, &found, 0, &src);
    }

    #[test]
    fn the_reader_gives_back_every_byte(bytes in prop::collection::vec(any::<u8>(), 0..400), md in any::<bool>()) {
        let f = if md { Format::Markdown } else { Format::Text };
        let mut r = Reader::new(&bytes[..], f);
        let mut all = Vec::new();
        while let Some(c) = r.next_chunk().unwrap() {
            if !c.verbatim {
                prop_assert_eq!(c.masked.len(), c.kept.len());
                let mut t = Tagger::new(Options::default());
                check_spans(c.masked, &t.tag(c.masked));
            }
            all.extend_from_slice(c.kept);
        }
        prop_assert_eq!(all, bytes);
    }

    #[test]
    fn timeml_never_panics(s in text()) {
        let doc = format!("<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2009-12-19\">x</TIMEX3></DCT><TEXT>{s}</TEXT></TimeML>");
        let _ = timeml::parse(&doc);
        let _ = timeml::parse(&s);
        let mut out = Vec::new();
        let st = annals_extract::annotate::to_timeml(doc.as_bytes(), Format::TimeMl, "x", Options::default(), false, &mut out);
        prop_assert!(st.is_ok());
        let mut r = Reader::new(s.as_bytes(), Format::TimeMl);
        while let Some(c) = r.next_chunk().unwrap() {
            prop_assert_eq!(c.masked.len(), if c.verbatim { 0 } else { c.kept.len() });
        }
    }
}

#[test]
fn plain_text_to_timeml_and_back_keeps_the_text() {
    let text =
        "In 1939 & 1940, <war> \"raged\"; the following year it spread.\n\nNow it is over.\n";
    let mut out = Vec::new();
    annals_extract::annotate::to_timeml(
        text.as_bytes(),
        Format::Text,
        "t",
        Options::default(),
        false,
        &mut out,
    )
    .unwrap();
    let doc = timeml::parse(&String::from_utf8(out).unwrap()).unwrap();
    // The TEXT holds the text escaped for XML; with the tags stripped it is the input.
    let unescaped = doc
        .text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    assert_eq!(unescaped, format!("\n{text}\n"));
    let values: Vec<&str> = doc.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["1939", "1940", "1941", "PRESENT_REF"]);
}
