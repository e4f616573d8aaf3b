//! `extract` and `eval-timex`: from prose to events (annals-extract).
//!
//! `annals extract FILE...` reads plain text, Markdown or TimeML as a stream, tags its time
//! expressions and proposes event candidates; `--format timeml` writes the text with TIMEX3 tags
//! instead. `--import` stores the candidates through the import path (one store transaction,
//! search index in step). `annals eval-timex GOLD SYSTEM` scores TimeML as TempEval-3 does.

use super::import::{begin, finish, open_index_for_writing, write_one, Source, Tally};
use super::open;
use crate::cli::{EvalTimexArgs, ExtractArgs};
use crate::exit;
use annals_extract::annotate::{options_for, to_timeml};
use annals_extract::doc::{Format, Reader};
use annals_extract::events::{candidates, Candidate, SourceInfo};
use annals_extract::score::score_dirs;
use annals_extract::{Mode, Options, Tagger};
use annals_formats::{Incoming, Location};
use annals_store::Change;
use annals_store::Db;
use anyhow::{bail, Context, Result};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// The tagger options from the arguments.
fn options(args: &ExtractArgs) -> Result<Options> {
    let dct = match &args.dct {
        Some(d) => Some(annals_extract::value::parse_date(d).with_context(|| {
            format!("--dct {d:?}: not a date (use 2009-12-19, 1960-01 or \"January 19, 1960\")")
        })?),
        None => None,
    };
    let mode = match args.anchor.as_str() {
        "news" => Mode::News,
        _ => Mode::Narrative,
    };
    Ok(Options { dct, mode })
}

fn input_format(args: &ExtractArgs, path: &Path) -> Result<Format> {
    Ok(match args.input.as_deref() {
        Some("timeml") => Format::TimeMl,
        Some("markdown") => Format::Markdown,
        Some("text") => Format::Text,
        _ => {
            let mut head = Vec::new();
            std::fs::File::open(path)
                .map_err(|e| crate::InvalidInput(format!("{}: cannot read: {e}", path.display())))?
                .take(4096)
                .read_to_end(&mut head)
                .with_context(|| format!("{}: cannot read", path.display()))?;
            Format::detect(&path.to_string_lossy(), &head)
        }
    })
}

fn open_input(path: &Path) -> Result<BufReader<std::fs::File>> {
    let f = std::fs::File::open(path)
        .map_err(|e| crate::InvalidInput(format!("{}: cannot read: {e}", path.display())))?;
    Ok(BufReader::with_capacity(1 << 16, f))
}

/// Where one input's output goes.
fn output_for(args: &ExtractArgs, path: &Path, ext: &str) -> Result<Box<dyn Write>> {
    match &args.out {
        None => Ok(Box::new(BufWriter::new(std::io::stdout().lock()))),
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create", dir.display()))?;
            let name = path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("out"));
            let keep = name.extension().is_some_and(|e| e == ext);
            let target = dir.join(if keep { name } else { name.with_extension(ext) });
            let f = std::fs::File::create(&target)
                .with_context(|| format!("{}: cannot write", target.display()))?;
            Ok(Box::new(BufWriter::new(f)))
        }
    }
}

/// `annals extract`.
pub fn extract(db: &Db, args: &ExtractArgs) -> Result<u8> {
    let format = if args.json {
        "json"
    } else {
        args.format.as_str()
    };
    let opts = options(args)?;
    if args.import && matches!(format, "timeml" | "timex") {
        bail!("--import stores event candidates: use it without --format {format}");
    }
    for p in &args.files {
        if !p.is_file() {
            bail!("{}: no such file", p.display());
        }
    }
    if format == "timeml" {
        for path in &args.files {
            let input = open_input(path)?;
            let out = output_for(args, path, "tml")?;
            let docid = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            to_timeml(
                input,
                input_format(args, path)?,
                &docid,
                opts.clone(),
                args.dct.is_some(),
                out,
            )
            .with_context(|| format!("{}: cannot extract", path.display()))?;
        }
        return Ok(exit::OK);
    }
    if !args.import {
        let mut found = 0;
        for path in &args.files {
            let ext = if format == "events" { "txt" } else { "jsonl" };
            let mut out = output_for(args, path, ext)?;
            if format == "timex" {
                found += each_timex(args, &opts, path, &mut out)?;
            } else {
                found +=
                    each_candidate(args, &opts, path, &mut |c| print(&mut out, format, path, c))?;
            }
            out.flush()?;
        }
        if format == "events" && args.out.is_none() {
            eprintln!(
                "{found} event candidate{} (nothing was written; review them, then add --import)",
                if found == 1 { "" } else { "s" }
            );
        }
        return Ok(exit::OK);
    }
    // --import: one store transaction, the index in step, as `annals import` does.
    let mut store = open(db)?;
    let index = open_index_for_writing(db)?;
    let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let change = Change::new(
        format!("extraction from {}", names.join(", ")),
        "annals extract --import",
    );
    let mut write = begin(&mut *store, &index, &change)?;
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    let mut found = 0;
    for path in &args.files {
        let source = Source::new(path);
        found += each_candidate(args, &opts, path, &mut |mut c| {
            // Two candidates of one run never share an id.
            let n = ids.entry(c.event.id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                c.event.id = format!("{}-{n}", c.event.id);
            }
            print(&mut stdout, "events", path, c.clone())?;
            let incoming = Incoming {
                event: c.event,
                stub: false,
                named: false,
                location: Location::Line(0),
            };
            write_one(&mut write, &mut tally, &source, incoming, &mut problems)
        })?;
    }
    if let Some(p) = problems.first() {
        write.abort()?;
        bail!("nothing was imported: {p}");
    }
    finish(write, &mut tally, db)?;
    stdout.flush()?;
    outln!(
        "imported {found} extracted event{} into {}: {} created, {} updated, {} unchanged (tag: extracted)",
        if found == 1 { "" } else { "s" },
        db,
        tally.created,
        tally.updated,
        tally.unchanged
    );
    Ok(exit::OK)
}

/// Read one file, tag it chunk by chunk, and pass each chunk and its expressions on.
fn each_chunk(
    args: &ExtractArgs,
    opts: &Options,
    path: &Path,
    each: &mut dyn FnMut(&OwnedChunk, &[annals_extract::Timex]) -> Result<()>,
) -> Result<()> {
    let mut reader = Reader::new(open_input(path)?, input_format(args, path)?);
    let mut tagger: Option<Tagger> = None;
    let mut found = Vec::new();
    while let Some(chunk) = reader_next(&mut reader)? {
        if chunk.verbatim {
            continue;
        }
        let t = tagger.get_or_insert_with(|| {
            Tagger::new(options_for(
                opts.clone(),
                reader_dct(&chunk),
                args.dct.is_some(),
            ))
        });
        found.clear();
        t.tag_into(&chunk.masked, &mut found);
        each(&chunk, &found)?;
    }
    Ok(())
}

/// Read one file and pass every event candidate on.
fn each_candidate(
    args: &ExtractArgs,
    opts: &Options,
    path: &Path,
    each: &mut dyn FnMut(Candidate) -> Result<()>,
) -> Result<usize> {
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let src = SourceInfo {
        name: path.display().to_string(),
        url: Some(format!("file://{}", abs.display())),
    };
    let mut n = 0;
    each_chunk(args, opts, path, &mut |chunk, found| {
        for c in candidates(&chunk.masked, found, chunk.chars, &src) {
            n += 1;
            each(c)?;
        }
        Ok(())
    })?;
    Ok(n)
}

/// Read one file and write one JSON object per time expression (character offsets).
fn each_timex(
    args: &ExtractArgs,
    opts: &Options,
    path: &Path,
    out: &mut dyn Write,
) -> Result<usize> {
    let mut n = 0;
    let file = path.display().to_string();
    each_chunk(args, opts, path, &mut |chunk, found| {
        // Character offsets, counted as the expressions come (they are in order).
        let (mut at, mut chars) = (0usize, chunk.chars);
        for x in found {
            chars += annals_extract::doc::count_chars(&chunk.kept[at..x.start]);
            let start = chars;
            chars += annals_extract::doc::count_chars(&chunk.kept[x.start..x.end]);
            at = x.end;
            let line = serde_json::json!({
                "file": file,
                "start": start,
                "end": chars,
                "text": String::from_utf8_lossy(&chunk.kept[x.start..x.end]),
                "type": x.ty.name(),
                "value": x.value,
            });
            writeln!(out, "{line}")?;
            n += 1;
        }
        Ok(())
    })?;
    Ok(n)
}

/// A chunk, owned, with the document date known so far.
struct OwnedChunk {
    verbatim: bool,
    kept: Vec<u8>,
    masked: String,
    chars: u64,
    dct: Option<String>,
}

fn reader_next<R: BufRead>(r: &mut Reader<R>) -> Result<Option<OwnedChunk>> {
    let Some(c) = r.next_chunk()? else {
        return Ok(None);
    };
    let (verbatim, kept, masked, chars) =
        (c.verbatim, c.kept.to_vec(), c.masked.to_string(), c.chars);
    Ok(Some(OwnedChunk {
        verbatim,
        kept,
        masked,
        chars,
        dct: r.dct().map(str::to_string),
    }))
}

fn reader_dct(c: &OwnedChunk) -> Option<&str> {
    c.dct.as_deref()
}

fn print(out: &mut dyn Write, format: &str, path: &Path, c: Candidate) -> Result<()> {
    match format {
        "json" => {
            serde_json::to_writer(&mut *out, &c.event)?;
            writeln!(out)?;
        }
        _ => {
            let e = &c.event;
            let mut line = format!(
                "{} {}",
                crate::print::date_column(&crate::print::date_label(e), crate::print::DATE_COLUMN),
                e.title
            );
            let at = crate::print::places(e);
            if !at.is_empty() {
                line.push_str(&format!(" — {at}"));
            }
            let people: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
            if !people.is_empty() {
                line.push_str(&format!(" | {}", people.join(", ")));
            }
            writeln!(
                out,
                "{line}  [{}, EDTF {}, {}:{}-{}]",
                e.id,
                e.date.edtf,
                path.display(),
                c.chars.0,
                c.chars.1
            )?;
        }
    }
    Ok(())
}

/// `annals eval-timex GOLD_DIR SYSTEM_DIR`.
pub fn eval_timex(args: &EvalTimexArgs) -> Result<u8> {
    for d in [&args.gold, &args.system] {
        if !d.is_dir() {
            bail!("{}: not a directory", d.display());
        }
    }
    let report = score_dirs(&args.gold, &args.system).with_context(|| {
        format!(
            "cannot read {} or {}",
            args.gold.display(),
            args.system.display()
        )
    })?;
    let pct = |x: f64| (1000.0 * x).round() / 10.0;
    if args.json {
        let files: Vec<serde_json::Value> = report
            .files
            .iter()
            .map(|f| {
                let x = f.counts.figures();
                serde_json::json!({
                    "file": f.name, "gold": f.counts.gold, "system": f.counts.system,
                    "relaxed_matches": f.counts.relaxed, "strict_matches": f.counts.strict,
                    "type_matches": f.counts.type_ok, "value_matches": f.counts.value_ok,
                    "strict_f1": pct(x.strict.f), "relaxed_f1": pct(x.relaxed.f),
                    "type_f1": pct(x.type_f1), "value_f1": pct(x.value_f1),
                    "problem": f.problem,
                })
            })
            .collect();
        let x = report.total.figures();
        let t = report.total;
        let v = serde_json::json!({
            "files": files,
            "extra_system_files": report.extra,
            "total": {
                "gold": t.gold, "system": t.system, "relaxed_matches": t.relaxed,
                "strict_matches": t.strict, "type_matches": t.type_ok, "value_matches": t.value_ok,
                "strict": {"precision": pct(x.strict.p), "recall": pct(x.strict.r), "f1": pct(x.strict.f)},
                "relaxed": {"precision": pct(x.relaxed.p), "recall": pct(x.relaxed.r), "f1": pct(x.relaxed.f)},
                "type_accuracy": pct(x.type_acc), "value_accuracy": pct(x.value_acc),
                "type_f1": pct(x.type_f1), "value_f1": pct(x.value_f1),
            }
        });
        outln!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        outln!(
            "{:<28} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7} {:>7}",
            "file",
            "gold",
            "sys",
            "Mr",
            "Ms",
            "strict",
            "relaxed",
            "type",
            "value"
        );
        for f in &report.files {
            let x = f.counts.figures();
            outln!(
                "{:<28} {:>5} {:>5} {:>5} {:>5} {:>7.1} {:>7.1} {:>7.1} {:>7.1}{}",
                f.name,
                f.counts.gold,
                f.counts.system,
                f.counts.relaxed,
                f.counts.strict,
                100.0 * x.strict.f,
                100.0 * x.relaxed.f,
                100.0 * x.type_f1,
                100.0 * x.value_f1,
                f.problem
                    .as_ref()
                    .map(|p| format!("  ({p})"))
                    .unwrap_or_default()
            );
        }
        let x = report.total.figures();
        let t = report.total;
        outln!(
            "{:<28} {:>5} {:>5} {:>5} {:>5} {:>7.1} {:>7.1} {:>7.1} {:>7.1}",
            "micro-average",
            t.gold,
            t.system,
            t.relaxed,
            t.strict,
            100.0 * x.strict.f,
            100.0 * x.relaxed.f,
            100.0 * x.type_f1,
            100.0 * x.value_f1
        );
        outln!(
            "\nstrict   P {:.1} R {:.1} F1 {:.1}\nrelaxed  P {:.1} R {:.1} F1 {:.1}\ntype     accuracy {:.1} F1 {:.1}\nvalue    accuracy {:.1} F1 {:.1}",
            100.0 * x.strict.p, 100.0 * x.strict.r, 100.0 * x.strict.f,
            100.0 * x.relaxed.p, 100.0 * x.relaxed.r, 100.0 * x.relaxed.f,
            100.0 * x.type_acc, 100.0 * x.type_f1, 100.0 * x.value_acc, 100.0 * x.value_f1
        );
        if args.diff {
            outln!();
            for f in &report.files {
                for d in &f.diffs {
                    outln!(
                        "{}\t{}\tgold: {:?} {} {}\tsystem: {:?} {} {}",
                        f.name,
                        d.kind,
                        d.gold.0,
                        d.gold.1,
                        d.gold.2,
                        d.system.0,
                        d.system.1,
                        d.system.2
                    );
                }
            }
        }
    }
    for e in &report.extra {
        eprintln!("annals: {e}: a system file without a gold file (not scored)");
    }
    let problems: Vec<_> = report.problems().collect();
    for p in &problems {
        eprintln!("annals: {}: {}", p.name, p.problem.as_deref().unwrap_or(""));
    }
    Ok(if problems.is_empty() {
        exit::OK
    } else {
        exit::INVALID
    })
}
