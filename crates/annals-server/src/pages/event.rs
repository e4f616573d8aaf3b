//! `/events/{id}`: an event as a knowledge-base article, the seed's record laid out for
//! reading. Title, date line and summary first; a fact box (date and calendar, duration,
//! places with a locator map, participants and their roles, tags, kind); the narrative and the
//! key points; the events before and after it in the record ("Earlier: …", "Later: …"), never
//! above the title; related events grouped by how they relate; sources as citations and a
//! "cite this event" block; JSON-LD, Open Graph and a description for machines.

use super::{
    enc, event_href, event_link, participant_href, place_href, place_label, year_param, Page,
    Shared,
};
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_core::Event;
use annals_store::accounts::Role;
use annals_store::accounts::Session;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

/// What the page shows of the events around this one.
struct Around {
    /// Related by the record (its own links, and links of others to it), with the kind as
    /// this event sees it.
    linked: Vec<(Event, String)>,
    /// Related by what they share (participants, place, words, time), and why.
    see_also: Vec<annals_index::Related>,
    /// Just before and just after it in time.
    before: Option<Event>,
    after: Option<Event>,
    /// The stored pictures among its media.
    files: super::media::Files,
}

/// Query parameters of `/events/{id}`.
#[derive(Debug, Deserialize)]
pub struct EventQuery {
    /// Show the event as this revision (a generation of its history) left it.
    revision: Option<u64>,
}

/// `GET /events/{id}`, or `?revision=G` for the state a past revision left. An id merged
/// into another answers 301 with the other's page; a deleted event says so (410).
pub async fn event(
    State(app): Shared,
    Path(id): Path<String>,
    Query(q): Query<EventQuery>,
    headers: HeaderMap,
) -> Response {
    if let Some(g) = q.revision {
        return super::history::old_revision(&app, &id, g, &headers);
    }
    let found = app.read(|s| Ok(s.get(&id)?));
    let e = match found {
        Ok(Some(e)) => e,
        Ok(None) => return super::history::missing(&app, &id, &headers),
        Err(err) => return super::error_page(err),
    };
    article(&app, &e, &headers, None)
}

/// The article of an event, with a note above it (for a past revision) if given.
pub(crate) fn article(app: &App, e: &Event, headers: &HeaderMap, note: Option<Markup>) -> Response {
    match around(app, e) {
        Ok(a) => page(e, &a, headers, app.session(headers), note),
        Err(err) => super::error_page(err),
    }
}

/// The relation kinds as this event sees them when another event holds the link.
fn inverse(kind: &str) -> String {
    match kind {
        "precedes" => "follows".into(),
        "follows" => "precedes".into(),
        "part_of" => "has_part".into(),
        "has_part" => "part_of".into(),
        "causes" => "caused_by".into(),
        "caused_by" => "causes".into(),
        other => other.into(),
    }
}

fn around(app: &App, e: &Event) -> Result<Around, ApiError> {
    let mut see_also =
        tokio::task::block_in_place(|| app.index()?.related(e, 12).map_err(ApiError::from))?;
    for r in &mut see_also {
        r.in_language(crate::lang::current().code());
    }
    let mut around = app.read(|s| {
        let mut linked: Vec<(Event, String)> = Vec::new();
        for r in &e.related {
            if let Some(o) = s.get(&r.id)? {
                linked.push((o, r.kind.clone()));
            }
        }
        for (o, kind) in s.linking(&e.id, 50)? {
            if !linked.iter().any(|(x, _)| x.id == o.id) {
                linked.push((o, inverse(&kind)));
            }
        }
        let (before, after) = s.neighbours(&e.id)?;
        Ok(Around {
            linked,
            see_also: Vec::new(),
            before,
            after,
            files: super::media::Files::default(),
        })
    })?;
    around.files = super::media::Files::of(app, &e.media);
    see_also.retain(|r| {
        !matches!(r.reason, annals_index::RelatedReason::Explicit { .. })
            && !around.linked.iter().any(|(o, _)| o.id == r.id)
    });
    see_also.truncate(6);
    around.see_also = see_also;
    Ok(around)
}

/// Why a computed related event is related, in a few words.
fn why(r: &annals_index::RelatedReason) -> String {
    use annals_index::RelatedReason as R;
    match r {
        R::SharedParticipants { names } => tw(
            "why-participants",
            &[("names", names.join(", ").as_str().into())],
        ),
        R::SamePlace { place } => tw("why-place", &[("place", place.into())]),
        R::SimilarText => t("why-text"),
        R::NearInTime { .. } => t("why-time"),
        R::Explicit { kind, .. } => kind_heading(kind).to_lowercase(),
    }
}

/// A heading for the events related in one way.
fn kind_heading(kind: &str) -> String {
    match kind {
        "part_of" | "has_part" | "precedes" | "follows" | "causes" | "caused_by" | "related" => {
            t(&format!("rel-{}", kind.replace('_', "-")))
        }
        other => {
            let t = other.replace('_', " ");
            let mut c = t.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

/// The kind of event a title names, when it begins with a word that says so.
/// (in the reader's language: the message `kind-<word>`).
fn kind(e: &Event) -> Option<String> {
    const KINDS: &[&str] = &[
        "battle",
        "siege",
        "treaty",
        "peace",
        "assassination",
        "coronation",
        "founding",
        "foundation",
        "fall",
        "sack",
        "eruption",
        "earthquake",
        "launch",
        "landing",
        "election",
        "revolution",
        "war",
        "declaration",
        "discovery",
        "invention",
        "publication",
        "construction",
        "unification",
        "conquest",
        "council",
        "congress",
        "conference",
        "massacre",
        "rebellion",
        "uprising",
        "crisis",
        "expedition",
        "voyage",
        "formation",
        "extinction",
    ];
    let first = e.title.split_whitespace().next()?.to_lowercase();
    let word = KINDS.iter().find(|w| **w == first)?;
    let word = if *word == "foundation" {
        "founding"
    } else {
        word
    };
    Some(t(&format!("kind-{word}")))
}

/// How long a span lasted, for people: "about 12 years", "3 months", "5 days".
fn duration(e: &Event) -> Option<String> {
    let (a, b) = e.date.axis_range();
    if a == i64::MIN || b == i64::MAX || b <= a {
        return None;
    }
    let days = b - a + 1;
    if matches!(
        e.date.precision,
        annals_dates::Precision::Day | annals_dates::Precision::Time
    ) || e.date.edtf.contains('/')
    {
        return Some(match days {
            d if d < 60 => tw("days", &[("n", (d as u64).into())]),
            d if d < 730 => tw(
                "months",
                &[("n", ((d as f64 / 30.44).round() as u64).into())],
            ),
            d => tw(
                "years",
                &[("n", ((d as f64 / 365.25).round() as u64).into())],
            ),
        });
    }
    None
}

/// A small map of the world around a place, with a dot on it.
fn locator(lat: f64, lon: f64, label: &str) -> Markup {
    let (x, y) = annals_render::world::project(lat, lon);
    let (w, h) = (120.0, 60.0);
    let x0 = (x - w / 2.0).clamp(0.0, 720.0 - w);
    let y0 = (y - h / 2.0).clamp(0.0, 360.0 - h);
    html! {
        svg.locator viewBox=(format!("{x0:.1} {y0:.1} {w} {h}")) role="img"
            aria-label=(tw("on-world-map", &[("place", label.into())])) {
            rect.sea x="0" y="0" width="720" height="360" {}
            image href=(crate::assets::url("world.svg")) x="0" y="0" width="720" height="360" {}
            circle.here cx=(format!("{x:.2}")) cy=(format!("{y:.2}")) r="2.2" {}
        }
    }
}

/// A locator map with the coordinates under it (place pages).
pub(crate) fn locator_figure(lat: f64, lon: f64, label: &str) -> Markup {
    let ns = if lat >= 0.0 { "N" } else { "S" };
    let ew = if lon >= 0.0 { "E" } else { "W" };
    html! {
        figure.locator-figure {
            (locator(lat, lon, label))
            figcaption { (format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())) }
        }
    }
}

/// Links from an event page to the timeline around it and to the map around its place; both
/// highlight it.
fn explore(e: &Event) -> Markup {
    let timeline = e.date.start_year().map(|y| {
        // A window a tenth of the event's age wide (at least a century), centred on it.
        let half = ((2000i64.saturating_sub(y)).abs() / 10).max(50);
        let step = 10i64.pow(half.ilog10());
        let a = y.saturating_sub(half).div_euclid(step) * step;
        let z = (y.saturating_add(half).div_euclid(step) + 1)
            .saturating_mul(step)
            .min(2100);
        format!(
            "/timeline?from={}&to={}&event={}",
            enc(&year_param(a)),
            enc(&year_param(z)),
            enc(&e.id)
        )
    });
    let map = e
        .places
        .iter()
        .find_map(|p| Some((p.lat?, p.lon?)))
        .map(|(lat, lon)| {
            let view = format!(
                "{:.2},{:.2},{:.2},{:.2}",
                (lat - 12.0).max(-90.0),
                (lon - 24.0).max(-180.0),
                (lat + 12.0).min(90.0),
                (lon + 24.0).min(180.0)
            );
            format!("/map?view={}&event={}", enc(&view), enc(&e.id))
        });
    html! {
        @if timeline.is_some() || map.is_some() {
            p.explore {
                @if let Some(tl) = &timeline { a href=(tl) { (t("on-the-timeline")) } }
                @if timeline.is_some() && map.is_some() { " · " }
                @if let Some(m) = &map { a href=(m) { (t("on-the-map")) } }
            }
        }
    }
}

/// How a linked event relates, when the record says more than "related": " · led to".
fn relation_note(a: &Around, id: &str) -> String {
    a.linked
        .iter()
        .find(|(o, _)| o.id == id)
        .map(|(_, k)| k.as_str())
        .filter(|k| *k != "related")
        .map(|k| format!(" · {}", kind_heading(k).to_lowercase()))
        .unwrap_or_default()
}

/// A language's name in the reader's language ("anglais" for `en` on a French page); the tag
/// itself for a language annals has no name for.
fn language_name(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    match annals_i18n::Language::from_code(&primary) {
        Some(l) => t(&format!("language-{}", l.code())),
        None => tag.to_string(),
    }
}

/// The fact box.
pub(crate) fn facts(e: &Event, files: &super::media::Files) -> Markup {
    html! {
        aside.facts aria-label=(t("facts")) {
            (super::media::lead(e, files))
            dl {
                dt { (t("fact-date")) }
                dd {
                    (super::written(&e.date))
                    @if let Some(note) = e.date.calendar_note_in(crate::lang::current()) { br; span.note { (note) } }
                    br; span.note { "EDTF " code { (e.date.edtf) } }
                }
                @if let Some(d) = duration(e) { dt { (t("fact-duration")) } dd { (d) } }
                @if !e.places.is_empty() {
                    dt { (tw("fact-places", &[("n", e.places.len().into())])) }
                    dd {
                        @for (i, p) in e.places.iter().enumerate() {
                            @if i > 0 { "; " }
                            a href=(place_href(p)) { (place_label(p)) }
                        }
                        @if let Some(p) = e.places.iter().find(|p| p.lat.is_some()) {
                            @if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                                (locator(lat, lon, &place_label(p)))
                            }
                        }
                    }
                }
                @if !e.participants.is_empty() {
                    dt { (t("fact-participants")) }
                    dd {
                        ul.people {
                            @for p in &e.participants {
                                li {
                                    a href=(participant_href(&p.name)) { (p.name) }
                                    @if let Some(r) = &p.role { span.role { " — " (r) } }
                                }
                            }
                        }
                    }
                }
                @if let Some(k) = kind(e) { dt { (t("fact-kind")) } dd { (k) } }
                @if !e.tags.is_empty() {
                    dt { (t("fact-tags")) }
                    dd {
                        @for (i, tag) in e.tags.iter().enumerate() {
                            @if i > 0 { ", " }
                            a href=(format!("/search?q={}", enc(&format!("tag:\"{tag}\"")))) { (tag) }
                        }
                    }
                }
            }
        }
    }
}

/// Today, for citations: `2026-12-04`.
fn today() -> (i64, u8, u8) {
    let ymd = annals_dates::DayNumber::today().ymd();
    (ymd.year, ymd.month, ymd.day)
}

/// "Cite this event": plain text, BibTeX, CSL-JSON.
fn citation(e: &Event, url: &str) -> Markup {
    let (y, m, d) = today();
    let accessed = format!("{y:04}-{m:02}-{d:02}");
    let plain = tw(
        "cite-plain",
        &[
            ("title", (&e.title).into()),
            ("date", super::written(&e.date).as_str().into()),
            ("accessed", accessed.as_str().into()),
            ("url", url.into()),
        ],
    );
    let bib_safe = |s: &str| s.replace(['{', '}', '\\'], "");
    let bibtex = format!(
        "@misc{{annals:{},\n  title = {{{}}},\n  note = {{{}}},\n  howpublished = {{\\url{{{}}}}},\n  urldate = {{{}}}\n}}",
        e.id,
        bib_safe(&e.title),
        bib_safe(&e.date.written()),
        url,
        accessed
    );
    let csl = serde_json::json!({
        "id": e.id,
        "type": "event",
        "title": e.title,
        "note": e.date.written(),
        "URL": url,
        "accessed": {"date-parts": [[y, m, d]]},
        "publisher": "annals",
    });
    html! {
        details.cite {
            summary { (t("cite")) }
            h3 { (t("cite-text")) } p.cite-text { (plain) }
            h3 { "BibTeX" } pre { (bibtex) }
            h3 { "CSL-JSON" } pre { (serde_json::to_string_pretty(&csl).unwrap_or_default()) }
        }
    }
}

/// The sources, as citations.
fn sources(e: &Event) -> Markup {
    html! {
        @if !e.sources.is_empty() {
            section.sources aria-labelledby="sources-h" {
                h2 #sources-h { (t("sources")) }
                ol {
                    @for s in &e.sources {
                        li {
                            @match s.url.as_deref().filter(|u| u.starts_with("http://") || u.starts_with("https://")) {
                                Some(u) => {
                                    a href=(u) rel="nofollow noopener" { (s.name) }
                                    " " span.url { (u) }
                                }
                                None => { (s.name) }
                            }
                            @if let Some(d) = &s.accessed { span.note { ". " (tw("source-accessed", &[("date", d.into())])) } }
                            @if let Some(l) = &s.licence { span.note { ". " (tw("source-licence", &[("licence", l.into())])) } }
                            @if let Some(q) = &s.quote { blockquote.quote { (q) } }
                        }
                    }
                }
            }
        }
    }
}

/// The article.
fn page(
    e: &Event,
    a: &Around,
    headers: &HeaderMap,
    viewer: Option<Session>,
    note: Option<Markup>,
) -> Response {
    let editor = viewer.as_ref().is_some_and(|v| v.user.role >= Role::Editor);
    let site = super::embed::origin(headers);
    let url = format!("{site}{}", event_href(&e.id));
    let (mine, _) = e.date.sort_key();
    let earlier_later = |earlier: bool| -> Vec<&Event> {
        a.linked
            .iter()
            .map(|(o, _)| o)
            .filter(|o| (o.date.sort_key().0 < mine) == earlier)
            .collect()
    };
    let (earlier, later) = (earlier_later(true), earlier_later(false));
    let mut kinds: Vec<&str> = a.linked.iter().map(|(_, k)| k.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    // The texts in the reader's language when the record has them; marked with their own
    // language (and a note) when they are in another.
    let reader = crate::lang::current();
    let (title, summary, narrative, text_lang) = e.texts_for(reader.code());
    let foreign = super::foreign(text_lang);
    // The key points are in the event's own language, whatever the translations.
    let points_lang = super::foreign(e.lang.as_deref());
    let description = if summary.is_empty() {
        format!("{}, {}", title, super::written(&e.date))
    } else {
        summary.chars().take(200).collect()
    };
    let mut dropped = Vec::new();
    // Stored pictures at their address on this site.
    let mut ld = annals_formats::jsonld::node_at(e, &mut dropped, Some(&site));
    if let Some(o) = ld.as_object_mut() {
        o.insert("@context".into(), "https://schema.org".into());
        o.insert("url".into(), url.clone().into());
    }
    let ld = super::script_json(&ld);
    let head = html! {
        meta property="og:type" content="article";
        meta property="og:title" content=(title);
        meta property="og:description" content=(description);
        meta property="og:url" content=(url);
        link rel="canonical" href=(url);
        script type="application/ld+json" { (PreEscaped(ld)) }
        @if note.is_some() { meta name="robots" content="noindex"; }
    };
    let body = html! {
        @if let Some(n) = &note { (n) }
        article.event {
            header.event-head {
                h1 lang=[foreign] { (title) }
                p.dateline {
                    (super::written(&e.date))
                    @if let Some(note) = e.date.calendar_note_in(crate::lang::current()) { " " span.note { "(" (note) ")" } }
                    @if let Some(p) = e.places.first() {
                        " · " a href=(place_href(p)) { (place_label(p)) }
                    }
                }
            }
            @if let Some(l) = foreign {
                p.text-language { (tw("text-in", &[("language", language_name(l).as_str().into())])) }
            }
            @if !summary.is_empty() { p.summary lang=[foreign] { (summary) } }
            (facts(e, &a.files))
            @if note.is_none() {
                nav.page-tools aria-label=(t("this-record")) {
                    @if editor { a href=(format!("{}/edit", event_href(&e.id))) { (t("edit")) } }
                    a href=(format!("{}/history", event_href(&e.id))) { (t("history")) }
                }
            }
            @if !earlier.is_empty() || !later.is_empty() {
                nav.chain aria-label=(t("earlier-and-later")) {
                    @for o in &earlier {
                        a.chain-card.earlier href=(event_href(&o.id)) {
                            span.dir { (t("earlier")) (relation_note(a, &o.id)) }
                            @let (title, lang) = super::title_for_reader(o);
                            strong lang=[lang] { (title) }
                            span.when { (super::written(&o.date)) }
                        }
                    }
                    @for o in &later {
                        a.chain-card.later href=(event_href(&o.id)) {
                            span.dir { (t("later")) (relation_note(a, &o.id)) }
                            @let (title, lang) = super::title_for_reader(o);
                            strong lang=[lang] { (title) }
                            span.when { (super::written(&o.date)) }
                        }
                    }
                }
            }
            @if !narrative.is_empty() {
                section.narrative aria-label=(t("narrative")) {
                    @for p in narrative { p lang=[foreign] { (p) } }
                }
            }
            (super::media::section(e, &a.files))
            @if !e.key_points.is_empty() {
                section.key-points aria-labelledby="kp-h" {
                    h2 #kp-h { (t("key-points")) }
                    dl lang=[points_lang] {
                        @for k in &e.key_points { dt { (k.label) } dd { (k.text) } }
                    }
                }
            }
            @if kinds.iter().any(|k| *k != "related") {
                section.related aria-labelledby="rel-h" {
                    h2 #rel-h { (t("how-it-connects")) }
                    @for k in kinds.iter().filter(|k| **k != "related") {
                        h3 { (kind_heading(k)) }
                        ul {
                            @for (o, _) in a.linked.iter().filter(|(_, kk)| kk == k) {
                                li { (event_link(o)) }
                            }
                        }
                    }
                }
            }
            @if !a.see_also.is_empty() {
                section.see-also aria-labelledby="see-h" {
                    h2 #see-h { (t("see-also")) }
                    ul {
                        @for r in &a.see_also {
                            li {
                                a href=(event_href(&r.id)) lang=[r.title_lang.as_deref()] { (r.title) } " "
                                span.when { (r.date) " · " (why(&r.reason)) }
                            }
                        }
                    }
                }
            }
            (sources(e))
            (explore(e))
            (citation(e, &url))
            @if note.is_none() {
                (super::embed::snippet(headers, &format!("/embed/event/{}", super::enc(&e.id)), &e.title, 260))
            }
        }
        nav.neighbours aria-label=(t("before-and-after")) {
            @if let Some(p) = &a.before {
                a rel="prev" href=(event_href(&p.id)) { "← " (p.title) " (" (super::written(&p.date)) ")" }
            }
            @if let Some(n) = &a.after {
                a rel="next" href=(event_href(&n.id)) { (n.title) " (" (super::written(&n.date)) ") →" }
            }
        }
    };
    Page {
        title,
        q: "",
        description: &description,
        scripts: &[],
        head,
        body,
        viewer,
    }
    .render()
}
