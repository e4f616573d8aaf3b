//! `/`: the front page. Search first; then what happened on this day; the corpus by era (each
//! leading into the timeline) and by region; stories; the most recently changed events. What reads the
//! whole corpus (eras, regions, the count) is computed once per store generation.

use super::{enc, event_href, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_index::{SearchOptions, TimelineOptions};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup};

/// The eras of the front page: the message naming it, and the window as `from`/`to`
/// parameters.
const ERAS: &[(&str, &str, &str)] = &[
    // EDTF years are astronomical: Y-10000 is 10001 BC, -9999 is 10000 BC, -3000 is 3001 BC.
    ("era-deep-time", "Y-14000000000", "Y-10000"),
    ("era-prehistory", "-9999", "-3000"),
    ("era-ancient", "-2999", "0500"),
    ("era-middle-ages", "0501", "1500"),
    ("era-early-modern", "1501", "1800"),
    ("era-19th-century", "1801", "1900"),
    ("era-20th-century", "1901", "2000"),
    ("era-21st-century", "2001", "2100"),
];

fn day(text: &str, earliest: bool) -> Option<i64> {
    let w = annals_dates::When::from_text(text, annals_dates::CalendarHint::Auto).ok()?;
    let (a, b) = w.axis_range();
    Some(if earliest { a } else { b })
}

/// The eras with their counts, and the regions with theirs (counted once per generation,
/// written in the reader's language each time).
fn overview(app: &App) -> Result<Markup, ApiError> {
    let v = app.cached("home:overview", || {
        let index = app.index()?;
        let all = annals_query::parse("")?;
        let mut eras = Vec::new();
        for (_, from, to) in ERAS {
            let t = index.timeline(
                &all,
                &TimelineOptions {
                    from: day(from, true),
                    to: day(to, false),
                    buckets: 1,
                    top: 0,
                },
            )?;
            eras.push(t.total);
        }
        let r = index.search(
            &all,
            &SearchOptions {
                limit: 1,
                cursor: None,
                facets: true,
                facet_size: 12,
                facet_sample: None,
                ..Default::default()
            },
        )?;
        let regions = r
            .facets
            .0
            .iter()
            .find(|(n, _)| *n == "country")
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        Ok(serde_json::json!({ "eras": eras, "regions": regions }))
    })?;
    let eras: Vec<u64> = serde_json::from_value(v["eras"].clone()).unwrap_or_default();
    let regions: Vec<(String, u64)> =
        serde_json::from_value(v["regions"].clone()).unwrap_or_default();
    let most = eras.iter().copied().max().unwrap_or(1).max(1);
    Ok(html! {
        section.eras aria-labelledby="eras-h" {
            h2 #eras-h { (t("browse-era")) }
            ol.era-list {
                @for ((name, from, to), n) in ERAS.iter().zip(&eras) {
                    li {
                        a href=(format!("/timeline?from={}&to={}", enc(from), enc(to))) {
                            span.era-name { (t(name)) }
                            span.era-count { (tw("events", &[("n", (*n).into())])) }
                            span.era-bar style=(format!("width:{}%", (n * 100).div_ceil(most))) {}
                        }
                    }
                }
            }
        }
        @if !regions.is_empty() {
            section.regions aria-labelledby="regions-h" {
                h2 #regions-h { (t("browse-region")) }
                ul.chips {
                    @for (name, n) in &regions {
                        li {
                            a href=(format!("/search?q={}", enc(&format!("country:\"{name}\"")))) {
                                (name) " " span.n { (n) }
                            }
                        }
                    }
                }
                p { a href="/map" { (t("all-on-map")) } }
            }
        }
    })
}

/// Events on today's month and day, in the calendar they were written in.
fn on_this_day(app: &App) -> Result<Markup, ApiError> {
    let today = annals_dates::DayNumber::today().ymd();
    let events = tokio::task::block_in_place(|| {
        app.index()?
            .on_this_day(today.month, today.day, 6)
            .map_err(ApiError::from)
    })?;
    let date =
        annals_dates::written::day_month_written_in(today.month, today.day, crate::lang::current());
    Ok(html! {
        section.on-this-day aria-labelledby="otd-h" {
            h2 #otd-h { (tw("on-this-day", &[("date", date.as_str().into())])) }
            @if events.is_empty() {
                p { (t("nothing-today")) }
            } @else {
                ul {
                    @for (id, title, date) in &events {
                        li { span.when { (date) } " " a href=(event_href(id)) { (title) } }
                    }
                }
            }
        }
    })
}

/// `GET /`.
pub async fn home(State(app): Shared, headers: HeaderMap) -> Response {
    let built = (|| -> Result<Markup, ApiError> {
        // Counted once per store generation: the home page never reads every event.
        let n = app.event_count()?;
        let overview = tokio::task::block_in_place(|| overview(&app))?;
        let today = on_this_day(&app)?;
        let recent = app.read(|s| Ok(s.recent(8)?))?;
        let stories = app.read(|s| Ok(s.stories(None, 4)?))?;
        Ok(html! {
            section.hero {
                h1 { "annals" }
                p.lede { (tw("home-lede", &[("n", n.into())])) }
                form.big-search action="/search" role="search" aria-label=(t("home-search-region")) {
                    label.sr for="home-q" { (t("search-label")) }
                    input #home-q name="q" type="search" placeholder=(t("home-placeholder"));
                    button { (t("search-button")) }
                }
                p.hint {
                    (t("home-try")) " "
                    a href="/search?q=battle+date%3A..-0001" { (t("retry-bc")) } ", "
                    a href="/search?q=treaty+OR+peace" { "treaty OR peace" } ", "
                    a href="/search?q=country%3AJapan" { "country:Japan" } ", " (t("retry-or")) " "
                    a href="/timeline" { (t("retry-timeline")) } "."
                }
            }
            @if !stories.is_empty() {
                section.home-stories aria-labelledby="stories-h" {
                    h2 #stories-h { (t("stories")) }
                    ul.story-cards {
                        @for st in &stories {
                            li {
                                a href=(format!("/stories/{}", enc(&st.story.id))) {
                                    span.story-card-title { (st.story.title) }
                                    span.story-card-n { (tw("stops", &[("n", st.story.stops.len().into())])) }
                                }
                            }
                        }
                    }
                    p { a href="/stories" { (t("all-stories")) } }
                }
            }
            div.home-grid {
                (today)
                @if !recent.is_empty() {
                    section.recent aria-labelledby="recent-h" {
                        h2 #recent-h { (t("recently-changed")) }
                        ul {
                            @for r in &recent {
                                li { a href=(event_href(&r.id)) { (r.title) } }
                            }
                        }
                    }
                }
            }
            (overview)
        })
    })();
    let (title, description) = (t("home-title"), t("home-description"));
    match built {
        Ok(body) => Page {
            title: &title,
            q: "",
            description: &description,
            scripts: &[],
            head: html! {},
            body,
            viewer: app.session(&headers),
        }
        .render(),
        Err(e) => super::error_page(e),
    }
}
