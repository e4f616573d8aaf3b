//! Who is asking, and what they may do (`docs/curation.md`).
//!
//! - Scripts send `Authorization: Bearer TOKEN`: the admin token of `--token-file` (an admin),
//!   or a personal token (`annals user token NAME`), which acts with its user's role as far as
//!   its scope allows.
//! - Browsers sign in (`/signin`) and carry a session cookie (`annals_session`: HttpOnly,
//!   Secure, SameSite=Lax); every form they post carries the session's CSRF token and comes
//!   from this server's own pages (`Origin`).
//! - A server with neither an admin token nor users is read-only.

use crate::app::App;
use crate::error::ApiError;
use annals_store::accounts::{Role, Scope, Session};
use axum::http::{header, HeaderMap, StatusCode};

/// Someone allowed to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The name revisions record.
    pub name: String,
    /// What they may do.
    pub role: Role,
}

/// The session cookie's name.
pub const COOKIE: &str = "annals_session";

/// How long a session lasts: two weeks.
pub const SESSION_MS: i64 = 14 * 24 * 3600 * 1000;

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn refused(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError::new(status, code, message)
}

/// The value of a cookie in the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl App {
    /// Whether this server takes writes at all.
    pub fn writable(&self) -> bool {
        self.admin_token().is_some() || self.accounts(|a| a.any()).unwrap_or(false)
    }

    /// The writer behind a request's bearer token, who must have at least `need`.
    pub fn authorize(&self, headers: &HeaderMap, need: Role) -> Result<Principal, ApiError> {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let Some(given) = given else {
            if !self.writable() {
                return Err(refused(
                    StatusCode::FORBIDDEN,
                    "read_only",
                    "this server is read-only: start it with --token-file, or add users (annals user add), to allow writes",
                ));
            }
            return Err(refused(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "writing needs the header Authorization: Bearer TOKEN",
            ));
        };
        let principal = if self
            .admin_token()
            .is_some_and(|t| constant_time_eq(given.as_bytes(), t.as_bytes()))
        {
            Principal {
                name: "admin (token file)".into(),
                role: Role::Admin,
            }
        } else {
            let found = self.accounts(|a| a.token(given))?;
            match found {
                Some((user, scope)) if scope >= Scope::Write => Principal {
                    name: user.name,
                    // A write token acts at most as an editor; an admin token with the role.
                    role: if scope == Scope::Admin {
                        user.role
                    } else {
                        user.role.min(Role::Reviewer)
                    },
                },
                Some(_) => {
                    return Err(refused(
                        StatusCode::FORBIDDEN,
                        "forbidden",
                        "this token may only read: make one with --scope write",
                    ))
                }
                None if !self.writable() => {
                    return Err(refused(
                        StatusCode::FORBIDDEN,
                        "read_only",
                        "this server is read-only: start it with --token-file, or add users (annals user add), to allow writes",
                    ))
                }
                None => {
                    return Err(refused(
                        StatusCode::UNAUTHORIZED,
                        "unauthorized",
                        "this token is not valid (revoked, or mistyped)",
                    ))
                }
            }
        };
        principal.require(need)?;
        Ok(principal)
    }

    /// The signed-in browser behind a request, if any.
    pub fn session(&self, headers: &HeaderMap) -> Option<Session> {
        let secret = cookie(headers, COOKIE)?;
        self.accounts(|a| a.session(secret)).ok().flatten()
    }
}

impl Principal {
    /// Refuse unless the role is at least `need`.
    pub fn require(&self, need: Role) -> Result<(), ApiError> {
        if self.role >= need {
            Ok(())
        } else {
            Err(refused(
                StatusCode::FORBIDDEN,
                "forbidden",
                format!("this needs the {need} role; {} is {}", self.name, self.role),
            ))
        }
    }
}

/// A browser's form post: from a page of this server (`Origin` or `Referer` names this host)
/// and with the session's CSRF token.
pub fn check_form(headers: &HeaderMap, session: &Session, csrf: &str) -> Result<(), ApiError> {
    same_origin(headers)?;
    if constant_time_eq(csrf.as_bytes(), session.csrf.as_bytes()) {
        Ok(())
    } else {
        Err(refused(
            StatusCode::FORBIDDEN,
            "csrf",
            "this form is out of date or did not come from this site: reload the page and try again",
        ))
    }
}

/// A form post must come from this server's own pages.
pub fn same_origin(headers: &HeaderMap) -> Result<(), ApiError> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let from = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    let ok = match (host, from) {
        (Some(h), Some(f)) => f
            .split_once("://")
            .map(|(_, rest)| rest.split('/').next() == Some(h))
            .unwrap_or(false),
        // Browsers send Origin on every form post; a request without it is no browser's.
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(refused(
            StatusCode::FORBIDDEN,
            "csrf",
            "this form did not come from this site",
        ))
    }
}
