//! A picture for the tests of uploads, drawn here (no file to ship): a harbour at dusk, sky,
//! sea, a sun and a sail, with a comment in its JPEG that says where it was "taken" (which an
//! upload must strip). Included with `#[path]` by each test crate that needs it.
#![allow(dead_code)] // each test crate uses a different subset

use image::{ImageEncoder, Rgb, RgbImage};

/// The picture as pixels.
fn harbour(width: u32, height: u32) -> RgbImage {
    let horizon = height * 3 / 5;
    let (sun_x, sun_y, sun_r) = (
        width as f32 * 0.7,
        horizon as f32 * 0.75,
        height as f32 / 10.0,
    );
    RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let sail = {
            let (mx, top, foot) = (width as f32 * 0.3, horizon as f32 * 0.55, horizon as f32);
            fy > top && fy < foot && fx > mx && fx < mx + (fy - top) * 0.6
        };
        if sail {
            Rgb([245, 240, 228])
        } else if (fx - sun_x).powi(2) + (fy - sun_y).powi(2) < sun_r * sun_r {
            Rgb([255, 214, 120])
        } else if y < horizon {
            let t = fy / horizon as f32;
            Rgb([
                (60.0 + 180.0 * t) as u8,
                (70.0 + 90.0 * t) as u8,
                (140.0 - 40.0 * t) as u8,
            ])
        } else {
            let t = (fy - horizon as f32) / (height - horizon) as f32;
            let wave = ((fx / 9.0 + fy / 3.0).sin() * 12.0) as i32;
            Rgb([
                (30 + wave.max(0)) as u8,
                (70.0 - 30.0 * t) as u8 + wave.unsigned_abs() as u8 / 2,
                (120.0 - 50.0 * t) as u8,
            ])
        }
    })
}

/// The picture as a PNG file.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = harbour(width, height);
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&img, width, height, image::ExtendedColorType::Rgb8)
        .expect("PNG");
    out
}

/// The words the JPEG's comment carries: an upload must not keep them.
pub const SECRET: &str = "taken at 48.8584 N 2.2945 E by camera 123456";

/// The picture as a JPEG file with a comment segment (as a camera or an editor leaves one).
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = harbour(width, height);
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 85)
        .encode_image(&img)
        .expect("JPEG");
    let mut out = plain[..2].to_vec();
    out.extend([0xFF, 0xFE]);
    out.extend(
        u16::try_from(SECRET.len() + 2)
            .expect("short")
            .to_be_bytes(),
    );
    out.extend_from_slice(SECRET.as_bytes());
    out.extend_from_slice(&plain[2..]);
    out
}
