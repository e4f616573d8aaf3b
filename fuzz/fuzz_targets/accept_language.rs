//! The language a request asks for: any `Accept-Language` header, cookie or `?lang=` value
//! gives one of annals's languages and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = annals_i18n::from_accept_language(s);
    let _ = annals_i18n::choose(Some(s), Some(s), Some(s));
});
