//! `transcript.toml`: per-project configuration, found by walking up from a
//! document's folder.
//!
//! ```toml
//! # Documents without banners or marks are still treated as classified.
//! classified = false
//!
//! # Which files `transcript-ls lint FOLDER` reads (files named on the
//! # command line are always read).
//! include = ["*.transcript", "*.memcon", "*.txt"]
//!
//! [rules]
//! O009 = "off"                 # by code ...
//! unknown-speaker = "error"    # ... or by name; "off", "hint", "info", "warning", "error"
//!
//! [speakers]
//! "The Secretary" = "George Shultz"   # a label → a participant (or a name of its own)
//!
//! [editions]
//! "scan/*.txt" = "web/*.md"    # each scan/NAME.txt is an edition of web/NAME.md, and back
//!
//! [[treaties]]
//! id = "geneva-framework-1994"
//! name = "Agreed Framework between the United States and North Korea"
//! aliases = ["Agreed Framework"]
//! signed = "1994-10-21"
//! parties = ["United States", "North Korea"]
//! summary = "Froze North Korea's plutonium programme in exchange for light-water reactors."
//! ```
//!
//! Anything the file does not know, a misspelt key or an unknown rule, is an
//! error that names the file and the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::finding::Severity;
use crate::rule_names;
use crate::treaties::{Gazetteer, Treaty};

/// The name of the configuration file.
pub const FILE_NAME: &str = "transcript.toml";

/// A problem with a configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// What a rule is set to in `[rules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    On(Severity),
}

/// The file patterns a folder is searched for when none are configured.
pub const DEFAULT_INCLUDE: &[&str] = &["*.transcript", "*.memcon"];

/// The configuration an analysis runs with.
#[derive(Debug, Clone)]
pub struct Config {
    /// Treat documents with no banner or mark as classified anyway.
    pub classified: bool,
    /// Glob patterns of the files a folder walk lints.
    pub include: Vec<String>,
    rules: BTreeMap<&'static str, RuleSetting>,
    speakers: Vec<(String, String)>,
    treaties: Vec<Treaty>,
    gazetteer: Arc<Gazetteer>,
    /// Words from `[words] accept`, which O011 takes as spelled right.
    words: Arc<std::collections::HashSet<String>>,
    /// `[editions]`: pairs of path patterns (relative to this file's
    /// folder, at most one `*` each) whose files are editions of each other.
    editions: Vec<(String, String)>,
    /// The file this came from, if any.
    pub source: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            classified: false,
            include: DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
            rules: BTreeMap::new(),
            speakers: Vec::new(),
            treaties: Vec::new(),
            gazetteer: Gazetteer::builtin(),
            words: Arc::default(),
            editions: Vec::new(),
            source: None,
        }
    }
}

/// The `[words]` table.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Words {
    /// Words to take as spelled right: names, terms of art.
    #[serde(default)]
    accept: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    classified: bool,
    #[serde(default)]
    include: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    speakers: BTreeMap<String, String>,
    #[serde(default)]
    treaties: Vec<Spanned<Treaty>>,
    #[serde(default)]
    words: Words,
    #[serde(default)]
    editions: BTreeMap<String, Spanned<String>>,
}

impl Config {
    /// Reads the configuration at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config = Config::parse(&text).map_err(|(line, message)| ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            message,
        })?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// The configuration that applies to a document at `document`: the
    /// nearest `transcript.toml` in its folder or above, or the defaults.
    pub fn for_document(document: &Path) -> Result<Config, ConfigError> {
        match find(document) {
            Some(path) => Config::load(&path),
            None => Ok(Config::default()),
        }
    }

    /// Parses the text of a configuration file; an error carries its
    /// 1-based line.
    pub fn parse(text: &str) -> Result<Config, (usize, String)> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(s.start));
            (line, e.message().to_string())
        })?;
        let mut rules = BTreeMap::new();
        for (key, value) in &file.rules {
            let line = line_of(value.span().start);
            let code = rule_names::code_of(key).ok_or_else(|| {
                (
                    line,
                    format!("unknown rule `{key}` (`transcript-ls rules` lists them)"),
                )
            })?;
            let setting = match value.get_ref().as_str() {
                "off" => RuleSetting::Off,
                "hint" => RuleSetting::On(Severity::Hint),
                "info" => RuleSetting::On(Severity::Info),
                "warning" => RuleSetting::On(Severity::Warning),
                "error" => RuleSetting::On(Severity::Error),
                other => {
                    return Err((
                        line,
                        format!(
                            "`{key}` cannot be `{other}`: use \"off\", \"hint\", \"info\", \"warning\" or \"error\""
                        ),
                    ));
                }
            };
            rules.insert(code, setting);
        }
        let mut treaties = Vec::new();
        for t in file.treaties {
            let line = line_of(t.span().start);
            let t = t.into_inner();
            if t.id.trim().is_empty() || t.name.trim().is_empty() {
                return Err((line, "a treaty needs an `id` and a `name`".to_string()));
            }
            if t.signed.as_deref().is_some_and(|s| {
                Treaty {
                    signed: Some(s.to_string()),
                    ..t.clone()
                }
                .signed_date()
                .is_none()
            }) {
                return Err((
                    line,
                    format!("treaty `{}`: `signed` must be a date like 1994-10-21", t.id),
                ));
            }
            treaties.push(t);
        }
        let gazetteer = if treaties.is_empty() {
            Gazetteer::builtin()
        } else {
            Arc::new(Gazetteer::with_extra(&treaties))
        };
        let include = match file.include {
            Some(list) => {
                let line = line_of(list.span().start);
                let list = list.into_inner();
                if let Some(bad) = list.iter().find(|g| g.trim().is_empty()) {
                    return Err((line, format!("`include` has an empty pattern {bad:?}")));
                }
                list
            }
            None => DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
        };
        let mut editions = Vec::new();
        for (this, other) in file.editions {
            let line = line_of(other.span().start);
            let other = other.into_inner();
            let stars = |p: &str| p.matches('*').count();
            if stars(&this) > 1
                || stars(&other) != stars(&this)
                || this.trim().is_empty()
                || other.trim().is_empty()
            {
                return Err((
                    line,
                    format!(
                        "`[editions]` pairs two paths with one `*` each, or none: \"scan/*.txt\" = \"web/*.md\" (not {this:?} = {other:?})"
                    ),
                ));
            }
            editions.push((this, other));
        }
        Ok(Config {
            classified: file.classified,
            include,
            rules,
            speakers: file.speakers.into_iter().collect(),
            treaties,
            gazetteer,
            words: Arc::new(file.words.accept.into_iter().collect()),
            editions,
            source: None,
        })
    }

    /// Whether the rule `code` runs, and at what severity (`default`, the
    /// rule's own, unless set).
    pub fn setting(&self, code: &str, default: Severity) -> RuleSetting {
        self.rules
            .get(code)
            .copied()
            .unwrap_or(RuleSetting::On(default))
    }

    /// Turns a rule off or sets its severity (used by the command line's
    /// `--select`/`--ignore` and by tests).
    pub fn set(&mut self, code: &'static str, setting: RuleSetting) {
        self.rules.insert(code, setting);
    }

    /// `(label, name)` pairs from `[speakers]`.
    pub fn speaker_aliases(&self) -> &[(String, String)] {
        &self.speakers
    }

    /// The user's own treaties from `[[treaties]]`.
    pub fn extra_treaties(&self) -> &[Treaty] {
        &self.treaties
    }

    /// Whether `[words] accept` lists `word`, as written.
    pub fn accepts_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The built-in treaties plus the user's.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The other edition of the document at `document` by `[editions]`
    /// (either side of a pair matches), if this configuration comes from
    /// a file whose folder holds the document.
    pub fn edition_of(&self, document: &Path) -> Option<PathBuf> {
        let base = self.source.as_ref()?.parent()?;
        let relative = document.strip_prefix(base).ok()?;
        let relative = relative.to_string_lossy().replace('\\', "/");
        self.editions.iter().find_map(|(this, other)| {
            let pair = match capture(this, &relative) {
                Some(name) => Some(fill(other, name)),
                None => capture(other, &relative).map(|name| fill(this, name)),
            };
            pair.map(|p| base.join(p))
        })
    }
}

/// What the `*` of `pattern` stands for in `path`, if `path` matches it
/// (the `*` takes any characters, `/` too; no `*`: the path itself).
fn capture<'p>(pattern: &str, path: &'p str) -> Option<&'p str> {
    match pattern.split_once('*') {
        None => (pattern == path).then_some(""),
        Some((before, after)) => path
            .strip_prefix(before)?
            .strip_suffix(after)
            .filter(|name| !name.is_empty()),
    }
}

/// `pattern` with its `*` replaced by `name`.
fn fill(pattern: &str, name: &str) -> String {
    pattern.replacen('*', name, 1)
}

/// The nearest `transcript.toml` at or above the folder of `document`.
pub fn find(document: &Path) -> Option<PathBuf> {
    let start = if document.is_dir() {
        Some(document)
    } else {
        document.parent()
    };
    start?
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_pair_files_by_pattern_both_ways() {
        let mut config = Config::parse("[editions]\n\"scan/*.txt\" = \"web/*.md\"\n").unwrap();
        config.source = Some(PathBuf::from("/archive/transcript.toml"));
        assert_eq!(
            config.edition_of(Path::new("/archive/scan/2007-10-12.txt")),
            Some(PathBuf::from("/archive/web/2007-10-12.md"))
        );
        assert_eq!(
            config.edition_of(Path::new("/archive/web/2007-10-12.md")),
            Some(PathBuf::from("/archive/scan/2007-10-12.txt"))
        );
        assert_eq!(config.edition_of(Path::new("/archive/other/a.txt")), None);
        assert_eq!(config.edition_of(Path::new("/elsewhere/scan/a.txt")), None);
        let err = Config::parse("[editions]\n\"scan/*.txt\" = \"web.md\"\n").unwrap_err();
        assert_eq!(err.0, 2);
        assert!(err.1.contains("one `*` each"), "{}", err.1);
    }

    #[test]
    fn rules_are_set_by_code_or_name() {
        let c = Config::parse("[rules]\nO009 = \"off\"\nunknown-speaker = \"error\"\n").unwrap();
        assert_eq!(c.setting("O009", Severity::Hint), RuleSetting::Off);
        assert_eq!(
            c.setting("S001", Severity::Hint),
            RuleSetting::On(Severity::Error)
        );
        assert_eq!(
            c.setting("O001", Severity::Warning),
            RuleSetting::On(Severity::Warning)
        );
    }

    #[test]
    fn an_unknown_rule_is_an_error_naming_its_line() {
        let err = Config::parse("classified = true\n\n[rules]\nO999 = \"off\"\n").unwrap_err();
        assert_eq!(err.0, 4);
        assert!(err.1.contains("unknown rule `O999`"), "{}", err.1);
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_its_line() {
        let err = Config::parse("classified = true\nclasified = false\n").unwrap_err();
        assert_eq!(err.0, 2);
        assert!(err.1.contains("clasified"), "{}", err.1);
    }

    #[test]
    fn a_bad_severity_names_the_choices() {
        let err = Config::parse("[rules]\nO001 = \"loud\"\n").unwrap_err();
        assert_eq!(err.0, 2);
        assert!(err.1.contains("\"off\""), "{}", err.1);
    }

    #[test]
    fn user_treaties_join_the_gazetteer() {
        let c = Config::parse(
            "[[treaties]]\nid = \"agreed-framework\"\nname = \"Agreed Framework\"\naliases = [\"Agreed Framework\"]\nsigned = \"1994-10-21\"\n",
        )
        .unwrap();
        let g = c.gazetteer();
        assert!(g.by_key("agreed-framework").is_some());
        assert!(g.by_key("cfe-treaty").is_some());
        let mentions = g.matcher().find("under the Agreed Framework we", None);
        assert_eq!(g.get(mentions[0].treaty).id, "agreed-framework");
    }

    #[test]
    fn a_treaty_with_a_bad_date_is_an_error() {
        let err = Config::parse("[[treaties]]\nid = \"x\"\nname = \"X\"\nsigned = \"soon\"\n")
            .unwrap_err();
        assert!(err.1.contains("`signed`"), "{}", err.1);
    }
}
