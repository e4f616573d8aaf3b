//! The tagger on the WikiWars training documents (read in place from `../shared`), scored as
//! TempEval-3 does. The scores reached are asserted as floors, so that a change that makes them
//! worse fails. `docs/extract.md` has the per-document table.

use annals_extract::annotate::to_timeml;
use annals_extract::doc::Format;
use annals_extract::score::score_dirs;
use annals_extract::Options;
use std::path::PathBuf;

#[path = "../../../tests/support/shared.rs"]
mod support;
use support::shared;

#[test]
fn wikiwars_training_scores_stay_above_their_floors() {
    let Some(gold) = shared("datasets/wikiwars-train") else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 16, "the 16 training documents");
    for f in &files {
        // The gold tags are stripped as the file is read: the tagger sees the raw TEXT.
        let input = std::io::BufReader::new(std::fs::File::open(f).unwrap());
        let target = std::fs::File::create(out.path().join(f.file_name().unwrap())).unwrap();
        to_timeml(
            input,
            Format::TimeMl,
            "doc",
            Options::default(),
            false,
            target,
        )
        .unwrap();
    }
    let report = score_dirs(&gold, out.path()).unwrap();
    assert_eq!(report.files.len(), 16);
    assert!(report.problems().next().is_none(), "every file scored");
    let x = report.total.figures();
    eprintln!("WikiWars training: {x}");
    assert_eq!(
        report.total.gold, 2139,
        "gold timexes counted as the official scorer does"
    );
    assert!(x.strict.f >= 0.935, "strict extent F1 {:.3}", x.strict.f);
    assert!(x.relaxed.f >= 0.960, "relaxed extent F1 {:.3}", x.relaxed.f);
    assert!(x.type_f1 >= 0.950, "type F1 {:.3}", x.type_f1);
    assert!(x.value_f1 >= 0.890, "value F1 {:.3}", x.value_f1);
    // No document far below the rest.
    for f in &report.files {
        let y = f.counts.figures();
        assert!(y.value_f1 >= 0.80, "{}: value F1 {:.3}", f.name, y.value_f1);
        assert!(
            y.strict.f >= 0.85,
            "{}: strict F1 {:.3}",
            f.name,
            y.strict.f
        );
    }
}
