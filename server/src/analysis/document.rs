//! A document as its sections, kept up to date edit by edit: an edit
//! parses and reads again only the sections it touches, and the facts and
//! findings of the rest are reused while the facts stay the same.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::section::{self, Evaluation, Section};
use super::sections::{SECTION_BYTES, candidates};
use crate::config::Config;
use crate::facts::{Changed, Facts, Summary, Totals};
use crate::model::dates::first_full_date;
use crate::model::{Date, HEAD};

/// One document, cut into sections, ready to be edited.
#[derive(Debug, Clone)]
pub struct Document {
    view: Sections,
    /// How long a section grows before it is cut.
    min: usize,
    totals: Totals,
}

/// A document's sections and facts at one moment: all that its findings
/// and model are computed from, and cheap to copy (the sections are
/// shared).
#[derive(Debug, Clone, Default)]
pub struct Sections {
    config: Arc<Config>,
    sections: Vec<Arc<Section>>,
    /// The offset each section starts at.
    starts: Vec<usize>,
    len: usize,
    facts: Arc<Facts>,
}

impl std::ops::Deref for Document {
    type Target = Sections;

    fn deref(&self) -> &Sections {
        &self.view
    }
}

impl Document {
    pub fn new(text: &str, config: Arc<Config>) -> Document {
        Document::with_section_bytes(text, config, SECTION_BYTES)
    }

    /// A document cut into sections of at least `min` bytes (where it can
    /// be cut at all).
    pub fn with_section_bytes(text: &str, config: Arc<Config>, min: usize) -> Document {
        let sections = split(text, min);
        let mut totals = Totals::default();
        for s in &sections {
            totals.add(&s.summary);
        }
        let mut doc = Document {
            view: Sections {
                config,
                sections,
                starts: Vec::new(),
                len: text.len(),
                facts: Arc::default(),
            },
            min,
            totals,
        };
        doc.place(0);
        doc.view.facts = Arc::new(doc.gather(None, Changed::ALL));
        doc
    }

    /// The document as it stands, to analyse apart from further edits.
    pub fn view(&self) -> Sections {
        self.view.clone()
    }

    /// Replaces the bytes in `range` with `replacement`. Offsets past the
    /// end are clamped; a range that splits a character is widened to
    /// whole characters.
    pub fn edit(&mut self, range: Range<usize>, replacement: &str) {
        let end = range.end.min(self.len);
        let start = range.start.min(end);
        // The sections touched, with a margin: a cut depends on the empty
        // line before it and the label line after it.
        let mut first = self.section_at(start.saturating_sub(2));
        let mut last = self.section_at((end + 1).min(self.len.saturating_sub(1)));
        let (new, replaced) = loop {
            let region_end = self.starts[last] + self.sections[last].text.len();
            let region_start = self.starts[first];
            let mut text = String::with_capacity(region_end - region_start + replacement.len());
            for s in &self.sections[first..=last] {
                text.push_str(&s.text);
            }
            let mut from = start - region_start;
            let mut to = end - region_start;
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            while !text.is_char_boundary(to) {
                to += 1;
            }
            text.replace_range(from..to, replacement);
            let new = split(&text, self.min);
            // An edit on the label line that starts the region may have
            // unmade the cut before it.
            if first > 0 && (!new[0].starts_turn || self.sections[first - 1].ends_header) {
                first -= 1;
                continue;
            }
            // Nor may the region now end in a header the next section's
            // first line could belong to, or without the empty line the cut
            // after it stands on (`\n\n`, `\n\r\n`).
            let blank_end = text.ends_with("\n\n") || text.ends_with("\n\r\n");
            if last + 1 < self.sections.len()
                && (new.last().is_some_and(|s| s.ends_header) || !blank_end)
            {
                last += 1;
                continue;
            }
            break (new, first..last + 1);
        };
        let mut removed = Totals::default();
        let mut added = Totals::default();
        for s in &self.view.sections[replaced.clone()] {
            removed.add(&s.summary);
        }
        for s in &new {
            added.add(&s.summary);
        }
        let was_lowered: Vec<(u64, bool)> = removed
            .lowered
            .keys()
            .chain(added.lowered.keys())
            .map(|k| (*k, self.totals.lowered.contains_key(k)))
            .collect();
        for s in &self.view.sections[replaced.clone()] {
            self.totals.remove(&s.summary);
        }
        for s in &new {
            self.totals.add(&s.summary);
        }
        // Name variants change only with the names' counts, or when a word
        // that rules a name out appears or goes.
        let names_changed = removed.names != added.names
            || removed.acronyms != added.acronyms
            || was_lowered.iter().any(|(k, was)| {
                *was != self.totals.lowered.contains_key(k) && self.totals.has_name_key(*k)
            });
        let speakers_changed = Changed::speakers_between(
            &self.view.sections[replaced.clone()]
                .iter()
                .map(|s| &s.summary)
                .collect::<Vec<_>>(),
            &new.iter().map(|s| &s.summary).collect::<Vec<_>>(),
        );
        let grew = new.iter().map(|s| s.text.len()).sum::<usize>();
        let shrank: usize = self.sections[replaced.clone()]
            .iter()
            .map(|s| s.text.len())
            .sum();
        self.view.len = self.view.len + grew - shrank;
        self.view.sections.splice(replaced.clone(), new);
        self.place(replaced.start);
        self.regather(Changed {
            names: names_changed,
            speakers: speakers_changed,
        });
    }

    /// Puts the configuration in force.
    pub fn set_config(&mut self, config: Arc<Config>) {
        self.view.config = config;
        self.view.facts = Arc::new(self.gather(None, Changed::ALL));
    }

    fn gather(&self, previous: Option<&Facts>, changed: Changed) -> Facts {
        let summaries: Vec<&Summary> = self.sections.iter().map(|s| &s.summary).collect();
        Facts::gather(
            &summaries,
            self.head_date(),
            &self.totals,
            &self.config,
            previous,
            changed,
        )
    }

    fn regather(&mut self, changed: Changed) {
        let facts = self.gather(Some(&self.facts), changed);
        if facts != *self.facts {
            self.view.facts = Arc::new(facts);
        }
    }

    /// The first full date in the first [`HEAD`] bytes of the document.
    fn head_date(&self) -> Option<Date> {
        let mut text = String::new();
        for (start, s) in self.sections() {
            if start >= HEAD {
                break;
            }
            let mut n = s.text.len().min(HEAD + 1 - start);
            while !s.text.is_char_boundary(n) {
                n += 1;
            }
            text.push_str(&s.text[..n]);
        }
        // The first HEAD bytes, cut back to a character boundary.
        let mut end = text.len().min(HEAD);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        first_full_date(&text, 0..end)
    }

    /// Recomputes the start offsets from section `from` on.
    fn place(&mut self, from: usize) {
        let view = &mut self.view;
        view.starts.truncate(from);
        let mut at = match from {
            0 => 0,
            k => view.starts[k - 1] + view.sections[k - 1].text.len(),
        };
        for s in &view.sections[from..] {
            view.starts.push(at);
            at += s.text.len();
        }
    }
}

impl Sections {
    pub fn config(&self) -> &Arc<Config> {
        &self.config
    }

    pub fn facts(&self) -> &Arc<Facts> {
        &self.facts
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Each section with the offset it starts at.
    pub fn sections(&self) -> impl ExactSizeIterator<Item = (usize, &Arc<Section>)> {
        self.starts.iter().copied().zip(&self.sections)
    }

    /// Section `k` and the offset it starts at.
    pub fn section(&self, k: usize) -> (usize, &Arc<Section>) {
        (self.starts[k], &self.sections[k])
    }

    /// The whole text.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.len);
        for s in &self.sections {
            text.push_str(&s.text);
        }
        text
    }

    /// The index of the section holding byte `offset` (the last one for
    /// the end of the text).
    pub fn section_at(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Every section under the current facts, computed where not cached.
    pub fn evaluations(&self) -> Vec<Arc<Evaluation>> {
        let mut first_records = Vec::with_capacity(self.sections.len());
        let mut records = 0;
        for s in &self.sections {
            first_records.push(records);
            records += s.summary.record_starts.len();
        }
        self.sections
            .par_iter()
            .zip(first_records)
            .map(|(s, first)| s.evaluate(&self.config, &self.facts, first))
            .collect()
    }
}

/// Cuts `text` into sections of at least `min` bytes where it can, each
/// after the first starting with a speaker turn. Never empty. Candidates
/// whose first line is no label are dropped before any part is parsed
/// whole; the parse of the parts still has the last word.
fn split(text: &str, min: usize) -> Vec<Arc<Section>> {
    let mut bounds = vec![0];
    bounds.extend(
        candidates(text, min)
            .into_iter()
            .filter(|&at| section::may_start_turn(&text[at..])),
    );
    bounds.push(text.len());
    let parts: Vec<Section> = bounds
        .par_windows(2)
        .map(|w| Section::new(text[w[0]..w[1]].to_string()))
        .collect();
    let ends_header: Vec<bool> = parts.iter().map(|s| s.ends_header).collect();
    let mut out: Vec<Arc<Section>> = Vec::with_capacity(parts.len());
    // A candidate the parse does not start a turn at is no cut: its part
    // joins the one before.
    let mut pending: Option<(usize, usize)> = None;
    let mut merged: Vec<Option<Section>> = parts.into_iter().map(Some).collect();
    for k in 0..merged.len() {
        let valid =
            k == 0 || (merged[k].as_ref().is_some_and(|s| s.starts_turn) && !ends_header[k - 1]);
        match (&mut pending, valid) {
            (Some((_, end)), false) => *end = bounds[k + 1],
            (Some((from, end)), true) => {
                out.push(Arc::new(Section::new(text[*from..*end].to_string())));
                pending = None;
            }
            (None, false) => {
                let previous = out.pop().expect("the first part is always valid");
                let from = bounds[k] - previous.text.len();
                pending = Some((from, bounds[k + 1]));
            }
            (None, true) => {}
        }
        if pending.is_none() && valid {
            out.push(Arc::new(merged[k].take().expect("each part once")));
        }
    }
    if let Some((from, end)) = pending {
        out.push(Arc::new(Section::new(text[from..end].to_string())));
    }
    out
}
