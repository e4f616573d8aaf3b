//! Media of an event with their credits: images (and audio and video by address), each with
//! its alt text, caption, credit, licence and source, so that a page can show a picture with
//! the credit its licence asks for and a report can find the pictures without one
//! (`docs/media.md`). A medium is an `https://` address, or `media:` and the SHA-256 of a file
//! in annals' own media store.

use serde::{Deserialize, Serialize};

/// What kind of medium: an image (shown), or audio or video (played).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// A picture: a photograph, a painting, a map, a document.
    #[default]
    Image,
    /// A sound recording.
    Audio,
    /// A film.
    Video,
}

impl MediaKind {
    /// `image`, `audio` or `video`.
    pub fn name(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Audio => "audio",
            MediaKind::Video => "video",
        }
    }

    fn is_image(&self) -> bool {
        *self == MediaKind::Image
    }
}

/// A picture in annals' own media store: the file as uploaded (its metadata stripped),
/// addressed by the SHA-256 of its bytes (`media:` and that hash in a [`Medium`]'s `url`),
/// with smaller copies of it for pages and cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The SHA-256 of `bytes`, 64 lowercase hex digits.
    pub hash: String,
    /// Its media type, read from its bytes: `image/jpeg`, `image/png` or `image/webp`.
    pub mime: String,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The file.
    pub bytes: Vec<u8>,
    /// Smaller copies (WebP), narrowest first.
    pub renditions: Vec<Rendition>,
}

/// A smaller copy of a [`Picture`], in WebP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The WebP file.
    pub bytes: Vec<u8>,
}

/// One medium of an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Medium {
    /// Where it is: an `https://` (or `http://`) address, or `media:` and the SHA-256 (64
    /// lowercase hex digits) of a file in annals' media store.
    pub url: String,
    /// `image` (the default), `audio` or `video`.
    #[serde(default, skip_serializing_if = "MediaKind::is_image")]
    pub kind: MediaKind,
    /// What an image shows, for a reader who cannot see it (required for images).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
    /// A line under it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// Who made it, as its licence asks to be credited ("Photo: Jane Doe").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
    /// Its licence: an SPDX identifier ("CC-BY-SA-4.0", "CC0-1.0"), a Creative Commons
    /// address, or "public-domain".
    #[serde(default, alias = "license", skip_serializing_if = "String::is_empty")]
    pub licence: String,
    /// The page it comes from (its description page, say).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// Why a medium is not valid: what is wrong, in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct MediumError(pub String);

/// Whether `url` is an absolute `http(s)://` address without spaces or quotes.
pub fn web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && r.chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '<' | '>'))
    })
}

/// `media` with each stored file's address (`media:SHA256`) made the one a reader reaches it
/// at on `site` (`http://host/media/SHA256`), for a document read away from annals (a
/// TimelineJS timeline).
pub fn resolve(media: &mut [Medium], site: &str) {
    for m in media {
        if let Some(h) = stored_hash(&m.url) {
            m.url = served_at(site, h, None);
        }
    }
}

/// The SHA-256 of a stored file, when `url` is `media:` and 64 lowercase hex digits.
pub fn stored_hash(url: &str) -> Option<&str> {
    url.strip_prefix("media:").filter(|h| is_hash(h))
}

/// Whether `s` is a SHA-256 as annals writes it: 64 lowercase hex digits.
pub fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Where a site serves the stored file `hash` (`width` `None`) or its copy for that width:
/// `{site}/media/SHA256`, `{site}/media/SHA256/320.webp` (`site` empty: the path alone).
pub fn served_at(site: &str, hash: &str, width: Option<u32>) -> String {
    match width {
        Some(w) => format!("{site}/media/{hash}/{w}.webp"),
        None => format!("{site}/media/{hash}"),
    }
}

impl Medium {
    /// Check what a medium must be: a readable address, alt text for an image, a licence
    /// written so that it can be linked, a web address for its source.
    pub fn check(&self) -> Result<(), MediumError> {
        let bad = |m: String| Err(MediumError(m));
        if !web_address(&self.url) && stored_hash(&self.url).is_none() {
            return bad(format!(
                "url {:?}: expected an https:// address or media:SHA256 (a stored file)",
                self.url
            ));
        }
        if self.kind == MediaKind::Image && self.alt.trim().is_empty() {
            return bad(format!(
                "{}: an image needs alt text (what it shows, for readers who cannot see it)",
                self.url
            ));
        }
        if !self.licence.is_empty() && licence_url(&self.licence).is_none() {
            return bad(format!(
                "licence {:?}: expected an SPDX identifier (CC-BY-SA-4.0, CC0-1.0, MIT), a creativecommons.org address, or public-domain",
                self.licence
            ));
        }
        if !self.source.is_empty() && !web_address(&self.source) {
            return bad(format!(
                "source {:?}: expected an https:// address",
                self.source
            ));
        }
        Ok(())
    }

    /// Whether it lacks what its reuse needs: a licence, or a credit (the report's flags).
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.licence.trim().is_empty() {
            out.push("licence");
        }
        if self.credit.trim().is_empty() && !public_domain(&self.licence) {
            out.push("credit");
        }
        out
    }
}

/// Whether a licence puts the work in the public domain (no credit is owed).
fn public_domain(licence: &str) -> bool {
    let l = licence.trim().to_ascii_lowercase();
    l == "public-domain" || l == "cc0-1.0" || l.contains("creativecommons.org/publicdomain/")
}

/// The Creative Commons licences by their SPDX names: the part of their address after
/// `licenses/` ("by-sa"), and versions.
fn creative_commons(id: &str) -> Option<(String, String)> {
    let rest = id.strip_prefix("CC-")?;
    let (kind, version) = rest.rsplit_once('-')?;
    let kinds = ["BY", "BY-SA", "BY-ND", "BY-NC", "BY-NC-SA", "BY-NC-ND"];
    let versions = ["1.0", "2.0", "2.5", "3.0", "4.0"];
    (kinds.contains(&kind) && versions.contains(&version))
        .then(|| (kind.to_ascii_lowercase(), version.to_string()))
}

/// Whether `id` is written as an SPDX licence identifier (letters, digits, `.`, `-`, `+`).
fn spdx_like(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'))
}

/// Where a licence is written out: Creative Commons' own page for a CC licence, SPDX's page for
/// another SPDX identifier, the address itself when given as one (`None`: not readable as a
/// licence).
pub fn licence_url(licence: &str) -> Option<String> {
    let l = licence.trim();
    if l.eq_ignore_ascii_case("public-domain") {
        return Some("https://creativecommons.org/publicdomain/mark/1.0/".into());
    }
    if l.eq_ignore_ascii_case("CC0-1.0") {
        return Some("https://creativecommons.org/publicdomain/zero/1.0/".into());
    }
    if web_address(l) {
        return Some(l.to_string());
    }
    if let Some((kind, version)) = creative_commons(l) {
        return Some(format!(
            "https://creativecommons.org/licenses/{kind}/{version}/"
        ));
    }
    spdx_like(l).then(|| format!("https://spdx.org/licenses/{l}.html"))
}

/// A licence as people read it: "CC BY-SA 4.0", "CC0 1.0", "Public domain", "MIT"; a
/// Creative Commons address is named too.
pub fn licence_name(licence: &str) -> String {
    let l = licence.trim();
    if l.eq_ignore_ascii_case("public-domain")
        || l.contains("creativecommons.org/publicdomain/mark")
    {
        return "Public domain".into();
    }
    if l.eq_ignore_ascii_case("CC0-1.0") || l.contains("creativecommons.org/publicdomain/zero") {
        return "CC0 1.0".into();
    }
    if let Some(path) = l
        .split_once("creativecommons.org/licenses/")
        .map(|(_, p)| p)
    {
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        if let (Some(kind), Some(version)) = (parts.next(), parts.next()) {
            return format!("CC {} {version}", kind.to_ascii_uppercase());
        }
    }
    if let Some((kind, version)) = creative_commons(l) {
        return format!("CC {} {version}", kind.to_ascii_uppercase());
    }
    l.to_string()
}

/// A licence's name read back into what [`Medium::licence`] holds: "CC BY-SA 4.0" →
/// "CC-BY-SA-4.0", "CC0 1.0" → "CC0-1.0", "Public domain" → "public-domain" (`None`: not a
/// name [`licence_name`] writes for a Creative Commons licence or the public domain).
pub fn licence_from_name(name: &str) -> Option<String> {
    let n = name.trim();
    if n.eq_ignore_ascii_case("public domain") {
        return Some("public-domain".into());
    }
    if n == "CC0 1.0" {
        return Some("CC0-1.0".into());
    }
    let (kind, version) = n.strip_prefix("CC ")?.rsplit_once(' ')?;
    let id = format!("CC-{kind}-{version}");
    creative_commons(&id).map(|_| id)
}

/// What a file holds, by its address's extension (`None`: no extension annals knows).
pub fn file_kind(url: &str) -> Option<MediaKind> {
    let lower = url.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    let (_, ext) = path.rsplit_once('.')?;
    match ext {
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "svg" | "tif" | "tiff" => {
            Some(MediaKind::Image)
        }
        "mp3" | "ogg" | "oga" | "wav" | "m4a" | "flac" | "opus" => Some(MediaKind::Audio),
        "mp4" | "webm" | "ogv" | "mov" | "m4v" => Some(MediaKind::Video),
        _ => None,
    }
}

/// The host of an address: `example.org` for `https://example.org/a.jpg` (`None` without
/// `://`).
pub fn host(url: &str) -> Option<&str> {
    url.split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next())
        .filter(|h| !h.is_empty())
}

/// What an address holds, by its file's extension or its site (a film on YouTube or Vimeo, a
/// recording on SoundCloud; `None`: a page or anything else, which annals does not show as a
/// medium).
pub fn kind_of_address(url: &str) -> Option<MediaKind> {
    if let Some(kind) = file_kind(url) {
        return Some(kind);
    }
    let lower = url.to_ascii_lowercase();
    match host(&lower).unwrap_or_default() {
        "youtube.com" | "www.youtube.com" | "youtu.be" | "vimeo.com" => Some(MediaKind::Video),
        "soundcloud.com" => Some(MediaKind::Audio),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(url: &str) -> Medium {
        Medium {
            url: url.into(),
            kind: MediaKind::Image,
            alt: "A tapestry: horsemen charge a shield wall".into(),
            caption: String::new(),
            credit: "Bayeux Museum".into(),
            licence: "CC-BY-SA-4.0".into(),
            source: String::new(),
        }
    }

    #[test]
    fn addresses_and_stored_files() {
        assert!(image("https://example.org/a.jpg").check().is_ok());
        assert!(image("http://example.org/a.jpg").check().is_ok());
        let stored = format!("media:{}", "ab".repeat(32));
        assert!(image(&stored).check().is_ok());
        for bad in [
            "",
            "example.org/a.jpg",
            "javascript:alert(1)",
            "https://",
            "https:///a.jpg",
            "https://example.org/a b.jpg",
            "https://example.org/\"onerror=\"x",
            "media:abc",
            &format!("media:{}", "AB".repeat(32)),
            "file:///etc/passwd",
            "data:image/png;base64,AAAA",
        ] {
            let e = image(bad).check().unwrap_err();
            assert!(e.0.contains("expected an https:// address"), "{bad}: {e}");
        }
    }

    #[test]
    fn an_image_needs_alt_text_and_a_readable_licence() {
        let mut m = image("https://example.org/a.jpg");
        m.alt = "  ".into();
        assert!(m.check().unwrap_err().0.contains("needs alt text"));
        m.kind = MediaKind::Audio;
        assert!(m.check().is_ok(), "a recording needs none");
        let mut m = image("https://example.org/a.jpg");
        m.licence = "all rights <reserved>".into();
        assert!(m
            .check()
            .unwrap_err()
            .0
            .contains("expected an SPDX identifier"));
        m.licence = "https://creativecommons.org/licenses/by/4.0/".into();
        assert!(m.check().is_ok());
        m.source = "not an address".into();
        assert!(m.check().unwrap_err().0.contains("source"));
    }

    #[test]
    fn licences_are_named_and_linked() {
        for (given, name, url) in [
            (
                "CC-BY-SA-4.0",
                "CC BY-SA 4.0",
                "https://creativecommons.org/licenses/by-sa/4.0/",
            ),
            (
                "CC-BY-2.0",
                "CC BY 2.0",
                "https://creativecommons.org/licenses/by/2.0/",
            ),
            (
                "CC0-1.0",
                "CC0 1.0",
                "https://creativecommons.org/publicdomain/zero/1.0/",
            ),
            (
                "public-domain",
                "Public domain",
                "https://creativecommons.org/publicdomain/mark/1.0/",
            ),
            (
                "https://creativecommons.org/licenses/by-nc/3.0/",
                "CC BY-NC 3.0",
                "https://creativecommons.org/licenses/by-nc/3.0/",
            ),
            ("MIT", "MIT", "https://spdx.org/licenses/MIT.html"),
            (
                "OGL-UK-3.0",
                "OGL-UK-3.0",
                "https://spdx.org/licenses/OGL-UK-3.0.html",
            ),
        ] {
            assert_eq!(licence_name(given), name, "{given}");
            assert_eq!(licence_url(given).as_deref(), Some(url), "{given}");
        }
        assert_eq!(licence_url("all rights reserved"), None);
        assert_eq!(licence_url(""), None);
    }

    #[test]
    fn names_read_back_and_addresses_say_their_kind() {
        for id in [
            "CC-BY-SA-4.0",
            "CC-BY-NC-ND-3.0",
            "CC0-1.0",
            "public-domain",
        ] {
            assert_eq!(licence_from_name(&licence_name(id)).as_deref(), Some(id));
        }
        assert_eq!(licence_from_name("MIT"), None);
        assert_eq!(licence_from_name("CC XY 4.0"), None);
        for (url, kind) in [
            ("https://example.org/a/Tapestry.JPG", Some(MediaKind::Image)),
            (
                "https://example.org/a.png?width=300",
                Some(MediaKind::Image),
            ),
            ("https://example.org/speech.ogg", Some(MediaKind::Audio)),
            (
                "https://www.youtube.com/watch?v=abc",
                Some(MediaKind::Video),
            ),
            ("https://example.org/film.webm", Some(MediaKind::Video)),
            ("https://en.wikipedia.org/wiki/Battle_of_Hastings", None),
        ] {
            assert_eq!(kind_of_address(url), kind, "{url}");
        }
        assert_eq!(host("https://example.org/a.jpg"), Some("example.org"));
        assert_eq!(host("https://example.org?x=1"), Some("example.org"));
        assert_eq!(host("https:///a.jpg"), None);
        assert_eq!(host("example.org/a.jpg"), None);
    }

    #[test]
    fn the_report_flags_what_reuse_needs() {
        let mut m = image("https://example.org/a.jpg");
        assert!(m.missing().is_empty());
        m.credit.clear();
        assert_eq!(m.missing(), ["credit"]);
        m.licence = "CC0-1.0".into();
        assert!(m.missing().is_empty(), "public domain owes no credit");
        m.licence.clear();
        assert_eq!(m.missing(), ["licence", "credit"]);
    }

    #[test]
    fn json_is_short_and_reads_both_spellings() {
        let m: Medium = serde_json::from_str(
            r#"{"url": "https://example.org/a.ogg", "kind": "audio", "license": "CC-BY-4.0"}"#,
        )
        .unwrap();
        assert_eq!(
            (m.kind, m.licence.as_str()),
            (MediaKind::Audio, "CC-BY-4.0")
        );
        let back = serde_json::to_string(&m).unwrap();
        assert_eq!(
            back,
            r#"{"url":"https://example.org/a.ogg","kind":"audio","licence":"CC-BY-4.0"}"#
        );
        let img = serde_json::to_string(&image("https://example.org/a.jpg")).unwrap();
        assert!(!img.contains("kind"), "image is the default: {img}");
        assert!(
            serde_json::from_str::<Medium>(r#"{"url": "https://x.org/a", "size": 3}"#).is_err()
        );
    }
}
