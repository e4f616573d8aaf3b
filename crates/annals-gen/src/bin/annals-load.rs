//! `annals-load`: mixed traffic against a running `annals serve`, for the soak benchmark
//! (`bench/soak.sh`, docs/benchmarks.md). Legitimate clients read events (cheap), hammer the
//! heaviest pages (searches, the timeline, the map, the home page) and write; hostile clients
//! dribble headers (slowloris), announce huge bodies without a token, and send bodies too
//! slowly. Prints, per class of legitimate client, the requests, the errors and the latency
//! percentiles, and samples the server's resident memory into a CSV file.
//!
//! ```text
//! annals-load --addr 127.0.0.1:8080 --token TOKEN --seconds 600 --pid PID --rss rss.csv
//! ```
//!
//! Only the standard library: one thread per client, HTTP/1.1 with `Connection: close`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What to run.
struct Args {
    addr: SocketAddr,
    token: Option<String>,
    seconds: u64,
    cheap: usize,
    heavy: usize,
    searchers: usize,
    writers: usize,
    hostile: bool,
    pid: Option<u32>,
    rss: Option<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: annals-load --addr HOST:PORT [--token T] [--seconds 600] [--cheap 2] [--heavy 8] \
         [--searchers 0] [--writers 2] [--no-hostile] [--pid PID --rss FILE.csv]"
    );
    std::process::exit(2)
}

fn args() -> Args {
    let mut a = Args {
        addr: "127.0.0.1:8080".parse().unwrap_or_else(|_| usage()),
        token: None,
        seconds: 600,
        cheap: 2,
        heavy: 8,
        searchers: 0,
        writers: 2,
        hostile: true,
        pid: None,
        rss: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--addr" => a.addr = value().parse().unwrap_or_else(|_| usage()),
            "--token" => a.token = Some(value()),
            "--seconds" => a.seconds = value().parse().unwrap_or_else(|_| usage()),
            "--cheap" => a.cheap = value().parse().unwrap_or_else(|_| usage()),
            "--heavy" => a.heavy = value().parse().unwrap_or_else(|_| usage()),
            "--searchers" => a.searchers = value().parse().unwrap_or_else(|_| usage()),
            "--writers" => a.writers = value().parse().unwrap_or_else(|_| usage()),
            "--no-hostile" => a.hostile = false,
            "--pid" => a.pid = Some(value().parse().unwrap_or_else(|_| usage())),
            "--rss" => a.rss = Some(value()),
            _ => usage(),
        }
    }
    a
}

/// One exchange: the status (0 when the connection failed) and the body.
fn exchange(addr: SocketAddr, request: &[u8]) -> (u16, Vec<u8>) {
    let Ok(mut c) = TcpStream::connect_timeout(&addr, Duration::from_secs(10)) else {
        return (0, Vec::new());
    };
    let _ = c.set_read_timeout(Some(Duration::from_secs(60)));
    if c.write_all(request).is_err() {
        return (0, Vec::new());
    }
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    let status = std::str::from_utf8(&out[..out.len().min(16)])
        .ok()
        .and_then(|h| h.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(Vec::new(), |i| out[i + 4..].to_vec());
    (status, body)
}

fn get(addr: SocketAddr, path: &str) -> (u16, Vec<u8>) {
    exchange(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: load\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

/// What one class of clients saw.
#[derive(Default)]
struct Tally {
    micros: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
}

impl Tally {
    fn record(&mut self, started: Instant, status: u16, ok: &[u16], what: &str) {
        self.micros
            .push(started.elapsed().as_micros().min(u32::MAX as u128) as u32);
        if !ok.contains(&status) {
            self.errors += 1;
            self.first_error
                .get_or_insert_with(|| format!("{what}: {status}"));
        }
    }
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

/// A tiny deterministic random number generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// The ids of the first page of the export.
fn ids(addr: SocketAddr) -> Vec<String> {
    let (status, body) = get(addr, "/api/export?limit=10000");
    if status != 200 {
        eprintln!("annals-load: the export answered {status}");
        std::process::exit(1);
    }
    String::from_utf8_lossy(&body)
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v["id"].as_str()?.to_string())
        })
        .collect()
}

const HEAVY: &[&str] = &[
    "/",
    "/search?q=war+treaty",
    "/timeline",
    "/map",
    "/search?q=battle+date%3A1800..1900",
    "/api/timeline?buckets=60&top=3&links=true",
    "/api/points?limit=5000",
    "/api/search?q=revolution&limit=20",
];

/// What the search page readers ask (URL-encoded words of the generated corpus's kind).
const SEARCHES: &[&str] = &[
    "battle",
    "treaty",
    "war+treaty",
    "revolution",
    "coronation",
    "fire",
    "flood",
    "election",
    "siege",
    "earthquake",
    "founding",
    "peace+conference",
];

/// Periods added to a third of the searches.
const PERIODS: &[&str] = &[
    "+date%3A1800..1900",
    "+date%3A-0499..0500",
    "+date%3A1939..1945",
];

/// A memory figure of `/proc/PID/status` in kB: `VmRSS` (all resident memory), `RssAnon` (the
/// heap: what a leak grows) or `RssFile` (mapped files: the index, read through the page cache).
fn status_kb(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    let a = args();
    let ids = Arc::new(ids(a.addr));
    if ids.is_empty() {
        eprintln!("annals-load: the database holds no events");
        std::process::exit(1);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let classes = [
        "event (API)",
        "event page",
        "heavy pages",
        "writes",
        "search page",
    ];
    let tallies: Vec<Arc<Mutex<Tally>>> = classes
        .iter()
        .map(|_| Arc::new(Mutex::new(Tally::default())))
        .collect();
    let mut threads = Vec::new();
    // Cheap readers: an event through the API, and its page.
    for n in 0..a.cheap {
        for (class, page) in [(0usize, false), (1, true)] {
            let (ids, stop, tally, addr) =
                (ids.clone(), stop.clone(), tallies[class].clone(), a.addr);
            threads.push(std::thread::spawn(move || {
                let mut rng = Rng(0x9e37_79b9 + n as u64 * 31 + class as u64);
                while !stop.load(Ordering::Relaxed) {
                    let id = rng.pick(&ids);
                    let path = if page {
                        format!("/events/{id}")
                    } else {
                        format!("/api/events/{id}")
                    };
                    let t = Instant::now();
                    let (status, _) = get(addr, &path);
                    tally.lock().unwrap().record(t, status, &[200], &path);
                    std::thread::sleep(Duration::from_millis(20));
                }
            }));
        }
    }
    // Readers of the search page: a word or two, sometimes a period, as people search.
    for n in 0..a.searchers {
        let (stop, tally, addr) = (stop.clone(), tallies[4].clone(), a.addr);
        threads.push(std::thread::spawn(move || {
            let mut rng = Rng(0x51ed_2701 + n as u64 * 17);
            while !stop.load(Ordering::Relaxed) {
                let mut q = rng.pick(SEARCHES).to_string();
                if rng.next().is_multiple_of(3) {
                    let period: &&str = rng.pick(PERIODS);
                    q.push_str(period);
                }
                let path = format!("/search?q={q}");
                let t = Instant::now();
                let (status, _) = get(addr, &path);
                tally.lock().unwrap().record(t, status, &[200], &path);
                std::thread::sleep(Duration::from_millis(20));
            }
        }));
    }
    // Heavy readers, back to back.
    for n in 0..a.heavy {
        let (stop, tally, addr) = (stop.clone(), tallies[2].clone(), a.addr);
        threads.push(std::thread::spawn(move || {
            let mut i = n;
            while !stop.load(Ordering::Relaxed) {
                let path = HEAVY[i % HEAVY.len()];
                i += 1;
                let t = Instant::now();
                let (status, _) = get(addr, path);
                tally.lock().unwrap().record(t, status, &[200], path);
            }
        }));
    }
    // Writers: add an event, or rewrite one's summary, a few times a second (ids unique to
    // this run, so that a database used before takes them as new).
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    if let Some(token) = &a.token {
        for n in 0..a.writers {
            let (stop, tally, addr, token) =
                (stop.clone(), tallies[3].clone(), a.addr, token.clone());
            threads.push(std::thread::spawn(move || {
                let mut k = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    k += 1;
                    let body = format!(
                        r#"{{"id": "soak-{run:x}-{n}-{}", "title": "Soak write {n} {k}", "date": "2001", "summary": "Written by the soak test, round {k}."}}"#,
                        k % 500
                    );
                    let (method, path) = if k <= 500 {
                        ("POST", "/api/events".to_string())
                    } else {
                        ("PUT", format!("/api/events/soak-{run:x}-{n}-{}", k % 500))
                    };
                    let req = format!(
                        "{method} {path} HTTP/1.1\r\nHost: load\r\nConnection: close\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    let t = Instant::now();
                    let (status, _) = exchange(addr, req.as_bytes());
                    tally.lock().unwrap().record(t, status, &[200, 201], &path);
                    std::thread::sleep(Duration::from_millis(250));
                }
            }));
        }
    }
    // Hostile clients: their answers are not counted; the server must just survive them.
    let hostile_seen = Arc::new(Mutex::new(std::collections::BTreeMap::<u16, u64>::new()));
    if a.hostile {
        let (halt, addr) = (stop.clone(), a.addr);
        threads.push(std::thread::spawn(move || {
            let mut open: Vec<TcpStream> = Vec::new();
            while !halt.load(Ordering::Relaxed) {
                // Keep 50 slowloris connections, replacing those the server closed.
                open.retain_mut(|c| c.write_all(b"X-a: b\r\n").is_ok());
                while open.len() < 50 {
                    match TcpStream::connect(addr) {
                        Ok(mut c) => {
                            let _ = c.set_nonblocking(true);
                            let _ = c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n");
                            open.push(c);
                        }
                        Err(_) => break,
                    }
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        }));
        let (halt, addr, seen) = (stop.clone(), a.addr, hostile_seen.clone());
        threads.push(std::thread::spawn(move || {
            while !halt.load(Ordering::Relaxed) {
                // A huge body announced without a token, then pushed anyway.
                if let Ok(mut c) = TcpStream::connect(addr) {
                    let _ = c.set_read_timeout(Some(Duration::from_secs(5)));
                    let _ = c.set_write_timeout(Some(Duration::from_secs(2)));
                    let _ = c.write_all(
                        b"POST /api/import HTTP/1.1\r\nHost: x\r\nContent-Length: 16777216\r\n\r\n",
                    );
                    let _ = c.write_all(&vec![b'x'; 1 << 20]);
                    let mut head = [0u8; 16];
                    let n = c.read(&mut head).unwrap_or(0);
                    let status = std::str::from_utf8(&head[..n])
                        .ok()
                        .and_then(|h| h.split(' ').nth(1))
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    *seen.lock().unwrap().entry(status).or_default() += 1;
                }
                std::thread::sleep(Duration::from_secs(2));
            }
        }));
    }
    // The server's memory, every 5 s.
    let started = Instant::now();
    let mut rss_rows = String::from("seconds,rss_mb,anon_mb,file_mb\n");
    let mut rss_all = Vec::new();
    while started.elapsed() < Duration::from_secs(a.seconds) {
        if let Some(pid) = a.pid {
            let mb = |key| status_kb(pid, key).map_or(0.0, |kb| kb as f64 / 1024.0);
            let (rss, anon, file) = (mb("VmRSS:"), mb("RssAnon:"), mb("RssFile:"));
            rss_rows.push_str(&format!(
                "{},{rss:.1},{anon:.1},{file:.1}\n",
                started.elapsed().as_secs()
            ));
            rss_all.push((rss, anon));
        }
        std::thread::sleep(Duration::from_secs(5));
    }
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        let _ = t.join();
    }
    if let Some(path) = &a.rss {
        if let Err(e) = std::fs::write(path, &rss_rows) {
            eprintln!("annals-load: {path}: {e}");
        }
    }
    println!(
        "{:<14} {:>9} {:>7} {:>9} {:>9} {:>9}",
        "class", "requests", "errors", "p50 ms", "p99 ms", "max ms"
    );
    let mut errors = 0;
    for (name, tally) in classes.iter().zip(&tallies) {
        let mut t = tally.lock().unwrap();
        t.micros.sort_unstable();
        errors += t.errors;
        println!(
            "{:<14} {:>9} {:>7} {:>9.2} {:>9.2} {:>9.2}",
            name,
            t.micros.len(),
            t.errors,
            percentile(&t.micros, 0.5),
            percentile(&t.micros, 0.99),
            percentile(&t.micros, 1.0)
        );
        if let Some(e) = &t.first_error {
            println!("  first error: {e}");
        }
    }
    if !rss_all.is_empty() {
        // After the first minute (the caches of the index are made then), per minute.
        let report = |name: &str, of: fn(&(f64, f64)) -> f64| {
            let (lo, hi) = rss_all
                .iter()
                .map(of)
                .fold((f64::MAX, 0f64), |(lo, hi), x| (lo.min(x), hi.max(x)));
            let minutes: Vec<String> = rss_all
                .chunks(12)
                .map(|c| format!("{:.0}", c.iter().map(of).sum::<f64>() / c.len() as f64))
                .collect();
            println!(
                "server {name}: min {lo:.0} MB, max {hi:.0} MB; per minute: {}",
                minutes.join(" ")
            );
        };
        report("RSS", |x| x.0);
        report("heap (RssAnon)", |x| x.1);
    }
    println!("hostile answers: {:?}", hostile_seen.lock().unwrap());
    if errors > 0 {
        std::process::exit(1);
    }
}
