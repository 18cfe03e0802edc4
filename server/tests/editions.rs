//! Comparing two editions of one press conference: the OCR'd transcript
//! and the web page. Snapshots of every difference, both ways, and the
//! properties any comparison must keep.

mod common;

use common::{position, read_fixture};
use transcript_ls::Config;
use transcript_ls::analysis::read_structure;
use transcript_ls::editions::{Comparison, Edition, compare};

const OCR: &str = "samples/press-conference-2007-ocr.txt";
const WEB: &str = "samples/press-conference-2007-web.md";

fn compare_texts(this: &str, other: &str) -> Comparison {
    let config = Config::default();
    let (a, b) = (
        read_structure(this, &config),
        read_structure(other, &config),
    );
    compare(
        Edition {
            text: this,
            model: &a,
        },
        Edition {
            text: other,
            model: &b,
        },
    )
}

/// One line per difference: where in this edition, its class, the two
/// readings, and where in the other.
fn render(this: &str, other: &str, comparison: &Comparison) -> String {
    let mut out = String::new();
    for d in &comparison.differences {
        let (line, col) = position(this, d.range.start);
        let (oline, ocol) = position(other, d.other_range.start);
        let shown = |s: &str| {
            let s = s.replace('\n', "¶");
            if s.chars().count() > 50 {
                format!("{}…", s.chars().take(50).collect::<String>())
            } else {
                s
            }
        };
        out.push_str(&format!(
            "{line}:{col} {:?}: `{}` / `{}` (other {oline}:{ocol})\n",
            d.class,
            shown(&d.this_reading),
            shown(&d.other_reading)
        ));
    }
    out.push_str(&format!(
        "words {:?}, in common {}, other's misreadings {}, unrelated {}\n",
        comparison.words, comparison.common, comparison.other_misreadings, comparison.unrelated
    ));
    out
}

#[test]
fn ocr_edition_against_the_web_edition() {
    let (ocr, web) = (read_fixture(OCR), read_fixture(WEB));
    insta::assert_snapshot!(render(&ocr, &web, &compare_texts(&ocr, &web)));
}

#[test]
fn web_edition_against_the_ocr_edition() {
    let (ocr, web) = (read_fixture(OCR), read_fixture(WEB));
    insta::assert_snapshot!(render(&web, &ocr, &compare_texts(&web, &ocr)));
}

#[test]
fn an_edition_compared_with_itself_differs_nowhere() {
    for path in [OCR, WEB, "samples/memcon-2008-sochi.txt"] {
        let text = read_fixture(path);
        let c = compare_texts(&text, &text);
        assert!(c.differences.is_empty(), "{path}: {:?}", c.differences);
        assert_eq!(c.common, c.words.0);
    }
}

#[test]
fn texts_with_little_in_common_are_said_to_be_unrelated_and_nothing_more() {
    let (ocr, memcon) = (
        read_fixture(OCR),
        read_fixture("samples/memcon-2008-sochi.txt"),
    );
    let c = compare_texts(&ocr, &memcon);
    assert!(c.unrelated);
    assert!(c.differences.is_empty());
}

/// The OCR edition restyled as a web page would be: labels in bold, lines
/// wrapped elsewhere, some words in emphasis or a link, curly apostrophes.
fn restyle(text: &str, wrap_every: usize, emphasis_every: usize) -> String {
    let config = Config::default();
    let model = read_structure(text, &config);
    let labels: Vec<std::ops::Range<usize>> = model.turns.iter().map(|t| t.label.clone()).collect();
    let mut out = String::new();
    let mut at = 0;
    let mut words = 0;
    for label in &labels {
        restyle_prose(
            &text[at..label.start],
            &mut out,
            &mut words,
            wrap_every,
            emphasis_every,
        );
        let written = &text[label.clone()];
        let trimmed = written.trim_end();
        out.push_str(&format!("**{trimmed}**{}", &written[trimmed.len()..]));
        at = label.end;
    }
    restyle_prose(
        &text[at..],
        &mut out,
        &mut words,
        wrap_every,
        emphasis_every,
    );
    out
}

fn restyle_prose(prose: &str, out: &mut String, words: &mut usize, wrap: usize, emphasis: usize) {
    let mut rest = prose;
    let mut after_plain = false;
    while let Some(space) = rest.find(' ') {
        let (word, after) = rest.split_at(space);
        *words += 1;
        // Markup only between words, so that no line is mostly markup
        // (which would read as OCR debris: `| [think](...)`).
        let line_rest = after.split('\n').next().unwrap_or("");
        let plain = after_plain
            && line_rest.len() > 30
            && !word.is_empty()
            && word.chars().all(|c| c.is_alphabetic());
        after_plain = !word.is_empty() && word.chars().all(|c| c.is_alphabetic());
        if plain && (*words).is_multiple_of(emphasis) {
            out.push_str(&format!("*{word}*"));
        } else if plain && (*words).is_multiple_of(emphasis + 1) {
            out.push_str(&format!("[{word}](https://example.org/)"));
        } else {
            out.push_str(&word.replace('\'', "\u{2019}"));
        }
        // A break at a space between two words of a line: the line after
        // starts with a word in lower case, never like a label, a number
        // or a margin mark.
        let next_word = after[1..].split(' ').next().unwrap_or("");
        // And no short last line, which could read as page furniture
        // (`is 2+2.` as a page number).
        let paragraph_rest = after.split("\n\n").next().unwrap_or("");
        let starts_a_line =
            next_word.starts_with(|c: char| c.is_lowercase()) && paragraph_rest.len() > 40;
        let last_line = word.rsplit('\n').next().unwrap_or("");
        if (*words).is_multiple_of(wrap)
            && last_line.chars().any(char::is_alphabetic)
            && starts_a_line
        {
            out.push('\n');
        } else {
            out.push(' ');
        }
        rest = &after[1..];
    }
    out.push_str(&rest.replace('\'', "\u{2019}"));
}

/// The web edition with `n` OCR confusions put in: `|` for the pronoun
/// `I`, `rn` for `m`, `cl` for `d`, every `stride` words from `offset`.
fn inject(text: &str, n: usize, stride: usize, offset: usize) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at_words = Vec::new();
    let mut seen = 0usize;
    let mut injected = 0;
    let body =
        text.find("**FOREIGN MINISTER LAVROV:**").unwrap() + "**FOREIGN MINISTER LAVROV:**".len();
    out.push_str(&text[..body]);
    for piece in text[body..].split_inclusive(' ') {
        let word = piece.trim_end_matches(' ');
        seen += 1;
        let eligible = injected < n
            && seen >= offset
            && (seen - offset).is_multiple_of(stride)
            && word.chars().all(|c| c.is_ascii_lowercase() || c == 'I')
            && word.len() <= 12;
        let misread = if !eligible {
            None
        } else if word == "I" {
            Some("|".to_string())
        } else if word.contains('m') {
            Some(word.replacen('m', "rn", 1))
        } else if word.contains('d') {
            Some(word.replacen('d', "cl", 1))
        } else {
            None
        };
        match misread {
            Some(m) => {
                at_words.push(out.len());
                injected += 1;
                out.push_str(&m);
                out.push_str(&piece[word.len()..]);
            }
            None => out.push_str(piece),
        }
    }
    (out, at_words)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    #[test]
    fn a_copy_restyled_differs_nowhere(wrap in 8usize..24, emphasis in 5usize..30) {
        let ocr = read_fixture(OCR);
        let restyled = restyle(&ocr, wrap, emphasis);
        let c = compare_texts(&ocr, &restyled);
        proptest::prop_assert!(c.differences.is_empty(), "{:?}", c.differences);
        let c = compare_texts(&restyled, &ocr);
        proptest::prop_assert!(c.differences.is_empty(), "{:?}", c.differences);
    }

    #[test]
    fn injected_confusions_are_found_each_as_a_misreading(n in 1usize..40, stride in 3usize..40, offset in 1usize..30) {
        let web = read_fixture(WEB);
        let (misread, at) = inject(&web, n, stride, offset);
        let c = compare_texts(&misread, &web);
        let found: Vec<usize> = c.differences.iter().map(|d| d.range.start).collect();
        proptest::prop_assert_eq!(&found, &at, "{:?}", c.differences);
        for d in &c.differences {
            proptest::prop_assert_eq!(d.class, transcript_ls::editions::Class::Misread, "{:?}", d);
        }
        // And the other way round, they are the other's misreadings.
        let c = compare_texts(&web, &misread);
        proptest::prop_assert!(c.differences.is_empty(), "{:?}", c.differences);
        proptest::prop_assert_eq!(c.other_misreadings, at.len());
    }
}
