//! The lint rules: a registry of every rule with its code, name, default
//! severity, fix safety and documentation, and the context each rule's
//! check reads.
//!
//! One rule per file, under its group (`editions`, `markings`, `ocr`,
//! `speakers`, `names`, `meta`); the file's `//!` comment is the rule's
//! documentation.

mod editions;
mod markings;
mod meta;
mod names;
mod ocr;
mod speakers;

use std::ops::Range;

use serde::Serialize;

use crate::config::Config;
use crate::facts::words::words_and_shapes;
use crate::facts::{Facts, Summary};
use crate::finding::{Finding, Related, Severity};
use crate::fix::Fix;
use crate::model::Model;

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// What kind of fix a rule offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixSafety {
    None,
    Safe,
    Unsafe,
}

impl FixSafety {
    /// `no fix`, `safe fix` or `unsafe fix`, as a rule's title line says.
    pub fn describe(self) -> &'static str {
        match self {
            FixSafety::None => "no fix",
            FixSafety::Safe => "safe fix",
            FixSafety::Unsafe => "unsafe fix",
        }
    }
}

/// One lint rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code: `O001`.
    pub code: &'static str,
    /// Kebab-case name: `pipe-for-i`.
    pub name: &'static str,
    pub severity: Severity,
    pub fix: FixSafety,
    /// The rule's module, which keys its documentation.
    pub module: &'static str,
    pub check: Check,
}

/// What a rule's check reads.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// One section of the document at a time, with the facts of the whole.
    Section(fn(&Context, &mut Report)),
    /// The document once, through its sections' summaries.
    Document(fn(&Whole, &mut Report)),
    /// Both: each section, and the document once (a rule that says once,
    /// for the whole document, what it would say of almost every section).
    Both(fn(&Context, &mut Report), fn(&Whole, &mut Report)),
    /// The document compared with another edition of it, when one is
    /// declared.
    Edition(fn(&EditionContext, &mut Report)),
}

impl Rule {
    /// The rule's documentation: its module's doc comment, in Markdown.
    pub fn doc(&self) -> &'static str {
        RULE_DOCS
            .iter()
            .find(|(m, _)| *m == self.module)
            .map_or("", |(_, d)| d)
    }

    /// The first paragraph of the documentation.
    pub fn summary(&self) -> &'static str {
        let doc = self.doc();
        doc.split("\n\n").next().unwrap_or(doc)
    }
}

/// Every rule, in code order.
pub static REGISTRY: &[&Rule] = &[
    &editions::misread::RULE,
    &editions::name_spelling::RULE,
    &editions::punctuation::RULE,
    &editions::words::RULE,
    &editions::paragraphing::RULE,
    &editions::turn::RULE,
    &editions::unusable::RULE,
    &markings::unmarked_paragraph::RULE,
    &markings::unknown_portion_mark::RULE,
    &markings::portion_above_banner::RULE,
    &markings::banner_mismatch::RULE,
    &markings::missing_banner::RULE,
    &markings::bad_authority_block::RULE,
    &markings::unmarked_document::RULE,
    &ocr::pipe_for_i::RULE,
    &ocr::apostrophe_join::RULE,
    &ocr::doubled_punctuation::RULE,
    &ocr::stray_margin_mark::RULE,
    &ocr::split_paragraph::RULE,
    &ocr::line_end_hyphenation::RULE,
    &ocr::invalid_date::RULE,
    &ocr::missing_space::RULE,
    &ocr::stray_indent::RULE,
    &ocr::digit_letter_confusion::RULE,
    &ocr::misread_word::RULE,
    &speakers::unknown_speaker::RULE,
    &speakers::inconsistent_label::RULE,
    &speakers::empty_turn::RULE,
    &names::treaty_name_variant::RULE,
    &names::name_variant::RULE,
    &meta::bad_suppression::RULE,
];

/// The rule with this code (`O001`) or name (`pipe-for-i`), ignoring case.
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// What a section rule's check can read: the section's text and model,
/// the configuration, the facts of the whole document, and the prose split
/// into words. Ranges count from the section's start.
pub struct Context<'a> {
    pub text: &'a str,
    pub model: &'a Model,
    pub config: &'a Config,
    pub facts: &'a Facts,
    /// The document carries classification markings (see [`Facts`]).
    pub marked: bool,
    /// The document's paragraphs carry portion marks (see [`Facts`]).
    pub portion_marked: bool,
    /// How many record heads the sections before this one hold.
    pub first_record: usize,
    /// White-space separated words of every paragraph and field value, in
    /// document order.
    pub words: Vec<Range<usize>>,
    /// What kinds of character each word holds, one [`shape`] bit set per
    /// word, so a rule skips at once the words it cannot fire on.
    pub shapes: Vec<u8>,
}

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        model: &'a Model,
        config: &'a Config,
        facts: &'a Facts,
    ) -> Context<'a> {
        let (words, shapes) = words_and_shapes(text, model);
        Context::with_words(text, model, config, facts, words, shapes)
    }

    /// [`Context::new`], given the words of `model`'s prose and their
    /// shapes ([`words_and_shapes`]).
    pub fn with_words(
        text: &'a str,
        model: &'a Model,
        config: &'a Config,
        facts: &'a Facts,
        words: Vec<Range<usize>>,
        shapes: Vec<u8>,
    ) -> Context<'a> {
        Context {
            text,
            model,
            config,
            facts,
            marked: facts.marked,
            portion_marked: facts.portion_marked,
            first_record: 0,
            words,
            shapes,
        }
    }

    /// The words (with their index) whose shape has any of `bits`.
    pub fn words_with(&self, bits: u8) -> impl Iterator<Item = (usize, &Range<usize>)> {
        self.words
            .iter()
            .enumerate()
            .filter(move |(i, _)| self.shapes[*i] & bits != 0)
    }

    /// The marks of the record that holds `offset` (in the section).
    pub fn record_at(&self, offset: usize) -> &'a crate::facts::Marks {
        let heads = self.model.records.partition_point(|&r| r <= offset);
        let head = (self.first_record + heads).checked_sub(1);
        let index = head.and_then(|h| self.facts.candidate_records.get(h).copied());
        let records = &self.facts.records;
        &records[index.unwrap_or(0).min(records.len() - 1)]
    }

    /// The text of a range.
    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        &self.text[range.clone()]
    }
}

/// What a document rule's check can read: each section's summary with the
/// offset it starts at, the facts, and the suppression comments that cannot
/// take effect. Ranges are the document's.
pub struct Whole<'a> {
    pub sections: &'a [(usize, &'a Summary)],
    pub facts: &'a Facts,
    pub config: &'a Config,
    pub problems: &'a [crate::suppression::Problem],
}

/// What an edition rule's check reads: this document, the other
/// edition's name, and what comparing the two found.
pub struct EditionContext<'a> {
    pub text: &'a str,
    /// The other edition, as the caller names it (its path).
    pub other_name: &'a str,
    pub comparison: &'a crate::editions::Comparison,
    /// Where this document declares the other edition (its `edition`
    /// comment), if it does.
    pub declared_at: Option<Range<usize>>,
    /// Why the other edition could not be read, when it could not (the
    /// comparison is then empty).
    pub unreadable: Option<&'a str>,
}

/// Where a rule's check puts its findings. The engine fills in the code and
/// severity.
pub struct Report {
    code: &'static str,
    severity: Severity,
    findings: Vec<Finding>,
    anchors: Vec<(usize, Anchor, String)>,
}

/// A place elsewhere in the document that a section's finding points to,
/// found once the sections are put together.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The first `PARTICIPANTS` field.
    ParticipantsList,
    /// The last banner of the highest level.
    HighestBanner,
    /// The first label of `speaker` written `form`.
    UsualLabel { speaker: usize, form: String },
    /// The first place the name is written.
    FirstName(String),
}

impl Report {
    /// An empty report for `rule`'s findings at `severity`.
    pub fn new(rule: &Rule, severity: Severity) -> Report {
        Report {
            code: rule.code,
            severity,
            findings: Vec::new(),
            anchors: Vec::new(),
        }
    }

    /// Relates the finding last added to a place elsewhere in the document.
    pub fn relate(&mut self, anchor: Anchor, message: impl Into<String>) {
        let finding = self
            .findings
            .len()
            .checked_sub(1)
            .expect("a finding to relate");
        self.anchors.push((finding, anchor, message.into()));
    }

    /// Reports a finding at `range`; the returned finding takes fixes and
    /// related ranges.
    pub fn add(&mut self, range: Range<usize>, message: impl Into<String>) -> &mut Finding {
        self.findings.push(Finding {
            code: self.code,
            severity: self.severity,
            message: message.into(),
            range,
            related: Vec::new(),
            fixes: Vec::new(),
        });
        self.findings.last_mut().expect("just pushed")
    }
}

/// Builder-style additions to a finding, for checks.
pub trait FindingExt {
    fn with_fix(&mut self, fix: Fix) -> &mut Self;
    fn with_related(&mut self, range: Range<usize>, message: impl Into<String>) -> &mut Self;
    /// Relates the finding to `range` of another document, `document`.
    fn with_related_in(
        &mut self,
        document: &str,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Self;
}

impl FindingExt for Finding {
    fn with_fix(&mut self, fix: Fix) -> &mut Self {
        self.fixes.push(fix);
        self
    }

    fn with_related(&mut self, range: Range<usize>, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            range,
            message: message.into(),
            document: None,
        });
        self
    }

    fn with_related_in(
        &mut self,
        document: &str,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Self {
        self.related.push(Related {
            range,
            message: message.into(),
            document: Some(document.to_string()),
        });
        self
    }
}

/// Findings of a section, with the places elsewhere they point to (by
/// index into `findings`).
#[derive(Debug, Clone, Default)]
pub struct Reported {
    pub findings: Vec<Finding>,
    pub anchors: Vec<(usize, Anchor, String)>,
}

impl Reported {
    fn take(&mut self, mut report: Report) {
        let base = self.findings.len();
        self.anchors
            .extend(report.anchors.drain(..).map(|(i, a, m)| (i + base, a, m)));
        self.findings.append(&mut report.findings);
    }
}

/// Runs every enabled section rule over the context, at its configured
/// severity.
pub fn run(cx: &Context) -> Reported {
    let mut out = Reported::default();
    for rule in REGISTRY {
        let (Check::Section(check) | Check::Both(check, _)) = rule.check else {
            continue;
        };
        let crate::config::RuleSetting::On(severity) = cx.config.setting(rule.code, rule.severity)
        else {
            continue;
        };
        let mut report = Report::new(rule, severity);
        crate::fault_injection::panic_if_armed(rule.code, cx.text);
        check(cx, &mut report);
        out.take(report);
    }
    out
}

/// Runs every enabled document rule.
pub fn run_document(whole: &Whole) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in REGISTRY {
        let (Check::Document(check) | Check::Both(_, check)) = rule.check else {
            continue;
        };
        let crate::config::RuleSetting::On(severity) =
            whole.config.setting(rule.code, rule.severity)
        else {
            continue;
        };
        let mut report = Report::new(rule, severity);
        check(whole, &mut report);
        out.append(&mut report.findings);
    }
    out
}

/// Runs every enabled edition rule over a comparison, at its configured
/// severity.
pub fn run_editions(cx: &EditionContext, config: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in REGISTRY {
        let Check::Edition(check) = rule.check else {
            continue;
        };
        let crate::config::RuleSetting::On(severity) = config.setting(rule.code, rule.severity)
        else {
            continue;
        };
        let mut report = Report::new(rule, severity);
        check(cx, &mut report);
        out.append(&mut report.findings);
    }
    out
}

pub use crate::facts::words::{prose_words, shape};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_unique_code_and_name_and_documentation() {
        for (i, rule) in REGISTRY.iter().enumerate() {
            assert!(!rule.doc().is_empty(), "{} has no doc comment", rule.code);
            assert!(
                rule.doc().contains("## Fires"),
                "{}: doc lacks an example that fires",
                rule.code
            );
            assert!(
                rule.doc().contains("## Does not fire"),
                "{}: doc lacks an example that does not",
                rule.code
            );
            for other in &REGISTRY[i + 1..] {
                assert_ne!(rule.code, other.code);
                assert_ne!(rule.name, other.name);
            }
        }
        assert_eq!(
            RULE_DOCS.len(),
            REGISTRY.len(),
            "a rule file is missing from the registry"
        );
        let registered: Vec<(&str, &str)> = REGISTRY.iter().map(|r| (r.code, r.name)).collect();
        assert_eq!(
            crate::rule_names::RULE_NAMES,
            registered.as_slice(),
            "the build's table of rule names is the registry's"
        );
    }
}
