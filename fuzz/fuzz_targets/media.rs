//! Uploaded pictures never panic on any bytes: `annals_media::prepare` sniffs the format,
//! decodes within small limits, strips the metadata segment by segment and makes the copies;
//! what it keeps reads back as a picture of the size it says.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Small limits: the fuzzer explores structure, not size.
    let limits = annals_media::Limits {
        max_bytes: 1 << 20,
        max_pixels: 1 << 20,
    };
    if let Ok(p) = annals_media::prepare(data, &limits) {
        assert_eq!(annals_media::hash(&p.bytes), p.hash);
        assert_eq!(annals_media::sniff(&p.bytes).map(|f| f.mime()), Some(p.mime.as_str()));
        assert!(!p.renditions.is_empty());
    }
});
