//! French formatting of numbers, amounts and dates.

/// Narrow no-break space, the French thousands separator (as `Intl.NumberFormat("fr-FR")`).
pub const THOUSANDS_SEP: char = '\u{202F}';
/// No-break space before the euro sign.
pub const NBSP: char = '\u{00A0}';

/// Groups the digits of a whole number by three: 1234567 -> "1 234 567".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(THOUSANDS_SEP);
        }
        out.push(c);
    }
    out
}

/// An amount in euros, rounded to the euro: 1234567.0 -> "1 234 567 €".
/// Amounts are validated as finite and non-negative before they reach here; anything else
/// is shown as written by `{}` so that nothing is hidden.
pub fn eur(amount: f64) -> String {
    if amount.is_finite() && amount >= 0.0 && amount < 1e18 {
        format!("{}{NBSP}€", group_thousands(amount.round() as u64))
    } else {
        "montant invalide".to_string()
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

/// A count with its French noun, singular for 0 and 1: (2, "projet", "projets") -> "2 projets".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    let noun = if n <= 1 { singular } else { plural };
    format!("{} {noun}", group_thousands(n as u64))
}

/// An ISO date (YYYY-MM-DD) in the French form DD/MM/YYYY; other text is returned unchanged.
pub fn date_fr(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2 {
        format!("{}/{}/{}", parts[2], parts[1], parts[0])
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
    fn dates() {
        assert_eq!(date_fr("2026-11-26"), "26/11/2026");
        assert_eq!(date_fr("novembre"), "novembre");
    }
}
