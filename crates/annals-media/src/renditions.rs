//! Smaller copies of a picture: one for each of [`crate::WIDTHS`] narrower than the picture
//! (the narrowest made from the next wider one, not each from the full picture), or the
//! picture at its own width when it is narrower than them all; lossy WebP (with its alpha
//! channel when it has one).

use crate::{Rendition, WIDTHS};
use image::imageops::FilterType;
use image::DynamicImage;

/// The tallest a WebP file may be.
const WEBP_MAX: u32 = 16_383;

/// The WebP quality: where photographs stop showing blocks.
const QUALITY: f32 = 78.0;

/// The smaller copies of `picture`, narrowest first.
pub(crate) fn make(picture: &DynamicImage) -> Vec<Rendition> {
    let mut widths: Vec<u32> = WIDTHS
        .iter()
        .copied()
        .filter(|&w| w < picture.width())
        .collect();
    if widths.is_empty() {
        widths.push(picture.width());
    }
    let mut out = Vec::new();
    let mut from = picture.clone();
    for &w in widths.iter().rev() {
        let copy = if w == from.width() && from.height() <= WEBP_MAX {
            from.clone()
        } else {
            from.resize(w, WEBP_MAX, FilterType::CatmullRom)
        };
        if let Some(bytes) = webp(&copy) {
            out.push(Rendition {
                width: copy.width(),
                height: copy.height(),
                bytes,
            });
        }
        from = copy;
    }
    out.reverse();
    out
}

/// `picture` as a lossy WebP file (`None`: libwebp refused it, which the sizes above rule
/// out).
fn webp(picture: &DynamicImage) -> Option<Vec<u8>> {
    let (w, h) = (picture.width(), picture.height());
    let (rgba, rgb);
    let encoder = if picture.color().has_alpha() {
        rgba = picture.to_rgba8();
        webp::Encoder::from_rgba(&rgba, w, h)
    } else {
        rgb = picture.to_rgb8();
        webp::Encoder::from_rgb(&rgb, w, h)
    };
    encoder
        .encode_simple(false, QUALITY)
        .ok()
        .map(|m| m.to_vec())
}
