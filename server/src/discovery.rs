//! File discovery, for the lint command and the server's workspace index:
//! which files a run reads: files named on the command line (any
//! extension), folders walked as git does (respecting `.gitignore`) for the
//! files that match `include`, standard input for `-`; then the part of
//! them that `--shard i/n` selects.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// A problem finding files; the run reports it and goes on.
#[derive(Debug)]
pub struct Problem {
    /// What happened, naming the path.
    pub message: String,
}

/// The files to lint, in a fixed order, and the problems met on the way.
/// `include_for` gives the include patterns that apply under a folder.
pub fn collect(
    paths: &[PathBuf],
    include_for: &dyn Fn(&Path) -> Vec<String>,
) -> (Vec<Input>, Vec<Problem>) {
    let mut files: BTreeSet<PathBuf> = BTreeSet::new();
    let mut stdin = false;
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            stdin = true;
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => problems.push(Problem {
                message: format!("cannot read {}: {e}", path.display()),
            }),
            Ok(meta) if meta.is_dir() => {
                let include = include_for(path);
                let found = walk(path, &include, &mut problems);
                if found.is_empty() {
                    problems.push(Problem { message: format!(
                            "no transcripts in {} (looked for {}; set `include` in transcript.toml, or name the files)",
                            path.display(),
                            include.join(", ")
                        ),
                    });
                }
                files.extend(found);
            }
            Ok(_) => {
                files.insert(path.clone());
            }
        }
    }
    let mut inputs: Vec<Input> = files.into_iter().map(Input::File).collect();
    if stdin {
        inputs.push(Input::Stdin);
    }
    (inputs, problems)
}

fn walk(root: &Path, include: &[String], problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut overrides = OverrideBuilder::new(root);
    for glob in include {
        if let Err(e) = overrides.add(glob) {
            problems.push(Problem {
                message: format!("bad include pattern `{glob}`: {e}"),
            });
        }
    }
    let overrides = match overrides.build() {
        Ok(o) => o,
        Err(e) => {
            problems.push(Problem {
                message: format!("bad include patterns: {e}"),
            });
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let walker = WalkBuilder::new(root)
        .overrides(overrides)
        .require_git(false)
        .sort_by_file_path(Path::cmp)
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => out.push(e.into_path()),
            Ok(_) => {}
            Err(e) => problems.push(Problem {
                message: format!("while walking {}: {e}", root.display()),
            }),
        }
    }
    out
}

/// Whether a folder walk from `root` with the patterns `include` takes
/// `path` in, by the patterns alone (`.gitignore` is not read): how the
/// server's own watcher tells a transcript from any other file.
pub fn included(root: &Path, include: &[String], path: &Path) -> bool {
    let mut overrides = OverrideBuilder::new(root);
    for glob in include {
        // A bad pattern is reported by the walk; here it takes nothing in.
        let _ = overrides.add(glob);
    }
    overrides
        .build()
        .is_ok_and(|o| o.matched(path, false).is_whitelist())
}

/// `--shard i/n`: the `i`th of `n` parts (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

/// Parses `i/n` with 1 ≤ i ≤ n.
pub fn parse_shard(s: &str) -> Result<Shard, String> {
    let (i, n) = s.split_once('/').ok_or("expected i/n, such as 2/8")?;
    let index: u64 = i
        .trim()
        .parse()
        .map_err(|_| format!("`{i}` is not a number"))?;
    let count: u64 = n
        .trim()
        .parse()
        .map_err(|_| format!("`{n}` is not a number"))?;
    if count == 0 || index == 0 || index > count {
        return Err(format!(
            "shard {index}/{count} does not exist: use 1/{count} to {count}/{count}",
            count = count.max(1)
        ));
    }
    Ok(Shard { index, count })
}

impl Shard {
    /// Whether this shard lints `input`: decided by a hash of the path as
    /// given, so it is stable across runs and machines and each file falls
    /// in exactly one shard. Standard input belongs to the first.
    pub fn takes(&self, input: &Input) -> bool {
        let bucket = match input {
            Input::Stdin => 0,
            Input::File(path) => {
                crate::word_hash::key(&path.to_string_lossy().replace('\\', "/")) % self.count
            }
        };
        bucket == self.index - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_included_by_the_patterns_at_any_depth() {
        let root = Path::new("/w");
        let include = vec!["*.transcript".to_string(), "*.txt".to_string()];
        assert!(included(root, &include, Path::new("/w/a/b/c.txt")));
        assert!(included(root, &include, Path::new("/w/x.transcript")));
        assert!(!included(root, &include, Path::new("/w/a/notes.md")));
    }

    #[test]
    fn shards_partition_the_files() {
        let inputs: Vec<Input> = (0..200)
            .map(|i| Input::File(PathBuf::from(format!("archive/doc{i}.memcon"))))
            .collect();
        let shards: Vec<Shard> = (1..=3)
            .map(|i| parse_shard(&format!("{i}/3")).unwrap())
            .collect();
        for input in &inputs {
            assert_eq!(shards.iter().filter(|s| s.takes(input)).count(), 1);
        }
        assert!(
            shards
                .iter()
                .all(|s| inputs.iter().filter(|i| s.takes(i)).count() > 30)
        );
    }

    #[test]
    fn bad_shards_are_refused() {
        assert!(parse_shard("0/3").is_err());
        assert!(parse_shard("4/3").is_err());
        assert!(parse_shard("2").is_err());
    }
}
