//! `transcript-ls compare THIS OTHER`: the differences between two editions
//! of one conversation, printed as lint prints findings, with a count per
//! class; `--apply` writes the other edition's readings into THIS.

use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, ValueEnum};
use transcript_ls::Config;
use transcript_ls::analysis::{EditionAnalysis, compare_editions};
use transcript_ls::fix::{Applicability, apply_fixes};
use transcript_ls::rules;

use super::input::{decode, is_broken_pipe};
use super::lint::format::{self, FileFindings, Format};
use super::lint::write::{keep_line_endings, replace_file};

/// `compare`'s options.
#[derive(Debug, Args)]
#[command(after_help = "\
Classes of difference (the E rules; `transcript-ls explain E001` says more):
  misread       E001  THIS reads as an OCR misreading of OTHER (`|` for `I`, `All'in` for `All in`)
  name          E002  a name spelt two ways (`Larijani`, `Larjani`)
  punctuation   E003  the same words, other punctuation or capitals
  words         E004  words missing, added or different
  paragraphing  E005  a paragraph break one edition has and the other has not
  turn          E006  a speaker turn missing, added, or given to another speaker
Presentation is never a difference: label style (`**SECRETARY RICE:**`), headings, Markdown \
emphasis and links, page furniture, line wrapping, white space, curly quotes. Where OTHER holds \
the OCR misreading, the difference is OTHER's: compare the other way round to see it.

Exit status: 0 when the editions agree, 1 when they differ, 2 for a usage or I/O error.

Examples:
  transcript-ls compare scan/2007-10-12.txt web/2007-10-12.md
  transcript-ls compare --format json scan.txt web.md > differences.json
  transcript-ls compare scan.txt web.md --apply misread,paragraphing")]
pub struct CompareArgs {
    /// The edition to proofread: its differences are shown, and --apply
    /// changes it.
    #[arg(value_name = "THIS")]
    this: PathBuf,

    /// Another edition of the same conversation (the press office's web
    /// page, a printed volume, a corrected copy).
    #[arg(value_name = "OTHER")]
    other: PathBuf,

    /// How to print the differences (the formats of `lint`).
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,

    /// Write the differences to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output_file: Option<PathBuf>,

    /// Use this configuration file instead of THIS's nearest
    /// transcript.toml (whose [rules] can turn a class off).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Write OTHER's readings of these classes into THIS (in place,
    /// through a temporary file), then show what differs still: class
    /// names or E codes, comma-separated, or `all`.
    #[arg(long, value_delimiter = ',', num_args = 1.., value_name = "CLASS")]
    apply: Vec<String>,

    /// Exit 0 even when the editions differ (errors still exit 2).
    #[arg(long)]
    exit_zero: bool,

    /// Colour the full format: auto (on a terminal, unless NO_COLOR is
    /// set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The classes `--apply` takes, by name, with their rule codes and what
/// the summary calls them.
const CLASSES: &[(&str, &str, &str)] = &[
    (
        "misread",
        "E001",
        "OCR misreadings of the other edition's text",
    ),
    ("name", "E002", "names spelt otherwise"),
    ("punctuation", "E003", "punctuation or capitals only"),
    ("words", "E004", "words missing, added or different"),
    ("paragraphing", "E005", "paragraph breaks"),
    (
        "turn",
        "E006",
        "speaker turns missing, added or given to another",
    ),
];

pub fn run(args: CompareArgs) -> ExitCode {
    match compare(args) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// One edition as read from disk.
struct Read {
    shown: String,
    bytes: Vec<u8>,
    text: String,
    /// Not valid UTF-8: never written back.
    lossy: bool,
}

fn compare(args: CompareArgs) -> Result<ExitCode> {
    let codes = classes(&args.apply)?;
    let this = read(&args.this)?;
    let other = read(&args.other)?;
    let config = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::for_document(&args.this)?,
    };
    let mut text = this.text.clone();
    let mut analysis = compare_editions(&text, &other.text, &other.shown, &config);
    let mut applied = None;
    if !codes.is_empty() {
        if this.lossy {
            bail!(
                "{} is not valid UTF-8: writing readings into it would lose bytes; nothing applied",
                this.shown
            );
        }
        let chosen = analysis
            .findings
            .iter()
            .filter(|f| codes.contains(&f.code))
            .filter_map(|f| f.fixes.first());
        let result = apply_fixes(&text, chosen, Applicability::Unsafe);
        if result.applied > 0 {
            let new_text = keep_line_endings(&text, result.text);
            replace_file(&args.this, &this.bytes, &new_text)?;
            text = new_text;
            analysis = compare_editions(&text, &other.text, &other.shown, &config);
        }
        applied = Some((result.applied, result.skipped));
    }

    let other_file = FileFindings::new(&other.shown, &other.text, &[]);
    let files =
        [FileFindings::new(&this.shown, &text, &analysis.findings).with_edition(&other_file)];
    let to_terminal = args.output_file.is_none() && std::io::stdout().is_terminal();
    let color = args.format == Format::Full
        && match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
        };
    let mut buffer: Vec<u8> = Vec::new();
    format::write(args.format, &mut buffer, &files, color)?;
    if matches!(args.format, Format::Full | Format::Concise) {
        summary(&mut buffer, &this.shown, &other.shown, &analysis, applied)?;
    }
    match &args.output_file {
        Some(path) => std::fs::write(path, &buffer)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().lock().write_all(&buffer)?,
    }
    let differ = !analysis.findings.is_empty();
    Ok(ExitCode::from(u8::from(differ && !args.exit_zero)))
}

/// The rule codes `--apply` names.
fn classes(names: &[String]) -> Result<Vec<&'static str>> {
    let mut codes = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if name.eq_ignore_ascii_case("all") {
            codes.extend(CLASSES.iter().map(|(_, code, _)| *code));
            continue;
        }
        let by_class = CLASSES
            .iter()
            .find(|(class, _, _)| {
                class.eq_ignore_ascii_case(name) || name.eq_ignore_ascii_case(&format!("{class}s"))
            })
            .map(|(_, code, _)| *code);
        let by_rule = rules::lookup(name)
            .filter(|r| CLASSES.iter().any(|(_, code, _)| *code == r.code))
            .map(|r| r.code);
        match by_class.or(by_rule) {
            Some(code) => codes.push(code),
            None => {
                let known: Vec<&str> = CLASSES.iter().map(|(class, _, _)| *class).collect();
                return Err(anyhow!(
                    "unknown class `{name}` in --apply; the classes are {}, or `all` (or their codes E001-E006). \
                     Put --apply after the two files.",
                    known.join(", ")
                ));
            }
        }
    }
    codes.sort_unstable();
    codes.dedup();
    Ok(codes)
}

/// Reads an edition: a readable text file (bad UTF-8 is read with `�`, and
/// a warning), not a binary one.
fn read(path: &Path) -> Result<Read> {
    let shown = path.to_string_lossy().replace('\\', "/");
    let shown = shown
        .strip_prefix("./")
        .map(str::to_string)
        .unwrap_or(shown);
    if path.is_dir() {
        bail!("{shown} is a folder; compare takes two files, the two editions");
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    if let Some(at) = bytes.iter().take(64 * 1024).position(|&b| b == 0) {
        bail!(
            "{shown} is not a text file (a NUL byte at offset {at}); compare takes two transcripts"
        );
    }
    let document = decode(&shown, bytes.clone());
    if let Some(warning) = &document.warning {
        eprintln!("warning: {warning}");
    }
    Ok(Read {
        shown,
        lossy: document.warning.is_some(),
        bytes,
        text: document.text,
    })
}

fn summary(
    out: &mut dyn std::io::Write,
    this: &str,
    other: &str,
    analysis: &EditionAnalysis,
    applied: Option<(usize, usize)>,
) -> Result<()> {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if let Some((applied, skipped)) = applied {
        write!(
            out,
            "Applied {} of {other} to {this}",
            plural(applied, "reading", "readings")
        )?;
        if skipped > 0 {
            write!(
                out,
                " ({skipped} left: they overlap another; run again to take them)"
            )?;
        }
        writeln!(out, ".")?;
    }
    let c = &analysis.comparison;
    if c.unrelated {
        writeln!(
            out,
            "{other} is not an edition of {this}: nothing compared."
        )?;
        return Ok(());
    }
    let findings = &analysis.findings;
    if findings.is_empty() {
        writeln!(
            out,
            "No differences between {this} and {other} ({} words compared).",
            c.words.0
        )?;
    } else {
        writeln!(out, "Differences from {other}, by class:")?;
        for (class, code, what) in CLASSES {
            let n = findings.iter().filter(|f| f.code == *code).count();
            if n > 0 {
                writeln!(out, "{n:>6}  {code}  {class:<13} {what}")?;
            }
        }
    }
    if c.other_misreadings > 0 {
        writeln!(
            out,
            "{} where {other} holds an OCR misreading of {this}'s text: `transcript-ls compare {other} {this}` shows {}.",
            plural(c.other_misreadings, "more place", "more places"),
            if c.other_misreadings == 1 {
                "it"
            } else {
                "them"
            }
        )?;
    }
    if !findings.is_empty() {
        writeln!(
            out,
            "Found {} in {this} ({} words, {} as {other} has them); take {other}'s readings with --apply CLASS.",
            plural(findings.len(), "difference", "differences"),
            c.words.0,
            c.common
        )?;
    }
    Ok(())
}
