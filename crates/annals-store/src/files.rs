//! Stored pictures (`docs/media.md`): each file, addressed by the SHA-256 of its bytes, with
//! its smaller copies, who kept it and when. Files are kept in the database itself (a `files`
//! and a `renditions` table in both backends), so that every annals node in front of one
//! PostgreSQL server serves the same pictures, and a backup or `annals migrate` carries them.
//! A file is written once and never changed; its copies are written before it, so a file a
//! reader finds is whole.

use annals_core::media::Picture;

/// A stored picture as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// The picture, its copies with it.
    pub picture: Picture,
    /// When it was kept (milliseconds since 1970).
    pub at: i64,
    /// Who kept it.
    pub author: String,
}

/// What is known of a stored picture without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// Its media type.
    pub mime: String,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// Its size in bytes.
    pub size: u64,
    /// The width and height of each of its copies, narrowest first.
    pub renditions: Vec<(u32, u32)>,
    /// When it was kept (milliseconds since 1970).
    pub at: i64,
    /// Who kept it.
    pub author: String,
}

/// The bytes of a stored picture or of one of its copies, with their media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileBytes {
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub mime: String,
    /// The file.
    pub bytes: Vec<u8>,
}

/// A pixel count as stored (an SQL integer).
pub(crate) fn px(n: u32) -> i64 {
    i64::from(n)
}

/// A stored pixel count (0 for a value no picture has).
pub(crate) fn from_px(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// The stored pictures that some record names (`media:` and the hash): an event, a profile
/// or a story, as they are now or in any state of their histories (so that putting an old
/// revision back never finds its pictures gone). Read with [`crate::EventStore::dump_records`]:
/// every record once, no picture's bytes.
pub fn in_use(
    store: &dyn crate::EventStore,
) -> Result<std::collections::BTreeSet<String>, crate::StoreError> {
    use crate::copy::Row;
    let mut named = std::collections::BTreeSet::new();
    store.dump_records(&mut |row| {
        let json = match &row {
            Row::Event { json, .. } | Row::Profile { json, .. } | Row::Story { json, .. } => {
                Some(json)
            }
            Row::History { json, .. }
            | Row::ProfileHistory { json, .. }
            | Row::StoryHistory { json, .. } => json.as_ref(),
            _ => None,
        };
        if let Some(json) = json {
            named.extend(named_in(json));
        }
        Ok(())
    })?;
    Ok(named)
}

/// The hashes a text names as `media:` and 64 lowercase hexadecimal digits.
pub fn named_in(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("media:").filter_map(move |(at, tag)| {
        let hash = text.get(at + tag.len()..at + tag.len() + 64)?;
        annals_core::media::is_hash(hash).then(|| hash.to_string())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn named_hashes() {
        let a = "ab".repeat(32);
        let b = "0f".repeat(32);
        let text = format!(
            r#"{{"media":[{{"url":"media:{a}"}},{{"url":"media:{b}"}},{{"url":"media:{}"}}],"x":"media:"}}"#,
            &a[..10]
        );
        assert_eq!(super::named_in(&text).collect::<Vec<_>>(), [a, b]);
        assert_eq!(super::named_in("media:").count(), 0);
        assert_eq!(
            super::named_in(&format!("media:{}", "AB".repeat(32))).count(),
            0
        );
    }
}
