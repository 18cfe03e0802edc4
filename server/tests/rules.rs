//! Every rule against its fixture, `fixtures/rules/<CODE>-<name>.txt`: each
//! case headed `=== fires: …` must produce at least one finding of that
//! rule, each `=== does not fire: …` none. The findings of every case, with
//! their fixes, are a snapshot per rule. An E rule's case holds two
//! editions, this one and, after a line `--- other edition ---`, the
//! other, compared as `transcript-ls compare` does.

mod common;

use common::{fixtures, render_editions};
use transcript_ls::analysis::compare_editions;
use transcript_ls::rules::REGISTRY;
use transcript_ls::{Config, analyze_text};

/// The line between two editions in an E rule's case.
const OTHER_EDITION: &str = "--- other edition ---\n";

struct Case {
    title: String,
    fires: bool,
    text: String,
}

fn cases(file: &str) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for line in file.split_inclusive('\n') {
        if let Some(head) = line.strip_prefix("=== ") {
            let head = head.trim();
            let (fires, title) = if let Some(t) = head.strip_prefix("fires:") {
                (true, t)
            } else if let Some(t) = head.strip_prefix("does not fire:") {
                (false, t)
            } else {
                panic!("case heading must be `=== fires:` or `=== does not fire:`, got {head:?}")
            };
            out.push(Case {
                title: title.trim().to_string(),
                fires,
                text: String::new(),
            });
        } else {
            out.last_mut()
                .expect("a case heading first")
                .text
                .push_str(line);
        }
    }
    out
}

#[test]
fn every_rule_fires_on_its_fixture_cases_and_only_there() {
    let mut failures = Vec::new();
    for rule in REGISTRY {
        let path = fixtures().join(format!("rules/{}-{}.txt", rule.code, rule.name));
        let file =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let cases = cases(&file);
        assert!(
            cases.iter().any(|c| c.fires),
            "{}: no case that fires",
            rule.code
        );
        assert!(
            cases.iter().any(|c| !c.fires),
            "{}: no case that must not fire",
            rule.code
        );
        let mut snapshot = String::new();
        for case in &cases {
            let (text, other) = match case.text.split_once(OTHER_EDITION) {
                Some((this, other)) => (this, other),
                None => (case.text.as_str(), ""),
            };
            let findings = if rule.code.starts_with('E') {
                compare_editions(text, other, "other.md", &Config::default()).findings
            } else {
                analyze_text(text, &Config::default()).findings
            };
            let mine: Vec<_> = findings
                .into_iter()
                .filter(|f| f.code == rule.code)
                .collect();
            if case.fires == mine.is_empty() {
                failures.push(format!(
                    "{} `{}`: expected {}, got:\n{}",
                    rule.code,
                    case.title,
                    if case.fires { "a finding" } else { "none" },
                    render_editions(text, other, &mine)
                ));
            }
            snapshot.push_str(&format!(
                "== {}\n{}",
                case.title,
                render_editions(text, other, &mine)
            ));
        }
        insta::assert_snapshot!(format!("{}-{}", rule.code, rule.name), snapshot);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
