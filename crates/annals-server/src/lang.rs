//! The reader's language: which one a request asks for (`?lang=`, the `annals-lang` cookie the
//! switcher sets, `Accept-Language`: [`annals_i18n::choose`]), kept for the time the request
//! is served so every page, heading and date of it speaks that language, and the switcher's
//! route. A language chosen by the address holds for the rest of the visit (a session cookie),
//! so the links and forms of a `?lang=fr` page answer in French. Responses say which headers chose (`Vary`) and in which language they are
//! (`Content-Language`).

use annals_i18n::{Arg, Language};
use axum::extract::{Query, Request};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The cookie that keeps a reader's choice (the switcher's, for a year).
pub const COOKIE: &str = "annals-lang";

/// The cookie that keeps the language an address chose (`?lang=`), for the browser's session:
/// it wins over [`COOKIE`] until the reader uses the switcher, which clears it.
pub const VISIT_COOKIE: &str = "annals-lang-visit";

/// What the request being served says of its reader.
#[derive(Debug, Clone)]
struct Reader {
    lang: Language,
    /// The path and query asked for, without `lang` (where the switcher comes back to).
    here: String,
}

tokio::task_local! {
    static READER: Reader;
}

/// The language of the request being served (English outside one).
pub fn current() -> Language {
    READER.try_with(|r| r.lang).unwrap_or(Language::English)
}

/// The path and query of the request being served, without its `lang` ("/" outside one).
pub fn here() -> String {
    READER
        .try_with(|r| r.here.clone())
        .unwrap_or_else(|_| "/".into())
}

/// The message `id` in the request's language.
pub fn t(id: &str) -> String {
    annals_i18n::text(current(), id)
}

/// The message `id` with its arguments in the request's language.
pub fn tw(id: &str, args: &[(&str, Arg)]) -> String {
    annals_i18n::text_with(current(), id, args)
}

/// The message `id` with markup for arguments (a link, a code element): the message's own
/// words escaped, each argument's markup where the language puts it ("Editing <a>…</a>",
/// "„<a>…</a>“ bearbeiten").
pub fn tm(id: &str, args: &[(&str, maud::Markup)]) -> maud::Markup {
    // Each argument stands in the text as a mark no message contains: U+E000, its index, U+E001.
    let marks: Vec<String> = (0..args.len())
        .map(|i| format!("\u{E000}{i}\u{E001}"))
        .collect();
    let texts: Vec<(&str, Arg)> = args
        .iter()
        .zip(&marks)
        .map(|((name, _), mark)| (*name, Arg::Text(mark)))
        .collect();
    let text = tw(id, &texts);
    let escaped = |s: &str| maud::html! { (s) }.into_string();
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find('\u{E000}') {
        out.push_str(&escaped(&rest[..start]));
        let after = &rest[start + '\u{E000}'.len_utf8()..];
        let Some(end) = after.find('\u{E001}') else {
            rest = after;
            break;
        };
        if let Some((_, markup)) = after[..end].parse::<usize>().ok().and_then(|i| args.get(i)) {
            out.push_str(&markup.0);
        }
        rest = &after[end + '\u{E001}'.len_utf8()..];
    }
    out.push_str(&escaped(rest));
    maud::PreEscaped(out)
}

/// The `lang` parameter of a query string.
fn url_lang(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "lang")
        .map(|(_, v)| v)
}

/// The language a request asks for.
pub fn of(req: &Request) -> Language {
    let headers = req.headers();
    let cookie = |name: &str| {
        crate::auth::cookie(headers, name)
            .and_then(Language::from_code)
            .map(Language::code)
    };
    annals_i18n::choose(
        url_lang(req.uri().query()),
        cookie(VISIT_COOKIE).or_else(|| cookie(COOKIE)),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// Serve the request in the language it asks for.
pub async fn choose(req: Request, next: Next) -> Response {
    let headers = req.headers();
    let lang = of(&req);
    // A language the address chose holds for the rest of the visit: its links and forms do
    // not carry `lang`, so a cookie for the browser's session keeps it, beside the switcher's
    // choice (kept for a year, and in force again when the browser is closed).
    let visit = url_lang(req.uri().query())
        .and_then(Language::from_code)
        .filter(|l| crate::auth::cookie(headers, VISIT_COOKIE) != Some(l.code()));
    let path = req.uri().path().to_string();
    let rest: Vec<&str> = req
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("lang="))
        .collect();
    let here = if rest.is_empty() {
        path
    } else {
        format!("{path}?{}", rest.join("&"))
    };
    let mut resp = READER.scope(Reader { lang, here }, next.run(req)).await;
    let h = resp.headers_mut();
    let html = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        h.append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
        if let Ok(v) = HeaderValue::from_str(lang.code()) {
            h.insert(header::CONTENT_LANGUAGE, v);
        }
    }
    // a page, or a redirect to one (a moved event), keeps the address's language
    if let Some(l) = visit.filter(|_| html || resp.status().is_redirection()) {
        let c = format!("{VISIT_COOKIE}={}; Path=/; SameSite=Lax", l.code());
        if let Ok(v) = HeaderValue::from_str(&c) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

/// Query of `/language`.
#[derive(Debug, Deserialize)]
pub struct Switch {
    /// The language to read in: `en`, `fr`, `de`, `es`.
    to: String,
    /// Where to go back to: a path on this site.
    back: Option<String>,
}

/// `GET /language?to=fr&back=/events/x`: keep the choice in a cookie (a year) and go back.
pub async fn switch(Query(s): Query<Switch>) -> Response {
    let back = s
        .back
        .filter(|b| local_path(b))
        .unwrap_or_else(|| "/".into());
    let mut resp = Redirect::to(&back).into_response();
    if let Some(lang) = Language::from_code(&s.to) {
        let c = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&c) {
            resp.headers_mut().insert(header::SET_COOKIE, v);
        }
        // the choice replaces what an address chose for this visit
        let end = format!("{VISIT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax");
        if let Ok(v) = HeaderValue::from_str(&end) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

/// Whether `back` is a path on this site and nothing a browser could read as another site's
/// address (`//host`, `/\\host`, or `/<tab>/host`: browsers drop tabs and line breaks).
fn local_path(back: &str) -> bool {
    back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && !back.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The switcher: each language by its own name, linking to [`switch`] and back here.
pub fn switcher() -> maud::Markup {
    let now = current();
    let here = here();
    maud::html! {
        nav.languages aria-label=(t("footer-language")) {
            @for l in Language::ALL {
                @if l == now {
                    span lang=(l.code()) aria-current="true" { (annals_i18n::native_name(l)) }
                } @else {
                    a lang=(l.code()) hreflang=(l.code())
                        href=(format!("/language?to={}&back={}", l.code(), crate::pages::enc(&here))) {
                        (annals_i18n::native_name(l))
                    }
                }
                " "
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    #[test]
    fn the_choice_is_read_from_the_cookie_and_the_query() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; annals-lang=de; b=2"),
        );
        assert_eq!(crate::auth::cookie(&h, COOKIE), Some("de"));
        assert_eq!(url_lang(Some("q=x&lang=es")), Some("es"));
        assert_eq!(url_lang(Some("q=lang")), None);
        assert_eq!(url_lang(None), None);
    }

    #[test]
    fn the_switcher_only_goes_back_to_this_site() {
        assert!(local_path("/events/x?lang=fr"));
        for far in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "https://evil.example",
            "/a b",
            "",
        ] {
            assert!(!local_path(far), "{far:?}");
        }
    }

    #[tokio::test]
    async fn the_language_holds_for_the_request() {
        assert_eq!(current(), Language::English);
        let reader = Reader {
            lang: Language::French,
            here: "/map".into(),
        };
        let inside = READER.scope(reader, async { (t("nav-map"), here()) }).await;
        assert_eq!(inside, ("Carte".to_string(), "/map".to_string()));
        let link = maud::html! { a href="/events/x" { "Hastings & co" } };
        let de = READER
            .scope(
                Reader {
                    lang: Language::German,
                    here: "/".into(),
                },
                async { tm("edit-editing", &[("title", link.clone())]).into_string() },
            )
            .await;
        assert_eq!(
            de,
            "„<a href=\"/events/x\">Hastings &amp; co</a>“ bearbeiten"
        );
        assert_eq!(
            tm("edit-editing", &[("title", link)]).into_string(),
            "Editing <a href=\"/events/x\">Hastings &amp; co</a>"
        );
        assert_eq!(t("nav-map"), "Map");
        assert_eq!(here(), "/");
    }
}
