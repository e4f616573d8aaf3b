//! Dates written in French, German and Spanish, read by the English reader's grammar
//! ([`crate::text`]): the words of each language (months, eras, "about", "between … and …",
//! centuries in Roman or Arabic numerals, decades, seasons, parts of a century, deep time) are
//! put into the English words they mean, in the English order, and the result is read as
//! English is. "15 mars 44 av. J.-C.", "15. März 44 v. Chr." and "15 de marzo de 44 a. C." all
//! read as "15 March 44 BC"; "XVe siècle", "15. Jahrhundert" and "siglo XV" as "15th century".
//!
//! [`read_any`] is what imports use: English first, then each other language, so that a
//! column of French dates imports without an option and nothing English reads otherwise.

use crate::text::{read, Reading};
use crate::{CalendarHint, DateError};

/// A language dates are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English (the reader's own).
    English,
    /// French.
    French,
    /// German.
    German,
    /// Spanish.
    Spanish,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 4] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
    ];

    /// Its BCP 47 code: `en`, `fr`, `de`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
        }
    }

    /// The language of a BCP 47 tag (`fr`, `fr-CA`, `de-AT`, …).
    pub fn from_code(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }
}

/// Read `text` written in `lang`.
pub fn read_in(text: &str, lang: Language, hint: CalendarHint) -> Result<Reading, DateError> {
    match lang {
        Language::English => read(text, hint),
        _ => read(&english(text, lang), hint),
    }
}

/// Read `text` as English, else as the first other language it reads in; the English error
/// when it reads in none.
pub fn read_any(text: &str, hint: CalendarHint) -> Result<(Reading, Language), DateError> {
    let english_error = match read(text, hint) {
        Ok(r) => return Ok((r, Language::English)),
        Err(e) => e,
    };
    for lang in &Language::ALL[1..] {
        let words = english(text, *lang);
        if words != text.to_lowercase() {
            if let Ok(r) = read(&words, hint) {
                return Ok((r, *lang));
            }
        }
    }
    Err(english_error)
}

/// The words of each language, as phrases (longest first where one holds another) and single
/// words, with the English they stand for ("" drops the word).
struct Words {
    /// Phrases replaced in the lower-cased text before it is cut into words.
    phrases: &'static [(&'static str, &'static str)],
    /// Single words.
    words: &'static [(&'static str, &'static str)],
    /// The words for "century" and "millennium" (after their number, or before it).
    century: &'static [&'static str],
    millennium: &'static [&'static str],
    /// Whether the number comes after the word ("siglo XV") rather than before ("XVe siècle").
    number_after: bool,
    /// The words that say a decade after or before the year ("années 1960", "1960er Jahre").
    decade_before: &'static [&'static str],
    /// The word for years after a number of them ago ("il y a 12 900 ans").
    years: &'static [&'static str],
}

const FRENCH: Words = Words {
    phrases: &[
        ("avant jésus-christ", " bc "),
        ("avant j.-c.", " bc "),
        ("av. j.-c.", " bc "),
        ("av. j.-c", " bc "),
        ("av. j-c", " bc "),
        ("av j.-c.", " bc "),
        ("av. jc", " bc "),
        ("avant notre ère", " bce "),
        ("av. notre ère", " bce "),
        ("après jésus-christ", " ad "),
        ("apr. j.-c.", " ad "),
        ("ap. j.-c.", " ad "),
        ("après j.-c.", " ad "),
        ("de notre ère", " ce "),
        ("millions d'années", " million years ago "),
        ("milliards d'années", " billion years ago "),
        ("il y a", " "),
        ("première moitié du", " first half of the "),
        ("seconde moitié du", " second half of the "),
        ("deuxième moitié du", " second half of the "),
        ("première moitié de", " first half of "),
        ("seconde moitié de", " second half of "),
        ("les années", " années "),
    ],
    words: &[
        ("janvier", "january"),
        ("février", "february"),
        ("fevrier", "february"),
        ("mars", "march"),
        ("avril", "april"),
        ("mai", "may"),
        ("juin", "june"),
        ("juillet", "july"),
        ("août", "august"),
        ("aout", "august"),
        ("septembre", "september"),
        ("octobre", "october"),
        ("novembre", "november"),
        ("décembre", "december"),
        ("decembre", "december"),
        ("1er", "1"),
        ("vers", "c."),
        ("env.", "c."),
        ("environ", "c."),
        ("entre", "between"),
        ("et", "and"),
        ("début", "early"),
        ("fin", "late"),
        ("milieu", "mid"),
        ("printemps", "spring"),
        ("été", "summer"),
        ("automne", "autumn"),
        ("hiver", "winter"),
        ("le", ""),
        ("du", ""),
        ("des", ""),
        ("en", ""),
        ("au", "to"),
        ("à", "to"),
        ("de", "from"),
        ("ou", "or"),
    ],
    century: &["siècle", "siecle", "siècles"],
    millennium: &["millénaire", "millenaire"],
    number_after: false,
    decade_before: &["années", "annees"],
    years: &["ans"],
};

const GERMAN: Words = Words {
    phrases: &[
        ("vor christus", " bc "),
        ("vor christi geburt", " bc "),
        ("v. chr.", " bc "),
        ("v.chr.", " bc "),
        ("vor unserer zeitrechnung", " bce "),
        ("v. u. z.", " bce "),
        ("v.u.z.", " bce "),
        ("nach christus", " ad "),
        ("n. chr.", " ad "),
        ("n.chr.", " ad "),
        ("n. u. z.", " ce "),
        ("millionen jahren", " million years ago "),
        ("milliarden jahren", " billion years ago "),
        ("erste hälfte des", " first half of the "),
        ("zweite hälfte des", " second half of the "),
        ("erste hälfte", " first half of "),
        ("zweite hälfte", " second half of "),
        ("in den", " "),
    ],
    words: &[
        ("januar", "january"),
        ("jänner", "january"),
        ("februar", "february"),
        ("märz", "march"),
        ("maerz", "march"),
        ("april", "april"),
        ("mai", "may"),
        ("juni", "june"),
        ("juli", "july"),
        ("august", "august"),
        ("september", "september"),
        ("oktober", "october"),
        ("november", "november"),
        ("dezember", "december"),
        ("um", "c."),
        ("ca.", "c."),
        ("etwa", "c."),
        ("zwischen", "between"),
        ("und", "and"),
        ("anfang", "early"),
        ("ende", "late"),
        ("mitte", "mid"),
        ("frühling", "spring"),
        ("frühjahr", "spring"),
        ("sommer", "summer"),
        ("herbst", "autumn"),
        ("winter", "winter"),
        ("im", ""),
        ("am", ""),
        ("die", ""),
        ("des", ""),
        ("vor", ""),
        ("jahre", ""),
        ("jahren", ""),
        ("bis", "to"),
        ("von", "from"),
        ("oder", "or"),
    ],
    century: &["jahrhundert", "jahrhunderts"],
    millennium: &["jahrtausend", "jahrtausends"],
    number_after: false,
    decade_before: &[],
    years: &["jahren"],
};

const SPANISH: Words = Words {
    phrases: &[
        ("antes de cristo", " bc "),
        ("a. de c.", " bc "),
        ("a. c.", " bc "),
        ("a.c.", " bc "),
        ("a. e. c.", " bce "),
        ("a.e.c.", " bce "),
        ("antes de nuestra era", " bce "),
        ("después de cristo", " ad "),
        ("d. de c.", " ad "),
        ("d. c.", " ad "),
        ("d.c.", " ad "),
        ("de nuestra era", " ce "),
        ("miles de millones de años", " billion years ago "),
        ("millones de años", " million years ago "),
        ("primera mitad del", " first half of the "),
        ("segunda mitad del", " second half of the "),
        ("primera mitad de", " first half of "),
        ("segunda mitad de", " second half of "),
        ("década de", " años "),
        ("los años", " años "),
    ],
    words: &[
        ("enero", "january"),
        ("febrero", "february"),
        ("marzo", "march"),
        ("abril", "april"),
        ("mayo", "may"),
        ("junio", "june"),
        ("julio", "july"),
        ("agosto", "august"),
        ("septiembre", "september"),
        ("setiembre", "september"),
        ("octubre", "october"),
        ("noviembre", "november"),
        ("diciembre", "december"),
        ("hacia", "c."),
        ("circa", "c."),
        ("ca.", "c."),
        ("aprox.", "c."),
        ("entre", "between"),
        ("y", "and"),
        ("principios", "early"),
        ("comienzos", "early"),
        ("finales", "late"),
        ("fines", "late"),
        ("mediados", "mid"),
        ("primavera", "spring"),
        ("verano", "summer"),
        ("otoño", "autumn"),
        ("invierno", "winter"),
        ("de", ""),
        ("del", ""),
        ("el", ""),
        ("en", ""),
        ("hace", ""),
        ("a", "to"),
        ("desde", "from"),
        ("hasta", "to"),
        ("o", "or"),
    ],
    century: &["siglo", "siglos"],
    millennium: &["milenio"],
    number_after: true,
    decade_before: &["años", "anos"],
    years: &["años", "anos"],
};

fn words_of(lang: Language) -> Option<&'static Words> {
    match lang {
        Language::English => None,
        Language::French => Some(&FRENCH),
        Language::German => Some(&GERMAN),
        Language::Spanish => Some(&SPANISH),
    }
}

/// `text` in `lang` put into English words, lower case (English text comes back lower-cased).
pub fn english(text: &str, lang: Language) -> String {
    let mut s = format!(" {} ", text.trim().to_lowercase());
    let Some(w) = words_of(lang) else {
        return s.trim().to_string();
    };
    for (phrase, en) in w.phrases {
        s = replace_phrase(&s, phrase, en);
    }
    let toks = numbers_joined(s.split_whitespace().collect(), w);
    let toks: Vec<&str> = toks.iter().map(String::as_str).collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let next = toks.get(i + 1).copied();
        // "12900 ans", "12900 años", "12900 jahren"
        if w.years.contains(&t) && out.last().is_some_and(|n| is_number(n)) {
            out.push("years ago".into());
            i += 1;
            continue;
        }
        // "XVe siècle", "15. Jahrhundert", "IIIe millénaire"
        if let (Some(n), Some(unit)) = (ordinal_number(t), next.and_then(|x| unit_of(w, x))) {
            if !w.number_after {
                out.push(format!("{} {unit}", english_ordinal(n)));
                i += 2;
                continue;
            }
        }
        // "siglo XV", "milenio III"
        if let (Some(unit), Some(n)) = (unit_of(w, t), next.and_then(ordinal_number)) {
            if w.number_after {
                out.push(format!("{} {unit}", english_ordinal(n)));
                i += 2;
                continue;
            }
        }
        // "années 1960", "años 1960"
        if w.decade_before.contains(&t) {
            if let Some(y) = next.filter(|y| y.len() >= 3 && y.bytes().all(|b| b.is_ascii_digit()))
            {
                out.push(format!("{y}s"));
                i += 2;
                continue;
            }
        }
        // "1960er" (Jahre)
        if let Some(y) = t
            .strip_suffix("er")
            .filter(|y| y.len() >= 3 && y.bytes().all(|b| b.is_ascii_digit()))
        {
            out.push(format!("{y}s"));
            i += 1;
            continue;
        }
        // "15." (a German day)
        if let Some(d) = t
            .strip_suffix('.')
            .filter(|d| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
        {
            out.push(d.to_string());
            i += 1;
            continue;
        }
        let (core, tail) = split_trailing_comma(t);
        match w.words.iter().find(|(word, _)| *word == core) {
            Some((_, "")) => {}
            Some((_, en)) => out.push(format!("{en}{tail}")),
            None => out.push(t.to_string()),
        }
        i += 1;
    }
    out.join(" ")
}

/// Numbers before an amount of years or an era as English writes them: "12 900 ans" (groups
/// apart), "12.900 Jahren" (grouped by dots) and "4,54 milliards" (a decimal comma) are "12900
/// ans", "12900 Jahren" and "4.54 billion". Other numbers are left alone ("1683, 1684").
fn numbers_joined(toks: Vec<&str>, w: &Words) -> Vec<String> {
    let amount = |t: Option<&&str>| {
        t.is_some_and(|t| {
            w.years.contains(t) || ["million", "billion", "bc", "bce", "ad", "ce"].contains(t)
        })
    };
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if digits(t, 1..=3) {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|g| digits(g, 3..=3)) {
                j += 1;
            }
            if j > i + 1 && amount(toks.get(j)) {
                out.push(toks[i..j].concat());
                i = j;
                continue;
            }
        }
        let dotted = t.split('.').collect::<Vec<_>>();
        if dotted.len() > 1
            && digits(dotted[0], 1..=3)
            && dotted[1..].iter().all(|g| digits(g, 3..=3))
            && amount(toks.get(i + 1))
        {
            out.push(dotted.concat());
        } else if let Some((a, b)) = t
            .split_once(',')
            .filter(|(a, b)| digits(a, 1..=20) && digits(b, 1..=20))
            .filter(|_| amount(toks.get(i + 1)))
        {
            out.push(format!("{a}.{b}"));
        } else {
            out.push(t.to_string());
        }
        i += 1;
    }
    out
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// `s` with every whole-word `phrase` replaced by `with`.
fn replace_phrase(s: &str, phrase: &str, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(phrase) {
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &rest[at + phrase.len()..];
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            out.push_str(&rest[..at]);
            out.push_str(with);
        } else {
            out.push_str(&rest[..at + phrase.len()]);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn split_trailing_comma(t: &str) -> (&str, &str) {
    match t.strip_suffix(',') {
        Some(core) => (core, ","),
        None => (t, ""),
    }
}

/// `century` or `millennium`, when `word` is one of the language's words for them.
fn unit_of(w: &Words, word: &str) -> Option<&'static str> {
    let word = word.trim_end_matches(',');
    if w.century.contains(&word) {
        Some("century")
    } else if w.millennium.contains(&word) {
        Some("millennium")
    } else {
        None
    }
}

/// The number of an ordinal as the languages write them: Roman or Arabic, with a French
/// ordinal ending ("XVe", "Ier", "15e", "1er", "XVème") or a German dot ("15.").
fn ordinal_number(t: &str) -> Option<u32> {
    let t = t.trim_end_matches(',');
    let core = ["ème", "eme", "er", "e", "."]
        .iter()
        .find_map(|suffix| t.strip_suffix(suffix).filter(|c| !c.is_empty()))
        .unwrap_or(t);
    if core.bytes().all(|b| b.is_ascii_digit()) {
        return core.parse().ok().filter(|n| (1..=100).contains(n));
    }
    roman(core)
}

/// A Roman numeral (I to C), lower case.
fn roman(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let mut n = 0i64;
    for (k, d) in digits.iter().enumerate() {
        let d = i64::from(*d);
        if digits.get(k + 1).is_some_and(|next| i64::from(*next) > d) {
            n -= d;
        } else {
            n += d;
        }
    }
    u32::try_from(n).ok().filter(|n| (1..=100).contains(n))
}

/// "1st", "2nd", "3rd", "15th".
fn english_ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests;
