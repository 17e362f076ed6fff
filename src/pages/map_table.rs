//! The map's legend and its table alternative (the same figures, sortable by any column, each row
//! keyed by its area so that a filter change only rewrites the figures that changed).

use super::ctx::use_ctx;
use super::map::{shape_of, Fig, MapCtx, ShapeKey, EMPTY, PALETTE};
use crate::components::sort_header;
use crate::i18n::{t, tf};
use crate::keyed::{keys, Keyed};
use leptos::prelude::*;
use poles_core::format::{eur, group_thousands};
use poles_core::geo::legend_bands;
use poles_core::listing::{order_table, TableSort};
use poles_core::query::{Facet, Measure, Tab};
use std::sync::Arc;

#[component]
pub fn Legend() -> impl IntoView {
    let ctx = use_ctx();
    let map = expect_context::<MapCtx>();
    let montant = move || map.measure.get() == Measure::Montant;
    let fmt = move |x: f64| if montant() { eur(x) } else { group_thousands(x.max(0.0) as u64) };
    let noun = move || if ctx.query.with(|q| q.tab) == Tab::Poles { "pôles" } else { "projets" };
    let classes = Memo::new(move |_| map.breaks.with(Vec::len));
    view! {
        <div class="legend" data-testid="map-legend">
            <span class="legend-title">{move || if montant() { t("Montants publiés").to_string() } else { tf("Nombre de {}", &[t(noun())]) }}</span>
            <ul>
                <li><Swatch fill=EMPTY />{t("aucun")}</li>
                <Keyed each=Signal::derive(move || keys(0..classes.get())) child=Arc::new(move |k| {
                    let k = k as usize;
                    // Bands that do not overlap: "1 à 8", "9 à 20"; amounts "plus de 1 000 € à 5 000 €".
                    let text = move || map.breaks.with(|b| match legend_bands(b, !montant()).get(k).copied() {
                        Some((Some(from), to)) if !montant() && from >= to => fmt(to),
                        Some((Some(from), to)) if !montant() => tf("{} à {}", &[&fmt(from), &fmt(to)]),
                        Some((Some(from), to)) => tf("plus de {} à {}", &[&fmt(from), &fmt(to)]),
                        Some((None, to)) => tf("jusqu'à {}", &[&fmt(to)]),
                        None => String::new(),
                    });
                    view! { <li><Swatch fill=PALETTE[k.min(4)] />{text}</li> }.into_any()
                }) />
                <li><span class="hq-dot" aria-hidden="true"></span>{t("siège d'un pôle")}</li>
            </ul>
        </div>
    }
}

#[component]
pub fn MapTable() -> impl IntoView {
    let ctx = use_ctx();
    let map = expect_context::<MapCtx>();
    let projects = Memo::new(move |_| ctx.query.with(|q| q.tab) == Tab::Projets);
    let drilled = move || map.drill.with(Option::is_some);
    // Rows by decreasing count (ties in map order) until a column header sorts them otherwise.
    let sort = RwSignal::new(Some(TableSort { column: 1, descending: true }));
    // The areas' names, for the sort by name (computed when the areas change).
    let names = Memo::new(move |_| {
        let d = ctx.data();
        map.figures.with(|f| {
            f.iter()
                .map(|(key, _)| {
                    let facet = if shape_of(*key).0 { Facet::Departement } else { Facet::Region };
                    poles_core::facets::value_label(&d.loaded.dataset, facet, &map.code(*key))
                })
                .collect::<Vec<String>>()
        })
    });
    let order = Memo::new(move |_| {
        let by = sort.get().unwrap_or(TableSort { column: 1, descending: true });
        map.figures.with(|f| {
            let rows: Vec<(String, Vec<Option<f64>>)> = names.with(|n| {
                f.iter()
                    .zip(n)
                    .map(|((_, x), name)| {
                        let amount = (x.published > 0).then_some(x.amount);
                        (name.clone(), vec![Some(f64::from(x.count)), amount, Some(f64::from(x.published)), Some(f64::from(x.unpublished))])
                    })
                    .collect()
            });
            order_table(&rows, by).into_iter().map(|i| f[i].0).collect::<Vec<ShapeKey>>()
        })
    });
    let header = move |column: usize, label: &'static str| sort_header(Box::new(move || t(label).to_string()), column, sort);
    view! {
        <div class="table-wrap">
            <table class="figures" data-testid="map-table">
                <caption>{move || t(if drilled() { "Chiffres par département (tableau équivalent à la carte)" } else { "Chiffres par région (tableau équivalent à la carte)" })}</caption>
                <thead><tr>
                    {sort_header(Box::new(move || t(if drilled() { "Département" } else { "Région" }).to_string()), 0, sort)}
                    {sort_header(Box::new(move || t(if projects.get() { "Projets" } else { "Pôles" }).to_string()), 1, sort)}
                    {move || projects.get().then(|| view! {
                        {header(2, "Montants publiés")}
                        {header(3, "Projets avec montant publié")}
                        {header(4, "Projets avec montant non publié")}
                    })}
                    <th scope="col">{t("Filtre")}</th>
                </tr></thead>
                <tbody>
                    <Keyed each=order child=Arc::new(move |key| view! { <MapRow key=key projects=projects /> }.into_any()) />
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn MapRow(key: ShapeKey, projects: Memo<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let map = expect_context::<MapCtx>();
    let code = map.code(key);
    let facet = if shape_of(key).0 { Facet::Departement } else { Facet::Region };
    let name = poles_core::facets::value_label(&ctx.data().loaded.dataset, facet, &code);
    let fig = Memo::new(move |_| map.fig(key));
    let selected = move || fig.with(|f| f.selected);
    // One cell per figure, each following its own text (one closure type for all of them).
    let cell = move |text: fn(&Fig) -> String| view! { <td class="num">{move || fig.with(text)}</td> };
    view! {
        <tr data-testid="map-row" data-code=code>
            <th scope="row">{name.clone()}</th>
            {cell(|f| f.count.to_string())}
            {move || projects.get().then(|| view! {
                // An unknown sum is not zero: a dash when no amount is published.
                {cell(|f| if f.published > 0 { eur(f.amount) } else { "—".to_string() })}
                {cell(|f| f.published.to_string())}
                {cell(|f| f.unpublished.to_string())}
            })}
            <td><button type="button" class="link-button" aria-pressed=move || if selected() { "true" } else { "false" } on:click=move |ev| {
                super::map::toggle_area(key);
                crate::components::keep_focus(&ev);
            }>
                {move || t(if selected() { "Retirer" } else { "Filtrer" })}<span class="visually-hidden">{format!(" {}", name)}</span>
            </button></td>
        </tr>
    }
}

/// The switch between numbers and published amounts (`mesure`) of the map and the charts:
/// radio buttons `{testid}-nombre` and `{testid}-montant`, titled `legend`.
pub fn measure_switch(legend: &'static str, testid: &'static str) -> AnyView {
    use poles_core::query::Measure;
    let ctx = use_ctx();
    let measure = Memo::new(move |_| ctx.query.with(|q| q.measure));
    let radio = move |m: Measure, suffix: &str, label: &'static str| {
        view! {
            <label><input type="radio" name=testid data-testid=format!("{testid}-{suffix}") prop:checked=move || measure.get() == m
                on:change=move |_| {
                    let mut q = ctx.query.get_untracked();
                    q.measure = m;
                    ctx.go(q, true);
                } />{t(label)}</label>
        }
    };
    view! {
        <fieldset class="measure">
            <legend>{t(legend)}</legend>
            {radio(Measure::Nombre, "nombre", " le nombre de projets")}
            {radio(Measure::Montant, "montant", " les montants publiés")}
        </fieldset>
    }
    .into_any()
}

/// A colour sample (an SVG rectangle: no inline style, CSP-friendly).
#[component]
pub fn Swatch(fill: &'static str) -> impl IntoView {
    view! { <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill=fill /></svg> }
}
