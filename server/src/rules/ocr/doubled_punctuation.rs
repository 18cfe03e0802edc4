//! Doubled punctuation: `..` (not an ellipsis), `,,`, `;;`, a run of mixed
//! marks between words (`No,.we`, `1998,. CIA`, `Act:. The`, `.,,,`), or a
//! comma standing alone between two words on one line (`word , word`).
//!
//! OCR doubles marks when a speck sits next to one, and extraction leaves a
//! space before a comma that has drifted. Three or more dots are an
//! ellipsis and are left alone, as are `../` paths and `1..10` ranges. A
//! mixed run counts only between words: after a word (or opening a line
//! before one) and before a word, a dash or the line's end; not between
//! digits (`1.,000`), not when its period ends an abbreviation (`U.S.,`,
//! `Inc.,`, `etc.,`, `a.m.,`, `J.,`: the comma after it is right), and not
//! among specks (`. .,. |`). A pair of dots standing apart (`..
//! GOVERNMENT`, `at parties. ..`) is a speck, not doubled punctuation. A
//! lone comma counts only between two real words on one
//! line (English words, names, words in capitals) and not after a full
//! stop: at a line's ragged end, after a sentence or among OCR's garble
//! (`. , a so`, `reason. , ee`, `Cé , MomsrindaS`) it is a speck, not a
//! slip.
//!
//! ## Fires
//! ```text
//! President Putin: I agree.. What I mean is
//! first ,, second ;; third , fourth
//! No,.we did not. By September 30, 1998,. CIA shall report.
//! ```
//!
//! ## Does not fire
//! ```text
//! I agree... What I mean is, first; second.
//! the U.S., the U.K., Acme Inc., and so on, etc., at 9 a.m., 1.,000
//! .. UNITED STATES GOVERNMENT
//! for that reason. , ee Cé , MomsrindaS
//! ```
//!
//! ## Fix
//! Safe for a doubled mark or a space before a comma: keep a single mark,
//! or remove the space. Unsafe for a mixed run: keep one of its marks, the
//! reader choosing which.

use std::ops::Range;

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O003",
    name: "doubled-punctuation",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

/// Abbreviations whose period a comma, semicolon or colon may follow:
/// `Inc.,`, `etc.,`, `Mr.:`. Single letters (`J.,`) and dotted forms
/// (`U.S.,`) are abbreviations too.
const ABBREVIATIONS: &[&str] = &[
    "inc", "co", "corp", "ltd", "jr", "sr", "esq", "bros", "etc", "al", "cf", "viz", "vs", "ibid",
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "gen", "col", "lt", "capt", "sgt", "maj", "adm",
    "sen", "rep", "gov", "hon", "rev", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "dept", "div", "sec", "art", "vol", "ch", "p", "pp",
    "para", "fig", "ed", "eds", "approx", "govt", "assn", "univ", "ave", "ref", "encl", "attn",
    "subj", "tel", "ext",
];

fn check(cx: &Context, out: &mut Report) {
    doubled_in_labels(cx, out);
    let bytes = cx.text.as_bytes();
    for (i, word) in cx.words_with(shape::PUNCTUATION) {
        let w = cx.slice(word).as_bytes();
        let mut k = 0;
        while k < w.len() {
            if !is_mark(w[k]) {
                k += 1;
                continue;
            }
            let run = w[k..].iter().take_while(|&&b| is_mark(b)).count();
            let marks = &w[k..k + run];
            if marks.iter().all(|&b| b == marks[0]) {
                doubled(cx, word, k, run, out);
            } else {
                mixed(cx, i, k..k + run, out);
            }
            k += run;
        }
        // ` , ` — a comma standing alone between two words of one
        // paragraph.
        if w == b","
            && i > 0
            && word_follows_on_line(cx.text, word.end)
            && is_word(cx.slice(&cx.words[i - 1]))
            && !cx
                .slice(&cx.words[i - 1])
                .ends_with(['.', '?', '!', ':', ';'])
            && plausible(cx.slice(&cx.words[i - 1]))
            && cx
                .words
                .get(i + 1)
                .is_some_and(|next| plausible(cx.slice(next)))
        {
            let prev = &cx.words[i - 1];
            let gap = prev.end..word.start;
            if bytes[gap.clone()].iter().all(|b| *b == b' ') {
                out.add(gap.start..word.end, "space before a comma")
                    .with_fix(Fix::safe(
                        "Remove the space before the comma",
                        vec![Edit::delete(gap)],
                    ));
            }
        }
    }
}

/// A period OCR doubled in a speaker label of the printed hearings' style:
/// `Mr..Duues.`, `The Cuareman..`, `Mr. BeLMont..I do`.
fn doubled_in_labels(cx: &Context, out: &mut Report) {
    let bytes = cx.text.as_bytes();
    for turn in &cx.model.turns {
        // The label and the character after it, where the second period
        // of `Cuareman..` stands.
        let end = (turn.label.end + 1).min(bytes.len());
        let label = &bytes[turn.label.start..end];
        for k in 0..label.len().saturating_sub(1) {
            let at = turn.label.start + k;
            let run = label[k..].iter().take_while(|&&b| b == b'.').count();
            let fresh = k == 0 || label[k - 1] != b'.';
            if fresh && run == 2 {
                out.add(at..at + 2, "doubled `.`").with_fix(Fix::safe(
                    "Keep a single `.`",
                    vec![Edit::delete(at + 1..at + 2)],
                ));
            }
        }
    }
}

/// `.`, `,`, `;` or `:`.
fn is_mark(b: u8) -> bool {
    matches!(b, b'.' | b',' | b';' | b':')
}

/// `..`, `,,`, `;;`: a run of one mark, `run` long at `k` in `word`.
fn doubled(cx: &Context, word: &Range<usize>, k: usize, run: usize, out: &mut Report) {
    let w = cx.slice(word).as_bytes();
    let c = w[k];
    let after = w.get(k + run).copied();
    let before = k.checked_sub(1).map(|j| w[j]);
    let path_or_range = c == b'.'
        && (after == Some(b'/')
            || (before.is_some_and(|b| b.is_ascii_digit())
                && after.is_some_and(|b| b.is_ascii_digit())));
    // A doubled mark is glued to what it follows; a pair of dots standing
    // apart (`.. GOVERNMENT`, `at parties. ..`, `to .. .`) is a speck
    // like any other, not the text's punctuation.
    let glued = before.is_some_and(|b| {
        b.is_ascii_alphanumeric() || matches!(b, b')' | b'"' | b'\'') || b >= 0x80
    });
    if run == 2 && c != b':' && !path_or_range && glued {
        let at = word.start + k;
        let mark = (c as char).to_string();
        out.add(at..at + 2, format!("doubled `{mark}`"))
            .with_fix(Fix::safe(
                format!("Keep a single `{mark}`"),
                vec![Edit::delete(at + 1..at + 2)],
            ));
    }
}

/// A run of mixed marks (`,.`, `.,,,`, `:.`) at `run` in word `i`.
fn mixed(cx: &Context, i: usize, mut run: Range<usize>, out: &mut Report) {
    let word = &cx.words[i];
    let w = cx.slice(word).as_bytes();
    if w[run.clone()].windows(3).any(|d| d == b"...") {
        return;
    }
    let before = run.start.checked_sub(1).map(|j| w[j]);
    let after = w.get(run.end).copied();
    if before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|b| b.is_ascii_digit()) {
        return;
    }
    // `U.S.,`: the period ends an abbreviation; judge what follows it.
    if w[run.start] == b'.' && ends_abbreviation(&w[..run.start], w[run.start + 1]) {
        run.start += 1;
        if run.len() < 2 {
            return;
        }
        if w[run.clone()].iter().all(|&b| b == w[run.start]) {
            doubled(cx, word, run.start, run.len(), out);
            return;
        }
    }
    let (before, apart) = side_before(cx, i, run.start);
    let after = side_after(cx, i, run.end);
    let stands = match (before, after) {
        (Side::Speck, _) | (_, Side::Speck) => false,
        // `., around`: opening a line, before a word.
        (Side::LineEdge, after) => after == Side::Letter,
        // `13-00000 .,`: apart after a number at the line's end, furniture.
        (Side::Digit, Side::LineEdge | Side::Dash) => !apart,
        _ => true,
    };
    let colon = w[run.clone()].contains(&b':');
    if !stands || (colon && (after == Side::Dash || !in_prose(cx.text, word.start + run.start))) {
        return;
    }
    let at = word.start + run.start..word.start + run.end;
    let marks = &cx.text[at.clone()];
    let finding = out.add(at.clone(), format!("doubled punctuation `{marks}`"));
    let mut kept = Vec::new();
    for c in marks.chars() {
        if !kept.contains(&c) {
            kept.push(c);
            finding.with_fix(Fix::unsafe_(
                format!("Keep a single `{c}`"),
                vec![Edit::replace(at.clone(), c.to_string())],
            ));
        }
    }
}

/// Whether `head` (a word up to a period, which `next` follows) ends with
/// an abbreviation: a single character (an initial, `J.`, or a label), a
/// dotted form (`U.S.`, `a.m.`, `i.e.`), one of [`ABBREVIATIONS`], or before
/// a comma a capitalised word of up to four letters (`Tex.,`, `Blvd.,`,
/// `Cong.,`, `NE.,`).
fn ends_abbreviation(head: &[u8], next: u8) -> bool {
    let start = head
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'.'))
        .map_or(0, |p| p + 1);
    let token = &head[start..];
    let last = token.rsplit(|&b| b == b'.').next().unwrap_or_default();
    if last.is_empty() {
        return false;
    }
    if token.contains(&b'.') || last.len() == 1 {
        return true;
    }
    if !last.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let lower = String::from_utf8_lossy(last).to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (next == b',' && last.len() <= 4 && last[0].is_ascii_uppercase())
}

/// What stands beside a run of marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Letter,
    Digit,
    /// The line's start or end.
    LineEdge,
    /// A dash standing as a word (after the run only).
    Dash,
    /// Anything else: a bar, a stray mark, a lone lower-case letter.
    Speck,
}

/// What comes before the run at `at` in word `i` (past closing quotes and
/// brackets), and whether the run stands apart from it.
fn side_before(cx: &Context, i: usize, at: usize) -> (Side, bool) {
    let word = &cx.words[i];
    let head = cx.slice(word)[..at].trim_end_matches(is_closing);
    if head.chars().any(char::is_alphanumeric) {
        let stretch: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        return (side_of_stretch(&stretch), false);
    }
    if head.chars().any(|c| !is_opening(c)) {
        return (Side::Speck, false);
    }
    let Some(previous) = i.checked_sub(1).map(|k| &cx.words[k]) else {
        return (Side::LineEdge, true);
    };
    if cx.text[previous.end..word.start].contains('\n') {
        return (Side::LineEdge, true);
    }
    let last = cx
        .slice(previous)
        .trim_end_matches(is_closing)
        .chars()
        .next_back();
    let side = match last {
        Some(c) if c.is_alphabetic() => Side::Letter,
        Some(c) if c.is_alphanumeric() => Side::Digit,
        _ => Side::Speck,
    };
    (side, true)
}

/// A letter or digit stretch before a run, read backwards: a lone
/// lower-case letter other than `a` or `i` is a speck (`z;,`).
fn side_of_stretch(reversed: &str) -> Side {
    let mut chars = reversed.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_lowercase() && !matches!(c, 'a' | 'i') => Side::Speck,
        (Some(c), _) if c.is_alphabetic() => Side::Letter,
        (Some(_), _) => Side::Digit,
        (None, _) => Side::Speck,
    }
}

/// What comes after the run ending at `end` in word `i` (past closing
/// quotes and brackets, and opening ones before a word).
fn side_after(cx: &Context, i: usize, end: usize) -> Side {
    let word = &cx.words[i];
    let tail = cx.slice(word)[end..].trim_start_matches(is_closing);
    let (next, apart) = if tail.is_empty() {
        match cx.words.get(i + 1) {
            // `Subject.: |`: a bar ending the line is the page's ruled
            // margin.
            Some(next) if cx.slice(next).bytes().all(|b| b == b'|') && line_ends(cx, i + 1) => {
                return Side::LineEdge;
            }
            Some(next) if !cx.text[word.end..next.start].contains('\n') => (cx.slice(next), true),
            _ => return Side::LineEdge,
        }
    } else {
        (tail, false)
    };
    let next = next.trim_start_matches(is_opening);
    match next.chars().next() {
        Some(c) if c.is_alphabetic() => Side::Letter,
        Some(c) if c.is_alphanumeric() => Side::Digit,
        _ if apart && is_dash(next) => Side::Dash,
        _ => Side::Speck,
    }
}

/// Whether word `i` is the last on its line.
fn line_ends(cx: &Context, i: usize) -> bool {
    let end = cx.words[i].end;
    cx.text[end..]
        .split('\n')
        .next()
        .is_some_and(|rest| rest.trim().is_empty())
}

/// Whether the line before `at` holds a word in lower case: prose, not a
/// caption or form field (`Re:.`, `DATE :.`, `Position (Jan 65):.`), where
/// a colon and a speck are the field's.
fn in_prose(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    text[start..at].split_whitespace().any(|w| {
        w.trim_start_matches(is_opening)
            .starts_with(char::is_lowercase)
    })
}

/// A closing bracket or quote.
fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '"' | '\'' | '\u{201d}' | '\u{2019}')
}

/// An opening bracket or quote.
fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '\'' | '\u{201c}' | '\u{2018}')
}

/// `-`, `--`, `—`: a dash standing as a word.
fn is_dash(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'))
}

/// A word of letters follows `at` on the same line: the comma stands in a
/// sentence, not at a line's ragged end or in a column of OCR specks.
fn word_follows_on_line(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let line = rest.split('\n').next().unwrap_or("");
    line.split_whitespace()
        .next()
        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// A word a lone comma may stand beside: an English word, a name
/// (`Tunheim , Chair`) or a word in capitals (`HARVEY , ROSELLI`), not
/// OCR's garble (`MomsrindaS`, `fz`).
fn plausible(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphabetic());
    let letters = core.chars().count();
    let name = letters >= 3
        && core.chars().next().is_some_and(char::is_uppercase)
        && core.chars().skip(1).all(char::is_lowercase);
    let capitals = letters >= 2 && core.chars().all(char::is_uppercase);
    name || capitals || crate::dictionary::is_word(core)
}

/// A word of two or more letters, with no more than trailing punctuation.
fn is_word(w: &str) -> bool {
    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    core.chars().count() >= 2 && core.chars().all(char::is_alphabetic)
}
