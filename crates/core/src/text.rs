//! Text helpers for French: accent and case folding, safe links.

/// Folds a string for comparison: lower case, accents removed, ligatures expanded.
/// "Pôle Sécurité" and "pole securite" fold to the same text. Covers ASCII and the Latin letters of
/// French (and a few neighbours); other characters are kept as they are (no Unicode case tables,
/// which would weigh on the WASM).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => out.push('a'),
            'ç' | 'Ç' | 'č' | 'Č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ñ' | 'Ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => out.push('y'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' | 'ʼ' => out.push('\''),
            'ß' => out.push_str("ss"),
            _ => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Folds and reduces to words: every run of non-alphanumeric characters becomes one space,
/// and `&` reads as "et". Used to match free-text names ("Images & Réseaux" ~ "images et reseaux").
pub fn fold_words(s: &str) -> String {
    let folded = fold(&s.replace('&', " et "));
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Text for HTML and SVG markup: `&`, `<`, `>` and `"` escaped.
pub fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A link from the data is shown as a link only when it is an absolute `http:` or `https:` URL.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && lower.len() > "https://".len()
}

/// The host of a URL, for a short link label ("www.example.fr").
pub fn link_host(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Pôle Sécurité"), "pole securite");
        assert_eq!(fold("ÎLE-DE-FRANCE"), "ile-de-france");
        assert_eq!(fold("Œnologie Æther"), "oenologie aether");
        assert_eq!(fold("Côte-d’Or"), "cote-d'or");
    }

    #[test]
    fn fold_words_normalises_punctuation_and_ampersand() {
        assert_eq!(fold_words("Images & Réseaux"), "images et reseaux");
        assert_eq!(fold_words("Industries et Agro-Ressources (IAR)"), "industries et agro ressources iar");
        assert_eq!(fold_words("  Pôle  Mer—Méditerranée "), "pole mer mediterranee");
    }

    #[test]
    fn only_http_links_are_safe() {
        assert!(is_safe_link("https://www.vitagora.com/"));
        assert!(is_safe_link("HTTP://example.org"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link("data:text/html,<script>"));
        assert!(!is_safe_link("//example.org"));
        assert!(!is_safe_link("https://"));
    }

    #[test]
    fn host_of_link() {
        assert_eq!(link_host("https://www.vitagora.com/projets?x=1"), "www.vitagora.com");
        assert_eq!(link_host("http://a.fr"), "a.fr");
    }
}
