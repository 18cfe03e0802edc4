//! Dates as written in transcripts: `April 6, 2008`, `6 April 2008`,
//! `4/7/18`, `18-25-2025`, `2008-04-06`. Finding them, and telling whether
//! they can exist.

use std::ops::Range;

use serde::Serialize;

/// A calendar date. `year` is absent for `April 6`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Whether the date exists: month 1–12, day within the month (29
    /// February only in a leap year, or when the year is not written).
    pub fn exists(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }

    /// `YYYY-MM-DD`, or `MM-DD` without a year.
    pub fn iso(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("{:02}-{:02}", self.month, self.day),
        }
    }
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// How a date was written, which decides how it can be repaired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum DateStyle {
    /// `18-25-2025`, `4/7/18`: month, day, year in the US order, with the
    /// separator used and the digits of each part as written.
    Numeric {
        sep: char,
        month: String,
        day: String,
        year: String,
    },
    /// `2008-04-06`.
    Iso,
    /// `April 6, 2008`, `6 April 2008`, `April 31`.
    Named,
}

/// A date found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    pub range: Range<usize>,
    pub date: Date,
    pub style: DateStyle,
}

/// The months, by name.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month a capitalised word names: `April`, `Apr`, `Apr.`, `APRIL`,
/// `Sept`.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 || !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    for (i, name) in MONTHS.iter().enumerate() {
        let full = word.eq_ignore_ascii_case(name);
        let short = word.len() == 3 && name[..3].eq_ignore_ascii_case(word);
        let sept = word.eq_ignore_ascii_case("Sept");
        if full || short || (sept && i == 8) {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// Every date written in `text[range]`, with absolute offsets.
pub fn find_dates(text: &str, range: Range<usize>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    // Every form of date has a digit.
    if !bytes.iter().any(u8::is_ascii_digit) {
        return out;
    }
    let words = word_spans(slice);
    for (i, w) in words.iter().enumerate() {
        let word = &slice[w.clone()];
        // Numeric: digits, separator, digits, separator, digits.
        if bytes[w.start].is_ascii_digit() {
            if let Some(m) = numeric(slice, w.clone()) {
                out.push(DateMention {
                    range: range.start + m.0.start..range.start + m.0.end,
                    date: m.1,
                    style: m.2,
                });
            }
            continue;
        }
        let Some(month) = month_number(word.trim_end_matches(',')) else {
            continue;
        };
        // `April 6, 2008` / `April 6`
        if let Some(next) = words.get(i + 1)
            && let Some(day) = day_number(&slice[next.clone()])
        {
            let year = words
                .get(i + 2)
                .and_then(|y| year_number(&slice[y.clone()]));
            let end = match year {
                Some(_) => words[i + 2].start + digits_len(&slice[words[i + 2].clone()]),
                None => next.start + digits_len(&slice[next.clone()]),
            };
            out.push(DateMention {
                range: range.start + w.start..range.start + end,
                date: Date { year, month, day },
                style: DateStyle::Named,
            });
            continue;
        }
        // `6 April 2008`
        if i > 0 {
            let prev = &words[i - 1];
            if let Some(day) =
                day_number(&slice[prev.clone()]).filter(|_| !slice[prev.clone()].ends_with(','))
                && let Some(y) = words.get(i + 1)
                && let Some(year) = year_number(&slice[y.clone()])
            {
                out.push(DateMention {
                    range: range.start + prev.start
                        ..range.start + y.start + digits_len(&slice[y.clone()]),
                    date: Date {
                        year: Some(year),
                        month,
                        day,
                    },
                    style: DateStyle::Named,
                });
            }
        }
    }
    out
}

/// The first date with a year that exists, for dating a document.
pub fn first_full_date(text: &str, range: Range<usize>) -> Option<Date> {
    find_dates(text, range)
        .into_iter()
        .map(|m| m.date)
        .find(|d| d.exists() && d.year.is_some_and(|y| y >= 1900))
}

fn word_spans(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push(st..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// `6`, `6,`, `6th`, `31st,`: a day number of one or two digits.
fn day_number(word: &str) -> Option<u32> {
    let n = digits_len(word);
    if n == 0 || n > 2 {
        return None;
    }
    let rest = word[n..].trim_end_matches([',', '.', ';', ')']);
    if !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    // `March 45 days` is a count, not a date.
    word[..n].parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year, with trailing punctuation allowed.
fn year_number(word: &str) -> Option<i32> {
    let n = digits_len(word);
    if n != 4 || !word[n..].chars().all(|c| c.is_ascii_punctuation()) {
        return None;
    }
    word[..n].parse().ok()
}

/// Reads `M-D-YYYY`, `M/D/YY`, `M/D/YYYY` or `YYYY-MM-DD` at the start of
/// the word; anything glued on (letters, more digits) disqualifies it.
fn numeric(slice: &str, w: Range<usize>) -> Option<(Range<usize>, Date, DateStyle)> {
    let word = &slice[w.clone()];
    let core = word.trim_end_matches(['.', ',', ';', ':', ')']);
    let sep = core.chars().find(|c| *c == '-' || *c == '/')?;
    let parts: Vec<&str> = core.split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let range = w.start..w.start + core.len();
    if parts[0].len() == 4 && sep == '-' {
        if parts[1].len() != 2 || parts[2].len() != 2 {
            return None;
        }
        let date = Date {
            year: parts[0].parse().ok(),
            month: parts[1].parse().ok()?,
            day: parts[2].parse().ok()?,
        };
        return Some((range, date, DateStyle::Iso));
    }
    let year_ok = match sep {
        '-' => parts[2].len() == 4,
        _ => parts[2].len() == 2 || parts[2].len() == 4,
    };
    if parts[0].len() > 2 || parts[1].len() > 2 || !year_ok {
        return None;
    }
    let mut year: i32 = parts[2].parse().ok()?;
    if parts[2].len() == 2 {
        // Two-digit years in declassification stamps: `4/7/18` is 2018.
        year += if year < 50 { 2000 } else { 1900 };
    }
    let date = Date {
        year: Some(year),
        month: parts[0].parse().ok()?,
        day: parts[1].parse().ok()?,
    };
    let style = DateStyle::Numeric {
        sep,
        month: parts[0].to_string(),
        day: parts[1].to_string(),
        year: parts[2].to_string(),
    };
    Some((range, date, style))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<(String, bool)> {
        find_dates(s, 0..s.len())
            .into_iter()
            .map(|m| (s[m.range].to_string(), m.date.exists()))
            .collect()
    }

    #[test]
    fn finds_named_and_numeric_dates() {
        assert_eq!(
            dates("April 6, 2008, 10:00 and 4/7/18 then 18-25-2025."),
            vec![
                ("April 6, 2008".into(), true),
                ("4/7/18".into(), true),
                ("18-25-2025".into(), false)
            ]
        );
        assert_eq!(
            dates("on 24 November 1964 we"),
            vec![("24 November 1964".into(), true)]
        );
        assert_eq!(dates("April 31 is not"), vec![("April 31".into(), false)]);
    }

    #[test]
    fn ranges_and_fractions_are_not_dates() {
        assert!(dates("1990-2008 and 1/2 and 10:00 - 11:00 and 1.4(b)").is_empty());
        assert!(dates("May I ask, may 5 people").is_empty());
        assert!(dates("March 45 days").is_empty());
    }

    #[test]
    fn leap_days_need_a_leap_year() {
        assert!(dates("February 29, 2008")[0].1);
        assert!(!dates("February 29, 2007")[0].1);
        assert!(dates("February 29")[0].1);
    }
}
