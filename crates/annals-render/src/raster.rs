//! A figure's SVG as PNG (`resvg`, at twice the size for print and high-density screens) and as
//! PDF (`svg2pdf`, text as text in the embedded font), both with the bundled font only: no
//! system font is looked up, so a figure looks the same on every machine.

use crate::font;
use crate::RenderError;
use std::sync::Arc;

/// The SVG parsed with the bundled font.
fn tree(svg: &str) -> Result<resvg::usvg::Tree, RenderError> {
    let mut opt = resvg::usvg::Options {
        font_family: font::FAMILY.to_string(),
        ..Default::default()
    };
    let db = opt.fontdb_mut();
    db.load_font_data(font::regular().to_vec());
    db.load_font_data(font::bold().to_vec());
    opt.fontdb = Arc::new(opt.fontdb.as_ref().clone());
    resvg::usvg::Tree::from_str(svg, &opt).map_err(|e| RenderError::Svg(e.to_string()))
}

/// The figure as a PNG, at twice its size in pixels.
pub fn to_png(svg: &str) -> Result<Vec<u8>, RenderError> {
    let tree = tree(svg)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(2.0)
        .ok_or_else(|| RenderError::Draw("the figure is too large".into()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| RenderError::Draw("the figure is too large".into()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Draw(e.to_string()))
}

/// The figure as a one-page PDF of its size.
pub fn to_pdf(svg: &str) -> Result<Vec<u8>, RenderError> {
    let tree = tree(svg)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| RenderError::Draw(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60"><rect width="200" height="60" fill="white"/><text x="10" y="40" font-size="20" font-family="DejaVu Sans">Hastings 1066</text></svg>"#;

    #[test]
    fn png_and_pdf() {
        let png = to_png(SVG).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // width and height in the IHDR chunk: twice the SVG's
        let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let h = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!((w, h), (400, 120));
        let pdf = to_pdf(SVG).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        // the text is drawn with the bundled font, embedded
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("DejaVu"), "the font is embedded");
        assert!(matches!(to_png("<svg"), Err(RenderError::Svg(_))));
    }
}
