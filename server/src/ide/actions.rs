//! Code-action planning: each finding's fixes as quick fixes (a safe,
//! single fix preferred), "suppress on this line", and "fix all safe".

use std::ops::Range;
use std::path::PathBuf;

use crate::analysis::fix_text;
use crate::config::Config;
use crate::finding::Finding;
use crate::fix::{Applicability, Edit};

/// What kind of action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// A fix or a suppression for one finding.
    QuickFix,
    /// Every safe fix in the document at once.
    FixAll,
}

/// An action, with the finding it answers (for a quick fix) and its edits.
#[derive(Debug, Clone)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    pub finding: Option<Finding>,
    pub edits: Vec<Edit>,
    /// Edits to another file: the project's `transcript.toml`.
    pub other_file: Option<FileEdit>,
    /// The one fix to apply without asking (`Some(false)`: a fix, not that
    /// one; `None`: no opinion).
    pub preferred: Option<bool>,
}

/// Edits to a file other than the document, which may not exist yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEdit {
    pub path: PathBuf,
    /// The file does not exist: create it, then apply the edits.
    pub create: bool,
    /// Edits to the file's text (to the empty text when it is created).
    pub edits: Vec<Edit>,
}

/// Where the project's words are kept: the `transcript.toml` that applies
/// to the document (with its text), or where one would be made.
#[derive(Debug, Clone)]
pub struct WordsFile {
    pub path: PathBuf,
    /// The file's text, when it exists.
    pub text: Option<String>,
}

/// The rules whose findings name a word the project may use on purpose.
pub const WORD_RULES: &[&str] = &["O011", "T002"];

/// "Add `word` to the project's words": the edit that puts `word` in
/// `[words] accept` of `file`, making the table (or the file) when there is
/// none.
pub fn accept_word(file: &WordsFile, word: &str) -> FileEdit {
    let quoted = format!("{word:?}");
    let Some(text) = &file.text else {
        return FileEdit {
            path: file.path.clone(),
            create: true,
            edits: vec![Edit::insert(0, format!("[words]\naccept = [{quoted}]\n"))],
        };
    };
    let edit = match words_table(text) {
        Some(table) => match find_accept(text, table.clone()) {
            // `accept = [` ... : the word goes first in the list.
            Some(open) => {
                let empty = text[open..].trim_start().starts_with(']');
                Edit::insert(open, if empty { quoted } else { format!("{quoted}, ") })
            }
            None => Edit::insert(table.start, format!("accept = [{quoted}]\n")),
        },
        None => {
            let sep = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            Edit::insert(text.len(), format!("{sep}[words]\naccept = [{quoted}]\n"))
        }
    };
    FileEdit {
        path: file.path.clone(),
        create: false,
        edits: vec![edit],
    }
}

/// The body of the `[words]` table: from after its header line to the next
/// table header or the end.
fn words_table(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        let head = line.trim();
        if let Some(s) = start {
            if head.starts_with('[') {
                return Some(s..offset);
            }
        } else if head == "[words]" {
            start = Some(offset + line.len());
        }
        offset += line.len();
    }
    start.map(|s| s..text.len())
}

/// Just after the `[` of `accept = [` inside `table`.
fn find_accept(text: &str, table: Range<usize>) -> Option<usize> {
    let mut offset = table.start;
    for line in text[table].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("accept") {
            let rest_start = offset + (line.len() - trimmed.len()) + "accept".len();
            let after_eq = rest.trim_start().strip_prefix('=')?;
            let bracket = after_eq.find('[')?;
            let eq_at = rest.len() - rest.trim_start().len();
            return Some(rest_start + eq_at + 1 + bracket + 1);
        }
        offset += line.len();
    }
    None
}

/// What the client asks for.
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    pub quick_fixes: bool,
    pub fix_all: bool,
}

/// The actions for the findings in `touching` (those at the cursor or
/// selection), and "fix all" when wanted. `line_of` gives the byte range of
/// the line holding an offset, without its break.
///
/// With `words`, a finding that names a word (O011, T002) also offers to
/// add the word to the project's words in `transcript.toml`.
pub fn plan(
    text: &str,
    config: &Config,
    touching: &[Finding],
    line_of: impl Fn(usize) -> Range<usize>,
    wanted: Wanted,
    words: Option<&WordsFile>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if wanted.quick_fixes {
        for f in touching {
            let word = &text[f.range.clone()];
            if let Some(file) = words
                && WORD_RULES.contains(&f.code)
                && !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            {
                actions.push(Action {
                    title: format!("Add `{word}` to the project's words (transcript.toml)"),
                    kind: ActionKind::QuickFix,
                    finding: Some(f.clone()),
                    edits: Vec::new(),
                    other_file: Some(accept_word(file, word)),
                    preferred: None,
                });
            }
            for fix in &f.fixes {
                actions.push(Action {
                    title: fix.title.clone(),
                    kind: ActionKind::QuickFix,
                    finding: Some(f.clone()),
                    edits: fix.edits.clone(),
                    other_file: None,
                    preferred: Some(fix.applicability == Applicability::Safe && f.fixes.len() == 1),
                });
            }
            // Suppress, with the reason left for the user to write: until
            // they do, X001 points at the comment.
            let line_end = line_of(f.range.start).end;
            let comment = format!(" <!-- transcript: ignore {} -- -->", f.code);
            actions.push(Action {
                title: format!(
                    "Suppress {} on this line (write the reason after `--`)",
                    f.code
                ),
                kind: ActionKind::QuickFix,
                finding: Some(f.clone()),
                edits: vec![Edit::insert(line_end, comment)],
                other_file: None,
                preferred: None,
            });
        }
    }
    if wanted.fix_all {
        let fixed = fix_text(text, config, Applicability::Safe);
        if fixed.applied > 0 {
            actions.push(Action {
                title: format!("Fix all safe problems ({})", fixed.applied),
                kind: ActionKind::FixAll,
                finding: None,
                edits: vec![Edit::replace(0..text.len(), fixed.text)],
                other_file: None,
                preferred: None,
            });
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Fix, apply_fixes};

    fn added(text: Option<&str>, word: &str) -> String {
        let file = WordsFile {
            path: PathBuf::from("transcript.toml"),
            text: text.map(str::to_string),
        };
        let edit = accept_word(&file, word);
        assert_eq!(edit.create, text.is_none());
        let fix = Fix::safe("add", edit.edits);
        apply_fixes(text.unwrap_or(""), [&fix], Applicability::Safe).text
    }

    #[test]
    fn a_word_goes_into_the_words_table_wherever_it_stands() {
        assert_eq!(
            added(None, "Sukhodrev"),
            "[words]\naccept = [\"Sukhodrev\"]\n"
        );
        assert_eq!(
            added(Some("classified = true\n"), "Sukhodrev"),
            "classified = true\n\n[words]\naccept = [\"Sukhodrev\"]\n"
        );
        assert_eq!(
            added(
                Some("[words]\naccept = [\"Lavrov\"]\n\n[rules]\nO009 = \"off\"\n"),
                "Sukhodrev"
            ),
            "[words]\naccept = [\"Sukhodrev\", \"Lavrov\"]\n\n[rules]\nO009 = \"off\"\n"
        );
        assert_eq!(
            added(Some("[words]\naccept = []\n"), "Sukhodrev"),
            "[words]\naccept = [\"Sukhodrev\"]\n"
        );
        assert_eq!(
            added(Some("[words]\n[rules]\n"), "Sukhodrev"),
            "[words]\naccept = [\"Sukhodrev\"]\n[rules]\n"
        );
        // What was written parses, and the configuration accepts the word.
        let config = crate::config::Config::parse(&added(
            Some("[words]\naccept = [\"Lavrov\"]\n"),
            "Sukhodrev",
        ))
        .unwrap();
        assert!(config.accepts_word("Sukhodrev") && config.accepts_word("Lavrov"));
    }
}
