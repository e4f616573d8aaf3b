//! Data derived from a segment's live documents, made on first use and kept while the segment
//! lives: the timeline's [`crate::timeline::DayOrder`] and the map's [`crate::located::Located`].

use crate::Result;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tantivy::SegmentReader;

/// A segment and how many of its documents are deleted: one set of live documents (a
/// segment's deletions only grow, so with their count the key names one set).
type LiveDocs = (tantivy::index::SegmentId, u32);

/// A `T` per set of live documents of a segment.
#[derive(Debug)]
pub struct SegmentCache<T>(Mutex<HashMap<LiveDocs, Arc<T>>>);

impl<T> Default for SegmentCache<T> {
    fn default() -> Self {
        SegmentCache(Mutex::new(HashMap::new()))
    }
}

impl<T> SegmentCache<T> {
    /// How many sets of live documents it keeps a `T` for.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> usize {
        self.0.lock().map_or(0, |c| c.len())
    }

    /// Forget what belongs to sets of live documents that `searcher` does not read (segments
    /// merged away, or grown deletions): the cache holds one generation of the index, two
    /// while an older searcher finishes, whatever the writes.
    pub fn keep_only(&self, searcher: &tantivy::Searcher) {
        let live: Vec<LiveDocs> = searcher
            .segment_readers()
            .iter()
            .map(|r| (r.segment_id(), r.num_deleted_docs()))
            .collect();
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if cache.keys().any(|k| !live.contains(k)) {
            cache.retain(|k, _| live.contains(k));
        }
    }

    /// The `T` of `reader`'s live documents, made with `make` when not kept yet.
    pub fn get(
        &self,
        reader: &SegmentReader,
        make: impl FnOnce(&SegmentReader) -> Result<T>,
    ) -> Result<Arc<T>> {
        let id = (reader.segment_id(), reader.num_deleted_docs());
        if let Some(d) = self.0.lock().unwrap_or_else(|p| p.into_inner()).get(&id) {
            return Ok(d.clone());
        }
        let made = Arc::new(make(reader)?);
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        // A segment's deletions only grow: the sets with fewer are stale once a later one is
        // asked for (a searcher still reading an older set makes its own again). Without this,
        // every write that deletes from a large segment left another copy behind.
        cache.retain(|(segment, deleted), _| *segment != id.0 || *deleted > id.1);
        // Segments merged away are dropped with the next new one.
        if cache.len() > 64 {
            cache.clear();
        }
        cache.insert(id, made.clone());
        Ok(made)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STRING};
    use tantivy::{doc, Index, Term};

    /// One copy per segment: a new set of live documents replaces the older one.
    #[test]
    fn a_segment_keeps_one_set_of_live_documents() {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for n in 0..10 {
            writer.add_document(doc!(id => n.to_string())).unwrap();
        }
        writer.commit().unwrap();
        let cache: SegmentCache<u32> = SegmentCache::default();
        let reader = index.reader().unwrap();
        for n in 0..3 {
            writer.delete_term(Term::from_field_text(id, &n.to_string()));
            writer.commit().unwrap();
            reader.reload().unwrap();
            let searcher = reader.searcher();
            let segment = &searcher.segment_readers()[0];
            let alive = cache.get(segment, |r| Ok(r.num_docs())).unwrap();
            assert_eq!(*alive, 9 - n);
            assert_eq!(
                cache.0.lock().unwrap().len(),
                1,
                "after {} deletions",
                n + 1
            );
        }
        // A segment merged away is forgotten once a searcher no longer reads it.
        writer.add_document(doc!(id => "new")).unwrap();
        writer.commit().unwrap();
        reader.reload().unwrap();
        let searcher = reader.searcher();
        for segment in searcher.segment_readers() {
            cache.get(segment, |r| Ok(r.num_docs())).unwrap();
        }
        assert_eq!(cache.0.lock().unwrap().len(), 2);
        let ids = index.searchable_segment_ids().unwrap();
        writer.merge(&ids).wait().unwrap();
        reader.reload().unwrap();
        cache.keep_only(&reader.searcher());
        assert_eq!(
            cache.0.lock().unwrap().len(),
            0,
            "both segments were merged away"
        );
    }
}
