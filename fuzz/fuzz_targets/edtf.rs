//! EDTF: parsing never panics, nor do canonical(), bounds(), precision() and estimate() of a
//! parsed value; and the canonical form is a fixed point: it parses, to the same canonical form.
//! Writing any text as a date in each language (`edtf_written_in`) never panics either.
#![no_main]

use annals_dates::lang::Language;
use annals_dates::written::edtf_written_in;
use annals_dates::Edtf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for lang in Language::ALL {
        let _ = edtf_written_in(s, lang);
    }
    let Ok(edtf) = Edtf::parse(s) else {
        return;
    };
    let canonical = edtf.canonical();
    let _ = edtf.bounds();
    let _ = edtf.precision();
    let _ = edtf.estimate();
    let again = match Edtf::parse(&canonical) {
        Ok(again) => again,
        Err(e) => panic!("canonical form {canonical:?} of {s:?} does not parse: {e}"),
    };
    assert_eq!(
        again.canonical(),
        canonical,
        "canonical form of {s:?} is not stable"
    );
});
