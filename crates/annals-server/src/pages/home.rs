//! `/`: the front page. Search first; then what happened on this day; the corpus by era (each
//! leading into the timeline) and by region; stories; the most recently changed events. What reads the
//! whole corpus (eras, regions, the count) is computed once per store generation.

use super::{count, enc, event_href, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use annals_index::{SearchOptions, TimelineOptions};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup, PreEscaped};

/// The eras of the front page: a name, and the window as `from`/`to` parameters.
const ERAS: &[(&str, &str, &str)] = &[
    // EDTF years are astronomical: Y-10000 is 10001 BC, -9999 is 10000 BC, -3000 is 3001 BC.
    ("Deep time", "Y-14000000000", "Y-10000"),
    ("Prehistory and the first cities", "-9999", "-3000"),
    ("The ancient world", "-2999", "0500"),
    ("The Middle Ages", "0501", "1500"),
    ("The early modern world", "1501", "1800"),
    ("The 19th century", "1801", "1900"),
    ("The 20th century", "1901", "2000"),
    ("The 21st century", "2001", "2100"),
];

fn day(text: &str, earliest: bool) -> Option<i64> {
    let w = annals_dates::When::from_text(text, annals_dates::CalendarHint::Auto).ok()?;
    let (a, b) = w.axis_range();
    Some(if earliest { a } else { b })
}

/// The eras with their counts, and the regions with theirs (HTML, kept per generation).
fn overview(app: &App) -> Result<String, ApiError> {
    let v = app.cached("home:overview", || {
        let index = app.index()?;
        let all = annals_query::parse("")?;
        let mut eras = Vec::new();
        for (name, from, to) in ERAS {
            let t = index.timeline(
                &all,
                &TimelineOptions {
                    from: day(from, true),
                    to: day(to, false),
                    buckets: 1,
                    top: 0,
                },
            )?;
            eras.push((*name, *from, *to, t.total));
        }
        let r = index.search(
            &all,
            &SearchOptions {
                limit: 1,
                cursor: None,
                facets: true,
                facet_size: 12,
                facet_sample: None,
            },
        )?;
        let regions = r
            .facets
            .0
            .iter()
            .find(|(n, _)| *n == "country")
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let most = eras.iter().map(|e| e.3).max().unwrap_or(1).max(1);
        let html = html! {
            section.eras aria-labelledby="eras-h" {
                h2 #eras-h { "Browse by era" }
                ol.era-list {
                    @for (name, from, to, n) in &eras {
                        li {
                            a href=(format!("/timeline?from={}&to={}", enc(from), enc(to))) {
                                span.era-name { (name) }
                                span.era-count { (count(*n, "event", "events")) }
                                span.era-bar style=(format!("width:{}%", (n * 100).div_ceil(most))) {}
                            }
                        }
                    }
                }
            }
            @if !regions.is_empty() {
                section.regions aria-labelledby="regions-h" {
                    h2 #regions-h { "Browse by region" }
                    ul.chips {
                        @for (name, n) in &regions {
                            li {
                                a href=(format!("/search?q={}", enc(&format!("country:\"{name}\"")))) {
                                    (name) " " span.n { (n) }
                                }
                            }
                        }
                    }
                    p { a href="/map" { "All of them on the map" } }
                }
            }
        };
        Ok(serde_json::Value::String(html.into_string()))
    })?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Events on today's month and day, in the calendar they were written in.
fn on_this_day(app: &App) -> Result<Markup, ApiError> {
    let today = annals_dates::DayNumber::today().ymd();
    let events = tokio::task::block_in_place(|| {
        app.index()?
            .on_this_day(today.month, today.day, 6)
            .map_err(ApiError::from)
    })?;
    let month = annals_dates::MONTH_NAMES[usize::from(today.month - 1)];
    Ok(html! {
        section.on-this-day aria-labelledby="otd-h" {
            h2 #otd-h { "On this day, " (month) " " (today.day) }
            @if events.is_empty() {
                p { "Nothing recorded on this day yet." }
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
                p.lede {
                    (count(n, "historical event", "historical events"))
                    ", from the formation of the Earth to today. Search them by words, dates, places and people in one query."
                }
                form.big-search action="/search" role="search" aria-label="Search all events" {
                    label.sr for="home-q" { "Search events" }
                    input #home-q name="q" type="search" placeholder="treaty, Napoleon, country:Japan, date:1900..1950";
                    button { "Search" }
                }
                p.hint {
                    "Try "
                    a href="/search?q=battle+date%3A..-0001" { "battles before the common era" } ", "
                    a href="/search?q=treaty+OR+peace" { "treaty OR peace" } ", "
                    a href="/search?q=country%3AJapan" { "country:Japan" } ", or "
                    a href="/timeline" { "the whole timeline" } "."
                }
            }
            @if !stories.is_empty() {
                section.home-stories aria-labelledby="stories-h" {
                    h2 #stories-h { "Stories" }
                    ul.story-cards {
                        @for st in &stories {
                            li {
                                a href=(format!("/stories/{}", enc(&st.story.id))) {
                                    span.story-card-title { (st.story.title) }
                                    span.story-card-n { (st.story.stops.len()) " stops" }
                                }
                            }
                        }
                    }
                    p { a href="/stories" { "All stories" } }
                }
            }
            div.home-grid {
                (today)
                @if !recent.is_empty() {
                    section.recent aria-labelledby="recent-h" {
                        h2 #recent-h { "Recently changed" }
                        ul {
                            @for r in &recent {
                                li { a href=(event_href(&r.id)) { (r.title) } }
                            }
                        }
                    }
                }
            }
            (PreEscaped(overview))
        })
    })();
    match built {
        Ok(body) => Page {
            title: "Historical events",
            q: "",
            description: "A knowledge base of historical events: search, a timeline from deep time to today, and a map.",
            scripts: &[],
            head: html! {},
            body,
            viewer: app.session(&headers),
        }
        .render(),
        Err(e) => super::error_page(e),
    }
}
