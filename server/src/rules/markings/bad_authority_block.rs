//! The classification authority block is malformed: `Reason:` is not a
//! list of 1.4(a)–(h), or `Declassify on:` is not a date, an event or an
//! exemption.
//!
//! The regulation's form is `Reason: 1.4(b)(d)` and `Declassify On:
//! 20201014`, an event, or an exemption such as `25X6` or `50X1-HUM` (32
//! CFR 2001.21(a), 2001.26). The archive is older than the regulation, so
//! the reference's reasoning wins over the catalogue's letter: the reason
//! may also cite E.O. 12958's `1.5(b),(d)` or E.O. 12356's `1.3(a)(4)`, and
//! the date may be written `4/7/18`, `April 7, 2018` or `YYYYMMDD`, or be a
//! historical instruction (`OADR`, `MR`, `X1`–`X8`, `GDS`, `XGDS-2`,
//! `RDS-3`). What fires is a value that matches none of these: empty, a
//! category letter outside (a)–(h), or digits that are no date.
//!
//! ## Fires
//! ```text
//! Reason: 1.4(k)
//! Declassify on: 13/45/18
//! ```
//!
//! ## Does not fire
//! ```text
//! Reason: 1.4(b)(d)
//! Declassify on: 4/7/18
//! ```
//!
//! ## Fix
//! None.

use crate::finding::Severity;
use crate::model::dates::find_dates;
use crate::rules::{Check, Context, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "M006",
    name: "bad-authority-block",
    severity: Severity::Warning,
    fix: FixSafety::None,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    if !cx.marked {
        return;
    }
    for field in &cx.model.fields {
        let value = cx.slice(&field.value_range).trim();
        let range = if value.is_empty() {
            field.range.clone()
        } else {
            field.value_range.clone()
        };
        if field.is("Reason") && !valid_reason(value) {
            out.add(
                range,
                format!(
                    "`Reason: {value}` is not a list of classification categories such as 1.4(b)(d)"
                ),
            );
        } else if (field.is("Declassify on") || field.is("Declassify"))
            && !valid_declassify(cx.text, field.value_range.clone())
        {
            out.add(
                range,
                format!("`Declassify on: {value}` is not a date, an event or an exemption"),
            );
        }
    }
}

/// `1.4(b)(d)`, `1.4(b), (d)`, `1.5 (b) and (d)`, `1.4b, d`, `1.3(a)(4)`.
fn valid_reason(value: &str) -> bool {
    let lower = value
        .to_ascii_lowercase()
        .replace("and", ",")
        .replace('&', ",");
    let lower = lower
        .trim_start_matches("section")
        .trim_start_matches("sec.")
        .trim_start_matches('§')
        .trim();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = compact.as_str();
    let (mut sections, mut letters) = (0, 0);
    let mut eo_1_3 = false;
    while !rest.is_empty() {
        if let Some(r) = ["1.3", "1.4", "1.5"]
            .iter()
            .find_map(|s| rest.strip_prefix(s).map(|r| (*s, r)))
        {
            eo_1_3 = r.0 == "1.3";
            sections += 1;
            rest = r.1;
        } else if let Some(r) = rest.strip_prefix(',').or_else(|| rest.strip_prefix(';')) {
            rest = r;
        } else {
            let inner_end = if rest.starts_with('(') {
                rest.find(')').map(|e| (1, e, e + 1))
            } else {
                // One character, however many bytes it takes.
                let len = rest.chars().next().map_or(1, char::len_utf8);
                Some((0, len, len))
            };
            let Some((s, e, next)) = inner_end else {
                return false;
            };
            let inner = &rest[s..e];
            let ok_letter =
                inner.len() == 1 && ('a'..='h').contains(&inner.chars().next().unwrap_or(' '));
            let ok_number = eo_1_3
                && !inner.is_empty()
                && inner.len() <= 2
                && inner.bytes().all(|b| b.is_ascii_digit());
            if !(ok_letter || ok_number) {
                return false;
            }
            letters += 1;
            rest = &rest[next..];
        }
    }
    sections > 0 && letters > 0
}

/// A date, `YYYYMMDD`, an exemption, or an event written in words.
fn valid_declassify(text: &str, range: std::ops::Range<usize>) -> bool {
    let value = text[range.clone()].trim();
    if value.is_empty() {
        return false;
    }
    let upper = value.to_ascii_uppercase();
    let first = upper.split([' ', ',', ';']).next().unwrap_or("");
    let exemption = matches!(first, "OADR" | "MR" | "GDS" | "N/A" | "DCI" | "DNI")
        || first.starts_with("XGDS")
        || first.starts_with("RDS")
        || (first.len() == 2
            && first.starts_with('X')
            && matches!(first.as_bytes()[1], b'1'..=b'8'))
        || is_exemption_code(first);
    if exemption {
        return true;
    }
    if value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
        let (y, m, d) = (&value[..4], &value[4..6], &value[6..]);
        let date = crate::model::Date {
            year: y.parse().ok(),
            month: m.parse().unwrap_or(0),
            day: d.parse().unwrap_or(0),
        };
        return date.exists();
    }
    let dates = find_dates(text, range);
    if !dates.is_empty() {
        return dates.iter().all(|d| d.date.exists());
    }
    // An event: words, not stray digits.
    let has_digit = value.bytes().any(|b| b.is_ascii_digit());
    let words = value
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    !has_digit && words >= 2
}

/// `25X1`–`25X9`, `50X1-HUM`, `50X2-WMD`, `75X6`.
fn is_exemption_code(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4 && b[..2].iter().all(u8::is_ascii_digit) && b[2] == b'X' && b[3].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_of_every_era_are_accepted() {
        for ok in [
            "1.4(b)(d)",
            "1.4(b), (d)",
            "1.5 (b) and (d)",
            "1.4b, d",
            "1.5(b),(d)",
            "1.3(a)(4)",
            "Sec. 1.4(c)",
        ] {
            assert!(valid_reason(ok), "{ok}");
        }
        // `1.4é` was found by the `edits` fuzz target: a multi-byte
        // character where a category letter belongs.
        for bad in [
            "1.4(k)", "", "b d", "1.4", "1.7(b)", "secret", "1.4é", "1.4(b)ж",
        ] {
            assert!(!valid_reason(bad), "{bad}");
        }
    }

    #[test]
    fn declassify_accepts_dates_events_and_exemptions() {
        let ok = |s: &str| valid_declassify(s, 0..s.len());
        for good in [
            "4/7/18",
            "20201014",
            "OADR",
            "25X6, 20501001",
            "50X1-HUM",
            "Completion of Operation",
            "X6",
            "April 7, 2018",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in ["13/45/18", "", "20201340", "X9", "7"] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
