//! `serve`: the web app and the HTTP API.

use crate::cli::ServeArgs;
use crate::exit;
use annals_server::{App, Config};
use anyhow::{anyhow, Context, Result};
use std::path::Path;
use std::sync::Arc;

pub fn serve(db: &Path, args: &ServeArgs) -> Result<u8> {
    let token = match &args.token_file {
        Some(f) => {
            let t = std::fs::read_to_string(f)
                .with_context(|| format!("cannot read the token file {}", f.display()))?;
            let t = t.trim().to_string();
            if t.len() < 16 {
                anyhow::bail!(
                    "the token in {} is too short: use at least 16 characters",
                    f.display()
                );
            }
            Some(t)
        }
        None => None,
    };
    let writable = token.is_some();
    let app = App::open(Config {
        db: db.to_path_buf(),
        token,
    })
    .map_err(|e| anyhow!(e))?;
    let events = app
        .read(|s| Ok(s.stats()?.events))
        .map_err(|e| anyhow!(e.message))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        eprintln!(
            "annals: serving {events} events from {} at http://{addr}/ ({}); press Ctrl-C to stop",
            db.display(),
            if writable {
                "writes need the token"
            } else {
                "read-only"
            }
        );
        annals_server::serve(Arc::new(app), listener).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(exit::OK)
}
