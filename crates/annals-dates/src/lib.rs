//! Historical dates for annals.
//!
//! Every date in annals is a [`When`]: the text as a historian wrote it, the calendar it was
//! written in, its canonical EDTF value (ISO 8601-2, proleptic Gregorian, astronomical years), and
//! its earliest and latest day on one `i64` day-number axis ([`DayNumber`]).
//!
//! - [`day`]: the day axis and exact Julian/Gregorian arithmetic over the whole `i64` year range.
//! - [`edtf`]: EDTF levels 0–2 (parsing by `edtf-core`, behind our policies): canonical form,
//!   bounds, precision.
//! - [`text`]: dates as historians write them in English ("March 15, 44 BC", "the 1960s",
//!   "66 million years ago", "Michaelmas 1066", "11 February 1731/2") turned into EDTF; `feast`
//!   holds the feast days and Easter computus it reads.
//! - [`lang`]: dates written in French, German and Spanish ("15 mars 44 av. J.-C.", "siglo XV"),
//!   read by the English grammar ([`lang::read_any`]: English first, then the others).
//! - [`when`]: the [`When`] record that the rest of annals stores and searches.
//! - [`written`]: dates for people: the text as written, or the EDTF written out as historians
//!   write it ([`When::written`]).
//! - [`period`]: periods of the time axis as historians count them (decades, centuries from
//!   AD 1 and back from 1 BC, deep-time spans) for timelines and facets.
//!
//! ```
//! use annals_dates::{When, CalendarHint};
//! let w = When::from_text("March 15, 44 BC", CalendarHint::Auto).unwrap();
//! assert_eq!(w.edtf, "-0043-03-13"); // Julian 15 March 44 BC, in proleptic Gregorian
//! ```

pub mod day;
pub mod edtf;
mod error;
mod feast;
pub mod lang;
pub use feast::easter;
pub use period::thousands;
pub mod period;
mod style;
pub mod text;
pub mod when;
pub mod written;

pub use day::{month_day, year_written, Calendar, DayNumber, Ymd, MONTH_NAMES, WEEKDAY_NAMES};
pub use edtf::{edtf_year, Edtf};
pub use error::DateError;
pub use when::{Bound, CalendarHint, Precision, When};
pub use written::edtf_written;
