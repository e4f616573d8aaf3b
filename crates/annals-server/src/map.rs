//! The world map: country outlines from the vendored `world-atlas` TopoJSON (Natural Earth
//! 1:110m), drawn as SVG paths in an equirectangular projection, with events on top, clustered
//! on a grid. No tiles and no network: everything is in the binary.

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

fn ring(arcs: &[Vec<(f64, f64)>], ring: &[i64], out: &mut String) {
    let mut first = true;
    let mut last_x: Option<f64> = None;
    for &i in ring {
        let (idx, reversed) = if i < 0 {
            ((!i) as usize, true)
        } else {
            (i as usize, false)
        };
        let Some(arc) = arcs.get(idx) else { continue };
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
}
