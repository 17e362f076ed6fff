//! The cells of a project's row in the explorer's result table, as HTML (every text escaped): the
//! app sets them as the row's content in one call. A page of 50 rows drawn element by element
//! cost most of a click's work (about 30 ms on this machine's Chromium); one string per row,
//! parsed by the browser, costs a fraction of it and weighs less in the WASM.

use crate::i18n::fill;
use crate::model::{Dataset, PoleRole, Project};
use crate::text::escape_html as esc;

/// The page's words (the app's translation of a French message) and the address of a page of
/// the app (base path, embedding parameters).
pub struct Words<'a> {
    pub tr: &'a dyn Fn(&str) -> String,
    pub href: &'a dyn Fn(&str) -> String,
    /// `lang="fr"` on the data's own texts when the page is in another language.
    pub data_lang: Option<&'a str>,
}

fn unknown(w: &Words, text: &str) -> String {
    format!(r#"<span class="unknown">{}</span>"#, esc(&(w.tr)(text)))
}

fn cell(w: &Words, label: &str, content: &str) -> String {
    format!(r#"<td role="cell" data-label="{}">{content}</td>"#, esc(&(w.tr)(label)))
}

/// A project's pôles introduced by their role as the source states it ("Pôle partenaire :
/// Techtera", "Labellisé par : Vitagora"; `data-testid="pole-role"`), each a link to its page (a
/// pôle without a record is its id).
pub fn pole_role_html(w: &Words, d: &Dataset, p: &Project) -> String {
    let role = PoleRole::code_of(p.pole_role);
    if p.poles.is_empty() {
        return format!(r#"<span class="unknown" data-testid="pole-role" data-role="{role}">{}</span>"#, esc(&(w.tr)("aucun pôle cité")));
    }
    let lead_in = fill(&(w.tr)("{} : "), &[&(w.tr)(PoleRole::lead_in_fr(p.pole_role, p.poles.len() > 1))]);
    let links: Vec<String> = p
        .poles
        .iter()
        .map(|id| match d.pole(id) {
            Some(pole) => format!(r#"<a href="{}">{}</a>"#, esc(&(w.href)(&format!("/poles/{id}"))), esc(pole.display_short())),
            None => format!(r#"<span class="pole-id">{}</span>"#, esc(id)),
        })
        .collect();
    format!(
        r#"<span class="pole-role" data-testid="pole-role" data-role="{role}">{}</span><span class="pole-links">{}</span>"#,
        esc(&lead_in),
        links.join(", ")
    )
}

/// The cells of a project's row: acronym (a link to its page), title and kind, pôles and their
/// role, year, funders; what the record does not say is said ("intitulé non publié").
pub fn project_cells(w: &Words, d: &Dataset, p: &Project) -> String {
    let lang = w.data_lang.map(|l| format!(r#" lang="{l}""#)).unwrap_or_default();
    let title = match p.title.as_ref().or(p.summary.as_ref()) {
        Some(t) => format!("<span{lang}>{}</span>", esc(t)),
        None => unknown(w, "intitulé non publié"),
    };
    let kind = format!(r#"<span class="kind-badge" data-testid="project-nature" data-nature="{}">{}</span>"#, p.kind.param(), esc(&(w.tr)(p.kind.label_fr())));
    let year = p.year.map_or_else(|| unknown(w, "inconnue"), |y| y.to_string());
    let funders: Vec<String> = p.funder_ids().into_iter().map(|f| (w.tr)(d.funder_label(f))).collect();
    let funders = if funders.is_empty() { unknown(w, "non publiés") } else { esc(&funders.join(", ")) };
    format!(
        r#"<th scope="row" role="rowheader" data-label="{}"><a href="{}">{}</a></th>{}{}{}{}"#,
        esc(&(w.tr)("Acronyme")),
        esc(&(w.href)(&format!("/projets/{}", p.id))),
        esc(&p.acronym),
        cell(w, "Intitulé", &format!("{title} {kind}")),
        cell(w, "Pôles", &pole_role_html(w, d, p)),
        cell(w, "Année", &year),
        cell(w, "Financeurs", &funders),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(tr: &'a dyn Fn(&str) -> String, href: &'a dyn Fn(&str) -> String, data_lang: Option<&'a str>) -> Words<'a> {
        Words { tr, href, data_lang }
    }

    #[test]
    fn a_row_says_every_fact_and_what_is_unknown() {
        let (d, _) = crate::testdata::bundled();
        let (tr, href) = (|s: &str| s.to_string(), |p: &str| format!("/explorateur{p}?embed=1"));
        let w = words(&tr, &href, None);
        let damav = d.projects.iter().find(|p| p.id == "damav").unwrap();
        let html = project_cells(&w, d, damav);
        assert!(
            html.starts_with(r#"<th scope="row" role="rowheader" data-label="Acronyme"><a href="/explorateur/projets/damav?embed=1">DAMAV</a></th>"#),
            "{html}"
        );
        assert!(html.contains(r#"data-testid="pole-role" data-role="labellisateur">Labellisé par : </span><span class="pole-links"><a href="/explorateur/poles/vitagora?embed=1">Vitagora</a>, <a href="/explorateur/poles/pegase?embed=1">Pégase</a></span>"#), "{html}");
        assert!(html.contains(r#"<td role="cell" data-label="Financeurs">FUI</td>"#), "{html}");
        assert_eq!(html.matches("<td ").count(), 4);
        // Unknown stays unknown, and is said.
        let untitled = d.projects.iter().find(|p| p.title.is_none() && p.summary.is_none()).unwrap();
        assert!(project_cells(&w, d, untitled).contains(r#"<span class="unknown">intitulé non publié</span>"#));
        let no_pole = d.projects.iter().find(|p| p.poles.is_empty()).unwrap();
        assert!(pole_role_html(&w, d, no_pole).contains(">aucun pôle cité</span>"));
    }

    #[test]
    fn every_text_is_escaped_and_the_data_keeps_its_language() {
        let (d, _) = crate::testdata::bundled();
        let mut p = d.projects[0].clone();
        p.acronym = "<script>x</script>".into();
        p.title = Some("\"a\" & <b>".into());
        let (tr, href) = (|s: &str| if s == "Année" { "Year".to_string() } else { s.to_string() }, |p: &str| p.to_string());
        let html = project_cells(&words(&tr, &href, Some("fr")), d, &p);
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script>"));
        assert!(html.contains(r#"<span lang="fr">&quot;a&quot; &amp; &lt;b&gt;</span>"#), "{html}");
        assert!(html.contains(r#"data-label="Year""#));
    }
}
