//! Article HTML as Wikipedia's REST API serves it (Parsoid HTML), read as the article it renders.
//!
//! Parsoid keeps what the HTML was made from: a template's call is on its first element as
//! `typeof="mw:Transclusion"` with `data-mw` JSON holding the template's name and each parameter's
//! wikitext (`{"parts":[{"template":{"target":{"wt":"Infobox military conflict"},"params":{"date":
//! {"wt":"{{Start date|1066|10|14}}"}}}}]}`); links are `<a rel="mw:WikiLink" href="./Title">`;
//! the page's title, revision and timestamp are in `<title>`, the `<html about=".../revision/N">`
//! and `<meta property="dc:modified">`. So the page becomes wikitext again (the infobox's call,
//! then the paragraphs with their bold words and links, and the section headings between them)
//! and goes through the same reader as any article: one set of rules for every form of input.

use crate::text::entities;
use serde_json::Value;

/// What a Parsoid page gives: its title, revision id and timestamp when it says them, and the
/// wikitext of its infobox and lead.
#[derive(Debug, Default, PartialEq)]
pub struct Rendered {
    /// `<title>`.
    pub title: Option<String>,
    /// From `about=".../revision/N"`.
    pub revision: Option<u64>,
    /// `<meta property="dc:modified" content="...">`.
    pub timestamp: Option<String>,
    /// The infobox's call and the lead's paragraphs, as wikitext.
    pub wikitext: String,
}

/// Whether `text` is Parsoid HTML (an HTML page that carries MediaWiki's markers).
pub fn is_parsoid(text: &str) -> bool {
    let head = text.get(..text.len().min(4096)).unwrap_or(text);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    let html = t
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("<!doctype html>"))
        || t.starts_with("<html");
    html && (head.contains("mediawiki.org") || head.contains("mw:") || text.contains("data-mw"))
}

/// Read a Parsoid page back into wikitext.
pub fn read(html: &str) -> Rendered {
    let mut out = Rendered {
        title: element_text(html, "title"),
        ..Rendered::default()
    };
    if let Some(about) = attribute(html, "html", "about") {
        out.revision = about
            .rsplit_once("/revision/")
            .and_then(|(_, n)| n.parse().ok());
    }
    let mut at = 0;
    while let Some(k) = html[at..].find("<meta") {
        let tag = &html[at + k..];
        let end = tag.find('>').unwrap_or(tag.len());
        let tag = &tag[..end];
        if tag.contains("dc:modified") {
            out.timestamp = attr_in(tag, "content");
        }
        at += k + end;
    }
    // The first infobox's call.
    let body = html.find("<body").map_or(html, |k| &html[k..]);
    let mut at = 0;
    while let Some(k) = body[at..].find("data-mw=") {
        let start = at + k + "data-mw=".len();
        let Some(value) = quoted(&body[start..]) else {
            break;
        };
        at = start + value.len();
        let mut json = String::new();
        entities(value, &mut json);
        if let Some(call) = infobox_call(&json) {
            out.wikitext.push_str(&call);
            out.wikitext.push('\n');
            break;
        }
    }
    // The paragraphs, and the section headings between them (a narrative and key points come
    // from the sections, as in wikitext).
    const TAGS: [&str; 3] = ["<p", "<h2", "<h3"];
    // Where each tag next opens (kept between rounds: one pass over the page, however long).
    let mut found: [Option<usize>; 3] = [Some(0); 3];
    let mut at = 0;
    loop {
        for (t, slot) in TAGS.iter().zip(found.iter_mut()) {
            while let Some(k) = *slot {
                if k >= at
                    && body[k..].starts_with(t)
                    && body[k + t.len()..].starts_with(['>', ' '])
                {
                    break;
                }
                let from = k.max(at) + usize::from(k >= at);
                *slot = body.get(from..).and_then(|r| r.find(t)).map(|f| from + f);
            }
        }
        let next = TAGS
            .iter()
            .zip(found)
            .filter_map(|(t, k)| Some((k?, *t)))
            .min_by_key(|(k, _)| *k);
        let Some((k, tag)) = next else { break };
        let name = &tag[1..];
        let after = &body[k + tag.len()..];
        let Some(close) = after.find(&format!("</{name}>")) else {
            break;
        };
        let inner = after
            .find('>')
            .filter(|g| *g < close)
            .map_or("", |g| &after[g + 1..close]);
        let text = wikitext_of(inner);
        let text = text.trim();
        if !text.is_empty() {
            let mark = match name {
                "h2" => "==",
                "h3" => "===",
                _ => "",
            };
            if mark.is_empty() {
                out.wikitext.push_str(&format!("\n{text}\n"));
            } else {
                out.wikitext.push_str(&format!("\n{mark} {text} {mark}\n"));
            }
        }
        at = k + tag.len() + close + name.len() + 3;
    }
    out
}

/// `{{Name\n| key = value ...}}` from a `data-mw` whose first template is an infobox.
fn infobox_call(json: &str) -> Option<String> {
    let v: Value = serde_json::from_str(json).ok()?;
    for part in v.get("parts")?.as_array()? {
        let Some(t) = part.get("template") else {
            continue;
        };
        let name = t.get("target")?.get("wt")?.as_str()?.trim();
        if !name.to_ascii_lowercase().starts_with("infobox") {
            return None;
        }
        let mut call = format!("{{{{{name}");
        if let Some(params) = t.get("params").and_then(Value::as_object) {
            for (k, p) in params {
                let wt = p.get("wt").and_then(Value::as_str).unwrap_or("");
                call.push_str(&format!("\n| {k} = {wt}"));
            }
        }
        call.push_str("\n}}");
        return Some(call);
    }
    None
}

/// A paragraph's HTML as wikitext: bold as `'''`, links to articles as `[[Title|text]]`,
/// reference marks and other template output dropped, other tags' text kept.
fn wikitext_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut skip: Vec<&str> = Vec::new();
    while let Some(k) = rest.find('<') {
        if skip.is_empty() {
            entities(&rest[..k], &mut out);
        }
        let tag_end = rest[k..].find('>').map_or(rest.len(), |e| k + e + 1);
        let tag = &rest[k..tag_end];
        rest = &rest[tag_end..];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with("</");
        if let Some(&open) = skip.last() {
            // Inside a dropped element: count its own kind only.
            if name == open {
                if closing {
                    skip.pop();
                } else if !tag.ends_with("/>") {
                    skip.push(open);
                }
            }
            continue;
        }
        match (name.as_str(), closing) {
            ("sup", false) if tag.contains("mw-ref") || tag.contains("reference") => {
                skip.push("sup")
            }
            ("style" | "script", false) => {
                skip.push(if name == "style" { "style" } else { "script" })
            }
            ("span", false) if tag.contains("mw:Transclusion") && !tag.ends_with("/>") => {
                skip.push("span")
            }
            ("b", _) => out.push_str("'''"),
            ("a", false) if tag.contains("mw:WikiLink") => {
                let target = attr_in(tag, "title").or_else(|| {
                    attr_in(tag, "href").map(|h| h.trim_start_matches("./").replace('_', " "))
                });
                let close = rest.find("</a>").unwrap_or(rest.len());
                let mut text = String::new();
                entities(&strip_tags(&rest[..close]), &mut text);
                match target {
                    Some(t) if !t.contains(':') => out.push_str(&format!("[[{t}|{text}]]")),
                    _ => out.push_str(&text),
                }
                rest = rest.get(close + 4..).unwrap_or("");
            }
            _ => {}
        }
    }
    if skip.is_empty() {
        entities(rest, &mut out);
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text of the first `<name>` element, entities decoded.
fn element_text(html: &str, name: &str) -> Option<String> {
    let open = html.find(&format!("<{name}"))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find(&format!("</{name}>"))?;
    let mut out = String::new();
    entities(html[start..end].trim(), &mut out);
    (!out.is_empty()).then_some(out)
}

/// An attribute of the first `<name ...>` tag.
fn attribute(html: &str, name: &str, attr: &str) -> Option<String> {
    let open = html.find(&format!("<{name} "))?;
    let end = open + html[open..].find('>')?;
    attr_in(&html[open..end], attr)
}

/// An attribute's value within one tag, entities decoded.
fn attr_in(tag: &str, attr: &str) -> Option<String> {
    let mut at = 0;
    while let Some(k) = tag[at..].find(attr) {
        let i = at + k;
        let before_ok = i == 0 || tag.as_bytes()[i - 1].is_ascii_whitespace();
        let rest = &tag[i + attr.len()..];
        if before_ok {
            if let Some(v) = rest.strip_prefix('=').and_then(quoted) {
                let mut out = String::new();
                entities(v, &mut out);
                return Some(out);
            }
        }
        at = i + attr.len();
    }
    None
}

/// The value of a quoted attribute (`"..."` or `'...'`), without its quotes.
fn quoted(s: &str) -> Option<&str> {
    let q = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let end = s[1..].find(q)?;
    Some(&s[1..1 + end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html>
<html prefix="dc: http://purl.org/dc/terms/ mw: http://mediawiki.org/rdf/" about="https://en.wikipedia.org/wiki/Special:Redirect/revision/4242"><head><meta charset="utf-8"/><meta property="dc:modified" content="2024-05-01T10:00:00.000Z"/><title>Battle of Greyford</title></head>
<body class="mw-content-ltr mw-parser-output"><section data-mw-section-id="0" id="mwAQ">
<table class="infobox vevent" about="#mwt1" typeof="mw:Transclusion" data-mw="{&quot;parts&quot;:[{&quot;template&quot;:{&quot;target&quot;:{&quot;wt&quot;:&quot;Infobox military conflict&quot;,&quot;href&quot;:&quot;./Template:Infobox_military_conflict&quot;},&quot;params&quot;:{&quot;conflict&quot;:{&quot;wt&quot;:&quot;Battle of Greyford&quot;},&quot;date&quot;:{&quot;wt&quot;:&quot;{{Start date|1402|3|14}}&quot;},&quot;place&quot;:{&quot;wt&quot;:&quot;[[Greyford]], [[England]]&quot;},&quot;combatant1&quot;:{&quot;wt&quot;:&quot;Earl Osric&quot;}},&quot;i&quot;:0}}]}"><tbody><tr><th>Battle of Greyford</th></tr></tbody></table>
<p id="mwAg">The <b>Battle of Greyford</b> was fought on 14 March 1402 near <a rel="mw:WikiLink" href="./Greyford" title="Greyford">the town</a> &amp; its ford.<sup about="#mwt3" class="mw-ref reference" typeof="mw:Extension/ref"><a href="./Battle#cite_note-1">[1]</a></sup> It ended the <a rel="mw:WikiLink" href="./War_of_the_Fords" title="War of the Fords">war</a>.</p>
</section><section data-mw-section-id="1"><h2 id="Background">Background</h2><p>Later text.</p></section></body></html>"##;

    #[test]
    fn a_page_becomes_its_wikitext() {
        assert!(is_parsoid(PAGE));
        assert!(!is_parsoid(
            "<!DOCTYPE html><html><body><p>Hi</p></body></html>"
        ));
        let r = read(PAGE);
        assert_eq!(r.title.as_deref(), Some("Battle of Greyford"));
        assert_eq!(r.revision, Some(4242));
        assert_eq!(r.timestamp.as_deref(), Some("2024-05-01T10:00:00.000Z"));
        assert!(
            r.wikitext.starts_with("{{Infobox military conflict\n"),
            "{}",
            r.wikitext
        );
        assert!(r.wikitext.contains("| date = {{Start date|1402|3|14}}"));
        assert!(r.wikitext.contains(
            "The '''Battle of Greyford''' was fought on 14 March 1402 near [[Greyford|the town]] & its ford. It ended the [[War of the Fords|war]]."
        ), "{}", r.wikitext);
        assert!(
            r.wikitext.contains("\n== Background ==\n\nLater text.\n"),
            "{}",
            r.wikitext
        );
        assert!(!r.wikitext.contains("[1]"), "references dropped");
    }

    #[test]
    fn long_pages_are_read_in_one_pass() {
        let page = format!(
            "<html about=\"mw:\"><body>{}</body></html>",
            "<p>Word.</p>".repeat(200_000)
        );
        let r = read(&page);
        assert_eq!(r.wikitext.matches("Word.").count(), 200_000);
    }

    #[test]
    fn broken_html_is_read_as_far_as_it_goes() {
        for cut in (0..PAGE.len()).step_by(97) {
            if let Some(s) = PAGE.get(..cut) {
                let _ = read(s);
            }
        }
        let _ = read("<p><b>x</p><a rel=\"mw:WikiLink\" title=\"T\">");
        let _ = read("<p data-mw='{\"parts\":[{\"template\":7}]}'>");
    }
}
