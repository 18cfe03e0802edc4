//! The tool against the labelled development corpus (`fixtures/corpus/`):
//! each real document's hand-written expectation file says what a
//! proofreader finds in it (structure, and every real problem by line and
//! rule) and which places are traps. This test measures the structure
//! (turns, speakers) and the precision and recall of the findings, per rule
//! and per family, prints the table (`scripts/accuracy` shows it), and fails
//! when a figure falls below its floor.
//!
//! The floors are where the tool stands, so a change that makes it worse
//! fails here; the targets (precision ≥ 0.95 overall and ≥ 0.9 per rule with
//! ten or more findings, recall ≥ 0.9) are printed beside them.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use transcript_ls::{Config, analyze_text};

/// What one expectation file says.
struct Expectation {
    family: String,
    turns: Option<usize>,
    tolerance: usize,
    subdocuments: Option<usize>,
    speakers: Vec<String>,
    not_speakers: Vec<String>,
    findings: BTreeSet<(usize, String)>,
    traps: BTreeSet<(usize, String)>,
    /// Rules whose problems this record's labels do not list yet: their
    /// findings here are not scored.
    unlabelled: Vec<String>,
}

fn lines_of(value: Option<&toml::Value>) -> BTreeSet<(usize, String)> {
    let Some(text) = value.and_then(|v| v.as_str()) else {
        return BTreeSet::new();
    };
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let n = words.next()?.parse().ok()?;
            let code = words.next()?.to_string();
            Some((n, code))
        })
        .collect()
}

fn strings(value: Option<&toml::Value>) -> Vec<String> {
    value
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn read_expectation(name: &str, source: &str) -> Expectation {
    let table: toml::Table = source
        .parse()
        .unwrap_or_else(|e| panic!("fixtures/corpus/{name}.expect.toml: {e}"));
    let structure = table.get("structure").and_then(|s| s.as_table());
    // `findings` and `traps` may sit at the top or, written after the
    // `[structure]` header, inside it.
    let get = |key: &str| table.get(key).or_else(|| structure?.get(key));
    Expectation {
        family: table
            .get("family")
            .and_then(|f| f.as_str())
            .unwrap_or("?")
            .to_string(),
        turns: structure
            .and_then(|s| s.get("turns"))
            .and_then(|t| t.as_integer())
            .map(|t| t as usize),
        tolerance: structure
            .and_then(|s| s.get("turns_tolerance"))
            .and_then(|t| t.as_integer())
            .unwrap_or(0) as usize,
        subdocuments: structure
            .and_then(|s| s.get("subdocuments"))
            .and_then(|t| t.as_integer())
            .map(|t| t as usize),
        speakers: strings(structure.and_then(|s| s.get("speakers"))),
        not_speakers: strings(structure.and_then(|s| s.get("not_speakers"))),
        findings: lines_of(get("findings")),
        traps: lines_of(get("traps")),
        unlabelled: strings(table.get("unlabelled")),
    }
}

#[derive(Default, Clone, Copy)]
struct Score {
    found: usize,
    right: usize,
    expected: usize,
    caught: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.found += o.found;
        self.right += o.right;
        self.expected += o.expected;
        self.caught += o.caught;
    }
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.caught as f64 / self.expected as f64
        }
    }
}

/// Turns expected and found per family; speakers expected and missed;
/// label-like text that became a speaker.
#[derive(Default)]
struct Structure {
    expected: usize,
    found: usize,
    documents: usize,
    right: usize,
    speakers: usize,
    speakers_missed: usize,
    false_speakers: usize,
    records_expected: usize,
    records_found: usize,
    records_right: usize,
}

struct Report {
    table: String,
    overall: Score,
    by_rule: BTreeMap<String, Score>,
    structure_right: usize,
    documents: usize,
}

fn measure() -> Report {
    let folder = common::fixtures().join("corpus");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("fixtures/corpus")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".expect.toml")?.to_string())
        })
        .collect();
    names.sort();
    let config = Config::default();
    let mut by_rule: BTreeMap<String, Score> = BTreeMap::new();
    let mut by_family: BTreeMap<String, Score> = BTreeMap::new();
    let mut structure: BTreeMap<String, Structure> = BTreeMap::new();
    let mut misses = String::new();
    for name in &names {
        let e = read_expectation(
            name,
            &std::fs::read_to_string(folder.join(format!("{name}.expect.toml"))).unwrap(),
        );
        let text = std::fs::read_to_string(folder.join(format!("{name}.txt"))).unwrap();
        let analysis = analyze_text(&text, &config);
        let found: BTreeSet<(usize, String)> = analysis
            .findings
            .iter()
            .map(|f| (common::position(&text, f.range.start).0, f.code.to_string()))
            .collect();
        let codes: BTreeSet<&String> = found
            .iter()
            .chain(&e.findings)
            .map(|(_, code)| code)
            .filter(|code| !e.unlabelled.contains(code))
            .collect();
        for code in codes {
            let f: BTreeSet<_> = found.iter().filter(|(_, c)| c == code).collect();
            let x: BTreeSet<_> = e.findings.iter().filter(|(_, c)| c == code).collect();
            let both = f.intersection(&x).count();
            let s = Score {
                found: f.len(),
                right: both,
                expected: x.len(),
                caught: both,
            };
            by_rule.entry(code.clone()).or_default().add(s);
            by_family.entry(e.family.clone()).or_default().add(s);
        }
        for trap in found.intersection(&e.traps) {
            let _ = writeln!(misses, "  trap hit: {name}:{} {}", trap.0, trap.1);
        }
        let model = &analysis.model;
        let st = structure.entry(e.family.clone()).or_default();
        st.documents += 1;
        let turns = model.turns.len();
        st.found += turns;
        if let Some(expected) = e.turns {
            st.expected += expected;
            if turns.abs_diff(expected) <= e.tolerance {
                st.right += 1;
            } else {
                let _ = writeln!(
                    misses,
                    "  turns: {name}: expected {expected}, found {turns}"
                );
            }
        }
        if let Some(expected) = e.subdocuments {
            let found = model.records.len() + 1;
            st.records_expected += expected;
            st.records_found += found;
            st.records_right += usize::from(found == expected);
        }
        let used: BTreeSet<usize> = model.turns.iter().map(|t| t.speaker).collect();
        let shown: Vec<String> = used
            .iter()
            .filter_map(|&i| model.speakers.get(i))
            .map(|s| format!("{} | {}", s.key, s.display).to_lowercase())
            .collect();
        for speaker in &e.speakers {
            st.speakers += 1;
            let wanted = speaker.to_lowercase();
            if !shown.iter().any(|s| s.contains(&wanted)) {
                st.speakers_missed += 1;
                let _ = writeln!(misses, "  speaker missed: {name}: {speaker}");
            }
        }
        for not in &e.not_speakers {
            let wanted = not.to_lowercase();
            if shown.iter().any(|s| s.contains(&wanted)) {
                st.false_speakers += 1;
                let _ = writeln!(misses, "  not a speaker: {name}: {not}");
            }
        }
    }
    let mut table = String::new();
    let row = |t: &mut String, label: &str, s: &Score| {
        let _ = writeln!(
            t,
            "{label:<22} {:>6} {:>6} {:>9.2} {:>8} {:>7.2}",
            s.found,
            s.right,
            s.precision(),
            s.expected,
            s.recall()
        );
    };
    let _ = writeln!(
        table,
        "{:<22} {:>6} {:>6} {:>9} {:>8} {:>7}",
        "rule", "found", "right", "precision", "expected", "recall"
    );
    let mut overall = Score::default();
    for (code, s) in &by_rule {
        row(&mut table, code, s);
        overall.add(*s);
    }
    row(&mut table, "all", &overall);
    let _ = writeln!(table);
    let _ = writeln!(
        table,
        "{:<22} {:>6} {:>6} {:>9} {:>8} {:>7}",
        "family", "found", "right", "precision", "expected", "recall"
    );
    for (family, s) in &by_family {
        row(&mut table, family, s);
    }
    let _ = writeln!(table);
    let _ = writeln!(
        table,
        "{:<22} {:>9} {:>14} {:>14} {:>15} {:>14}",
        "structure",
        "documents",
        "turns right",
        "turns exp/fnd",
        "speakers missed",
        "false speakers"
    );
    let (mut structure_right, mut documents) = (0, 0);
    for (family, s) in &structure {
        let _ = writeln!(
            table,
            "{family:<22} {:>9} {:>14} {:>14} {:>15} {:>14} {:>15}",
            s.documents,
            s.right,
            format!("{}/{}", s.expected, s.found),
            format!("{}/{}", s.speakers_missed, s.speakers),
            s.false_speakers,
            format!("{}/{}", s.records_expected, s.records_found)
        );
        structure_right += s.right;
        documents += s.documents;
    }
    table.push('\n');
    table.push_str(&misses);
    Report {
        table,
        overall,
        by_rule,
        structure_right,
        documents,
    }
}

#[test]
fn findings_and_structure_on_the_labelled_corpus_stay_above_their_floors() {
    let report = measure();
    println!("{}", report.table);
    // Floors: where the tool stood when they were last raised (raise them
    // as it improves). Targets: precision 0.95 overall and 0.90 for every
    // rule with ten findings or more, recall 0.90.
    let overall = report.overall;
    assert!(
        overall.precision() >= FLOOR_PRECISION,
        "precision {:.2} fell below its floor {FLOOR_PRECISION}",
        overall.precision()
    );
    assert!(
        overall.recall() >= FLOOR_RECALL,
        "recall {:.2} fell below its floor {FLOOR_RECALL}",
        overall.recall()
    );
    for (code, floor) in RULE_FLOORS {
        let s = report.by_rule.get(*code).copied().unwrap_or_default();
        assert!(
            s.precision() >= *floor,
            "{code}: precision {:.2} fell below its floor {floor}",
            s.precision()
        );
    }
    assert!(
        report.structure_right >= FLOOR_STRUCTURE,
        "{} of {} documents have the expected number of turns, below the floor {FLOOR_STRUCTURE}",
        report.structure_right,
        report.documents
    );
}

const FLOOR_PRECISION: f64 = 0.89;
// The O011 labels (770 misread words, many beyond any confusion table)
// lowered the recall the same findings score.
const FLOOR_RECALL: f64 = 0.56;
/// Documents whose turns are counted right.
const FLOOR_STRUCTURE: usize = 40;
/// Precision floors of the rules with ten findings or more.
const RULE_FLOORS: &[(&str, f64)] = &[
    ("O002", 0.90),
    ("O003", 0.90),
    ("O005", 0.88),
    ("O006", 0.95),
    ("O010", 0.80),
    ("O011", 0.88),
    ("T002", 0.85),
];
