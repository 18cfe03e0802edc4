//! Where a document is cut into sections that are parsed and analysed
//! apart: before a speaker's label that follows an empty line, once the
//! section before it has grown to [`SECTION_BYTES`].
//!
//! A turn never spans a cut, nor does a paragraph, a page break inside a
//! turn, or a header; what the rules need of the whole document travels in
//! [`super::Facts`]. A candidate cut is kept only if the section after it
//! parses as starting with a speaker turn.

/// How long a section grows before it may be cut: long enough that a
/// document has few sections, short enough that re-analysing one after an
/// edit is quick.
pub const SECTION_BYTES: usize = 4 * 1024;

/// The offsets at which `text` may be cut, each at least `min` bytes after
/// the one before (and after 0): the start of a line that looks like a
/// speaker label, after an empty line.
pub fn candidates(text: &str, min: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut last = 0;
    let mut i = min.max(1).saturating_sub(2);
    loop {
        i = i.min(bytes.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        let Some(n) = text[i..].find('\n') else {
            break;
        };
        let nl = i + n;
        i = nl + 1;
        // An empty line follows: `\n\n` or `\n\r\n`.
        let after = match bytes.get(nl + 1) {
            Some(b'\n') => nl + 2,
            Some(b'\r') if bytes.get(nl + 2) == Some(&b'\n') => nl + 3,
            _ => continue,
        };
        if after - last < min || after >= bytes.len() {
            continue;
        }
        if looks_like_label(&text[after..]) {
            out.push(after);
            last = after;
            i = (after + min).saturating_sub(2).max(after);
        }
    }
    out
}

/// A line that starts at the margin with a short name and a colon:
/// `THE PRESIDENT:`, `**Secretary Rice:**`, `Q:`. The parse decides.
fn looks_like_label(rest: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("");
    let first = line.chars().next();
    if !first.is_some_and(|c| c.is_alphabetic() || c == '*' || c == '(') {
        return false;
    }
    line.bytes()
        .take(80)
        .position(|b| b == b':')
        .is_some_and(|n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_come_before_labels_after_an_empty_line() {
        let text = "SUBJECT: x\n\nTHE PRESIDENT: Hello.\nMR. X: no cut here\n\nQ: Why?\r\n\r\n**Rice:** Yes.\n";
        let cuts = candidates(text, 1);
        let at: Vec<&str> = cuts.iter().map(|&c| &text[c..c + 2]).collect();
        assert_eq!(at, ["TH", "Q:", "**"]);
    }

    #[test]
    fn cuts_keep_their_distance() {
        let text = "A: one\n\nB: two\n\nC: three\n\nD: four\n";
        assert_eq!(candidates(text, 9), vec![16, 26]);
    }
}
