//! Helpers shared by the end-to-end suites in `tests/tests/`: find the built
//! `transcript-ls` binary, run it, and reach the project's fixtures.
//!
//! The suites drive the real binary, as an editor or a CI job does. Cargo
//! builds a package's own binaries for its tests, but not another
//! package's, so `scripts/test` runs `cargo build --workspace --bins` first;
//! run that too when calling `cargo test -p transcript-tests` by hand. A
//! binary older than the server's sources is refused rather than tested.

pub mod bench;
pub mod lsp;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::SystemTime;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A file under `fixtures/`.
pub fn fixture(path: &str) -> PathBuf {
    workspace().join("fixtures").join(path)
}

fn newest_source(dir: &Path) -> SystemTime {
    let mut newest = SystemTime::UNIX_EPOCH;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let time = if path.is_dir() {
            newest_source(&path)
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH)
        };
        newest = newest.max(time);
    }
    newest
}

/// The `transcript-ls` binary built in the same profile as these tests,
/// checked once per test process.
pub fn transcript_ls() -> PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(find_binary).clone()
}

fn find_binary() -> PathBuf {
    // target/<profile>/deps/<this test> -> target/<profile>/transcript-ls
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    let binary = profile_dir.join(format!("transcript-ls{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&binary).and_then(|m| m.modified()).ok();
    let sources = newest_source(&workspace().join("server/src"))
        .max(newest_source(&workspace().join("grammar/src")));
    if built.is_none_or(|b| b < sources) {
        // `cargo test` builds the test targets, not the binary they drive:
        // build it here, in the same profile, so that plain `cargo test`
        // works on a fresh checkout and never drives a stale binary.
        let why = if built.is_none() {
            "missing"
        } else {
            "older than the sources"
        };
        eprintln!(
            "{} is {why}: building it (cargo build --bin transcript-ls)",
            binary.display()
        );
        build_binary(profile_dir);
    }
    binary
}

/// Builds `transcript-ls` into `profile_dir` (`target/debug` or
/// `target/release`) with the cargo that runs these tests.
fn build_binary(profile_dir: &Path) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(workspace()).args([
        "build",
        "--package",
        "transcript-ls",
        "--bin",
        "transcript-ls",
    ]);
    if profile_dir.file_name().is_some_and(|n| n == "release") {
        command.arg("--release");
    }
    if let Some(target) = profile_dir.parent() {
        command.env("CARGO_TARGET_DIR", target);
    }
    let status = command
        .status()
        .expect("cargo runs, to build the binary these tests drive");
    assert!(
        status.success(),
        "cargo build --bin transcript-ls failed: the end-to-end tests need the binary"
    );
}

/// The three samples, as fixture paths (copy them with [`temp_with`]).
pub const SAMPLES: [&str; 3] = [
    "samples/memcon-2008-sochi.txt",
    "samples/press-conference-2007-ocr.txt",
    "samples/press-conference-2007-web.md",
];

/// The exit status of a finished run.
pub fn exit_code(output: &Output) -> i32 {
    output.status.code().expect("exited")
}

/// Standard output read as a JSON array (the `json` format's findings).
pub fn json_array(output: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .expect("valid JSON")
        .as_array()
        .expect("a JSON array")
        .clone()
}

/// What `lint --format json` reports for `name` in `dir`, as sorted (code,
/// line) pairs: what an editor's diagnostics are compared with.
pub fn lint_pairs(dir: &Path, name: &str) -> Vec<(String, u64)> {
    let out = run_in(dir, &["lint", "--format", "json", name]);
    let mut found: Vec<(String, u64)> = json_array(&out)
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}

/// Runs `transcript-ls` with `args` in `dir`, with no standard input.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(transcript_ls())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("transcript-ls runs")
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A temporary folder holding copies of the given fixtures, by file name.
pub fn temp_with(fixtures: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in fixtures {
        let name = Path::new(f).file_name().unwrap();
        let copy = dir.path().join(name);
        std::fs::copy(fixture(f), &copy).unwrap();
        // The copy is the test's to change, whatever the fixture's mode.
        let mut perms = std::fs::metadata(&copy).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&copy, perms).unwrap();
    }
    dir
}

/// Runs `transcript-ls` with `args` in `dir`, feeding `input` on standard
/// input.
pub fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(transcript_ls())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("transcript-ls runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}
