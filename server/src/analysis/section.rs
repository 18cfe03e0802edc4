//! One section of a document: its text, parsed and read on its own (the
//! raw model and the summary), and its findings under the document's facts,
//! kept until the facts or the configuration change.

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use tree_sitter::{Node, Tree};

use crate::config::Config;
use crate::facts::words::words_and_shapes;
use crate::facts::{Facts, Summary};
use crate::line_index::LineIndex;
use crate::model::{self, Model, Raw};
use crate::rules::{self, Context, Reported};
use crate::syntax;
use crate::treaties::TreatyMention;

/// A section of a document. Ranges in it count from its start.
#[derive(Debug)]
pub struct Section {
    pub text: String,
    pub raw: Raw,
    pub summary: Summary,
    /// The text parses as starting with a speaker turn, as a section after
    /// a cut must.
    pub starts_turn: bool,
    /// The text ends in header fields, which may run on across empty lines
    /// (a participants list's next group): no cut may follow.
    pub ends_header: bool,
    /// Line breaks in the text.
    pub breaks: usize,
    /// The words of the raw model's prose and their shapes
    /// (`facts::words::words_and_shapes`), split once for the summary and
    /// the rules.
    prose: (Vec<Range<usize>>, Vec<u8>),
    evaluated: Mutex<Option<Cached>>,
    line_index: OnceLock<LineIndex>,
}

#[derive(Debug)]
struct Cached {
    config: Arc<Config>,
    facts: Arc<Facts>,
    first_record: usize,
    evaluation: Arc<Evaluation>,
}

/// A section under the document's facts: what its model gains from them
/// that is costly to find again (the treaty mentions, found with the
/// document's date), and its findings. The model itself is not kept: see
/// [`Section::model`].
#[derive(Debug)]
pub struct Evaluation {
    pub treaty_mentions: Vec<TreatyMention>,
    pub reported: Reported,
}

impl Section {
    /// Parses and reads `text`.
    pub fn new(text: String) -> Section {
        let tree = syntax::parse(&text);
        let starts_turn = starts_turn(&tree);
        let ends_header = last_child(tree.root_node()).is_some_and(|n| {
            is_header(n) || (n.kind() == "speaker_turn" && last_child(n).is_some_and(is_header))
        });
        let raw = model::build_raw(&text, &tree);
        let prose = words_and_shapes(&text, &raw.model);
        let summary = Summary::of_words(&text, &raw, &prose.0, &prose.1);
        let breaks = crate::line_index::line_breaks(&text);
        Section {
            text,
            raw,
            summary,
            starts_turn,
            ends_header,
            breaks,
            prose,
            evaluated: Mutex::new(None),
            line_index: OnceLock::new(),
        }
    }

    /// Where the section's lines start, made on first use.
    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The section's model and findings under `facts` and `config`,
    /// computed once for each (facts, configuration) in turn.
    /// `first_record`: how many record heads the sections before this one
    /// hold (see `Facts::candidate_records`).
    pub fn evaluate(
        &self,
        config: &Arc<Config>,
        facts: &Arc<Facts>,
        first_record: usize,
    ) -> Arc<Evaluation> {
        // A rule that panicked while the lock was held left nothing behind
        // but the cache as it was.
        let mut cached = self
            .evaluated
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(c) = cached.as_ref()
            && Arc::ptr_eq(&c.config, config)
            && c.first_record == first_record
            && (Arc::ptr_eq(&c.facts, facts) || c.facts == *facts)
        {
            return c.evaluation.clone();
        }
        let evaluation = Arc::new(self.evaluate_afresh(config, facts, first_record));
        *cached = Some(Cached {
            config: config.clone(),
            facts: facts.clone(),
            first_record,
            evaluation: evaluation.clone(),
        });
        evaluation
    }

    /// The section's model under `facts`, with the treaty mentions of its
    /// `evaluation` under them: the speakers resolved, the date and where
    /// marks go.
    pub fn model(&self, facts: &Facts, evaluation: &Evaluation) -> Model {
        self.model_with(facts, evaluation.treaty_mentions.clone())
    }

    /// The section's model under `facts` without treaty mentions: its
    /// structure alone, which needs no rule to run.
    pub fn structure(&self, facts: &Facts) -> Model {
        self.model_with(facts, Vec::new())
    }

    fn model_with(&self, facts: &Facts, treaty_mentions: Vec<TreatyMention>) -> Model {
        let mut model = self.raw.model.clone();
        model.speakers = facts.speakers.to_vec();
        let mut demoted = Vec::new();
        for (i, (turn, label)) in model.turns.iter_mut().zip(&self.raw.labels).enumerate() {
            match facts.speaker_of.get(label) {
                Some(&speaker) => turn.speaker = speaker,
                None => demoted.push(i),
            }
        }
        if !demoted.is_empty() {
            model.demote_turns(&demoted);
        }
        model.date = facts.date;
        model.mark_position = facts.mark_position;
        model.treaty_mentions = treaty_mentions;
        model
    }

    fn evaluate_afresh(&self, config: &Config, facts: &Facts, first_record: usize) -> Evaluation {
        let mentions = config.gazetteer().matcher().find(&self.text, facts.date);
        let model = self.model_with(facts, mentions);
        // The facts change no paragraph's or field's range (a demoted
        // turn's label only loses its turn), so the prose is the raw
        // model's.
        let (words, shapes) = self.prose.clone();
        let mut cx = Context::with_words(&self.text, &model, config, facts, words, shapes);
        cx.first_record = first_record;
        let reported = rules::run(&cx);
        Evaluation {
            treaty_mentions: model.treaty_mentions,
            reported,
        }
    }
}

/// Whether a parsed text starts with a speaker turn, as a section after a
/// cut must.
fn starts_turn(tree: &Tree) -> bool {
    tree.root_node()
        .named_child(0)
        .is_some_and(|n| n.kind() == "speaker_turn" && n.start_byte() == 0)
}

/// Whether `text`, parsed alone, can start with a speaker turn, judged from
/// its first line: the scanner decides what a line is from that line alone,
/// so a first line that parses as no label starts no turn however the text
/// goes on. Most candidate cuts in memoranda fail so (`SUBJECT: ...`
/// after an empty line); judging them on one line spares parsing and
/// reading the whole part only to read it again joined to the one before.
pub fn may_start_turn(text: &str) -> bool {
    let end = text.find('\n').map_or(text.len(), |n| n + 1);
    starts_turn(&syntax::parse(&text[..end]))
}

fn last_child(node: Node<'_>) -> Option<Node<'_>> {
    node.named_child(node.named_child_count().checked_sub(1)? as u32)
}

fn is_header(node: Node<'_>) -> bool {
    matches!(node.kind(), "header_block" | "header_field")
}
