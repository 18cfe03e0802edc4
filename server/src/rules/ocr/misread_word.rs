//! A word OCR misread letter by letter: `tbe`, `todav`, `rnissile`,
//! `clecision`, `Classifled`, `Uuion`, `Septenber`; two words run together
//! (`ofthe`); a word split in two (`wh ich`); a banner or field name OCR
//! misread (`SFCRET`, `C0NFIDENTIAL`, `T0P SECRET`, `SUBJEGT:`,
//! `PARTlCIPANTS:`, `Declassify 0n:`).
//!
//! Banners and field names are read by shape: the same length as the
//! word, at most two characters changed, each for a digit or letter of the
//! same shape (`0` for O, `1` or `l` for I, `5` for S, `F` for E, `G` for
//! C), in a word of six letters or more. The grammar reads such a line as
//! the banner or field it is, so the markings rules still see the banner;
//! this rule names the misreading and writes the word (a safe fix).
//!
//! A word is flagged only when all of these hold:
//!
//! - it is no English word: not in the dictionary (SCOWL's en_US Hunspell
//!   dictionary with the project's word list of period vocabulary, see
//!   `data/dictionary/`), nor in `transcript.toml`'s `[words] accept`;
//! - it is no name the document knows: not in a participants entry or a
//!   speaker label, and, when capitalised, not written the same way twice
//!   in the document (a name that recurs is a name, however rare);
//! - the dictionary word it stands for is reachable by the confusions
//!   scanners make, not by any edit: one confusion from the table below, or
//!   two sure ones for a word of five letters or more;
//! - the line it stands on reads as prose: three English words or more,
//!   and half its words English, so the garble of stamps and handwriting,
//!   where no reading can be trusted, is left alone.
//!
//! A lower-case word of six letters or more that no confusion of the table
//! reads is read as a dictionary word one edit away (a letter changed,
//! dropped or added: badly scanned pages confuse any letters,
//! `establishiag`, `problews`, `felative`), but only when that word is
//! the only one so near, and the edit is not the last letter changed, a
//! letter more at either end, an `e` more or a letter doubled or single,
//! which the dictionary's gaps in inflections, prefixes and variant
//! spellings explain better (`nuclears`, `disrupter`, `preprint`,
//! `sizeable`, `guerilla`).
//!
//! A capitalised word gets the same reading only where its capital may be
//! the sentence's (after a full stop, a question or exclamation mark), and
//! a word in capitals only from seven letters; neither when the edit is to
//! the first letter (`Maloney` is no `Baloney`; but in a cable's line all
//! in capitals no letter is a name's capital: `TEMARKS`) or the word
//! recurs in its section. A letter written three times over is never an
//! inflection the dictionary lacks (`COMMITTTEE`). A word written with digits (`SDIPSTREAM-1`) is a code.
//!
//! Words of three letters count only when their reading is one of the
//! commonest words (`tbe`, `thc`, `aud`), and words of four only through a
//! sure confusion or into one of those (`mony` is not `trow`'s). A
//! capitalised word needs five letters (six in capitals) and, below seven,
//! a sure confusion (from seven, a possible one only into a name:
//! `Septenber` is `September`, `Blinken` no `Blinker`), and must stand once
//! in its section: shorter or recurring
//! ones are mostly initials, abbreviations and names. A capitalised word
//! after another that opens no sentence continues a name (`Secretary
//! Blinken`, `Frente Revolucionario Nacional`) and is left alone (but not
//! a word in capitals after another in a line all in capitals: cable
//! text); a reading
//! of three letters must be a common word, and a word in capitals is never
//! read as a name (`SHACKLEY` is no `SHOCKLEY`). Words with digits are O010's, words
//! broken at a line end O006's; names spelled two ways are T002's.
//!
//! The confusions (`seen` → `meant`; *sure* ones may be fixed safely):
//!
//! | kind | confusions |
//! | --- | --- |
//! | letters run together (sure) | `rn`→`m`, `cl`→`d`, `li`→`h`, `ii`→`u`, `vv`→`w`, `tii`/`tli`→`th` |
//! | letters fallen apart | `m`→`rn`, `d`→`cl`, `h`→`li`, `ri`→`n`, `in`/`ni`→`m` |
//! | one shape for another (sure) | `c`↔`e`, `b`→`h`, `l`↔`i`, `v`→`y`, a lost accent (`é`→`e`) |
//! | one shape for another | `h`→`b`, `y`→`v`, `n`↔`m`, `u`↔`n`, `f`↔`t`, `f`→`e`, `g`↔`c`, `a`↔`o`, `a`→`s`, `t`→`i`, `c`→`t`, `n`→`h`, `v`→`w`, `r`↔`n`, `b`→`g`, `e`↔`a` (a typewriter's worn face: `wes`, `thet`), `w`→`m` |
//! | case | a capital inside a lower-case word (`tHe`) |
//!
//! Sources: Project Gutenberg's OCR FAQ, the MobileRead "OCR villains"
//! list, the OUP re-keying list (as cited in `../shared/reference/
//! domain.md`, glitch G4) and the records of `fixtures/corpus/`.
//!
//! Two words run together are flagged when the run starts with one of the
//! words OCR most often runs on (`of`, `to`, `in`, `the`, `and`…) and the
//! rest is a common word or a word of five letters or more (`ofthe`,
//! `tothe`; not the fragment `ation`); a split word when two pieces on one
//! line, one of them no word, make a word together (`wh ich`), a piece of
//! one letter only into a common word (`o f`, not `two s`).
//!
//! ## Fires
//! ```text
//! We discussed tbe rnissile clecision at length with the Soviet side today.
//! The agreement ofthe two sides was reached wh ich was expected.
//! ```
//!
//! ## Does not fire
//! ```text
//! Minister Lavrov and Minister Serdyukov met the press in Moscow today.
//! ae . tae ke rnissile c= o
//! ```
//!
//! ## Fix
//! Safe when there is a single reading through one sure confusion and the
//! word has five letters or more or its reading is one of the commonest
//! words (`rnissile` → `missile`, `tbe` → `the`; another short word may
//! have lost a letter too: `frce` is `Force`, not `free`); otherwise
//! unsafe, one choice per reading (at
//! most three). A word the project uses on purpose goes in
//! `transcript.toml`: `[words] accept = ["Sukhodrev"]`.

use std::ops::Range;

use crate::dictionary::confusions::{Case, Reading, misread_as, one_edit, readings};
use crate::dictionary::is_word;
use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::model::ParagraphRole;
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "O011",
    name: "ocr-misread-word",
    severity: Severity::Warning,
    fix: FixSafety::Safe,
    module: module_path!(),
    check: Check::Section(check),
};

/// The commonest short words: the readings a three-letter word may have,
/// and the words that open a run of two (`ofthe`).
const COMMON: &[&str] = &[
    "the", "and", "for", "was", "are", "not", "but", "had", "has", "his", "her", "you", "she",
    "him", "its", "our", "who", "all", "can", "one", "any", "may", "now", "new", "out", "how",
    "did", "get", "two", "way", "day", "see", "say", "of", "to", "in", "on", "at", "by", "is",
    "it", "as", "be", "we", "he", "an", "or", "if", "no", "so", "up", "do", "me", "my", "us",
    "with", "that", "this", "from", "have", "were", "they", "their", "which", "would", "will",
    "been", "there", "what", "when", "into", "than", "them", "some", "also", "only", "about",
    "could", "should", "other", "after",
];

/// The words OCR most often runs into the next: a run must start with one
/// (`ofthe`, `tothe`, `inthe`), and the rest be a common word or one of
/// five letters or more, so a fragment (`ation`) is no run.
const RUN_OPENERS: &[&str] = &[
    "of", "to", "in", "on", "at", "by", "the", "and", "for", "is", "it", "be", "as", "that",
    "with", "from",
];

/// The field names of six letters or more that the grammar reads even when
/// OCR misread them (its `FIELD_NAMES` and `PARTICIPANT_FIELDS`), so a
/// misreading can be named and fixed.
const FIELD_NAMES: &[&str] = &[
    "SUBJECT",
    "PARTICIPANTS",
    "PRINCIPALS",
    "ATTENDEES",
    "OTHER ATTENDEES",
    "ALSO PRESENT",
    "LOCATION",
    "CLASSIFIED BY",
    "CLASSIFIED ON",
    "REASONS",
    "DECLASSIFY ON",
    "DECLASSIFIED BY",
    "DECLASSIFIED ON",
    "DERIVED FROM",
    "DOWNGRADE TO",
    "CAUTION",
    "THROUGH",
    "DRAFTED BY",
    "CLEARED BY",
    "APPROVED BY",
    "PREPARED BY",
    "ATTACHMENT",
    "ATTACHMENTS",
    "ENCLOSURE",
    "ENCLOSURES",
    "DISTRIBUTION",
    "MEMORANDUM FOR",
    "MEMORANDUM TO",
    "REFERENCE",
    "REFERENCES",
    "ATTENTION",
    "PRIORITY",
    "SUBJECTS",
    "DISSEMINATION",
    "CLASSIFICATION",
    "CL REASON",
    "DECLASSIFY",
    "DOWNGRADE",
    "AUTHORITY",
    "AGENCY",
    "RECORD NUMBER",
    "RECORD SERIES",
    "ORIGINATOR",
    "DOCUMENT TYPE",
    "RESTRICTIONS",
    "CURRENT STATUS",
    "COMMENTS",
    "SOURCE",
    "DATE ACQUIRED",
];

/// The level words of banners.
const BANNER_WORDS: &[&str] = &["SECRET", "CONFIDENTIAL", "UNCLASSIFIED"];

fn check(cx: &Context, out: &mut Report) {
    misread_headings(cx, out);
    let names = KnownNames::of(cx);
    for p in &cx.model.paragraphs {
        if !matches!(p.role, ParagraphRole::Body | ParagraphRole::StageDirection) {
            continue;
        }
        let mut line_start = p.content.start;
        let mut tokens = Vec::new();
        for line in cx.slice(&p.content).split('\n') {
            line_tokens(line, line_start, &mut tokens);
            line_start += line.len() + 1;
            if !reads_as_prose(cx.text, &tokens) {
                continue;
            }
            check_line(cx, &tokens, &names, out);
        }
    }
}

/// Banners and field names OCR misread (`SFCRET`, `C0NFIDENTIAL`,
/// `SUBJEGT:`, `PARTlCIPANTS:`), which the grammar reads for what they are.
fn misread_headings(cx: &Context, out: &mut Report) {
    let model = cx.model;
    for banner in &model.banners {
        let text = cx.slice(&banner.range);
        let mut at = banner.range.start;
        for word in text.split([' ', '/', ',', '*', '~']) {
            let range = at..at + word.len();
            at += word.len() + 1;
            // In capitals but for OCR's `l` for I.
            let capitals = word.chars().all(|c| !c.is_lowercase() || c == 'l');
            if let Some(meant) = BANNER_WORDS
                .iter()
                .find(|w| capitals && word != **w && misread_as(word, w))
            {
                report_heading(out, range, word, meant, "banner");
            } else if word != "TOP" && misread_top(word) {
                report_heading(out, range, word, "TOP", "banner");
            }
        }
    }
    for field in &model.fields {
        let start = field.range.start;
        let Some(offset) = cx.text[start..field.range.end].find(field.name.as_str()) else {
            continue;
        };
        let range = start + offset..start + offset + field.name.len();
        let written = field.name.as_str();
        if let Some(meant) = FIELD_NAMES
            .iter()
            .find(|n| !written.eq_ignore_ascii_case(n) && misread_as(written, n))
        {
            let fixed = in_case_of(written, meant);
            report_heading(out, range, written, &fixed, "field name");
        }
    }
}

/// `T0P`, `TQP`: OCR's `TOP` before `SECRET`.
fn misread_top(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next(), chars.next()),
        (Some('T'), Some('0' | 'Q' | 'D'), Some('P'), None)
    )
}

/// `meant` (in capitals) written in the case of `written`, word by word: a
/// word mostly in capitals in capitals, any other with its first letter's
/// case and the rest in lower case (`PARTlCIPANTS` → `PARTICIPANTS`,
/// `Declassify 0n` → `Declassify on`).
fn in_case_of(written: &str, meant: &str) -> String {
    let mut out = String::new();
    for (w, m) in written.split(' ').zip(meant.split(' ')) {
        if !out.is_empty() {
            out.push(' ');
        }
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        let lower = w.chars().filter(|c| c.is_lowercase()).count();
        if upper >= lower {
            out.push_str(&m.to_uppercase());
        } else {
            let mut chars = m.chars();
            if let Some(first) = chars.next() {
                if w.starts_with(char::is_uppercase) {
                    out.push(first);
                } else {
                    out.extend(first.to_lowercase());
                }
                out.push_str(&chars.as_str().to_lowercase());
            }
        }
    }
    out
}

fn report_heading(out: &mut Report, range: Range<usize>, written: &str, meant: &str, what: &str) {
    out.add(
        range.clone(),
        format!("`{written}` is OCR's misreading of the {what} `{meant}`"),
    )
    .with_fix(Fix::safe(
        format!("Write `{meant}`"),
        vec![Edit::replace(range, meant.to_string())],
    ));
}

/// A word of a line: the whole token, and its letters without the
/// punctuation around them or a possessive `'s`.
struct Token {
    whole: Range<usize>,
    core: Range<usize>,
}

/// The white-space separated tokens of `line`, which starts at `offset`,
/// into `out`.
fn line_tokens(line: &str, offset: usize, out: &mut Vec<Token>) {
    out.clear();
    let mut at = 0;
    for piece in line.split([' ', '\t', '\r']) {
        let start = at;
        at += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        let lead = piece.len() - piece.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        let mut core = piece[lead..].trim_end_matches(|c: char| !c.is_alphabetic());
        for suffix in ["'s", "\u{2019}s"] {
            if core.len() > suffix.len() + 1 {
                core = core.strip_suffix(suffix).unwrap_or(core);
            }
        }
        let whole = offset + start..offset + start + piece.len();
        let core_start = whole.start + lead;
        out.push(Token {
            whole,
            core: core_start..core_start + core.len(),
        });
    }
}

/// Words the document vouches for as names: those of its participants
/// entries and speaker labels, the words `transcript.toml` accepts, and
/// capitalised words the document writes twice or more.
struct KnownNames<'a> {
    cx: &'a Context<'a>,
}

impl<'a> KnownNames<'a> {
    fn of(cx: &'a Context<'a>) -> KnownNames<'a> {
        KnownNames { cx }
    }

    /// Asked only of a word that would be flagged, so the lists are read
    /// as they are rather than indexed for every section.
    fn vouches_for(&self, word: &str) -> bool {
        let facts = self.cx.facts;
        let names = facts
            .participants
            .iter()
            .map(|p| p.text.as_str())
            .chain(facts.labels.iter().map(String::as_str));
        self.cx.config.accepts_word(word)
            || facts.recurring_names.contains(word)
            || names.into_iter().any(|text| {
                text.split(|c: char| !c.is_alphabetic())
                    .any(|w| w.eq_ignore_ascii_case(word))
            })
    }

    /// Whether a capitalised word stands twice or more in the section.
    fn recurs(&self, word: &str) -> bool {
        self.cx.text.match_indices(word).nth(1).is_some()
    }
}

/// A line reads as prose when three of its words or more, and half its
/// words, are English words (a badly scanned line of prose misreads many;
/// the garble of stamps and handwriting reads few); it is worth
/// reading when some word is not (or is a stray letter, a piece of a
/// split word).
fn reads_as_prose(text: &str, tokens: &[Token]) -> bool {
    // Fewer than three tokens can hold no three English words: the
    // dictionary need not be asked (an empty line, a stamp, a page number).
    if tokens.len() < 3 {
        return false;
    }
    let (mut words, mut english, mut unknown) = (0, 0, 0);
    for t in tokens {
        let core = &text[t.core.clone()];
        if core.is_empty() {
            continue;
        }
        words += 1;
        if !core.chars().all(char::is_alphabetic) {
            continue;
        }
        if core.len() == 1 {
            unknown += usize::from(!matches!(core, "a" | "A" | "I"));
        } else if is_word(core) {
            english += 1;
        } else {
            unknown += 1;
        }
    }
    unknown > 0 && english >= 3 && english * 2 >= words
}

fn check_line(cx: &Context, tokens: &[Token], names: &KnownNames, out: &mut Report) {
    let text = cx.text;
    let cable = is_cable(text, tokens);
    let mut flagged = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        let core = &text[t.core.clone()];
        // A word broken at the line's end, or the rest of one broken at
        // the line before, is O006's.
        if text[t.whole.clone()].ends_with('-') && i + 1 == tokens.len() {
            continue;
        }
        if i == 0 && text[..t.whole.start].trim_end().ends_with('-') {
            continue;
        }
        // A code (`SDIPSTREAM-1`) or a word with digits: O010's.
        if text[t.whole.clone()].bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let after_name = in_name_run(text, tokens, i, cable);
        let opens_sentence = match i.checked_sub(1) {
            Some(b) => text[tokens[b].whole.clone()].ends_with(['.', '?', '!']),
            None => text[..t.whole.start].trim_end().ends_with(['.', '?', '!']),
        };
        for (part, range) in parts(core, t.core.start) {
            if after_name && Case::of(part) != Some(Case::Lower) {
                continue;
            }
            if let Some(finding) = judge(part, opens_sentence, cable, names) {
                flagged[i] = true;
                report(out, range, part, finding);
            }
        }
    }
    split_words(cx, tokens, &flagged, cable, out);
}

/// Capitalised words that open sentences, which start no name.
const OPENERS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "For", "And", "But", "To", "Of", "As", "By", "If", "It",
    "He", "She", "We", "They", "This", "That", "His", "Her", "Our", "Their", "Its", "My", "Your",
    "When", "After", "Before", "I",
];

/// Whether a line has no word in lower case: a cable's text, not a run of
/// names.
fn is_cable(text: &str, tokens: &[Token]) -> bool {
    tokens
        .iter()
        .all(|t| Case::of(&text[t.core.clone()]) != Some(Case::Lower))
}

/// Whether the token before the `i`th is a capitalised word that opens no
/// sentence: the `i`th then continues a name (`Secretary Blinken`, `Kim
/// Jung Un`, `Frente Revolucionario Nacional`). In a `cable` line (see
/// [`is_cable`]) a word in capitals starts no name.
fn in_name_run(text: &str, tokens: &[Token], i: usize, cable: bool) -> bool {
    let Some(before) = i.checked_sub(1).map(|b| &tokens[b]) else {
        return false;
    };
    let core = &text[before.core.clone()];
    before.core.end == before.whole.end
        && core.chars().count() >= 2
        && matches!(Case::of(core), Some(Case::Title | Case::Upper))
        && !OPENERS.contains(&core)
        && !(cable && Case::of(core) == Some(Case::Upper))
}

/// The hyphen-separated parts of a word, each with its range; none when a
/// part holds anything but letters.
fn parts(core: &str, start: usize) -> Vec<(&str, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = start;
    for part in core.split('-') {
        if part.is_empty() || !part.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        out.push((part, at..at + part.len()));
        at += part.len() + 1;
    }
    out
}

/// What a word is taken for.
enum Verdict {
    Misread(Vec<Reading>),
    RunTogether(&'static str, String),
}

/// Whether `word` is `reading` with a letter more at either end, or with
/// its last letter changed, or with an `e` more: an inflection, a prefix
/// or a variant spelling the dictionary lacks (`nuclears`, `exfiltrated`,
/// `disrupter`, `preprint`, `sizeable`), more likely than a misreading.
fn inflected(word: &str, reading: &str) -> bool {
    let (w, r) = (word.as_bytes(), reading.as_bytes());
    // A letter doubled or single: `guerilla`, `traveller`.
    let doubled = |long: &[u8], short: &[u8]| {
        let at = long.iter().zip(short).take_while(|(a, b)| a == b).count();
        at > 0 && long[at] == long[at - 1] || long.get(at + 1) == Some(&long[at])
    };
    // A letter three times over is no spelling (`COMMITTTEE`).
    if w.windows(3).any(|t| t[0] == t[1] && t[1] == t[2]) {
        return false;
    }
    match w.len().cmp(&r.len()) {
        std::cmp::Ordering::Greater => {
            let at = w.iter().zip(r).take_while(|(a, b)| a == b).count();
            w.starts_with(r) || w.ends_with(r) || w[at] == b'e' || doubled(w, r)
        }
        std::cmp::Ordering::Equal => w[..w.len() - 1] == r[..r.len() - 1],
        std::cmp::Ordering::Less => doubled(r, w),
    }
}

/// The letters a lower-case word (or a capitalised one that opens a
/// sentence) needs before a single dictionary word one edit away is taken
/// for its reading.
const MIN_ANY_EDIT: usize = 6;
/// The same for a word in capitals, which may be a code or a cryptonym.
const MIN_ANY_EDIT_CAPITALS: usize = 7;

fn judge(word: &str, opens_sentence: bool, cable: bool, names: &KnownNames) -> Option<Verdict> {
    let letters = word.chars().count();
    if letters < 3 || is_word(word) {
        return None;
    }
    let verdict = verdict(word, letters, opens_sentence, cable, names)?;
    (!names.vouches_for(word)).then_some(verdict)
}

/// What `word`, no English word, is taken for, before the names the
/// document knows are asked. `opens_sentence`: its capital may be the
/// sentence's, not a name's.
fn verdict(
    word: &str,
    letters: usize,
    opens_sentence: bool,
    cable: bool,
    names: &KnownNames,
) -> Option<Verdict> {
    let case = Case::of(word);
    match case {
        Some(Case::Title) if letters < 5 => return None,
        Some(Case::Upper) if letters < 6 => return None,
        None => {
            // A capital inside a lower-case word: `tHe`, `gOvernment`.
            let lower = word.to_lowercase();
            let first_lower = word.chars().next().is_some_and(char::is_lowercase);
            return (first_lower && letters >= 3 && is_word(&lower)).then(|| {
                Verdict::Misread(vec![Reading {
                    word: lower,
                    steps: 1,
                    sure: true,
                }])
            });
        }
        _ => {}
    }
    let mut found = readings(word);
    // Whether a capitalised word recurs costs a search of the section:
    // asked only of a word with readings, or with a reading one edit away
    // (below).
    let any_edit = match case {
        Some(Case::Upper) => letters >= MIN_ANY_EDIT_CAPITALS,
        Some(Case::Title) => opens_sentence && letters >= MIN_ANY_EDIT,
        _ => false,
    };
    if case != Some(Case::Lower)
        && (found.is_empty() && !any_edit || !found.is_empty() && names.recurs(word))
    {
        return None;
    }
    let had_readings = !found.is_empty();
    match case {
        // A capitalised word may be a rare name: only a sure confusion
        // reads it as a word, unless it is long and read as a name itself
        // (`Septenber` as `September`; `Blinken` is no `Blinker`).
        Some(Case::Title | Case::Upper) if letters < 7 => found.retain(|r| r.sure),
        Some(Case::Title | Case::Upper) => {
            found.retain(|r| r.sure || !is_word(&r.word.to_lowercase()))
        }
        // A short word is read through a possible confusion only into one
        // of the commonest words (`mony` may be `many`, never `trow`).
        _ if letters <= 4 => {
            found.retain(|r| r.sure || COMMON.contains(&r.word.to_lowercase().as_str()))
        }
        _ => {}
    }
    // A reading of three letters or fewer must be a common word (`lirs`
    // is `Mrs`, not `hrs`); in capitals, a reading must be no name alone
    // (`SHACKLEY` is no `SHOCKLEY`).
    found.retain(|r| {
        let lower = r.word.to_lowercase();
        (r.word.chars().count() > 3 || COMMON.contains(&lower.as_str()))
            && (case != Some(Case::Upper) || is_word(&lower))
    });
    if !found.is_empty() {
        return Some(Verdict::Misread(found));
    }
    // Searched in lower case for a word in capitals, capitalised for one
    // that opens a sentence (`Septeaber`: the dictionary capitalises
    // months).
    let searched = if case == Some(Case::Upper) {
        word.to_lowercase()
    } else {
        word.to_string()
    };
    if (case == Some(Case::Lower) && letters >= MIN_ANY_EDIT || any_edit)
        && let [reading] = one_edit(&searched).as_slice()
        && !inflected(&searched, reading)
        // A capital changed makes a name another word (`Maloney`); in a
        // cable's capitals no letter is a name's capital (`TEMARKS`).
        && (case == Some(Case::Lower)
            || cable && case == Some(Case::Upper)
            || reading.as_bytes()[0] == searched.as_bytes()[0])
        // Asked last: it searches the section (and was asked already of a
        // word with readings).
        && (case == Some(Case::Lower) || had_readings || !names.recurs(word))
    {
        let mut written = String::new();
        case.unwrap_or(Case::Lower)
            .write(&reading.to_lowercase(), &mut written);
        if case == Some(Case::Title) {
            written.clone_from(reading);
        }
        return Some(Verdict::Misread(vec![Reading {
            word: written,
            steps: 1,
            sure: false,
        }]));
    }
    if case == Some(Case::Lower) {
        for &first in RUN_OPENERS {
            if let Some(rest) = word.strip_prefix(first)
                && (COMMON.contains(&rest) || rest.chars().count() >= 5)
                && is_word(rest)
            {
                return Some(Verdict::RunTogether(first, rest.to_string()));
            }
        }
    }
    None
}

fn report(out: &mut Report, range: Range<usize>, word: &str, verdict: Verdict) {
    match verdict {
        Verdict::Misread(readings) => {
            let first = &readings[0];
            let finding = out.add(
                range.clone(),
                format!("`{word}` looks like OCR's misreading of `{}`", first.word),
            );
            let long =
                word.chars().count() >= 5 || COMMON.contains(&first.word.to_lowercase().as_str());
            if readings.len() == 1 && first.steps == 1 && first.sure && long {
                finding.with_fix(Fix::safe(
                    format!("Write `{}`", first.word),
                    vec![Edit::replace(range, first.word.clone())],
                ));
            } else {
                for r in readings.iter().take(3) {
                    finding.with_fix(Fix::unsafe_(
                        format!("Write `{}`", r.word),
                        vec![Edit::replace(range.clone(), r.word.clone())],
                    ));
                }
            }
        }
        Verdict::RunTogether(first, rest) => {
            let fixed = format!("{first} {rest}");
            out.add(
                range.clone(),
                format!("`{word}` looks like two words run together: `{fixed}`"),
            )
            .with_fix(Fix::unsafe_(
                format!("Write `{fixed}`"),
                vec![Edit::replace(range, fixed.clone())],
            ));
        }
    }
}

/// Two pieces of one word: adjacent tokens of letters, one of them no
/// word (a single letter other than `a` or `I` is none), which together
/// make a word of the same case: `wh ich`, `o f`, `Wh ich`.
fn split_words(cx: &Context, tokens: &[Token], flagged: &[bool], cable: bool, out: &mut Report) {
    let text = cx.text;
    // The first piece is letters alone; the second may carry the
    // sentence's punctuation after it.
    let letters = |t: &Token, whole: bool| {
        let core = &text[t.core.clone()];
        let bare = t.core.start == t.whole.start && (!whole || t.core.end == t.whole.end);
        (bare && !core.is_empty() && core.chars().all(char::is_alphabetic)).then_some(core)
    };
    for (i, pair) in tokens.windows(2).enumerate() {
        if flagged[i] || flagged[i + 1] {
            continue;
        }
        let (Some(a), Some(b)) = (letters(&pair[0], true), letters(&pair[1], false)) else {
            continue;
        };
        if !b.chars().all(char::is_lowercase)
            || !matches!(Case::of(a), Some(Case::Lower | Case::Title))
            || Case::of(a) == Some(Case::Title) && in_name_run(text, tokens, i, cable)
        {
            continue;
        }
        let piece_word = |w: &str| {
            if w.chars().count() == 1 {
                matches!(w, "a" | "A" | "I")
            } else {
                is_word(w)
            }
        };
        if piece_word(a) && piece_word(b) {
            continue;
        }
        let joined = format!("{a}{b}");
        let short = a.chars().count() == 1 || b.chars().count() == 1;
        if short && !COMMON.contains(&joined.to_lowercase().as_str()) || !is_word(&joined) {
            continue;
        }
        let range = pair[0].whole.start..pair[1].core.end;
        out.add(
            range.clone(),
            format!("`{a} {b}` looks like one word split in two: `{joined}`"),
        )
        .with_fix(Fix::safe(
            format!("Write `{joined}`"),
            vec![Edit::replace(range, joined.clone())],
        ));
    }
}
