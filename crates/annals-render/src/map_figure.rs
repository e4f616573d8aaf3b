//! A view of the map as an SVG figure: a title and subtitle, the base map (countries, named
//! countries and cities), the events as dots and clusters with their names ([`crate::map`]:
//! the layout of the web map page, measured with the bundled font), a legend, a scale bar true
//! at the view's middle latitude, and the credits of the map's data.

use crate::font::width;
use crate::map::{short_count, Frame, Kind, MapLayout, PIN_PX};
use crate::world::countries;
use crate::{esc, ACCENT, INK, LINE, MUTED};
use std::fmt::Write;

/// What a map figure shows.
#[derive(Debug, Clone, PartialEq)]
pub struct MapFigure {
    /// The title ("Battles, 1800 – 1900").
    pub title: String,
    /// A line under it (how many events, the query, the window).
    pub subtitle: String,
    /// The map's box: its width and height in pixels, and the view in it.
    pub frame: Frame,
    /// What is drawn on it.
    pub layout: MapLayout,
    /// Located events in the view.
    pub total: u64,
    /// How many of them are deep time (drawn hollow).
    pub deep: u64,
    /// Who made it and from what ("annals · demo corpus · 2026-12-04").
    pub credit: String,
}

/// Margins around the map: left and right, the header above it, the footer below.
pub const MARGIN: f64 = 48.0;
pub const TOP: f64 = 112.0;
const FOOT: f64 = 118.0;

const CLUSTER: &str = "#a4461a";
const SELECTED: &str = "#1d4ed8";
const SEA: &str = "#e8f0f5";
const LAND: &str = "#e6e1d6";
const BORDER: &str = "#a9a294";
/// The data under every map.
pub const DATA_CREDIT: &str = "Country outlines: Natural Earth (public domain), via world-atlas · Cities: GeoNames (CC BY 4.0) · Equirectangular projection";

/// The width of a label as the figure draws it: events and clusters bold, countries in
/// spaced capitals, cities plain.
pub fn measure(text: &str, kind: Kind) -> f64 {
    let size = kind.size();
    match kind {
        Kind::Country => {
            width(&text.to_uppercase(), size, false) + 0.04 * size * text.chars().count() as f64
        }
        Kind::City => width(text, size, false),
        Kind::Selected | Kind::Event | Kind::Cluster => width(text, size, true),
    }
}

/// The size of the map's box in a figure `width` pixels wide showing `view`: the view's shape,
/// within 1:3 and 3:2 (height over width).
pub fn map_size(view: (f64, f64, f64, f64), width: f64) -> (f64, f64) {
    let w = width.max(480.0) - 2.0 * MARGIN;
    (w, (w * Frame::aspect(view)).clamp(w / 3.0, w * 1.5).round())
}

/// A length for the scale bar: 1, 2 or 5 times a power of ten kilometres, about 120 pixels.
pub fn scale_bar(km_per_px: f64) -> (f64, f64) {
    let target = 120.0 * km_per_px;
    let p = 10f64.powf(target.log10().floor());
    let km = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .min_by(|a, b| (a / target).ln().abs().total_cmp(&(b / target).ln().abs()))
        .unwrap_or(p);
    (km, km / km_per_px)
}

/// A latitude as people write it: "the equator", "45° N".
fn latitude(lat: f64) -> String {
    match lat.round() as i64 {
        0 => "the equator".to_string(),
        l if l > 0 => format!("{l}° N"),
        l => format!("{}° S", -l),
    }
}

/// The figure as an SVG document.
pub fn map_svg(f: &MapFigure) -> String {
    let (fw, fh) = (f.frame.width, f.frame.height);
    let w = fw + 2.0 * MARGIN;
    let h = TOP + fh + FOOT;
    let mut s = crate::figure_head(w, h, MARGIN, &f.title, &f.subtitle);
    // the base map, clipped to the box
    let _ = write!(
        s,
        r#"<defs><clipPath id="box"><rect x="{MARGIN}" y="{TOP}" width="{fw}" height="{fh}"/></clipPath></defs>"#
    );
    let (tx, ty) = f.frame.origin();
    let k = f.frame.scale();
    let _ = write!(
        s,
        r#"<g clip-path="url(#box)"><rect x="{MARGIN}" y="{TOP}" width="{fw}" height="{fh}" fill="{SEA}"/><g class="countries" transform="translate({:.3} {:.3}) scale({k:.5})" fill="{LAND}" stroke="{BORDER}" stroke-width="{:.4}" stroke-linejoin="round">{}</g></g>"#,
        MARGIN + tx,
        TOP + ty,
        0.7 / k,
        countries()
    );
    let _ = write!(
        s,
        r#"<rect x="{MARGIN}" y="{TOP}" width="{fw}" height="{fh}" fill="none" stroke="{LINE}" stroke-width="1"/>"#
    );
    // the events and the names, in the box's pixels
    let _ = write!(s, r#"<g transform="translate({MARGIN} {TOP})">"#);
    s.push_str(r#"<g class="cities">"#);
    for (x, y) in &f.layout.cities {
        let _ = write!(
            s,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="1.8" fill="#55524c"/>"##
        );
    }
    s.push_str(r#"</g><g class="markers">"#);
    for m in &f.layout.markers {
        let r = m.radius();
        let deep = m.deep == m.count;
        let (fill, stroke) = match (m.count, deep) {
            (_, true) => ("white", ACCENT),
            (1, false) => (ACCENT, "white"),
            (_, false) => (CLUSTER, "white"),
        };
        let _ = write!(
            s,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>"#,
            m.x, m.y
        );
        if m.count > 1 {
            let _ = write!(
                s,
                r#"<text x="{:.1}" y="{:.1}" font-size="11" font-weight="bold" text-anchor="middle" fill="{}">{}</text>"#,
                m.x,
                m.y + 4.0,
                if deep { ACCENT } else { "white" },
                short_count(m.count)
            );
        }
    }
    if let Some((_, (x, y))) = &f.layout.selected {
        let _ = write!(
            s,
            r#"<line x1="{x:.1}" y1="{y:.1}" x2="{x:.1}" y2="{:.1}" stroke="{SELECTED}" stroke-width="2.5"/><circle cx="{x:.1}" cy="{y:.1}" r="2.5" fill="{SELECTED}"/><circle cx="{x:.1}" cy="{:.1}" r="7" fill="{SELECTED}" stroke="white" stroke-width="2.5"/>"#,
            y - PIN_PX + 6.0,
            y - PIN_PX
        );
    }
    s.push_str(r#"</g><g class="labels">"#);
    for l in &f.layout.labels {
        let size = l.kind.size();
        let (text, style) = match l.kind {
            Kind::Selected => (
                l.text.clone(),
                format!(r#"font-weight="bold" fill="{SELECTED}" stroke="white""#),
            ),
            Kind::Event => (
                l.text.clone(),
                format!(r#"font-weight="bold" fill="{INK}" stroke="white""#),
            ),
            Kind::Cluster => (
                l.text.clone(),
                r##"font-weight="bold" fill="#6b2c0c" stroke="white""##.to_string(),
            ),
            Kind::Country => (
                l.text.to_uppercase(),
                format!(
                    r##"fill="#6f675a" stroke="{LAND}" letter-spacing="{:.2}""##,
                    0.04 * size
                ),
            ),
            Kind::City => (
                l.text.clone(),
                format!(r##"fill="#55524c" stroke="{LAND}""##),
            ),
        };
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-size="{size}" text-anchor="{}" {style} stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text>"#,
            l.x,
            l.y,
            l.anchor,
            esc(&text)
        );
    }
    s.push_str("</g></g>");
    // the legend, left; the scale bar, right
    let ly = TOP + fh + 34.0;
    let cy = ly - 4.5;
    let mut items = vec![
        (
            format!(r#"r="5.5" fill="{ACCENT}" stroke="white" stroke-width="1.5""#),
            "an event",
        ),
        (
            format!(r#"r="9" fill="{CLUSTER}""#),
            "events near each other, with their count",
        ),
    ];
    if f.deep > 0 {
        items.push((
            format!(r#"r="7" fill="white" stroke="{ACCENT}" stroke-width="2""#),
            "deep time (before 10,000 BC): today's coastlines are not theirs",
        ));
    }
    if f.layout.selected.is_some() {
        items.push((format!(r#"r="7" fill="{SELECTED}""#), "the event asked for"));
    }
    let mut x = MARGIN;
    for (circle, text) in items {
        let _ = write!(
            s,
            r#"<circle cx="{:.1}" cy="{cy:.1}" {circle}/><text x="{:.1}" y="{ly:.1}" font-size="13" fill="{MUTED}">{}</text>"#,
            x + 9.0,
            x + 22.0,
            esc(text)
        );
        x += 22.0 + width(text, 13.0, false) + 26.0;
    }
    let (lat, km_per_px) = f.frame.km_per_px();
    let (km, px) = scale_bar(km_per_px);
    let right = MARGIN + fw;
    let note = format!("at {}", latitude(lat));
    let bar_x = right - px - width(&note, 12.0, false) - 12.0;
    let _ = write!(
        s,
        r#"<g class="scale"><path d="M{bar_x:.1} {:.1}V{:.1}H{:.1}V{:.1}" fill="none" stroke="{INK}" stroke-width="1.5"/><text x="{bar_x:.1}" y="{:.1}" font-size="12" fill="{INK}">0</text><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end" fill="{INK}">{} km</text><text x="{:.1}" y="{:.1}" font-size="12" fill="{MUTED}">{}</text></g>"#,
        ly - 10.0,
        ly - 4.0,
        bar_x + px,
        ly - 10.0,
        ly - 16.0,
        bar_x + px,
        ly - 16.0,
        grouped_km(km),
        bar_x + px + 12.0,
        ly - 4.0,
        esc(&note)
    );
    // what is shown, the credits
    let drawn: u64 = f.layout.markers.iter().map(|m| m.count).sum();
    let where_ = if f.frame.whole_world() {
        ""
    } else {
        " in this view"
    };
    let facts = match f.total {
        1 => format!("The one located event{where_}"),
        n if drawn == n => format!("All {n} located events{where_}"),
        n => format!("{drawn} of the {n} located events{where_}"),
    };
    s.push_str(&crate::figure_footer(
        MARGIN,
        right,
        ly + 28.0,
        &facts,
        &f.credit,
    ));
    let _ = write!(
        s,
        r#"<text x="{MARGIN}" y="{:.1}" font-size="12" fill="{MUTED}">{}</text>"#,
        ly + 50.0,
        esc(DATA_CREDIT)
    );
    s.push_str("</svg>\n");
    s
}

/// Kilometres for the scale bar: "2,000", "500", "0.5".
fn grouped_km(km: f64) -> String {
    if km >= 1.0 {
        annals_dates::thousands(km.round() as u64)
    } else {
        format!("{km}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::{layout, Frame};
    use annals_index::{MapCell, MapCells, MapEvent};

    fn figure(view: (f64, f64, f64, f64), selected: bool) -> MapFigure {
        let frame = Frame::new(view, map_size(view, 1200.0));
        let e = |id: &str, title: &str, lat: f64, lon: f64| MapEvent {
            id: id.into(),
            title: title.into(),
            date: "1066".into(),
            place: "Hastings, United Kingdom".into(),
            places: Vec::new(),
            lat,
            lon,
            deep: false,
            title_lang: None,
            titles: Default::default(),
        };
        let hastings = e("hastings", "Battle of Hastings <1066> & after", 50.9, 0.5);
        let grid = frame.grid();
        let mut cells = MapCells {
            total: 3,
            deep: 0,
            cells: Vec::new(),
            top: Vec::new(),
        };
        let places = [
            (50.9, 0.5, 2, vec![hastings.clone(), hastings.clone()]),
            (
                35.0,
                139.0,
                1,
                vec![e("edo", "Edo becomes the capital", 35.0, 139.0)],
            ),
        ];
        for (lat, lon, count, best) in places {
            if let Some(index) = grid.cell(lat, lon) {
                cells.cells.push(MapCell {
                    index,
                    count,
                    deep: 0,
                    lat,
                    lon,
                    best,
                });
            }
        }
        let layout = layout(&frame, &cells, selected.then_some(hastings), &measure);
        MapFigure {
            title: "Battles & capitals".into(),
            subtitle: "3 located events".into(),
            frame,
            layout,
            total: 3,
            deep: 0,
            credit: "annals · test".into(),
        }
    }

    #[test]
    fn the_figure_has_its_parts_and_escapes_text() {
        let svg = map_svg(&figure((-90.0, -180.0, 90.0, 180.0), true));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert!(svg.contains("Battles &amp; capitals"));
        assert!(svg.contains("Edo becomes the capital"));
        assert!(
            svg.contains("Battle of Hastings &lt;1066&gt; &amp; after"),
            "the asked-for event is named"
        );
        assert!(svg.matches("<path").count() > 150, "the countries");
        assert!(
            svg.contains(">RUSSIA<") && svg.contains(">BRAZIL<"),
            "countries named in capitals"
        );
        assert!(
            svg.contains(" km</text>") && svg.contains("at the equator"),
            "a scale bar"
        );
        assert!(
            svg.contains("Natural Earth") && svg.contains("GeoNames"),
            "credits"
        );
        assert!(svg.contains("All 3 located events"));
        assert!(svg.contains("the event asked for"));
        // it draws, as PNG and PDF
        let png = crate::to_png(&svg).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        assert!(crate::to_pdf(&svg).unwrap().starts_with(b"%PDF-"));
    }

    #[test]
    fn a_view_keeps_its_shape_and_its_scale() {
        let europe = (35.0, -12.0, 62.0, 32.0);
        let (w, h) = map_size(europe, 1600.0);
        assert_eq!(w, 1504.0);
        assert_eq!(h, (1504.0f64 * 27.0 / 44.0).round());
        let f = figure(europe, false);
        let svg = map_svg(&f);
        assert!(svg.contains("at 49° N"), "true at the middle latitude");
        assert!(svg.contains("in this view"));
        assert!(!svg.contains("the event asked for"));
        // 1, 2 or 5 times a power of ten, about 120 px long
        for kpp in [0.01, 0.3, 3.3, 17.0, 40.0] {
            let (km, px) = scale_bar(kpp);
            let lead = km / 10f64.powf(km.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (lead - m).abs() < 1e-9),
                "{km}"
            );
            assert!((60.0..=240.0).contains(&px), "{kpp}: {px}");
        }
    }
}
