//! Data derived from a segment's live documents, made on first use and kept while the segment
//! lives: the timeline's [`crate::timeline::DayOrder`] and the map's [`crate::geo::Located`].

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
        // Segments merged away are dropped with the next new one.
        if cache.len() > 64 {
            cache.clear();
        }
        cache.insert(id, made.clone());
        Ok(made)
    }
}
