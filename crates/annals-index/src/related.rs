//! Related events (explicit first, then computed, each with its reason) and "on this day".

use crate::collect::{Order, TopHits};
use crate::{Result, SearchIndex};
use annals_core::Event;
use serde::Serialize;

/// An event in brief: id, title, date as written.
pub type Brief = (String, String, String);
use std::collections::HashSet;
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

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
    /// The language of `title` when it is not the reader's ([`Related::in_language`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<String>,
    /// Its titles in other languages.
    #[serde(skip)]
    pub titles: crate::Titles,
}

impl Related {
    /// Its title for a reader of `reader` ([`crate::Titles::pick`]).
    pub fn in_language(&mut self, reader: &str) {
        self.titles
            .localise(&mut self.title, &mut self.title_lang, reader);
    }
}

/// Points whose briefs one search thread reads at a time: reading a brief decompresses a block
/// of stored documents, most of what a points answer costs, so an answer's thousands of briefs
/// are spread over the search threads.
const BRIEFS_PER_TASK: usize = 256;

impl SearchIndex {
    fn brief(&self, searcher: &Searcher, addr: DocAddress) -> Result<Brief> {
        Ok(self.stored_brief(searcher, addr)?.brief())
    }

    /// An event in brief, with its titles in other languages.
    fn listed(&self, searcher: &Searcher, addr: DocAddress) -> Result<(Brief, crate::Titles)> {
        let mut b = self.stored_brief(searcher, addr)?;
        let titles = std::mem::take(&mut b.titles);
        Ok((b.brief(), titles))
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
                    ((id, title, date), titles): (Brief, crate::Titles),
                    reason: RelatedReason| {
            if out.len() < limit && seen.insert(id.clone()) {
                out.push(Related {
                    id,
                    title,
                    date,
                    reason,
                    title_lang: None,
                    titles,
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
                    self.listed(&searcher, *addr)?,
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
            // The kind is in the other event's record; the index keeps only the link.
            push(
                &mut out,
                &mut seen,
                self.listed(&searcher, addr)?,
                RelatedReason::Explicit {
                    kind: "related".into(),
                    inverse: true,
                },
            );
        }
        // 3. Shared participants, and 4. the same place: the matches nearest in time (never a
        // pass over every event that shares a common name).
        let (day, _) = event.date.sort_key();
        // The event's own document (when indexed) is never its own neighbour.
        let itself = TermQuery::new(
            Term::from_field_text(f.id, &event.id),
            IndexRecordOption::Basic,
        );
        let itself = self
            .top(&searcher, &itself, 1, Order::DateAsc)?
            .first()
            .copied();
        let near = |filter: annals_query::Filter, k: usize| -> Result<Vec<(u64, DocAddress)>> {
            let mut compiler = crate::compile::Compiler::new(self.tantivy(), &f, &searcher)?
                .with_aliases(self.aliases());
            // A name the index does not know matches nothing.
            let Ok(q) = compiler.filter(&filter) else {
                return Ok(Vec::new());
            };
            Ok(if day == i64::MIN {
                let oldest = self.top(&searcher, &*q, k, Order::DateAsc)?;
                oldest.into_iter().map(|a| (0, a)).collect()
            } else {
                self.nearest(&searcher, &*q, (day, itself), k)?
            })
        };
        if !event.participants.is_empty() {
            let mut found = Vec::new();
            for p in &event.participants {
                found.extend(near(annals_query::Filter::Participant(p.name.clone()), 3)?);
            }
            // Nearest first; an event sharing two names comes once.
            found.sort_unstable();
            let mut once = HashSet::new();
            found.retain(|(_, a)| once.insert(*a));
            for (_, addr) in found.into_iter().take(limit / 2 + 1) {
                let names = self.shared_participants(&searcher, addr, event)?;
                push(
                    &mut out,
                    &mut seen,
                    self.listed(&searcher, addr)?,
                    RelatedReason::SharedParticipants { names },
                );
            }
        }
        for p in &event.places {
            let label = crate::schema::place_label(p);
            for (_, addr) in near(annals_query::Filter::Place(label.clone()), 2)? {
                push(
                    &mut out,
                    &mut seen,
                    self.listed(&searcher, addr)?,
                    RelatedReason::SamePlace {
                        place: label.clone(),
                    },
                );
            }
        }
        // 5. Similar text: the event's most distinctive words (tantivy's MoreLikeThis asserts on
        // indexes with deleted documents, so we build the query ourselves).
        // A word in more than one event in a thousand (or a hundred events) says little about
        // likeness, and would score a large part of a big corpus.
        let common = (searcher.num_docs() / 1000).max(100);
        let text = format!("{} {}", event.title, event.summary);
        let q = self.similar_text_query(&searcher, &text, 2, common)?;
        // tantivy's own top-k skips blocks that cannot beat the fourth best (block-max WAND):
        // common words of a short title would otherwise score every event that has them.
        let best = searcher.search(&q, &TopDocs::with_limit(4).order_by_score())?;
        for (_, addr) in best {
            push(
                &mut out,
                &mut seen,
                self.listed(&searcher, addr)?,
                RelatedReason::SimilarText,
            );
        }
        // 6. Near in time: the events just before and after.
        if day != i64::MIN {
            for (days, addr) in self.nearest(&searcher, &AllQuery, (day, itself), 4)? {
                push(
                    &mut out,
                    &mut seen,
                    self.listed(&searcher, addr)?,
                    RelatedReason::NearInTime { days },
                );
            }
        }
        Ok(out)
    }

    /// A query for the eight rarest words of `text` that occur in at least `min_df` events
    /// (2 for an indexed event: itself and one other) and at most `max_df`.
    pub(crate) fn similar_text_query(
        &self,
        searcher: &Searcher,
        text: &str,
        min_df: u64,
        max_df: u64,
    ) -> Result<BooleanQuery> {
        let f = self.fields();
        let mut compiler = crate::compile::Compiler::new(self.tantivy(), f, searcher)?;
        let mut tokens = compiler.tokens(text);
        tokens.sort();
        tokens.dedup();
        let mut scored = Vec::new();
        for t in tokens {
            let df = compiler.doc_freq(&t)?;
            if (min_df..=max_df).contains(&df) {
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
        if order == Order::Relevance {
            if let Some(window) = crate::geo::only_window(&request.expr) {
                let sample = self.window_sample(&searcher, window, limit.max(1))?;
                return self.briefs_of_points(&searcher, &sample);
            }
        }
        let mut compiler = crate::compile::Compiler::new(self.tantivy(), &f, &searcher)?;
        let query = compiler.compile(&request.expr)?;
        let located: Box<dyn Query> = Box::new(RangeQuery::new(
            std::ops::Bound::Included(Term::from_field_f64(f.lat, -90.0)),
            std::ops::Bound::Included(Term::from_field_f64(f.lat, 90.0)),
        ));
        let q: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Must, located),
        ]));
        let q = crate::compile::ranked(&request.expr, q);
        let found = self.top(&searcher, &*q, limit.max(1), order)?;
        // Each segment's coordinate columns opened once, not once a point.
        let mut columns = Vec::new();
        for reader in searcher.segment_readers() {
            let ff = reader.fast_fields();
            columns.push((
                ff.f64(crate::schema::fast::LAT)?,
                ff.f64(crate::schema::fast::LON)?,
            ));
        }
        let located: Vec<(DocAddress, f64, f64)> = found
            .into_iter()
            .filter_map(|addr| {
                let (lat, lon) = &columns[addr.segment_ord as usize];
                Some((addr, lat.first(addr.doc_id)?, lon.first(addr.doc_id)?))
            })
            .collect();
        self.briefs_of_points(&searcher, &located)
    }

    /// Points with their briefs, read a part at a time on the search threads.
    fn briefs_of_points(
        &self,
        searcher: &Searcher,
        points: &[(DocAddress, f64, f64)],
    ) -> Result<Vec<(Brief, f64, f64)>> {
        crate::in_parts(points, BRIEFS_PER_TASK, |part| {
            let addrs: Vec<DocAddress> = part.iter().map(|p| p.0).collect();
            let briefs = self.stored_briefs(searcher, &addrs)?;
            Ok((briefs.into_iter().zip(part))
                .map(|(b, &(_, lat, lon))| (b.brief(), lat, lon))
                .collect())
        })
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
