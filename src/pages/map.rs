//! The map view (`vue=carte`): an SVG choropleth of the regions (Lambert-93, overseas insets), a
//! drill-down to the départements of a chosen region, pôle headquarters, a legend, and the same
//! figures in a table. Figures come from the engine's facet counts (items kept by the other filters).

use super::ctx::{explorer_href, use_ctx};
use super::map_table::{Legend, MapTable};
use crate::api::load_geo_data;
use crate::data::Data;
use crate::i18n::{count, t, tf};
use crate::keyed::Keyed;
use leptos::prelude::*;
use poles_core::format::{eur, num};
use poles_core::geo::{class_breaks, class_of};
use poles_core::query::{Facet, Measure, Query, Tab, ValueState, View};
use poles_core::validate::{FileError, GeoData};
use std::sync::Arc;

/// Sequential palette (light to dark), and the colour of "no item".
pub const PALETTE: [&str; 5] = ["#d6e6f4", "#a3c9e6", "#5fa1d3", "#2c6fb0", "#0b3d7a"];
pub const EMPTY: &str = "#eef0f3";

fn load_geo(data: &Data) -> impl std::future::Future<Output = Result<GeoData, FileError>> + 'static {
    let (refs, source) = (data.loaded.dataset.refs.clone(), data.source.clone());
    async move { load_geo_data(&source, &refs).await.map(|(g, _)| g) }
}

/// Which outline: a region (`false`) or a département (`true`), and its index in `GeoData`.
pub type ShapeKey = u64;

/// The key of an outline: its index, with bit 32 set for a département.
fn shape_key(dep: bool, k: usize) -> ShapeKey {
    (u64::from(dep) << 32) | k as u64
}

/// (is a département, index in `GeoData`) of a key.
pub fn shape_of(key: ShapeKey) -> (bool, usize) {
    (key >> 32 == 1, (key & 0xffff_ffff) as usize)
}

/// The figures of one area for the current results.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct Fig {
    pub count: u32,
    pub amount: f64,
    pub unpublished: u32,
    /// Projects with at least one published amount.
    pub published: u32,
    pub selected: bool,
}

/// What the areas of the map share: their outlines and figures, the measure, the drill-down.
#[derive(Clone, Copy)]
pub struct MapCtx {
    geo: StoredValue<Arc<GeoData>>,
    pub figures: Memo<Vec<(ShapeKey, Fig)>>,
    pub measure: Memo<Measure>,
    pub breaks: Memo<Vec<f64>>,
    pub drill: Memo<Option<String>>,
    focused: RwSignal<Option<ShapeKey>>,
}

impl MapCtx {
    pub fn fig(&self, key: ShapeKey) -> Fig {
        self.figures.with(|f| f.iter().find(|x| x.0 == key).map(|x| x.1)).unwrap_or_default()
    }
    fn value(&self, f: &Fig) -> f64 {
        if self.measure.get() == Measure::Montant {
            f.amount
        } else {
            f.count as f64
        }
    }
    pub fn code(&self, key: ShapeKey) -> String {
        let (dep, k) = shape_of(key);
        self.geo.with_value(|g| if dep { &g.departements } else { &g.regions }.get(k).map(|s| s.code.clone()).unwrap_or_default())
    }
}

/// What an area's figures say, for its label, title and the info line.
fn describe(name: &str, f: &Fig, tab: Tab) -> String {
    let (s, p) = if tab == Tab::Poles { ("pôle", "pôles") } else { ("projet", "projets") };
    let mut text = tf("{} : {}", &[name, &count(f.count as usize, s, p)]);
    if tab == Tab::Projets {
        if f.amount > 0.0 {
            text.push_str(&tf(", {} publiés", &[&eur(f.amount)]));
        } else if f.count > 0 {
            text.push_str(t(", aucun montant publié"));
        }
        if f.unpublished > 0 {
            text.push_str(&tf(", {} avec un montant non publié", &[&f.unpublished.to_string()]));
        }
    }
    text
}

#[component]
pub fn MapView() -> impl IntoView {
    let data = use_ctx().data();
    let state = data.geo;
    state.ensure(load_geo(&data));
    let geo = state.value;
    let retry = Callback::new(move |_: ()| state.retry(load_geo(&data)));
    view! {
        <section class="map-view" aria-labelledby="map-title" data-testid="map-view">
            <h2 id="map-title" tabindex="-1">{t("Carte")}</h2>
            {move || match geo.get() {
                None => view! { <p class="loading" role="status">{t("Chargement de la carte…")}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="load-error" role="alert" data-testid="map-error">
                        <p>{e.to_string()}</p>
                        <p>{t("La liste et les statistiques restent disponibles.")}</p>
                        <button type="button" class="button" on:click=move |_| {
                            retry.run(());
                            crate::components::focus("#map-title");
                        }>{t("Réessayer")}</button>
                    </div>
                }.into_any(),
                Some(Ok(g)) => view! { <MapBody geo=g /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn MapBody(geo: Arc<GeoData>) -> impl IntoView {
    let ctx = use_ctx();
    let (query, results) = (ctx.query, ctx.results);
    let data = ctx.data();
    let loaded = data.loaded.clone();
    // Drill-down: exactly one region chosen.
    let drill = Memo::new(move |_| {
        query.with(|q| {
            let inc = &q.facet(Facet::Region).include;
            (inc.len() == 1).then(|| inc[0].clone())
        })
    });
    let shapes = {
        let (geo, loaded) = (geo.clone(), loaded.clone());
        Memo::new(move |_| match drill.get() {
            Some(region) => geo
                .departements
                .iter()
                .enumerate()
                .filter(|(_, s)| loaded.dataset.departement(&s.code).is_some_and(|x| x.region == region))
                .map(|(k, _)| shape_key(true, k))
                .collect(),
            None => (0..geo.regions.len()).map(|k| shape_key(false, k)).collect::<Vec<ShapeKey>>(),
        })
    };
    let figures = {
        let (geo, index) = (geo.clone(), data.index.clone());
        Memo::new(move |_| {
            shapes.with(|list| {
                query.with(|q| {
                    results.with(|r| {
                        list.iter()
                            .map(|&key| {
                                let (dep, k) = shape_of(key);
                                let (facet, s) = if dep { (Facet::Departement, &geo.departements[k]) } else { (Facet::Region, &geo.regions[k]) };
                                let at = index.position(facet, &s.code);
                                let f = facet.index();
                                let fig = Fig {
                                    count: at.and_then(|k| r.counts[f].get(k).copied()).unwrap_or(0),
                                    amount: at.and_then(|k| r.amounts[f].get(k).copied()).unwrap_or(0.0),
                                    unpublished: at.and_then(|k| r.unpublished[f].get(k).copied()).unwrap_or(0),
                                    published: at.and_then(|k| r.published[f].get(k).copied()).unwrap_or(0),
                                    selected: q.facet(facet).state(&s.code) == ValueState::Included,
                                };
                                (key, fig)
                            })
                            .collect::<Vec<_>>()
                    })
                })
            })
        })
    };
    let measure = Memo::new(move |_| query.with(|q| if q.tab == Tab::Poles { Measure::Nombre } else { q.measure }));
    let breaks = Memo::new(move |_| {
        let m = measure.get();
        figures.with(|f| class_breaks(&f.iter().map(|(_, x)| if m == Measure::Montant { x.amount } else { x.count as f64 }).collect::<Vec<_>>(), 5))
    });
    let map = MapCtx { geo: StoredValue::new(geo.clone()), figures, measure, breaks, drill, focused: RwSignal::new(None) };
    provide_context(map);
    let tab = Memo::new(move |_| query.with(|q| q.tab));
    let region_locked = crate::embed::use_embed().is_locked(Facet::Region);
    // Entering a region from the map (its outline is replaced by its départements) moves the
    // focus to the drill-down's title; "← France entière" puts it back on the region. Only when
    // the focus was in the map (or lost): a filter chosen elsewhere keeps it where it is.
    Effect::new(move |prev: Option<Option<String>>| {
        let now = drill.get();
        if let Some(before) = prev.filter(|b| *b != now) {
            let active = document().active_element();
            let in_map = active.as_ref().is_none_or(|a| a.tag_name() == "BODY" || a.closest(".map-view").ok().flatten().is_some());
            if in_map {
                let target = match (&now, before) {
                    (Some(_), _) => "#map-zoom".to_string(),
                    (None, Some(code)) => format!("[data-testid=map-region][data-code=\"{code}\"]"),
                    (None, None) => String::new(),
                };
                request_animation_frame(move || crate::components::focus(&target));
            }
        }
        now
    });
    let back = move |_| {
        ctx.update(|q| {
            q.facet_mut(Facet::Region).include.clear();
            q.facet_mut(Facet::Departement).include.clear();
        })
    };
    let dpk = geo.departement_units_per_km;
    let frame = geo.frame.clone();
    let view_box = {
        let (frame, geo) = (frame.clone(), geo.clone());
        Memo::new(move |_| match drill.get() {
            None => format!("0 0 {} {}", num(frame.width), num(frame.height)),
            Some(_) => {
                let b = shapes.with(|list| {
                    list.iter()
                        .map(|&key| geo.departements[shape_of(key).1].bbox)
                        .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, x| [b[0].min(x[0]), b[1].min(x[1]), b[2].max(x[2]), b[3].max(x[3])])
                });
                if b[0] > b[2] {
                    return format!("0 0 {} {}", num(frame.width * dpk), num(frame.height * dpk));
                }
                let pad = 0.04 * (b[2] - b[0]).max(b[3] - b[1]);
                format!("{} {} {} {}", num(b[0] - pad), num(b[1] - pad), num(b[2] - b[0] + 2.0 * pad), num(b[3] - b[1] + 2.0 * pad))
            }
        })
    };
    // Pôle headquarters: pôles kept by the filters (pôles tab) or labelling the projects kept.
    let points = {
        let (loaded, hq) = (loaded.clone(), geo.hq.clone());
        Memo::new(move |_| {
            let d = &loaded.dataset;
            let wanted: std::collections::HashSet<&str> = results.with(|r| match r.tab {
                Tab::Poles => r.items.iter().filter_map(|&i| d.poles.get(i)).map(|p| p.id.as_str()).collect(),
                Tab::Projets | Tab::Organisations => {
                    r.items.iter().filter_map(|&i| d.projects.get(i)).flat_map(|p| p.poles.iter().map(String::as_str)).collect()
                }
            });
            hq.iter().enumerate().filter(|(_, h)| wanted.contains(h.pole.as_str())).map(|(k, _)| k as u64).collect::<Vec<u64>>()
        })
    };
    let info = {
        let loaded = loaded.clone();
        move || {
            map.focused.get().map(|key| {
                let facet = if shape_of(key).0 { Facet::Departement } else { Facet::Region };
                describe(&poles_core::facets::value_label(&loaded.dataset, facet, &map.code(key)), &map.fig(key), tab.get())
            })
        }
    };
    // The map's name says what it shows.
    let map_name = {
        let loaded = loaded.clone();
        move || match drill.get() {
            Some(r) => tf("Carte des départements de {}, colorée selon les résultats", &[loaded.dataset.region_name(&r)]),
            None => t("Carte des régions, colorée selon les résultats").to_string(),
        }
    };
    let insets = frame.insets.clone();
    let hq = geo.hq.clone();
    view! {
        <div class="map-controls">
            {move || drill.get().map(|r| {
                let name = loaded.dataset.region_name(&r).to_string();
                view! {
                    // No way out of a region the embedding site locked.
                    {(!region_locked).then(|| view! { <button type="button" class="button secondary" data-testid="map-back" on:click=back>{t("← France entière")}</button> })}
                    <span class="map-zoom" id="map-zoom" tabindex="-1">{tf("Départements de {}", &[&name])}</span>
                }
            })}
            {move || (tab.get() == Tab::Projets).then(|| view! {
                {super::map_table::measure_switch("Colorier selon", "map-measure")}
            })}
        </div>
        <p class="hint">{t("Cliquez sur une région (ou Entrée au clavier) pour filtrer ; choisir une seule région affiche ses départements.")}</p>
        <div class="map-wrap">
            <svg class="map" data-testid="map" viewBox=move || view_box.get() role="group" aria-label=map_name>
                {move || drill.get().is_none().then(|| insets.iter().map(|i| view! {
                    <rect class="inset" x=num(i.box_[0]) y=num(i.box_[1]) width=num(i.box_[2]) height=num(i.box_[3]) />
                }).collect_view())}
                <Keyed each=shapes child=Arc::new(|key| view! { <MapArea key=key /> }.into_any()) />
                <g class="hq" aria-hidden="true">
                    <Keyed each=points child=Arc::new(move |k| {
                        let h = hq[k as usize].clone();
                        let name = ctx.data().loaded.dataset.pole(&h.pole).map(|p| p.name.clone()).unwrap_or_default();
                        let scale = move || if drill.with(Option::is_some) { dpk } else { 1.0 };
                        view! {
                            <circle cx=move || num(h.x * scale()) cy=move || num(h.y * scale()) r=move || num(if drill.with(Option::is_some) { 1.6 * dpk } else { 3.2 }) data-pole=h.pole.clone()>
                                <title>{tf("Siège : {}", &[&name])}</title>
                            </circle>
                        }
                        .into_any()
                    }) />
                </g>
            </svg>
            <p class="map-info" data-testid="map-info">{move || info().unwrap_or_else(|| t(if drill.get().is_some() { "Survolez ou sélectionnez un département pour voir ses chiffres." } else { "Survolez ou sélectionnez une région pour voir ses chiffres." }).to_string())}</p>
        </div>
        <Legend />
        <MapTable />
        <p class="credit">{t("Contours : IGN, ADMIN EXPRESS COG (édition 2018) ; codes et noms : INSEE, COG 2018 ; mise en forme france-geojson (Grégoire David) — Licence Ouverte (Etalab). Projection Lambert-93, encarts pour l'outre-mer. Points : sièges des pôles (commune).")}</p>
        <p><a href=move || query.with(|q| explorer_href(&Query { view: View::Liste, ..q.clone() }))>{t("Voir ces résultats en liste")}</a></p>
    }
}

/// Toggles the filter on an area's code (region, or département when drilled down).
pub fn toggle_area(key: ShapeKey) {
    let (ctx, map) = (use_ctx(), expect_context::<MapCtx>());
    let code = map.code(key);
    let facet = if shape_of(key).0 { Facet::Departement } else { Facet::Region };
    ctx.update(|q| {
        let next = if q.facet(facet).state(&code) == ValueState::Included { ValueState::Off } else { ValueState::Included };
        q.facet_mut(facet).set(&code, next);
    });
}

/// One area of the map: outline and name fixed, fill, state and label following its figures.
#[component]
fn MapArea(key: ShapeKey) -> impl IntoView {
    let ctx = use_ctx();
    let map = expect_context::<MapCtx>();
    let (dep, k) = shape_of(key);
    let (facet, testid) = if dep { (Facet::Departement, "map-departement") } else { (Facet::Region, "map-region") };
    let code = map.code(key);
    let d = map.geo.with_value(|g| if dep { &g.departements } else { &g.regions }[k].d.clone());
    let name = poles_core::facets::value_label(&ctx.data().loaded.dataset, facet, &code);
    let fig = Memo::new(move |_| map.fig(key));
    let fill = move || {
        let v = fig.with(|f| map.value(f));
        map.breaks.with(|b| class_of(v, b)).map(|k| PALETTE[k.min(4)]).unwrap_or(EMPTY)
    };
    let label = Memo::new(move |_| describe(&name, &fig.get(), ctx.query.with(|q| q.tab)));
    let stroke = move || num(if map.drill.with(Option::is_some) { 0.6 * map.geo.with_value(|g| g.departement_units_per_km) } else { 0.8 });
    let selected = move || fig.with(|f| f.selected);
    view! {
        <path d=d fill=fill class="area" class:selected=selected
            data-testid=testid data-code=code data-count=move || fig.with(|f| f.count)
            tabindex="0" role="button" aria-pressed=move || if selected() { "true" } else { "false" } aria-label=label
            on:click=move |_| toggle_area(key)
            on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); toggle_area(key) }
            on:mouseenter=move |_| map.focused.set(Some(key))
            on:focus=move |_| map.focused.set(Some(key))
            stroke-width=stroke>
        </path>
    }
}
