//! `annals`: the command-line tool of the annals historical events engine.
//!
//! A thin binary: argument parsing ([`cli`]), one module per command ([`cmd`]), reading input
//! files ([`input`]) and printing events for people ([`print`]). The work is done by the
//! library crates: annals-dates, annals-core, annals-formats and annals-store.

/// Print a line to standard output, returning the error (a closed pipe ends the command
/// quietly in `main`) instead of panicking as `println!` does.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($t)*)?;
    }};
}

/// mimalloc: an import spends a tenth of its time in the allocator, and events made on the reader
/// thread are freed on the writer thread, which glibc's malloc handles slowly.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;
mod cmd;
mod indexer;
mod input;
mod print;

use clap::Parser;
use std::process::ExitCode;

/// Exit codes, documented in `annals --help` and the README.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// Invalid input: problems were found (and, for import, nothing was written).
    pub const INVALID: u8 = 1;
    /// Usage error: bad arguments.
    pub const USAGE: u8 = 2;
    /// Not found: no event with that id.
    pub const NOT_FOUND: u8 = 3;
    /// Failure: the database or a file could not be read or written.
    pub const FAILURE: u8 = 4;
}

/// An error in what the user gave (a path that does not exist, say): `main` exits with
/// [`exit::INVALID`] instead of [`exit::FAILURE`].
#[derive(Debug)]
pub struct InvalidInput(pub String);

impl std::fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidInput {}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let broken_pipe = e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::from(exit::OK);
            }
            eprintln!("annals: error: {e:#}");
            if e.chain().any(|c| c.is::<InvalidInput>()) {
                return ExitCode::from(exit::INVALID);
            }
            ExitCode::from(exit::FAILURE)
        }
    }
}
