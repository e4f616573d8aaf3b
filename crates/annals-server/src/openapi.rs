//! The OpenAPI 3.1 document at `/api/openapi.json`, built from the code: paths, methods,
//! parameters and responses come from the handlers' `#[utoipa::path]` annotations, and the
//! query parameters from the very types the handlers read them into (`IntoParams`), so the
//! document cannot offer a parameter the server does not read. The bodies' JSON schemas (an
//! event, a search result, ...) are in `assets/schemas.json`; the conformance run
//! (`scripts/conformance`, schemathesis) checks the server's answers against them.

use crate::api;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::borrow::Cow;
use std::sync::OnceLock;
use utoipa::openapi::schema::{ObjectBuilder, Schema};
use utoipa::openapi::RefOr;
use utoipa::OpenApi;

/// The body schemas, named as in `assets/schemas.json` (the document takes their
/// definitions from that file).
pub mod bodies {
    use super::*;

    macro_rules! named {
        ($($name:ident),* $(,)?) => {$(
            #[doc = concat!("The `", stringify!($name), "` schema of `assets/schemas.json`.")]
            pub struct $name;
            impl utoipa::PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    // Replaced by the definition in assets/schemas.json (see `document`).
                    ObjectBuilder::new().into()
                }
            }
            impl utoipa::ToSchema for $name {
                fn name() -> Cow<'static, str> {
                    Cow::Borrowed(stringify!($name))
                }
            }
        )*};
    }

    named!(
        Error,
        Event,
        EventList,
        SearchResult,
        Timeline,
        Points,
        MapCells,
        OnThisDay,
        Related,
        Participants,
        Countries,
        ImportReport,
        AnyJson,
        DateReading,
        PlaceCompletions,
        ParticipantCompletions,
        Revisions,
        RevertRequest,
        Profile,
        ProfileRequest,
        ProfileRevisions,
        MergeNamesRequest,
        Story,
        StoryList,
        StoryRevisions,
        Oembed,
        Upload
    );
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "annals",
        description = "The annals historical events engine. Reading is open; writing needs `Authorization: Bearer TOKEN` \
(a server started without a token is read-only). Errors are `{\"error\": {\"code\", \"message\"}}` with a stable code \
(docs/api.md). The query language is described in docs/query.md; limits (body sizes, timeouts, rates) in docs/deploy.md."
    ),
    paths(
        api::explore::search,
        api::events::list,
        api::events::create,
        api::events::get_event,
        api::events::update,
        api::events::delete,
        api::events::related,
        api::explore::timeline,
        api::explore::points,
        api::explore::map,
        api::explore::on_this_day,
        api::explore::participants,
        api::explore::places,
        api::transfer::export,
        api::transfer::import,
        crate::files::upload,
        api::history::revisions,
        api::history::revert,
        api::profiles::get_profile,
        api::profiles::put_profile,
        api::profiles::revisions,
        api::profiles::merge,
        api::stories::list,
        api::stories::get_story,
        api::stories::timelinejs,
        api::stories::put_story,
        api::stories::delete_story,
        api::stories::revisions,
        api::oembed::oembed,
        api::assist::dates,
        api::assist::places,
        api::assist::participants,
    ),
    tags(
        (name = "events", description = "Reading and writing events"),
        (name = "explore", description = "Search, timeline, map, on this day"),
        (name = "transfer", description = "Import and export"),
        (name = "media", description = "Pictures kept by annals itself, for events', stops' and profiles' media"),
        (name = "history", description = "Every state of an event: who changed what, and putting one back"),
        (name = "embed", description = "oEmbed: a page of this site as an iframe for another"),
        (name = "profiles", description = "Participants and places beyond their events: description, dates, ids, other names"),
        (name = "stories", description = "Stories: guided tours through events, stop by stop"),
        (name = "assist", description = "Help for editors: how a date reads, names completed"),
    )
)]
struct Doc;

/// The document, as JSON text.
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = serde_json::to_value(Doc::openapi()).unwrap_or_default();
        let schemas: serde_json::Value =
            serde_json::from_str(include_str!("../assets/schemas.json")).unwrap_or_default();
        doc["openapi"] = "3.1.0".into();
        doc["info"]["version"] = env!("CARGO_PKG_VERSION").into();
        doc["components"]["schemas"] = schemas;
        doc["components"]["securitySchemes"] =
            serde_json::json!({"bearer": {"type": "http", "scheme": "bearer"}});
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    })
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], document()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every schema a path names is defined, and every defined schema is used.
    #[test]
    fn every_reference_resolves() {
        let doc: serde_json::Value = serde_json::from_str(document()).unwrap();
        let text = document();
        let defined: Vec<&String> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        for r in text.split("\"#/components/schemas/").skip(1) {
            let name = &r[..r.find('"').unwrap()];
            assert!(
                defined.iter().any(|d| d.as_str() == name),
                "{name} is not defined"
            );
        }
        for d in defined {
            assert!(
                text.contains(&format!("\"#/components/schemas/{d}\"")),
                "{d} is never used"
            );
        }
        assert_eq!(doc["openapi"], "3.1.0");
        assert!(doc["paths"]["/api/search"]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "q"));
    }
}
