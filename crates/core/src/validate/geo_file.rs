//! `geo.json`, the map outlines: loaded only by the map view.

use super::*;

/// The map outlines (`geo.json`), loaded only by the map view.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoData {
    pub frame: crate::geo::MapFrame,
    pub departement_units_per_km: f64,
    pub regions: Vec<GeoShape>,
    pub departements: Vec<GeoShape>,
    /// Pôle headquarters, already projected (region map units).
    pub hq: Vec<HqPoint>,
}

/// One outline: INSEE code, bounding box and SVG path data.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoShape {
    pub code: String,
    /// [min_x, min_y, max_x, max_y] of the path.
    pub bbox: [f64; 4],
    pub d: String,
}

/// A pôle's headquarters on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct HqPoint {
    pub pole: String,
    pub x: f64,
    pub y: f64,
}

fn num_at(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64).filter(|x| x.is_finite())
}

fn nums4(v: Option<&Value>) -> Option<[f64; 4]> {
    let a = v?.as_array()?;
    if a.len() != 4 {
        return None;
    }
    let n = |i: usize| a[i].as_f64().filter(|x| x.is_finite());
    Some([n(0)?, n(1)?, n(2)?, n(3)?])
}

/// Validates `geo.json`: header, structure, and that every code is a known region or département
/// (unknown ones are dropped with a problem). Path data is rendered as an SVG attribute, never as markup.
pub fn load_geo(text: &str, refs: &Referentiels, problems: &mut Vec<Problem>) -> Result<GeoData, FileError> {
    const FILE: &str = "geo.json";
    let (obj, _) = parse_file(FILE, text, "regions")?;
    let shape_err = |what: &str| FileError { file: FILE.into(), kind: FileErrorKind::Shape(what.into()) };
    let f = obj.get("frame").ok_or_else(|| shape_err("cadre de la carte (frame) absent"))?;
    let insets = f
        .get("insets")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|i| {
                    Some(crate::geo::Inset {
                        code: i.get("code")?.as_str()?.to_string(),
                        bounds: nums4(i.get("bounds"))?,
                        box_: nums4(i.get("box_"))?,
                        scale: num_at(i, "scale")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let frame = (|| {
        Some(crate::geo::MapFrame {
            min_x: num_at(f, "min_x")?,
            max_y: num_at(f, "max_y")?,
            metres_per_unit: num_at(f, "metres_per_unit")?,
            width: num_at(f, "width")?,
            height: num_at(f, "height")?,
            insets,
        })
    })()
    .ok_or_else(|| shape_err("cadre de la carte (frame) incomplet"))?;
    let path_ok = |d: &str| d.chars().all(|c| c.is_ascii_digit() || " -.MmLlHhVvZz".contains(c));
    let mut shapes = |key: &str, what: &str, known: &dyn Fn(&str) -> bool| -> Vec<GeoShape> {
        let mut out = Vec::new();
        for (i, s) in obj.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]).iter().enumerate() {
            let code = s.get("code").and_then(Value::as_str).unwrap_or("").to_string();
            let d = s.get("d").and_then(Value::as_str).unwrap_or("");
            match nums4(s.get("bbox")) {
                Some(bbox) if known(&code) && path_ok(d) => out.push(GeoShape { code, bbox, d: d.to_string() }),
                _ => problems.push(Problem {
                    severity: Severity::Error,
                    file: FILE.into(),
                    record: Some(if code.is_empty() { format!("{key}#{i}") } else { code }),
                    field: Some("d".into()),
                    message: format!("{what} inconnu(e) ou tracé invalide ; contour ignoré"),
                }),
            }
        }
        out
    };
    let regions = shapes("regions", "région", &|c| refs.regions.iter().any(|r| r.code == c));
    let departements = shapes("departements", "département", &|c| refs.departements.iter().any(|d| d.code == c));
    let hq = obj
        .get("hq")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(|h| Some(HqPoint { pole: h.get("pole")?.as_str()?.to_string(), x: num_at(h, "x")?, y: num_at(h, "y")? })).collect())
        .unwrap_or_default();
    let departement_units_per_km = obj.get("departement_units_per_km").and_then(Value::as_f64).filter(|x| x.is_finite() && *x > 0.0).unwrap_or(1.0);
    Ok(GeoData { frame, departement_units_per_km, regions, departements, hq })
}
