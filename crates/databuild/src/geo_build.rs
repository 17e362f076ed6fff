//! Builds `geo.json` (map outlines as SVG paths) from the GeoJSON files of `data-src/reference/geo/`:
//! Lambert-93 for the metropolis, insets for the five overseas regions, simplified and rounded.

use poles_core::geo::{extent_km, lambert93, ring_area, simplify, svg_path, Inset, MapFrame};
use poles_core::model::Meta;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;

/// Overseas regions: INSEE region code, département code, file stem.
const OVERSEAS: [(&str, &str, &str); 5] =
    [("01", "971", "guadeloupe"), ("02", "972", "martinique"), ("03", "973", "guyane"), ("04", "974", "la-reunion"), ("06", "976", "mayotte")];

/// Map units per kilometre of the département paths (finer than the regions', for the zoomed view).
pub const DEPARTEMENT_UNITS_PER_KM: f64 = 4.0;

type Ring = Vec<(f64, f64)>;

#[derive(Serialize)]
struct Shape {
    code: String,
    /// [min_x, min_y, max_x, max_y] of the path, in its units.
    bbox: [f64; 4],
    d: String,
}

fn shape(code: String, d: String) -> Shape {
    let bbox = poles_core::geo::path_bbox(&d).unwrap_or([0.0; 4]);
    Shape { code, bbox, d }
}

#[derive(Serialize)]
struct HqPoint {
    pole: String,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct GeoFile<'a> {
    schema: &'static str,
    schema_version: u32,
    data_version: &'a str,
    compiled_at: &'a str,
    licence: &'static str,
    frame: MapFrame,
    departement_units_per_km: f64,
    regions: Vec<Shape>,
    departements: Vec<Shape>,
    /// Pôle headquarters in region map units (projected here, so the app needs no projection code).
    hq: Vec<HqPoint>,
}

/// Polygons (outer rings and holes alike, as rings of lon/lat) of a GeoJSON geometry.
fn rings_of(geometry: &Value) -> Vec<Ring> {
    let ring = |r: &Value| -> Ring { r.as_array().into_iter().flatten().filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?))).collect() };
    match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => geometry["coordinates"].as_array().into_iter().flatten().map(ring).collect(),
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|poly| poly.as_array().into_iter().flatten().map(ring).collect::<Vec<_>>())
            .collect(),
        _ => Vec::new(),
    }
}

fn features(v: &Value) -> Vec<&Value> {
    match v.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => v["features"].as_array().map(|a| a.iter().collect()).unwrap_or_default(),
        Some("Feature") => vec![v],
        _ => Vec::new(),
    }
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn bounds(rings: &[Ring]) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for (x, y) in rings.iter().flatten() {
        b = [b[0].min(*x), b[1].min(*y), b[2].max(*x), b[3].max(*y)];
    }
    b
}

/// Projects, simplifies (tolerance in map units) and encodes rings; drops specks, keeps the largest.
fn encode(rings: &[Ring], frame: &MapFrame, units_per_unit: f64, tolerance: f64, min_area: f64) -> String {
    let projected: Vec<Ring> = rings
        .iter()
        .map(|r| {
            r.iter()
                .map(|&(lon, lat)| {
                    let (x, y) = frame.project(lon, lat);
                    (x * units_per_unit, y * units_per_unit)
                })
                .collect()
        })
        .map(|r: Ring| simplify(&r, tolerance))
        .collect();
    let largest = projected.iter().map(|r| ring_area(r)).fold(0.0, f64::max);
    let kept: Vec<Ring> = projected.into_iter().filter(|r| r.len() >= 4 && (ring_area(r) >= min_area || ring_area(r) >= largest)).collect();
    svg_path(&kept)
}

/// Builds the text of `geo.json`.
pub fn build(geo_dir: &Path, meta: &Meta, poles: &[poles_core::model::Pole]) -> Result<String, String> {
    let regions_fc = read_json(&geo_dir.join("regions-version-simplifiee.geojson"))?;
    let deps_fc = read_json(&geo_dir.join("departements-version-simplifiee.geojson"))?;
    let code_of = |f: &Value| f["properties"]["code"].as_str().map(str::to_string);

    // Metropolitan extent in Lambert-93 metres.
    let metro: Vec<(String, Vec<Ring>)> = features(&regions_fc).into_iter().filter_map(|f| Some((code_of(f)?, rings_of(&f["geometry"])))).collect();
    if metro.len() != 13 {
        return Err(format!("expected 13 metropolitan regions, found {}", metro.len()));
    }
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in metro.iter().flat_map(|(_, rings)| rings.iter().flatten()).map(|&(lon, lat)| lambert93(lon, lat)) {
        (min_x, min_y, max_x, max_y) = (min_x.min(x), min_y.min(y), max_x.max(x), max_y.max(y));
    }
    let margin = 15_000.0;
    let inset_col = 190.0; // map units (km) left of the metropolis for the overseas insets
    let width = ((max_x - min_x + 2.0 * margin) / 1000.0 + inset_col).ceil();
    let height = ((max_y - min_y + 2.0 * margin) / 1000.0).ceil();

    // Overseas insets, stacked in the left column.
    let mut overseas: Vec<(String, String, Vec<Ring>)> = Vec::new();
    for (region, dep, stem) in OVERSEAS {
        let f = read_json(&geo_dir.join(format!("outre-mer/region-{stem}.geojson")))?;
        let rings: Vec<Ring> = features(&f).into_iter().flat_map(|f| rings_of(&f["geometry"])).collect();
        if rings.is_empty() {
            return Err(format!("no outline for region {region}"));
        }
        overseas.push((region.to_string(), dep.to_string(), rings));
    }
    let gap = 12.0;
    let box_h = ((height - 20.0 - gap * (OVERSEAS.len() as f64 - 1.0)) / OVERSEAS.len() as f64).floor();
    let insets: Vec<Inset> = overseas
        .iter()
        .enumerate()
        .map(|(k, (code, _, rings))| {
            let b = bounds(rings);
            let pad = 0.03;
            let bounds = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
            let box_ = [8.0, 10.0 + k as f64 * (box_h + gap), inset_col - 24.0, box_h];
            let (w_km, h_km) = extent_km(bounds);
            let scale = ((box_[2] - 12.0) / w_km).min((box_[3] - 12.0) / h_km);
            Inset { code: code.clone(), bounds, box_, scale }
        })
        .collect();
    let frame = MapFrame { min_x: min_x - margin - inset_col * 1000.0, max_y: max_y + margin, metres_per_unit: 1000.0, width, height, insets };

    let mut regions: Vec<Shape> = metro.iter().map(|(code, rings)| shape(code.clone(), encode(rings, &frame, 1.0, 1.2, 6.0))).collect();
    let dpk = DEPARTEMENT_UNITS_PER_KM;
    let mut departements: Vec<Shape> = features(&deps_fc)
        .into_iter()
        .filter_map(|f| {
            let code = code_of(f)?;
            Some(shape(code, encode(&rings_of(&f["geometry"]), &frame, dpk, 0.35 * dpk, 4.0 * dpk * dpk)))
        })
        .collect();
    for (region, dep, rings) in &overseas {
        regions.push(shape(region.clone(), encode(rings, &frame, 1.0, 0.6, 1.0)));
        departements.push(shape(dep.clone(), encode(rings, &frame, dpk, 0.3 * dpk, dpk * dpk)));
    }
    let round1 = |v: f64| (v * 10.0).round() / 10.0;
    let hq = poles
        .iter()
        .filter_map(|p| Some((p.id.clone(), p.hq.lon?, p.hq.lat?)))
        .map(|(pole, lon, lat)| {
            let (x, y) = frame.project(lon, lat);
            HqPoint { pole, x: round1(x), y: round1(y) }
        })
        .collect();
    regions.sort_by(|a, b| a.code.cmp(&b.code));
    departements.sort_by(|a, b| a.code.cmp(&b.code));
    let file = GeoFile {
        schema: "poles-explorer/geo",
        schema_version: poles_core::SCHEMA_VERSION,
        data_version: &meta.data_version,
        compiled_at: &meta.compiled_at,
        licence: "Contours : IGN, ADMIN EXPRESS COG (édition 2018) ; codes et noms : INSEE, COG 2018 ; mise en forme GeoJSON : france-geojson (Grégoire David) — Licence Ouverte (Etalab). Simplifiés et projetés (Lambert-93, encarts outre-mer) par Pôles Explorer.",
        frame,
        departement_units_per_km: dpk,
        regions,
        departements,
        hq,
    };
    let mut text = serde_json::to_string(&file).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}
