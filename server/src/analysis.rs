//! The analysis of one document: a pure function from text, tree and
//! configuration to the model and the findings. The language server and the
//! lint command both call [`analyze`].

use std::collections::HashMap;
use std::ops::Range;

use tree_sitter::Tree;

use crate::config::Config;
use crate::finding::Finding;
use crate::fix::{Applicability, apply_fixes};
use crate::model::{self, Model};
use crate::rules::{self, Context};
use crate::suppression;
use crate::syntax;

/// What the analysis knows about one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub model: Model,
    /// Every finding not silenced by a suppression comment, in document
    /// order.
    pub findings: Vec<Finding>,
    /// Capitalised words that may be proper names, for name variants
    /// across a workspace.
    pub proper_names: Vec<(String, Range<usize>)>,
}

/// Analyses `text`, parsed as `tree`, under `config`.
pub fn analyze(text: &str, tree: &Tree, config: &Config) -> Analysis {
    let model = model::build(text, tree, config);
    let cx = Context::new(text, &model, config);
    let mut findings = rules::run(&cx);
    let suppressions = suppression::parse(text);
    findings.retain(|f| !suppressions.covers(f));
    findings.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    let proper_names = cx.proper_names().to_vec();
    drop(cx);
    Analysis {
        model,
        findings,
        proper_names,
    }
}

/// Parses and analyses `text`.
pub fn analyze_text(text: &str, config: &Config) -> Analysis {
    analyze(text, &syntax::parse(text), config)
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
