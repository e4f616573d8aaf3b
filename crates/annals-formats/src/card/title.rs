//! Titles from summaries, and which `Label: text` lines are key points.

/// Words that may stay lowercase inside a title-case phrase or a subject.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "between", "by", "de", "del", "der", "des", "di", "du", "for",
    "from", "in", "into", "la", "le", "of", "on", "or", "over", "the", "to", "upon", "van", "von",
    "with", "y", "against", "under", "versus", "vs", "across", "after", "before", "during",
    "within", "without",
];

/// Verbs that end a subject even when they do not end in "-ed".
const VERBS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "shall",
    "should",
    "must",
    "did",
    "does",
    "do",
    "began",
    "begins",
    "become",
    "became",
    "becomes",
    "took",
    "takes",
    "saw",
    "sees",
    "brought",
    "brings",
    "made",
    "makes",
    "led",
    "leads",
    "won",
    "wins",
    "fell",
    "falls",
    "broke",
    "breaks",
    "rose",
    "rises",
    "came",
    "comes",
    "went",
    "goes",
    "gave",
    "gives",
    "set",
    "sets",
    "struck",
    "strikes",
    "fought",
    "sank",
    "sinks",
    "hit",
    "hits",
    "left",
    "leaves",
    "built",
    "builds",
    "ran",
    "runs",
    "met",
    "meets",
    "held",
    "holds",
    "lost",
    "loses",
    "found",
    "finds",
    "sent",
    "sends",
    "spread",
    "spreads",
    "swept",
    "sweeps",
    "drew",
    "draws",
    "threw",
    "shook",
    "shakes",
    "overthrew",
    "split",
    "splits",
    "wrote",
    "writes",
    "froze",
    "ends",
    "marks",
    "opens",
    "closes",
    "starts",
    "creates",
    "forms",
    "formally",
    "officially",
    "first",
    "finally",
    "effectively",
    "also",
];

/// The event's title from its summary: the subject of the first sentence, without a leading
/// article or date phrase, cut before its verb ("The Treaty of ... and Japan was signed ..."
/// gives "Treaty of ... and Japan"). Never a whole sentence: at most 12 words.
pub fn title_from_summary(summary: &str) -> String {
    let mut words: Vec<&str> = summary.split_whitespace().collect();
    // "On January 19, 1960, the treaty ..." / "In 1949, NATO ...": drop the date phrase.
    if words
        .first()
        .is_some_and(|w| matches!(*w, "On" | "In" | "By" | "During"))
    {
        let commas = words
            .iter()
            .enumerate()
            .take(8)
            .filter(|(_, w)| w.ends_with(','))
            .map(|(i, _)| i);
        for comma in commas.collect::<Vec<_>>() {
            let phrase = words[1..=comma].join(" ");
            let phrase = phrase.trim_end_matches(',');
            if annals_dates::When::from_text(phrase, annals_dates::CalendarHint::Auto).is_ok() {
                words.drain(..=comma);
                break;
            }
        }
    }
    if words
        .first()
        .is_some_and(|w| matches!(*w, "The" | "the" | "A" | "An"))
        && words.len() > 1
    {
        words.remove(0);
    }
    // The subject runs to the end of the first clause, at most 12 words...
    let clause_end = words
        .iter()
        .position(|w| {
            w.ends_with(',')
                || w.ends_with(';')
                || w.ends_with(':')
                || (w.ends_with('.') && !is_abbreviation(w))
        })
        .map_or(words.len(), |i| i + 1)
        .min(12);
    let bare = |w: &str| {
        w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '"' | '“' | '”'))
            .to_string()
    };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    // ...and stops before its verb: an auxiliary, a common irregular verb or a past tense in
    // "-ed"; failing those, a present tense in "-s" right after a name ("Germany invades Poland").
    let strong = (1..words.len()).find(|&i| {
        let b = bare(words[i]);
        lower(&b) && (VERBS.contains(&b.as_str()) || (b.len() > 4 && b.ends_with("ed")))
    });
    let weak = || {
        (1..clause_end).find(|&i| {
            let b = bare(words[i]);
            let before = words[i - 1]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            lower(&b)
                && before
                && b.len() > 3
                && b.ends_with('s')
                && !b.ends_with("ss")
                && !b.contains('\'')
                && !SMALL_WORDS.contains(&b.as_str())
        })
    };
    let end = match strong {
        Some(i) if i < clause_end => i,
        _ => weak().unwrap_or(clause_end),
    };
    let out: Vec<String> = words[..end].iter().map(|w| bare(w)).collect();
    let mut title = out.join(" ");
    if let Some(first) = title.chars().next() {
        if first.is_lowercase() {
            title = first.to_uppercase().collect::<String>() + &title[first.len_utf8()..];
        }
    }
    title
}

/// "D.C.", "U.S.", "St.", "Mt.": a dot that does not end the sentence.
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.contains('.') || matches!(w, "St" | "Mt" | "Dr" | "Mr" | "Mrs" | "Jr" | "Sr" | "Ft")
}

/// Whether `label` is a key-point label: a short title-case phrase (1–8 words, at most 60
/// characters, no sentence punctuation, every word but small ones capitalised).
pub fn is_key_point_label(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || label.len() > 60 || label != label.trim() {
        return false;
    }
    if label.contains(['.', ',', ';', '!', '?', '"', '“', '”', '(', ')']) {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || first.is_ascii_digit()
            || (i > 0 && SMALL_WORDS.contains(&w.to_lowercase().as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        let t = |s| title_from_summary(s);
        assert_eq!(
            t("The Treaty of Mutual Cooperation and Security between the United States and Japan was signed in Washington, D.C. This treaty expanded ..."),
            "Treaty of Mutual Cooperation and Security between the United States and Japan"
        );
        assert_eq!(t("The North Atlantic Treaty Organization (NATO) is established by 12 Western nations."), "North Atlantic Treaty Organization (NATO)");
        assert_eq!(
            t("The Battle of Hastings was fought on 14 October 1066."),
            "Battle of Hastings"
        );
        assert_eq!(
            t("The Berlin Wall fell on the night of 9 November 1989."),
            "Berlin Wall"
        );
        assert_eq!(
            t("On January 19, 1960, the Treaty of Mutual Security was signed."),
            "Treaty of Mutual Security"
        );
        assert_eq!(
            t("The Apollo 11 mission landed two astronauts on the Moon."),
            "Apollo 11 mission"
        );
        assert_eq!(
            t("The Treaty of Versailles, signed in 1919, ended the war."),
            "Treaty of Versailles"
        );
        assert_eq!(
            t("The Formation of the Earth began about 4.54 billion years ago."),
            "Formation of the Earth"
        );
        assert_eq!(
            t("The Meiji Restoration returned practical imperial rule to Japan."),
            "Meiji Restoration"
        );
        assert_eq!(
            t("The Signing of the Treaty took place in Paris."),
            "Signing of the Treaty"
        );
        let long =
            t("one two three four five six seven eight nine ten eleven twelve thirteen fourteen");
        assert_eq!(long.split(' ').count(), 12);
    }

    #[test]
    fn labels() {
        assert!(is_key_point_label("Extended American Military Presence"));
        assert!(is_key_point_label("Reaffirmation of Sovereign Rights"));
        assert!(is_key_point_label("Mutual Consultation"));
        assert!(!is_key_point_label("The treaty had one gap"));
        assert!(!is_key_point_label("In 1960, the treaty"));
        assert!(!is_key_point_label(
            "One Two Three Four Five Six Seven Eight Nine"
        ));
        assert!(!is_key_point_label(""));
    }
}
