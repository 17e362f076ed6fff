//! What the static pages written by `make data` share ("À propos des données", "Comprendre les
//! pôles"): the words of the page's language (French, or English through the app's catalog, where
//! a missing text is an error), HTML escaping, and the frame of a page (head, header, breadcrumb).

use poles_core::i18n::{fill, set_current, Catalog, Lang};
use std::cell::RefCell;

/// Escapes a text for HTML (element content and double-quoted attributes): the core's, which the
/// app's organisation page and network use too.
pub use poles_core::text::escape_html as esc;

/// The words of one page: French texts as they are, or their English from the catalog.
pub struct Words<'a> {
    catalog: Option<&'a Catalog>,
    missing: RefCell<Vec<String>>,
}

impl Words<'_> {
    pub fn english(&self) -> bool {
        self.catalog.is_some()
    }
    /// A UI text in the page's language (a text the catalog lacks is reported by `render`).
    pub fn t(&self, fr: &str) -> String {
        match self.catalog {
            None => fr.to_string(),
            Some(c) => c.get(fr).map(str::to_string).unwrap_or_else(|| {
                self.missing.borrow_mut().push(fr.to_string());
                fr.to_string()
            }),
        }
    }
    /// A `{}` template in the page's language, filled.
    pub fn tf(&self, fr: &str, args: &[&str]) -> String {
        fill(&self.t(fr), args)
    }
    /// A label of the data's reference lists: translated when the catalog has it (as in the app).
    pub fn tr(&self, label: &str) -> String {
        self.catalog.and_then(|c| c.get(label)).unwrap_or(label).to_string()
    }
    /// An address of the explorer (`query` without `?`) in the page's language, escaped for an attribute.
    pub fn app_link(&self, query: &str) -> String {
        let parts: Vec<&str> = [query, if self.english() { "lang=en" } else { "" }].into_iter().filter(|p| !p.is_empty()).collect();
        esc(&if parts.is_empty() { "./".to_string() } else { format!("./?{}", parts.join("&")) })
    }
}

/// One page: `body` writes it with the page's words (French when `catalog` is `None`); numbers and
/// dates follow the page's language while it runs. A French text without English is an error, so
/// that the English page is never half French.
pub fn render<T>(catalog: Option<&Catalog>, body: impl FnOnce(&Words) -> T) -> Result<T, String> {
    set_current(if catalog.is_some() { Lang::En } else { Lang::Fr });
    let words = Words { catalog, missing: RefCell::new(Vec::new()) };
    let html = body(&words);
    set_current(Lang::Fr);
    let missing = words.missing.into_inner();
    if missing.is_empty() {
        Ok(html)
    } else {
        Err(format!("public/i18n/en.json lacks the English of: {}", missing.join(" | ")))
    }
}

/// The start of a page: head (title, the stylesheet the build links), skip link, header, the
/// opening of `main` and of the `article` (`testid`), and the breadcrumb back to the explorer with
/// the link to the other language's page (`pages`: the French and the English file names).
pub fn start(w: &Words, title: &str, testid: &str, pages: [&str; 2]) -> String {
    let (lang, other, other_lang, other_label) = if w.english() { ("en", pages[0], "fr", "Français") } else { ("fr", pages[1], "en", "English") };
    let app = w.app_link("");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>{title} — Pôles Explorer</title>\n  <link rel=\"stylesheet\" href=\"{{{{CSS}}}}\">\n</head>\n<body>\n  <a class=\"skip-link\" href=\"#contenu\">{skip}</a>\n  <header class=\"site-header\"><div class=\"wrap\">\n    <a class=\"brand\" href=\"{app}\"><span class=\"brand-mark\" aria-hidden=\"true\">◆</span><span class=\"brand-name\">Pôles Explorer</span></a>\n    <p class=\"tagline\">{tagline}</p>\n  </div></header>\n  <main id=\"contenu\" class=\"wrap\" tabindex=\"-1\">\n  <article class=\"record about\" data-testid=\"{testid}\">\n    <p class=\"breadcrumb\"><a href=\"{app}\">{back}</a> · <a href=\"{other}\" hreflang=\"{other_lang}\" lang=\"{other_lang}\">{other_label}</a></p>\n    <h1>{title}</h1>\n",
        title = esc(title),
        skip = esc(&w.t("Aller au contenu")),
        tagline = esc(&w.t("Les pôles de compétitivité et leurs projets")),
        back = esc(&w.t("← Revenir à l'explorateur")),
    )
}

/// The end of a page opened by `start`.
pub const END: &str = "  </article>\n  </main>\n</body>\n</html>\n";

/// The dataset of the converter's output files (`referentiels.json`, `poles.json`,
/// `projects.json` first) and the English catalog, that the pages are written from.
pub fn inputs(files: &[(&'static str, String)], catalog: &str) -> Result<(poles_core::validate::Loaded, Catalog), String> {
    let loaded = poles_core::validate::load_all(&files[0].1, &files[1].1, &files[2].1).map_err(|e| e.to_string())?;
    Ok((loaded, Catalog::parse(catalog)?))
}

/// The bundled data files and the English catalog of the repository (for the pages' tests).
#[cfg(test)]
pub fn bundled() -> (Vec<(&'static str, String)>, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let files = ["referentiels.json", "poles.json", "projects.json"].map(|f| (f, read(&format!("public/data/{f}"))));
    (files.to_vec(), read("public/i18n/en.json"))
}

/// The repository's `data-src/edition.json` (for the pages' tests).
#[cfg(test)]
pub fn bundled_edition() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data-src/edition.json")).unwrap()
}
