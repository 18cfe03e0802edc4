//! Suppression comments: `<!-- transcript: ignore O001 -- reason -->` for
//! one line, `<!-- transcript: ignore-start O003 -- reason -->` …
//! `<!-- transcript: ignore-end -->` for a range.
//!
//! A comment alone on its line applies to the next non-blank line; after
//! text, to its own line. Rules are named by code or name, several at once
//! (`O001 O009`, `O001, pipe-for-i`). The reason after ` -- ` is required: a
//! comment without one, or naming an unknown rule, is ignored and reported
//! (X001), so nothing is silenced by accident.
//!
//! `<!-- transcript: edition ../web/2007-10-12.md -->` is read here too:
//! it declares another edition of the document (a path relative to the
//! document's folder), which the E rules compare it with.

use std::ops::Range;

use crate::finding::Finding;
use crate::rule_names;

/// One suppression in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub codes: Vec<&'static str>,
    /// Findings starting in this range are silenced.
    pub range: Range<usize>,
}

/// A comment that cannot take effect, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub range: Range<usize>,
    pub message: String,
}

/// The suppressions of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    pub active: Vec<Suppression>,
    pub problems: Vec<Problem>,
}

impl Suppressions {
    /// Whether `finding` is silenced. Problems with the comments themselves
    /// never are.
    pub fn covers(&self, finding: &Finding) -> bool {
        self.covers_at(finding.code, finding.range.start)
    }

    /// Whether a finding of rule `code` starting at offset `start` is
    /// silenced.
    pub fn covers_at(&self, code: &str, start: usize) -> bool {
        code != "X001"
            && self
                .active
                .iter()
                .any(|s| s.codes.contains(&code) && s.range.contains(&start))
    }
}

/// One `<!-- transcript: ... -->` comment, read on its own: what it asks
/// for, before comments are paired up across the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub range: Range<usize>,
    pub verb: Verb,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    /// `ignore`: the line it applies to, or `None` when the comment stands
    /// alone and no text follows in the part of the document scanned (the
    /// next non-blank line lies beyond).
    Ignore {
        codes: Vec<&'static str>,
        target: Option<Range<usize>>,
        own_line: Range<usize>,
    },
    Start(Vec<&'static str>),
    /// `ignore-end`, with the rules it names (none: every open range).
    End(Vec<&'static str>),
    /// `edition PATH`: another edition of this document.
    Edition(String),
    /// A comment that cannot take effect.
    Problem(String),
}

/// Parses the suppression comments of `text`.
pub fn parse(text: &str) -> Suppressions {
    resolve(
        scan(text).into_iter().map(|mut d| {
            if let Verb::Ignore {
                target, own_line, ..
            } = &mut d.verb
            {
                target.get_or_insert_with(|| own_line.clone());
            }
            d
        }),
        text.len(),
    )
}

/// The comments of `text`, each read on its own.
pub fn scan(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    for (start, _) in text.match_indices("<!--") {
        let line_end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        let Some(close) = text[start..line_end].find("-->") else {
            continue;
        };
        let end = start + close + 3;
        let inner = text[start + 4..start + close].trim();
        let Some(directive) = inner.strip_prefix("transcript:") else {
            continue;
        };
        let directive = directive.trim();
        let (verb, rest) = directive
            .split_once(char::is_whitespace)
            .unwrap_or((directive, ""));
        if verb == "edition" {
            let path = rest.trim();
            let verb = if path.is_empty() {
                Verb::Problem(
                    "an edition comment names the other edition's file: `<!-- transcript: edition ../web/2007-10-12.md -->`"
                        .into(),
                )
            } else {
                Verb::Edition(path.to_string())
            };
            out.push(Directive {
                range: start..end,
                verb,
            });
            continue;
        }
        let (names, reason) = match rest.split_once("--") {
            Some((n, r)) => (n.trim(), r.trim()),
            None => (rest.trim(), ""),
        };
        let range = start..end;
        let problem = |message: String| Directive {
            range: range.clone(),
            verb: Verb::Problem(message),
        };
        let mut codes = Vec::new();
        let mut bad = false;
        for name in names.split([' ', ',', '\t']).filter(|n| !n.is_empty()) {
            match rule_names::code_of(name) {
                Some(code) => codes.push(code),
                None => {
                    out.push(problem(format!(
                        "unknown rule `{name}` in a suppression comment"
                    )));
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        let verb = match verb {
            "ignore" | "ignore-start" if codes.is_empty() => {
                Verb::Problem("a suppression must name the rules it silences".into())
            }
            "ignore" | "ignore-start" if reason.is_empty() => Verb::Problem(
                "a suppression needs a reason: `<!-- transcript: ignore O001 -- why -->`".into(),
            ),
            "ignore" => {
                let (own_line, target) = target_line(text, start, end);
                Verb::Ignore {
                    codes,
                    target,
                    own_line,
                }
            }
            "ignore-start" => Verb::Start(codes),
            "ignore-end" => Verb::End(codes),
            other => Verb::Problem(format!(
                "unknown directive `{other}`: use `ignore`, `ignore-start`, `ignore-end` or `edition`"
            )),
        };
        out.push(Directive { range, verb });
    }
    out
}

/// The other edition the document declares, `<!-- transcript: edition
/// PATH -->` (the first such comment), with the comment's range.
pub fn edition(text: &str) -> Option<(Range<usize>, String)> {
    scan(text).into_iter().find_map(|d| match d.verb {
        Verb::Edition(path) => Some((d.range, path)),
        _ => None,
    })
}

/// Pairs up a document's directives, in order, into the suppressions in
/// force and the problems. Every `Ignore` must have its target by now.
pub fn resolve(directives: impl IntoIterator<Item = Directive>, len: usize) -> Suppressions {
    let mut out = Suppressions::default();
    let mut open: Vec<(Vec<&'static str>, usize)> = Vec::new();
    for Directive { range, verb } in directives {
        match verb {
            Verb::Ignore {
                codes,
                target,
                own_line,
            } => out.active.push(Suppression {
                codes,
                range: target.unwrap_or(own_line),
            }),
            Verb::Start(codes) => open.push((codes, range.end)),
            Verb::End(codes) => {
                let before = open.len();
                let mut kept = Vec::new();
                for (c, from) in open.drain(..) {
                    if codes.is_empty() || c.iter().any(|x| codes.contains(x)) {
                        out.active.push(Suppression {
                            codes: c,
                            range: from..range.start,
                        });
                    } else {
                        kept.push((c, from));
                    }
                }
                if kept.len() == before {
                    out.problems.push(Problem {
                        range,
                        message: "`ignore-end` without a matching `ignore-start`".into(),
                    });
                }
                open = kept;
            }
            Verb::Problem(message) => out.problems.push(Problem { range, message }),
            Verb::Edition(_) => {}
        }
    }
    for (codes, from) in open {
        out.active.push(Suppression {
            codes,
            range: from..len,
        });
    }
    out
}

/// The line a one-line suppression applies to: its own, if it has other
/// text, else the next line that is not blank (`None` when there is none
/// in `text`). Returns the comment's own line too.
fn target_line(text: &str, start: usize, end: usize) -> (Range<usize>, Option<Range<usize>>) {
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
    let own = line_start..line_end;
    let alone = text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
    if !alone {
        return (own.clone(), Some(own));
    }
    (own, first_line(text, line_end))
}

/// The first line that is not blank after the line ending at `from` (a
/// line break or the end of the text).
pub fn first_line(text: &str, from: usize) -> Option<Range<usize>> {
    let mut at = from;
    while at < text.len() {
        let next_start = at + 1;
        let next_end = text[next_start..]
            .find('\n')
            .map_or(text.len(), |n| next_start + n);
        if !text[next_start..next_end].trim().is_empty() {
            return Some(next_start..next_end);
        }
        at = next_end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edition_comment_declares_the_other_edition_and_is_no_problem() {
        let text = "<!-- transcript: edition ../web/2007-10-12.md -->\nSECRETARY RICE: Hello.\n";
        assert_eq!(
            edition(text),
            Some((0..49, "../web/2007-10-12.md".to_string()))
        );
        assert!(parse(text).problems.is_empty());
        assert_eq!(parse("<!-- transcript: edition -->\n").problems.len(), 1);
    }

    #[test]
    fn a_comment_alone_covers_the_next_non_blank_line() {
        let text = "<!-- transcript: ignore O001 -- quoted verbatim -->\n\nas | said\n";
        let s = parse(text);
        assert!(s.problems.is_empty());
        assert_eq!(&text[s.active[0].range.clone()], "as | said");
    }

    #[test]
    fn a_trailing_comment_covers_its_own_line() {
        let text = "as | said <!-- transcript: ignore pipe-for-i -- verbatim -->\nnext\n";
        let s = parse(text);
        assert!(text[s.active[0].range.clone()].starts_with("as | said"));
        assert_eq!(s.active[0].codes, vec!["O001"]);
    }

    #[test]
    fn ranges_run_from_start_to_end() {
        let text = "<!-- transcript: ignore-start O003 -- table -->\na,,b\n<!-- transcript: ignore-end -->\nc,,d\n";
        let s = parse(text);
        let r = s.active[0].range.clone();
        assert!(text[r].contains("a,,b"));
        assert!(!text[s.active[0].range.clone()].contains("c,,d"));
    }

    #[test]
    fn a_suppression_without_reason_or_with_an_unknown_rule_is_a_problem() {
        let s = parse("<!-- transcript: ignore O001 -->\n<!-- transcript: ignore O999 -- x -->\n");
        assert!(s.active.is_empty());
        assert_eq!(s.problems.len(), 2);
    }
}
