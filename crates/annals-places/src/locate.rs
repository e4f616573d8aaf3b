//! Giving events' places their coordinates: what import runs on every event.

use crate::Gazetteer;
use annals_core::Place;

/// A place given with coordinates gets the GeoNames id of the populated place nearest to them
/// when it lies within this many km and has the place's name.
pub const SAME_PLACE_KM: f64 = 5.0;

/// What [`locate`] did with one place.
#[derive(Debug, Clone, PartialEq)]
pub enum Located {
    /// Had coordinates already (and kept them); the GeoNames id may have been added.
    Given,
    /// Found in the gazetteer: coordinates and the GeoNames id (when it has one) added.
    Found,
    /// Left without coordinates; the reason (low confidence, not in the gazetteer).
    Unresolved(String),
}

/// Fill in the coordinates and GeoNames id of each place that has no coordinates, when the
/// gazetteer knows it with enough confidence. Coordinates given in the input always win; such a
/// place only gets the GeoNames id of the gazetteer's match for its name when that lies within
/// [`SAME_PLACE_KM`] of them. Returns the places that stay without coordinates.
pub fn locate(places: &mut [Place]) -> Vec<&Place> {
    let g = Gazetteer::get();
    for p in places.iter_mut() {
        let _ = locate_one(g, p);
    }
    places.iter().filter(|p| p.lat.is_none()).collect()
}

/// [`locate`] for one place, saying what it did.
pub fn locate_one(g: &Gazetteer, p: &mut Place) -> Located {
    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
        if p.geonames.is_none() {
            if let Some(hit) = g.lookup(&p.name, &p.country) {
                let near = crate::distance_km(lat, lon, hit.lat, hit.lon) <= SAME_PLACE_KM;
                if near {
                    p.geonames = hit.geonames_id;
                }
            }
        }
        return Located::Given;
    }
    if p.lat.is_some() || p.lon.is_some() {
        return Located::Given;
    }
    match g.resolve(&p.name, &p.country) {
        Some(hit) => {
            p.lat = Some(hit.lat);
            p.lon = Some(hit.lon);
            p.geonames = hit.geonames_id;
            Located::Found
        }
        None => Located::Unresolved(g.explain(&p.name, &p.country)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, country: &str) -> Place {
        Place {
            name: name.into(),
            country: country.into(),
            lat: None,
            lon: None,
            geonames: None,
        }
    }

    #[test]
    fn given_coordinates_win_and_unknowns_stay() {
        let mut ps = vec![
            place("Washington, D.C.", "United States"),
            Place {
                lat: Some(1.0),
                lon: Some(2.0),
                ..place("Paris", "France")
            },
            place("Camelot", ""),
        ];
        let left: Vec<String> = locate(&mut ps).iter().map(|p| p.name.clone()).collect();
        assert_eq!(left, vec!["Camelot"]);
        assert_eq!(ps[0].geonames, Some(4140963));
        assert!((ps[0].lat.unwrap() - 38.9).abs() < 0.1 && (ps[0].lon.unwrap() + 77.0).abs() < 0.1);
        // far from Paris: no id
        assert_eq!(
            (ps[1].lat, ps[1].lon, ps[1].geonames),
            (Some(1.0), Some(2.0), None)
        );
    }

    #[test]
    fn given_coordinates_near_the_match_get_its_id() {
        let g = Gazetteer::get();
        let mut p = Place {
            lat: Some(35.02),
            lon: Some(135.76),
            ..place("Kyoto", "Japan")
        };
        assert_eq!(locate_one(g, &mut p), Located::Given);
        assert_eq!(p.geonames, Some(1857910));
        assert_eq!((p.lat, p.lon), (Some(35.02), Some(135.76)));
        // a given id is kept
        let mut q = Place {
            geonames: Some(42),
            ..p.clone()
        };
        locate_one(g, &mut q);
        assert_eq!(q.geonames, Some(42));
    }

    #[test]
    fn unresolved_places_say_why() {
        let g = Gazetteer::get();
        let mut p = place("Koro", "Fiji Islands");
        match locate_one(g, &mut p) {
            Located::Unresolved(why) => assert!(!why.is_empty()),
            other => panic!("{other:?}"),
        }
        assert_eq!(p.lat, None);
        let mut b = place("Byzantine Empire", "");
        match locate_one(g, &mut b) {
            Located::Unresolved(why) => assert!(why.contains("historical"), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}
