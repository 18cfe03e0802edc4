//! Hover text: a treaty's card, what a portion mark or banner means, why a
//! line is debris or page furniture, and a finding's rule documentation.

use std::ops::Range;

use crate::config::Config;
use crate::finding::Finding;
use crate::model::{Level, MarkReading, Model};
use crate::rules;
use crate::treaties::Gazetteer;

/// Why a line is OCR debris.
const DEBRIS: &str = "**OCR debris**: a short line that is mostly not words (fewer than half \
its tokens read as words or numbers, and none does or marks outnumber letters), as OCR \
makes of stamps, redaction boxes, rules and handwriting. No rule reads it as text: it \
joins no paragraph and needs no portion mark.";

/// Why a line is page furniture.
const FURNITURE: &str = "**Page furniture**: a line that belongs to the paper, not the \
text (a page number, a running head, a NARA footer or separator, a cable's page slug). \
No rule reads it as text, and a sentence split by it is joined across it (O005).";

/// Markdown for the thing at byte `offset`, if there is something to say,
/// with the range it covers. `touching` holds the findings whose ranges
/// touch `offset..offset + 1`.
pub fn hover(
    model: &Model,
    config: &Config,
    touching: &[Finding],
    offset: usize,
) -> Option<(String, Range<usize>)> {
    let inside = |r: &std::ops::Range<usize>| r.start <= offset && offset < r.end.max(r.start + 1);
    if let Some(m) = model.treaty_mentions.iter().find(|m| inside(&m.range)) {
        return Some((
            treaty_card(config.gazetteer(), m.treaty, &m.also),
            m.range.clone(),
        ));
    }
    if let Some(mark) = model
        .paragraphs
        .iter()
        .flat_map(|p| &p.marks)
        .find(|m| inside(&m.range))
    {
        let text = match &mark.reading {
            MarkReading::Valid(level) => format!(
                "**Portion mark ({})**: this paragraph is classified {}.{}",
                mark.inner,
                level_words(*level),
                if mark.inner.contains('/') {
                    " The part after `/` names dissemination controls."
                } else {
                    ""
                }
            ),
            MarkReading::Unknown {
                suggestion: Some(l),
            } => format!(
                "**`({})` is not a portion mark**: probably an OCR misreading of `({})`, {}.",
                mark.inner,
                l.symbol(),
                level_words(*l)
            ),
            MarkReading::Unknown { suggestion: None } => {
                format!(
                    "**`({})` is not a portion mark**: valid marks are (U), (C), (S) and (TS).",
                    mark.inner
                )
            }
        };
        return Some((text, mark.range.clone()));
    }
    if let Some(b) = model.banners.iter().find(|b| inside(&b.range)) {
        let what = match b.level {
            Some(level) => format!("**Banner**: the document (or this page) is classified {}.", level_words(level)),
            None => "**Handling caption**: a dissemination or handling instruction, not a classification level.".to_string(),
        };
        let struck = if b.struck {
            "\n\nStruck through: the marking was cancelled when the document was declassified."
        } else {
            ""
        };
        return Some((format!("{what}{struck}"), b.range.clone()));
    }
    let Some(finding) = touching.iter().find(|f| inside(&f.range)) else {
        if let Some(d) = model.debris.iter().find(|d| inside(d)) {
            return Some((DEBRIS.to_string(), d.clone()));
        }
        let f = model.furniture.iter().find(|f| inside(f))?;
        return Some((FURNITURE.to_string(), f.clone()));
    };
    let rule = rules::lookup(finding.code)?;
    Some((
        format!(
            "**{} {}**: {}\n\n{}",
            rule.code,
            rule.name,
            finding.message,
            rule.doc()
        ),
        finding.range.clone(),
    ))
}

fn level_words(level: Level) -> &'static str {
    match level {
        Level::Unclassified => "UNCLASSIFIED",
        Level::Confidential => "CONFIDENTIAL",
        Level::Secret => "SECRET",
        Level::TopSecret => "TOP SECRET",
    }
}

/// Canonical name, short name, dates, parties and summary of a treaty.
pub fn treaty_card(gazetteer: &Gazetteer, id: usize, also: &[usize]) -> String {
    let t = gazetteer.get(id);
    let mut out = format!("**{}**\n\n{}\n\n", t.short_name(), t.name);
    if let Some(signed) = &t.signed {
        out.push_str(&format!("- Signed: {signed}\n"));
    }
    match &t.in_force {
        Some(d) => out.push_str(&format!("- In force: {d}\n")),
        None => out.push_str("- In force: never (or not a treaty)\n"),
    }
    if !t.parties.is_empty() {
        out.push_str(&format!("- Parties: {}\n", t.parties.join("; ")));
    }
    if !t.summary.is_empty() {
        out.push_str(&format!("\n{}\n", t.summary));
    }
    if !also.is_empty() {
        let names: Vec<&str> = also
            .iter()
            .map(|i| gazetteer.get(*i).short_name())
            .collect();
        out.push_str(&format!(
            "\nThe document has no date to decide; this could also be: {}.\n",
            names.join(", ")
        ));
    }
    out
}
