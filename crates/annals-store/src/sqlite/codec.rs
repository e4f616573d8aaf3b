//! How documents are stored: compact native JSON, zstd-compressed (schema version 2 on; rows
//! written before stay text and read the same).

use crate::StoreError;
use annals_core::Event;
use rusqlite::types::{Value, ValueRef};

use crate::write::decode;

/// zstd level of stored documents: fast, and about half the size of the JSON.
const LEVEL: i32 = 1;

/// The largest document a stored frame may claim to hold.
const MAX_DOC: u64 = 256 << 20;

/// Compresses documents with one zstd context (making one per document costs more than
/// compressing it).
#[derive(Default)]
pub(super) struct Compressor(Option<zstd::bulk::Compressor<'static>>);

impl Compressor {
    /// The stored form of a document.
    pub(super) fn compress(&mut self, doc: &str) -> Result<Vec<u8>, StoreError> {
        let failed = |e: std::io::Error| StoreError::Corrupt {
            id: String::new(),
            message: format!("compression failed: {e}"),
        };
        let c = match &mut self.0 {
            Some(c) => c,
            None => self
                .0
                .insert(zstd::bulk::Compressor::new(LEVEL).map_err(failed)?),
        };
        c.compress(doc.as_bytes()).map_err(failed)
    }
}

/// Decompress a stored document, with one zstd context per thread (making one per document
/// cost more than decompressing it: a full scan ran at a third of its speed).
fn decompress(frame: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::cell::RefCell;
    thread_local! {
        static CONTEXT: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
            const { RefCell::new(None) };
    }
    let size = match zstd::zstd_safe::get_frame_content_size(frame) {
        Ok(Some(size)) if size <= MAX_DOC => size as usize,
        // Frames written by annals record their size; read any other the slow way.
        _ => return zstd::stream::decode_all(frame),
    };
    CONTEXT.with(|context| {
        let mut context = context.borrow_mut();
        let context = match context.as_mut() {
            Some(c) => c,
            None => context.insert(zstd::bulk::Decompressor::new()?),
        };
        context.decompress(frame, size)
    })
}

/// A stored document as JSON text: a zstd BLOB decompressed, or text as written before
/// schema version 2.
pub(super) fn doc_text(id: &str, v: ValueRef<'_>) -> Result<String, StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        id: id.to_string(),
        message,
    };
    match v {
        ValueRef::Text(t) => String::from_utf8(t.to_vec())
            .map_err(|_| corrupt("the stored document is not UTF-8".into())),
        ValueRef::Blob(b) => {
            let bytes = decompress(b)
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
pub(super) fn read(id: &str, v: ValueRef<'_>) -> Result<Event, StoreError> {
    decode(id, &doc_text(id, v)?)
}
