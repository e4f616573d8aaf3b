//! Briefs read straight from a segment's store of documents, for answers that read thousands of
//! them (a points answer: 5,000).
//!
//! tantivy's store reader finds a document's block by walking its skip index (a few hundred
//! variable-length integers a document), decompresses the block into a new buffer and keeps it
//! in a cache shared by the threads. For briefs of documents spread over the whole store (an
//! even sample), each in a block of its own, that was half of what a brief cost. Here the
//! blocks' table is read once per segment into memory (12 bytes a block: a document's block is
//! one binary search), a block is decompressed into a buffer the reading thread keeps (and kept
//! there for the next document of the same block), and the document's text fields are read in
//! place up to the date, where a brief stops ([`crate::brief`]).
//!
//! This reads tantivy's formats (the store's footer and skip index, lz4 blocks, stored
//! documents), pinned by a test that reads every document of a store of many blocks both ways.
//! Anything else (another compressor or version, a value that is not text before the date)
//! makes [`Blocks::of`] or [`Blocks::brief`] answer `None`, and the caller reads the document
//! with tantivy's reader.

use crate::brief::StoredBrief;
use std::cell::RefCell;
use tantivy::directory::{FileSlice, OwnedBytes};
use tantivy::index::SegmentComponent;
use tantivy::{Directory, DocId, HasLen, Index, SegmentReader};

/// The store's footer: version (u32), offset of the skip index (u64), compressor (u8), 15
/// bytes reserved.
const FOOTER: usize = 28;
/// tantivy's id of lz4, the compressor annals stores documents with.
const LZ4: u8 = 1;
/// See [`Blocks::near`].
const STEP: DocId = 64;
/// The type code of a text value in a stored document.
const TEXT: u8 = 0;

/// One segment's blocks of stored documents: where each starts.
#[derive(Debug)]
pub struct Blocks {
    /// The compressed blocks, one after the other.
    data: OwnedBytes,
    /// The first document of each block.
    first: Vec<DocId>,
    /// The block of every `STEP`th document: a document's block is found from there in a step
    /// or two along `first`, where a binary search of `first` waited for memory at each of its
    /// last steps.
    near: Vec<u32>,
    /// Where each block starts in `data`, and one more: where the last ends.
    start: Vec<u64>,
}

/// Each segment's [`Blocks`], `None` for a store this module does not read.
pub type BlocksCache = crate::segments::SegmentCache<Option<Blocks>>;

thread_local! {
    /// The block a thread decompressed last: its segment's blocks (by address) and number.
    static BLOCK: RefCell<(usize, usize, Vec<u8>)> = const { RefCell::new((0, usize::MAX, Vec::new())) };
}

impl Blocks {
    /// The blocks of `reader`'s segment, or `None` when its store is not one this module reads.
    pub(crate) fn of(index: &Index, reader: &SegmentReader) -> crate::Result<Option<Blocks>> {
        let Some(meta) = index
            .searchable_segment_metas()?
            .into_iter()
            .find(|m| m.id() == reader.segment_id())
        else {
            return Ok(None);
        };
        let file = index
            .directory()
            .open_read(&meta.relative_path(SegmentComponent::Store))
            .map_err(tantivy::TantivyError::from)?;
        Ok(Blocks::open(file).ok().flatten())
    }

    fn open(file: FileSlice) -> std::io::Result<Option<Blocks>> {
        if file.len() < FOOTER {
            return Ok(None);
        }
        let (body, footer) = file.split_from_end(FOOTER);
        let footer = footer.read_bytes()?;
        let version = u32::from_le_bytes(footer[0..4].try_into().unwrap_or_default());
        let offset = u64::from_le_bytes(footer[4..12].try_into().unwrap_or_default());
        if !(1..=2).contains(&version) || footer[12] != LZ4 || offset > body.len() as u64 {
            return Ok(None);
        }
        let (data, skip) = body.split(offset as usize);
        let Some((first, start, docs)) =
            Blocks::table(skip.read_bytes()?.as_slice(), data.len() as u64)
        else {
            return Ok(None);
        };
        let mut near = Vec::new();
        let mut b = 0;
        for doc in (0..docs).step_by(STEP as usize) {
            while first.get(b + 1).is_some_and(|&f| f <= doc) {
                b += 1;
            }
            near.push(b as u32);
        }
        Ok(Some(Blocks {
            data: data.read_bytes()?,
            first,
            near,
            start,
        }))
    }

    /// The first document and first byte of each block, from the skip index's finest layer,
    /// with the end of the last block, and the number of documents: `None` when the index does
    /// not read as expected.
    fn table(mut skip: &[u8], data_len: u64) -> Option<(Vec<DocId>, Vec<u64>, DocId)> {
        let layers = vint(&mut skip)?;
        let mut ends = Vec::new();
        for _ in 0..layers {
            ends.push(vint(&mut skip)?);
        }
        let (lo, hi) = match ends.len() {
            0 => return Some((Vec::new(), vec![0], 0)),
            1 => (0, ends[0]),
            n => (ends[n - 2], ends[n - 1]),
        };
        let mut layer = skip.get(usize::try_from(lo).ok()?..usize::try_from(hi).ok()?)?;
        let (mut first, mut start) = (Vec::new(), Vec::new());
        let (mut end, mut next) = (0u64, 0u64);
        while !layer.is_empty() {
            let len = vint(&mut layer)?;
            if len == 0 {
                continue;
            }
            let mut doc = vint(&mut layer)?;
            let mut at = vint(&mut layer)?;
            // The blocks follow each other, in documents and in bytes.
            if (doc, at) != (next, end) {
                return None;
            }
            for _ in 0..len {
                let docs = vint(&mut layer)?;
                let bytes = vint(&mut layer)?;
                first.push(DocId::try_from(doc).ok()?);
                start.push(at);
                doc += docs;
                at += bytes;
            }
            (next, end) = (doc, at);
        }
        let docs = DocId::try_from(next).ok()?;
        (end <= data_len).then(|| {
            start.push(end);
            (first, start, docs)
        })
    }

    /// The brief of `doc`, or `None` when its stored document is not one this module reads.
    pub(crate) fn brief(&self, doc: DocId) -> Option<StoredBrief> {
        self.read(doc, self.locate(doc)?)
    }

    /// The block of `doc`: its number and compressed bytes (not read yet).
    pub(crate) fn locate(&self, doc: DocId) -> Option<Located<'_>> {
        let mut b = *self.near.get((doc / STEP) as usize)? as usize;
        while self.first.get(b + 1).is_some_and(|&f| f <= doc) {
            b += 1;
        }
        let lo = usize::try_from(self.start[b]).ok()?;
        let hi = usize::try_from(self.start[b + 1]).ok()?;
        Some((b, self.data.as_slice().get(lo..hi)?))
    }

    /// The brief of `doc` from its block, decompressed into the thread's buffer unless it is
    /// the block the thread read last.
    pub(crate) fn read(&self, doc: DocId, (b, compressed): Located<'_>) -> Option<StoredBrief> {
        let me = self as *const Blocks as usize;
        BLOCK.with(|cell| {
            let mut cell = cell.borrow_mut();
            let (owner, number, buf) = &mut *cell;
            if (*owner, *number) != (me, b) {
                *number = usize::MAX;
                let size = u32::from_le_bytes(compressed.get(..4)?.try_into().ok()?) as usize;
                if buf.len() < size {
                    buf.resize(size, 0);
                }
                let n =
                    lz4_flex::block::decompress_into(&compressed[4..], &mut buf[..size]).ok()?;
                if n != size {
                    return None;
                }
                buf.truncate(size);
                (*owner, *number) = (me, b);
            }
            let pos = (doc - self.first[b]) as usize;
            read_brief(document(buf, pos)?)
        })
    }
}

/// A document's block: its number and compressed bytes.
pub(crate) type Located<'a> = (usize, &'a [u8]);

/// Reads the first byte of each block: done for all the blocks of many briefs (a points
/// answer's) before any is decompressed, the memory reads of the blocks (spread over gigabytes)
/// overlap instead of waiting one after the other.
pub(crate) fn touch(found: &[Option<Located<'_>>]) {
    let touched = found
        .iter()
        .filter_map(|at| at.and_then(|(_, c)| c.first().copied()))
        .fold(0u8, |a, x| a ^ x);
    std::hint::black_box(touched);
}

/// The bytes of the `pos`th document of a decompressed block: the block ends with the
/// documents' offsets (u32 each) and their count (u32).
fn document(block: &[u8], pos: usize) -> Option<&[u8]> {
    let u32_at = |i: usize| -> Option<usize> {
        Some(u32::from_le_bytes(block.get(i..i + 4)?.try_into().ok()?) as usize)
    };
    let count = u32_at(block.len().checked_sub(4)?)?;
    let index = block.len().checked_sub((count + 1) * 4)?;
    if pos >= count {
        return None;
    }
    let lo = u32_at(index + pos * 4)?;
    let hi = if pos + 1 < count {
        u32_at(index + (pos + 1) * 4)?
    } else {
        index
    };
    block.get(lo..hi)
}

/// A brief from a stored document's bytes: a count of values, then each value's field (u32),
/// type code (u8) and, for text, its length and bytes. Read up to the date.
fn read_brief(mut doc: &[u8]) -> Option<StoredBrief> {
    let values = vint(&mut doc)?;
    let mut b = crate::brief::Reading::default();
    for _ in 0..values {
        let field = u32::from_le_bytes(doc.get(..4)?.try_into().ok()?);
        if *doc.get(4)? != TEXT {
            return None;
        }
        doc = &doc[5..];
        let len = usize::try_from(vint(&mut doc)?).ok()?;
        let text = std::str::from_utf8(doc.get(..len)?).ok()?;
        doc = &doc[len..];
        if b.take(field, text) {
            break;
        }
    }
    Some(b.finish())
}

/// tantivy's variable-length integer: 7 bits a byte, the last byte marked by its high bit.
fn vint(data: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for (i, &byte) in data.iter().enumerate().take(10) {
        v |= u64::from(byte & 127) << (7 * i);
        if byte >= 128 {
            *data = &data[i + 1..];
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SearchIndex;

    /// tantivy's `VInt`: low bits first, the last byte's high bit set (LEB128's opposite).
    #[test]
    fn a_vint_reads_as_tantivy_writes_it() {
        let cases: [(&[u8], u64); 5] = [
            (&[0x80], 0),
            (&[0xFF], 127),
            (&[0x00, 0x81], 128),
            (&[0x2C, 0x82], 300),
            (&[0x7F, 0x7F, 0x7F, 0x7F, 0x8F], u64::from(u32::MAX)),
        ];
        for (bytes, v) in cases {
            let with_more = [bytes, &[0xAA]].concat();
            let mut at = with_more.as_slice();
            assert_eq!(vint(&mut at), Some(v), "{bytes:?}");
            assert_eq!(at, [0xAA]);
        }
        assert_eq!(vint(&mut [1u8, 2, 3].as_slice()), None, "no last byte");
    }

    /// Every document of a store of many blocks reads the same brief both ways.
    #[test]
    fn every_brief_reads_as_tantivys_reader_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        let events: Vec<annals_core::Event> = (0..3000)
            .map(|n| {
                serde_json::from_value::<annals_core::RawEvent>(serde_json::json!({
                    "id": format!("e{n}"),
                    "title": format!("Événement numéro {n} {}", "à".repeat(n % 40)),
                    "date": format!("{}-03-{:02}", 1000 + n, 1 + n % 28),
                    "summary": "x".repeat(n % 300),
                    "lang": if n % 3 == 0 { "fr" } else { "en" },
                    "places": (0..n % 3).map(|p| serde_json::json!({"name": format!("Lieu {p}")})).collect::<Vec<_>>(),
                    "translations": if n % 5 == 0 { serde_json::json!([{"lang": "de", "title": format!("Ereignis {n}")}]) } else { serde_json::json!([]) },
                }))
                .unwrap()
                .into_event(annals_dates::CalendarHint::Auto)
                .unwrap()
            })
            .collect();
        // Small documents too, more than `STEP` of them in a block.
        let small: Vec<annals_core::Event> = (0..600)
            .map(|n| {
                serde_json::from_value::<annals_core::RawEvent>(serde_json::json!({
                    "id": format!("s{n}"), "title": "S", "date": "1900",
                }))
                .unwrap()
                .into_event(annals_dates::CalendarHint::Auto)
                .unwrap()
            })
            .collect();
        for (generation, part) in [(1, &events[..1500]), (2, &events[1500..]), (3, &small[..])] {
            let mut w = index.writer().unwrap();
            for e in part {
                w.add(e).unwrap();
            }
            w.commit(generation).unwrap();
        }
        index.reload().unwrap();
        let searcher = index.searcher();
        let (mut read, mut largest, mut blocks_read) = (0, 0, 0);
        for (seg, reader) in searcher.segment_readers().iter().enumerate() {
            let blocks = Blocks::of(index.tantivy(), reader)
                .unwrap()
                .expect("an lz4 store");
            blocks_read += blocks.first.len();
            let most = (blocks.first.windows(2).map(|w| w[1] - w[0])).max();
            largest = largest.max(most.unwrap_or(0));
            // In order, backwards and by leaps: a thread's kept block is the right one.
            let n = reader.max_doc();
            let order = (0..n)
                .chain((0..n).rev())
                .chain((0..n).map(|d| (d * 7919) % n));
            for doc in order {
                let addr = tantivy::DocAddress::new(seg as u32, doc);
                let want: StoredBrief = searcher.doc(addr).unwrap();
                assert_eq!(blocks.brief(doc), Some(want), "{addr:?}");
                read += 1;
            }
            assert_eq!(blocks.brief(n), None, "past the last document");
        }
        assert_eq!(read, 3 * 3600);
        assert!(blocks_read > 20, "{blocks_read} blocks");
        assert!(largest > STEP, "a block of {largest} documents");
    }

    /// A store in another compressor is left to tantivy's reader.
    #[test]
    fn a_store_of_another_compressor_is_not_read_here() {
        let mut schema = tantivy::schema::Schema::builder();
        let id = schema.add_text_field("id", tantivy::schema::STRING | tantivy::schema::STORED);
        let settings = tantivy::IndexSettings {
            docstore_compression: tantivy::store::Compressor::Zstd(Default::default()),
            ..Default::default()
        };
        let index = Index::builder()
            .schema(schema.build())
            .settings(settings)
            .create_in_ram()
            .unwrap();
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.add_document(tantivy::doc!(id => "a")).unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let blocks = Blocks::of(&index, &searcher.segment_readers()[0]).unwrap();
        assert!(blocks.is_none());
    }
}
