//! Profiles of participants and places in the browser (`docs/curation.md`): what a place's or
//! a participant's page says about it beyond its events ([`about`]: a description, when it
//! existed, its Wikidata and GeoNames ids, its other names), the form that edits it
//! (`/participants/{name}/edit`, `/places/{name}/edit`, editors), merging a name into
//! another (it becomes one of the other's names, and its page answers with a 301 to the
//! other's), and every state the profile had (`.../history`).

use super::account::editor;
use super::edit::{described, field, page, signed_in, Problems};
use super::history::byline;
use super::{enc, Page, Shared};
use crate::api::profiles::current;
use crate::app::App;
use crate::lang::{t, tw};
use annals_core::profile::{Kind, Profile};
use annals_store::accounts::{Role, Session};
use annals_store::Change;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;

/// The page of a participant or place.
pub(crate) fn href(kind: Kind, name: &str) -> String {
    format!("/{}/{}", kind.path(), enc(name))
}

/// A date of a profile as people read it ("August 15, 1769"), or as written when it does not
/// read.
fn written(date: &str) -> String {
    annals_dates::When::from_text(date, annals_dates::CalendarHint::Auto).map_or_else(
        |_| date.to_string(),
        |w| w.written_with_calendar_in(crate::lang::current()),
    )
}

/// What the page of `name` says about it beyond its events; links to edit it (for editors)
/// and to its history.
pub(crate) fn about(
    kind: Kind,
    name: &str,
    p: &Profile,
    editor: bool,
    files: &super::media::Files,
) -> Markup {
    let (from, to) = (written(&p.from), written(&p.to));
    let (began, ended) = match kind {
        Kind::Participant => (t("profile-from"), t("profile-to")),
        Kind::Place => (t("profile-first-recorded"), t("profile-until")),
    };
    html! {
        section.profile aria-label=(t("profile-about")) {
            (super::media::portrait(&p.media, files))
            @if !p.description.is_empty() { p.description { (p.description) } }
            @if !p.from.is_empty() || !p.to.is_empty() || !p.wikidata.is_empty() || p.geonames.is_some() || !p.aliases.is_empty() {
                dl.facts {
                    @if !p.aliases.is_empty() {
                        dt { (t("profile-also-called")) } dd { (p.aliases.join(", ")) }
                    }
                    @if !p.from.is_empty() { dt { (began) } dd { (from) } }
                    @if !p.to.is_empty() { dt { (ended) } dd { (to) } }
                    @if !p.wikidata.is_empty() {
                        dt { "Wikidata" } dd { a href=(format!("https://www.wikidata.org/wiki/{}", p.wikidata)) { (p.wikidata) } }
                    }
                    @if let Some(g) = p.geonames {
                        dt { "GeoNames" } dd { a href=(format!("https://www.geonames.org/{g}")) { (g) } }
                    }
                }
            }
            p.tools {
                @if editor { a href=(format!("{}/edit", href(kind, name))) { (if p.is_empty() { t("profile-describe") } else { t("edit") }) } " · " }
                a href=(format!("{}/history", href(kind, name))) { (t("history")) }
            }
        }
    }
}

/// The fields of the profile form, as sent.
#[derive(Debug, Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    wikidata: String,
    #[serde(default)]
    geonames: String,
    #[serde(default)]
    aliases: String,
    /// Media, one per line (`annals_core::lines::medium`).
    #[serde(default)]
    media: String,
    #[serde(default)]
    change: String,
}

impl ProfileForm {
    fn of(p: &Profile) -> ProfileForm {
        ProfileForm {
            description: p.description.clone(),
            from: p.from.clone(),
            to: p.to.clone(),
            wikidata: p.wikidata.clone(),
            geonames: p.geonames.map(|g| g.to_string()).unwrap_or_default(),
            aliases: p.aliases.join("\n"),
            media: p
                .media
                .iter()
                .map(annals_core::lines::medium)
                .collect::<Vec<_>>()
                .join("\n"),
            ..ProfileForm::default()
        }
    }

    /// The profile the form describes, or the problem of its field.
    fn profile(&self) -> Result<Profile, Problems> {
        let geonames = match self.geonames.trim() {
            "" => None,
            g => Some(g.parse::<u64>().map_err(|_| {
                vec![(
                    "geonames",
                    tw(
                        "profile-problem-geonames",
                        &[("value", format!("{g:?}").as_str().into())],
                    ),
                )]
            })?),
        };
        let media = annals_core::lines::media(&self.media)
            .map_err(|e| vec![("media", super::edit::line_problem(&e))])?;
        let p = Profile {
            description: self.description.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            wikidata: self.wikidata.trim().to_string(),
            geonames,
            aliases: self.aliases.lines().map(str::to_string).collect(),
            media,
        };
        p.check().map_err(|m| vec![(problem_field(&m), m)])?;
        Ok(p)
    }
}

/// The field a problem message is about ("wikidata: ..." is about `wikidata`).
fn problem_field(m: &str) -> &'static str {
    [
        "description",
        "from",
        "to",
        "wikidata",
        "geonames",
        "aliases",
        "media",
    ]
    .into_iter()
    .find(|f| m.starts_with(&format!("{f}:")))
    .unwrap_or("aliases")
}

fn form(kind: Kind, name: &str, f: &ProfileForm, session: &Session, problems: &Problems) -> Markup {
    let text = |name: &'static str, value: &str| {
        html! { input #(name) name=(name) value=(value) aria-describedby=(described(name, problems)); }
    };
    let area = |name: &'static str, value: &str, rows: u32| {
        html! { textarea #(name) name=(name) rows=(rows) aria-describedby=(described(name, problems)) { (value) } }
    };
    let (from_help, to_help, same) = match kind {
        Kind::Participant => (
            t("profile-from-help-participant"),
            t("profile-to-help-participant"),
            t("profile-same-participant"),
        ),
        Kind::Place => (
            t("profile-from-help-place"),
            t("profile-to-help-place"),
            t("profile-same-place"),
        ),
    };
    html! {
        @if !problems.is_empty() {
            div.form-problem role="alert" { p { (tw("profile-nothing-saved", &[("problem", (&problems[0].1).into())])) } }
        }
        form.editor method="post" action=(format!("{}/edit", href(kind, name))) {
            input type="hidden" name="csrf" value=(session.csrf);
            (field("description", &t("profile-description"), &t("profile-description-help"), area("description", &f.description, 4), problems))
            div.date-row {
                (field("from", &t("profile-from"), &from_help, text("from", &f.from), problems))
                (field("to", &t("profile-to"), &to_help, text("to", &f.to), problems))
            }
            output.date-reading for="from" aria-live="polite" {}
            output.date-reading for="to" aria-live="polite" {}
            (field("media", &t("profile-media"), &t("profile-media-help"), area("media", &f.media, 3), problems))
            (field("aliases", &t("profile-aliases"), &t("profile-aliases-help"), area("aliases", &f.aliases, 3), problems))
            (field("wikidata", &t("profile-wikidata"), &t("profile-wikidata-help"), text("wikidata", &f.wikidata), problems))
            @if kind == Kind::Place {
                (field("geonames", &t("profile-geonames"), &t("profile-geonames-help"), text("geonames", &f.geonames), problems))
            }
            (field("change", &t("edit-change"), &t("edit-change-help"), text("change", &f.change), problems))
            p.actions { button { (t("edit-save")) } " " a href=(href(kind, name)) { (t("edit-cancel")) } }
        }
        form.editor.merge method="post" action=(format!("{}/merge", href(kind, name))) {
            input type="hidden" name="csrf" value=(session.csrf);
            (field("into", &same, &tw("profile-merge-help", &[("name", name.into())]), html! { input #into name="into" required aria-describedby="into-help"; }, &Vec::new()))
            p.actions { button { (t("profile-merge")) } }
        }
    }
}

fn edit_page(app: &App, kind: Kind, name: &str, headers: &HeaderMap) -> Response {
    let session = match signed_in(app, headers, &format!("{}/edit", href(kind, name))) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let (main, p) = match app.read(|s| current(s, kind, name)) {
        Ok(x) => x,
        Err(e) => return super::error_page(e),
    };
    if !main.eq_ignore_ascii_case(name.trim()) {
        return super::history::moved(&format!("{}/edit", href(kind, &main)));
    }
    let title = tw("profile-edit-title", &[("name", (&main).into())]);
    let body = html! {
        h1 { (title) }
        (form(kind, &main, &ProfileForm::of(&p), &session, &Vec::new()))
    };
    page(&title, body, session, StatusCode::OK)
}

fn save(app: &App, kind: Kind, name: &str, headers: &HeaderMap, f: ProfileForm) -> Response {
    let session = match editor(app, headers, &f.csrf, Role::Editor) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    let refuse = |problems: Problems, session: Session| {
        let title = tw("profile-edit-title", &[("name", name.into())]);
        let body = html! { h1 { (title) } (form(kind, name, &f, &session, &problems)) };
        page(&title, body, session, StatusCode::UNPROCESSABLE_ENTITY)
    };
    let p = match f.profile() {
        Ok(p) => p,
        Err(problems) => return refuse(problems, session),
    };
    let why = f.change.trim();
    let change = Change::new(
        session.user.name.clone(),
        if why.is_empty() {
            format!("profile of {}", name.trim())
        } else {
            why.chars().take(300).collect()
        },
    );
    let saved = app.write(&change, |w| {
        w.tx_mut()
            .put_profile(kind, name, &p)
            .map_err(crate::api::profiles::refused)
    });
    match saved {
        Ok(_) => Redirect::to(&href(kind, name)).into_response(),
        Err(e) if e.code == "invalid_profile" => {
            refuse(vec![(problem_field(&e.message), e.message)], session)
        }
        Err(e) => super::error_page(e),
    }
}

/// The merge form.
#[derive(Debug, Deserialize)]
pub struct MergeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    into: String,
}

fn merge(app: &App, kind: Kind, name: &str, headers: &HeaderMap, f: MergeForm) -> Response {
    let session = match editor(app, headers, &f.csrf, Role::Editor) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    match crate::api::profiles::merge_names(app, kind, name, &f.into, &session.user.name) {
        Ok((kept, _)) => Redirect::to(&href(kind, &kept)).into_response(),
        Err(e) => super::error_page(e),
    }
}

fn history(app: &App, kind: Kind, name: &str, headers: &HeaderMap) -> Response {
    let revisions = match app.read(|s| Ok(s.profile_history(kind, name)?)) {
        Ok(r) => r,
        Err(e) => return super::error_page(e),
    };
    let body = html! {
        h1 { (t("history-of")) " " (name) }
        p.lede { a href=(href(kind, name)) { (tw("profile-back-to", &[("name", name.into())])) } }
        @if revisions.is_empty() {
            p { (tw("profile-history-none", &[("name", name.into())])) }
        } @else {
            ol.revisions reversed {
                @for r in revisions.iter().rev() {
                    li {
                        p { (byline(&r.commit)) }
                        @match &r.profile {
                            Some(p) => { (about_fields(p)) }
                            None => { p { (t("profile-history-removed")) } }
                        }
                    }
                }
            }
        }
    };
    let title = format!("{} {name}", t("history-of"));
    Page {
        viewer: app.session(headers),
        ..Page::plain(&title, body)
    }
    .render()
}

/// The fields of one state, in a compact list.
fn about_fields(p: &Profile) -> Markup {
    let geonames = p.geonames.map(|g| g.to_string()).unwrap_or_default();
    let aliases = p.aliases.join(", ");
    let media = p
        .media
        .iter()
        .map(annals_core::lines::medium)
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        dl.facts {
            @for (label, value) in [(t("profile-description"), &p.description), (t("profile-from"), &p.from), (t("profile-to"), &p.to), (t("profile-aliases"), &aliases), ("Wikidata".to_string(), &p.wikidata), ("GeoNames".to_string(), &geonames), (t("profile-media"), &media)] {
                @if !value.is_empty() { dt { (label) } dd { (value) } }
            }
        }
    }
}

/// `GET /participants/{name}/edit`.
pub async fn participant_edit(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    edit_page(&app, Kind::Participant, &name, &headers)
}

/// `GET /places/{name}/edit`.
pub async fn place_edit(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    edit_page(&app, Kind::Place, &name, &headers)
}

/// `POST /participants/{name}/edit`.
pub async fn participant_save(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
    Form(f): Form<ProfileForm>,
) -> Response {
    save(&app, Kind::Participant, &name, &headers, f)
}

/// `POST /places/{name}/edit`.
pub async fn place_save(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
    Form(f): Form<ProfileForm>,
) -> Response {
    save(&app, Kind::Place, &name, &headers, f)
}

/// `POST /participants/{name}/merge`.
pub async fn participant_merge(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
    Form(f): Form<MergeForm>,
) -> Response {
    merge(&app, Kind::Participant, &name, &headers, f)
}

/// `POST /places/{name}/merge`.
pub async fn place_merge(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
    Form(f): Form<MergeForm>,
) -> Response {
    merge(&app, Kind::Place, &name, &headers, f)
}

/// `GET /participants/{name}/history`.
pub async fn participant_history(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    history(&app, Kind::Participant, &name, &headers)
}

/// `GET /places/{name}/history`.
pub async fn place_history(
    State(app): Shared,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    history(&app, Kind::Place, &name, &headers)
}
