//! The rows of the accounts in PostgreSQL (the rules are [`crate::accounts`]'s). Users are
//! found by their name folded to ASCII lower case (`key`), as SQLite's NOCASE finds them.

use super::{PostgresStore, Sql};
use crate::accounts::{role_of, scope_of, AccountRows, Role, Scope, TokenInfo, User};
use crate::StoreError;
use postgres::Row;

fn user_row(r: &Row) -> Result<(User, String), StoreError> {
    Ok((
        User {
            name: r.try_get(0)?,
            role: role_of(r.try_get(1)?),
            created_ms: r.try_get(2)?,
        },
        r.try_get(3)?,
    ))
}

fn fold(name: &str) -> String {
    name.to_ascii_lowercase()
}

impl AccountRows for PostgresStore {
    fn any_user(&self) -> Result<bool, StoreError> {
        Ok(self
            .row(
                "SELECT EXISTS (SELECT 1 FROM users WHERE disabled = 0)",
                &[],
            )?
            .map(|r| r.try_get(0))
            .transpose()?
            .unwrap_or(false))
    }

    fn insert_user(
        &self,
        name: &str,
        password: &str,
        role: Role,
        created: i64,
    ) -> Result<bool, StoreError> {
        Ok(self.exec(
            "INSERT INTO users (key, name, password, role, created) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (key) DO NOTHING",
            &[&fold(name), &name, &password, &role.name(), &created],
        )? > 0)
    }

    fn users(&self) -> Result<Vec<User>, StoreError> {
        self.rows(
            "SELECT name, role, created, password FROM users WHERE disabled = 0
             ORDER BY key COLLATE \"C\"",
            &[],
        )?
        .iter()
        .map(|r| user_row(r).map(|(u, _)| u))
        .collect()
    }

    fn user(&self, name: &str) -> Result<Option<(User, String)>, StoreError> {
        self.row(
            "SELECT name, role, created, password FROM users WHERE key = $1 AND disabled = 0",
            &[&fold(name)],
        )?
        .map(|r| user_row(&r))
        .transpose()
    }

    fn set_role(&self, name: &str, role: Role) -> Result<bool, StoreError> {
        Ok(self.exec(
            "UPDATE users SET role = $2 WHERE key = $1 AND disabled = 0",
            &[&fold(name), &role.name()],
        )? > 0)
    }

    fn insert_session(
        &self,
        hash: &[u8],
        user: &str,
        csrf: &str,
        created: i64,
        expires: i64,
    ) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO sessions (hash, username, csrf, created, expires) VALUES ($1, $2, $3, $4, $5)",
            &[&hash, &user, &csrf, &created, &expires],
        )?;
        self.exec("DELETE FROM sessions WHERE expires < $1", &[&created])?;
        Ok(())
    }

    fn session(&self, hash: &[u8], now: i64) -> Result<Option<(String, String)>, StoreError> {
        self.row(
            "SELECT username, csrf FROM sessions WHERE hash = $1 AND expires > $2",
            &[&hash, &now],
        )?
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .transpose()
    }

    fn delete_session(&self, hash: &[u8]) -> Result<(), StoreError> {
        self.exec("DELETE FROM sessions WHERE hash = $1", &[&hash])?;
        Ok(())
    }

    fn insert_token(
        &self,
        hash: &[u8],
        user: &str,
        scope: Scope,
        label: &str,
        created: i64,
    ) -> Result<i64, StoreError> {
        let row = self.row(
            "INSERT INTO tokens (hash, username, scope, label, created) VALUES ($1, $2, $3, $4, $5)
             RETURNING id",
            &[&hash, &user, &scope.name(), &label, &created],
        )?;
        Ok(row
            .ok_or_else(|| {
                StoreError::Invalid("PostgreSQL gave no number for the new token".into())
            })?
            .try_get(0)?)
    }

    fn tokens(&self, user: Option<&str>) -> Result<Vec<TokenInfo>, StoreError> {
        self.rows(
            "SELECT id, username, scope, label, created, revoked, last_used FROM tokens
             WHERE $1::TEXT IS NULL OR username = $1 ORDER BY id",
            &[&user],
        )?
        .iter()
        .map(|r| {
            Ok(TokenInfo {
                id: r.try_get(0)?,
                user: r.try_get(1)?,
                scope: scope_of(r.try_get(2)?),
                label: r.try_get(3)?,
                created_ms: r.try_get(4)?,
                revoked_ms: r.try_get(5)?,
                last_used_ms: r.try_get(6)?,
            })
        })
        .collect()
    }

    fn revoke_token(&self, id: i64, now: i64) -> Result<bool, StoreError> {
        Ok(self.exec(
            "UPDATE tokens SET revoked = $2 WHERE id = $1 AND revoked IS NULL",
            &[&id, &now],
        )? > 0)
    }

    fn use_token(&self, hash: &[u8], now: i64) -> Result<Option<(String, Scope)>, StoreError> {
        self.row(
            "UPDATE tokens SET last_used = $2 WHERE hash = $1 AND revoked IS NULL
             RETURNING username, scope",
            &[&hash, &now],
        )?
        .map(|r| Ok((r.try_get(0)?, scope_of(r.try_get(1)?))))
        .transpose()
    }
}
