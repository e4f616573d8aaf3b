//! The annals query language, shared by the CLI, the HTTP API and the web app
//! (`docs/query.md`).
//!
//! [`parse`] turns a query string such as
//! `treaty -nato "mutual security" (Japan OR Korea) date:1950..1970 near:35.68,139.69,300km`
//! into a [`Request`]: a boolean [`Expr`] tree of words, phrases and [`Filter`]s, and a [`Sort`].
//! It knows nothing of the index; `annals-index` executes the tree. Malformed or over-long
//! queries are a [`QueryError`] that says where (a character offset) and what was expected.
//!
//! `Request`, `Expr`, `Filter` and `Sort` implement [`Display`](std::fmt::Display) as the
//! canonical query text: `parse(&request.to_string())` gives the request back.
#![warn(missing_docs)]

mod ast;
mod display;
mod lexer;
mod parser;
mod problem;
mod values;

pub use ast::{DateMode, DayRange, Expr, Filter, Request, Sort};
pub use parser::{parse, QueryError, MAX_CLAUSES, MAX_DEPTH, MAX_QUERY_LEN};
pub use problem::{After, Coordinate, Found, Problem};
pub use values::MAX_RADIUS_KM;
