//! A date that cannot exist: `18-25-2025`, `April 31`, `February 29, 2007`.
//!
//! Numeric dates are read in the US order of these documents,
//! month-day-year. An OCR'd extra digit or a day and month typed the wrong
//! way round are the usual causes. The ISO form `2008-04-06` is checked
//! too. Digits that are not dates (`1990-2008`, `10:00 - 11:00`, `1/2`) are
//! never read as one.
//!
//! ## Fires
//! ```text
//! Declassified Case: NW# 78134 Date: 18-25-2025
//! ```
//!
//! ## Does not fire
//! ```text
//! Declassify on: 4/7/18
//! DATE, TIME: April 6, 2008
//! ```
//!
//! ## Fix
//! Unsafe, offered only for numeric dates: where dropping a leading digit
//! of the month or the day, or swapping day and month (tried first, as it
//! keeps every digit), gives a valid date
//! (`18-25-2025` → `8-25-2025`), that date, written the same way.

use crate::finding::Severity;
use crate::fix::{Edit, Fix};
use crate::model::Date;
use crate::model::dates::{DateStyle, find_dates};
use crate::rules::{Check, Context, FindingExt, FixSafety, Report, Rule};

pub(crate) static RULE: Rule = Rule {
    code: "O007",
    name: "invalid-date",
    severity: Severity::Warning,
    fix: FixSafety::Unsafe,
    module: module_path!(),
    check: Check::Section(check),
};

fn check(cx: &Context, out: &mut Report) {
    let ranges = cx
        .model
        .paragraphs
        .iter()
        .map(|p| p.range.clone())
        .chain(cx.model.fields.iter().map(|f| f.value_range.clone()));
    for range in ranges {
        for mention in find_dates(cx.text, range) {
            if mention.date.exists() {
                continue;
            }
            let written = cx.slice(&mention.range).to_string();
            let finding = out.add(
                mention.range.clone(),
                format!("`{written}` is not a date that exists"),
            );
            if let Some(repair) = repair(&mention.style) {
                finding.with_fix(Fix::unsafe_(
                    format!("Change to `{repair}`"),
                    vec![Edit::replace(mention.range.clone(), repair)],
                ));
            }
        }
    }
}

/// A valid date one repair away, written like the original.
fn repair(style: &DateStyle) -> Option<String> {
    let DateStyle::Numeric {
        sep,
        month,
        day,
        year,
    } = style
    else {
        return None;
    };
    let y: i32 = year.parse().ok()?;
    let full_year = if year.len() == 2 {
        y + if y < 50 { 2000 } else { 1900 }
    } else {
        y
    };
    // A swap keeps every digit, so it is the likelier repair when it works.
    let candidates = [
        (day.clone(), month.clone()),
        (drop_first(month), day.clone()),
        (month.clone(), drop_first(day)),
    ];
    candidates.into_iter().find_map(|(m, d)| {
        let date = Date {
            year: Some(full_year),
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        date.exists().then(|| format!("{m}{sep}{d}{sep}{year}"))
    })
}

fn drop_first(s: &str) -> String {
    if s.len() > 1 {
        s[1..].to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numeric(m: &str, d: &str, y: &str) -> DateStyle {
        DateStyle::Numeric {
            sep: '-',
            month: m.into(),
            day: d.into(),
            year: y.into(),
        }
    }

    #[test]
    fn repairs_drop_a_digit_or_swap() {
        assert_eq!(
            repair(&numeric("18", "25", "2025")),
            Some("8-25-2025".into())
        );
        assert_eq!(
            repair(&numeric("25", "12", "2007")),
            Some("12-25-2007".into())
        );
        assert_eq!(repair(&numeric("13", "45", "2007")), None);
    }
}
