//! The annals event model.
//!
//! An [`Event`] is one historical event: its [`When`](annals_dates::When), title, summary,
//! narrative, key points, [`Place`]s, [`Participant`]s, [`Source`]s, [`Relation`]s to other
//! events, tags and [`Medium`]s (pictures and recordings with their credits). This crate owns
//! the model, its validation, stable ids ([`id`]) and the native JSON representation ([`json`])
//! that every other part of annals shares; and what is known of a participant or a place beyond
//! its events ([`profile`]); and stories, guided tours through events ([`story`]). It does no
//! I/O.

pub mod diff;
pub mod event;
pub mod html;
pub mod id;
pub mod json;
pub mod likeness;
pub mod lines;
pub mod media;
pub mod merge;
pub mod profile;
pub mod story;

pub use event::{
    valid_lang, Event, KeyPoint, ModelError, Participant, Place, Relation, Source, Translation,
};
pub use id::event_id;
pub use json::{to_compact_json, RawDate, RawEvent};
pub use media::{MediaKind, Medium};
