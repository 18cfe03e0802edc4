//! Putting a document's sections together: their findings moved to the
//! document's offsets and pointed at the places elsewhere they refer to,
//! the document rules' findings, and the suppression comments paired up
//! across sections and applied.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::document::Sections;
use super::section::Evaluation;
use crate::facts::Summary;
use crate::finding::{Finding, Related};
use crate::rules::{self, Anchor, Whole};
use crate::suppression::{self, Directive, Verb};

/// What putting the sections together adds to one section's findings,
/// which stay as the section reported them (in its own offsets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    /// Places elsewhere in the document a finding points to, by the
    /// finding's index, in document offsets.
    pub related: Vec<(usize, Related)>,
    /// The findings a suppression comment silences, by index, ascending.
    pub hidden: Vec<usize>,
}

/// The sections' findings put together: one [`Part`] per section, and the
/// document rules' findings. Nothing is copied from the sections, so this
/// is cheap when little changed; [`Merged::findings`] makes the list.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub parts: Vec<Part>,
    /// The document rules' findings not silenced, in document order.
    pub document: Vec<Finding>,
}

/// Puts the sections' findings (`evaluations`, one per section) together.
pub fn merge(doc: &Sections, evaluations: &[Arc<Evaluation>]) -> Merged {
    let summaries: Vec<(usize, &Summary)> =
        doc.sections().map(|(at, s)| (at, &s.summary)).collect();
    let suppressions = suppression::resolve(directives(&summaries), doc.len());
    let mut anchors = Anchors {
        summaries: &summaries,
        doc,
        found: HashMap::new(),
    };
    let mut parts = Vec::with_capacity(evaluations.len());
    for ((start, _), evaluation) in summaries.iter().zip(evaluations) {
        let reported = &evaluation.reported;
        let mut part = Part::default();
        for (i, anchor, message) in &reported.anchors {
            if let Some(range) = anchors.find(anchor) {
                part.related.push((
                    *i,
                    Related {
                        range,
                        message: message.clone(),
                        document: None,
                    },
                ));
            }
        }
        if !suppressions.active.is_empty() {
            part.hidden = (reported.findings.iter().enumerate())
                .filter(|(_, f)| suppressions.covers_at(f.code, start + f.range.start))
                .map(|(i, _)| i)
                .collect();
        }
        parts.push(part);
    }
    let mut document = rules::run_document(&Whole {
        sections: &summaries,
        facts: doc.facts(),
        config: doc.config(),
        problems: &suppressions.problems,
    });
    document.retain(|f| !suppressions.covers(f));
    document.sort_by(order);
    Merged { parts, document }
}

impl Merged {
    /// Every finding not silenced, in document offsets and order.
    pub fn findings(&self, doc: &Sections, evaluations: &[Arc<Evaluation>]) -> Vec<Finding> {
        self.findings_where(doc, evaluations, 0..evaluations.len(), |_| true)
    }

    /// The findings not silenced of the sections `sections` and of the
    /// document rules for which `keep` holds, in document offsets and
    /// order.
    pub fn findings_where(
        &self,
        doc: &Sections,
        evaluations: &[Arc<Evaluation>],
        sections: Range<usize>,
        keep: impl Fn(&Finding) -> bool,
    ) -> Vec<Finding> {
        let mut out: Vec<Finding> = Vec::new();
        for k in sections {
            let (start, _) = doc.section(k);
            let reported = &evaluations[k].reported.findings;
            out.extend(
                shown(reported, start, &self.parts[k])
                    .map(|(_, f)| f)
                    .filter(|f| keep(f)),
            );
        }
        out.extend(self.document.iter().filter(|f| keep(f)).cloned());
        out.sort_by(order);
        out
    }
}

/// A section's findings that are not silenced, with their indices, in
/// document offsets and with the places elsewhere they point to.
pub fn shown<'a>(
    findings: &'a [Finding],
    start: usize,
    part: &'a Part,
) -> impl Iterator<Item = (usize, Finding)> + 'a {
    findings
        .iter()
        .enumerate()
        .filter(|(i, _)| part.hidden.binary_search(i).is_err())
        .map(move |(i, f)| {
            let mut f = f.shifted(start);
            f.related.extend(
                (part.related.iter())
                    .filter(|(j, _)| *j == i)
                    .map(|(_, r)| r.clone()),
            );
            (i, f)
        })
}

/// Document order: by range, then code.
pub fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
}

/// The suppression comments of every section, in the document's offsets;
/// a comment alone at the end of a section applies to the first line of a
/// section after it.
fn directives(summaries: &[(usize, &Summary)]) -> Vec<Directive> {
    let mut out = Vec::new();
    for (k, (start, s)) in summaries.iter().enumerate() {
        let shift = |r: &Range<usize>| start + r.start..start + r.end;
        for d in &s.directives {
            let verb = match &d.verb {
                Verb::Ignore {
                    codes,
                    target,
                    own_line,
                } => Verb::Ignore {
                    codes: codes.clone(),
                    target: match target {
                        Some(t) => Some(shift(t)),
                        None => summaries[k + 1..].iter().find_map(|(at, s)| {
                            s.first_line.as_ref().map(|l| at + l.start..at + l.end)
                        }),
                    },
                    own_line: shift(own_line),
                },
                other => other.clone(),
            };
            out.push(Directive {
                range: shift(&d.range),
                verb,
            });
        }
    }
    out
}

/// Finds the places anchors name, once each.
struct Anchors<'a> {
    summaries: &'a [(usize, &'a Summary)],
    doc: &'a Sections,
    found: HashMap<Anchor, Option<Range<usize>>>,
}

impl Anchors<'_> {
    fn find(&mut self, anchor: &Anchor) -> Option<Range<usize>> {
        if let Some(found) = self.found.get(anchor) {
            return found.clone();
        }
        let shift = |at: usize, r: &Range<usize>| at + r.start..at + r.end;
        let facts = self.doc.facts();
        let found = match anchor {
            Anchor::ParticipantsList => self
                .summaries
                .iter()
                .find_map(|(at, s)| s.participants_field.as_ref().map(|r| shift(*at, r))),
            Anchor::HighestBanner => self.summaries.iter().rev().find_map(|(at, s)| {
                s.level_banners
                    .iter()
                    .rev()
                    .find(|(l, _)| Some(*l) == facts.max_banner)
                    .map(|(_, r)| shift(*at, r))
            }),
            Anchor::UsualLabel { speaker, form } => self.summaries.iter().find_map(|(at, s)| {
                s.forms
                    .iter()
                    .find(|f| f.form == *form && facts.speaker_of.get(&f.label) == Some(speaker))
                    .map(|f| shift(*at, &f.first))
            }),
            Anchor::FirstName(name) => self.summaries.iter().find_map(|(at, s)| {
                (s.names.get(name).or_else(|| s.acronyms.get(name))).map(|(_, r)| shift(*at, r))
            }),
        };
        self.found.insert(anchor.clone(), found.clone());
        found
    }
}
