//! Numbers, amounts and dates in the page's language (`i18n::current`): French by default
//! (1 234 567 €, 26/11/2026), English with `lang=en` (€1,234,567, 26 November 2026).

use crate::i18n::{current, Lang};

/// Narrow no-break space, the French thousands separator (as `Intl.NumberFormat("fr-FR")`).
pub const THOUSANDS_SEP: char = '\u{202F}';
/// No-break space before the euro sign.
pub const NBSP: char = '\u{00A0}';

/// Groups the digits of a whole number by three: 1234567 -> "1 234 567" ("1,234,567" in English).
pub fn group_thousands(n: u64) -> String {
    group_in(current(), n)
}

pub fn group_in(lang: Lang, n: u64) -> String {
    let sep = if lang == Lang::En { ',' } else { THOUSANDS_SEP };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount in euros, rounded to the euro: 1234567.0 -> "1 234 567 €".
/// Amounts are validated as finite and non-negative before they reach here; anything else
/// is shown as written by `{}` so that nothing is hidden.
pub fn eur(amount: f64) -> String {
    eur_in(current(), amount)
}

pub fn eur_in(lang: Lang, amount: f64) -> String {
    if !(0.0..1e18).contains(&amount) {
        return if lang == Lang::En { "invalid amount" } else { "montant invalide" }.to_string();
    }
    let n = group_in(lang, amount.round() as u64);
    if lang == Lang::En {
        format!("€{n}")
    } else {
        format!("{n}{NBSP}€")
    }
}

/// A number for SVG attributes, with at most one decimal, without the float formatting machinery
/// (which weighs on the WASM size): 12.34 -> "12.3", -0.04 -> "0", 5.0 -> "5".
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let tenths = (x * 10.0).round() as i64;
    let (sign, t) = if tenths < 0 { ("-", -tenths) } else { ("", tenths) };
    if t % 10 == 0 {
        format!("{sign}{}", t / 10)
    } else {
        format!("{sign}{}.{}", t / 10, t % 10)
    }
}

/// A count with its noun (already in the page's language): singular for 0 and 1 in French,
/// for 1 only in English: (2, "projet", "projets") -> "2 projets".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    let lang = current();
    let noun = if n == 1 || (n == 0 && lang == Lang::Fr) { singular } else { plural };
    format!("{} {noun}", group_in(lang, n as u64))
}

/// A page's title (`document.title`): its parts, already in the page's language, then the app's
/// name; empty parts are left out: ["Vitagora", "pôle"] -> "Vitagora — pôle — Pôles Explorer".
pub fn page_title(parts: &[&str]) -> String {
    let mut all: Vec<&str> = parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
    all.push("Pôles Explorer");
    all.join(" — ")
}

/// An ISO date (YYYY-MM-DD) as DD/MM/YYYY (French) or "26 November 2026" (English); other text
/// is returned unchanged.
pub fn date_fr(iso: &str) -> String {
    date_in(current(), iso)
}

pub fn date_in(lang: Lang, iso: &str) -> String {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let parts: Vec<&str> = iso.split('-').collect();
    if parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2 {
        match (lang, parts[1].parse::<usize>(), parts[2].parse::<u8>()) {
            (Lang::En, Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {}", MONTHS[m - 1], parts[0]),
            _ => format!("{}/{}/{}", parts[2], parts[1], parts[0]),
        }
    } else {
        iso.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_three() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1\u{202F}000");
        assert_eq!(group_thousands(1234567), "1\u{202F}234\u{202F}567");
    }

    #[test]
    fn euros_the_french_way() {
        assert_eq!(eur(1234567.0), "1\u{202F}234\u{202F}567\u{A0}€");
        assert_eq!(eur(89700.4), "89\u{202F}700\u{A0}€");
        assert_eq!(eur(0.0), "0\u{A0}€");
    }

    #[test]
    fn svg_numbers() {
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(5.0), "5");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-2.56), "-2.6");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(0, "projet", "projets"), "0 projet");
        assert_eq!(count(1, "projet", "projets"), "1 projet");
        assert_eq!(count(323, "projet", "projets"), "323 projets");
    }

    #[test]
    fn english_forms() {
        assert_eq!(eur_in(Lang::En, 1234567.0), "€1,234,567");
        assert_eq!(group_in(Lang::En, 1000), "1,000");
        assert_eq!(date_in(Lang::En, "2026-11-26"), "26 November 2026");
        assert_eq!(date_in(Lang::En, "2026-01-05"), "5 January 2026");
        assert_eq!(date_in(Lang::Fr, "2026-01-05"), "05/01/2026");
        assert_eq!(eur_in(Lang::En, f64::NAN), "invalid amount");
    }

    #[test]
    fn page_titles() {
        assert_eq!(page_title(&["Vitagora", "pôle"]), "Vitagora — pôle — Pôles Explorer");
        assert_eq!(page_title(&["37 projets", " ", "Carte"]), "37 projets — Carte — Pôles Explorer");
        assert_eq!(page_title(&[]), "Pôles Explorer");
    }

    #[test]
    fn dates() {
        assert_eq!(date_fr("2026-11-26"), "26/11/2026");
        assert_eq!(date_fr("novembre"), "novembre");
    }
}
