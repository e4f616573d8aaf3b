//! Stories over real HTTP: the API's create, read, replace with `If-Match`, refuse, list,
//! revisions and delete; and the story page, readable without JavaScript.

mod common;
use common::*;

const CARD: &str = "Death of Edward the Confessor on January 5, 1066\n1066 · London, United Kingdom\nThe childless king dies.\nOctober 14, 1066\nThe Battle of Hastings was fought between the Normans and the English.\nBattle, United Kingdom @ 50.91, 0.49 | William of Normandy, Harold Godwinson\nThe battle lasted most of the day.\nNorman Conquest: It opened the way to William's coronation.\nSource: annals test\n";

const STORY: &str = r#"{
  "title": "The year of three kings",
  "summary": "England in 1066, from a deathbed to a battlefield.",
  "stops": [
    {"event": "death-of-edward-the-confessor-1066", "text": "The king dies without an heir.\n\nThree men claim the crown."},
    {"title": "Autumn", "from": "1066-09-01", "to": "1066-10-31", "view": [49.0, -3.0, 55.0, 2.0],
     "text": "Two invasions in three weeks.",
     "media": [{"url": "https://example.org/fleet.jpg", "alt": "Ships on a beach", "caption": "A fleet drawn up", "credit": "Photo: A. Walker", "licence": "CC-BY-4.0"}]},
    {"event": "battle-of-hastings-1066", "title": "Senlac Hill", "text": "The <b>last</b> stand."}
  ]
}"#;

fn put(s: &Server, path: &str, body: &str, if_match: Option<&str>) -> Reply {
    let (k, v) = auth();
    let mut headers = vec![(k, v.as_str()), ("Content-Type", "application/json")];
    if let Some(tag) = if_match {
        headers.push(("If-Match", tag));
    }
    request(s, "PUT", path, &headers, body.as_bytes())
}

#[test]
fn stories_over_the_api() {
    let s = start(Some(TOKEN));
    assert_eq!(post(&s, "/api/import?format=card", CARD).status, 200);

    // created (201) from a body without an id: the path names it
    let r = put(&s, "/api/stories/year-1066", STORY, None);
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["id"], "year-1066");
    let tag = header(&r, "etag").unwrap();
    let r = get(&s, "/api/stories/year-1066");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["stops"].as_array().unwrap().len(), 3);
    assert_eq!(header(&r, "etag").as_deref(), Some(tag.as_str()));

    // writes need the token
    let r = request(
        &s,
        "PUT",
        "/api/stories/year-1066",
        &[("Content-Type", "application/json")],
        STORY.as_bytes(),
    );
    assert_eq!((r.status, r.code().as_str()), (401, "unauthorized"));

    // replaced with the right ETag; the old ETag then fails
    let changed = STORY.replace("Two invasions", "Two landings");
    let r = put(&s, "/api/stories/year-1066", &changed, Some(&tag));
    assert_eq!(r.status, 200, "{}", r.body);
    let r = put(&s, "/api/stories/year-1066", STORY, Some(&tag));
    assert_eq!((r.status, r.code().as_str()), (412, "precondition_failed"));
    // If-Match: * only replaces what exists
    let r = put(&s, "/api/stories/nothing-yet", STORY, Some("*"));
    assert_eq!(r.status, 412);

    // refused, naming the field, and nothing written (a missing event is a conflict with the store)
    let bad = STORY.replace("battle-of-hastings-1066", "battle-of-nowhere");
    let r = put(&s, "/api/stories/year-1066", &bad, None);
    assert_eq!((r.status, r.code().as_str()), (409, "conflict"));
    assert!(r.body.contains("stops[2].event"), "{}", r.body);
    let r = put(
        &s,
        "/api/stories/other",
        &STORY.replacen('{', r#"{"id": "year-1066","#, 1),
        None,
    );
    assert_eq!((r.status, r.code().as_str()), (409, "conflict"));
    let r = put(
        &s,
        "/api/stories/year-1066",
        r#"{"title": "T", "stops": []}"#,
        None,
    );
    assert!(r.body.contains("stops"), "{}", r.body);
    let r = put(&s, "/api/stories/year-1066", "{not json", None);
    assert_eq!(r.status, 400);
    assert!(get(&s, "/api/stories/year-1066")
        .body
        .contains("Two landings"));

    // listed, a page at a time
    assert_eq!(put(&s, "/api/stories/a-first", STORY, None).status, 201);
    let r = get(&s, "/api/stories?limit=1");
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["stories"][0]["id"], "a-first");
    assert_eq!(v["stories"][0]["stops"], 3);
    assert_eq!(v["next"], "a-first");
    let v = get(&s, "/api/stories?after=a-first").json();
    assert_eq!(v["stories"][0]["id"], "year-1066");
    assert!(v["next"].is_null());
    assert_eq!(get(&s, "/api/stories?limit=0").status, 400);

    // as a TimelineJS timeline: a slide per stop, an era for the window
    let v = get(&s, "/api/stories/a-first/timelinejs").json();
    assert_eq!(v["title"]["text"]["headline"], "The year of three kings");
    assert_eq!(v["events"].as_array().unwrap().len(), 3, "{v}");
    assert_eq!(v["events"][2]["unique_id"], "stop-3");
    assert_eq!(v["eras"].as_array().unwrap().len(), 1);
    assert_eq!(get(&s, "/api/stories/none/timelinejs").status, 404);

    // revisions, then delete
    let v = get(&s, "/api/stories/year-1066/revisions").json();
    assert_eq!(v["revisions"].as_array().unwrap().len(), 2);
    let (k, t) = auth();
    let del = |id: &str| request(&s, "DELETE", &format!("/api/stories/{id}"), &[(k, &t)], b"");
    assert_eq!(del("year-1066").status, 204);
    assert_eq!(del("year-1066").status, 404);
    assert_eq!(get(&s, "/api/stories/year-1066").status, 404);
    let v = get(&s, "/api/stories/year-1066/revisions").json();
    assert_eq!(v["revisions"][2]["removed"], true);
    assert_eq!(get(&s, "/api/stories/never/revisions").status, 404);
}

#[test]
fn the_story_page_reads_without_javascript() {
    let s = start(Some(TOKEN));
    assert_eq!(post(&s, "/api/import?format=card", CARD).status, 200);
    assert_eq!(put(&s, "/api/stories/year-1066", STORY, None).status, 201);
    let r = get(&s, "/stories/year-1066");
    assert_eq!(r.status, 200);
    let page = &r.body;
    // every stop, in order, with its anchor, title, text and links
    for (i, title) in ["Death of Edward the Confessor", "Autumn", "Senlac Hill"]
        .iter()
        .enumerate()
    {
        let at = page
            .find(&format!("id=\"stop-{}\"", i + 1))
            .unwrap_or_else(|| panic!("stop {}", i + 1));
        assert!(page[at..].contains(title), "{title}");
        assert!(page.contains(&format!("href=\"#stop-{}\"", i + 1)));
    }
    assert!(page.find("id=\"stop-1\"") < page.find("id=\"stop-3\""));
    assert!(
        page.contains("<p>Three men claim the crown.</p>"),
        "paragraphs"
    );
    assert!(
        page.contains("The &lt;b&gt;last&lt;/b&gt; stand."),
        "text is escaped"
    );
    assert!(page.contains("href=\"/events/battle-of-hastings-1066\""));
    assert!(page.contains("/embed/map?from=1066-09-01&amp;to=1066-10-31&amp;view=49%2C-3%2C55%2C2"));
    assert!(
        page.contains("October 14, 1066"),
        "the event's date as written"
    );
    assert!(page.contains("story.js"));
    // a stop shows its own media with their credits
    let autumn = page.find("id=\"stop-2\"").unwrap();
    let fleet = page
        .find(r#"<img src="https://example.org/fleet.jpg" alt="Ships on a beach""#)
        .expect("the stop's picture");
    assert!(
        fleet > autumn && fleet < page.find("id=\"stop-3\"").unwrap(),
        "in its stop"
    );
    assert!(page.contains(r#"Photo: A. Walker · <a rel="license noopener" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>"#));
    assert_eq!(get(&s, "/stories/no-such-story").status, 404);
    // listed on /stories and on the front page
    let list = get(&s, "/stories");
    assert_eq!(list.status, 200);
    assert!(
        list.body.contains("href=\"/stories/year-1066\""),
        "{}",
        list.body
    );
    assert!(list.body.contains("The year of three kings"));
    let home = get(&s, "/").body;
    assert!(home.contains("id=\"stories-h\"") && home.contains("href=\"/stories/year-1066\""));
}
