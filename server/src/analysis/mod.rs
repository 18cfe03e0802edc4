//! The analysis of one document: a pure function from text and
//! configuration to the model and the findings. The language server and the
//! lint command both call it: the lint command through [`analyze_text`],
//! the server through a [`Document`] it edits in place.
//!
//! A document is analysed in sections (see [`sections`]): each is parsed
//! and read on its own, the whole document's [`Facts`] are gathered from
//! their summaries, each section's rules run under those facts, and the
//! findings are put together. Where the cuts fall changes nothing in the
//! result; it only decides how much an edit makes to do again.

mod document;
mod merge;
mod section;
pub mod sections;

use std::collections::HashMap;
use std::sync::Arc;

pub use crate::facts::{Facts, LabelForm, Marks, Summary, Totals};
pub use document::{Document, Sections};
pub use merge::{Merged, Part, order, shown};
pub use section::{Evaluation, Section};

use crate::config::Config;
use crate::finding::Finding;
use crate::fix::{Applicability, apply_fixes};
use crate::model::Model;

/// What the analysis knows about one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub model: Model,
    /// Every finding not silenced by a suppression comment, in document
    /// order.
    pub findings: Vec<Finding>,
}

/// Analyses `text` under `config`.
pub fn analyze_text(text: &str, config: &Config) -> Analysis {
    Document::new(text, Arc::new(config.clone())).analysis()
}

impl Sections {
    /// Every finding not silenced, in document order.
    pub fn findings(&self) -> Vec<Finding> {
        self.findings_with(&self.evaluations())
    }

    /// The document's findings under the current facts, with the
    /// evaluations they came from.
    pub fn findings_with(&self, evaluations: &[Arc<Evaluation>]) -> Vec<Finding> {
        self.merged(evaluations).findings(self, evaluations)
    }

    /// The sections' findings put together, not yet copied into one list.
    pub fn merged(&self, evaluations: &[Arc<Evaluation>]) -> Merged {
        merge::merge(self, evaluations)
    }

    /// The sections' models, put together.
    pub fn model(&self, evaluations: &[Arc<Evaluation>]) -> Model {
        let facts = self.facts();
        self.model_of(
            self.sections()
                .zip(evaluations)
                .map(|((start, section), evaluation)| (start, section.model(facts, evaluation))),
        )
    }

    /// The sections' models without their treaty mentions, put together:
    /// the structure alone, read without running a rule.
    pub fn structure(&self) -> Model {
        let facts = self.facts();
        self.model_of(
            self.sections()
                .map(|(start, section)| (start, section.structure(facts))),
        )
    }

    fn model_of(&self, sections: impl Iterator<Item = (usize, Model)>) -> Model {
        let facts = self.facts();
        let mut model = Model::default();
        for (start, section) in sections {
            model.append(&section, start);
        }
        // The record heads that start a record.
        let mut record = 0;
        let heads = std::mem::take(&mut model.records);
        model.records = heads
            .into_iter()
            .zip(facts.candidate_records.iter())
            .filter(|(_, of)| std::mem::replace(&mut record, **of) != **of)
            .map(|(head, _)| head)
            .collect();
        model.speakers = facts.speakers.to_vec();
        model.date = facts.date;
        model.mark_position = facts.mark_position;
        model
    }
}

impl Document {
    /// The whole analysis: the sections' models put together, the
    /// findings, the proper names.
    pub fn analysis(&self) -> Analysis {
        let evaluations = self.evaluations();
        Analysis {
            findings: self.findings_with(&evaluations),
            model: self.model(&evaluations),
        }
    }
}

/// What comparing a document with another edition of it gives.
#[derive(Debug, Clone)]
pub struct EditionAnalysis {
    pub comparison: crate::editions::Comparison,
    /// The E rules' findings on this document, in document order, those a
    /// suppression comment silences left out.
    pub findings: Vec<Finding>,
}

/// Compares `text` with `other`, another edition of it named `other_name`
/// (its path, as the related places will name it), under `config`.
pub fn compare_editions(
    text: &str,
    other: &str,
    other_name: &str,
    config: &Config,
) -> EditionAnalysis {
    use crate::editions::{Edition, compare};
    let (this_model, other_model) = rayon::join(
        || read_structure(text, config),
        || read_structure(other, config),
    );
    let comparison = compare(
        Edition {
            text,
            model: &this_model,
        },
        Edition {
            text: other,
            model: &other_model,
        },
    );
    let findings = edition_findings(text, other_name, &comparison, None, config);
    EditionAnalysis {
        comparison,
        findings,
    }
}

/// The finding that the other edition, `other_name`, could not be read
/// (`error` says why), for a document that declares one.
pub fn unreadable_edition(
    text: &str,
    other_name: &str,
    error: &str,
    config: &Config,
) -> Vec<Finding> {
    let comparison = crate::editions::Comparison::default();
    edition_findings(text, other_name, &comparison, Some(error), config)
}

fn edition_findings(
    text: &str,
    other_name: &str,
    comparison: &crate::editions::Comparison,
    unreadable: Option<&str>,
    config: &Config,
) -> Vec<Finding> {
    let cx = crate::rules::EditionContext {
        text,
        other_name,
        comparison,
        declared_at: crate::suppression::edition(text).map(|(range, _)| range),
        unreadable,
    };
    let suppressions = crate::suppression::parse(text);
    let mut findings = crate::rules::run_editions(&cx, config);
    findings.retain(|f| !suppressions.covers(f));
    findings.sort_by(order);
    findings
}

/// The structure of `text` under `config` (turns, speakers, paragraphs),
/// without running the rules: what a comparison of editions reads.
pub fn read_structure(text: &str, config: &Config) -> Model {
    Document::new(text, Arc::new(config.clone()))
        .view()
        .structure()
}

/// The result of fixing a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied, over all passes.
    pub applied: usize,
    /// Fixes per rule code.
    pub by_code: HashMap<&'static str, usize>,
}

/// Applies every automatic fix at most as loose as `level`, re-analysing
/// between passes so that fixes dropped for overlapping are retried on the
/// new text. Stops when a pass changes nothing (or after a bounded number
/// of passes, against a pair of fixes that undo each other).
pub fn fix_text(text: &str, config: &Config, level: Applicability) -> Fixed {
    const MAX_PASSES: usize = 16;
    let mut current = text.to_string();
    let mut applied = 0;
    let mut by_code: HashMap<&'static str, usize> = HashMap::new();
    for _ in 0..MAX_PASSES {
        let analysis = analyze_text(&current, config);
        let wanted: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| {
                f.automatic_fix()
                    .is_some_and(|fix| fix.applicability <= level)
            })
            .collect();
        let result = apply_fixes(
            &current,
            wanted.iter().filter_map(|f| f.automatic_fix()),
            level,
        );
        if result.applied == 0 || result.text == current {
            break;
        }
        for &k in &result.taken {
            *by_code.entry(wanted[k].code).or_default() += 1;
        }
        applied += result.applied;
        current = result.text;
    }
    Fixed {
        text: current,
        applied,
        by_code,
    }
}
