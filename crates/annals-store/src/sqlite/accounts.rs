//! The rows of the accounts in SQLite (the rules are [`crate::accounts`]'s).

use super::SqliteStore;
use crate::accounts::{role_of, scope_of, AccountRows, Role, Scope, TokenInfo, User};
use crate::StoreError;
use rusqlite::{params, OptionalExtension};

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(User, String)> {
    let role: String = r.get(1)?;
    Ok((
        User {
            name: r.get(0)?,
            role: role_of(&role),
            created_ms: r.get(2)?,
        },
        r.get(3)?,
    ))
}

impl AccountRows for SqliteStore {
    fn any_user(&self) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM users WHERE disabled = 0)",
            [],
            |r| r.get(0),
        )?)
    }

    fn insert_user(
        &self,
        name: &str,
        password: &str,
        role: Role,
        created: i64,
    ) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "INSERT OR IGNORE INTO users (name, password, role, created) VALUES (?1, ?2, ?3, ?4)",
            params![name, password, role.name(), created],
        )? > 0)
    }

    fn users(&self) -> Result<Vec<User>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT name, role, created, password FROM users WHERE disabled = 0 ORDER BY name",
        )?;
        let rows = stmt.query_map([], user_row)?;
        Ok(rows.map(|r| r.map(|(u, _)| u)).collect::<Result<_, _>>()?)
    }

    fn user(&self, name: &str) -> Result<Option<(User, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, role, created, password FROM users WHERE name = ?1 AND disabled = 0",
                [name],
                user_row,
            )
            .optional()?)
    }

    fn set_role(&self, name: &str, role: Role) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "UPDATE users SET role = ?2 WHERE name = ?1 AND disabled = 0",
            params![name, role.name()],
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
        self.conn.execute(
            "INSERT INTO sessions (hash, user, csrf, created, expires) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![hash, user, csrf, created, expires],
        )?;
        self.conn
            .execute("DELETE FROM sessions WHERE expires < ?1", [created])?;
        Ok(())
    }

    fn session(&self, hash: &[u8], now: i64) -> Result<Option<(String, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT user, csrf FROM sessions WHERE hash = ?1 AND expires > ?2",
                params![hash, now],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    fn delete_session(&self, hash: &[u8]) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM sessions WHERE hash = ?1", [hash])?;
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
        self.conn.execute(
            "INSERT INTO tokens (hash, user, scope, label, created) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![hash, user, scope.name(), label, created],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    fn tokens(&self, user: Option<&str>) -> Result<Vec<TokenInfo>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, user, scope, label, created, revoked, last_used FROM tokens
             WHERE ?1 IS NULL OR user = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([user], |r| {
            let scope: String = r.get(2)?;
            Ok(TokenInfo {
                id: r.get(0)?,
                user: r.get(1)?,
                scope: scope_of(&scope),
                label: r.get(3)?,
                created_ms: r.get(4)?,
                revoked_ms: r.get(5)?,
                last_used_ms: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn revoke_token(&self, id: i64, now: i64) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "UPDATE tokens SET revoked = ?2 WHERE id = ?1 AND revoked IS NULL",
            params![id, now],
        )? > 0)
    }

    fn use_token(&self, hash: &[u8], now: i64) -> Result<Option<(String, Scope)>, StoreError> {
        let found: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT id, user, scope FROM tokens WHERE hash = ?1 AND revoked IS NULL",
                [hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, name, scope)) = found else {
            return Ok(None);
        };
        self.conn.execute(
            "UPDATE tokens SET last_used = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        Ok(Some((name, scope_of(&scope))))
    }
}
