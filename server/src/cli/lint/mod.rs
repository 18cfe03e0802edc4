//! `transcript-ls lint`: the analysis the language server runs, over files
//! and folders, for CI.

mod configs;
pub mod format;
mod progress;
pub mod write;

use std::io::{IsTerminal, Read, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use transcript_ls::analysis::{analyze_text, fix_text};
use transcript_ls::dictionary::confusions::Case;
use transcript_ls::fix::Applicability;
use transcript_ls::rules::{self, REGISTRY, Rule};
use transcript_ls::{Finding, Severity};

use self::configs::Configs;
use self::format::{FileFindings, Format};
use self::progress::Progress;
use super::input::{decode, is_broken_pipe};
use transcript_ls::discovery::{self as files, Input, Shard};

/// `lint`'s options.
#[derive(Debug, Args)]
#[command(after_help = "\
Exit status: 0 when no finding is at or above --severity-threshold, 1 when one is (or when --diff \
has changes to show), 2 for a usage, configuration or I/O error.

Examples:
  transcript-ls lint archive/                 lint every *.transcript and *.memcon under archive/
  transcript-ls lint --format github .        annotate a GitHub pull request
  transcript-ls lint --fix memcon.txt         apply the safe fixes in place
  transcript-ls lint --diff archive/          show what --fix would change
  cat memo.txt | transcript-ls lint - --stdin-filename archive/memo.txt
  transcript-ls lint --shard 2/4 archive/     the second of four CI jobs")]
pub struct LintArgs {
    /// Files and folders to lint; `-` reads standard input. Folders are
    /// walked respecting .gitignore, for the files matching `include` in
    /// transcript.toml (default *.transcript and *.memcon); files named
    /// here are linted whatever their extension. Default: the current
    /// folder.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,

    /// Write the findings to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output_file: Option<PathBuf>,

    /// The path standard input stands for, to find its transcript.toml and
    /// to name it in messages.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,

    /// Use this configuration file for every document, instead of the
    /// nearest transcript.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Run only these rules (codes or names, comma-separated), whatever the
    /// configuration says.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    select: Vec<String>,

    /// Do not run these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    ignore: Vec<String>,

    /// Apply safe fixes in place (standard input: print the fixed text),
    /// then report what is left.
    #[arg(long)]
    fix: bool,

    /// Apply unsafe fixes too (implies --fix with --diff absent).
    #[arg(long)]
    unsafe_fixes: bool,

    /// Print the unified diff --fix would make, change nothing, and exit 1
    /// if it is not empty.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,

    /// Exit 0 even when there are findings (errors still exit 2).
    #[arg(long)]
    exit_zero: bool,

    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = Threshold::Hint, value_name = "SEVERITY")]
    severity_threshold: Threshold,

    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    statistics: bool,

    /// Lint only the i-th of n parts of the files (1-based), chosen by a
    /// stable hash of each path, to split an archive across CI jobs.
    #[arg(long, value_name = "i/n", value_parser = files::parse_shard)]
    shard: Option<Shard>,

    /// Print a rule's documentation and exit.
    #[arg(long, value_name = "RULE")]
    explain: Option<String>,

    /// List every rule and exit.
    #[arg(long)]
    list_rules: bool,

    /// Colour the full format: auto (on a terminal, unless NO_COLOR is
    /// set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// No progress line on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Threshold {
    Error,
    Warning,
    Info,
    Hint,
}

impl Threshold {
    fn severity(self) -> Severity {
        match self {
            Threshold::Error => Severity::Error,
            Threshold::Warning => Severity::Warning,
            Threshold::Info => Severity::Info,
            Threshold::Hint => Severity::Hint,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What linting one input gave.
struct Linted {
    display: String,
    text: String,
    findings: Vec<Finding>,
    warnings: Vec<String>,
    error: Option<String>,
    fixed: usize,
    diff: String,
    /// Standard input's fixed text, printed instead of written.
    stdin_fixed: Option<String>,
}

pub fn run(args: LintArgs) -> ExitCode {
    match lint(args) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn lint(args: LintArgs) -> Result<ExitCode> {
    if args.list_rules {
        list_rules(&mut std::io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(code) = &args.explain {
        explain(code, &mut std::io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let select = rule_list(&args.select, "--select")?;
    let ignore = rule_list(&args.ignore, "--ignore")?;
    let configs = Configs::new(args.config.as_deref(), select, ignore)?;

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (mut inputs, problems) = files::collect(&paths, &|dir| configs.include_for(dir));
    if let Some(shard) = args.shard {
        inputs.retain(|i| shard.takes(i));
    }
    let mut failed = false;
    for p in &problems {
        eprintln!("error: {}", p.message);
        failed = true;
    }
    let stdin_text = if inputs.contains(&Input::Stdin) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Some(bytes)
    } else {
        None
    };

    let level = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let fixing = args.fix || (args.unsafe_fixes && !args.diff);
    let progress = Progress::start(inputs.len(), !args.quiet);
    let results: Vec<Linted> = inputs
        .par_iter()
        .map(|input| {
            let linted = lint_one(input, stdin_text.as_deref(), &args, &configs, fixing, level);
            progress.tick();
            linted
        })
        .collect();
    progress.finish();

    let mut reported_errors = std::collections::BTreeSet::new();
    for r in &results {
        for w in &r.warnings {
            eprintln!("warning: {w}");
        }
        if let Some(e) = &r.error {
            failed = true;
            if reported_errors.insert(e.clone()) {
                eprintln!("error: {e}");
            }
        }
    }

    if args.diff {
        let mut out = std::io::stdout().lock();
        let mut changed = false;
        for r in &results {
            out.write_all(r.diff.as_bytes())?;
            changed |= !r.diff.is_empty();
        }
        let code = if failed { 2 } else { u8::from(changed) };
        return Ok(ExitCode::from(code));
    }

    let shown: Vec<&Linted> = results.iter().filter(|r| r.error.is_none()).collect();
    let files: Vec<FileFindings> = shown
        .iter()
        .map(|r| FileFindings::new(&r.display, &r.text, &r.findings))
        .collect();
    let stdin_fixed = results.iter().find_map(|r| r.stdin_fixed.as_ref());
    let to_terminal =
        args.output_file.is_none() && stdin_fixed.is_none() && std::io::stdout().is_terminal();
    let color = args.format == Format::Full
        && match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
        };
    let mut buffer: Vec<u8> = Vec::new();
    if args.statistics {
        statistics(&mut buffer, &files, args.format)?;
    } else {
        format::write(args.format, &mut buffer, &files, color)?;
    }
    if matches!(args.format, Format::Full | Format::Concise) {
        summary(&mut buffer, &shown, fixing)?;
        recurring_words(&mut buffer, &shown)?;
    }
    match (&args.output_file, stdin_fixed) {
        (Some(path), _) => std::fs::write(path, &buffer)
            .with_context(|| format!("cannot write {}", path.display()))?,
        (None, Some(fixed)) => {
            // The fixed document goes to standard output, the report aside.
            std::io::stdout().lock().write_all(fixed.as_bytes())?;
            std::io::stderr().lock().write_all(&buffer)?;
        }
        (None, None) => std::io::stdout().lock().write_all(&buffer)?,
    }

    let threshold = args.severity_threshold.severity();
    let over = shown
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= threshold);
    Ok(ExitCode::from(if failed {
        2
    } else if over && !args.exit_zero {
        1
    } else {
        0
    }))
}

fn lint_one(
    input: &Input,
    stdin: Option<&[u8]>,
    args: &LintArgs,
    configs: &Configs,
    fixing: bool,
    level: Applicability,
) -> Linted {
    let (display, bytes, config_path) = match input {
        Input::Stdin => {
            let name = args
                .stdin_filename
                .as_ref()
                .map_or("-".to_string(), |p| shown_path(p));
            let lookup = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("stdin"));
            (name, Ok(stdin.unwrap_or_default().to_vec()), lookup)
        }
        Input::File(path) => (shown_path(path), std::fs::read(path), path.clone()),
    };
    let mut linted = Linted {
        display: display.clone(),
        text: String::new(),
        findings: Vec::new(),
        warnings: Vec::new(),
        error: None,
        fixed: 0,
        diff: String::new(),
        stdin_fixed: None,
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            linted.error = Some(format!("cannot read {display}: {e}"));
            return linted;
        }
    };
    let config = match configs.for_document(&config_path) {
        Ok(c) => c,
        Err(e) => {
            linted.error = Some(e);
            return linted;
        }
    };
    let document = decode(&display, bytes.clone());
    let lossy = document.warning.is_some();
    linted.warnings.extend(document.warning);
    let text = document.text;
    if !(fixing || args.diff) {
        linted.findings = analyze_text(&text, &config).findings;
        linted.text = text;
        return linted;
    }
    let fixed = fix_text(&text, &config, level);
    let new_text = write::keep_line_endings(&text, fixed.text);
    if args.diff {
        linted.diff = write::unified_diff(&display, &text, &new_text);
        linted.text = text;
        return linted;
    }
    let changed = new_text != text;
    match input {
        Input::Stdin => linted.stdin_fixed = Some(new_text.clone()),
        Input::File(_) if changed && lossy => {
            linted.warnings.push(format!("{display} was not fixed: it is not valid UTF-8, and writing it back would lose bytes"));
            linted.findings = analyze_text(&text, &config).findings;
            linted.text = text;
            return linted;
        }
        Input::File(path) if changed => {
            if let Err(e) = write::replace_file(path, &bytes, &new_text) {
                linted.error = Some(format!("{e:#}"));
                return linted;
            }
        }
        Input::File(_) => {}
    }
    linted.fixed = fixed.applied;
    linted.findings = analyze_text(&new_text, &config).findings;
    linted.text = new_text;
    linted
}

/// A path as shown in reports: as given, `/`-separated, without `./`.
fn shown_path(path: &std::path::Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn rule_list(names: &[String], flag: &str) -> Result<Vec<&'static Rule>> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| {
            rules::lookup(n.trim()).ok_or_else(|| {
                anyhow!(
                    "unknown rule `{n}` in {flag}; `transcript-ls lint --list-rules` lists them"
                )
            })
        })
        .collect()
}

/// Lists every rule: code, name, default severity, fix safety and what it
/// finds, one a line (`transcript-ls rules`, `lint --list-rules`).
pub fn list_rules(out: &mut dyn std::io::Write) -> Result<()> {
    for r in REGISTRY {
        let fix = match r.fix {
            rules::FixSafety::None => "",
            rules::FixSafety::Safe => "fix",
            rules::FixSafety::Unsafe => "unsafe fix",
        };
        writeln!(
            out,
            "{}  {:<24} {:<8} {:<11} {}",
            r.code,
            r.name,
            r.severity.as_str(),
            fix,
            r.summary().replace('\n', " ")
        )?;
    }
    Ok(())
}

/// Prints a rule's documentation: its title line, then its doc comment.
pub fn explain(code: &str, out: &mut dyn std::io::Write) -> Result<()> {
    let rule = rules::lookup(code)
        .ok_or_else(|| anyhow!("unknown rule `{code}`; `transcript-ls rules` lists them"))?;
    writeln!(
        out,
        "{} {} ({}, {})\n",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        rule.fix.describe()
    )?;
    writeln!(out, "{}", rule.doc())?;
    Ok(())
}

fn statistics(out: &mut dyn std::io::Write, files: &[FileFindings], format: Format) -> Result<()> {
    let mut counts: Vec<(&Rule, usize, usize)> = Vec::new();
    for f in files.iter().flat_map(|f| f.findings) {
        let Some(rule) = rules::lookup(f.code) else {
            continue;
        };
        let fixable = usize::from(
            f.automatic_fix()
                .is_some_and(|x| x.applicability == Applicability::Safe),
        );
        match counts.iter_mut().find(|(r, _, _)| r.code == rule.code) {
            Some(c) => {
                c.1 += 1;
                c.2 += fixable;
            }
            None => counts.push((rule, 1, fixable)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code.cmp(b.0.code)));
    if format == Format::Json {
        let rows: Vec<serde_json::Value> = counts
            .iter()
            .map(|(r, n, fixable)| serde_json::json!({ "code": r.code, "name": r.name, "count": n, "fixable": fixable }))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    for (r, n, fixable) in counts {
        let badge = if fixable > 0 {
            format!(" ({fixable} fixable)")
        } else {
            String::new()
        };
        writeln!(out, "{n:>6}  {}  {}{badge}", r.code, r.name)?;
    }
    Ok(())
}

/// Capitalised words O011 flags again and again across the files linted:
/// more likely the project's own names than misreadings. One hint for each
/// of the five most frequent that stand three times or more in two files or
/// more, saying how to accept them. A word in lower case or in capitals
/// flagged as often (`fron`, `thé`, a stamp's `PROMIBITED`) is OCR's habit,
/// not the project's word.
fn recurring_words(out: &mut dyn std::io::Write, results: &[&Linted]) -> Result<()> {
    let mut counts: std::collections::HashMap<&str, (usize, usize, usize)> = Default::default();
    for (file, r) in results.iter().enumerate() {
        for f in r.findings.iter().filter(|f| f.code == "O011") {
            let Some(word) = r.text.get(f.range.clone()) else {
                continue;
            };
            if !word.chars().all(char::is_alphabetic) || Case::of(word) != Some(Case::Title) {
                continue;
            }
            let entry = counts.entry(word).or_insert((0, 0, usize::MAX));
            entry.0 += 1;
            if entry.2 != file {
                entry.1 += 1;
                entry.2 = file;
            }
        }
    }
    let mut recurring: Vec<(&str, usize, usize)> = counts
        .into_iter()
        .filter(|(_, (n, files, _))| *n >= 3 && *files >= 2)
        .map(|(w, (n, files, _))| (w, n, files))
        .collect();
    recurring.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (word, n, files) in recurring.iter().take(5) {
        writeln!(
            out,
            "hint: `{word}` is flagged as a misread word (O011) {n} times in {files} files; if it is a word of the project, add it to `[words] accept` in transcript.toml."
        )?;
    }
    Ok(())
}

fn summary(out: &mut dyn std::io::Write, results: &[&Linted], fixing: bool) -> Result<()> {
    let files = results.len();
    let findings: usize = results.iter().map(|r| r.findings.len()).sum();
    let fixed: usize = results.iter().map(|r| r.fixed).sum();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if fixing {
        writeln!(
            out,
            "Fixed {} in {}.",
            plural(fixed, "finding", "findings"),
            plural(files, "file", "files")
        )?;
    }
    if findings == 0 {
        writeln!(out, "No findings in {}.", plural(files, "file", "files"))?;
        return Ok(());
    }
    let all = results.iter().flat_map(|r| &r.findings);
    let safe = all
        .clone()
        .filter(|f| {
            f.automatic_fix()
                .is_some_and(|x| x.applicability == Applicability::Safe)
        })
        .count();
    let unsafe_ = all
        .filter(|f| {
            f.automatic_fix()
                .is_some_and(|x| x.applicability == Applicability::Unsafe)
        })
        .count();
    write!(
        out,
        "Found {} in {}",
        plural(findings, "finding", "findings"),
        plural(files, "file", "files")
    )?;
    match (safe, unsafe_) {
        (0, 0) => writeln!(out, ".")?,
        (s, 0) => writeln!(out, " ({s} fixable with --fix).")?,
        (0, u) => writeln!(out, " ({u} fixable with --unsafe-fixes).")?,
        (s, u) => writeln!(
            out,
            " ({s} fixable with --fix, {u} more with --unsafe-fixes)."
        )?,
    }
    Ok(())
}
