//! Media on pages: an event's lead image with its caption and credit (at the top of its fact
//! box, as an encyclopaedia's infobox shows it), every medium of the event under its
//! narrative, a story stop's media (or its event's lead image), each with the credit its licence asks for (who made it, the licence linked, the
//! page it comes from). Images and recordings by address load from their own site (the
//! content security policy lets pages show `https:` images and media, nothing else).

use crate::files::address;
use crate::lang::t;
use crate::App;
use annals_core::media::{licence_name, licence_url, stored_hash, web_address};
use annals_core::{Event, MediaKind, Medium};
use annals_store::files::FileInfo;
use maud::{html, Markup};
use std::collections::HashMap;

/// What the store knows of the stored pictures a page shows (their sizes and smaller
/// copies), looked up once when the page is made.
#[derive(Debug, Default)]
pub(crate) struct Files(HashMap<String, FileInfo>);

impl Files {
    /// The stored pictures among `media`.
    pub(crate) fn of<'a>(app: &App, media: impl IntoIterator<Item = &'a Medium>) -> Files {
        let mut files = HashMap::new();
        for m in media {
            let Some(h) = stored_hash(&m.url).filter(|_| m.kind == MediaKind::Image) else {
                continue;
            };
            if let Ok(Some(info)) = app.read(|s| Ok(s.file_info(h)?)) {
                files.insert(h.to_string(), info);
            }
        }
        Files(files)
    }
}

/// A stored picture: the copy nearest a column's width as `src`, every copy in `srcset` for
/// the browser to choose, its size (so the page does not jump as it loads), linked to the
/// file itself.
fn stored_image(m: &Medium, hash: &str, info: &FileInfo, sizes: &str, eager: bool) -> Markup {
    let srcset = info
        .renditions
        .iter()
        .map(|(w, _)| format!("{} {w}w", address(hash, Some(*w))))
        .collect::<Vec<_>>()
        .join(", ");
    let src = info
        .renditions
        .iter()
        .rev()
        .find(|(w, _)| *w <= 640)
        .or(info.renditions.first())
        .map_or_else(|| address(hash, None), |(w, _)| address(hash, Some(*w)));
    html! {
        a.picture href=(address(hash, None)) {
            img src=(src) srcset=(srcset) sizes=(sizes) width=(info.width) height=(info.height)
                alt=(m.alt) loading=(if eager { "eager" } else { "lazy" }) decoding="async";
        }
    }
}

/// Where a browser loads a medium: its address, or `/media/SHA256` for a stored file.
pub(crate) fn src(m: &Medium) -> String {
    match stored_hash(&m.url) {
        Some(h) => address(h, None),
        None => m.url.clone(),
    }
}

/// The credit line: who made it, its licence (linked to its terms), its source.
pub(crate) fn credit(m: &Medium) -> Markup {
    let licence =
        (!m.licence.trim().is_empty()).then(|| (licence_name(&m.licence), licence_url(&m.licence)));
    let source = web_address(&m.source).then_some(m.source.as_str());
    html! {
        span.credit {
            @if !m.credit.is_empty() { (m.credit) }
            @if let Some((name, url)) = &licence {
                @if !m.credit.is_empty() { " · " }
                @match url {
                    Some(u) => a rel="license noopener" href=(u) { (name) },
                    None => (name),
                }
            }
            @if let Some(s) = source {
                @if !m.credit.is_empty() || licence.is_some() { " · " }
                a href=(s) rel="nofollow noopener" { "source" }
            }
        }
    }
}

/// One medium as a figure: the image, the player, or (a film on a video site, or anything
/// at a plain `http:` address, which an `https:` page may not load) a link to it.
fn figure(m: &Medium, class: &str, eager: bool, files: &Files) -> Markup {
    // A file plays in the page; a film on a video site is a link to it.
    let file = stored_hash(&m.url).is_some()
        || annals_core::media::file_kind(&m.url).is_some_and(|k| k != MediaKind::Image);
    let loadable = !m.url.starts_with("http://");
    let host = annals_core::media::host(&m.url).unwrap_or(&m.url);
    let stored = stored_hash(&m.url).and_then(|h| files.0.get_key_value(h));
    html! {
        figure class=(class) {
            @match (m.kind, stored) {
                _ if !loadable => {
                    a.media-link href=(m.url) rel="nofollow noopener" {
                        (match m.kind { MediaKind::Image => t("media-see"), MediaKind::Audio => t("media-listen"), MediaKind::Video => t("media-watch") })
                        " on " (host)
                    }
                }
                (MediaKind::Image, Some((h, info))) => (stored_image(m, h, info, sizes(class), eager)),
                (MediaKind::Image, None) => {
                    img src=(src(m)) alt=(m.alt) loading=(if eager { "eager" } else { "lazy" }) decoding="async";
                }
                (MediaKind::Audio, _) if file => {
                    audio controls preload="none" src=(src(m)) { a href=(src(m)) { (t("media-listen")) } }
                }
                (MediaKind::Video, _) if file => {
                    video controls preload="none" src=(src(m)) { a href=(src(m)) { (t("media-watch")) } }
                }
                (kind, _) => {
                    a.media-link href=(m.url) rel="nofollow noopener" {
                        (if kind == MediaKind::Audio { t("media-listen") } else { t("media-watch") })
                        " on " (host)
                    }
                }
            }
            figcaption {
                @if !m.caption.is_empty() { span.caption { (m.caption) } " " }
                (credit(m))
            }
        }
    }
}

/// How wide a figure of `class` is shown, for the browser's choice of copy.
fn sizes(class: &str) -> &'static str {
    match class {
        "lead" => "(max-width: 50rem) 100vw, 22rem",
        "portrait" => "(max-width: 40rem) 100vw, 16rem",
        _ => "(max-width: 40rem) 100vw, 20rem",
    }
}

/// The first image of a list of media: the one that leads a page.
pub(crate) fn first_image(media: &[Medium]) -> Option<&Medium> {
    media.iter().find(|m| m.kind == MediaKind::Image)
}

/// A story stop's media: the author's, or else its event's lead image.
pub(crate) fn stop(
    stop: &annals_core::story::Stop,
    event: Option<&Event>,
    files: &Files,
) -> Markup {
    let lead = event.and_then(|e| first_image(&e.media));
    html! {
        @if !stop.media.is_empty() {
            div.stop-media {
                @for m in &stop.media { (figure(m, "medium", false, files)) }
            }
        } @else if let Some(m) = lead {
            div.stop-media { (figure(m, "medium", false, files)) }
        }
    }
}

/// The first image of a participant's or a place's profile, at the head of its page.
pub(crate) fn portrait(media: &[Medium], files: &Files) -> Markup {
    html! {
        @if let Some(m) = first_image(media) {
            (figure(m, "portrait", true, files))
        }
    }
}

/// The event's lead image: its first image, for the top of the fact box.
pub(crate) fn lead(e: &Event, files: &Files) -> Markup {
    html! {
        @if let Some(m) = first_image(&e.media) {
            (figure(m, "lead", true, files))
        }
    }
}

/// Every medium but the lead image, under the narrative.
pub(crate) fn section(e: &Event, files: &Files) -> Markup {
    let lead = first_image(&e.media);
    let rest: Vec<&Medium> = e
        .media
        .iter()
        .filter(|m| !lead.is_some_and(|l| std::ptr::eq(*m, l)))
        .collect();
    html! {
        @if !rest.is_empty() {
            section.media aria-labelledby="media-h" {
                h2 #media-h { (t("media")) }
                div.media-grid {
                    @for m in rest { (figure(m, "medium", false, files)) }
                }
            }
        }
    }
}
