//! A window of the timeline as an SVG figure: a title and subtitle, the events as dots (a day
//! or a year) and bars (a span), each labelled with its title and date, in lanes above a time
//! axis, so that no label ever overlaps another or leaves the figure; a legend and a credit line.
//! Events are placed most important first: an event that finds no room is left out and counted
//! in the legend, never drawn over another.

use crate::axis::{axis_on, Axis};
use crate::font::width;
use crate::scale::{Bend, Scale};
use crate::{esc, ACCENT, INK, LINE, MUTED};
use std::fmt::Write;

/// One event of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Its title.
    pub title: String,
    /// Its date as written ("October 14, 1066").
    pub date: String,
    /// Its first day on the axis.
    pub lo: i64,
    /// Its last day (`lo` for a day; later for a span, drawn as a bar).
    pub hi: i64,
    /// How important it is: the most important are placed first.
    pub importance: f64,
}

/// What a timeline figure shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The title ("Rome, 800 BC – AD 500").
    pub title: String,
    /// A line under it (the query, how many events).
    pub subtitle: String,
    /// The window's first day.
    pub lo: i64,
    /// Its last day.
    pub hi: i64,
    /// The events to place (more than fit is fine: the least important are left out).
    pub marks: Vec<Mark>,
    /// How many events the window holds in all (for the legend).
    pub total: u64,
    /// Who made it and from what ("annals · demo corpus · 2026-12-04").
    pub credit: String,
    /// Its width in pixels (at least 480).
    pub width: f64,
    /// The day its time axis counts back from (today): a window reaching far back from it is
    /// drawn on a bent scale ([`crate::scale`]).
    pub now: i64,
}

/// Where a mark went.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The mark's index in [`Figure::marks`].
    pub mark: usize,
    /// Its lane, 0 nearest the axis.
    pub lane: usize,
    /// Its dot or bar, from `x0` to `x1`.
    pub x0: f64,
    /// The bar's end (`x0` for a dot).
    pub x1: f64,
    /// The label as drawn (shortened with "…" when even the whole width is too narrow).
    pub label: String,
    /// Where the label starts.
    pub label_x: f64,
    /// Everything it takes on its lane: no other mark of the lane touches this.
    pub span: (f64, f64),
}

/// The figure's layout: what was placed where, what was left out, and the sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The placed marks.
    pub placed: Vec<Placed>,
    /// Marks left out for want of room.
    pub left_out: usize,
    /// Lanes used.
    pub lanes: usize,
    /// The figure's height.
    pub height: f64,
    /// The axis line's height.
    pub axis_y: f64,
    /// The axis.
    pub axis: Axis,
    /// The time scale.
    pub scale: Scale,
}

const MARGIN: f64 = 48.0;
const TOP: f64 = 124.0;
const LANE: f64 = 28.0;
const MAX_LANES: usize = 16;
const TITLE_SIZE: f64 = 14.0;
const DATE_SIZE: f64 = 12.0;
const GAP: f64 = 10.0;

impl Figure {
    /// The figure's time scale, the web timeline's, across its width between the margins.
    pub fn scale(&self) -> Scale {
        let (lo, hi) = (self.lo as f64, (self.hi.max(self.lo + 1)) as f64);
        Scale::new(
            lo,
            hi,
            self.now,
            MARGIN,
            self.width.max(480.0) - 2.0 * MARGIN,
        )
    }

    /// Where a day is drawn (a day outside the window at its edge).
    fn x(&self, scale: &Scale, day: i64) -> f64 {
        scale.x(day.clamp(self.lo, self.hi.max(self.lo + 1)) as f64)
    }
}

/// The width of a mark's label: its title, a space, its date.
fn label_width(title: &str, date: &str) -> f64 {
    width(title, TITLE_SIZE, true) + 6.0 + width(date, DATE_SIZE, false)
}

/// `title` cut with "…" so that its label fits in `room`.
fn shortened(title: &str, date: &str, room: f64) -> String {
    let mut t: String = title.to_string();
    while !t.is_empty() && label_width(&format!("{t}…"), date) > room {
        t.pop();
    }
    format!("{}…", t.trim_end())
}

/// Place the marks (see the module documentation).
pub fn layout(f: &Figure) -> Layout {
    let w = f.width.max(480.0);
    let (left, right) = (MARGIN, w - MARGIN);
    let scale = f.scale();
    let mut order: Vec<usize> = (0..f.marks.len()).collect();
    order.sort_by(|&a, &b| {
        let (ma, mb) = (&f.marks[a], &f.marks[b]);
        mb.importance
            .total_cmp(&ma.importance)
            .then(ma.lo.cmp(&mb.lo))
            .then(a.cmp(&b))
    });
    let mut lanes: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut placed = Vec::new();
    let mut left_out = 0;
    for i in order {
        let m = &f.marks[i];
        if m.hi < f.lo || m.lo > f.hi {
            left_out += 1;
            continue;
        }
        let (x0, x1) = (f.x(&scale, m.lo), f.x(&scale, m.hi.max(m.lo)));
        let mut label = m.title.clone();
        let mut lw = label_width(&label, &m.date);
        if lw > right - left {
            label = shortened(&m.title, &m.date, right - left);
            lw = label_width(&label, &m.date);
        }
        // the label after the bar's end (or the dot), else before the dot, else over the bar
        let (label_x, span) = if x1 + 8.0 + lw <= right {
            (x1 + 8.0, (x0 - 6.0, x1 + 8.0 + lw + GAP))
        } else if x0 - 8.0 - lw >= left {
            (x0 - 8.0 - lw, (x0 - 8.0 - lw - GAP, x1.max(x0 + 6.0)))
        } else if x0 + 8.0 + lw <= right {
            (x0 + 8.0, (x0 - 6.0, (x0 + 8.0 + lw).max(x1) + GAP))
        } else {
            (left, (left - GAP, right))
        };
        let free = |lane: &Vec<(f64, f64)>| lane.iter().all(|&(a, b)| span.1 <= a || span.0 >= b);
        let lane = match lanes.iter().position(free) {
            Some(l) => l,
            None if lanes.len() < MAX_LANES => {
                lanes.push(Vec::new());
                lanes.len() - 1
            }
            None => {
                left_out += 1;
                continue;
            }
        };
        lanes[lane].push(span);
        placed.push(Placed {
            mark: i,
            lane,
            x0,
            x1,
            label,
            label_x,
            span,
        });
    }
    let n = lanes.len().max(1);
    let axis_y = TOP + n as f64 * LANE + 10.0;
    let bc = annals_dates::DayNumber(f.lo).ymd().year <= 0;
    Layout {
        placed,
        left_out,
        lanes: lanes.len(),
        height: axis_y + 118.0,
        axis_y,
        axis: axis_on(&scale, left, right, 110.0, bc),
        scale,
    }
}

/// The figure as an SVG document.
pub fn timeline_svg(f: &Figure) -> String {
    let l = layout(f);
    let w = f.width.max(480.0);
    let h = l.height;
    let mut s = crate::figure_head(w, h, MARGIN, &f.title, &f.subtitle);
    // lane guides, drop lines, then marks, then labels on top
    let lane_y = |lane: usize| l.axis_y - 10.0 - (lane as f64 + 0.5) * LANE;
    s.push_str(r#"<g class="drops">"#);
    for p in &l.placed {
        let y = lane_y(p.lane);
        let _ = write!(
            s,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{LINE}" stroke-width="1"/>"#,
            p.x0, y, p.x0, l.axis_y
        );
    }
    s.push_str("</g><g class=\"marks\">");
    for p in &l.placed {
        let y = lane_y(p.lane);
        if p.x1 - p.x0 >= 2.0 {
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="8" rx="4" fill="{ACCENT}" fill-opacity="0.35"/>"#,
                p.x0,
                y - 4.0,
                p.x1 - p.x0
            );
        }
        let _ = write!(
            s,
            r#"<circle cx="{:.1}" cy="{:.1}" r="5" fill="{ACCENT}"/>"#,
            p.x0, y
        );
    }
    s.push_str("</g><g class=\"labels\">");
    for p in &l.placed {
        let m = &f.marks[p.mark];
        let y = lane_y(p.lane) + 5.0;
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{y:.1}" font-size="{TITLE_SIZE}" fill="{INK}" stroke="white" stroke-width="4" stroke-linejoin="round" paint-order="stroke"><tspan font-weight="bold">{}</tspan><tspan font-size="{DATE_SIZE}" fill="{MUTED}" dx="6">{}</tspan></text>"#,
            p.label_x,
            esc(&p.label),
            esc(&m.date)
        );
    }
    s.push_str("</g>");
    // the axis
    let (left, right) = (MARGIN, w - MARGIN);
    let _ = write!(
        s,
        r#"<g class="axis" data-scale="{}"><line x1="{left}" y1="{ay}" x2="{right}" y2="{ay}" stroke="{INK}" stroke-width="1.5"/>"#,
        l.scale.bend().name(),
        ay = l.axis_y
    );
    let mut last_end = f64::NEG_INFINITY;
    for t in &l.axis.ticks {
        let x = f.x(&l.scale, t.day);
        let tw = width(&t.label, 13.0, false);
        let _ = write!(
            s,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{INK}" stroke-width="1"/>"#,
            l.axis_y,
            l.axis_y + 6.0
        );
        // a tick label that would touch the previous one, or leave the figure, is left out
        let start = (x - tw / 2.0).max(4.0).min(w - 4.0 - tw);
        if start >= last_end + 8.0 {
            let _ = write!(
                s,
                r#"<text x="{start:.1}" y="{:.1}" font-size="13" fill="{INK}">{}</text>"#,
                l.axis_y + 24.0,
                esc(&t.label)
            );
            last_end = start + tw;
        }
    }
    s.push_str("</g>");
    // legend and credit
    let ly = l.axis_y + 62.0;
    let _ = write!(
        s,
        r#"<circle cx="{:.1}" cy="{:.1}" r="5" fill="{ACCENT}"/><text x="{:.1}" y="{:.1}" font-size="13" fill="{MUTED}">an event</text>"#,
        left + 5.0,
        ly - 4.0,
        left + 16.0,
        ly
    );
    let bar_x = left + 16.0 + width("an event", 13.0, false) + 24.0;
    let _ = write!(
        s,
        r#"<rect x="{bar_x:.1}" y="{:.1}" width="28" height="8" rx="4" fill="{ACCENT}" fill-opacity="0.35"/><circle cx="{bar_x:.1}" cy="{:.1}" r="5" fill="{ACCENT}"/><text x="{:.1}" y="{ly:.1}" font-size="13" fill="{MUTED}">an event over a span of time</text>"#,
        ly - 8.0,
        ly - 4.0,
        bar_x + 36.0
    );
    let shown = l.placed.len();
    let total = f.total.max(shown as u64);
    let mut facts = if total == shown as u64 {
        match total {
            1 => "The one event in this window".to_string(),
            n => format!("All {n} events in this window"),
        }
    } else {
        format!("The {shown} most important of the {total} events in this window")
    };
    match l.scale.bend() {
        Bend::Linear => {}
        Bend::Bent => facts.push_str(" · the time axis is compressed towards the past"),
        Bend::Logarithmic => {
            facts.push_str(" · the time axis is logarithmic in the time before the present")
        }
    }
    if let Some(note) = &l.axis.note {
        let _ = write!(facts, " · {note}");
    }
    s.push_str(&crate::figure_footer(
        left,
        right,
        ly + 24.0,
        &facts,
        &f.credit,
    ));
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::axis::year_day;

    fn figure(n: usize, width: f64) -> Figure {
        let lo = year_day(-500);
        let hi = year_day(500);
        let marks = (0..n)
            .map(|i| {
                let at = lo + ((hi - lo) as f64 * (i as f64 * 0.618).fract()) as i64;
                Mark {
                    title: format!("Event number {i} with a long name"),
                    date: format!("{} BC", 500 - i),
                    lo: at,
                    hi: if i % 4 == 0 { at + 365 * 60 } else { at },
                    importance: (n - i) as f64,
                }
            })
            .collect();
        Figure {
            title: "A test <figure> & more".into(),
            subtitle: "1,000 years".into(),
            lo,
            hi,
            marks,
            total: n as u64 + 10,
            credit: "annals · test".into(),
            width,
            now: year_day(2027),
        }
    }

    #[test]
    fn labels_never_overlap_nor_leave_the_figure() {
        for (n, width) in [(5, 1600.0), (60, 1600.0), (200, 900.0), (40, 480.0)] {
            let f = figure(n, width);
            let l = layout(&f);
            assert_eq!(l.placed.len() + l.left_out, n);
            assert!(!l.placed.is_empty());
            for (i, a) in l.placed.iter().enumerate() {
                let m = &f.marks[a.mark];
                let end = a.label_x + label_width(&a.label, &m.date);
                assert!(
                    a.label_x >= MARGIN - 0.01 && end <= width - MARGIN + 0.01,
                    "{n}: {a:?}"
                );
                assert!(
                    a.span.0 <= a.label_x && a.span.1 >= end,
                    "the span holds the label"
                );
                for b in &l.placed[i + 1..] {
                    if a.lane == b.lane {
                        assert!(
                            a.span.1 <= b.span.0 || b.span.1 <= a.span.0,
                            "{a:?} / {b:?}"
                        );
                    }
                }
            }
            // the most important are the ones placed
            if l.left_out > 0 {
                let least_placed = l.placed.iter().map(|p| f.marks[p.mark].importance);
                let min = least_placed.fold(f64::INFINITY, f64::min);
                assert!(f.marks.iter().any(|m| m.importance < min));
            }
        }
    }

    #[test]
    fn all_of_time_bends_the_axis_as_the_web_timeline_does() {
        let marks = [
            (-4_540_000_000, "Formation of the Earth"),
            (-66_000_000, "End of the dinosaurs"),
            (-10_000, "Farming"),
            (1066, "Hastings"),
            (1969, "Moon landing"),
        ]
        .iter()
        .map(|&(y, t)| Mark {
            title: t.into(),
            date: String::new(),
            lo: year_day(y),
            hi: year_day(y),
            importance: 1.0,
        })
        .collect();
        let f = Figure {
            marks,
            lo: year_day(-4_540_000_000),
            hi: year_day(2026),
            ..figure(0, 1600.0)
        };
        let l = layout(&f);
        assert_eq!(l.scale.bend(), Bend::Logarithmic);
        assert_eq!(l.placed.len(), 5);
        // Hastings and the Moon landing, 900 years apart, do not fall on one point
        let x = |t: &str| {
            let p = l
                .placed
                .iter()
                .find(|p| f.marks[p.mark].title == t)
                .unwrap();
            p.x0
        };
        assert!(x("Moon landing") - x("Hastings") > 40.0);
        assert!(x("Farming") - x("End of the dinosaurs") > 200.0);
        // ticks from Ga down to the years of our era, in order, each inside the figure
        let labels: Vec<&str> = l.axis.ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.iter().any(|l| l.ends_with(" Ga")), "{labels:?}");
        assert!(labels.iter().any(|l| l.ends_with(" Ma")), "{labels:?}");
        assert!(labels.contains(&"AD 2000"), "{labels:?}");
        let xs: Vec<f64> = l.axis.ticks.iter().map(|t| f.x(&l.scale, t.day)).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        assert!(xs.iter().all(|x| (MARGIN..=1600.0 - MARGIN).contains(x)));
        let svg = timeline_svg(&f);
        assert!(svg.contains(r#"data-scale="log""#));
        assert!(svg.contains("the time axis is logarithmic in the time before the present"));
        assert!(svg.contains("Ga: billion years ago · Ma: million years ago"));
        // recorded history keeps its linear axis
        assert_eq!(layout(&figure(5, 1600.0)).scale.bend(), Bend::Linear);
    }

    #[test]
    fn the_svg_has_title_axis_legend_and_escapes_text() {
        let f = figure(12, 1200.0);
        let svg = timeline_svg(&f);
        assert!(svg.contains("A test &lt;figure&gt; &amp; more"));
        assert!(svg.contains(">400 BC<"), "BC ticks");
        assert!(svg.contains(">AD 200<"), "AD ticks beside BC ones");
        assert!(svg.contains("an event over a span of time"));
        assert!(svg.contains("annals · test"));
        assert_eq!(svg.matches("<circle").count(), layout(&f).placed.len() + 2);
    }
}
