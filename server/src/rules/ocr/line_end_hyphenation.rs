//! A word hyphenated at a line end: `inter-` at the end of one line,
//! `national` at the start of the next.
//!
//! Typeset pages break long words with a hyphen, and OCR keeps both the
//! hyphen and the break. Real compounds (`well-known`) break the same way,
//! so this is a hint and its fix is unsafe. Dashes (`--`) and a hyphen
//! followed by a capital or a digit are not word breaks.
//!
//! A compound's own hyphen is left alone: one after a piece that already
//! holds a hyphen (`page-by-` / `page`, `all-or-` / `nothing`), and one
//! between two whole words (or a prefix such as `pre`, `non`, `self`) that
//! joined make no word (`well-` / `known`, `it-` / `outweighs`, `pre-` /
//! `assassination`), the second piece a word the dictionary holds (so
//! `well-` / `intentioned` is still reported). A break that joined makes a word (`inter-` /
//! `national`), or whose pieces are no words (`Presi-` / `dent`,
//! `govern-` / `rnent`), is reported.
//!
//! ## Fires
//! ```text
//! the inter-
//! national community
//! ```
//!
//! ## Does not fire
//! ```text
//! the talks --
//! national interests
//! a well-
//! known order and a page-by-
//! page review
//! ```
//!
//! ## Fix
//! Unsafe: join the word on the first line (`international`) and keep the
//! rest of the second line where it is.

use crate::dictionary;
use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "O006",
    name: "line-end-hyphenation",
    severity: Severity::Hint,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    for pair in cx.words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let first = cx.slice(a);
        let Some(stem) = first.strip_suffix('-') else {
            continue;
        };
        let gap = &cx.text[a.end..b.start];
        if !gap.contains('\n') || gap.matches('\n').count() > 1 {
            continue;
        }
        let word_start = stem
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(stem.len(), |(i, _)| i);
        let word = &stem[word_start..];
        let letters = word.chars().count();
        let second = cx.slice(b);
        let tail_len = second
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(second.len());
        let tail = &second[..tail_len];
        if letters < 2
            || stem.ends_with('-')
            || tail.len() < 2
            || !tail.starts_with(char::is_lowercase)
        {
            continue;
        }
        if compound(stem, word, tail) {
            continue;
        }
        let joined = format!("{stem}{tail}");
        // Replace `-`, the break and `national` with `national` and the break.
        let edit = Edit::replace(a.end - 1..b.start + tail_len, format!("{tail}{gap}"));
        out.add(
            a.start..b.start + tail_len,
            format!("`{first}` `{tail}` looks like one word broken at the line end"),
        )
        .with_fix(Fix::unsafe_(format!("Join as `{joined}`"), vec![edit]));
    }
}

/// Prefixes written with a hyphen before a word (`pre-assassination`,
/// `non-proliferation`), which the dictionary holds as no word of their
/// own.
const PREFIXES: &[&str] = &[
    "pre", "post", "non", "anti", "self", "ex", "semi", "multi", "mid", "quasi", "pro", "counter",
    "inter", "intra", "sub", "super", "ultra", "vice", "neo", "pseudo", "well", "ill", "half",
];

/// Whether a line-end hyphen after `stem` (whose last word is `word`) and
/// before `tail` is a compound's own: `stem` already holds a hyphen
/// (`page-by-`); or, joined, the pieces make no word, and the second is a
/// word after a prefix (`pre-` / `assassination`), a word (`well-` /
/// `known`) or a name (`Italian-` / `made`).
fn compound(stem: &str, word: &str, tail: &str) -> bool {
    if stem.len() > word.len() && stem[..stem.len() - word.len()].ends_with('-') {
        return true;
    }
    let lower = word.to_lowercase();
    if dictionary::is_word(&format!("{lower}{tail}")) {
        return false;
    }
    dictionary::is_word(tail)
        && (PREFIXES.contains(&lower.as_str())
            || dictionary::is_word_in_any_case(word)
            || word.starts_with(char::is_uppercase))
}
