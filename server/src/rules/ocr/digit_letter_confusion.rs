//! A digit that OCR read for a look-alike letter, or a letter read for a
//! digit: `0ctober`, `8eptember`, `1ran`, `l0`, `N0DIS`, `U.8.`, `as 1
//! said`, `S00 missiles`.
//!
//! OCR confuses `0`/`O`, `1`/`l`/`I`, `5`/`S`, and at a word's start `8`
//! for `S` and `6` for `b`. The rule fires only when the swap gives a known
//! form:
//!
//! - a number: `l0` → `10`, `2O03` → `2003`, `l5-nation` → `15-nation`,
//!   `Aug.l3th` → `13th`, `lst` → `1st`; never one starting with `0`
//!   (`O97` is a code);
//! - a word written in that case elsewhere in the document (`1ran` when
//!   `Iran` appears, `C1A-5` when `CIA` does; `Iran` does not vouch for
//!   `iran`), a month, a weekday or a dissemination caption (`8eptember`,
//!   `N0DIS`). A word followed by digits that is a word without them is a
//!   missing space (`Page5`), not a misread;
//! - a two-letter word only if it is a common one (`is`, `it`, `of`, `to`,
//!   `by`; also `4` for `i`: `4t`, `4s`) standing alone between two words
//!   of one line, not among numbers (`in 4s and 5s`), and in capitals only
//!   among capitals: `it 1s less`, `THIS 1S WILLIAM`, `T0 LOCATE`;
//! - an initialism, dotted (`U.8.`, `C.0.`, `U.S.5.R`) or spaced before a
//!   word (`U. 8. citizen`): U.S., U.S.A., U.S.S.R., U.K., U.N., P.O., C.O.,
//!   or one the document writes, in its case (`p.5.` is no `P.S.`);
//! - a lone `1` for the pronoun I: after a clause's end or a word that
//!   leads into a subject (`as`, `since`, `and`, `that`) and before a verb
//!   that follows I on the same line (`1 think`, `as 1 said`, `since 1 am`);
//! - `S` for `5`: a round number before a word (`S00 missiles`), or alone
//!   before a unit (`(S years)`).
//!
//! Codes and ordinals never qualify: `X1`, `1st`, `22d`, `B-52`, `SS-19`,
//! `S-300`, `25X1`, `Title 50`, `M1151`, `ACE2`, `N95`, `G7`, `P5+1`,
//! `FY2021`, `COP26`, `H6195`, `3710a`, `1990s`, `8am`; nor the number of a
//! designation (`C-l18`) or anything in a slashed code or date
//! (`DCI/0GC/LD`). Nor does a `1` that counts (`1 to 1,000`, `at least 1
//! day`, `1 of`, `No. 1 will`, `2 and 1 have`) or opens a line (a list or
//! line number).
//!
//! ## Fires
//! ```text
//! On 0ctober 12 we discussed 1ran; Iran agreed.
//! The 8eptember talks, as 1 said, covered the U.8. offer of S00 missiles.
//! ```
//!
//! ## Does not fire
//! ```text
//! the S-300 sale, the G8 summit, in the 1990s, the 1st and 22d, 25X1
//! from 1 to 1,000 for at least 1 day; 1 of them; Title 50; P5+1; N95
//! ```
//!
//! ## Fix
//! Unsafe: the known form (for a spaced initialism, the digit's letter).

use std::ops::Range;

use crate::facts::letter_readings::{
    KNOWN, SHORT_WORDS, dotted_chains, initial_letter, is_capitals, is_count, is_round_s,
    letter_forms, number_reading, tokens, written,
};
use crate::facts::vocabulary::Vocabulary;
use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::model::dates::MONTHS;
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule, shape};

pub(crate) static RULE: Rule = Rule {
    code: "O010",
    name: "digit-letter-confusion",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

/// Verbs that follow the pronoun I. Narrower than O001's list: a `1`,
/// unlike a bar, is usually a number, so only a verb no count precedes.
const AFTER_I: &[&str] = &[
    "am",
    "was",
    "have",
    "had",
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
    "think",
    "thought",
    "believe",
    "know",
    "knew",
    "said",
    "told",
    "asked",
    "want",
    "wanted",
    "understand",
    "understood",
    "recall",
    "remember",
    "agree",
    "mean",
    "guess",
    "hope",
    "feel",
    "felt",
    "suppose",
    "wish",
];

/// Words after which a clause's subject comes: `as 1 said`, `and 1 think`.
const BEFORE_I: &[&str] = &[
    "and", "but", "or", "as", "since", "because", "if", "when", "that", "so", "then", "what",
    "where", "which", "how", "why", "while", "until", "unless", "though", "although", "before",
    "after", "once", "whether", "than", "yes", "well", "sir",
];

/// Abbreviations that count what follows: `No. 1 will`, `p. 1 had`.
const COUNTING: &[&str] = &[
    "no", "nos", "p", "pp", "sec", "art", "para", "par", "fig", "vol", "ch", "ex", "tab",
];

/// Initialisms that OCR writes with a digit (`U.8.`, `C.0.`) in records.
const INITIALISMS: &[&str] = &["US", "USA", "USSR", "UK", "UN", "PO", "CO"];

/// Units a lone `S` counts: `(S years)`.
const UNITS: &[&str] = &[
    "years", "months", "weeks", "days", "hours", "minutes", "miles", "percent", "pages", "copies",
    "times",
];

fn check(cx: &Context, out: &mut Report) {
    for (i, word) in cx.words.iter().enumerate() {
        let w = cx.slice(word);
        if cx.shapes[i] & shape::DIGIT == 0 {
            let lst = w == "lst" && word_follows(cx, i);
            if lst {
                report(
                    out,
                    word.clone(),
                    "`lst` is no word; did you mean `1st`?",
                    "1st",
                );
            } else if matches!(w, "S" | "(S") && unit_follows(cx, i) {
                let s = word.end - 1..word.end;
                report(out, s, "`S` counts a unit here; did you mean `5`?", "5");
            }
            continue;
        }
        if w == "1" {
            if lone_pronoun(cx, i) {
                report(
                    out,
                    word.clone(),
                    "a lone `1` where the pronoun fits; did you mean `I`?",
                    "I",
                );
            }
            continue;
        }
        if spaced_initialism(cx, i, out) || dotted_initialism(cx, i, out) {
            continue;
        }
        // `DCI/0GC/LD`, `11/62/58`: a routing code or a date, no word's.
        if w.contains('/') {
            continue;
        }
        let tokens = tokens(w);
        for (k, &(at, t)) in tokens.iter().enumerate() {
            if k > 0 && designation(w, tokens[k - 1], at) {
                continue;
            }
            let range = word.start + at..word.start + at + t.len();
            if let Some(form) = misread_token(cx, i, &tokens, at, t) {
                let message =
                    format!("`{t}` mixes letters and look-alike digits; did you mean `{form}`?");
                report(out, range, &message, &form);
            }
        }
    }
}

fn report(out: &mut Report, range: Range<usize>, message: &str, form: &str) {
    out.add(range.clone(), message).with_fix(Fix::unsafe_(
        format!("Replace with `{form}`"),
        vec![Edit::replace(range, form)],
    ));
}

/// The known form of token `t` (at byte `at` of word `i`), if it is a
/// misread number or word.
fn misread_token(
    cx: &Context,
    i: usize,
    tokens: &[(usize, &str)],
    at: usize,
    t: &str,
) -> Option<String> {
    let b = t.as_bytes();
    if !t.is_ascii() || !b.iter().any(u8::is_ascii_digit) || !b.iter().any(u8::is_ascii_alphabetic)
    {
        return None;
    }
    if let Some(number) = number_reading(t) {
        return Some(number);
    }
    let whole = tokens.len() == 1;
    if whole && is_round_s(t) && word_follows_lower(cx, i) {
        return Some(format!("5{}", &t[1..]));
    }
    if is_count(t) {
        return None;
    }
    let sentence_start = tokens.first().is_some_and(|&(a, _)| a == at) && sentence_start(cx, i);
    let forms = letter_forms(t, !sentence_start)?;
    if t.len() == 2 {
        if !whole || !between_words(cx, i) || among_numbers(cx, i) {
            return None;
        }
        let among_capitals = among_capitals(cx, i);
        return forms.into_iter().find(|f| {
            SHORT_WORDS.contains(&f.to_lowercase().as_str()) && (!is_capitals(f) || among_capitals)
        });
    }
    let vocabulary = &cx.facts.vocabulary;
    // `Page5` is `Page 5`, not `Pages`.
    let letters = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if letters.len() >= 2
        && letters.len() < t.len()
        && letters.bytes().all(|b| b.is_ascii_alphabetic())
        && known(letters, vocabulary)
    {
        return None;
    }
    forms.into_iter().find(|f| known(f, vocabulary))
}

/// Whether the token at `at` is the number of a designation, after a
/// prefix of up to three capitals and a hyphen (`C-l18`, `SS-l9`): codes
/// mix letters and digits by design, so the rule leaves them alone.
fn designation(w: &str, (start, prefix): (usize, &str), at: usize) -> bool {
    &w[start + prefix.len()..at] == "-" && prefix.len() <= 3 && is_capitals(prefix)
}

/// Whether `form` is written so in the document, in [`KNOWN`] or among the
/// months.
fn known(form: &str, vocabulary: &Vocabulary) -> bool {
    vocabulary.has_word(form) || written(form, |w| KNOWN.contains(&w) || MONTHS.contains(&w))
}

/// Whether words `a` and `b` (offsets) sit on one line.
fn same_line(cx: &Context, a: usize, b: usize) -> bool {
    !cx.text[a..b].contains('\n')
}

/// The word after word `i`, on its line.
fn next_on_line<'a>(cx: &Context<'a>, i: usize) -> Option<&'a str> {
    let next = cx.words.get(i + 1)?;
    same_line(cx, cx.words[i].end, next.start).then(|| cx.slice(next))
}

/// The word before word `i`, on its line.
fn previous_on_line<'a>(cx: &Context<'a>, i: usize) -> Option<&'a str> {
    let previous = &cx.words[i.checked_sub(1)?];
    same_line(cx, previous.end, cx.words[i].start).then(|| cx.slice(previous))
}

/// A word that starts with a letter (after an opening quote or bracket)
/// follows word `i` on its line.
fn word_follows(cx: &Context, i: usize) -> bool {
    next_on_line(cx, i).is_some_and(|n| {
        n.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_alphabetic)
    })
}

/// A word that starts with a lower-case letter follows word `i` on its line.
fn word_follows_lower(cx: &Context, i: usize) -> bool {
    next_on_line(cx, i).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Word `i` follows a word in capitals and comes before one that starts
/// with a capital: `THIS 1S WILLIAM`, not `an A5 sheet`.
fn among_capitals(cx: &Context, i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .is_some_and(|k| is_capitals(cx.slice(&cx.words[k])));
    let after = cx.words.get(i + 1).is_some_and(|n| {
        cx.slice(n)
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    });
    before && after
}

/// Word `i` is one of a run of numbers: `in 4s and 5s`, `1s or 2s`.
fn among_numbers(cx: &Context, i: usize) -> bool {
    // Words on the same line only: a section sees no other.
    let number = |k: usize| {
        cx.words.get(k).is_some_and(|r| {
            same_line(
                cx,
                cx.words[i].start.min(r.start),
                cx.words[i].start.max(r.start),
            ) && cx
                .slice(r)
                .trim_start_matches(|c: char| c.is_ascii_punctuation())
                .starts_with(|c: char| c.is_ascii_digit())
        })
    };
    i.checked_sub(1).is_some_and(number) || number(i + 1) || number(i + 2)
}

/// Word `i` stands between two words of one line.
fn between_words(cx: &Context, i: usize) -> bool {
    previous_on_line(cx, i).is_some() && word_follows(cx, i)
}

/// Word `i` opens a sentence: nothing before it, or a clause's end.
fn sentence_start(cx: &Context, i: usize) -> bool {
    let Some(previous) = i.checked_sub(1).map(|k| cx.slice(&cx.words[k])) else {
        return true;
    };
    previous
        .trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
        .ends_with(['.', '?', '!', ':'])
}

/// Whether the lone `1` at word `i` is the pronoun: not opening its line,
/// after a clause's end or a word that leads into a subject, and before a
/// verb that follows I on the same line.
fn lone_pronoun(cx: &Context, i: usize) -> bool {
    let (Some(previous), Some(next)) = (previous_on_line(cx, i), next_on_line(cx, i)) else {
        return false;
    };
    let verb = next
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .replace('\u{2019}', "'");
    if !AFTER_I.contains(&verb.as_str()) {
        return false;
    }
    let core = previous.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() || !core.chars().all(char::is_alphabetic) {
        return false;
    }
    let lower = core.to_lowercase();
    if previous.ends_with('.') && (core.chars().count() == 1 || COUNTING.contains(&lower.as_str()))
    {
        return false;
    }
    if !previous.ends_with([',', ';', ':', '.', '?', '!']) && !BEFORE_I.contains(&lower.as_str()) {
        return false;
    }
    // `2 and 1 have`: a count, not a subject.
    let counted = matches!(lower.as_str(), "and" | "or")
        && i.checked_sub(2)
            .is_some_and(|k| cx.slice(&cx.words[k]).bytes().any(|b| b.is_ascii_digit()));
    !counted
}

/// Whether a unit follows the lone `S` at word `i` (`(S years)`), and no
/// initial comes before it (`U. S dollars`).
fn unit_follows(cx: &Context, i: usize) -> bool {
    let unit = next_on_line(cx, i)
        .is_some_and(|n| UNITS.contains(&n.trim_end_matches(|c: char| c.is_ascii_punctuation())));
    let after_initial = i.checked_sub(1).is_some_and(|k| {
        let p = cx.slice(&cx.words[k]).trim_end_matches('.');
        p.chars().count() == 1
    });
    unit && !after_initial
}

/// Whether `letters` make a known initialism, in their case: `p.5.` is no
/// `P.S.`.
fn known_initialism(cx: &Context, letters: &str) -> bool {
    INITIALISMS.contains(&letters) || cx.facts.vocabulary.has_initialism(letters)
}

/// `U. 8. citizen`: word `i` is a digit and a period after a letter and a
/// period, before a word; reports the digit.
fn spaced_initialism(cx: &Context, i: usize, out: &mut Report) -> bool {
    let w = cx.slice(&cx.words[i]).as_bytes();
    let Some(letter) = initial_letter(w[0]) else {
        return false;
    };
    let Some(previous) = previous_on_line(cx, i).map(str::as_bytes) else {
        return false;
    };
    let single = |p: &[u8]| p.len() == 2 && p[0].is_ascii_alphabetic() && p[1] == b'.';
    let gap = cx.words[i].start - cx.words[i - 1].end;
    let digit_and_period =
        w.len() >= 2 && w[1] == b'.' && w[2..].iter().all(|b| b",;:".contains(b));
    if !(digit_and_period && single(previous) && gap == 1 && word_follows(cx, i)) {
        return false;
    }
    let letters = format!("{}{}", char::from(previous[0]), char::from(letter));
    if !known_initialism(cx, &letters) {
        return false;
    }
    let at = cx.words[i].start;
    let (p, d) = (char::from(previous[0]), char::from(w[0]));
    let l = char::from(letter);
    let message = format!("`{p}. {d}.` has a look-alike digit; did you mean `{p}. {l}.`?");
    report(out, at..at + 1, &message, &l.to_string());
    true
}

/// `U.8.`, `C.0.`, `U.S.5.R`: single characters joined by periods, one a
/// look-alike digit, making a known initialism; reports each chain.
fn dotted_initialism(cx: &Context, i: usize, out: &mut Report) -> bool {
    let word = &cx.words[i];
    let mut found = false;
    for chain in dotted_chains(cx.slice(word)) {
        let text = &cx.slice(word)[chain.clone()];
        let mut letters = String::new();
        let mut digit = false;
        for b in text.bytes().filter(u8::is_ascii_alphanumeric) {
            if b.is_ascii_digit() {
                let Some(l) = initial_letter(b) else {
                    letters.clear();
                    break;
                };
                digit = true;
                letters.push(char::from(l));
            } else {
                letters.push(char::from(b));
            }
        }
        let has_letter = text.bytes().any(|b| b.is_ascii_alphabetic());
        if !digit || !has_letter || !known_initialism(cx, &letters) {
            continue;
        }
        let fixed: String = text
            .bytes()
            .map(|b| char::from(initial_letter(b).unwrap_or(b)))
            .collect();
        let range = word.start + chain.start..word.start + chain.end;
        let message = format!("`{text}` has a look-alike digit; did you mean `{fixed}`?");
        report(out, range, &message, &fixed);
        found = true;
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::facts::letter_readings::{dotted_chains, letter_forms, number_reading};

    #[test]
    fn a_run_of_ones_is_not_spelled_out_every_way() {
        // 2^60 spellings otherwise (found by fuzzing).
        let word = format!("o{}f", "1".repeat(60));
        assert!(letter_forms(&word, false).is_none());
        assert_eq!(letter_forms("1ran", false).unwrap(), ["Iran", "lran"]);
        assert_eq!(letter_forms("1s", true).unwrap(), ["ls", "is", "Is"]);
    }

    #[test]
    fn a_number_reading_never_starts_with_zero_and_keeps_its_ordinal() {
        assert_eq!(number_reading("l5").as_deref(), Some("15"));
        assert_eq!(number_reading("l3th").as_deref(), Some("13th"));
        assert_eq!(number_reading("l3st"), None);
        assert_eq!(number_reading("O97"), None);
        assert_eq!(number_reading("1st"), None);
    }

    #[test]
    fn dotted_chains_are_single_characters_joined_by_periods() {
        let chains = |w: &str| -> Vec<String> {
            dotted_chains(w)
                .into_iter()
                .map(|r| w[r].to_string())
                .collect()
        };
        assert_eq!(chains("the(U.S.5.R"), ["U.S.5.R"]);
        assert_eq!(chains("C.0.,"), ["C.0."]);
        assert!(chains("U.S.Army").is_empty());
        assert!(chains("Aug.13").is_empty());
    }
}
