//! Editing events in the browser (`docs/curation.md`): `/events/new`, `/events/{id}/edit`,
//! `/events/{id}/delete`. Every field of the model in one form that works without
//! JavaScript (lists one item per line, as [`annals_core::lines`] writes them); with
//! `assets/edit.js`, the date is read as it is typed and places and participants are
//! completed. Problems are shown beside their field. A form carries the `ETag` of the event
//! it was made from: when someone saved in between, the editor sees their change as a
//! difference and decides, never a silent overwrite.

use super::account::editor;
use super::{event_href, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tm, tw};
use annals_core::diff::{diff, Line};
use annals_core::lines::{LineError, LineProblem};
use annals_core::{lines, Event, ModelError, RawDate, RawEvent};
use annals_dates::{CalendarHint, DateError};
use annals_store::accounts::{Role, Session};
use annals_store::Change;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;

/// The editor's form, every field as text.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    csrf: String,
    /// The `ETag` of the event the form was made from ("" for a new event).
    etag: String,
    /// A new event's id (made from the title and year when empty).
    id: String,
    title: String,
    date: String,
    /// `auto`, `julian` or `gregorian`.
    calendar: String,
    summary: String,
    body: String,
    places: String,
    participants: String,
    key_points: String,
    tags: String,
    sources: String,
    related: String,
    importance: String,
    /// Media, one per line (`annals_core::lines::medium`).
    media: String,
    /// The language of the title, summary and narrative.
    lang: String,
    /// The texts in other languages (`annals_core::lines::translations`).
    translations: String,
    /// The edit summary.
    change: String,
}

/// Problems, by field.
pub(crate) type Problems = Vec<(&'static str, String)>;

impl EditForm {
    /// The form of a stored event.
    fn of(e: &Event) -> EditForm {
        let join = |v: Vec<String>| v.join("\n");
        EditForm {
            etag: super::super::api::events::etag(e)
                .to_str()
                .unwrap_or_default()
                .to_string(),
            id: e.id.clone(),
            title: e.title.clone(),
            date: e.date.written(),
            calendar: e.date.calendar.name().to_string(),
            summary: e.summary.clone(),
            body: e.body.join("\n\n"),
            places: join(e.places.iter().map(lines::place).collect()),
            participants: join(e.participants.iter().map(lines::participant).collect()),
            key_points: join(e.key_points.iter().map(lines::key_point).collect()),
            tags: e.tags.join(", "),
            sources: join(e.sources.iter().map(lines::source).collect()),
            related: join(e.related.iter().map(lines::relation).collect()),
            importance: e.importance.map(|i| i.to_string()).unwrap_or_default(),
            media: join(e.media.iter().map(lines::medium).collect()),
            lang: e.lang.clone().unwrap_or_default(),
            translations: lines::translations(&e.translations),
            ..EditForm::default()
        }
    }

    /// The event the form describes, or the problems of each field.
    fn event(&self, id: Option<&str>) -> Result<Event, Problems> {
        let mut problems: Problems = Vec::new();
        fn note<T>(
            problems: &mut Problems,
            field: &'static str,
            r: Result<Vec<T>, LineError>,
        ) -> Vec<T> {
            r.unwrap_or_else(|e| {
                problems.push((field, line_problem(&e)));
                Vec::new()
            })
        }
        let places = note(&mut problems, "places", lines::places(&self.places));
        let participants = note(
            &mut problems,
            "participants",
            lines::participants(&self.participants),
        );
        let key_points = note(
            &mut problems,
            "key_points",
            lines::key_points(&self.key_points),
        );
        let sources = note(&mut problems, "sources", lines::sources(&self.sources));
        let related = note(&mut problems, "related", lines::relations(&self.related));
        let media = note(&mut problems, "media", lines::media(&self.media));
        let translations = note(
            &mut problems,
            "translations",
            lines::parse_translations(&self.translations),
        );
        let lang = Some(self.lang.trim().to_string()).filter(|l| !l.is_empty());
        if lang.as_deref().is_some_and(|l| !annals_core::valid_lang(l)) {
            problems.push(("lang", t("edit-problem-lang")));
        }
        let importance = match self.importance.trim() {
            "" => None,
            v => match v.parse::<f64>() {
                Ok(i) => Some(i),
                Err(_) => {
                    problems.push(("importance", t("edit-problem-importance")));
                    None
                }
            },
        };
        if self.title.trim().is_empty() {
            problems.push(("title", t("edit-problem-title")));
        }
        if self.date.trim().is_empty() {
            problems.push(("date", t("edit-problem-date")));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let calendar = match self.calendar.as_str() {
            "julian" | "gregorian" => Some(self.calendar.clone()),
            _ => None,
        };
        let raw = RawEvent {
            id: id
                .map(str::to_string)
                .or_else(|| Some(self.id.trim().to_string()).filter(|s| !s.is_empty())),
            title: self.title.trim().to_string(),
            date: RawDate {
                edtf: None,
                text: Some(self.date.trim().to_string()),
                calendar,
            },
            summary: self.summary.trim().to_string(),
            body: lines::paragraphs(&self.body),
            key_points,
            places,
            participants,
            sources,
            related,
            tags: lines::tags(&self.tags),
            importance,
            media,
            lang,
            translations,
        };
        let mut event = raw
            .into_event(CalendarHint::Auto)
            .map_err(|e| vec![(problem_field(&e), model_problem(&e))])?;
        annals_places::locate(&mut event.places);
        Ok(event)
    }
}

/// A line of a list that does not read, said in the reader's language.
pub(crate) fn line_problem(e: &LineError) -> String {
    let line = e.line.to_string();
    let with = |id: &str, value: &str| {
        tw(
            id,
            &[("line", line.as_str().into()), ("value", value.into())],
        )
    };
    match &e.problem {
        LineProblem::MediumKind(v) => with("line-medium-kind", v),
        LineProblem::MediumPart(v) => with("line-medium-part", v),
        LineProblem::Coordinates(v) => with("line-coordinates", v),
        LineProblem::RelationId(v) => with("line-relation-id", v),
        LineProblem::TranslationTitle(v) => with("line-translation-title", v),
        LineProblem::Medium(m) => tw(
            "line-medium",
            &[
                ("line", line.as_str().into()),
                ("problem", m.as_str().into()),
            ],
        ),
        LineProblem::KeyPoint => tw("line-key-point", &[("line", line.as_str().into())]),
        LineProblem::TranslationHead => {
            tw("line-translation-head", &[("line", line.as_str().into())])
        }
    }
}

/// A model error said in the reader's language; what only the date reader or the media
/// checks can explain keeps their English words inside it.
fn model_problem(e: &ModelError) -> String {
    let value = |id: &str, v: &str| tw(id, &[("value", v.into())]);
    match e {
        ModelError::Date(DateError::Unrecognised(text)) => value("date-unrecognised", text),
        ModelError::Date(other) => tw(
            "model-date",
            &[("problem", other.to_string().as_str().into())],
        ),
        ModelError::Empty(what) => t(match *what {
            "title" => "model-empty-title",
            w if w.starts_with("place") => "model-empty-place",
            w if w.starts_with("participant") => "model-empty-participant",
            w if w.starts_with("source") => "model-empty-source",
            w if w.starts_with("key point") => "model-empty-key-point",
            w if w.starts_with("translation") => "model-empty-translation",
            _ => "model-empty-date",
        }),
        ModelError::BadId(v) => value("model-bad-id", v),
        ModelError::BadKind(v) => value("model-bad-kind", v),
        ModelError::BadImportance(x) => value("model-bad-importance", &x.to_string()),
        ModelError::BadCoordinates(v) => value("model-bad-coordinates", v),
        ModelError::SelfRelation(v) => value("model-self-relation", v),
        ModelError::BadLang(v) => value("model-bad-lang", v),
        ModelError::SecondText(v) => value("model-second-text", v),
        other => other.to_string(),
    }
}

/// The field of the form a model error is about.
fn problem_field(e: &ModelError) -> &'static str {
    match e {
        ModelError::Date(_) => "date",
        ModelError::BadId(_) => "id",
        ModelError::BadKind(_) | ModelError::SelfRelation(_) => "related",
        ModelError::BadImportance(_) => "importance",
        ModelError::BadCoordinates(_) => "places",
        ModelError::BadMedium(_) => "media",
        ModelError::BadLang(_) | ModelError::SecondText(_) => "translations",
        ModelError::Empty(what) if what.starts_with("translation") => "translations",
        ModelError::Empty(what) if what.starts_with("place") => "places",
        ModelError::Empty(what) if what.starts_with("participant") => "participants",
        ModelError::Empty(what) if what.starts_with("source") => "sources",
        ModelError::Empty(what) if what.starts_with("key point") => "key_points",
        _ => "title",
    }
}

/// A field with its label, help and problem.
pub(crate) fn field(
    name: &'static str,
    label: &str,
    help: &str,
    input: Markup,
    problems: &Problems,
) -> Markup {
    let problem = problems.iter().find(|(f, _)| *f == name).map(|(_, m)| m);
    html! {
        div.field.invalid[problem.is_some()] {
            label for=(name) { (label) }
            (input)
            @if !help.is_empty() { p.help #(format!("{name}-help")) { (help) } }
            @if let Some(m) = problem { p.problem #(format!("{name}-problem")) role="alert" { (m) } }
        }
    }
}

pub(crate) fn described(name: &str, problems: &Problems) -> String {
    let mut d = format!("{name}-help");
    if problems.iter().any(|(f, _)| *f == name) {
        d.push_str(&format!(" {name}-problem"));
    }
    d
}

/// The form.
fn form(action: &str, f: &EditForm, session: &Session, problems: &Problems, new: bool) -> Markup {
    let text = |name: &'static str, value: &str| {
        html! { input #(name) name=(name) value=(value) aria-describedby=(described(name, problems)); }
    };
    let area = |name: &'static str, value: &str, rows: u32| {
        html! { textarea #(name) name=(name) rows=(rows) aria-describedby=(described(name, problems)) { (value) } }
    };
    html! {
        @if !problems.is_empty() {
            div.form-problem role="alert" {
                p { (tw("edit-nothing-saved", &[("n", problems.len().into())])) }
            }
        }
        form.editor method="post" action=(action) {
            input type="hidden" name="csrf" value=(session.csrf);
            input type="hidden" name="etag" value=(f.etag);
            @if new {
                (field("id", &t("edit-id"), &t("edit-id-help"), text("id", &f.id), problems))
            }
            (field("title", &t("edit-title"), &t("edit-title-help"), text("title", &f.title), problems))
            div.date-row {
                (field("date", &t("edit-date"), &t("edit-date-help"), text("date", &f.date), problems))
                div.field {
                    label for="calendar" { (t("edit-calendar")) }
                    select #calendar name="calendar" {
                        option value="auto" selected[f.calendar.is_empty() || f.calendar == "auto"] { (t("edit-calendar-auto")) }
                        option value="julian" selected[f.calendar == "julian"] { (t("edit-calendar-julian")) }
                        option value="gregorian" selected[f.calendar == "gregorian"] { (t("edit-calendar-gregorian")) }
                    }
                }
            }
            output.date-reading for="date calendar" aria-live="polite" {}
            (field("summary", &t("edit-summary"), &t("edit-summary-help"), area("summary", &f.summary, 4), problems))
            (field("body", &t("edit-body"), &t("edit-body-help"), area("body", &f.body, 10), problems))
            (field("places", &t("edit-places"), &t("edit-places-help"), area("places", &f.places, 3), problems))
            div.place-map hidden data-world=(crate::assets::url("world.svg")) {}
            (field("participants", &t("edit-participants"), &t("edit-participants-help"), area("participants", &f.participants, 4), problems))
            (field("key_points", &t("edit-key-points"), &t("edit-key-points-help"), area("key_points", &f.key_points, 4), problems))
            (field("sources", &t("edit-sources"), &t("edit-sources-help"), area("sources", &f.sources, 3), problems))
            (field("related", &t("edit-related"), &t("edit-related-help"), area("related", &f.related, 3), problems))
            (field("tags", &t("edit-tags"), &t("edit-tags-help"), text("tags", &f.tags), problems))
            (field("media", &t("edit-media"), &t("edit-media-help"), area("media", &f.media, 3), problems))
            (field("importance", &t("edit-importance"), &t("edit-importance-help"), text("importance", &f.importance), problems))
            (field("lang", &t("edit-lang"), &t("edit-lang-help"), text("lang", &f.lang), problems))
            (field("translations", &t("edit-translations"), &t("edit-translations-help"), area("translations", &f.translations, 6), problems))
            (field("change", &t("edit-change"), &t("edit-change-help"), text("change", &f.change), problems))
            p.actions { button { (t("edit-save")) } " " a href=(if new { "/".to_string() } else { event_href(&f.id) }) { (t("edit-cancel")) } }
        }
    }
}

pub(crate) fn page(title: &str, body: Markup, session: Session, status: StatusCode) -> Response {
    let mut r = Page {
        scripts: &["edit.js"],
        viewer: Some(session),
        ..Page::plain(title, body)
    }
    .render();
    *r.status_mut() = status;
    r
}

/// Who is editing, or the page that asks them to sign in.
pub(crate) fn signed_in(
    app: &App,
    headers: &HeaderMap,
    path: &str,
) -> Result<Session, Box<Response>> {
    match app.session(headers) {
        Some(s) if s.user.role >= Role::Editor => Ok(s),
        _ => Err(Box::new(
            Redirect::to(&format!("/signin?next={}", super::enc(path))).into_response(),
        )),
    }
}

/// `GET /events/new`.
pub async fn new_page(State(app): Shared, headers: HeaderMap) -> Response {
    let session = match signed_in(&app, &headers, "/events/new") {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let title = t("edit-new-title");
    let body = html! {
        h1 { (title) }
        (form("/events/new", &EditForm { calendar: "auto".into(), ..EditForm::default() }, &session, &Vec::new(), true))
    };
    page(&title, body, session, StatusCode::OK)
}

/// `POST /events/new`.
pub async fn create(State(app): Shared, headers: HeaderMap, Form(f): Form<EditForm>) -> Response {
    let session = match editor(&app, &headers, &f.csrf, Role::Editor) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    let event = match f.event(None) {
        Ok(e) => e,
        Err(problems) => {
            let title = t("edit-new-title");
            let body =
                html! { h1 { (title) } (form("/events/new", &f, &session, &problems, true)) };
            return page(&title, body, session, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let change = Change::new(session.user.name.clone(), summary(&f, "new event"));
    let alike = match app.likely_duplicates(&event) {
        Ok(a) => a,
        Err(e) => return super::error_page(e),
    };
    let saved = app.write(&change, |w| {
        if w.tx().get(&event.id)?.is_some() {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                format!("there is already an event with the id {}", event.id),
            ));
        }
        w.upsert(&event, None)?;
        for d in &alike {
            w.propose(d)?;
        }
        Ok(())
    });
    match saved {
        Ok(()) => Redirect::to(&event_href(&event.id)).into_response(),
        Err(e) if e.code == "conflict" => {
            let problems = vec![(
                "id",
                tw("edit-problem-id-taken", &[("id", (&event.id).into())]),
            )];
            let title = t("edit-new-title");
            let body =
                html! { h1 { (title) } (form("/events/new", &f, &session, &problems, true)) };
            page(&title, body, session, StatusCode::CONFLICT)
        }
        Err(e) => super::error_page(e),
    }
}

fn summary(f: &EditForm, default: &str) -> String {
    let s = f.change.trim();
    if s.is_empty() {
        default.to_string()
    } else {
        s.chars().take(300).collect()
    }
}

/// `GET /events/{id}/edit`.
pub async fn edit_page(State(app): Shared, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let session = match signed_in(&app, &headers, &format!("/events/{id}/edit")) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let e = match app.read(|s| Ok(s.get(&id)?)) {
        Ok(Some(e)) => e,
        Ok(None) => return super::errors::no_event(&id),
        Err(e) => return super::error_page(e),
    };
    let title = tw("edit-editing", &[("title", (&e.title).into())]);
    let body = html! {
        h1 { (tm("edit-editing", &[("title", html! { a href=(event_href(&e.id)) { (e.title) } })])) }
        (form(&format!("/events/{}/edit", super::enc(&e.id)), &EditForm::of(&e), &session, &Vec::new(), false))
        (delete_form(&e, &session))
    };
    page(&title, body, session, StatusCode::OK)
}

fn delete_form(e: &Event, session: &Session) -> Markup {
    html! {
        details.danger {
            summary { (t("edit-delete")) }
            form method="post" action=(format!("/events/{}/delete", super::enc(&e.id))) {
                input type="hidden" name="csrf" value=(session.csrf);
                p { (t("edit-delete-note")) }
                p { label for="del-change" { (t("edit-delete-why")) " " } input #del-change name="change" required; }
                button { (t("edit-delete-button")) }
            }
        }
    }
}

/// `POST /events/{id}/edit`.
pub async fn update(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(f): Form<EditForm>,
) -> Response {
    let session = match editor(&app, &headers, &f.csrf, Role::Editor) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    let action = format!("/events/{}/edit", super::enc(&id));
    let mine = match f.event(Some(&id)) {
        Ok(e) => e,
        Err(problems) => {
            let body = html! { h1 { (tw("edit-editing", &[("title", (&f.title).into())])) } (form(&action, &f, &session, &problems, false)) };
            return page(
                &t("edit-editing-short"),
                body,
                session,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let change = Change::new(session.user.name.clone(), summary(&f, "edit"));
    let saved = app.write(&change, |w| {
        let current = w.tx().get(&id)?.ok_or_else(|| {
            ApiError::not_found(tw(
                "edit-gone",
                &[("id", format!("{id:?}").as_str().into())],
            ))
        })?;
        let now = super::super::api::events::etag(&current);
        if now.to_str().ok() != Some(f.etag.as_str()) {
            return Err(ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                "changed meanwhile",
            ));
        }
        w.upsert(&mine, None)?;
        Ok(())
    });
    match saved {
        Ok(()) => Redirect::to(&event_href(&id)).into_response(),
        Err(e) if e.code == "precondition_failed" => conflict(&app, &id, &f, mine, session),
        Err(e) => super::error_page(e),
    }
}

/// Someone saved in between: show what they changed against what this editor wants, and a
/// form (with this editor's values) that saves over their version only when sent again.
fn conflict(app: &App, id: &str, f: &EditForm, mine: Event, session: Session) -> Response {
    let theirs = match app.read(|s| Ok(s.get(id)?)) {
        Ok(Some(e)) => e,
        Ok(None) => return super::errors::no_event(id),
        Err(e) => return super::error_page(e),
    };
    let changes = diff(Some(&theirs), Some(&mine));
    let mut again = EditForm {
        csrf: String::new(),
        ..EditForm::of(&mine)
    };
    again.etag = EditForm::of(&theirs).etag;
    again.change = f.change.clone();
    again.calendar = f.calendar.clone();
    again.date = f.date.clone();
    let body = html! {
        h1 { (t("edit-conflict-heading")) }
        p.lede { (t("edit-conflict-lede")) }
        (changes_table(&changes, &t("edit-conflict-theirs"), &t("edit-conflict-yours")))
        (form(&format!("/events/{}/edit", super::enc(id)), &again, &session, &Vec::new(), false))
    };
    page(
        &t("edit-conflict-title"),
        body,
        session,
        StatusCode::CONFLICT,
    )
}

/// A table of the changed fields, line by line.
pub(crate) fn changes_table(
    changes: &[annals_core::diff::FieldChange],
    before: &str,
    after: &str,
) -> Markup {
    html! {
        @if changes.is_empty() {
            p { (t("diff-none")) }
        } @else {
            table.diff {
                caption.sr { (tw("diff-caption", &[("before", before.into()), ("after", after.into())])) }
                thead { tr { th scope="col" { (t("diff-field")) } th scope="col" { (t("diff-lines")) } } }
                tbody {
                    @for c in changes {
                        tr {
                            th scope="row" { (field_name(c.field)) }
                            td {
                                @for l in c.lines() {
                                    @match l {
                                        Line::Kept(t) => div.kept { (t) },
                                        Line::Removed(t) => del { span.sr { (before) ": " } (t) },
                                        Line::Added(t) => ins { span.sr { (after) ": " } (t) },
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A field of the native JSON as the reader's language names it ("key points", "points
/// clés"); a field without a message as its own name.
fn field_name(field: &str) -> String {
    let id = format!("diff-{}", field.replace('_', "-"));
    let name = t(&id);
    if name == id {
        field.replace('_', " ")
    } else {
        name
    }
}

/// A delete form.
#[derive(Debug, Deserialize)]
pub struct DeleteForm {
    csrf: String,
    #[serde(default)]
    change: String,
}

/// `POST /events/{id}/delete`.
pub async fn delete(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(f): Form<DeleteForm>,
) -> Response {
    let session = match editor(&app, &headers, &f.csrf, Role::Editor) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    let why = if f.change.trim().is_empty() {
        "deleted".to_string()
    } else {
        f.change.trim().chars().take(300).collect()
    };
    let change = Change::new(session.user.name.clone(), why);
    match app.write(&change, |w| Ok(w.delete(&id)?)) {
        Ok(true) => Redirect::to(&format!("/events/{}/history", super::enc(&id))).into_response(),
        Ok(false) => super::errors::no_event(&id),
        Err(e) => super::error_page(e),
    }
}
