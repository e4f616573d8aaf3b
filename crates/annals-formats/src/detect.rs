//! Picking a reader: by extension first, then by content.

use std::path::Path;

/// The formats `annals import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The event-card text format (`.txt`, `.card`).
    Card,
    /// Native JSON: one event or an array of events (`.json`).
    Json,
    /// Native JSON Lines: one event per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// CSV with annals' columns (`.csv`).
    Csv,
    /// TimelineJS JSON (`.json` with `events`).
    TimelineJs,
    /// The TimelineJS spreadsheet as CSV (`.csv` with `Year` and `Headline` columns).
    TimelineJsCsv,
    /// Markdown with YAML front matter, one event per file (`.md`, `.markdown`).
    Markdown,
    /// Wikidata entity JSON or a dump of entities (`.json` with `entities`, or an array of
    /// items).
    Wikidata,
    /// One MediaWiki article's wikitext (`.wiki`, `.wikitext`, `.mediawiki`): see
    /// `docs/formats/wikipedia.md`.
    Wikitext,
    /// A MediaWiki XML export or `pages-articles` dump, plain or bzip2 (`.xml`, `.xml.bz2`).
    MediaWiki,
    /// SPARQL query results in JSON (`.json` with `head` and `results`), as the Wikidata Query
    /// Service returns them.
    Sparql,
}

impl Format {
    /// Every format, with its `--format` name.
    pub const ALL: [(Format, &'static str); 11] = [
        (Format::Card, "card"),
        (Format::Json, "json"),
        (Format::Jsonl, "jsonl"),
        (Format::Csv, "csv"),
        (Format::TimelineJs, "timelinejs"),
        (Format::TimelineJsCsv, "timelinejs-csv"),
        (Format::Markdown, "markdown"),
        (Format::Wikidata, "wikidata"),
        (Format::Wikitext, "wikitext"),
        (Format::MediaWiki, "mediawiki"),
        (Format::Sparql, "sparql"),
    ];

    /// Parse a `--format` name.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "txt" => Some(Format::Card),
            "ndjson" => Some(Format::Jsonl),
            "md" => Some(Format::Markdown),
            "wiki" | "wikipedia" => Some(Format::Wikitext),
            "xml" => Some(Format::MediaWiki),
            _ => Format::ALL
                .iter()
                .find(|(_, n)| *n == name)
                .map(|(f, _)| *f),
        }
    }

    /// The page of `docs/formats/` that describes it.
    pub fn doc(self) -> &'static str {
        match self {
            Format::Jsonl => "json",
            Format::TimelineJsCsv => "timelinejs",
            Format::Wikitext | Format::MediaWiki => "wikipedia",
            Format::Sparql => "wikidata",
            f => f.name(),
        }
    }

    /// The `--format` name.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("card", |(_, n)| n)
    }

    /// The format an extension names, if any (`.json` and `.csv` are refined by content).
    pub fn from_extension(path: &Path) -> Option<Format> {
        let mut ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if ext == "bz2" {
            // `dump.xml.bz2`, `Battle_of_X.wiki.bz2`: the extension before.
            let stem = Path::new(path.file_stem()?);
            ext = stem.extension()?.to_str()?.to_ascii_lowercase();
        }
        match ext.as_str() {
            // Article HTML from Wikipedia's REST API (Parsoid) is read as the article it renders.
            "wiki" | "wikitext" | "mediawiki" | "html" | "htm" => Some(Format::Wikitext),
            "xml" => Some(Format::MediaWiki),
            "txt" | "card" => Some(Format::Card),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" | "tsv" | "tab" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// Guess from the first bytes: JSON starts with `{` or `[` (TimelineJS has `events`,
    /// Wikidata `entities` or items with `claims`); several lines starting with `{` are JSON
    /// Lines; `---` starts Markdown front matter; a first line with commas and a `Headline`
    /// or `title` column is CSV; anything else is read as cards.
    pub fn sniff(head: &[u8]) -> Format {
        let text = String::from_utf8_lossy(head);
        let text = text.trim_start_matches('\u{feff}');
        if head.starts_with(b"BZh") || text.trim_start().starts_with("<mediawiki") {
            return Format::MediaWiki;
        }
        if annals_wiki::parsoid::is_parsoid(text) {
            return Format::Wikitext;
        }
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        match lines.next() {
            Some(first) if first.starts_with('[') => {
                if text.contains("\"claims\"") || text.contains("\"type\":\"item\"") {
                    Format::Wikidata
                } else {
                    Format::Json
                }
            }
            Some(first) if first.starts_with('{') => {
                if first.ends_with('}') && lines.next().is_some_and(|l| l.starts_with('{')) {
                    Format::Jsonl
                } else {
                    json_object_kind(text)
                }
            }
            Some("---") => Format::Markdown,
            Some(first) if first.contains([',', '\t', ';']) && csv_header(first).is_some() => {
                csv_header(first).unwrap_or(Format::Csv)
            }
            _ => Format::Card,
        }
    }

    /// The format of a file: extension first, refined or else guessed from content.
    pub fn detect(path: &Path, head: &[u8]) -> Format {
        match Format::from_extension(path) {
            Some(Format::Json) => match Format::sniff(head) {
                f @ (Format::Jsonl | Format::TimelineJs | Format::Wikidata | Format::Sparql) => f,
                _ => Format::Json,
            },
            Some(Format::Csv) => {
                let text = String::from_utf8_lossy(head);
                let first = text
                    .trim_start_matches('\u{feff}')
                    .lines()
                    .next()
                    .unwrap_or("");
                csv_header(first).unwrap_or(Format::Csv)
            }
            Some(f) => f,
            None => Format::sniff(head),
        }
    }
}

/// Which JSON object document this is, from the top-level keys seen in its start.
fn json_object_kind(text: &str) -> Format {
    let depth1_key = |k: &str| {
        // A key at the top level: `{"events":` or `, "events":` before any nested object.
        let pat = format!("\"{k}\"");
        text.find(&pat).is_some_and(|i| {
            let before = &text[..i];
            before.matches('{').count() == before.matches('}').count() + 1
        })
    };
    if depth1_key("events") {
        Format::TimelineJs
    } else if depth1_key("head") && depth1_key("results") {
        Format::Sparql
    } else if depth1_key("entities") {
        Format::Wikidata
    } else {
        Format::Json
    }
}

fn csv_header(first: &str) -> Option<Format> {
    let delimiter = char::from(crate::csvutil::sniff_delimiter(first));
    let cells: Vec<String> = first
        .split(delimiter)
        .map(|c| c.trim().trim_matches('"').to_string())
        .collect();
    if crate::timelinejs::sheet::is_sheet_header(&cells) {
        return Some(Format::TimelineJsCsv);
    }
    cells
        .iter()
        .any(|c| c.eq_ignore_ascii_case("title"))
        .then_some(Format::Csv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikipedia() {
        let d = |p: &str, head: &[u8]| Format::detect(Path::new(p), head);
        assert_eq!(d("Battle_of_X.wiki", b"{{Infobox"), Format::Wikitext);
        assert_eq!(d("Battle_of_X.html", b"<!DOCTYPE html>"), Format::Wikitext);
        assert_eq!(
            d(
                "page",
                b"<!DOCTYPE html>\n<html prefix=\"mw: http://mediawiki.org/rdf/\">"
            ),
            Format::Wikitext
        );
        assert_eq!(d("enwiki.xml.bz2", b"BZh91AY"), Format::MediaWiki);
        assert_eq!(d("a.wiki.bz2", b"BZh91AY"), Format::Wikitext);
        assert_eq!(d("export.xml", b"<mediawiki xmlns"), Format::MediaWiki);
        assert_eq!(d("dump", b"  <mediawiki xmlns"), Format::MediaWiki);
        assert_eq!(d("dump.bz2", b"BZh91AY"), Format::MediaWiki);
        assert_eq!(Format::from_name("mediawiki"), Some(Format::MediaWiki));
        assert_eq!(Format::from_name("wikitext"), Some(Format::Wikitext));
    }

    #[test]
    fn detection() {
        assert_eq!(Format::detect(Path::new("a.txt"), b"{"), Format::Card);
        assert_eq!(
            Format::detect(Path::new("a"), b"{\"a\":1}\n{\"a\":2}\n"),
            Format::Jsonl
        );
        assert_eq!(Format::detect(Path::new("a"), b"[{}]"), Format::Json);
        assert_eq!(
            Format::detect(Path::new("a.json"), b"{\"a\":1}\n{\"a\":2}"),
            Format::Jsonl
        );
        assert_eq!(
            Format::detect(Path::new("a"), b"January 19, 1960\n"),
            Format::Card
        );
        assert_eq!(
            Format::detect(
                Path::new("t.json"),
                b"{\"title\": {\"text\": {}}, \"events\": ["
            ),
            Format::TimelineJs
        );
        assert_eq!(
            Format::detect(
                Path::new("t.json"),
                b"{\"title\": \"A\", \"date\": {\"events\": 1}}"
            ),
            Format::Json
        );
        assert_eq!(
            Format::detect(Path::new("q.json"), b"{\"entities\": {\"Q1\": {}}}"),
            Format::Wikidata
        );
        assert_eq!(
            Format::detect(
                Path::new("dump"),
                b"[\n{\"type\":\"item\",\"id\":\"Q1\",\"claims\":{}},"
            ),
            Format::Wikidata
        );
        assert_eq!(
            Format::detect(
                Path::new("s.csv"),
                b"Year,Month,Day,Time,End Year,Headline\n"
            ),
            Format::TimelineJsCsv
        );
        assert_eq!(
            Format::detect(Path::new("s.csv"), b"id,title,date\n"),
            Format::Csv
        );
        assert_eq!(
            Format::detect(Path::new("e"), b"---\ntitle: A\n"),
            Format::Markdown
        );
        assert_eq!(
            Format::detect(Path::new("e"), b"title,date\nA,1960\n"),
            Format::Csv
        );
        // Tab- and semicolon-separated spreadsheets are CSV, whatever their name.
        assert_eq!(
            Format::detect(Path::new("e.tsv"), b"title\tdate\nA\t1960\n"),
            Format::Csv
        );
        assert_eq!(
            Format::detect(Path::new("e"), b"title\tdate\nA\t1960\n"),
            Format::Csv
        );
        assert_eq!(
            Format::detect(Path::new("e"), b"id;title;date\n"),
            Format::Csv
        );
        assert_eq!(
            Format::detect(Path::new("s.tsv"), b"Year\tMonth\tHeadline\n"),
            Format::TimelineJsCsv
        );
        assert_eq!(
            Format::detect(
                Path::new("q.json"),
                b"{\n  \"head\" : {\"vars\": [\"item\"]},\n  \"results\" : {\"bindings\": []}}"
            ),
            Format::Sparql
        );
        for (f, n) in Format::ALL {
            assert_eq!(Format::from_name(n), Some(f));
            assert_eq!(f.name(), n);
        }
    }
}
