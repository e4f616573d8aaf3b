//! A real PostgreSQL server for the tests: each test binary starts its own cluster (`initdb`
//! in a temporary directory, `postgres` on a free loopback port) the first time a test asks,
//! and every test gets a new empty database in it. No mocks. Included with `#[path]` by the
//! test crates that run against PostgreSQL, beside `shared.rs` (for `skipped`).
//!
//! The server runs under a small shell that waits on a pipe from the test process: when the
//! test binary exits, however it exits, the pipe closes and the shell stops the server and
//! removes its directory. As root (PostgreSQL refuses to run as root) the server runs as the
//! `postgres` user that Debian's package creates.
//!
//! Where PostgreSQL is not installed (`scripts/test` installs Debian's `postgresql` when it
//! can), the tests that need it say SKIPPED; under `CI=true` that is a failure.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// A running PostgreSQL cluster, for as long as the test binary runs.
pub struct Cluster {
    bin: PathBuf,
    port: u16,
    /// Which user the server runs as (`None`: this one).
    user: Option<&'static str>,
    /// The cluster's directory (`data/`, `server.log`, the socket).
    dir: PathBuf,
    /// Closed when the test binary exits: the server then stops.
    _alive: Mutex<ChildStdin>,
    /// The shell that runs the server (it outlives the tests: never waited for).
    shell: Mutex<Child>,
}

/// The directory of PostgreSQL's server programs: `ANNALS_PG_BIN`, else the newest
/// `/usr/lib/postgresql/*/bin` (Debian), else wherever `initdb` is on the `PATH`.
fn bin_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ANNALS_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    debian.sort();
    if let Some((_, bin)) = debian.pop() {
        return Some(bin);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|d| d.join("initdb").exists())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A command that runs `program` as `user` (or as this user).
fn command(user: Option<&str>, program: &Path) -> Command {
    match user {
        Some(user) => {
            let mut c = Command::new("runuser");
            c.args(["-u", user, "--"]).arg(program);
            c
        }
        None => Command::new(program),
    }
}

fn run(mut c: Command, what: &str) {
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// PostgreSQL's programs, or `None` and a SKIPPED line; under `CI=true` their absence fails.
fn installed() -> Option<PathBuf> {
    let bin = bin_dir();
    if bin.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "PostgreSQL is not installed under CI=true (scripts/test installs Debian's postgresql)"
        );
        super::shared::skipped("PostgreSQL is not installed (no initdb)");
    }
    bin
}

#[allow(dead_code)] // not every test crate uses every part
impl Cluster {
    /// This test binary's cluster, started on first use; `None` (and a SKIPPED line) when
    /// PostgreSQL is not installed here. Under `CI=true` that is a failure.
    pub fn shared() -> Option<&'static Cluster> {
        static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();
        let bin = installed()?;
        CLUSTER.get_or_init(|| Some(Cluster::start(bin))).as_ref()
    }

    /// A cluster of the calling test's own, to stop and start again (stopped and removed when
    /// dropped); `None` (and a SKIPPED line) when PostgreSQL is not installed here.
    pub fn own() -> Option<Cluster> {
        Some(Cluster::start(installed()?))
    }

    /// A new directory for a cluster, owned by the server's user.
    fn new_dir(user: Option<&str>) -> PathBuf {
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "annals-pg-{}-{}",
            std::process::id(),
            MADE.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("a directory for the cluster");
        if let Some(user) = user {
            let mut c = Command::new("chown");
            c.arg(format!("{user}:")).arg(&dir);
            run(c, "chown of the cluster's directory");
        }
        dir
    }

    fn start(bin: PathBuf) -> Cluster {
        let user = is_root().then_some("postgres");
        let dir = Self::new_dir(user);
        let mut initdb = command(user, &bin.join("initdb"));
        initdb.arg("-D").arg(dir.join("data")).args([
            "-U",
            "annals",
            "--auth=trust",
            "--no-locale",
            "-E",
            "UTF8",
            "--no-sync",
        ]);
        run(initdb, "initdb");
        Self::launch(bin, user, dir)
    }

    /// A streaming replica of this cluster (`pg_basebackup -R`), running on a port of its own:
    /// read-only, following every commit of this one.
    pub fn replica(&self) -> Cluster {
        let dir = Self::new_dir(self.user);
        let mut backup = command(self.user, &self.bin.join("pg_basebackup"));
        backup
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "annals",
            ])
            .arg("-D")
            .arg(dir.join("data"))
            .args(["-R", "-X", "stream", "--no-sync", "--checkpoint=fast"]);
        run(backup, "pg_basebackup");
        Self::launch(self.bin.clone(), self.user, dir)
    }

    /// Start the server of the cluster in `dir` on a free port, under a shell that stops it and
    /// removes `dir` when its standard input closes (the test binary exited, or the cluster
    /// was dropped).
    fn launch(bin: PathBuf, user: Option<&'static str>, dir: PathBuf) -> Cluster {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let script = r#"
            "$0/pg_ctl" -D "$1/data" -l "$1/server.log" -w -o "$3" start >/dev/null
            cat >/dev/null
            "$0/pg_ctl" -D "$1/data" -m immediate stop >/dev/null 2>&1
            rm -rf "$1"
        "#;
        let mut shell = command(user, Path::new("sh"));
        shell
            .arg("-c")
            .arg(script)
            .arg(&bin)
            .arg(&dir)
            .arg(port.to_string())
            .arg(Self::options(&dir, port))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = shell.spawn().expect("the PostgreSQL server starts");
        let alive = child.stdin.take().expect("a pipe to the server's shell");
        let cluster = Cluster {
            bin,
            port,
            user,
            dir,
            _alive: Mutex::new(alive),
            shell: Mutex::new(child),
        };
        cluster.wait_ready();
        cluster
    }

    /// The server's options: loopback only, its socket in its directory, no fsync (tests).
    fn options(dir: &Path, port: u16) -> String {
        format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200",
            dir.display()
        )
    }

    fn wait_ready(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let ready = Command::new(self.bin.join("pg_isready"))
                .args(["-q", "-h", "127.0.0.1", "-p", &self.port.to_string()])
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                return;
            }
            let exited = self
                .shell
                .lock()
                .ok()
                .and_then(|mut c| c.try_wait().ok().flatten())
                .is_some();
            if std::time::Instant::now() > deadline || exited {
                let mut log = String::new();
                let _ = std::fs::File::open(self.dir.join("server.log"))
                    .and_then(|mut f| f.read_to_string(&mut log));
                panic!("PostgreSQL did not start on port {}: {log}", self.port);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Stop the server now (as a crash would: `-m immediate`); [`Cluster::start_again`]
    /// brings it back on the same port.
    pub fn stop(&self) {
        let mut c = command(self.user, &self.bin.join("pg_ctl"));
        c.arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"]);
        run(c, "pg_ctl stop");
    }

    /// Start the server again after [`Cluster::stop`].
    pub fn start_again(&self) {
        let mut c = command(self.user, &self.bin.join("pg_ctl"));
        c.arg("-D")
            .arg(self.dir.join("data"))
            .arg("-l")
            .arg(self.dir.join("server.log"))
            .args(["-w", "-o", &Self::options(&self.dir, self.port), "start"]);
        run(c, "pg_ctl start");
        self.wait_ready();
    }

    /// The URL of the database `name` in this cluster.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://annals@127.0.0.1:{}/{name}", self.port)
    }

    /// A new empty database in the cluster: its URL.
    pub fn database(&self) -> String {
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let name = format!("annals_{}", MADE.fetch_add(1, Ordering::SeqCst));
        let mut c = command(self.user, &self.bin.join("createdb"));
        c.args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "annals",
        ])
        .arg(&name);
        run(c, "createdb");
        self.url(&name)
    }
}
