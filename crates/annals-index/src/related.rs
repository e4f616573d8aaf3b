//! Related events (explicit first, then computed, each with its reason) and "on this day".

use crate::collect::{Order, TopHits};
use crate::search::{stored_when, text_of};
use crate::{Result, SearchIndex};
use annals_core::Event;
use serde::Serialize;

/// An event in brief: id, title, date as written.
pub type Brief = (String, String, String);
use std::collections::HashSet;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// Why an event is related.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RelatedReason {
    /// The record links them (`kind`: related, precedes, causes, ...).
    Explicit {
        /// The relation kind, as recorded on either event.
        kind: String,
        /// Whether the other event holds the link.
        inverse: bool,
    },
    /// They share participants.
    SharedParticipants {
        /// The shared names.
        names: Vec<String>,
    },
    /// They happened at the same place.
    SamePlace {
        /// The place.
        place: String,
    },
    /// Their texts are alike.
    SimilarText,
    /// They happened close in time.
    NearInTime {
        /// Days apart (start to start).
        days: u64,
    },
}

/// A related event.
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The date as written, or its EDTF.
    pub date: String,
    /// Why.
    pub reason: RelatedReason,
}

impl SearchIndex {
    fn brief(&self, searcher: &Searcher, addr: DocAddress) -> Result<(String, String, String)> {
        let f = self.fields();
        let doc: TantivyDocument = searcher.doc(addr)?;
        let date = text_of(&doc, f.date)
            .and_then(stored_when)
            .map(|w| w.written())
            .unwrap_or_default();
        Ok((
            text_of(&doc, f.id).unwrap_or_default().to_string(),
            text_of(&doc, f.title).unwrap_or_default().to_string(),
            date,
        ))
    }

    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        order: Order,
    ) -> Result<Vec<DocAddress>> {
        Ok(searcher
            .search(
                query,
                &TopHits {
                    limit,
                    order,
                    after: None,
                },
            )?
            .into_iter()
            .map(|(_, a)| a)
            .collect())
    }

    /// Events related to `event`: its own links, links to it from other events, then computed
    /// ones (shared participants, same place, similar text, nearness in time), each with its
    /// reason; never the event itself, each event once; at most `limit`.
    pub fn related(&self, event: &Event, limit: usize) -> Result<Vec<Related>> {
        let searcher = self.searcher();
        let f = *self.fields();
        let mut seen: HashSet<String> = HashSet::from([event.id.clone()]);
        let mut out = Vec::new();
        let push = |out: &mut Vec<Related>,
                    seen: &mut HashSet<String>,
                    (id, title, date): (String, String, String),
                    reason: RelatedReason| {
            if out.len() < limit && seen.insert(id.clone()) {
                out.push(Related {
                    id,
                    title,
                    date,
                    reason,
                });
            }
        };
        // 1. Explicit, recorded on this event.
        for r in &event.related {
            let q = TermQuery::new(Term::from_field_text(f.id, &r.id), IndexRecordOption::Basic);
            if let Some(addr) = self.top(&searcher, &q, 1, Order::DateAsc)?.first() {
                push(
                    &mut out,
                    &mut seen,
                    self.brief(&searcher, *addr)?,
                    RelatedReason::Explicit {
                        kind: r.kind.clone(),
                        inverse: false,
                    },
                );
            }
        }
        // 2. Explicit, recorded on the other event.
        let q = TermQuery::new(
            Term::from_field_text(f.related, &event.id),
            IndexRecordOption::Basic,
        );
        for addr in self.top(&searcher, &q, limit, Order::DateAsc)? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let other = text_of(&doc, f.id).unwrap_or_default().to_string();
            // The kind is in the other event's record; the index keeps only the link.
            push(
                &mut out,
                &mut seen,
                self.brief(&searcher, addr)?,
                RelatedReason::Explicit {
                    kind: "related".into(),
                    inverse: true,
                },
            );
            let _ = other;
        }
        // 3. Shared participants.
        if !event.participants.is_empty() {
            let mut compiler = crate::compile::Compiler::new(self.tantivy(), &f, &searcher)?;
            let clauses: Vec<(Occur, Box<dyn Query>)> = event
                .participants
                .iter()
                .map(|p| {
                    (
                        Occur::Should,
                        compiler
                            .filter(&annals_query::Filter::Participant(p.name.clone()))
                            .unwrap_or_else(|_| Box::new(tantivy::query::EmptyQuery)),
                    )
                })
                .collect();
            let q = BooleanQuery::new(clauses);
            for addr in self.top(&searcher, &q, limit + 1, Order::Relevance)? {
                let doc: TantivyDocument = searcher.doc(addr)?;
                let _ = doc;
                let (id, title, date) = self.brief(&searcher, addr)?;
                let names = self.shared_participants(&searcher, addr, event)?;
                push(
                    &mut out,
                    &mut seen,
                    (id, title, date),
                    RelatedReason::SharedParticipants { names },
                );
            }
        }
        // 4. Same place.
        for p in &event.places {
            let mut compiler = crate::compile::Compiler::new(self.tantivy(), &f, &searcher)?;
            let label = crate::schema::place_label(p);
            let q = compiler.filter(&annals_query::Filter::Place(label.clone()))?;
            for addr in self.top(&searcher, &*q, 3, Order::DateAsc)? {
                push(
                    &mut out,
                    &mut seen,
                    self.brief(&searcher, addr)?,
                    RelatedReason::SamePlace {
                        place: label.clone(),
                    },
                );
            }
        }
        // 5. Similar text: the event's most distinctive words (tantivy's MoreLikeThis asserts on
        // indexes with deleted documents, so we build the query ourselves).
        let q =
            self.similar_text_query(&searcher, &format!("{} {}", event.title, event.summary), 2)?;
        for addr in self.top(&searcher, &q, 3, Order::Relevance)? {
            push(
                &mut out,
                &mut seen,
                self.brief(&searcher, addr)?,
                RelatedReason::SimilarText,
            );
        }
        // 6. Near in time: the events just before and after, from each segment's events in
        // day order (two binary searches a segment, never a pass over the corpus).
        let (start, _) = event.date.sort_key();
        if start != i64::MIN {
            let (mut before, mut after) = (Vec::new(), Vec::new());
            for (ord, reader) in searcher.segment_readers().iter().enumerate() {
                let order = self.sorted_days.get(reader)?;
                for (day, doc) in order.around(start, 4) {
                    let near = (day.abs_diff(start), DocAddress::new(ord as u32, doc));
                    if day < start {
                        before.push(near);
                    } else {
                        after.push(near);
                    }
                }
            }
            // The event itself is among those from its day on: one more of them.
            before.sort_by_key(|(d, a)| (*d, *a));
            before.truncate(3);
            after.sort_by_key(|(d, a)| (*d, *a));
            after.truncate(4);
            let mut near: Vec<(u64, DocAddress)> = before.into_iter().chain(after).collect();
            near.sort_by_key(|(d, a)| (*d, *a));
            for (days, addr) in near {
                push(
                    &mut out,
                    &mut seen,
                    self.brief(&searcher, addr)?,
                    RelatedReason::NearInTime { days },
                );
            }
        }
        Ok(out)
    }

    /// A query for the eight rarest words of `text` that occur in at least `min_df` events
    /// (2 for an indexed event: itself and one other).
    pub(crate) fn similar_text_query(
        &self,
        searcher: &Searcher,
        text: &str,
        min_df: u64,
    ) -> Result<BooleanQuery> {
        let f = self.fields();
        let mut compiler = crate::compile::Compiler::new(self.tantivy(), f, searcher)?;
        let mut tokens = compiler.tokens(text);
        tokens.sort();
        tokens.dedup();
        let mut scored = Vec::new();
        for t in tokens {
            let df = compiler.doc_freq(&t)?;
            if df >= min_df {
                scored.push((df, t));
            }
        }
        scored.sort_by_key(|(df, _)| *df);
        let clauses: Vec<(Occur, Box<dyn Query>)> = scored
            .into_iter()
            .take(8)
            .flat_map(|(_, t)| {
                f.words().map(|w| {
                    let term = Term::from_field_text(w.field, &t);
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                            as Box<dyn Query>,
                    )
                })
            })
            .collect();
        Ok(BooleanQuery::new(clauses))
    }

    fn shared_participants(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        event: &Event,
    ) -> Result<Vec<String>> {
        let reader = searcher.segment_reader(addr.segment_ord);
        let mut names = Vec::new();
        if let Some(col) = reader.fast_fields().str(crate::schema::fast::PARTICIPANT)? {
            let mut s = String::new();
            for ord in col.term_ords(addr.doc_id) {
                s.clear();
                if col.ord_to_str(ord, &mut s).unwrap_or(false)
                    && event.participants.iter().any(|p| p.name == s)
                {
                    names.push(s.clone());
                }
            }
        }
        Ok(names)
    }

    /// Located events matching `request` (at most `limit`, oldest first): id, title, date as
    /// written, latitude, longitude.
    pub fn points(
        &self,
        request: &annals_query::Request,
        limit: usize,
    ) -> Result<Vec<(Brief, f64, f64)>> {
        self.points_in_order(request, limit, Order::DateAsc)
    }

    /// [`SearchIndex::points`] in another order: with [`Order::Relevance`] the best matches
    /// come first, and for a query without words (every score equal) an even sample across time
    /// (ties go to a hash of the id), which is what a map capped at `limit` points should show.
    pub fn points_in_order(
        &self,
        request: &annals_query::Request,
        limit: usize,
        order: Order,
    ) -> Result<Vec<(Brief, f64, f64)>> {
        let searcher = self.searcher();
        let f = *self.fields();
        let mut compiler = crate::compile::Compiler::new(self.tantivy(), &f, &searcher)?;
        let query = compiler.compile(&request.expr)?;
        let located: Box<dyn Query> = Box::new(RangeQuery::new(
            std::ops::Bound::Included(Term::from_field_f64(f.lat, -90.0)),
            std::ops::Bound::Included(Term::from_field_f64(f.lat, 90.0)),
        ));
        let q = BooleanQuery::new(vec![(Occur::Must, query), (Occur::Must, located)]);
        let mut out = Vec::new();
        for addr in self.top(&searcher, &q, limit.max(1), order)? {
            let reader = searcher.segment_reader(addr.segment_ord);
            let lat = reader
                .fast_fields()
                .f64(crate::schema::fast::LAT)?
                .first(addr.doc_id);
            let lon = reader
                .fast_fields()
                .f64(crate::schema::fast::LON)?
                .first(addr.doc_id);
            if let (Some(lat), Some(lon)) = (lat, lon) {
                out.push((self.brief(&searcher, addr)?, lat, lon));
            }
        }
        Ok(out)
    }

    /// Events on a month and day (`mmdd`), in the calendar each was written in, oldest first.
    pub fn on_this_day(
        &self,
        month: u8,
        day: u8,
        limit: usize,
    ) -> Result<Vec<(String, String, String)>> {
        let searcher = self.searcher();
        let md = u64::from(month) * 100 + u64::from(day);
        let q = TermQuery::new(
            Term::from_field_u64(self.fields().month_day, md),
            IndexRecordOption::Basic,
        );
        let mut out = Vec::new();
        for addr in self.top(&searcher, &q, limit, Order::DateAsc)? {
            out.push(self.brief(&searcher, addr)?);
        }
        Ok(out)
    }
}
