//! The wikitext tree: templates, template arguments, links, tables, extension tags and comments,
//! found in one linear pass over the bytes (MediaWiki's preprocessor level; inline markup such as
//! bold, external links and HTML is left in the text between nodes).
//!
//! Nothing here recurses on the input: openers are kept on an explicit stack of at most
//! [`MAX_DEPTH`] nodes (deeper input makes [`Doc::too_deep`] true and the page unreadable), a
//! closer that does not match the innermost opener closes the nearest matching one within a few
//! levels (the openers in between become [`Kind::Broken`]), and the end of a tag or comment is
//! searched for once per tag name, so unclosed templates, tags and tables cost linear time.

/// Deepest nesting of templates, links and tables read.
pub const MAX_DEPTH: usize = 100;

/// How far down the stack a closer looks for its opener.
const REACH: usize = 8;

const NONE: u32 = u32::MAX;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The whole text.
    Root,
    /// `{{name|params}}`.
    Template,
    /// `{{{name|default}}}` (inside templates).
    Arg,
    /// `[[target|label]]`.
    Link,
    /// `{| ... |}`.
    Table,
    /// `<!-- ... -->`.
    Comment,
    /// An extension tag whose content is not wikitext for us (`<ref>`, `<nowiki>`, `<math>`,
    /// ...): its content is kept whole.
    Tag(Tag),
    /// An opener that was never closed: its children stand in its parent's place, its opener
    /// is text.
    Broken,
}

/// The extension tags read as opaque units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// `<ref>`: a footnote, dropped from prose.
    Ref,
    /// `<nowiki>`: its content is text.
    Nowiki,
    /// Everything else: `<math>`, `<pre>`, `<gallery>`, `<syntaxhighlight>`, ... (dropped).
    Other,
}

/// Tag names read as opaque units, with what they are.
const TAGS: &[(&str, Tag)] = &[
    ("ref", Tag::Ref),
    ("nowiki", Tag::Nowiki),
    ("references", Tag::Other),
    ("math", Tag::Other),
    ("chem", Tag::Other),
    ("ce", Tag::Other),
    ("pre", Tag::Other),
    ("syntaxhighlight", Tag::Other),
    ("source", Tag::Other),
    ("gallery", Tag::Other),
    ("timeline", Tag::Other),
    ("score", Tag::Other),
    ("graph", Tag::Other),
    ("mapframe", Tag::Other),
    ("maplink", Tag::Other),
    ("imagemap", Tag::Other),
    ("templatedata", Tag::Other),
    ("templatestyles", Tag::Other),
    ("hiero", Tag::Other),
    ("inputbox", Tag::Other),
    ("categorytree", Tag::Other),
    ("poem", Tag::Other),
    ("code", Tag::Other),
];

/// A node: its kind, its span in the text (openers and closers included) and the span of its
/// content, and its place among its siblings.
#[derive(Debug, Clone)]
pub struct Node {
    /// What it is.
    pub kind: Kind,
    /// First byte (of the opener).
    pub start: usize,
    /// One past the last byte (of the closer).
    pub end: usize,
    /// First byte of the content.
    pub inner_start: usize,
    /// One past the last byte of the content.
    pub inner_end: usize,
    first: u32,
    last: u32,
    next: u32,
}

/// A parsed page: the text and its nodes (node 0 is the root).
#[derive(Debug)]
pub struct Doc<'a> {
    /// The wikitext.
    pub text: &'a str,
    nodes: Vec<Node>,
    /// The input nested deeper than [`MAX_DEPTH`]: what is past that depth is text.
    pub too_deep: bool,
}

/// A piece of a node's content: text between children, or a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// Bytes of text.
    Text(usize, usize),
    /// A child node.
    Node(usize),
}

impl<'a> Doc<'a> {
    /// Parse `text`.
    pub fn parse(text: &'a str) -> Doc<'a> {
        Scanner::new(text).run()
    }

    /// The root node's index.
    pub const ROOT: usize = 0;

    /// A node.
    pub fn node(&self, i: usize) -> &Node {
        &self.nodes[i]
    }

    /// The children of a node, in order.
    pub fn children(&self, i: usize) -> Children<'_, 'a> {
        Children {
            doc: self,
            at: self.nodes[i].first,
        }
    }

    /// The text of a node's whole span.
    pub fn src(&self, i: usize) -> &'a str {
        let n = &self.nodes[i];
        &self.text[n.start..n.end]
    }

    /// The text of a node's content.
    pub fn inner(&self, i: usize) -> &'a str {
        let n = &self.nodes[i];
        &self.text[n.inner_start..n.inner_end]
    }

    /// The pieces of a node's content between `from` and `to` (byte offsets), with the
    /// children of [`Kind::Broken`] nodes in their place (their openers are text).
    pub fn pieces(&self, i: usize, from: usize, to: usize) -> Vec<Piece> {
        let mut out = Vec::new();
        // (node, position reached, next child)
        let mut stack = vec![(i, from, self.nodes[i].first)];
        while let Some((n, pos, child)) = stack.pop() {
            let end = self.nodes[n].inner_end.min(to);
            if child == NONE {
                if pos < end {
                    out.push(Piece::Text(pos, end));
                }
                continue;
            }
            let c = &self.nodes[child as usize];
            if c.end <= pos {
                stack.push((n, pos, c.next));
                continue;
            }
            if c.start >= end {
                if pos < end {
                    out.push(Piece::Text(pos, end));
                }
                continue;
            }
            if pos < c.start {
                out.push(Piece::Text(pos, c.start));
            }
            stack.push((n, c.end, c.next));
            if c.kind == Kind::Broken {
                out.push(Piece::Text(c.start, c.inner_start));
                stack.push((child as usize, c.inner_start, c.first));
            } else {
                out.push(Piece::Node(child as usize));
            }
        }
        out
    }

    /// The name of a template (its text up to the first `|`, trimmed), or "" for other nodes.
    pub fn template_name(&self, i: usize) -> &'a str {
        if self.nodes[i].kind != Kind::Template {
            return "";
        }
        let n = &self.nodes[i];
        let end = self.top_pipes(i).first().copied().unwrap_or(n.inner_end);
        self.text[n.inner_start..end].trim()
    }

    /// Byte offsets of the `|` separators directly in a template, link or arg (not inside
    /// its children).
    pub fn top_pipes(&self, i: usize) -> Vec<usize> {
        let n = &self.nodes[i];
        let mut out = Vec::new();
        for p in self.pieces(i, n.inner_start, n.inner_end) {
            if let Piece::Text(a, b) = p {
                out.extend(
                    self.text.as_bytes()[a..b]
                        .iter()
                        .enumerate()
                        .filter(|(_, &c)| c == b'|')
                        .map(|(k, _)| a + k),
                );
            }
        }
        out
    }

    /// The parameters of a template: `(name, value span)`, positional ones named "1", "2", ...
    /// as MediaWiki names them. Names are trimmed; value spans are untrimmed.
    pub fn params(&self, i: usize) -> Vec<Param<'a>> {
        let n = &self.nodes[i];
        let bytes = self.text.as_bytes();
        let mut out = Vec::new();
        // The parameter being read: its start and the first `=` directly in it.
        let mut current: Option<(usize, Option<usize>)> = None;
        let mut position = 0;
        let mut finish =
            |start: usize, eq: Option<usize>, end: usize, out: &mut Vec<Param<'a>>| match eq {
                Some(e) => out.push(Param {
                    name: self.text[start..e].trim().into(),
                    start: e + 1,
                    end,
                }),
                None => {
                    position += 1;
                    out.push(Param {
                        name: position.to_string().into(),
                        start,
                        end,
                    })
                }
            };
        for piece in self.pieces(i, n.inner_start, n.inner_end) {
            let Piece::Text(a, b) = piece else { continue };
            for (k, &c) in bytes.iter().enumerate().take(b).skip(a) {
                match c {
                    b'|' => {
                        if let Some((s, eq)) = current {
                            finish(s, eq, k, &mut out);
                        }
                        current = Some((k + 1, None));
                    }
                    b'=' => {
                        if let Some((_, eq @ None)) = &mut current {
                            *eq = Some(k);
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some((s, eq)) = current {
            finish(s, eq, n.inner_end, &mut out);
        }
        out
    }
}

/// A template parameter: its name and the span of its value.
#[derive(Debug, Clone)]
pub struct Param<'a> {
    /// The name (`"date"`, or `"1"` for the first positional one).
    pub name: std::borrow::Cow<'a, str>,
    /// First byte of the value.
    pub start: usize,
    /// One past the last byte of the value.
    pub end: usize,
}

/// Iterator over a node's children.
pub struct Children<'d, 'a> {
    doc: &'d Doc<'a>,
    at: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.at == NONE {
            return None;
        }
        let i = self.at as usize;
        self.at = self.doc.nodes[i].next;
        Some(i)
    }
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    nodes: Vec<Node>,
    stack: Vec<usize>,
    too_deep: bool,
    /// Per opaque tag name: the last close found (`start`, `end`), or the position from which
    /// none exists.
    closes: Vec<Option<Result<(usize, usize), usize>>>,
    comment_close: Option<Result<usize, usize>>,
    /// The first `>` at or after an offset (`(from, at)`, `at` the text's length when there is
    /// none): it is the first `>` for every offset from `from` to `at` as well (`(1, 0)`: none
    /// searched yet).
    next_gt: (usize, usize),
}

/// Bytes the scanner stops at.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'{' as usize] = true;
    t[b'}' as usize] = true;
    t[b'[' as usize] = true;
    t[b']' as usize] = true;
    t[b'|' as usize] = true;
    t[b'<' as usize] = true;
    t
};

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Scanner<'a> {
        let root = Node {
            kind: Kind::Root,
            start: 0,
            end: text.len(),
            inner_start: 0,
            inner_end: text.len(),
            first: NONE,
            last: NONE,
            next: NONE,
        };
        Scanner {
            text,
            b: text.as_bytes(),
            nodes: vec![root],
            stack: vec![0],
            too_deep: false,
            closes: vec![None; TAGS.len()],
            comment_close: None,
            next_gt: (1, 0),
        }
    }

    fn run(mut self) -> Doc<'a> {
        let len = self.b.len();
        let mut i = 0;
        while i < len {
            let c = self.b[i];
            if !SPECIAL[c as usize] {
                i += 1;
                continue;
            }
            i = match c {
                b'{' => self.open_braces(i),
                b'}' => self.close_braces(i),
                b'[' if self.b.get(i + 1) == Some(&b'[') => self.open(Kind::Link, i, 2),
                b']' if self.b.get(i + 1) == Some(&b']') => self.close(Kind::Link, i, 2),
                b'|' if self.b.get(i + 1) == Some(&b'}') && self.line_start(i) => {
                    self.close(Kind::Table, i, 2)
                }
                b'<' => self.angle(i),
                _ => i + 1,
            };
        }
        // What is still open was never closed.
        while self.stack.len() > 1 {
            if let Some(n) = self.stack.pop() {
                self.nodes[n].kind = Kind::Broken;
                self.nodes[n].end = len;
                self.nodes[n].inner_end = len;
            }
        }
        Doc {
            text: self.text,
            nodes: self.nodes,
            too_deep: self.too_deep,
        }
    }

    /// Whether only spaces or tabs stand between the last line break and `i`.
    fn line_start(&self, i: usize) -> bool {
        self.b[..i]
            .iter()
            .rev()
            .find(|&&c| c != b' ' && c != b'\t')
            .is_none_or(|&c| c == b'\n')
    }

    fn add(&mut self, node: Node) -> usize {
        let idx = self.nodes.len();
        let parent = self.stack.last().copied().unwrap_or(0);
        self.nodes.push(node);
        let last = self.nodes[parent].last;
        if last == NONE {
            self.nodes[parent].first = idx as u32;
        } else {
            self.nodes[last as usize].next = idx as u32;
        }
        self.nodes[parent].last = idx as u32;
        idx
    }

    /// Open a node of `kind` with an opener of `width` bytes at `i`.
    fn open(&mut self, kind: Kind, i: usize, width: usize) -> usize {
        if self.stack.len() > MAX_DEPTH || self.nodes.len() >= NONE as usize - 1 {
            self.too_deep = true;
            return i + width;
        }
        let idx = self.add(Node {
            kind,
            start: i,
            end: i + width,
            inner_start: i + width,
            inner_end: i + width,
            first: NONE,
            last: NONE,
            next: NONE,
        });
        self.stack.push(idx);
        i + width
    }

    /// Close the nearest open node of `kind` (within [`REACH`] levels) with a closer of
    /// `width` bytes at `i`; the nodes above it become [`Kind::Broken`]. A closer with no
    /// opener is text.
    fn close(&mut self, kind: Kind, i: usize, width: usize) -> usize {
        let depth = self.stack.len();
        let found = (1..depth.min(REACH + 1))
            .find(|&k| self.nodes[self.stack[depth - k]].kind == kind)
            .map(|k| depth - k);
        let Some(at) = found else {
            return i + 1;
        };
        while self.stack.len() > at + 1 {
            if let Some(n) = self.stack.pop() {
                self.nodes[n].kind = Kind::Broken;
                self.nodes[n].end = i;
                self.nodes[n].inner_end = i;
            }
        }
        if let Some(n) = self.stack.pop() {
            self.nodes[n].inner_end = i;
            self.nodes[n].end = i + width;
        }
        i + width
    }

    fn run_of(&self, i: usize, c: u8) -> usize {
        self.b[i..].iter().take_while(|&&x| x == c).count()
    }

    fn open_braces(&mut self, i: usize) -> usize {
        if self.b.get(i + 1) == Some(&b'|') && self.line_start(i) {
            return self.open(Kind::Table, i, 2);
        }
        let run = self.run_of(i, b'{');
        if run < 2 {
            return i + 1;
        }
        let mut at = i;
        let mut n = run;
        while n >= 2 {
            if n == 3 {
                self.open(Kind::Arg, at, 3);
                at += 3;
                n = 0;
            } else {
                self.open(Kind::Template, at, 2);
                at += 2;
                n -= 2;
            }
        }
        i + run
    }

    fn close_braces(&mut self, i: usize) -> usize {
        let run = self.run_of(i, b'}');
        let mut at = i;
        let mut n = run;
        while n >= 2 {
            let top = self.stack.last().map(|&t| self.nodes[t].kind);
            match top {
                Some(Kind::Arg) if n >= 3 => {
                    self.close(Kind::Arg, at, 3);
                    at += 3;
                    n -= 3;
                }
                Some(Kind::Arg) => {
                    // `{{{x}}`: a template after a literal brace.
                    if let Some(&t) = self.stack.last() {
                        self.nodes[t].kind = Kind::Template;
                        self.nodes[t].start += 1;
                    }
                    self.close(Kind::Template, at, 2);
                    at += 2;
                    n -= 2;
                }
                _ => {
                    let before = self.stack.len();
                    self.close(Kind::Template, at, 2);
                    if self.stack.len() == before {
                        // No template open: the braces are text.
                        break;
                    }
                    at += 2;
                    n -= 2;
                }
            }
        }
        i + run
    }

    /// `<!--`, an opaque tag, or text.
    fn angle(&mut self, i: usize) -> usize {
        let rest = &self.b[i..];
        if rest.starts_with(b"<!--") {
            let end = self.comment_end(i + 4);
            let close = end.map_or(self.b.len(), |e| e + 3);
            self.leaf(Kind::Comment, i, close, i + 4, end.unwrap_or(self.b.len()));
            return close;
        }
        let name_len = rest[1..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if name_len == 0 {
            return i + 1;
        }
        let name = &rest[1..1 + name_len];
        let Some(t) = TAGS
            .iter()
            .position(|(n, _)| n.as_bytes().eq_ignore_ascii_case(name))
        else {
            return i + 1;
        };
        let after = rest.get(1 + name_len).copied();
        if !matches!(after, Some(b'>' | b'/' | b' ' | b'\t' | b'\n')) {
            return i + 1;
        }
        // The opening tag ends at the first `>` (attributes hold no `>` in practice).
        // (Searched once for all the openers before it: a page of `<ref ` stays linear.)
        let (from, at) = self.next_gt;
        if !(from..=at).contains(&i) {
            let at = self.b[i..]
                .iter()
                .position(|&c| c == b'>')
                .map_or(self.b.len(), |k| i + k);
            self.next_gt = (i, at);
        }
        let gt = self.next_gt.1 - i;
        if self.next_gt.1 == self.b.len() || gt >= 4096 {
            return i + 1;
        }
        let open_end = i + gt + 1;
        if self.b[open_end - 2] == b'/' {
            self.leaf(Kind::Tag(TAGS[t].1), i, open_end, open_end, open_end);
            return open_end;
        }
        match self.tag_close(t, open_end) {
            Some((cs, ce)) => {
                self.leaf(Kind::Tag(TAGS[t].1), i, ce, open_end, cs);
                ce
            }
            None => i + 1,
        }
    }

    fn leaf(&mut self, kind: Kind, start: usize, end: usize, inner_start: usize, inner_end: usize) {
        if self.nodes.len() >= NONE as usize - 1 {
            self.too_deep = true;
            return;
        }
        self.add(Node {
            kind,
            start,
            end,
            inner_start,
            inner_end,
            first: NONE,
            last: NONE,
            next: NONE,
        });
    }

    /// Where `-->` starts at or after `from`.
    fn comment_end(&mut self, from: usize) -> Option<usize> {
        match self.comment_close {
            Some(Ok(e)) if e >= from => return Some(e),
            Some(Err(f)) if from >= f => return None,
            _ => {}
        }
        let found = find(&self.b[from..], b"-->").map(|k| from + k);
        self.comment_close = Some(found.ok_or(from));
        found
    }

    /// The first `</name>` at or after `from`: its start and end.
    fn tag_close(&mut self, t: usize, from: usize) -> Option<(usize, usize)> {
        match self.closes[t] {
            Some(Ok((s, e))) if s >= from => return Some((s, e)),
            Some(Err(f)) if from >= f => return None,
            _ => {}
        }
        let name = TAGS[t].0.as_bytes();
        let mut at = from;
        let found = loop {
            let Some(k) = find(&self.b[at..], b"</") else {
                break None;
            };
            let s = at + k;
            let after = &self.b[s + 2..];
            if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
                let rest = &after[name.len()..];
                let ws = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
                if rest.get(ws) == Some(&b'>') {
                    break Some((s, s + 2 + name.len() + ws + 1));
                }
            }
            at = s + 2;
        };
        self.closes[t] = Some(found.ok_or(from));
        found
    }
}

/// The first occurrence of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        let k = hay[at..].iter().position(|&c| c == first)?;
        let s = at + k;
        if hay[s..].starts_with(needle) {
            return Some(s);
        }
        at = s + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Doc, i: usize) -> Vec<Kind> {
        doc.children(i).map(|c| doc.node(c).kind).collect()
    }

    #[test]
    fn templates_links_and_params() {
        let t = "a {{Infobox x\n| date = {{Start date|1066|10|14}}\n| place = [[Hastings|near Hastings]], England<ref>{{cite|a|b}}</ref>\n| 3 }} b";
        let d = Doc::parse(t);
        assert_eq!(kinds(&d, 0), [Kind::Template]);
        let ib = d.children(0).next().unwrap();
        assert_eq!(d.template_name(ib), "Infobox x");
        let ps = d.params(ib);
        let names: Vec<&str> = ps.iter().map(|p| p.name.as_ref()).collect();
        assert_eq!(names, ["date", "place", "1"]);
        assert_eq!(
            t[ps[0].start..ps[0].end].trim(),
            "{{Start date|1066|10|14}}"
        );
        assert_eq!(
            t[ps[1].start..ps[1].end].trim(),
            "[[Hastings|near Hastings]], England<ref>{{cite|a|b}}</ref>"
        );
    }

    #[test]
    fn unclosed_and_mismatched() {
        let d = Doc::parse("{{a|[[b}} c");
        let a = d.children(0).next().unwrap();
        assert_eq!(d.node(a).kind, Kind::Template);
        assert_eq!(kinds(&d, a), [Kind::Broken]);
        let d = Doc::parse("x {{a|b");
        assert_eq!(kinds(&d, 0), [Kind::Broken]);
        let d = Doc::parse("}} ]] |} {{{1}}} <ref>x");
        assert_eq!(kinds(&d, 0), [Kind::Arg]);
    }

    #[test]
    fn tags_and_comments() {
        let d = Doc::parse("a<ref name=\"x\" />b<REF>c|d</ref >e<!-- f -->g<!-- h");
        assert_eq!(
            kinds(&d, 0),
            [
                Kind::Tag(Tag::Ref),
                Kind::Tag(Tag::Ref),
                Kind::Comment,
                Kind::Comment
            ]
        );
        let ids: Vec<usize> = d.children(0).collect();
        assert_eq!(d.inner(ids[1]), "c|d");
        assert_eq!(d.inner(ids[3]), " h");
    }

    #[test]
    fn tables_at_line_start() {
        let d = Doc::parse("a {| b |}\n{|\n| c\n|}\nd");
        assert_eq!(kinds(&d, 0), [Kind::Table]);
    }

    #[test]
    fn deep_and_hostile_input_is_linear_and_bounded() {
        for s in [
            "{{a|".repeat(100_000),
            "{{a|".repeat(20_000) + &"}}".repeat(20_000),
            "{|\n".repeat(20_000) + &"|}\n".repeat(20_000),
            "<ref>".repeat(50_000),
            "<!--".repeat(50_000),
            "[[".repeat(100_000) + &"]]".repeat(100_000),
            "{".repeat(100_001) + &"}".repeat(100_001),
        ] {
            let t = std::time::Instant::now();
            let d = Doc::parse(&s);
            let _ = d.pieces(0, 0, s.len());
            assert!(t.elapsed().as_secs() < 2, "slow on {:?}", &s[..10]);
        }
        let deep = "{{a|".repeat(200) + &"}}".repeat(200);
        assert!(Doc::parse(&deep).too_deep);
    }

    #[test]
    fn tag_openers_without_their_end_stay_linear() {
        // Each `<ref ` looked up to 4 KB ahead for its `>`: 4,096 times the text on a page of
        // them. The first `>` is now found once for all the openers before it.
        let s = "<ref ".repeat(1 << 20);
        let d = Doc::parse(&s);
        assert_eq!(kinds(&d, 0), []);
        let d = Doc::parse("<ref <ref name=a>b</ref>");
        assert_eq!(kinds(&d, 0), [Kind::Tag(Tag::Ref)]);
        assert_eq!(d.inner(1), "b");
    }

    #[test]
    fn pieces_flatten_broken_nodes() {
        let t = "{{a|b [[c|d}}";
        let d = Doc::parse(t);
        let a = d.children(0).next().unwrap();
        let pipes = d.top_pipes(a);
        assert_eq!(pipes, [3, 9]);
    }
}
