//! The first ten minutes of a new user (issue 18): every command of the README's code blocks runs
//! as written on a fresh clone, and the CLI says plainly what went wrong.
//!
//! The README test reads every line of README.md's fenced code blocks that is a command
//! (`cargo run --release -- ARGS`, `annals ARGS` or `$ annals ARGS`; a trailing `# comment` is
//! dropped, the arguments are split as a POSIX shell splits them) and runs `annals ARGS` with the
//! debug binary, in README order, in a fresh temporary working directory: no `annals.db` at
//! first, no `ANNALS_DB`, no `../shared` beside it, and only `examples/` of the repository
//! (linked in, as a clone has it). Each must exit 0.
//!
//! Two kinds of command are handled apart:
//! - commands that serve until stopped (`serve`, and `demo` without `--no-serve`) are started
//!   with `--addr 127.0.0.1:0` added (so that a busy 8080 on a shared machine does not fail the
//!   test; the flag is the README's own advice when the port is taken), must say where they
//!   listen and answer `GET /` with 200 within a minute, and are then stopped with SIGTERM and
//!   must exit 0;
//! - every other command must exit 0 within its own run.

mod common;
use common::server::{get, status_of};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Split a command line as a POSIX shell does, for the quoting the README uses: single quotes,
/// double quotes (with `\"` and `\\` inside), backslash escapes; an unquoted `#` after a space
/// starts a comment.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    w.push(c);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"' | '\\' | '$' | '`')) => {
                            w.push(chars.next().unwrap());
                        }
                        _ => w.push(c),
                    }
                }
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    word.get_or_insert_with(String::new).push(n);
                }
            }
            '#' if word.is_none() => break,
            c if c.is_whitespace() => {
                if let Some(w) = word.take() {
                    words.push(w);
                }
            }
            _ => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// The arguments of every command in README.md's code blocks, with the line each came from.
fn readme_commands() -> Vec<(String, Vec<String>)> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let mut in_block = false;
    let mut out = Vec::new();
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        let l = line.trim();
        let l = l.strip_prefix("$ ").unwrap_or(l);
        let args = if let Some(rest) = l.strip_prefix("cargo run --release -- ") {
            rest
        } else if let Some(rest) = l.strip_prefix("annals ") {
            rest
        } else {
            continue;
        };
        out.push((line.trim().to_string(), shell_words(args)));
    }
    out
}

/// Does this command serve until it is stopped?
fn serves(args: &[String]) -> bool {
    let sub = args.iter().find(|a| !a.starts_with('-'));
    match sub.map(String::as_str) {
        Some("serve") => true,
        Some("demo") => !args.iter().any(|a| a == "--no-serve"),
        _ => false,
    }
}

fn annals_in(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_annals"));
    c.current_dir(dir)
        .env_remove("ANNALS_DB")
        .env("RUST_LOG", "warn");
    c
}

/// Run a serving command until it answers `GET /`, then stop it.
fn run_served(dir: &Path, line: &str, args: &[String]) {
    let mut child = annals_in(dir)
        .args(args)
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut said = String::new();
        for l in BufReader::new(stderr).lines().map_while(Result::ok) {
            said.push_str(&l);
            said.push('\n');
            if let Some(at) = l.split("at http://").nth(1) {
                let _ = tx.send(Ok(at.split('/').next().unwrap_or("").to_string()));
            }
        }
        let _ = tx.send(Err(said));
    });
    let addr = match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(Ok(addr)) => addr,
        other => {
            let _ = child.kill();
            panic!("README: `{line}` did not say where it serves: {other:?}");
        }
    };
    let reply = get(addr.parse().unwrap(), "/");
    let status = status_of(&reply);
    let stopped = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    let exit = child.wait().unwrap();
    assert_eq!(status, 200, "README: `{line}`: GET / answered {status}");
    assert!(
        stopped && exit.success(),
        "README: `{line}` did not stop cleanly: {exit}"
    );
}

#[test]
fn every_readme_command_runs_on_a_fresh_clone() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("annals");
    std::fs::create_dir(&work).unwrap();
    assert!(!work.join("../shared").exists());
    std::os::unix::fs::symlink(
        repo().join("examples").canonicalize().unwrap(),
        work.join("examples"),
    )
    .unwrap();
    let commands = readme_commands();
    assert!(
        commands.len() >= 10,
        "only {} commands found in README.md: {commands:?}",
        commands.len()
    );
    let mut served = 0;
    for (line, args) in &commands {
        assert!(
            !line.contains("../shared"),
            "README: `{line}` needs ../shared, which a fresh clone does not have"
        );
        if serves(args) {
            served += 1;
            run_served(&work, line, args);
            continue;
        }
        let out = annals_in(&work).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "README: `{line}` exited {}:\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(served >= 1, "the README's `demo` was not found");
    eprintln!(
        "ran the README's {} commands ({served} of them serving)",
        commands.len()
    );
}

#[test]
fn shell_words_split_as_a_shell_does() {
    assert_eq!(
        shell_words(r#"list --from "44 BC" --to 'AD 14'   # a comment"#),
        ["list", "--from", "44 BC", "--to", "AD 14"]
    );
    assert_eq!(
        shell_words(r#"search 'battle date:..-0001' x#y "a \"b\"""#),
        ["search", "battle date:..-0001", "x#y", "a \"b\""]
    );
}

/// A second `annals demo` while the port is taken: says so at once with the flag that fixes it,
/// and imports nothing.
#[test]
fn a_second_demo_on_a_busy_port_suggests_addr_and_does_no_work() {
    let tmp = tempfile::tempdir().unwrap();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = busy.local_addr().unwrap().to_string();
    let out = annals_in(tmp.path())
        .args(["demo", "--addr", &addr])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("--addr"), "{err}");
    assert!(
        !tmp.path().join("annals.db").exists(),
        "the demo was imported although it could not be served"
    );
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A path that does not exist is invalid input (exit 1), said as `PATH: cannot read: ...`.
#[test]
fn a_missing_input_path_is_invalid_input() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in ["import", "check"] {
        let out = annals_in(tmp.path())
            .args([cmd, "no-such-dir/"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {err}");
        assert!(
            err.contains("no-such-dir/: cannot read: No such file or directory"),
            "{cmd}: {err}"
        );
    }
}

/// `annals demo` on a database that already holds the demo unchanged writes nothing: no new
/// revision, no new event, though a lead card in a later file adds to an event stored earlier
/// (whose own record, read again, takes the relation away for a moment).
#[test]
fn a_second_demo_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let commits = || {
        let c = rusqlite::Connection::open(tmp.path().join("annals.db")).unwrap();
        c.query_row("SELECT count(*) FROM commits", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    for round in 0..2 {
        let out = annals_in(tmp.path())
            .args(["demo", "--no-serve"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        if round == 1 {
            assert!(said.contains("(110 events, 0 new)"), "{said}");
        }
        assert_eq!(commits(), 1, "round {round}");
    }
}
