//! The static first paint of the app (`#boot` in `index.html`, between `<!-- boot -->` and
//! `<!-- /boot -->`): what every view of the explorer shows first (header, heading,
//! introduction, tabs), in French and in English (from the catalog), painted before the
//! WebAssembly starts and kept until the data is read. the inline script of `index.html`'s head marks `<html>` so that
//! the page shows only what is true for its address (style/main.css, "Static first paint"). It
//! holds no figure: a deployment may read other data (`config.json`), and a number that the app
//! then corrects would be a wrong figure shown; when in doubt, show less. Its classes are its own
//! (`boot-header`, `boot-intro`…, no `main`): the app's hidden nodes, there meanwhile, keep theirs
//! unique to whoever looks them up.

use crate::static_page::{esc, render, Words};
use poles_core::i18n::Catalog;

const START: &str = "  <!-- boot -->\n";
const END: &str = "  <!-- /boot -->\n";

/// The introduction of the first paint: what the explorer is, true for every address.
const INTRO: &str = "Les pôles de compétitivité réunissent, sur un territoire, des entreprises, des laboratoires et des centres de formation autour de projets de recherche et développement. Cet explorateur montre ces pôles et les projets qu'ils labellisent, portent, soutiennent ou auxquels ils participent : territoires, thèmes, financeurs et montants publiés, d'après des sources publiques citées sur chaque fiche.";

/// One language's texts, each element marked with its language class (`boot-fr`, `boot-en`).
fn texts(w: &Words) -> [String; 5] {
    let (class, lang) = if w.english() { ("boot-en", " lang=\"en\"") } else { ("boot-fr", "") };
    let span = |text: &str| format!("<span class=\"{class}\"{lang}>{}</span>", esc(text));
    let tab = |query: &str, label: &str| format!("<a href=\"{}\">{}</a>", w.app_link(query), esc(label.trim()));
    [
        span(&w.t("Les pôles de compétitivité et leurs projets")),
        span(&w.t("Explorer les pôles de compétitivité et leurs projets")),
        format!("<p class=\"boot-intro {class}\"{lang}>{}</p>", esc(&w.t(INTRO))),
        format!(
            "<nav class=\"boot-tabs {class}\"{lang} aria-label=\"{}\">{}{}{}</nav>",
            esc(&w.t("Listes")),
            tab("", &w.t("Projets ")),
            tab("onglet=poles", &w.t("Pôles ")),
            tab("onglet=organisations", &w.t("Organisations"))
        ),
        span(&w.t("Chargement de l'explorateur…")),
    ]
}

/// The `#boot` block.
pub fn block(catalog: &Catalog) -> Result<String, String> {
    let fr = render(None, texts)?;
    let en = render(Some(catalog), texts)?;
    Ok(format!(
        "{START}  <div id=\"boot\">\n    <header class=\"boot-header\"><div class=\"boot-wrap\">\n      <span class=\"boot-brand\"><span class=\"boot-mark\" aria-hidden=\"true\">◆</span>Pôles Explorer</span>\n      <p class=\"boot-tagline\">{}{}</p>\n    </div></header>\n    <div class=\"boot-wrap\" role=\"main\">\n      <div class=\"boot-explorer\">\n        <h1>{}{}</h1>\n        {}\n        {}\n        {}\n        {}\n      </div>\n      <p class=\"boot-loading\">{}{}</p>\n    </div>\n  </div>\n{END}",
        fr[0], en[0], fr[1], en[1], fr[2], en[2], fr[3], en[3], fr[4], en[4]
    ))
}

/// `index.html` with its `#boot` block written anew.
pub fn index_html(index: &str, catalog: &str) -> Result<String, String> {
    let catalog = Catalog::parse(catalog)?;
    let a = index.find(START).ok_or("index.html: no <!-- boot --> line")?;
    let b = index[a..].find(END).map(|b| a + b + END.len()).ok_or("index.html: no <!-- /boot --> line after <!-- boot -->")?;
    Ok(format!("{}{}{}", &index[..a], block(&catalog)?, &index[b..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written() -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (_, catalog) = crate::static_page::bundled();
        index_html(&std::fs::read_to_string(root.join("index.html")).unwrap(), &catalog).unwrap()
    }

    #[test]
    fn the_first_paint_says_what_the_explorer_is_in_both_languages_without_a_figure() {
        let html = written();
        let boot = &html[html.find(START).unwrap()..html.find(END).unwrap()];
        assert!(boot.contains("<h1><span class=\"boot-fr\">Explorer les pôles de compétitivité et leurs projets</span><span class=\"boot-en\" lang=\"en\">"));
        assert!(boot.contains("<a href=\"./?onglet=poles\">Pôles</a>") && boot.contains("<a href=\"./?onglet=poles&amp;lang=en\">"));
        assert_eq!(boot.matches("class=\"boot-intro ").count(), 2);
        // None of the app's own classes, nor a second `main`.
        for class in ["\"site-header", "\"intro", "\"tabs", "\"loading", "\"brand", "\"wrap", "<main"] {
            assert!(!boot.contains(class), "{class}");
        }
        // No figure in its text (outside the tags).
        let text: String = boot.split('<').filter_map(|part| part.split_once('>').map(|(_, t)| t)).collect();
        assert!(text.contains("Chargement de l'explorateur…"));
        assert!(!text.chars().any(|c| c.is_ascii_digit()), "no figure: {text}");
        assert!(!boot.contains("<script"));
        // Written again, nothing changes (the block is replaced, not added).
        let (_, catalog) = crate::static_page::bundled();
        assert_eq!(index_html(&html, &catalog).unwrap(), html);
    }

    #[test]
    fn an_index_without_the_markers_is_refused() {
        let (_, catalog) = crate::static_page::bundled();
        assert!(index_html("<html></html>", &catalog).unwrap_err().contains("<!-- boot -->"));
    }
}
