//! Tag text given on the command line (or standard input) and print each expression found.
//!
//! `cargo run -p annals-extract --example tag -- "On June 10, 1940, ..."`

use annals_extract::{Options, Tagger};
use std::io::Read;

fn main() {
    let mut text: String = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        std::io::stdin().read_to_string(&mut text).unwrap();
    }
    let mut t = Tagger::new(Options::default());
    for para in text.split('\n') {
        for x in t.tag(para) {
            println!("{}\t{}\t{}", &para[x.start..x.end], x.ty.name(), x.value);
        }
    }
}
