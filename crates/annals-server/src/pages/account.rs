//! Signing in and out (`/signin`, `/signout`). A sign-in sets the session cookie (HttpOnly,
//! Secure, SameSite=Lax); attempts are limited per address and per name; a sign-in form must
//! come from this server's own page.

use super::{Page, Shared};
use crate::app::App;
use crate::auth::{check_form, same_origin, COOKIE, SESSION_MS};
use crate::error::ApiError;
use crate::lang::t;
use crate::metrics::Shed;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::html;
use serde::Deserialize;
use std::net::SocketAddr;

/// Where to go after signing in: a path of this server, nothing else.
fn next_path(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

/// Query of `/signin`.
#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
}

/// `GET /signin`.
pub async fn signin_page(
    State(app): Shared,
    headers: HeaderMap,
    Query(q): Query<SignInQuery>,
) -> Response {
    form(&app, &headers, q.next.as_deref(), None, StatusCode::OK)
}

fn form(
    app: &App,
    headers: &HeaderMap,
    next: Option<&str>,
    problem: Option<&str>,
    status: StatusCode,
) -> Response {
    let viewer = app.session(headers);
    let body = html! {
        h1 { (t("sign-in")) }
        @if let Some(v) = &viewer {
            p { (t("signin-already")) " " strong { (v.user.name) } " (" (v.user.role) ")." }
        }
        @if let Some(p) = problem { p.form-problem role="alert" { (p) } }
        form.account method="post" action="/signin" {
            input type="hidden" name="next" value=(next_path(next));
            p { label for="name" { (t("signin-name")) } br; input #name name="name" autocomplete="username" required; }
            p { label for="password" { (t("signin-password")) } br; input #password name="password" type="password" autocomplete="current-password" required; }
            p { button { (t("sign-in")) } }
        }
        p.hint { (t("signin-accounts")) " (" code { "annals user add NAME" } "). " (t("signin-reading")) }
    };
    let mut r = Page {
        viewer,
        description: &t("signin-description"),
        ..Page::plain(&t("sign-in"), body)
    }
    .render();
    *r.status_mut() = status;
    r
}

/// A sign-in form.
#[derive(Debug, Deserialize)]
pub struct SignIn {
    name: String,
    password: String,
    next: Option<String>,
}

/// `POST /signin`.
pub async fn signin(
    State(app): Shared,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(f): Form<SignIn>,
) -> Response {
    if let Err(e) = same_origin(&headers) {
        return super::error_page(e);
    }
    // At most ten attempts a minute from one address, and for one name.
    let limit = 10;
    let by_name = std::net::IpAddr::from(name_key(&f.name));
    if app.logins().check(peer.ip(), limit).is_err() || app.logins().check(by_name, limit).is_err()
    {
        app.metrics().shed(Shed::Rate);
        return form(
            &app,
            &headers,
            f.next.as_deref(),
            Some(&t("signin-too-many")),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let user = match app.accounts(|a| a.check_password(f.name.trim(), &f.password)) {
        Ok(Some(u)) => u,
        Ok(None) => {
            return form(
                &app,
                &headers,
                f.next.as_deref(),
                Some(&t("signin-no-match")),
                StatusCode::UNAUTHORIZED,
            )
        }
        Err(e) => return super::error_page(e),
    };
    let (secret, _) = match app.accounts(|a| a.new_session(&user.name, SESSION_MS)) {
        Ok(s) => s,
        Err(e) => return super::error_page(e),
    };
    tracing::info!(user = %user.name, "signed in");
    let mut r = Redirect::to(&next_path(f.next.as_deref())).into_response();
    let cookie = format!(
        "{COOKIE}={secret}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age={}",
        SESSION_MS / 1000
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

/// A name as a key of the per-name attempt counter.
fn name_key(name: &str) -> [u8; 16] {
    let h = crate::headers::fnv1a(name.trim().to_lowercase().as_bytes());
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&h.to_le_bytes());
    k[8] = 0xa7;
    k
}

/// A sign-out form.
#[derive(Debug, Deserialize)]
pub struct SignOut {
    csrf: String,
}

/// `POST /signout`.
pub async fn signout(State(app): Shared, headers: HeaderMap, Form(f): Form<SignOut>) -> Response {
    let Some(session) = app.session(&headers) else {
        return Redirect::to("/").into_response();
    };
    if let Err(e) = check_form(&headers, &session, &f.csrf) {
        return super::error_page(e);
    }
    if let Some(secret) = crate::auth::cookie(&headers, COOKIE) {
        let secret = secret.to_string();
        if let Err(e) = app.accounts(|a| a.end_session(&secret)) {
            return super::error_page(e);
        }
    }
    let mut r = Redirect::to("/").into_response();
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "annals_session=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0",
        ),
    );
    r
}

/// Refuse a page's form post unless a signed-in user with at least `need` sent it from this
/// site with the session's CSRF token.
pub(crate) fn editor(
    app: &App,
    headers: &HeaderMap,
    csrf: &str,
    need: annals_store::accounts::Role,
) -> Result<annals_store::accounts::Session, ApiError> {
    let session = app.session(headers).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "sign in to change events",
        )
    })?;
    check_form(headers, &session, csrf)?;
    if session.user.role < need {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            format!(
                "this needs the {need} role; {} is {}",
                session.user.name, session.user.role
            ),
        ));
    }
    Ok(session)
}
