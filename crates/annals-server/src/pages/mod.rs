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
use crate::lang::{self, t, tw};
use annals_core::{Event, Place};
use annals_dates::{Calendar, DayNumber};
use annals_i18n as i18n;
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
                @if !self.scripts.is_empty() {
                    // The scripts' words in the reader's language (data, not code: the CSP's
                    // script-src does not apply to it), read by words.js.
                    script type="application/json" #annals-words { (PreEscaped(script_words())) }
                    script src=(crate::assets::url("words.js")) defer {}
                }
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
            html lang=(lang::current().code()) {
                (self.head())
                body.embed.compact[compact] {
                    header.embed-bar {
                        a.brand href=(open) target="_blank" rel="noopener" { "annals" }
                        " "
                        a href=(open) target="_blank" rel="noopener" { (t("open-in-annals")) span aria-hidden="true" { " ↗" } }
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
            html lang=(lang::current().code()) {
                (self.head())
                body {
                    a.skip href="#main" { (t("skip")) }
                    header.site {
                        a.brand href="/" { "annals" }
                        form.find action="/search" role="search" aria-label=(t("site-search")) {
                            label.sr for="q" { (t("search-label")) }
                            input #q name="q" type="search" value=(self.q)
                                placeholder=(t("search-placeholder")) autocomplete="off";
                            button aria-label=(t("search-button")) {
                                svg.icon aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" {
                                    circle cx="8.5" cy="8.5" r="6" fill="none" stroke="currentColor" stroke-width="2.2" {}
                                    path d="M13 13l5 5" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" {}
                                }
                                span.label { (t("search-button")) }
                            }
                        }
                        nav.site-nav aria-label=(t("nav-explore")) {
                            a href="/timeline" { (t("nav-timeline")) }
                            a href="/map" { (t("nav-map")) }
                            @match &self.viewer {
                                Some(v) => {
                                    a.me href="/events/new" title=(tw("signed-in-as", &[("name", (&v.user.name).into()), ("role", v.user.role.to_string().as_str().into())])) { (t("nav-new-event")) }
                                    @if v.user.role >= annals_store::accounts::Role::Reviewer {
                                        a href="/review" { (t("nav-review")) }
                                    }
                                    form.signout method="post" action="/signout" {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        button.linkish aria-label=(tw("sign-out-who", &[("name", (&v.user.name).into())])) { (t("sign-out")) }
                                    }
                                }
                                None => { a.signin href="/signin" { (t("sign-in")) } }
                            }
                        }
                    }
                    main #main { (self.body) }
                    footer.site {
                        p {
                            (t("footer-about")) " · "
                            a href="/api/openapi.json" { (t("footer-api")) }
                            " · " (t("footer-dates"))
                        }
                        (lang::switcher())
                    }
                }
            }
        };
        Html(doc.into_string()).into_response()
    }
}

/// The scripts' words in the reader's language (see [`script_json`]).
fn script_words() -> String {
    let words: serde_json::Map<String, serde_json::Value> = i18n::script_words(lang::current())
        .iter()
        .map(|(id, text)| (id.clone(), text.as_str().into()))
        .collect();
    script_json(&serde_json::Value::Object(words))
}

/// JSON for a script element: no markup character appears in it as itself.
pub(crate) fn script_json(v: &serde_json::Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
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
    let (title, lang) = title_for_reader(e);
    html! {
        a href=(event_href(&e.id)) lang=[lang] { (title) }
        " "
        span.when { (written(&e.date)) }
    }
}

/// A language tag when it is not the reader's language (for a text to be marked with it).
pub(crate) fn foreign(tag: Option<&str>) -> Option<&str> {
    let reader = lang::current();
    tag.filter(|l| !annals_core::event::same_language(l, reader.code()))
}

/// An event's title for the reader: in their language when the record has it, and the
/// language to mark it with when it is in another.
pub(crate) fn title_for_reader(e: &Event) -> (&str, Option<&str>) {
    let (title, _, _, lang) = e.texts_for(lang::current().code());
    (title, foreign(lang))
}

/// A period of a timeline labelled in the reader's language ("années 1960", "XXe siècle"),
/// from its unit and days; the index's English label when they do not read.
pub(crate) fn period_label(t: &annals_index::Timeline, b: &annals_index::Bucket) -> String {
    period_label_in(t, b, lang::current())
}

/// [`period_label`] in `lang`.
pub(crate) fn period_label_in(
    t: &annals_index::Timeline,
    b: &annals_index::Bucket,
    lang: i18n::Language,
) -> String {
    let day = |iso: &str| {
        annals_dates::day::parse_iso_ymd(iso).and_then(|d| Calendar::Gregorian.to_day(d))
    };
    match (day(&b.start), day(&b.end)) {
        (Some(a), Some(z)) => t.period.label_in(a.0, z.0, lang),
        _ => b.label.clone(),
    }
}

/// A timeline's unit in the reader's language: "decade", "siècle", "500 Jahre".
pub(crate) fn unit_name(t: &annals_index::Timeline) -> String {
    use annals_dates::period::Unit;
    let n = |v: i64| [("n", i18n::Arg::Count(v.unsigned_abs()))];
    match t.period {
        Unit::Day => lang::t("unit-day"),
        Unit::Month => lang::t("unit-month"),
        Unit::Years(1) => lang::t("unit-year"),
        Unit::Years(10) => lang::t("unit-decade"),
        Unit::Years(100) => lang::t("unit-century"),
        Unit::Years(1000) => lang::t("unit-millennium"),
        Unit::Years(y) if y >= 1_000_000_000 => {
            lang::tw("unit-billion-years", &n(y / 1_000_000_000))
        }
        Unit::Years(y) if y >= 1_000_000 => lang::tw("unit-million-years", &n(y / 1_000_000)),
        Unit::Years(y) => lang::tw("unit-years", &n(y)),
    }
}

/// A date as the reader's language writes it (see [`annals_dates::When::written_in`]).
pub(crate) fn written(w: &annals_dates::When) -> String {
    w.written_in(lang::current())
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
    annals_dates::written::text_written_in(param, lang::current())
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
    fn encoding_and_parameters() {
        assert_eq!(enc("Paris, Texas"), "Paris%2C%20Texas");
        assert_eq!(enc("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(enc("Ōkehazama"), "%C5%8Ckehazama");
        assert_eq!(year_param(-43), "-0043");
        assert_eq!(year_param(-66_000_000), "Y-66000000");
        assert_eq!(param_text("-0762-04-14"), "April 14, 763 BC");
        assert_eq!(param_text("1914"), "1914");
        assert_eq!(param_text("27 BC"), "27 BC");
        assert_eq!(param_text("AD 180"), "AD 180");
        assert_eq!(param_text("not a date"), "not a date");
    }
}
