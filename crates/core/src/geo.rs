//! Map projection and geometry: Lambert-93 (EPSG:2154) for metropolitan France, local insets for
//! the overseas regions, Douglas–Peucker simplification and SVG path encoding.
//!
//! The converter uses it to turn the GeoJSON outlines into small SVG paths (`geo.json`); the app
//! uses the same `MapFrame` to place pôle headquarters on the map.

use serde::Serialize;

/// GRS80 ellipsoid.
const A: f64 = 6_378_137.0;
const F: f64 = 1.0 / 298.257_222_101;

/// Lambert-93 (EPSG:2154): Lambert conformal conic, 2 standard parallels 44° and 49° N,
/// origin 46.5° N 3° E, false easting 700 000 m, false northing 6 600 000 m, GRS80.
/// Returns (x, y) in metres.
pub fn lambert93(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let e = (2.0 * F - F * F).sqrt();
    let (phi1, phi2, phi0) = (49f64.to_radians(), 44f64.to_radians(), 46.5f64.to_radians());
    let lambda0 = 3f64.to_radians();
    let m = |phi: f64| phi.cos() / (1.0 - e * e * phi.sin().powi(2)).sqrt();
    let t = |phi: f64| (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - e * phi.sin()) / (1.0 + e * phi.sin())).powf(e / 2.0);
    let n = (m(phi1).ln() - m(phi2).ln()) / (t(phi1).ln() - t(phi2).ln());
    let big_f = m(phi1) / (n * t(phi1).powf(n));
    let rho = |phi: f64| A * big_f * t(phi).powf(n);
    let (phi, lambda) = (lat_deg.to_radians(), lon_deg.to_radians());
    let theta = n * (lambda - lambda0);
    let x = 700_000.0 + rho(phi) * theta.sin();
    let y = 6_600_000.0 + rho(phi0) - rho(phi) * theta.cos();
    (x, y)
}

/// An overseas inset: lon/lat inside `bounds` are projected locally (equirectangular around the
/// centre, which keeps shapes true at these small extents), scaled, and placed in `box_` (map units).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inset {
    /// INSEE region code.
    pub code: String,
    /// [west, south, east, north] in degrees.
    pub bounds: [f64; 4],
    /// [x, y, width, height] of the inset frame in map units (y down).
    pub box_: [f64; 4],
    /// Map units per kilometre inside the inset.
    pub scale: f64,
}

/// How lon/lat become map (SVG) units: Lambert-93 kilometres for the metropolis, insets for overseas.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapFrame {
    /// Lambert-93 metres at the map's left edge and top edge.
    pub min_x: f64,
    pub max_y: f64,
    /// Metres per map unit (1000: one unit is one kilometre).
    pub metres_per_unit: f64,
    /// Map size in units.
    pub width: f64,
    pub height: f64,
    pub insets: Vec<Inset>,
}

impl MapFrame {
    /// Map coordinates (x right, y down) of a lon/lat point.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        if let Some(inset) = self.insets.iter().find(|i| lon >= i.bounds[0] && lon <= i.bounds[2] && lat >= i.bounds[1] && lat <= i.bounds[3]) {
            return inset_project(inset, lon, lat);
        }
        let (x, y) = lambert93(lon, lat);
        ((x - self.min_x) / self.metres_per_unit, (self.max_y - y) / self.metres_per_unit)
    }
}

fn inset_project(i: &Inset, lon: f64, lat: f64) -> (f64, f64) {
    let [w, s, e, n] = i.bounds;
    let (lon0, lat0) = ((w + e) / 2.0, (s + n) / 2.0);
    let km_per_deg = 111.195;
    let dx = (lon - lon0) * km_per_deg * lat0.to_radians().cos();
    let dy = (lat - lat0) * km_per_deg;
    (i.box_[0] + i.box_[2] / 2.0 + dx * i.scale, i.box_[1] + i.box_[3] / 2.0 - dy * i.scale)
}

/// Width and height in kilometres of a lon/lat box, with the inset's local projection.
pub fn extent_km(bounds: [f64; 4]) -> (f64, f64) {
    let [w, s, e, n] = bounds;
    let lat0 = (s + n) / 2.0;
    ((e - w) * 111.195 * lat0.to_radians().cos(), (n - s) * 111.195)
}

/// Douglas–Peucker simplification of a ring or line: keeps the end points and every point
/// farther than `tolerance` from the simplified line.
pub fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0usize, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut best, mut best_d) = (a, 0.0);
        for (k, p) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = segment_distance(*p, points[a], points[b]);
            if d > best_d {
                best = k;
                best_d = d;
            }
        }
        if best_d > tolerance {
            keep[best] = true;
            stack.push((a, best));
            stack.push((best, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt();
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0);
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// Area of a ring (shoelace), absolute.
pub fn ring_area(ring: &[(f64, f64)]) -> f64 {
    let mut s = 0.0;
    for k in 0..ring.len() {
        let (a, b) = (ring[k], ring[(k + 1) % ring.len()]);
        s += a.0 * b.1 - b.0 * a.1;
    }
    s.abs() / 2.0
}

/// SVG path data of rings in map units, rounded to integers, with relative moves to keep it short.
pub fn svg_path(rings: &[Vec<(f64, f64)>]) -> String {
    let mut out = String::new();
    for ring in rings {
        let pts: Vec<(i64, i64)> = ring.iter().map(|(x, y)| (x.round() as i64, y.round() as i64)).collect();
        let mut dedup: Vec<(i64, i64)> = Vec::with_capacity(pts.len());
        for p in pts {
            if dedup.last() != Some(&p) {
                dedup.push(p);
            }
        }
        if dedup.len() > 1 && dedup.first() == dedup.last() {
            dedup.pop();
        }
        if dedup.len() < 3 {
            continue;
        }
        let (mut px, mut py) = dedup[0];
        out.push_str(&format!("M{px} {py}l"));
        for (k, &(x, y)) in dedup.iter().enumerate().skip(1) {
            let (dx, dy) = (x - px, y - py);
            if k > 1 && dx >= 0 {
                out.push(' ');
            }
            if dy >= 0 {
                out.push_str(&format!("{dx} {dy}"));
            } else {
                out.push_str(&format!("{dx}{dy}"));
            }
            (px, py) = (x, y);
        }
        out.push('z');
    }
    out
}

/// Bounding box [min_x, min_y, max_x, max_y] of path data written by `svg_path` (M, l, z).
pub fn path_bbox(d: &str) -> Option<[f64; 4]> {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    let (mut x, mut y) = (0.0, 0.0);
    let mut nums: Vec<f64> = Vec::new();
    let mut cmd = ' ';
    let flush = |cmd: char, nums: &mut Vec<f64>, x: &mut f64, y: &mut f64, b: &mut [f64; 4]| {
        for pair in nums.chunks(2) {
            if pair.len() < 2 {
                continue;
            }
            match cmd {
                'M' => (*x, *y) = (pair[0], pair[1]),
                'l' => (*x, *y) = (*x + pair[0], *y + pair[1]),
                _ => continue,
            }
            *b = [b[0].min(*x), b[1].min(*y), b[2].max(*x), b[3].max(*y)];
        }
        nums.clear();
    };
    let mut token = String::new();
    for c in d.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || c == '.' || (c == '-' && token.is_empty()) {
            token.push(c);
            continue;
        }
        if !token.is_empty() {
            nums.push(token.parse().ok()?);
            token.clear();
        }
        if c == '-' {
            token.push(c);
        } else if c.is_ascii_alphabetic() {
            flush(cmd, &mut nums, &mut x, &mut y, &mut b);
            cmd = c;
        }
    }
    flush(cmd, &mut nums, &mut x, &mut y, &mut b);
    (b[0] <= b[2]).then_some(b)
}

/// Colour classes: `k` upper bounds ("nice" rounded) splitting `values` (positive ones) into classes
/// of similar size. Returned bounds are increasing and unique; empty when every value is 0.
pub fn class_breaks(values: &[f64], k: usize) -> Vec<f64> {
    let v: Vec<f64> = values.iter().copied().filter(|x| *x > 0.0 && x.is_finite()).collect();
    if v.is_empty() || k == 0 {
        return Vec::new();
    }
    // Positive finite doubles order like their bits: the one sort of the app (`order_by`).
    let v: Vec<f64> = crate::listing::order_by(v.len(), |i| (v[i].to_bits(), 0)).into_iter().map(|i| v[i]).collect();
    let mut out: Vec<f64> = Vec::new();
    for c in 1..=k {
        let q = v[((v.len() * c).div_ceil(k)).saturating_sub(1).min(v.len() - 1)];
        let nice = nice_ceil(q);
        if out.last().is_none_or(|l| nice > *l) {
            out.push(nice);
        }
    }
    out
}

/// Rounds up to 1, 2 or 5 times a power of ten (12 -> 20, 3 -> 3 below 10).
fn nice_ceil(x: f64) -> f64 {
    if x <= 10.0 {
        return x.ceil();
    }
    // The power of ten at or below x (a loop: no logarithm code in the WASM).
    let mut p = 1.0;
    while p * 10.0 <= x {
        p *= 10.0;
    }
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * p >= x {
            return m * p;
        }
    }
    10.0 * p
}

/// The class (0-based) of a value given `class_breaks`; `None` for 0 (no item).
pub fn class_of(value: f64, breaks: &[f64]) -> Option<usize> {
    if value <= 0.0 || breaks.is_empty() {
        return None;
    }
    Some(breaks.iter().position(|b| value <= *b).unwrap_or(breaks.len() - 1))
}

/// The legend's bands for the class bounds `breaks` (as `class_breaks`), without overlap:
/// `(from, to)` per class. For whole numbers (counts) both ends are included and a class starts
/// one above the previous bound (1 to 8, 9 to 20; `from == to` for a one-value class); for
/// amounts `from` is the previous bound, excluded, and `None` for the first class ("up to").
pub fn legend_bands(breaks: &[f64], whole: bool) -> Vec<(Option<f64>, f64)> {
    let mut prev = None;
    breaks
        .iter()
        .map(|&to| {
            let from = if whole { Some(prev.map_or(1.0, |p: f64| p + 1.0)) } else { prev };
            prev = Some(to);
            (from, to)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_bands_do_not_overlap() {
        assert_eq!(legend_bands(&[1.0, 8.0, 20.0], true), vec![(Some(1.0), 1.0), (Some(2.0), 8.0), (Some(9.0), 20.0)]);
        assert_eq!(legend_bands(&[1e6, 5e6], false), vec![(None, 1e6), (Some(1e6), 5e6)]);
        // Every positive whole value falls in the band of its class, and in no other.
        let breaks = class_breaks(&(1..=60).map(f64::from).collect::<Vec<_>>(), 5);
        let bands = legend_bands(&breaks, true);
        for v in 1..=60 {
            let v = f64::from(v);
            let inside: Vec<usize> = (0..bands.len()).filter(|&k| bands[k].0.is_some_and(|f| f <= v) && v <= bands[k].1).collect();
            assert_eq!(inside, vec![class_of(v, &breaks).unwrap()], "{v}");
        }
    }

    /// Reference values from PROJ (pyproj, EPSG:4326 -> EPSG:2154).
    #[test]
    fn lambert93_matches_proj() {
        let cases = [
            ((3.0, 46.5), (700_000.0, 6_600_000.0)),
            ((2.3522, 48.8566), (652_469.023, 6_862_035.259)),   // Paris
            ((5.0415, 47.3220), (854_184.548, 6_693_290.462)),   // Dijon
            ((-4.4861, 48.3904), (146_632.979, 6_836_262.327)),  // Brest
            ((7.2620, 43.7102), (1_043_410.160, 6_299_400.043)), // Nice
            ((9.45, 42.70), (1_228_546.045, 6_199_420.644)),     // Corsica
            ((-1.5536, 47.2184), (355_577.802, 6_689_723.103)),  // Nantes
        ];
        for ((lon, lat), (ex, ey)) in cases {
            let (x, y) = lambert93(lon, lat);
            assert!((x - ex).abs() < 0.01 && (y - ey).abs() < 0.01, "({lon}, {lat}) -> ({x}, {y}), expected ({ex}, {ey})");
        }
    }

    #[test]
    fn frame_projects_metropolis_and_insets() {
        let frame = MapFrame {
            min_x: 100_000.0,
            max_y: 7_200_000.0,
            metres_per_unit: 1000.0,
            width: 1200.0,
            height: 1100.0,
            insets: vec![Inset { code: "04".into(), bounds: [55.2, -21.4, 55.9, -20.8], box_: [0.0, 900.0, 100.0, 100.0], scale: 1.0 }],
        };
        let (x, y) = frame.project(3.0, 46.5);
        assert!((x - 600.0).abs() < 1e-9 && (y - 600.0).abs() < 1e-9);
        // The centre of the Réunion box is the centre of its bounds.
        let (x, y) = frame.project(55.55, -21.1);
        assert!((x - 50.0).abs() < 1e-9 && (y - 950.0).abs() < 1e-9);
        // North is up in insets too.
        assert!(frame.project(55.55, -20.9).1 < y);
    }

    #[test]
    fn simplify_keeps_corners_and_drops_collinear_points() {
        let line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        assert_eq!(simplify(&line, 0.1), vec![(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]);
        assert_eq!(simplify(&line, 0.001).len(), line.len());
    }

    #[test]
    fn svg_path_is_relative_and_closed() {
        let ring = vec![(10.2, 10.0), (20.0, 10.0), (20.0, 5.0), (10.0, 5.0), (10.0, 10.0)];
        assert_eq!(svg_path(&[ring]), "M10 10l10 0 0-5-10 0z");
        assert_eq!(svg_path(&[vec![(0.0, 0.0), (0.2, 0.1), (0.0, 0.0)]]), "", "degenerate rings are dropped");
    }

    #[test]
    fn bbox_of_paths() {
        assert_eq!(path_bbox("M10 10l10 0 0-5-10 0z"), Some([10.0, 5.0, 20.0, 10.0]));
        assert_eq!(path_bbox("M1 1l2 2zM-5 3l1-1z"), Some([-5.0, 1.0, 3.0, 3.0]));
        assert_eq!(path_bbox(""), None);
    }

    #[test]
    fn breaks_and_classes() {
        let b = class_breaks(&[0.0, 1.0, 2.0, 3.0, 10.0, 25.0, 41.0, 44.0], 4);
        assert_eq!(b, vec![2.0, 10.0, 50.0]);
        assert_eq!(class_of(0.0, &b), None);
        assert_eq!(class_of(1.0, &b), Some(0));
        assert_eq!(class_of(44.0, &b), Some(2));
        assert!(class_breaks(&[0.0, 0.0], 5).is_empty());
        assert_eq!(ring_area(&[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]), 4.0);
    }
}
