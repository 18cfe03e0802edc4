//! Editions: one conversation in two texts (an OCR'd transcript and the
//! press office's web page, a print and a colleague's corrected copy),
//! compared so that each tells the proofreader where the other differs.
//!
//! A comparison aligns the two by structure first, then by words: the
//! speaker turns are matched by speaker and order ([`turns`]), tolerant of
//! label styles and of turns only one edition has; within each pair of
//! turns, the words and paragraph breaks are diffed ([`words`] says what
//! is read and what is only presentation), and each difference is
//! classified ([`classify`]). It is a pure function of the two texts'
//! models: reading the other edition's file is the front ends' business.
//!
//! The diff is `similar`'s (Patience, falling back to Myers): the crate the
//! workspace already uses for `lint --diff`, maintained, and it diffs
//! slices of any comparable item, here words.

pub mod classify;
pub mod declared;
pub mod turns;
pub mod words;

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::fix::Edit;
use crate::model::Model;

use self::classify::{Kind, classify};
use self::turns::Pair;
use self::words::{Token, Unit, units};

/// One edition: its text and the model read from it.
#[derive(Debug, Clone, Copy)]
pub struct Edition<'a> {
    pub text: &'a str,
    pub model: &'a Model,
}

/// What kind of difference a proofreader is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// This edition's reading is a known OCR misreading of the other's.
    Misread,
    /// A name spelt differently.
    Name,
    /// Only punctuation or capitals differ.
    Punctuation,
    /// Words missing, added or different.
    Words,
    /// A paragraph break one edition has and the other has not.
    Paragraphing,
    /// A turn missing, added, or attributed to another speaker.
    Turn(TurnChange),
}

/// How a turn differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TurnChange {
    /// The other edition has a turn this one lacks.
    Missing,
    /// This edition has a turn the other lacks.
    Extra,
    /// The turn is given to another speaker.
    Speaker,
}

/// One place where the editions differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub class: Class,
    /// Where, in this edition (empty: a point where the other has more).
    pub range: Range<usize>,
    /// The same place in the other edition.
    pub other_range: Range<usize>,
    /// This edition's reading, without markup (words joined by a space; a
    /// speaker's name for a turn).
    pub this_reading: String,
    /// The other edition's reading.
    pub other_reading: String,
    /// The edit that writes the other edition's reading here.
    pub edit: Option<Edit>,
}

/// What comparing this edition with another found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// In the order of this edition's text.
    pub differences: Vec<Difference>,
    /// Words read in this edition and the other.
    pub words: (usize, usize),
    /// Words the two have in common.
    pub common: usize,
    /// Places where the other edition's reading is an OCR misreading of
    /// this one's: the other's errors, which a comparison the other way
    /// round reports; not differences of this edition.
    pub other_misreadings: usize,
    /// The two have too little in common to be editions of one
    /// conversation; nothing was aligned.
    pub unrelated: bool,
}

/// The least share of words two editions of one conversation have in
/// common; below it the texts are different documents.
const LEAST_COMMON: f64 = 0.3;

/// Compares `this` edition with `other`: every difference, placed in
/// `this`.
pub fn compare(this: Edition, other: Edition) -> Comparison {
    let by_turns = !this.model.turns.is_empty() && !other.model.turns.is_empty();
    let a = units(this.text, this.model, by_turns);
    let b = units(other.text, other.model, by_turns);
    let mut comparison = Comparison {
        words: (count(&a), count(&b)),
        ..Comparison::default()
    };
    let shared = shared_words(&a, &b);
    let most = comparison.words.0.max(comparison.words.1);
    if most > 20 && (shared as f64) < LEAST_COMMON * most as f64 {
        comparison.unrelated = true;
        comparison.common = shared;
        return comparison;
    }
    let mut cx = Comparing {
        this,
        other,
        a: &a,
        b: &b,
        out: &mut comparison,
    };
    let pairs = turns::align(&a, &b);
    for (k, pair) in pairs.iter().enumerate() {
        match *pair {
            Pair::Both(i, j) => {
                cx.speakers(i, j);
                cx.words(i, j);
            }
            Pair::OnlyThis(i) => cx.extra_turn(i, other_point(&pairs[k..], &b, other.text)),
            Pair::OnlyOther(j) => cx.missing_turn(j, this_point(&pairs[k..], &a, this.text)),
        }
    }
    comparison
        .differences
        .sort_by_key(|d| (d.range.start, d.range.end));
    comparison
}

/// Words of every unit.
fn count(units: &[Unit]) -> usize {
    units
        .iter()
        .map(|u| u.tokens.iter().filter(|t| !t.is_break()).count())
        .sum()
}

/// How many pairs of words in a row the two have in common, as
/// multisets: a quick bound, before any alignment, on whether they are one
/// conversation. Pairs, since any two English texts share most of their
/// single words (`the`, `of`, `and`).
fn shared_words(a: &[Unit], b: &[Unit]) -> usize {
    let mut counts: HashMap<(&str, &str), isize> = HashMap::new();
    for u in a {
        for w in u.tokens.windows(2) {
            *counts.entry((&w[0].key, &w[1].key)).or_default() += 1;
        }
    }
    let mut shared = 0;
    for u in b {
        for w in u.tokens.windows(2) {
            if let Some(n) = counts.get_mut(&(w[0].key.as_str(), w[1].key.as_str()))
                && *n > 0
            {
                *n -= 1;
                shared += 1;
            }
        }
    }
    shared
}

/// Where in this edition a turn only the other has would go: before the
/// next turn this edition has, or at its end.
fn this_point(rest: &[Pair], a: &[Unit], text: &str) -> Range<usize> {
    rest.iter()
        .find_map(|p| match *p {
            Pair::Both(i, _) | Pair::OnlyThis(i) => Some(a[i].label.clone()),
            Pair::OnlyOther(_) => None,
        })
        .unwrap_or(text.len()..text.len())
}

/// Where in the other edition a turn only this one has would go.
fn other_point(rest: &[Pair], b: &[Unit], text: &str) -> Range<usize> {
    rest.iter()
        .find_map(|p| match *p {
            Pair::Both(_, j) | Pair::OnlyOther(j) => Some(b[j].label.start..b[j].label.start),
            Pair::OnlyThis(_) => None,
        })
        .unwrap_or(text.len()..text.len())
}

/// The state of one comparison.
struct Comparing<'a, 'c> {
    this: Edition<'a>,
    other: Edition<'a>,
    a: &'a [Unit],
    b: &'a [Unit],
    out: &'c mut Comparison,
}

impl Comparing<'_, '_> {
    /// The turn's speaker, if the other edition gives it to another.
    fn speakers(&mut self, i: usize, j: usize) {
        let (a, b) = (&self.a[i], &self.b[j]);
        if a.speaker == b.speaker {
            return;
        }
        let this_name = &self.this.text[a.name.clone()];
        let other_name = &self.other.text[b.name.clone()];
        let class = match classify(&a.speaker, &b.speaker) {
            Kind::Misread => Class::Misread,
            Kind::OtherMisread => {
                self.out.other_misreadings += 1;
                return;
            }
            _ => Class::Turn(TurnChange::Speaker),
        };
        let name = self
            .label_for(&b.speaker)
            .map_or(other_name, |l| &self.this.text[l.name.clone()]);
        self.out.differences.push(Difference {
            class,
            range: a.name.clone(),
            other_range: b.name.clone(),
            this_reading: this_name.to_string(),
            other_reading: other_name.to_string(),
            edit: Some(Edit::replace(a.name.clone(), name)),
        });
    }

    /// A turn of this edition by `speaker`, whose label style a turn
    /// taken from the other edition follows.
    fn label_for(&self, speaker: &str) -> Option<&Unit> {
        self.a
            .iter()
            .find(|u| u.speaker == speaker && u.turn.is_some())
    }

    fn extra_turn(&mut self, i: usize, other_at: Range<usize>) {
        let a = &self.a[i];
        self.out.differences.push(Difference {
            class: Class::Turn(TurnChange::Extra),
            range: a.label.clone(),
            other_range: other_at,
            this_reading: self.this.text[a.name.clone()].to_string(),
            other_reading: String::new(),
            edit: Some(Edit::delete(a.extent.clone())),
        });
    }

    fn missing_turn(&mut self, j: usize, at: Range<usize>) {
        let b = &self.b[j];
        let label = match self.label_for(&b.speaker) {
            Some(u) => self.this.text[u.label.clone()].trim().to_string(),
            None => format!("{}:", &self.other.text[b.name.clone()]),
        };
        let body = reading(&b.tokens, "\n\n");
        let at_end = at.start == self.this.text.len();
        let inserted = if at_end {
            format!("\n\n{label} {body}\n")
        } else {
            format!("{label} {body}\n\n")
        };
        self.out.differences.push(Difference {
            class: Class::Turn(TurnChange::Missing),
            range: at.clone(),
            other_range: b.label.clone(),
            this_reading: String::new(),
            other_reading: format!(
                "{} {}",
                &self.other.text[b.name.clone()],
                first_words(&b.tokens)
            ),
            edit: Some(Edit::insert(at.start, inserted)),
        });
    }

    /// The differences of words and paragraph breaks between two turns.
    fn words(&mut self, i: usize, j: usize) {
        let (a, b) = (&self.a[i], &self.b[j]);
        let a_keys: Vec<&str> = a.tokens.iter().map(|t| t.key.as_str()).collect();
        let b_keys: Vec<&str> = b.tokens.iter().map(|t| t.key.as_str()).collect();
        let mut hunk: Option<(Range<usize>, Range<usize>)> = None;
        for op in capture_diff_slices(Algorithm::Patience, &a_keys, &b_keys) {
            let (tag, old, new) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                self.out.common += a.tokens[old.clone()]
                    .iter()
                    .filter(|t| !t.is_break())
                    .count();
                if let Some((x, y)) = hunk.take() {
                    self.hunk(i, j, x, y);
                }
                continue;
            }
            hunk = Some(match hunk {
                Some((x, y)) => (x.start..old.end, y.start..new.end),
                None => (old, new),
            });
        }
        if let Some((x, y)) = hunk {
            self.hunk(i, j, x, y);
        }
    }

    /// One run of tokens that differ: `x` of this unit `i`, `y` of the
    /// other's unit `j`.
    fn hunk(&mut self, i: usize, j: usize, x: Range<usize>, y: Range<usize>) {
        let (a, b) = (&self.a[i].tokens, &self.b[j].tokens);
        let a_breaks: Vec<usize> = x.clone().filter(|&k| a[k].is_break()).collect();
        let b_breaks: Vec<usize> = y.clone().filter(|&k| b[k].is_break()).collect();
        let a_words: Vec<usize> = x.clone().filter(|&k| !a[k].is_break()).collect();
        let b_words: Vec<usize> = y.clone().filter(|&k| !b[k].is_break()).collect();
        for &k in a_breaks.iter().skip(b_breaks.len()) {
            let other_at = b_words.first().or(b_breaks.first()).map_or_else(
                || point_after(b, y.start),
                |&m| b[m].range.start..b[m].range.start,
            );
            self.out.differences.push(Difference {
                class: Class::Paragraphing,
                range: a[k].range.clone(),
                other_range: other_at,
                this_reading: words::BREAK.to_string(),
                other_reading: " ".to_string(),
                edit: Some(Edit::replace(a[k].range.clone(), " ")),
            });
        }
        for &m in b_breaks.iter().skip(a_breaks.len()) {
            // The gap in this edition at the same place: before the word
            // that follows the other's break, or after the one before it.
            let gap = gap_at(a, x.start, a_words.first().copied());
            let Some(gap) = gap else { continue };
            self.out.differences.push(Difference {
                class: Class::Paragraphing,
                range: gap.clone(),
                other_range: b[m].range.clone(),
                this_reading: " ".to_string(),
                other_reading: words::BREAK.to_string(),
                edit: Some(Edit::replace(gap, "\n\n")),
            });
        }
        if a_words.is_empty() && b_words.is_empty() {
            return;
        }
        if a_words.len() == b_words.len() && a_words.len() > 1 {
            for (&k, &m) in a_words.iter().zip(&b_words) {
                if a[k].key != b[m].key {
                    self.word_difference(i, j, (&[k], &[m]), (x.start, y.start));
                }
            }
        } else {
            self.word_difference(i, j, (&a_words, &b_words), (x.start, y.start));
        }
    }

    /// One difference of words: the tokens `ks` of this unit `i` against
    /// `ms` of the other's unit `j` (either may be empty), in the runs that
    /// start at tokens `at` of each.
    fn word_difference(
        &mut self,
        i: usize,
        j: usize,
        (ks, ms): (&[usize], &[usize]),
        at: (usize, usize),
    ) {
        let (a, b) = (&self.a[i], &self.b[j]);
        let this_reading = join(ks.iter().map(|&k| a.tokens[k].key.as_str()));
        let other_key = join(ms.iter().map(|&m| b.tokens[m].key.as_str()));
        let class = match classify(&this_reading, &other_key) {
            Kind::Misread => Class::Misread,
            Kind::OtherMisread => {
                self.out.other_misreadings += 1;
                return;
            }
            Kind::Name => Class::Name,
            Kind::Punctuation => Class::Punctuation,
            Kind::Words => Class::Words,
        };
        let other_text = join(ms.iter().map(|&m| b.tokens[m].text.as_str()));
        let other_range = match (ms.first(), ms.last()) {
            (Some(&f), Some(&l)) => b.tokens[f].range.start..b.tokens[l].range.end,
            _ => point_after(&b.tokens, at.1),
        };
        let (range, edit) = match (ks.first(), ks.last()) {
            (Some(&f), Some(&l)) => {
                let span = a.tokens[f].range.start..a.tokens[l].range.end;
                let edit = if ms.is_empty() {
                    Edit::delete(deletion(&a.tokens, f, l, span.clone()))
                } else {
                    narrow(self.this.text, span.clone(), &other_text)
                };
                (span, edit)
            }
            _ => insertion(a, at.0, &other_text),
        };
        let (range, this_reading, other_reading) =
            trim_shared_punctuation(self.this.text, range, this_reading, other_text);
        self.out.differences.push(Difference {
            class,
            range,
            other_range,
            this_reading,
            other_reading,
            edit: Some(edit),
        });
    }
}

/// Where words only the other edition has go in `unit`, whose run of
/// differing tokens starts at token `k`: after the word before the run,
/// or before the word after it, or after the label.
fn insertion(unit: &Unit, k: usize, words: &str) -> (Range<usize>, Edit) {
    let before = k.checked_sub(1).map(|p| &unit.tokens[p]);
    match (before, unit.tokens.get(k)) {
        (Some(t), _) if !t.is_break() => {
            let at = t.range.end;
            (at..at, Edit::insert(at, format!(" {words}")))
        }
        (_, Some(t)) => {
            let at = t.range.start;
            (at..at, Edit::insert(at, format!("{words} ")))
        }
        _ => {
            let at = unit.label.end;
            (at..at, Edit::insert(at, format!(" {words}")))
        }
    }
}

/// The white space between the token before `k` and token `k` (or, with
/// `word` given, the token before that word), if both exist.
fn gap_at(tokens: &[Token], k: usize, word: Option<usize>) -> Option<Range<usize>> {
    let next = word.unwrap_or(k);
    let before = next.checked_sub(1)?;
    let after = tokens.get(next)?;
    Some(tokens[before].range.end..after.range.start)
}

/// An empty range just after token `k - 1`, or before the first token.
fn point_after(tokens: &[Token], k: usize) -> Range<usize> {
    match k.checked_sub(1).and_then(|p| tokens.get(p)) {
        Some(t) => t.range.end..t.range.end,
        None => tokens
            .first()
            .map_or(0..0, |t| t.range.start..t.range.start),
    }
}

/// The range to delete to take out tokens `f..=l` spanning `span`, with
/// the white space before them (or after, at a unit's start).
fn deletion(tokens: &[Token], f: usize, l: usize, span: Range<usize>) -> Range<usize> {
    match (f.checked_sub(1).map(|p| &tokens[p]), tokens.get(l + 1)) {
        (Some(before), _) if !before.is_break() => before.range.end..span.end,
        (_, Some(after)) if !after.is_break() => span.start..after.range.start,
        _ => span,
    }
}

/// The edit replacing `range` of `text` with `replacement`, narrowed to the
/// characters that change, so that the markup around them stays.
fn narrow(text: &str, range: Range<usize>, replacement: &str) -> Edit {
    let old = &text[range.clone()];
    let prefix: usize = old
        .chars()
        .zip(replacement.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(replacement[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    Edit::replace(
        range.start + prefix..range.end - suffix,
        &replacement[prefix..replacement.len() - suffix],
    )
}

/// The difference without the punctuation both readings share at their
/// edges (`Larijani.` and `Larjani.` differ in `Larijani`), when `range`
/// of `text` has it too.
fn trim_shared_punctuation(
    text: &str,
    mut range: Range<usize>,
    mut this: String,
    mut other: String,
) -> (Range<usize>, String, String) {
    let shared = |this: &str, other: &str, c: Option<char>| {
        c.is_some_and(|c| {
            !c.is_alphanumeric() && this.len() > c.len_utf8() && other.len() > c.len_utf8()
        }) && this.len() > 1
            && other.len() > 1
    };
    while let (Some(c), Some(d)) = (this.chars().last(), other.chars().last())
        && c == d
        && shared(&this, &other, Some(c))
        && text[range.clone()].ends_with(c)
    {
        this.pop();
        other.pop();
        range.end -= c.len_utf8();
    }
    while let (Some(c), Some(d)) = (this.chars().next(), other.chars().next())
        && c == d
        && shared(&this, &other, Some(c))
        && text[range.clone()].starts_with(c)
    {
        this.remove(0);
        other.remove(0);
        range.start += c.len_utf8();
    }
    (range, this, other)
}

fn join<'s>(words: impl Iterator<Item = &'s str>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

/// The text of `tokens` as the edition writes it, words joined by a space
/// and paragraphs by `paragraph`.
fn reading(tokens: &[Token], paragraph: &str) -> String {
    let mut out = String::new();
    for t in tokens {
        if t.is_break() {
            out.push_str(paragraph);
        } else {
            if !out.is_empty() && !out.ends_with(paragraph) {
                out.push(' ');
            }
            out.push_str(&t.text);
        }
    }
    out
}

/// The first words of a turn, to name it in a message.
fn first_words(tokens: &[Token]) -> String {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| !t.is_break())
        .take(6)
        .map(|t| t.text.as_str())
        .collect();
    let more = tokens.iter().filter(|t| !t.is_break()).count() > words.len();
    format!("{}{}", words.join(" "), if more { "…" } else { "" })
}
