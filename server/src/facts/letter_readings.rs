//! The readings of tokens that OCR writes with digits for letters or
//! letters for digits: the words a digit's letter reading may be (a short
//! list known without the document), a token's runs of letters and digits,
//! its reading as a number (`l5` → `15`, `l3th` → `13th`), and the
//! spellings it could have had (`0ctober` → `October`). O010 judges with
//! them which readings are misreadings.

use std::ops::Range;

/// Words known without the document (besides the months, which
/// `model::dates::MONTHS` lists), in the case they are written: a
/// capitalised word is known capitalised or in capitals, a lower-case one
/// in any case.
pub const KNOWN: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "NOFORN",
    "ORCON",
    "secret",
    "confidential",
    "unclassified",
    "sensitive",
    "president",
    "secretary",
];

/// The two-letter words common enough to trust as a reading. Any other
/// pair (`IC`, `la`, `ii`) is as likely a code, a speck or a fragment.
pub const SHORT_WORDS: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
    "of", "on", "or", "so", "to", "up", "us", "we",
];

/// Whether `form` is a word of a list in its case: as written, in any
/// case when the list has it in lower case, in capitals when the list has
/// it capitalised (`IRAN` for `Iran`, but not `iran`).
pub fn written(form: &str, mut has: impl FnMut(&str) -> bool) -> bool {
    let lower = form.to_lowercase();
    if has(form) || has(&lower) {
        return true;
    }
    if !is_capitals(form) {
        return false;
    }
    let mut chars = lower.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    has(&capitalised)
}

/// Whether every letter of `w` is a capital (and it has one).
pub fn is_capitals(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// The maximal runs of letters and digits in a word, with their offsets:
/// `l5-nation` is `l5` and `nation`.
pub fn tokens(w: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, c) in w.char_indices().chain([(w.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                out.push((s, &w[s..k]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The number a token reads as with `l`, `I`, `O`, `o` for digits, and an
/// ordinal ending that fits it: `l0` → `10`, `l3th` → `13th`. None for a
/// token with no digit or no look-alike letter, or a reading that starts
/// with `0` (a code: `O97`).
pub fn number_reading(t: &str) -> Option<String> {
    let (digits, ending) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|e| t.strip_suffix(e).map(|d| (d, *e)))
        .unwrap_or((t, ""));
    let b = digits.as_bytes();
    if b.is_empty()
        || !b.iter().any(u8::is_ascii_digit)
        || b.iter().all(u8::is_ascii_digit)
        || !b
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'l' | b'I' | b'O' | b'o'))
    {
        return None;
    }
    let number: String = digits
        .chars()
        .map(|c| match c {
            'l' | 'I' => '1',
            'O' | 'o' => '0',
            c => c,
        })
        .collect();
    if number.starts_with('0') || (!ending.is_empty() && ending != ordinal_ending(&number)) {
        return None;
    }
    Some(number + ending)
}

/// `st`, `nd`, `rd` or `th`, as the number asks.
pub fn ordinal_ending(number: &str) -> &'static str {
    let n: u32 = number[number.len().saturating_sub(2)..]
        .parse()
        .unwrap_or(0);
    match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    }
}

/// `S00`, `S000`: `S` and two or more zeros, a round number.
pub fn is_round_s(t: &str) -> bool {
    t.strip_prefix('S')
        .is_some_and(|z| z.len() >= 2 && z.bytes().all(|b| b == b'0'))
}

/// Digits with an ending that counts or dates them, not letters: `1st`,
/// `22d`, `8am`, `5pm`, `10s`.
pub fn is_count(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let ending = &t[digits..];
    digits > 0
        && (matches!(ending, "st" | "nd" | "rd" | "th" | "d" | "am" | "pm")
            || (digits >= 2 && ending == "s"))
}

/// Words with more `1`s than this are not spelled out: each `1` doubles
/// the spellings (`I` or `l`), and no word OCR misread has so many.
const MAX_ONES: usize = 6;

/// The spellings a token could have had: each `0`, `1`, `5` as the letter
/// it resembles, and at the start `8` as `S`, `6` as `b`, `4` as `i` (in a
/// two-letter token), in the case of its neighbours. A first letter is
/// tried in lower case first when `lower_first` and the token's letters
/// are lower case (`it 1s`, not `It Is`). None for any other digit, or
/// more than [`MAX_ONES`] `1`s.
pub fn letter_forms(t: &str, lower_first: bool) -> Option<Vec<String>> {
    if t.bytes().filter(|&b| b == b'1').count() > MAX_ONES {
        return None;
    }
    let upper = is_capitals(t);
    let lower = !upper && lower_first;
    let mut forms = vec![String::new()];
    for (i, c) in t.chars().enumerate() {
        let same = [c];
        let options: &[char] = match (c, i, upper) {
            ('0', _, true) => &['O'],
            ('0', 0, false) if lower => &['o', 'O'],
            ('0', 0, false) => &['O', 'o'],
            ('0', _, false) => &['o'],
            ('1', _, true) => &['I', 'l'],
            ('1', 0, false) if lower => &['l', 'i', 'I'],
            ('1', 0, false) => &['I', 'l'],
            ('1', _, false) => &['l', 'i'],
            ('5' | '8', 0, false) if lower => &['s', 'S'],
            ('5' | '8', 0, _) | ('5', _, true) => &['S'],
            ('5', _, false) => &['s'],
            ('6', 0, true) => &['B'],
            ('6', 0, false) => &['b'],
            ('4', 0, true) if t.len() == 2 => &['I'],
            ('4', 0, false) if t.len() == 2 => &['i'],
            (c, _, _) if c.is_ascii_alphabetic() => &same,
            _ => return None,
        };
        forms = forms
            .iter()
            .flat_map(|f| options.iter().map(move |o| format!("{f}{o}")))
            .collect();
    }
    Some(forms)
}

/// The letter a digit in an initialism stands for.
pub fn initial_letter(d: u8) -> Option<u8> {
    match d {
        b'0' => Some(b'O'),
        b'1' => Some(b'I'),
        b'5' | b'8' => Some(b'S'),
        _ => None,
    }
}

/// The runs of two or more single letters or digits joined by periods in
/// a word (`U.S.5.R`, `C.0.`), each with its final period if any. A run
/// glued to a longer token (`U.S.Army`) is none.
pub fn dotted_chains(w: &str) -> Vec<Range<usize>> {
    let b = w.as_bytes();
    let alnum = |k: usize| b.get(k).is_some_and(u8::is_ascii_alphanumeric);
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        if !alnum(k) || (k > 0 && (alnum(k - 1) || b[k - 1] == b'.')) {
            k += 1;
            continue;
        }
        let start = k;
        let mut elements = 0;
        let mut glued = false;
        while alnum(k) {
            if alnum(k + 1) {
                glued = elements > 0;
                break;
            }
            elements += 1;
            k += 1;
            if b.get(k) == Some(&b'.') {
                k += 1;
            } else {
                break;
            }
        }
        if elements >= 2 && !glued {
            out.push(start..k);
        }
        k = k.max(start + 1);
    }
    out
}
