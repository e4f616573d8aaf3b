//! Which infoboxes mean an event, and which fields say what.

use crate::templates::norm;

/// What kind of page an infobox makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// An event infobox: the page is an event.
    Event,
    /// A person.
    Person,
    /// A place.
    Place,
    /// Anything else (a book, a language, an organisation, ...).
    Other,
}

/// Event infoboxes, by name after `Infobox ` (normalised), with their redirects and aliases.
const EVENT: &[&str] = &[
    "military conflict",
    "military operation",
    "military campaign",
    "battle",
    "war",
    "conflict",
    "treaty",
    "document",
    "historical event",
    "historic event",
    "event",
    "news event",
    "earthquake",
    "election",
    "legislative election",
    "referendum",
    "civil conflict",
    "civil unrest",
    "protest",
    "revolution",
    "civilian attack",
    "terrorist attack",
    "attack",
    "massacre",
    "disaster",
    "natural disaster",
    "flood",
    "wildfire",
    "eruption",
    "volcanic eruption",
    "tsunami",
    "storm",
    "weather event",
    "hurricane",
    "tropical cyclone",
    "pandemic",
    "epidemic",
    "outbreak",
    "famine",
    "aircraft occurrence",
    "aviation accident",
    "airliner accident",
    "airliner occurrence",
    "aircraft accident",
    "rail accident",
    "train accident",
    "railway accident",
    "shipwreck",
    "ship disaster",
    "summit",
    "summit meeting",
    "conference",
    "coronation",
    "royal wedding",
    "spaceflight",
    "space mission",
    "mission",
    "expedition",
    "assassination",
    "coup",
    "coup d'état",
    "strike",
    "riot",
];

/// Person infoboxes.
const PERSON: &[&str] = &[
    "person",
    "officeholder",
    "military person",
    "royalty",
    "monarch",
    "scientist",
    "writer",
    "artist",
    "philosopher",
    "saint",
    "pope",
    "musical artist",
    "sportsperson",
    "football biography",
    "politician",
    "president",
    "prime minister",
    "governor",
    "senator",
    "astronaut",
    "chess player",
    "tennis biography",
    "baseball biography",
    "basketball biography",
    "ice hockey player",
    "cricketer",
    "boxer",
    "actor",
    "comedian",
    "architect",
    "economist",
    "engineer",
    "criminal",
    "religious biography",
    "christian leader",
    "noble",
    "deity",
    "character",
    "fictional character",
    "comics character",
    "military officer",
    "judge",
    "ambassador",
    "academic",
    "journalist",
    "model",
    "dancer",
    "f1 driver",
    "racing driver",
    "pharaoh",
    "roman emperor",
    "emperor",
    "chinese emperor",
    "chancellor",
    "vice president",
];

/// Place infoboxes.
const PLACE: &[&str] = &[
    "settlement",
    "country",
    "former country",
    "city",
    "town",
    "village",
    "island",
    "mountain",
    "river",
    "lake",
    "body of water",
    "continent",
    "u.s. state",
    "state",
    "province",
    "province or territory of canada",
    "region",
    "county",
    "district",
    "protected area",
    "park",
    "building",
    "church",
    "castle",
    "museum",
    "university",
    "airport",
    "station",
    "bridge",
    "historic site",
    "nrhp",
    "ancient site",
    "mountain range",
    "desert",
    "sea",
    "ocean",
    "valley",
    "glacier",
    "islands",
    "australian place",
    "german location",
    "french commune",
    "italian comune",
    "uk place",
    "indian jurisdiction",
    "street",
    "road",
    "landform",
    "stadium",
    "venue",
    "world heritage site",
    "archipelago",
    "cave",
];

/// The family of an infobox by its template name (`Infobox military conflict`), or `None` when
/// it is not an infobox.
pub fn family(template_name: &str) -> Option<Family> {
    let n = norm(template_name);
    let rest = n.strip_prefix("infobox")?.trim();
    if rest.contains('/') {
        // Sub-boxes (`Infobox spaceflight/IP`) are parts of another infobox.
        return None;
    }
    Some(if EVENT.contains(&rest) {
        Family::Event
    } else if PERSON.contains(&rest) {
        Family::Person
    } else if PLACE.contains(&rest) {
        Family::Place
    } else {
        Family::Other
    })
}

/// Date fields, most telling first. A `(start, end)` pair is read as a range.
pub const DATE_FIELDS: &[&str] = &[
    "date",
    "dates",
    "election_date",
    "date_signed",
    "signed",
    "date_ratified",
    "ratified",
    "date_effective",
    "effective",
    "time",
    "date_created",
];

/// Pairs of start and end fields.
pub const RANGE_FIELDS: &[(&str, &str)] = &[
    ("launch_date", "landing_date"),
    ("start_date", "end_date"),
    ("begin", "end"),
    ("date_start", "date_end"),
    ("launch_date", "decay_date"),
    ("launch_date", "end_of_mission"),
];

/// Place fields.
pub const PLACE_FIELDS: &[&str] = &[
    "place",
    "location",
    "location_signed",
    "site",
    "venue",
    "epicenter",
    "area",
    "country",
    "launch_site",
    "landing_site",
];

/// Fields holding the coordinates of the first place (`coordinates = {{coord|...}}`).
pub const COORD_FIELDS: &[&str] = &["coordinates", "coords"];

/// Fields naming the area of a place given only by coordinates (an earthquake's `epicenter`).
pub const AREA_FIELDS: &[&str] = &["areas affected", "areas_affected", "location", "place"];

/// Participant fields and the role they give (`{n}` is the side).
pub const PARTICIPANT_FIELDS: &[(&str, &str)] = &[
    ("combatant", "combatant, side {n}"),
    ("commander", "commander, side {n}"),
    ("parties", "party"),
    ("party", "party"),
    ("signatories", "signatory"),
    ("signers", "signatory"),
    ("signatory", "signatory"),
    ("negotiators", "negotiator"),
    ("participants", "participant"),
    ("perpetrator", "perpetrator"),
    ("perpetrators", "perpetrator"),
    ("crew_members", "crew"),
    ("candidate", "candidate {n}"),
    ("nominee", "candidate {n}"),
    ("leader", "party leader {n}"),
    ("side", "side {n}"),
    ("leadfigures", "lead figure, side {n}"),
    ("commanded_by", "commander"),
    ("target", "target"),
    ("operator", "operator"),
    ("operator", "operator {n}"),
];

/// Relation fields and the relation kind they give.
pub const RELATION_FIELDS: &[(&str, &str)] = &[
    ("partof", "part_of"),
    ("part_of", "part_of"),
    ("campaign", "part_of"),
    ("programme", "part_of"),
    ("program", "part_of"),
    ("preceded_by", "follows"),
    ("previous", "follows"),
    ("previous_mission", "follows"),
    ("previous_election", "follows"),
    ("before", "follows"),
    ("followed_by", "precedes"),
    ("next", "precedes"),
    ("next_mission", "precedes"),
    ("next_election", "precedes"),
    ("after", "precedes"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families() {
        assert_eq!(family("Infobox military conflict"), Some(Family::Event));
        assert_eq!(family("infobox_Military_Conflict"), Some(Family::Event));
        assert_eq!(family("Template:Infobox treaty"), Some(Family::Event));
        assert_eq!(family("Infobox spaceflight/IP"), None);
        assert_eq!(family("Infobox officeholder"), Some(Family::Person));
        assert_eq!(family("Infobox settlement"), Some(Family::Place));
        assert_eq!(family("Infobox book"), Some(Family::Other));
        assert_eq!(family("Campaignbox x"), None);
    }

    #[test]
    fn fields() {
        // A spaceflight's place is where it was launched from, not where it came down.
        let at = |f: &str| PLACE_FIELDS.iter().position(|x| *x == f);
        assert!(at("launch_site") < at("landing_site"));
        for f in [
            "nominee",
            "leader",
            "side",
            "leadfigures",
            "commanded_by",
            "target",
        ] {
            assert!(PARTICIPANT_FIELDS.iter().any(|(x, _)| *x == f), "{f}");
        }
    }
}
