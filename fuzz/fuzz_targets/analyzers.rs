//! The search index's analyzers (English, and each language of `schema::STEMMED`, with the
//! stems they remember): any text gives tokens within the text, and never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use tantivy::tokenizer::TextAnalyzer;

thread_local! {
    /// One analyzer per language, warmed past the point where it starts remembering stems.
    static ANALYZERS: RefCell<Vec<TextAnalyzer>> = RefCell::new({
        let mut all = vec![annals_index::schema::words()];
        for (_, algorithm) in annals_index::schema::STEMMED {
            all.push(annals_index::schema::in_language(algorithm));
        }
        let warm: String = (0..6000).map(|i| format!("wörter{i} mots{} ", i % 97)).collect();
        for a in &mut all {
            let mut s = a.token_stream(&warm);
            while s.advance() {}
        }
        all
    });
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    ANALYZERS.with(|all| {
        for a in all.borrow_mut().iter_mut() {
            // Twice: the second time the stems come from memory.
            for _ in 0..2 {
                let mut s = a.token_stream(text);
                while s.advance() {
                    let t = s.token();
                    assert!(t.offset_from <= t.offset_to && t.offset_to <= text.len());
                    assert!(!t.text.is_empty());
                }
            }
        }
    });
});
