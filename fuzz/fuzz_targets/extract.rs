//! Prose to time expressions and event candidates: any text is tagged and mined for candidates
//! without a panic, and every time expression lies inside the text on character boundaries.
#![no_main]

use annals_extract::events::{candidates, SourceInfo};
use annals_extract::{Options, Tagger};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut tagger = Tagger::new(Options::default());
    let timexes = tagger.tag(text);
    for t in &timexes {
        assert!(t.start < t.end && t.end <= text.len(), "{t:?} outside {} bytes", text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "{t:?}");
    }
    let source = SourceInfo { name: "fuzz".into(), url: None };
    let _ = candidates(text, &timexes, 0, &source);
});
