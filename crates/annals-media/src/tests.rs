use super::*;
use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

/// A picture with a left half red and a right half blue, as `format`.
fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([200, 30, 30])
        } else {
            Rgb([30, 30, 200])
        }
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .expect("encode");
    out.into_inner()
}

/// A JPEG segment: marker and payload.
fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// An EXIF segment with an orientation and a secret (a GPS-like note in the maker's field).
fn exif(orientation: u16) -> Vec<u8> {
    let mut p = b"Exif\0\0MM\0*\0\0\0\x08\0\x01".to_vec();
    p.extend([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1]);
    p.extend(orientation.to_be_bytes());
    p.extend([0, 0, 0, 0, 0, 0]);
    p.extend_from_slice(b"GPS 48.8584 N 2.2945 E secret");
    segment(0xE1, &p)
}

/// `jpeg` with `segments` put right after its start marker.
fn with_segments(jpeg: &[u8], segments: &[Vec<u8>]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    for s in segments {
        out.extend_from_slice(s);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_jpeg_loses_its_exif_xmp_and_comments_and_keeps_its_pixels() {
    let plain = picture(64, 48, ImageFormat::Jpeg);
    let xmp = segment(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>secret</x:xmpmeta>",
    );
    let comment = segment(0xFE, b"taken at the secret place");
    let icc = segment(0xE2, b"ICC_PROFILE\0\x01\x01profile");
    let mut upload = with_segments(&plain, &[exif(1), xmp, comment, icc]);
    upload.extend_from_slice(b"trailing secret");
    let p = prepare(&upload, &Limits::default()).expect("prepared");
    assert_eq!(p.mime, "image/jpeg");
    assert_eq!((p.width, p.height), (64, 48));
    assert!(!contains(&p.bytes, b"secret"), "metadata left in the file");
    assert!(
        contains(&p.bytes, b"ICC_PROFILE"),
        "the colour profile went"
    );
    assert_eq!(p.hash, hash(&p.bytes));
    assert_eq!(p.hash.len(), 64);
    // The picture data is the original's, byte for byte.
    assert_eq!(
        p.bytes,
        with_segments(&plain, &[segment(0xE2, b"ICC_PROFILE\0\x01\x01profile")])
    );
    let back = image::load_from_memory(&p.bytes)
        .expect("reads back")
        .to_rgb8();
    assert!(back.get_pixel(5, 5)[0] > 150 && back.get_pixel(60, 5)[2] > 150);
}

#[test]
fn a_photo_taken_sideways_is_turned_upright() {
    let upload = with_segments(&picture(40, 20, ImageFormat::Jpeg), &[exif(6)]);
    let p = prepare(&upload, &Limits::default()).expect("prepared");
    assert_eq!((p.width, p.height), (20, 40));
    assert!(!contains(&p.bytes, b"secret") && !contains(&p.bytes, b"Exif"));
    let back = image::load_from_memory(&p.bytes).expect("reads").to_rgb8();
    assert_eq!(back.dimensions(), (20, 40));
    // Turned 90° clockwise: the left (red) half is now on top.
    assert!(
        back.get_pixel(10, 3)[0] > 150,
        "{:?}",
        back.get_pixel(10, 3)
    );
    assert!(
        back.get_pixel(10, 36)[2] > 150,
        "{:?}",
        back.get_pixel(10, 36)
    );
}

#[test]
fn a_png_loses_its_text_and_exif_chunks() {
    let plain = picture(30, 30, ImageFormat::Png);
    let chunk = |kind: &[u8; 4], data: &[u8]| {
        let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        // CRCs are not checked by the stripper; the decoder skips a bad one in a
        // chunk it ignores, and these chunks go anyway.
        let mut crc = crc(kind, data);
        c.append(&mut crc);
        c
    };
    // After IHDR (8 + 25 bytes).
    let mut upload = plain[..33].to_vec();
    upload.extend(chunk(b"tEXt", b"Comment\0secret"));
    upload.extend(chunk(b"eXIf", b"MM\0*secret"));
    upload.extend(chunk(b"pHYs", &[0, 0, 11, 19, 0, 0, 11, 19, 1]));
    upload.extend_from_slice(&plain[33..]);
    let p = prepare(&upload, &Limits::default()).expect("prepared");
    assert_eq!(p.mime, "image/png");
    assert!(!contains(&p.bytes, b"secret"));
    assert!(contains(&p.bytes, b"pHYs"));
    assert_eq!(
        image::load_from_memory(&p.bytes).expect("reads").width(),
        30
    );
}

fn crc(kind: &[u8], data: &[u8]) -> Vec<u8> {
    let mut c = 0xFFFF_FFFFu32;
    for &b in kind.iter().chain(data) {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    (!c).to_be_bytes().to_vec()
}

#[test]
fn a_webp_loses_its_exif_chunk_and_flag() {
    let rgba = RgbaImage::from_pixel(16, 16, Rgba([10, 200, 10, 128]));
    let plain = webp::Encoder::from_rgba(&rgba, 16, 16)
        .encode_lossless()
        .to_vec();
    // An extended file: VP8X (EXIF flag set), the image, an EXIF chunk.
    let mut body = b"VP8X".to_vec();
    body.extend(10u32.to_le_bytes());
    body.extend([0x08 | 0x10, 0, 0, 0, 15, 0, 0, 15, 0, 0]);
    body.extend_from_slice(&plain[12..]);
    body.extend_from_slice(b"EXIF");
    body.extend(7u32.to_le_bytes());
    body.extend_from_slice(b"secret\0\0");
    let mut upload = b"RIFF".to_vec();
    upload.extend(u32::try_from(body.len() + 4).unwrap().to_le_bytes());
    upload.extend_from_slice(b"WEBP");
    upload.extend(body);
    let p = prepare(&upload, &Limits::default()).expect("prepared");
    assert_eq!(p.mime, "image/webp");
    assert!(!contains(&p.bytes, b"secret") && !contains(&p.bytes, b"EXIF"));
    assert_eq!(p.bytes[20] & 0x08, 0, "the EXIF flag is still set");
    let back = image::load_from_memory(&p.bytes).expect("reads");
    assert_eq!(back.width(), 16);
}

#[test]
fn copies_are_made_for_each_width_narrower_than_the_picture() {
    let p = prepare(&picture(1000, 500, ImageFormat::Png), &Limits::default()).expect("ok");
    let sizes: Vec<_> = p.renditions.iter().map(|r| (r.width, r.height)).collect();
    assert_eq!(sizes, [(320, 160), (640, 320)]);
    for r in &p.renditions {
        assert_eq!(sniff(&r.bytes), Some(Format::Webp));
        let back = image::load_from_memory(&r.bytes).expect("reads");
        assert_eq!((back.width(), back.height()), (r.width, r.height));
    }
    // A small picture gets one copy at its own width.
    let small = prepare(&picture(100, 80, ImageFormat::Png), &Limits::default()).expect("ok");
    assert_eq!(small.renditions.len(), 1);
    assert_eq!(small.renditions[0].width, 100);
}

#[test]
fn files_are_known_by_their_bytes_not_their_names() {
    let cases: [(&[u8], &str); 5] = [
        (b"GIF89a....", "GIF"),
        (b"%PDF-1.7", "PDF"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG"),
        (b"hello", "no picture format"),
        (b"", "empty"),
    ];
    for (bytes, said) in cases {
        let e = prepare(bytes, &Limits::default()).expect_err("refused");
        assert!(matches!(e, MediaError::Unsupported(_)), "{e}");
        assert!(e.to_string().contains(said), "{e}");
    }
    // A JPEG's start with nothing after it.
    let e = prepare(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 4], &Limits::default()).expect_err("refused");
    assert!(
        matches!(e, MediaError::Broken { format: "JPEG", .. }),
        "{e}"
    );
    // A PNG cut in half.
    let png = picture(50, 50, ImageFormat::Png);
    let e = prepare(&png[..png.len() / 2], &Limits::default()).expect_err("refused");
    assert!(matches!(e, MediaError::Broken { format: "PNG", .. }), "{e}");
}

#[test]
fn limits_are_kept() {
    let png = picture(100, 100, ImageFormat::Png);
    let tight = Limits {
        max_bytes: 10,
        ..Limits::default()
    };
    assert!(matches!(
        prepare(&png, &tight),
        Err(MediaError::TooLarge { limit: 10, .. })
    ));
    let few = Limits {
        max_pixels: 5_000,
        ..Limits::default()
    };
    let e = prepare(&png, &few).expect_err("refused");
    assert_eq!(
        e.to_string(),
        "the picture is 100×100 pixels; at most 5000 pixels are taken"
    );
}

#[test]
fn nothing_panics_on_cut_or_changed_files() {
    let files = [
        with_segments(&picture(40, 30, ImageFormat::Jpeg), &[exif(3)]),
        picture(40, 30, ImageFormat::Png),
        picture(40, 30, ImageFormat::WebP),
    ];
    for file in &files {
        for cut in (0..file.len()).step_by(7) {
            let _ = prepare(&file[..cut], &Limits::default());
        }
        for at in (0..file.len()).step_by(5) {
            let mut changed = file.clone();
            changed[at] ^= 0xA5;
            let _ = prepare(&changed, &Limits::default());
        }
    }
}
