//! The one font of every figure, DejaVu Sans (regular and bold, from the `dejavu` crate:
//! Bitstream Vera licence, DejaVu's changes in the public domain), and text widths measured
//! with it, so that the layout knows where each label ends.

use std::sync::OnceLock;

/// The family name the SVG asks for.
pub const FAMILY: &str = "DejaVu Sans";

/// The regular face's bytes.
pub fn regular() -> &'static [u8] {
    dejavu::sans::regular()
}

/// The bold face's bytes.
pub fn bold() -> &'static [u8] {
    dejavu::sans::bold()
}

/// Advance widths of one face, per 1000 units of the em, for the characters up to U+2FFF.
struct Widths {
    per_char: Vec<u16>,
    fallback: u16,
}

impl Widths {
    fn of(face: &[u8]) -> Widths {
        let Ok(f) = ttf_parser::Face::parse(face, 0) else {
            return Widths {
                per_char: Vec::new(),
                fallback: 600,
            };
        };
        let em = f64::from(f.units_per_em().max(1));
        let width = |c: char| -> Option<u16> {
            let g = f.glyph_index(c)?;
            let a = f.glyph_hor_advance(g)?;
            Some((f64::from(a) * 1000.0 / em).round() as u16)
        };
        let fallback = width('n').unwrap_or(600);
        let per_char = (0u32..0x3000)
            .map(|u| char::from_u32(u).and_then(width).unwrap_or(fallback))
            .collect();
        Widths { per_char, fallback }
    }

    fn measure(&self, text: &str, size: f64) -> f64 {
        let units: u64 = text
            .chars()
            .map(|c| {
                u64::from(
                    self.per_char
                        .get(c as usize)
                        .copied()
                        .unwrap_or(self.fallback),
                )
            })
            .sum();
        units as f64 * size / 1000.0
    }
}

/// The width of `text` in pixels at `size` px, bold or not.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    static REGULAR: OnceLock<Widths> = OnceLock::new();
    static BOLD: OnceLock<Widths> = OnceLock::new();
    let w = if bold {
        BOLD.get_or_init(|| Widths::of(self::bold()))
    } else {
        REGULAR.get_or_init(|| Widths::of(regular()))
    };
    w.measure(text, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_weight() {
        let a = width("Battle of Hastings", 14.0, false);
        assert!(a > 100.0 && a < 160.0, "{a}");
        assert!(width("Battle of Hastings", 14.0, true) > a);
        assert!(width("iiii", 14.0, false) < width("MMMM", 14.0, false));
        assert_eq!(width("", 14.0, false), 0.0);
    }
}
