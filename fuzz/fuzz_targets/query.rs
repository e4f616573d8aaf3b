//! The query language: parsing any text must give a request or an error inside the query,
//! never a panic; a parsed request printed and parsed again is the same request.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match annals_query::parse(s) {
        Ok(request) => {
            let printed = request.to_string();
            if printed.len() <= annals_query::MAX_QUERY_LEN {
                let again = annals_query::parse(&printed);
                assert_eq!(again.as_ref().ok(), Some(&request), "{s:?} printed as {printed:?}");
            }
        }
        Err(e) => assert!(e.offset <= s.chars().count(), "{s:?}: {e}"),
    }
});
