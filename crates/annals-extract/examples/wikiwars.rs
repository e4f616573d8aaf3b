//! Development loop: tag the raw TEXT of every gold file of a directory, write the TimeML to an
//! output directory, score it against the gold and print per-file scores and the differences.
//!
//! `cargo run --release -p annals-extract --example wikiwars -- GOLD_DIR OUT_DIR [DIFF_FILE]`

use annals_extract::annotate::to_timeml;
use annals_extract::doc::Format;
use annals_extract::score::score_dirs;
use annals_extract::Options;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gold = std::path::PathBuf::from(&args[0]);
    let out = std::path::PathBuf::from(&args[1]);
    std::fs::create_dir_all(&out).unwrap();
    let mut entries: Vec<_> = std::fs::read_dir(&gold)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    entries.sort();
    let t0 = std::time::Instant::now();
    let mut bytes = 0;
    for p in &entries {
        let f = std::io::BufReader::new(std::fs::File::open(p).unwrap());
        let name = p.file_name().unwrap();
        let w = std::io::BufWriter::new(std::fs::File::create(out.join(name)).unwrap());
        let st = to_timeml(
            f,
            Format::TimeMl,
            &name.to_string_lossy(),
            Options::default(),
            false,
            w,
        )
        .unwrap();
        bytes += st.bytes;
    }
    let el = t0.elapsed();
    let rep = score_dirs(&gold, &out).unwrap();
    println!(
        "{:<26} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}",
        "file", "G", "S", "strict", "relax", "type", "value"
    );
    for f in &rep.files {
        let x = f.counts.figures();
        println!(
            "{:<26} {:>5} {:>5} {:>6.1} {:>6.1} {:>6.1} {:>6.1} {}",
            f.name,
            f.counts.gold,
            f.counts.system,
            100.0 * x.strict.f,
            100.0 * x.relaxed.f,
            100.0 * x.type_f1,
            100.0 * x.value_f1,
            f.problem.clone().unwrap_or_default()
        );
    }
    let x = rep.total.figures();
    println!(
        "{:<26} {:>5} {:>5} {:>6.1} {:>6.1} {:>6.1} {:>6.1}",
        "TOTAL",
        rep.total.gold,
        rep.total.system,
        100.0 * x.strict.f,
        100.0 * x.relaxed.f,
        100.0 * x.type_f1,
        100.0 * x.value_f1
    );
    println!("{x}");
    println!("{} bytes in {:?}", bytes, el);
    if let Some(d) = args.get(2) {
        let mut w = std::fs::File::create(d).unwrap();
        for f in &rep.files {
            for df in &f.diffs {
                writeln!(
                    w,
                    "{}\t{}\t{}|{}|{}\t{}|{}|{}",
                    f.name,
                    df.kind,
                    df.gold.0,
                    df.gold.1,
                    df.gold.2,
                    df.system.0,
                    df.system.1,
                    df.system.2
                )
                .unwrap();
            }
        }
    }
}
