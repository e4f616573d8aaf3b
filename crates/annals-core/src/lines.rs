//! An event's list fields as lines of text, and back: what the history page compares and the
//! editor's text boxes hold. One item per line, written as the event cards write them:
//!
//! - places: `Hastings, United Kingdom` or `Hastings, United Kingdom @ 50.911, 0.487`
//! - participants: `Harold Godwinson (king of England)`
//! - key points: `Three Claimants: The battle was the climax of a year of invasions.`
//! - sources: `en.wikipedia.org <https://en.wikipedia.org/wiki/Battle_of_Hastings>`
//! - related events: `norse-landfall-in-vinland-1000 (precedes)`
//! - media: `https://example.org/tapestry.jpg | alt Horsemen charge a shield wall | credit
//!   Bayeux Museum | licence CC-BY-SA-4.0` (the address, then the optional parts)
//!
//! - translations: a block per language, `fr: Bataille d'Hastings` (the language tag, a colon,
//!   the title), then the summary and the narrative's paragraphs, separated by empty lines,
//!   until the next block
//!
//! Reading them back names the line of every problem.

use crate::media::{MediaKind, Medium};
use crate::{KeyPoint, Participant, Place, Relation, Source};

/// A line of a list that does not read: its number (from 1) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct LineError {
    /// The line's number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub problem: LineProblem,
}

/// What is wrong with a line (written in English here; the web editor says it in the reader's
/// language from these variants).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    /// A medium's `kind` that is not image, audio or video.
    #[error("kind {0:?}: expected image, audio or video")]
    MediumKind(String),
    /// A word after ` | ` that names no part of a medium.
    #[error("{0:?}: expected kind, alt, caption, credit, licence or source after ' | '")]
    MediumPart(String),
    /// A medium that does not pass [`Medium::check`].
    #[error("{0}")]
    Medium(String),
    /// Coordinates after `@` that are not a latitude and a longitude.
    #[error("{0:?} after @: expected latitude, longitude in degrees (50.91, 0.49)")]
    Coordinates(String),
    /// A key point without its label and colon.
    #[error("expected a label, a colon and the point (\"Three Claimants: ...\")")]
    KeyPoint,
    /// A relation whose id has spaces.
    #[error(
        "{0:?}: expected an event's id (battle-of-hastings-1066), then its relation in parentheses"
    )]
    RelationId(String),
    /// A translation's head without its title.
    #[error("{0}: give the title after the colon")]
    TranslationTitle(String),
    /// Text before the first translation's head.
    #[error("expected a language and a title first, such as fr: Bataille d'Hastings")]
    TranslationHead,
}

fn at(line: usize, problem: LineProblem) -> LineError {
    LineError { line, problem }
}

/// A place as a line.
pub fn place(p: &Place) -> String {
    let mut s = if p.country.is_empty() {
        p.name.clone()
    } else {
        format!("{}, {}", p.name, p.country)
    };
    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
        s.push_str(&format!(" @ {lat}, {lon}"));
    }
    s
}

/// A participant as a line.
pub fn participant(p: &Participant) -> String {
    match &p.role {
        Some(r) => format!("{} ({r})", p.name),
        None => p.name.clone(),
    }
}

/// A key point as a line.
pub fn key_point(k: &KeyPoint) -> String {
    format!("{}: {}", k.label, k.text)
}

/// A source as a line.
///
/// `Anglo-Saxon Chronicle <https://example.org/> | accessed 2024-05-01 | licence CC BY-SA 4.0 |
/// quote "Harold was killed"`: the name, its address in angle brackets, then the optional
/// parts, each after ` | ` and its word. [`parse_source`] reads it back.
pub fn source(s: &Source) -> String {
    let mut line = match &s.url {
        Some(u) if s.name.is_empty() => u.clone(),
        Some(u) => format!("{} <{u}>", s.name),
        None => s.name.clone(),
    };
    for (word, value) in [("accessed", &s.accessed), ("licence", &s.licence)] {
        if let Some(v) = value {
            line.push_str(&format!(" | {word} {v}"));
        }
    }
    if let Some(q) = &s.quote {
        line.push_str(&format!(" | quote \"{q}\""));
    }
    line
}

/// A source from its line (see [`source`]); a bare address names itself by its host. Parts
/// after ` | ` that start with no known word stay in the name, so nothing is lost.
pub fn parse_source(line: &str) -> Source {
    let mut parts = line.trim().split(" | ");
    let head = parts.next().unwrap_or_default().trim();
    let mut s = match head
        .strip_suffix('>')
        .and_then(|l| l.rsplit_once(" <"))
        .filter(|(name, _)| !name.trim().is_empty())
    {
        Some((name, url)) => Source {
            name: name.trim().to_string(),
            url: Some(url.trim().to_string()),
            ..Source::default()
        },
        None if head.starts_with("http://") || head.starts_with("https://") => Source {
            name: crate::media::host(head).unwrap_or(head).to_string(),
            url: Some(head.to_string()),
            ..Source::default()
        },
        None => Source {
            name: head.to_string(),
            ..Source::default()
        },
    };
    for part in parts {
        let part = part.trim();
        let word = |w: &str| {
            part.strip_prefix(w)
                .filter(|rest| rest.starts_with(' '))
                .map(|rest| rest.trim().to_string())
        };
        if let Some(v) = word("accessed") {
            s.accessed = Some(v);
        } else if let Some(v) = word("licence").or_else(|| word("license")) {
            s.licence = Some(v);
        } else if let Some(v) = word("quote") {
            let unquoted = v
                .strip_prefix(['"', '“'])
                .and_then(|q| q.strip_suffix(['"', '”']))
                .unwrap_or(&v);
            s.quote = Some(unquoted.to_string());
        } else {
            s.name.push_str(" | ");
            s.name.push_str(part);
        }
    }
    s
}

/// A relation as a line.
pub fn relation(r: &Relation) -> String {
    format!("{} ({})", r.id, r.kind)
}

/// A medium as a line: its address, then ` | ` and a word before each part it has (`kind`
/// only for audio and video). [`media`] reads it back.
pub fn medium(m: &Medium) -> String {
    let mut line = m.url.clone();
    if m.kind != MediaKind::Image {
        line.push_str(&format!(" | kind {}", m.kind.name()));
    }
    for (word, value) in [
        ("alt", &m.alt),
        ("caption", &m.caption),
        ("credit", &m.credit),
        ("licence", &m.licence),
        ("source", &m.source),
    ] {
        if !value.is_empty() {
            line.push_str(&format!(" | {word} {value}"));
        }
    }
    line
}

/// Media, one per line (see [`medium`]), each checked as an event's media are.
pub fn media(text: &str) -> Result<Vec<Medium>, LineError> {
    items(text)
        .map(|(n, line)| {
            let mut parts = line.split(" | ");
            let mut m = Medium {
                url: parts.next().unwrap_or_default().trim().to_string(),
                kind: MediaKind::Image,
                alt: String::new(),
                caption: String::new(),
                credit: String::new(),
                licence: String::new(),
                source: String::new(),
            };
            for part in parts {
                let (word, value) = part.trim().split_once(' ').unwrap_or((part.trim(), ""));
                let value = value.trim().to_string();
                match word {
                    "kind" => {
                        m.kind = match value.as_str() {
                            "image" => MediaKind::Image,
                            "audio" => MediaKind::Audio,
                            "video" => MediaKind::Video,
                            _ => return Err(at(n, LineProblem::MediumKind(value))),
                        }
                    }
                    "alt" => m.alt = value,
                    "caption" => m.caption = value,
                    "credit" => m.credit = value,
                    "licence" | "license" => m.licence = value,
                    "source" => m.source = value,
                    _ => return Err(at(n, LineProblem::MediumPart(word.to_string()))),
                }
            }
            m.check()
                .map_err(|e| at(n, LineProblem::Medium(e.to_string())))?;
            Ok(m)
        })
        .collect()
}

/// The non-blank lines of a text box, with their numbers (from 1).
fn items(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
}

/// `Name (extra)` → ("Name", Some("extra")).
fn parenthesised(line: &str) -> (&str, Option<&str>) {
    match line.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((name, extra)) if !name.trim().is_empty() => (name.trim(), Some(extra.trim())),
        _ => (line, None),
    }
}

/// Places, one per line.
pub fn places(text: &str) -> Result<Vec<Place>, LineError> {
    items(text)
        .map(|(n, line)| {
            let (name, coords) = match line.rsplit_once(" @ ") {
                Some((name, c)) => {
                    let parts: Vec<&str> = c.split(',').map(str::trim).collect();
                    let nums: Vec<f64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
                    match nums[..] {
                        [lat, lon] if parts.len() == 2 => (name, Some((lat, lon))),
                        _ => return Err(at(n, LineProblem::Coordinates(c.to_string()))),
                    }
                }
                None => (line, None),
            };
            let (name, country) = match name.rsplit_once(", ") {
                Some((a, b)) => (a.trim(), b.trim()),
                None => (name.trim(), ""),
            };
            Ok(Place {
                name: name.to_string(),
                country: country.to_string(),
                lat: coords.map(|c| c.0),
                lon: coords.map(|c| c.1),
                geonames: None,
            })
        })
        .collect()
}

/// Participants, one per line.
pub fn participants(text: &str) -> Result<Vec<Participant>, LineError> {
    Ok(items(text)
        .map(|(_, line)| {
            let (name, role) = parenthesised(line);
            Participant {
                name: name.to_string(),
                role: role.filter(|r| !r.is_empty()).map(str::to_string),
            }
        })
        .collect())
}

/// Key points, one per line.
pub fn key_points(text: &str) -> Result<Vec<KeyPoint>, LineError> {
    items(text)
        .map(|(n, line)| match line.split_once(": ") {
            Some((label, body)) if !label.trim().is_empty() => Ok(KeyPoint {
                label: label.trim().to_string(),
                text: body.trim().to_string(),
            }),
            _ => Err(at(n, LineProblem::KeyPoint)),
        })
        .collect()
}

/// Sources, one per line.
pub fn sources(text: &str) -> Result<Vec<Source>, LineError> {
    Ok(items(text).map(|(_, line)| parse_source(line)).collect())
}

/// Related events, one per line: an id, and how it relates (default `related`).
pub fn relations(text: &str) -> Result<Vec<Relation>, LineError> {
    items(text)
        .map(|(n, line)| {
            let (id, kind) = parenthesised(line);
            let kind = kind.unwrap_or("related").replace(' ', "_").to_lowercase();
            if id.contains(char::is_whitespace) {
                return Err(at(n, LineProblem::RelationId(id.to_string())));
            }
            Ok(Relation {
                id: id.to_string(),
                kind,
            })
        })
        .collect()
}

/// An event's translations as text blocks (see the module documentation).
pub fn translations(ts: &[crate::Translation]) -> String {
    ts.iter()
        .map(|t| {
            let mut block = format!("{}: {}", t.lang, t.title);
            for p in std::iter::once(&t.summary).chain(&t.body) {
                if !p.is_empty() {
                    block.push_str("\n\n");
                    block.push_str(p);
                }
            }
            block
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The head of a translation's block: `fr: Bataille d'Hastings` is `("fr", "Bataille
/// d'Hastings")`.
fn translation_head(line: &str) -> Option<(&str, &str)> {
    let (lang, title) = line.split_once(": ")?;
    crate::valid_lang(lang.trim()).then_some((lang.trim(), title.trim()))
}

/// Translations from text blocks; the line of the first problem when they do not read.
pub fn parse_translations(text: &str) -> Result<Vec<crate::Translation>, LineError> {
    let mut out: Vec<crate::Translation> = Vec::new();
    let mut paragraph = String::new();
    let mut blank_before = true;
    let flush = |out: &mut Vec<crate::Translation>, paragraph: &mut String| {
        let p = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        paragraph.clear();
        if let (Some(t), false) = (out.last_mut(), p.is_empty()) {
            if t.summary.is_empty() && t.body.is_empty() {
                t.summary = p;
            } else {
                t.body.push(p);
            }
        }
    };
    for (i, line) in text.replace("\r\n", "\n").lines().enumerate() {
        if line.trim().is_empty() {
            flush(&mut out, &mut paragraph);
            blank_before = true;
            continue;
        }
        match translation_head(line).filter(|_| blank_before) {
            Some((lang, title)) => {
                flush(&mut out, &mut paragraph);
                if title.is_empty() {
                    return Err(at(i + 1, LineProblem::TranslationTitle(lang.to_string())));
                }
                out.push(crate::Translation {
                    lang: lang.to_string(),
                    title: title.to_string(),
                    summary: String::new(),
                    body: Vec::new(),
                });
            }
            None if out.is_empty() => return Err(at(i + 1, LineProblem::TranslationHead)),
            None => {
                paragraph.push(' ');
                paragraph.push_str(line);
            }
        }
        blank_before = false;
    }
    flush(&mut out, &mut paragraph);
    Ok(out)
}

/// Tags, separated by commas.
pub fn tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Paragraphs, separated by blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_read_back() {
        let text = "fr: Bataille d'Hastings\n\nVictoire normande.\n\nHarold venait\nde Stamford Bridge.\n\nGuillaume l'emporte.\n\nde-CH: Schlacht bei Hastings";
        let t = parse_translations(text).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[0].lang.as_str(), t[0].title.as_str()),
            ("fr", "Bataille d'Hastings")
        );
        assert_eq!(t[0].summary, "Victoire normande.");
        assert_eq!(
            t[0].body,
            ["Harold venait de Stamford Bridge.", "Guillaume l'emporte."]
        );
        assert_eq!((t[1].lang.as_str(), t[1].summary.as_str()), ("de-CH", ""));
        assert_eq!(parse_translations(&translations(&t)).unwrap(), t);
        assert_eq!(parse_translations("  \n").unwrap(), []);
        let e = parse_translations("Bataille d'Hastings")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 1: expected a language"), "{e}");
        let e = parse_translations("fr: A\n\nes: ").unwrap_err().to_string();
        assert!(e.starts_with("line 3: es: give the title"), "{e}");
        // a paragraph that happens to start like a head, inside a paragraph, stays text
        let t = parse_translations("fr: A\n\nUn texte\nen: plus").unwrap();
        assert_eq!(t[0].summary, "Un texte en: plus");
    }

    #[test]
    fn media_read_back() {
        let text = "https://example.org/tapestry.jpg | alt Horsemen charge a shield wall | caption The Bayeux Tapestry, scene 51 | credit Bayeux Museum | licence CC-BY-SA-4.0 | source https://example.org/tapestry\n\nhttps://example.org/song.ogg | kind audio | license CC0-1.0";
        let m = media(text).unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].caption, "The Bayeux Tapestry, scene 51");
        assert_eq!(
            (m[1].kind, m[1].licence.as_str()),
            (MediaKind::Audio, "CC0-1.0")
        );
        for x in &m {
            assert_eq!(media(&medium(x)).unwrap()[0], *x);
        }
        let e = media("https://example.org/a.jpg | credit X")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 1: ") && e.contains("alt text"), "{e}");
        let e = media("https://example.org/a.jpg | alt A\nhttps://x.org/b.jpg | size 3")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 2: \"size\""), "{e}");
        assert!(media("https://x.org/b.ogg | kind sound")
            .unwrap_err()
            .to_string()
            .contains("expected image, audio or video"));
    }

    #[test]
    fn lines_read_back() {
        let p = places(
            "Hastings, United Kingdom @ 50.911, 0.487\nWashington, D.C., United States\n\nRome",
        )
        .unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!((p[0].name.as_str(), p[0].lat), ("Hastings", Some(50.911)));
        assert_eq!(
            (p[1].name.as_str(), p[1].country.as_str()),
            ("Washington, D.C.", "United States")
        );
        assert_eq!(p[2].country, "");
        for p in &p {
            assert_eq!(places(&place(p)).unwrap()[0], *p);
        }
        assert!(places("Somewhere @ north")
            .unwrap_err()
            .to_string()
            .starts_with("line 1:"));
        let who = participants("Harold Godwinson (king of England)\nWilliam").unwrap();
        assert_eq!(who[0].role.as_deref(), Some("king of England"));
        assert_eq!(participant(&who[0]), "Harold Godwinson (king of England)");
        assert!(key_points("no colon here").is_err());
        let s =
            sources("Wikipedia <https://en.wikipedia.org/wiki/X>\nhttps://example.org/a\nA book")
                .unwrap();
        assert_eq!(s[1].name, "example.org");
        assert_eq!(source(&s[0]), "Wikipedia <https://en.wikipedia.org/wiki/X>");
        // A citation with every part reads back as written; an unknown part stays in the name.
        let line = "Chronicle <https://example.org/c> | accessed 2024-05-01 | licence CC BY-SA 4.0 | quote \"Harold fell\"";
        let c = parse_source(line);
        assert_eq!(c.accessed.as_deref(), Some("2024-05-01"));
        assert_eq!(c.licence.as_deref(), Some("CC BY-SA 4.0"));
        assert_eq!(c.quote.as_deref(), Some("Harold fell"));
        assert_eq!(source(&c), line);
        assert_eq!(parse_source("Annals | vol. 2").name, "Annals | vol. 2");
        let r = relations("battle-of-x-1066 (led to)\nother-1067").unwrap();
        assert_eq!(
            (r[0].kind.as_str(), r[1].kind.as_str()),
            ("led_to", "related")
        );
        assert!(relations("two words").is_err());
        assert_eq!(tags(" war, , treaty "), ["war", "treaty"]);
        assert_eq!(paragraphs("One\nline.\n\n\nTwo."), ["One line.", "Two."]);
    }
}
