//! "À propos des données" as static pages (`a-propos.html`, English `about.html`), written by
//! `make data` beside the app: readable without JavaScript, and costing the WASM nothing. The
//! figures (edition, sources, the pôles' roles, completeness overall and per funder) are computed
//! from the bundled data by the core; the English words come from the app's catalog.

use crate::edition_history::{history, Entry};
use crate::static_page::{self, esc, Words};
use poles_core::format::{date_fr, group_thousands};
use poles_core::i18n::Catalog;
use poles_core::model::{Dataset, PoleRole, ProjectKind};
use poles_core::stats::{coverage, funder_coverage, percent, role_counts};

/// The definitions of the roles, in the order of `role_counts`.
const ROLE_TEXTS: [&str; 5] = [
    " : le pôle a labellisé le projet (les projets du FUI exigent ce label).",
    " : le pôle porte ou coordonne l'action (actions collectives, partenariats européens de clusters, instituts qu'il a fondés).",
    " : le pôle est l'un des partenaires du consortium, sans l'avoir labellisé.",
    " : le pôle a soutenu ou défendu le dossier.",
    " : la source ne le dit pas, ou aucun pôle n'est cité.",
];

/// The page in French (`catalog` is `None`) or in English (every French text through `catalog`;
/// a text it lacks is an error, so that the English page is never half French).
pub fn render(d: &Dataset, catalog: Option<&Catalog>, editions: &[Entry]) -> Result<String, String> {
    static_page::render(catalog, |w| page(d, w, editions))
}

/// The editions, the current one first: its date and version, and what it changed ("projets :
/// 1 ajouté (DOSEO), 1 modifié (MICROPLASTIC) ; pôles : inchangés ; documentation mise à jour :
/// poles.md"); the records named when there are five or fewer.
fn editions_html(d: &Dataset, w: &Words, editions: &[Entry]) -> String {
    let name = |file: &str, id: &str| -> String {
        let known = if file == "projects.json" {
            d.projects.iter().find(|p| p.id == id).map(|p| p.acronym.clone())
        } else {
            d.pole(id).map(|p| p.display_short().to_string())
        };
        known.unwrap_or_else(|| id.to_string())
    };
    let mut h = format!("    <h2>{}</h2>\n    <ul class=\"editions\" data-testid=\"editions\">\n", esc(&w.t("Éditions des données")));
    for e in editions {
        let mut parts: Vec<String> = Vec::new();
        for (file, added, removed, modified) in &e.files {
            let what = if file == "projects.json" { w.t("projets : {}") } else { w.t("pôles : {}") };
            let counted = |ids: &[String], one: &str, many: &str| -> Option<String> {
                (!ids.is_empty()).then(|| {
                    let n = poles_core::format::count(ids.len(), &w.t(one), &w.t(many));
                    if ids.len() <= 5 {
                        format!("{n} ({})", ids.iter().map(|id| name(file, id)).collect::<Vec<_>>().join(", "))
                    } else {
                        n
                    }
                })
            };
            let said: Vec<String> = [counted(added, "ajouté", "ajoutés"), counted(removed, "retiré", "retirés"), counted(modified, "modifié", "modifiés")]
                .into_iter()
                .flatten()
                .collect();
            let said = if said.is_empty() { w.t("inchangés") } else { said.join(", ") };
            parts.push(poles_core::i18n::fill(&what, &[&said]));
        }
        if !e.documents.is_empty() {
            parts.push(w.tf("documentation mise à jour : {}", &[&e.documents.join(", ")]));
        }
        h.push_str(&format!(
            "      <li data-testid=\"edition\" data-version=\"{}\"><strong>{}</strong> {}</li>\n",
            esc(&e.data_version),
            esc(&date_fr(&e.date)),
            esc(&w.tf("(édition {}) : {}.", &[&e.data_version, &parts.join(&w.t(" ; "))]))
        ));
    }
    h.push_str("    </ul>\n");
    h
}

fn page(d: &Dataset, w: &Words, editions: &[Entry]) -> String {
    let (t, tf, tr) = (|fr: &str| w.t(fr), |fr: &str, args: &[&str]| w.tf(fr, args), |label: &str| w.tr(label));
    let c = coverage(&d.projects);
    let funders = funder_coverage(d, &d.projects);
    let roles = role_counts(&d.projects);
    let mut sources: Vec<&str> = d.projects.iter().flat_map(|p| &p.sources).chain(d.poles.iter().flat_map(|p| &p.sources)).map(String::as_str).collect();
    sources.sort_unstable();
    sources.dedup();
    let (date, version) = d.meta.as_ref().map(|m| (date_fr(&m.compiled_at), m.data_version.clone())).unwrap_or_default();
    let n = |x: usize| group_thousands(x as u64);
    let share = |x: usize| tf("{}\u{a0}%", &[&percent(x, c.projects).to_string()]);
    let english = w.english();
    let mut h = String::new();
    let mut push = |s: String| h.push_str(&s);
    push(static_page::start(w, &t("À propos des données"), "about-page", ["a-propos.html", "about.html"]));
    push(format!(
        "    <p class=\"lead\">{}</p>\n",
        esc(&tf("Données au {} (édition {}) : {} pôles et {} projets, plateformes et actions.", &[&date, &version, &n(d.poles.len()), &n(d.projects.len())]))
    ));
    push(editions_html(d, w, editions));
    push(format!("    <h2>{}</h2>\n    <p>{}</p>\n", esc(&t("Sources")), esc(&tf("Chaque fiche cite les pages publiques d'où viennent ses informations ({} adresses différentes) : sites des pôles, de l'État, des Régions, de Bpifrance, presse. Une information absente des sources est indiquée comme non renseignée, jamais estimée.", &[&n(sources.len())]))));
    push(format!("    <h2>{}</h2>\n    <p>{}</p>\n", esc(&t("Licences")), esc(&t("Contours des régions et départements : IGN, ADMIN EXPRESS COG (édition 2018) ; codes et noms : INSEE, COG 2018 ; mise en forme france-geojson (Grégoire David) — Licence Ouverte (Etalab). Code de l'explorateur : licence MIT."))));
    push(format!(
        "    <h2>{}</h2>\n    <p>{}</p>\n",
        esc(&t("Le rôle du pôle dans chaque projet")),
        esc(&t("Un pôle cité par un projet ne l'a pas forcément labellisé. Chaque fiche dit le rôle du pôle tel que la source l'écrit :"))
    ));
    push("    <ul class=\"roles\" data-testid=\"role-definitions\">\n".into());
    for (&(r, _), text) in roles.iter().zip(ROLE_TEXTS) {
        push(format!("      <li><strong>{}</strong>{}</li>\n", esc(&t(PoleRole::label_fr(r))), esc(&t(text))));
    }
    push("    </ul>\n".into());
    let head = |caption: &str, cols: [&str; 3]| {
        format!(
            "    <div class=\"table-wrap\">\n      <table class=\"figures\" data-testid=\"{{}}\">\n        <caption>{}</caption>\n        <thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n        <tbody>\n",
            esc(&t(caption)),
            esc(&t(cols[0])),
            esc(&t(cols[1])),
            esc(&t(cols[2]))
        )
    };
    const FOOT: &str = "        </tbody>\n      </table>\n    </div>\n";
    push(head("Projets par rôle du pôle", ["Rôle du pôle", "Projets", "Part"]).replace("{}", "role-table"));
    for &(r, x) in &roles {
        let code = PoleRole::code_of(r);
        let link = if english { format!("./?onglet=projets&amp;lien_pole={code}&amp;lang=en") } else { format!("./?onglet=projets&amp;lien_pole={code}") };
        push(format!(
            "          <tr data-role=\"{code}\"><th scope=\"row\"><a href=\"{link}\">{}</a></th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(&t(PoleRole::label_fr(r))),
            n(x),
            share(x)
        ));
    }
    push(FOOT.into());
    // Each kind of record, counted, with the explorer's list of it (`nature`).
    push(head("Fiches par nature", ["Nature", "Fiches", "Part"]).replace("{}", "nature-table"));
    for kind in ProjectKind::ALL {
        let x = d.projects.iter().filter(|p| p.kind == kind).count();
        push(format!(
            "          <tr data-nature=\"{}\"><th scope=\"row\"><a href=\"{}\">{}</a></th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            kind.param(),
            w.app_link(&format!("nature={}", kind.param())),
            esc(&t(kind.label_fr())),
            n(x),
            share(x)
        ));
    }
    push(FOOT.into());
    push(format!("    <h2>{}</h2>\n", esc(&t("Complétude"))));
    push(head("Complétude des projets", ["Information", "Projets", "Part"]).replace("{}", "coverage-table"));
    for (label, x) in [
        ("Au moins un montant publié", c.with_amount),
        ("Territoire lu dans les sources (partenaires, porteur)", c.territory_from_sources),
        ("Territoire déduit (du pôle, des financeurs)", c.territory_inferred),
        ("Territoire inconnu", c.territory_unknown()),
    ] {
        push(format!("          <tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n", esc(&t(label)), n(x), share(x)));
    }
    push(FOOT.into());
    push(head("Montants publiés par financeur", ["Financeur", "Lignes de financement", "avec montant publié"]).replace("{}", "funder-coverage"));
    for (id, label, lines, with) in &funders {
        push(format!(
            "          <tr data-funder=\"{}\"><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(id),
            esc(&tr(label)),
            n(*lines),
            esc(&tf("{} ({}\u{a0}%)", &[&n(*with), &percent(*with, *lines).to_string()]))
        ));
    }
    push(FOOT.into());
    push(format!(
        "    <h2>{}</h2>\n    <p>{} <a href=\"data/modele-projets.csv\" download=\"modele-projets.csv\">modele-projets.csv</a></p>\n",
        esc(&t("Signaler une erreur")),
        esc(&t("Écrivez au responsable du site qui publie l'explorateur en donnant l'adresse de la fiche et la source publique qui la corrige. Les responsables des données corrigent le tableur des projets puis le réimportent ; modèle :"))
    ));
    push(format!(
        "    <p class=\"muted\">{}</p>\n",
        esc(&t("Ces chiffres décrivent les données livrées avec l'explorateur ; une source de données configurée (API) peut en différer."))
    ));
    push(static_page::END.into());
    h
}

/// Both pages, `a-propos.html` and `about.html`, from the converter's output files
/// (`referentiels.json`, `poles.json`, `projects.json` first) and the English catalog's text.
pub fn pages(files: &[(&'static str, String)], catalog: &str, edition_json: &str) -> Result<Vec<(&'static str, String)>, String> {
    let (loaded, catalog) = static_page::inputs(files, catalog)?;
    let editions = history(edition_json)?;
    Ok(vec![("a-propos.html", render(&loaded.dataset, None, &editions)?), ("about.html", render(&loaded.dataset, Some(&catalog), &editions)?)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_pages_hold_the_figures_and_the_english_one_is_whole() {
        let (files, catalog) = static_page::bundled();
        let pages = pages(&files, &catalog, &static_page::bundled_edition()).expect("every text has its English");
        let (loaded, _) = static_page::inputs(&files, &catalog).unwrap();
        let d = &loaded.dataset;
        let fui_lines = d.projects.iter().flat_map(|p| &p.funding).filter(|f| f.funder == "FUI").count();
        for (name, html) in &pages {
            assert!(html.contains("data-testid=\"about-page\""), "{name}");
            assert!(html.contains(&format!("<tr data-funder=\"FUI\"><th scope=\"row\">FUI</th><td class=\"num\">{fui_lines}</td>")), "{name}");
            let labelled = d.projects.iter().filter(|p| p.pole_role == Some(PoleRole::Labellisateur)).count();
            let row = html.split("<tr data-role=\"labellisateur\">").nth(1).and_then(|r| r.split("</tr>").next()).expect("the labellisateur row");
            assert!(row.contains(&format!("<td class=\"num\">{labelled}</td>")), "{name}: {row}");
            assert!(html.contains("{{CSS}}"), "the build fills the stylesheet in");
            assert!(!html.contains("<script"), "no script: the pages read without JavaScript");
        }
        assert!(pages[0].1.contains("<html lang=\"fr\">") && pages[0].1.contains("<h1>À propos des données</h1>"));
        assert!(pages[1].1.contains("<html lang=\"en\">") && pages[1].1.contains("<h1>About the data</h1>"));
        assert!(render(d, Some(&Catalog::parse(r#"{"lang": "en", "messages": {}}"#).unwrap()), &[]).is_err(), "a missing English text is an error");
    }
}
