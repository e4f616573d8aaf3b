//! Metadata out of a file, without decoding it again: the JPEG segments, PNG chunks and WebP
//! chunks that draw the picture and its colours are kept byte for byte; EXIF (where and when
//! a photo was taken, the camera's serial number), XMP, comments and text, and anything after
//! the picture's end, go.

use crate::Format;

/// `bytes` without their metadata.
pub(crate) fn metadata(format: Format, bytes: &[u8]) -> Result<Vec<u8>, String> {
    match format {
        Format::Jpeg => jpeg(bytes),
        Format::Png => png(bytes),
        Format::Webp => webp(bytes),
    }
}

fn be16(b: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

/// A JPEG's segments but APP1–APP13 and APP15 (EXIF, XMP, Photoshop's IPTC, makers' notes)
/// and comments; APP0 (JFIF), APP2's colour profile and APP14 (Adobe's colour transform)
/// stay.
fn jpeg(b: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = vec![0xFF, 0xD8];
    let mut i = 2;
    loop {
        if b.get(i) != Some(&0xFF) {
            return Err(format!("expected a marker at byte {i}"));
        }
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let marker = *b.get(i).ok_or("the file ends before its end marker")?;
        i += 1;
        match marker {
            0xD9 => {
                out.extend([0xFF, 0xD9]);
                return Ok(out);
            }
            0x01 | 0xD0..=0xD7 => out.extend([0xFF, marker]),
            _ => {
                let len = be16(b, i).ok_or("a segment is cut off")?;
                let end = i + len;
                let segment = b
                    .get(i..end)
                    .filter(|_| len >= 2)
                    .ok_or("a segment is cut off")?;
                let payload = &segment[2..];
                let keep = match marker {
                    0xE0 | 0xEE => true,
                    0xE2 => payload.starts_with(b"ICC_PROFILE\0"),
                    0xE1..=0xEF | 0xFE => false,
                    _ => true,
                };
                if keep {
                    out.extend([0xFF, marker]);
                    out.extend_from_slice(segment);
                }
                i = end;
                if marker == 0xDA {
                    // The scan's data runs to the next marker that is not a stuffed 0xFF
                    // or a restart.
                    let start = i;
                    while i < b.len() {
                        if b[i] == 0xFF && !matches!(b.get(i + 1), Some(0x00 | 0xD0..=0xD7)) {
                            break;
                        }
                        i += 1;
                    }
                    out.extend_from_slice(&b[start..i]);
                }
            }
        }
    }
}

/// The ancillary PNG chunks that say how to draw the picture (transparency, colour, pixel
/// size, animation); every other ancillary chunk (`tEXt`, `zTXt`, `iTXt`, `eXIf`, `tIME`, and
/// private ones) goes.
const PNG_KEEP: [&[u8; 4]; 12] = [
    b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"pHYs", b"bKGD", b"cICP", b"acTL",
    b"fcTL", b"fdAT",
];

fn png(b: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = b[..8].to_vec();
    let mut i = 8;
    loop {
        let len = b
            .get(i..i + 4)
            .map(|l| u32::from_be_bytes([l[0], l[1], l[2], l[3]]) as usize)
            .ok_or("the file ends before its IEND chunk")?;
        let end = i + 12 + len;
        let chunk = b.get(i..end).ok_or("a chunk is cut off")?;
        let kind = &chunk[4..8];
        if kind[0].is_ascii_uppercase() || PNG_KEEP.iter().any(|k| k.as_slice() == kind) {
            out.extend_from_slice(chunk);
        }
        if kind == b"IEND" {
            return Ok(out);
        }
        i = end;
    }
}

/// A WebP file without its `EXIF` and `XMP ` chunks (and their flags in `VP8X`).
fn webp(b: &[u8]) -> Result<Vec<u8>, String> {
    let size = b
        .get(4..8)
        .map(|l| u32::from_le_bytes([l[0], l[1], l[2], l[3]]) as usize)
        .ok_or("the RIFF header is cut off")?;
    let body = b.get(12..8 + size).ok_or("the RIFF file is cut off")?;
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let len = body
            .get(i + 4..i + 8)
            .map(|l| u32::from_le_bytes([l[0], l[1], l[2], l[3]]) as usize)
            .ok_or("a chunk header is cut off")?;
        let end = (i + 8 + len + (len & 1)).min(body.len());
        let chunk = body.get(i..end).ok_or("a chunk is cut off")?;
        match &chunk[..4] {
            b"EXIF" | b"XMP " => {}
            b"VP8X" if chunk.len() > 8 => {
                let mut flags = chunk.to_vec();
                flags[8] &= !(0x08 | 0x04);
                chunks.extend(flags);
            }
            _ => chunks.extend_from_slice(chunk),
        }
        i = end;
    }
    let mut out = b"RIFF".to_vec();
    out.extend(
        u32::try_from(chunks.len() + 4)
            .map_err(|e| e.to_string())?
            .to_le_bytes(),
    );
    out.extend_from_slice(b"WEBP");
    out.extend(chunks);
    Ok(out)
}
