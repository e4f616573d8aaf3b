//! Giving events' places their coordinates: what import runs on every event.

use crate::Gazetteer;
use annals_core::Place;

/// Fill in the coordinates and GeoNames id of each place that has no coordinates, when the
/// gazetteer knows it. Coordinates given in the input always win (such a place is left as it
/// is). Returns the places that stay without coordinates.
pub fn locate(places: &mut [Place]) -> Vec<&Place> {
    let g = Gazetteer::get();
    for p in places.iter_mut() {
        if p.lat.is_some() || p.lon.is_some() {
            continue;
        }
        if let Some(hit) = g.resolve(&p.name, &p.country) {
            p.lat = Some(hit.lat);
            p.lon = Some(hit.lon);
            p.geonames = Some(hit.geonames_id);
        }
    }
    places.iter().filter(|p| p.lat.is_none()).collect()
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
        assert_eq!(
            (ps[1].lat, ps[1].lon, ps[1].geonames),
            (Some(1.0), Some(2.0), None)
        );
    }
}
