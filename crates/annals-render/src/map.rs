//! The map of located events, laid out once for the web page and for the printed figure: a
//! view of the world in a box of pixels ([`Frame`]), markers from the index's grid cells (one
//! per cell, merged until none overlap: [`Marker`]), then labels that never overlap a marker
//! or each other ([`layout`]: the event asked for first, then markers by count, then the
//! countries whose name fits in them, then cities). Widths of text are the caller's: an
//! estimate on the web page, the bundled font in print.

use crate::world::{base_labels, project, Placer, SCALE};
use annals_index::{Grid, MapCells, MapEvent};

/// Cells of the grid are about this many pixels wide.
pub const CELL_PX: f64 = 64.0;
/// Marker radii in pixels: a single event, the smallest and largest cluster.
const DOT_PX: f64 = 5.5;
const CLUSTER_MIN_PX: f64 = 10.0;
const CLUSTER_MAX_PX: f64 = 22.0;
/// How far above its place the selected event's pin has its head, in pixels.
pub const PIN_PX: f64 = 18.0;
/// Most cities named on one map.
const MAX_CITIES: usize = 60;

/// A view of the world (south, west, north, east in degrees; it may reach beyond the world,
/// the margins are sea) drawn in a box of `width` × `height` pixels, the view fitted in the
/// box and centred as a browser does (`preserveAspectRatio` meet).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
    pub width: f64,
    pub height: f64,
    /// The view's top left corner in map units, and its size.
    x0: f64,
    y0: f64,
    w: f64,
    h: f64,
    /// Pixels per map unit, and the margins that centre the view.
    k: f64,
    ox: f64,
    oy: f64,
}

impl Frame {
    /// The view `(south, west, north, east)` in a box of `(width, height)` pixels.
    pub fn new(view: (f64, f64, f64, f64), size: (f64, f64)) -> Frame {
        let (south, west, north, east) = view;
        let (x0, y0) = project(north, west);
        let (x1, y1) = project(south, east);
        let (w, h) = ((x1 - x0).max(1e-6), (y1 - y0).max(1e-6));
        let (width, height) = size;
        let k = (width / w).min(height / h);
        Frame {
            south,
            west,
            north,
            east,
            width,
            height,
            x0,
            y0,
            w,
            h,
            k,
            ox: (width - w * k) / 2.0,
            oy: (height - h * k) / 2.0,
        }
    }

    /// Height over width of the view itself.
    pub fn aspect(view: (f64, f64, f64, f64)) -> f64 {
        (view.2 - view.0) / (view.3 - view.1).max(1e-6)
    }

    /// Where a latitude and longitude are drawn, in pixels.
    pub fn px(&self, lat: f64, lon: f64) -> (f64, f64) {
        let (x, y) = project(lat, lon);
        (
            (x - self.x0) * self.k + self.ox,
            (y - self.y0) * self.k + self.oy,
        )
    }

    /// A point in pixels back in map units (`x`, `y` of the base map's viewBox).
    pub fn units(&self, px: f64, py: f64) -> (f64, f64) {
        (
            self.x0 + (px - self.ox) / self.k,
            self.y0 + (py - self.oy) / self.k,
        )
    }

    /// Pixels per map unit.
    pub fn scale(&self) -> f64 {
        self.k
    }

    /// Where the base map's origin lands, in pixels: drawn with `translate(x y) scale(k)`,
    /// the base map's paths (in map units) fall where [`Frame::px`] puts their points.
    pub fn origin(&self) -> (f64, f64) {
        (self.ox - self.x0 * self.k, self.oy - self.y0 * self.k)
    }

    /// The view in map units: `x`, `y`, width, height (an SVG viewBox).
    pub fn view_box(&self) -> (f64, f64, f64, f64) {
        (self.x0, self.y0, self.w, self.h)
    }

    /// The part of the world in view, shown at once: the whole world or less.
    pub fn whole_world(&self) -> bool {
        self.south <= -90.0 && self.west <= -180.0 && self.north >= 90.0 && self.east >= 180.0
    }

    /// The grid the index counts on: cells of about [`CELL_PX`] over the part of the view
    /// that is on the world.
    pub fn grid(&self) -> Grid {
        Grid {
            south: self.south.max(-90.0),
            west: self.west.max(-180.0),
            north: self.north.min(90.0),
            east: self.east.min(180.0),
            rows: ((self.height / CELL_PX).round() as usize).clamp(1, 64),
            cols: ((self.width / CELL_PX).round() as usize).clamp(1, 128),
        }
    }

    /// The latitude a scale bar is true at (the middle of the view, within ±80°), and
    /// kilometres per pixel along it: the projection keeps degrees of longitude the same width
    /// everywhere, so a kilometre is wider away from the equator.
    pub fn km_per_px(&self) -> (f64, f64) {
        let lat = ((self.south.max(-90.0) + self.north.min(90.0)) / 2.0).clamp(-80.0, 80.0);
        let km_per_degree = 111.32 * lat.to_radians().cos();
        (lat, km_per_degree / (SCALE * self.k))
    }
}

/// The whole world: south, west, north, east.
pub const WORLD: (f64, f64, f64, f64) = (-90.0, -180.0, 90.0, 180.0);

/// A view written `south,west,north,east` in degrees. It may reach beyond the world (a
/// phone's tall map shows sea above and below it), never further than one world beyond, and
/// must show some of it; `None` when it does not read so.
pub fn parse_view(text: &str) -> Option<(f64, f64, f64, f64)> {
    let n: Vec<f64> = text
        .split(',')
        .map(|x| x.trim().parse().ok())
        .collect::<Option<_>>()?;
    match n[..] {
        [s, w, nn, e]
            if (-450.0..=450.0).contains(&s)
                && (-450.0..=450.0).contains(&nn)
                && s < nn
                && (-540.0..=540.0).contains(&w)
                && (-540.0..=540.0).contains(&e)
                && w < e
                && s < 90.0
                && nn > -90.0
                && w < 180.0
                && e > -180.0 =>
        {
            Some((s, w, nn, e))
        }
        _ => None,
    }
}

/// A marker: one cell of the grid, or several merged, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub count: u64,
    /// How many of them are deep time.
    pub deep: u64,
    /// The best events, best first (at most three).
    pub events: Vec<MapEvent>,
    /// Degrees covered by its cells: south, west, north, east (what a click zooms to).
    pub bounds: (f64, f64, f64, f64),
}

impl Marker {
    /// Its radius in pixels: a dot for one event, a disc growing with the count for more.
    pub fn radius(&self) -> f64 {
        if self.count == 1 {
            DOT_PX
        } else {
            (CLUSTER_MIN_PX + 3.0 * (self.count as f64).log2()).min(CLUSTER_MAX_PX)
        }
    }
}

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The event asked for.
    Selected,
    /// A single event.
    Event,
    /// A cluster: its place and count.
    Cluster,
    /// A country of the base map.
    Country,
    /// A city of the base map.
    City,
}

impl Kind {
    /// Its font size in pixels.
    pub fn size(self) -> f64 {
        match self {
            Kind::Selected => 13.5,
            Kind::Event | Kind::Cluster => 12.5,
            Kind::Country => 11.0,
            Kind::City => 10.5,
        }
    }

    /// The web page's class for it.
    pub fn class(self) -> &'static str {
        match self {
            Kind::Selected => "label selected",
            Kind::Event => "label event",
            Kind::Cluster => "label cluster",
            Kind::Country => "country-name",
            Kind::City => "city-name",
        }
    }
}

/// A placed label: its anchor point (`x`, the baseline `y`), `anchor` as SVG's
/// `text-anchor`, and the box it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub anchor: &'static str,
    pub text: String,
    pub kind: Kind,
    /// `[x0, y0, x1, y1]`: no other label or marker touches it.
    pub rect: [f64; 4],
}

/// The map laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// The markers, largest count first.
    pub markers: Vec<Marker>,
    /// The labels: events and clusters first, then countries and cities.
    pub labels: Vec<Label>,
    /// The dots of the named cities.
    pub cities: Vec<(f64, f64)>,
    /// The event asked for and where its place is (the pin's foot; its head is
    /// [`PIN_PX`] above).
    pub selected: Option<(MapEvent, (f64, f64))>,
}

/// The name of a place without its country: "Rome" for "Rome, Italy".
pub fn short_place(p: &str) -> &str {
    p.split(',').next().unwrap_or(p).trim()
}

/// A label no longer than `max` characters.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A count that fits in a marker: 950, 4.6k, 41k, 190k, 1.2M.
pub fn short_count(n: u64) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_949 => format!("{:.1}k", n as f64 / 1e3),
        9_950..=999_499 => format!("{:.0}k", n as f64 / 1e3),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// One marker per cell at the mean of its events (a single event at its place), then merged
/// until no two overlap.
fn markers(frame: &Frame, cells: &MapCells) -> Vec<Marker> {
    let grid = frame.grid();
    let (cell_h, cell_w) = (
        (grid.north - grid.south) / grid.rows as f64,
        (grid.east - grid.west) / grid.cols as f64,
    );
    let mut markers: Vec<Marker> = cells
        .cells
        .iter()
        .map(|c| {
            let (r, col) = ((c.index / grid.cols) as f64, (c.index % grid.cols) as f64);
            let (x, y) = match (c.count, c.best.first()) {
                (1, Some(e)) => frame.px(e.lat, e.lon),
                _ => frame.px(c.lat, c.lon),
            };
            let n = grid.north - r * cell_h;
            let wv = grid.west + col * cell_w;
            Marker {
                x,
                y,
                count: c.count,
                deep: c.deep,
                events: c.best.clone(),
                bounds: (n - cell_h, wv, n, wv + cell_w),
            }
        })
        .collect();
    markers.sort_by_key(|m| std::cmp::Reverse(m.count));
    loop {
        let mut merged = false;
        let mut i = 0;
        while i < markers.len() {
            let mut j = i + 1;
            while j < markers.len() {
                let (a, b) = (&markers[i], &markers[j]);
                let gap = a.radius() + b.radius() + 2.0;
                if (a.x - b.x).hypot(a.y - b.y) < gap {
                    let b = markers.remove(j);
                    let a = &mut markers[i];
                    let n = (a.count + b.count) as f64;
                    a.x = (a.x * a.count as f64 + b.x * b.count as f64) / n;
                    a.y = (a.y * a.count as f64 + b.y * b.count as f64) / n;
                    a.count += b.count;
                    a.deep += b.deep;
                    a.events.extend(b.events);
                    a.events.truncate(3);
                    a.bounds = (
                        a.bounds.0.min(b.bounds.0),
                        a.bounds.1.min(b.bounds.1),
                        a.bounds.2.max(b.bounds.2),
                        a.bounds.3.max(b.bounds.3),
                    );
                    merged = true;
                } else {
                    j += 1;
                }
            }
            i += 1;
        }
        if !merged {
            break;
        }
    }
    markers
}

/// Labels that never overlap: each tries the spots beside its point in turn.
struct Labeller<'a> {
    placer: Placer,
    width: f64,
    height: f64,
    measure: &'a dyn Fn(&str, Kind) -> f64,
}

impl Labeller<'_> {
    /// Beside a point: right, left, above, below; further out for the selected event, whose
    /// name must show even among clusters.
    fn place(&mut self, x: f64, y: f64, r: f64, text: &str, kind: Kind) -> Option<Label> {
        let size = kind.size();
        let (tw, th) = ((self.measure)(text, kind), size * 1.2);
        let gaps: &[f64] = if kind == Kind::Selected {
            &[3.0, 16.0, 30.0, 48.0, 70.0]
        } else {
            &[3.0]
        };
        for g in gaps {
            let gap = r + g;
            for (lx, ly, anchor) in [
                (x + gap, y - th / 2.0, "start"),
                (x - gap - tw, y - th / 2.0, "end"),
                (x - tw / 2.0, y - gap - th, "middle"),
                (x - tw / 2.0, y + gap, "middle"),
            ] {
                if lx < 2.0 || ly < 2.0 || lx + tw > self.width - 2.0 || ly + th > self.height - 2.0
                {
                    continue;
                }
                let rect = [lx - 2.0, ly, lx + tw + 2.0, ly + th];
                if self.placer.try_take(rect) {
                    let ax = match anchor {
                        "start" => lx,
                        "end" => lx + tw,
                        _ => lx + tw / 2.0,
                    };
                    return Some(Label {
                        x: ax,
                        y: ly + th * 0.8,
                        anchor,
                        text: text.to_string(),
                        kind,
                        rect,
                    });
                }
            }
        }
        None
    }
}

/// Lays out the map of `cells` (counted on [`Frame::grid`]) in `frame`, with the event asked
/// for (`selected`) as a pin; `measure` gives a label's width in pixels.
pub fn layout(
    frame: &Frame,
    cells: &MapCells,
    selected: Option<MapEvent>,
    measure: &dyn Fn(&str, Kind) -> f64,
) -> MapLayout {
    let markers = markers(frame, cells);
    let mut l = Labeller {
        placer: Placer::default(),
        width: frame.width,
        height: frame.height,
        measure,
    };
    for m in &markers {
        let r = m.radius();
        l.placer.try_take([m.x - r, m.y - r, m.x + r, m.y + r]);
    }
    let selected = selected.map(|e| {
        let at = frame.px(e.lat, e.lon);
        (e, at)
    });
    let mut labels = Vec::new();
    // The selected event is a pin: its head above the place, so that it covers no count.
    if let Some((e, (x, y))) = &selected {
        let y = y - PIN_PX;
        l.placer.take([x - 8.0, y - 8.0, x + 8.0, y + 8.0]);
        labels.extend(l.place(*x, y, 8.0, &clip(&e.title, 40), Kind::Selected));
    }
    for m in &markers {
        let (text, kind) = match (m.count, m.events.first()) {
            (1, Some(e)) => (clip(&e.title, 32), Kind::Event),
            (n, Some(e)) if !e.place.is_empty() => (
                format!(
                    "{} · {}",
                    clip(short_place(&e.place), 20),
                    annals_dates::thousands(n)
                ),
                Kind::Cluster,
            ),
            (n, _) => (annals_dates::thousands(n), Kind::Cluster),
        };
        labels.extend(l.place(m.x, m.y, m.radius(), &text, kind));
    }
    let mut cities = Vec::new();
    for b in base_labels() {
        let (x, y) = frame.px(b.lat, b.lon);
        if x < 0.0 || y < 0.0 || x > frame.width || y > frame.height {
            continue;
        }
        if b.kind == "country" {
            let tw = measure(&b.name, Kind::Country);
            if tw > b.width * SCALE * frame.k * 0.9 {
                continue;
            }
            let size = Kind::Country.size();
            let rect = [x - tw / 2.0, y - size * 0.6, x + tw / 2.0, y + size * 0.6];
            if rect[0] > 2.0 && rect[2] < frame.width - 2.0 && l.placer.try_take(rect) {
                labels.push(Label {
                    x,
                    y: y + size * 0.35,
                    anchor: "middle",
                    text: b.name.clone(),
                    kind: Kind::Country,
                    rect,
                });
            }
        } else if cities.len() < MAX_CITIES {
            // A city is named when its dot and its name fit.
            if !l.placer.try_take([x - 2.0, y - 2.0, x + 2.0, y + 2.0]) {
                continue;
            }
            if let Some(label) = l.place(x, y, 1.5, &b.name, Kind::City) {
                cities.push((x, y));
                labels.push(label);
            }
        }
    }
    MapLayout {
        markers,
        labels,
        cities,
        selected,
    }
}

/// Events that start before this day (1 January 10,000 BC) are deep time: drawn hollow, as
/// today's coastlines are not theirs.
pub fn deep_before() -> i64 {
    static DAY: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    *DAY.get_or_init(|| {
        annals_dates::When::from_text("10000 BC", annals_dates::CalendarHint::Auto)
            .map_or(i64::MIN, |w| w.axis_range().0)
    })
}

/// An event as the map's pin shows it: its title, date and first located place (`None`
/// when none of its places has coordinates).
pub fn selected(e: &annals_core::Event) -> Option<MapEvent> {
    let place = e
        .places
        .iter()
        .find(|p| p.lat.is_some() && p.lon.is_some())?;
    Some(MapEvent {
        id: e.id.clone(),
        title: e.title.clone(),
        date: e.date.written(),
        place: format!("{}, {}", place.name, place.country),
        places: Vec::new(),
        lat: place.lat?,
        lon: place.lon?,
        deep: false,
        title_lang: None,
        titles: annals_index::Titles::of_event(e),
    })
}

/// Names each event of `m` by the place it is drawn at: the index draws an event at its first
/// located place but keeps every place's name, so the name is the first whose gazetteer
/// position is within about 150 km of the event's, else the first the gazetteer does not know
/// (coordinates given with it), else the first.
pub fn name_places(m: &mut MapCells) {
    let g = annals_places::Gazetteer::get();
    let near = |label: &str, lat: f64, lon: f64| -> Option<bool> {
        let (name, country) = label.rsplit_once(", ").unwrap_or((label, ""));
        let hit = g.resolve(name, country).or_else(|| g.resolve(label, ""))?;
        let dx = (hit.lon - lon) * lat.to_radians().cos();
        Some(dx.hypot(hit.lat - lat) < 1.4)
    };
    let name = |e: &mut MapEvent| {
        if e.places.len() < 2 {
            return;
        }
        let checked: Vec<Option<bool>> = e.places.iter().map(|p| near(p, e.lat, e.lon)).collect();
        let pick = checked
            .iter()
            .position(|c| *c == Some(true))
            .or_else(|| checked.iter().position(Option::is_none))
            .unwrap_or(0);
        e.place = e.places[pick].clone();
    };
    for c in &mut m.cells {
        c.best.iter_mut().for_each(name);
    }
    m.top.iter_mut().for_each(name);
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_index::MapCell;

    fn event(id: &str, lat: f64, lon: f64) -> MapEvent {
        MapEvent {
            id: id.into(),
            title: format!("The event called {id}"),
            date: "1066".into(),
            place: format!("Place {id}, Country"),
            places: Vec::new(),
            lat,
            lon,
            deep: false,
            title_lang: None,
            titles: Default::default(),
        }
    }

    /// Cells as the index counts them: every event in its own cell's list.
    fn cells(frame: &Frame, events: &[MapEvent]) -> MapCells {
        let grid = frame.grid();
        let mut out: Vec<MapCell> = Vec::new();
        for e in events {
            let Some(i) = grid.cell(e.lat, e.lon) else {
                continue;
            };
            match out.iter_mut().find(|c| c.index == i) {
                Some(c) => {
                    let n = c.count as f64;
                    c.lat = (c.lat * n + e.lat) / (n + 1.0);
                    c.lon = (c.lon * n + e.lon) / (n + 1.0);
                    c.count += 1;
                    if c.best.len() < 3 {
                        c.best.push(e.clone());
                    }
                }
                None => out.push(MapCell {
                    index: i,
                    count: 1,
                    deep: 0,
                    lat: e.lat,
                    lon: e.lon,
                    best: vec![e.clone()],
                }),
            }
        }
        out.sort_by_key(|c| c.index);
        MapCells {
            total: events.len() as u64,
            deep: 0,
            cells: out,
            top: Vec::new(),
        }
    }

    fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
        a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
    }

    #[test]
    fn views_read() {
        assert_eq!(parse_view("10,20,30,40"), Some((10.0, 20.0, 30.0, 40.0)));
        assert_eq!(
            parse_view(" -120, -180 ,120,180"),
            Some((-120.0, -180.0, 120.0, 180.0)),
            "sea above and below"
        );
        assert_eq!(parse_view("30,20,10,40"), None, "south of north");
        assert_eq!(parse_view("95,0,100,10"), None, "nothing of the world");
        assert_eq!(parse_view("10,20,30,40,50"), None);
        assert_eq!(parse_view("10,20,30,x"), None);
        assert_eq!(parse_view("nonsense"), None);
        assert_eq!(parse_view("NaN,0,10,10"), None);
    }

    #[test]
    fn frames_fit_the_view_and_come_back() {
        let f = Frame::new((-90.0, -180.0, 90.0, 180.0), (960.0, 480.0));
        assert_eq!(f.px(90.0, -180.0), (0.0, 0.0));
        assert_eq!(f.px(-90.0, 180.0), (960.0, 480.0));
        let (x, y) = f.px(48.85, 2.35);
        let (ux, uy) = f.units(x, y);
        assert!(
            (ux - project(48.85, 2.35).0).abs() < 1e-9
                && (uy - project(48.85, 2.35).1).abs() < 1e-9
        );
        // a tall box: the world is centred, sea above and below
        let tall = Frame::new((-90.0, -180.0, 90.0, 180.0), (400.0, 800.0));
        assert_eq!(tall.px(90.0, -180.0), (0.0, 300.0));
        assert!(
            f.whole_world() && !Frame::new((0.0, 0.0, 10.0, 10.0), (500.0, 500.0)).whole_world()
        );
        // at the equator a pixel of the whole world at 960 px is 360 / 960 degrees
        let (lat, km) = f.km_per_px();
        assert_eq!(lat, 0.0);
        assert!((km - 111.32 * 360.0 / 960.0).abs() < 1e-6, "{km}");
        let europe = Frame::new((40.0, -10.0, 60.0, 30.0), (800.0, 400.0));
        assert_eq!(europe.km_per_px().0, 50.0);
    }

    #[test]
    fn markers_and_labels_never_overlap() {
        let frame = Frame::new((-90.0, -180.0, 90.0, 180.0), (1200.0, 600.0));
        // a crowd in Europe, a few apart elsewhere
        let mut events = Vec::new();
        for i in 0..200 {
            let (a, b) = ((i % 20) as f64, (i / 20) as f64);
            events.push(event(&format!("e{i}"), 40.0 + a, -5.0 + 3.0 * b));
        }
        events.push(event("tokyo", 35.7, 139.7));
        events.push(event("lima", -12.0, -77.0));
        let cells = cells(&frame, &events);
        let measure = |t: &str, k: Kind| crate::font::width(t, k.size(), false);
        let l = layout(&frame, &cells, Some(event("asked", 51.5, -0.1)), &measure);
        assert_eq!(
            l.markers.iter().map(|m| m.count).sum::<u64>(),
            202,
            "every event counted once"
        );
        for (i, a) in l.markers.iter().enumerate() {
            for b in &l.markers[i + 1..] {
                assert!((a.x - b.x).hypot(a.y - b.y) >= a.radius() + b.radius() + 2.0 - 1e-9);
            }
        }
        let mut boxes: Vec<[f64; 4]> = l
            .markers
            .iter()
            .map(|m| {
                let r = m.radius();
                [m.x - r, m.y - r, m.x + r, m.y + r]
            })
            .collect();
        for (i, a) in l.labels.iter().enumerate() {
            assert!(
                a.rect[0] >= 0.0 && a.rect[2] <= 1200.0 && a.rect[1] >= 0.0 && a.rect[3] <= 600.0
            );
            for b in &boxes {
                assert!(!overlap(a.rect, *b), "{:?} over a marker", a.text);
            }
            for b in &l.labels[i + 1..] {
                assert!(!overlap(a.rect, b.rect), "{:?} over {:?}", a.text, b.text);
            }
            boxes.push(a.rect);
        }
        let texts: Vec<&str> = l.labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            l.labels[0].kind,
            Kind::Selected,
            "the event asked for is named first"
        );
        assert!(texts.contains(&"The event called tokyo"), "{texts:?}");
        assert!(l
            .labels
            .iter()
            .any(|l| l.kind == Kind::Cluster && l.text.starts_with("Place ")));
        assert!(
            l.labels.iter().any(|l| l.kind == Kind::Country),
            "countries are named"
        );
        assert_eq!(
            l.cities.len(),
            l.labels.iter().filter(|l| l.kind == Kind::City).count()
        );
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(short_place("Rome, Italy"), "Rome");
        assert_eq!(clip("Battle of Hastings", 40), "Battle of Hastings");
        assert_eq!(clip("abcdefghij", 5), "abcd…");
        let short: Vec<String> = [7, 999, 4_649, 9_960, 41_064, 190_436, 1_234_567]
            .into_iter()
            .map(short_count)
            .collect();
        assert_eq!(short, ["7", "999", "4.6k", "10k", "41k", "190k", "1.2M"]);
    }
}
