//! What inline templates show, for the ones prose and infoboxes use: dashes and spaces, the
//! date templates (`{{Start date}}` and family, `{{OldStyleDate}}`, `{{circa}}`), `{{convert}}`,
//! language and formatting wrappers, flags, lists (`{{plainlist}}`, `{{ubl}}`, ...). Footnote,
//! maintenance, pronunciation and navigation templates show nothing. Any other template shows
//! nothing either, and its name is noted as not read.

use crate::scan::{Doc, Param};
use crate::text::{self, Seen};

/// A template name as compared: lowercase, `_` as space, spaces collapsed, no `Template:`.
pub fn norm(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for w in name.split(|c: char| c.is_whitespace() || c == '_') {
        if w.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    let s = s.to_lowercase();
    match s.strip_prefix("template:") {
        Some(r) => r.trim().to_string(),
        None => s,
    }
}

/// Footnote templates: a reference or note attached to the text before it, which Wikipedia
/// places after the punctuation that closes a sentence or clause.
pub fn footnote(name: &str) -> bool {
    matches!(
        name,
        "sfn"
            | "sfnp"
            | "sfnm"
            | "efn"
            | "efn-ua"
            | "efn-lr"
            | "efn-lg"
            | "refn"
            | "r"
            | "rp"
            | "notetag"
    )
}

/// Templates that show nothing in the text we keep (footnotes, maintenance tags,
/// pronunciation, icons, navigation, page settings).
fn silent(name: &str) -> bool {
    const EXACT: &[&str] = &[
        "sfn",
        "sfnp",
        "sfnm",
        "efn",
        "efn-ua",
        "efn-lr",
        "refn",
        "r",
        "rp",
        "cn",
        "fact",
        "citation needed",
        "clarify",
        "when",
        "dubious",
        "according to whom",
        "by whom",
        "which",
        "who",
        "page needed",
        "verification needed",
        "better source needed",
        "disputed inline",
        "update inline",
        "failed verification",
        "vague",
        "original research inline",
        "harvnb",
        "harv",
        "harvp",
        "harvtxt",
        "notetag",
        "ref label",
        "note label",
        "efn-lg",
        "audio",
        "respell",
        "pronunciation",
        "ipa",
        "coord",
        "coord missing",
        "flagicon",
        "flagdeco",
        "flagicon image",
        "kia",
        "pow",
        "dow",
        "wia",
        "mia",
        "executed",
        "surrendered",
        "†",
        "dagger",
        "reflist",
        "refbegin",
        "refend",
        "toc",
        "toc limit",
        "clear",
        "short description",
        "defaultsort",
        "italic title",
        "lowercase title",
        "authority control",
        "portal",
        "commons",
        "commons category",
        "wiktionary",
        "main",
        "main article",
        "see also",
        "further",
        "about",
        "redirect",
        "other uses",
        "for",
        "distinguish",
        "multiple image",
        "listen",
        "quote box",
        "pp",
        "pp-pc1",
        "pp-semi-protected",
        "pp-move-indef",
        "good article",
        "featured article",
        "anchor",
        "wide image",
        "image frame",
        "col-begin",
        "col-end",
        "div col",
        "div col end",
        "cite",
        "citation",
        "webarchive",
        "nbsp;",
        "clarification needed",
        "inflation",
        "inflation-fn",
        "inflation-year",
        "lang-rtl",
        "snd?",
    ];
    const PREFIX: &[&str] = &[
        "cite ",
        "ipa-",
        "ipac-",
        "ipa ",
        "lang-",
        "use ",
        "pp-",
        "infobox",
        "campaignbox",
        "navbox",
        "sidebar",
        "portal",
        "wikisource",
        "wikiquote",
        "commons",
        "sister",
        "featured",
        "good ",
        "engvar",
        "#",
        "defaultsort:",
        "displaytitle:",
        "coord",
    ];
    EXACT.contains(&name) || PREFIX.iter().any(|p| name.starts_with(p))
}

const MONTHS: [&str; 12] = annals_dates::day::MONTH_NAMES;

/// `y|m|d` parts as English text ("October 14, 1066", "October 1066", "1066").
pub fn ymd_text(y: &str, m: Option<&str>, d: Option<&str>) -> Option<String> {
    let y = y.trim();
    if y.is_empty()
        || !y
            .trim_start_matches('-')
            .bytes()
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year = match y.strip_prefix('-') {
        // Astronomical years in the date templates: -43 is 44 BC.
        Some(n) => format!("{} BC", n.parse::<i64>().ok()? + 1),
        None => y.trim_start_matches('0').to_string(),
    };
    let month = match m.map(str::trim).filter(|m| !m.is_empty()) {
        None => return Some(year),
        Some(m) => {
            let k: usize = m.parse().ok()?;
            *MONTHS.get(k.checked_sub(1)?)?
        }
    };
    match d.map(str::trim).filter(|d| !d.is_empty()) {
        None => Some(format!("{month} {year}")),
        Some(d) => {
            let d: u32 = d.parse().ok()?;
            Some(format!("{month} {d}, {year}"))
        }
    }
}

/// Positional parameters of a template, rendered and trimmed.
fn positional(doc: &Doc, n: usize, ps: &[Param], seen: &mut Seen) -> Vec<String> {
    ps.iter()
        .filter(|p| p.name.bytes().all(|c| c.is_ascii_digit()))
        .map(|p| text::span(doc, n, p.start, p.end, seen).trim().to_string())
        .collect()
}

fn named<'p>(ps: &'p [Param], name: &str) -> Option<&'p Param<'p>> {
    ps.iter().find(|p| p.name == name)
}

/// Render template `n` into `out`.
pub fn render(doc: &Doc, n: usize, seen: &mut Seen, out: &mut String) {
    let raw_name = doc.template_name(n);
    let name = norm(raw_name);
    // Magic words and parser functions.
    if name.contains(':') || name.starts_with('#') {
        return;
    }
    let ps = doc.params(n);
    let pos = |seen: &mut Seen| positional(doc, n, &ps, seen);
    let value = |p: &Param, seen: &mut Seen| text::span(doc, n, p.start, p.end, seen);
    let s: String = match name.as_str() {
        "ndash" | "en dash" | "–" => "–".into(),
        "mdash" | "em dash" | "—" => "—".into(),
        "snd" | "snds" | "spnd" | "sndash" | "spaced ndash" | "spaced en dash" => " – ".into(),
        "spaced mdash" | "spaced em dash" | "smdash" => " — ".into(),
        "nbsp" | "sp" | "space" | "spaces" | "thinsp" | "hair space" => " ".into(),
        "·" | "dot" | "middot" | "dot separator" => " · ".into(),
        "bull" | "bullet" | "•" => " • ".into(),
        "!" | "pipe" => "|".into(),
        "=" => "=".into(),
        "'" => "'".into(),
        "nowrap"
        | "nobr"
        | "nobold"
        | "noitalic"
        | "small"
        | "smaller"
        | "big"
        | "larger"
        | "em"
        | "strong"
        | "sc"
        | "smallcaps"
        | "small caps"
        | "abbr"
        | "abbrlink"
        | "sic"
        | "ill"
        | "interlanguage link"
        | "interlanguage link multi"
        | "lang"
        | "transl"
        | "transliteration"
        | "nihongo"
        | "keypress"
        | "var"
        | "mono"
        | "tooltip"
        | "ship"
        | "hms"
        | "uss"
        | "sclass"
        | "nowrap begin"
        | "lang-x"
        | "text"
        | "resize" => {
            let p = pos(seen);
            let pick = match name.as_str() {
                "lang" | "transl" | "transliteration" => p.get(1).or(p.first()),
                "resize" => p.last(),
                "ship" | "hms" | "uss" => {
                    let joined = p.iter().take(2).cloned().collect::<Vec<_>>().join(" ");
                    out.push_str(&joined);
                    return;
                }
                "ill" | "interlanguage link" | "interlanguage link multi" => {
                    if let Some(t) = p.first() {
                        seen.links.push((t.clone(), t.clone()));
                    }
                    p.first()
                }
                _ => p.first(),
            };
            pick.cloned().unwrap_or_default()
        }
        "flag" | "flagcountry" | "flagu" | "flag country" | "flagg" | "flagcu" => {
            match named(&ps, "name") {
                Some(p) => value(p, seen).trim().to_string(),
                None => {
                    let p = pos(seen);
                    let country = if name == "flagg" { p.get(1) } else { p.first() };
                    let country = country.cloned().unwrap_or_default();
                    flag_code(&country).map_or(country, str::to_string)
                }
            }
        }
        "circa" | "c." | "ca" | "ca." | "c" => {
            let p = pos(seen);
            match p.first() {
                Some(y) => format!("c. {y}"),
                None => "c.".into(),
            }
        }
        "floruit" | "fl." | "fl" => {
            format!("fl. {}", pos(seen).first().cloned().unwrap_or_default())
        }
        "bc" | "bce" => format!("{} BC", pos(seen).first().cloned().unwrap_or_default()),
        "ad" | "ce" => format!("AD {}", pos(seen).first().cloned().unwrap_or_default()),
        "frac" => {
            let p = pos(seen);
            match p.as_slice() {
                [a] => format!("1/{a}"),
                [a, b] => format!("{a}/{b}"),
                [w, a, b, ..] => format!("{w} {a}/{b}"),
                [] => String::new(),
            }
        }
        "convert" | "cvt" => {
            let p = pos(seen);
            let joined = [
                "-", "–", "to", "and", "by", "x", "or", "&", "and(-)", "to(-)",
            ];
            match p.as_slice() {
                [a, sep, b, unit, ..] if joined.contains(&sep.as_str()) => {
                    format!("{a} {} {b} {unit}", if sep == "-" { "–" } else { sep })
                }
                [a, unit, ..] => format!("{a} {unit}"),
                [a] => a.clone(),
                [] => String::new(),
            }
        }
        "as of" => format!("As of {}", pos(seen).join(" ")),
        "start date"
        | "start-date"
        | "end date"
        | "end-date"
        | "start date and age"
        | "end date and age"
        | "start date and years ago"
        | "dts"
        | "date"
        | "birth date"
        | "death date"
        | "film date"
        | "start and end dates"
        | "end and start dates" => date_template(&name, &pos(seen)).unwrap_or_else(|| {
            seen.unknown.push(raw_name.trim().to_string());
            String::new()
        }),
        "oldstyledate" | "old style date" | "osdate" => {
            let p = pos(seen);
            match p.as_slice() {
                [ns, year, os, ..] => format!("{ns} {year} (O.S. {os})"),
                [ns, year] => format!("{ns} {year}"),
                _ => String::new(),
            }
        }
        "plainlist" | "plain list" | "flatlist" | "flat list" | "startplainlist" => {
            match named(&ps, "1").or(ps.first()) {
                Some(p) => value(p, seen),
                None => String::new(),
            }
        }
        "unbulleted list" | "ubl" | "ublist" | "ubt" | "unbulleted" | "hlist" | "bulleted list"
        | "blist" | "bulleted" | "collapsible list" | "plain list items" | "ordered list" => {
            let mut items = Vec::new();
            for p in ps
                .iter()
                .filter(|p| p.name.bytes().all(|c| c.is_ascii_digit()))
            {
                let v = value(p, seen);
                if !v.trim().is_empty() {
                    items.push(format!("* {}", v.trim()));
                }
            }
            format!("\n{}\n", items.join("\n"))
        }
        "pagename" | "pagenamebase" => String::new(),
        _ if silent(&name) => String::new(),
        _ => {
            seen.unknown.push(raw_name.trim().to_string());
            String::new()
        }
    };
    out.push_str(&s);
}

/// The date templates as English text.
fn date_template(name: &str, p: &[String]) -> Option<String> {
    let get = |k: usize| p.get(k).map(String::as_str);
    let one = |from: usize| -> Option<String> {
        let y = get(from)?;
        // Text forms: `{{start-date|December 21, 1968, 12:51:00}}`.
        if !y
            .trim_start_matches('-')
            .bytes()
            .all(|c| c.is_ascii_digit())
        {
            return Some(strip_time(y));
        }
        ymd_text(y, get(from + 1), get(from + 2))
    };
    match name {
        "start and end dates" | "end and start dates" => {
            let a = one(0)?;
            let b = ymd_text(get(3)?, get(4), get(5))?;
            Some(format!("{a} – {b}"))
        }
        _ => one(0),
    }
}

/// Drop a time of day and zone after a date: "December 21, 1968, 12:51:00 UTC".
pub fn strip_time(s: &str) -> String {
    let b = s.as_bytes();
    let cut = (0..b.len()).find(|&i| {
        b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (b.get(i + 1) == Some(&b':')
                || (b.get(i + 1).is_some_and(u8::is_ascii_digit) && b.get(i + 2) == Some(&b':')))
    });
    let t = match cut {
        Some(i) => &s[..i],
        None => s,
    };
    t.trim().trim_end_matches([',', '(', ' ']).to_string()
}

/// A country code as flag templates take it (`{{flagcountry|USA}}`), as the country's name.
/// Current IOC/ISO codes and the historical ones the flag templates know.
pub fn flag_code(code: &str) -> Option<&'static str> {
    Some(match code.trim() {
        "USA" | "US" => "United States",
        "CSA" => "Confederate States",
        "UK" | "GBR" | "GB" => "United Kingdom",
        "URS" | "USSR" | "SUN" => "Soviet Union",
        "FRA" => "France",
        "GER" | "DEU" => "Germany",
        "FRG" => "West Germany",
        "GDR" | "DDR" => "East Germany",
        "ITA" => "Italy",
        "ESP" => "Spain",
        "POR" | "PRT" => "Portugal",
        "NED" | "NLD" => "Netherlands",
        "BEL" => "Belgium",
        "AUT" => "Austria",
        "SUI" | "CHE" => "Switzerland",
        "SWE" => "Sweden",
        "NOR" => "Norway",
        "DEN" | "DNK" => "Denmark",
        "FIN" => "Finland",
        "POL" => "Poland",
        "RUS" => "Russia",
        "UKR" => "Ukraine",
        "TUR" => "Turkey",
        "GRE" | "GRC" => "Greece",
        "JPN" => "Japan",
        "CHN" | "PRC" => "China",
        "ROC" | "TWN" => "Taiwan",
        "KOR" => "South Korea",
        "PRK" => "North Korea",
        "IND" => "India",
        "PAK" => "Pakistan",
        "CAN" => "Canada",
        "MEX" => "Mexico",
        "BRA" => "Brazil",
        "ARG" => "Argentina",
        "AUS" => "Australia",
        "NZL" => "New Zealand",
        "RSA" | "ZAF" => "South Africa",
        "EGY" => "Egypt",
        "ISR" => "Israel",
        "IRN" => "Iran",
        "IRQ" => "Iraq",
        "YUG" => "Yugoslavia",
        "TCH" | "CSK" => "Czechoslovakia",
        "VIE" | "VNM" => "Vietnam",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::Doc;

    fn r(s: &str) -> (String, Vec<String>) {
        let d = Doc::parse(s);
        let mut seen = Seen::default();
        (text::tidy(&text::plain(&d, 0, &mut seen)), seen.unknown)
    }

    #[test]
    fn dates() {
        assert_eq!(r("{{Start date|1066|10|14|df=y}}").0, "October 14, 1066");
        assert_eq!(r("{{start date|1944|6}}").0, "June 1944");
        assert_eq!(
            r("{{Start and end dates|1914|7|28|1918|11|11}}").0,
            "July 28, 1914 – November 11, 1918"
        );
        assert_eq!(
            r("{{start-date|December 21, 1968, 12:51:00|timezone=yes}}").0,
            "December 21, 1968"
        );
        assert_eq!(r("{{start date|-43|3|15}}").0, "March 15, 44 BC");
        assert_eq!(
            r("{{OldStyleDate|8 September|1380|28 August}}").0,
            "8 September 1380 (O.S. 28 August)"
        );
        assert_eq!(r("{{circa|1274 BC}}").0, "c. 1274 BC");
    }

    #[test]
    fn wrappers_flags_lists_and_unknowns() {
        assert_eq!(r("{{flagcountry|USA|1863}}").0, "United States");
        assert_eq!(r("{{flag|CSA}}").0, "Confederate States");
        assert_eq!(
            r("{{flagcountry|Kingdom of Great Britain}}").0,
            "Kingdom of Great Britain"
        );
        assert_eq!(
            r("{{flag|Dutch Republic|name=Netherlands}}").0,
            "Netherlands"
        );
        assert_eq!(r("{{flagicon|France}} [[France]]").0, "France");
        assert_eq!(r("{{convert|5|km|mi}}").0, "5 km");
        assert_eq!(r("{{convert|5|to|10|km}}").0, "5 to 10 km");
        assert_eq!(r("{{lang|fr|la Bataille}}").0, "la Bataille");
        assert_eq!(r("{{ubl|A|B}}").0, "* A * B");
        let (t, unknown) = r("a {{Mystery|x}} b {{cn|date=May 2020}}");
        assert_eq!(t, "a b");
        assert_eq!(unknown, ["Mystery"]);
    }
}
