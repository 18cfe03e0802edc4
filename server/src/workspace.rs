//! An index over many documents: every treaty mention, every speaker's
//! turns, every document. Updated one document at a time from its
//! analysis, without re-reading the others. (Name variants, T002, are
//! judged within each document.)

use std::collections::BTreeMap;
use std::ops::Range;

use crate::analysis::Analysis;
use crate::config::Config;

/// What the index keeps of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentEntry {
    /// `(treaty id, range)` for each mention.
    pub treaty_mentions: Vec<(String, Range<usize>)>,
    /// The short name of each treaty mentioned, by id, under the
    /// document's configuration (which may define treaties of its own).
    pub treaty_names: BTreeMap<String, String>,
    /// `(speaker key, speaker display, label range)` for each turn.
    pub turns: Vec<(String, String, Range<usize>)>,
}

/// A place in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location<'a> {
    pub document: &'a str,
    pub range: Range<usize>,
}

/// The workspace index. Documents are named by any string the caller
/// chooses (a path or a URI).
#[derive(Debug, Clone, Default)]
pub struct WorkspaceIndex {
    documents: BTreeMap<String, DocumentEntry>,
}

impl WorkspaceIndex {
    pub fn new() -> WorkspaceIndex {
        WorkspaceIndex::default()
    }

    /// Replaces what the index knows of `document` with `analysis`, made
    /// under `config`.
    pub fn update(&mut self, document: &str, analysis: &Analysis, config: &Config) {
        self.remove(document);
        let gazetteer = config.gazetteer();
        let model = &analysis.model;
        let entry = DocumentEntry {
            treaty_mentions: model
                .treaty_mentions
                .iter()
                .map(|m| (gazetteer.get(m.treaty).id.clone(), m.range.clone()))
                .collect(),
            treaty_names: model
                .treaty_mentions
                .iter()
                .map(|m| {
                    let treaty = gazetteer.get(m.treaty);
                    (treaty.id.clone(), treaty.short_name().to_string())
                })
                .collect(),
            turns: model
                .turns
                .iter()
                .map(|t| {
                    let s = &model.speakers[t.speaker];
                    (s.key.clone(), s.display.clone(), t.label.clone())
                })
                .collect(),
        };
        self.documents.insert(document.to_string(), entry);
    }

    /// Forgets `document`.
    pub fn remove(&mut self, document: &str) {
        self.documents.remove(document);
    }

    /// Every indexed document, in name order.
    pub fn documents(&self) -> impl Iterator<Item = &str> {
        self.documents.keys().map(String::as_str)
    }

    pub fn entry(&self, document: &str) -> Option<&DocumentEntry> {
        self.documents.get(document)
    }

    /// Every mention of the treaty with this id, across the workspace.
    pub fn mentions_of(&self, treaty_id: &str) -> Vec<Location<'_>> {
        self.documents
            .iter()
            .flat_map(|(doc, e)| {
                e.treaty_mentions
                    .iter()
                    .filter(move |(id, _)| id == treaty_id)
                    .map(move |(_, r)| Location {
                        document: doc,
                        range: r.clone(),
                    })
            })
            .collect()
    }

    /// Every turn of the speaker with this key, across the workspace.
    pub fn turns_of(&self, speaker_key: &str) -> Vec<Location<'_>> {
        self.documents
            .iter()
            .flat_map(|(doc, e)| {
                e.turns
                    .iter()
                    .filter(move |(key, _, _)| key == speaker_key)
                    .map(move |(_, _, r)| Location {
                        document: doc,
                        range: r.clone(),
                    })
            })
            .collect()
    }

    /// Every speaker in the workspace, once, as `(key, display, first
    /// label)`.
    pub fn speakers(&self) -> Vec<(&str, &str, Location<'_>)> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (doc, e) in &self.documents {
            for (key, display, range) in &e.turns {
                if seen.insert(key.as_str()) {
                    out.push((
                        key.as_str(),
                        display.as_str(),
                        Location {
                            document: doc,
                            range: range.clone(),
                        },
                    ));
                }
            }
        }
        out
    }

    /// Every treaty mentioned in the workspace, once: its id, its short
    /// name and its first mention.
    pub fn treaties(&self) -> Vec<(&str, &str, Location<'_>)> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (doc, e) in &self.documents {
            for (id, range) in &e.treaty_mentions {
                if seen.insert(id.as_str()) {
                    out.push((
                        id.as_str(),
                        e.treaty_names.get(id).map_or(id.as_str(), String::as_str),
                        Location {
                            document: doc,
                            range: range.clone(),
                        },
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_text;

    fn index(docs: &[(&str, &str)]) -> (WorkspaceIndex, Config) {
        let config = Config::default();
        let mut index = WorkspaceIndex::new();
        for (name, text) in docs {
            index.update(name, &analyze_text(text, &config), &config);
        }
        (index, config)
    }

    #[test]
    fn mentions_of_one_treaty_are_found_in_every_document_under_every_form() {
        let (index, _) = index(&[
            (
                "a.txt",
                "DATE: April 6, 2008\n\nThe President: On CFE, we agree.\n",
            ),
            (
                "b.txt",
                "QUESTION: And the Treaty on Conventional Forces in Europe?\n",
            ),
            ("c.txt", "QUESTION: And the INF Treaty?\n"),
        ]);
        let docs: Vec<&str> = index
            .mentions_of("cfe-treaty")
            .iter()
            .map(|l| l.document)
            .collect();
        assert_eq!(docs, vec!["a.txt", "b.txt"]);
    }

    #[test]
    fn turns_of_a_speaker_span_documents_and_label_styles() {
        let (index, _) = index(&[
            ("a.txt", "SECRETARY RICE: Thank you.\n"),
            ("b.md", "**Secretary Rice:** Thank you.\n\nQUESTION: Why?\n"),
        ]);
        assert_eq!(index.turns_of("SECRETARY RICE").len(), 2);
        assert_eq!(index.turns_of("role:QUESTION").len(), 1);
    }

    #[test]
    fn updating_a_document_replaces_only_its_entries() {
        let (mut index, config) = index(&[
            ("a.txt", "QUESTION: The INF Treaty?\n"),
            ("b.txt", "QUESTION: INF?\n"),
        ]);
        assert_eq!(index.mentions_of("inf-treaty").len(), 2);
        index.update(
            "a.txt",
            &analyze_text("QUESTION: Nothing.\n", &config),
            &config,
        );
        assert_eq!(index.mentions_of("inf-treaty").len(), 1);
        index.remove("b.txt");
        assert!(index.mentions_of("inf-treaty").is_empty());
        assert_eq!(index.documents().collect::<Vec<_>>(), vec!["a.txt"]);
    }
}
