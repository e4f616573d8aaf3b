//! Filters read from cells in the inverted index: a term names the cell an event lies in (of
//! its span on the day axis, [`crate::spans`]; of its places on the globe, [`crate::areas`]),
//! and a filter reads the runs of cells that can hold a match, checking each event only in the
//! cells where some may not. A filter then costs what it finds, not a scan of every event, and
//! leads an intersection when it is the most selective part of a query.

use tantivy::index::InvertedIndexReader;
use tantivy::query::{BitSetDocSet, ConstScorer, Explanation, Scorer};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    BitSet, DocId, DocSet, Score, SeekDangerResult, SegmentReader, TantivyError, Term, TERMINATED,
};

/// A run of cells (terms `first..=last` of an i64 field): taken whole, or each event checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First cell.
    pub first: i64,
    /// Last cell.
    pub last: i64,
    /// Whether each event of the run must be checked.
    pub checked: bool,
}

/// A filter is read at once when its cells hold less than one document of a segment in this
/// many.
const EAGER: u64 = 64;

/// How much more a seek into the other clauses of an intersection costs than a step through
/// them, about (a word's union of fields reads ahead in blocks).
const SEEK: u64 = 3;

/// A run of more cells than this is measured from a sample of them ([`estimate`]).
const SAMPLE: u64 = 64;

/// A lazy filter seeked this many times leads its intersection ([`Lazy::seek`]).
const LEADS: u32 = 16;

/// What a filter checks an event with.
pub type Check = Box<dyn Fn(DocId) -> bool + Send + Sync>;

/// A filter's scorer in a segment: the documents of `runs` of `field`'s cells, those of checked
/// runs when `check` holds for them (see the module documentation).
///
/// A filter that the cells say holds more than a small part of the segment is read only if it
/// leads the intersection: asked about one document at a time (behind a clause that matches
/// fewer), it checks that document and reads no cell. Its cost, which orders an intersection,
/// is [`SEEK`] times what the cells hold: the clauses of words, whose seeks cost more than
/// their steps, go first unless a filter is much smaller.
pub fn scorer(
    reader: &SegmentReader,
    field: Field,
    runs: Vec<Run>,
    check: Check,
    boost: Score,
) -> tantivy::Result<Box<dyn Scorer>> {
    let estimate = estimate(reader, field, &runs)?;
    let docs = if estimate.saturating_mul(EAGER) < u64::from(reader.max_doc()) {
        Cells::Read(BitSetDocSet::from(read(reader, field, &runs, &check)?))
    } else {
        let mut lazy = Lazy {
            doc: 0,
            max_doc: reader.max_doc(),
            estimate,
            check,
            source: Some((reader.clone(), field, runs)),
            read: None,
            seeks: 0,
        };
        lazy.doc = lazy.scan(0);
        Cells::Lazy(Box::new(lazy))
    };
    Ok(Box::new(ConstScorer::new(docs, boost)))
}

/// About how many documents `runs` hold, before any check, from the term dictionary alone: the
/// sum of the cells' sizes, or, for a run of more than [`SAMPLE`] cells (a window of ten
/// thousand years holds 14,000 cells of the finest level), their number times the mean size of
/// [`SAMPLE`] of them spread evenly along the run.
pub fn estimate(reader: &SegmentReader, field: Field, runs: &[Run]) -> tantivy::Result<u64> {
    let index = reader.inverted_index(field)?;
    let dict = index.terms();
    let mut n = 0u64;
    let mut key = Vec::new();
    for run in runs {
        let mut terms = stream(&index, field, run)?;
        if !terms.advance() {
            continue;
        }
        let first = terms.term_ord();
        let last_key = Term::from_field_i64(field, run.last);
        let mut back = dict
            .range()
            .le(last_key.serialized_value_bytes())
            .backward()
            .into_stream()?;
        let last = if back.advance() {
            back.term_ord()
        } else {
            first
        };
        let count = last.saturating_sub(first) + 1;
        if count <= SAMPLE {
            n += u64::from(terms.value().doc_freq);
            while terms.advance() {
                n += u64::from(terms.value().doc_freq);
            }
            continue;
        }
        let mut sampled = 0u64;
        for i in 0..SAMPLE {
            let ord = first + i * (count - 1) / (SAMPLE - 1);
            if dict.ord_to_term(ord, &mut key)? {
                if let Some(info) = dict.get(&key)? {
                    sampled += u64::from(info.doc_freq);
                }
            }
        }
        n += sampled * count / SAMPLE;
    }
    Ok(n)
}

fn stream<'a>(
    index: &'a InvertedIndexReader,
    field: Field,
    run: &Run,
) -> tantivy::Result<tantivy::termdict::TermStreamer<'a>> {
    let first = Term::from_field_i64(field, run.first);
    let last = Term::from_field_i64(field, run.last);
    Ok(index
        .terms()
        .range()
        .ge(first.serialized_value_bytes())
        .le(last.serialized_value_bytes())
        .into_stream()?)
}

/// The documents of a segment in `runs` of `field`'s cells, those of checked runs when `check`
/// holds for them.
fn read(
    reader: &SegmentReader,
    field: Field,
    runs: &[Run],
    check: &Check,
) -> tantivy::Result<BitSet> {
    let mut docs = BitSet::with_max_value(reader.max_doc());
    let index = reader.inverted_index(field)?;
    for run in runs {
        let mut terms = stream(&index, field, run)?;
        while terms.advance() {
            let mut postings =
                index.read_block_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
            while !postings.docs().is_empty() {
                for &doc in postings.docs() {
                    if !run.checked || check(doc) {
                        docs.insert(doc);
                    }
                }
                postings.advance();
            }
        }
    }
    Ok(docs)
}

/// A filter's documents: read from the cells, or read when it leads.
enum Cells {
    Read(BitSetDocSet),
    Lazy(Box<Lazy>),
}

/// A filter that checks the documents it is asked about, and reads its cells when it is asked
/// to lead (advance).
struct Lazy {
    doc: DocId,
    max_doc: DocId,
    estimate: u64,
    check: Check,
    /// What to read the cells from, until read.
    source: Option<(SegmentReader, Field, Vec<Run>)>,
    read: Option<BitSetDocSet>,
    /// Seeks so far, while not read.
    seeks: u32,
}

impl Lazy {
    /// The first document from `from` on that the check holds for.
    fn scan(&self, from: DocId) -> DocId {
        (from..self.max_doc)
            .find(|&d| (self.check)(d))
            .unwrap_or(TERMINATED)
    }
}

impl Lazy {
    /// Read the cells once it is clear that this filter leads (scanning on should they not
    /// read).
    fn lead(&mut self) {
        if let Some((reader, field, runs)) = self.source.take() {
            if let Ok(bits) = read(&reader, field, &runs, &self.check) {
                let mut docs = BitSetDocSet::from(bits);
                if self.doc != TERMINATED {
                    docs.seek(self.doc);
                }
                self.read = Some(docs);
            }
        }
    }
}

impl DocSet for Lazy {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.lead();
        self.doc = match &mut self.read {
            Some(docs) => docs.advance(),
            None => self.scan(self.doc + 1),
        };
        self.doc
    }

    /// An intersection steps its leader by seeks, and seeks each clause a few times while it
    /// finds their first common document: a filter seeked more often than that leads.
    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc {
            return self.doc;
        }
        if self.read.is_none() {
            self.seeks += 1;
            if self.seeks > LEADS {
                self.lead();
            }
        }
        self.doc = match &mut self.read {
            Some(docs) => docs.seek(target),
            None => self.scan(target),
        };
        self.doc
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if self.read.is_some() || target >= self.max_doc {
            return match self.seek(target) {
                d if d == target => SeekDangerResult::Found,
                d => SeekDangerResult::SeekLowerBound(d),
            };
        }
        // Asked about one document: check it alone (the contract allows a lower bound).
        if (self.check)(target) {
            self.doc = target;
            SeekDangerResult::Found
        } else {
            SeekDangerResult::SeekLowerBound(target + 1)
        }
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        u32::try_from(self.estimate).unwrap_or(u32::MAX)
    }
}

impl DocSet for Cells {
    fn advance(&mut self) -> DocId {
        match self {
            Cells::Read(d) => d.advance(),
            Cells::Lazy(d) => d.advance(),
        }
    }
    fn seek(&mut self, target: DocId) -> DocId {
        match self {
            Cells::Read(d) => d.seek(target),
            Cells::Lazy(d) => d.seek(target),
        }
    }
    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        match self {
            Cells::Read(d) => d.seek_danger(target),
            Cells::Lazy(d) => d.seek_danger(target),
        }
    }
    fn doc(&self) -> DocId {
        match self {
            Cells::Read(d) => d.doc(),
            Cells::Lazy(d) => d.doc(),
        }
    }
    fn size_hint(&self) -> u32 {
        match self {
            Cells::Read(d) => d.size_hint(),
            Cells::Lazy(d) => d.size_hint(),
        }
    }
    fn cost(&self) -> u64 {
        u64::from(self.size_hint()).saturating_mul(SEEK)
    }
}

/// The explanation of `doc`'s match by `scorer` (a constant), or the error that it does not.
pub fn explain(
    mut scorer: Box<dyn Scorer>,
    doc: DocId,
    name: &'static str,
) -> tantivy::Result<Explanation> {
    if scorer.seek(doc) != doc {
        return Err(TantivyError::InvalidArgument(format!(
            "document {doc} does not match {name}"
        )));
    }
    Ok(Explanation::new(name, scorer.score()))
}
