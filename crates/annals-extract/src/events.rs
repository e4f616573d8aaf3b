//! Event candidates: a sentence (or a clause of one) that has a date and an action verb
//! ("signed", "founded", "captured", "died" ...) becomes a proposed annals [`Event`]: its date
//! (EDTF through annals-dates, with the text as written), a short title (the clause's subject and
//! verb), the place and participants the sentence names, the sentence as the summary, and the file
//! with character offsets as the source. Tagged `extracted`, for a person to review.
//!
//! Places come from a small built-in gazetteer (countries and well-known cities, with their
//! country) and from capitalised names after "in", "at", "near"; participants are the other
//! capitalised names (states, people, organisations), excluding the names of the event itself
//! ("Treaty of ...", "Battle of ...") and words that merely start a sentence.

use crate::rules::Ty;
use crate::tagger::Timex;
use crate::value::Point;
use annals_core::{id::event_id, Event, Participant, Place, Source};

/// Where a chunk of text comes from.
#[derive(Debug, Clone)]
pub struct SourceInfo {
    /// The file name as given.
    pub name: String,
    /// A URL for the file (`file:///abs/path`), to which `#char=S,E` is added.
    pub url: Option<String>,
}

/// An event candidate with where it was found.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The proposed event.
    pub event: Event,
    /// Character offsets of the sentence in the document.
    pub chars: (u64, u64),
    /// The time expression that dates it, as written.
    pub date_text: String,
}

/// Past-tense action verbs (and participles) that make a sentence an event.
const ACTION_VERBS: &[&str] = &[
    "signed",
    "founded",
    "established",
    "captured",
    "died",
    "born",
    "invaded",
    "declared",
    "attacked",
    "defeated",
    "surrendered",
    "crowned",
    "elected",
    "assassinated",
    "killed",
    "launched",
    "began",
    "begun",
    "ended",
    "occupied",
    "annexed",
    "abdicated",
    "married",
    "ratified",
    "formed",
    "fell",
    "conquered",
    "besieged",
    "destroyed",
    "burned",
    "burnt",
    "sacked",
    "landed",
    "crossed",
    "won",
    "lost",
    "seized",
    "took",
    "taken",
    "liberated",
    "proclaimed",
    "overthrew",
    "overthrown",
    "deposed",
    "executed",
    "murdered",
    "opened",
    "closed",
    "created",
    "built",
    "completed",
    "discovered",
    "invented",
    "published",
    "adopted",
    "approved",
    "passed",
    "enacted",
    "abolished",
    "dissolved",
    "merged",
    "united",
    "unified",
    "joined",
    "withdrew",
    "retreated",
    "advanced",
    "entered",
    "arrived",
    "departed",
    "sailed",
    "marched",
    "bombed",
    "shelled",
    "raided",
    "stormed",
    "massacred",
    "exploded",
    "erupted",
    "struck",
    "collapsed",
    "resigned",
    "appointed",
    "inaugurated",
    "succeeded",
    "recognized",
    "recognised",
    "granted",
    "ceded",
    "sold",
    "purchased",
    "bought",
    "acquired",
    "negotiated",
    "concluded",
    "agreed",
    "announced",
    "revolted",
    "rebelled",
    "mutinied",
    "rose",
    "fought",
    "repulsed",
    "routed",
    "destroyed",
    "sank",
    "sunk",
    "shot",
    "hanged",
    "imprisoned",
    "arrested",
    "exiled",
    "freed",
    "released",
    "evacuated",
    "bombarded",
    "blockaded",
    "relieved",
    "recaptured",
    "retook",
    "reached",
    "met",
    "convened",
    "held",
    "issued",
    "decreed",
    "promulgated",
    "instituted",
    "introduced",
    "ordered",
    "led",
    "commanded",
    "defended",
    "crushed",
    "suppressed",
    "broke",
    "broken",
    "started",
    "ceased",
    "expired",
    "returned",
    "restored",
    "reformed",
    "split",
    "partitioned",
    "divided",
    "incorporated",
    "consecrated",
    "canonized",
    "excommunicated",
    "baptized",
    "launched",
    "beheaded",
    "poisoned",
    "stabbed",
    "overran",
    "overrun",
    "razed",
    "pillaged",
    "looted",
    "fortified",
    "ambushed",
    "encircled",
    "surrounded",
    "outflanked",
    "capitulated",
];

/// Words that open an adverbial clause before the subject.
const LEADING_ADVERBIALS: &[&str] = &[
    "after",
    "following",
    "when",
    "while",
    "although",
    "though",
    "despite",
    "with",
    "since",
    "as",
    "before",
    "during",
    "in",
    "on",
    "by",
    "at",
    "having",
    "once",
    "upon",
    "under",
    "meanwhile",
    "however",
    "then",
    "thus",
    "here",
    "there",
    "later",
    "soon",
    "finally",
    "eventually",
    "also",
    "moreover",
    "furthermore",
    "nevertheless",
    "instead",
    "afterwards",
    "subsequently",
    "within",
    "throughout",
    "until",
    "because",
    "if",
    "for",
    "to",
    "from",
    "without",
    "amid",
    "among",
];

/// Auxiliaries dropped from titles ("was signed" -> "signed").
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "been", "be", "had", "has", "have", "being", "did",
];

/// Nouns that make a capitalised name the name of the event, not a participant.
const EVENT_NOUNS: &[&str] = &[
    "Treaty",
    "Battle",
    "War",
    "Siege",
    "Act",
    "Agreement",
    "Accord",
    "Accords",
    "Conference",
    "Revolution",
    "Campaign",
    "Offensive",
    "Operation",
    "Declaration",
    "Pact",
    "Convention",
    "Charter",
    "Protocol",
    "Peace",
    "Armistice",
    "Rebellion",
    "Revolt",
    "Uprising",
    "Massacre",
    "Crisis",
    "Congress",
    "Council",
    "Summit",
    "Expedition",
    "Invasion",
    "Raid",
    "Coup",
    "Constitution",
    "Edict",
    "Bill",
    "Law",
    "Proclamation",
    "Doctrine",
    "Plan",
    "Crusade",
];

/// Capitalised words that start sentences or clauses but name nothing.
const STOP_CAPS: &[&str] = &[
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "By",
    "After",
    "Before",
    "During",
    "Following",
    "When",
    "While",
    "Although",
    "Though",
    "As",
    "Since",
    "Until",
    "From",
    "To",
    "For",
    "With",
    "Without",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Then",
    "There",
    "Here",
    "However",
    "Meanwhile",
    "Later",
    "Earlier",
    "Soon",
    "Finally",
    "Eventually",
    "Thus",
    "Also",
    "But",
    "And",
    "Or",
    "Nor",
    "Yet",
    "So",
    "Despite",
    "Under",
    "Over",
    "Between",
    "Among",
    "Against",
    "Within",
    "Through",
    "Throughout",
    "Upon",
    "Of",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "Several",
    "Other",
    "Another",
    "Such",
    "One",
    "Two",
    "Three",
    "First",
    "Second",
    "Third",
    "Last",
    "Next",
    "Early",
    "Late",
    "Mid",
    "Today",
    "Now",
    "Yesterday",
    "Who",
    "What",
    "Which",
    "Where",
    "Why",
    "How",
    "If",
    "Once",
    "Only",
    "Even",
    "Just",
    "Not",
    "No",
    "Yes",
    "Having",
    "Being",
    "According",
    "Around",
    "About",
    "Near",
    "Outside",
    "Inside",
    "Into",
    "Onto",
    "Toward",
    "Towards",
    "Across",
    "Along",
    "Beyond",
    "BC",
    "AD",
    "BCE",
    "CE",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Saint",
    "St",
    "King",
    "Queen",
    "Emperor",
    "President",
    "General",
    "Prime",
    "Minister",
    "Pope",
    "Lord",
    "Lady",
];

/// Capitalised adjectives that do not name a participant on their own.
const ADJECTIVES: &[&str] = &[
    "Soviet",
    "Allied",
    "Axis",
    "Nazi",
    "Communist",
    "Nationalist",
    "Republican",
    "Democratic",
    "Royal",
    "Imperial",
    "Federal",
    "Confederate",
    "Union",
    "Catholic",
    "Protestant",
    "Muslim",
    "Christian",
    "Jewish",
    "Arab",
    "Greek",
    "Roman",
    "Persian",
    "French",
    "Dutch",
    "Swiss",
    "Thai",
    "Iraqi",
    "Israeli",
    "Pakistani",
    "Kuwaiti",
    "Saudi",
    "Yemeni",
    "Nepali",
];

/// Names that continue a capitalised name ("Kingdom of Italy", "Charles de Gaulle").
const NAME_JOINERS: &[&str] = &[
    "of", "de", "du", "da", "von", "van", "der", "den", "la", "le", "al", "bin", "ibn", "y", "del",
    "di",
];

/// (place, country, is a country) of the built-in gazetteer.
const GAZETTEER: &[(&str, &str)] = &[
    ("Washington, D.C.", "United States"),
    ("Washington D.C.", "United States"),
    ("New York City", "United States"),
    ("New York", "United States"),
    ("Philadelphia", "United States"),
    ("Boston", "United States"),
    ("Chicago", "United States"),
    ("San Francisco", "United States"),
    ("Los Angeles", "United States"),
    ("Pearl Harbor", "United States"),
    ("Richmond", "United States"),
    ("Gettysburg", "United States"),
    ("Yorktown", "United States"),
    ("London", "United Kingdom"),
    ("Paris", "France"),
    ("Versailles", "France"),
    ("Berlin", "Germany"),
    ("Munich", "Germany"),
    ("Potsdam", "Germany"),
    ("Rome", "Italy"),
    ("Milan", "Italy"),
    ("Venice", "Italy"),
    ("Madrid", "Spain"),
    ("Barcelona", "Spain"),
    ("Lisbon", "Portugal"),
    ("Vienna", "Austria"),
    ("Moscow", "Russia"),
    ("St. Petersburg", "Russia"),
    ("Petrograd", "Russia"),
    ("Stalingrad", "Russia"),
    ("Leningrad", "Russia"),
    ("Warsaw", "Poland"),
    ("Prague", "Czech Republic"),
    ("Budapest", "Hungary"),
    ("Constantinople", "Turkey"),
    ("Istanbul", "Turkey"),
    ("Athens", "Greece"),
    ("Sparta", "Greece"),
    ("Marathon", "Greece"),
    ("Thermopylae", "Greece"),
    ("Salamis", "Greece"),
    ("Carthage", "Tunisia"),
    ("Cairo", "Egypt"),
    ("Alexandria", "Egypt"),
    ("Jerusalem", "Israel"),
    ("Baghdad", "Iraq"),
    ("Basra", "Iraq"),
    ("Tehran", "Iran"),
    ("Kabul", "Afghanistan"),
    ("Delhi", "India"),
    ("New Delhi", "India"),
    ("Beijing", "China"),
    ("Peking", "China"),
    ("Nanjing", "China"),
    ("Shanghai", "China"),
    ("Tokyo", "Japan"),
    ("Hiroshima", "Japan"),
    ("Nagasaki", "Japan"),
    ("Okinawa", "Japan"),
    ("Seoul", "South Korea"),
    ("Pyongyang", "North Korea"),
    ("Hanoi", "Vietnam"),
    ("Saigon", "Vietnam"),
    ("Dien Bien Phu", "Vietnam"),
    ("Mexico City", "Mexico"),
    ("Havana", "Cuba"),
    ("Ottawa", "Canada"),
    ("Quebec", "Canada"),
    ("Quebec City", "Canada"),
    ("Sydney", "Australia"),
    ("Canberra", "Australia"),
    ("Brussels", "Belgium"),
    ("Amsterdam", "Netherlands"),
    ("The Hague", "Netherlands"),
    ("Geneva", "Switzerland"),
    ("Stockholm", "Sweden"),
    ("Oslo", "Norway"),
    ("Copenhagen", "Denmark"),
    ("Helsinki", "Finland"),
    ("Dublin", "Ireland"),
    ("Edinburgh", "United Kingdom"),
    ("Dunkirk", "France"),
    ("Verdun", "France"),
    ("Normandy", "France"),
    ("Waterloo", "Belgium"),
    ("Sarajevo", "Bosnia and Herzegovina"),
    ("Belgrade", "Serbia"),
    ("Bucharest", "Romania"),
    ("Sofia", "Bulgaria"),
    ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"),
    ("Buenos Aires", "Argentina"),
    ("Rio de Janeiro", "Brazil"),
    ("Lima", "Peru"),
    ("Santiago", "Chile"),
];

/// Countries (and common historical states), each its own country.
const COUNTRIES: &[&str] = &[
    "United States",
    "United States of America",
    "United Kingdom",
    "Great Britain",
    "Britain",
    "England",
    "Scotland",
    "Wales",
    "Ireland",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Portugal",
    "Russia",
    "Soviet Union",
    "Japan",
    "China",
    "India",
    "Pakistan",
    "Korea",
    "North Korea",
    "South Korea",
    "Vietnam",
    "North Vietnam",
    "South Vietnam",
    "Laos",
    "Cambodia",
    "Thailand",
    "Burma",
    "Myanmar",
    "Indonesia",
    "Philippines",
    "Australia",
    "New Zealand",
    "Canada",
    "Mexico",
    "Cuba",
    "Brazil",
    "Argentina",
    "Chile",
    "Peru",
    "Colombia",
    "Venezuela",
    "Egypt",
    "Israel",
    "Iran",
    "Iraq",
    "Syria",
    "Lebanon",
    "Jordan",
    "Saudi Arabia",
    "Turkey",
    "Ottoman Empire",
    "Greece",
    "Austria",
    "Austria-Hungary",
    "Hungary",
    "Poland",
    "Czechoslovakia",
    "Yugoslavia",
    "Serbia",
    "Bulgaria",
    "Romania",
    "Ukraine",
    "Belgium",
    "Netherlands",
    "Luxembourg",
    "Switzerland",
    "Sweden",
    "Norway",
    "Denmark",
    "Finland",
    "Afghanistan",
    "Persia",
    "Prussia",
    "Algeria",
    "Morocco",
    "Tunisia",
    "Libya",
    "Ethiopia",
    "South Africa",
    "Nigeria",
    "Kenya",
    "Congo",
    "Taiwan",
    "Mongolia",
    "Manchuria",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Belarus",
    "Albania",
    "Croatia",
    "Slovenia",
    "Slovakia",
    "Bosnia",
    "Montenegro",
    "Macedonia",
    "Kuwait",
    "Qatar",
    "Yemen",
    "Oman",
    "Sparta",
    "Athens",
    "Carthage",
    "Rome",
    "Byzantine Empire",
    "Roman Empire",
    "Holy Roman Empire",
    "Confederacy",
    "Union",
    "Scotland",
    "Hawaii",
    "Texas",
];

/// A sentence or clause span (byte offsets into the chunk text).
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Capt", "Sgt", "St", "Mt", "Ft", "Adm", "Gov",
    "Pres", "Sen", "Rep", "Prof", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "vs", "No", "Vol", "pp",
    "ca", "c", "cf", "Maj", "Brig", "Cmdr", "Rev", "Hon", "Messrs", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "fl", "r", "b", "d",
];

/// Words that start a new sentence after an abbreviation ("... in Washington, D.C. This ...";
/// the Wikipedia reader's first sentence uses them too: "... Xerxes I. For three days ...").
pub const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "When",
    "While",
    "However",
    "His",
    "Her",
    "Their",
    "Its",
    "A",
    "An",
    "There",
    "Following",
    "Although",
    "As",
    "Since",
    "By",
    "From",
    "Meanwhile",
    "For",
    "Despite",
];

/// Split text into sentences.
fn sentences(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let hard = c == b'\n' || c == 1;
        let end_mark = matches!(c, b'.' | b'!' | b'?');
        if hard {
            if i > start {
                out.push(Span { start, end: i });
            }
            start = i + 1;
        } else if end_mark {
            // Closing quotes and brackets stay with the sentence.
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            let next_ws = j >= b.len() || b[j].is_ascii_whitespace();
            if next_ws && !(c == b'.' && is_abbreviation(text, i, j)) {
                out.push(Span { start, end: j });
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < b.len() {
        out.push(Span {
            start,
            end: b.len(),
        });
    }
    out.into_iter().filter_map(|s| trim(text, s)).collect()
}

fn trim(text: &str, s: Span) -> Option<Span> {
    let t = &text[s.start..s.end];
    let lead = t.len() - t.trim_start().len();
    let body = t.trim();
    if body.is_empty() {
        return None;
    }
    Some(Span {
        start: s.start + lead,
        end: s.start + lead + body.len(),
    })
}

/// The period at `i` ends an abbreviation, not a sentence.
fn is_abbreviation(text: &str, i: usize, after: usize) -> bool {
    let before = &text[..i];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    let next_word: String = text[after..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let next_lower = next_word.chars().next().is_some_and(|c| c.is_lowercase());
    if next_lower {
        return true;
    }
    // Dotted abbreviations (U.S., D.C., B.C.) and single initials.
    let dotted = word.contains('.') || (word.len() == 1 && word.chars().all(|c| c.is_uppercase()));
    let known = ABBREVIATIONS.contains(&word);
    if dotted || known {
        return !SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    false
}

/// Clauses of a sentence: split at semicolons.
fn clauses(text: &str, s: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = s.start;
    for (k, c) in text[s.start..s.end].char_indices() {
        if c == ';' {
            out.push(Span {
                start,
                end: s.start + k,
            });
            start = s.start + k + 1;
        }
    }
    out.push(Span { start, end: s.end });
    out.into_iter().filter_map(|c| trim(text, c)).collect()
}

/// A word of a clause: byte span and text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str, s: Span) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut i = s.start;
    let t = &text[..s.end];
    while i < s.end {
        let Some(c) = t[i..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            let mut j = i;
            while j < s.end {
                let Some(d) = t[j..].chars().next() else {
                    break;
                };
                // Keep inner dots of initials and abbreviations (D.C., U.S.) and inner hyphens.
                let inner = (d == '.' || d == '-' || d == '\'' || d == '’')
                    && t[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || inner {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            // A trailing dot after a dotted abbreviation: "D.C."
            if t[i..j].contains('.') && t[j..].starts_with('.') {
                j += 1;
            }
            out.push(Word {
                start: i,
                end: j,
                text: &t[i..j],
            });
            i = j;
        } else {
            out.push(Word {
                start: i,
                end: i + c.len_utf8(),
                text: &t[i..i + c.len_utf8()],
            });
            i += c.len_utf8();
        }
    }
    out.retain(|w| !w.text.trim().is_empty());
    out
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Capitalised names in a clause: runs of capitalised words, joined by "of", "de" ... and a
/// leading "the" dropped; returns (first word index, end word index, name).
fn names(ws: &[Word<'_>], skip: &dyn Fn(usize) -> bool) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if skip(i) || !is_cap(ws[i].text) || !is_word(ws[i].text) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < ws.len() && !skip(j) && is_cap(ws[j].text) && is_word(ws[j].text) {
                j += 1;
            } else if j + 1 < ws.len()
                && (NAME_JOINERS.contains(&ws[j].text)
                    || ((ws[j].text == "and" || ws[j].text == "&")
                        && ws[i..j].iter().any(|w| EVENT_NOUNS.contains(&w.text))))
                && !skip(j + 1)
                && is_cap(ws[j + 1].text)
            {
                // "Kingdom of Italy"; "Treaty of Mutual Cooperation and Security".
                j += 2;
            } else {
                break;
            }
        }
        // Drop leading words that name nothing ("On", "The").
        let mut a = i;
        while a < j && STOP_CAPS.contains(&ws[a].text.trim_end_matches('.')) {
            a += 1;
        }
        // A lone adjective before a noun ("Western nations", "Japanese government").
        let adjective = j == a + 1
            && ws
                .get(j)
                .is_some_and(|n| n.text.chars().next().is_some_and(char::is_lowercase))
            && country_of(ws[a].text).is_none()
            && (ADJECTIVES.contains(&ws[a].text)
                || ["ern", "ese", "ian", "ish"]
                    .iter()
                    .any(|s| ws[a].text.ends_with(s)));
        if a < j && !NAME_JOINERS.contains(&ws[a].text) && !adjective {
            let name = join(ws, a, j);
            out.push((a, j, name));
        }
        i = j;
    }
    out
}

fn join(ws: &[Word<'_>], a: usize, b: usize) -> String {
    let mut s = String::new();
    for w in &ws[a..b] {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w.text);
    }
    s
}

fn country_of(name: &str) -> Option<&'static str> {
    if let Some(c) = COUNTRIES.iter().find(|c| c.eq_ignore_ascii_case(name)) {
        return Some(c);
    }
    GAZETTEER
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(name))
        .map(|(_, c)| *c)
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '\u{1}') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The event candidates of one chunk of text. `text` is the chunk (as the tagger read it),
/// `timexes` its time expressions, `chars` the character offset of the chunk in the document.
pub fn candidates(text: &str, timexes: &[Timex], chars: u64, src: &SourceInfo) -> Vec<Candidate> {
    let mut out = Vec::new();
    // Character offsets, counted incrementally (sentences come in order).
    let counted = std::cell::Cell::new((0usize, chars));
    let char_at = |byte: usize| {
        let (at, n) = counted.get();
        let n = if byte >= at {
            n + crate::doc::count_chars(&text.as_bytes()[at..byte])
        } else {
            n - crate::doc::count_chars(&text.as_bytes()[byte..at])
        };
        counted.set((byte, n));
        n
    };
    // Timexes are in text order: each clause looks at its own slice of them.
    let mut first = 0;
    for sentence in sentences(text) {
        for clause in clauses(text, sentence) {
            while first < timexes.len() && timexes[first].start < clause.start {
                first += 1;
            }
            let mut last = first;
            while last < timexes.len() && timexes[last].end <= clause.end {
                last += 1;
            }
            if first == last {
                continue;
            }
            if let Some(c) = candidate(text, sentence, clause, &timexes[first..last], &char_at, src)
            {
                out.push(c);
            }
        }
    }
    out
}

fn candidate(
    text: &str,
    sentence: Span,
    clause: Span,
    timexes: &[Timex],
    char_at: &dyn Fn(usize) -> u64,
    src: &SourceInfo,
) -> Option<Candidate> {
    // The clause's first date whose year is known.
    let dated: Vec<&Timex> = timexes
        .iter()
        .filter(|t| t.start >= clause.start && t.end <= clause.end)
        .collect();
    let (k, tx) = dated.iter().enumerate().find(|(_, t)| {
        matches!(t.ty, Ty::Date | Ty::Time) && t.point.is_some_and(|p| p.year.is_some())
    })?;
    let point: Point = tx.point?;
    let ws = words(text, clause);
    let in_timex = |w: &Word<'_>| dated.iter().any(|t| w.start >= t.start && w.end <= t.end);
    let verb = ws
        .iter()
        .position(|w| !in_timex(w) && ACTION_VERBS.contains(&w.text))?;
    let date_text = text[tx.start..tx.end].to_string();
    // A range: "from 1914 to 1918", "1939–1945".
    let mut date = point.when(&date_text)?;
    if let Some(next) = dated.get(k + 1) {
        let between = text[tx.end..next.start].trim();
        let connector = matches!(
            between,
            "-" | "–" | "—" | "to" | "and" | "until" | "through"
        );
        let before = text[clause.start..tx.start].trim_end();
        let opened = before.ends_with("from") || before.ends_with("between") || between != "and";
        if connector && opened {
            if let (Some(a), Some(b)) = (point.edtf(), next.point.and_then(|p| p.edtf())) {
                let written = text[tx.start..next.end].to_string();
                if let Ok(mut w) = annals_dates::When::from_edtf(&format!("{}/{}", a.0, b.0)) {
                    w.text = Some(written);
                    w.calendar = a.1;
                    date = w;
                }
            }
        }
    }

    // Places: gazetteer names and capitalised names after in/at/near.
    let skip = |i: usize| in_timex(&ws[i]);
    let found = names(&ws, &skip);
    let mut places: Vec<Place> = Vec::new();
    let mut participants: Vec<Participant> = Vec::new();
    let mut place_spans = Vec::new();
    // "Washington, D.C.": a name, a comma and a dotted abbreviation or a second name.
    let mut merged: Vec<(usize, usize, String)> = Vec::new();
    let mut idx = 0;
    while idx < found.len() {
        let (a, b, name) = found[idx].clone();
        if b + 1 < ws.len() && ws[b].text == "," {
            if let Some(&(c, d, ref n2)) = found.get(idx + 1) {
                if c == b + 1 && country_of(&format!("{name}, {n2}")).is_some() {
                    merged.push((a, d, format!("{name}, {n2}")));
                    idx += 2;
                    continue;
                }
            }
        }
        merged.push((a, b, name));
        idx += 1;
    }
    for (a, b, name) in &merged {
        let prev = if *a > 0 {
            ws[a - 1].text.to_ascii_lowercase()
        } else {
            String::new()
        };
        let prev2 = if *a > 1 {
            ws[a - 2].text.to_ascii_lowercase()
        } else {
            String::new()
        };
        let locative = matches!(
            prev.as_str(),
            "in" | "at" | "near" | "outside" | "off" | "into"
        ) || (prev == "the"
            && matches!(prev2.as_str(), "in" | "at" | "near" | "into"));
        let event_name = name.split(' ').any(|w| EVENT_NOUNS.contains(&w));
        if event_name {
            continue;
        }
        let known = country_of(name);
        let is_country = COUNTRIES.iter().any(|c| c.eq_ignore_ascii_case(name));
        if locative && (known.is_some() || !is_country) && places.len() < 3 {
            // A city or region where it happened (countries after "in" are places too).
            if !places.iter().any(|p| p.name == *name) {
                places.push(Place {
                    name: name.clone(),
                    country: if is_country {
                        String::new()
                    } else {
                        known.unwrap_or("").to_string()
                    },
                    lat: None,
                    lon: None,
                    geonames: None,
                });
                place_spans.push((*a, *b));
            }
            continue;
        }
        if annals_month_or_day(name) {
            continue;
        }
        if !participants.iter().any(|p| p.name == *name) && participants.len() < 8 {
            participants.push(Participant {
                name: name.clone(),
                role: None,
            });
        }
    }

    let title = title(text, &ws, verb, &in_timex, clause)?;
    let summary = collapse(&text[sentence.start..sentence.end]);
    let (c0, c1) = (char_at(sentence.start), char_at(sentence.end));
    let source = Source {
        name: format!("{} (characters {c0}-{c1})", src.name),
        url: src.url.as_ref().map(|u| format!("{u}#char={c0},{c1}")),
        ..Source::default()
    };
    let id = event_id(&title, &date);
    let event = Event {
        id,
        title,
        date,
        summary,
        body: Vec::new(),
        key_points: Vec::new(),
        places,
        participants,
        sources: vec![source],
        related: Vec::new(),
        tags: vec!["extracted".to_string()],
        importance: None,
        media: Vec::new(),
        lang: None,
        translations: Vec::new(),
    };
    event.validate().ok()?;
    Some(Candidate {
        event,
        chars: (c0, c1),
        date_text,
    })
}

fn annals_month_or_day(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    crate::lex::month(&l).is_some() || crate::lex::weekday(&l).is_some()
}

/// A short title: the clause without its date phrase, up to the action verb (auxiliaries
/// dropped) and the few words after it, up to punctuation or a preposition.
fn title(
    text: &str,
    ws: &[Word<'_>],
    verb: usize,
    in_timex: &dyn Fn(&Word<'_>) -> bool,
    clause: Span,
) -> Option<String> {
    let _ = (text, clause);
    // Start: after a leading date phrase and its preposition ("On January 19, 1960, ").
    let mut start = 0;
    let mut k = 0;
    while k < verb {
        let w = &ws[k];
        let lw = w.text.to_ascii_lowercase();
        if in_timex(w)
            || w.text == ","
            || (matches!(
                lw.as_str(),
                "on" | "in"
                    | "by"
                    | "at"
                    | "during"
                    | "from"
                    | "until"
                    | "after"
                    | "before"
                    | "since"
                    | "throughout"
                    | "early"
                    | "late"
            ) && ws[k + 1..].first().is_some_and(in_timex))
        {
            start = k + 1;
            k += 1;
            continue;
        }
        break;
    }
    let mut parts: Vec<&str> = Vec::new();
    for (i, w) in ws.iter().enumerate().take(verb).skip(start) {
        if in_timex(w) {
            continue;
        }
        if i + 1 == verb || i + 2 == verb {
            // Auxiliaries right before the verb.
            let lw = w.text.to_ascii_lowercase();
            if AUXILIARIES.contains(&lw.as_str())
                && ws[i + 1..verb]
                    .iter()
                    .all(|x| AUXILIARIES.contains(&x.text.to_ascii_lowercase().as_str()))
            {
                continue;
            }
        }
        parts.push(w.text);
    }
    // Asides in parentheses or between dashes are not part of the subject.
    let mut kept: Vec<&str> = Vec::new();
    let mut depth = 0;
    let mut dashes = 0;
    for p in parts {
        match p {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = (depth - 1).max(0),
            "-" | "–" | "—" => dashes += 1,
            _ if depth == 0 && dashes % 2 == 0 => kept.push(p),
            _ => {}
        }
    }
    let mut parts = kept;
    // A leading adverbial clause ends at its comma: "After signing an armistice, the Soviets".
    while parts
        .first()
        .is_some_and(|w| LEADING_ADVERBIALS.contains(&w.to_ascii_lowercase().as_str()))
    {
        match parts.iter().position(|w| *w == ",") {
            Some(p) => {
                parts.drain(..=p);
            }
            None => break,
        }
    }
    // Drop a leading article and trailing commas.
    if parts
        .first()
        .is_some_and(|w| matches!(*w, "The" | "the" | "A" | "a" | "An" | "an"))
    {
        parts.remove(0);
    }
    while parts.last().is_some_and(|w| *w == ",") {
        parts.pop();
    }
    // Long subjects are cut at their first comma.
    if let Some(p) = parts.iter().position(|w| *w == ",") {
        if parts.len() > 8 {
            parts.truncate(p);
        }
    }
    parts.push(ws[verb].text);
    for (after, w) in ws[verb + 1..].iter().enumerate() {
        let lw = w.text.to_ascii_lowercase();
        if !is_word(w.text)
            || in_timex(w)
            || matches!(
                lw.as_str(),
                "in" | "at"
                    | "on"
                    | "near"
                    | "by"
                    | "with"
                    | "after"
                    | "before"
                    | "during"
                    | "for"
                    | "from"
                    | "to"
                    | "and"
                    | "but"
                    | "which"
                    | "who"
                    | "when"
                    | "while"
                    | "as"
            )
            || after >= 5
        {
            break;
        }
        parts.push(w.text);
    }
    let mut t = String::new();
    for p in parts {
        if p == "," {
            t.push(',');
            continue;
        }
        if !t.is_empty() {
            t.push(' ');
        }
        t.push_str(p);
    }
    let t = collapse(&t);
    let words: Vec<&str> = t.split(' ').collect();
    let t = if words.len() > 16 {
        words[words.len() - 16..].join(" ")
    } else {
        t
    };
    let mut chars = t.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().collect::<String>() + chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Tagger};

    fn run(text: &str) -> Vec<Candidate> {
        let mut t = Tagger::new(Options::default());
        let found = t.tag(text);
        candidates(
            text,
            &found,
            0,
            &SourceInfo {
                name: "seed.txt".into(),
                url: Some("file:///seed.txt".into()),
            },
        )
    }

    #[test]
    fn the_seed_signing() {
        let c = run("On January 19, 1960, the Treaty of Mutual Cooperation and Security between the United States and Japan was signed in Washington, D.C. This pivotal agreement reshaped the post-World War II alliance between the two nations.");
        assert_eq!(c.len(), 1, "{c:?}");
        let e = &c[0].event;
        assert_eq!(e.date.edtf, "1960-01-19");
        assert_eq!(e.date.text.as_deref(), Some("January 19, 1960"));
        assert_eq!(e.places.len(), 1);
        assert_eq!(e.places[0].name, "Washington, D.C.");
        assert_eq!(e.places[0].country, "United States");
        let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        assert!(
            names.contains(&"United States") && names.contains(&"Japan"),
            "{names:?}"
        );
        assert_eq!(
            e.title,
            "Treaty of Mutual Cooperation and Security between the United States and Japan signed"
        );
        assert!(e.summary.ends_with("Washington, D.C."), "{}", e.summary);
        assert!(e.tags.contains(&"extracted".to_string()));
        assert_eq!(c[0].chars.0, 0);
        assert!(e.sources[0]
            .url
            .as_deref()
            .unwrap()
            .starts_with("file:///seed.txt#char=0,"));
    }

    #[test]
    fn clauses_get_their_own_dates() {
        let c =
            run("On June 10, 1940, Italy invaded France; twelve days later France surrendered.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].event.date.edtf, "1940-06-10");
        assert_eq!(c[0].event.title, "Italy invaded France");
        assert_eq!(c[1].event.date.edtf, "1940-06-22");
        assert_eq!(c[1].event.title, "France surrendered");
    }

    #[test]
    fn sentences_without_action_or_date_are_not_events() {
        assert!(run("The treaty remains a cornerstone of relations.").is_empty());
        assert!(run("In 1960 the weather was mild.").is_empty());
    }

    #[test]
    fn ranges_and_bc_dates() {
        let c = run("The Persians captured Miletus in 494 BC.");
        assert_eq!(c[0].event.date.edtf, "-0493");
        let c = run("From 1914 to 1918 the Allies fought Germany.");
        assert_eq!(c[0].event.date.edtf, "1914/1918");
    }

    #[test]
    fn sentence_splitting() {
        let s = "He met Gen. Lee at 3 p.m. on Monday. The U.S. Army won. It ended in Washington, D.C. The end.";
        let spans: Vec<&str> = sentences(s).iter().map(|x| &s[x.start..x.end]).collect();
        assert_eq!(
            spans,
            vec![
                "He met Gen. Lee at 3 p.m. on Monday.",
                "The U.S. Army won.",
                "It ended in Washington, D.C.",
                "The end."
            ]
        );
    }
}
