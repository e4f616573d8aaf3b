//! How documents are stored: compact native JSON, zstd-compressed (schema version 2 on; rows
//! written before stay text and read the same), with a dictionary trained on the store's own
//! documents once it has one (schema version 11).
//!
//! An event's JSON (about a kilobyte) is too short for zstd to find much repetition in it
//! alone; a dictionary holds what documents share (keys, frequent words and names) and
//! compresses each to about two thirds of its size alone (docs/benchmarks.md). The first
//! transaction that writes [`TRAIN_ON`] documents into a store without a dictionary trains one
//! on them and stores it in `dictionaries`; those documents stay as they were compressed, and
//! every later one names the dictionary in its frame. A frame is read with the dictionary it
//! names, loaded from the store the first time a process meets it.

use crate::StoreError;
use annals_core::Event;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use crate::write::decode;

/// zstd level of stored documents: fast, and about half the size of the JSON.
const LEVEL: i32 = 1;

/// The largest document a stored frame may claim to hold.
const MAX_DOC: u64 = 256 << 20;

/// How many documents of a transaction a dictionary is trained on.
pub(super) const TRAIN_ON: usize = 2_000;

/// The size of a trained dictionary.
const DICTIONARY_BYTES: usize = 16 << 10;

/// Dictionaries met by this process, by zstd's id (which their frames name).
static KNOWN: LazyLock<RwLock<HashMap<u32, Arc<[u8]>>>> = LazyLock::new(Default::default);

/// Compresses documents with one zstd context (making one per document costs more than
/// compressing it), with the store's dictionary when it has one, training it when it has none.
#[derive(Default)]
pub(super) struct Compressor {
    /// The context, with the dictionary if there is one: set at the first document.
    context: Option<zstd::bulk::Compressor<'static>>,
    /// Whether the context has a dictionary.
    has_dictionary: bool,
    /// The documents gathered to train a dictionary on, while the store has none.
    samples: Vec<Vec<u8>>,
}

fn failed(e: std::io::Error) -> StoreError {
    StoreError::Corrupt {
        id: String::new(),
        message: format!("compression failed: {e}"),
    }
}

impl Compressor {
    /// The stored form of a document, written through `conn` (whose `dictionaries` this reads
    /// and may add to).
    pub(super) fn compress(&mut self, conn: &Connection, doc: &str) -> Result<Vec<u8>, StoreError> {
        self.context(conn)?;
        if !self.has_dictionary && self.samples.len() < TRAIN_ON {
            self.samples.push(doc.as_bytes().to_vec());
            if self.samples.len() == TRAIN_ON {
                self.train(conn)?;
            }
        }
        self.context(conn)?.compress(doc.as_bytes()).map_err(failed)
    }

    /// The context, made at the first document: with the store's dictionary if it has one.
    fn context(
        &mut self,
        conn: &Connection,
    ) -> Result<&mut zstd::bulk::Compressor<'static>, StoreError> {
        let context = match self.context.take() {
            Some(c) => c,
            None => {
                let stored: Option<Vec<u8>> = conn
                    .query_row(
                        "SELECT dict FROM dictionaries ORDER BY id LIMIT 1",
                        [],
                        |r| r.get(0),
                    )
                    .optional()?;
                self.has_dictionary = stored.is_some();
                match stored {
                    Some(dict) => zstd::bulk::Compressor::with_dictionary(LEVEL, &dict),
                    None => zstd::bulk::Compressor::new(LEVEL),
                }
                .map_err(failed)?
            }
        };
        Ok(self.context.insert(context))
    }

    /// Trains a dictionary on the samples, stores it and compresses with it from now on. A
    /// training that fails (documents too alike or too few) leaves the documents compressed
    /// alone, as before.
    fn train(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let samples = std::mem::take(&mut self.samples);
        let Ok(dict) = zstd::dict::from_samples(&samples, DICTIONARY_BYTES) else {
            return Ok(());
        };
        let Some(id) = zstd::zstd_safe::get_dict_id_from_dict(&dict) else {
            return Ok(());
        };
        let inserted = conn.execute(
            "INSERT OR IGNORE INTO dictionaries (id, dict) VALUES (?1, ?2)",
            rusqlite::params![id.get(), dict],
        )?;
        if inserted == 1 {
            self.context =
                Some(zstd::bulk::Compressor::with_dictionary(LEVEL, &dict).map_err(failed)?);
            self.has_dictionary = true;
        }
        Ok(())
    }
}

/// The dictionary `id`, from this process's or else from the store.
fn dictionary(conn: &Connection, id: u32) -> std::io::Result<Arc<[u8]>> {
    if let Some(d) = KNOWN.read().ok().and_then(|k| k.get(&id).cloned()) {
        return Ok(d);
    }
    let dict: Option<Vec<u8>> = conn
        .query_row("SELECT dict FROM dictionaries WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(std::io::Error::other)?;
    let dict: Arc<[u8]> = dict
        .ok_or_else(|| std::io::Error::other(format!("its dictionary {id} is not in the store")))?
        .into();
    if let Ok(mut known) = KNOWN.write() {
        known.insert(id, dict.clone());
    }
    Ok(dict)
}

/// Decompress a stored document, with one zstd context per thread and dictionary (making one
/// per document cost more than decompressing it: a full scan ran at a third of its speed).
fn decompress(conn: &Connection, frame: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::cell::RefCell;
    thread_local! {
        static CONTEXTS: RefCell<HashMap<u32, zstd::bulk::Decompressor<'static>>> =
            RefCell::new(HashMap::new());
    }
    let size = match zstd::zstd_safe::get_frame_content_size(frame) {
        Ok(Some(size)) if size <= MAX_DOC => size as usize,
        // Frames written by annals record their size; read any other the slow way.
        _ => return zstd::stream::decode_all(frame),
    };
    let id = zstd::zstd_safe::get_dict_id_from_frame(frame).map_or(0, |id| id.get());
    CONTEXTS.with(|contexts| {
        let mut contexts = contexts.borrow_mut();
        let context = match contexts.entry(id) {
            std::collections::hash_map::Entry::Occupied(c) => c.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(match id {
                0 => zstd::bulk::Decompressor::new()?,
                id => zstd::bulk::Decompressor::with_dictionary(&dictionary(conn, id)?)?,
            }),
        };
        context.decompress(frame, size)
    })
}

/// A stored document as JSON text: a zstd BLOB decompressed, or text as written before
/// schema version 2. `conn` is the store it was read from (for the dictionary it may name).
pub(super) fn doc_text(conn: &Connection, id: &str, v: ValueRef<'_>) -> Result<String, StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        id: id.to_string(),
        message,
    };
    match v {
        ValueRef::Text(t) => String::from_utf8(t.to_vec())
            .map_err(|_| corrupt("the stored document is not UTF-8".into())),
        ValueRef::Blob(b) => {
            let bytes = decompress(conn, b)
                .map_err(|e| corrupt(format!("the stored document does not decompress: {e}")))?;
            String::from_utf8(bytes).map_err(|_| corrupt("the stored document is not UTF-8".into()))
        }
        _ => Err(corrupt("the stored document is missing".into())),
    }
}

/// A stored document as an owned value, copied as stored (into the history, say).
pub(super) fn raw(v: ValueRef<'_>) -> Value {
    v.into()
}

/// A stored document, decoded.
pub(super) fn read(conn: &Connection, id: &str, v: ValueRef<'_>) -> Result<Event, StoreError> {
    decode(id, &doc_text(conn, id, v)?)
}

/// Forget the dictionaries this process has met (a test's new process).
#[cfg(test)]
pub(super) fn forget_dictionaries() {
    if let Ok(mut known) = KNOWN.write() {
        known.clear();
    }
}

/// The dictionary a stored frame names, if any.
#[cfg(test)]
pub(super) fn dictionary_of(frame: &[u8]) -> Option<u32> {
    zstd::zstd_safe::get_dict_id_from_frame(frame).map(|id| id.get())
}
