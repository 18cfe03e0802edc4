//! Finding treaty mentions in a text and resolving each written form to
//! one treaty.
//!
//! Three kinds of match:
//! - an alias as written (`CFE Treaty`, `on START`, `Moscow Treaty`);
//!   acronyms match only in capitals, names in any case as long as they
//!   start with a capital, and an acronym inside a run of capitals
//!   (`WE WILL START NOW`) is not a mention;
//! - an OCR'd ordinal (`SALT 11`, `START IX`, `START l`): the treaty, with a
//!   variant that names the correct form (rule T001);
//! - a near miss of a long name (`Treaty on Convention Forces in Europe`):
//!   one word a short edit away, same variant.
//!
//! An alias shared by several treaties (`START`, `Moscow Treaty`, `Test Ban
//! Treaty`) resolves by the document's date: the latest treaty signed on or
//! before it, or the earliest one when the document predates them all.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Treaty, TreatyId};
use crate::model::Date;
use crate::treaty_mention::{TreatyMention, Variant, VariantKind};

#[derive(Debug, Clone)]
struct Pattern {
    candidates: Vec<TreatyId>,
    variant: Option<Variant>,
    /// An acronym (no lower-case letters): skipped inside a run of capitals.
    acronym: bool,
    /// The alias starts with a capital, so the match must too.
    capital: bool,
}

#[derive(Debug, Clone)]
struct LongAlias {
    words: Vec<String>,
    written: String,
    treaty: TreatyId,
}

/// The automata and tables built once per gazetteer.
#[derive(Debug)]
pub struct Matcher {
    /// Every alias and variant, matched without regard to case; a
    /// case-sensitive pattern's hit is then checked byte for byte.
    automaton: AhoCorasick,
    /// For each pattern of the automaton: its text when case matters.
    patterns: Vec<(Option<String>, Pattern)>,
    /// Long aliases by their first word, lower-cased, for near misses.
    long: HashMap<String, Vec<LongAlias>>,
    /// Finds those first words in a text.
    first_words: Option<AhoCorasick>,
    signed: Vec<Option<(i32, u32, u32)>>,
}

const OCR_ORDINALS: [(&str, &[&str]); 3] = [
    ("I", &["l", "|"]),
    ("II", &["11", "ll", "Il", "lI", "IX", "I1", "1I"]),
    ("III", &["111", "lll", "IIl", "lII", "Ill"]),
];

impl Matcher {
    pub(super) fn new(treaties: &[Treaty]) -> Matcher {
        // written form → (candidates, variant)
        let mut exact: Vec<(String, Pattern)> = Vec::new();
        let mut folded: Vec<(String, Pattern)> = Vec::new();
        let mut long: HashMap<String, Vec<LongAlias>> = HashMap::new();
        let mut add = |text: &str, id: TreatyId, variant: Option<Variant>| {
            let acronym = !text.chars().any(char::is_lowercase);
            let list = if acronym || variant.is_some() {
                &mut exact
            } else {
                &mut folded
            };
            let same = |t: &String| {
                if acronym {
                    t == text
                } else {
                    t.eq_ignore_ascii_case(text)
                }
            };
            match list.iter_mut().find(|(t, _)| same(t)) {
                Some((_, p)) if !p.candidates.contains(&id) => p.candidates.push(id),
                Some(_) => {}
                None => list.push((
                    text.to_string(),
                    Pattern {
                        candidates: vec![id],
                        variant,
                        acronym,
                        capital: text.starts_with(|c: char| c.is_uppercase()),
                    },
                )),
            }
        };
        let mut bare_year_forms: HashMap<String, Vec<TreatyId>> = HashMap::new();
        for (id, t) in treaties.iter().enumerate() {
            // The official title is a way of writing it too.
            for alias in std::iter::once(&t.name).chain(&t.aliases) {
                add(alias, id, None);
                if let Some(bare) = strip_year(alias) {
                    bare_year_forms
                        .entry(bare.to_string())
                        .or_default()
                        .push(id);
                }
                if let Some((base, ordinal)) = ordinal_alias(alias) {
                    let right = format!("{base} {ordinal}");
                    for (o, ocr) in OCR_ORDINALS {
                        if o == ordinal {
                            for bad in ocr.iter() {
                                let v = Variant {
                                    kind: VariantKind::Ocr,
                                    expected: right.clone(),
                                };
                                add(&format!("{base} {bad}"), id, Some(v.clone()));
                                add(&format!("{base}-{bad}"), id, Some(v));
                            }
                        }
                    }
                    let arabic = match ordinal {
                        "I" => "1",
                        "II" => "2",
                        _ => "3",
                    };
                    add(&format!("{base} {arabic}"), id, None);
                    add(&format!("{base}-{arabic}"), id, None);
                }
                let words: Vec<String> =
                    alias.split_whitespace().map(|w| w.to_lowercase()).collect();
                if words.len() >= 3 && alias.len() >= 18 {
                    long.entry(words[0].clone()).or_default().push(LongAlias {
                        words,
                        written: alias.clone(),
                        treaty: id,
                    });
                }
            }
        }
        // `Moscow Treaty (1963)` and `Moscow Treaty (1970)` make the bare
        // `Moscow Treaty` ambiguous between them (and SORT, which has it).
        let known_forms: Vec<String> = treaties
            .iter()
            .flat_map(|t| std::iter::once(t.name.clone()).chain(t.aliases.iter().cloned()))
            .collect();
        for (bare, ids) in bare_year_forms {
            let known = known_forms.iter().any(|t| t.eq_ignore_ascii_case(&bare));
            if known || ids.len() > 1 {
                for id in ids {
                    add(&bare, id, None);
                }
            }
        }
        let build = |patterns: Vec<&str>| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns)
                .expect("treaty aliases build an automaton")
        };
        let first_words = (!long.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(long.keys())
                .expect("first words build an automaton")
        });
        Matcher {
            first_words,
            automaton: build(
                exact
                    .iter()
                    .chain(&folded)
                    .map(|(t, _)| t.as_str())
                    .collect(),
            ),
            patterns: exact
                .into_iter()
                .map(|(t, p)| (Some(t), p))
                .chain(folded.into_iter().map(|(_, p)| (None, p)))
                .collect(),
            long,
            signed: treaties.iter().map(Treaty::signed_date).collect(),
        }
    }

    /// Every treaty mention in `text`, resolved with the document's `date`.
    pub fn find(&self, text: &str, date: Option<Date>) -> Vec<TreatyMention> {
        let mut hits: Vec<(Range<usize>, &Pattern)> = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (exact, p) = &self.patterns[m.pattern().as_usize()];
            let case_ok = exact
                .as_deref()
                .is_none_or(|t| text.as_bytes()[m.range()] == *t.as_bytes());
            if case_ok && accepts(text, m.range(), p) {
                hits.push((m.range(), p));
            }
        }
        let mut out: Vec<TreatyMention> = Vec::new();
        let mut end = 0;
        for (range, p) in hits {
            if range.start < end {
                continue;
            }
            end = range.end;
            let (treaty, also) = self.resolve(&p.candidates, date);
            out.push(TreatyMention {
                range,
                treaty,
                also,
                variant: p.variant.clone(),
            });
        }
        self.near_misses(text, &mut out);
        out.sort_by_key(|m| m.range.start);
        out
    }

    fn resolve(&self, candidates: &[TreatyId], date: Option<Date>) -> (TreatyId, Vec<TreatyId>) {
        if candidates.len() == 1 {
            return (candidates[0], Vec::new());
        }
        let Some(date) = date.filter(|d| d.year.is_some()) else {
            return (candidates[0], candidates[1..].to_vec());
        };
        let day = (date.year.unwrap_or(0), date.month, date.day);
        let mut sorted: Vec<TreatyId> = candidates.to_vec();
        sorted.sort_by_key(|id| self.signed[*id]);
        let chosen = sorted
            .iter()
            .rev()
            .find(|id| self.signed[**id].is_some_and(|s| s <= day))
            .or(sorted.first())
            .copied()
            .unwrap_or(candidates[0]);
        (chosen, Vec::new())
    }

    /// `Treaty on Convention Forces in Europe`: a long alias with one word
    /// (two in names of six words or more) a short edit away. Candidates
    /// start where a long alias's first word stands.
    fn near_misses(&self, text: &str, out: &mut Vec<TreatyMention>) {
        let Some(first_words) = &self.first_words else {
            return;
        };
        let mut taken: Vec<Range<usize>> = out.iter().map(|m| m.range.clone()).collect();
        taken.sort_by_key(|r| r.start);
        let overlaps_taken = |range: &Range<usize>| {
            let k = taken.partition_point(|t| t.end <= range.start);
            taken.get(k).is_some_and(|t| t.start < range.end)
        };
        let mut found = Vec::new();
        let mut next_free = 0;
        for m in first_words.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if m.start() < next_free
                || before.is_some_and(char::is_alphanumeric)
                || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let key = text[m.range()].to_lowercase();
            let Some(aliases) = self.long.get(&key) else {
                continue;
            };
            let longest = aliases.iter().map(|a| a.words.len()).max().unwrap_or(0);
            let span: Vec<Range<usize>> = words_from(text, m.start()).take(longest).collect();
            for alias in aliases {
                let n = alias.words.len();
                if span.len() < n {
                    continue;
                }
                let mut differing = 0;
                let mut close = true;
                for (want, got) in alias.words.iter().zip(&span) {
                    let got = &text[got.clone()];
                    if want.eq_ignore_ascii_case(got) {
                        continue;
                    }
                    differing += 1;
                    if !near(want, &got.to_lowercase()) {
                        close = false;
                        break;
                    }
                }
                let allowed = if n >= 6 { 2 } else { 1 };
                let range = span[0].start..span[n - 1].end;
                if close && differing >= 1 && differing <= allowed && !overlaps_taken(&range) {
                    next_free = range.end;
                    found.push(TreatyMention {
                        range,
                        treaty: alias.treaty,
                        also: Vec::new(),
                        variant: Some(Variant {
                            kind: VariantKind::NearMiss,
                            expected: alias.written.clone(),
                        }),
                    });
                    break;
                }
            }
        }
        out.extend(found);
    }
}

/// Two spellings of one word: same first two letters, long enough to
/// judge, and at most two edits apart.
fn near(want: &str, got: &str) -> bool {
    want.len() >= 4
        && got.len() >= 4
        && want.as_bytes()[..2] == got.as_bytes()[..2]
        && strsim::levenshtein(want, got) <= 2
}

/// Word boundaries, case and all-capitals context for one hit.
fn accepts(text: &str, range: Range<usize>, p: &Pattern) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
        return false;
    }
    if p.capital
        && !text[range.clone()].starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
    {
        return false;
    }
    if p.acronym && p.variant.is_none() && !text[range.clone()].contains(' ') {
        // The words either side, within the paragraph.
        let before = &text[..range.start];
        let after = &text[range.end..];
        let gap_before = &before[before.trim_end().len()..];
        let gap_after = &after[..after.len() - after.trim_start().len()];
        let prev = (!paragraph_break(gap_before))
            .then(|| before.split_whitespace().next_back())
            .flatten();
        let next = (!paragraph_break(gap_after))
            .then(|| after.split_whitespace().next())
            .flatten();
        let shouting = |w: Option<&str>| {
            w.is_some_and(|w| {
                let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
            })
        };
        if shouting(prev) && shouting(next) {
            return false;
        }
    }
    true
}

/// White space holding an empty line.
fn paragraph_break(gap: &str) -> bool {
    gap.replace('\r', "").contains("\n\n")
}

/// `Moscow Treaty (1963)` → `Moscow Treaty`.
fn strip_year(alias: &str) -> Option<&str> {
    let open = alias.rfind(" (")?;
    let year = alias[open + 2..].strip_suffix(')')?;
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then(|| &alias[..open])
}

/// `START I` → (`START`, `I`); only a capitalised acronym and a Roman
/// ordinal, where OCR confusions are common.
fn ordinal_alias(alias: &str) -> Option<(&str, &str)> {
    let (base, ordinal) = alias.rsplit_once(' ')?;
    let acronym = base.len() >= 3 && base.chars().all(|c| c.is_ascii_uppercase());
    (acronym && matches!(ordinal, "I" | "II" | "III")).then_some((base, ordinal))
}

/// White-space separated words from `start` on, with surrounding
/// punctuation trimmed; words of punctuation alone are skipped.
fn words_from(text: &str, start: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = start;
    std::iter::from_fn(move || {
        loop {
            let rest = &text[at..];
            let lead_space = rest.len() - rest.trim_start().len();
            let word_start = at + lead_space;
            if word_start >= text.len() {
                return None;
            }
            let len = text[word_start..]
                .find(char::is_whitespace)
                .unwrap_or(text.len() - word_start);
            at = word_start + len;
            let w = &text[word_start..at];
            let lead = w.len()
                - w.trim_start_matches(|c: char| c.is_ascii_punctuation())
                    .len();
            let trail = w.len() - w.trim_end_matches(|c: char| c.is_ascii_punctuation()).len();
            if lead + trail < w.len() {
                return Some(word_start + lead..at - trail);
            }
        }
    })
}
