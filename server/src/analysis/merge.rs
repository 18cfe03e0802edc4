//! Putting a document's sections together: their findings moved to the
//! document's offsets and pointed at the places elsewhere they refer to,
//! the document rules' findings, and the suppression comments paired up
//! across sections and applied.

use std::collections::HashMap;
use std::ops::Range;

use super::document::Sections;
use super::facts::Summary;
use super::section::Evaluation;
use crate::finding::{Finding, Related};
use crate::rules::{self, Anchor, Whole};
use crate::suppression::{self, Directive, Verb};

/// Every finding of the document not silenced by a suppression comment,
/// in document order.
pub fn findings(doc: &Sections, evaluations: &[std::sync::Arc<Evaluation>]) -> Vec<Finding> {
    let summaries: Vec<(usize, &Summary)> =
        doc.sections().map(|(at, s)| (at, &s.summary)).collect();
    let suppressions = suppression::resolve(directives(&summaries), doc.len());
    let mut anchors = Anchors {
        summaries: &summaries,
        doc,
        found: HashMap::new(),
    };
    let mut out: Vec<Finding> = Vec::new();
    for ((start, _), evaluation) in summaries.iter().zip(evaluations) {
        let reported = &evaluation.reported;
        let base = out.len();
        out.extend(reported.findings.iter().map(|f| f.shifted(*start)));
        for (i, anchor, message) in &reported.anchors {
            if let Some(range) = anchors.find(anchor) {
                out[base + i].related.push(Related {
                    range,
                    message: message.clone(),
                });
            }
        }
    }
    out.extend(rules::run_document(&Whole {
        sections: &summaries,
        facts: doc.facts(),
        config: doc.config(),
        problems: &suppressions.problems,
    }));
    if !suppressions.active.is_empty() {
        out.retain(|f| !suppressions.covers(f));
    }
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    out
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
            Anchor::FirstName(name) => self
                .summaries
                .iter()
                .find_map(|(at, s)| s.names.get(name).map(|(_, r)| shift(*at, r))),
        };
        self.found.insert(anchor.clone(), found.clone());
        found
    }
}
