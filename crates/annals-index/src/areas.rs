//! `near:` and `bbox:` read from the inverted index: each located place of an event is indexed
//! in one cell of each of three grids (¼°, 2° and 16° squares of latitude and longitude), and
//! an area reads the cells of the finest grid that covers it in at most 256 cells, checking each
//! event found there against the area itself ([`crate::cells`]). An area then costs the events
//! near it, not a pass over every event's coordinates.

use crate::cells::{self, Run};
use crate::compile::{distance_km, EARTH_RADIUS_KM};
use crate::schema::fast;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, Score, SegmentReader};

/// The grids' cell sizes in degrees, finest first.
const SIZES: [f64; 3] = [0.25, 2.0, 16.0];
/// An area is read from the finest grid that covers it in at most this many cells.
const MOST_CELLS: usize = 256;

fn index(value: f64, origin: f64, span: f64, size: f64) -> i64 {
    let n = (span / size).ceil() as i64;
    (((value + origin) / size).floor() as i64).clamp(0, n - 1)
}

fn encode(level: usize, row: i64, column: i64) -> i64 {
    ((level as i64) << 40) | (row << 20) | column
}

/// The cells, one of each grid, that a place at `lat`, `lon` is indexed in.
pub fn cells(lat: f64, lon: f64) -> impl Iterator<Item = i64> {
    SIZES.iter().enumerate().map(move |(level, &size)| {
        encode(
            level,
            index(lat, 90.0, 180.0, size),
            index(normal(lon), 180.0, 360.0, size),
        )
    })
}

/// A longitude in -180..=180.
fn normal(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// Where matching places may be: boxes of (south, north, west, east), west ≤ east.
type Boxes = Vec<(f64, f64, f64, f64)>;

/// An area of the globe.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// Within `radius` km of a point (great circle).
    Near { lat: f64, lon: f64, radius: f64 },
    /// A box; `west > east` crosses the antimeridian.
    Bbox {
        south: f64,
        west: f64,
        north: f64,
        east: f64,
    },
}

impl Shape {
    /// Whether a place lies in the area.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        self.holds(&self.boxes(), lat, lon)
    }

    /// Whether a place lies in the area, given its [`Shape::boxes`]: the boxes first, which
    /// cost less to test than a great-circle distance and leave out most places that a circle
    /// does not hold.
    fn holds(&self, boxes: &Boxes, lat: f64, lon: f64) -> bool {
        let in_a_box = {
            let lon = normal(lon);
            boxes
                .iter()
                .any(|&(s, n, w, e)| (s..=n).contains(&lat) && (w..=e).contains(&lon))
        };
        in_a_box
            && match *self {
                Shape::Near {
                    lat: a,
                    lon: b,
                    radius,
                } => distance_km(a, b, lat, lon) <= radius,
                Shape::Bbox { .. } => true,
            }
    }

    /// Boxes holding every place of the area (with a margin for rounding).
    fn boxes(&self) -> Boxes {
        const MARGIN: f64 = 1e-6;
        match *self {
            Shape::Bbox {
                south,
                west,
                north,
                east,
            } => {
                if west <= east {
                    vec![(south, north, west, east)]
                } else {
                    vec![(south, north, west, 180.0), (south, north, -180.0, east)]
                }
            }
            Shape::Near { lat, lon, radius } => {
                let angle = radius.max(0.0) / EARTH_RADIUS_KM;
                let dlat = angle.to_degrees() + MARGIN;
                let (south, north) = (lat - dlat, lat + dlat);
                // The widest a circle is in longitude, unless it holds a pole.
                let cos = lat.to_radians().cos();
                let dlon = if north >= 90.0 || south <= -90.0 || angle.sin() >= cos {
                    180.0
                } else {
                    (angle.sin() / cos).asin().to_degrees() + MARGIN
                };
                let (south, north) = (south.max(-90.0), north.min(90.0));
                let lon = normal(lon);
                let (west, east) = (lon - dlon, lon + dlon);
                if dlon >= 180.0 {
                    vec![(south, north, -180.0, 180.0)]
                } else if west < -180.0 {
                    vec![
                        (south, north, west + 360.0, 180.0),
                        (south, north, -180.0, east),
                    ]
                } else if east > 180.0 {
                    vec![
                        (south, north, west, 180.0),
                        (south, north, -180.0, east - 360.0),
                    ]
                } else {
                    vec![(south, north, west, east)]
                }
            }
        }
    }

    /// The runs of cells to read: rows of the finest grid that covers the area in at most
    /// [`MOST_CELLS`] cells, or of the coarsest.
    fn runs(&self) -> Vec<Run> {
        let boxes = self.boxes();
        let rows_of = |level: usize| {
            let size = SIZES[level];
            let mut runs = Vec::new();
            let mut count = 0;
            for &(south, north, west, east) in &boxes {
                let (w, e) = (
                    index(west, 180.0, 360.0, size),
                    index(east, 180.0, 360.0, size),
                );
                for row in index(south, 90.0, 180.0, size)..=index(north, 90.0, 180.0, size) {
                    count += (e - w + 1) as usize;
                    runs.push(Run {
                        first: encode(level, row, w),
                        last: encode(level, row, e),
                        checked: true,
                    });
                }
            }
            (runs, count)
        };
        for level in 0..SIZES.len() - 1 {
            let (runs, count) = rows_of(level);
            if count <= MOST_CELLS {
                return runs;
            }
        }
        rows_of(SIZES.len() - 1).0
    }
}

/// The events with a located place in an area.
#[derive(Debug, Clone)]
pub struct Area {
    /// The field of the cells ([`cells`]).
    pub field: Field,
    /// The area.
    pub shape: Shape,
}

impl Query for Area {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for Area {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let columns = reader.fast_fields();
        let (lats, lons) = (columns.f64(fast::LAT)?, columns.f64(fast::LON)?);
        let shape = self.shape;
        let boxes = shape.boxes();
        let check = Box::new(move |doc| {
            lats.values_for_doc(doc)
                .zip(lons.values_for_doc(doc))
                .any(|(lat, lon)| shape.holds(&boxes, lat, lon))
        });
        cells::scorer(reader, self.field, shape.runs(), check, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        cells::explain(self.scorer(reader, 1.0)?, doc, "Area")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether the runs of an area hold a place's cell of the grid they read.
    fn covered(shape: &Shape, lat: f64, lon: f64) -> bool {
        let runs = shape.runs();
        let level = (runs[0].first >> 40) as usize;
        let c = cells(lat, lon).nth(level).unwrap();
        runs.iter().any(|r| (r.first..=r.last).contains(&c))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Every place within a circle is in a cell the circle reads, at the poles and across
        /// the antimeridian too.
        #[test]
        fn a_circle_reads_every_cell_of_its_places(
            lat in -90.0f64..=90.0, lon in -180.0f64..=180.0,
            radius in prop_oneof![0.0f64..50.0, 0.0f64..3000.0, 0.0f64..25000.0],
            bearing in 0.0f64..360.0, part in 0.0f64..=1.0,
        ) {
            // A place at `part` of the radius from the centre, in the direction `bearing`.
            let d = radius * part / EARTH_RADIUS_KM;
            let (p, b) = (lat.to_radians(), bearing.to_radians());
            let q = (p.sin() * d.cos() + p.cos() * d.sin() * b.cos()).clamp(-1.0, 1.0).asin();
            let l = lon.to_radians()
                + (b.sin() * d.sin() * p.cos()).atan2(d.cos() - p.sin() * q.sin());
            let (plat, plon) = (q.to_degrees(), normal(l.to_degrees()));
            let shape = Shape::Near { lat, lon, radius };
            if shape.contains(plat, plon) {
                prop_assert!(covered(&shape, plat, plon), "{plat},{plon} in {shape:?}");
            }
        }

        #[test]
        fn a_box_reads_every_cell_of_its_places(
            south in -90.0f64..=90.0, north in -90.0f64..=90.0,
            west in -180.0f64..=180.0, east in -180.0f64..=180.0,
            lat in -90.0f64..=90.0, lon in -180.0f64..=180.0,
        ) {
            let shape = Shape::Bbox { south: south.min(north), north: south.max(north), west, east };
            if shape.contains(lat, lon) {
                prop_assert!(covered(&shape, lat, lon), "{lat},{lon} in {shape:?}");
            }
        }
    }

    #[test]
    fn a_town_reads_the_fine_grid_and_the_world_the_coarse_one() {
        let town = Shape::Near {
            lat: 48.85,
            lon: 2.35,
            radius: 20.0,
        };
        assert_eq!(town.runs()[0].first >> 40, 0);
        let world = Shape::Bbox {
            south: -90.0,
            west: -180.0,
            north: 90.0,
            east: 180.0,
        };
        assert_eq!(world.runs()[0].first >> 40, 2);
        assert!(covered(&world, 90.0, 180.0) && covered(&world, -90.0, -180.0));
    }
}
