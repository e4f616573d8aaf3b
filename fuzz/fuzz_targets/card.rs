//! Card documents: reading never panics; each document read writes back and reads again
//! without panicking (equality is not asserted here: the format may drop things, with warnings).
#![no_main]

use annals_formats::{card, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let opts = ReadOptions::default();
    for doc in card::read_documents(text, &opts).into_iter().flatten() {
        let leads: Vec<&annals_core::Event> = doc.leads.iter().map(|l| &l.event).collect();
        let (written, _dropped) = card::write_document(&doc.main.event, &leads);
        let _ = card::read_documents(&written, &opts);
    }
});
