//! The web app in a real browser: headless Chromium (Debian `chromium`, installed by
//! `scripts/test`) loads the pages of a served demo; the DOM after scripts ran is checked and a
//! screenshot of each page is saved in `target/browser-screenshots/`.
//!
//! [`interactions_in_chromium`] drives the JavaScript (timeline zoom from deep time to a day,
//! pan, relation links, map pan and zoom, map and timeline linked, keyboard, a phone) with
//! `tests/e2e/interactions.mjs` (playwright-core, installed by `scripts/test` with `npm ci`).

mod common;
#[path = "../../../tests/support/picture.rs"]
mod picture;
use common::ok;
use common::skipped;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn chromium() -> Option<PathBuf> {
    for c in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(out) = Command::new("which").arg(c).output() {
            if out.status.success() {
                return Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
            }
        }
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "chromium is missing under CI=true: scripts/test installs it"
    );
    skipped("chromium not found (scripts/test installs it)");
    None
}

struct Served {
    child: Child,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &Path) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("--db")
        .arg(db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let line = lines.next().unwrap().unwrap();
    let url = line
        .split(" at ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    std::thread::spawn(move || for _ in lines {});
    Served { child, url }
}

struct Browser {
    bin: PathBuf,
    profile: tempfile::TempDir,
}

impl Browser {
    fn run(&self, extra: &[&str], url: &str) -> String {
        let out = Command::new(&self.bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
            ])
            .args([
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .args(["--virtual-time-budget=3000"])
            .args(extra)
            .arg(url)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn dom(&self, url: &str) -> String {
        self.run(&["--dump-dom"], url)
    }

    fn screenshot(&self, url: &str, name: &str, size: &str) {
        let dir =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("{name}.png"));
        let _ = std::fs::remove_file(&file);
        self.run(
            &[
                &format!("--screenshot={}", file.display()),
                &format!("--window-size={size}"),
            ],
            url,
        );
        assert!(
            file.metadata().map(|m| m.len() > 1000).unwrap_or(false),
            "no screenshot of {url}"
        );
    }
}

fn demo_with_bait(dir: &Path) -> PathBuf {
    let db = dir.join("web.db");
    ok(&db, &["demo", "--no-serve"]);
    let bait = dir.join("bait.jsonl");
    std::fs::write(
        &bait,
        r#"{"id": "bait", "title": "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>", "date": "1999", "summary": "<script>document.title='pwned'</script>"}
{"id": "test-era", "title": "Age of Test Sails", "date": "1400~/1600~", "summary": "An era, drawn as a band, with approximate ends.", "tags": ["era"]}"#,
    )
    .unwrap();
    ok(&db, &["import", bait.to_str().unwrap()]);
    db
}

/// Node.js and the e2e packages (`npm ci` in `tests/e2e`), or `None` (SKIPPED; a failure under
/// CI=true).
fn e2e() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let why = if !node {
        "node is missing"
    } else if !dir.join("node_modules/playwright-core").is_dir() {
        "tests/e2e/node_modules is missing (scripts/test runs npm ci there)"
    } else {
        return Some(dir);
    };
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{why} under CI=true"
    );
    skipped(why);
    None
}

/// Runs one script of `tests/e2e` against a fresh demo server and asserts it ends with `marker`.
fn run_script(script: &str, marker: &str, env: &[(&str, &str)]) {
    run_script_on(script, marker, env, |_| {});
}

/// [`run_script`] on the demo made ready by `prepare` before it is served.
fn run_script_on(script: &str, marker: &str, env: &[(&str, &str)], prepare: impl FnOnce(&Path)) {
    let Some(bin) = chromium() else { return };
    let Some(e2e) = e2e() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = demo_with_bait(dir.path());
    prepare(&db);
    let server = serve(&db);
    let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let out = Command::new("node")
        .arg(script)
        .current_dir(&e2e)
        .env("BASE", &server.url)
        .env("SHOTS", &shots)
        .env("CHROMIUM", &bin)
        .envs(env.iter().copied())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}");
    assert!(
        out.status.success() && stdout.contains(marker),
        "{script} failed in the browser (screenshots in target/browser-screenshots):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The pages in French for a browser that asks for French, dates as French historians write
/// them, the switcher and `?lang=` (`tests/e2e/languages.mjs`), at 1366×900 and 390×844.
#[test]
fn languages_in_chromium() {
    run_script_on(
        "languages.mjs",
        "languages e2e: all checks passed",
        &[],
        |db| {
            // an event with its texts in French too, for the timeline's card
            let file = db.parent().unwrap().join("translated.jsonl");
            std::fs::write(
                &file,
                r#"{"id": "card-test-1100", "title": "Founding of a test abbey", "date": "1100", "lang": "en", "summary": "An abbey founded for the test.", "importance": 100, "translations": [{"lang": "fr", "title": "Fondation d'une abbaye d'essai", "summary": "Une abbaye fondée pour l'essai."}]}"#,
            )
            .unwrap();
            ok(db, &["import", file.to_str().unwrap()]);
        },
    );
}

/// Timeline zoom from deep time to a day, the map, search and the event page's links
/// (`tests/e2e/interactions.mjs`).
#[test]
fn interactions_in_chromium() {
    run_script(
        "interactions.mjs",
        "e2e: all checks passed",
        &[("BAIT", "1")],
    );
}

/// The reading pages at a desktop and a phone size: no accessibility violation (axe-core), the
/// title on the first phone screen, no script error (`tests/e2e/pages.mjs`).
#[test]
fn pages_in_chromium() {
    run_script("pages.mjs", "pages: all checks passed", &[]);
}

/// A story walked stop by stop: keys, buttons, the strip and swipes on a phone, a URL per stop,
/// the timeline and the map following, one long page without JavaScript, axe-core
/// (`tests/e2e/story.mjs`).
#[test]
fn story_in_chromium() {
    run_script("story.mjs", "story e2e: all checks passed", &[]);
}

/// The timeline's first view, zoom, bars, lanes, colours, `event=`, keyboard order and axe-core
/// (`tests/e2e/timeline.mjs`), at 1366×900 and 390×844.
#[test]
fn timeline_in_chromium() {
    run_script("timeline.mjs", "timeline e2e: all checks passed", &[]);
}

/// Add a user with `role` and the password the e2e scripts sign in with.
fn add_user(db: &Path, name: &str, role: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("--db")
        .arg(db)
        .args(["user", "add", name, "--role", role])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{PASSWORD}").unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success(), "annals user add {name}");
}

const PASSWORD: &str = "a long enough password";

/// Editing, history, conflicts, putting back, and merging duplicates, signed in as an editor
/// and a reviewer (`tests/e2e/curation.mjs`), at desktop and phone sizes.
#[test]
fn curation_in_chromium() {
    run_script_on(
        "curation.mjs",
        "curation e2e: all checks passed",
        &[
            ("EDITOR_NAME", "clio"),
            ("REVIEWER_NAME", "herodotus"),
            ("PASSWORD", PASSWORD),
            ("COPY_ID", "hastings-copy"),
        ],
        |db| {
            add_user(db, "clio", "editor");
            add_user(db, "herodotus", "reviewer");
            // The battle written again by another hand: the import proposes the pair; an
            // event that links to the copy must link to the kept event after the merge.
            let dir = db.parent().unwrap();
            let copy = dir.join("copy.jsonl");
            std::fs::write(
                &copy,
                r#"{"id": "hastings-copy", "title": "Hastings, battle of", "date": "1066", "summary": "Duke William's Normans defeated King Harold's English army near Hastings.", "places": [{"name": "Battle", "country": "United Kingdom"}]}
{"id": "after-hastings-test", "title": "A test event after the battle", "date": "1067", "summary": "Linked to the copy.", "related": [{"id": "hastings-copy", "kind": "follows"}]}"#,
            )
            .unwrap();
            let out = ok(db, &["import", copy.to_str().unwrap()]);
            assert!(out.contains("look like the same event"), "{out}");
        },
    );
}

/// Pictures: a stored picture leads its event's page with its credit, loaded as a WebP copy
/// under the pages' policy (desktop and phone); an editor adds a picture from the computer in
/// the editor, and it shows once saved; axe-core on both (`tests/e2e/media.mjs`).
#[test]
fn media_in_chromium() {
    let files = tempfile::tempdir().unwrap();
    let upload = files.path().join("harbour.png");
    std::fs::write(&upload, picture::png(900, 600)).unwrap();
    run_script_on(
        "media.mjs",
        "media e2e: all checks passed",
        &[
            ("EVENT", "harbour-at-dusk-test"),
            ("EDIT", "sealing-of-magna-carta-1215"),
            ("PICTURE", upload.to_str().unwrap()),
            ("EDITOR_NAME", "clio"),
            ("PASSWORD", PASSWORD),
        ],
        |db| {
            add_user(db, "clio", "editor");
            let dir = db.parent().unwrap();
            let jpeg = dir.join("harbour.jpg");
            std::fs::write(&jpeg, picture::jpeg(1600, 1000)).unwrap();
            let out = ok(db, &["media", "add", jpeg.to_str().unwrap()]);
            let url = out.split_whitespace().next().unwrap();
            assert!(url.starts_with("media:"), "{out}");
            let event = dir.join("harbour.jsonl");
            std::fs::write(
                &event,
                format!(
                    r#"{{"id": "harbour-at-dusk-test", "title": "A harbour at dusk", "date": "1890-06-01", "summary": "A drawing made for the tests of pictures: a sail on a calm sea at dusk.", "places": [{{"name": "Le Havre", "country": "France"}}], "media": [{{"url": "{url}", "alt": "A sail on a calm sea under an orange sun at dusk", "caption": "The Channel at dusk", "credit": "Drawing: annals tests", "licence": "CC0-1.0"}}, {{"url": "{url}", "alt": "The same drawing, smaller", "caption": "A second view", "credit": "Drawing: annals tests", "licence": "CC-BY-4.0"}}]}}"#
                ),
            )
            .unwrap();
            ok(db, &["import", event.to_str().unwrap()]);
        },
    );
}

/// The map: named markers and labels that never overlap, counts and list that follow the view,
/// the window and the query, the event from its page highlighted, deep time marked, keyboard
/// and axe-core (`tests/e2e/map.mjs`), at 1366×900 and 390×844.
#[test]
fn map_in_chromium() {
    run_script("map.mjs", "map e2e: all checks passed", &[]);
}

#[test]
fn the_web_app_in_chromium() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = demo_with_bait(dir.path());
    let server = serve(&db);
    let b = Browser {
        bin,
        profile: tempfile::tempdir().unwrap(),
    };
    let u = |p: &str| format!("{}{p}", server.url);

    let home = b.dom(&u("/"));
    assert!(
        home.contains("historical events") && home.contains("role=\"search\""),
        "{home:.500}"
    );
    b.screenshot(&u("/"), "home", "1280,900");

    let search = b.dom(&u("/search?q=Constantinople"));
    assert!(search.contains("Fall of Constantinople"), "{search:.800}");
    assert!(search.contains("<mark>"), "matches are marked");
    b.screenshot(&u("/search?q=Constantinople"), "search", "1280,1200");

    let event = b.dom(&u("/events/battle-of-hastings-1066"));
    assert!(event.contains("<h1>Battle of Hastings</h1>"));
    assert!(
        event.contains("Key points") && event.contains("<dt>"),
        "key points"
    );
    assert!(
        event.contains("chain-card earlier"),
        "the earlier event's card"
    );
    let title_at = event.find("<h1>Battle of Hastings</h1>").unwrap();
    let card_at = event.find("chain-card").unwrap();
    assert!(title_at < card_at, "the title comes before the cards");
    assert!(event.contains("Julian calendar"));
    b.screenshot(&u("/events/battle-of-hastings-1066"), "event", "1280,1600");
    b.screenshot(
        &u("/events/battle-of-hastings-1066"),
        "event-phone",
        "390,1400",
    );

    // The timeline zooms from deep time to a single day.
    let all = b.dom(&u("/timeline"));
    assert!(
        all.contains("Ga") && all.contains("Formation of the Earth"),
        "deep time: {all:.800}"
    );
    let century = b.dom(&u("/timeline?from=1900&to=1999"));
    assert!(century.contains("1960s"));
    let days = b.dom(&u("/timeline?from=1969-07-16&to=1969-07-24"));
    assert!(
        days.contains("20 July 1969") && days.contains("Apollo 11"),
        "{days:.800}"
    );
    b.screenshot(&u("/timeline"), "timeline-deep", "1280,1200");
    b.screenshot(
        &u("/timeline?from=1969-07-16&to=1969-07-24"),
        "timeline-days",
        "1280,900",
    );

    // The map: countries offline, events clustered, a cluster zooms in.
    let map = b.dom(&u("/map"));
    assert!(
        map.contains("<title>Japan</title>") && map.contains("class=\"cluster\""),
        "{map:.600}"
    );
    let europe = b.dom(&u("/map?view=35,-10,60,30"));
    assert!(europe.contains("Battle of Hastings"), "zoomed to Europe");
    b.screenshot(&u("/map"), "map", "1280,900");
    b.screenshot(&u("/map?view=35,-10,60,30"), "map-europe", "1280,900");

    // Event text shows as text and runs nothing.
    for page in ["/events/bait", "/search?q=pwned"] {
        let dom = b.dom(&u(page));
        assert!(!dom.contains("<title>pwned"), "{page}: a script ran");
        assert!(
            dom.contains("&lt;img src=x") || dom.contains("&lt;script&gt;"),
            "{page}: the markup shows as text: {dom:.600}"
        );
    }
    b.screenshot(&u("/events/bait"), "escaped", "1280,700");
}
