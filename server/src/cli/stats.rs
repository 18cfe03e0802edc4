//! `transcript-ls stats`: each document's speaker statistics (turns, words,
//! questions asked and answered, per speaker and per record), as text, JSON
//! or CSV. The numbers are [`transcript_ls::ide::stats`]'s, as the editor's
//! command shows them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use transcript_ls::ide::stats::{SpeakerStats, Statistics, statistics};
use transcript_ls::{Config, analyze_text};

use super::input::{is_broken_pipe, read_transcript};

/// How `stats` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table per document, per record when it holds several.
    Text,
    /// One array: `{"path", "turns", "words", "speakers": [...], "records": [...]}` per document.
    Json,
    /// One row per document, record and speaker, with a header row.
    Csv,
}

/// The statistics of each file in `format`; a file that cannot be read is
/// reported on standard error and the others are still shown (exit 1).
pub fn run(files: &[PathBuf], format: Format) -> ExitCode {
    let mut failed = false;
    let mut read = Vec::new();
    for path in files {
        match read_transcript(path) {
            Ok(text) => {
                let config = Config::for_document(path).unwrap_or_default();
                let model = analyze_text(&text, &config).model;
                read.push((path.as_path(), statistics(&model, &text)));
            }
            Err(error) => {
                eprintln!("error: {error:#}");
                failed = true;
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        Format::Text => text(&mut out, &read),
        Format::Json => json(&mut out, &read),
        Format::Csv => csv(&mut out, &read),
    };
    match written {
        Err(e) if is_broken_pipe(&e) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
        Ok(()) => {}
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn text(out: &mut impl Write, docs: &[(&Path, Statistics)]) -> Result<()> {
    for (i, (path, stats)) in docs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}: {} turns, {} words",
            path.display(),
            stats.turns,
            stats.words
        )?;
        table(out, "", &stats.speakers)?;
        if stats.records.len() > 1 {
            for record in &stats.records {
                writeln!(out, "  record {}", record.record)?;
                table(out, "  ", &record.speakers)?;
            }
        }
    }
    Ok(())
}

fn table(out: &mut impl Write, indent: &str, speakers: &[SpeakerStats]) -> Result<()> {
    if speakers.is_empty() {
        writeln!(out, "{indent}  no speaker turns")?;
        return Ok(());
    }
    let width = speakers
        .iter()
        .map(|s| s.speaker.chars().count())
        .max()
        .unwrap_or(0)
        .max("speaker".len());
    writeln!(
        out,
        "{indent}  {:<width$}  {:>6}  {:>7}  {:>5}  {:>8}",
        "speaker", "turns", "words", "asked", "answered"
    )?;
    for s in speakers {
        writeln!(
            out,
            "{indent}  {:<width$}  {:>6}  {:>7}  {:>5}  {:>8}",
            s.speaker, s.turns, s.words, s.questions_asked, s.questions_answered
        )?;
    }
    Ok(())
}

fn json(out: &mut impl Write, docs: &[(&Path, Statistics)]) -> Result<()> {
    let list: Vec<serde_json::Value> = docs
        .iter()
        .map(|(path, stats)| {
            let mut v = serde_json::to_value(stats).unwrap_or_default();
            v["path"] = path.display().to_string().into();
            v
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list).context("writing JSON")?;
    writeln!(out)?;
    Ok(())
}

fn csv(out: &mut impl Write, docs: &[(&Path, Statistics)]) -> Result<()> {
    writeln!(
        out,
        "path,record,speaker,turns,words,questions_asked,questions_answered"
    )?;
    for (path, stats) in docs {
        let rows = stats
            .records
            .iter()
            .flat_map(|r| r.speakers.iter().map(move |s| (r.record, s)));
        for (record, s) in rows {
            writeln!(
                out,
                "{},{record},{},{},{},{},{}",
                field(&path.display().to_string()),
                field(&s.speaker),
                s.turns,
                s.words,
                s.questions_asked,
                s.questions_answered
            )?;
        }
    }
    Ok(())
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}
