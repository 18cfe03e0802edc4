//! `lint --fix` under faults: whatever goes wrong, the original file is
//! intact and the error names it.

use std::fs;
use std::process::{Command, Stdio};
use std::time::Duration;

use transcript_tests::{fixture, run_in, stderr, transcript_ls};

fn memcon() -> String {
    fs::read_to_string(fixture("samples/memcon-2008-sochi.txt")).unwrap()
}

#[test]
fn a_read_only_file_is_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memcon.transcript");
    fs::write(&path, memcon()).unwrap();
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let output = run_in(dir.path(), &["lint", "--fix", "memcon.transcript"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("memcon.transcript is read-only; not fixed"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), memcon());
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_fails_the_write_and_leaves_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memcon.transcript");
    fs::write(&path, memcon()).unwrap();
    // 8 blocks: far less than the fixed memcon, which must be written whole.
    let script = format!(
        "ulimit -f 8; exec '{}' lint --fix memcon.transcript",
        transcript_ls().display()
    );
    let output = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("cannot write the fixed memcon.transcript"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), memcon());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[cfg(unix)]
#[test]
fn a_run_killed_mid_write_leaves_the_original_or_the_whole_fix_never_a_mix() {
    let dir = tempfile::tempdir().unwrap();
    // Many copies, so some kill lands while files are being written.
    let original = memcon();
    let names: Vec<String> = (0..200).map(|i| format!("m{i:03}.transcript")).collect();
    for name in &names {
        fs::write(dir.path().join(name), &original).unwrap();
    }
    let fixed_once = {
        let probe = tempfile::tempdir().unwrap();
        fs::write(probe.path().join("x.transcript"), &original).unwrap();
        run_in(probe.path(), &["lint", "--fix", "x.transcript"]);
        fs::read_to_string(probe.path().join("x.transcript")).unwrap()
    };
    assert_ne!(fixed_once, original);
    for delay_ms in [5u64, 20, 60] {
        let mut child = Command::new(transcript_ls())
            .args(["lint", "--fix", "-q", "."])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        for name in &names {
            let now = fs::read_to_string(dir.path().join(name)).unwrap();
            assert!(
                now == original || now == fixed_once,
                "{name} is neither the original nor the fixed text"
            );
        }
    }
}
