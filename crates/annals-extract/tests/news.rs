//! TempEval-style tests on news: short articles written for these tests (our own words,
//! annotated by hand following the TimeML guidelines), tagged in news mode (relative dates count
//! from the document date) and scored as TempEval-3 does. The target for news text is
//! value F1 above 80.
//!
//! - `tests/data/news/*.tml`: four articles the news rules were written against (fitted).
//! - `tests/data/news-heldout/*.tml`: three articles annotated before the tagger first ran on
//!   them (84.0 value F1 then; the rules added after them make the figure partly fitted).

use annals_extract::annotate::to_timeml;
use annals_extract::doc::Format;
use annals_extract::score::{score_documents, Counts, Figures};
use annals_extract::{timeml, Mode, Options};

/// The figures of the `n` articles in `tests/data/{set}`, every difference printed.
fn score(set: &str, n: usize) -> Figures {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), n);
    let mut total = Counts::default();
    for f in &files {
        let gold_text = std::fs::read_to_string(f).unwrap();
        let gold = timeml::parse(&gold_text).unwrap();
        let opts = Options {
            dct: None,
            mode: Mode::News,
        };
        let mut out = Vec::new();
        to_timeml(
            gold_text.as_bytes(),
            Format::TimeMl,
            set,
            opts,
            false,
            &mut out,
        )
        .unwrap();
        let system = timeml::parse(&String::from_utf8(out).unwrap()).unwrap();
        let (c, diffs) = score_documents(&gold, &system).unwrap();
        for d in &diffs {
            eprintln!("{}: {} {:?} / {:?}", f.display(), d.kind, d.gold, d.system);
        }
        total += c;
    }
    let x = total.figures();
    eprintln!("{set}: {x}");
    x
}

#[test]
fn news_articles_score_above_the_target() {
    let x = score("news", 4);
    assert!(x.value_f1 >= 0.90, "value F1 {:.3}", x.value_f1);
    assert!(x.strict.f >= 0.90, "strict F1 {:.3}", x.strict.f);
}

#[test]
fn held_out_news_articles_score_above_the_target() {
    let x = score("news-heldout", 3);
    assert!(x.value_f1 >= 0.80, "value F1 {:.3}", x.value_f1);
    assert!(x.strict.f >= 0.80, "strict F1 {:.3}", x.strict.f);
}
