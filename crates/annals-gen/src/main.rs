//! `annals-gen`: a seeded generator of synthetic historical events for benchmarks.
//!
//! `annals-gen --events N --seed S > out.jsonl` writes N events in annals' native JSON Lines
//! (`docs/formats/json.md`), with realistic field sizes: a title of 4–12 words, a summary of 1–3
//! sentences, a body of 0–5 paragraphs, 0–3 places (real cities with their country and, for
//! about 60%, coordinates), 1–5 participants, 0–3 tags and a plain EDTF date, mostly of day or
//! year precision, spread from deep time (rare) through BC to the present. Ids are
//! `gen-000001`, ... so other engines loaded from the same file share them.
//!
//! The output is a pure function of `(N, S)`: the same arguments give the same bytes on every
//! machine. Words are drawn with a Zipf law from a fixed vocabulary (`vocab.rs`): a few hundred
//! history words first, then a long tail of made-up words, so queries range from very common
//! to rare terms.

mod vocab;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use vocab::{CITIES, CONTENT, FAMILY, FUNCTION, GIVEN, KINDS, ORGS, REGIONS, ROLES, TAGS};

const USAGE: &str = "usage: annals-gen [--events N] [--seed S] [--out FILE]\n\
Writes N synthetic events (default 1000) in annals' native JSON Lines to FILE or stdout.\n\
The output depends only on N and S (default seed 1).";

/// Made-up words after the real vocabulary.
const TAIL_WORDS: usize = 40_000;

/// splitmix64: small, fast, and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in lo..=hi.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// An index drawn with the given relative weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Zipf–Mandelbrot ranks in 0..n: P(r) ∝ 1/(r + q). The inverse of the continuous law is
/// tabulated at `2^bits` quantiles (small enough to stay in cache); a draw reads one quantile
/// and picks uniformly among the ranks up to the next one, so every rank can occur.
struct Zipf {
    bits: u32,
    /// `2^bits + 1` ascending rank bounds.
    table: Vec<u32>,
}

impl Zipf {
    fn new(n: usize, q: f64, bits: u32) -> Self {
        let log_span = ((n as f64 + q) / q).ln();
        let size = 1usize << bits;
        let table = (0..=size)
            .map(|i| {
                let u = i as f64 / size as f64;
                ((q * (u * log_span).exp() - q) as usize).min(n - 1) as u32
            })
            .collect();
        Zipf { bits, table }
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let x = rng.next_u64();
        let i = (x >> (64 - self.bits)) as usize;
        let (lo, hi) = (self.table[i] as usize, self.table[i + 1] as usize);
        if hi > lo + 1 {
            // The low bits of the same draw are independent enough of the high ones.
            lo + (((x & 0xFFFF_FFFF) * (hi - lo) as u64) >> 32) as usize
        } else {
            lo
        }
    }
}

/// The same letter without its diacritic, for the vowels the tail words use.
fn fold(c: char) -> char {
    match c {
        'ä' | 'á' | 'å' => 'a',
        'é' | 'è' => 'e',
        'í' => 'i',
        'ö' | 'ó' | 'ø' => 'o',
        'ü' | 'ú' => 'u',
        _ => c,
    }
}

/// The long tail of made-up words: 2–4 consonant-vowel syllables ending in `a` or `o`, unique
/// even with diacritics removed, none equal to a real word. Fixed: independent of the seed.
fn tail_words() -> Vec<String> {
    const CONS: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "tr",
        "br", "kr", "st", "h", "w", "nd", "rt", "lm",
    ];
    const VOWELS: &[&str] = &[
        "a", "e", "i", "o", "u", "a", "e", "i", "o", "u", "y", "ou", "ai",
    ];
    const ACCENTED: &[&str] = &["ä", "ö", "ü", "é", "á", "í", "ó", "å"];
    let mut rng = Rng::new(0x00A1_1A15);
    let mut seen = std::collections::HashSet::new();
    for w in CONTENT {
        seen.insert((*w).to_string());
    }
    let mut out = Vec::with_capacity(TAIL_WORDS);
    while out.len() < TAIL_WORDS {
        let syllables = 2 + rng.below(3);
        let mut w = String::new();
        for i in 0..syllables {
            w.push_str(rng.pick(CONS));
            if i + 1 == syllables {
                w.push_str(if rng.chance(0.5) { "a" } else { "o" });
            } else if rng.chance(0.03) {
                w.push_str(rng.pick(ACCENTED));
            } else {
                w.push_str(rng.pick(VOWELS));
            }
        }
        if seen.insert(w.chars().map(fold).collect()) {
            out.push(w);
        }
    }
    out
}

/// Everything that does not depend on the seed.
struct Model {
    /// Every word, concatenated.
    arena: String,
    /// `offset << 6 | len` of each word in `arena`, by rank.
    spans: Vec<u32>,
    word_law: Zipf,
    function_law: Zipf,
    city_law: Zipf,
}

impl Model {
    fn new() -> Self {
        let mut words: Vec<String> = CONTENT.iter().map(|w| (*w).to_string()).collect();
        words.extend(tail_words());
        let mut arena = String::new();
        let mut spans = Vec::with_capacity(words.len());
        for w in &words {
            assert!(w.len() < 64);
            spans.push(((arena.len() as u32) << 6) | w.len() as u32);
            arena.push_str(w);
        }
        Model {
            arena,
            word_law: Zipf::new(spans.len(), 8.0, 17),
            spans,
            function_law: Zipf::new(FUNCTION.len(), 1.5, 10),
            city_law: Zipf::new(CITIES.len(), 4.0, 12),
        }
    }
}

/// One place of an event.
struct Place {
    name: &'static str,
    country: &'static str,
    coords: Option<(f64, f64)>,
}

struct Generator<'m> {
    model: &'m Model,
    rng: Rng,
}

impl<'m> Generator<'m> {
    fn new(model: &'m Model, seed: u64) -> Self {
        Generator {
            model,
            rng: Rng::new(seed),
        }
    }

    fn place(&mut self) -> Place {
        if self.rng.chance(0.12) {
            let (name, country) = self.rng.pick(REGIONS);
            Place {
                name,
                country,
                coords: None,
            }
        } else {
            let (name, country, lat, lon) = CITIES[self.model.city_law.draw(&mut self.rng)];
            let coords = self.rng.chance(0.68).then_some((lat, lon));
            Place {
                name,
                country,
                coords,
            }
        }
    }

    fn any_place_name(&mut self) -> &'static str {
        if self.rng.chance(0.15) {
            self.rng.pick(REGIONS).0
        } else {
            CITIES[self.model.city_law.draw(&mut self.rng)].0
        }
    }

    fn person(&mut self, out: &mut String) {
        out.push_str(self.rng.pick(GIVEN));
        if self.rng.chance(0.8) {
            out.push(' ');
            out.push_str(self.rng.pick(FAMILY));
        }
    }

    /// Appends `n` words of running text (no capital, no full stop); `names` lets place and
    /// person names (of several words) in.
    fn words(&mut self, n: usize, names: bool, out: &mut String) {
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            let r = self.rng.unit();
            if i > 0 && r < 0.36 {
                out.push_str(FUNCTION[self.model.function_law.draw(&mut self.rng)]);
            } else if names && r > 0.965 {
                out.push_str(self.any_place_name());
            } else if names && r > 0.94 {
                self.person(out);
            } else {
                let span = self.model.spans[self.model.word_law.draw(&mut self.rng)] as usize;
                let (at, len) = (span >> 6, span & 63);
                out.push_str(&self.model.arena[at..at + len]);
            }
        }
    }

    /// `n` sentences of 6–20 words.
    fn sentences(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(160 * n);
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let start = s.len();
            let words = 6 + self.rng.below(15);
            self.words(words, true, &mut s);
            capitalise_at(&mut s, start);
            s.push('.');
        }
        s
    }

    /// 4–12 words; most are "Kind of Place ...".
    fn title(&mut self, place: Option<&'static str>) -> String {
        let target = 4 + self.rng.below(9);
        let mut t = String::with_capacity(96);
        let mut count = 0;
        if self.rng.chance(0.7) {
            let kind = self.rng.pick(KINDS);
            let place = place.unwrap_or_else(|| self.any_place_name());
            t.push_str(kind);
            t.push_str(" of ");
            t.push_str(place);
            count = kind.split(' ').count() + 1 + place.split(' ').count();
        }
        if count < target {
            if count > 0 {
                t.push(' ');
            }
            let start = t.len();
            self.words(target - count, false, &mut t);
            capitalise_at(&mut t, start);
        }
        t
    }

    fn date(&mut self) -> String {
        let r = &mut self.rng;
        let u = r.unit();
        if u < 0.002 {
            // Deep time: 100 thousand to 4.5 billion years ago, two significant digits.
            let years = 10f64.powf(5.0 + r.unit() * 4.65);
            let magnitude = 10f64.powi(years.log10().floor() as i32 - 1);
            let y = -((years / magnitude).round() * magnitude) as i64;
            return format!("Y{y}");
        }
        if u < 0.01 {
            let y = r.between(-99_999, -3001);
            return year_edtf(y);
        }
        let (y, p_year, p_month) = if u < 0.06 {
            (r.between(-3000, -1), 0.65, 0.0)
        } else if u < 0.20 {
            (r.between(0, 1499), 0.40, 0.10)
        } else if u < 0.40 {
            (r.between(1500, 1799), 0.15, 0.07)
        } else {
            (2025 - (226.0 * r.unit().powf(1.6)) as i64, 0.15, 0.07)
        };
        if y >= 1500 {
            let v = r.unit();
            if v < 0.03 {
                let (m, d) = month_day(r, y);
                let (y2, m2, d2) = add_days(y, m, d, r.between(1, 2500));
                return format!("{}/{}", day_edtf(y, m, d), day_edtf(y2, m2, d2));
            }
            if v < 0.05 {
                return format!("{}/{}", year_edtf(y), year_edtf(y + r.between(1, 40)));
            }
            if v < 0.06 && (1800..2020).contains(&y) {
                return format!("{}X", &year_edtf(y)[..3]);
            }
        }
        let v = r.unit();
        if v < p_year {
            year_edtf(y)
        } else if v < p_year + p_month {
            format!("{}-{:02}", year_edtf(y), 1 + r.below(12))
        } else {
            let (m, d) = month_day(r, y);
            day_edtf(y, m, d)
        }
    }

    /// Writes one event as a line of JSON.
    fn event(&mut self, id: &str, line: &mut Vec<u8>) {
        let n_places = self.rng.weighted(&[10, 60, 22, 8]);
        let mut places: Vec<Place> = Vec::with_capacity(3);
        for _ in 0..n_places {
            let p = self.place();
            if !places.iter().any(|q| q.name == p.name) {
                places.push(p);
            }
        }
        let title = self.title(places.first().map(|p| p.name));
        let date = self.date();
        let n_summary = 1 + self.rng.weighted(&[40, 40, 20]);
        let summary = self.sentences(n_summary);
        let n_body = self.rng.weighted(&[25, 30, 20, 12, 8, 5]);

        line.clear();
        line.extend_from_slice(b"{\"id\":");
        json_str(line, id);
        line.extend_from_slice(b",\"title\":");
        json_str(line, &title);
        line.extend_from_slice(b",\"date\":");
        json_str(line, &date);
        line.extend_from_slice(b",\"summary\":");
        json_str(line, &summary);
        line.extend_from_slice(b",\"body\":[");
        for i in 0..n_body {
            if i > 0 {
                line.push(b',');
            }
            let n = 2 + self.rng.below(4);
            let para = self.sentences(n);
            json_str(line, &para);
        }
        line.extend_from_slice(b"],\"places\":[");
        for (i, p) in places.iter().enumerate() {
            if i > 0 {
                line.push(b',');
            }
            line.extend_from_slice(b"{\"name\":");
            json_str(line, p.name);
            line.extend_from_slice(b",\"country\":");
            json_str(line, p.country);
            if let Some((lat, lon)) = p.coords {
                let _ = write!(line, ",\"lat\":{lat},\"lon\":{lon}");
            }
            line.push(b'}');
        }
        line.extend_from_slice(b"],\"participants\":[");
        let n_participants = 1 + self.rng.weighted(&[35, 30, 18, 10, 7]);
        for i in 0..n_participants {
            if i > 0 {
                line.push(b',');
            }
            let mut name = String::new();
            if self.rng.chance(0.3) {
                name.push_str(self.rng.pick(ORGS));
            } else {
                self.person(&mut name);
            }
            line.extend_from_slice(b"{\"name\":");
            json_str(line, &name);
            if self.rng.chance(0.3) {
                line.extend_from_slice(b",\"role\":");
                json_str(line, self.rng.pick(ROLES));
            }
            line.push(b'}');
        }
        line.extend_from_slice(b"],\"tags\":[");
        let n_tags = self.rng.weighted(&[20, 45, 25, 10]);
        let mut tags: Vec<&str> = Vec::with_capacity(3);
        for _ in 0..n_tags {
            let t = self.rng.pick(TAGS);
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        for (i, t) in tags.iter().enumerate() {
            if i > 0 {
                line.push(b',');
            }
            json_str(line, t);
        }
        line.extend_from_slice(b"]}\n");
    }
}

fn capitalise_at(s: &mut String, at: usize) {
    if let Some(c) = s[at..].chars().next() {
        if c.is_lowercase() {
            let upper: String = c.to_uppercase().collect();
            s.replace_range(at..at + c.len_utf8(), &upper);
        }
    }
}

fn json_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *out, s).expect("writing to a Vec cannot fail");
}

fn is_leap(y: i64) -> bool {
    y.rem_euclid(4) == 0 && (y.rem_euclid(100) != 0 || y.rem_euclid(400) == 0)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_day(r: &mut Rng, y: i64) -> (u32, u32) {
    let m = 1 + r.below(12) as u32;
    (m, 1 + r.below(days_in_month(y, m) as usize) as u32)
}

fn add_days(mut y: i64, mut m: u32, mut d: u32, mut n: i64) -> (i64, u32, u32) {
    while n > 0 {
        let left = i64::from(days_in_month(y, m) - d);
        if n <= left {
            d += n as u32;
            break;
        }
        n -= left + 1;
        d = 1;
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    (y, m, d)
}

/// A year in EDTF: `1960`, `0000`, `-0043`, `Y-12000`.
fn year_edtf(y: i64) -> String {
    if !(-9999..=9999).contains(&y) {
        format!("Y{y}")
    } else if y < 0 {
        format!("-{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

fn day_edtf(y: i64, m: u32, d: u32) -> String {
    format!("{}-{m:02}-{d:02}", year_edtf(y))
}

/// Writes `events` events for `seed` to `out`.
fn generate(events: u64, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let model = Model::new();
    let mut g = Generator::new(&model, seed);
    let width = events.to_string().len().max(6);
    let mut line = Vec::with_capacity(8192);
    let mut id = String::with_capacity(16);
    for i in 1..=events {
        id.clear();
        let _ = std::fmt::Write::write_fmt(&mut id, format_args!("gen-{i:0width$}"));
        g.event(&id, &mut line);
        out.write_all(&line)?;
    }
    out.flush()
}

fn parse_args(args: &[String]) -> Result<(u64, u64, Option<String>), String> {
    let (mut events, mut seed, mut path) = (1000u64, 1u64, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--events" | "-n" => {
                events = value(a)?.parse().map_err(|e| format!("--events: {e}"))?;
            }
            "--seed" | "-s" => seed = value(a)?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" | "-o" => path = Some(value(a)?),
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    Ok((events, seed, path))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let (events, seed, path) = match parse_args(&args) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("annals-gen: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match &path {
        Some(p) => std::fs::File::create(p)
            .and_then(|f| generate(events, seed, &mut BufWriter::with_capacity(1 << 20, f))),
        None => generate(
            events,
            seed,
            &mut BufWriter::with_capacity(1 << 20, io::stdout().lock()),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annals-gen: {e}");
            ExitCode::from(4)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn run(events: u64, seed: u64) -> Vec<u8> {
        let mut out = Vec::new();
        generate(events, seed, &mut out).unwrap();
        out
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = run(300, 42);
        assert_eq!(a, run(300, 42));
        assert_ne!(a, run(300, 43));
        // A prefix of a longer run is the shorter run (ids are padded to the same width).
        let long = run(1000, 42);
        assert!(long.starts_with(&a));
    }

    #[test]
    fn events_have_the_documented_shape() {
        let out = String::from_utf8(run(2000, 7)).unwrap();
        let mut with_coords = 0;
        let mut places = 0;
        for (i, line) in out.lines().enumerate() {
            let v: Value = serde_json::from_str(line).unwrap();
            let o = v.as_object().unwrap();
            let keys: Vec<&str> = o.keys().map(String::as_str).collect();
            for k in &keys {
                assert!(
                    [
                        "id",
                        "title",
                        "date",
                        "summary",
                        "body",
                        "places",
                        "participants",
                        "tags"
                    ]
                    .contains(k),
                    "unexpected field {k}"
                );
            }
            assert_eq!(o["id"], format!("gen-{:06}", i + 1));
            let words = o["title"].as_str().unwrap().split(' ').count();
            assert!(
                (4..=12).contains(&words),
                "title of {words} words: {}",
                o["title"]
            );
            let date = o["date"].as_str().unwrap();
            assert!(!date.is_empty());
            assert!(o["summary"].as_str().unwrap().ends_with('.'));
            assert!(o["body"].as_array().unwrap().len() <= 5);
            let ps = o["places"].as_array().unwrap();
            assert!(ps.len() <= 3);
            for p in ps {
                places += 1;
                assert!(p["country"].is_string());
                assert_eq!(p.get("lat").is_some(), p.get("lon").is_some());
                if p.get("lat").is_some() {
                    with_coords += 1;
                }
            }
            assert!((1..=5).contains(&o["participants"].as_array().unwrap().len()));
            assert!(o["tags"].as_array().unwrap().len() <= 3);
        }
        let share = f64::from(with_coords) / f64::from(places);
        assert!(
            (0.5..0.7).contains(&share),
            "{share} of places have coordinates"
        );
    }

    #[test]
    fn edtf_forms() {
        assert_eq!(year_edtf(1960), "1960");
        assert_eq!(year_edtf(0), "0000");
        assert_eq!(year_edtf(-43), "-0043");
        assert_eq!(year_edtf(-12000), "Y-12000");
        assert_eq!(day_edtf(-43, 3, 15), "-0043-03-15");
        assert_eq!(add_days(1999, 12, 31, 1), (2000, 1, 1));
        assert_eq!(add_days(2000, 2, 28, 1), (2000, 2, 29));
        assert_eq!(add_days(1900, 2, 28, 1), (1900, 3, 1));
    }

    #[test]
    fn tail_words_are_unique_and_stem_proof() {
        let words = tail_words();
        assert_eq!(words.len(), TAIL_WORDS);
        let folded: std::collections::HashSet<String> = words
            .iter()
            .map(|w| w.chars().map(fold).collect())
            .collect();
        assert_eq!(folded.len(), words.len());
        for w in &words {
            assert!(w.ends_with('a') || w.ends_with('o'));
            assert!(!CONTENT.contains(&w.as_str()));
        }
    }
}
