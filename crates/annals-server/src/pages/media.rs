//! Media on pages: an event's lead image with its caption and credit (at the top of its fact
//! box, as an encyclopaedia's infobox shows it), every medium of the event under its
//! narrative, a story stop's media (or its event's lead image), each with the credit its licence asks for (who made it, the licence linked, the
//! page it comes from). Images and recordings by address load from their own site (the
//! content security policy lets pages show `https:` images and media, nothing else).

use annals_core::media::{licence_name, licence_url, stored_hash, web_address};
use annals_core::{Event, MediaKind, Medium};
use maud::{html, Markup};

/// Where a browser loads a medium: its address, or `/media/SHA256` for a stored file.
pub(crate) fn src(m: &Medium) -> String {
    match stored_hash(&m.url) {
        Some(h) => format!("/media/{h}"),
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
fn figure(m: &Medium, class: &str, eager: bool) -> Markup {
    // A file plays in the page; a film on a video site is a link to it.
    let file = stored_hash(&m.url).is_some()
        || annals_core::media::file_kind(&m.url).is_some_and(|k| k != MediaKind::Image);
    let loadable = !m.url.starts_with("http://");
    let host = annals_core::media::host(&m.url).unwrap_or(&m.url);
    html! {
        figure class=(class) {
            @match m.kind {
                _ if !loadable => {
                    a.media-link href=(m.url) rel="nofollow noopener" {
                        (match m.kind { MediaKind::Image => "See the picture", MediaKind::Audio => "Listen", MediaKind::Video => "Watch" })
                        " on " (host)
                    }
                }
                MediaKind::Image => {
                    img src=(src(m)) alt=(m.alt) loading=(if eager { "eager" } else { "lazy" }) decoding="async";
                }
                MediaKind::Audio if file => {
                    audio controls preload="none" src=(src(m)) { a href=(src(m)) { "Listen" } }
                }
                MediaKind::Video if file => {
                    video controls preload="none" src=(src(m)) { a href=(src(m)) { "Watch" } }
                }
                kind => {
                    a.media-link href=(m.url) rel="nofollow noopener" {
                        (if kind == MediaKind::Audio { "Listen" } else { "Watch" })
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

/// The first image of a list of media: the one that leads a page.
fn first_image(media: &[Medium]) -> Option<&Medium> {
    media.iter().find(|m| m.kind == MediaKind::Image)
}

/// A story stop's media: the author's, or else its event's lead image.
pub(crate) fn stop(stop: &annals_core::story::Stop, event: Option<&Event>) -> Markup {
    let lead = event.and_then(|e| first_image(&e.media));
    html! {
        @if !stop.media.is_empty() {
            div.stop-media {
                @for m in &stop.media { (figure(m, "medium", false)) }
            }
        } @else if let Some(m) = lead {
            div.stop-media { (figure(m, "medium", false)) }
        }
    }
}

/// The first image of a participant's or a place's profile, at the head of its page.
pub(crate) fn portrait(media: &[Medium]) -> Markup {
    html! {
        @if let Some(m) = first_image(media) {
            (figure(m, "portrait", true))
        }
    }
}

/// The event's lead image: its first image, for the top of the fact box.
pub(crate) fn lead(e: &Event) -> Markup {
    html! {
        @if let Some(m) = first_image(&e.media) {
            (figure(m, "lead", true))
        }
    }
}

/// Every medium but the lead image, under the narrative.
pub(crate) fn section(e: &Event) -> Markup {
    let lead = first_image(&e.media);
    let rest: Vec<&Medium> = e
        .media
        .iter()
        .filter(|m| !lead.is_some_and(|l| std::ptr::eq(*m, l)))
        .collect();
    html! {
        @if !rest.is_empty() {
            section.media aria-labelledby="media-h" {
                h2 #media-h { "Pictures and recordings" }
                div.media-grid {
                    @for m in rest { (figure(m, "medium", false)) }
                }
            }
        }
    }
}
