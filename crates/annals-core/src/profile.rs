//! What the knowledge base says about a participant or a place beyond its events: a
//! [`Profile`] with a description, when it existed (a life, a reign, a city's founding and
//! end), its ids in Wikidata and GeoNames, and its other names ("USA" and "United States of
//! America" for "United States"), which searches match too, and pictures of it with their
//! credits. A profile is keyed by its
//! [`Kind`] and the name the events write ("Napoleon", "Paris, France").

use serde::{Deserialize, Serialize};

/// Whether a profile is of a participant or of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person, a state, an organisation: a participant of events.
    Participant,
    /// A place of events.
    Place,
}

impl Kind {
    /// `participant` or `place`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Participant => "participant",
            Kind::Place => "place",
        }
    }

    /// From `participant` or `place` (or their plurals, as in URLs).
    pub fn from_name(s: &str) -> Option<Kind> {
        match s {
            "participant" | "participants" => Some(Kind::Participant),
            "place" | "places" => Some(Kind::Place),
            _ => None,
        }
    }

    /// The path of its pages: `participants` or `places`.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Participant => "participants",
            Kind::Place => "places",
        }
    }
}

/// The longest description, in characters.
pub const MAX_DESCRIPTION: usize = 4000;
/// The most other names one profile may have.
pub const MAX_ALIASES: usize = 50;
/// The longest name or other name, in characters.
pub const MAX_NAME: usize = 200;
/// The most media one profile may have.
pub const MAX_MEDIA: usize = 20;

/// What the knowledge base says about a participant or a place (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// A few sentences: who or what it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// When it began (born, founded, first recorded), as a date annals reads: "1769-08-15",
    /// "753 BC", "c. 1000".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// When it ended (died, dissolved, destroyed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to: String,
    /// Its Wikidata item: `Q517`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wikidata: String,
    /// Its GeoNames id (places).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
    /// Its other names, which searches for it match too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Pictures of it (a portrait, a view of the city) with their credits; the first image
    /// heads its page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<crate::Medium>,
}

impl Profile {
    /// Whether it says nothing at all (storing it removes the profile).
    pub fn is_empty(&self) -> bool {
        *self == Profile::default()
    }

    /// Trim every field and drop blank, repeated (in any case) and self-naming aliases.
    pub fn tidy(&mut self, name: &str) {
        for f in [
            &mut self.description,
            &mut self.from,
            &mut self.to,
            &mut self.wikidata,
        ] {
            *f = f.trim().to_string();
        }
        let mut seen: Vec<String> = vec![name.trim().to_lowercase()];
        self.aliases = std::mem::take(&mut self.aliases)
            .into_iter()
            .map(|a| a.trim().to_string())
            .filter(|a| {
                let k = a.to_lowercase();
                let new = !a.is_empty() && !seen.contains(&k);
                seen.push(k);
                new
            })
            .collect();
    }

    /// Whether it can be stored: each problem names its field.
    pub fn check(&self) -> Result<(), String> {
        if self.description.chars().count() > MAX_DESCRIPTION {
            return Err(format!(
                "description: longer than {MAX_DESCRIPTION} characters"
            ));
        }
        for (field, text) in [("from", &self.from), ("to", &self.to)] {
            if text.chars().count() > 100 {
                return Err(format!("{field}: longer than 100 characters"));
            }
            if !text.is_empty() {
                annals_dates::lang::read_any(text, annals_dates::CalendarHint::Auto)
                    .map_err(|e| format!("{field}: {e}"))?;
            }
        }
        let w = &self.wikidata;
        let item = |w: &str| {
            w.strip_prefix('Q').is_some_and(|n| {
                (1..=11).contains(&n.len())
                    && n.bytes().all(|b| b.is_ascii_digit())
                    && !n.starts_with('0')
            })
        };
        if !w.is_empty() && !item(w) {
            return Err(format!(
                "wikidata: expected an item id such as Q517, not {w:?}"
            ));
        }
        if self.aliases.len() > MAX_ALIASES {
            return Err(format!("aliases: more than {MAX_ALIASES}"));
        }
        if self.media.len() > MAX_MEDIA {
            return Err(format!("media: more than {MAX_MEDIA}"));
        }
        for m in &self.media {
            m.check().map_err(|e| format!("media: {e}"))?;
        }
        if let Some(a) = self.aliases.iter().find(|a| a.chars().count() > MAX_NAME) {
            return Err(format!(
                "aliases: {:?}… is longer than {MAX_NAME} characters",
                a.chars().take(20).collect::<String>()
            ));
        }
        Ok(())
    }

    /// Take what `other` (a name merged into this one) says and this profile does not: its
    /// empty fields filled, its aliases added.
    pub fn absorb(&mut self, other: &Profile) {
        for (mine, theirs) in [
            (&mut self.description, &other.description),
            (&mut self.from, &other.from),
            (&mut self.to, &other.to),
            (&mut self.wikidata, &other.wikidata),
        ] {
            if mine.is_empty() {
                mine.clone_from(theirs);
            }
        }
        if self.geonames.is_none() {
            self.geonames = other.geonames;
        }
        self.aliases.extend(other.aliases.iter().cloned());
        for m in &other.media {
            if !self.media.contains(m) {
                self.media.push(m.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_drops_blank_repeated_and_self_naming_aliases() {
        let mut p = Profile {
            aliases: vec![
                " USA ".into(),
                "usa".into(),
                "".into(),
                "United States".into(),
                "United States of America".into(),
            ],
            description: " A federal republic. ".into(),
            ..Profile::default()
        };
        p.tidy("united states");
        assert_eq!(p.aliases, ["USA", "United States of America"]);
        assert_eq!(p.description, "A federal republic.");
    }

    #[test]
    fn check_names_the_field() {
        let bad = |p: Profile| p.check().unwrap_err();
        assert!(bad(Profile {
            wikidata: "517".into(),
            ..Profile::default()
        })
        .starts_with("wikidata:"));
        assert!(bad(Profile {
            wikidata: "Q0".into(),
            ..Profile::default()
        })
        .starts_with("wikidata:"));
        assert!(bad(Profile {
            from: "the day after never".into(),
            ..Profile::default()
        })
        .starts_with("from:"));
        let good = Profile {
            from: "15 August 1769".into(),
            to: "1821".into(),
            wikidata: "Q517".into(),
            ..Profile::default()
        };
        assert_eq!(good.check(), Ok(()));
        assert!(Profile::default().is_empty());
    }

    #[test]
    fn absorb_fills_only_what_is_missing() {
        let mut a = Profile {
            description: "Mine.".into(),
            aliases: vec!["A".into()],
            ..Profile::default()
        };
        a.absorb(&Profile {
            description: "Theirs.".into(),
            wikidata: "Q1".into(),
            aliases: vec!["B".into()],
            ..Profile::default()
        });
        assert_eq!(a.description, "Mine.");
        assert_eq!(a.wikidata, "Q1");
        assert_eq!(a.aliases, ["A", "B"]);
    }
}
