//! The map view (`vue=carte`): an SVG choropleth of the regions (Lambert-93, overseas insets), a
//! drill-down to the départements of a chosen region, pôle headquarters, a legend, and the same
//! figures in a table. Figures come from the engine's facet counts (items kept by the other filters).

use crate::api::load_geo_data;
use crate::app::Data;
use crate::paths::href;
use leptos::prelude::*;
use leptos::task::spawn_local;
use poles_core::engine::Results;
use crate::i18n::{count, t, tf};
use poles_core::format::{eur, group_thousands, num};
use poles_core::geo::{class_breaks, class_of};
use poles_core::query::{Facet, Measure, Query, Tab, ValueState};
use poles_core::validate::{FileError, GeoData};
use std::sync::Arc;

/// Sequential palette (light to dark), and the colour of "no item".
const PALETTE: [&str; 5] = ["#d6e6f4", "#a3c9e6", "#5fa1d3", "#2c6fb0", "#0b3d7a"];
const EMPTY: &str = "#eef0f3";

/// The map outlines, fetched once per page load.
#[derive(Clone, Copy)]
pub struct GeoState(pub RwSignal<Option<Result<Arc<GeoData>, FileError>>>);

fn use_geo(data: &Data) -> RwSignal<Option<Result<Arc<GeoData>, FileError>>> {
    let state = use_context::<GeoState>().map(|s| s.0).unwrap_or_else(|| RwSignal::new(None));
    if state.get_untracked().is_none() {
        let refs = data.loaded.dataset.refs.clone();
        let source = data.source.clone();
        spawn_local(async move {
            let r = load_geo_data(&source, &refs).await.map(|(g, _)| Arc::new(g));
            state.try_set(Some(r));
        });
    }
    state
}

/// One area of the map with its figures.
#[derive(Clone, PartialEq)]
struct Area {
    code: String,
    name: String,
    d: String,
    bbox: [f64; 4],
    count: u32,
    amount: f64,
    unpublished: u32,
    selected: bool,
}

#[component]
pub fn MapView(data: Data, query: Memo<Query>, results: Memo<Results>, go: Callback<(Query, bool)>) -> impl IntoView {
    let geo = use_geo(&data);
    let retry = {
        let data = data.clone();
        Callback::new(move |_: ()| {
            geo.set(None);
            let _ = use_geo(&data);
        })
    };
    let data2 = data.clone();
    view! {
        <section class="map-view" aria-labelledby="map-title" data-testid="map-view">
            <h2 id="map-title">{t("Carte")}</h2>
            {move || match geo.get() {
                None => view! { <p class="loading" role="status">{t("Chargement de la carte…")}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="load-error" role="alert" data-testid="map-error">
                        <p>{e.to_string()}</p>
                        <p>{t("La liste et les statistiques restent disponibles.")}</p>
                        <button type="button" class="button" on:click=move |_| retry.run(())>{t("Réessayer")}</button>
                    </div>
                }.into_any(),
                Some(Ok(g)) => view! { <MapBody data=data2.clone() geo=g query=query results=results go=go /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn MapBody(data: Data, geo: Arc<GeoData>, query: Memo<Query>, results: Memo<Results>, go: Callback<(Query, bool)>) -> impl IntoView {
    let loaded = data.loaded.clone();
    // Drill-down: exactly one region chosen.
    let drill = Memo::new(move |_| {
        query.with(|q| {
            let inc = &q.facet(Facet::Region).include;
            (inc.len() == 1).then(|| inc[0].clone())
        })
    });
    let areas = {
        let (geo, index, loaded) = (geo.clone(), data.index.clone(), loaded.clone());
        Memo::new(move |_| {
            let d = &loaded.dataset;
            let q = query.get();
            let r = results.get();
            let (facet, shapes): (Facet, Vec<_>) = match drill.get() {
                Some(region) => (
                    Facet::Departement,
                    geo.departements.iter().filter(|s| d.departement(&s.code).is_some_and(|x| x.region == region)).collect(),
                ),
                None => (Facet::Region, geo.regions.iter().collect()),
            };
            shapes
                .into_iter()
                .map(|s| {
                    let k = index.position(facet, &s.code);
                    let fig = |v: &[u32]| k.and_then(|k| v.get(k).copied()).unwrap_or(0);
                    Area {
                        code: s.code.clone(),
                        name: poles_core::facets::value_label(d, facet, &s.code),
                        d: s.d.clone(),
                        bbox: s.bbox,
                        count: fig(&r.counts[facet.index()]),
                        amount: k.and_then(|k| r.amounts[facet.index()].get(k).copied()).unwrap_or(0.0),
                        unpublished: fig(&r.unpublished[facet.index()]),
                        selected: q.facet(facet).state(&s.code) == ValueState::Included,
                    }
                })
                .collect::<Vec<Area>>()
        })
    };
    let measure = Memo::new(move |_| query.with(|q| if q.tab == Tab::Poles { Measure::Nombre } else { q.measure }));
    let value = move |a: &Area| if measure.get() == Measure::Montant { a.amount } else { a.count as f64 };
    let breaks = Memo::new(move |_| areas.with(|a| class_breaks(&a.iter().map(value).collect::<Vec<_>>(), 5)));
    let focused = RwSignal::new(None::<String>);
    let noun = move || if query.with(|q| q.tab) == Tab::Poles { ("pôle", "pôles") } else { ("projet", "projets") };
    let describe = move |a: &Area| {
        let (s, p) = noun();
        let mut text = tf("{} : {}", &[&a.name, &count(a.count as usize, s, p)]);
        if query.with(|q| q.tab) == Tab::Projets {
            if a.amount > 0.0 {
                text.push_str(&tf(", {} publiés", &[&eur(a.amount)]));
            } else if a.count > 0 {
                text.push_str(t(", aucun montant publié"));
            }
            if a.unpublished > 0 {
                text.push_str(&tf(", {} avec un montant non publié", &[&a.unpublished.to_string()]));
            }
        }
        text
    };
    let toggle = move |code: String| {
        let mut q = query.get_untracked();
        let facet = if drill.get_untracked().is_some() { Facet::Departement } else { Facet::Region };
        let next = if q.facet(facet).state(&code) == ValueState::Included { ValueState::Off } else { ValueState::Included };
        q.facet_mut(facet).set(&code, next);
        go.run((q, false));
    };
    let back = move |_| {
        let mut q = query.get_untracked();
        q.facet_mut(Facet::Region).include.clear();
        q.facet_mut(Facet::Departement).include.clear();
        go.run((q, false));
    };
    let set_measure = move |m: Measure| {
        let mut q = query.get_untracked();
        q.measure = m;
        go.run((q, true));
    };
    let dpk = geo.departement_units_per_km;
    let frame = geo.frame.clone();
    let view_box = {
        let frame = frame.clone();
        move || match drill.get() {
            None => format!("0 0 {} {}", num(frame.width), num(frame.height)),
            Some(_) => {
                let b = areas.with(|a| {
                    a.iter().map(|x| x.bbox).fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, x| [b[0].min(x[0]), b[1].min(x[1]), b[2].max(x[2]), b[3].max(x[3])])
                });
                if b[0] > b[2] {
                    return format!("0 0 {} {}", num(frame.width * dpk), num(frame.height * dpk));
                }
                let pad = 0.04 * (b[2] - b[0]).max(b[3] - b[1]);
                format!("{} {} {} {}", num(b[0] - pad), num(b[1] - pad), num(b[2] - b[0] + 2.0 * pad), num(b[3] - b[1] + 2.0 * pad))
            }
        }
    };
    // Pôle headquarters: pôles kept by the filters (pôles tab) or labelling the projects kept.
    let points = {
        let (loaded, hq) = (loaded.clone(), geo.hq.clone());
        Memo::new(move |_| {
            let d = &loaded.dataset;
            let r = results.get();
            let ids: Vec<&str> = match r.tab {
                Tab::Poles => r.items.iter().filter_map(|&i| d.poles.get(i)).map(|p| p.id.as_str()).collect(),
                Tab::Projets => r.items.iter().filter_map(|&i| d.projects.get(i)).flat_map(|p| p.poles.iter().map(String::as_str)).collect(),
            };
            let scale = if drill.get().is_some() { dpk } else { 1.0 };
            let wanted: std::collections::HashSet<&str> = ids.into_iter().collect();
            hq.iter()
                .filter(|h| wanted.contains(h.pole.as_str()))
                .filter_map(|h| d.pole(&h.pole).map(|p| (h.pole.clone(), p.name.clone(), h.x * scale, h.y * scale)))
                .collect::<Vec<_>>()
        })
    };
    let stroke = move || if drill.get().is_some() { 0.6 * dpk } else { 0.8 };
    let info = move || {
        focused.get().and_then(|c| areas.with(|a| a.iter().find(|x| x.code == c).map(describe)))
    };
    let insets = frame.insets.clone();
    view! {
        <div class="map-controls">
            {move || drill.get().map(|r| {
                let name = loaded.dataset.region_name(&r).to_string();
                view! {
                    <button type="button" class="button secondary" data-testid="map-back" on:click=back>{t("← France entière")}</button>
                    <span class="map-zoom">{tf("Départements de {}", &[&name])}</span>
                }
            })}
            {move || (query.with(|q| q.tab) == Tab::Projets).then(|| view! {
                <fieldset class="measure">
                    <legend>{t("Colorier selon")}</legend>
                    <label><input type="radio" name="mesure" data-testid="map-measure-nombre" prop:checked=move || measure.get() == Measure::Nombre on:change=move |_| set_measure(Measure::Nombre) />{t(" le nombre de projets")}</label>
                    <label><input type="radio" name="mesure" data-testid="map-measure-montant" prop:checked=move || measure.get() == Measure::Montant on:change=move |_| set_measure(Measure::Montant) />{t(" les montants publiés")}</label>
                </fieldset>
            })}
        </div>
        <p class="hint">{t("Cliquez sur une région (ou Entrée au clavier) pour filtrer ; choisir une seule région affiche ses départements.")}</p>
        <div class="map-wrap">
            <svg class="map" data-testid="map" viewBox=view_box role="group" aria-label=t("Carte des régions, colorée selon les résultats")>
                {move || drill.get().is_none().then(|| insets.iter().map(|i| view! {
                    <rect class="inset" x=num(i.box_[0]) y=num(i.box_[1]) width=num(i.box_[2]) height=num(i.box_[3]) />
                }).collect_view())}
                {move || {
                    let b = breaks.get();
                    let is_dep = drill.get().is_some();
                    areas.get().into_iter().map(|a| {
                        let fill = class_of(value(&a), &b).map(|k| PALETTE[k.min(4)]).unwrap_or(EMPTY);
                        let label = describe(&a);
                        let (c1, c2, c3, c4) = (a.code.clone(), a.code.clone(), a.code.clone(), a.code.clone());
                        let label_title = label.clone();
                        view! {
                            <path d=a.d.clone() fill=fill class="area" class:selected=a.selected
                                data-testid=if is_dep { "map-departement" } else { "map-region" }
                                data-code=a.code.clone() data-count=a.count
                                tabindex="0" role="button" aria-pressed=if a.selected { "true" } else { "false" } aria-label=label.clone()
                                on:click=move |_| toggle(c1.clone())
                                on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); toggle(c2.clone()) }
                                on:mouseenter=move |_| focused.set(Some(c3.clone()))
                                on:focus=move |_| focused.set(Some(c4.clone()))
                                stroke-width=move || num(stroke())>
                                <title>{label_title}</title>
                            </path>
                        }
                    }).collect_view()
                }}
                <g class="hq" aria-hidden="true">
                    {move || {
                        let r = if drill.get().is_some() { 1.6 * dpk } else { 3.2 };
                        points.get().into_iter().map(|(id, name, x, y)| view! {
                            <circle cx=num(x) cy=num(y) r=num(r) data-pole=id><title>{tf("Siège : {}", &[&name])}</title></circle>
                        }).collect_view()
                    }}
                </g>
            </svg>
            <p class="map-info" role="status" aria-live="polite" data-testid="map-info">{move || info().unwrap_or_else(|| t(if drill.get().is_some() { "Survolez ou sélectionnez un département pour voir ses chiffres." } else { "Survolez ou sélectionnez une région pour voir ses chiffres." }).to_string())}</p>
        </div>
        <Legend breaks=breaks measure=measure noun=Signal::derive(move || noun().1) />
        <MapTable areas=areas query=query toggle=Callback::new(move |c: String| toggle(c)) drill=drill />
        <p class="credit">{t("Contours : IGN, ADMIN EXPRESS COG (édition 2018) ; codes et noms : INSEE, COG 2018 ; mise en forme france-geojson (Grégoire David) — Licence Ouverte (Etalab). Projection Lambert-93, encarts pour l'outre-mer. Points : sièges des pôles (commune).")}</p>
        <p><a href=move || href(&format!("/{}", poles_core::query::format(&poles_core::query::Query { view: poles_core::query::View::Liste, ..query.get() })))>{t("Voir ces résultats en liste")}</a></p>
    }
}

#[component]
fn Legend(breaks: Memo<Vec<f64>>, measure: Memo<Measure>, noun: Signal<&'static str>) -> impl IntoView {
    let fmt = move |x: f64| if measure.get() == Measure::Montant { eur(x) } else { group_thousands(x.max(0.0) as u64) };
    view! {
        <div class="legend" data-testid="map-legend">
            <span class="legend-title">{move || if measure.get() == Measure::Montant { t("Montants publiés").to_string() } else { tf("Nombre de {}", &[t(noun.get())]) }}</span>
            <ul>
                <li><Swatch fill=EMPTY />{t("aucun")}</li>
                {move || {
                    let b = breaks.get();
                    b.iter().enumerate().map(|(k, up)| {
                        let low = if k == 0 { None } else { Some(b[k - 1]) };
                        let text = match low { None => tf("jusqu'à {}", &[&fmt(*up)]), Some(l) => tf("{} à {}", &[&fmt(l), &fmt(*up)]) };
                        view! { <li><Swatch fill=PALETTE[k.min(4)] />{text}</li> }
                    }).collect_view()
                }}
            </ul>
        </div>
    }
}

#[component]
fn MapTable(areas: Memo<Vec<Area>>, query: Memo<Query>, toggle: Callback<String>, drill: Memo<Option<String>>) -> impl IntoView {
    let projects = move || query.with(|q| q.tab) == Tab::Projets;
    view! {
        <div class="table-wrap">
            <table class="figures" data-testid="map-table">
                <caption>{move || t(if drill.get().is_some() { "Chiffres par département (tableau équivalent à la carte)" } else { "Chiffres par région (tableau équivalent à la carte)" })}</caption>
                <thead><tr>
                    <th scope="col">{move || t(if drill.get().is_some() { "Département" } else { "Région" })}</th>
                    <th scope="col">{move || t(if projects() { "Projets" } else { "Pôles" })}</th>
                    {move || projects().then(|| view! { <th scope="col">{t("Montants publiés")}</th><th scope="col">{t("Projets avec montant non publié")}</th> })}
                    <th scope="col">{t("Filtre")}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let list = areas.get();
                        let order = poles_core::listing::order_by(list.len(), |i| (u64::MAX - u64::from(list[i].count), 0));
                        let list = poles_core::listing::permute(list, &order);
                        list.into_iter().map(|a| {
                            let code = a.code.clone();
                            view! {
                                <tr data-testid="map-row" data-code=a.code.clone()>
                                    <th scope="row">{a.name.clone()}</th>
                                    <td class="num">{a.count}</td>
                                    {projects().then(|| view! { <td class="num">{if a.amount > 0.0 { eur(a.amount) } else { "—".to_string() }}</td><td class="num">{a.unpublished}</td> })}
                                    <td><button type="button" class="link-button" aria-pressed=if a.selected { "true" } else { "false" } on:click=move |_| toggle.run(code.clone())>
                                        {t(if a.selected { "Retirer" } else { "Filtrer" })}<span class="visually-hidden">{format!(" {}", a.name)}</span>
                                    </button></td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// A colour sample (an SVG rectangle: no inline style, CSP-friendly).
#[component]
pub fn Swatch(fill: &'static str) -> impl IntoView {
    view! { <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill=fill /></svg> }
}
