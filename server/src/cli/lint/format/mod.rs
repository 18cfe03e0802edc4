//! The output formats of `lint`: `full`, `concise`, `json`, `github`,
//! `sarif`. Each writes every file's findings, in file order then position
//! order; positions are 1-based lines and columns counted in characters.

mod concise;
mod full;
mod github;
mod json;
mod sarif;

use std::io::{self, Write};

use clap::ValueEnum;
use transcript_ls::Finding;
use transcript_ls::line_index::{ColumnUnit, LineIndex};

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The line with the range underlined and the fix, as rustc and ruff
    /// show it; coloured on a terminal.
    Full,
    /// One line each: `path:line:col: severity[CODE] message`.
    Concise,
    /// A JSON array of findings (schema in the README).
    Json,
    /// GitHub Actions workflow commands, which annotate the pull request.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

/// One file's findings, ready to print.
pub struct FileFindings<'a> {
    /// The path as shown: relative as given, with `/` separators.
    pub path: &'a str,
    pub text: &'a str,
    pub index: LineIndex,
    pub findings: &'a [Finding],
    /// The other edition the findings' related places may lie in
    /// (`compare`), whose findings are not printed.
    pub edition: Option<&'a FileFindings<'a>>,
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl<'a> FileFindings<'a> {
    /// The same, with related places in `edition` as well.
    pub fn with_edition(self, edition: &'a FileFindings<'a>) -> FileFindings<'a> {
        FileFindings {
            edition: Some(edition),
            ..self
        }
    }
}

impl FileFindings<'_> {
    pub fn new<'a>(path: &'a str, text: &'a str, findings: &'a [Finding]) -> FileFindings<'a> {
        FileFindings {
            path,
            text,
            index: LineIndex::new(text),
            findings,
            edition: None,
        }
    }

    /// The file a related place lies in: this one, or the other edition.
    pub fn file_of(&self, related: &transcript_ls::finding::Related) -> &FileFindings<'_> {
        match (&related.document, self.edition) {
            (Some(_), Some(edition)) => edition,
            _ => self,
        }
    }

    /// The 1-based position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let p = self.index.position(self.text, offset, ColumnUnit::Char);
        Position {
            line: p.line + 1,
            column: p.col + 1,
        }
    }
}

/// Writes `files` in `format`. `color` applies to `full` only.
pub fn write(
    format: Format,
    out: &mut dyn Write,
    files: &[FileFindings],
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Full => full::write(out, files, color),
        Format::Concise => concise::write(out, files),
        Format::Json => json::write(out, files),
        Format::Github => github::write(out, files),
        Format::Sarif => sarif::write(out, files),
    }
}

/// `[*]` for a finding `--fix` can fix, `[unsafe]` for one that needs
/// `--unsafe-fixes`, nothing otherwise.
fn fix_badge(finding: &Finding) -> &'static str {
    match finding.automatic_fix() {
        Some(fix) if fix.applicability == transcript_ls::fix::Applicability::Safe => " [*]",
        Some(_) => " [unsafe fix]",
        None => "",
    }
}
