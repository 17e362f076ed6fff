//! The déclaration d'accessibilité (`accessibilite.html`, English `accessibility.html`): its text
//! is maintained in `data-src/pages/*.body.html` (what follows the title), and `make data` writes
//! it in the frame of the other static pages (`static_page::start`), so that every static page has
//! the same head, header, skip link and breadcrumb.

use crate::static_page::{self, END};
use poles_core::i18n::Catalog;
use std::path::Path;

/// The two pages: (file name, source of the text after the title, title).
const PAGES: [(&str, &str, &str); 2] = [
    ("accessibilite.html", "data-src/pages/accessibilite.body.html", "Déclaration d'accessibilité"),
    ("accessibility.html", "data-src/pages/accessibility.body.html", "Accessibility statement"),
];

/// The page around `body`, in the language of `catalog` (French when `None`); the contact of
/// `config.json` is shown by `a11y-contact.js`.
pub fn page(catalog: Option<&Catalog>, title: &str, body: &str) -> Result<String, String> {
    static_page::render(catalog, |w| {
        let start = static_page::start(w, title, "a11y-statement", ["accessibilite.html", "accessibility.html"]);
        let end = END.replace("</body>", "  <script src=\"a11y-contact.js\" defer></script>\n</body>");
        format!("{start}{body}{end}")
    })
}

/// Both pages, from the texts of the repository (`root`) and the English catalog.
pub fn pages(root: &Path, catalog: &str) -> Result<Vec<(&'static str, String)>, String> {
    let catalog = Catalog::parse(catalog)?;
    PAGES
        .iter()
        .enumerate()
        .map(|(k, (name, source, title))| {
            let body = std::fs::read_to_string(root.join(source)).map_err(|e| format!("{source}: {e}"))?;
            Ok((*name, page((k == 1).then_some(&catalog), title, &body)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statements_have_the_frame_of_the_other_static_pages() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (_, catalog) = static_page::bundled();
        let pages = pages(&root, &catalog).unwrap();
        let (fr, en) = (&pages[0].1, &pages[1].1);
        assert!(fr.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">") && en.contains("<html lang=\"en\">"));
        assert!(fr.contains("<title>Déclaration d'accessibilité — Pôles Explorer</title>"));
        assert!(fr.contains("data-testid=\"a11y-statement\"") && fr.contains("<h1>Déclaration d'accessibilité</h1>"));
        assert!(en.contains("href=\"accessibilite.html\" hreflang=\"fr\""));
        assert!(fr.contains("État de conformité") && en.contains("Compliance status"));
        assert!(fr.ends_with("<script src=\"a11y-contact.js\" defer></script>\n</body>\n</html>\n"));
        // The frame of "À propos des données", to the title.
        let about = crate::about_page::pages(&static_page::bundled().0, &catalog, &static_page::bundled_edition()).unwrap();
        let frame = |s: &str| s[s.find("<body>").unwrap()..s.find("<article").unwrap()].to_string();
        assert_eq!(frame(fr), frame(&about[0].1));
    }
}
