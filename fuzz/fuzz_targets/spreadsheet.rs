//! Other spreadsheets never panic the table reader: any bytes, with the delimiter taken from the
//! first byte (tab, semicolon, comma or sniffed) and a column map that builds dates from parts.
#![no_main]

use annals_formats::table::{self, ColumnMap};
use annals_formats::ReadOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let delimiter = match first % 4 {
        0 => Some(b'\t'),
        1 => Some(b';'),
        2 => Some(b','),
        _ => None,
    };
    let opts = ReadOptions {
        delimiter,
        ..ReadOptions::default()
    };
    let map = ColumnMap::parse(
        "Name=title,YEAR=year,MO=month,DY=day,HR=hour,MN=minute,EY=end_year,EM=end_month,ED=end_day,Location=places",
    )
    .unwrap_or_default();
    let _ = table::read(rest, &opts, &map, &mut |item| {
        let _ = item;
        true
    });
});
