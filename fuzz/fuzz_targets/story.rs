//! The story readers never panic on any bytes: native and TimelineJS JSON read as stories, which are written back as TimelineJS.
#![no_main]

use annals_core::story::{Stop, Story};
use annals_core::Event;
use annals_formats::timelinejs::story::{story_from_timelinejs, story_to_timelinejs};
use annals_formats::ReadOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Story::from_json(text);
    if let Ok((story, events)) = story_from_timelinejs(text, &ReadOptions::default(), "story") {
        let stops: Vec<(&Stop, Option<&Event>)> = story
            .stops
            .iter()
            .map(|stop| {
                let event = stop
                    .event
                    .as_deref()
                    .and_then(|id| events.iter().find(|e| e.id == id));
                (stop, event)
            })
            .collect();
        let _ = story_to_timelinejs(&story, &stops);
    }
});
