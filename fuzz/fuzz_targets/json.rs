//! Native JSON: the JSON Lines reader, drained, never panics on any bytes; nor does
//! `read_json` on any text; nor does choosing an event's texts for a reader's language
//! (`texts_for`, its `lang` and `translations`).
#![no_main]

use annals_formats::{json, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default();
    for item in json::JsonlReader::new(data, opts).flatten() {
        let e = &item.event;
        for lang in ["fr", "de-CH", "", "-", e.lang.as_deref().unwrap_or("en")] {
            let _ = e.texts_for(lang);
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = json::read_json(text, &opts);
    }
});
