//! The base map of the world: country outlines from the vendored `world-atlas` TopoJSON
//! (Natural Earth 1:110m, `assets/world-atlas`), drawn as SVG paths in an equirectangular
//! projection, the names of countries and large cities, and the bookkeeping that keeps labels
//! apart. No tiles and no network: everything is in the binary.

use serde::Deserialize;
use std::fmt::Write;
use std::sync::OnceLock;

/// Pixels per degree of the base map (viewBox 0 0 720 360 for the whole world).
pub const SCALE: f64 = 2.0;

#[derive(Deserialize)]
struct Topology {
    transform: Transform,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Objects {
    countries: Collection,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        properties: Option<Props>,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        properties: Option<Props>,
    },
}

#[derive(Deserialize)]
struct Props {
    name: Option<String>,
}

/// x, y of a longitude and latitude on the base map.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon + 180.0) * SCALE, (90.0 - lat) * SCALE)
}

fn decode(t: &Topology) -> Vec<Vec<(f64, f64)>> {
    t.arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|d| {
                    x += d[0];
                    y += d[1];
                    project(
                        y * t.transform.scale[1] + t.transform.translate[1],
                        x * t.transform.scale[0] + t.transform.translate[0],
                    )
                })
                .collect()
        })
        .collect()
}

/// The arc a ring names, and whether it is walked backwards (TopoJSON writes arc `i`
/// reversed as `!i`).
fn arc_of(arcs: &[Vec<(f64, f64)>], i: i64) -> Option<(&Vec<(f64, f64)>, bool)> {
    let (idx, reversed) = if i < 0 {
        ((!i) as usize, true)
    } else {
        (i as usize, false)
    };
    arcs.get(idx).map(|a| (a, reversed))
}

fn ring(arcs: &[Vec<(f64, f64)>], ring: &[i64], out: &mut String) {
    let mut first = true;
    let mut last_x: Option<f64> = None;
    for &i in ring {
        let Some((arc, reversed)) = arc_of(arcs, i) else {
            continue;
        };
        let points: Box<dyn Iterator<Item = &(f64, f64)>> = if reversed {
            Box::new(arc.iter().rev())
        } else {
            Box::new(arc.iter())
        };
        for (k, (x, y)) in points.enumerate() {
            if k == 0 && !first {
                continue;
            }
            // A jump across the antimeridian starts a new piece instead of a line across the map.
            let jump = last_x.is_some_and(|lx| (x - lx).abs() > 180.0 * SCALE);
            let _ = write!(
                out,
                "{}{x:.1},{y:.1}",
                if first || jump { 'M' } else { 'L' }
            );
            first = false;
            last_x = Some(*x);
        }
    }
    out.push('Z');
}

/// The countries as SVG `<path>` elements (computed once).
pub fn countries() -> &'static str {
    static SVG: OnceLock<String> = OnceLock::new();
    SVG.get_or_init(|| {
        let Ok(t) = serde_json::from_str::<Topology>(include_str!(
            "../assets/world-atlas/countries-110m.json"
        )) else {
            return String::new();
        };
        let arcs = decode(&t);
        let mut out = String::new();
        for g in &t.objects.countries.geometries {
            let (polys, name): (Vec<&Vec<Vec<i64>>>, _) = match g {
                Geometry::Polygon { arcs, properties } => (vec![arcs], properties),
                Geometry::MultiPolygon { arcs, properties } => (arcs.iter().collect(), properties),
            };
            let mut d = String::new();
            for poly in polys {
                for r in poly {
                    ring(&arcs, r, &mut d);
                }
            }
            let title = name
                .as_ref()
                .and_then(|p| p.name.as_deref())
                .map(annals_index::search::escape)
                .unwrap_or_default();
            let _ = write!(
                out,
                r#"<path class="country" d="{d}"><title>{title}</title></path>"#
            );
        }
        out
    })
}

/// A name the base map shows when there is room: a country (at the middle of its largest
/// piece of land) or a large city.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BaseLabel {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// `country` or `city`.
    pub kind: &'static str,
    /// How wide the country's largest piece is, in degrees of longitude (0 for a city): a
    /// country is named when its name fits in it.
    pub width: f64,
    /// A city's population (0 for a country).
    pub population: u64,
}

/// Area (shoelace, in squared map units), centroid and longitude width of a projected ring.
fn ring_shape(points: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
    if points.len() < 3 {
        return None;
    }
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..points.len() {
        let (x0, y0) = points[i];
        let (x1, y1) = points[(i + 1) % points.len()];
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-9 {
        return None;
    }
    let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    Some((
        a.abs() / 2.0,
        cx / (3.0 * a),
        cy / (3.0 * a),
        (hi - lo) / SCALE,
    ))
}

/// The points of a ring, its arcs joined.
fn ring_points(arcs: &[Vec<(f64, f64)>], ring: &[i64]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for &i in ring {
        let Some((arc, reversed)) = arc_of(arcs, i) else {
            continue;
        };
        let mut pts: Vec<(f64, f64)> = arc.clone();
        if reversed {
            pts.reverse();
        }
        let skip = usize::from(!out.is_empty());
        out.extend(pts.into_iter().skip(skip));
    }
    out
}

/// The names of the base map: every country at the middle of its largest piece, widest
/// first, then the 400 largest cities (computed once).
pub fn base_labels() -> &'static [BaseLabel] {
    static LABELS: OnceLock<Vec<BaseLabel>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut out = Vec::new();
        if let Ok(t) = serde_json::from_str::<Topology>(include_str!(
            "../assets/world-atlas/countries-110m.json"
        )) {
            let arcs = decode(&t);
            for g in &t.objects.countries.geometries {
                let (polys, props): (Vec<&Vec<Vec<i64>>>, _) = match g {
                    Geometry::Polygon { arcs, properties } => (vec![arcs], properties),
                    Geometry::MultiPolygon { arcs, properties } => {
                        (arcs.iter().collect(), properties)
                    }
                };
                let Some(name) = props.as_ref().and_then(|p| p.name.clone()) else {
                    continue;
                };
                let best = polys
                    .iter()
                    .filter_map(|p| p.first())
                    .filter_map(|r| ring_shape(&ring_points(&arcs, r)))
                    .filter(|s| s.3 < 180.0)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((_, x, y, width)) = best {
                    out.push(BaseLabel {
                        name,
                        lat: 90.0 - y / SCALE,
                        lon: x / SCALE - 180.0,
                        kind: "country",
                        width,
                        population: 0,
                    });
                }
            }
        }
        out.sort_by(|a, b| b.width.total_cmp(&a.width));
        for (name, lat, lon, population) in annals_places::Gazetteer::get().largest_cities(400) {
            out.push(BaseLabel {
                name: name.to_string(),
                lat,
                lon,
                kind: "city",
                width: 0.0,
                population,
            });
        }
        out
    })
}

/// Rectangles already taken on a drawn map, for labels that never overlap.
#[derive(Debug, Default)]
pub struct Placer {
    taken: Vec<[f64; 4]>,
}

impl Placer {
    /// Takes `[x0, y0, x1, y1]` whatever it overlaps.
    pub fn take(&mut self, r: [f64; 4]) {
        self.taken.push(r);
    }

    /// Takes `[x0, y0, x1, y1]` if it overlaps nothing taken.
    pub fn try_take(&mut self, r: [f64; 4]) -> bool {
        if self
            .taken
            .iter()
            .any(|t| r[0] < t[2] && t[0] < r[2] && r[1] < t[3] && t[1] < r[3])
        {
            return false;
        }
        self.taken.push(r);
        true
    }
}

/// About how wide a text is drawn at `size` pixels: `em` is the mean width of a character in
/// ems (about 0.55 for sans-serif, 0.6 bold, 0.75 in spaced capitals).
pub fn text_width(s: &str, size: f64, em: f64) -> f64 {
    s.chars().count() as f64 * size * em
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_is_drawn() {
        let svg = countries();
        assert!(svg.matches("<path").count() > 150, "countries");
        assert!(svg.contains("<title>Japan</title>"));
        let (x, y) = project(35.68, 139.69);
        assert!((x - 639.38).abs() < 0.01 && (y - 108.64).abs() < 0.01);
    }

    #[test]
    fn countries_and_cities_are_named_where_they_are() {
        let labels = base_labels();
        let find = |n: &str| labels.iter().find(|l| l.name == n).unwrap();
        let france = find("France");
        assert!(
            (43.0..50.0).contains(&france.lat) && (-2.0..7.0).contains(&france.lon),
            "France is named in metropolitan France: {france:?}"
        );
        let usa = find("United States of America");
        assert!((30.0..48.0).contains(&usa.lat) && (-110.0..-85.0).contains(&usa.lon));
        assert!(find("Russia").width > find("France").width);
        assert_eq!(find("Tokyo").kind, "city");
        assert!(labels.iter().filter(|l| l.kind == "city").count() == 400);
    }

    #[test]
    fn taken_places_are_not_taken_twice() {
        let mut p = Placer::default();
        assert!(p.try_take([0.0, 0.0, 10.0, 5.0]));
        assert!(!p.try_take([9.0, 4.0, 20.0, 8.0]));
        assert!(
            p.try_take([10.0, 0.0, 20.0, 5.0]),
            "touching is not overlapping"
        );
    }
}
