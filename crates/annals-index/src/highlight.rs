//! What a hit shows of its event and why it matched: a passage of the field whose words matched,
//! with those words marked, or, when the words (or the filters) matched only a name, which
//! participant, place or tag.
//!
//! A passage is plain text with the byte ranges of its marks ([`Excerpt`]), so that each reader
//! renders it its own way: [`Excerpt::html`] for pages and the JSON `snippet`, [`Excerpt::marked`]
//! for a terminal. Marks are the words whose stem the query matched with, found by running the
//! text through the index's own analyzer.

use crate::compile::Named;
use crate::schema::{key_point, place_label};
use annals_core::Event;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;
use tantivy::tokenizer::TextAnalyzer;

/// Longest passage, in characters.
pub const PASSAGE_CHARS: usize = 200;
/// How far before its first mark a cut passage begins, in characters (context for the match).
const LEAD_CHARS: usize = 50;

/// The field a passage comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The title.
    Title,
    /// The summary.
    Summary,
    /// A paragraph of the narrative.
    Narrative,
    /// A key point ("label: text").
    KeyPoint,
}

/// A passage of an event's text with the matched words marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Excerpt {
    /// Where it comes from.
    pub source: Source,
    /// The passage, plain text (cut passages begin or end with "…").
    pub text: String,
    /// Byte ranges of the marked words in `text`, in order, not overlapping.
    pub marks: Vec<Range<usize>>,
}

impl Excerpt {
    /// The passage as HTML: text escaped, marks in `<mark>`.
    pub fn html(&self) -> String {
        self.render(&annals_core::html::escape, "<mark>", "</mark>")
    }

    /// The passage as plain text with each mark between `on` and `off`.
    pub fn marked(&self, on: &str, off: &str) -> String {
        self.render(&|s: &str| s.to_string(), on, off)
    }

    fn render(&self, text: &dyn Fn(&str) -> String, on: &str, off: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 * self.marks.len());
        let mut at = 0;
        for m in &self.marks {
            out.push_str(&text(&self.text[at..m.start]));
            out.push_str(on);
            out.push_str(&text(&self.text[m.clone()]));
            out.push_str(off);
            at = m.end;
        }
        out.push_str(&text(&self.text[at..]));
        out
    }

    /// The marks as character offsets `[start, end)` into `text` (what the JSON carries).
    pub fn char_marks(&self) -> Vec<[usize; 2]> {
        let mut out = Vec::with_capacity(self.marks.len());
        let (mut byte, mut chars) = (0, 0);
        let mut count_to = |to: usize| {
            chars += self.text[byte..to].chars().count();
            byte = to;
            chars
        };
        for m in &self.marks {
            let start = count_to(m.start);
            let end = count_to(m.end);
            out.push([start, end]);
        }
        out
    }
}

/// A kind of name an event holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameField {
    /// A participant.
    Participant,
    /// A place ("name, country").
    Place,
    /// A tag.
    Tag,
}

/// The name a hit matched through, when no passage of its text shows a match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matched {
    /// Which kind of name.
    pub field: NameField,
    /// The name: as the event holds it when a word of the query matched it, as the query gives
    /// it when a filter did.
    pub value: String,
}

/// Finds marks: the stems of a query's words, grouped by word.
pub struct Marker {
    /// The words analyzer without its stemmer: a token is stemmed only when a stem of the query
    /// begins with its first letter (stemming keeps a word's first letter), which spares most of
    /// the stemming of a passage.
    analyzer: TextAnalyzer,
    /// Stem → its word's group.
    stems: HashMap<String, usize>,
    /// The first letters of the stems.
    firsts: Vec<char>,
    groups: usize,
}

/// Marks found in one text: byte ranges, and how many of the query's words they cover.
struct Found {
    marks: Vec<Range<usize>>,
    covered: usize,
}

impl Marker {
    /// A marker for `groups` (one list of stems per word of the query).
    pub fn new(groups: &[Vec<String>]) -> Marker {
        let mut stems = HashMap::new();
        let mut firsts = Vec::new();
        for (i, group) in groups.iter().enumerate() {
            for stem in group {
                stems.entry(stem.clone()).or_insert(i);
                if let Some(c) = stem.chars().next().filter(|c| !firsts.contains(c)) {
                    firsts.push(c);
                }
            }
        }
        Marker {
            analyzer: crate::schema::unstemmed(),
            stems,
            firsts,
            groups: groups.len(),
        }
    }

    fn find(&mut self, text: &str) -> Found {
        let mut marks: Vec<Range<usize>> = Vec::new();
        let mut seen = vec![false; self.groups];
        let mut stream = self.analyzer.token_stream(text);
        let mut word = String::new();
        while let Some(t) = stream.next() {
            let found = if crate::stem::stems(&t.text) {
                if !t
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| self.firsts.contains(&c))
                {
                    continue;
                }
                word.clone_from(&t.text);
                crate::stem::stem(&mut word);
                self.stems.get(&word)
            } else {
                self.stems.get(&t.text)
            };
            if let Some(&g) = found {
                seen[g] = true;
                match marks.last_mut() {
                    Some(last) if last.end >= t.offset_from => last.end = t.offset_to.max(last.end),
                    _ => marks.push(t.offset_from..t.offset_to),
                }
            }
        }
        Found {
            marks,
            covered: seen.iter().filter(|s| **s).count(),
        }
    }

    /// What a hit shows: a passage of its summary, else of its title, that marks the query's
    /// words; else, from the full `event` (read only then), the narrative paragraph or key point
    /// that shows the most of them, else the participant or place whose name holds one. For a
    /// query without words: the beginning of the summary, and the participant, place or tag
    /// filter that matched.
    pub fn excerpt(
        &mut self,
        title: &str,
        summary: &str,
        event: &mut dyn FnMut() -> Option<Event>,
        named: &[Named],
    ) -> (Excerpt, Option<Matched>) {
        let plain = |summary: &str| passage(Source::Summary, summary, &[], PASSAGE_CHARS);
        if self.groups == 0 {
            let matched = named.first().map(|n| match n {
                Named::Participant(v) => (NameField::Participant, v),
                Named::Place(v) => (NameField::Place, v),
                Named::Tag(v) => (NameField::Tag, v),
            });
            let matched = matched.map(|(field, value)| Matched {
                field,
                value: value.clone(),
            });
            return (plain(summary), matched);
        }
        for (source, text) in [(Source::Summary, summary), (Source::Title, title)] {
            let found = self.find(text);
            if found.covered > 0 {
                return (passage(source, text, &found.marks, PASSAGE_CHARS), None);
            }
        }
        let Some(e) = event() else {
            return (plain(summary), None);
        };
        let points: Vec<String> = e.key_points.iter().map(key_point).collect();
        let candidates = e
            .body
            .iter()
            .map(|p| (Source::Narrative, p.as_str()))
            .chain(points.iter().map(|p| (Source::KeyPoint, p.as_str())));
        let mut best: Option<(Source, &str, Found)> = None;
        for (source, text) in candidates {
            let found = self.find(text);
            if found.covered > best.as_ref().map_or(0, |b| b.2.covered) {
                let all = found.covered == self.groups;
                best = Some((source, text, found));
                if all {
                    break;
                }
            }
        }
        if let Some((source, text, found)) = best {
            return (passage(source, text, &found.marks, PASSAGE_CHARS), None);
        }
        let names = e
            .participants
            .iter()
            .map(|p| (NameField::Participant, p.name.clone()))
            .chain(e.places.iter().map(|p| (NameField::Place, place_label(p))));
        for (field, value) in names {
            if self.find(&value).covered > 0 {
                return (plain(summary), Some(Matched { field, value }));
            }
        }
        (plain(summary), None)
    }
}

/// The passage of `text` shown for `marks`: all of it when it is short enough, else at most
/// `max` characters cut at word boundaries around the best run of marks (the first mark of the
/// window that holds the most), from the start of its sentence when that is near, with "…"
/// where it was cut; a passage that reaches the end of the text begins early enough to fill
/// `max` characters. Without marks, the beginning.
pub fn passage(source: Source, text: &str, marks: &[Range<usize>], max: usize) -> Excerpt {
    let text = text.trim_end();
    if text.chars().count() <= max {
        let marks = marks.iter().filter(|m| m.end <= text.len()).cloned();
        return Excerpt {
            source,
            text: text.to_string(),
            marks: marks.collect(),
        };
    }
    let mut start = match best_anchor(text, marks, max - LEAD_CHARS) {
        Some(at) => begin_before(text, at, LEAD_CHARS, max / 2),
        None => 0,
    };
    let mut end = end_after(text, start, max);
    if end == text.len() {
        // Room left at the end: begin earlier, at a sentence or a word.
        let from = byte_before_chars(text, end, max);
        start = start.min(boundary_after(text, from, start));
        end = text.len();
    }
    let mut out = String::with_capacity(end - start + 8);
    let prefix = if start > 0 { "…" } else { "" };
    out.push_str(prefix);
    out.push_str(text[start..end].trim_end());
    let cut_end = out.len();
    if end < text.len() {
        out.push('…');
    }
    let shift = |b: usize| b - start + prefix.len();
    let marks = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| shift(m.start)..shift(m.end).min(cut_end))
        .collect();
    Excerpt {
        source,
        text: out,
        marks,
    }
}

/// The byte offset of the mark that begins the window of `span` characters holding the most
/// marks (the earliest of equals).
fn best_anchor(text: &str, marks: &[Range<usize>], span: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, m) in marks.iter().enumerate() {
        let limit = byte_after_chars(text, m.start, span);
        let count = marks[i..].iter().take_while(|x| x.end <= limit).count();
        if best.is_none_or(|(n, _)| count > n) {
            best = Some((count, m.start));
        }
    }
    best.map(|(_, at)| at)
}

/// Where a passage that shows the byte offset `at` begins: the start of its sentence (or of the
/// text) when that is at most `sentence` characters before `at`; else the first word boundary
/// at most `lead` characters before it.
fn begin_before(text: &str, at: usize, lead: usize, sentence: usize) -> usize {
    let far = byte_before_chars(text, at, sentence);
    let opening = text[..at].rfind(". ").map_or(0, |i| i + 2);
    if opening >= far {
        return opening;
    }
    boundary_after(text, byte_before_chars(text, at, lead), at)
}

/// The first sentence start, else the first word start, at or after `from` and before `to`;
/// `to` when there is none.
fn boundary_after(text: &str, from: usize, to: usize) -> usize {
    if from == 0 {
        return 0;
    }
    let window = &text[from..to];
    if let Some(i) = window.find(". ").filter(|i| from + i + 2 < to) {
        return from + i + 2;
    }
    match window.find(char::is_whitespace) {
        Some(i) => {
            let rest = &window[i..];
            from + i + (rest.len() - rest.trim_start().len())
        }
        None => to,
    }
}

/// Where a passage beginning at `start` ends: after at most `max` characters, at a word
/// boundary when there is one.
fn end_after(text: &str, start: usize, max: usize) -> usize {
    let limit = byte_after_chars(text, start, max);
    if limit >= text.len() {
        return text.len();
    }
    match text[start..limit].rfind(char::is_whitespace) {
        Some(i) if i > 0 => start + i,
        _ => limit,
    }
}

fn byte_after_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

fn byte_before_chars(text: &str, to: usize, n: usize) -> usize {
    text[..to]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(e: &Excerpt) -> String {
        e.marked("[", "]")
    }

    fn marks_of(text: &str, word: &str) -> Vec<Range<usize>> {
        text.match_indices(word)
            .map(|(i, w)| i..i + w.len())
            .collect()
    }

    #[test]
    fn short_texts_are_shown_whole() {
        let text = "The Thirty Years' War ended & <b>peace</b> came.";
        let e = passage(Source::Summary, text, &marks_of(text, "War"), 200);
        assert_eq!(e.text, text);
        assert_eq!(
            marked(&e),
            "The Thirty Years' [War] ended & <b>peace</b> came."
        );
        assert_eq!(
            e.html(),
            "The Thirty Years&#39; <mark>War</mark> ended &amp; &lt;b&gt;peace&lt;/b&gt; came."
        );
        assert_eq!(e.char_marks(), vec![[18, 21]]);
    }

    #[test]
    fn long_texts_are_cut_around_the_marks_at_word_boundaries() {
        let mut text = String::from("Opening sentence about nothing much at all here. ");
        for i in 0..20 {
            text.push_str(&format!("Filler number {i} goes on. "));
        }
        text.push_str("Then the treaty was signed at Münster, and the treaty held. ");
        for i in 0..20 {
            text.push_str(&format!("More filler {i}. "));
        }
        let e = passage(Source::Narrative, &text, &marks_of(&text, "treaty"), 120);
        assert!(e.text.starts_with("…Then the treaty"), "{}", e.text);
        assert!(e.text.ends_with('…'), "{}", e.text);
        assert!(e.text.chars().count() <= 122, "{}", e.text);
        assert_eq!(e.marks.len(), 2, "{}", marked(&e));
        assert!(marked(&e).contains("the [treaty] was signed at Münster, and the [treaty] held"));
        for m in &e.marks {
            assert_eq!(&e.text[m.clone()], "treaty");
        }
        // Near the end, the passage begins early enough to fill its length.
        let text = format!("{}Last of all, the treaty.", "Some words here. ".repeat(20));
        let e = passage(Source::Summary, &text, &marks_of(&text, "treaty"), 120);
        assert!(
            e.text.starts_with("…Some words") && e.text.ends_with("the treaty."),
            "{}",
            e.text
        );
        assert!(e.text.chars().count() > 100, "{}", e.text);
    }

    #[test]
    fn a_cut_passage_begins_at_a_word_when_its_sentence_is_far() {
        let text = format!("{} the treaty {}", "word ".repeat(60), "tail ".repeat(60));
        let e = passage(Source::Summary, &text, &marks_of(&text, "treaty"), 100);
        assert!(e.text.starts_with("…word "), "{}", e.text);
        assert!(marked(&e).contains("[treaty]"));
        let e = passage(Source::Summary, &text, &[], 100);
        assert!(
            e.text.starts_with("word word") && e.text.ends_with("word…"),
            "{}",
            e.text
        );
    }

    #[test]
    fn char_marks_count_characters() {
        let e = Excerpt {
            source: Source::Title,
            text: "Münster – Osnabrück".into(),
            marks: vec![0..8, 13..23],
        };
        assert_eq!(e.marked("[", "]"), "[Münster] – [Osnabrück]");
        assert_eq!(e.char_marks(), vec![[0, 7], [10, 19]]);
    }
}
