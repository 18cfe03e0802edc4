//! `linting 120/1000 files` on standard error, redrawn in place while a
//! long run goes on, only when standard error is a terminal.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// Below this many files a run is quick enough to need no progress.
const MIN_FILES: usize = 50;

/// A progress line, counting files as they finish.
pub struct Progress {
    done: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    pub fn start(total: usize, enabled: bool) -> Progress {
        let done = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let show = enabled && total >= MIN_FILES && std::io::stderr().is_terminal();
        let thread = show.then(|| {
            let (done, stop) = (done.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    eprint!("\rlinting {}/{total} files", done.load(Ordering::Relaxed));
                    let _ = std::io::stderr().flush();
                    std::thread::sleep(Duration::from_millis(100));
                }
                eprint!("\r\x1b[2K");
            })
        });
        Progress { done, stop, thread }
    }

    /// One more file finished.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Clears the line.
    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
