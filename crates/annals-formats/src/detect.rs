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
}

impl Format {
    /// Parse a `--format` name.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "card" | "txt" => Some(Format::Card),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// The format an extension names, if any.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "card" => Some(Format::Card),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// Guess from the first bytes: JSON starts with `{` or `[`; several lines starting with
    /// `{` are JSON Lines; anything else is read as cards.
    pub fn sniff(head: &[u8]) -> Format {
        let text = String::from_utf8_lossy(head);
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        match lines.next() {
            Some(first) if first.starts_with('[') => Format::Json,
            Some(first) if first.starts_with('{') => {
                if first.ends_with('}') && lines.next().is_some_and(|l| l.starts_with('{')) {
                    Format::Jsonl
                } else {
                    Format::Json
                }
            }
            _ => Format::Card,
        }
    }

    /// The format of a file: extension first, else content.
    pub fn detect(path: &Path, head: &[u8]) -> Format {
        match Format::from_extension(path) {
            Some(Format::Json) => match Format::sniff(head) {
                Format::Jsonl => Format::Jsonl,
                _ => Format::Json,
            },
            Some(f) => f,
            None => Format::sniff(head),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
