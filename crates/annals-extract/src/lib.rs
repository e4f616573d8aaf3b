//! From prose to events: find the time expressions of history writing, normalise them as TimeML
//! TIMEX3, score them the way TempEval-3 does, and propose events from dated sentences.
//!
//! - [`lex`]: tokens and word lists.
//! - [`rules`]: the recognisers (patterns over tokens) and what each expression means.
//! - [`tagger`]: the [`Tagger`], which resolves expressions on a narrative anchor that moves
//!   with the story ("the following year" counts from the last date mentioned).
//! - [`value`]: TIMEX3 values (`1960-01-19`, `BC0480`, `196`, `1939-SU`, `P3Y` ...) and their EDTF.
//! - [`doc`]: streaming reader for TimeML, plain text and Markdown (bounded memory).
//! - [`timeml`]: TimeML reading (for the scorer) and writing.
//! - [`score`]: the TempEval-3 timex scorer.
//! - [`events`]: event candidates (a dated sentence with an action verb) as annals events.
//!
//! ```
//! use annals_extract::{Tagger, Options};
//! let mut t = Tagger::new(Options::default());
//! let found = t.tag("On June 10, 1940, Italy invaded; twelve days later France surrendered.");
//! let values: Vec<&str> = found.iter().map(|x| x.value.as_str()).collect();
//! assert_eq!(values, ["1940-06-10", "1940-06-22"]);
//! ```

pub mod annotate;
pub mod doc;
pub mod events;
pub mod lex;
pub mod rules;
pub mod score;
pub mod tagger;
pub mod timeml;
pub mod value;

pub use rules::Ty;
pub use tagger::{Mode, Options, Tagger, Timex};
pub use value::Point;
