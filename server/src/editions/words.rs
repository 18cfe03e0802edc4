//! An edition's words as a comparison reads them: the words of each speaker
//! turn, paragraph after paragraph, with what is only presentation taken
//! out, so that two editions typeset differently read alike.
//!
//! What is taken out (each class is listed in `docs/editions.md`):
//!
//! - white space and line wrapping: words are split at any white space, so
//!   a line break, a run of spaces or a leading space are one gap;
//! - Markdown emphasis (`*`, `**`, and `_` or `__` at a word's edges),
//!   backslash escapes, and links (`[text](target)` reads as `text`);
//! - HTML comments (`<!-- transcript: ... -->` directives);
//! - curly quotes, which read as straight ones (`’` as `'`, `“` as `"`);
//! - a paragraph break that only a page made: a sentence that runs on into
//!   the next paragraph across page furniture (`Paragraph::continues`) is
//!   one paragraph;
//! - a word broken at a line's end (`imple-` / `mented`) is one word,
//!   which keeps its hyphen (a difference of punctuation at most).
//!
//! Headings, page furniture, banners, portion marks, margin marks, header
//! fields and whatever stands before the first speaker's label are each
//! edition's own (its publisher's), never words of the conversation: they
//! are not read at all.

use std::ops::Range;

use crate::model::{Model, ParagraphRole};

/// One word, or the break between two paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word's bytes in the edition, without the markup around it; for
    /// a break, the white space between the two paragraphs.
    pub range: Range<usize>,
    /// What the comparison matches: the word without markup, its quotes
    /// straight; [`BREAK`] for a paragraph break.
    pub key: String,
    /// The word as the edition writes it, without markup: what a fix
    /// taking this reading writes.
    pub text: String,
}

/// The key of a paragraph break, which no word can have (words hold no
/// white space).
pub const BREAK: &str = "\n";

impl Token {
    /// Whether the token is a paragraph break.
    pub fn is_break(&self) -> bool {
        self.key == BREAK
    }
}

/// The words of one speaker turn, or of the whole text when an edition has
/// no turns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The turn, by index into the model's turns.
    pub turn: Option<usize>,
    /// Who speaks: the speaker's key in capitals, white space collapsed.
    pub speaker: String,
    /// The turn's label (with its markup), or an empty range at the text's
    /// start for a text without turns.
    pub label: Range<usize>,
    /// The name as the label writes it.
    pub name: Range<usize>,
    /// The whole turn, label and paragraphs (the whole text when there
    /// are no turns).
    pub extent: Range<usize>,
    pub tokens: Vec<Token>,
}

/// The units of an edition: one per speaker turn, or, when `turns` is
/// false (an edition with no turns, or compared with one that has none),
/// one for every body paragraph.
pub fn units(text: &str, model: &Model, turns: bool) -> Vec<Unit> {
    if !turns {
        let paragraphs: Vec<usize> = (0..model.paragraphs.len()).collect();
        return vec![Unit {
            turn: None,
            speaker: String::new(),
            label: 0..0,
            name: 0..0,
            extent: 0..text.len(),
            tokens: tokens(text, model, &paragraphs),
        }];
    }
    model
        .turns
        .iter()
        .enumerate()
        .map(|(i, turn)| Unit {
            turn: Some(i),
            speaker: speaker_key(model, turn.speaker),
            label: turn.label.clone(),
            name: turn.name_range.clone(),
            extent: turn.range.clone(),
            tokens: tokens(text, model, &turn.paragraphs),
        })
        .collect()
}

/// The speaker's key as both editions can agree on it: in capitals, with
/// white space collapsed (`**Secretary Rice:**` and `SECRETARY RICE:` are
/// one speaker).
fn speaker_key(model: &Model, speaker: usize) -> String {
    let key = model.speakers.get(speaker).map_or("", |s| s.key.as_str());
    key.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// The tokens of the paragraphs at `indices`, with a break between two
/// paragraphs unless the first runs on into the second.
fn tokens(text: &str, model: &Model, indices: &[usize]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    // The paragraph before: where it ends, and whether its sentence runs on.
    let mut before: Option<(usize, bool)> = None;
    for &i in indices {
        let paragraph = &model.paragraphs[i];
        if paragraph.role == ParagraphRole::Directive {
            continue;
        }
        // A sentence running on across page furniture is one paragraph a
        // page cut; across blank lines alone, a paragraph this edition
        // splits (O005), which the comparison reports.
        let runs_on = before.is_some_and(|(end, continues)| {
            continues
                && text
                    .get(end..paragraph.range.start)
                    .is_some_and(|between| !between.trim().is_empty())
        });
        let start = out.len();
        paragraph_words(text, paragraph.content.clone(), &mut out);
        if out.len() == start {
            continue;
        }
        if start > 0 && !runs_on {
            let gap = out[start - 1].range.end..out[start].range.start;
            out.insert(
                start,
                Token {
                    range: gap,
                    key: BREAK.to_string(),
                    text: BREAK.to_string(),
                },
            );
        }
        before = Some((paragraph.range.end, paragraph.continues));
    }
    out
}

/// Appends the words of `range` (one paragraph) to `out`.
fn paragraph_words(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let dropped = markup(slice);
    let mut word: Option<Token> = None;
    let mut gap_has_newline = false;
    let mut skip = dropped.iter().peekable();
    for (at, c) in slice.char_indices() {
        while skip.peek().is_some_and(|r| r.end <= at) {
            skip.next();
        }
        if skip.peek().is_some_and(|r| r.start <= at) {
            continue;
        }
        if c.is_whitespace() {
            if let Some(w) = word.take() {
                push_word(out, w, gap_has_newline);
                gap_has_newline = false;
            }
            gap_has_newline |= c == '\n' || c == '\r';
            continue;
        }
        let offset = range.start + at;
        let w = word.get_or_insert_with(|| Token {
            range: offset..offset,
            key: String::new(),
            text: String::new(),
        });
        w.range.end = offset + c.len_utf8();
        w.text.push(c);
        w.key.push(straight(c));
    }
    if let Some(w) = word.take() {
        push_word(out, w, gap_has_newline);
    }
}

/// Pushes `word`, or joins it to the word before when that one was broken
/// at the end of its line (`imple-` then `mented`).
fn push_word(out: &mut Vec<Token>, word: Token, after_newline: bool) {
    if after_newline
        && word.key.starts_with(|c: char| c.is_lowercase())
        && let Some(last) = out.last_mut()
        && !last.is_break()
        && last.key.len() > 1
        && last.key.ends_with('-')
        && last.key[..last.key.len() - 1].ends_with(|c: char| c.is_alphabetic())
    {
        last.range.end = word.range.end;
        last.key.push_str(&word.key);
        last.text.push_str(&word.text);
        return;
    }
    out.push(word);
}

/// A curly quote as its straight one.
fn straight(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        _ => c,
    }
}

/// The byte ranges of `paragraph` that are markup, sorted: emphasis marks,
/// escapes' backslashes, a link's brackets and target, HTML comments.
fn markup(paragraph: &str) -> Vec<Range<usize>> {
    let bytes = paragraph.as_bytes();
    let mut dropped: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if paragraph[i..].starts_with("<!--") => {
                let end = paragraph[i..]
                    .find("-->")
                    .map_or(bytes.len(), |e| i + e + 3);
                dropped.push(i..end);
                i = end;
                continue;
            }
            b'\\' if bytes.get(i + 1).is_some_and(|b| b.is_ascii_punctuation()) => {
                dropped.push(i..i + 1);
                i += 2;
                continue;
            }
            b'*' => dropped.push(i..i + 1),
            b'_' if at_word_edge(bytes, i) => dropped.push(i..i + 1),
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                let open = paragraph[..i].rfind('[');
                let close = paragraph[i..].find(')').map(|c| i + c + 1);
                if let (Some(open), Some(close)) = (open, close) {
                    dropped.push(open..open + 1);
                    dropped.push(i..close);
                    i = close;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    dropped.sort_by_key(|r| r.start);
    dropped
}

/// Whether the `_` at `i` opens or closes emphasis: white space or
/// punctuation (or the paragraph's edge) on one side of it.
fn at_word_edge(bytes: &[u8], i: usize) -> bool {
    let edge =
        |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation());
    edge(i.checked_sub(1).and_then(|p| bytes.get(p))) || edge(bytes.get(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(paragraph: &str) -> Vec<String> {
        let mut out = Vec::new();
        paragraph_words(paragraph, 0..paragraph.len(), &mut out);
        out.into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn emphasis_links_and_escapes_are_not_words() {
        assert_eq!(
            keys("Thom Shanker, *New York Times*. See [the video](https://x.org/v) \\*now\\*."),
            [
                "Thom", "Shanker,", "New", "York", "Times.", "See", "the", "video", "*now*."
            ]
        );
        assert_eq!(
            keys("**Bold** and __strong__ snake_case"),
            ["Bold", "and", "strong", "snake_case"]
        );
    }

    #[test]
    fn curly_quotes_read_as_straight_and_wrapping_is_white_space() {
        assert_eq!(
            keys("I\u{2019}ve  said\n \u{201C}no\u{201D}"),
            ["I've", "said", "\"no\""]
        );
    }

    #[test]
    fn a_word_broken_at_a_line_end_is_one_word() {
        assert_eq!(
            keys("imple-\nmented anti- missile"),
            ["imple-mented", "anti-", "missile"]
        );
    }

    #[test]
    fn a_word_keeps_the_range_of_its_letters_without_markup() {
        let text = "say *Times*.";
        let mut out = Vec::new();
        paragraph_words(text, 0..text.len(), &mut out);
        assert_eq!(&text[out[1].range.clone()], "Times*.");
        assert_eq!(out[1].text, "Times.");
    }
}
