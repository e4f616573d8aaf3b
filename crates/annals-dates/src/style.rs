//! How each language writes dates: its words (months, seasons, eras, "about", "between … and
//! …") and where the numbers go ("March 15, 44 BC", "15 mars 44 av. J.-C.", "15. März 44 v.
//! Chr.", "15 de marzo de 44 a. C."). [`crate::written`] builds a date's text from one of these;
//! what it writes, [`crate::lang`] reads back.
//!
//! A pattern holds `{y}` (a year), `{d}` (a day), `{m}` (a month's name), `{n}` (a number),
//! `{x}`, `{a}` and `{b}` (whole dates), and `{s}` (a season).

use crate::lang::Language;

/// One language's way of writing dates.
pub(crate) struct Style {
    pub months: [&'static str; 12],
    pub seasons: [&'static str; 4],
    /// The first day of a month when it is not "1" (French "1er").
    pub first_day: &'static str,
    pub day: &'static str,
    /// A day of a month without its year ("December 5", "5 décembre").
    pub day_month: &'static str,
    pub month: &'static str,
    pub season: &'static str,
    pub quarter: &'static str,
    /// Early, middle and late in a year.
    pub parts: [&'static str; 3],
    /// The first and second half of a year.
    pub halves: [&'static str; 2],
    pub bc: &'static str,
    pub ad: &'static str,
    pub about: &'static str,
    pub and: &'static str,
    pub or: &'static str,
    pub between: &'static str,
    pub or_earlier: &'static str,
    pub or_later: &'static str,
    pub until: &'static str,
    pub onwards: &'static str,
    /// A decade (`{n}` its first year).
    pub decade: &'static str,
    /// A century written as its hundreds ("the 1800s" for `18XX`), or `None` for its years.
    pub hundreds: Option<&'static str>,
    /// Between groups of three digits, and before decimals.
    pub thousands: &'static str,
    pub decimal: &'static str,
    /// Deep time: billions (`None`: in millions, as Spanish counts), millions, years.
    pub billions: Option<&'static str>,
    pub millions: &'static str,
    pub years_ago: &'static str,
    /// A day as a timeline's period ("14 October 1066").
    pub day_label: &'static str,
    /// A decade as a period (`{n}` its first year: "1960s", "années 1960").
    pub decade_label: &'static str,
    /// A century and a millennium (`{n}` its ordinal: "20th century", "XXe siècle").
    pub century: &'static str,
    pub millennium: &'static str,
    /// How the ordinal of a century or millennium is written.
    pub ordinals: Ordinals,
    /// A Julian date's note, without and with its Gregorian day (`{d}`).
    pub julian: &'static str,
    pub julian_gregorian: &'static str,
}

pub(crate) const ENGLISH: Style = Style {
    months: crate::day::MONTH_NAMES,
    seasons: ["spring", "summer", "autumn", "winter"],
    first_day: "1",
    day: "{m} {d}, {y}",
    day_month: "{m} {d}",
    month: "{m} {y}",
    season: "{s} {y}",
    quarter: "Q{n} {y}",
    parts: ["early {y}", "mid-{y}", "late {y}"],
    halves: ["first half of {y}", "second half of {y}"],
    bc: "{y} BC",
    ad: "AD {y}",
    about: "c. {x}",
    and: "and",
    or: "or",
    between: "between {a} and {b}",
    or_earlier: "{x} or earlier",
    or_later: "{x} or later",
    until: "until {x}",
    onwards: "{x} onwards",
    decade: "the {n}s",
    hundreds: Some("the {n}s"),
    thousands: ",",
    decimal: ".",
    billions: Some("{n} billion years ago"),
    millions: "{n} million years ago",
    years_ago: "{n} years ago",
    day_label: "{d} {m} {y}",
    decade_label: "{n}s",
    century: "{n} century",
    millennium: "{n} millennium",
    ordinals: Ordinals::English,
    julian: "Julian calendar",
    julian_gregorian: "Julian calendar; Gregorian {d}",
};

const FRENCH: Style = Style {
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    seasons: ["printemps", "été", "automne", "hiver"],
    first_day: "1er",
    day: "{d} {m} {y}",
    day_month: "{d} {m}",
    month: "{m} {y}",
    season: "{s} {y}",
    quarter: "{n}e trimestre {y}",
    parts: ["début {y}", "milieu {y}", "fin {y}"],
    halves: ["première moitié de {y}", "seconde moitié de {y}"],
    bc: "{y} av. J.-C.",
    ad: "{y} apr. J.-C.",
    about: "vers {x}",
    and: "et",
    or: "ou",
    between: "entre {a} et {b}",
    or_earlier: "{x} ou avant",
    or_later: "{x} ou après",
    until: "jusqu'en {x}",
    onwards: "à partir de {x}",
    decade: "les années {n}",
    hundreds: None,
    thousands: "\u{a0}",
    decimal: ",",
    billions: Some("il y a {n} milliards d'années"),
    millions: "il y a {n} millions d'années",
    years_ago: "il y a {n} ans",
    day_label: "{d} {m} {y}",
    decade_label: "années {n}",
    century: "{n} siècle",
    millennium: "{n} millénaire",
    ordinals: Ordinals::French,
    julian: "calendrier julien",
    julian_gregorian: "calendrier julien ; grégorien {d}",
};

const GERMAN: Style = Style {
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    seasons: ["Frühjahr", "Sommer", "Herbst", "Winter"],
    first_day: "1",
    day: "{d}. {m} {y}",
    day_month: "{d}. {m}",
    month: "{m} {y}",
    season: "{s} {y}",
    quarter: "{n}. Quartal {y}",
    parts: ["Anfang {y}", "Mitte {y}", "Ende {y}"],
    halves: ["erste Hälfte {y}", "zweite Hälfte {y}"],
    bc: "{y} v. Chr.",
    ad: "{y} n. Chr.",
    about: "um {x}",
    and: "und",
    or: "oder",
    between: "zwischen {a} und {b}",
    or_earlier: "{x} oder früher",
    or_later: "{x} oder später",
    until: "bis {x}",
    onwards: "ab {x}",
    decade: "die {n}er Jahre",
    hundreds: None,
    thousands: ".",
    decimal: ",",
    billions: Some("vor {n} Milliarden Jahren"),
    millions: "vor {n} Millionen Jahren",
    years_ago: "vor {n} Jahren",
    day_label: "{d}. {m} {y}",
    decade_label: "{n}er",
    century: "{n} Jahrhundert",
    millennium: "{n} Jahrtausend",
    ordinals: Ordinals::German,
    julian: "julianischer Kalender",
    julian_gregorian: "julianischer Kalender; gregorianisch {d}",
};

const SPANISH: Style = Style {
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    seasons: ["primavera", "verano", "otoño", "invierno"],
    first_day: "1",
    day: "{d} de {m} de {y}",
    day_month: "{d} de {m}",
    month: "{m} de {y}",
    season: "{s} de {y}",
    quarter: "{n}.º trimestre de {y}",
    parts: ["principios de {y}", "mediados de {y}", "finales de {y}"],
    halves: ["primera mitad de {y}", "segunda mitad de {y}"],
    bc: "{y} a. C.",
    ad: "{y} d. C.",
    about: "hacia {x}",
    and: "y",
    or: "o",
    between: "entre {a} y {b}",
    or_earlier: "{x} o antes",
    or_later: "{x} o después",
    until: "hasta {x}",
    onwards: "desde {x}",
    decade: "los años {n}",
    hundreds: None,
    thousands: "\u{a0}",
    decimal: ",",
    billions: None,
    millions: "hace {n} millones de años",
    years_ago: "hace {n} años",
    day_label: "{d} de {m} de {y}",
    decade_label: "años {n}",
    century: "siglo {n}",
    millennium: "milenio {n}",
    ordinals: Ordinals::Roman,
    julian: "calendario juliano",
    julian_gregorian: "calendario juliano; gregoriano {d}",
};

/// How a language writes the ordinal of a century: "20th", "XXe" ("Ier" for the first),
/// "20.", "XX".
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ordinals {
    English,
    French,
    German,
    Roman,
}

impl Ordinals {
    fn write(self, n: i64) -> String {
        match self {
            Ordinals::English => crate::period::ordinal(n),
            Ordinals::French if n == 1 => "Ier".into(),
            Ordinals::French => format!("{}e", roman(n)),
            Ordinals::German => format!("{n}."),
            Ordinals::Roman => roman(n),
        }
    }
}

/// `n` in Roman numerals (Arabic past 3999).
fn roman(n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const DIGITS: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut left = n;
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while left >= value {
            out.push_str(digits);
            left -= value;
        }
    }
    out
}

/// How `lang` writes dates.
pub(crate) fn style(lang: Language) -> &'static Style {
    match lang {
        Language::English => &ENGLISH,
        Language::French => &FRENCH,
        Language::German => &GERMAN,
        Language::Spanish => &SPANISH,
    }
}

/// `pattern` with each `{key}` replaced by its value.
pub(crate) fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

impl Style {
    /// An astronomical year: `1960`, `44 BC` (year 0 is 1 BC).
    pub fn year(&self, year: i64) -> String {
        if year <= 0 {
            fill(self.bc, &[("y", &(1 - i128::from(year)).to_string())])
        } else {
            year.to_string()
        }
    }

    /// A year after the epoch with its era word: "AD 14", "14 apr. J.-C.".
    pub fn ad_year(&self, text: &str) -> String {
        fill(self.ad, &[("y", text)])
    }

    /// `1234567` → "1,234,567" (English), "1 234 567" (French); four digits stay as they are.
    pub fn grouped(&self, n: i64) -> String {
        if n.unsigned_abs() < 10_000 {
            return n.to_string();
        }
        let out = crate::period::thousands_with(n.unsigned_abs(), self.thousands);
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    }

    /// The number of a day in its month: "1er" in French, else the digits.
    pub fn day_number(&self, day: u8) -> String {
        if day == 1 {
            self.first_day.to_string()
        } else {
            day.to_string()
        }
    }

    /// A count of things: "12,345" in English, "1234" and "12 345" in French (a group of four
    /// digits stays whole there, as in Spanish).
    pub fn count(&self, n: u64) -> String {
        if self.thousands == "\u{a0}" && n < 10_000 {
            return n.to_string();
        }
        crate::period::thousands_with(n, self.thousands)
    }

    /// A day of a month: "March 15, 44 BC".
    pub fn day(&self, day: u8, month: u8, year: i64) -> String {
        let d = self.day_number(day);
        let m = self.months[usize::from(month.clamp(1, 12) - 1)];
        fill(self.day, &[("d", &d), ("m", m), ("y", &self.year(year))])
    }

    /// A day of a month, without its year: "March 15", "15 mars".
    pub fn day_month(&self, day: u8, month: u8) -> String {
        let d = self.day_number(day);
        let m = self.months[usize::from(month.clamp(1, 12) - 1)];
        fill(self.day_month, &[("d", &d), ("m", m)])
    }

    /// A month of a year: "March 44 BC".
    pub fn month(&self, month: u8, year: i64) -> String {
        let m = self.months[usize::from(month.clamp(1, 12) - 1)];
        fill(self.month, &[("m", m), ("y", &self.year(year))])
    }

    /// The `n`th century (negative: before Christ): "20th century", "5th century BC".
    pub fn century(&self, n: i64) -> String {
        let named = |k: i64| fill(self.century, &[("n", &self.ordinals.write(k))]);
        if n > 0 {
            named(n)
        } else {
            fill(self.bc, &[("y", &named(-n))])
        }
    }

    /// The `n`th millennium (negative: before Christ): "1st millennium BC".
    pub fn millennium(&self, n: i64) -> String {
        let named = |k: i64| fill(self.millennium, &[("n", &self.ordinals.write(k))]);
        if n > 0 {
            named(n)
        } else {
            fill(self.bc, &[("y", &named(-n))])
        }
    }

    /// A decimal number with the language's decimal sign: "4.5", "4,5".
    pub fn decimal(&self, text: &str) -> String {
        text.replace('.', self.decimal)
    }

    /// A span of astronomical years: "1914–1918", "AD 14–30", "100–44 BC", "44 BC – AD 14".
    pub fn years(&self, a: i64, b: i64) -> String {
        if a == b {
            return self.year(a);
        }
        match (a >= 1, b >= 1) {
            (true, true) if a < 100 => self.ad_year(&format!("{a}–{b}")),
            (true, true) => format!("{}–{}", self.grouped(a), self.grouped(b)),
            (false, false) => fill(
                self.bc,
                &[(
                    "y",
                    &format!("{}–{}", self.grouped(1 - a), self.grouped(1 - b)),
                )],
            ),
            _ => format!(
                "{} – {}",
                fill(self.bc, &[("y", &self.grouped(1 - a))]),
                self.ad_year(&self.grouped(b))
            ),
        }
    }
}
