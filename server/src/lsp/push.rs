//! Which documents' diagnostics are pushed, and when: every document's to a
//! client that does not pull; to one that pulls, those of the documents it
//! has not pulled a while after opening them (Neovim pulls only for the
//! buffers it shows), taken back with an empty list once it pulls them.
//! On a large document, a push waits for a pause in typing (two seconds
//! at most).

use std::sync::Mutex;
use std::time::Duration;

use tower_lsp_server::lsp_types::{PublishDiagnosticsParams, Uri, notification};

use super::{Backend, State, lock, publish};

/// How long a client that pulls diagnostics has to pull a newly opened
/// document's before they are pushed to it instead (Neovim pulls only for
/// the buffers it shows).
const UNPULLED_GRACE: Duration = Duration::from_secs(1);

/// Documents this large publish their diagnostics only after a pause in
/// typing of [`QUIET`], so that the client handles one list per burst, or
/// when the last list is [`STALE`].
const LARGE: usize = 512 * 1024;
const QUIET: Duration = Duration::from_millis(300);
const STALE: Duration = Duration::from_secs(2);

impl Backend {
    /// The client pulled the document's diagnostics: from now on they are
    /// not pushed, and what was pushed before is taken back, so that the
    /// client does not show them twice.
    pub(super) fn pulled(&self, uri: &Uri) {
        let mut s = self.lock();
        let Some(doc) = s.documents.get_mut(uri) else {
            return;
        };
        doc.pulled = true;
        if std::mem::take(&mut doc.pushed) {
            doc.published = publish::Published::default();
            self.outbox.notify(
                <notification::PublishDiagnostics as notification::Notification>::METHOD,
                &PublishDiagnosticsParams::new(uri.clone(), Vec::new(), None),
            );
        }
    }
}

/// Whether the diagnostics of `revision` of the document are to be pushed,
/// once it is time: to a client that pulls, only for a document it has not
/// pulled a while after opening it; on a large document, once typing
/// pauses (false if it went on: the newer text's analysis follows).
pub async fn ready(state: &Mutex<State>, uri: &Uri, revision: u64, len: usize) -> bool {
    loop {
        let wait = {
            let s = lock(state);
            let Some(doc) = s.documents.get(uri) else {
                return false;
            };
            if doc.revision != revision || (s.pull && doc.pulled) {
                return false;
            }
            let mut wait = Duration::ZERO;
            if s.pull {
                wait = UNPULLED_GRACE.saturating_sub(doc.opened.elapsed());
            }
            // Typing on for long still shows where it stands, every
            // STALE at most.
            let stale = doc.pushed_at.is_none_or(|at| at.elapsed() >= STALE);
            if len >= LARGE && !stale {
                wait = wait.max(QUIET.saturating_sub(doc.changed.elapsed()));
            }
            wait
        };
        if wait.is_zero() {
            return true;
        }
        tokio::time::sleep(wait).await;
    }
}
