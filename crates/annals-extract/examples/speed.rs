//! Throughput of the tagger and of event extraction on one file, in MB/s on one core.
//!
//! `cargo run --release -p annals-extract --example speed -- FILE`

use annals_extract::annotate::to_timeml;
use annals_extract::doc::{Format, Reader};
use annals_extract::events::{candidates, SourceInfo};
use annals_extract::{Options, Tagger};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("give a file");
    let size = std::fs::metadata(&path).unwrap().len() as f64 / 1e6;
    let open = || std::io::BufReader::new(std::fs::File::open(&path).unwrap());
    let format = Format::detect(&path, b"");

    let t = Instant::now();
    let st = to_timeml(
        open(),
        format,
        "speed",
        Options::default(),
        false,
        std::io::sink(),
    )
    .unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "timeml: {size:.1} MB, {} time expressions in {secs:.2} s: {:.1} MB/s",
        st.timexes,
        size / secs
    );

    let t = Instant::now();
    let mut reader = Reader::new(open(), format);
    let mut tagger = Tagger::new(Options::default());
    let src = SourceInfo {
        name: path.clone(),
        url: None,
    };
    let (mut found, mut events) = (Vec::new(), 0usize);
    while let Some(c) = reader.next_chunk().unwrap() {
        if c.verbatim {
            continue;
        }
        found.clear();
        tagger.tag_into(c.masked, &mut found);
        events += candidates(c.masked, &found, c.chars, &src).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "events: {size:.1} MB, {events} candidates in {secs:.2} s: {:.1} MB/s",
        size / secs
    );
}
