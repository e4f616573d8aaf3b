//! The interface in the reader's language. Every text annals shows a person (the pages'
//! headings, labels, buttons and sentences) is a Fluent message (<https://projectfluent.org>)
//! in `locales/<code>.ftl`, one file per language: English (`en`, the reference: every
//! message exists in it), French, German and Spanish. A message missing from a language falls
//! back to English; a test keeps the four complete and their arguments the same.
//!
//! Which language a request gets is [`choose`]: the URL's `?lang=`, else the reader's own
//! choice (a cookie the switcher sets), else the browser's `Accept-Language`, else English.
//! Dates are written in the same language by [`annals_dates::written`].
//!
//! To add a language: add it to [`annals_dates::lang::Language`] (with its date words), copy
//! `locales/en.ftl` to `locales/<code>.ftl` and translate it, and list it in [`SOURCES`].

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

pub use annals_dates::lang::Language;

/// The messages of each language, in [`Language::ALL`]'s order.
pub const SOURCES: [(Language, &str); 4] = [
    (Language::English, include_str!("../locales/en.ftl")),
    (Language::French, include_str!("../locales/fr.ftl")),
    (Language::German, include_str!("../locales/de.ftl")),
    (Language::Spanish, include_str!("../locales/es.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, source)| {
                let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Plain text in HTML: no Unicode isolation marks around arguments.
                bundle.set_use_isolating(false);
                // A resource that does not parse keeps the messages that do (a test fails on
                // any error, so none ships).
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(partial, _)| partial);
                let _ = bundle.add_resource(resource);
                bundle
            })
            .collect()
    })
}

fn bundle(lang: Language) -> &'static Bundle {
    let all = bundles();
    let i = Language::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &all[i.min(all.len() - 1)]
}

/// An argument of a message: a text, or a number (which picks plural forms).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Shown as it is.
    Text(&'a str),
    /// A count: selects `[one]`/`[other]`; shown with the language's digit grouping.
    Count(u64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Count(n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(n as u64)
    }
}

/// The message `id` in `lang` (English when `lang` lacks it; the id itself when English does).
pub fn text(lang: Language, id: &str) -> String {
    text_with(lang, id, &[])
}

/// The message `id` in `lang` with its arguments.
pub fn text_with(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    format_in(lang, id, args)
        .or_else(|| format_in(Language::English, id, args))
        .unwrap_or_else(|| id.to_string())
}

fn format_in(lang: Language, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut fargs = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Text(s) => fargs.set(*name, FluentValue::from(*s)),
            Arg::Count(n) => {
                // the number for plural rules, and `<name>-shown` grouped as the language does
                fargs.set(*name, FluentValue::from(*n));
                fargs.set(
                    format!("{name}-shown"),
                    FluentValue::from(grouped(lang, *n)),
                );
            }
        }
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
    Some(out.into_owned())
}

/// The words the pages' scripts use (`js-…` messages) in `lang`, with each argument left as
/// `{name}` for the script to fill; made once per language (every page with a script asks).
pub fn script_words(lang: Language) -> &'static [(String, String)] {
    static WORDS: OnceLock<Vec<Vec<(String, String)>>> = OnceLock::new();
    let all = WORDS.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|l| make_script_words(*l))
            .collect()
    });
    let i = Language::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &all[i]
}

fn make_script_words(lang: Language) -> Vec<(String, String)> {
    messages(Language::English)
        .into_iter()
        .filter(|(id, _)| id.starts_with("js-"))
        .map(|(id, vars)| {
            let marks: Vec<String> = vars.iter().map(|v| format!("{{{v}}}")).collect();
            let args: Vec<(&str, Arg)> = vars
                .iter()
                .zip(&marks)
                .map(|(v, m)| (v.as_str(), Arg::Text(m)))
                .collect();
            let text = text_with(lang, &id, &args);
            (id, text)
        })
        .collect()
}

/// A count with its thousands grouped as `lang` writes them: "12,345", "12 345", "12.345"
/// ([`annals_dates::written::count_written_in`]).
pub fn grouped(lang: Language, n: u64) -> String {
    annals_dates::written::count_written_in(n, lang)
}

/// A language's own name, for the switcher: "English", "Français", "Deutsch", "Español".
pub fn native_name(lang: Language) -> &'static str {
    match lang {
        Language::English => "English",
        Language::French => "Français",
        Language::German => "Deutsch",
        Language::Spanish => "Español",
    }
}

/// The language a request asks for: `url` (`?lang=fr`), else `cookie` (the reader's choice),
/// else the first of `accept` (an `Accept-Language` header) annals has, else English.
pub fn choose(url: Option<&str>, cookie: Option<&str>, accept: Option<&str>) -> Language {
    url.and_then(Language::from_code)
        .or_else(|| cookie.and_then(Language::from_code))
        .or_else(|| accept.and_then(from_accept_language))
        .unwrap_or(Language::English)
}

/// The language an `Accept-Language` header prefers among annals's (`fr-CH, fr;q=0.9,
/// en;q=0.8` is French), by quality and then by order; `None` when it names none of them.
pub fn from_accept_language(header: &str) -> Option<Language> {
    let mut best: Option<(f32, usize, Language)> = None;
    for (i, part) in header.split(',').enumerate().take(32) {
        let mut bits = part.split(';');
        let tag = bits.next().unwrap_or("").trim();
        let q = bits
            .filter_map(|b| b.trim().strip_prefix("q="))
            .find_map(|v| v.trim().parse::<f32>().ok())
            .filter(|q| q.is_finite())
            .unwrap_or(1.0);
        let Some(lang) = Language::from_code(tag) else {
            continue;
        };
        if q <= 0.0 {
            continue;
        }
        if best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
            best = Some((q, i, lang));
        }
    }
    best.map(|(_, _, l)| l)
}

/// Every message id of `lang`'s file with the names of its arguments (for the tests that keep
/// the languages complete).
pub fn messages(lang: Language) -> Vec<(String, Vec<String>)> {
    use fluent_bundle::FluentResource;
    let source = SOURCES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, s)| *s)
        .unwrap_or("");
    let Ok(resource) = FluentResource::try_new(source.to_string()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let mut vars = Vec::new();
            if let Some(p) = &m.value {
                variables(p, &mut vars);
            }
            vars.sort();
            vars.dedup();
            out.push((m.id.name.to_string(), vars));
        }
    }
    out
}

fn variables(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            let inline = match expression {
                Expression::Inline(i) => Some(i),
                Expression::Select { selector, variants } => {
                    for v in variants {
                        variables(&v.value, out);
                    }
                    Some(selector)
                }
            };
            if let Some(InlineExpression::VariableReference { id }) = inline {
                out.push(id.name.trim_end_matches("-shown").to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests;
