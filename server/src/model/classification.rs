//! Classification levels, and reading them off portion marks and banners.

use serde::Serialize;

use crate::dictionary::confusions::misread_as;

/// A classification level, ordered from least to most restrictive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Level {
    Unclassified,
    Confidential,
    Secret,
    TopSecret,
}

impl Level {
    /// Every level, least restrictive first.
    pub const ALL: [Level; 4] = [
        Level::Unclassified,
        Level::Confidential,
        Level::Secret,
        Level::TopSecret,
    ];

    /// The portion mark: `U`, `C`, `S`, `TS`.
    pub fn symbol(self) -> &'static str {
        match self {
            Level::Unclassified => "U",
            Level::Confidential => "C",
            Level::Secret => "S",
            Level::TopSecret => "TS",
        }
    }

    /// The banner word: `UNCLASSIFIED`, `CONFIDENTIAL`, `SECRET`, `TOP SECRET`.
    pub fn banner(self) -> &'static str {
        match self {
            Level::Unclassified => "UNCLASSIFIED",
            Level::Confidential => "CONFIDENTIAL",
            Level::Secret => "SECRET",
            Level::TopSecret => "TOP SECRET",
        }
    }
}

/// What the text inside a portion mark's parentheses means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum MarkReading {
    /// A valid mark: `(S)`, `(TS)`, `(U//FOUO)`, `(S//NF)`, `(CUI)`.
    Valid(Level),
    /// Not a classification; `suggestion` is the valid mark one OCR
    /// confusion away, if there is one: `(5)` → `S`.
    Unknown { suggestion: Option<Level> },
}

/// Reads the inside of a portion mark (without the parentheses).
pub fn read_mark(inner: &str) -> MarkReading {
    let inner = inner.trim();
    let head = inner.split(['/', '-']).next().unwrap_or("").trim();
    let level = match head {
        "U" | "CUI" | "SBU" | "FOUO" => Some(Level::Unclassified),
        "C" => Some(Level::Confidential),
        "S" => Some(Level::Secret),
        "TS" => Some(Level::TopSecret),
        _ => None,
    };
    if let Some(level) = level {
        let rest = &inner[head.len()..];
        // A control after the level must be upper-case letters and digits:
        // `S//NF`, `C/NF`, `U//FOUO`, `S//REL TO USA, GBR`.
        let controls_ok = rest.chars().all(|c| {
            c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '/' | '-' | ',' | ' ')
        });
        if controls_ok {
            return MarkReading::Valid(level);
        }
    }
    let suggestion = match inner {
        "5" | "s" | "e" | "$" | "8" => Some(Level::Secret),
        "c" | "G" | "Cc" | "cc" | "O" => Some(Level::Confidential),
        "u" | "V" | "v" => Some(Level::Unclassified),
        "T5" | "TX" | "Ts" | "tS" | "ts" => Some(Level::TopSecret),
        _ => None,
    };
    MarkReading::Unknown { suggestion }
}

/// The level a banner announces, if it announces one: `SECRET`,
/// `TOP SECRET//NOFORN`, `~~CONFIDENTIAL~~`; `EYES ONLY` and `LIMITED
/// ACCESS` are handling captions with no level.
pub fn banner_level(text: &str) -> Option<Level> {
    let text = text.trim().trim_matches(|c| c == '~' || c == '*').trim();
    let head = text
        .split("//")
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase();
    let head = head.split('/').next().unwrap_or("").trim();
    match head {
        "TOP SECRET" | "TOP SECRET SENSITIVE" => Some(Level::TopSecret),
        "SECRET" | "SECRET SENSITIVE" => Some(Level::Secret),
        "CONFIDENTIAL" => Some(Level::Confidential),
        "UNCLASSIFIED" => Some(Level::Unclassified),
        _ => misread_level(head),
    }
}

/// The level of a banner whose level word OCR misread (`SFCRET`, `T0P
/// SECRET`, `C0NFIDENTIAL`), as the grammar's scanner reads it.
fn misread_level(head: &str) -> Option<Level> {
    let mut words = head.split_whitespace();
    let first = words.next()?;
    let (top, level) = if first.len() == 3 && first.starts_with('T') && first.ends_with('P') {
        (true, words.next()?)
    } else {
        (false, first)
    };
    if words.next().is_some_and(|w| w != "SENSITIVE") {
        return None;
    }
    let read = |word: &str| level == word || misread_as(level, word);
    if read("SECRET") {
        Some(if top { Level::TopSecret } else { Level::Secret })
    } else if top {
        None
    } else if read("CONFIDENTIAL") {
        Some(Level::Confidential)
    } else if read("UNCLASSIFIED") {
        Some(Level::Unclassified)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_with_controls_are_valid() {
        assert_eq!(read_mark("S//NF"), MarkReading::Valid(Level::Secret));
        assert_eq!(
            read_mark("U//FOUO"),
            MarkReading::Valid(Level::Unclassified)
        );
        assert_eq!(read_mark("TS"), MarkReading::Valid(Level::TopSecret));
    }

    #[test]
    fn ocr_confusions_suggest_the_mark_one_confusion_away() {
        assert_eq!(
            read_mark("5"),
            MarkReading::Unknown {
                suggestion: Some(Level::Secret)
            }
        );
        assert_eq!(
            read_mark("e"),
            MarkReading::Unknown {
                suggestion: Some(Level::Secret)
            }
        );
        assert_eq!(
            read_mark("G"),
            MarkReading::Unknown {
                suggestion: Some(Level::Confidential)
            }
        );
        assert_eq!(read_mark("X"), MarkReading::Unknown { suggestion: None });
    }

    #[test]
    fn banners_read_their_level_and_captions_have_none() {
        assert_eq!(banner_level("~~SECRET~~"), Some(Level::Secret));
        assert_eq!(banner_level("TOP SECRET//NOFORN"), Some(Level::TopSecret));
        assert_eq!(banner_level("SECRET/NODIS"), Some(Level::Secret));
        assert_eq!(banner_level("EYES ONLY"), None);
    }
}
