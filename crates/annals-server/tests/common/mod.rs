//! Helpers of the server's tests: a real server on a loopback port, and a plain HTTP/1.1
//! client over TCP.
#![allow(dead_code)] // each test file uses a different subset

use annals_server::{App, Config, Limits};
use annals_store::accounts::{Role, Scope};
use annals_store::{EventStore, SqliteStore};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;

pub const TOKEN: &str = "test-token-0123456789";

pub const PASSWORD: &str = "a long enough password";

pub fn store(s: &Server) -> SqliteStore {
    SqliteStore::open(&s.db).unwrap()
}

/// A user with `role` and a token of `scope`; returns the token.
pub fn user(s: &Server, name: &str, role: Role, scope: Scope) -> String {
    let st = store(s);
    st.accounts().add_user(name, PASSWORD, role).unwrap();
    st.accounts().new_token(name, scope, "test").unwrap().1
}

pub struct Server {
    pub addr: std::net::SocketAddr,
    /// The database the server serves.
    #[allow(dead_code)]
    pub db: std::path::PathBuf,
    _dir: tempfile::TempDir,
    _runtime: tokio::runtime::Runtime,
}

pub fn start(token: Option<&str>) -> Server {
    start_with(token, Limits::default())
}

pub fn start_with(token: Option<&str>, limits: Limits) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut config = Config::new(db.clone(), token.map(str::to_string));
    config.limits = limits;
    serve_in(dir, config)
}

/// A server of `config` (its database in a directory of its own).
pub fn start_config(config: Config) -> Server {
    let dir = tempfile::tempdir().unwrap();
    serve_in(dir, config)
}

fn serve_in(dir: tempfile::TempDir, config: Config) -> Server {
    // The SQLite file, when the store is one (empty for PostgreSQL).
    let db = config.db.file().map(Path::to_path_buf).unwrap_or_default();
    let app = App::open(config).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(annals_server::serve(Arc::new(app), listener));
    Server {
        addr,
        db,
        _dir: dir,
        _runtime: runtime,
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: String,
    /// The body's bytes (a picture's).
    pub raw: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("")
            .to_string()
    }
}

pub fn request(
    s: &Server,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut c = TcpStream::connect(s.addr).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    c.write_all(head.as_bytes()).unwrap();
    let _ = c.write_all(body);
    let mut raw = Vec::new();
    let _ = c.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let body = raw.get(split + 4..).unwrap_or_default();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // Undo chunked transfer encoding, if any.
    let raw = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_vec()
    };
    Reply {
        status,
        headers: head.to_string(),
        body: String::from_utf8_lossy(&raw).to_string(),
        raw,
    }
}

/// Undo chunked transfer encoding, byte for byte (a chunk may end inside a character).
pub fn dechunk(mut s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = s.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&s[..eol]);
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        let rest = &s[eol + 2..];
        if n == 0 || rest.len() < n {
            break;
        }
        out.extend_from_slice(&rest[..n]);
        s = rest[n..].strip_prefix(b"\r\n").unwrap_or(&rest[n..]);
    }
    out
}

pub fn get(s: &Server, path: &str) -> Reply {
    request(s, "GET", path, &[], b"")
}

pub fn auth() -> (&'static str, String) {
    ("Authorization", format!("Bearer {TOKEN}"))
}

pub fn post(s: &Server, path: &str, body: &str) -> Reply {
    let (k, v) = auth();
    request(
        s,
        "POST",
        path,
        &[(k, &v), ("Content-Type", "application/json")],
        body.as_bytes(),
    )
}

/// Post the sign-in form (from the page's own origin); the server's answer (303 and a session
/// cookie when the name and password are right).
pub fn sign_in_form(s: &Server, name: &str, password: &str) -> Reply {
    let body = format!("name={name}&password={}", password.replace(' ', "+"));
    request(
        s,
        "POST",
        "/signin",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", "http://x"),
        ],
        body.as_bytes(),
    )
}

/// The value of a response header (case-insensitive name).
pub fn header(r: &Reply, name: &str) -> Option<String> {
    r.headers
        .lines()
        .find(|l| {
            l.split_once(':')
                .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case(name))
        })
        .map(|l| l.split_once(':').unwrap().1.trim().to_string())
}

/// Sign in through the form; the session cookie and the CSRF token of its pages.
pub fn sign_in(s: &Server, name: &str) -> (String, String) {
    let r = sign_in_form(s, name, PASSWORD);
    assert_eq!(r.status, 303, "{}", r.body);
    let cookie = header(&r, "set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let cookie = cookie.split(';').next().unwrap().to_string();
    let page = request(s, "GET", "/events/new", &[("Cookie", &cookie)], b"");
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = page
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    (cookie, csrf)
}
