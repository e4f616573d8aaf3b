//! Reviewing duplicates (`docs/curation.md`): `/review` lists the pairs of events that look
//! like one event recorded twice; `/review/{a}/{b}` shows them side by side, and a reviewer
//! merges them (choosing, field by field, which record's value stays) or marks them as two
//! different events. A merge keeps both records' sources and relations, rewrites the links
//! to the event merged away, and leaves a redirect at its address.

use super::account::editor;
use super::{enc, event_href, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tm, tw};
use annals_core::merge::{merge, Pick, Picks};
use annals_core::{lines, Event};
use annals_store::accounts::{Role, Session};
use annals_store::{Change, Verdict};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;

/// How many pairs the queue shows.
const QUEUE: usize = 100;

fn page(title: &str, body: Markup, session: Session) -> Response {
    Page {
        viewer: Some(session),
        ..Page::plain(title, body)
    }
    .render()
}

/// The signed-in reviewer, or where to go instead (sign in; or a 403 page for editors).
fn reviewer(app: &App, headers: &HeaderMap, path: &str) -> Result<Session, Box<Response>> {
    match app.session(headers) {
        Some(s) if s.user.role >= Role::Reviewer => Ok(s),
        Some(s) => Err(Box::new(super::error_page(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            tw(
                "review-needs-role",
                &[
                    ("name", (&s.user.name).into()),
                    ("role", s.user.role.to_string().as_str().into()),
                ],
            ),
        )))),
        None => Err(Box::new(
            Redirect::to(&format!("/signin?next={}", enc(path))).into_response(),
        )),
    }
}

fn pair_href(a: &str, b: &str) -> String {
    format!("/review/{}/{}", enc(a), enc(b))
}

/// `GET /review`.
pub async fn queue(State(app): Shared, headers: HeaderMap) -> Response {
    let session = match reviewer(&app, &headers, "/review") {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let found = app.read(|s| {
        let mut out = Vec::new();
        for d in s.open_duplicates(QUEUE)? {
            let (a, b) = (s.get(&d.a)?, s.get(&d.b)?);
            if let (Some(a), Some(b)) = (a, b) {
                out.push((d, a, b));
            }
        }
        Ok(out)
    });
    let pairs = match found {
        Ok(p) => p,
        Err(e) => return super::error_page(e),
    };
    let body = html! {
        h1 { (t("review-title")) }
        @if pairs.is_empty() {
            p.lede { (t("review-none")) }
        } @else {
            p.lede { (tw("review-pairs", &[("n", pairs.len().into())])) }
            table.review {
                caption.sr { (t("review-caption")) }
                thead { tr { th scope="col" { (t("review-likeness")) } th scope="col" { (t("review-one")) } th scope="col" { (t("review-other")) } th scope="col" { (t("review-why")) } th scope="col" { span.sr { (t("review-action")) } } } }
                tbody {
                    @for (d, a, b) in &pairs {
                        tr {
                            td.score { (format!("{:.0} %", d.score * 100.0)) }
                            td { (super::event_link(a)) }
                            td { (super::event_link(b)) }
                            td.why { (reasons(&d.reasons)) }
                            td { a href=(pair_href(&d.a, &d.b)) aria-label=(tw("review-compare-pair", &[("a", (&a.title).into()), ("b", (&b.title).into())])) { (t("review-compare")) } }
                        }
                    }
                }
            }
        }
    };
    page(&t("review-title"), body, session)
}

/// A field both records have, as lines.
struct Row {
    name: &'static str,
    label: String,
    a: Vec<String>,
    b: Vec<String>,
    /// Whether "both" makes sense (a list).
    list: bool,
}

fn rows(a: &Event, b: &Event) -> Vec<Row> {
    let row = |name, label: &str, f: &dyn Fn(&Event) -> Vec<String>, list| Row {
        name,
        label: t(label),
        a: f(a),
        b: f(b),
        list,
    };
    let one = |s: &str| {
        if s.is_empty() {
            Vec::new()
        } else {
            vec![s.to_string()]
        }
    };
    vec![
        row("title", "edit-title", &|e| one(&e.title), false),
        row(
            "date",
            "edit-date",
            &|e| vec![format!("{} ({})", e.date.written(), e.date.edtf)],
            false,
        ),
        row("summary", "edit-summary", &|e| one(&e.summary), false),
        row("body", "edit-body", &|e| e.body.clone(), true),
        row(
            "key_points",
            "edit-key-points",
            &|e| e.key_points.iter().map(lines::key_point).collect(),
            true,
        ),
        row(
            "places",
            "edit-places",
            &|e| e.places.iter().map(lines::place).collect(),
            true,
        ),
        row(
            "participants",
            "edit-participants",
            &|e| e.participants.iter().map(lines::participant).collect(),
            true,
        ),
        row("tags", "edit-tags", &|e| e.tags.clone(), true),
        row(
            "importance",
            "edit-importance",
            &|e| {
                e.importance
                    .map(|i| vec![i.to_string()])
                    .unwrap_or_default()
            },
            false,
        ),
    ]
}

fn values(v: &[String]) -> Markup {
    html! {
        @if v.is_empty() { span.none { (t("review-empty")) } }
        @else if v.len() == 1 { (v[0]) }
        @else { ul { @for x in v { li { (x) } } } }
    }
}

/// `GET /review/{a}/{b}`.
pub async fn compare(
    State(app): Shared,
    Path((a, b)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let session = match reviewer(&app, &headers, &pair_href(&a, &b)) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let (ea, eb) = match both(&app, &a, &b) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let action = pair_href(&a, &b);
    let radio = |row: &Row, value: &str, label: String, checked: bool| {
        let id = format!("{}-{value}", row.name);
        html! {
            span.pick {
                input type="radio" name=(row.name) value=(value) id=(id) checked[checked];
                label for=(id) { (label) }
            }
        }
    };
    let body = html! {
        h1 { (t("review-pair-title")) }
        p.lede {
            (tm("review-pair-lede", &[
                ("a", html! { a href=(event_href(&ea.id)) { (ea.title) } }),
                ("b", html! { a href=(event_href(&eb.id)) { (eb.title) } }),
            ]))
        }
        form.merge method="post" action=(format!("{action}/merge")) {
            input type="hidden" name="csrf" value=(session.csrf);
            fieldset.kept {
                legend { (t("review-which-id")) }
                span.pick { input type="radio" name="kept" value=(ea.id) id="kept-a" checked; label for="kept-a" { code { (ea.id) } } }
                span.pick { input type="radio" name="kept" value=(eb.id) id="kept-b"; label for="kept-b" { code { (eb.id) } } }
            }
            table.compare {
                caption.sr { (t("review-table-caption")) }
                thead { tr {
                    th scope="col" { (t("review-field")) }
                    th scope="col" { (tm("review-first", &[("id", html! { code { (ea.id) } })])) }
                    th scope="col" { (tm("review-second", &[("id", html! { code { (eb.id) } })])) }
                    th scope="col" { (t("review-keep")) }
                } }
                tbody {
                    @for row in rows(&ea, &eb) {
                        @let same = row.a == row.b;
                        tr.same[same] {
                            th scope="row" { (row.label) }
                            td { (values(&row.a)) }
                            td { (values(&row.b)) }
                            td {
                                @if same {
                                    span.none { (t("review-same")) }
                                    input type="hidden" name=(row.name) value="a";
                                } @else {
                                    fieldset.picks {
                                        legend.sr { (tw("review-keep-field", &[("field", (&row.label).into())])) }
                                        (radio(&row, "a", t("review-pick-first"), !row.list || row.b.is_empty()))
                                        (radio(&row, "b", t("review-pick-second"), false))
                                        @if row.list { (radio(&row, "both", t("review-pick-both"), !row.b.is_empty())) }
                                    }
                                }
                            }
                        }
                    }
                    tr {
                        th scope="row" { (t("review-sources-relations")) }
                        td { (tw("review-sources", &[("n", ea.sources.len().into())])) ", " (tw("review-relations", &[("n", ea.related.len().into())])) }
                        td { (tw("review-sources", &[("n", eb.sources.len().into())])) ", " (tw("review-relations", &[("n", eb.related.len().into())])) }
                        td { span.none { (t("review-both-always")) } }
                    }
                }
            }
            p.why { label for="change" { (t("review-why-label")) } input #change name="change" placeholder=(t("review-why-placeholder")); }
            p.actions { button { (t("review-merge")) } }
        }
        form.inline method="post" action=(format!("{action}/distinct")) {
            input type="hidden" name="csrf" value=(session.csrf);
            p { (t("review-distinct")) " " button.secondary { (t("review-keep-both")) } " " (t("review-distinct-note")) }
        }
    };
    page(&t("review-pair-title"), body, session)
}

/// Both events of a pair, or the page that says which is missing.
fn both(app: &App, a: &str, b: &str) -> Result<(Event, Event), Box<Response>> {
    if a == b {
        return Err(Box::new(super::error_page(ApiError::bad(t("review-self")))));
    }
    match app.read(|s| Ok((s.get(a)?, s.get(b)?))) {
        Ok((Some(x), Some(y))) => Ok((x, y)),
        Ok((None, _)) => Err(Box::new(super::errors::no_event(a))),
        Ok((_, None)) => Err(Box::new(super::errors::no_event(b))),
        Err(e) => Err(Box::new(super::error_page(e))),
    }
}

/// The merge form: which id stays, and which record each field comes from (`a`: the first
/// of the pair's address, `b`: the second, `both`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MergeForm {
    csrf: String,
    kept: String,
    change: String,
    title: String,
    date: String,
    summary: String,
    body: String,
    key_points: String,
    places: String,
    participants: String,
    tags: String,
    importance: String,
}

impl MergeForm {
    /// The picks, relative to the record that stays (`a_kept`: it is the pair's first).
    fn picks(&self, a_kept: bool) -> Picks {
        let pick = |v: &str| match (v, a_kept) {
            ("both", _) => Pick::Both,
            ("a", true) | ("b", false) => Pick::Kept,
            ("a", false) | ("b", true) => Pick::Other,
            _ => Pick::Kept,
        };
        Picks {
            title: pick(&self.title),
            date: pick(&self.date),
            summary: pick(&self.summary),
            body: pick(&self.body),
            key_points: pick(&self.key_points),
            places: pick(&self.places),
            participants: pick(&self.participants),
            tags: pick(&self.tags),
            importance: pick(&self.importance),
        }
    }
}

/// `POST /review/{a}/{b}/merge`.
pub async fn merge_pair(
    State(app): Shared,
    Path((a, b)): Path<(String, String)>,
    headers: HeaderMap,
    Form(f): Form<MergeForm>,
) -> Response {
    let session = match editor(&app, &headers, &f.csrf, Role::Reviewer) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    let (ea, eb) = match both(&app, &a, &b) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let a_kept = f.kept != eb.id;
    let (kept, other) = if a_kept { (&ea, &eb) } else { (&eb, &ea) };
    let merged = merge(kept, other, &f.picks(a_kept));
    let why = match f.change.trim() {
        "" => format!("merge {} into {}", other.id, kept.id),
        t => t.chars().take(300).collect(),
    };
    let change = Change::new(session.user.name.clone(), why);
    match app.write(&change, |w| Ok(w.merge(&merged, &other.id)?)) {
        Ok(_) => Redirect::to(&event_href(&kept.id)).into_response(),
        Err(e) => super::error_page(e),
    }
}

/// The "keep both" form.
#[derive(Debug, Deserialize)]
pub struct DistinctForm {
    csrf: String,
}

/// `POST /review/{a}/{b}/distinct`.
pub async fn distinct(
    State(app): Shared,
    Path((a, b)): Path<(String, String)>,
    headers: HeaderMap,
    Form(f): Form<DistinctForm>,
) -> Response {
    let session = match editor(&app, &headers, &f.csrf, Role::Reviewer) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    if let Err(r) = both(&app, &a, &b) {
        return *r;
    }
    let change = Change::new(
        session.user.name.clone(),
        format!("{a} and {b} are different events"),
    );
    match app.write(&change, |w| Ok(w.decide(&a, &b, Verdict::Distinct)?)) {
        Ok(()) => Redirect::to("/review").into_response(),
        Err(e) => super::error_page(e),
    }
}

/// Why a pair was proposed, in the reader's language (as stored: English, joined by "; ").
fn reasons(stored: &str) -> String {
    use annals_core::likeness::Reason;
    let percent = |id: &str, p: u8| tw(id, &[("percent", p.to_string().as_str().into())]);
    let said: Vec<String> = stored
        .split("; ")
        .map(|r| match Reason::read(r) {
            Some(Reason::SameDate) => t("reason-same-date"),
            Some(Reason::OverlappingDates) => t("reason-overlapping-dates"),
            Some(Reason::TitlesAlike(p)) => percent("reason-titles-alike", p),
            Some(Reason::SummariesAlike(p)) => percent("reason-summaries-alike", p),
            Some(Reason::SamePlace(name)) => {
                tw("reason-same-place", &[("name", name.as_str().into())])
            }
            Some(Reason::SharedParticipants(names)) => tw(
                "reason-shared-participants",
                &[("names", names.as_str().into())],
            ),
            None => r.to_string(),
        })
        .collect();
    said.join("; ")
}
