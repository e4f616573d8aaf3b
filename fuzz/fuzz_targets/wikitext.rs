//! The wikitext reader never panics and stays linear on any bytes: a page (read as an article
//! and as a MediaWiki export) is an event, a reason to skip it, or a located problem.
#![no_main]

use annals_dates::CalendarHint;
use annals_wiki::{page, read, Input, Report};
use libfuzzer_sys::fuzz_target;
use std::io::Read;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let meta = page::Meta {
            title: "Fuzz".into(),
            ..page::Meta::default()
        };
        if let page::Verdict::Event(a) = page::read(&meta, text, CalendarHint::Auto) {
            assert!(a.event.validate().is_ok());
        }
    }
    for input in [Input::Wikitext(None), Input::Xml] {
        let mut report = Report::default();
        let _ = read(
            &input,
            &mut || Ok(Box::new(data) as Box<dyn Read>),
            CalendarHint::Auto,
            &mut report,
            &mut |_| {},
            &mut |item| {
                let _ = item;
                true
            },
        );
    }
});
