//! EDTF conformance: every vector file in the shared folder `../shared/edtf-vectors/`.
//!
//! The vectors are read where they are (never copied into the repository). When the folder is
//! absent the test prints `SKIPPED` and passes, except under `CI=true`, where it fails.
//!
//! Our policy is edtf-core's (strict ISO 8601-2:2019 Annex A; seasons are meteorological,
//! 21 = Mar–May, 24 = Dec–Feb spanning the year end; qualifiers do not move bounds; `S` digits are
//! applied; open ends are open, unknown ends are unknown), plus one extension: negative masked
//! years (`-01XX`) are accepted and rewritten as the interval `-0199/-0100`.
//! See `docs/dates.md`. Where a file's expectation follows another policy, the case is listed in
//! [`POLICY_DIFFERENCES`] with the reason; any other disagreement fails the test, and so does an
//! entry of that list that no longer differs.
//!
//! `cargo test -p annals-dates --test conformance` prints the tables (on stderr, past the
//! harness's capture).

use annals_dates::day::parse_iso_ymd;
use annals_dates::text;
use annals_dates::{Bound, CalendarHint, DateError, Edtf};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

#[path = "../../../tests/support/shared.rs"]
#[allow(dead_code)] // only `skipped` is used here
mod support;

/// What a check compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Check {
    /// valid / invalid.
    Verdict,
    /// earliest / latest day.
    Bounds,
    /// canonical re-serialisation.
    Canonical,
}

/// A documented difference between a file's expectation and our policy.
struct Difference {
    file: &'static str,
    check: Check,
    inputs: &'static [&'static str],
    reason: &'static str,
}

const fn diff(
    file: &'static str,
    check: Check,
    inputs: &'static [&'static str],
    reason: &'static str,
) -> Difference {
    Difference {
        file,
        check,
        inputs,
        reason,
    }
}

// Inputs that recur in several files.

/// Negative years with `X` digits: our extension (edtf-core decision D21 rejects them).
const NEG_MASKS: &[&str] = &["-1XXX", "-01XX", "-01XX~", "-199X", "-03XX", "-05XX"];
/// Spaces after or around a set comma: ISO 8601-2 §6.1 and Part 1 §3.2.1 allow no spaces.
const SPACED_SETS_PY: &[&str] = &[
    "[1667, 1668, 1670..1672]",
    "[1760-01, 1760-02, 1760-12..]",
    "[1667, 1760-12]",
    "{1667,1668, 1670..1672}",
    "{1960, 1961-12}",
];
const SPACED_SETS_RUBY: &[&str] = &[
    "{1667,1668, 1670..1672}",
    "{1960, 1961-12}",
    "[1667,1668, 1670..1672]",
    "[1760-01, 1760-02, 1760-12..]",
];
const SPACED_SETS_JS: &[&str] = &["[1667, 1672-12]", "{1667, 1670..1672}", "{1960 ,  1961-12}"];
/// edtf.js-isms: bare two-digit centuries and three-digit decades (qualified or not) and
/// intervals without any dated end. Not in ISO 8601-2 Annex A.
const BARE_CENTURIES_DECADES_JS: &[&str] = &[
    "19", "00", "-04", "193", "019", "009", "000", "-193", "-019", "197~", "197?", "197%", "19~",
    "19?", "19%", "/", "../..",
];
/// Fractional seconds (`.042`), `24:00` and basic-format shifts (`+0230`): Annex A admits
/// complete extended-format `hh:mm:ss` only.
const ISO_TIME_FORMS_JS: &[&str] = &[
    "2016-05-02T16:54:59.042",
    "2016-05-02T24:00:00",
    "2016-05-02T16:54:59.04200000",
    "2016-05-02T16:54:59.4",
    "2016-05-02T16:54:59.42",
    "2016-05-02T16:54:59.042123",
    "2016-05-02T16:54:59.042Z",
    "2016-05-02T16:54:59+0230",
    "2016-05-02T16:54:59+0000",
    "2016-05-02T16:54:59+1400",
    "2016-05-02T16:54:59+1330",
    "2016-05-02T16:54:59+1200",
    "2016-05-02T16:54:59+0410",
    "2016-05-02T16:54:59-0015",
    "2016-05-02T16:54:59-1159",
    "2016-05-02T16:54:59-1200",
    "2025-10-14T12:00:00.000Z",
];

/// Every case where a vector file expects something our policy deliberately does not do.
/// The test fails on a disagreement missing here, and on an entry here that no longer differs.
const POLICY_DIFFERENCES: &[Difference] = &[
    // --- Our extension: negative masked years are accepted, as the interval they denote.
    diff(
        "edtf-core-interop-verdicts.json",
        Check::Verdict,
        &["-01XX", "-01XX~"],
        "negative masked year: accepted as -0199/-0100 (our extension to edtf-core D21)",
    ),
    diff(
        "cross-impl-results.json",
        Check::Verdict,
        NEG_MASKS,
        "negative masked year: accepted as an interval (our extension to edtf-core D21)",
    ),
    // --- Strict ISO 8601-2:2019 syntax, where edtf.js, python-edtf and edtf-ruby are lenient.
    diff(
        "edtfjs-parser.json",
        Check::Verdict,
        BARE_CENTURIES_DECADES_JS,
        "edtf.js-ism: bare century/decade or an interval without a dated end",
    ),
    diff(
        "edtfjs-bounds.json",
        Check::Verdict,
        &["20", "00", "199"],
        "edtf.js-ism: bare century or decade",
    ),
    diff(
        "edtfjs-parser.json",
        Check::Verdict,
        ISO_TIME_FORMS_JS,
        "fractional seconds, 24:00 or a basic-format time shift",
    ),
    diff(
        "edtfjs-parser.json",
        Check::Verdict,
        &["20000"],
        "a five-digit year needs the Y prefix (Y20000)",
    ),
    diff(
        "edtfjs-parser.json",
        Check::Verdict,
        SPACED_SETS_JS,
        "spaces in a set",
    ),
    diff(
        "python-edtf-examples.json",
        Check::Verdict,
        SPACED_SETS_PY,
        "spaces in a set",
    ),
    diff(
        "edtf-ruby-specs.json",
        Check::Verdict,
        SPACED_SETS_RUBY,
        "spaces in a set",
    ),
    diff(
        "edtf-ruby-specs.json",
        Check::Verdict,
        &["<string>"],
        "not a date: the suite's placeholder for a generated string",
    ),
    // --- What edtf-core (so we) accepts beyond the other implementations.
    diff(
        "edtfjs-parser.json",
        Check::Verdict,
        &["2016-05-02T01:01:60"],
        "leap second :60 accepted syntactically (edtf-core D3)",
    ),
    diff(
        "edtf-rs-tests.json",
        Check::Verdict,
        &["2019-08-17T22:59:60Z", "2019-08-17T23:58:60Z"],
        "leap second :60 accepted syntactically (edtf-core D3)",
    ),
    diff(
        "edtfjs-parser.json",
        Check::Verdict,
        &[
            "2016-05-02T12:00:00-12:01",
            "2016-05-02T12:00:00-13:00",
            "2016-05-02T12:00:00-14:00",
            "2016-05-02T12:00:00-13",
            "2016-05-02T12:00:00-14",
        ],
        "time shifts down to -14:00 (edtf-core D15: |shift| <= 14:00)",
    ),
    diff(
        "edtfjs-parser.json",
        Check::Verdict,
        &["2012-21/2012-22"],
        "season intervals (edtf-core D22); edtf.js needs its seasonIntervals option",
    ),
    diff(
        "edtf-rs-tests.json",
        Check::Verdict,
        &["2019-08?-08%", "2019?-08-08%", "2019~-08~-08~"],
        "level of the meaning: the group qualifiers amount to one qualifier on the whole \
         date (2019-08-08%), which is level 1; edtf 0.2's level-1 parser rejects the syntax",
    ),
    // --- The 64-bit day axis: a valid value beyond it has no bounds (an error, not unknown).
    diff(
        "edtf-rs-tests.json",
        Check::Verdict,
        &["Y17E200"],
        "valid EDTF (edtf-core parses it) beyond the day axis: bounds() is OutOfRange",
    ),
    diff(
        "cross-impl-results.json",
        Check::Bounds,
        &["Y17E200"],
        "beyond the day axis: OutOfRange, where edtf-core gives unknown bounds",
    ),
    // --- Bounds conventions.
    diff(
        "edtfjs-bounds.json",
        Check::Bounds,
        &["1943-24"],
        "seasons: edtf.js makes 24 Oct-Dec (quarters); ours is Dec-Feb, spanning the year end",
    ),
    diff(
        "python-edtf-examples.json",
        Check::Bounds,
        &["2010-24"],
        "seasons: python-edtf clips winter to December; ours is Dec-Feb, spanning the year end",
    ),
    diff(
        "python-edtf-examples.json",
        Check::Bounds,
        &["/2006", "2004-06-01/", "1984-06-02?/"],
        "unknown ends stay unknown; python-edtf puts them 10 years from the known end",
    ),
    diff(
        "python-edtf-examples.json",
        Check::Bounds,
        &[
            "1950S2",
            "1953S2",
            "1953S3",
            "Y17101E4S3",
            "Y3388E2S3",
            "Y171010000S3",
        ],
        "S digits are applied (1950S2 = 1900-1999); python-edtf applies them only to its \
         fuzzy bounds, which are ours",
    ),
];

// ---------------------------------------------------------------------------------------------

/// Print past the test harness's output capture, so the tables show in a plain `cargo test`.
fn say(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{s}");
}

/// `../shared/edtf-vectors` beside the repository; `ANNALS_EDTF_VECTORS` may point elsewhere
/// (to check the skip, for instance).
fn vectors_dir() -> PathBuf {
    match std::env::var_os("ANNALS_EDTF_VECTORS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/edtf-vectors"),
    }
}

/// Our result for one string: accepted or not, and the things we check.
#[derive(Debug, Clone, PartialEq)]
struct Ours {
    canonical: String,
    level: u8,
    bounds: Result<(String, String), String>,
}

fn ours(input: &str) -> Option<Ours> {
    let e = Edtf::parse(input).ok()?;
    Some(Ours {
        canonical: e.canonical(),
        level: e.level(),
        bounds: e
            .bounds()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .map_err(|e| e.to_string()),
    })
}

/// An expected bound as a vector file writes it, in our `Bound` display form; `None` when the
/// file gives no bound (JSON null or absent, where null does not mean unknown).
fn norm_bound(v: &Value) -> Option<String> {
    let s = v.as_str()?;
    match s {
        "-inf" | "inf" | "Infinity" | "-Infinity" => return Some(Bound::Open.to_string()),
        "unknown" => return Some(Bound::Unknown.to_string()),
        _ => {}
    }
    // ISO instants (edtf.js): keep the date. Expanded years (`-001999`, `+010000`) are fine.
    let date = s.split('T').next().unwrap_or(s);
    let ymd = parse_iso_ymd(date).unwrap_or_else(|| panic!("unreadable bound {s:?}"));
    Some(ymd.to_string())
}

#[derive(Default)]
struct Tally {
    cases: usize,
    checked: usize,
    agree: usize,
    policy: usize,
    /// Cases whose earliest/latest days were compared.
    with_bounds: usize,
    skipped: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

impl Tally {
    fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// One case under test: its checks, then a verdict for the tally.
struct Case<'a> {
    file: &'static str,
    input: &'a str,
    ours: Option<Ours>,
    mismatches: Vec<(Check, String)>,
    ran: bool,
    bounds_ran: bool,
}

impl<'a> Case<'a> {
    fn new(file: &'static str, input: &'a str) -> Case<'a> {
        Case {
            file,
            input,
            ours: ours(input),
            mismatches: Vec::new(),
            ran: false,
            bounds_ran: false,
        }
    }

    fn accepted(&self) -> bool {
        self.ours.is_some()
    }

    fn verdict(&mut self, expect_valid: bool) {
        self.ran = true;
        if self.accepted() != expect_valid {
            let what = if expect_valid {
                "expected valid, we reject".to_string()
            } else {
                format!(
                    "expected invalid, we accept as {}",
                    self.ours.as_ref().map_or("", |o| o.canonical.as_str())
                )
            };
            self.mismatches.push((Check::Verdict, what));
        }
    }

    /// Compare the bounds that the file gives (either end may be missing).
    fn bounds(&mut self, earliest: Option<String>, latest: Option<String>) {
        if earliest.is_none() && latest.is_none() {
            return;
        }
        let Some(o) = &self.ours else {
            return; // the verdict check already says so
        };
        self.ran = true;
        self.bounds_ran = true;
        match &o.bounds {
            Err(e) => self
                .mismatches
                .push((Check::Bounds, format!("expected bounds, we fail: {e}"))),
            Ok((a, b)) => {
                let bad =
                    |want: &Option<String>, got: &String| want.as_ref().is_some_and(|w| w != got);
                if bad(&earliest, a) || bad(&latest, b) {
                    self.mismatches.push((
                        Check::Bounds,
                        format!(
                            "expected {} .. {}, we give {a} .. {b}",
                            earliest.as_deref().unwrap_or("(none)"),
                            latest.as_deref().unwrap_or("(none)")
                        ),
                    ));
                }
            }
        }
    }

    fn canonical(&mut self, want: &str) {
        let Some(o) = &self.ours else { return };
        self.ran = true;
        if o.canonical != want {
            self.mismatches.push((
                Check::Canonical,
                format!("expected canonical {want:?}, we give {:?}", o.canonical),
            ));
        }
    }

    fn finish(self, tally: &mut Tally, used: &mut BTreeSet<(&'static str, Check, &'static str)>) {
        if !self.ran {
            tally
                .skipped
                .entry("nothing to check")
                .and_modify(|n| *n += 1)
                .or_insert(1);
            return;
        }
        tally.checked += 1;
        tally.with_bounds += usize::from(self.bounds_ran);
        if self.mismatches.is_empty() {
            tally.agree += 1;
            return;
        }
        let mut all_documented = true;
        for (check, what) in &self.mismatches {
            match documented(self.file, *check, self.input) {
                Some(key) => {
                    used.insert(key);
                }
                None => {
                    all_documented = false;
                    tally.failures.push(format!(
                        "{} {:?}: {:?}: {what}",
                        self.file, self.input, check
                    ));
                }
            }
        }
        if all_documented {
            tally.policy += 1;
        }
    }
}

fn documented(
    file: &'static str,
    check: Check,
    input: &str,
) -> Option<(&'static str, Check, &'static str)> {
    POLICY_DIFFERENCES
        .iter()
        .filter(|d| d.file == file && d.check == check)
        .find_map(|d| d.inputs.iter().find(|i| **i == input))
        .map(|i| (file, check, *i))
}

fn cases(v: &Value) -> &Vec<Value> {
    v["cases"].as_array().expect("a `cases` array")
}

fn input_of(c: &Value) -> &str {
    c["input"].as_str().expect("an `input` string")
}

fn expect_valid(c: &Value) -> Option<bool> {
    match c.get("expect").and_then(Value::as_str) {
        Some("valid") => Some(true),
        Some("invalid") => Some(false),
        None => None,
        Some(other) => panic!("unknown expect {other:?}"),
    }
}

type Used = BTreeSet<(&'static str, Check, &'static str)>;

/// Run one vector file; every accepted input is also collected for the round-trip check.
fn run_file(
    name: &'static str,
    json: &Value,
    used: &mut Used,
    accepted: &mut BTreeSet<String>,
) -> Tally {
    let mut t = Tally::default();
    for c in cases(json) {
        t.cases += 1;
        let skip = |t: &mut Tally, why: &'static str| {
            *t.skipped.entry(why).or_insert(0) += 1;
        };
        let input = input_of(c);
        let mut case = Case::new(name, input);
        if case.accepted() {
            accepted.insert(input.to_string());
        }
        match name {
            // The LoC examples and edtf-core's strict re-judgement: verdicts at face value.
            "loc-spec-examples.json" | "edtf-core-interop-verdicts.json" => {
                case.verdict(expect_valid(c).expect("expect"));
            }
            "edtfjs-parser.json" => {
                if c.get("level").and_then(Value::as_u64) == Some(3) {
                    skip(&mut t, "edtf.js level 3 (non-standard)");
                    continue;
                }
                if c.get("options").is_some() {
                    skip(&mut t, "edtf.js parse() options");
                    continue;
                }
                case.verdict(expect_valid(c).expect("expect"));
            }
            "edtfjs-bounds.json" => {
                // The suite builds these objects, so they are valid unless it says otherwise.
                case.verdict(expect_valid(c).unwrap_or(true));
                case.bounds(
                    c.get("min").and_then(norm_bound),
                    c.get("max").and_then(norm_bound),
                );
            }
            "python-edtf-examples.json" => {
                case.verdict(expect_valid(c).expect("expect"));
                case.bounds(
                    c.get("lower_strict").and_then(norm_bound),
                    c.get("upper_strict").and_then(norm_bound),
                );
            }
            "edtf-ruby-specs.json" => {
                match c["syntax"].as_str() {
                    // Legacy 2011/2012 draft syntax must be rejected, whatever edtf-ruby does.
                    Some("draft2012") => case.verdict(false),
                    Some("edtf2019") => {
                        case.verdict(expect_valid(c).expect("expect"));
                        // interval_spec.rb: null means "no bound given", not unknown.
                        case.bounds(
                            c.get("min").and_then(norm_bound),
                            c.get("max").and_then(norm_bound),
                        );
                    }
                    other => panic!("edtf-ruby syntax {other:?}"),
                }
            }
            "edtf-rs-tests.json" => {
                if c.get("enforced").and_then(Value::as_bool) == Some(false) {
                    skip(&mut t, "assertion never run upstream (enforced:false)");
                    continue;
                }
                let api = c["api"].as_str().expect("api");
                let want = expect_valid(c).expect("expect");
                // A rejection by a level-limited or date-only API is not a verdict on the
                // string: it agrees with us when we need a higher level or give another kind.
                let api_level: u8 = api[6..7].parse().expect("level_N");
                let date_only = api.contains("::Date::");
                let beyond_api = case.ours.as_ref().is_some_and(|o| {
                    o.level > api_level
                        || (date_only && (o.canonical.contains(['/', '[', '{', 'T'])))
                });
                if !want && beyond_api {
                    case.ran = true;
                } else {
                    case.verdict(want);
                }
            }
            "cross-impl-results.json" => {
                // Our policy is edtf-core's: its verdict, bounds and canonical form.
                case.verdict(c["edtfcore_ok"].as_bool().expect("edtfcore_ok"));
                if c["edtfcore_ok"].as_bool() == Some(true) {
                    case.bounds(
                        norm_bound(&c["edtfcore_earliest"]),
                        norm_bound(&c["edtfcore_latest"]),
                    );
                    case.canonical(c["edtfcore_canonical"].as_str().expect("canonical"));
                }
            }
            other => panic!("no rules for vector file {other}: add them to this test"),
        }
        case.finish(&mut t, used);
    }
    t
}

/// The files this test knows, in table order. Every `*.json` in the folder must be here.
const FILES: &[&str] = &[
    "loc-spec-examples.json",
    "edtf-core-interop-verdicts.json",
    "edtfjs-parser.json",
    "edtfjs-bounds.json",
    "python-edtf-examples.json",
    "edtf-ruby-specs.json",
    "edtf-rs-tests.json",
    "cross-impl-results.json",
];
const NATLANG: &str = "python-edtf-natlang.json";

fn load(dir: &Path, name: &str) -> Value {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Natural-language vectors: how many of python-edtf's readings we share. Our conventions
/// differ by design (see the list at [`NATLANG_FLOOR`]), so this only guards against regressions.
fn run_natlang(json: &Value, readings: &mut BTreeSet<String>) -> (usize, usize, Vec<String>) {
    let mut agree = 0;
    let mut differ = Vec::new();
    let all = cases(json);
    for c in all {
        let t = c["text"].as_str().expect("text");
        let expected = c["expected_edtf"].as_str();
        let got = text::read(t, CalendarHint::Auto);
        if let Ok(r) = &got {
            readings.insert(r.edtf.clone());
        }
        // python-edtf's output in canonical form where it is strict EDTF (`1860~` stays, a
        // qualified or spaced form becomes ours), else as written.
        let want = expected.map(|e| Edtf::parse(e).map_or(e.to_string(), |x| x.canonical()));
        let same = match (&got, &want) {
            (Err(_), None) => true,
            (Ok(r), Some(w)) => r.edtf == *w,
            _ => false,
        };
        if same {
            agree += 1;
        } else {
            differ.push(format!(
                "{t:?}: python-edtf {:?}, we {}",
                expected,
                match &got {
                    Ok(r) => format!("{:?}", r.edtf),
                    Err(e) => format!("refuse ({})", short(e)),
                }
            ));
        }
    }
    (all.len(), agree, differ)
}

fn short(e: &DateError) -> &'static str {
    match e {
        DateError::Edtf { .. } => "edtf",
        DateError::Unrecognised(_) => "unrecognised",
        DateError::NoSuchDay(_) => "no such day",
        DateError::OutOfRange(_) => "out of range",
        DateError::Invalid(_) => "invalid",
    }
}

/// How many natural-language texts must read as python-edtf reads them: what we reach today
/// (62 of 136), so it cannot regress. Raise it when the reader learns more.
///
/// Where we differ by design (set `ANNALS_NATLANG_DIFF=1` to list every case):
/// - alternatives: "1863 or 1864" is the one-of set `[1863,1864]`, python-edtf keeps the first
///   year; "1858/1860" is strict EDTF (the interval), python-edtf writes `[1858, 1860]`;
/// - "before 1928" is `[..1927]` (1927 or earlier) and "after 1928" `[1929..]`; python-edtf
///   writes the unknown-ended intervals `/1928` and `1928/`;
/// - "the 1900s" is the century `19XX` everywhere; python-edtf makes "c1900s" and "about the
///   1900s" the first decade, `190X~`;
/// - a range into a decade or century part ends where that part ends ("1857-mid 1860s" =
///   1857/1866, "1920s -early 1930s" = 192X/1932), python-edtf ends on the whole decade;
/// - strict EDTF reads as itself: "1910-30" is the EDTF sub-year code 30 (southern summer of
///   1910), not 1910/1930 (written with an en dash, "1910–30", it is the range);
/// - BC years are astronomical: "c64 BCE" is `-0063~` (python-edtf: `-0064~`, off by one);
///   "90" is AD 90, not 1990;
/// - no guessing: a month or day without a year ("January", "January 12"), US numeric dates
///   ("10/7/2008", "7/2008"), "19c"/"10c", "day in 1872", "decade in 1800s", "1862 maybe",
///   "uncertain: 1862" and lead words ("active 1910-30") are refused;
/// - trailing notes ("1863, printed 1870", "1900; 1973", "1861-67 (later print)") are refused
///   rather than dropped, and so are words that merely contain a date word ("notcirca 1860",
///   "attica 1802").
const NATLANG_FLOOR: usize = 62;

#[test]
fn edtf_vectors() {
    let dir = vectors_dir();
    if !dir.is_dir() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "CI=true and ../shared/edtf-vectors not found at {}",
            dir.display()
        );
        support::skipped("../shared/edtf-vectors not found");
        return;
    }

    // Every vector file must have rules here.
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("read ../shared/edtf-vectors")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    for name in &present {
        assert!(
            FILES.contains(&name.as_str()) || name == NATLANG,
            "vector file {name} has no rules in tests/conformance.rs"
        );
    }

    let mut used = Used::new();
    let mut accepted = BTreeSet::new();
    let mut failures = Vec::new();
    let mut rows = Vec::new();
    for name in FILES {
        if !present.contains(*name) {
            failures.push(format!("{name}: missing from {}", dir.display()));
            continue;
        }
        let t = run_file(name, &load(&dir, name), &mut used, &mut accepted);
        failures.extend(t.failures.iter().cloned());
        rows.push((*name, t));
    }

    say("\nEDTF conformance (../shared/edtf-vectors)");
    say(&format!(
        "{:<34} {:>6} {:>8} {:>7} {:>6} {:>7} {:>8}  disagree",
        "file", "cases", "checked", "bounds", "agree", "policy", "skipped"
    ));
    let mut sum = Tally::default();
    for (name, t) in &rows {
        say(&format!(
            "{:<34} {:>6} {:>8} {:>7} {:>6} {:>7} {:>8}  {}",
            name,
            t.cases,
            t.checked,
            t.with_bounds,
            t.agree,
            t.policy,
            t.skipped_total(),
            t.failures.len()
        ));
        for (why, n) in &t.skipped {
            say(&format!("{:<34}   skipped {n}: {why}", ""));
        }
        sum.cases += t.cases;
        sum.checked += t.checked;
        sum.with_bounds += t.with_bounds;
        sum.agree += t.agree;
        sum.policy += t.policy;
        *sum.skipped.entry("all").or_insert(0) += t.skipped_total();
    }
    say(&format!(
        "{:<34} {:>6} {:>8} {:>7} {:>6} {:>7} {:>8}  {}",
        "total",
        sum.cases,
        sum.checked,
        sum.with_bounds,
        sum.agree,
        sum.policy,
        sum.skipped_total(),
        failures.len()
    ));

    // Canonical round trip for every accepted input: the canonical form parses to itself.
    let mut round_trip_failures = Vec::new();
    let mut readings = BTreeSet::new();
    let (nl_cases, nl_agree, nl_differ) = if present.contains(NATLANG) {
        run_natlang(&load(&dir, NATLANG), &mut readings)
    } else {
        failures.push(format!("{NATLANG}: missing"));
        (0, 0, Vec::new())
    };
    for input in accepted.iter().chain(readings.iter()) {
        let first = ours(input).expect("accepted");
        match ours(&first.canonical) {
            Some(again) if again == first => {}
            other => round_trip_failures.push(format!(
                "{input:?} -> {:?} -> {:?}",
                first.canonical,
                other.map(|o| o.canonical)
            )),
        }
    }
    say(&format!(
        "canonical round trip: {} accepted inputs and text readings, {} failures",
        accepted.len() + readings.len(),
        round_trip_failures.len()
    ));
    say(&format!(
        "{NATLANG}: {nl_agree} of {nl_cases} read as python-edtf reads them (floor {NATLANG_FLOOR})"
    ));
    if std::env::var_os("ANNALS_NATLANG_DIFF").is_some() {
        for d in &nl_differ {
            say(&format!("  differs: {d}"));
        }
    }

    // Documented differences that no longer differ must be removed from the list.
    let mut stale = Vec::new();
    for d in POLICY_DIFFERENCES {
        for i in d.inputs {
            if !used.contains(&(d.file, d.check, *i)) {
                stale.push(format!("{} {:?} {i:?} ({})", d.file, d.check, d.reason));
            }
        }
    }

    for f in &failures {
        say(&format!("DISAGREE {f}"));
    }
    for f in &round_trip_failures {
        say(&format!("ROUND TRIP {f}"));
    }
    for s in &stale {
        say(&format!("STALE EXCEPTION {s}"));
    }
    assert!(
        failures.is_empty() && round_trip_failures.is_empty() && stale.is_empty(),
        "{} disagreements, {} round-trip failures, {} stale exceptions (see above)",
        failures.len(),
        round_trip_failures.len(),
        stale.len()
    );
    assert!(
        nl_agree >= NATLANG_FLOOR,
        "natural-language agreement fell to {nl_agree} (floor {NATLANG_FLOOR})"
    );
}
