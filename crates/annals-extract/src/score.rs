//! The TempEval-3 timex scorer, as the official `TE3-evaluation.py` computes it
//! (`../shared/notes/temporal-scoring.md`), with per-file counts and no file ever dropped.
//!
//! - Gold and system files are paired by name; the text of `<TEXT>` with tags stripped must be
//!   identical, else the file is reported and counted as all misses.
//! - Alignment: the text is tokenised (white space, then leading and trailing punctuation split
//!   off, as TreeTagger's `tokenize.pl` does; unlike the official normaliser, a token is also
//!   split where a timex begins or ends inside it, so "2009-2010" with two timexes is fine). A
//!   sweep from left to right gives every timex an id: a timex starting on a token where the
//!   other annotation has a timex open takes that timex's id, if it is newer than the last id its
//!   own annotation used; otherwise a fresh id. Same id = matched (greedy, one to one).
//! - Counted timexes are those without nested tags (`<TIMEX3 ...>text</TIMEX3>`); `<TIMEX3/>`
//!   never. Relaxed matches M_r = gold timexes whose id a counted system timex has; strict matches
//!   = those pairs with the same text. P = M/S, R = M/G, F1 = 2PR/(P+R).
//! - Type and value accuracy are over the M_r pairs (exact string equality; a missing attribute
//!   reads as its own name); type F1 = type accuracy × relaxed F1, value F1 likewise.
//! - Micro-averaged: counts are summed over files, then the figures are computed once.

use crate::timeml::{parse, Document, TimexTag};
use std::fmt;
use std::path::{Path, PathBuf};

/// Counts for one file or a whole collection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold timexes counted (G).
    pub gold: usize,
    /// System timexes counted (S).
    pub system: usize,
    /// Relaxed matches (M_r).
    pub relaxed: usize,
    /// Strict matches (M_s).
    pub strict: usize,
    /// Relaxed matches with the same type.
    pub type_ok: usize,
    /// Relaxed matches with the same value.
    pub value_ok: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.relaxed += o.relaxed;
        self.strict += o.strict;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }
}

/// Precision, recall and F1 (fractions, 0–1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f: f64,
}

fn prf(m: usize, s: usize, g: usize) -> Prf {
    let p = if s == 0 { 0.0 } else { m as f64 / s as f64 };
    let r = if g == 0 { 0.0 } else { m as f64 / g as f64 };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Prf { p, r, f }
}

/// The figures TempEval-3 reports.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    /// Strict extent match.
    pub strict: Prf,
    /// Relaxed extent match.
    pub relaxed: Prf,
    /// Type accuracy over relaxed matches.
    pub type_acc: f64,
    /// Value accuracy over relaxed matches.
    pub value_acc: f64,
    /// Type F1 = type accuracy × relaxed F1.
    pub type_f1: f64,
    /// Value F1 = value accuracy × relaxed F1.
    pub value_f1: f64,
}

impl Counts {
    /// The figures of these counts.
    pub fn figures(&self) -> Figures {
        let strict = prf(self.strict, self.system, self.gold);
        let relaxed = prf(self.relaxed, self.system, self.gold);
        let acc = |n: usize| {
            if self.relaxed == 0 {
                0.0
            } else {
                n as f64 / self.relaxed as f64
            }
        };
        let type_acc = acc(self.type_ok);
        let value_acc = acc(self.value_ok);
        Figures {
            strict,
            relaxed,
            type_acc,
            value_acc,
            type_f1: type_acc * relaxed.f,
            value_f1: value_acc * relaxed.f,
        }
    }
}

/// A gold timex that was missed or mis-valued, or a system timex that matched nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// What went wrong: `missed`, `spurious`, `extent`, `type`, `value`.
    pub kind: &'static str,
    /// Gold text, type, value (empty for spurious).
    pub gold: (String, String, String),
    /// System text, type, value (empty for missed).
    pub system: (String, String, String),
}

/// Score one pair of documents. Returns the counts and the differences.
pub fn score_documents(gold: &Document, system: &Document) -> Result<(Counts, Vec<Diff>), String> {
    if gold.text != system.text {
        return Err(texts_differ(&gold.text, &system.text));
    }
    let ids = align(&gold.text, &gold.timexes, &system.timexes);
    let counted = |t: &TimexTag| !t.nested && !t.empty;
    let mut c = Counts {
        gold: gold.timexes.iter().filter(|t| counted(t)).count(),
        system: system.timexes.iter().filter(|t| counted(t)).count(),
        ..Counts::default()
    };
    let mut diffs = Vec::new();
    let triple = |t: &TimexTag| (t.text.clone(), t.ty.clone(), t.value.clone());
    let none = || (String::new(), String::new(), String::new());
    let mut sys_by_id = std::collections::HashMap::new();
    for (k, t) in system.timexes.iter().enumerate() {
        if counted(t) {
            sys_by_id.insert(ids.1[k], k);
        }
    }
    let mut used = vec![false; system.timexes.len()];
    for (k, g) in gold.timexes.iter().enumerate() {
        if !counted(g) {
            continue;
        }
        match sys_by_id.get(&ids.0[k]) {
            Some(&s) => {
                used[s] = true;
                let st = &system.timexes[s];
                c.relaxed += 1;
                let strict = g.text == st.text;
                if strict {
                    c.strict += 1;
                }
                let type_ok = g.ty == st.ty;
                let value_ok = g.value == st.value;
                if type_ok {
                    c.type_ok += 1;
                }
                if value_ok {
                    c.value_ok += 1;
                }
                let kind = if !value_ok {
                    "value"
                } else if !type_ok {
                    "type"
                } else if !strict {
                    "extent"
                } else {
                    continue;
                };
                diffs.push(Diff {
                    kind,
                    gold: triple(g),
                    system: triple(st),
                });
            }
            None => diffs.push(Diff {
                kind: "missed",
                gold: triple(g),
                system: none(),
            }),
        }
    }
    for (k, s) in system.timexes.iter().enumerate() {
        if counted(s) && !used[k] {
            diffs.push(Diff {
                kind: "spurious",
                gold: none(),
                system: triple(s),
            });
        }
    }
    Ok((c, diffs))
}

fn texts_differ(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let line = a[..at.min(a.len())].matches('\n').count() + 1;
    format!("the texts of gold and system differ (TEXTS NOT SAME), first at line {line} of <TEXT>")
}

/// Characters TreeTagger's tokeniser splits off the front of a token.
fn is_pchar(c: char) -> bool {
    matches!(
        c,
        '[' | '¿'
            | '¡'
            | '{'
            | '('
            | '`'
            | '"'
            | '‚'
            | '„'
            | '†'
            | '‡'
            | '‹'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '•'
            | '–'
            | '—'
            | '›'
            | '\''
    )
}

/// Characters it splits off the end.
fn is_fchar(c: char) -> bool {
    matches!(
        c,
        ']' | '}'
            | '\''
            | '`'
            | '"'
            | ')'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '‚'
            | '„'
            | '…'
            | '†'
            | '‡'
            | '‰'
            | '‹'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '•'
            | '–'
            | '—'
            | '›'
            | '.'
    )
}

/// Token spans (byte offsets) of `text`, also cut at every offset in `cuts`.
fn tokens(text: &str, cuts: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        if a < b {
            out.push((a, b));
        }
    };
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        while end < text.len() {
            let d = text[end..].chars().next().unwrap_or(' ');
            if d.is_whitespace() {
                break;
            }
            end += d.len_utf8();
        }
        // Leading punctuation, one character at a time.
        let mut a = start;
        while a < end {
            let d = text[a..].chars().next().unwrap_or(' ');
            if !is_pchar(d) {
                break;
            }
            push(a, a + d.len_utf8(), &mut out);
            a += d.len_utf8();
        }
        // Trailing punctuation.
        let mut tail = Vec::new();
        let mut b = end;
        while b > a {
            let d = text[..b].chars().next_back().unwrap_or(' ');
            if !is_fchar(d) {
                break;
            }
            // A period after a single letter or inside an abbreviation stays ("U.S.", "B.C.").
            if d == '.' && b - a >= 2 && text[a..b - 1].contains('.') {
                break;
            }
            tail.push((b - d.len_utf8(), b));
            b -= d.len_utf8();
        }
        push(a, b, &mut out);
        out.extend(tail.into_iter().rev());
        i = end;
        let _ = bytes;
    }
    // Cut tokens at timex boundaries inside them.
    if cuts.is_empty() {
        return out;
    }
    let mut cut_out = Vec::with_capacity(out.len());
    let mut ci = 0;
    for (a, b) in out {
        while ci < cuts.len() && cuts[ci] <= a {
            ci += 1;
        }
        let mut s = a;
        let mut k = ci;
        while k < cuts.len() && cuts[k] < b {
            if cuts[k] > s {
                cut_out.push((s, cuts[k]));
                s = cuts[k];
            }
            k += 1;
        }
        cut_out.push((s, b));
    }
    cut_out
}

/// Give every gold and system timex an id by the normaliser's left-to-right sweep.
fn align(text: &str, gold: &[TimexTag], system: &[TimexTag]) -> (Vec<u64>, Vec<u64>) {
    let mut cuts: Vec<usize> = gold
        .iter()
        .chain(system)
        .flat_map(|t| [t.start, t.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let toks = tokens(text, &cuts);
    // For each annotation, the timex covering each token (first token only marks B).
    let label = |ts: &[TimexTag]| -> Vec<Option<(usize, bool)>> {
        let mut l = vec![None; toks.len()];
        let mut ti = 0;
        for (k, t) in ts.iter().enumerate() {
            if t.empty || t.start >= t.end {
                continue;
            }
            // Tokens overlapping [start, end).
            while ti < toks.len() && toks[ti].1 <= t.start {
                ti += 1;
            }
            let mut first = true;
            let mut j = ti;
            while j < toks.len() && toks[j].0 < t.end {
                if l[j].is_none() {
                    l[j] = Some((k, first));
                    first = false;
                }
                j += 1;
            }
        }
        l
    };
    let labels = [label(gold), label(system)];
    let mut ids = [vec![0u64; gold.len()], vec![0u64; system.len()]];
    let mut counter = 0u64;
    let mut last = [0u64; 2];
    let mut open: [Option<u64>; 2] = [None, None];
    #[allow(clippy::needless_range_loop)] // two parallel label vectors, indexed by token
    for k in 0..toks.len() {
        // Close what ended.
        for a in 0..2 {
            match labels[a][k] {
                None => open[a] = None,
                Some((_, true)) => open[a] = None,
                Some((_, false)) => {}
            }
        }
        for a in 0..2 {
            if let Some((t, true)) = labels[a][k] {
                let other = open[1 - a];
                let id = match other {
                    Some(o) if o > last[a] => o,
                    _ => {
                        counter += 1;
                        counter
                    }
                };
                ids[a][t] = id;
                last[a] = id;
                open[a] = Some(id);
            }
        }
    }
    let [g, s] = ids;
    (g, s)
}

/// The score of one file.
#[derive(Debug, Clone)]
pub struct FileScore {
    /// File name.
    pub name: String,
    /// Its counts.
    pub counts: Counts,
    /// Why it could not be scored normally (then it counts as all misses).
    pub problem: Option<String>,
    /// Gold timexes not counted because they contain other tags.
    pub nested_gold: usize,
    /// Differences, for `--diff`.
    pub diffs: Vec<Diff>,
}

/// The score of two directories.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per file, in name order.
    pub files: Vec<FileScore>,
    /// System files without a gold file (not scored, listed).
    pub extra: Vec<String>,
    /// The sum.
    pub total: Counts,
}

impl Report {
    /// Files that could not be scored normally.
    pub fn problems(&self) -> impl Iterator<Item = &FileScore> {
        self.files.iter().filter(|f| f.problem.is_some())
    }
}

fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.') && !n.eq_ignore_ascii_case("README.md"))
        })
        .collect();
    v.sort();
    Ok(v)
}

/// Score every gold file of `gold_dir` against the file of the same name in `system_dir`.
pub fn score_dirs(gold_dir: &Path, system_dir: &Path) -> std::io::Result<Report> {
    let golds = list(gold_dir)?;
    let systems = list(system_dir)?;
    let mut report = Report::default();
    let names: std::collections::HashSet<_> = golds
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_owned()))
        .collect();
    for s in &systems {
        if let Some(n) = s.file_name() {
            if !names.contains(n) {
                report.extra.push(n.to_string_lossy().into_owned());
            }
        }
    }
    for g in &golds {
        let name = g
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gold_doc = match std::fs::read(g) {
            Ok(b) => parse(&String::from_utf8_lossy(&b)),
            Err(e) => Err(crate::timeml::TimeMlError(e.to_string())),
        };
        let gold_doc = match gold_doc {
            Ok(d) => d,
            Err(e) => {
                report.files.push(FileScore {
                    name,
                    counts: Counts::default(),
                    problem: Some(format!("the gold file cannot be read: {e}")),
                    nested_gold: 0,
                    diffs: Vec::new(),
                });
                continue;
            }
        };
        let counted_gold = gold_doc
            .timexes
            .iter()
            .filter(|t| !t.nested && !t.empty)
            .count();
        let nested_gold = gold_doc.timexes.iter().filter(|t| t.nested).count();
        let all_missed = |problem: String, system: usize| FileScore {
            name: name.clone(),
            counts: Counts {
                gold: counted_gold,
                system,
                ..Counts::default()
            },
            problem: Some(problem),
            nested_gold,
            diffs: Vec::new(),
        };
        let sys_path = system_dir.join(g.file_name().unwrap_or_default());
        let fs = if !sys_path.exists() {
            all_missed("no system file (counted as all misses)".into(), 0)
        } else {
            match std::fs::read(&sys_path)
                .map_err(|e| e.to_string())
                .and_then(|b| parse(&String::from_utf8_lossy(&b)).map_err(|e| e.to_string()))
            {
                Err(e) => all_missed(
                    format!("the system file cannot be read: {e} (counted as all misses)"),
                    0,
                ),
                Ok(sys) => match score_documents(&gold_doc, &sys) {
                    Ok((counts, diffs)) => FileScore {
                        name: name.clone(),
                        counts,
                        problem: None,
                        nested_gold,
                        diffs,
                    },
                    Err(e) => {
                        let s = sys.timexes.iter().filter(|t| !t.nested && !t.empty).count();
                        all_missed(format!("{e} (counted as all misses)"), s)
                    }
                },
            }
        };
        report.total += fs.counts;
        report.files.push(fs);
    }
    Ok(report)
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "strict P {:.1} R {:.1} F1 {:.1} | relaxed P {:.1} R {:.1} F1 {:.1} | type F1 {:.1} | value F1 {:.1}",
            100.0 * self.strict.p,
            100.0 * self.strict.r,
            100.0 * self.strict.f,
            100.0 * self.relaxed.p,
            100.0 * self.relaxed.r,
            100.0 * self.relaxed.f,
            100.0 * self.type_f1,
            100.0 * self.value_f1
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Document {
        parse(&format!(
            "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-12-19\">x</TIMEX3></DCT><TEXT>{body}</TEXT></TimeML>"
        ))
        .unwrap()
    }

    fn t(id: u32, ty: &str, v: &str, text: &str) -> String {
        format!("<TIMEX3 tid=\"t{id}\" type=\"{ty}\" value=\"{v}\">{text}</TIMEX3>")
    }

    #[test]
    fn identical_annotations_score_100() {
        let g = doc(&format!(
            "On {}, war; {} later.",
            t(1, "DATE", "1939-09-01", "September 1, 1939"),
            t(2, "DATE", "1939-09-03", "two days")
        ));
        let (c, d) = score_documents(&g, &g).unwrap();
        assert_eq!(
            c,
            Counts {
                gold: 2,
                system: 2,
                relaxed: 2,
                strict: 2,
                type_ok: 2,
                value_ok: 2
            }
        );
        assert!(d.is_empty());
        let f = c.figures();
        assert_eq!(
            (f.strict.f, f.relaxed.f, f.type_f1, f.value_f1),
            (1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn known_scores_on_a_small_pair() {
        // Gold: 4 timexes. System: one exact, one longer (relaxed only) with the wrong value,
        // one with the wrong type, one spurious; one gold missed.
        let gold = doc(&format!(
            "In {} the war began. By {} it was over. It lasted {}. Then {}.",
            t(1, "DATE", "1939", "1939"),
            t(2, "DATE", "1945-09", "September"),
            t(3, "DURATION", "P6Y", "six years"),
            t(4, "DATE", "PRESENT_REF", "now")
        ));
        let sys = doc(&format!(
            "In {} the war began. By {} was over. It lasted {}. {} now.",
            t(1, "DATE", "1939", "1939"),
            t(2, "DATE", "1944-09", "September it"),
            t(3, "DATE", "P6Y", "six years"),
            t(4, "DATE", "X", "Then")
        ));
        let (c, diffs) = score_documents(&gold, &sys).unwrap();
        assert_eq!(c.gold, 4);
        assert_eq!(c.system, 4);
        assert_eq!(c.relaxed, 3, "{diffs:?}");
        assert_eq!(c.strict, 2);
        assert_eq!(c.type_ok, 2);
        assert_eq!(c.value_ok, 2);
        let f = c.figures();
        assert!((f.relaxed.f - 0.75).abs() < 1e-9);
        assert!((f.strict.f - 0.5).abs() < 1e-9);
        assert!((f.value_f1 - 0.75 * 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(diffs.iter().filter(|d| d.kind == "missed").count(), 1);
        assert_eq!(diffs.iter().filter(|d| d.kind == "spurious").count(), 1);
    }

    #[test]
    fn different_texts_are_an_error() {
        let gold = doc(&format!("In {} it rained.", t(1, "DATE", "1939", "1939")));
        let sys = doc(&format!("In {} it snowed.", t(1, "DATE", "1939", "1939")));
        assert!(score_documents(&gold, &sys)
            .unwrap_err()
            .contains("TEXTS NOT SAME"));
    }

    #[test]
    fn one_system_timex_over_two_gold_matches_the_first_only() {
        let gold = doc(&format!(
            "from {} to {} it rained",
            t(1, "DATE", "1914", "1914"),
            t(2, "DATE", "1918", "1918")
        ));
        let sys = doc(&format!(
            "from {} it rained",
            t(1, "DATE", "1914", "1914 to 1918")
        ));
        let (c, _) = score_documents(&gold, &sys).unwrap();
        assert_eq!(
            (c.gold, c.system, c.relaxed, c.strict, c.value_ok),
            (2, 1, 1, 0, 1)
        );
    }

    #[test]
    fn two_timexes_in_one_token() {
        let gold = doc(&format!(
            "in {}-{} it",
            t(1, "DATE", "2009", "2009"),
            t(2, "DATE", "2010", "2010")
        ));
        let (c, _) = score_documents(&gold, &gold).unwrap();
        assert_eq!((c.relaxed, c.strict), (2, 2));
    }

    #[test]
    fn nested_and_empty_timexes_are_not_counted() {
        let gold = doc(&format!("{} and <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1\">a <EVENT>b</EVENT></TIMEX3> c<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"1\"/>", t(1, "DATE", "1939", "1939")));
        let (c, _) = score_documents(&gold, &gold).unwrap();
        assert_eq!((c.gold, c.system, c.relaxed), (1, 1, 1));
    }

    #[test]
    fn missing_attributes_compare_equal() {
        let gold = doc("a <TIMEX3 tid=\"t1\">now</TIMEX3> b");
        let sys = doc("a <TIMEX3 tid=\"t9\">now</TIMEX3> b");
        let (c, _) = score_documents(&gold, &sys).unwrap();
        assert_eq!((c.type_ok, c.value_ok), (1, 1));
    }

    #[test]
    fn tokeniser_splits_punctuation() {
        let s = "(On Sept. 1, 1939.) B.C. \"now\"";
        let toks: Vec<&str> = tokens(s, &[]).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            toks,
            vec!["(", "On", "Sept", ".", "1", ",", "1939", ".", ")", "B.C.", "\"", "now", "\""]
        );
    }
}
