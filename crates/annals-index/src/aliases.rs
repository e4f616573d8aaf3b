//! Other names of participants and places: "USA" and "United States of America" for "United
//! States", "Constantinople" for "Istanbul, Turkey". They live in the store, in the profiles
//! (`annals alias`, the profile pages); `participant:USA` and `place:Constantinople` match the
//! events of every name of the group, without rewriting the events.

use annals_core::profile::Kind;
use annals_store::Alias;
use std::collections::HashMap;
use std::sync::Arc;

/// Groups of names that are one participant or one place, each name found in any case.
#[derive(Debug, Default)]
pub struct Aliases {
    groups: HashMap<(Kind, String), Arc<Vec<String>>>,
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Aliases {
    /// From the store's other names: each alias is another name of its name.
    pub fn new(all: impl IntoIterator<Item = Alias>) -> Aliases {
        let mut by_name: HashMap<(Kind, String), Vec<String>> = HashMap::new();
        let mut first: HashMap<(Kind, String), String> = HashMap::new();
        for Alias { kind, alias, name } in all {
            let k = (kind, key(&name));
            first.entry(k.clone()).or_insert_with(|| name.clone());
            let group = by_name.entry(k).or_default();
            if !group.iter().any(|a| key(a) == key(&alias)) {
                group.push(alias);
            }
        }
        let mut groups = HashMap::new();
        for (k, aliases) in by_name {
            let mut names = vec![first.get(&k).cloned().unwrap_or_default()];
            names.extend(aliases);
            let names = Arc::new(names);
            for n in names.iter() {
                groups.insert((k.0, key(n)), names.clone());
            }
        }
        Aliases { groups }
    }

    /// Every name of the participant or place `name` is one of (its main name first), if it
    /// has others.
    pub fn names(&self, kind: Kind, name: &str) -> Option<&[String]> {
        self.groups.get(&(kind, key(name))).map(|g| g.as_slice())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_of_a_group_finds_all() {
        let alias = |kind, alias: &str, name: &str| Alias {
            kind,
            alias: alias.into(),
            name: name.into(),
        };
        let a = Aliases::new([
            alias(Kind::Participant, "USA", "United States"),
            alias(
                Kind::Participant,
                "United States of America",
                "united states",
            ),
            alias(Kind::Place, "Constantinople", "Istanbul, Turkey"),
        ]);
        let all = ["United States", "USA", "United States of America"];
        for n in ["usa", "United States", "UNITED STATES OF AMERICA"] {
            assert_eq!(a.names(Kind::Participant, n).unwrap(), all, "{n}");
        }
        assert!(a.names(Kind::Participant, "France").is_none());
        assert!(a.names(Kind::Place, "USA").is_none());
        assert_eq!(
            a.names(Kind::Place, "constantinople").unwrap(),
            ["Istanbul, Turkey", "Constantinople"]
        );
    }
}
