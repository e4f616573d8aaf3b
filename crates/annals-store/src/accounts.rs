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
//! touch the search index. The rules live here once ([`Accounts`]); each backend only reads and
//! writes its rows ([`AccountRows`]: `sqlite/accounts.rs`, `postgres/accounts.rs`), so that
//! SQLite and PostgreSQL keep accounts alike and every node of a PostgreSQL deployment knows
//! every session and token.

use crate::StoreError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64ct::Encoding;
use blake2::Digest;
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

/// The milliseconds since 1970 now.
pub(crate) fn now_ms() -> i64 {
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

/// Whether a user name is acceptable: 1 to 64 letters, digits, `.`, `_`, `-` or spaces.
fn valid_name(name: &str) -> bool {
    !name.trim().is_empty()
        && name == name.trim()
        && name.chars().count() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ' '))
}

/// The role a stored name stands for (an unknown one gives the least).
pub(crate) fn role_of(name: &str) -> Role {
    Role::from_name(name).unwrap_or(Role::Editor)
}

/// The scope a stored name stands for (an unknown one gives the least).
pub(crate) fn scope_of(name: &str) -> Scope {
    Scope::from_name(name).unwrap_or(Scope::Read)
}

/// What a backend does for the accounts, each in its own SQL: the rows of `users` (names
/// unique without regard to ASCII case; disabled users are never found), `sessions` and
/// `tokens` (kept by the hashes of their secrets).
pub(crate) trait AccountRows {
    /// Whether any user (not disabled) exists.
    fn any_user(&self) -> Result<bool, StoreError>;
    /// Add a user; false when the name is taken.
    fn insert_user(
        &self,
        name: &str,
        password: &str,
        role: Role,
        created: i64,
    ) -> Result<bool, StoreError>;
    /// Every user, by name.
    fn users(&self) -> Result<Vec<User>, StoreError>;
    /// A user and their password's PHC string.
    fn user(&self, name: &str) -> Result<Option<(User, String)>, StoreError>;
    /// Change a user's role; false when there is no such user.
    fn set_role(&self, name: &str, role: Role) -> Result<bool, StoreError>;
    /// Add a session, and forget those that ended before `created`.
    fn insert_session(
        &self,
        hash: &[u8],
        user: &str,
        csrf: &str,
        created: i64,
        expires: i64,
    ) -> Result<(), StoreError>;
    /// The user and CSRF token of a session that lasts beyond `now`.
    fn session(&self, hash: &[u8], now: i64) -> Result<Option<(String, String)>, StoreError>;
    /// Forget a session.
    fn delete_session(&self, hash: &[u8]) -> Result<(), StoreError>;
    /// Add a token; its number.
    fn insert_token(
        &self,
        hash: &[u8],
        user: &str,
        scope: Scope,
        label: &str,
        created: i64,
    ) -> Result<i64, StoreError>;
    /// A user's tokens (everyone's for `None`), by number.
    fn tokens(&self, user: Option<&str>) -> Result<Vec<TokenInfo>, StoreError>;
    /// Revoke a token at `now`; false when there is none or it was revoked already.
    fn revoke_token(&self, id: i64, now: i64) -> Result<bool, StoreError>;
    /// The user and scope of a token not revoked, marked as used at `now`.
    fn use_token(&self, hash: &[u8], now: i64) -> Result<Option<(String, Scope)>, StoreError>;
}

/// The accounts of a store.
pub struct Accounts<'a> {
    rows: &'a dyn AccountRows,
}

impl<'a> Accounts<'a> {
    pub(crate) fn new(rows: &'a dyn AccountRows) -> Accounts<'a> {
        Accounts { rows }
    }

    /// Whether any user exists (a server with users takes writes from them).
    pub fn any(&self) -> Result<bool, AccountError> {
        Ok(self.rows.any_user()?)
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
        if !self.rows.insert_user(name, &phc, role, created)? {
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
        Ok(self.rows.users()?)
    }

    /// One user.
    pub fn user(&self, name: &str) -> Result<Option<User>, AccountError> {
        Ok(self.rows.user(name)?.map(|(u, _)| u))
    }

    /// Change a user's role; false when there is no such user.
    pub fn set_role(&self, name: &str, role: Role) -> Result<bool, AccountError> {
        Ok(self.rows.set_role(name, role)?)
    }

    /// The user whose name and password these are.
    pub fn check_password(&self, name: &str, password: &str) -> Result<Option<User>, AccountError> {
        let Some((user, phc)) = self.rows.user(name)? else {
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
        self.rows
            .insert_session(&hash(&s), user, &csrf, now, now + ttl_ms)?;
        Ok((s, csrf))
    }

    /// The session of a cookie's secret, while it lasts and its user exists.
    pub fn session(&self, secret: &str) -> Result<Option<Session>, AccountError> {
        let Some((name, csrf)) = self.rows.session(&hash(secret), now_ms())? else {
            return Ok(None);
        };
        Ok(self.user(&name)?.map(|user| Session { user, csrf }))
    }

    /// Sign a session out.
    pub fn end_session(&self, secret: &str) -> Result<(), AccountError> {
        Ok(self.rows.delete_session(&hash(secret))?)
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
        let id = self
            .rows
            .insert_token(&hash(&s), user, scope, label, now_ms())?;
        Ok((id, s))
    }

    /// A user's tokens (or everyone's, for `None`).
    pub fn tokens(&self, user: Option<&str>) -> Result<Vec<TokenInfo>, AccountError> {
        Ok(self.rows.tokens(user)?)
    }

    /// Revoke a token; false when there is no such token, or it was revoked already.
    pub fn revoke_token(&self, id: i64) -> Result<bool, AccountError> {
        Ok(self.rows.revoke_token(id, now_ms())?)
    }

    /// The user and scope of a token's secret, unless it was revoked.
    pub fn token(&self, secret: &str) -> Result<Option<(User, Scope)>, AccountError> {
        let Some((name, scope)) = self.rows.use_token(&hash(secret), now_ms())? else {
            return Ok(None);
        };
        Ok(self.user(&name)?.map(|u| (u, scope)))
    }
}
