//! Just enough HTML for formats that carry rich text (TimelineJS): escaping on the way out, and
//! on the way in, paragraphs and labelled list items with every other tag dropped.

pub use annals_core::html::escape;

/// A block of text read from HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph (a `<p>`, or text between breaks).
    Para(String),
    /// A list item; `label` is a leading `<strong>`/`<b>` ending in `:`.
    Item {
        /// The label, without its colon.
        label: Option<String>,
        /// The rest of the item.
        text: String,
    },
}

/// The blocks of an HTML fragment. Plain text without tags is split into paragraphs at blank
/// lines.
pub fn blocks(html: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_item = false;
    let mut label: Option<String> = None;
    let mut in_strong_at_start = false;
    let mut strong_text = String::new();
    let mut rest = html;
    let has_tags = html.contains('<');
    let flush =
        |cur: &mut String, in_item: bool, label: &mut Option<String>, out: &mut Vec<Block>| {
            let text = collapse(cur);
            cur.clear();
            if in_item {
                if !text.is_empty() || label.is_some() {
                    out.push(Block::Item {
                        label: label.take(),
                        text,
                    });
                }
            } else if !text.is_empty() {
                out.push(Block::Para(text));
            }
        };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let Some(end) = after.find('>') else {
                cur.push_str(&decode(rest));
                break;
            };
            let tag = after[..end].trim().to_ascii_lowercase();
            rest = &after[end + 1..];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let closing = tag.starts_with('/');
            match name.as_str() {
                "p" | "div" | "br" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "blockquote" => {
                    flush(&mut cur, in_item, &mut label, &mut out);
                    if name != "br" {
                        in_item = false;
                    }
                }
                "li" => {
                    flush(&mut cur, in_item, &mut label, &mut out);
                    in_item = !closing;
                }
                "strong" | "b" if in_item => {
                    if !closing && collapse(&cur).is_empty() && label.is_none() {
                        in_strong_at_start = true;
                        strong_text.clear();
                    } else if closing && in_strong_at_start {
                        in_strong_at_start = false;
                        let t = collapse(&strong_text);
                        match t.strip_suffix(':') {
                            Some(l) => label = Some(l.trim_end().to_string()),
                            None => cur.push_str(&t),
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        let text = decode(&rest[..next]);
        rest = &rest[next..];
        if in_strong_at_start {
            strong_text.push_str(&text);
        } else if !has_tags && text.contains("\n\n") {
            for (i, para) in text.split("\n\n").enumerate() {
                if i > 0 {
                    flush(&mut cur, in_item, &mut label, &mut out);
                }
                cur.push_str(para);
            }
        } else {
            cur.push_str(&text);
        }
    }
    if in_strong_at_start {
        cur.push_str(&strong_text);
    }
    flush(&mut cur, in_item, &mut label, &mut out);
    out
}

/// Whitespace runs become one space; ends trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode the character references HTML text uses.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 10);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_items_and_entities() {
        let b = blocks("<p>One &amp; <em>two</em></p><p>Three</p><ul><li><strong>Label:</strong> the text</li><li>Plain</li></ul>");
        assert_eq!(
            b,
            vec![
                Block::Para("One & two".into()),
                Block::Para("Three".into()),
                Block::Item {
                    label: Some("Label".into()),
                    text: "the text".into()
                },
                Block::Item {
                    label: None,
                    text: "Plain".into()
                },
            ]
        );
        assert_eq!(
            blocks("plain\n\nsecond"),
            vec![Block::Para("plain".into()), Block::Para("second".into())]
        );
        assert_eq!(decode("&#x41;&#66;&bogus;&"), "AB&bogus;&");
        for nasty in ["<", "<li><strong>", "&#xFFFFFFFF;", "<p", "</li></strong>x"] {
            let _ = blocks(nasty);
        }
    }
}
