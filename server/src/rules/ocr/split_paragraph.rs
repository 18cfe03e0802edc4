//! A paragraph breaks off mid-sentence and goes on in the next one, across
//! blank lines, page furniture or a banner: a page break cut it in two.
//!
//! The first piece ends where no sentence ends (a word, a comma, a hyphen
//! `offi-`, a period after `the` or `Mr.`), once OCR's specks after its
//! last word are set aside (`wife said she |`), and the next paragraph of
//! the same turn goes on with it: in lower case; in any case after a word
//! no sentence ends on (`of the` / `Central Intelligence Agency`); in
//! capitals when both are cable text in capitals. A comma alone licenses no
//! capital, since OCR reads many full stops as commas. Only blank lines,
//! margin marks, page furniture, banners and debris may stand between them;
//! a speaker label, a header field or a heading means the text really did
//! stop. The finding sits on the first piece's last word, never on a speck.
//!
//! ## Fires
//! ```text
//! I don't want to drop it in the
//!
//! ( middle of a political firestorm. (S)
//! ```
//!
//! ## Does not fire
//! ```text
//! I don't want to drop it.
//!
//! middle managers agree.
//! ```
//!
//! ## Fix
//! Safe: join the two pieces with a space (a hyphenated word without its
//! hyphen when that makes an English word: `offi-` / `cers` → `officers`,
//! but `well-` / `known` → `well-known`), and move the page furniture and
//! banners that stood between them to just after the joined paragraph, so
//! no line is lost. Margin marks between the pieces are dropped (O004 would
//! delete them anyway). When the second piece starts with its own portion
//! mark the pieces are reported but not joined.

use crate::dictionary;
use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::model::Block;
use crate::model::splits::{Ending, open_end};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "O005",
    name: "split-paragraph",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    let model = cx.model;
    for (i, block) in model.blocks.iter().enumerate() {
        let Block::Paragraph(p) = *block else {
            continue;
        };
        let first = &model.paragraphs[p];
        if !first.continues {
            continue;
        }
        let mut moved = Vec::new();
        let mut next = None;
        for b in &model.blocks[i + 1..] {
            match *b {
                Block::Banner(k) => moved.push(model.banners[k].range.clone()),
                Block::Furniture(k) => moved.push(model.furniture[k].clone()),
                Block::Debris(k) => moved.push(model.debris[k].clone()),
                Block::Paragraph(q) => {
                    next = Some(q);
                    break;
                }
                _ => break,
            }
        }
        let Some(q) = next else { continue };
        let second = &model.paragraphs[q];
        let Some(end) = open_end(cx.text, first) else {
            continue;
        };
        let head: String = cx
            .slice(&second.content)
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let finding = out
            .add(
                end.word.clone(),
                format!(
                    "the sentence breaks off here and goes on in the next paragraph (`{head}`)"
                ),
            )
            .with_related(
                second.content.start
                    ..second.content.start + words_end(cx.slice(&second.content), 3),
                "continues here",
            );
        if second.marks.first().is_some_and(|m| m.leading) {
            continue;
        }
        // A word broken by a hyphen is joined without it when that makes
        // a word (`offi-` / `cers`), with it otherwise (`well-` / `known`);
        // specks after the last word stay where they are.
        let mut edits = if end.ending == Ending::Hyphen && !end.specks {
            let hyphen = end.word.end - 1;
            let joined = format!(
                "{}{}",
                cx.slice(&(end.word.start..hyphen))
                    .trim_start_matches(|c: char| !c.is_alphabetic()),
                first_word(cx.slice(&second.content))
            );
            let at = if dictionary::is_word(&joined) {
                hyphen
            } else {
                end.word.end
            };
            vec![Edit::replace(at..second.content.start, "")]
        } else {
            vec![Edit::replace(first.content.end..second.content.start, " ")]
        };
        if !moved.is_empty() {
            let lines: Vec<&str> = moved.iter().map(|r| cx.slice(r)).collect();
            edits.push(Edit::insert(
                second.range.end,
                format!("\n\n{}", lines.join("\n\n")),
            ));
        }
        finding.with_fix(Fix::safe("Join the paragraph across the page break", edits));
    }
}

/// The letters `text` starts with.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    &text[..end]
}

/// The byte length of the first `n` words of `text`, as written.
fn words_end(text: &str, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}
