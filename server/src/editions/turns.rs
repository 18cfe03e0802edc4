//! Which turn of one edition is which turn of the other: matched by
//! speaker and order first (a diff of the two sequences of speakers), then,
//! where the speakers disagree, by what the turns say, so that a turn
//! given to another speaker is told from a turn only one edition has.

use std::collections::HashSet;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::words::Unit;

/// How a turn of this edition stands to the other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    /// The same turn in both, by units' positions (this, other).
    Both(usize, usize),
    /// A turn only this edition has.
    OnlyThis(usize),
    /// A turn only the other edition has.
    OnlyOther(usize),
}

/// Share of words two turns must have in common to be one turn said by
/// two different speakers, rather than two turns.
const SAME_TURN: f64 = 0.5;

/// The largest table of turn against turn matched by content; beyond it,
/// turns are taken in order.
const MOST_CELLS: usize = 40_000;

/// Pairs the units of `this` with those of `other`, in order.
pub fn align(this: &[Unit], other: &[Unit]) -> Vec<Pair> {
    let a: Vec<&str> = this.iter().map(|u| u.speaker.as_str()).collect();
    let b: Vec<&str> = other.iter().map(|u| u.speaker.as_str()).collect();
    let mut pairs = Vec::with_capacity(a.len().max(b.len()));
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => pairs.extend((0..len).map(|k| Pair::Both(old_index + k, new_index + k))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => pairs.extend((old_index..old_index + old_len).map(Pair::OnlyThis)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => pairs.extend((new_index..new_index + new_len).map(Pair::OnlyOther)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => pairs.extend(by_content(
                this,
                other,
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            )),
        }
    }
    pairs
}

/// Pairs turns whose speakers differ by what they say: the longest run of
/// pairs in order that share at least [`SAME_TURN`] of their words; the
/// rest are turns of one edition only.
fn by_content(
    this: &[Unit],
    other: &[Unit],
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
) -> Vec<Pair> {
    let words = |u: &Unit| -> HashSet<String> { u.tokens.iter().map(|t| t.key.clone()).collect() };
    let a_words: Vec<HashSet<String>> = a.clone().map(|i| words(&this[i])).collect();
    let b_words: Vec<HashSet<String>> = b.clone().map(|j| words(&other[j])).collect();
    let same = |i: usize, j: usize| {
        let (x, y) = (&a_words[i], &b_words[j]);
        let common = x.intersection(y).count();
        let most = x.len().max(y.len()).max(1);
        common as f64 / most as f64 >= SAME_TURN
    };
    let (n, m) = (a.len(), b.len());
    if n * m > MOST_CELLS {
        // Speakers named apart throughout (one edition resolves labels to
        // the participants' names, the other not): take the turns in order.
        let both = (0..n.min(m)).map(|k| Pair::Both(a.start + k, b.start + k));
        let this_only = (n.min(m)..n).map(|k| Pair::OnlyThis(a.start + k));
        let other_only = (n.min(m)..m).map(|k| Pair::OnlyOther(b.start + k));
        return both.chain(this_only).chain(other_only).collect();
    }
    // Longest common subsequence over "is the same turn", small as these
    // runs usually are (the turns between two agreeing speakers).
    let mut best = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            best[i][j] = if same(i, j) {
                best[i + 1][j + 1] + 1
            } else {
                best[i + 1][j].max(best[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n || j < m {
        if i < n && j < m && same(i, j) && best[i][j] == best[i + 1][j + 1] + 1 {
            pairs.push(Pair::Both(a.start + i, b.start + j));
            i += 1;
            j += 1;
        } else if j == m || (i < n && best[i + 1][j] >= best[i][j + 1]) {
            pairs.push(Pair::OnlyThis(a.start + i));
            i += 1;
        } else {
            pairs.push(Pair::OnlyOther(b.start + j));
            j += 1;
        }
    }
    pairs
}
