//! What a timeline figure shows, from the search index: the most important events of each
//! period of the window (the index's timeline, so that a crowded century does not crowd out
//! the rest), its title and subtitle as historians write the window ("800 BC – AD 500").

use crate::{Figure, Mark};
use annals_dates::{year_written, Calendar, DayNumber};
use annals_index::{SearchIndex, TimelineOptions};

/// What to draw: a query and a window.
#[derive(Debug, Clone, Default)]
pub struct Window {
    /// The query as typed ("" for every event).
    pub query: String,
    /// The window's first day (`None`: the first event's).
    pub from: Option<i64>,
    /// Its last day (`None`: the last event's).
    pub to: Option<i64>,
    /// About how many events to consider (the most important of each period).
    pub events: usize,
    /// A title instead of the query and the window.
    pub title: Option<String>,
    /// The credit line.
    pub credit: String,
    /// The figure's width in pixels.
    pub width: f64,
}

/// A bucket's ISO day as a day number.
fn iso_day(iso: &str) -> Option<i64> {
    annals_dates::day::parse_iso_ymd(iso)
        .and_then(|d| Calendar::Gregorian.to_day(d))
        .map(|d| d.0)
}

/// A window's end as people write it: the year ("AD 500" when the window starts BC), or
/// "66 million years ago" in deep time.
fn end_label(day: i64, bc_start: bool) -> String {
    let year = DayNumber(day).ymd().year;
    if year < -9_999 {
        annals_dates::written::text_written(&format!("Y{year}"))
    } else if year > 0 && bc_start {
        format!("AD {year}")
    } else {
        year_written(year)
    }
}

/// The figure of `w` (`None` when no event matches in the window).
pub fn timeline_figure(
    index: &SearchIndex,
    request: &annals_query::Request,
    w: &Window,
) -> annals_index::Result<Option<Figure>> {
    let buckets = 16;
    let t = index.timeline(
        request,
        &TimelineOptions {
            from: w.from,
            to: w.to,
            buckets,
            top: w.events.div_ceil(buckets).clamp(1, 50),
        },
    )?;
    let first = t.buckets.first().and_then(|b| iso_day(&b.start));
    let last = t.buckets.last().and_then(|b| iso_day(&b.end));
    let (Some(lo), Some(hi), 1..) = (w.from.or(first), w.to.or(last), t.total) else {
        return Ok(None);
    };
    let marks = t
        .buckets
        .iter()
        .flat_map(|b| &b.top)
        .map(|e| Mark {
            title: e.title.clone(),
            date: e.date.clone(),
            lo: e.day,
            hi: e.end.max(e.day),
            importance: e.importance,
        })
        .collect();
    let bc = DayNumber(lo).ymd().year <= 0;
    let span = format!("{} – {}", end_label(lo, bc), end_label(hi, bc));
    let q = w.query.trim();
    let title = w.title.clone().unwrap_or_else(|| match q {
        "" => format!("Events, {span}"),
        q => format!("{q}, {span}"),
    });
    let subtitle = format!(
        "{} event{}{}, {span}",
        t.total,
        if t.total == 1 { "" } else { "s" },
        if q.is_empty() {
            String::new()
        } else {
            format!(" matching {q}")
        }
    );
    Ok(Some(Figure {
        title,
        subtitle,
        lo,
        hi,
        marks,
        total: t.total,
        credit: w.credit.clone(),
        width: w.width,
    }))
}
