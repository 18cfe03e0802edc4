//! The configuration of each document in a run: the nearest
//! transcript.toml (read once per file), or `--config`, with `--select`
//! and `--ignore` laid over it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Result;
use transcript_ls::config::{self, Config, RuleSetting};
use transcript_ls::rules::{REGISTRY, Rule};

/// A loaded configuration, or why it could not load.
type Loaded = Result<Arc<Config>, String>;

pub struct Configs {
    explicit: Option<Arc<Config>>,
    select: Vec<&'static Rule>,
    ignore: Vec<&'static Rule>,
    /// By configuration file (None: the defaults).
    cache: Mutex<HashMap<Option<PathBuf>, Loaded>>,
}

impl Configs {
    pub fn new(
        explicit: Option<&Path>,
        select: Vec<&'static Rule>,
        ignore: Vec<&'static Rule>,
    ) -> Result<Configs> {
        let mut configs = Configs {
            explicit: None,
            select,
            ignore,
            cache: Mutex::new(HashMap::new()),
        };
        if let Some(path) = explicit {
            let config = Config::load(path)?;
            configs.explicit = Some(Arc::new(configs.overlay(config)));
        }
        Ok(configs)
    }

    /// The configuration for a document at `path`, or the error that keeps
    /// it from loading (naming the file and line).
    pub fn for_document(&self, path: &Path) -> Loaded {
        if let Some(c) = &self.explicit {
            return Ok(c.clone());
        }
        let found = config::find(path);
        let mut cache = self.cache.lock().expect("no panic while holding the lock");
        cache
            .entry(found.clone())
            .or_insert_with(|| {
                let loaded = match &found {
                    Some(p) => Config::load(p).map_err(|e| e.to_string()),
                    None => Ok(Config::default()),
                };
                loaded.map(|c| Arc::new(self.overlay(c)))
            })
            .clone()
    }

    /// The include patterns under a folder.
    pub fn include_for(&self, dir: &Path) -> Vec<String> {
        match self.for_document(&dir.join("-")) {
            Ok(c) => c.include.clone(),
            Err(_) => config::DEFAULT_INCLUDE
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }

    fn overlay(&self, mut config: Config) -> Config {
        if !self.select.is_empty() {
            for rule in REGISTRY {
                if !self.select.iter().any(|r| r.code == rule.code) {
                    config.set(rule.code, RuleSetting::Off);
                } else if config.setting(rule.code, rule.severity) == RuleSetting::Off {
                    config.set(rule.code, RuleSetting::On(rule.severity));
                }
            }
        }
        for rule in &self.ignore {
            config.set(rule.code, RuleSetting::Off);
        }
        config
    }
}
