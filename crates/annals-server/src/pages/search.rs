//! `/search`: hits with their matches marked, in the order asked (relevance, oldest or newest
//! first), within an optional date range; facets that add a filter, and the active filters as
//! chips that remove it; a labelled, dated density bar of the matches over time; plain words
//! when nothing matches or the query cannot be read.

use super::{enc, event_href, iso_param, snippet, Page, Shared};
use crate::api::windowed;
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_index::{SearchOptions, SearchResult, Timeline, TimelineOptions};
use annals_query::Sort;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

/// Query parameters of `/search`.
#[derive(Debug, Deserialize)]
pub struct SearchPage {
    #[serde(default)]
    q: String,
    cursor: Option<String>,
    /// `relevance` (default), `date` (oldest first) or `-date` (newest first).
    sort: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// The filters of a query written as `key:value` or `key:"a value"`, each with the query
/// without it.
fn filters(q: &str) -> Vec<(String, String)> {
    const KEYS: &[&str] = &[
        "country:",
        "place:",
        "participant:",
        "tag:",
        "date:",
        "within:",
        "near:",
        "bbox:",
        "id:",
    ];
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in q.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if KEYS.iter().any(|k| t.starts_with(k)) {
            let rest: Vec<&str> = tokens
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, s)| s.as_str())
                .collect();
            out.push((t.clone(), rest.join(" ")));
        }
    }
    out
}

/// The address of this search with other parameters.
fn href(q: &str, sort: &str, from: &str, to: &str) -> String {
    let mut h = format!("/search?q={}", enc(q));
    for (k, v) in [("sort", sort), ("from", from), ("to", to)] {
        if !v.is_empty() {
            h.push_str(&format!("&{k}={}", enc(v)));
        }
    }
    h
}

/// `GET /search`.
pub async fn search(
    State(app): Shared,
    Query(p): Query<SearchPage>,
    headers: HeaderMap,
) -> Response {
    let q = p.q.trim().to_string();
    // The same search again, until the store changes, is answered from the cache.
    let key = [
        q.as_str(),
        p.sort.as_deref().unwrap_or(""),
        p.from.as_deref().unwrap_or(""),
        p.to.as_deref().unwrap_or(""),
        p.cursor.as_deref().unwrap_or(""),
    ]
    .join("\u{1f}");
    let body = app.cached_page(key, || results(&app, &q, &p).map(|m| m.into_string()));
    match body {
        Ok(body) => Page {
            title: &if q.is_empty() {
                t("search-title")
            } else {
                tw("search-title-q", &[("q", (&q).into())])
            },
            q: &q,
            description: &tw("search-description", &[("q", (&q).into())]),
            scripts: &[],
            head: html! { meta name="robots" content="noindex"; },
            body: maud::PreEscaped(body.to_string()),
            viewer: app.session(&headers),
        }
        .render(),
        Err(e) if e.code == "query_error" => super::errors::query_error(&q, &e),
        Err(e) => super::error_page(e),
    }
}

fn results(app: &App, q: &str, p: &SearchPage) -> Result<Markup, ApiError> {
    let blank = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let (from, to) = (blank(&p.from), blank(&p.to));
    let mut request = windowed(Some(q), from.as_deref(), to.as_deref())?;
    let sort = p.sort.as_deref().unwrap_or("");
    match sort {
        "date" => request.sort = Some(Sort::DateAsc),
        "-date" => request.sort = Some(Sort::DateDesc),
        "" | "relevance" => {}
        other => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("sort={other:?}: expected relevance, date or -date"),
            ))
        }
    }
    let index = app.index()?;
    let (r, density_of) = hits_and_density(index, &request, p.cursor.as_deref(), 20, 8)?;
    let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
    let chips = filters(q);
    let total = r.total as u64;
    Ok(html! {
        h1.results-head {
            (tw("matches", &[("n", total.into())]))
            @if !q.is_empty() { " " q { (q) } }
        }
        form.refine action="/search" aria-label=(t("refine")) {
            input type="hidden" name="q" value=(q);
            label { (t("order")) " " select name="sort" {
                option value="relevance" selected[sort.is_empty() || sort == "relevance"] { (t("best-first")) }
                option value="date" selected[sort == "date"] { (t("oldest-first")) }
                option value="-date" selected[sort == "-date"] { (t("newest-first")) }
            } }
            label { (t("from")) " " input name="from" value=(from) placeholder=(t("from-example")) size="10"; }
            label { (t("to")) " " input name="to" value=(to) placeholder="1914" size="10"; }
            button { (t("apply")) }
        }
        @if !chips.is_empty() {
            ul.chips.active aria-label=(t("active-filters")) {
                @for (f, rest) in &chips {
                    li { a href=(href(rest, sort, &from, &to)) aria-label=(tw("remove-filter", &[("filter", f.into())])) {
                        (f) " " span aria-hidden="true" { "×" }
                    } }
                }
            }
        }
        (density(q, &density_of))
        @if r.hits.is_empty() {
            @if !r.suggestions.is_empty() {
                p.suggest {
                    (t("did-you-mean")) " "
                    @for (i, s) in r.suggestions.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(href(&s.query, sort, &from, &to)) { q { (s.query) } }
                    }
                    "?"
                }
            }
            (empty(q, &chips, !from.is_empty() || !to.is_empty()))
        } @else {
            div.results {
                ol.hits start=(1) {
                    @for h in &r.hits {
                        li.hit {
                            a.title href=(event_href(&h.id)) lang=[h.title_lang.as_deref()] { (h.title) }
                            div.meta {
                                span.when { (super::written(&h.date)) }
                                @if let Some(place) = &h.place { " · " span.where { (place) } }
                            }
                            @if !h.snippet.is_empty() { p.snippet { (snippet(&h.snippet)) } }
                            @if let Some(m) = &h.matched {
                                p.matched { (tw("matched", &[("field", (&matched_field(m.field)).into())])) " " mark { (m.value) } }
                            }
                        }
                    }
                }
                (facets(q, sort, &from, &to, &r))
            }
            @if let Some(c) = &r.next_cursor {
                p.more { a rel="next" href=(format!("{}&cursor={}", href(q, sort, &from, &to), enc(c))) { (t("more-results")) } }
            }
            p.explore {
                a href=(format!("/timeline?q={}", enc(q))) { (t("timeline-of-these")) }
                " · "
                a href=(format!("/map?q={}", enc(q))) { (t("map-of-these")) }
            }
        }
    })
}

/// The matches over time: a bar per period, each a link into the timeline; labelled at both
/// ends with the periods it spans. A phone gets half as many bars (periods paired), each at
/// least 24 px wide to tap.
pub(crate) fn density(q: &str, t: &Timeline) -> Markup {
    let (Some(first), Some(last)) = (t.buckets.first(), t.buckets.last()) else {
        return html! {};
    };
    if t.total == 0 {
        return html! {};
    }
    let wide: Vec<Bar> = t
        .buckets
        .iter()
        .map(|b| Bar {
            label: super::period_label(t, b),
            start: &b.start,
            end: &b.end,
            count: b.count,
        })
        .collect();
    let narrow: Vec<Bar> = t
        .buckets
        .chunks(2)
        .map(|pair| {
            let (a, b) = (&pair[0], &pair[pair.len() - 1]);
            Bar {
                label: if pair.len() == 1 {
                    super::period_label(t, a)
                } else {
                    tw(
                        "period-to",
                        &[
                            ("a", super::period_label(t, a).as_str().into()),
                            ("b", super::period_label(t, b).as_str().into()),
                        ],
                    )
                },
                start: &a.start,
                end: &b.end,
                count: pair.iter().map(|b| b.count).sum(),
            }
        })
        .collect();
    let unit = super::unit_name(t);
    let aria = tw("matches-over-time", &[("unit", unit.as_str().into())]);
    html! {
        figure.density-figure {
            nav.density.wide aria-label=(aria) { (bars(q, &wide)) }
            nav.density.narrow aria-label=(aria) { (bars(q, &narrow)) }
            figcaption {
                span { (super::period_label(t, first)) }
                span.mid { (tw("matches-by", &[("unit", unit.as_str().into())])) }
                span { (super::period_label(t, last)) }
            }
        }
    }
}

/// One bar of the density: a period and its matches.
struct Bar<'a> {
    label: String,
    start: &'a str,
    end: &'a str,
    count: u64,
}

fn bars(q: &str, bars: &[Bar<'_>]) -> Markup {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    html! {
        @for b in bars {
            @let said = format!("{}: {}", b.label, tw("events", &[("n", b.count.into())]));
            a.bar href=(format!("/timeline?q={}&from={}&to={}", enc(q), enc(&iso_param(b.start)), enc(&iso_param(b.end))))
                title=(said) aria-label=(said) {
                span style=(format!("height:{}%", (b.count * 100).div_ceil(max).max(if b.count > 0 { 4 } else { 0 }))) {}
            }
        }
    }
}

/// Facets that add a filter.
fn facets(q: &str, sort: &str, from: &str, to: &str, r: &SearchResult) -> Markup {
    html! {
        aside.facets aria-label=(t("narrow")) {
            @if r.facets_estimated {
                p.estimated { (t("estimated")) }
            }
            @for (name, counts) in &r.facets.0 {
                @if !counts.is_empty() {
                    h2 { (match *name { "country" | "participant" | "tag" | "century" => t(&format!("facet-{name}")), other => other.to_string() }) }
                    ul {
                        @for (value, n) in counts {
                            @let key = if *name == "century" { None } else { Some(format!("{name}:\"{value}\"")) };
                            li {
                                @match key {
                                    Some(k) if !q.contains(&k) => {
                                        a href=(href(format!("{q} {k}").trim(), sort, from, to)) { (value) } " " span.n { (shown(*n, r.facets_estimated)) }
                                    }
                                    _ => { (value) " " span.n { (shown(*n, r.facets_estimated)) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A facet count as shown: an estimate to two significant figures, with "about".
fn shown(n: u64, estimated: bool) -> String {
    if !estimated || n < 100 {
        return n.to_string();
    }
    let scale = 10u64.pow(n.ilog10() - 1);
    tw("about", &[("n", ((n + scale / 2) / scale * scale).into())])
}

/// How a hit's name match reads.
fn matched_field(f: annals_index::NameField) -> String {
    t(match f {
        annals_index::NameField::Participant => "field-participant",
        annals_index::NameField::Place => "field-place",
        annals_index::NameField::Tag => "field-tag",
    })
}

/// What to try when nothing matched.
fn empty(q: &str, chips: &[(String, String)], windowed: bool) -> Markup {
    html! {
        section.empty {
            p.lede { (t("no-match")) " " @if q.is_empty() { (t("no-match-this")) } @else { q { (q) } } "." }
            ul {
                @if let Some((f, rest)) = chips.first() {
                    li { (t("no-match-remove")) " " a href=(format!("/search?q={}", enc(rest))) { code { (f) } } "." }
                }
                @if windowed { li { (t("no-match-widen")) " " a href=(format!("/search?q={}", enc(q))) { (t("no-match-all-dates")) } "." } }
                li { (t("no-match-words")) }
                li { (t("no-match-phrase")) " " a href="/search?q=treaty+OR+peace" { "treaty OR peace" } "." }
            }
            (super::errors::try_search(q))
        }
    }
}

/// A page of hits (with facets) and their density over time: what the search page and the
/// place and participant pages show; the hits' titles in the reader's language where the
/// events have them.
pub(crate) fn hits_and_density(
    index: &annals_index::SearchIndex,
    request: &annals_query::Request,
    cursor: Option<&str>,
    limit: usize,
    facet_size: usize,
) -> Result<(SearchResult, Timeline), ApiError> {
    tokio::task::block_in_place(|| {
        let mut r = index.search(
            request,
            &SearchOptions {
                limit,
                cursor: cursor.filter(|c| !c.is_empty()).map(str::to_string),
                facets: true,
                facet_size,
                facet_sample: Some(crate::limits::FACET_SAMPLE),
                ..Default::default()
            },
        )?;
        for h in &mut r.hits {
            h.in_language(crate::lang::current().code());
        }
        let t = index.timeline(
            request,
            &TimelineOptions {
                from: None,
                to: None,
                buckets: 24,
                top: 0,
            },
        )?;
        Ok((r, t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_read_as_estimates() {
        assert_eq!(shown(1234, false), "1234");
        assert_eq!(shown(1234, true), "about 1,200");
        assert_eq!(shown(1250, true), "about 1,300");
        assert_eq!(shown(98_765, true), "about 99,000");
        assert_eq!(shown(40, true), "40");
    }

    #[test]
    fn filters_become_chips() {
        let f = filters(r#"battle country:"United Kingdom" date:1000..1100"#);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, r#"country:"United Kingdom""#);
        assert_eq!(f[0].1, "battle date:1000..1100");
        assert_eq!(f[1].1, r#"battle country:"United Kingdom""#);
        assert!(filters("treaty of paris").is_empty());
    }
}
