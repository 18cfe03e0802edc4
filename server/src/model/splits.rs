//! Paragraphs whose sentence runs on into the next one: OCR's stray blank
//! lines and page breaks cut them in two (the halves O005 reports).
//!
//! A paragraph is *open* when its sentence cannot have ended: it ends on a
//! word, a comma, a hyphen (`offi-`), or a period no sentence ends with
//! (`the.`, `Mr.`), once OCR's specks after the last word are set aside
//! (`uy |`, `is 7`, `reselling!`). It runs on into the next paragraph of the
//! same turn, past blank lines, banners, furniture and debris, when that
//! paragraph goes on with it:
//!
//! - in lower case (`middle of`, `‘which are`), after at most three specks;
//! - in any case after a word no sentence ends on (`of the` / `Central
//!   Intelligence Agency`), or after a capitalised word that a name goes on
//!   from (`of the Central` / `Intelligence Agency`, not `The next day`),
//!   unless specks stood at the end (the word is then uncertain), and only
//!   into a line with a lower-case word (not a name or title line);
//! - in capitals when both sides are in capitals (cable text, where case
//!   says nothing); a line in capitals never goes on in lower case (`FINAL
//!   REPORT OF THE` over a page's text is its running head).
//!
//! Narrow pieces (no line of 30 characters) with a word no dictionary holds
//! are a column the scanner cut, not a sentence to follow.
//!
//! A letter or two before a capital or a figure (`a 6. If`, `ak The
//! documents`) are specks before a new sentence, not a lower-case word.
//!
//! A comma alone licenses no capital: OCR reads many full stops as commas
//! (`rages,` / `Likes good living`).

use std::ops::Range;

use super::{Model, Paragraph, ParagraphRole};
use crate::model::Block;

/// How an open paragraph ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A word: `in the political`.
    Word,
    /// A word no sentence ends on: `the`, `of`, `which`.
    GoesOn,
    /// A capitalised word after `the`, `of` or `and`: a name goes on
    /// (`of the Central` / `Intelligence Agency`, `the Cuban` /
    /// `Revolutionary Council`).
    InName,
    Comma,
    /// A word broken by a hyphen (or OCR's `~`, `=`): `offi-`.
    Hyphen,
    /// A period after a word no sentence ends on: `the Department sent.`
    /// is not one, `purposes and.` is.
    StrayPeriod,
}

/// Where and how an open paragraph's text ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenEnd {
    pub ending: Ending,
    /// The last word, without the specks after it (for a hyphen, the word
    /// and its hyphen).
    pub word: Range<usize>,
    /// OCR's specks stood after the last word.
    pub specks: bool,
}

/// Marks each paragraph whose sentence runs on into the next one across a
/// page break (blank lines, furniture, banners, debris), within one turn.
pub fn link_split_paragraphs(text: &str, model: &mut Model) {
    let blocks = &model.blocks;
    for (i, block) in blocks.iter().enumerate() {
        let Block::Paragraph(p) = *block else {
            continue;
        };
        let next = blocks[i + 1..]
            .iter()
            .find(|b| !matches!(b, Block::Banner(_) | Block::Furniture(_) | Block::Debris(_)));
        let Some(Block::Paragraph(q)) = next.copied() else {
            continue;
        };
        let (a, b) = (&model.paragraphs[p], &model.paragraphs[q]);
        if a.turn == b.turn && runs_on(text, a, b) {
            model.paragraphs[p].continues = true;
            model.paragraphs[q].continued = true;
        }
    }
}

fn runs_on(text: &str, a: &Paragraph, b: &Paragraph) -> bool {
    if a.role != ParagraphRole::Body || b.role != ParagraphRole::Body {
        return false;
    }
    let Some(end) = open_end(text, a) else {
        return false;
    };
    if opens_list(text, b)
        || reads_as_title(last_line(text, a))
        || in_capitals(last_line(text, a)) && has_lower_word(first_line(text, b))
    {
        return false;
    }
    let lower = starts_lower(text, b);
    let goes_on = match end.ending {
        Ending::GoesOn if !end.specks => {
            lower
                || starts_with_word(text, b)
                    && (has_lower_word(first_line(text, b)) || capitals(text, a, b))
        }
        Ending::InName if !end.specks => {
            lower
                || starts_with_word(text, b)
                    && has_lower_word(first_line(text, b))
                    && !opens_sentence(text, b)
        }
        Ending::InName | Ending::Word | Ending::Comma => lower || capitals(text, a, b),
        _ => lower,
    };
    // A lower-case continuation may be a single word (`section.`); a
    // capitalised one must read as prose of two words or more.
    let a_line = text[a.content.start..end.word.end]
        .lines()
        .last()
        .unwrap_or("");
    // Either piece may be a column's cut-off fragment, except the halves
    // of a word broken by a hyphen.
    let hyphen = end.ending == Ending::Hyphen;
    // Narrow pieces with words no dictionary holds are the fragments of a
    // column the scanner cut (`on New Left and Blac` / `there have been
    // sever`), which cannot be followed across the gap; a narrow column
    // of clean print still is, and so is a word broken by a hyphen.
    if !hyphen && narrow(text, a, b) && !(clean(a_line) && clean(first_line(text, b))) {
        return false;
    }
    goes_on
        && (hyphen || !fragment(a_line) && !fragment(first_line(text, b)))
        && is_prose(&text[a.content.start..end.word.end], 3)
        && is_prose(&text[b.content.clone()], if lower { 1 } else { 2 })
        && english(a_line)
        && english(first_line(text, b))
}

/// Whether a paragraph's first word is one that opens sentences (`The`,
/// `He`, `In`), so it goes on with no name.
fn opens_sentence(text: &str, p: &Paragraph) -> bool {
    const OPENERS: &[&str] = &[
        "The", "A", "An", "In", "On", "At", "For", "And", "But", "To", "Of", "As", "By", "If",
        "It", "He", "She", "We", "They", "This", "That", "These", "Those", "His", "Her", "Our",
        "Their", "Its", "My", "Your", "When", "After", "Before", "I", "There", "Then", "However",
        "Mr", "Mrs", "Ms", "Dr",
    ];
    let content = &text[p.content.clone()];
    let first = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    OPENERS.contains(&first)
}

/// Both sides of the break are cable text in capitals.
fn capitals(text: &str, a: &Paragraph, b: &Paragraph) -> bool {
    in_capitals(last_line(text, a)) && in_capitals(first_line(text, b))
}

/// A line with a lower-case word of two letters or more: a name or a
/// title line (`Robert M. McNamara, Jr., Esq.`, `Executive Director`)
/// has none.
fn has_lower_word(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphabetic());
        core.chars().count() >= 2 && core.chars().all(char::is_lowercase)
    })
}

/// A short piece of a line cut off at a column's edge: four words or
/// fewer, the last no English word (`we would not recei`, `on New Left
/// and Blac`), or a single word of three letters or fewer (`an.`).
fn fragment(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(last) = words.last() else {
        return true;
    };
    words.len() <= 4
        && (!crate::dictionary::is_word_in_any_case(last)
            || words.len() == 1 && last.chars().count() <= 3)
}

/// No line of either piece is wider than 30 characters: a printed column,
/// a card's, or a page's edge cut off by the scanner.
fn narrow(text: &str, a: &Paragraph, b: &Paragraph) -> bool {
    text[a.content.clone()]
        .lines()
        .chain(text[b.content.clone()].lines())
        .all(|l| l.trim().chars().count() < 30)
}

/// Every word of two letters or more in `line` is an English word.
fn clean(line: &str) -> bool {
    line.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 2)
        .all(crate::dictionary::is_word_in_any_case)
}

/// Whether a line is English rather than garble: two in three of its words
/// of two letters or more are in the dictionary (one in a line of one or
/// two such words).
fn english(line: &str) -> bool {
    let (mut words, mut known) = (0, 0);
    for token in line.split_whitespace() {
        let core = token.trim_matches(|c: char| !c.is_alphabetic());
        if core.chars().count() < 2 || !core.chars().all(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if crate::dictionary::is_word_in_any_case(core) {
            known += 1;
        }
    }
    if words <= 2 {
        known >= 1
    } else {
        known * 3 >= words * 2
    }
}

/// Whether a paragraph starts with a list label or a bullet: `(a)`, `a.`,
/// `1.`, `(4)`, `*`, `•`, `-` before spaces; or its own portion mark. A
/// list item starts anew, whatever case it is in.
fn opens_list(text: &str, p: &Paragraph) -> bool {
    // A stray margin mark (`( middle of`) is OCR's, not a label.
    if p.marks.first().is_some_and(|m| m.leading) {
        return true;
    }
    let head = text[p.range.start..p.content.end].trim_start();
    let first = head.split_whitespace().next().unwrap_or("");
    let label = first.trim_start_matches(['(', '`', '\'', '"']);
    let short = label.trim_end_matches(['.', ')', ',']);
    let bullet =
        matches!(first, "*" | "•" | "·" | "o" | "»") || first == "-" && head[1..].starts_with("  ");
    let numbered = label.len() > short.len()
        && !short.is_empty()
        && (short.chars().all(|c| c.is_ascii_digit())
            || short.chars().count() == 1 && short.chars().all(char::is_alphabetic)
            || short.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    bullet || numbered
}

/// A line in title case (`5. CIA Should State That It Is Aware of No
/// Records`): every word of four letters or more capitalised but the
/// small ones titles leave in lower case (`with`, `from`, `that`), and
/// four such words at least. One lower-case word makes it prose (`Brumidi,
/// the artist of the Capitol, an American` / `immigrant`).
fn reads_as_title(line: &str) -> bool {
    const SMALL: &[&str] = &[
        "with", "from", "into", "onto", "upon", "that", "than", "over", "about", "after", "before",
        "under", "between", "through", "within", "without", "during",
    ];
    let long: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 4 && !SMALL.contains(w))
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 4 && capitalised == long.len() && !in_capitals(line)
}

/// Specks OCR leaves glued to a paragraph's last word (`reselling!`,
/// `producer |`); a colon or semicolon glued to a word is the writer's
/// (`as follows:`, `public interest;` before a list).
const SPECKS: &[char] = &[
    '|', '!', '\'', '"', '‘', '’', '“', '”', '_', '*', '~', '©', '°', '™', '—', ']', ')', '+', '«',
    '»', '&', '^', '#', '@', '%', '¢', '$', '<', '>', '/', '\\',
];

/// Where and how `p`'s text ends, if its sentence cannot have ended there.
pub fn open_end(text: &str, p: &Paragraph) -> Option<OpenEnd> {
    let trailing_mark = p
        .marks
        .last()
        .is_some_and(|m| !m.leading && m.range.start >= p.content.end);
    if p.role != ParagraphRole::Body || trailing_mark {
        return None;
    }
    let content = &text[p.content.clone()];
    let mut end = content.trim_end().len();
    let mut specks = false;
    // Whole tokens of one or two characters with no letter.
    loop {
        let head = content[..end].trim_end();
        let cut = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let last = &head[cut..];
        if cut > 0 && last.chars().count() <= 2 && !last.chars().any(char::is_alphanumeric)
            || cut > 0 && last.chars().count() == 1 && last.chars().all(|c| c.is_ascii_digit())
        {
            end = head[..cut].trim_end().len();
            specks = true;
        } else {
            end = head.len();
            break;
        }
    }
    // Specks glued to the last word.
    let glued = content[..end].trim_end_matches(SPECKS);
    if glued.len() < end && glued.ends_with(|c: char| c.is_alphabetic()) {
        end = glued.len();
        specks = true;
    }
    let head = &content[..end];
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[word_start..];
    let last = word.chars().next_back()?;
    let before_last = word[..word.len() - last.len_utf8()].chars().next_back();
    let ending = if last.is_alphabetic() {
        let before = head[..word_start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        if goes_on(word) {
            Ending::GoesOn
        } else if word.chars().next().is_some_and(char::is_uppercase)
            && matches!(before, "the" | "of" | "and")
        {
            Ending::InName
        } else {
            Ending::Word
        }
    } else if last == ',' {
        Ending::Comma
    } else if matches!(last, '-' | '~' | '=') && before_last.is_some_and(char::is_alphabetic) {
        Ending::Hyphen
    } else if last == '.' && !specks && (goes_on(&word[..word.len() - 1]) || is_title(word)) {
        Ending::StrayPeriod
    } else {
        return None;
    };
    let start = p.content.start + word_start;
    Some(OpenEnd {
        ending,
        word: start..p.content.start + end,
        specks,
    })
}

/// Words no sentence ends on.
fn goes_on(word: &str) -> bool {
    const GOES_ON: &[&str] = &[
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from",
        "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "has",
        "have", "had", "as", "but", "if", "than", "into", "his", "her", "their", "its", "our",
        "this", "these", "those", "not", "would", "will", "should", "could", "may", "might",
        "must", "shall", "can",
    ];
    word.chars().all(char::is_alphabetic) && GOES_ON.contains(&word.to_lowercase().as_str())
}

/// A title before a name, which no sentence ends on: `Mr.`, `Dr.`.
fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr." | "Mrs." | "Ms." | "Dr." | "MR." | "MRS." | "DR."
    )
}

/// Whether `text` reads as prose: at least `min` words, and two in three of
/// its tokens real words (two or more letters with a vowel) or numbers, not
/// OCR's fragments of stamps and handwriting (`cs`, `tae ke`, `ra . Elsie`).
fn is_prose(text: &str, min: usize) -> bool {
    let (mut tokens, mut words) = (0, 0);
    for token in text.split_whitespace() {
        tokens += 1;
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = core.chars().filter(|c| c.is_alphabetic()).count();
        let vowel = core.chars().any(|c| {
            matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || !c.is_ascii()
        });
        let number = !core.is_empty()
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '/' | '-'));
        if number || (letters >= 2 && vowel && letters * 4 >= core.chars().count() * 3) {
            words += 1;
        }
    }
    words >= min && words * 3 >= tokens * 2
}

/// Starts with a lower-case word of two letters or more (`middle of`, `or
/// two`), not a stray letter.
///
/// Quotes, dashes and OCR's specks before the word are set aside (`‘which
/// are`, `_ processing`); `a` counts as a word.
fn starts_lower(text: &str, p: &Paragraph) -> bool {
    let content = &text[p.content.clone()];
    let Some(start) = word_start(content) else {
        return false;
    };
    let first = content[start..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // A letter or two before a capital or a figure are specks before a
    // new sentence (`a 6. If`, `ak The documents`), not a word.
    let speck = (first.chars().count() <= 2 && !crate::dictionary::is_word(first) || first == "a")
        && content[start + first.len()..]
            .trim_start()
            .starts_with(|c: char| !c.is_lowercase());
    p.role == ParagraphRole::Body
        && (first.chars().count() >= 2 || first == "a")
        && first.chars().all(char::is_lowercase)
        && !speck
}

/// Where the first word starts, if at most three specks (no letters or
/// digits) stand before it.
fn word_start(content: &str) -> Option<usize> {
    let start = content.find(|c: char| c.is_alphanumeric())?;
    (content[..start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        <= 3)
        .then_some(start)
}

/// Starts with a word or a number (a continuation in capitals, or a
/// figure), after at most three specks; not a list label, a heading mark or
/// a quotation.
fn starts_with_word(text: &str, p: &Paragraph) -> bool {
    let content = &text[p.content.clone()];
    let Some(start) = word_start(content) else {
        return false;
    };
    let quoted = content[..start].contains(['"', '“', '(', '[']);
    !quoted
        && content[start..].split_whitespace().next().is_some_and(|w| {
            !w.ends_with([')', ':'])
                && (!w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        })
}

fn last_line<'t>(text: &'t str, p: &Paragraph) -> &'t str {
    text[p.content.clone()].lines().last().unwrap_or("")
}

fn first_line<'t>(text: &'t str, p: &Paragraph) -> &'t str {
    text[p.content.clone()].lines().next().unwrap_or("")
}

/// A line of three words or more, all in capitals: cable text.
fn in_capitals(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.len() >= 3 && words.iter().all(|w| !w.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use crate::{Config, analyze_text};

    fn joined(text: &str) -> bool {
        let analysis = analyze_text(text, &Config::default());
        analysis
            .model
            .paragraphs
            .first()
            .is_some_and(|p| p.continues)
    }

    #[test]
    fn open_ends_and_their_continuations() {
        // A speck after the last word is set aside.
        assert!(joined("He likes to have a 7\n\ngood time with friends.\n"));
        assert!(joined(
            "GLAZUNOV's wife said that she |\n\nis about thirty years old.\n"
        ));
        // A word broken across the gap.
        assert!(joined("He spoke to the offi-\n\ncers of the embassy.\n"));
        // A stray period after a word no sentence ends on.
        assert!(joined(
            "It was done for purposes and.\n\nfor the purpose of it.\n"
        ));
        // A capital after a word no sentence ends on.
        assert!(joined(
            "He worked for the office of the\n\nCentral Intelligence Agency in Langley.\n"
        ));
        // A name goes on from a capitalised word after `the`.
        assert!(joined(
            "He worked for the Cuban\n\nRevolutionary Council in Miami for years.\n"
        ));
        // Cable text in capitals.
        assert!(joined(
            "THE GRN HAS CLAIMED THAT THE\n\nINCREASED SIZE OF CONTRA UNITS IS A THREAT.\n"
        ));
        // A line of capitalised names is no title when a word is in lower case.
        assert!(joined(
            "Brumidi, the artist of the Capitol, an American\n\nimmigrant of both Italian and Greek descent.\n"
        ));
        // One lower-case word completes the sentence.
        assert!(joined("He is taken care of in the political\n\nsection.\n"));
    }

    #[test]
    fn closed_ends() {
        // A comma alone licenses no capital: OCR reads full stops as commas.
        assert!(!joined(
            "He rages at the staff,\n\nLikes good living and fine wine.\n"
        ));
        assert!(!joined("He went home.\n\nmiddle managers agree.\n"));
        // After specks, a capital may be a new sentence.
        assert!(!joined(
            "He looks at the |\n\nThe next day he left for Paris.\n"
        ));
        // A sentence may end on a name: `The` opens the next.
        assert!(!joined(
            "He met the President\n\nThe next day he left for Paris.\n"
        ));
        // A name or title line goes on from nothing.
        assert!(!joined(
            "It is true and correct. Executed in\n\nRobert M. McNamara, Jr., Esq.\n"
        ));
        // A list item starts anew.
        assert!(!joined(
            "The documents released were these:\n\n* approximately 80% of the pages\n"
        ));
        assert!(!joined(
            "It outweighs the public interest; or\n\n(4) the public disclosure of it.\n"
        ));
        // A running head in capitals over a page's text.
        assert!(!joined(
            "FINAL REPORT OF THE\n\nthe review board found that the records were open.\n"
        ));
        // Specks before a new sentence.
        assert!(!joined(
            "He says the matter was made available to you,\n\na 6. If the hypothetical case arises.\n"
        ));
        // A column's cut-off fragments.
        assert!(!joined("In regard to item three\n\nwe would not recei\n"));
        assert!(!joined(
            "Comnittee for Cultural\n\nrelations and the others\n"
        ));
        // A narrow column of clean print still goes on.
        assert!(joined("the assassination of\n\nPresident Kennedy were\n"));
    }
}
