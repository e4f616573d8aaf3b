//! The SPARQL results reader never panics on any bytes: every row is an event or a located
//! problem.
#![no_main]

use annals_formats::read::read_bytes;
use annals_formats::{Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_bytes(Format::Sparql, data, &ReadOptions::default(), &mut |item| {
        let _ = item;
        true
    });
});
