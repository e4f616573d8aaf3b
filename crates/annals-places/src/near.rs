//! The nearest city to a point ([`crate::Gazetteer::nearest`]), fast enough to ask for every
//! located event an import indexes.
//!
//! The cities are kept in 1° cells, each with its point on the unit sphere. A search visits only
//! the cells that can hold a city within the distance asked for, and compares candidates by the
//! dot product of their points (the nearer, the larger), which needs no trigonometry; the
//! great-circle distance is computed once, for the winner. Before, every candidate of 25 cells
//! had its haversine distance computed: that was a third of a million-event import
//! (docs/benchmarks.md).

use std::collections::HashMap;

/// Mean Earth radius in km, as [`crate::distance_km`] uses.
const EARTH_KM: f64 = 6371.0;

/// A city's index and its point on the unit sphere.
type City = (u32, [f64; 3]);

/// Cities by 1° cell.
pub(crate) struct Cells(HashMap<(i16, i16), Vec<City>>);

/// The 1° cell of a point, its longitude wrapped to -180..180 (180° is -180°).
fn cell(lat: f64, lon: f64) -> (i16, i16) {
    (lat.floor() as i16, wrap(lon.floor() as i16))
}

fn wrap(x: i16) -> i16 {
    (x + 180).rem_euclid(360) - 180
}

/// A point on the unit sphere.
fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (p, l) = (lat.to_radians(), lon.to_radians());
    [p.cos() * l.cos(), p.cos() * l.sin(), p.sin()]
}

impl Cells {
    /// The cells of these points (latitude, longitude), each known by its position.
    pub(crate) fn new(points: impl Iterator<Item = (f64, f64)>) -> Cells {
        let mut cells: HashMap<(i16, i16), Vec<City>> = HashMap::new();
        for (i, (lat, lon)) in points.enumerate() {
            cells
                .entry(cell(lat, lon))
                .or_default()
                .push((i as u32, unit(lat, lon)));
        }
        Cells(cells)
    }

    /// The position of the point nearest to (`lat`, `lon`) within `max_km`, or `None`.
    /// Points at the same distance: the first in cell order, then in the order given.
    pub(crate) fn nearest(&self, lat: f64, lon: f64, max_km: f64) -> Option<u32> {
        // The angle max_km spans at the centre, a hair wider against rounding.
        let angle = max_km / EARTH_KM + 1e-9;
        // Two points `angle` apart differ by at most `angle` in latitude, and (haversine) by at
        // most 2·asin(sin(angle/2) / cos φ) in longitude, φ the largest latitude between them.
        let dlat = angle.to_degrees();
        let widest = (lat.abs() + dlat).min(90.0).to_radians().cos();
        let reach = (angle / 2.0).sin() / widest;
        let rows = (lat - dlat).floor().max(-90.0) as i16..=(lat + dlat).floor().min(90.0) as i16;
        let cols = if reach >= 1.0 {
            -180..=179
        } else {
            let dlon = (2.0 * reach.asin()).to_degrees();
            let (from, to) = ((lon - dlon).floor() as i16, (lon + dlon).floor() as i16);
            if to - from >= 359 {
                -180..=179
            } else {
                from..=to
            }
        };
        let p = unit(lat, lon);
        // The nearer, the larger the dot product; none below the one at `angle`.
        let mut best: Option<(u32, f64)> = None;
        let floor = angle.cos();
        for y in rows {
            for x in cols.clone() {
                let Some(list) = self.0.get(&(y, wrap(x))) else {
                    continue;
                };
                for &(i, c) in list {
                    let dot = p[0] * c[0] + p[1] * c[1] + p[2] * c[2];
                    if dot >= floor && best.is_none_or(|(_, b)| dot > b) {
                        best = Some((i, dot));
                    }
                }
            }
        }
        best.map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The nearest by brute force: every point, by haversine.
    fn brute(points: &[(f64, f64)], lat: f64, lon: f64, max_km: f64) -> Option<f64> {
        points
            .iter()
            .map(|&(a, b)| crate::distance_km(lat, lon, a, b))
            .filter(|&d| d <= max_km)
            .min_by(f64::total_cmp)
    }

    fn agree(points: &[(f64, f64)], lat: f64, lon: f64, max_km: f64) {
        let cells = Cells::new(points.iter().copied());
        let found = cells.nearest(lat, lon, max_km).map(|i| {
            let (a, b) = points[i as usize];
            crate::distance_km(lat, lon, a, b)
        });
        let expected = brute(points, lat, lon, max_km);
        match (found, expected) {
            (Some(f), Some(e)) => assert!((f - e).abs() < 1e-6, "{f} km, not {e} km"),
            // At the edge of max_km the two distances may round to either side of it.
            (Some(f), None) => assert!((f - max_km).abs() < 1e-6, "{f} km beyond {max_km}"),
            (None, Some(e)) => assert!((e - max_km).abs() < 1e-6, "missed one at {e} km"),
            (None, None) => {}
        }
    }

    #[test]
    fn the_antimeridian_and_the_poles_are_crossed() {
        let points = [(0.0, 179.9), (0.0, 180.0), (89.95, 10.0), (-89.9, -170.0)];
        agree(&points, 0.0, -179.95, 25.0);
        agree(&points, 0.0, -180.0, 1.0);
        agree(&points, 89.95, -170.0, 25.0);
        agree(&points, -89.95, 10.0, 25.0);
        agree(&points, 90.0, 0.0, 10.0);
    }

    proptest! {
        #[test]
        fn the_nearest_is_the_nearest_of_all(
            points in prop::collection::vec((-90.0f64..=90.0, -180.0f64..=180.0), 1..200),
            near in prop::collection::vec((-2.0f64..2.0, -2.0f64..2.0), 1..40),
            lat in -90.0f64..=90.0,
            lon in -180.0f64..=180.0,
            max_km in 0.0f64..1000.0,
        ) {
            // Points around the one asked about, so that the answer is rarely "none".
            let mut points = points;
            points.extend(near.iter().map(|&(dy, dx)| {
                ((lat + dy).clamp(-90.0, 90.0), (lon + dx + 540.0).rem_euclid(360.0) - 180.0)
            }));
            agree(&points, lat, lon, max_km);
        }
    }
}
