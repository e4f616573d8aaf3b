//! Wikitext to plain text: links become their labels, templates what [`crate::templates`]
//! says they show, and references, comments, files, categories, tables and HTML markup go.
//! What could not be read (a template we do not know, inline in prose) is noted.

use crate::scan::{Doc, Kind, Piece, Tag};
use crate::templates;

/// What rendering met: templates it dropped without knowing them, and the links it passed.
#[derive(Debug, Default)]
pub struct Seen {
    /// Names of unknown templates dropped.
    pub unknown: Vec<String>,
    /// Link targets (page titles) with their labels.
    pub links: Vec<(String, String)>,
}

/// Render the content of node `i` between `from` and `to` as text (line breaks kept).
pub fn render(doc: &Doc, i: usize, from: usize, to: usize, seen: &mut Seen, out: &mut String) {
    for piece in doc.pieces(i, from, to) {
        match piece {
            Piece::Text(a, b) => inline(&doc.text[a..b], out),
            Piece::Node(n) => node(doc, n, seen, out),
        }
    }
}

/// Render one node.
pub fn node(doc: &Doc, n: usize, seen: &mut Seen, out: &mut String) {
    let nd = doc.node(n);
    match nd.kind {
        Kind::Template => templates::render(doc, n, seen, out),
        Kind::Link => link(doc, n, seen, out),
        Kind::Tag(Tag::Nowiki) => entities(doc.inner(n), out),
        Kind::Broken => render(doc, n, nd.inner_start, nd.inner_end, seen, out),
        _ => {}
    }
}

/// Render a whole node's content to a new string.
pub fn plain(doc: &Doc, n: usize, seen: &mut Seen) -> String {
    let nd = doc.node(n);
    let mut s = String::new();
    render(doc, n, nd.inner_start, nd.inner_end, seen, &mut s);
    s
}

/// Render a span of node `i` to a new string.
pub fn span(doc: &Doc, i: usize, from: usize, to: usize, seen: &mut Seen) -> String {
    let mut s = String::new();
    render(doc, i, from, to, seen, &mut s);
    s
}

/// Namespaces whose links show nothing in prose.
fn hidden_namespace(target: &str) -> bool {
    let Some((ns, _)) = target.split_once(':') else {
        return false;
    };
    let ns = ns.trim().to_ascii_lowercase();
    matches!(
        ns.as_str(),
        "file" | "image" | "category" | "media" | "wikipedia" | "wp" | "template" | "help"
    ) || (ns.len() <= 3 && ns.bytes().all(|c| c.is_ascii_lowercase()) && !ns.is_empty())
}

fn link(doc: &Doc, n: usize, seen: &mut Seen, out: &mut String) {
    let nd = doc.node(n);
    let pipes = doc.top_pipes(n);
    let target_end = pipes.first().copied().unwrap_or(nd.inner_end);
    let mut target = String::new();
    entities(doc.text[nd.inner_start..target_end].trim(), &mut target);
    if target.starts_with(':') {
        target.remove(0);
    } else if hidden_namespace(&target) {
        return;
    }
    let label = match pipes.first() {
        Some(&p) => {
            let end = pipes.get(1).copied().unwrap_or(nd.inner_end);
            let l = span(doc, n, p + 1, end, seen);
            if l.trim().is_empty() {
                // The pipe trick: `[[Paris, Texas|]]` shows "Paris".
                strip_qualifier(&target).to_string()
            } else {
                l
            }
        }
        None => target.split('#').next().unwrap_or("").to_string(),
    };
    if !target.is_empty() && !target.starts_with('#') {
        seen.links.push((target, label.trim().to_string()));
    }
    out.push_str(&label);
}

/// `Paris, Texas` → `Paris`; `Mercury (planet)` → `Mercury`.
fn strip_qualifier(t: &str) -> &str {
    let t = t.split('#').next().unwrap_or(t);
    let t = t.split(" (").next().unwrap_or(t);
    t.split(", ").next().unwrap_or(t).trim()
}

/// Inline markup of plain text: bold and italic quotes go, external links become their
/// labels, HTML tags go (`<br>` is a line break), entities are decoded.
pub fn inline(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut plain_from = 0;
    // Before this offset no `[` has its `]` on its line: a search from an earlier `[` met
    // the line's end first (so a line of `[http://` stays linear).
    let mut no_close_before = 0;
    while i < b.len() {
        match b[i] {
            b'\'' if b.get(i + 1) == Some(&b'\'') => {
                entities(&s[plain_from..i], out);
                while i < b.len() && b[i] == b'\'' {
                    i += 1;
                }
                plain_from = i;
            }
            b'[' if i >= no_close_before && is_url_start(&b[i + 1..]) => {
                let stop = b[i..].iter().position(|&c| c == b']' || c == b'\n');
                let close = stop.filter(|&k| b[i + k] == b']');
                if close.is_none() {
                    no_close_before = stop.map_or(b.len(), |k| i + k);
                }
                match close {
                    Some(k) => {
                        entities(&s[plain_from..i], out);
                        let inside = &s[i + 1..i + k];
                        if let Some((_, label)) = inside.split_once(' ') {
                            inline(label, out);
                        }
                        i += k + 1;
                        plain_from = i;
                    }
                    None => i += 1,
                }
            }
            b'<' => match html_tag(&b[i..]) {
                Some((len, br)) => {
                    entities(&s[plain_from..i], out);
                    if br {
                        out.push('\n');
                    }
                    i += len;
                    plain_from = i;
                }
                None => i += 1,
            },
            b'_' if b[i..].starts_with(b"__") => match magic_word(&b[i..]) {
                Some(len) => {
                    entities(&s[plain_from..i], out);
                    i += len;
                    plain_from = i;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    entities(&s[plain_from..], out);
}

fn is_url_start(b: &[u8]) -> bool {
    [
        &b"http://"[..],
        b"https://",
        b"//",
        b"ftp://",
        b"mailto:",
        b"news:",
    ]
    .iter()
    .any(|p| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p))
}

/// An HTML tag at the start of `b`: its length, and whether it is a line break.
fn html_tag(b: &[u8]) -> Option<(usize, bool)> {
    let close = b.get(1) == Some(&b'/');
    let name_from = if close { 2 } else { 1 };
    let name_len = b[name_from..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !b[name_from].is_ascii_alphabetic() {
        return None;
    }
    let (len, &c) = b
        .iter()
        .enumerate()
        .skip(1)
        .take(1023)
        .find(|(_, &c)| c == b'>' || c == b'<')?;
    if c != b'>' {
        return None;
    }
    let name = &b[name_from..name_from + name_len];
    let br = name.eq_ignore_ascii_case(b"br")
        || name.eq_ignore_ascii_case(b"p")
        || name.eq_ignore_ascii_case(b"li")
        || name.eq_ignore_ascii_case(b"hr");
    Some((len + 1, br))
}

/// `__NOTOC__` and the like.
fn magic_word(b: &[u8]) -> Option<usize> {
    let n = b[2..]
        .iter()
        .take(40)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    (n > 0 && b[2 + n..].starts_with(b"__")).then_some(n + 4)
}

/// Decode HTML entities (`&nbsp;`, `&ndash;`, `&#123;`, ...).
pub fn entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let after = &rest[k + 1..];
        let semi = after.bytes().take(12).position(|c| c == b';');
        let decoded = semi.and_then(|e| entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" | "hairsp" | "numsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "times" => '×',
        "middot" => '·',
        "bull" => '•',
        "deg" => '°',
        "prime" => '′',
        "Prime" => '″',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "zwj" | "zwnj" | "shy" | "lrm" | "rlm" => '\u{200B}',
        _ => return None,
    })
}

/// Tidy rendered prose: one space between words, none before punctuation or inside
/// brackets, and asides left empty by what was dropped removed ("X ( ; born 1900)" → "X (born
/// 1900)", "X ()" → "X").
pub fn tidy(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    // Offsets of the `(` in `t`, so that a `)` finds the last one at once (searching `t`
    // backwards each time was quadratic on a long run of `)`).
    let mut opens: Vec<usize> = Vec::new();
    let mut space = false;
    for c in s.chars() {
        if c == '\u{200B}' {
            continue;
        }
        if c.is_whitespace() {
            space = !t.is_empty();
            continue;
        }
        if space {
            if !matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?') && !t.ends_with('(') {
                t.push(' ');
            }
            space = false;
        }
        if c == ')' {
            // An aside emptied by dropped templates: "( ; )", "(, )", "()".
            if let Some(&o) = opens.last() {
                let inside = t[o + 1..].trim_matches(|c: char| matches!(c, ' ' | ';' | ',' | NOTE));
                if inside.is_empty() {
                    opens.pop();
                    t.truncate(o);
                    while t.ends_with(' ') {
                        t.pop();
                    }
                    continue;
                }
            }
        }
        if matches!(c, ';' | ',') && t.ends_with('(') {
            continue;
        }
        if c == '(' {
            opens.push(t.len());
        }
        t.push(c);
    }
    // "( ; born" → "(born", in one pass.
    let mut out = String::with_capacity(t.len());
    let mut after_open = false;
    for c in t.chars() {
        if after_open && (c == ' ' || c == ';' || c == ',') {
            continue;
        }
        after_open = c == '(';
        out.push(c);
    }
    out.trim().to_string()
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "c", "ca", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Capt", "Adm", "Sgt", "Maj", "Brig", "Cmdr",
    "Gov", "Pres", "Sen", "Rep", "Rev", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "No", "Nos", "vs",
    "Vol", "pp", "p", "approx", "est", "fl", "r", "b", "d", "Co", "Corp", "Inc", "Ltd", "Bros",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Op",
    "cf", "al", "etc", "Hon", "Prof", "Sgt", "Pte", "Cpl", "HMS", "USS", "e.g", "i.e",
];

/// Where a footnote (`<ref>`, `{{efn}}`, `{{sfn}}`) stood in rendered prose: kept by the
/// paragraph reader so that [`first_sentence`] can see it, removed by [`without_notes`].
pub const NOTE: char = '\u{E000}';

/// Text without [`NOTE`] marks, and without the space a mark kept from the punctuation after
/// it ("1066 [NOTE]." is "1066.").
pub fn without_notes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != NOTE {
            out.push(c);
            continue;
        }
        while chars.peek() == Some(&NOTE) {
            chars.next();
        }
        if out.ends_with(' ')
            && chars
                .peek()
                .is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?'))
        {
            out.pop();
        }
    }
    out.trim().to_string()
}

/// The first sentence of a paragraph: up to the first `.`, `!` or `?` that is followed by a
/// space and a capital letter, digit or quote, outside brackets, and not after an
/// abbreviation or an initial ("U.S.", "J. R. R."), unless a footnote follows the stop
/// ("Alexander I.[NOTE] Artillery": a reference after a full stop closes its sentence).
pub fn first_sentence(p: &str) -> &str {
    let b = p.as_bytes();
    let mut depth: i32 = 0;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            b'.' | b'!' | b'?' if depth == 0 => {
                let rest = &p[i + 1..];
                let next = rest.trim_start_matches(['"', '\'', '”', '’', ')']);
                let noted = next.starts_with(NOTE);
                let next = next.trim_start_matches(NOTE);
                let Some(after) = next.strip_prefix(' ') else {
                    if next.is_empty() {
                        return p[..=i].trim();
                    }
                    continue;
                };
                let starts = after.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'')
                });
                if !starts || c != b'.' || noted {
                    if starts {
                        return p[..p.len() - after.len()].trim();
                    }
                    continue;
                }
                let word = p[..i]
                    .trim_end_matches(NOTE)
                    .rsplit(|c: char| c.is_whitespace() || c == '(' || c == NOTE)
                    .next()
                    .unwrap_or("");
                let bare = word.trim_start_matches(['"', '\'', '“']);
                let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
                let dotted = bare.contains('.'); // "U.S", "e.g"
                                                 // A number is never an abbreviation ("a magnitude of 7.9. Shaking"), and a word
                                                 // that begins sentences ends the one before ("Xerxes I. For", "U.S. The").
                let number = bare.chars().any(|c| c.is_ascii_digit())
                    && bare.chars().all(|c| c.is_ascii_digit() || c == '.');
                let next_word = after.split(|c: char| !c.is_alphanumeric()).next();
                if number
                    || next_word
                        .is_some_and(|w| annals_extract::events::SENTENCE_STARTERS.contains(&w))
                {
                    return p[..p.len() - after.len()].trim();
                }
                if initial || dotted || ABBREVIATIONS.contains(&bare) {
                    continue;
                }
                return p[..p.len() - after.len()].trim();
            }
            _ => {}
        }
    }
    p.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> String {
        let d = Doc::parse(s);
        let mut seen = Seen::default();
        tidy(&plain(&d, 0, &mut seen))
    }

    #[test]
    fn prose() {
        assert_eq!(
            r("'''The Battle''' of [[Hastings|Hastings]]<ref>x</ref> was [[battle]]s&nbsp;won [http://x.org here] [[File:a.jpg|thumb|a]]."),
            "The Battle of Hastings was battles won here."
        );
        assert_eq!(
            r("'''Paris''' ({{IPA-fr|paʁi}}; <small>x</small>) is"),
            "Paris (x) is"
        );
        assert_eq!(r("'''Paris''' ({{IPAc-en|p|ae|r|is}}) is"), "Paris is");
        assert_eq!(
            r("'''Paris''' ({{IPAc-en|p}}; born 1900) is"),
            "Paris (born 1900) is"
        );
        assert_eq!(r("a [[Category:X]]b<!-- c -->"), "a b");
        assert_eq!(r("a<br/>b"), "a\nb".replace('\n', " "));
    }

    #[test]
    fn unclosed_external_links_stay_linear() {
        // Each `[http://` used to search to the end of its line for a `]`: quadratic on a
        // long line of them (minutes for 5 MB).
        let line = "[http://".repeat(1 << 17);
        let mut out = String::new();
        inline(&line, &mut out);
        assert_eq!(out, line);
        let mut out = String::new();
        inline("[http://a b [http://c\n[http://d e] f", &mut out);
        assert_eq!(out, "[http://a b [http://c\ne f");
    }

    #[test]
    fn tidy_stays_linear_on_runs_of_brackets() {
        // `)` used to search the whole text back for its `(`: quadratic on "(a)))))...".
        let s = "(a".to_string() + &")".repeat(1 << 17);
        assert_eq!(tidy(&s), s);
        assert_eq!(tidy(&"(".repeat(1 << 17)), "(".repeat(1 << 17));
        assert_eq!(
            tidy("X ( ; , born 1900) and ( ; ) Y (( ))"),
            "X (born 1900) and Y"
        );
    }

    #[test]
    fn sentences() {
        assert_eq!(
            first_sentence("The U.S. Army under Gen. J. R. Smith won. Then it rained."),
            "The U.S. Army under Gen. J. R. Smith won."
        );
        assert_eq!(
            first_sentence("It began c. 1200 (see St. Paul. Here). Next."),
            "It began c. 1200 (see St. Paul. Here)."
        );
        assert_eq!(first_sentence("One sentence only"), "One sentence only");
        assert_eq!(
            first_sentence("It was fought against Xerxes I. For three days they held."),
            "It was fought against Xerxes I."
        );
        assert_eq!(
            first_sentence("It had a magnitude of 7.9. Shaking was felt far."),
            "It had a magnitude of 7.9."
        );
        assert_eq!(
            first_sentence("It burned in New Jersey, U.S. The airship was lost."),
            "It burned in New Jersey, U.S."
        );
        assert_eq!(
            first_sentence("John F. Kennedy met the U.S. Army in Washington. Then."),
            "John F. Kennedy met the U.S. Army in Washington."
        );
        assert_eq!(first_sentence("Was it? Yes."), "Was it?");
        // A footnote after a full stop closes the sentence, even after an initial or an
        // abbreviation; without one the initial still does not.
        let noted = format!("It followed the death of Alexander I.{NOTE} Artillery fired.");
        assert_eq!(
            without_notes(first_sentence(&noted)),
            "It followed the death of Alexander I."
        );
        assert_eq!(
            first_sentence("It followed the death of Alexander I. Artillery fired."),
            "It followed the death of Alexander I. Artillery fired."
        );
        assert_eq!(
            without_notes(&format!("In 1066 {NOTE}{NOTE}. Then")),
            "In 1066. Then"
        );
        let mid = format!("It was the U.S.{NOTE}, and more. Then.");
        assert_eq!(
            without_notes(first_sentence(&mid)),
            "It was the U.S., and more."
        );
    }
}
