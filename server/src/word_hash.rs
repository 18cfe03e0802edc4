//! Words (and paths, for `lint --shard`) keyed by a 64-bit hash: FNV-1a of
//! their bytes (quick on short words), maps that take the key as its own
//! hash, and a bounded per-thread memory of answers about words.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::thread::LocalKey;

/// The key of a word: FNV-1a of its bytes.
pub fn key(word: &str) -> u64 {
    key_bytes(KEY_START, word.as_bytes())
}

/// The key of no bytes, where [`key_bytes`] starts.
pub const KEY_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The key `hash` (of the bytes before) goes on to with `bytes`: a word's
/// key taken a piece at a time.
pub fn key_bytes(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Hashes a `u64` key as itself.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map by word key.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// A thread's memory of answers about words, forgotten all at once when it
/// holds `bound` of them.
pub struct Memory<V> {
    answers: KeyMap<V>,
    bound: usize,
}

impl<V> Memory<V> {
    pub fn new(bound: usize) -> Memory<V> {
        Memory {
            answers: KeyMap::default(),
            bound,
        }
    }
}

/// The answer about `word` that `memory` (a thread's) holds, or `compute`'s,
/// which it then keeps.
pub fn remembered<V: Clone + 'static>(
    memory: &'static LocalKey<RefCell<Memory<V>>>,
    word: &str,
    compute: impl FnOnce() -> V,
) -> V {
    let key = key(word);
    if let Some(known) = memory.with(|m| m.borrow().answers.get(&key).cloned()) {
        return known;
    }
    let answer = compute();
    memory.with(|m| {
        let mut m = m.borrow_mut();
        if m.answers.len() >= m.bound {
            m.answers.clear();
        }
        m.answers.insert(key, answer.clone());
    });
    answer
}
