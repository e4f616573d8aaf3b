//! `serve`: the web app and the HTTP API.

use crate::cli::{LogFormat, ServeArgs};
use crate::exit;
use annals_server::{App, Config, Limits};
use annals_store::Db;
use anyhow::{anyhow, bail, Context, Result};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// The limits the flags ask for.
fn limits(args: &ServeArgs) -> Limits {
    let default = Limits::default();
    Limits {
        max_body: args.max_body,
        max_import: args.max_import,
        max_upload: args.max_upload,
        header_timeout: Duration::from_secs(args.header_timeout),
        body_timeout: Duration::from_secs(args.body_timeout),
        max_connections: args.max_connections.max(1),
        expensive: args.expensive.unwrap_or(default.expensive).max(1),
        queue: args.queue,
        writes_per_minute: args.writes_per_minute.max(1),
        shutdown_grace: Duration::from_secs(args.shutdown_grace),
        ..default
    }
    .fitted()
}

/// Read and check the token file: one line of printable ASCII, long and varied enough, in a
/// file that others can neither write nor read.
pub fn read_token(f: &Path) -> Result<String> {
    let meta = std::fs::metadata(f)
        .with_context(|| format!("cannot read the token file {}", f.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o022 != 0 {
            bail!(
                "the token file {} can be written by others (mode {:o}): run `chmod 600 {0}`",
                f.display(),
                mode & 0o777
            );
        }
        if mode & 0o004 != 0 {
            bail!(
                "the token file {} can be read by anyone (mode {:o}): run `chmod 600 {0}`",
                f.display(),
                mode & 0o777
            );
        }
    }
    let _ = meta;
    let text = std::fs::read_to_string(f)
        .with_context(|| format!("cannot read the token file {} as text", f.display()))?;
    let token = text.trim_end_matches(['\n', '\r']);
    if token.contains(['\n', '\r']) {
        bail!(
            "the token file {} holds more than one line: put the token alone on one line",
            f.display()
        );
    }
    if let Some(c) = token.chars().find(|c| !c.is_ascii_graphic()) {
        bail!(
            "the token in {} has the character {c:?}: use printable ASCII without spaces (a client sends it in a header)",
            f.display()
        );
    }
    if token.len() < 16 {
        bail!("the token in {} is too short: use at least 16 characters (for example `openssl rand -hex 24`)", f.display());
    }
    let distinct: std::collections::HashSet<char> = token.chars().collect();
    if distinct.len() < 8 {
        bail!(
            "the token in {} is too easy to guess ({} different characters): use a random one, for example `openssl rand -hex 24`",
            f.display(),
            distinct.len()
        );
    }
    Ok(token.to_string())
}

/// Send logs to standard error, as text or JSON, at the level RUST_LOG says (default info).
fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second subscriber (tests start several servers in one process) is refused: ignore.
    let _ = match format {
        LogFormat::Text => builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

/// Listen on `addr`, or say that it is taken and how to choose another address.
pub fn listen(addr: &str) -> Result<std::net::TcpListener> {
    let listener = std::net::TcpListener::bind(addr)
        .map_err(|e| anyhow!(e))
        .with_context(|| {
            format!(
                "cannot listen on {addr} (another program, or another annals, uses it): choose another address with --addr, for example --addr 127.0.0.1:8081"
            )
        })?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// Serve `db`, on `listener` when the caller already listens (so that a busy port is said
/// before any work), else on `--addr`.
pub fn serve(db: &Db, args: &ServeArgs, listener: Option<std::net::TcpListener>) -> Result<u8> {
    let token = args.token_file.as_deref().map(read_token).transpose()?;
    let writable = token.is_some();
    init_logs(args.log_format);
    let limits = limits(args);
    let read_db = match &args.read_db {
        Some(url) if !annals_store::is_postgres(url) => {
            bail!("--read-db takes a postgres:// URL (a replica of --db)")
        }
        Some(_) if db.file().is_some() => {
            bail!("--read-db needs --db to be a PostgreSQL database (postgres://...)")
        }
        Some(url) => Some(annals_store::Db::from_arg(
            Path::new(url),
            Some(&db.index_dir()),
        )),
        None => None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        // Listen first: a busy port is said before any work is done.
        let listener = match listener {
            Some(l) => l,
            None => listen(&args.addr)?,
        };
        let listener = tokio::net::TcpListener::from_std(listener)?;
        // Opening blocks (files, and a PostgreSQL client runs a runtime of its own).
        let app = tokio::task::block_in_place(|| {
            App::open(Config {
                db: db.clone(),
                token,
                limits: limits.clone(),
                embed_allow: args.embed_allow.clone(),
                read_db: read_db.clone(),
            })
        })
        .map_err(|e| anyhow!(e))?;
        let events = app.event_count().map_err(|e| anyhow!(e.message))?;
        let addr = listener.local_addr()?;
        eprintln!(
            "annals: serving {events} events from {} at http://{addr}/ ({}); press Ctrl-C to stop",
            db,
            if writable {
                "writes need the token"
            } else {
                "read-only"
            }
        );
        tracing::info!(
            %addr,
            events,
            max_connections = limits.max_connections,
            expensive = limits.expensive,
            "serving"
        );
        let app = Arc::new(app);
        // The timeline's and the map's tables built now, beside the first requests, not by the
        // first reader who asks for a timeline (a second at ten million events).
        let warming = app.clone();
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            match warming.index().map(|index| index.warm()) {
                Ok(Ok(())) => tracing::info!(
                    ms = started.elapsed().as_millis() as u64,
                    "the timeline's and the map's tables are built"
                ),
                Ok(Err(e)) => tracing::warn!(error = %e, "building the timeline's tables"),
                Err(e) => tracing::warn!(error = %e.message, "building the timeline's tables"),
            }
        });
        annals_server::serve(app, listener).await?;
        eprintln!("annals: stopped");
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(exit::OK)
}
