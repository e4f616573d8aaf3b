//! Media over HTTP: an event's pictures with their credits on its page (the lead image at the
//! top of the fact box, the others under the narrative), in its JSON-LD, in the editor's form
//! (editing keeps them), refused with the field named when they break the rules, and allowed by
//! the pages' content security policy.

mod common;
use annals_store::EventStore;
use common::*;

const TREATY: &str = r#"{"id": "treaty-1960", "title": "Treaty of the Two Rivers", "date": "1960-01-19", "summary": "Two states signed a treaty.", "body": ["It was signed in the capital."],
 "media": [
  {"url": "https://example.org/signing.jpg", "alt": "Two delegations at a long table", "caption": "The signing", "credit": "Photo: A. Archivist", "licence": "CC-BY-SA-4.0", "source": "https://example.org/signing"},
  {"url": "https://example.org/speech.ogg", "kind": "audio", "caption": "The speech", "credit": "State radio", "licence": "public-domain"},
  {"url": "https://www.youtube.com/watch?v=abc", "kind": "video", "caption": "The newsreel"},
  {"url": "https://example.org/map.png", "alt": "A <b>map</b> of the rivers", "caption": "The border \"then\""},
  {"url": "http://old.example.org/plan.gif", "alt": "A plan of the hall"}
 ]}"#;

#[test]
fn an_event_shows_its_media_with_their_credits() {
    let s = start(Some(TOKEN));
    let r = post(&s, "/api/events", TREATY);
    assert_eq!(r.status, 201, "{}", r.body);
    let page = get(&s, "/events/treaty-1960");
    assert_eq!(page.status, 200);
    let b = &page.body;
    // The lead image heads the fact box, with its caption, credit, linked licence and source.
    let facts = b.find(r#"<aside class="facts""#).unwrap();
    let lead = b.find(r#"<figure class="lead">"#).expect("a lead figure");
    assert!(lead > facts, "the lead image is in the fact box");
    assert!(b.contains(r#"<img src="https://example.org/signing.jpg" alt="Two delegations at a long table" loading="eager""#), "{b}");
    assert!(b.contains(r#"<span class="caption">The signing</span>"#));
    assert!(b.contains(r#"Photo: A. Archivist · <a rel="license noopener" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a> · <a href="https://example.org/signing" rel="nofollow noopener">source</a>"#), "{b}");
    // The others under the narrative: a player for the recording, a link for the film on a
    // video site, the second image lazily; text escaped.
    assert!(b.contains(r#"<h2 id="media-h">Pictures and recordings</h2>"#));
    assert!(b.contains(r#"<audio controls preload="none" src="https://example.org/speech.ogg">"#));
    assert!(b.contains(r#"<a class="media-link" href="https://www.youtube.com/watch?v=abc" rel="nofollow noopener">Watch on www.youtube.com</a>"#), "{b}");
    assert!(b.contains(r#"alt="A &lt;b&gt;map&lt;/b&gt; of the rivers" loading="lazy""#));
    assert!(b.contains("The border &quot;then&quot;") || b.contains("The border \"then\""));
    assert!(
        b.contains(r#"<a class="media-link" href="http://old.example.org/plan.gif" rel="nofollow noopener">See the picture on old.example.org</a>"#),
        "a plain http: picture is linked, not loaded (the policy allows https: only)"
    );
    assert!(
        b.matches(r#"<figure class="lead">"#).count() == 1
            && b.contains(r#"<figure class="medium">"#)
    );
    // JSON-LD carries the image with its credit and licence.
    assert!(b.contains(r#""image":[{"@type":"ImageObject","caption":"The signing","contentUrl":"https://example.org/signing.jpg","creditText":"Photo: A. Archivist""#), "{b}");
    // The pages' policy lets the pictures and recordings load from their https: addresses.
    let csp = header(&page, "content-security-policy").unwrap();
    assert!(
        csp.contains("img-src 'self' data: https:") && csp.contains("media-src 'self' https:"),
        "{csp}"
    );
    assert!(csp.contains("script-src 'self'"), "scripts stay our own");
    // The API gives them back as given.
    let v = get(&s, "/api/events/treaty-1960").json();
    assert_eq!(v["media"].as_array().unwrap().len(), 5);
    assert_eq!(v["media"][1]["kind"], "audio");
    assert!(v["media"][0].get("kind").is_none(), "image is the default");
}

#[test]
fn media_that_break_the_rules_are_refused_where_they_are() {
    let s = start(Some(TOKEN));
    for (media, says) in [
        (r#"{"url": "https://example.org/a.jpg"}"#, "needs alt text"),
        (
            r#"{"url": "javascript:alert(1)", "alt": "x"}"#,
            "expected an https:// address",
        ),
        (
            r#"{"url": "https://example.org/a.jpg", "alt": "x", "licence": "all rights reserved"}"#,
            "expected an SPDX identifier",
        ),
        (
            r#"{"url": "https://example.org/a.jpg", "alt": "x", "kind": "sculpture"}"#,
            "unknown variant",
        ),
    ] {
        let r = post(
            &s,
            "/api/events",
            &format!(r#"{{"title": "T", "date": "1960", "media": [{media}]}}"#),
        );
        assert_eq!(r.status, 400, "{media}: {}", r.body);
        assert!(r.body.contains(says), "{media}: {}", r.body);
    }
    assert_eq!(
        get(&s, "/api/search?q=T").json()["total"],
        0,
        "nothing was stored"
    );
}

/// The text of the form's field `name` (an input's value or a textarea's text), unescaped.
fn field(page: &str, name: &str) -> String {
    let at = page
        .find(&format!(r#"name="{name}""#))
        .unwrap_or_else(|| panic!("no field {name}"));
    let tag_start = page[..at].rfind('<').unwrap();
    let tag_end = at + page[at..].find('>').unwrap();
    let tag = &page[tag_start..tag_end];
    let text = if tag.starts_with("<textarea") {
        page[tag_end + 1..].split("</textarea>").next().unwrap()
    } else {
        tag.split(r#"value=""#)
            .nth(1)
            .map_or("", |v| v.split('"').next().unwrap())
    };
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `application/x-www-form-urlencoded`.
fn encode(fields: &[(&str, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let mut e = String::new();
            for b in v.bytes() {
                match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        e.push(b as char)
                    }
                    b' ' => e.push('+'),
                    _ => e.push_str(&format!("%{b:02X}")),
                }
            }
            format!("{k}={e}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[test]
fn editing_in_the_browser_keeps_the_media_and_reads_new_ones() {
    let s = start(None);
    let st = annals_store::SqliteStore::open(&s.db).unwrap();
    st.accounts()
        .add_user(
            "clio",
            "a long enough password",
            annals_store::accounts::Role::Editor,
        )
        .unwrap();
    let token = st
        .accounts()
        .new_token("clio", annals_store::accounts::Scope::Write, "test")
        .unwrap()
        .1;
    let bearer = format!("Bearer {token}");
    let r = request(
        &s,
        "POST",
        "/api/events",
        &[
            ("Authorization", &bearer),
            ("Content-Type", "application/json"),
        ],
        TREATY.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let signed = sign_in_form(&s, "clio", "a long enough password");
    assert_eq!(signed.status, 303, "{}", signed.body);
    let cookie = header(&signed, "set-cookie").unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let form = request(
        &s,
        "GET",
        "/events/treaty-1960/edit",
        &[("Cookie", &cookie)],
        b"",
    );
    assert_eq!(form.status, 200, "{}", form.body);
    let media = field(&form.body, "media");
    assert!(
        media.starts_with("https://example.org/signing.jpg | alt Two delegations at a long table | caption The signing | credit Photo: A. Archivist | licence CC-BY-SA-4.0 | source https://example.org/signing\nhttps://example.org/speech.ogg | kind audio"),
        "the form holds every medium as a line: {media}"
    );
    let post_form = |media: String, summary: &str| {
        let body = encode(&[
            ("csrf", field(&form.body, "csrf")),
            ("etag", field(&form.body, "etag")),
            ("title", field(&form.body, "title")),
            ("date", field(&form.body, "date")),
            ("summary", summary.to_string()),
            ("body", field(&form.body, "body")),
            ("media", media),
            ("change", "summary".into()),
        ]);
        request(
            &s,
            "POST",
            "/events/treaty-1960/edit",
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Cookie", &cookie),
                ("Origin", "http://x"),
            ],
            body.as_bytes(),
        )
    };
    // A medium line that breaks the rules: the form comes back with the problem, nothing saved.
    let bad = post_form(
        format!("{media}\nhttps://example.org/x.jpg | credit Me"),
        "Changed.",
    );
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(
        bad.body
            .contains("line 6: https://example.org/x.jpg: an image needs alt text"),
        "{}",
        bad.body
    );
    // Saving the summary keeps every medium as it was.
    let saved = post_form(media, "Two states signed a treaty, at last.");
    assert_eq!(saved.status, 303, "{}", saved.body);
    let v = get(&s, "/api/events/treaty-1960").json();
    assert_eq!(v["summary"], "Two states signed a treaty, at last.");
    let back: Vec<serde_json::Value> = v["media"].as_array().unwrap().clone();
    let given: serde_json::Value = serde_json::from_str(TREATY).unwrap();
    assert_eq!(
        back,
        given["media"].as_array().unwrap().clone(),
        "the media are kept as they were"
    );
}

#[test]
fn a_profile_has_a_portrait_with_its_credit() {
    let s = start(Some(TOKEN));
    assert_eq!(post(&s, "/api/events", TREATY).status, 201);
    let (k, v) = auth();
    let put = |body: &str| {
        request(
            &s,
            "PUT",
            "/api/profiles/places/Vienna%2C%20Austria",
            &[(k, &v), ("Content-Type", "application/json")],
            body.as_bytes(),
        )
    };
    let r = put(
        r#"{"description": "A city on the Danube.", "media": [{"url": "https://example.org/vienna.jpg", "alt": "Roofs and a cathedral spire", "credit": "Photo: B. Painter", "licence": "CC-BY-SA-3.0"}]}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["media"][0]["licence"], "CC-BY-SA-3.0");
    let page = get(&s, "/places/Vienna%2C%20Austria");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"<figure class="portrait"><img src="https://example.org/vienna.jpg" alt="Roofs and a cathedral spire""#), "{}", page.body);
    assert!(page.body.contains(r#"Photo: B. Painter · <a rel="license noopener" href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a>"#));
    let bad = put(r#"{"media": [{"url": "https://example.org/vienna.jpg"}]}"#);
    assert_eq!(
        (bad.status, bad.code().as_str()),
        (400, "invalid_profile"),
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains("media: ") && bad.body.contains("alt text"),
        "{}",
        bad.body
    );
}
