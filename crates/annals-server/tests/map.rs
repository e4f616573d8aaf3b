//! The map over HTTP: `/api/map` counts located events per grid cell for a query, a time
//! window and a view, with names; `/map` draws them as named markers and labels that follow
//! the view and the window, highlights the event asked for and marks deep time; the parts the
//! script swaps in (`part=markers`).

mod common;
use common::*;

/// Events in Rome (3), Paris (2), Tokyo (1), one of deep time in Canada, one without a place.
const EVENTS: &str = r#"{"id": "rome-1", "title": "Founding of Rome", "date": "-0752", "summary": "A city is founded.", "places": [{"name": "Rome", "country": "Italy", "lat": 41.9, "lon": 12.5}], "related": [{"id": "rome-2", "kind": "follows"}]}
{"id": "rome-2", "title": "Sack of Rome", "date": "0410", "summary": "The Visigoths take the city.", "places": [{"name": "Rome", "country": "Italy", "lat": 41.9, "lon": 12.5}]}
{"id": "rome-3", "title": "Capture of Rome", "date": "1870-09-20", "summary": "Rome joins Italy.", "places": [{"name": "Rome", "country": "Italy", "lat": 41.89, "lon": 12.49}]}
{"id": "paris-1", "title": "Storming of the Bastille", "date": "1789-07-14", "summary": "A fortress falls.", "places": [{"name": "Paris", "country": "France", "lat": 48.85, "lon": 2.35}]}
{"id": "paris-2", "title": "Liberation of Paris", "date": "1944-08-25", "summary": "The city is freed.", "places": [{"name": "Paris", "country": "France", "lat": 48.86, "lon": 2.34}]}
{"id": "tokyo-1", "title": "Great Kanto Earthquake", "date": "1923-09-01", "summary": "An earthquake.", "places": [{"name": "Tokyo", "country": "Japan", "lat": 35.68, "lon": 139.69}]}
{"id": "burgess", "title": "Burgess Shale Animals", "date": "Y-508000000", "summary": "Soft bodies in stone.", "places": [{"name": "Field", "country": "Canada", "lat": 51.4, "lon": -116.5}]}
{"id": "nowhere", "title": "An Event Without a Place", "date": "1900", "summary": "Nowhere."}
{"id": "tana", "title": "Founding of a Palace", "date": "1610", "summary": "Two places, the first unknown.", "places": [{"name": "Qqzzyxland", "country": "Nowhere"}, {"name": "Antananarivo", "country": "Madagascar", "lat": -18.88, "lon": 47.51}]}
"#;

fn served() -> Server {
    let s = start(Some(TOKEN));
    let r = post(&s, "/api/import?format=jsonl", EVENTS);
    assert_eq!(r.status, 200, "{}", r.body);
    s
}

fn counts(v: &serde_json::Value) -> Vec<u64> {
    let mut c: Vec<u64> = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .collect();
    c.sort();
    c
}

#[test]
fn api_map_counts_cells_with_names() {
    let s = served();
    let v = get(&s, "/api/map").json();
    assert_eq!(
        v["total"], 8,
        "the event without a place is not on the map: {v}"
    );
    assert_eq!(v["deep"], 1);
    assert_eq!(
        (v["rows"].as_u64(), v["cols"].as_u64()),
        (Some(8), Some(16))
    );
    assert_eq!(counts(&v), vec![1, 1, 1, 2, 3], "{v}");
    let rome = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["count"] == 3)
        .unwrap();
    assert!(
        (rome["lat"].as_f64().unwrap() - 41.8966).abs() < 0.01,
        "{rome}"
    );
    let names: Vec<&str> = rome["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["place"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Rome, Italy"; 3]);
    // The best event first: the founding has a relation, so it weighs more.
    assert_eq!(rome["events"][0]["id"], "rome-1");
    let deep = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["deep"] == 1)
        .unwrap();
    assert_eq!(deep["events"][0]["deep"], true);
    assert_eq!(v["top"].as_array().unwrap().len(), 8);
    // An event is named by the place it is drawn at, not by an unlocated first place.
    let tana = v["top"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "tana")
        .unwrap();
    assert_eq!(tana["place"], "Antananarivo, Madagascar", "{tana}");

    // A time window, a query and a view: the counts follow each.
    let v = get(&s, "/api/map?from=1750&to=1950").json();
    assert_eq!((v["total"].as_u64(), counts(&v)), (Some(4), vec![1, 1, 2]));
    let v = get(&s, "/api/map?q=city").json();
    assert_eq!(v["total"], 3, "founded, take the city, freed: {v}");
    let v = get(&s, "/api/map?q=place:Rome&from=1000").json();
    assert_eq!(v["total"], 1);
    let v = get(
        &s,
        "/api/map?view=30,-10,60,30&rows=2&cols=4&per_cell=1&top=2",
    )
    .json();
    assert_eq!(v["total"], 5, "Europe: {v}");
    assert!(v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["events"].as_array().unwrap().len() == 1 && c["row"].as_u64() < Some(2)));
    assert_eq!(v["top"].as_array().unwrap().len(), 2);
    // Bad parameters are refused in plain words.
    for bad in [
        "/api/map?view=10,10,0,20",
        "/api/map?rows=0",
        "/api/map?cols=500",
        "/api/map?from=1900&to=1800",
        "/api/map?q=%22",
        "/api/map?nonsense=1",
    ] {
        assert_eq!(get(&s, bad).status, 400, "{bad}");
    }
    let doc = get(&s, "/api/openapi.json").json();
    assert!(doc["paths"]["/api/map"].is_object());
    assert!(doc["components"]["schemas"]["MapCells"]["properties"]["cells"].is_object());
}

#[test]
fn the_map_page_names_what_it_shows() {
    let s = served();
    let m = get(&s, "/map").body;
    assert!(m.contains("8 located events."), "{m:.2000}");
    assert!(m.contains("1 is from deep time"), "deep time is marked");
    // Clusters are named by place and count and link to a zoom; single events by title.
    assert!(m.contains(">Rome · 3<"), "{m}");
    assert!(
        m.contains(">Great Kanto Earthquake<"),
        "a single event is labelled"
    );
    assert!(m.contains(r#"class="cluster-g" href="/map?q=&amp;from=&amp;to=&amp;view="#));
    assert!(m.contains(r#"aria-label="3 events around Rome, Italy: Founding of Rome; "#));
    assert!(
        m.contains(r#"<circle class="event deep""#),
        "the deep event is drawn hollow"
    );
    // The base map names countries and cities.
    assert!(m.contains(r#"class="country-name""#) && m.contains(">Russia<"));
    assert!(m.contains(r#"class="city-name""#));
    // The list follows the view; the form carries the query language and the window.
    assert!(m.contains(r#"<ol class="hits map-list">"#));
    assert!(
        m.contains(r#"name="q""#) && m.contains(r#"name="from""#) && m.contains(r#"name="to""#)
    );
    // Periods as links that keep the view; the current one is marked.
    assert!(m.contains(r#"<a href="/map?q=&amp;from=1901&amp;to=2000">20th century</a>"#));
    let p = get(&s, "/map?from=1901&to=2000&view=30,-10,60,30").body;
    assert!(
        p.contains(r#"<a href="/map?q=&amp;from=1901&amp;to=2000&amp;view=30%2C-10%2C60%2C30" aria-current="true">20th century</a>"#),
        "{p:.4000}"
    );
    let europe = get(&s, "/map?view=30,-10,60,30").body;
    assert!(
        europe.contains("5 located events in this view."),
        "{europe:.3000}"
    );
    assert!(
        !europe.contains(">Great Kanto Earthquake</a>"),
        "the list follows the view"
    );
    let window = get(&s, "/map?from=1700&to=1950&q=city").body;
    assert!(
        window.contains("1 located event matching city from 1700 to 1950."),
        "{window:.3000}"
    );
    // The event asked for is highlighted and named.
    let sel = get(&s, "/map?event=tokyo-1&view=20,120,50,160").body;
    assert!(sel.contains(r#"class="marker target""#), "{sel:.3000}");
    assert!(sel.contains("the event you came from"));
    assert!(sel.contains(r#"class="label selected""#));
    assert!(sel.contains(r#"name="event" value="tokyo-1""#));
    // The parts the script swaps in, laid out for the size it measured.
    let part = get(&s, "/map?part=markers&view=-120,-180,120,180&size=390x600");
    assert_eq!(part.status, 200);
    assert!(part
        .body
        .starts_with(r#"<div class="map-parts"><p class="map-count""#));
    assert!(part.body.contains("<g class=\"markers\">") && !part.body.contains("<h1>"));
    assert_eq!(get(&s, "/map?part=markers&view=nonsense").status, 400);
    assert_eq!(get(&s, "/map?view=nonsense").status, 400);
    // No markup from an event ever reaches the page unescaped.
    let bait = r#"{"id": "bait", "title": "<script>alert(1)</script>", "date": "1999", "summary": "x", "places": [{"name": "<b>X</b>", "country": "Y", "lat": 10, "lon": 10}]}"#;
    assert_eq!(post(&s, "/api/import?format=jsonl", bait).status, 200);
    let m = get(&s, "/map?view=0,0,20,20").body;
    assert!(!m.contains("<script>alert") && !m.contains("<b>X</b>"));
    assert!(m.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_map_downloads_as_a_figure_of_the_view() {
    let s = served();
    // The page links the figure of what it shows, in three formats.
    let page = get(&s, "/map?from=1700&to=2000&view=30,-10,60,30&event=paris-1").body;
    assert!(
        page.contains(r#"href="/map/figure?q=&amp;from=1700&amp;to=2000&amp;event=paris-1&amp;view=30%2C-10%2C60%2C30&amp;format=png""#),
        "{page}"
    );
    let svg = get(
        &s,
        "/map/figure?from=1700&to=2000&view=30,-10,60,30&event=paris-1&format=svg",
    );
    assert_eq!(svg.status, 200);
    assert_eq!(
        header(&svg, "content-type").as_deref(),
        Some("image/svg+xml")
    );
    assert!(header(&svg, "content-disposition")
        .unwrap()
        .contains("annals-map.svg"));
    let b = &svg.body;
    assert!(b.starts_with("<svg"));
    assert!(b.contains("Events, 1700 – 2000"), "the window is the title");
    assert!(
        b.contains("3 located events, 1700 – 2000, in this view"),
        "{b:.600}"
    );
    assert!(b.contains(">Storming of the Bastille<") && b.contains(">Capture of Rome<"));
    assert!(
        b.contains("the event asked for"),
        "the pin is in the legend"
    );
    assert!(
        b.contains(" km</text>") && b.contains("at 45° N"),
        "a scale bar"
    );
    assert!(
        b.contains("Natural Earth") && b.contains("GeoNames"),
        "credits"
    );
    assert!(!b.contains("Great Kanto Earthquake"), "only the view");
    // PNG by default, PDF on asking.
    let png = get(&s, "/map/figure?view=30,-10,60,30");
    assert_eq!(png.status, 200);
    assert_eq!(header(&png, "content-type").as_deref(), Some("image/png"));
    let pdf = get(&s, "/map/figure?format=pdf");
    assert_eq!(
        header(&pdf, "content-type").as_deref(),
        Some("application/pdf")
    );
    assert!(pdf.body.starts_with("%PDF-"));
    // Bad input says what was expected.
    let bad = get(&s, "/map/figure?format=gif");
    assert_eq!((bad.status, bad.code().as_str()), (400, "bad_request"));
    assert!(bad.body.contains("expected png, svg or pdf"));
    assert_eq!(get(&s, "/map/figure?view=nonsense").status, 400);
    assert_eq!(
        get(&s, "/map/figure?width=9").status,
        400,
        "unknown parameters are refused"
    );
    let none = get(&s, "/map/figure?q=zzzqqq");
    assert_eq!(none.status, 404);
    assert!(none.body.contains("no located events match"));
}
