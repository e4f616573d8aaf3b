//! People and their rights: users with roles, browser sessions, personal API tokens.
//!
//! - A user has a name, a password (kept only as its Argon2id hash) and a role: an *editor*
//!   creates and changes events, a *reviewer* also merges duplicates, an *admin* also manages
//!   users. Anyone may read; readers need no account.
//! - A session (a browser signed in) and a token (a script's key) are random 32-byte secrets,
//!   given out once and kept only as their BLAKE2 hash: a copy of the database gives no one
//!   a way in. A session carries its own CSRF token for the forms of that browser; a token
//!   has a scope (read, write, admin) and can be revoked.
//!
//! These are not events: they have no history and no generations, and writing them does not
//! touch the search index.

use crate::StoreError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64ct::Encoding;
use blake2::Digest;
use rusqlite::{params, Connection, OptionalExtension};
use std::fmt;

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Create, edit, delete and revert events.
    Editor,
    /// Also review duplicates: merge them, or mark them distinct.
    Reviewer,
    /// Also manage users.
    Admin,
}

impl Role {
    /// Every role, least first.
    pub const ALL: [Role; 3] = [Role::Editor, Role::Reviewer, Role::Admin];

    /// Its name: `editor`, `reviewer`, `admin`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
        }
    }

    /// The role of a name.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a token may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Reading only (the API is open to read; a read token identifies its user).
    Read,
    /// Reading and writing events, as far as the user's role allows.
    Write,
    /// Everything the user's role allows, user management included.
    Admin,
}

impl Scope {
    /// Its name: `read`, `write`, `admin`.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
            Scope::Admin => "admin",
        }
    }

    /// The scope of a name.
    pub fn from_name(name: &str) -> Option<Scope> {
        [Scope::Read, Scope::Write, Scope::Admin]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// A user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The name (unique, case-insensitive).
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// When the account was made, in milliseconds since 1970.
    pub created_ms: i64,
}

/// A token, as its owner may list it (never its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// Its number.
    pub id: i64,
    /// Whose.
    pub user: String,
    /// What for.
    pub scope: Scope,
    /// A label to tell tokens apart ("import script").
    pub label: String,
    /// When it was made.
    pub created_ms: i64,
    /// When it was revoked, if it was.
    pub revoked_ms: Option<i64>,
    /// When it was last used.
    pub last_used_ms: Option<i64>,
}

/// A signed-in browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Who.
    pub user: User,
    /// The token its forms carry (checked on every form post).
    pub csrf: String,
}

/// Why an account operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// What was asked breaks a rule (a taken name, a short password).
    #[error("{0}")]
    Refused(String),
}

impl From<rusqlite::Error> for AccountError {
    fn from(e: rusqlite::Error) -> Self {
        AccountError::Store(e.into())
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// A new random secret: `prefix` and 32 random bytes in URL-safe base64.
fn secret(prefix: &str) -> Result<String, AccountError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| AccountError::Refused(format!("no randomness available: {e}")))?;
    Ok(format!(
        "{prefix}{}",
        base64ct::Base64UrlUnpadded::encode_string(&bytes)
    ))
}

/// The hash a secret is kept as.
fn hash(secret: &str) -> Vec<u8> {
    blake2::Blake2b512::digest(secret.as_bytes()).to_vec()
}

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(User, String)> {
    let role: String = r.get(1)?;
    Ok((
        User {
            name: r.get(0)?,
            role: Role::from_name(&role).unwrap_or(Role::Editor),
            created_ms: r.get(2)?,
        },
        r.get(3)?,
    ))
}

/// Whether a user name is acceptable: 1 to 64 letters, digits, `.`, `_`, `-` or spaces.
fn valid_name(name: &str) -> bool {
    !name.trim().is_empty()
        && name == name.trim()
        && name.chars().count() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ' '))
}

/// The accounts of a store (implemented on the SQLite connection).
pub struct Accounts<'a> {
    conn: &'a Connection,
}

impl<'a> Accounts<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Accounts<'a> {
        Accounts { conn }
    }

    /// Whether any user exists (a server with users takes writes from them).
    pub fn any(&self) -> Result<bool, AccountError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM users WHERE disabled = 0)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Make a user. Passwords have at least 10 characters.
    pub fn add_user(&self, name: &str, password: &str, role: Role) -> Result<User, AccountError> {
        if !valid_name(name) {
            return Err(AccountError::Refused(format!(
                "user name {name:?}: use 1 to 64 letters, digits, '.', '_', '-' or spaces"
            )));
        }
        if password.chars().count() < 10 {
            return Err(AccountError::Refused(
                "the password is too short: use at least 10 characters".into(),
            ));
        }
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let phc = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| AccountError::Refused(format!("the password cannot be hashed: {e}")))?
            .to_string();
        let created = now_ms();
        let inserted = self.conn.execute(
            "INSERT OR IGNORE INTO users (name, password, role, created) VALUES (?1, ?2, ?3, ?4)",
            params![name, phc, role.name(), created],
        )?;
        if inserted == 0 {
            return Err(AccountError::Refused(format!(
                "there is a user called {name:?}"
            )));
        }
        Ok(User {
            name: name.to_string(),
            role,
            created_ms: created,
        })
    }

    /// Every user.
    pub fn users(&self) -> Result<Vec<User>, AccountError> {
        let mut stmt = self.conn.prepare(
            "SELECT name, role, created, password FROM users WHERE disabled = 0 ORDER BY name",
        )?;
        let rows = stmt.query_map([], user_row)?;
        Ok(rows.map(|r| r.map(|(u, _)| u)).collect::<Result<_, _>>()?)
    }

    /// One user.
    pub fn user(&self, name: &str) -> Result<Option<User>, AccountError> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, role, created, password FROM users WHERE name = ?1 AND disabled = 0",
                [name],
                user_row,
            )
            .optional()?
            .map(|(u, _)| u))
    }

    /// Change a user's role; false when there is no such user.
    pub fn set_role(&self, name: &str, role: Role) -> Result<bool, AccountError> {
        Ok(self.conn.execute(
            "UPDATE users SET role = ?2 WHERE name = ?1 AND disabled = 0",
            params![name, role.name()],
        )? > 0)
    }

    /// The user whose name and password these are.
    pub fn check_password(&self, name: &str, password: &str) -> Result<Option<User>, AccountError> {
        let found = self
            .conn
            .query_row(
                "SELECT name, role, created, password FROM users WHERE name = ?1 AND disabled = 0",
                [name],
                user_row,
            )
            .optional()?;
        let Some((user, phc)) = found else {
            // Spend the time a check takes anyway, so that unknown names are not told apart.
            let _ = Argon2::default().hash_password(
                password.as_bytes(),
                &SaltString::from_b64("c2FsdHNhbHRzYWx0c2FsdA")
                    .map_err(|e| AccountError::Refused(e.to_string()))?,
            );
            return Ok(None);
        };
        let parsed = PasswordHash::new(&phc)
            .map_err(|e| AccountError::Refused(format!("stored password of {name:?}: {e}")))?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            .then_some(user))
    }

    /// Sign a user in: a new session's secret (for the cookie) and its CSRF token.
    pub fn new_session(&self, user: &str, ttl_ms: i64) -> Result<(String, String), AccountError> {
        let (s, csrf) = (secret("s_")?, secret("c_")?);
        let now = now_ms();
        self.conn.execute(
            "INSERT INTO sessions (hash, user, csrf, created, expires) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![hash(&s), user, csrf, now, now + ttl_ms],
        )?;
        // Sessions past their time are forgotten as new ones come.
        self.conn
            .execute("DELETE FROM sessions WHERE expires < ?1", [now])?;
        Ok((s, csrf))
    }

    /// The session of a cookie's secret, while it lasts and its user exists.
    pub fn session(&self, secret: &str) -> Result<Option<Session>, AccountError> {
        let found: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT user, csrf FROM sessions WHERE hash = ?1 AND expires > ?2",
                params![hash(secret), now_ms()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((name, csrf)) = found else {
            return Ok(None);
        };
        Ok(self.user(&name)?.map(|user| Session { user, csrf }))
    }

    /// Sign a session out.
    pub fn end_session(&self, secret: &str) -> Result<(), AccountError> {
        self.conn
            .execute("DELETE FROM sessions WHERE hash = ?1", [hash(secret)])?;
        Ok(())
    }

    /// A new token for a user; its secret is returned once and never kept.
    pub fn new_token(
        &self,
        user: &str,
        scope: Scope,
        label: &str,
    ) -> Result<(i64, String), AccountError> {
        if self.user(user)?.is_none() {
            return Err(AccountError::Refused(format!(
                "there is no user called {user:?}"
            )));
        }
        let s = secret("annals_")?;
        self.conn.execute(
            "INSERT INTO tokens (hash, user, scope, label, created) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![hash(&s), user, scope.name(), label, now_ms()],
        )?;
        Ok((self.conn.last_insert_rowid(), s))
    }

    /// A user's tokens (or everyone's, for `None`).
    pub fn tokens(&self, user: Option<&str>) -> Result<Vec<TokenInfo>, AccountError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, user, scope, label, created, revoked, last_used FROM tokens
             WHERE ?1 IS NULL OR user = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([user], |r| {
            let scope: String = r.get(2)?;
            Ok(TokenInfo {
                id: r.get(0)?,
                user: r.get(1)?,
                scope: Scope::from_name(&scope).unwrap_or(Scope::Read),
                label: r.get(3)?,
                created_ms: r.get(4)?,
                revoked_ms: r.get(5)?,
                last_used_ms: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Revoke a token; false when there is no such token, or it was revoked already.
    pub fn revoke_token(&self, id: i64) -> Result<bool, AccountError> {
        Ok(self.conn.execute(
            "UPDATE tokens SET revoked = ?2 WHERE id = ?1 AND revoked IS NULL",
            params![id, now_ms()],
        )? > 0)
    }

    /// The user and scope of a token's secret, unless it was revoked.
    pub fn token(&self, secret: &str) -> Result<Option<(User, Scope)>, AccountError> {
        let found: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT id, user, scope FROM tokens WHERE hash = ?1 AND revoked IS NULL",
                [hash(secret)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, name, scope)) = found else {
            return Ok(None);
        };
        self.conn.execute(
            "UPDATE tokens SET last_used = ?2 WHERE id = ?1",
            params![id, now_ms()],
        )?;
        let scope = Scope::from_name(&scope).unwrap_or(Scope::Read);
        Ok(self.user(&name)?.map(|u| (u, scope)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_sessions_tokens() {
        let store = crate::SqliteStore::in_memory().unwrap();
        let a = crate::EventStore::accounts(&store).unwrap();
        assert!(!a.any().unwrap());
        assert!(a.add_user("ann", "short", Role::Editor).is_err());
        a.add_user("ann", "a long enough password", Role::Editor)
            .unwrap();
        assert!(
            a.add_user("ANN", "another long one", Role::Admin).is_err(),
            "names are unique"
        );
        assert!(a.any().unwrap());
        assert!(a
            .check_password("ann", "wrong password!")
            .unwrap()
            .is_none());
        assert!(a
            .check_password("nobody", "whatever it is")
            .unwrap()
            .is_none());
        let ann = a
            .check_password("ann", "a long enough password")
            .unwrap()
            .unwrap();
        assert_eq!(ann.role, Role::Editor);
        let (s, csrf) = a.new_session("ann", 60_000).unwrap();
        let session = a.session(&s).unwrap().unwrap();
        assert_eq!(
            (session.user.name.as_str(), session.csrf.as_str()),
            ("ann", csrf.as_str())
        );
        a.end_session(&s).unwrap();
        assert!(a.session(&s).unwrap().is_none());
        let (id, t) = a.new_token("ann", Scope::Write, "script").unwrap();
        assert!(t.starts_with("annals_") && t.len() > 40);
        assert_eq!(a.token(&t).unwrap().unwrap().1, Scope::Write);
        assert!(a.tokens(Some("ann")).unwrap()[0].last_used_ms.is_some());
        assert!(a.revoke_token(id).unwrap());
        assert!(
            a.token(&t).unwrap().is_none(),
            "a revoked token opens nothing"
        );
        assert!(a.set_role("ann", Role::Reviewer).unwrap());
        assert_eq!(a.user("ann").unwrap().unwrap().role, Role::Reviewer);
        // Secrets are kept only as hashes.
        let kept: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM tokens WHERE hash = ?1",
                [t.as_bytes()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(kept, 0);
    }
}
