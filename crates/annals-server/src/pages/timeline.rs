//! `/timeline?q=&from=&to=`: density by natural periods, each linking to a zoom into it, from
//! billions of years down to single days, with the most important events of each. Works
//! without JavaScript; `assets/timeline.js` turns it into a zoomable timeline (`docs/web.md`).

use super::{day_param, enc, event_href, iso_param, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_dates::{Calendar, CalendarHint, When};
use annals_index::TimelineOptions;
use axum::extract::{Query, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

/// Query parameters of `/timeline`.
#[derive(Debug, Deserialize)]
pub struct TimelinePage {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// An event to highlight (from its page's "On the timeline").
    event: Option<String>,
}

/// `GET /timeline`.
/// What the timeline's lanes (and colours) may follow: value and name.
const LANES: [(&str, &str); 4] = [
    ("", "lanes-none"),
    ("tag", "lanes-tag"),
    ("country", "lanes-country"),
    ("participant", "lanes-participant"),
];

pub async fn timeline(
    State(app): Shared,
    RawQuery(raw): RawQuery,
    Query(p): Query<TimelinePage>,
    headers: HeaderMap,
) -> Response {
    let q = p.q.clone().unwrap_or_default();
    let embed = super::embed::path("/embed/timeline", &raw);
    let (title, description) = (t("nav-timeline"), t("timeline-description"));
    match body(&app, p) {
        Ok(body) => Page {
            title: &title,
            q: &q,
            description: &description,
            scripts: &["timeline.js", "map.js", "card.js"],
            head: html! {},
            body: html! { (body) (super::embed::snippet(&headers, &embed, &title, 600)) },
            viewer: app.session(&headers),
        }
        .render(),
        Err(e) if e.code == "query_error" => super::errors::query_error(&q, &e),
        Err(e) => super::error_page(e),
    }
}

pub(crate) fn body(app: &App, p: TimelinePage) -> Result<Markup, ApiError> {
    let q = p.q.unwrap_or_default();
    let request = crate::api::parse_query(Some(&q))?;
    let day = |text: &str, earliest: bool| -> Result<i64, ApiError> {
        let w = When::from_text(text, CalendarHint::Auto)
            .map_err(|e| ApiError::bad(format!("{text:?}: {e}")))?;
        let (lo, hi) = w.axis_range();
        Ok(if earliest { lo } else { hi })
    };
    let (pf, pt) = (
        p.from.filter(|s| !s.trim().is_empty()),
        p.to.filter(|s| !s.trim().is_empty()),
    );
    let from = pf.as_deref().map(|x| day(x, true)).transpose()?;
    let to = pt.as_deref().map(|x| day(x, false)).transpose()?;
    if let (Some(a), Some(z)) = (from, to) {
        if a > z {
            return Err(ApiError::bad("from is after to"));
        }
    }
    let mut tl = tokio::task::block_in_place(|| {
        app.index()?
            .timeline(
                &request,
                &TimelineOptions {
                    from,
                    to,
                    buckets: 24,
                    top: 3,
                },
            )
            .map_err(ApiError::from)
    })?;
    for e in tl.buckets.iter_mut().flat_map(|b| b.top.iter_mut()) {
        e.in_language(crate::lang::current().code());
    }
    let window = |x: Option<&str>| {
        x.and_then(annals_dates::day::parse_iso_ymd)
            .and_then(|d| Calendar::Gregorian.to_day(d))
            .map(|d| d.0)
    };
    let first = window(tl.buckets.first().map(|b| b.start.as_str()));
    let last = window(tl.buckets.last().map(|b| b.end.as_str()));
    let (wa, wz) = (from.or(first), to.or(last));
    let (fa, fz) = (
        wa.map(day_param).unwrap_or_default(),
        wz.map(day_param).unwrap_or_default(),
    );
    let max = tl.buckets.iter().map(|x| x.count).max().unwrap_or(0).max(1);
    let zoom_out = first.zip(last).map(|(a, z)| {
        let span = (z - a).max(1);
        (
            day_param(a.saturating_sub(span * 2)),
            day_param(z.saturating_add(span * 2)),
        )
    });
    Ok(html! {
        h1 { (t("nav-timeline")) }
        p.tl-nojs { (tw("events-by", &[("n", tl.total.into()), ("unit", super::unit_name(&tl).as_str().into())])) }
        section.tl #timeline hidden data-q=(q) data-from=(wa.map(|d| d.to_string()).unwrap_or_default())
            data-to=(wz.map(|d| d.to_string()).unwrap_or_default())
            data-event=(p.event.as_deref().unwrap_or("")) aria-label=(t("tl-interactive")) {
            div.tl-bar role="toolbar" aria-label=(t("tl-controls")) {
                button type="button" data-act="out" aria-label=(t("zoom-out")) title=(format!("{} (-)", t("zoom-out"))) { "−" }
                button type="button" data-act="in" aria-label=(t("zoom-in")) title=(format!("{} (+)", t("zoom-in"))) { "+" }
                button type="button" data-act="earlier" aria-label=(t("pan-earlier")) title=(format!("{} (←)", t("pan-earlier"))) { "←" }
                button type="button" data-act="later" aria-label=(t("pan-later")) title=(format!("{} (→)", t("pan-later"))) { "→" }
                button type="button" data-act="all" title=(t("show-all")) { (t("everything")) }
                output.tl-range aria-live="polite" {}
                // Drawn here rather than by the script, so that the bar has its height before
                // the script runs (no layout shift); the script sets their values.
                label.tl-choice { (t("lanes")) " " select.tl-lanes {
                    @for (v, name) in LANES { option value=(v) { (t(name)) } }
                } }
                label.tl-choice { (t("colours")) " " select.tl-colours {
                    option value="" { (t("colours-automatic")) }
                    @for (v, name) in &LANES[1..] { option value=(v) { (t(name)) } }
                    option value="none" { (t("lanes-none")) }
                } }
            }
            div.tl-view tabindex="0" role="group" aria-roledescription="timeline"
                aria-label=(t("tl-keys")) {
                svg.tl-svg xmlns="http://www.w3.org/2000/svg" {}
            }
            div.tl-overview aria-hidden="true" { svg.tl-ov xmlns="http://www.w3.org/2000/svg" {} }
            div.tl-legend aria-label=(t("legend")) {}
            p.tl-help { (t("tl-help")) }
            div.tl-map aria-label=(t("tl-map")) {}
        }
        p {
            a.maplink href=(format!("/map?q={}&from={}&to={}", enc(&q), enc(&fa), enc(&fz))) { (t("map-of-window")) }
            " · " (t("download-window")) " "
            @for (i, (f, name)) in [("png", "PNG"), ("svg", "SVG"), ("pdf", "PDF")].iter().enumerate() {
                @if i > 0 { ", " }
                a.figurelink download data-format=(f)
                    href=(format!("/timeline/figure?q={}&from={}&to={}&format={f}", enc(&q), enc(&fa), enc(&fz))) { (name) }
            }
        }
        @if let Some((oa, oz)) = &zoom_out {
            p.tl-nojs {
                a href=(format!("/timeline?q={}&from={}&to={}", enc(&q), enc(oa), enc(oz))) { (t("zoom-out")) }
                " · "
                a href=(format!("/timeline?q={}", enc(&q))) { (t("everything")) }
            }
        }
        table.timeline #timeline-table {
            thead { tr { th { (t("period")) } th { (t("events-heading")) } th { (t("most-important")) } } }
            tbody {
                @for x in &tl.buckets {
                    tr {
                        td { a href=(format!("/timeline?q={}&from={}&to={}", enc(&q), enc(&iso_param(&x.start)), enc(&iso_param(&x.end)))) { (super::period_label(&tl, x)) } }
                        td { span.bar style=(format!("width:{}%", (x.count * 100).div_ceil(max))) {} " " (x.count) }
                        td {
                            @for (i, e) in x.top.iter().enumerate() {
                                @if i > 0 { " · " }
                                a href=(event_href(&e.id)) lang=[e.title_lang.as_deref()] { (e.title) }
                            }
                        }
                    }
                }
            }
        }
    })
}
