//! Throughput of every reader and writer, and the memory of a streamed read of a large file.
//!
//!     cargo run --release -p annals-formats --example bench_formats [EVENTS.jsonl] [--big MB]
//!
//! Events come from a native JSONL file (default `../shared/datasets/onthisday/onthisday.jsonl`);
//! each format writes them all to memory and reads them back, five times; the median events/s
//! of each is printed. With `--big MB`, a CSV and a TimelineJS file of about that size are
//! written to a temporary directory and streamed back, and the peak resident memory is printed.

use annals_core::Event;
use annals_formats::read::read_bytes;
use annals_formats::write::write_all;
use annals_formats::{
    geojson, json, jsonld, markdown, table, timelinejs, wikidata, EventWriter, Format, ReadOptions,
};
use std::time::Instant;

/// Makes a fresh writer for each run.
type MakeWriter = Box<dyn Fn() -> Box<dyn EventWriter>>;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn stream(path: &str, format: &str) {
    let format = Format::from_name(format).unwrap();
    let size = std::fs::metadata(path).unwrap().len();
    let t = Instant::now();
    let mut got = 0usize;
    let mut open =
        || -> std::io::Result<Box<dyn std::io::Read>> { Ok(Box::new(std::fs::File::open(path)?)) };
    annals_formats::read::read(
        format,
        &mut open,
        &ReadOptions::default(),
        &table::ColumnMap::default(),
        &mut |r| {
            got += r.is_ok() as usize;
            true
        },
    )
    .unwrap();
    println!(
        "streamed {} of {:.0} MB: {got} events in {:.1} s ({:.0} ev/s), peak RSS {:.0} MB",
        format.name(),
        size as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        got as f64 / t.elapsed().as_secs_f64(),
        peak_rss_mb()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--stream") {
        return stream(&args[1], &args[2]);
    }
    let big = args
        .iter()
        .position(|a| a == "--big")
        .and_then(|i| args.get(i + 1)?.parse::<usize>().ok());
    let path = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .cloned()
        .unwrap_or_else(|| "../shared/datasets/onthisday/onthisday.jsonl".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let events: Vec<Event> = json::JsonlReader::new(text.as_bytes(), ReadOptions::default())
        .filter_map(Result::ok)
        .map(|i| i.event)
        .collect();
    let n = events.len();
    println!("{n} events from {path}");
    // Places get coordinates from the gazetteer, as at import (so GeoNames and GeoJSON have
    // something to write): real place names, resolved once, timed.
    let mut events = events;
    // Only places without coordinates are looked up.
    let names: usize = events
        .iter()
        .flat_map(|e| &e.places)
        .filter(|p| p.lat.is_none())
        .count();
    annals_places::Gazetteer::get();
    let t = Instant::now();
    let mut unresolved = 0;
    for e in &mut events {
        unresolved += annals_places::locate(&mut e.places).len();
    }
    println!(
        "gazetteer: {names} place names looked up in {:.3} s ({:.0} names/s), {unresolved} not found",
        t.elapsed().as_secs_f64(),
        names as f64 / t.elapsed().as_secs_f64()
    );
    let events = events;
    println!(
        "{:<16} {:>14} {:>14} {:>10}",
        "format", "write ev/s", "read ev/s", "MB"
    );
    let writers: Vec<(&str, Option<Format>, MakeWriter)> = vec![
        (
            "jsonl",
            Some(Format::Jsonl),
            Box::new(|| Box::new(json::JsonlWriter)),
        ),
        (
            "csv",
            Some(Format::Csv),
            Box::new(|| Box::<table::Writer>::default()),
        ),
        (
            "timelinejs",
            Some(Format::TimelineJs),
            Box::new(|| Box::new(timelinejs::json::Writer::new(false, "b"))),
        ),
        (
            "timelinejs-csv",
            Some(Format::TimelineJsCsv),
            Box::new(|| Box::new(timelinejs::sheet::Writer::new(false))),
        ),
        (
            "wikidata",
            Some(Format::Wikidata),
            Box::new(|| Box::new(wikidata::Writer::new())),
        ),
        (
            "geojson",
            None,
            Box::new(|| Box::new(geojson::Writer::new())),
        ),
        ("jsonld", None, Box::new(|| Box::new(jsonld::Writer::new()))),
    ];
    for (name, format, make) in &writers {
        let mut w_rates = Vec::new();
        let mut r_rates = Vec::new();
        let mut size = 0;
        for _ in 0..5 {
            let mut out = Vec::with_capacity(text.len() * 2);
            let t = Instant::now();
            let mut w = make();
            write_all(&mut *w, &mut out, &events).unwrap();
            w_rates.push(n as f64 / t.elapsed().as_secs_f64());
            size = out.len();
            if let Some(f) = format {
                let t = Instant::now();
                let mut got = 0usize;
                read_bytes(*f, &out, &ReadOptions::default(), &mut |r| {
                    got += r.is_ok() as usize;
                    true
                })
                .unwrap();
                r_rates.push(got as f64 / t.elapsed().as_secs_f64());
            }
        }
        let read = if r_rates.is_empty() {
            "export only".to_string()
        } else {
            format!("{:.0}", median(r_rates))
        };
        println!(
            "{name:<16} {:>14.0} {read:>14} {:>10.1}",
            median(w_rates),
            size as f64 / 1e6
        );
    }
    // Markdown: one file per event.
    let (mut w_rates, mut r_rates) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let files: Vec<String> = events.iter().map(markdown::write).collect();
        w_rates.push(n as f64 / t.elapsed().as_secs_f64());
        let t = Instant::now();
        let ok = files
            .iter()
            .filter(|f| markdown::read(f, &ReadOptions::default()).is_ok())
            .count();
        r_rates.push(ok as f64 / t.elapsed().as_secs_f64());
    }
    println!(
        "{:<16} {:>14.0} {:>14.0} {:>10}",
        "markdown",
        median(w_rates),
        median(r_rates),
        "-"
    );
    if let Some(mb) = big {
        let dir = std::env::temp_dir().join(format!("annals-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, format) in [("csv", Format::Csv), ("timelinejs", Format::TimelineJs)] {
            let path = dir.join(name);
            {
                let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
                let mut w: Box<dyn EventWriter> = match format {
                    Format::Csv => Box::<table::Writer>::default(),
                    _ => Box::new(timelinejs::json::Writer::new(false, "b")),
                };
                let mut dropped = Vec::new();
                w.begin(&mut f).unwrap();
                let mut written = 0usize;
                'fill: loop {
                    for e in &events {
                        w.event(&mut f, e, &mut dropped).unwrap();
                        dropped.clear();
                        written += 1;
                        if written.is_multiple_of(1000)
                            && std::fs::metadata(&path).map_or(0, |m| m.len()) as usize > mb << 20
                        {
                            break 'fill;
                        }
                    }
                }
                w.end(&mut f).unwrap();
            }
            // A fresh process, so that its peak memory is the streamed read's alone.
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--stream", path.to_str().unwrap(), format.name()])
                .output()
                .unwrap();
            print!("{}", String::from_utf8_lossy(&out.stdout));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
