//! An event's history in the browser (`docs/curation.md`): `/events/{id}/history` lists every
//! revision (who, when, why) and compares any two field by field; `/events/{id}?revision=G`
//! shows a past state; `POST /events/{id}/revert` puts one back as a new revision (a deleted
//! event is restored the same way). An id merged into another answers with a 301 to it; a
//! deleted event's page says who deleted it and why.

use super::account::editor;
use super::edit::changes_table;
use super::{enc, event_href, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_core::diff::diff;
use annals_dates::DayNumber;
use annals_store::accounts::{Role, Session};
use annals_store::{revision_at, Change, Commit, Revision};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;

/// The day number of 1970-01-01 on the axis.
const UNIX_EPOCH_DAY: i64 = 719_163;

/// When a commit was made, as people read it: "December 4, 2026, 03:12 UTC".
pub(crate) fn moment(at_ms: i64) -> String {
    if at_ms <= 0 {
        return t("history-before");
    }
    let (days, ms) = (at_ms.div_euclid(86_400_000), at_ms.rem_euclid(86_400_000));
    let minutes = ms / 60_000;
    format!(
        "{}, {:02}:{:02} UTC",
        DayNumber(UNIX_EPOCH_DAY + days)
            .ymd()
            .written_in(crate::lang::current()),
        minutes / 60,
        minutes % 60
    )
}

fn history_href(id: &str) -> String {
    format!("{}/history", event_href(id))
}

/// Who, when and why, in a line.
pub(crate) fn byline(c: &Commit) -> Markup {
    html! {
        span.who { (if c.author.is_empty() { t("history-unknown") } else { c.author.clone() }) }
        ", " time { (moment(c.at_ms)) }
        @if !c.summary.is_empty() { ": " span.why { (c.summary) } }
    }
}

fn read_history(app: &App, id: &str) -> Result<Vec<Revision>, ApiError> {
    let revisions = app.read(|s| Ok(s.history(id)?))?;
    if revisions.is_empty() {
        Err(ApiError::not_found(format!(
            "no event ever had the id {id:?}"
        )))
    } else {
        Ok(revisions)
    }
}

/// A form that puts revision `g` back.
fn revert_form(id: &str, g: u64, session: &Session, label: &str) -> Markup {
    html! {
        form.inline method="post" action=(format!("{}/revert", event_href(id))) {
            input type="hidden" name="csrf" value=(session.csrf);
            input type="hidden" name="generation" value=(g);
            button.linkish { (label) }
        }
    }
}

/// `/events/{id}` when no event has the id: a 301 to the event it was merged into, a page
/// saying it was deleted (410), or the page that says there is no such event.
pub(crate) fn missing(app: &App, id: &str, headers: &HeaderMap) -> Response {
    match app.read(|s| Ok(s.redirect(id)?)) {
        Ok(Some(target)) => return moved(&event_href(&target)),
        Ok(None) => {}
        Err(e) => return super::error_page(e),
    }
    let revisions = match app.read(|s| Ok(s.history(id)?)) {
        Ok(r) => r,
        Err(e) => return super::error_page(e),
    };
    let (Some(last), Some(before)) = (
        revisions.last(),
        revisions
            .iter()
            .rev()
            .find_map(|r| r.event.as_ref().map(|e| (r, e))),
    ) else {
        return super::errors::no_event(id);
    };
    let session = app.session(headers).filter(|s| s.user.role >= Role::Editor);
    let (r, e) = before;
    let body = html! {
        h1 { (e.title) }
        p.lede { (t("history-deleted")) " " (byline(&last.commit)) "." }
        p {
            (t("history-kept")) " "
            a href=(history_href(id)) { (t("history-every")) } ", " (t("retry-or")) " "
            a href=(format!("{}?revision={}", event_href(id), r.commit.generation)) { (t("history-last-before")) } "."
        }
        @if let Some(s) = &session {
            (revert_form(id, r.commit.generation, s, &t("history-restore")))
        }
    };
    let mut resp = Page {
        viewer: app.session(headers),
        ..Page::plain(&e.title, body)
    }
    .render();
    *resp.status_mut() = StatusCode::GONE;
    resp
}

/// A permanent redirect.
pub(crate) fn moved(to: &str) -> Response {
    let mut r = Redirect::permanent(to).into_response();
    // `Redirect::permanent` answers 308; a merged-away page has moved for good, for every
    // method a browser follows with GET: 301.
    *r.status_mut() = StatusCode::MOVED_PERMANENTLY;
    if let Ok(v) = header::HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// `/events/{id}?revision=G`: the event as revision G left it.
pub(crate) fn old_revision(app: &App, id: &str, g: u64, headers: &HeaderMap) -> Response {
    let revisions = match read_history(app, id) {
        Ok(r) => r,
        Err(e) => return super::error_page(e),
    };
    let Some(r) = revision_at(&revisions, g) else {
        return super::error_page(ApiError::not_found(format!(
            "{id:?} has no revision {g}: see its history for the ones it has"
        )));
    };
    let current = revisions.last().is_some_and(|l| l.commit.generation == g);
    let session = app.session(headers).filter(|s| s.user.role >= Role::Editor);
    let note = html! {
        div.revision-note role="note" {
            p {
                @if current { (t("history-reading-current")) } @else { (t("history-reading-old")) }
                " " (byline(&r.commit)) ". "
                a href=(event_href(id)) { (t("history-now")) } " · "
                a href=(history_href(id)) { (t("history-its")) }
            }
            @if let (false, Some(s)) = (current, &session) {
                (revert_form(id, g, s, &t("history-put-back-this")))
            }
        }
    };
    match &r.event {
        Some(e) => super::event::article(app, e, headers, Some(note)),
        None => {
            let body = html! {
                (note)
                h1 { (t("history-deleted-here")) }
                p.lede { (t("history-did-not-exist")) }
            };
            Page {
                viewer: app.session(headers),
                ..Page::plain(&t("history-deleted-title"), body)
            }
            .render()
        }
    }
}

/// Query of the history page: the two revisions to compare.
#[derive(Debug, Deserialize)]
pub struct Compare {
    a: Option<u64>,
    b: Option<u64>,
}

/// `GET /events/{id}/history?a=&b=`.
pub async fn history(
    State(app): Shared,
    Path(id): Path<String>,
    Query(c): Query<Compare>,
    headers: HeaderMap,
) -> Response {
    let revisions = match read_history(&app, &id) {
        Ok(r) => r,
        Err(e) => return super::error_page(e),
    };
    let viewer = app.session(&headers);
    let session = viewer.clone().filter(|s| s.user.role >= Role::Editor);
    let n = revisions.len();
    // By default: the latest change (the revision before the last against the last).
    let last = revisions[n - 1].commit.generation;
    let b = c.b.unwrap_or(last);
    let a = c.a.unwrap_or_else(|| {
        if n > 1 {
            revisions[n - 2].commit.generation
        } else {
            b
        }
    });
    let (ra, rb) = (revision_at(&revisions, a), revision_at(&revisions, b));
    let title = revisions
        .iter()
        .rev()
        .find_map(|r| r.event.as_ref().map(|e| e.title.clone()))
        .unwrap_or_else(|| id.clone());
    let body = html! {
        h1 { (t("history-of")) " " a href=(event_href(&id)) { (title) } }
        p.lede { (tw("history-revisions", &[("n", n.into())])) }
        form.history method="get" action=(history_href(&id)) {
            table.revisions {
                caption.sr { (t("history-revisions-caption")) }
                thead { tr {
                    th scope="col" { (t("history-from")) } th scope="col" { (t("history-to")) }
                    th scope="col" { (t("history-revision")) } th scope="col" { (t("history-who")) }
                    @if session.is_some() { th scope="col" { span.sr { (t("history-actions")) } } }
                } }
                tbody {
                    @for r in revisions.iter().rev() {
                        @let g = r.commit.generation;
                        tr {
                            td { input type="radio" name="a" value=(g) checked[g == a] aria-label=(format!("Compare from revision {g}")); }
                            td { input type="radio" name="b" value=(g) checked[g == b] aria-label=(format!("Compare to revision {g}")); }
                            td {
                                a href=(format!("{}?revision={g}", event_href(&id))) { (g) }
                                @if r.event.is_none() { " " span.tag { (t("history-deleted-tag")) } }
                            }
                            td { (byline(&r.commit)) }
                            @if session.is_some() {
                                td { @if g != last {
                                    // A form cannot hold a form: the button names its own,
                                    // after the table.
                                    button.linkish form=(format!("revert-{g}")) aria-label=(tw("history-put-back-n", &[("g", g.into())])) { (t("history-put-back")) }
                                } }
                            }
                        }
                    }
                }
            }
            p { button { (t("history-compare")) } }
        }
        @if let Some(s) = &session {
            @for r in revisions.iter().filter(|r| r.commit.generation != last) {
                form.inline #(format!("revert-{}", r.commit.generation)) method="post" action=(format!("{}/revert", event_href(&id))) {
                    input type="hidden" name="csrf" value=(s.csrf);
                    input type="hidden" name="generation" value=(r.commit.generation);
                }
            }
        }
        @if let (Some(ra), Some(rb)) = (ra, rb) {
            section.compare aria-labelledby="cmp-h" {
                h2 #cmp-h { (tw("history-a-to-b", &[("a", a.into()), ("b", b.into())])) }
                @if ra.event.is_none() && rb.event.is_some() && a != b {
                    p { (tw("history-restored", &[("a", a.into()), ("b", b.into())])) }
                }
                (changes_table(&diff(ra.event.as_ref(), rb.event.as_ref()), &tw("diff-revision", &[("g", a.to_string().as_str().into())]), &tw("diff-revision", &[("g", b.to_string().as_str().into())])))
            }
        } @else {
            p.form-problem role="alert" { (tw("history-no-revision", &[("g", (if ra.is_none() { a } else { b }).into())])) }
        }
    };
    Page {
        viewer,
        ..Page::plain(&format!("{} {title}", t("history-of")), body)
    }
    .render()
}

/// A revert form.
#[derive(Debug, Deserialize)]
pub struct RevertForm {
    csrf: String,
    generation: u64,
    #[serde(default)]
    change: String,
}

/// `POST /events/{id}/revert`.
pub async fn revert(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(f): Form<RevertForm>,
) -> Response {
    let session = match editor(&app, &headers, &f.csrf, Role::Editor) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    let revisions = match read_history(&app, &id) {
        Ok(r) => r,
        Err(e) => return super::error_page(e),
    };
    let Some(target) = revision_at(&revisions, f.generation).cloned() else {
        return super::error_page(ApiError::not_found(format!(
            "{id:?} has no revision {}",
            f.generation
        )));
    };
    let why = match f.change.trim() {
        "" => format!("put back revision {}", f.generation),
        t => t.chars().take(300).collect(),
    };
    let change = Change::new(session.user.name.clone(), why);
    let done = app.write(&change, |w| {
        match &target.event {
            Some(e) => {
                w.upsert(e, None)?;
            }
            None => {
                w.delete(&id)?;
            }
        }
        Ok(())
    });
    match done {
        Ok(()) if target.event.is_some() => Redirect::to(&event_href(&id)).into_response(),
        Ok(()) => Redirect::to(&format!(
            "{}?a={}",
            history_href(&id),
            enc(&f.generation.to_string())
        ))
        .into_response(),
        Err(e) => super::error_page(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_as_dates() {
        assert_eq!(moment(0), "before histories were kept");
        // 2026-12-04T03:12:00Z
        assert_eq!(moment(1_796_353_920_000), "December 4, 2026, 03:12 UTC");
    }
}
