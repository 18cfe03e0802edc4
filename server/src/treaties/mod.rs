//! The treaty gazetteer: treaties and agreements with their aliases, dates,
//! parties and summaries, and recognition of every written form in a text.
//!
//! The built-in list is `data/treaties.json` (41 entries from the project's
//! reference, plus `START` as an alias of New START, so a bare `START`
//! resolves by the document's date: START I before 2010, New START after).
//! Users add their own in `transcript.toml`.

mod recognize;

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

pub use crate::treaty_mention::{TreatyId, TreatyMention, Variant, VariantKind};
pub use recognize::Matcher;

/// One treaty or agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treaty {
    /// Stable identifier, such as `cfe-treaty`.
    pub id: String,
    /// The official title.
    pub name: String,
    /// Every other way documents write it; the first is the short canonical
    /// form used in messages and fixes (`CFE Treaty`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO date of signature (or adoption), if known.
    #[serde(default)]
    pub signed: Option<String>,
    #[serde(default)]
    pub in_force: Option<String>,
    #[serde(default)]
    pub parties: Vec<String>,
    #[serde(default)]
    pub summary: String,
}

impl Treaty {
    /// The short form a fix writes: the first alias, or the official name.
    pub fn short_name(&self) -> &str {
        self.aliases
            .first()
            .map(String::as_str)
            .unwrap_or(&self.name)
    }

    /// The signature date as `(year, month, day)`, for date-aware
    /// resolution.
    pub fn signed_date(&self) -> Option<(i32, u32, u32)> {
        let s = self.signed.as_deref()?;
        let mut parts = s.splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next().map_or(Some(1), |p| p.parse().ok())?;
        let d = parts.next().map_or(Some(1), |p| p.parse().ok())?;
        Some((y, m, d))
    }
}

/// The treaties known to an analysis, with the matcher built over them.
#[derive(Debug)]
pub struct Gazetteer {
    treaties: Vec<Treaty>,
    matcher: Matcher,
}

impl Gazetteer {
    /// The built-in gazetteer, parsed once per process.
    pub fn builtin() -> Arc<Gazetteer> {
        static BUILTIN: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Arc::new(Gazetteer::new(builtin_treaties())))
            .clone()
    }

    /// The built-in treaties plus `extra` (a user's own, from
    /// `transcript.toml`); an extra treaty with a built-in id replaces it.
    pub fn with_extra(extra: &[Treaty]) -> Gazetteer {
        let mut treaties = builtin_treaties();
        for t in extra {
            match treaties.iter_mut().find(|b| b.id == t.id) {
                Some(b) => *b = t.clone(),
                None => treaties.push(t.clone()),
            }
        }
        Gazetteer::new(treaties)
    }

    fn new(treaties: Vec<Treaty>) -> Gazetteer {
        let matcher = Matcher::new(&treaties);
        Gazetteer { treaties, matcher }
    }

    pub fn treaties(&self) -> &[Treaty] {
        &self.treaties
    }

    pub fn get(&self, id: TreatyId) -> &Treaty {
        &self.treaties[id]
    }

    /// The treaty with this stable id (`cfe-treaty`).
    pub fn by_key(&self, key: &str) -> Option<TreatyId> {
        self.treaties.iter().position(|t| t.id == key)
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }
}

fn builtin_treaties() -> Vec<Treaty> {
    serde_json::from_str(include_str!("../../data/treaties.json"))
        .expect("data/treaties.json is valid (tested)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_gazetteer_has_the_required_treaties_with_dates_and_summaries() {
        let g = Gazetteer::builtin();
        for id in [
            "inf-treaty",
            "start-i",
            "start-ii",
            "new-start",
            "sort",
            "moscow-declaration-2002",
            "cfe-treaty",
            "adapted-cfe",
            "abm-treaty",
            "npt",
            "ctbt",
            "salt-i-interim-agreement",
            "salt-ii",
            "open-skies",
            "cwc",
            "bwc",
            "outer-space-treaty",
            "ltbt",
            "us-russia-123-agreement",
        ] {
            let t = g.get(g.by_key(id).unwrap_or_else(|| panic!("{id} missing")));
            assert!(t.signed_date().is_some(), "{id} has no date");
            assert!(
                !t.summary.is_empty() && !t.parties.is_empty(),
                "{id} lacks summary or parties"
            );
        }
        assert_eq!(g.treaties().len(), 41);
    }
}
