//! Choosing among candidates, with a confidence and a reason (see the crate documentation).
//!
//! The rules, in order:
//!
//! 1. Qualifiers (comma parts after the name, the separate country field, catalogue parts before
//!    a colon) are read first. A known one (country, variant, ISO code, historical state, first-
//!    order division, island group) must fit the candidate. An unknown one that names a state or
//!    island group ("Fiji Islands" is read as Fiji; "Kingdom of Dahomey" is not known) caps the
//!    confidence at 0.3: the place stays unresolved rather than land in another country. Another
//!    unknown qualifier in the country's position lowers the confidence by 30 %.
//! 2. A country name resolves to the country (0.95). A historical state alone does not resolve.
//! 3. A first-order division ("Virginia", "Bavaria") or an entry of the hand-written features
//!    table ("Rubicon", "White House") beats populated places of the same name, unless one of
//!    those is a city of 500,000 people or more under that very name (New York, Tokyo).
//! 4. A populated place: sure (0.9) when a qualifier chose it and no other place of the name in
//!    that country lies more than 100 km away with a third of its population; 0.85 when no other
//!    place of the name lies more than 100 km away; 0.8 or 0.6 when it is ten or three times as
//!    populous as the largest such place; 0.35 (unresolved) otherwise. A match through an
//!    alternate name counts 15 % less, and 60 % less when the name is that of a building or
//!    site ("White House" is an alternate name of Casablanca).

use crate::{distance_km, fold, Constraint, Gazetteer, Hit, HitKind, MAX_PARTS, MIN_CONFIDENCE};

/// Words of names of buildings and sites: matched through a town's alternate name they are
/// almost always a false match.
const SITE_WORDS: &[&str] = &[
    "house",
    "palace",
    "castle",
    "church",
    "temple",
    "tower",
    "bridge",
    "gate",
    "hall",
    "abbey",
    "cathedral",
    "mosque",
    "square",
    "street",
    "park",
    "wall",
    "field",
    "monastery",
    "museum",
    "station",
    "airport",
    "harbour",
    "harbor",
    "beach",
    "stadium",
    "university",
    "college",
    "school",
    "hospital",
    "prison",
    "camp",
    "battlefield",
    "memorial",
    "building",
    "theatre",
    "theater",
    "office",
];

/// Words that make an unknown qualifier a state or island group: it names a country the
/// gazetteer cannot check, so it must not be ignored.
const POLITICAL_WORDS: &[&str] = &[
    "islands",
    "island",
    "isles",
    "isle",
    "empire",
    "kingdom",
    "republic",
    "state",
    "states",
    "duchy",
    "sultanate",
    "caliphate",
    "principality",
    "emirate",
    "territory",
    "colony",
    "dynasty",
    "federation",
    "union",
    "confederation",
    "khanate",
    "protectorate",
    "mandate",
    "commonwealth",
    "dominion",
    "electorate",
    "margraviate",
    "archduchy",
    "viceroyalty",
    "shogunate",
    "reich",
    "grand",
];

/// Small words dropped with the political words when a qualifier is read again ("Kingdom of
/// Italy" → "Italy").
const FILLER: &[&str] = &["of", "the", "and"];

#[derive(Clone)]
enum Qual<'g> {
    /// Must fit: any one of these.
    Known(&'g [Constraint], &'g str),
    /// Names a state or island group the gazetteer does not know; with its name less the
    /// political words ("Republic of Florence" → "florence").
    Unverifiable(&'g str, String),
    /// Unknown; `true` when it stands where the country goes.
    Unknown(&'g str, bool),
}

pub(crate) fn lookup(g: &Gazetteer, name: &str, country: &str) -> Option<Hit> {
    // "Koro | Fiji Islands": a bar separates the place from its country
    let (name, bar_country) = match name.split_once('|') {
        Some((n, c)) => (n, c),
        None => (name, ""),
    };
    // "JAPAN:  TOKYO", "GREECE:  CRETE:  HERAKLION": catalogue order, widest first
    let reordered: String;
    let name = if name.contains(':') {
        let mut segs: Vec<&str> = name
            .split(':')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        segs.reverse();
        reordered = segs.join(", ");
        reordered.as_str()
    } else {
        name
    };
    let parts: Vec<&str> = split(name).collect();
    let countries: Vec<&str> = split(country).chain(split(bar_country)).collect();
    if parts.is_empty() {
        let key = fold(country);
        let &ci = g.country_names.get(&key)?;
        return g.country_hit(ci as usize, 0.95, String::new());
    }
    // a legendary place named alone is no place on the map, even where a town took its name
    // ("Atlantis" is not the South African town; "Atlantis, South Africa" is)
    if parts.len() == 1 && countries.is_empty() && g.legendary.contains(&fold(parts[0])) {
        return None;
    }
    let n = parts.len();
    let part_quals: Vec<Qual<'_>> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| qualifier(g, p, i + 1 == n && n > 1))
        .collect();
    let field_quals: Vec<Qual<'_>> = countries.iter().map(|p| qualifier(g, p, true)).collect();

    let mut best: Option<Hit> = None;
    let mut lead_known = false;
    for start in 0..n {
        for end in (start + 1..=n).rev() {
            let key: String = parts[start..end].iter().map(|p| fold(p)).collect();
            if key.is_empty() {
                continue;
            }
            let quals: Vec<Qual<'_>> = part_quals[end..]
                .iter()
                .chain(field_quals.iter())
                .cloned()
                .collect();
            // a key that is itself a country or state, reached by dropping the leading parts,
            // is not a town of that name ("Marengo, Italy" is not Italy, Texas)
            let dropped = start > 0;
            let qualifier_key = dropped && g.qualifiers.contains_key(&key);
            let found = match_key(g, &key, &quals, !dropped, !qualifier_key).or_else(|| {
                stripped(&parts[start..end]).and_then(|k| match_key(g, &k, &quals, false, false))
            });
            let Some(mut hit) = found else {
                continue;
            };
            lead_known |= start == 0;
            if dropped {
                let only_wider = matches!(
                    hit.kind,
                    HitKind::Region | HitKind::Feature | HitKind::Country
                );
                // a town after a name the gazetteer knows but cannot place for sure is not
                // that place ("St Andrews, Fife" is not Fife, Washington); a wider place or a
                // city that holds quarters is ("Harlem, New York City")
                if lead_known && !only_wider && g.population_of(&hit) < 100_000 {
                    continue;
                }
                hit.confidence *= if only_wider { 0.7 } else { 0.9 };
                hit.reason.push_str(if only_wider {
                    "; the leading parts are not in the gazetteer: only the wider place"
                } else {
                    "; leading parts ignored"
                });
            }
            if hit.confidence >= MIN_CONFIDENCE {
                return Some(hit);
            }
            if best.as_ref().is_none_or(|b| hit.confidence > b.confidence) {
                best = Some(hit);
            }
        }
    }
    best
}

/// The parts folded without the generic words of division names ("Sichuan Province" →
/// "sichuan"), when there are any.
fn stripped(parts: &[&str]) -> Option<String> {
    let words: Vec<String> = parts
        .iter()
        .flat_map(|p| p.split(|c: char| c.is_whitespace() || c == '-'))
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let kept: String = words
        .iter()
        .filter(|w| !crate::REGION_SUFFIXES.contains(&w.as_str()))
        .map(String::as_str)
        .collect();
    (!kept.is_empty() && kept.len() < words.concat().len()).then_some(kept)
}

/// The non-empty comma parts of `s`, at most [`MAX_PARTS`].
fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .take(MAX_PARTS)
}

fn qualifier<'g>(g: &'g Gazetteer, text: &'g str, country_position: bool) -> Qual<'g> {
    if let Some(c) = g.qualifiers.get(&fold(text)) {
        return Qual::Known(c, text);
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let political = words.iter().any(|w| POLITICAL_WORDS.contains(&w.as_str()));
    if political {
        let rest: String = words
            .iter()
            .filter(|w| !POLITICAL_WORDS.contains(&w.as_str()) && !FILLER.contains(&w.as_str()))
            .map(String::as_str)
            .collect();
        if let Some(c) = g.qualifiers.get(&rest) {
            return Qual::Known(c, text);
        }
        return Qual::Unverifiable(text, rest);
    }
    Qual::Unknown(text, country_position)
}

/// Confidence adjustments the qualifiers impose whatever the candidate.
fn penalty(quals: &[Qual<'_>], key: &str) -> (f32, f32, String) {
    let (mut factor, mut cap, mut why) = (1.0f32, 1.0f32, String::new());
    for q in quals {
        match q {
            // "Florence, Republic of Florence": the state of the city itself
            Qual::Unverifiable(_, rest) if rest == key => {}
            Qual::Unverifiable(t, _) => {
                cap = cap.min(0.3);
                why.push_str(&format!(
                    "; {t:?} names a state or islands the gazetteer does not know"
                ));
            }
            Qual::Unknown(t, true) => {
                factor *= 0.7;
                why.push_str(&format!("; {t:?} is not a known country"));
            }
            _ => {}
        }
    }
    (factor, cap, why)
}

fn fits(quals: &[Qual<'_>], cc: &str, admin1: Option<&str>) -> bool {
    quals.iter().all(|q| match q {
        Qual::Known(cs, _) => cs.iter().any(|c| c.ok(cc, admin1)),
        _ => true,
    })
}

/// A country-wide place (a country, a feature) fits a division's constraint when the country
/// does: "Gettysburg battlefield, Pennsylvania" is in the United States.
fn fits_country(quals: &[Qual<'_>], cc: &str) -> bool {
    quals.iter().all(|q| match q {
        Qual::Known(cs, _) => cs.iter().any(|c| match *c {
            Constraint::Country(x) | Constraint::Admin1(x, _) => x == cc,
        }),
        _ => true,
    })
}

fn known_names<'g>(quals: &[Qual<'g>]) -> Vec<&'g str> {
    quals
        .iter()
        .filter_map(|q| match q {
            Qual::Known(_, t) => Some(*t),
            _ => None,
        })
        .collect()
}

fn finish(mut hit: Hit, quals: &[Qual<'_>], key: &str) -> Hit {
    let (factor, cap, why) = penalty(quals, key);
    hit.confidence = (hit.confidence * factor).min(cap);
    hit.reason.push_str(&why);
    hit
}

fn match_key(
    g: &Gazetteer,
    key: &str,
    quals: &[Qual<'_>],
    allow_country: bool,
    allow_city: bool,
) -> Option<Hit> {
    let named = known_names(quals);
    let by = if named.is_empty() {
        String::new()
    } else {
        format!(" in {}", named.join(", "))
    };
    if allow_country {
        if let Some(&ci) = g.country_names.get(key) {
            let iso = g.countries[ci as usize].iso;
            if fits_country(quals, iso) {
                if let Some(hit) = g.country_hit(ci as usize, 0.95, String::new()) {
                    return Some(finish(hit, quals, key));
                }
            }
        }
    }
    // a historical state alone is no single place today: only a site of the name or a large
    // city that had it ("Byzantium" is Istanbul) will do
    let historical = g.historical.contains_key(key);
    let city = if allow_city {
        best_city(g, key, quals, &by).filter(|(_, pop, _)| !historical || *pop >= 100_000)
    } else {
        None
    };
    let big_city = city
        .as_ref()
        .is_some_and(|(h, pop, _)| *pop >= 500_000 && h.confidence >= 0.5);
    if !big_city {
        if let Some(hit) = feature(g, key, quals, &by) {
            return Some(finish(hit, quals, key));
        }
        if !historical {
            if let Some(mut hit) = region(g, key, quals, &by) {
                let abroad = g.names.get(key).is_some_and(|cands| {
                    cands.iter().any(|c| {
                        let t = &g.cities[c.city as usize];
                        c.primary && t.cc != hit.country_code && t.population >= 15_000
                    })
                });
                let places = g
                    .regions
                    .iter()
                    .find(|r| r.name == hit.name && r.cc == hit.country_code)
                    .map_or(0, |r| r.places);
                if abroad && places < 100 {
                    hit.confidence = hit.confidence.min(0.4);
                    hit.reason.push_str("; a town abroad has the same name");
                }
                if let Some((c, pop, _)) = &city {
                    // a division and a town of the same name: the division unless the town is
                    // a city of its own country, or a sizeable town abroad beside a small
                    // division (Canterbury, England and Canterbury, New Zealand)
                    if c.country_code == hit.country_code && *pop >= 100_000 {
                        return city.map(|(h, _, _)| finish(h, quals, key));
                    }
                }
                return Some(finish(hit, quals, key));
            }
        }
    }
    city.map(|(h, _, _)| finish(h, quals, key))
}

fn feature(g: &Gazetteer, key: &str, quals: &[Qual<'_>], by: &str) -> Option<Hit> {
    let list = g.feature_names.get(key)?;
    let &i = list
        .iter()
        .find(|&&i| fits_country(quals, g.features[i as usize].cc))?;
    let f = &g.features[i as usize];
    Some(Hit {
        geonames_id: None,
        name: f.name.to_string(),
        lat: f.lat,
        lon: f.lon,
        country_code: f.cc.to_string(),
        kind: HitKind::Feature,
        confidence: 0.85,
        reason: format!("{} of the hand-written table{by}", f.kind),
    })
}

fn region(g: &Gazetteer, key: &str, quals: &[Qual<'_>], by: &str) -> Option<Hit> {
    let list = g.region_names.get(key)?;
    let mut fit: Vec<u32> = list
        .iter()
        .copied()
        .filter(|&i| {
            let r = &g.regions[i as usize];
            fits(quals, r.cc, Some(r.admin1))
        })
        .collect();
    fit.sort_by_key(|&i| std::cmp::Reverse(g.regions[i as usize].places));
    let &first = fit.first()?;
    let r = &g.regions[first as usize];
    let (confidence, how) = match fit.get(1) {
        None => (0.85, "the only division of the name"),
        Some(&other) if g.regions[other as usize].cc == r.cc => {
            (0.6, "the largest division of the name in its country")
        }
        Some(&other) if r.places >= 3 * g.regions[other as usize].places.max(1) => {
            (0.7, "the largest of the divisions of the name")
        }
        Some(_) => (0.4, "divisions of this name in several countries"),
    };
    Some(Hit {
        geonames_id: None,
        name: r.name.to_string(),
        lat: r.lat,
        lon: r.lon,
        country_code: r.cc.to_string(),
        kind: HitKind::Region,
        confidence,
        reason: format!("first-order division, at the middle of its places; {how}{by}"),
    })
}

/// The best populated place: its hit (confidence before the qualifiers' penalty), population,
/// and whether the name is its primary one.
fn best_city(g: &Gazetteer, key: &str, quals: &[Qual<'_>], by: &str) -> Option<(Hit, u64, bool)> {
    let cands = g.names.get(key)?;
    // an alternate name weighs a tenth of the population: "Breslau" is Wrocław before a
    // village of Ontario, "Paris" the French one before any town called after it
    let weight = |c: &crate::Cand| {
        let p = g.cities[c.city as usize].population as f64;
        if c.primary {
            p
        } else {
            p / 10.0
        }
    };
    let fit: Vec<&crate::Cand> = cands
        .iter()
        .filter(|cand| {
            let c = &g.cities[cand.city as usize];
            fits(quals, c.cc, Some(c.admin1))
        })
        .collect();
    let best = **fit
        .iter()
        .max_by(|a, b| weight(a).total_cmp(&weight(b)).then(b.city.cmp(&a.city)))?;
    let b = &g.cities[best.city as usize];
    let qualified = !by.is_empty();
    // the largest other place of the name, far enough to be another place
    let rival = fit
        .iter()
        .filter(|c| c.city != best.city)
        .filter(|c| {
            let o = &g.cities[c.city as usize];
            distance_km(b.lat, b.lon, o.lat, o.lon) > 100.0
        })
        .map(|c| weight(c))
        .max_by(f64::total_cmp);
    let ratio = rival.map(|r| weight(&best) / r.max(1.0));
    let (mut confidence, mut reason) = match (qualified, ratio) {
        (true, None) => (0.9, format!("populated place{by}")),
        (true, Some(x)) if x >= 3.0 => (0.9, format!("the largest place of the name{by}")),
        (true, Some(_)) => (
            0.55,
            format!("one of several places of the name{by}, the largest"),
        ),
        (false, None) if b.population >= 5000 => (
            0.85,
            "populated place, the only one of the name".to_string(),
        ),
        (false, None) => (
            0.7,
            "small populated place, the only one of the name".to_string(),
        ),
        (false, Some(x)) if x >= 10.0 => (
            0.8,
            "populated place, ten times the size of any other of the name".to_string(),
        ),
        (false, Some(x)) if x >= 5.0 => (
            0.55,
            "populated place, five times the size of any other of the name".to_string(),
        ),
        (false, Some(_)) => (
            0.35,
            "several places of the name, none much larger: give a country".to_string(),
        ),
    };
    if !best.primary {
        confidence *= 0.85;
        reason.push_str("; through an alternate name");
        let words: Vec<&str> = SITE_WORDS
            .iter()
            .copied()
            .filter(|w| key.contains(w))
            .collect();
        if !words.is_empty() {
            confidence *= 0.4;
            reason.push_str("; the name is a building's or site's");
        }
    }
    let hit = g.city_hit(best.city as usize, confidence, reason);
    Some((hit, b.population, best.primary))
}
