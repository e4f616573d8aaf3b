//! Figures to print and put on slides: a window of the timeline or a view of the map as SVG,
//! and the SVG as PNG or PDF. The layouts are ours ([`timeline`]: a time axis with "nice"
//! ticks from days to billions of years, events in lanes so that no two labels ever overlap;
//! [`map`]: markers merged until none overlap and labels placed around them, the same layout
//! the web map page draws, on the base map of [`world`]; [`map_figure`]: that map with a
//! title, a scale bar, a legend and the credits); text is measured with the bundled font
//! ([`font`]: DejaVu Sans, from the `dejavu` crate), so the SVG, the PNG and the PDF place
//! every letter alike. PNG and PDF come from the SVG through `resvg` and `svg2pdf`
//! ([`raster`]); what a figure shows comes from the search index ([`source`]). No I/O of its
//! own.

pub mod axis;
pub mod font;
pub mod map;
pub mod map_figure;
pub mod raster;
pub mod scale;
pub mod source;
pub mod timeline;
pub mod world;

pub use map_figure::{map_svg, MapFigure};
pub use raster::{to_pdf, to_png};
pub use source::{map_figure, timeline_figure, MapWindow, Window};
pub use timeline::{timeline_svg, Figure, Mark};

/// What can go wrong when making a figure.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The figure's own SVG did not parse (a bug: say so).
    #[error("the figure's SVG does not parse: {0}")]
    Svg(String),
    /// The rasteriser or the PDF writer failed.
    #[error("cannot draw the figure: {0}")]
    Draw(String),
}

/// Escape text for XML.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The colours of every figure, those of the web pages: text, quieter text, the accent, rules.
pub(crate) const INK: &str = "#1d1d1f";
pub(crate) const MUTED: &str = "#595e63";
pub(crate) const ACCENT: &str = "#8a3b12";
pub(crate) const LINE: &str = "#dcdad5";

/// The start of a figure's SVG document, `w` × `h` pixels on white, with its title and
/// subtitle at the top left, `margin` from the edge.
pub(crate) fn figure_head(w: f64, h: f64, margin: f64, title: &str, subtitle: &str) -> String {
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{family}">"#,
            r#"<rect width="{w}" height="{h}" fill="white"/>"#,
            r#"<text x="{m}" y="56" font-size="28" font-weight="bold" fill="{ink}">{title}</text>"#,
            r#"<text x="{m}" y="86" font-size="15" fill="{muted}">{subtitle}</text>"#
        ),
        w = w,
        h = h,
        m = margin,
        family = font::FAMILY,
        ink = INK,
        muted = MUTED,
        title = esc(title),
        subtitle = esc(subtitle)
    )
}

/// A figure's footer line: what it shows (`facts`) at the left, the credit at the right, both
/// on the baseline `y` between `left` and `right`.
pub(crate) fn figure_footer(left: f64, right: f64, y: f64, facts: &str, credit: &str) -> String {
    let cw = font::width(credit, 12.0, false);
    // the credit at the right of the facts, or under them when the line is too short for both
    let fw = font::width(facts, 13.0, false);
    let cy = if left + fw + 24.0 + cw > right {
        y + 18.0
    } else {
        y
    };
    format!(
        concat!(
            r#"<text x="{left}" y="{y:.1}" font-size="13" fill="{muted}">{facts}</text>"#,
            r#"<text x="{cx:.1}" y="{cy:.1}" font-size="12" fill="{muted}">{credit}</text>"#
        ),
        left = left,
        y = y,
        cy = cy,
        cx = (right - cw).max(left),
        muted = MUTED,
        facts = esc(facts),
        credit = esc(credit)
    )
}

/// The kinds of file a figure is written as, by the name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.svg`.
    Svg,
    /// `.png`.
    Png,
    /// `.pdf`.
    Pdf,
}

impl Format {
    /// The format a file name asks for (`None`: not one of `.svg`, `.png`, `.pdf`).
    pub fn of(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The figure's SVG as this format's bytes.
    pub fn bytes(self, svg: &str) -> Result<Vec<u8>, RenderError> {
        match self {
            Format::Svg => Ok(svg.as_bytes().to_vec()),
            Format::Png => to_png(svg),
            Format::Pdf => to_pdf(svg),
        }
    }
}
