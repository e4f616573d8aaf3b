//! `user`: users who may edit, and their API tokens (`docs/curation.md`).

use super::open;
use crate::cli::UserCommand;
use crate::exit;
use annals_store::accounts::{AccountError, Role, Scope};
use annals_store::Db;
use anyhow::{anyhow, bail, Result};
use std::io::BufRead;

fn when(ms: i64) -> String {
    super::curate::when(ms)
}

fn refused(e: AccountError) -> anyhow::Error {
    match e {
        AccountError::Refused(m) => anyhow!(m),
        AccountError::Store(e) => anyhow!(e),
    }
}

pub fn user(db: &Db, cmd: UserCommand) -> Result<u8> {
    let store = open(db)?;
    let a = store.accounts();
    match cmd {
        UserCommand::Add { name, role } => {
            let role = Role::from_name(&role).ok_or_else(|| anyhow!("role {role:?}"))?;
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                eprint!("password for {name} (at least 10 characters; it will show): ");
            }
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            let password = line.trim_end_matches(['\n', '\r']);
            if password.is_empty() {
                bail!("no password on standard input: give one line, at least 10 characters");
            }
            let u = a.add_user(&name, password, role).map_err(refused)?;
            outln!("added {} ({})", u.name, u.role);
        }
        UserCommand::List => {
            let users = a.users().map_err(refused)?;
            if users.is_empty() {
                outln!("no users yet: `annals user add NAME --role editor`");
            }
            for u in users {
                outln!(
                    "{:<24} {:<9} since {}",
                    u.name,
                    u.role.name(),
                    when(u.created_ms)
                );
            }
        }
        UserCommand::Role { name, role } => {
            let role = Role::from_name(&role).ok_or_else(|| anyhow!("role {role:?}"))?;
            if !a.set_role(&name, role).map_err(refused)? {
                bail!("there is no user called {name:?}");
            }
            outln!("{name} is now {role}");
        }
        UserCommand::Token { name, scope, label } => {
            let scope = Scope::from_name(&scope).ok_or_else(|| anyhow!("scope {scope:?}"))?;
            let (id, secret) = a.new_token(&name, scope, &label).map_err(refused)?;
            eprintln!(
                "token #{id} for {name} ({}): keep it now, it is not shown again; send it as Authorization: Bearer TOKEN",
                scope.name()
            );
            outln!("{secret}");
        }
        UserCommand::Tokens { name } => {
            for t in a.tokens(name.as_deref()).map_err(refused)? {
                outln!(
                    "#{:<5} {:<20} {:<6} {:<24} made {}{}{}",
                    t.id,
                    t.user,
                    t.scope.name(),
                    if t.label.is_empty() { "-" } else { &t.label },
                    when(t.created_ms),
                    t.last_used_ms
                        .map(|m| format!(", last used {}", when(m)))
                        .unwrap_or_default(),
                    t.revoked_ms
                        .map(|m| format!(", REVOKED {}", when(m)))
                        .unwrap_or_default()
                );
            }
        }
        UserCommand::Revoke { id } => {
            if !a.revoke_token(id).map_err(refused)? {
                bail!("there is no token #{id}, or it was revoked already");
            }
            outln!("token #{id} is revoked");
        }
    }
    Ok(exit::OK)
}
