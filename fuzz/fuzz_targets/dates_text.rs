//! Dates as historians write them: `When::from_text` (automatic and Julian calendar) and
//! `text::read` must never panic, whatever the text.
#![no_main]

use annals_dates::{text, Calendar, CalendarHint, When};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = When::from_text(s, CalendarHint::Auto);
    let _ = When::from_text(s, CalendarHint::Given(Calendar::Julian));
    let _ = text::read(s, CalendarHint::Auto);
});
