//! An organisation's page as HTML, in the page's language (the app inserts it under its title):
//! its kind, projects and role in each, the pôles it works with, its co-partners, the funders of
//! its projects, the names it is cited under, the sources of its projects. Every text is escaped.
//! Written here rather than as view code: one string builder weighs less in the WASM than the
//! code of every element.

use super::{Orgs, Role};
use crate::format::count;
use crate::i18n::fill;
use crate::model::Dataset;
use crate::text::{escape_html as esc, is_safe_link, link_host};

/// The page's words: the app's translation of a French message.
type Tr<'a> = &'a dyn Fn(&str) -> String;

/// "3 projets", in the page's language.
fn projects(tr: Tr, n: u32) -> String {
    count(n as usize, &tr("projet"), &tr("projets"))
}

/// A link to a page of the app (`href` gives its address: base path, embedding parameters).
fn link(href: &dyn Fn(&str) -> String, path: &str, text: &str) -> String {
    format!(r#"<a href="{}">{}</a>"#, esc(&href(path)), esc(text))
}

/// A section listing items with their count (`data-testid`, `data-id`, `data-count` each).
fn counted(tr: Tr, testid: &str, title: &str, none: &str, items: Vec<(String, String, (u32, String))>) -> String {
    let mut s = format!(r#"<section><h2>{}</h2>"#, esc(&tr(title)));
    if items.is_empty() {
        s += &format!(r#"<p class="unknown">{}</p>"#, esc(&tr(none)));
    } else {
        s += r#"<ul class="plain columns">"#;
        for (id, label, note) in items {
            s += &format!(
                r#"<li data-testid="{testid}" data-id="{}" data-count="{}">{label} <span class="muted">{}</span></li>"#,
                esc(&id),
                note.0,
                esc(&note.1)
            );
        }
        s += "</ul>";
    }
    s + "</section>"
}

/// The page of organisation `o` (its title and the way back are the app's). `lang` marks the
/// data's language on names when the page is in another (`lang="fr"`).
pub fn page_html(orgs: &Orgs, d: &Dataset, o: usize, tr: Tr, href: &dyn Fn(&str) -> String, lang: Option<&str>) -> String {
    let org = &orgs.list[o];
    let lang = lang.map(|l| format!(r#" lang="{l}""#)).unwrap_or_default();
    let unknown = |text: &str| format!(r#"<span class="unknown">{}</span>"#, esc(&tr(text)));
    let mut s = format!(
        r#"<p data-testid="organisation-kind" data-kind="{}">{}</p><dl class="facts">"#,
        org.kind.map_or("", |k| k.code()),
        org.kind.map_or_else(|| unknown("Nature non établie : son nom ne la dit pas"), |k| esc(&tr(k.label_fr()))),
    );
    let n = org.projects.len();
    let leads = org.projects.iter().filter(|p| p.1 == Role::Porteur).count();
    let fact = |s: &mut String, term: &str, value: &str| *s += &format!("<dt>{}</dt><dd>{value}</dd>", esc(&tr(term)));
    fact(
        &mut s,
        "Projets",
        &format!(
            r#"<span data-testid="organisation-count" data-count="{n}">{}</span>"#,
            esc(&fill(&tr("{}, dont {} comme porteur"), &[&projects(tr, n as u32), &leads.to_string()]))
        ),
    );
    let names: String = org.names.iter().map(|n| format!(r#"<li data-testid="organisation-name"{lang}>{}</li>"#, esc(n))).collect();
    fact(&mut s, "Cité sous les noms", &format!(r#"<ul class="plain" data-testid="organisation-names">{names}</ul>"#));
    fact(&mut s, "Lieux", &if org.places.is_empty() { unknown("non publiés") } else { esc(&org.places.join(" ; ")) });
    if let Some(p) = org.pole.as_ref().and_then(|p| d.pole(p)) {
        fact(&mut s, "Fiche du pôle", &link(href, &format!("/poles/{}", p.id), &p.name));
    }
    s += "</dl>";
    // Its projects and its role in each.
    let pole_links = |ids: &[String]| -> String {
        ids.iter().map(|id| d.pole(id).map_or_else(|| esc(id), |p| link(href, &format!("/poles/{id}"), p.display_short()))).collect::<Vec<_>>().join(", ")
    };
    s += &format!(
        r#"<section><h2>{}</h2><div class="table-wrap"><table class="funding" data-testid="organisation-projects"><caption class="visually-hidden">{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        esc(&tr("Ses projets")),
        esc(&tr("Projets de l'organisation et son rôle")),
        esc(&tr("Projet")),
        esc(&tr("Année")),
        esc(&tr("Rôle")),
        esc(&tr("Pôles")),
    );
    for &(p, role) in &org.projects {
        let p = &d.projects[p];
        s += &format!(
            r#"<tr data-testid="organisation-project" data-id="{}" data-role="{}"><th scope="row">{}</th><td>{}</td><td><span class="role-badge">{}</span></td><td>{}</td></tr>"#,
            esc(&p.id),
            role.code(),
            link(href, &format!("/projets/{}", p.id), &p.acronym),
            p.year.map_or_else(|| unknown("inconnue"), |y| y.to_string()),
            esc(&tr(role.label_fr())),
            if p.poles.is_empty() { unknown("aucun pôle cité") } else { pole_links(&p.poles) },
        );
    }
    s += "</tbody></table></div></section>";
    let note = |c: u32, template: &str| (c, fill(&tr(template), &[&projects(tr, c)]));
    let poles = org
        .poles
        .iter()
        .map(|(id, c)| (id.clone(), d.pole(id).map_or_else(|| esc(id), |p| link(href, &format!("/poles/{id}"), p.display_short())), note(*c, "({})")));
    s += &counted(tr, "organisation-pole", "Pôles avec lesquels elle travaille", "Aucun pôle cité par ses projets.", poles.collect());
    let partners = org.partners.iter().filter_map(|(id, c)| {
        let other = &orgs.list[orgs.by_id(id)?];
        Some((id.clone(), link(href, &format!("/organisations/{id}"), &other.name), note(*c, "({} en commun)")))
    });
    s += &counted(tr, "organisation-partner", "Ses co-partenaires", "Aucune autre organisation nommée dans ses projets.", partners.collect());
    let funders = org.funders.iter().map(|(f, c)| (f.clone(), esc(&tr(d.funder_label(f))), note(*c, "({})")));
    s += &counted(tr, "organisation-funder", "Financeurs de ses projets", "Aucun financeur publié pour ses projets.", funders.collect());
    // The sources, project by project.
    s += &format!(r#"<section class="sources"><h2>{}</h2><ul>"#, esc(&tr("Sources (celles de ses projets)")));
    for &(p, _) in &org.projects {
        let p = &d.projects[p];
        let links: Vec<String> = p
            .sources
            .iter()
            .map(|u| {
                if is_safe_link(u) {
                    format!(
                        r#"<a href="{}" rel="noopener noreferrer" target="_blank" class="external">{}<span class="visually-hidden">{}</span></a>"#,
                        esc(u),
                        esc(link_host(u)),
                        esc(&tr(" (nouvelle fenêtre)"))
                    )
                } else {
                    esc(u)
                }
            })
            .collect();
        s += &format!("<li>{} : {}</li>", esc(&p.acronym), links.join(" "));
    }
    s + "</ul></section>"
}
