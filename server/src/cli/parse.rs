//! `transcript-ls parse`: each document's structure, as the outline shows
//! it, then what the analysis reads of it: records, header fields, page
//! furniture, debris, and the turns it takes for speakers' turns.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use transcript_ls::model::{Block, Model};
use transcript_ls::outline::{ItemKind, OutlineItem, outline};
use transcript_ls::{Config, analyze_text, syntax};

use super::input::{is_broken_pipe, read_transcript};

/// Prints the structure of each file.
pub fn run(files: &[PathBuf]) -> ExitCode {
    parse_files(files)
}

fn parse_files(files: &[PathBuf]) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    let mut shown = 0;
    for path in files {
        let result = read_transcript(path).and_then(|source| {
            if shown > 0 {
                // a blank line between documents
                writeln!(out)?;
            }
            print_outline(&mut out, path, &source)
        });
        if result.is_ok() {
            shown += 1;
        }
        if let Err(error) = result {
            if is_broken_pipe(&error) {
                // The reader went away (`| head`): stop quietly.
                return ExitCode::SUCCESS;
            }
            let _ = out.flush();
            eprintln!("error: {error:#}");
            failed = true;
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_outline(out: &mut impl Write, path: &Path, source: &str) -> Result<()> {
    let tree = syntax::parse(source);
    let items = outline(source, &tree);
    writeln!(out, "{}", path.display())?;
    for OutlineItem { line, kind } in &items {
        let (indent, label, text) = match kind {
            ItemKind::Heading(text) => ("", "heading", text.clone()),
            ItemKind::Banner { text, struck } => (
                "",
                "banner",
                if *struck {
                    format!("{text} (struck)")
                } else {
                    text.clone()
                },
            ),
            ItemKind::Field { name, value } => (
                "",
                "field",
                format!("{name}: {value}").trim_end().to_string(),
            ),
            ItemKind::ParticipantGroup(name) => ("  ", "group", name.clone()),
            ItemKind::Participant(name) => ("    ", "participant", name.clone()),
            ItemKind::Turn {
                speaker,
                first_words,
            } => ("", "turn", format!("{speaker}: {first_words}")),
            ItemKind::EndMarker(text) => ("", "end", text.clone()),
        };
        let tag = format!("{indent}{label}");
        writeln!(out, "{line:>6}  {tag:<16}{}", shorten(&text))?;
    }
    writeln!(out, "{}", speaker_summary(&items))?;
    let config = Config::for_document(path).unwrap_or_default();
    writeln!(
        out,
        "{}",
        structure_summary(source, &analyze_text(source, &config).model)
    )?;
    Ok(())
}

/// `3 records (a new one at lines 120, 488); 14 header fields in 5 blocks;
/// 22 page furniture lines; 9 debris lines; 45 speaker turns` — what the
/// analysis reads of the document, with the speakers it takes for turns.
fn structure_summary(source: &str, model: &Model) -> String {
    let index = transcript_ls::line_index::LineIndex::new(source);
    let line = |offset: usize| {
        index
            .position(source, offset, transcript_ls::line_index::ColumnUnit::Utf8)
            .line
            + 1
    };
    let records = model.records.len() + 1;
    let mut parts = vec![match records {
        1 => "1 record".to_string(),
        n => format!(
            "{n} records (new ones at lines {})",
            model
                .records
                .iter()
                .map(|&r| line(r).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }];
    let blocks = model
        .blocks
        .iter()
        .zip(model.blocks.iter().skip(1).map(Some).chain([None]))
        .filter(|(b, next)| matches!(b, Block::Field(_)) && !matches!(next, Some(Block::Field(_))))
        .count();
    parts.push(format!(
        "{} header fields in {blocks} blocks",
        model.fields.len()
    ));
    parts.push(format!("{} page furniture lines", model.furniture.len()));
    parts.push(format!("{} debris lines", model.debris.len()));
    parts.push(format!(
        "{} speaker turns by {} speakers",
        model.turns.len(),
        model
            .turns
            .iter()
            .map(|t| t.speaker)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    ));
    parts.join("; ")
}

/// How much of a long field value a line shows.
const SHOWN_CHARS: usize = 100;

fn shorten(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// `45 speaker turns: The President 21, President Putin 19, …`, most
/// frequent first, ties in order of first appearance.
fn speaker_summary(items: &[OutlineItem]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        if let ItemKind::Turn { speaker, .. } = &item.kind {
            match counts.iter_mut().find(|(name, _)| *name == speaker) {
                Some((_, n)) => *n += 1,
                None => counts.push((speaker, 1)),
            }
        }
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let listed: Vec<String> = counts
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    match total {
        0 => "no speaker turns".to_string(),
        1 => format!("1 speaker turn: {}", listed.join(", ")),
        _ => format!("{total} speaker turns: {}", listed.join(", ")),
    }
}
