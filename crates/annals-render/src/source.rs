//! What a figure shows, from the search index: for a timeline, the most important events of
//! each period of the window (the index's timeline, so that a crowded century does not crowd
//! out the rest); for a map, the index's counts on the grid of the view; and their titles and
//! subtitles as historians write the window ("800 BC – AD 500").

use crate::scale::{Bend, Scale};
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
    let now = DayNumber::today().0;
    let marks = marks(index, request, w, (lo, hi, now), &t)?;
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
        now,
    }))
}

/// The events to place: the most important of each period of the window, periods equal in
/// room on the figure's scale. On a linear scale those are the periods of `linear`; on a
/// bent one, pieces equal in room, each asked for its own periods, so that the recent
/// centuries of a window of billions of years get their share.
fn marks(
    index: &SearchIndex,
    request: &annals_query::Request,
    w: &Window,
    (lo, hi, now): (i64, i64, i64),
    linear: &annals_index::Timeline,
) -> annals_index::Result<Vec<Mark>> {
    let mark = |e: &annals_index::timeline::TopEvent| Mark {
        title: e.title.clone(),
        date: e.date.clone(),
        lo: e.day,
        hi: e.end.max(e.day),
        importance: f64::from(e.importance),
    };
    let scale = Scale::new(lo as f64, hi as f64, now, 0.0, 1.0);
    if scale.bend() == Bend::Linear {
        return Ok(linear
            .buckets
            .iter()
            .flat_map(|b| &b.top)
            .map(mark)
            .collect());
    }
    const PIECES: usize = 8;
    let mut seen = std::collections::HashSet::new();
    let mut marks = Vec::new();
    let mut from = lo;
    for i in 1..=PIECES {
        let to = if i == PIECES {
            hi
        } else {
            (scale.day(i as f64 / PIECES as f64).floor() as i64).clamp(from, hi)
        };
        let t = index.timeline(
            request,
            &TimelineOptions {
                from: Some(from),
                to: Some(to),
                buckets: 2,
                top: w.events.div_ceil(2 * PIECES).clamp(1, 50),
            },
        )?;
        for e in t.buckets.iter().flat_map(|b| &b.top) {
            if seen.insert(e.id.clone()) {
                marks.push(mark(e));
            }
        }
        if to >= hi {
            break;
        }
        from = to + 1;
    }
    Ok(marks)
}

/// What to draw on a map figure: a query, a window of time and a view of the world.
#[derive(Debug, Clone)]
pub struct MapWindow {
    /// The query as typed ("" for every event).
    pub query: String,
    /// Days the events must overlap (either end may be open: `i64::MIN`, `i64::MAX`).
    pub window: Option<(i64, i64)>,
    /// South, west, north, east in degrees.
    pub view: (f64, f64, f64, f64),
    /// An event to mark with a pin and name first.
    pub selected: Option<annals_index::MapEvent>,
    /// A title instead of the query and the window.
    pub title: Option<String>,
    /// The credit line.
    pub credit: String,
    /// The figure's width in pixels.
    pub width: f64,
}

/// The window as historians write it: "800 BC – AD 500", "since 1900", "until 10,000 BC".
fn window_text(window: Option<(i64, i64)>) -> Option<String> {
    let (lo, hi) = window?;
    let bc = lo != i64::MIN && DayNumber(lo).ymd().year <= 0;
    Some(match (lo == i64::MIN, hi == i64::MAX) {
        (true, true) => return None,
        (false, true) => format!("since {}", end_label(lo, false)),
        (true, false) => format!("until {}", end_label(hi, false)),
        (false, false) => format!("{} – {}", end_label(lo, bc), end_label(hi, bc)),
    })
}

/// The map figure of `w`: the index's cells over the view, laid out as the web map lays them
/// out (`None` when no located event matches in the window and the view).
pub fn map_figure(
    index: &SearchIndex,
    request: &annals_query::Request,
    w: &MapWindow,
) -> annals_index::Result<Option<crate::MapFigure>> {
    let frame = crate::map::Frame::new(w.view, crate::map_figure::map_size(w.view, w.width));
    let mut cells = index.map_cells(
        request,
        &annals_index::MapOptions {
            window: w.window,
            grid: frame.grid(),
            per_cell: 3,
            top: 0,
            deep_before: crate::map::deep_before(),
        },
    )?;
    if cells.total == 0 {
        return Ok(None);
    }
    crate::map::name_places(&mut cells);
    let layout = crate::map::layout(
        &frame,
        &cells,
        w.selected.clone(),
        &crate::map_figure::measure,
    );
    let q = w.query.trim();
    let when = window_text(w.window);
    let title = w.title.clone().unwrap_or_else(|| {
        let what = if q.is_empty() { "Events" } else { q };
        match &when {
            Some(when) => format!("{what}, {when}"),
            None => format!("{what} on the map"),
        }
    });
    let subtitle = format!(
        "{} located event{}{}{}{}",
        annals_dates::thousands(cells.total),
        if cells.total == 1 { "" } else { "s" },
        if q.is_empty() {
            String::new()
        } else {
            format!(" matching {q}")
        },
        when.map(|t| format!(", {t}")).unwrap_or_default(),
        if frame.whole_world() {
            ""
        } else {
            ", in this view"
        }
    );
    Ok(Some(crate::MapFigure {
        title,
        subtitle,
        frame,
        layout,
        total: cells.total,
        deep: cells.deep,
        credit: w.credit.clone(),
    }))
}
