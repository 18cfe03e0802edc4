//! A `|` standing alone as a word, where OCR read the pronoun `I`.
//!
//! Scanners turn a capital I with serifs into a vertical bar. But most bars
//! in OCR'd records are something else: the ruled margin, a sideline, the
//! edge of a redaction box, a table's column. So a bar is read as the
//! pronoun only where `I` fits: standing alone before a word that follows
//! `I` on the same line (an auxiliary or a verb of saying, thinking or
//! wanting: `as | mentioned`, `| think`, `| would`, or a past tense in
//! `-ed`), or before a contraction (`|'m`). Left alone: a bar at a line's
//! end, a bar opening a line that continues a paragraph (the margin), a
//! bar after a subject or an article (`he | is`, `the | man`), a bar before
//! any other word, and lines that start and end with `|` (table rows).
//!
//! ## Fires
//! ```text
//! And as | mentioned in the beginning of my speech,
//! ```
//!
//! ## Does not fire
//! ```text
//! | Treaty | Signed |
//! RECORDS ACT OF 1992 |
//! a|b
//! the record is clear, and he | is
//! we found that we had a
//! | fingerprint record
//! ```
//!
//! ## Fix
//! Safe: replace the bar with `I`.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O001",
    name: "pipe-for-i",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    for (i, word) in cx.words_with(shape::PIPE) {
        let w = cx.slice(word);
        let contraction = w
            .strip_prefix('|')
            .is_some_and(|rest| rest.starts_with(['\'', '\u{2019}']));
        let before_a_word = w == "|"
            && cx.words.get(i + 1).is_some_and(|next| {
                !cx.text[word.end..next.start].contains('\n') && follows_i(cx.slice(next))
            })
            && !after_subject(cx, i);
        if !(contraction || before_a_word)
            || in_table_row(cx.text, word.start)
            || in_margin(cx.text, word.start)
        {
            continue;
        }
        let bar = word.start..word.start + 1;
        out.add(bar.clone(), "`|` where the pronoun `I` was meant")
            .with_fix(Fix::safe(
                "Replace `|` with `I`",
                vec![Edit::replace(bar, "I")],
            ));
    }
}

fn in_table_row(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let line = text[start..end].trim();
    line.starts_with('|') && line.ends_with('|') && line.len() > 1
}

/// Words that follow the pronoun `I`: auxiliaries, verbs of saying,
/// thinking and wanting, and the adverbs that come between (`I just`,
/// `I also`). A bar before any other word is a rule, a margin or a
/// redaction box's edge, not a pronoun.
const AFTER_I: &[&str] = &[
    "am",
    "was",
    "have",
    "had",
    "do",
    "did",
    "don't",
    "didn't",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "will",
    "won't",
    "would",
    "wouldn't",
    "shall",
    "should",
    "shouldn't",
    "may",
    "might",
    "must",
    "think",
    "thought",
    "believe",
    "believed",
    "know",
    "knew",
    "want",
    "wanted",
    "hope",
    "hoped",
    "guess",
    "mean",
    "meant",
    "said",
    "say",
    "told",
    "tell",
    "asked",
    "ask",
    "feel",
    "felt",
    "see",
    "saw",
    "agree",
    "agreed",
    "understand",
    "understood",
    "recall",
    "recalled",
    "remember",
    "also",
    "never",
    "just",
    "really",
    "only",
    "still",
    "certainly",
    "wish",
    "like",
    "liked",
    "need",
    "went",
    "go",
    "came",
    "come",
    "got",
    "get",
    "met",
    "spoke",
    "talked",
    "heard",
    "learned",
    "suppose",
    "assume",
    "expect",
    "intend",
    "promise",
    "doubt",
    "welcome",
    "look",
    "would've",
    "made",
    "make",
    "gave",
    "give",
    "took",
    "take",
    "found",
    "find",
    "am",
    "'m",
    "'ve",
    "'d",
    "'ll",
    "personally",
    "again",
    "already",
    "always",
    "now",
    "then",
    "certainly",
    "frankly",
    "honestly",
    "fully",
    "strongly",
    "completely",
    "totally",
    "understand",
    "appreciate",
    "regret",
    "note",
    "recognize",
    "consider",
    "insist",
    "suggest",
    "propose",
    "repeat",
    "stress",
    "emphasize",
    "referred",
    "wrote",
    "write",
    "read",
    "sent",
    "received",
    "saw",
    "called",
    "informed",
];

/// Whether `word` (the next word after a bar) is one that follows `I`:
/// in [`AFTER_I`], or a past tense in `-ed` (`I mentioned`, `I pointed`).
fn follows_i(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_lowercase() || c == '\'' || c == '\u{2019}') {
        return false;
    }
    let w: String = word
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace('\u{2019}', "'");
    AFTER_I.contains(&w.as_str()) || (w.len() >= 5 && w.ends_with("ed"))
}

/// Whether the word before bar `i`, on its line, is a subject pronoun or an
/// article (`he | is`), after which `I` cannot stand.
fn after_subject(cx: &Context, i: usize) -> bool {
    let Some(before) = i.checked_sub(1).and_then(|k| cx.words.get(k)) else {
        return false;
    };
    // Only the word before on the same line: a section's first word has
    // none, and the line before may be another speaker's.
    if cx.text[before.end..cx.words[i].start].contains('\n') {
        return false;
    }
    let w = cx.slice(before).to_lowercase();
    matches!(
        w.as_str(),
        "he" | "she" | "it" | "they" | "we" | "you" | "the" | "a" | "an"
    )
}

/// Whether the bar at `at` opens a line that continues a paragraph: the
/// scanned page's ruled margin.
fn in_margin(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    if !text[start..at].trim().is_empty() || start == 0 {
        return false;
    }
    let before = &text[..start - 1];
    let previous = before.rsplit('\n').next().unwrap_or("");
    !previous.trim().is_empty()
}
