//! The spreadsheet export for people ("CSV pour Excel"): the table of `export` with, beside every
//! code column, a column of the names it stands for (regions, départements, themes, pôles,
//! funders), the enumerations written as words, and several values in a cell separated by " ; ".
//! Words come in the page's language (`tr` translates a French label). The import template stays
//! the plain CSV export (codes, one value per line).

use crate::model::{Dataset, PoleRole, PoleStatusCode, ProjectKind, TerritoryBasis, ThemesBasis};

/// What a column holds, by its name in the export's header.
enum Column {
    /// Codes with a names column beside it (the new column's name, the name of one code).
    Coded(&'static str, fn(&Dataset, &str) -> String),
    /// An enumeration, written as its label.
    Enum(fn(&str) -> Option<&'static str>),
    /// Several values (one a line in the export).
    List,
    Plain,
}

fn column(name: &str) -> Column {
    match name {
        "poles" => Column::Coded("poles_noms", |d, v| d.pole(v).map_or_else(|| v.to_string(), |p| p.name.clone())),
        "regions" => Column::Coded("regions_noms", |d, v| d.region_name(v).to_string()),
        "departements" => Column::Coded("departements_noms", |d, v| d.departement(v).map_or_else(|| v.to_string(), |x| x.name.clone())),
        "themes" => Column::Coded("themes_libelles", |d, v| d.theme_label(v).to_string()),
        "type" => Column::Enum(|v| ProjectKind::from_code(v).map(ProjectKind::label_fr)),
        "role_pole" => Column::Enum(|v| PoleRole::from_code(v).map(|r| PoleRole::label_fr(Some(r)))),
        "base_territoire" => Column::Enum(|v| TerritoryBasis::from_code(v).map(TerritoryBasis::label_fr)),
        "base_themes" => Column::Enum(|v| {
            ThemesBasis::from_code(v).map(|b| match b {
                ThemesBasis::Keywords => "d'après les mots-clés du projet",
                ThemesBasis::Poles => "thèmes du pôle, faute de mots-clés publiés",
            })
        }),
        "statut" => Column::Enum(|v| PoleStatusCode::from_code(v).map(PoleStatusCode::label_fr)),
        n if n.starts_with("financeur_") => Column::Coded("", |d, v| d.funder_label(v).to_string()),
        "poles_non_resolus" | "partenaires" | "localisations_partenaires" | "mots_cles" | "sources" | "anciens_noms" | "phases" => Column::List,
        _ => Column::Plain,
    }
}

/// The export's table (`export::projects_table` or `export::poles_table`) made for people.
pub fn for_people(d: &Dataset, header: &[String], rows: &[Vec<String>], tr: &dyn Fn(&str) -> String) -> (Vec<String>, Vec<Vec<String>>) {
    let columns: Vec<Column> = header.iter().map(|h| column(h)).collect();
    let mut out_header = Vec::with_capacity(header.len() + 8);
    for (h, c) in header.iter().zip(&columns) {
        out_header.push(h.clone());
        if let Column::Coded(names, _) = c {
            out_header.push(if names.is_empty() { format!("{h}_nom") } else { names.to_string() });
        }
    }
    let out_rows = rows
        .iter()
        .map(|r| {
            let mut out = Vec::with_capacity(out_header.len());
            for (cell, c) in r.iter().zip(&columns) {
                let values = || cell.split('\n').filter(|v| !v.is_empty());
                match c {
                    Column::Coded(_, name) => {
                        out.push(values().collect::<Vec<_>>().join(" ; "));
                        out.push(values().map(|v| tr(&name(d, v))).collect::<Vec<_>>().join(" ; "));
                    }
                    Column::Enum(label) => out.push(label(cell).map_or_else(|| cell.clone(), tr)),
                    Column::List => out.push(values().collect::<Vec<_>>().join(" ; ")),
                    Column::Plain => out.push(cell.clone()),
                }
            }
            out
        })
        .collect();
    (out_header, out_rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{poles_table, projects_table};

    #[test]
    fn every_code_column_gets_its_names_and_lists_read_as_text() {
        let (d, _) = crate::testdata::bundled();
        let projects: Vec<_> = d.projects.iter().collect();
        let (h, rows) = projects_table(&projects);
        let upper = |s: &str| s.to_uppercase();
        let (ph, prows) = for_people(d, &h, &rows, &upper);
        let at = |name: &str| ph.iter().position(|x| x == name).unwrap_or_else(|| panic!("{name}"));
        for (code, names) in [
            ("poles", "poles_noms"),
            ("regions", "regions_noms"),
            ("departements", "departements_noms"),
            ("themes", "themes_libelles"),
            ("financeur_1", "financeur_1_nom"),
        ] {
            assert_eq!(at(names), at(code) + 1, "{names} beside {code}");
        }
        assert_eq!(ph[0], "id");
        for (p, row) in projects.iter().zip(&prows) {
            assert_eq!(row.len(), ph.len());
            assert_eq!(row[0], p.id);
            for list in ["partenaires", "sources", "mots_cles", "poles", "themes_libelles"] {
                assert!(!row[at(list)].contains('\n'), "{}: {list} values joined by ' ; '", p.id);
            }
            assert_eq!(row[at("sources")], p.sources.join(" ; "));
            assert_eq!(row[at("resume")], p.summary.clone().unwrap_or_default(), "texts kept whole");
            assert_eq!(row[at("regions")], p.territory.regions.join(" ; "));
            let names: Vec<String> = p.territory.regions.iter().map(|c| upper(d.region_name(c))).collect();
            assert_eq!(row[at("regions_noms")], names.join(" ; "));
            assert_eq!(row[at("type")], upper(p.kind.label_fr()), "enumerations in words, translated");
            if let Some(f) = p.funding.first() {
                assert_eq!(row[at("financeur_1_nom")], upper(d.funder_label(&f.funder)));
            }
        }
        let poles: Vec<_> = d.poles.iter().collect();
        let (h, rows) = poles_table(d, &poles);
        let (ph, prows) = for_people(d, &h, &rows, &upper);
        let status = ph.iter().position(|x| x == "statut").unwrap();
        assert_eq!(prows[0][status], upper(poles[0].status.code.label_fr()));
        assert!(ph.contains(&"regions_noms".to_string()) && ph.contains(&"themes_libelles".to_string()));
    }

    #[test]
    fn aggregates_leave_an_unknown_sum_empty_and_count_the_unpublished() {
        use crate::export::{aggregate_table, Dimension};
        let (d, _) = crate::testdata::bundled();
        let projects: Vec<_> = d.projects.iter().collect();
        let mut empty = 0;
        for by in [Dimension::Region, Dimension::Pole, Dimension::Funder] {
            let (h, rows) = aggregate_table(d, &projects, by);
            assert_eq!(h[3], "montants_publies_eur");
            for r in &rows {
                let published = match by {
                    Dimension::Funder => projects.iter().flat_map(|p| &p.funding).any(|f| f.funder == r[0] && f.amount_eur.is_some()),
                    Dimension::Region => {
                        projects.iter().filter(|p| p.territory.regions.contains(&r[0])).any(|p| p.funding.iter().any(|f| f.amount_eur.is_some()))
                    }
                    Dimension::Pole => projects.iter().filter(|p| p.poles.contains(&r[0])).any(|p| p.funding.iter().any(|f| f.amount_eur.is_some())),
                };
                assert_eq!(r[3].is_empty(), !published, "{:?} {}: {}", by, r[0], r[3]);
                if r[3].is_empty() {
                    empty += 1;
                    assert!(r[4].parse::<usize>().unwrap() > 0 || by != Dimension::Funder, "{}: unpublished lines counted", r[0]);
                }
            }
        }
        assert!(empty > 0, "the bundled data has values with no published amount");
    }
}
