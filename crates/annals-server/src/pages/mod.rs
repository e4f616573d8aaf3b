//! Server-rendered pages, one file per page, on maud templates: every text is escaped unless a
//! template says otherwise (snippets arrive escaped from the index with `<mark>` around
//! matches; the world map is our own SVG). They work without JavaScript; `assets/timeline.js`
//! and `assets/map.js` add zoom and pan (`docs/web.md`).
//!
//! - [`home`]: the front page. [`event`]: an event as a knowledge-base article.
//! - [`search`]: hits, facets, a density bar. [`entity`]: a place's or a participant's page.
//! - [`timeline`], [`map`]: the timeline and the map. [`errors`]: 404s and plain-word errors.

pub mod account;
pub mod edit;
pub mod embed;
pub mod entity;
pub mod errors;
pub mod event;
pub mod figure;
pub mod history;
pub mod home;
pub mod map;
pub mod media;
pub mod profile;
pub mod review;
pub mod search;
pub mod story;
pub mod timeline;

pub use entity::{participant, place};
pub use errors::{error_page, not_found, not_found_page};
pub use event::event;
pub use home::home;
pub use map::map;
pub use search::search;
pub use timeline::timeline;

use crate::app::App;
use annals_core::{Event, Place};
use annals_dates::{Calendar, DayNumber};
use annals_store::accounts::Session;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::sync::Arc;

pub(crate) type Shared = State<Arc<App>>;

/// What a path segment or query value may keep unencoded: RFC 3986's unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode a path segment or query value.
pub fn enc(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// A page: its title and what goes in it.
pub(crate) struct Page<'a> {
    /// The title (before " · annals").
    pub title: &'a str,
    /// The query to show in the header's search box.
    pub q: &'a str,
    /// A description for search engines and link previews.
    pub description: &'a str,
    /// Scripts from `/assets/` (progressive enhancement: the page works without them).
    pub scripts: &'a [&'a str],
    /// More in `<head>` (Open Graph, JSON-LD).
    pub head: Markup,
    /// The page itself.
    pub body: Markup,
    /// Who is signed in, if anyone.
    pub viewer: Option<Session>,
}

impl Page<'_> {
    /// A page with a title and a body, nothing else.
    pub(crate) fn plain<'a>(title: &'a str, body: Markup) -> Page<'a> {
        Page {
            title,
            q: "",
            description: "",
            scripts: &[],
            head: html! {},
            body,
            viewer: None,
        }
    }

    /// The document's head: title, description, icon, style, scripts.
    fn head(&self) -> Markup {
        html! {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (self.title) " · annals" }
                @if !self.description.is_empty() {
                    meta name="description" content=(self.description);
                }
                link rel="icon" href=(crate::assets::url("favicon.svg")) type="image/svg+xml";
                link rel="stylesheet" href=(crate::assets::url("style.css"));
                (self.head)
                @for s in self.scripts {
                    script src=(crate::assets::url(s)) defer {}
                }
            }
        }
    }

    /// The page for an iframe (`/embed/...`): no site header or footer, a bar that opens the
    /// same view in annals (`open`), and a policy that lets the sites `allow` names frame it.
    /// `compact`: the view without its controls and legends (for a story's frames).
    pub(crate) fn render_embedded(self, open: &str, allow: &str, compact: bool) -> Response {
        let doc = html! {
            (DOCTYPE)
            html lang="en" {
                (self.head())
                body.embed.compact[compact] {
                    header.embed-bar {
                        a.brand href=(open) target="_blank" rel="noopener" { "annals" }
                        " "
                        a href=(open) target="_blank" rel="noopener" { "Open in annals" span aria-hidden="true" { " ↗" } }
                    }
                    main #main { (self.body) }
                }
            }
        };
        let mut r = Html(doc.into_string()).into_response();
        let policy = crate::headers::PAGE_POLICY.replace(
            "frame-ancestors 'none'",
            &format!("frame-ancestors {allow}"),
        );
        if let Ok(v) = axum::http::HeaderValue::from_str(&policy) {
            r.headers_mut()
                .insert(axum::http::header::CONTENT_SECURITY_POLICY, v);
        }
        r
    }

    /// The whole document.
    pub(crate) fn render(self) -> Response {
        let doc = html! {
            (DOCTYPE)
            html lang="en" {
                (self.head())
                body {
                    a.skip href="#main" { "Skip to content" }
                    header.site {
                        a.brand href="/" { "annals" }
                        form.find action="/search" role="search" aria-label="Search the site" {
                            label.sr for="q" { "Search events" }
                            input #q name="q" type="search" value=(self.q)
                                placeholder="Search events, places, people" autocomplete="off";
                            button aria-label="Search" {
                                svg.icon aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" {
                                    circle cx="8.5" cy="8.5" r="6" fill="none" stroke="currentColor" stroke-width="2.2" {}
                                    path d="M13 13l5 5" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" {}
                                }
                                span.label { "Search" }
                            }
                        }
                        nav.site-nav aria-label="Explore" {
                            a href="/timeline" { "Timeline" }
                            a href="/map" { "Map" }
                            @match &self.viewer {
                                Some(v) => {
                                    a.me href="/events/new" title=(format!("Signed in as {} ({})", v.user.name, v.user.role)) { "New event" }
                                    @if v.user.role >= annals_store::accounts::Role::Reviewer {
                                        a href="/review" { "Review" }
                                    }
                                    form.signout method="post" action="/signout" {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        button.linkish aria-label=(format!("Sign out {}", v.user.name)) { "Sign out" }
                                    }
                                }
                                None => { a.signin href="/signin" { "Sign in" } }
                            }
                        }
                    }
                    main #main { (self.body) }
                    footer.site {
                        p {
                            "annals, a historical events engine · "
                            a href="/api/openapi.json" { "API" }
                            " · dates as historians write them, EDTF in the data"
                        }
                    }
                }
            }
        };
        Html(doc.into_string()).into_response()
    }
}

/// `1 event`, `2,345 events`.
pub(crate) fn count(n: u64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        annals_dates::thousands(n),
        if n == 1 { one } else { many }
    )
}

/// "Washington, D.C., United States".
pub(crate) fn place_label(p: &Place) -> String {
    if p.country.is_empty() {
        p.name.clone()
    } else {
        format!("{}, {}", p.name, p.country)
    }
}

/// The page of a place: keyed by name and country, so two places of one name stay apart.
pub(crate) fn place_href(p: &Place) -> String {
    format!("/places/{}", enc(&place_label(p)))
}

/// The page of a participant.
pub(crate) fn participant_href(name: &str) -> String {
    format!("/participants/{}", enc(name))
}

/// The page of an event.
pub(crate) fn event_href(id: &str) -> String {
    format!("/events/{}", enc(id))
}

/// A compact link to an event: its title and its date as written.
pub(crate) fn event_link(e: &Event) -> Markup {
    html! {
        a href=(event_href(&e.id)) { (e.title) }
        " "
        span.when { (e.date.written()) }
    }
}

/// Snippet HTML from the index (escaped there, `<mark>` around matches).
pub(crate) fn snippet(html: &str) -> Markup {
    PreEscaped(html.to_string())
}

/// A day as a `from`/`to` parameter that reads back as that day: ISO `YYYY-MM-DD` for years
/// of four digits, else the EDTF year `Y-13800000000` (deep time needs no finer precision).
pub fn day_param(d: i64) -> String {
    let ymd = DayNumber(d).ymd();
    if (-9999..=9999).contains(&ymd.year) {
        DayNumber(d).to_string()
    } else {
        format!("Y{}", ymd.year)
    }
}

/// An ISO day from the index (`-14000000000-01-01`) as a parameter (see [`day_param`]).
pub(crate) fn iso_param(iso: &str) -> String {
    annals_dates::day::parse_iso_ymd(iso)
        .and_then(|d| Calendar::Gregorian.to_day(d))
        .map_or_else(|| iso.to_string(), |d| day_param(d.0))
}

/// A `from`/`to` parameter as a reader writes the date ("-0762-04-14" → "April 14, 763 BC");
/// words ("27 BC") as given.
pub(crate) fn param_text(param: &str) -> String {
    annals_dates::written::text_written(param)
}

/// A year as a `from`/`to` parameter: `-0043`, `1914`, `Y-66000000`.
pub(crate) fn year_param(y: i64) -> String {
    if (-9999..=9999).contains(&y) {
        format!("{}{:04}", if y < 0 { "-" } else { "" }, y.abs())
    } else {
        format!("Y{y}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_and_counts() {
        assert_eq!(enc("Paris, Texas"), "Paris%2C%20Texas");
        assert_eq!(enc("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(enc("Ōkehazama"), "%C5%8Ckehazama");
        assert_eq!(count(1, "event", "events"), "1 event");
        assert_eq!(count(1234567, "event", "events"), "1,234,567 events");
        assert_eq!(year_param(-43), "-0043");
        assert_eq!(year_param(-66_000_000), "Y-66000000");
        assert_eq!(param_text("-0762-04-14"), "April 14, 763 BC");
        assert_eq!(param_text("1914"), "1914");
        assert_eq!(param_text("27 BC"), "27 BC");
        assert_eq!(param_text("AD 180"), "AD 180");
        assert_eq!(param_text("not a date"), "not a date");
    }
}
