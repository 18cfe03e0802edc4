//! Where one record ends and the next begins in a file that holds several:
//! the OCR'd compilations of an archive (a NARA identification form, then
//! a memo, then a cable, each with its own banner and header), which every
//! "per document" judgement must take one record at a time.
//!
//! A record starts at a record head that follows body text: forty words or
//! more since the record before began (a dateline or a title above the
//! first header is not a record of its own; the words are counted across
//! the whole document, in `analysis::Facts`). A record head is a header
//! block of two or more fields (not only the classification authority and
//! declassification fields, which close a record as often as they open
//! one), or one field that only a record's first page carries (`MEMORANDUM
//! FOR:`, `AGENCY :`, `RECORD NUMBER :`), or a `MEMORANDUM …` title, or a
//! NARA separator (`14-00000`) that a banner, title or header follows
//! before any text. The start is pulled back over the banners, titles,
//! furniture and debris just above the head, so that a record's banner and
//! separator are its own. A page's continuation head (`SUBJECT:` alone)
//! starts nothing.

use super::{Block, Model};

/// Fields only a record's first page carries.
const HEAD_FIELDS: &[&str] = &[
    "MEMORANDUM FOR",
    "MEMORANDUM TO",
    "AGENCY",
    "AGENCY INFORMATION",
    "RECORD NUMBER",
    "RECORD NUMBERS",
];

/// Fields of the classification authority and declassification blocks.
const AUTHORITY_FIELDS: &[&str] = &[
    "CLASSIFIED BY",
    "CLASSIFIED ON",
    "REASON",
    "REASONS",
    "DECLASSIFY ON",
    "DECLASSIFIED CASE",
    "DECLASSIFIED BY",
    "DECLASSIFIED ON",
    "DERIVED FROM",
    "DOWNGRADE TO",
    "CAUTION",
    "CL BY",
    "CL REASON",
    "CL REASONS",
    "DECL ON",
    "DECL",
    "DRV FROM",
    "DRV FRM",
    "DRV",
    "DECLASSIFY",
    "DOWNGRADE",
    "AUTHORITY",
];

/// The offsets of the record heads (pulled back over what belongs to
/// them): where a record may start. Whether one does is decided for the
/// whole document (see `analysis::Facts`): only after enough body text.
pub fn starts(text: &str, model: &Model) -> Vec<usize> {
    let mut starts = Vec::new();
    let blocks = &model.blocks;
    let mut k = 0;
    while k < blocks.len() {
        let head = match blocks[k] {
            Block::Field(_) => {
                // The run of fields from here: a header block.
                let run = blocks[k..]
                    .iter()
                    .take_while(|b| matches!(b, Block::Field(_)))
                    .count();
                let first_page_field = blocks[k..k + run].iter().any(|b| {
                    matches!(b, Block::Field(f) if HEAD_FIELDS.iter().any(|n| model.fields[*f].is(n)))
                });
                // The classification and declassification blocks close a
                // record as often as they open one: they start nothing.
                let heading_fields = blocks[k..k + run]
                    .iter()
                    .filter(|b| {
                        matches!(b, Block::Field(f) if !AUTHORITY_FIELDS.iter().any(|n| model.fields[*f].is(n)))
                    })
                    .count();
                let head = (run >= 2 && heading_fields >= 1) || first_page_field;
                if head && k > 0 {
                    starts.push(pull_back(model, k));
                }
                k += run;
                continue;
            }
            Block::Furniture(f) if is_separator(&text[model.furniture[f].clone()]) => {
                // A NARA separator opens a new record when a banner, a
                // title or a header follows it before any text.
                blocks[k + 1..]
                    .iter()
                    .take(3)
                    .take_while(|b| !matches!(b, Block::Paragraph(_) | Block::Label(_)))
                    .any(|b| matches!(b, Block::Banner(_) | Block::Heading(_) | Block::Field(_)))
            }
            Block::Heading(h) => {
                let title = text[model.headings[h].clone()].trim_start_matches(['#', ' ']);
                title.to_ascii_uppercase().starts_with("MEMORANDUM")
            }
            _ => false,
        };
        if head && k > 0 {
            starts.push(pull_back(model, k));
        }
        k += 1;
    }
    starts.dedup();
    starts.retain(|&s| s > 0);
    starts
}

/// The start of the blocks just above `k` that belong to the record's
/// head: banners, titles, furniture and debris.
fn pull_back(model: &Model, k: usize) -> usize {
    let mut first = k;
    while first > 0
        && matches!(
            model.blocks[first - 1],
            Block::Banner(_) | Block::Heading(_) | Block::Furniture(_) | Block::Debris(_)
        )
    {
        first -= 1;
    }
    block_start(model, first)
}

fn block_start(model: &Model, k: usize) -> usize {
    match model.blocks[k] {
        Block::Paragraph(i) => model.paragraphs[i].range.start,
        Block::Banner(i) => model.banners[i].range.start,
        Block::Field(i) => model.fields[i].range.start,
        Block::Label(i) => model.turns[i].range.start,
        Block::Furniture(i) => model.furniture[i].start,
        Block::Debris(i) => model.debris[i].start,
        Block::Heading(i) => model.headings[i].start,
        Block::EndMarker => model.end_marker.as_ref().map_or(0, |r| r.start),
    }
}

/// A NARA separator line, `14-00000` as OCR reads it (`13-00000`,
/// `14,00900`, `1400000`): two digits, a dash, comma or nothing, and five
/// more characters that are mostly zeros.
fn is_separator(line: &str) -> bool {
    let chars: Vec<char> = line.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let digits: Vec<char> = chars.iter().copied().filter(char::is_ascii_digit).collect();
    let other = chars.len() - digits.len();
    digits.len() == 7 && other <= 1 && digits[2..].iter().filter(|&&c| c == '0').count() >= 4
}
