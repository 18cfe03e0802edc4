//! A portion mark that is not a valid classification, such as `(X)` or
//! `(e)`.
//!
//! Valid marks are `(U)`, `(C)`, `(S)`, `(TS)`, with controls after `//` or
//! `/` (`(S//NF)`, `(U//FOUO)`), and the unclassified controls `(CUI)`,
//! `(SBU)`, `(FOUO)`. Anything else in a mark's place is a misread: where
//! the valid mark is one OCR confusion away (`(5)`, `(s)`, `(e)` → `(S)`;
//! `(c)`, `(G)` → `(C)`; `(u)` → `(U)`), the message names it and the
//! quick fix writes it. Lower-case letters, digits and Roman numerals in a
//! lettered or numbered sequence, `(a) … (b) … (c)`, are list labels, not
//! marks: a label is recognised when the letter before or after it in the
//! sequence appears in the same paragraph or the two on either side.
//!
//! ## Fires
//! ```text
//! That's what this starts hopefully. (e)
//! it's important. (X)
//! ```
//!
//! ## Does not fire
//! ```text
//! (b) the second point.
//! (c) the third point.
//! ```
//!
//! ## Fix
//! Unsafe: replace with the suggested mark, when there is one.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::model::MarkReading;
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "M002",
    name: "unknown-portion-mark",
    severity: Severity::Error,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    if !cx.portion_marked {
        return;
    }
    let paragraphs = &cx.model.paragraphs;
    for (i, p) in paragraphs.iter().enumerate() {
        if !cx.record_at(p.range.start).portion_marked(cx.config) {
            continue;
        }
        for mark in &p.marks {
            let MarkReading::Unknown { suggestion } = mark.reading else {
                continue;
            };
            let nearby = paragraphs[i.saturating_sub(2)..(i + 3).min(paragraphs.len())]
                .iter()
                .map(|q| cx.slice(&q.range));
            if is_list_label(&mark.inner, mark.leading, nearby) {
                continue;
            }
            match suggestion {
                Some(level) => {
                    let right = format!("({})", level.symbol());
                    out.add(
                        mark.range.clone(),
                        format!(
                            "`{}` is not a portion mark; did you mean `{right}`?",
                            cx.slice(&mark.range)
                        ),
                    )
                    .with_fix(Fix::unsafe_(
                        format!("Replace with `{right}`"),
                        vec![Edit::replace(mark.range.clone(), right)],
                    ));
                }
                None => {
                    out.add(
                        mark.range.clone(),
                        format!("`{}` is not a valid portion mark", cx.slice(&mark.range)),
                    );
                }
            }
        }
    }
}

/// `(c)` with `(b)` or `(d)` nearby, `(2)` with `(1)` or `(3)`, `(ii)`
/// with `(i)` or `(iii)`; or the first label of a list, `(a)`, `(1)`,
/// `(i)`, leading its paragraph.
fn is_list_label<'a>(
    inner: &str,
    leading: bool,
    mut nearby: impl Iterator<Item = &'a str>,
) -> bool {
    const ROMAN: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    let neighbours: Vec<String> = if let Some(r) = ROMAN.iter().position(|r| *r == inner) {
        [r.checked_sub(1), Some(r + 1)]
            .into_iter()
            .flatten()
            .filter_map(|k| ROMAN.get(k))
            .map(|s| s.to_string())
            .collect()
    } else if let Ok(n) = inner.parse::<u32>() {
        [n.checked_sub(1), Some(n + 1)]
            .into_iter()
            .flatten()
            .filter(|k| *k > 0)
            .map(|k| k.to_string())
            .collect()
    } else if inner.len() == 1 && inner.as_bytes()[0].is_ascii_lowercase() {
        let c = inner.as_bytes()[0];
        [
            c.checked_sub(1).filter(|b| b.is_ascii_lowercase()),
            Some(c + 1).filter(|b| b.is_ascii_lowercase()),
        ]
        .into_iter()
        .flatten()
        .map(|b| (b as char).to_string())
        .collect()
    } else {
        return false;
    };
    if leading && matches!(inner, "a" | "1" | "i") {
        return true;
    }
    let wanted: Vec<String> = neighbours.iter().map(|n| format!("({n})")).collect();
    nearby.any(|text| wanted.iter().any(|w| text.contains(w.as_str())))
}

#[cfg(test)]
mod tests {
    use super::is_list_label;

    #[test]
    fn sequence_neighbours_make_a_list_label() {
        assert!(is_list_label(
            "c",
            false,
            ["(b) one", "(c) two"].into_iter()
        ));
        assert!(is_list_label("ii", true, ["(i) one"].into_iter()));
        assert!(!is_list_label(
            "e",
            false,
            ["It starts hopefully. (e)"].into_iter()
        ));
        assert!(!is_list_label("X", false, ["(W) (Y)"].into_iter()));
    }
}
