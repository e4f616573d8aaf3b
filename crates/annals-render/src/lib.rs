//! Figures to print and put on slides: a window of the timeline as SVG, and the SVG as PNG or
//! PDF. The layout is ours ([`timeline`]: a time axis with "nice" ticks from days to billions of
//! years, events in lanes so that no two labels ever overlap, a title, a legend and a credit
//! line); text is measured with the bundled font ([`font`]: DejaVu Sans, from the `dejavu`
//! crate), so the SVG, the PNG and the PDF place every letter alike. PNG and PDF come from the
//! SVG through `resvg` and `svg2pdf` ([`raster`]); what a figure shows comes from the search
//! index ([`source`]). No I/O of its own.

pub mod axis;
pub mod font;
pub mod raster;
pub mod source;
pub mod timeline;

pub use raster::{to_pdf, to_png};
pub use source::{timeline_figure, Window};
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
