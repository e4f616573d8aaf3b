//! Other names of participants: "USA" and "United States of America" for "United States".
//! They live in the store (`annals alias`); `participant:USA` matches the events of every name
//! of the group, without rewriting the events.

use std::collections::HashMap;
use std::sync::Arc;

/// Groups of names that are one participant, each name found in any case.
#[derive(Debug, Default)]
pub struct Aliases {
    groups: HashMap<String, Arc<Vec<String>>>,
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Aliases {
    /// From (alias, name) pairs: each alias is another name of `name`.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Aliases {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        let mut first: HashMap<String, String> = HashMap::new();
        for (alias, name) in pairs {
            first.entry(key(&name)).or_insert_with(|| name.clone());
            let group = by_name.entry(key(&name)).or_default();
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
                groups.insert(key(n), names.clone());
            }
        }
        Aliases { groups }
    }

    /// Every name of the participant `name` is one of (its main name first), if it has others.
    pub fn names(&self, name: &str) -> Option<&[String]> {
        self.groups.get(&key(name)).map(|g| g.as_slice())
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
        let a = Aliases::new([
            ("USA".to_string(), "United States".to_string()),
            ("United States of America".into(), "united states".into()),
        ]);
        let all = ["United States", "USA", "United States of America"];
        for n in ["usa", "United States", "UNITED STATES OF AMERICA"] {
            assert_eq!(a.names(n).unwrap(), all, "{n}");
        }
        assert!(a.names("France").is_none());
    }
}
