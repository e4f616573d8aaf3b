//! Native JSON: the JSON Lines reader, drained, never panics on any bytes; nor does
//! `read_json` on any text.
#![no_main]

use annals_formats::{json, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default();
    for item in json::JsonlReader::new(data, opts) {
        let _ = item;
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = json::read_json(text, &opts);
    }
});
