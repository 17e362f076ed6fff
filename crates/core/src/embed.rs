//! Embedding parameters of the page URL (`embed=1`, `verrou=…`, `couleur=…`), validated, and the
//! iframe code of the "Intégrer" page. Depends on `query` (facet names); `query` does not depend
//! on it (the names of the non-filter parameters are `query::EMBED_PARAMS`).

use crate::i18n::{fill, msg};

/// Embedding options from the URL: `embed=1`, `verrou=region[,theme…]`, `couleur=RRGGBB`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    pub enabled: bool,
    /// URL parameter names of the locked facets.
    pub locked: Vec<String>,
    /// Validated brand colour ("#1d4e89").
    pub colour: Option<String>,
}

/// Relative luminance of an sRGB colour (WCAG 2.1).
/// x^2.4 for x in (0, 1], as x² · (x²)^(1/5) with Newton's method for the fifth root: enough
/// precision for contrast ratios, without the general `pow` code in the WASM.
fn pow_2_4(x: f64) -> f64 {
    let x2 = x * x;
    let mut y: f64 = 1.0;
    for _ in 0..60 {
        y = (4.0 * y + x2 / (y * y * y * y)) / 5.0;
    }
    x2 * y
}

pub fn luminance(rgb: [u8; 3]) -> f64 {
    let c = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            pow_2_4((s + 0.055) / 1.055)
        }
    };
    0.2126 * c(rgb[0]) + 0.7152 * c(rgb[1]) + 0.0722 * c(rgb[2])
}

/// Contrast ratio between two colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let s = s.trim().trim_start_matches('#');
    if s.len() != 6 || !s.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let b = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).ok();
    Some([b(0)?, b(2)?, b(4)?])
}

/// For a colour refused as too light: the nearest darker shade of the same hue under which white
/// text reaches 4.5:1, as "rrggbb"; `None` when the text is not a colour or already passes.
pub fn darker_passing_shade(s: &str) -> Option<String> {
    const WHITE: [u8; 3] = [255, 255, 255];
    let rgb = parse_hex(s)?;
    if contrast(rgb, WHITE) >= 4.5 {
        return None;
    }
    // Every channel scaled by k/255: the largest k that passes (black, k = 0, always does).
    let scaled = |k: u32| rgb.map(|c| (u32::from(c) * k / 255) as u8);
    let c = (0..=255u32).rev().map(scaled).find(|&c| contrast(c, WHITE) >= 4.5)?;
    Some(format!("{:02x}{:02x}{:02x}", c[0], c[1], c[2]))
}

/// Where, for the default title of an embed: "en Bretagne", "dans les Hauts-de-France", "à La
/// Réunion", "en Bretagne, Normandie" (French), or "in …"; `None` without a region.
pub fn in_regions(regions: &[&str], english: bool) -> Option<String> {
    let first = regions.first()?;
    let names = regions.join(", ");
    let before = if english {
        "in "
    } else if first.starts_with("Hauts-") || first.starts_with("Pays ") {
        "dans les "
    } else if first.starts_with("Grand ") {
        "dans le "
    } else if first.starts_with("La ") || *first == "Mayotte" {
        "à "
    } else {
        "en "
    };
    Some(format!("{before}{names}"))
}

/// Reads the embedding parameters; an unreadable or too light colour is refused with a notice
/// (white text on it must reach 4.5:1, WCAG AA).
pub fn parse_embed(params: &[(String, String)]) -> (Embed, Vec<String>) {
    let mut e = Embed::default();
    let mut notices = Vec::new();
    for (k, v) in params {
        match k.as_str() {
            "embed" => e.enabled = matches!(v.trim(), "1" | "true" | "oui"),
            "verrou" => {
                for f in v.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    if crate::query::Facet::ALL.iter().any(|x| x.param() == f) {
                        if !e.locked.iter().any(|x| x == f) {
                            e.locked.push(f.to_string());
                        }
                    } else {
                        notices.push(fill(msg("« verrou={} » ignoré : filtre inconnu"), &[f]));
                    }
                }
            }
            "couleur" => match parse_hex(v) {
                Some(rgb) if contrast(rgb, [255, 255, 255]) >= 4.5 => {
                    e.colour = Some(format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]));
                }
                Some(_) => notices.push(fill(msg("« couleur={} » ignorée : trop claire pour un texte blanc lisible (contraste AA 4,5:1)"), &[v])),
                None => notices
                    .push(fill(msg("« couleur={} » ignorée : attendu 6 chiffres hexadécimaux, par ex. 1d4e89"), &[&v.chars().take(20).collect::<String>()])),
            },
            _ => {}
        }
    }
    (e, notices)
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// What the "Intégrer" page produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    /// The iframe's address.
    pub src: String,
    /// The HTML to paste into the host page.
    pub html: String,
}

/// Builds the iframe code. `app_url` is the explorer's absolute URL ending with `/`, `query` the
/// explorer's query string ("?region=27…" or ""), `title` the frame's title (RGAA: required and
/// meaningful; an empty one is replaced by a default), `locks` the facet parameters to lock.
pub fn embed_snippet(app_url: &str, query: &str, title: &str, locks: &[&str], colour: Option<&str>, height: u32) -> Snippet {
    let mut params: Vec<String> = query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(str::to_string).collect();
    params.push("embed=1".into());
    if !locks.is_empty() {
        params.push(format!("verrou={}", locks.join(",")));
    }
    if let Some(c) = colour {
        params.push(format!("couleur={}", c.trim_start_matches('#')));
    }
    let src = format!("{app_url}?{}", params.join("&"));
    let title = if title.trim().is_empty() { "Pôles de compétitivité et projets — Pôles Explorer" } else { title.trim() };
    let height = height.clamp(300, 5000);
    let html = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;width:100%\" loading=\"lazy\" data-poles-explorer></iframe>\n<script src=\"{}embed.js\" defer></script>",
        html_attr(&src),
        html_attr(title),
        html_attr(app_url)
    );
    Snippet { src, html }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fifth_root_power_matches_powf() {
        for k in 1..=255u32 {
            let x = ((k as f64 / 255.0) + 0.055) / 1.055;
            let (a, b) = (super::pow_2_4(x), x.powf(2.4));
            assert!((a - b).abs() < 1e-12, "{x}: {a} vs {b}");
        }
    }

    use super::*;

    fn p(s: &[(&str, &str)]) -> Vec<(String, String)> {
        s.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn embed_parameters() {
        let (e, n) = parse_embed(&p(&[("embed", "1"), ("verrou", "region,foo"), ("couleur", "1D4E89")]));
        assert!(e.enabled);
        assert_eq!(e.locked, ["region"]);
        assert_eq!(e.colour.as_deref(), Some("#1d4e89"));
        assert_eq!(n.len(), 1);
        let (e, n) = parse_embed(&p(&[("couleur", "ffff00")]));
        assert_eq!(e.colour, None, "yellow under white text fails AA");
        assert!(n[0].contains("trop claire"));
        let (e, n) = parse_embed(&p(&[("couleur", "red;}body{")]));
        assert_eq!((e.colour, n.len()), (None, 1));
    }

    #[test]
    fn snippets() {
        let s = embed_snippet("https://ex.fr/explorateur/", "?region=27&theme=mer", "Projets \"BFC\" <2026>", &["region"], Some("#1d4e89"), 900);
        assert_eq!(s.src, "https://ex.fr/explorateur/?region=27&theme=mer&embed=1&verrou=region&couleur=1d4e89");
        assert!(s.html.contains("title=\"Projets &quot;BFC&quot; &lt;2026&gt;\""));
        assert!(s.html.contains("src=\"https://ex.fr/explorateur/?region=27&amp;theme=mer&amp;embed=1"));
        assert!(s.html.contains("<script src=\"https://ex.fr/explorateur/embed.js\" defer></script>"));
        assert!(s.html.contains("height=\"900\""));
        let s = embed_snippet("https://ex.fr/", "", "  ", &[], None, 10);
        assert_eq!(s.src, "https://ex.fr/?embed=1");
        assert!(s.html.contains("title=\"Pôles de compétitivité et projets — Pôles Explorer\"") && s.html.contains("height=\"300\""));
    }

    #[test]
    fn a_refused_colour_gets_the_nearest_darker_shade_that_passes() {
        for light in ["ffff00", "#87ceeb", "ffffff", "5fa1d3"] {
            let shade = darker_passing_shade(light).expect(light);
            let rgb = parse_hex(&shade).unwrap();
            assert!(contrast(rgb, [255, 255, 255]) >= 4.5, "{light} -> {shade}");
            assert!(parse_embed(&p(&[("couleur", &shade)])).0.colour.is_some(), "the shade is accepted");
            let original = parse_hex(light).unwrap();
            assert!(rgb.iter().zip(original).all(|(a, b)| *a <= b), "darker on every channel");
            // One step lighter fails: it is the nearest.
            let lighter = rgb.map(|c| c.saturating_add(2));
            assert!(contrast(lighter, [255, 255, 255]) < 4.5 || lighter == rgb, "{light} -> {shade} is not the nearest");
        }
        assert_eq!(darker_passing_shade("1d4e89"), None, "already passes");
        assert_eq!(darker_passing_shade("zz"), None);
    }

    #[test]
    fn where_in_titles() {
        assert_eq!(in_regions(&["Bourgogne-Franche-Comté"], false).unwrap(), "en Bourgogne-Franche-Comté");
        assert_eq!(in_regions(&["Hauts-de-France"], false).unwrap(), "dans les Hauts-de-France");
        assert_eq!(in_regions(&["Pays de la Loire"], false).unwrap(), "dans les Pays de la Loire");
        assert_eq!(in_regions(&["Grand Est"], false).unwrap(), "dans le Grand Est");
        assert_eq!(in_regions(&["La Réunion"], false).unwrap(), "à La Réunion");
        assert_eq!(in_regions(&["Bretagne", "Normandie"], false).unwrap(), "en Bretagne, Normandie");
        assert_eq!(in_regions(&["Bretagne"], true).unwrap(), "in Bretagne");
        assert_eq!(in_regions(&[], false), None);
    }

    #[test]
    fn contrast_ratios() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!(contrast([0x1d, 0x4e, 0x89], [255, 255, 255]) > 8.0);
    }
}
