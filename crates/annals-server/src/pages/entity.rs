//! `/places/{name}` and `/participants/{name}`: what the knowledge base holds about a place or
//! a participant. A summary (how many events, from when to when), a locator map of the place,
//! a density bar of its events leading into the timeline, the participant's roles and the
//! people and states that took part with it, the events in time with paging; and, when nothing
//! matches, the nearest names that do. A place is keyed by name and country ("Paris, France"),
//! so two places of one name stay apart.

use super::{enc, event_href, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_core::profile::Kind;
use annals_store::accounts::Role;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

/// Query parameters of the place and participant pages.
#[derive(Debug, Deserialize)]
pub struct EntityPage {
    cursor: Option<String>,
}

/// The search filter of a place's or participant's events (its other names included).
fn filter(kind: Kind, name: &str) -> String {
    format!("{}:\"{}\"", kind.name(), name.replace('"', ""))
}

/// `GET /places/{name}`.
pub async fn place(
    State(app): Shared,
    Path(name): Path<String>,
    Query(p): Query<EntityPage>,
    headers: HeaderMap,
) -> Response {
    render(&app, Kind::Place, &name, p, &headers)
}

/// `GET /participants/{name}`.
pub async fn participant(
    State(app): Shared,
    Path(name): Path<String>,
    Query(p): Query<EntityPage>,
    headers: HeaderMap,
) -> Response {
    render(&app, Kind::Participant, &name, p, &headers)
}

fn render(app: &App, kind: Kind, name: &str, p: EntityPage, headers: &HeaderMap) -> Response {
    // Another name of a participant or place: its page is the one of the name it stands for.
    match app.read(|s| Ok(s.name_for(kind, name)?)) {
        Ok(Some(main)) => return super::history::moved(&super::profile::href(kind, &main)),
        Ok(None) => {}
        Err(e) => return super::error_page(e),
    }
    let viewer = app.session(headers);
    let editor = viewer.as_ref().is_some_and(|s| s.user.role >= Role::Editor);
    match body(app, kind, name, p, editor) {
        Ok(body) => Page {
            title: name,
            q: "",
            description: &match kind {
                Kind::Place => tw("place-description", &[("name", name.into())]),
                Kind::Participant => tw("participant-description", &[("name", name.into())]),
            },
            scripts: &[],
            head: html! {},
            body,
            viewer,
        }
        .render(),
        Err(e) => super::error_page(e),
    }
}

fn body(
    app: &App,
    kind: Kind,
    name: &str,
    p: EntityPage,
    editor: bool,
) -> Result<Markup, ApiError> {
    let profile = app
        .read(|s| Ok(s.profile(kind, name)?))?
        .unwrap_or_default()
        .1;
    let files = super::media::Files::of(app, &profile.media);
    let filter = filter(kind, name);
    let request = crate::api::parse_query(Some(&format!("{filter} sort:date")))?;
    let index = app.index()?;
    let (r, density_of) =
        super::search::hits_and_density(index, &request, p.cursor.as_deref(), 50, 12)?;
    let total = r.total as u64;
    let span = match (density_of.buckets.first(), density_of.buckets.last()) {
        (Some(a), Some(b)) if total > 0 => Some((
            super::period_label(&density_of, a),
            super::period_label(&density_of, b),
        )),
        _ => None,
    };
    let others: Vec<(String, u64)> = r
        .facets
        .0
        .iter()
        .find(|(n, _)| *n == "participant")
        .map(|(_, c)| {
            c.iter()
                .filter(|(v, _)| !v.eq_ignore_ascii_case(name))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    // The participant's roles, from the events on this page.
    let mut roles: Vec<(String, String)> = Vec::new();
    if kind == Kind::Participant {
        app.read(|s| {
            for h in r.hits.iter().take(50) {
                if let Some(e) = s.get(&h.id)? {
                    for pt in e
                        .participants
                        .iter()
                        .filter(|pt| pt.name.eq_ignore_ascii_case(name))
                    {
                        if let Some(role) = &pt.role {
                            roles.push((role.clone(), e.title.clone()));
                        }
                    }
                }
            }
            Ok(())
        })?;
    }
    let located = if kind == Kind::Place {
        let (place, country) = match name.rsplit_once(", ") {
            Some((p, c)) => (p, c),
            None => (name, ""),
        };
        annals_places::Gazetteer::get().resolve(place, country)
    } else {
        None
    };
    let suggestions = match (total, kind) {
        (0, Kind::Participant) => app
            .index()?
            .suggest_participants(name, 5)?
            .into_iter()
            .map(|s| (super::participant_href(&s), s))
            .collect(),
        (0, Kind::Place) => app
            .index()?
            .suggest_places(name, 5)?
            .into_iter()
            .map(|s| (format!("/places/{}", enc(&s)), s))
            .collect(),
        _ => Vec::new(),
    };
    let q = filter.clone();
    Ok(html! {
        header.entity-head {
            p.kind { (if kind == Kind::Place { t("kind-place") } else { t("kind-participant") }) }
            h1 { (name) }
            p.lede {
                @if let Some((a, b)) = &span {
                    @if a == b {
                        (tw("events-in", &[("n", total.into()), ("period", a.into())]))
                    } @else {
                        (tw("events-from-to", &[("n", total.into()), ("from", a.into()), ("to", b.into())]))
                    }
                } @else {
                    (t("no-events-here"))
                }
            }
        }
        (super::profile::about(kind, name, &profile, editor, &files))
        @if total > 0 { (super::search::density(&q, &density_of)) }
        @if !suggestions.is_empty() {
            p.suggest {
                (t("did-you-mean")) " "
                @for (i, (href, s)) in suggestions.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(href) { (s) }
                }
                "?"
            }
        }
        @if let Some(hit) = &located {
            (super::event::locator_figure(hit.lat, hit.lon, name))
        }
        @if total > 0 {
            p.explore {
                a href=(format!("/timeline?q={}", enc(&q))) { (t("on-the-timeline")) } " · "
                a href=(format!("/map?q={}", enc(&q))) { (t("on-the-map")) } " · "
                a href=(format!("/search?q={}", enc(&q))) { (t("search-within")) }
            }
        }
        @if !roles.is_empty() {
            section.roles {
                h2 { (t("roles")) }
                ul { @for (role, title) in &roles { li { (role) " — " span.when { (title) } } } }
            }
        }
        @if !others.is_empty() {
            section.co {
                h2 { (if kind == Kind::Place { t("who-took-part") } else { t("took-part-with") }) }
                ul.chips {
                    @for (o, n) in &others {
                        li { a href=(super::participant_href(o)) { (o) " " span.n { (n) } } }
                    }
                }
            }
        }
        @if total > 0 {
            section.events {
                h2 { (t("events-in-time")) }
                ol.hits {
                    @for h in &r.hits {
                        li { span.when { (super::written(&h.date)) } " " a.title href=(event_href(&h.id)) lang=[h.title_lang.as_deref()] { (h.title) } }
                    }
                }
                @if let Some(c) = &r.next_cursor {
                    p.more { a rel="next" href=(format!("?cursor={}", enc(c))) { (t("later-events")) } }
                }
            }
        }
    })
}
