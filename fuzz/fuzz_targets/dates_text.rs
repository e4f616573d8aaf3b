//! Dates as historians write them: `When::from_text` (automatic and Julian calendar; English,
//! then French, German and Spanish), `text::read` and `lang::read_in` in each language must
//! never panic, whatever the text; nor does writing what they read in each language.
#![no_main]

use annals_dates::lang::{read_in, Language};
use annals_dates::{text, Calendar, CalendarHint, When};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(w) = When::from_text(s, CalendarHint::Auto) {
        for lang in Language::ALL {
            let _ = w.written_with_calendar_in(lang);
        }
    }
    let _ = When::from_text(s, CalendarHint::Given(Calendar::Julian));
    let _ = text::read(s, CalendarHint::Auto);
    for lang in Language::ALL {
        let _ = read_in(s, lang, CalendarHint::Auto);
    }
});
