//! "Exporter": the selection as CSV (comma, or semicolon for Excel) or JSON, and aggregates by
//! region, pôle and funder; each file says which view, data version and date it comes from.

use crate::download::download;
use crate::i18n::{t, tr};
use crate::pages::ctx::use_ctx;
use leptos::prelude::*;
use poles_core::export::{aggregate_table, poles_table, projects_table, selection_json, to_csv, Dimension, ExportMeta};
use poles_core::export_people::for_people;
use poles_core::model::{Pole, Project};
use poles_core::query::{Query, Tab};
use wasm_bindgen::JsCast;

/// The files the menu offers.
#[derive(Clone, Copy, PartialEq)]
enum Export {
    Csv,
    CsvExcel,
    Json,
    Aggregate(Dimension),
}

#[component]
pub fn ExportMenu() -> impl IntoView {
    let ctx = use_ctx();
    let run = move |kind: Export| {
        let data = ctx.data();
        let d = &data.loaded.dataset;
        let meta = ExportMeta {
            url: window().location().href().unwrap_or_default(),
            data_version: d.meta.as_ref().map(|m| m.data_version.clone()).unwrap_or_default(),
            editions: d.meta.as_ref().map(|m| m.editions.clone()).unwrap_or_default(),
            exported_at: crate::download::today(),
        };
        ctx.results.with_untracked(|r| {
            // The organisations tab: its list, with the projects of the selection.
            let orgs = if r.tab == Tab::Organisations { data.orgs.value.with_untracked(|v| v.clone().and_then(Result::ok)) } else { None };
            let projects: Vec<&Project> = if r.tab == Tab::Projets { r.items.iter().filter_map(|&i| d.projects.get(i)).collect() } else { Vec::new() };
            let (what, key) = match r.tab {
                Tab::Poles => ("poles", "poles"),
                Tab::Organisations => ("organisations", "organisations"),
                Tab::Projets => ("projets", "projects"),
            };
            let ((header, rows), suffix) = match kind {
                Export::Aggregate(dim) => (
                    aggregate_table(d, &projects, dim),
                    match dim {
                        Dimension::Region => "par-region",
                        Dimension::Pole => "par-pole",
                        Dimension::Funder => "par-financeur",
                    },
                ),
                _ if r.tab == Tab::Poles => (poles_table(d, &r.items.iter().filter_map(|&i| d.poles.get(i)).collect::<Vec<&Pole>>()), what),
                _ => match &orgs {
                    Some(o) => {
                        let matched = ctx.query.with_untracked(|q| data.search(&Query { tab: Tab::Projets, text: String::new(), ..q.clone() }).items);
                        (o.table(d, &r.items, &r.figures, &matched), what)
                    }
                    None => (projects_table(&projects), what),
                },
            };
            // The Excel file is for reading: names beside codes, words, " ; " (in the page's language).
            let (header, rows) = match kind {
                Export::CsvExcel if orgs.is_none() => for_people(d, &header, &rows, &tr),
                Export::Aggregate(Dimension::Funder) => (
                    header,
                    rows.into_iter()
                        .map(|mut r| {
                            r[1] = tr(&r[1]);
                            r
                        })
                        .collect(),
                ),
                _ => (header, rows),
            };
            let excel = if kind == Export::CsvExcel { "-excel" } else { "" };
            let ext = if kind == Export::Json { "json" } else { "csv" };
            let name = format!("poles-explorer-{suffix}{excel}-{}.{ext}", meta.exported_at);
            if kind == Export::Json {
                download(&name, "application/json", &selection_json(&header, &rows, key, &meta));
            } else {
                let sep = if kind == Export::Csv { ',' } else { ';' };
                download(&name, "text/csv;charset=utf-8", &to_csv(&header, &rows, sep, true, Some((&meta, suffix))));
            }
        });
    };
    let projects_tab = Memo::new(move |_| ctx.results.with(|r| r.tab == Tab::Projets));
    let item = move |kind: Export, testid: &'static str, label: &'static str| {
        view! {
            <li><button type="button" class="link-button" data-testid=testid on:click=move |_| run(kind)>{t(label)}</button></li>
        }
    };
    view! {
        <details class="export" data-testid="export-menu" on:keydown=close_on_escape on:focusout=close_on_leave>
            <summary>{t("Exporter")}</summary>
            <div class="export-panel">
            <ul>
                {item(Export::Csv, "export-csv", "CSV de la sélection")}
                {item(Export::CsvExcel, "export-csv-excel", "CSV pour Excel (séparateur ;, noms à côté des codes)")}
                {item(Export::Json, "export-json", "JSON de la sélection")}
                {move || projects_tab.get().then(|| view! {
                    {item(Export::Aggregate(Dimension::Region), "export-region", "Chiffres par région (CSV)")}
                    {item(Export::Aggregate(Dimension::Pole), "export-pole", "Chiffres par pôle (CSV)")}
                    {item(Export::Aggregate(Dimension::Funder), "export-funder", "Chiffres par financeur (CSV)")}
                })}
            </ul>
            <p class="hint">{t("Chaque fichier indique l'adresse de la vue, la version des données et la date de l'export.")}</p>
            </div>
        </details>
    }
}

/// Escape closes the panel and gives the focus back to "Exporter".
fn close_on_escape(ev: leptos::ev::KeyboardEvent) {
    if ev.key() == "Escape" {
        if let Some(details) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).filter(|d| d.has_attribute("open")) {
            ev.prevent_default();
            let _ = details.remove_attribute("open");
            if let Some(summary) = details.first_element_child().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = summary.focus();
            }
        }
    }
}

/// The panel closes when the focus leaves it (Tab past its last file, a click elsewhere).
fn close_on_leave(ev: leptos::ev::FocusEvent) {
    let Some(details) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if crate::components::focus_went_outside(&ev, &details) == Some(true) {
        let _ = details.remove_attribute("open");
    }
}
