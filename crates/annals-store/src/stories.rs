//! Stories in the store: the rules every backend shares. A story is kept as its compact native
//! JSON with the generation that last wrote it (its ETag), and every state a commit left in
//! its history (`None`: deleted), as events and profiles are. The backends hold only their
//! SQL (`sqlite/stories.rs`, `postgres/stories.rs`).

use crate::write::Rows;
use crate::{Commit, StoreError};
use annals_core::story::Story;

/// A story as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredStory {
    /// The story.
    pub story: Story,
    /// The generation that last wrote it.
    pub generation: u64,
}

/// One state of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRevision {
    /// The commit that wrote it.
    pub commit: Commit,
    /// The story as that commit left it; `None`: deleted.
    pub story: Option<Story>,
}

/// The events a story's stops show, one per stop (`None` for a stop without an event, or
/// whose event is no longer stored).
pub fn stop_events(
    store: &dyn crate::EventStore,
    story: &Story,
) -> Result<Vec<Option<annals_core::Event>>, StoreError> {
    story
        .stops
        .iter()
        .map(|stop| match &stop.event {
            Some(id) => store.get(id),
            None => Ok(None),
        })
        .collect()
}

/// A story from its stored JSON.
pub(crate) fn decode(id: &str, json: &str) -> Result<Story, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
        id: format!("story {id}"),
        message: e.to_string(),
    })
}

/// A stored row (`json`, `gen`) as a [`StoredStory`].
pub(crate) fn stored(
    id: &str,
    row: Option<(String, i64)>,
) -> Result<Option<StoredStory>, StoreError> {
    row.map(|(json, gen)| {
        Ok(StoredStory {
            story: decode(id, &json)?,
            generation: u64::try_from(gen).unwrap_or(0),
        })
    })
    .transpose()
}

/// Store `story` in generation `gen`: tidied and checked, every event it names stored; false
/// when it was stored exactly so already.
pub(crate) fn put<R: Rows>(rows: &R, gen: i64, story: &Story) -> Result<bool, StoreError> {
    let mut story = story.clone();
    story.tidy();
    story.check().map_err(StoreError::Invalid)?;
    for (i, stop) in story.stops.iter().enumerate() {
        if let Some(id) = &stop.event {
            if rows.stored(id)?.is_none() {
                return Err(StoreError::Invalid(format!(
                    "stops[{i}].event: there is no event {id:?}"
                )));
            }
        }
    }
    if let Some(before) = stored(&story.id, rows.story(&story.id)?)? {
        if before.story == story {
            return Ok(false);
        }
    }
    let json = serde_json::to_string(&story).map_err(|e| StoreError::Invalid(e.to_string()))?;
    rows.write_story(&story.id, Some(&json), gen)?;
    Ok(true)
}

/// Delete the story `id` in generation `gen` (its history stays); false when there was none.
pub(crate) fn delete<R: Rows>(rows: &R, gen: i64, id: &str) -> Result<bool, StoreError> {
    if rows.story(id)?.is_none() {
        return Ok(false);
    }
    rows.write_story(id, None, gen)?;
    Ok(true)
}
