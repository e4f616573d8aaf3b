//! Stories: guided tours through events. A [`Story`] is an ordered list of [`Stop`]s; each stop
//! is an event of the knowledge base, or a query, or a time window and a map view, with the
//! author's own title and text. A story is a record like an event: its own id, native JSON
//! (`docs/formats.md`), revisions in the store, the same rules for who may write it.
//!
//! A stop that names an event shows that event (its title unless the stop gives its own); a
//! stop with a query shows what the query finds; `from`/`to` move the timeline, `view` the map.

use serde::{Deserialize, Serialize};

/// The most stops one story may have.
pub const MAX_STOPS: usize = 200;
/// The longest title (of a story or a stop), in characters.
pub const MAX_TITLE: usize = 300;
/// The longest text (a story's summary or a stop's text), in characters.
pub const MAX_TEXT: usize = 20_000;
/// The longest query or date of a stop, in characters.
pub const MAX_QUERY: usize = 500;
/// Most media at one stop.
pub const MAX_MEDIA: usize = 20;

/// A guided tour through events (see the module documentation).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Its id: letters, digits, `.`, `_`, `-`, as an event's (`road-to-hastings`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// What the story tells, shown before the first stop.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Its stops, in order.
    pub stops: Vec<Stop>,
}

/// One stop of a [`Story`]: what it shows and what the author says there.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stop {
    /// The event it shows (an event id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Or what it searches for (annals' query language: `participant:Harold`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The start of the time window the timeline shows (a date annals reads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The end of that window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The map's view: south, west, north, east in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<[f64; 4]>,
    /// Its title (an event stop shows the event's title without one).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The author's text at this stop: paragraphs separated by blank lines.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Pictures and recordings the author shows at this stop, with their credits (a stop
    /// without any shows its event's lead image).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<crate::Medium>,
}

impl Story {
    /// Read a story from its native JSON.
    pub fn from_json(text: &str) -> Result<Story, String> {
        let mut s: Story = serde_json::from_str(text).map_err(|e| {
            format!(
                "line {}, column {}: {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            )
        })?;
        s.tidy();
        s.check()?;
        Ok(s)
    }

    /// Its native JSON, pretty.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Trim every text; drop blank optional fields.
    pub fn tidy(&mut self) {
        for f in [
            &mut self.id,
            &mut self.title,
            &mut self.summary,
            &mut self.author,
        ] {
            *f = f.trim().to_string();
        }
        for s in &mut self.stops {
            for f in [&mut s.event, &mut s.query, &mut s.from, &mut s.to] {
                *f = f
                    .take()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty());
            }
            s.title = s.title.trim().to_string();
            s.text = s.text.trim().to_string();
        }
    }

    /// Whether it can be stored: each problem names its field (`stops[2].from: ...`).
    pub fn check(&self) -> Result<(), String> {
        if !crate::event::valid_id(&self.id) {
            return Err(format!(
                "id: {:?} is not valid: use 1 to 200 letters, digits, '.', '_' or '-'",
                self.id
            ));
        }
        if self.title.is_empty() {
            return Err("title: must not be empty".into());
        }
        long("title", &self.title, MAX_TITLE)?;
        long("summary", &self.summary, MAX_TEXT)?;
        long("author", &self.author, MAX_TITLE)?;
        if self.stops.is_empty() {
            return Err("stops: a story needs at least one stop".into());
        }
        if self.stops.len() > MAX_STOPS {
            return Err(format!("stops: more than {MAX_STOPS}"));
        }
        for (i, s) in self.stops.iter().enumerate() {
            s.check().map_err(|e| format!("stops[{i}].{e}"))?;
        }
        Ok(())
    }

    /// The ids of the events its stops name, in order, each once.
    pub fn event_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for id in self.stops.iter().filter_map(|s| s.event.as_deref()) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

impl Stop {
    /// The title it is shown with: its own, else its event's, else the event's id.
    pub fn shown_title(&self, event: Option<&crate::Event>) -> String {
        if !self.title.is_empty() {
            return self.title.clone();
        }
        match (event, &self.event) {
            (Some(e), _) => e.title.clone(),
            (None, Some(id)) => id.clone(),
            (None, None) => String::new(),
        }
    }

    /// Whether it can be stored; the error starts with the field's name.
    pub fn check(&self) -> Result<(), String> {
        if self.event.is_none()
            && self.query.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.view.is_none()
        {
            return Err(
                "event: a stop shows an event, a query, a time window (from, to) or a map view"
                    .into(),
            );
        }
        if let Some(id) = &self.event {
            if !crate::event::valid_id(id) {
                return Err(format!("event: {id:?} is not an event id"));
            }
        }
        if self.event.is_none() && self.title.is_empty() {
            return Err("title: a stop that is not an event needs a title".into());
        }
        long("title", &self.title, MAX_TITLE)?;
        long("text", &self.text, MAX_TEXT)?;
        if let Some(q) = &self.query {
            long("query", q, MAX_QUERY)?;
        }
        for (field, date) in [("from", &self.from), ("to", &self.to)] {
            if let Some(d) = date {
                long(field, d, 100)?;
                annals_dates::lang::read_any(d, annals_dates::CalendarHint::Auto)
                    .map_err(|e| format!("{field}: {e}"))?;
            }
        }
        if self.media.len() > MAX_MEDIA {
            return Err(format!("media: more than {MAX_MEDIA}"));
        }
        for (j, m) in self.media.iter().enumerate() {
            m.check().map_err(|e| format!("media[{j}]: {e}"))?;
        }
        if let Some([s, w, n, e]) = self.view {
            let lat = |x: f64| (-90.0..=90.0).contains(&x);
            let lon = |x: f64| (-180.0..=180.0).contains(&x);
            if !(lat(s) && lat(n) && lon(w) && lon(e) && s <= n && w <= e) {
                return Err(format!(
                    "view: [{s}, {w}, {n}, {e}] is not south, west, north, east in degrees \
                     (south ≤ north, west ≤ east)"
                ));
            }
        }
        Ok(())
    }
}

fn long(field: &str, text: &str, max: usize) -> Result<(), String> {
    if text.chars().count() > max {
        return Err(format!("{field}: longer than {max} characters"));
    }
    Ok(())
}

/// serde_json's message without its trailing " at line L column C" (the caller says where).
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASTINGS: &str = r#"{
      "id": "road-to-hastings",
      "title": "The road to Hastings",
      "summary": "Three weeks in the autumn of 1066.",
      "stops": [
        {"event": "battle-of-stamford-bridge-1066", "text": "Harold wins in the north."},
        {"title": "The march south", "from": "1066-09-26", "to": "1066-10-13",
         "view": [50.5, -2.0, 54.5, 1.5], "text": "Two hundred miles in about twelve days."},
        {"title": "Everything about Harold", "query": "participant:Harold"}
      ]
    }"#;

    #[test]
    fn reads_and_writes_its_json() {
        let s = Story::from_json(HASTINGS).unwrap();
        assert_eq!(s.stops.len(), 3);
        assert_eq!(s.event_ids(), vec!["battle-of-stamford-bridge-1066"]);
        assert_eq!(s.stops[1].view, Some([50.5, -2.0, 54.5, 1.5]));
        let again = Story::from_json(&s.to_json()).unwrap();
        assert_eq!(again, s);
        // no empty fields written
        assert!(!s.to_json().contains("\"author\""));
    }

    #[test]
    fn every_problem_names_its_field() {
        let bad = |json: &str| Story::from_json(json).unwrap_err();
        assert!(
            bad(r#"{"id": "a b", "title": "T", "stops": [{"event": "x"}]}"#).starts_with("id:")
        );
        assert!(
            bad(r#"{"id": "a", "title": " ", "stops": [{"event": "x"}]}"#).starts_with("title:")
        );
        assert!(bad(r#"{"id": "a", "title": "T", "stops": []}"#).starts_with("stops:"));
        let e =
            bad(r#"{"id": "a", "title": "T", "stops": [{"event": "x"}, {"text": "only words"}]}"#);
        assert!(e.starts_with("stops[1].event:"), "{e}");
        let e = bad(r#"{"id": "a", "title": "T", "stops": [{"query": "x"}]}"#);
        assert!(e.starts_with("stops[0].title:"), "{e}");
        let e = bad(
            r#"{"id": "a", "title": "T", "stops": [{"title": "W", "from": "the 31st of Never"}]}"#,
        );
        assert!(e.starts_with("stops[0].from:"), "{e}");
        // A window written in French, German or Spanish reads as imports read it.
        let french = Story::from_json(
            r#"{"id": "a", "title": "T", "stops": [{"title": "W", "from": "XVe siècle", "to": "15. März 1600"}]}"#,
        );
        assert!(french.is_ok(), "{french:?}");
        let e =
            bad(r#"{"id": "a", "title": "T", "stops": [{"title": "V", "view": [10, 0, 5, 1]}]}"#);
        assert!(e.starts_with("stops[0].view:"), "{e}");
        let e = bad(r#"{"id": "a", "title": "T", "stops": [{"event": "x", "colour": "red"}]}"#);
        assert!(e.starts_with("line 1, column"), "{e}");
        assert!(e.contains("colour"), "{e}");
        let many = format!(
            r#"{{"id": "a", "title": "T", "stops": [{}]}}"#,
            vec![r#"{"event": "x"}"#; MAX_STOPS + 1].join(",")
        );
        assert!(bad(&many).starts_with("stops: more than"));
        let e = bad(
            r#"{"id": "a", "title": "T", "stops": [{"event": "x", "media": [{"url": "https://example.org/a.jpg", "alt": "A"}, {"url": "https://example.org/b.jpg"}]}]}"#,
        );
        assert!(
            e.starts_with("stops[0].media[1]: ") && e.contains("alt text"),
            "{e}"
        );
        let ok = Story::from_json(
            r#"{"id": "a", "title": "T", "stops": [{"event": "x", "media": [{"url": "https://example.org/a.jpg", "alt": "A", "licence": "CC0-1.0"}]}]}"#,
        )
        .unwrap();
        assert_eq!(ok.stops[0].media[0].licence, "CC0-1.0");
        assert!(ok.to_json().contains("\"media\""), "kept in the JSON");
    }

    #[test]
    fn tidy_trims_and_drops_blanks() {
        let s = Story::from_json(
            r#"{"id": " a ", "title": " T ", "stops": [{"event": " x ", "query": "  ", "text": " t "}]}"#,
        )
        .unwrap();
        assert_eq!((s.id.as_str(), s.title.as_str()), ("a", "T"));
        assert_eq!(s.stops[0].event.as_deref(), Some("x"));
        assert_eq!(s.stops[0].query, None);
        assert_eq!(s.stops[0].text, "t");
    }
}
