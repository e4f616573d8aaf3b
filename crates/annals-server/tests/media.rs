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

#[path = "../../../tests/support/picture.rs"]
mod picture;

fn upload(s: &Server, body: &[u8], token: Option<&str>) -> Reply {
    let bearer = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "image/jpeg")];
    if let Some(b) = &bearer {
        headers.push(("Authorization", b));
    }
    request(s, "POST", "/api/media", &headers, body)
}

/// The widths of the copies an upload's answer lists.
fn widths(v: &serde_json::Value) -> Vec<u64> {
    v["renditions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["width"].as_u64().unwrap())
        .collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A picture uploaded with a token is kept once, stripped of its metadata, with smaller
/// copies; the file and its copies are served for ever-caching browsers; an event that names
/// it shows it with every copy in `srcset` and its size.
#[test]
fn an_uploaded_picture_is_kept_served_and_shown() {
    let s = start(Some(TOKEN));
    let jpeg = picture::jpeg(1600, 1000);
    let r = upload(&s, &jpeg, Some(TOKEN));
    assert_eq!(r.status, 201, "{}", r.body);
    let v = r.json();
    let hash = v["hash"].as_str().unwrap().to_string();
    assert_eq!(v["url"], format!("media:{hash}"));
    assert_eq!(
        (
            v["type"].as_str(),
            v["width"].as_u64(),
            v["height"].as_u64()
        ),
        (Some("image/jpeg"), Some(1600), Some(1000))
    );
    assert_eq!(widths(&v), [320, 640, 1280]);
    // The same bytes again: kept already.
    assert_eq!(upload(&s, &jpeg, Some(TOKEN)).status, 200);

    // The file: stripped of its comment, otherwise the picture that was sent; cached for ever.
    let file = get(&s, &format!("/media/{hash}"));
    assert_eq!(file.status, 200);
    assert_eq!(header(&file, "content-type").as_deref(), Some("image/jpeg"));
    assert!(
        !contains(&file.raw, picture::SECRET.as_bytes()),
        "the comment was kept"
    );
    assert_eq!(file.raw.len() as u64, v["bytes"].as_u64().unwrap());
    assert_eq!(file.raw.len(), jpeg.len() - picture::SECRET.len() - 4);
    assert!(header(&file, "cache-control")
        .unwrap()
        .contains("immutable"));
    assert_eq!(
        header(&file, "x-content-type-options").as_deref(),
        Some("nosniff")
    );
    let etag = header(&file, "etag").unwrap();
    let again = request(
        &s,
        "GET",
        &format!("/media/{hash}"),
        &[("If-None-Match", &etag)],
        b"",
    );
    assert_eq!(again.status, 304);
    assert!(again.raw.is_empty());
    // A copy: WebP, that wide.
    let copy = get(&s, &format!("/media/{hash}/320.webp"));
    assert_eq!(copy.status, 200);
    assert_eq!(header(&copy, "content-type").as_deref(), Some("image/webp"));
    assert!(copy.raw.starts_with(b"RIFF") && &copy.raw[8..12] == b"WEBP");
    for missing in [
        format!("/media/{hash}/100.webp"),
        format!("/media/{hash}/320.png"),
        format!("/media/{}", "0".repeat(64)),
        "/media/not-a-hash".to_string(),
    ] {
        assert_eq!(get(&s, &missing).status, 404, "{missing}");
    }

    // An event that names it shows it: the copy nearest a column as src, every copy in
    // srcset, its size, a link to the file.
    let event = format!(
        r#"{{"id": "harbour-1890", "title": "The harbour at dusk", "date": "1890", "media": [{{"url": "media:{hash}", "alt": "A sail on a calm sea under an orange sun", "credit": "Drawn for the tests", "licence": "CC0-1.0"}}]}}"#
    );
    assert_eq!(post(&s, "/api/events", &event).status, 201);
    let page = get(&s, "/events/harbour-1890").body;
    assert!(page.contains(&format!(r#"<a class="picture" href="/media/{hash}"><img src="/media/{hash}/640.webp" srcset="/media/{hash}/320.webp 320w, /media/{hash}/640.webp 640w, /media/{hash}/1280.webp 1280w" sizes="(max-width: 50rem) 100vw, 22rem" width="1600" height="1000" alt="A sail on a calm sea under an orange sun" loading="eager""#)), "{page}");
    assert!(page.contains("Drawn for the tests"));
    // Its JSON-LD names the file where a browser reaches it.
    assert!(
        page.contains(&format!(r#""contentUrl":"http://x/media/{hash}""#)),
        "{page}"
    );
    // A story through it, as a TimelineJS timeline, gives TimelineJS the picture's address on
    // this site (a `media:` address is nothing to TimelineJS).
    let (k, v) = auth();
    let story = r#"{"id": "dusk", "title": "At dusk", "stops": [{"event": "harbour-1890", "text": "The harbour."}]}"#;
    let put = request(
        &s,
        "PUT",
        "/api/stories/dusk",
        &[(k, &v), ("Content-Type", "application/json")],
        story.as_bytes(),
    );
    assert_eq!(put.status, 201, "{}", put.body);
    let tl = get(&s, "/api/stories/dusk/timelinejs").json();
    let urls: Vec<&str> = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["media"]["url"].as_str())
        .collect();
    assert_eq!(urls, [format!("http://x/media/{hash}")], "{tl}");
}

/// What is not a picture annals takes is refused, with a code and nothing kept; uploads need
/// an editor's token; the size limit holds.
#[test]
fn uploads_are_refused_with_a_reason() {
    let s = start_with(
        Some(TOKEN),
        annals_server::Limits {
            max_upload: 200_000,
            ..annals_server::Limits::default()
        },
    );
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    let r = upload(&s, &gif, Some(TOKEN));
    assert_eq!(
        (r.status, r.code().as_str()),
        (415, "unsupported_picture"),
        "{}",
        r.body
    );
    assert!(r.body.contains("a GIF picture"), "{}", r.body);
    let mut cut = picture::png(300, 200);
    cut.truncate(cut.len() / 2);
    let r = upload(&s, &cut, Some(TOKEN));
    assert_eq!(
        (r.status, r.code().as_str()),
        (422, "invalid_picture"),
        "{}",
        r.body
    );
    let big = picture::png(2000, 2000);
    assert!(big.len() > 200_000);
    let r = upload(&s, &big, Some(TOKEN));
    assert_eq!(
        (r.status, r.code().as_str()),
        (413, "payload_too_large"),
        "{}",
        r.body
    );
    let r = upload(&s, &picture::png(100, 80), None);
    assert_eq!(r.status, 401, "{}", r.body);
    let r = upload(&s, &picture::png(100, 80), Some("wrong-token-0123456789"));
    assert_eq!(r.status, 401, "{}", r.body);
    // Nothing of these was kept.
    let st = store(&s);
    let pic =
        annals_media::prepare(&picture::png(100, 80), &annals_media::Limits::default()).unwrap();
    assert!(st.file_info(&pic.hash).unwrap().is_none());
}

/// The editor of a signed-in browser uploads with its session and CSRF token; without the
/// token, or without a session, nothing is kept.
#[test]
fn the_editor_uploads_with_its_session() {
    let s = start(Some(TOKEN));
    user(
        &s,
        "clio",
        annals_store::accounts::Role::Editor,
        annals_store::accounts::Scope::Write,
    );
    let (cookie, csrf) = sign_in(&s, "clio");
    let png = picture::png(500, 300);
    let send = |headers: &[(&str, &str)]| request(&s, "POST", "/media", headers, &png);
    let r = send(&[
        ("Cookie", &cookie),
        ("Origin", "http://x"),
        ("Content-Type", "image/png"),
    ]);
    assert_eq!(r.status, 403, "no CSRF token: {}", r.body);
    let r = send(&[
        ("Origin", "http://x"),
        ("X-CSRF-Token", &csrf),
        ("Content-Type", "image/png"),
    ]);
    assert_eq!(r.status, 401, "no session: {}", r.body);
    // A stranger's upload is refused before its body is read: 401, not 413, however large.
    let big = vec![0u8; annals_server::Limits::default().max_upload + 1];
    let r = request(&s, "POST", "/media", &[("Origin", "http://x")], &big);
    assert_eq!(r.status, 401, "{}", r.body);
    let r = send(&[
        ("Cookie", &cookie),
        ("Origin", "http://x"),
        ("X-CSRF-Token", &csrf),
        ("Content-Type", "image/png"),
    ]);
    assert_eq!(r.status, 201, "{}", r.body);
    let v = r.json();
    assert_eq!(
        (v["width"].as_u64(), v["type"].as_str()),
        (Some(500), Some("image/png"))
    );
    // A picture narrower than every copy width has one copy, its own width.
    assert_eq!(widths(&v), [320]);
    // The copy for a 320-pixel slot, whatever the picture's width (what the timeline's and the
    // map's cards show).
    let hash = v["hash"].as_str().unwrap();
    assert_eq!(get(&s, &format!("/media/{hash}/320.webp")).status, 200);
    let small = request(
        &s,
        "POST",
        "/media",
        &[
            ("Cookie", &cookie),
            ("Origin", "http://x"),
            ("X-CSRF-Token", &csrf),
        ],
        &picture::png(200, 120),
    );
    assert_eq!(small.status, 201, "{}", small.body);
    assert_eq!(widths(&small.json()), [200]);
    // A refusal is said in the editor's language (the API's own stays English).
    let fr = format!("{cookie}; annals-lang=fr");
    let upload = |cookie: &str, bytes: &[u8]| {
        request(
            &s,
            "POST",
            "/media",
            &[
                ("Cookie", cookie),
                ("Origin", "http://x"),
                ("X-CSRF-Token", &csrf),
            ],
            bytes,
        )
    };
    let r = upload(&fr, b"%PDF-1.4 not a picture");
    assert_eq!(r.status, 415, "{}", r.body);
    assert_eq!(
        r.json()["error"]["message"],
        "Il faut une image JPEG, PNG ou WebP ; ce fichier : a PDF document."
    );
    let de = format!("{cookie}; annals-lang=de");
    let r = upload(
        &de,
        &vec![0u8; annals_server::Limits::default().max_upload + 1],
    );
    assert_eq!(r.status, 413, "{}", r.body);
    let said = r.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(
        said.starts_with("Die Datei ist ") && said.contains("angenommen werden höchstens"),
        "{said}"
    );
    let slot = get(
        &s,
        &format!("/media/{}/320.webp", small.json()["hash"].as_str().unwrap()),
    );
    assert_eq!(slot.status, 200);
    assert_eq!(image::load_from_memory(&slot.raw).unwrap().width(), 200);
    let info = store(&s)
        .file_info(v["hash"].as_str().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(info.author, "clio");
}
