//! What one section tells about the whole document ([`Summary`]), and what
//! the whole document tells the rules of each section ([`Facts`]): whether
//! it is marked, where it puts its marks, who its speakers are, its date,
//! the usual form of each speaker's label, which names are misspellings of
//! others.
//!
//! Facts are gathered from the summaries alone, so a section whose text did
//! not change keeps its summary, and when the facts come out the same, its
//! findings too.

pub mod acronyms;
pub mod indents;
pub mod letter_readings;
pub mod names;
pub mod vocabulary;
pub mod word_tally;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hash};
use std::ops::Range;
use std::sync::Arc;

use self::indents::indents as stray_indents;
use self::names::{KeyHasher, LowerWords, lower_key, variants as name_variants};
use self::vocabulary::Vocabulary;
use self::word_tally::WordTally;
use self::words::words_and_shapes;
use crate::config::Config;
use crate::model::{
    self, Date, Level, MarkPosition, ParagraphRole, Participant, Raw, Speaker, speaker_table,
};
use crate::suppression::{self, Directive};
use crate::word_hash::KeyMap;

/// What the whole document needs to know of one section. Ranges count from
/// the section's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub leading_marks: usize,
    pub trailing_marks: usize,
    /// A valid portion mark standing apart from the word before it.
    pub standalone_mark: bool,
    /// Banners that announce a level, in order.
    pub level_banners: Vec<(Level, Range<usize>)>,
    pub first_valid_mark: Option<Range<usize>>,
    /// Body paragraphs that do not run on into the next one; how many of
    /// them lack a valid mark; the highest level they are marked.
    pub body: usize,
    pub body_unmarked: usize,
    /// The first line of each record that starts in the section, and the
    /// marks of each part: the part before the first start (which continues
    /// the record of the sections before), then one per record started
    /// here.
    pub record_starts: Vec<Range<usize>>,
    pub parts: Vec<Marks>,
    pub highest: Option<Level>,
    pub participants: Vec<Participant>,
    /// The first `PARTICIPANTS` field.
    pub participants_field: Option<Range<usize>>,
    pub field_date: Option<Date>,
    /// Distinct labels, in order of first use.
    pub labels: Vec<String>,
    /// Each label's written forms (white space collapsed) with their count
    /// and first place, in order of first use.
    pub forms: Vec<LabelForm>,
    /// Lines that start with stray white space, and lines judged (O009).
    pub indents: usize,
    pub judged: usize,
    /// Proper-name candidates: count and first place.
    pub names: HashMap<String, (usize, Range<usize>)>,
    /// Words written in lower case, by key (see T002).
    pub lowered: LowerWords,
    /// Acronyms (see [`acronyms::pieces`]): count and first place.
    pub acronyms: HashMap<String, (usize, Range<usize>)>,
    /// Surnames the prose writes after a title (`Mr. Dulles`,
    /// `Representative Ford`), in capitals with the first written form and
    /// a count, in order of the capitals (see `model::merge_ocr_spellings`).
    pub mentions: Vec<(String, String, usize)>,
    /// Letter-only words and initialisms written, and the spellings the
    /// tokens with look-alike digits may have had, by key (see
    /// [`vocabulary`]).
    pub written: KeyMap<u32>,
    pub wanted: KeyMap<u32>,
    pub directives: Vec<Directive>,
    /// The first line that is not blank.
    pub first_line: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelForm {
    pub label: String,
    pub form: String,
    pub count: usize,
    pub first: Range<usize>,
}

impl Summary {
    /// The summary of a section's text and its raw model.
    pub fn of(text: &str, raw: &Raw) -> Summary {
        let (words, shapes) = words_and_shapes(text, &raw.model);
        Summary::of_words(text, raw, &words, &shapes)
    }

    /// [`Summary::of`], given the words of the raw model's prose and
    /// their shapes ([`words_and_shapes`]), which the section keeps for
    /// its rules.
    pub fn of_words(
        text: &str,
        raw: &Raw,
        words: &[std::ops::Range<usize>],
        shapes: &[u8],
    ) -> Summary {
        let model = &raw.model;
        let mut s = Summary::default();
        for p in &model.paragraphs {
            for m in &p.marks {
                if m.leading {
                    s.leading_marks += 1;
                } else {
                    s.trailing_marks += 1;
                }
                if m.level().is_some() {
                    s.first_valid_mark.get_or_insert_with(|| m.range.clone());
                    // A mark glued to a word (`#744305(C)`) is too weak a
                    // sign on its own: OCR'd lists of case numbers end so.
                    s.standalone_mark |= text[..m.range.start]
                        .chars()
                        .next_back()
                        .is_none_or(char::is_whitespace);
                }
            }
            if p.role == ParagraphRole::Body && !p.continues {
                s.body += 1;
                if p.marks.is_empty() || p.marks.iter().any(|m| m.level().is_none()) {
                    s.body_unmarked += 1;
                }
                s.highest = s
                    .highest
                    .max(p.marks.iter().filter_map(|m| m.level()).max());
            }
        }
        s.record_starts = model
            .records
            .iter()
            .map(|&r| r..text[r..].find('\n').map_or(text.len(), |n| r + n))
            .collect();
        s.parts = vec![Marks::default(); model.records.len() + 1];
        let part = |at: usize| model.records.partition_point(|&r| r <= at);
        // `1. (C - ENTIRE TEXT)`: one mark for the whole record, wherever
        // the line fell (a cable's first numbered paragraph, or the tail of
        // its REF field).
        for (at, _) in text.match_indices("ENTIRE TEXT") {
            let before = &text.as_bytes()[at.saturating_sub(8)..at];
            if before.contains(&b'(') {
                s.parts[part(at)].entire_text = true;
            }
        }
        for p in &model.paragraphs {
            if p.role != ParagraphRole::Body || p.continues {
                continue;
            }
            let standalone = |m: &model::PortionMark| {
                text[..m.range.start]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
            };
            let marks = &mut s.parts[part(p.range.start)];
            marks.body += 1;
            marks.words += text[p.content.clone()].split_whitespace().count();
            if p.marks.iter().any(standalone) {
                marks.marked += 1;
            }
            if p.marks
                .iter()
                .filter(|m| standalone(m))
                .any(|m| m.level().is_some())
            {
                marks.valid += 1;
            }
        }
        for b in &model.banners {
            let marks = &mut s.parts[part(b.range.start)];
            marks.banner = marks.banner.max(b.level);
        }
        for f in &model.fields {
            let marks = &mut s.parts[part(f.range.start)];
            if marks.date.is_none() {
                marks.date = model::field_date(text, std::slice::from_ref(f));
            }
        }
        s.level_banners = model
            .banners
            .iter()
            .filter_map(|b| Some((b.level?, b.range.clone())))
            .collect();
        s.participants = model.participants.clone();
        s.participants_field = model
            .fields
            .iter()
            .find(|f| f.lists_participants())
            .map(|f| f.range.clone());
        s.field_date = model::field_date(text, &model.fields);
        let mut form_index: HashMap<(&str, String), usize> = HashMap::new();
        for (turn, label) in model.turns.iter().zip(&raw.labels) {
            if !s.labels.contains(label) {
                s.labels.push(label.clone());
            }
            let form = text[turn.name_range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match form_index.get(&(label.as_str(), form.clone())) {
                Some(&k) => s.forms[k].count += 1,
                None => {
                    form_index.insert((label.as_str(), form.clone()), s.forms.len());
                    s.forms.push(LabelForm {
                        label: label.clone(),
                        form,
                        count: 1,
                        first: turn.name_range.clone(),
                    });
                }
            }
        }
        let (indents, judged) = stray_indents(text, model);
        s.indents = indents.len();
        s.judged = judged;
        let tally = WordTally::of(text, words, shapes);
        s.names = tally.names;
        s.lowered = tally.lowered;
        s.mentions = tally.mentions;
        s.acronyms = tally.acronyms;
        s.written = tally.written;
        s.wanted = tally.wanted;
        s.directives = suppression::scan(text);
        s.first_line = match text.find('\n') {
            Some(n) if text[..n].trim().is_empty() => suppression::first_line(text, n),
            Some(n) => Some(0..n),
            None => (!text.trim().is_empty()).then_some(0..text.len()),
        };
        s
    }
}

/// The portion marks of one record, or of the part of one in a section:
/// body paragraphs (not counting first halves of split ones), those with
/// a mark standing apart from the word before it (valid or misread), those
/// with a valid one; the highest banner; the date its fields give.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Marks {
    /// Words of body text.
    pub words: usize,
    pub body: usize,
    pub marked: usize,
    pub valid: usize,
    pub banner: Option<Level>,
    pub date: Option<Date>,
    /// A mark covers the whole record: `(C - ENTIRE TEXT)`.
    pub entire_text: bool,
}

impl Marks {
    fn add(&mut self, o: &Marks) {
        self.words += o.words;
        self.body += o.body;
        self.marked += o.marked;
        self.valid += o.valid;
        self.banner = self.banner.max(o.banner);
        self.date = self.date.or(o.date);
        self.entire_text |= o.entire_text;
    }

    /// The record is portion-marked: see [`portion_marked`].
    pub fn portion_marked(&self, config: &Config) -> bool {
        config.classified
            || portion_marked(self.body, self.marked, self.valid, self.banner.is_some())
    }

    /// More than half the body paragraphs, and at least six, carry no
    /// mark: the record, not each paragraph, is the finding.
    pub fn unmarked_throughout(&self) -> bool {
        if self.entire_text {
            return false;
        }
        let unmarked = self.body - self.marked;
        unmarked * 2 > self.body && unmarked >= 6
    }
}

/// Sums over the sections' summaries that change with almost every edit
/// and are costly to gather again: the counts behind name variants. Kept
/// up to date section by section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub names: HashMap<String, usize>,
    pub acronyms: HashMap<String, usize>,
    pub lowered: HashMap<u64, usize, BuildHasherDefault<KeyHasher>>,
    /// The names by the key of their lower-case form.
    name_keys: HashMap<u64, usize, BuildHasherDefault<KeyHasher>>,
    /// See [`Summary::written`] and [`Summary::wanted`].
    pub written: KeyMap<usize>,
    pub wanted: KeyMap<usize>,
}

/// Adds each count of `from` to `to`.
fn add_counts<'a, K: Eq + Hash + Clone + 'a, S: BuildHasher>(
    to: &mut HashMap<K, usize, S>,
    from: impl IntoIterator<Item = (&'a K, usize)>,
) {
    for (key, n) in from {
        *to.entry(key.clone()).or_default() += n;
    }
}

/// Takes each count of `from` from `to`, forgetting keys that reach zero.
fn remove_counts<'a, K: Eq + Hash + 'a, S: BuildHasher>(
    to: &mut HashMap<K, usize, S>,
    from: impl IntoIterator<Item = (&'a K, usize)>,
) {
    for (key, n) in from {
        if let Some(count) = to.get_mut(key) {
            *count -= n;
            if *count == 0 {
                to.remove(key);
            }
        }
    }
}

/// A summary's counts by key, as [`add_counts`] takes them.
fn counted(map: &KeyMap<u32>) -> impl Iterator<Item = (&u64, usize)> {
    map.iter().map(|(k, n)| (k, *n as usize))
}

impl Totals {
    pub fn add(&mut self, s: &Summary) {
        for (name, (n, _)) in &s.names {
            let count = self.names.entry(name.clone()).or_default();
            if *count == 0 {
                *self
                    .name_keys
                    .entry(lower_key(&name.to_lowercase()))
                    .or_default() += 1;
            }
            *count += n;
        }
        add_counts(
            &mut self.acronyms,
            s.acronyms.iter().map(|(a, (n, _))| (a, *n)),
        );
        add_counts(&mut self.lowered, counted(&s.lowered));
        add_counts(&mut self.written, counted(&s.written));
        add_counts(&mut self.wanted, counted(&s.wanted));
    }

    pub fn remove(&mut self, s: &Summary) {
        for (name, (n, _)) in &s.names {
            if let Some(count) = self.names.get_mut(name) {
                *count -= n;
                if *count == 0 {
                    self.names.remove(name);
                    let key = lower_key(&name.to_lowercase());
                    if let Some(k) = self.name_keys.get_mut(&key) {
                        *k -= 1;
                        if *k == 0 {
                            self.name_keys.remove(&key);
                        }
                    }
                }
            }
        }
        remove_counts(
            &mut self.acronyms,
            s.acronyms.iter().map(|(a, (n, _))| (a, *n)),
        );
        remove_counts(&mut self.lowered, counted(&s.lowered));
        remove_counts(&mut self.written, counted(&s.written));
        remove_counts(&mut self.wanted, counted(&s.wanted));
    }

    /// Whether some candidate's lower-case form has this key.
    pub fn has_name_key(&self, key: u64) -> bool {
        self.name_keys.contains_key(&key)
    }

    /// Whether a proper-name candidate counts as a name: the document
    /// never writes it in lower case.
    pub fn is_name(&self, name: &str) -> bool {
        !self.lowered.contains_key(&lower_key(&name.to_lowercase()))
    }

    /// The names written twice or more.
    pub fn recurring(&self) -> HashSet<String> {
        self.names
            .iter()
            .filter(|(name, n)| **n >= 2 && self.is_name(name))
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Spellings one inner edit from a more frequent one, `minority →
    /// majority`, and acronyms OCR misread (see [`acronyms::variants`]).
    pub fn variants(&self) -> HashMap<String, String> {
        let counts: HashMap<&str, usize> = self
            .names
            .iter()
            .filter(|(name, _)| self.is_name(name))
            .map(|(name, n)| (name.as_str(), *n))
            .collect();
        let mut variants = name_variants(&counts);
        variants.extend(acronyms::variants(&self.acronyms));
        variants
    }
}

/// What an edit changed of the summaries, so that gathering the facts
/// again can keep what did not change.
#[derive(Debug, Clone, Copy)]
pub struct Changed {
    /// Proper names, or words that rule names out.
    pub names: bool,
    /// Participants, labels or label forms.
    pub speakers: bool,
}

impl Changed {
    pub const ALL: Changed = Changed {
        names: true,
        speakers: true,
    };

    /// What differs between the summaries an edit removed and those it
    /// added, as far as the speakers go.
    pub fn speakers_between(removed: &[&Summary], added: &[&Summary]) -> bool {
        #[allow(clippy::type_complexity)]
        fn key<'a>(
            s: &[&'a Summary],
        ) -> (
            Vec<(&'a str, Option<&'a str>)>,
            Vec<&'a str>,
            Vec<(&'a str, &'a str, usize)>,
            Vec<&'a str>,
        ) {
            (
                s.iter()
                    .flat_map(|s| &s.participants)
                    .map(|p| (p.text.as_str(), p.group.as_deref()))
                    .collect(),
                s.iter()
                    .flat_map(|s| &s.labels)
                    .map(String::as_str)
                    .collect(),
                s.iter()
                    .flat_map(|s| &s.forms)
                    .map(|f| (f.label.as_str(), f.form.as_str(), f.count))
                    .collect(),
                s.iter()
                    .flat_map(|s| &s.mentions)
                    .map(|(upper, _, _)| upper.as_str())
                    .collect(),
            )
        }
        key(removed) != key(added)
    }
}

/// How many words of body text a record has before another may start.
pub const RECORD_BODY_WORDS: usize = 40;

/// Whether a document whose `body` paragraphs include `marked` with a
/// portion mark (valid or misread) and `valid` with a valid one is
/// portion-marked: at least two in five of its body paragraphs carry a
/// mark, and one of them is valid or the document bears a banner (so that
/// its misread marks are marks). A banner alone does not make a document
/// portion-marked, nor does one stray `(C)` in a list of case numbers or a
/// statute's `(c)` among many paragraphs.
pub fn portion_marked(body: usize, marked: usize, valid: usize, banner: bool) -> bool {
    marked >= 1 && (valid >= 1 || banner) && marked * 5 >= body * 2
}

/// What the whole document tells the rules of every section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// The document carries classification markings (a banner with a
    /// level, or a valid portion mark standing apart from the word before
    /// it), or the configuration says documents are classified.
    pub marked: bool,
    /// The document is portion-marked: its body paragraphs actually carry
    /// marks (see [`portion_marked`]), or the configuration says documents
    /// are classified. Only then is an unmarked paragraph a finding.
    pub portion_marked: bool,
    /// The marks of each record of the file, in order (one for an
    /// ordinary document): every judgement of markings is made per record.
    pub records: Arc<Vec<Marks>>,
    /// For each record head of the document, in order, the record its
    /// part belongs to: a new one where the head starts a record.
    pub candidate_records: Arc<Vec<usize>>,
    pub mark_position: MarkPosition,
    /// The highest level a banner announces.
    pub max_banner: Option<Level>,
    /// Everyone in the participants lists (positions left out).
    pub participants: Arc<Vec<Participant>>,
    /// Distinct labels, in order of first use.
    pub labels: Arc<Vec<String>>,
    pub speakers: Arc<Vec<Speaker>>,
    /// Each label's speaker.
    pub speaker_of: Arc<HashMap<String, usize>>,
    pub date: Option<Date>,
    /// Few enough lines are indented that the indented ones are strays.
    pub indents_fire: bool,
    /// The usual form of the label of each speaker labelled two ways.
    pub usual_forms: Arc<HashMap<usize, String>>,
    /// Some labels' speakers are the recurring labels they are OCR
    /// spellings of (see `model::merge_ocr_spellings`).
    pub spellings_merged: bool,
    /// Turns whose label is not in its speaker's usual form, and all turns.
    pub unusual_labels: usize,
    pub turns: usize,
    pub variants: Arc<HashMap<String, String>>,
    /// Capitalised words the document writes the same way twice or more,
    /// and never in lower case: names, however rare (see O011).
    pub recurring_names: Arc<HashSet<String>>,
    /// The spellings O010 may ask about that the document writes.
    pub vocabulary: Arc<Vocabulary>,
}

impl Facts {
    /// Gathers the facts from the summaries of every section, in order, and
    /// the first full date near the top of the document. `previous` facts of the same document lend what has not changed:
    /// the speakers and the usual label forms, unless `changed.speakers`,
    /// and the name variants, unless `changed.names`.
    pub fn gather(
        summaries: &[&Summary],
        head_date: Option<Date>,
        totals: &Totals,
        config: &Config,
        previous: Option<&Facts>,
        changed: Changed,
    ) -> Facts {
        let (mut leading, mut trailing, mut indents, mut judged) = (0, 0, 0, 0);
        let mut standalone = false;
        let mut max_banner = None;
        let mut field_date = None;
        for s in summaries {
            leading += s.leading_marks;
            trailing += s.trailing_marks;
            indents += s.indents;
            judged += s.judged;
            standalone |= s.standalone_mark;
            max_banner = max_banner.max(s.level_banners.iter().map(|(l, _)| *l).max());
            if field_date.is_none() {
                field_date = s.field_date;
            }
        }
        let marked = config.classified || max_banner.is_some() || standalone;
        // Which record heads start a record: those after enough body text
        // since the record before began.
        let mut records: Vec<Marks> = vec![Marks::default()];
        let mut candidate_records = Vec::new();
        let mut since = 0;
        for s in summaries {
            for (i, part) in s.parts.iter().enumerate() {
                if i > 0 {
                    if since >= RECORD_BODY_WORDS {
                        records.push(Marks::default());
                        since = 0;
                    }
                    candidate_records.push(records.len() - 1);
                }
                records.last_mut().expect("one record at least").add(part);
                since += part.words;
            }
        }
        let records = match previous {
            Some(p) if *p.records == records => p.records.clone(),
            _ => Arc::new(records),
        };
        let candidate_records = match previous {
            Some(p) if *p.candidate_records == candidate_records => p.candidate_records.clone(),
            _ => Arc::new(candidate_records),
        };
        let date = field_date.or(head_date);
        let kept = previous.filter(|_| !changed.speakers).map(|p| {
            (
                p.participants.clone(),
                p.labels.clone(),
                p.speakers.clone(),
                p.speaker_of.clone(),
                p.usual_forms.clone(),
                p.spellings_merged,
            )
        });
        let (participants, labels, speakers, speaker_of, usual_forms, spellings_merged) = match kept
        {
            Some(kept) => kept,
            None => Facts::speakers(summaries, config, previous),
        };
        let (mut turns, mut unusual_labels) = (0, 0);
        for f in summaries.iter().flat_map(|s| &s.forms) {
            turns += f.count;
            if speaker_of
                .get(&f.label)
                .and_then(|speaker| usual_forms.get(speaker))
                .is_some_and(|usual| *usual != f.form)
            {
                unusual_labels += f.count;
            }
        }
        let (variants, recurring_names) = match previous {
            Some(p) if !changed.names => (p.variants.clone(), p.recurring_names.clone()),
            _ => (Arc::new(totals.variants()), Arc::new(totals.recurring())),
        };
        let vocabulary = Vocabulary::of(&totals.wanted, &totals.written);
        let vocabulary = match previous {
            Some(p) if *p.vocabulary == vocabulary => p.vocabulary.clone(),
            _ => Arc::new(vocabulary),
        };
        Facts {
            marked,
            portion_marked: records.iter().any(|r| r.portion_marked(config)),
            records,
            candidate_records,
            mark_position: if trailing > leading {
                MarkPosition::Trailing
            } else {
                MarkPosition::Leading
            },
            max_banner,
            participants,
            labels,
            speakers,
            speaker_of,
            date,
            indents_fire: indents > 0 && indents * 10 <= judged,
            usual_forms,
            spellings_merged,
            unusual_labels,
            turns,
            variants,
            recurring_names,
            vocabulary,
        }
    }

    /// The participants, the labels, the speakers, each label's speaker
    /// and the usual form of the labels of each speaker labelled two ways.
    #[allow(clippy::type_complexity)]
    fn speakers(
        summaries: &[&Summary],
        config: &Config,
        previous: Option<&Facts>,
    ) -> (
        Arc<Vec<Participant>>,
        Arc<Vec<String>>,
        Arc<Vec<Speaker>>,
        Arc<HashMap<String, usize>>,
        Arc<HashMap<usize, String>>,
        bool,
    ) {
        // Who the participants are, not where: positions would make every
        // edit above a participants list change the facts. The previous
        // lists are kept when nothing in them changed.
        let listed = summaries.iter().flat_map(|s| &s.participants);
        let participants = match previous {
            Some(p)
                if p.participants.len() == listed.clone().count()
                    && p.participants
                        .iter()
                        .zip(listed.clone())
                        .all(|(a, b)| a.text == b.text && a.group == b.group) =>
            {
                p.participants.clone()
            }
            _ => Arc::new(
                listed
                    .map(|p| Participant {
                        range: 0..0,
                        ..p.clone()
                    })
                    .collect(),
            ),
        };
        let mut seen = std::collections::HashSet::new();
        // Turns per label, its styles taken together (`SECRETARY RICE` is
        // `Secretary Rice`): whether the document is a conversation at all.
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for f in summaries.iter().flat_map(|s| &s.forms) {
            *by_key.entry(model::normalize_label(&f.label)).or_default() += f.count;
        }
        let transcript = !participants.is_empty() || model::reads_as_transcript(&by_key);
        let used: Vec<&str> = summaries
            .iter()
            .flat_map(|s| &s.labels)
            .map(String::as_str)
            .filter(|l| seen.insert(*l))
            .filter(|l| {
                transcript
                    || model::names_a_speaker_alone(l)
                        && by_key
                            .get(&model::normalize_label(l))
                            .is_some_and(|&n| n > 1)
            })
            .collect();
        let (labels, speakers, speaker_of) = match previous {
            // The previous table, unless OCR spellings were merged into it
            // (a merge is undone only by building the table again).
            Some(p)
                if *p.labels == used
                    && Arc::ptr_eq(&p.participants, &participants)
                    && !p.spellings_merged =>
            {
                (p.labels.clone(), p.speakers.clone(), p.speaker_of.clone())
            }
            _ => {
                let (speakers, of) = speaker_table(
                    used.iter().copied(),
                    &participants,
                    config.speaker_aliases(),
                );
                (
                    Arc::new(used.iter().map(|l| l.to_string()).collect()),
                    Arc::new(speakers),
                    Arc::new(of),
                )
            }
        };
        // OCR spellings of a recurring label are its speaker.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for f in summaries.iter().flat_map(|s| &s.forms) {
            *counts.entry(f.label.as_str()).or_default() += f.count;
        }
        let mut mentions: HashMap<String, (String, usize)> = HashMap::new();
        for (upper, written, n) in summaries.iter().flat_map(|s| &s.mentions) {
            mentions
                .entry(upper.clone())
                .or_insert_with(|| (written.clone(), 0))
                .1 += n;
        }
        let merge = model::merge_ocr_spellings(&speakers, &speaker_of, &counts, &mentions);
        let spellings_merged = merge.is_some();
        let (speakers, speaker_of) = match merge {
            Some((merged, of)) => match previous {
                Some(p) if *p.speakers == merged && *p.speaker_of == of => {
                    (p.speakers.clone(), p.speaker_of.clone())
                }
                _ => (Arc::new(merged), Arc::new(of)),
            },
            None => (speakers, speaker_of),
        };
        // Each speaker's forms: count and order of first use.
        let mut forms: HashMap<usize, Vec<(&str, usize, usize)>> = HashMap::new();
        let mut order = 0;
        for s in summaries {
            for f in &s.forms {
                order += 1;
                let Some(&speaker) = speaker_of.get(&f.label) else {
                    continue;
                };
                let list = forms.entry(speaker).or_default();
                match list.iter_mut().find(|(form, _, _)| *form == f.form) {
                    Some(entry) => entry.1 += f.count,
                    None => list.push((&f.form, f.count, order)),
                }
            }
        }
        let usual_forms: HashMap<usize, String> = forms
            .into_iter()
            .filter(|(_, list)| list.len() > 1)
            .map(|(speaker, list)| {
                let usual = list
                    .iter()
                    .max_by_key(|(_, n, first)| (*n, usize::MAX - first))
                    .expect("two forms");
                (speaker, usual.0.to_string())
            })
            .collect();
        let usual_forms = match previous {
            Some(p) if *p.usual_forms == usual_forms => p.usual_forms.clone(),
            _ => Arc::new(usual_forms),
        };
        (
            participants,
            labels,
            speakers,
            speaker_of,
            usual_forms,
            spellings_merged,
        )
    }
}
