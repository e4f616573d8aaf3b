//! Where a store lives: an SQLite file (the default), or a PostgreSQL database that many annals
//! nodes share, each keeping its own search index in a local directory.

use crate::{EventStore, PostgresStore, SqliteStore, StoreError};
use std::path::{Path, PathBuf};

/// Where the events are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Db {
    /// An SQLite file; its search index is the directory beside it (`annals.db.index/`).
    File(PathBuf),
    /// A PostgreSQL database (a `postgres://` URL), and this node's search index directory.
    Postgres {
        /// `postgres://user:password@host:port/dbname`.
        url: String,
        /// This node's search index: a cache of the database, caught up from its change log.
        index: PathBuf,
    },
}

impl Db {
    /// From `--db`: a `postgres://` (or `postgresql://`) URL, or a file. `index_dir` is where a
    /// PostgreSQL store's search index is kept on this machine (default: `DBNAME.pg.index` in
    /// the working directory); an SQLite file's index is always beside it.
    pub fn from_arg(db: &Path, index_dir: Option<&Path>) -> Db {
        match db.to_str().filter(|s| crate::is_postgres(s)) {
            Some(url) => Db::Postgres {
                url: url.to_string(),
                index: index_dir.map_or_else(|| default_index(url), Path::to_path_buf),
            },
            None => Db::File(db.to_path_buf()),
        }
    }

    /// Open the store, creating it (or its schema) if needed; `cache_mb` is SQLite's page
    /// cache.
    pub fn open(&self, cache_mb: u32) -> Result<Box<dyn EventStore + Send>, StoreError> {
        Ok(match self {
            Db::File(path) => Box::new(SqliteStore::open_with_cache(path, cache_mb)?),
            Db::Postgres { url, .. } => Box::new(PostgresStore::connect(url)?),
        })
    }

    /// Whether there is a store to read (a file that exists; a database is always asked).
    pub fn exists(&self) -> bool {
        match self {
            Db::File(path) => path.exists(),
            Db::Postgres { .. } => true,
        }
    }

    /// The SQLite file, when it is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Db::File(path) => Some(path),
            Db::Postgres { .. } => None,
        }
    }

    /// The search index directory.
    pub fn index_dir(&self) -> PathBuf {
        match self {
            Db::File(db) => {
                let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
                name.push(".index");
                db.with_file_name(name)
            }
            Db::Postgres { index, .. } => index.clone(),
        }
    }
}

/// How people see it: the file, or the URL without its password.
impl std::fmt::Display for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Db::File(path) => write!(f, "{}", path.display()),
            Db::Postgres { url, .. } => f.write_str(&crate::redact(url)),
        }
    }
}

/// `DBNAME.pg.index`, from the URL's path.
fn default_index(url: &str) -> PathBuf {
    let after_host = url.split_once("://").map_or(url, |(_, rest)| rest);
    let name = after_host
        .split_once('/')
        .map(|(_, path)| path.split(['?', '#']).next().unwrap_or(""))
        .filter(|n| !n.is_empty())
        .unwrap_or("annals");
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    PathBuf::from(format!("{safe}.pg.index"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_urls() {
        let f = Db::from_arg(Path::new("data/annals.db"), None);
        assert_eq!(f.index_dir(), Path::new("data/annals.db.index"));
        assert_eq!(f.to_string(), "data/annals.db");
        let pg = Db::from_arg(
            Path::new("postgres://ann:pw@db:5432/history?sslmode=disable"),
            None,
        );
        assert_eq!(pg.index_dir(), Path::new("history.pg.index"));
        assert_eq!(
            pg.to_string(),
            "postgres://ann:***@db:5432/history?sslmode=disable"
        );
        assert!(pg.file().is_none() && pg.exists());
        let given = Db::from_arg(
            Path::new("postgresql://db/x"),
            Some(Path::new("/var/lib/i")),
        );
        assert_eq!(given.index_dir(), Path::new("/var/lib/i"));
        assert_eq!(
            Db::from_arg(Path::new("postgres://db"), None).index_dir(),
            Path::new("annals.pg.index")
        );
    }
}
