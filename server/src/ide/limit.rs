//! How many of a document's findings one list in the editor carries. A raw
//! OCR file can have tens of thousands; an editor handed them all at every
//! keystroke stalls. The list keeps at most `max` findings: the most severe
//! first (every error before any warning, and so on down), and among those
//! of the last severity that fits, the ones nearest the top of the
//! document. One more entry, at the top, says how many were left out and
//! how to list them all.

use crate::Severity;

/// The default of `max`: findings per document in the editor.
pub const DEFAULT_MAX: usize = 1000;

/// Which findings of one document a list keeps, asked in document order.
#[derive(Debug, Clone)]
pub struct Limit {
    /// Findings less severe than this are left out.
    floor: Severity,
    /// How many findings of the `floor` severity fit.
    quota: usize,
    taken: usize,
    hidden: usize,
    max: usize,
}

impl Limit {
    /// The limit for a document whose findings number `counts` by severity
    /// (hint, info, warning, error); `max` 0 keeps every finding.
    pub fn new(counts: [usize; 4], max: usize) -> Limit {
        let total: usize = counts.iter().sum();
        let all = Limit {
            floor: Severity::Hint,
            quota: usize::MAX,
            taken: 0,
            hidden: 0,
            max,
        };
        if max == 0 || total <= max {
            return all;
        }
        let mut room = max;
        for (severity, count) in SEVERITIES.iter().zip(counts).rev() {
            if count >= room {
                return Limit {
                    floor: *severity,
                    quota: room,
                    hidden: total - max,
                    ..all
                };
            }
            room -= count;
        }
        unreachable!("the counts add up to more than max")
    }

    /// Counts `findings`' severities and makes their limit.
    pub fn of(severities: impl IntoIterator<Item = Severity>, max: usize) -> Limit {
        let mut counts = [0; 4];
        for s in severities {
            counts[index(s)] += 1;
        }
        Limit::new(counts, max)
    }

    /// Whether the next finding, in document order, of severity `s` is
    /// kept.
    pub fn admits(&mut self, s: Severity) -> bool {
        if s > self.floor {
            return true;
        }
        if s < self.floor || self.taken >= self.quota {
            return false;
        }
        self.taken += 1;
        true
    }

    /// How many findings are left out.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// What the entry at the top says, when findings are left out of the
    /// list of the file `name`.
    pub fn note(&self, name: &str) -> Option<String> {
        (self.hidden > 0).then(|| {
            format!(
                "{} more findings are not shown: the editor shows at most {} per document \
                 (the setting transcript.maxDiagnostics), the most severe first, then those \
                 nearest the top. List them all with `transcript-ls lint {name}`.",
                self.hidden, self.max
            )
        })
    }
}

const SEVERITIES: [Severity; 4] = [
    Severity::Hint,
    Severity::Info,
    Severity::Warning,
    Severity::Error,
];

fn index(s: Severity) -> usize {
    match s {
        Severity::Hint => 0,
        Severity::Info => 1,
        Severity::Warning => 2,
        Severity::Error => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Severity::*;

    fn kept(findings: &[Severity], max: usize) -> (Vec<usize>, usize) {
        let mut limit = Limit::of(findings.iter().copied(), max);
        let kept = (0..findings.len())
            .filter(|&i| limit.admits(findings[i]))
            .collect();
        (kept, limit.hidden())
    }

    #[test]
    fn under_the_limit_every_finding_is_kept_and_nothing_is_said() {
        let limit = Limit::of([Warning, Error], 2);
        assert_eq!(limit.hidden(), 0);
        assert_eq!(limit.note("a.txt"), None);
        assert_eq!(kept(&[Hint, Warning, Error], 0), (vec![0, 1, 2], 0));
    }

    #[test]
    fn over_the_limit_the_most_severe_are_kept_then_those_nearest_the_top() {
        let findings = [Warning, Info, Warning, Error, Warning, Error, Hint];
        // Both errors, then the first two warnings.
        assert_eq!(kept(&findings, 4), (vec![0, 2, 3, 5], 3));
        // Errors alone fill it: the first of them.
        assert_eq!(kept(&findings, 1), (vec![3], 6));
        // Everything but the hint.
        assert_eq!(kept(&findings, 6), (vec![0, 1, 2, 3, 4, 5], 1));
    }

    #[test]
    fn the_note_says_how_many_are_left_out_and_how_to_list_them() {
        let limit = Limit::of([Warning; 1500], 1000);
        let note = limit.note("raw.txt").unwrap();
        assert!(
            note.starts_with("500 more findings are not shown"),
            "{note}"
        );
        assert!(note.contains("at most 1000"), "{note}");
        assert!(note.contains("`transcript-ls lint raw.txt`"), "{note}");
    }
}
