//! `annals render timeline`: the demo's antiquity as SVG, PNG and PDF (the PNG is kept in
//! target/browser-screenshots to be looked at), and a clear error for a file name it cannot write.

mod common;
use common::{annals, ok, repo};

#[test]
fn a_timeline_figure_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&db, &["demo", "--no-serve"]);
    let window = ["--from", "800 BC", "--to", "AD 500"];
    let svg = dir.path().join("antiquity.svg");
    let said = ok(
        &db,
        &[
            &["render", "timeline", "--out", svg.to_str().unwrap()][..],
            &window[..],
        ]
        .concat(),
    );
    assert!(said.contains("17 events drawn of 17"), "{said}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") && text.contains("Events, 800 BC – AD 500"));
    for label in [
        "Battle of Marathon",
        "490 BC",
        ">500 BC<",
        ">AD 100<",
        "All 17 events",
    ] {
        assert!(text.contains(label), "{label}");
    }
    let shots = repo().join("target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("render-antiquity.png");
    ok(
        &db,
        &[
            &[
                "render",
                "timeline",
                "--out",
                png.to_str().unwrap(),
                "--width",
                "1200",
            ][..],
            &window[..],
        ]
        .concat(),
    );
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    assert_eq!(w, 2400, "twice the width");
    let pdf = dir.path().join("antiquity.pdf");
    ok(
        &db,
        &[
            &["render", "timeline", "--out", pdf.to_str().unwrap()][..],
            &window[..],
        ]
        .concat(),
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let out = annals(&db, &["render", "timeline", "--out", "figure.gif"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("expected a file name ending in .svg, .png or .pdf"));
    let out = annals(&db, &["render", "timeline", "zzzqqq", "--out", "none.svg"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no events match"));
}
