//! Uploaded pictures (`docs/media.md`): what a file is, read from its bytes and never from its
//! name; the file as annals stores it (its metadata stripped: EXIF with the camera's
//! position, XMP, comments; a photo taken sideways turned upright first); and smaller copies
//! for pages, timeline cards and map popups, in WebP. What [`prepare`] returns is what the
//! store keeps ([`Picture`]), addressed by the SHA-256 of the stored bytes.

mod renditions;
mod strip;

pub use annals_core::media::{Picture, Rendition};
use image::{DynamicImage, ImageDecoder, ImageReader};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// The widths of the smaller copies: a card, a column, a wide screen.
pub const WIDTHS: [u32; 3] = [320, 640, 1280];

/// What an upload may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The most bytes a file may have.
    pub max_bytes: usize,
    /// The most pixels (width × height) a picture may have.
    pub max_pixels: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 20 << 20,
            max_pixels: 50_000_000,
        }
    }
}

/// Why a file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MediaError {
    /// More bytes than the limit.
    #[error("the file has {size} bytes; at most {limit} are taken")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// More pixels than the limit.
    #[error("the picture is {width}×{height} pixels; at most {limit} pixels are taken")]
    TooManyPixels {
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
        /// The limit.
        limit: u64,
    },
    /// Not a JPEG, PNG or WebP file (whatever its name says).
    #[error("expected a JPEG, PNG or WebP picture; the file's bytes are {0}")]
    Unsupported(String),
    /// A file that starts as a picture but does not read as one.
    #[error("the {format} file does not read as a picture: {message}")]
    Broken {
        /// What it started as.
        format: &'static str,
        /// What the decoder said.
        message: String,
    },
}

/// A format annals takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// WebP.
    Webp,
}

impl Format {
    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Webp => "WebP",
        }
    }

    fn image(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::Webp => image::ImageFormat::WebP,
        }
    }
}

/// The format of a file, from its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::Webp)
    } else {
        None
    }
}

/// What a file's first bytes look like, for an error message.
fn describe(bytes: &[u8]) -> String {
    let known: &[(&[u8], &str)] = &[
        (b"GIF8", "a GIF picture"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an office document)"),
        (b"<svg", "an SVG drawing (not taken: it can carry scripts)"),
        (b"<?xml", "XML"),
        (b"BM", "a BMP picture"),
        (b"II*\0", "a TIFF picture"),
        (b"MM\0*", "a TIFF picture"),
    ];
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return "an ISO media file (HEIC, AVIF or MP4)".into();
    }
    match known.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        Some((_, what)) => (*what).into(),
        None if bytes.is_empty() => "empty".into(),
        None => "of no picture format".into(),
    }
}

/// The SHA-256 of `bytes`, in lowercase hex: a stored file's address.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Check an uploaded file and make what the store keeps: the file with its metadata stripped
/// (turned upright and re-encoded when its EXIF said it was taken sideways), its size, and
/// its smaller copies.
pub fn prepare(bytes: &[u8], limits: &Limits) -> Result<Picture, MediaError> {
    if bytes.len() > limits.max_bytes {
        return Err(MediaError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let format = sniff(bytes).ok_or_else(|| MediaError::Unsupported(describe(bytes)))?;
    let broken = |e: image::ImageError| MediaError::Broken {
        format: format.name(),
        message: e.to_string(),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image());
    let mut decoding = image::Limits::default();
    decoding.max_alloc = Some(limits.max_pixels.saturating_mul(8));
    reader.limits(decoding);
    let mut decoder = reader.into_decoder().map_err(broken)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(MediaError::TooManyPixels {
            width,
            height,
            limit: limits.max_pixels,
        });
    }
    let orientation = decoder.orientation().map_err(broken)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(broken)?;
    let (stored, format) = if orientation == image::metadata::Orientation::NoTransforms {
        let stripped = strip::metadata(format, bytes).map_err(|message| MediaError::Broken {
            format: format.name(),
            message,
        })?;
        (stripped, format)
    } else {
        picture.apply_orientation(orientation);
        (upright(&picture).map_err(broken)?, Format::Jpeg)
    };
    Ok(Picture {
        hash: hash(&stored),
        mime: format.mime().into(),
        width: picture.width(),
        height: picture.height(),
        renditions: renditions::make(&picture),
        bytes: stored,
    })
}

/// A photo turned upright, as a JPEG without metadata.
fn upright(picture: &DynamicImage) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    let rgb = DynamicImage::ImageRgb8(picture.to_rgb8());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92).encode_image(&rgb)?;
    Ok(out)
}

#[cfg(test)]
mod tests;
