//! Giving freed memory back to the system. The server frees a document's
//! sections, findings and diagnostics on several threads (the protocol's,
//! tokio's blocking pool, rayon's), and glibc keeps what each thread freed
//! in that thread's arena: without a trim, a server that has opened and
//! closed large documents holds their memory for good, and each new
//! document is allocated beside it. Fewer arenas than glibc's default
//! (eight per core) keep what one thread freed at hand for the next.

/// Returns the free memory of every arena to the system (glibc); elsewhere
/// nothing.
pub fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages; it takes the arenas'
    // locks itself.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Limits glibc's arenas to one per core (the default is eight per core):
/// the server's threads then share memory freed by one another. Called
/// before any thread starts. Opening and closing a 10 MB document eight
/// times: peak 133 MB and 52 MB left after the last close, against 171 MB
/// and 82 MB with the default.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        // SAFETY: mallopt only sets a tunable; no thread allocates yet.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, cores.min(64) as libc::c_int);
        }
    }
}
