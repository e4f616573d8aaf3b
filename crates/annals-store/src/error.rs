//! Store errors.

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The PostgreSQL server reported an error.
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    /// The database cannot be reached now (down, restarting, or a read-only replica asked
    /// to write): nothing was written; try again.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The database was written by a newer annals.
    #[error("the database has schema version {found}, newer than this annals understands ({supported}): upgrade annals")]
    TooNew {
        /// Version in the file.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },
    /// A stored event could not be decoded.
    #[error("stored event {id:?} is corrupt: {message}")]
    Corrupt {
        /// Its id.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// Writing what was read failed (for example, standard output was closed).
    #[error("output: {0}")]
    Output(#[from] std::io::Error),
    /// A page cursor that this store did not make.
    #[error("cursor {0:?} is not valid: use the one the previous page gave")]
    BadCursor(String),
    /// Another connection kept the database busy too long.
    #[error("{0}")]
    Busy(&'static str),
    /// The file is not an annals database.
    #[error("{0} is not an annals database")]
    NotAnnals(String),
    /// What was asked cannot be stored, and why.
    #[error("{0}")]
    Invalid(String),
}
