//! `annals render timeline` and `annals render map`: the demo's antiquity and its events on the
//! map as SVG, PNG and PDF (the PNGs are kept in target/browser-screenshots to be looked at),
//! and clear errors for what cannot be drawn.

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

#[test]
fn all_of_time_on_the_web_timelines_scale() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&db, &["demo", "--no-serve"]);
    let svg = dir.path().join("all.svg");
    ok(&db, &["render", "timeline", "--out", svg.to_str().unwrap()]);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains(r#"data-scale="log""#), "a logarithmic axis");
    // the Earth's formation and the twentieth century in one figure, each with its ticks
    for label in [
        "Formation of the Earth",
        "Launch of Sputnik 1",
        ">4 Ga<",
        ">AD 1900<",
        "the time axis is logarithmic",
    ] {
        assert!(text.contains(label), "{label}");
    }
    let shots = repo().join("target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("render-all-of-time.png");
    ok(&db, &["render", "timeline", "--out", png.to_str().unwrap()]);
    // between: twenty thousand years, compressed towards the past
    let svg = dir.path().join("bent.svg");
    ok(
        &db,
        &[
            "render",
            "timeline",
            "--from",
            "20000 BC",
            "--to",
            "1900",
            "--out",
            svg.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains(r#"data-scale="ago""#));
    assert!(text.contains("Younger Dryas") && text.contains(">AD 1000<"));
}

/// The width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[1..4], b"PNG");
    let n = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (n(16), n(20))
}

#[test]
fn a_map_figure_of_a_view_with_a_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&db, &["demo", "--no-serve"]);
    let svg = dir.path().join("europe.svg");
    let said = ok(
        &db,
        &[
            "render",
            "map",
            "--from",
            "1000",
            "--to",
            "1900",
            "--view",
            "35,-12,62,32",
            "--event",
            "battle-of-hastings-1066",
            "--out",
            svg.to_str().unwrap(),
        ],
    );
    assert!(
        said.starts_with("wrote ") && said.contains("located events in"),
        "{said}"
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("Events, 1000 – 1900"),
        "the window is the title"
    );
    assert!(
        text.contains(">Battle of Hastings<"),
        "the pinned event is named"
    );
    assert!(text.contains(">Fall of Constantinople<"));
    assert!(
        !text.contains(">Salt March<"),
        "only the view: India is out of it"
    );
    assert!(text.contains("at 49° N") && text.contains(" km</text>"));
    assert!(text.contains(">FRANCE<"), "countries are named");
    assert!(text.contains("Natural Earth") && text.contains("GeoNames"));

    // The whole world as PNG, kept to be looked at; PDF too.
    let shots = repo().join("target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("render-map-world.png");
    ok(
        &db,
        &[
            "render",
            "map",
            "--width",
            "1200",
            "--out",
            png.to_str().unwrap(),
        ],
    );
    let (w, h) = png_size(&std::fs::read(&png).unwrap());
    assert_eq!(w, 2400, "twice the width");
    assert!(
        h > 1400 && h < 1700,
        "the world is twice as wide as high, with a header and a footer: {h}"
    );
    let pdf = dir.path().join("world.pdf");
    ok(&db, &["render", "map", "--out", pdf.to_str().unwrap()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // Errors say what was expected, and write nothing.
    let x = dir.path().join("x.svg");
    for (args, code, says) in [
        (
            &["--view", "35,-12,62"][..],
            1,
            "expected SOUTH,WEST,NORTH,EAST",
        ),
        (
            &["--view", "62,-12,35,32"][..],
            1,
            "expected SOUTH,WEST,NORTH,EAST",
        ),
        (&["--event", "no-such-event"][..], 3, "no event with id"),
        (&["zzzqqq"][..], 1, "no located events match"),
        (
            &["--width", "100"][..],
            1,
            "--width 100: expected 480 to 6000",
        ),
    ] {
        let out = annals(
            &db,
            &[&["render", "map", "--out", x.to_str().unwrap()][..], args].concat(),
        );
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!x.exists());
    }
}
