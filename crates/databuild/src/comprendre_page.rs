//! "Comprendre les pôles" (`comprendre.html`, English `understand.html`): the policy of the pôles
//! de compétitivité told in our own words, after the Région's page on the subject (12 November
//! 2013), every figure computed from the bundled data by the app's own engine and linked to the
//! explorer view that lists it (`data-testid="story-link"`, `data-count` = that view's count).
//! Written by `make data`: readable without JavaScript, and nothing of it in the WASM.

use crate::static_page::{self, esc, Words};
use poles_core::engine::Index;
use poles_core::format::{date_fr, group_thousands};
use poles_core::i18n::{fill, Catalog};
use poles_core::model::{Dataset, ProjectKind};
use poles_core::query::{check_against, decode_query_string, parse};
use poles_core::PHASES;

/// The number of items the explorer lists for `query` (an explorer address without `?`), as its
/// result count says: the same parsing, checks and search as the app.
pub fn view_count(d: &Dataset, index: &Index, query: &str) -> usize {
    let (mut q, _) = parse(&decode_query_string(&format!("?{query}")));
    let _ = check_against(&mut q, d);
    index.search(&q).totals.count
}

/// The support of each kind of funder: its paragraph (a `{}` template for the link), the link's
/// text (a `{}` template for the number), and the explorer's query.
const SUPPORT: [(&str, &str, &str); 9] = [
    (
        "Le Fonds unique interministériel (FUI) a aidé, appel après appel, les meilleurs projets de R&D collaboratifs labellisés par les pôles, et des plateformes d'innovation : {}.",
        "{} projets financés par le FUI",
        "financeur=FUI",
    ),
    ("L'Agence nationale de la recherche (ANR) finance des projets de recherche, dont des projets partenariaux que les pôles labellisent : {}.", "{} projets financés par l'ANR", "financeur=ANR"),
    ("Bpifrance, la banque publique d'investissement, gère des aides à l'innovation des entreprises et opère une partie des programmes de l'État : {}.", "{} projets aidés par Bpifrance", "financeur=Bpifrance"),
    ("La Caisse des Dépôts cofinance notamment les plateformes d'innovation : {}.", "{} projets cofinancés par la Caisse des Dépôts", "financeur=CDC"),
    (
        "Les services déconcentrés de l'État chargés des entreprises (DIRECCTE, devenues DREETS) ont financé les actions collectives des pôles et une part de leur fonctionnement : {}.",
        "{} projets financés par la DIRECCTE ou la DREETS",
        "financeur=DIRECCTE",
    ),
    (
        "La Région, les départements et les métropoles cofinancent le fonctionnement des pôles avec l'État et les entreprises, et aident des projets de leur territoire : {}.",
        "{} projets aidés par une collectivité",
        "financeur=Region,Departement,Metropole",
    ),
    ("L'Union européenne intervient par le FEDER, géré par les Régions, et par ses programmes-cadres de recherche : {}.", "{} projets avec un financement européen", "financeur=FEDER,HorizonEurope"),
    (
        "Le Programme d'investissements d'avenir (PIA), devenu France 2030, finance de grands projets structurants, des instituts de recherche technologique et des plateformes : {}.",
        "{} projets financés par le PIA ou France 2030",
        "financeur=PIA,France2030",
    ),
    ("D'autres opérateurs de l'État, comme l'ADEME pour la transition écologique, complètent ces aides : {}.", "{} projets aidés par l'ADEME", "financeur=ADEME"),
];

/// The kinds of records, with the link's text (a `{}` template for the number).
const KINDS: [(ProjectKind, &str); 4] = [
    (ProjectKind::Rd, "{} projets collaboratifs de R&D"),
    (ProjectKind::Platform, "{} plateformes d'innovation"),
    (ProjectKind::ClusterAction, "{} actions collectives"),
    (ProjectKind::Institute, "{} instituts de recherche technologique"),
];

/// The page in French (`catalog` is `None`) or in English.
pub fn render(d: &Dataset, index: &Index, catalog: Option<&Catalog>) -> Result<String, String> {
    static_page::render(catalog, |w| page(d, index, w))
}

fn page(d: &Dataset, index: &Index, w: &Words) -> String {
    let n = |x: usize| group_thousands(x as u64);
    // A statement linked to the view that shows it: the text (a template for the number).
    let link = |text: &str, query: &str| {
        let count = view_count(d, index, query);
        format!("<a data-testid=\"story-link\" data-count=\"{count}\" href=\"{}\">{}</a>", w.app_link(query), esc(&w.tf(text, &[&n(count)])))
    };
    // A paragraph: an escaped template whose `{}` are links (HTML).
    let para = |template: &str, links: &[&str]| format!("    <p>{}</p>\n", fill(&esc(&w.t(template)), links));
    let h2 = |title: &str| format!("    <h2>{}</h2>\n", esc(&w.t(title)));
    let date = d.meta.as_ref().map(|m| date_fr(&m.compiled_at)).unwrap_or_default();
    let mut h = static_page::start(w, &w.t("Comprendre les pôles de compétitivité"), "understand-page", ["comprendre.html", "understand.html"]);
    h += &format!(
        "    <p class=\"lead\">{}</p>\n",
        esc(&w.tf("Ce qu'est un pôle de compétitivité, à quoi il sert et comment l'argent public atteint ses projets, avec les chiffres des données de l'explorateur (données au {}). Chaque chiffre mène à la liste qui le montre.", &[&date]))
    );
    h += &format!(
        "    <p class=\"muted\" data-testid=\"story-origin\">{}</p>\n",
        esc(&w.t("Explication rédigée d'après la page de la Région consacrée aux pôles de compétitivité, publiée le 12 novembre 2013, et reformulée ici. Les chiffres portent sur toute la France, y compris dans une version intégrée à un site."))
    );

    h += &h2("Une politique lancée en 2004");
    h += &para("L'État lance la politique des pôles de compétitivité en 2004. Les pôles sont labellisés pour des phases successives, et le label est réexaminé à chaque phase : des pôles entrent, d'autres fusionnent ou perdent le label. Pôles des données de l'explorateur labellisés pour chaque phase :", &[]);
    h += "    <ul class=\"phases-list\">\n";
    for ph in PHASES {
        let labelled = link("{} pôles labellisés", &format!("onglet=poles&phase={ph}"));
        h += &format!("      <li>{}</li>\n", fill(&esc(&w.t("{} : {}")), &[ph, &labelled]));
    }
    h += "    </ul>\n";

    h += &h2("Qu'est-ce qu'un pôle ?");
    h += &para(
        "Un pôle réunit, sur un territoire et autour d'un thème, des entreprises de toutes tailles, des laboratoires de recherche et des organismes de formation, qui montent ensemble des projets de recherche et développement. L'explorateur décrit {}, dont {} ; {} y sont liés.",
        &[&link("{} pôles", "onglet=poles"), &link("{} présents en Bourgogne-Franche-Comté", "onglet=poles&region=27"), &link("{} projets de Bourgogne-Franche-Comté", "region=27")],
    );

    h += &h2("Ses objectifs");
    h += "    <ul>\n";
    for goal in [
        "créer de la croissance et des emplois par l'innovation ;",
        "ancrer dans les territoires des activités à forte valeur technologique ;",
        "donner aux entreprises et aux laboratoires une visibilité internationale.",
    ] {
        h += &format!("      <li>{}</li>\n", esc(&w.t(goal)));
    }
    h += "    </ul>\n";

    h += &h2("Sa stratégie");
    h += &para(
        "Chaque pôle suit une stratégie sur cinq ans : nouer des partenariats entre ses membres, faire naître des projets de R&D collaboratifs qui peuvent recevoir des aides publiques, et mener des actions collectives pour ses membres (financement privé, développement international, propriété intellectuelle, compétences). Les données en comptent {}, {}, {} et {}.",
        &KINDS.map(|(k, text)| link(text, &format!("nature={}", k.param()))).iter().map(String::as_str).collect::<Vec<_>>(),
    );

    h += &h2("Le soutien public");
    h += &para("L'État aide les meilleurs projets par des appels à projets, cofinance la gouvernance des pôles avec les collectivités et les entreprises, et s'appuie sur des partenaires publics. Dans les données, un projet peut avoir plusieurs financeurs :", &[]);
    for (text, label, query) in SUPPORT {
        h += &para(text, &[&link(label, query)]);
    }
    h += &format!(
        "    <p class=\"muted\">{}</p>\n",
        esc(&w.t("Ces chiffres décrivent les projets réunis dans l'explorateur à partir de sources publiques, pas l'ensemble des projets aidés ; un montant non publié n'est jamais compté comme zéro."))
    );
    h + static_page::END
}

/// Both pages, `comprendre.html` and `understand.html`, from the converter's output files
/// (`referentiels.json`, `poles.json`, `projects.json` first) and the English catalog's text.
pub fn pages(files: &[(&'static str, String)], catalog: &str) -> Result<Vec<(&'static str, String)>, String> {
    let (loaded, catalog) = static_page::inputs(files, catalog)?;
    let index = Index::new(&loaded.dataset);
    Ok(vec![("comprendre.html", render(&loaded.dataset, &index, None)?), ("understand.html", render(&loaded.dataset, &index, Some(&catalog))?)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_is_the_count_of_its_view_and_the_english_page_is_whole() {
        let (files, catalog) = static_page::bundled();
        let pages = pages(&files, &catalog).expect("every text has its English");
        let (loaded, _) = static_page::inputs(&files, &catalog).unwrap();
        let d = &loaded.dataset;
        // Independent counts of the data for a few links.
        let fui = d.projects.iter().filter(|p| p.funding.iter().any(|f| f.funder == "FUI")).count();
        let platforms = d.projects.iter().filter(|p| p.kind == ProjectKind::Platform).count();
        let phase5 = d.poles.iter().filter(|p| p.phases.iter().any(|x| x == "2023-2026")).count();
        for (name, html) in &pages {
            let links = html.matches("data-testid=\"story-link\"").count();
            assert!(links >= 20, "{name}: {links} links");
            assert!(html.contains(&format!("data-count=\"{fui}\" href=\"./?financeur=FUI")), "{name}");
            assert!(html.contains(&format!("data-count=\"{platforms}\" href=\"./?nature=plateforme")), "{name}");
            assert!(html.contains(&format!("data-count=\"{phase5}\" href=\"./?onglet=poles&amp;phase=2023-2026")), "{name}");
            assert!(html.contains("12 ") && html.contains("2013"), "{name}: the origin is cited");
            assert!(!html.contains("<script"), "no script: the pages read without JavaScript");
        }
        assert!(pages[0].1.contains("<html lang=\"fr\">"));
        assert!(pages[1].1.contains("<html lang=\"en\">") && pages[1].1.contains("&amp;lang=en\""));
        let empty = Catalog::parse(r#"{"lang": "en", "messages": {}}"#).unwrap();
        assert!(render(d, &Index::new(d), Some(&empty)).is_err(), "a missing English text is an error");
    }
}
