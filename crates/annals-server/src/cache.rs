//! Rendered answers to repeated reads (the search page), kept for one store generation.
//!
//! A search page at a million events reads every match (facets, the density bar): tens of
//! milliseconds. People ask the same few searches again and again, so each answer is kept until
//! the store changes (as Solr keeps its query results per searcher): a write empties the cache,
//! and at most [`PageCache::CAPACITY`] answers are kept, the least recently used going first.

use std::collections::HashMap;
use std::sync::Arc;

/// Answers by key, all of one store generation.
#[derive(Debug, Default)]
pub struct PageCache {
    generation: u64,
    answers: HashMap<String, (Arc<str>, u64)>,
    tick: u64,
}

impl PageCache {
    /// The most answers kept (a search page is tens of kilobytes).
    pub const CAPACITY: usize = 256;

    /// The answer to `key` at `generation`, if kept.
    pub fn get(&mut self, generation: u64, key: &str) -> Option<Arc<str>> {
        if generation != self.generation {
            return None;
        }
        self.tick += 1;
        let tick = self.tick;
        self.answers.get_mut(key).map(|(a, used)| {
            *used = tick;
            a.clone()
        })
    }

    /// Keep `answer` to `key` at `generation` (forgetting every answer of an older one).
    pub fn put(&mut self, generation: u64, key: String, answer: Arc<str>) {
        if generation != self.generation {
            if generation < self.generation {
                return;
            }
            self.answers.clear();
            self.generation = generation;
        }
        if self.answers.len() >= Self::CAPACITY && !self.answers.contains_key(&key) {
            if let Some(oldest) = self
                .answers
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone())
            {
                self.answers.remove(&oldest);
            }
        }
        self.tick += 1;
        self.answers.insert(key, (answer, self.tick));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_last_one_generation() {
        let mut c = PageCache::default();
        c.put(3, "battle".into(), "hits".into());
        assert_eq!(c.get(3, "battle").as_deref(), Some("hits"));
        assert_eq!(c.get(4, "battle"), None);
        // An answer computed before a write does not replace the newer ones.
        c.put(4, "treaty".into(), "new".into());
        c.put(3, "battle".into(), "stale".into());
        assert_eq!(c.get(4, "battle"), None);
        assert_eq!(c.get(4, "treaty").as_deref(), Some("new"));
    }

    #[test]
    fn the_least_recently_used_goes_first() {
        let mut c = PageCache::default();
        for i in 0..PageCache::CAPACITY {
            c.put(1, format!("q{i}"), "a".into());
        }
        assert!(c.get(1, "q0").is_some());
        c.put(1, "new".into(), "a".into());
        assert!(c.get(1, "q0").is_some(), "used lately: kept");
        assert!(c.get(1, "q1").is_none(), "the least recently used: gone");
        assert_eq!(c.answers.len(), PageCache::CAPACITY);
    }
}
