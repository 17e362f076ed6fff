//! Above the results: tabs, view switch, ignored URL values, the count and totals, coverage.

use crate::i18n::{count, t, tf, tr};
use crate::pages::ctx::{explorer_href, use_ctx};
use leptos::prelude::*;
use poles_core::format::{eur, group_thousands};
use poles_core::query::Facet;
use poles_core::query::{Notice, Query, Sort, Tab, View};
use poles_core::stats::{coverage, funder_money, percent, FunderMoney};

#[component]
pub fn Tabs(n_projects: usize, n_poles: usize) -> impl IntoView {
    let query = use_ctx().query;
    let tab_href = move |tab: Tab| {
        query.with(|q| {
            let mut q = q.clone();
            q.tab = tab;
            q.page = 0;
            if !q.sort.applies_to(tab) {
                q.sort = Sort::Nom;
            }
            if !q.view.applies_to(tab) {
                q.view = View::Liste;
            }
            explorer_href(&q)
        })
    };
    let current = move |tab: Tab| move || (query.with(|q| q.tab) == tab).then_some("page");
    view! {
        <nav class="tabs" aria-label=t("Listes")>
            <a href=move || tab_href(Tab::Projets) aria-current=current(Tab::Projets) data-testid="tab-projets">
                {t("Projets ")} <span class="tab-count">{n_projects}</span>
            </a>
            <a href=move || tab_href(Tab::Poles) aria-current=current(Tab::Poles) data-testid="tab-poles">
                {t("Pôles ")} <span class="tab-count">{n_poles}</span>
            </a>
            // The organisations are read on first use: their number shows once they are.
            <a href=move || tab_href(Tab::Organisations) aria-current=current(Tab::Organisations) data-testid="tab-organisations">
                {t("Organisations")}
            </a>
        </nav>
    }
}

/// Liste / Carte / Statistiques, as links (the view is part of the URL).
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let query = use_ctx().query;
    view! {
        <nav class="views" aria-label=t("Affichage des résultats")>
            {View::ALL.into_iter().map(|v| {
                let link = move || query.with(|q| explorer_href(&Query { view: v, ..q.clone() }));
                view! {
                    <a href=link data-testid=format!("view-{}", v.code())
                        aria-current=move || (query.with(|q| q.view) == v).then_some("page")>{t(v.label_fr())}</a>
                }
            }).collect_view()}
        </nav>
    }
}

/// Malformed or unknown URL values, ignored, said out loud.
#[component]
pub fn UrlNotices(notices: Memo<Vec<Notice>>) -> impl IntoView {
    move || {
        notices.with(|list| {
            (!list.is_empty()).then(|| {
                view! {
                    <div class="url-notice" role="status" data-testid="url-notice">
                        <p><strong>{t("Certains paramètres de l'adresse ont été ignorés :")}</strong></p>
                        <ul>{list.iter().map(|n| view! { <li>{tf("« {}={} » ignoré : {}", &[&n.param, &n.value, &tr(&n.reason)])}</li> }).collect_view()}</ul>
                    </div>
                }
            })
        })
    }
}

/// How complete the data is for the selection (projects tab), next to the totals.
#[component]
pub fn Coverage() -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data();
    let text = Memo::new(move |_| {
        ctx.results.with(|r| {
            (r.tab == Tab::Projets && !r.items.is_empty()).then(|| {
                let d = &data.loaded.dataset;
                let c = coverage(r.items.iter().filter_map(|&i| d.projects.get(i)));
                let pc = |n: usize| percent(n, c.projects).to_string();
                tf(
                    "Complétude : montant publié pour {} % des projets ; territoire lu dans les sources pour {} %, déduit pour {} %, inconnu pour {} %.",
                    &[&pc(c.with_amount), &pc(c.territory_from_sources), &pc(c.territory_inferred), &pc(c.territory_unknown())],
                )
            })
        })
    });
    move || {
        text.get().map(|text| {
            view! {
                <p class="coverage" data-testid="coverage">
                    {text} " " <a href=crate::pages::about_href() rel="external">{t("À propos des données")}</a>
                </p>
            }
        })
    }
}

#[component]
pub fn ResultsHeader() -> impl IntoView {
    let ctx = use_ctx();
    let results = ctx.results;
    let count_text = Memo::new(move |_| {
        results.with(|r| match r.tab {
            // With the organisation filter, shown once the organisations are read.
            Tab::Projets => (!ctx.waiting_orgs.get()).then(|| count(r.totals.count, "projet", "projets")),
            Tab::Poles => Some(count(r.totals.count, "pôle", "pôles")),
            // Shown once the organisations are read.
            Tab::Organisations => (!r.figures.is_empty()).then(|| count(r.totals.count, "organisation", "organisations")),
        })
    });
    // The page's title says what is shown: "37 projets — Carte — Pôles Explorer".
    Effect::new(move |_| {
        let view = ctx.query.with(|q| q.view);
        count_text.with(|c| crate::components::set_title(&[c.as_deref().unwrap_or_default(), t(view.label_fr())]));
    });
    let data = ctx.data();
    // [published line, unpublished line, notes (all funders, unknown years)] on the projects tab
    // (empty on the pôles tab).
    let totals = Memo::new(move |_| {
        results.with(|r| {
            if r.tab != Tab::Projets {
                return Vec::new();
            }
            {
                let tot = &r.totals;
                // With a funder filter the sum covers every funder of those projects: say so (the
                // chosen funders' own money is on the lines below).
                let all_funders = if ctx.filters.with(|q| q.facet(Facet::Financeur).include.is_empty()) { "" } else { t(" (tous financeurs confondus)") };
                let published = if tot.with_published_amount > 0 {
                    tf("{} de financements publiés (pour {})", &[&eur(tot.amount_published), &count(tot.with_published_amount, "projet", "projets")])
                } else {
                    t("aucun montant publié").to_string()
                };
                let unpublished = count(tot.with_unpublished_amount, "projet avec un montant non publié", "projets avec un montant non publié");
                let mut notes = all_funders.to_string();
                if r.unknown_year_excluded > 0 {
                    notes.push_str(&tf(" · {} sans année connue écarté(s) par le filtre d'années", &[&group_thousands(r.unknown_year_excluded as u64)]));
                }
                vec![published, unpublished, notes]
            }
        })
    });
    // One line per chosen funder: its own published money and the projects without its amount.
    let per_funder = Memo::new(move |_| {
        let chosen = ctx.filters.with(|q| q.facet(Facet::Financeur).include.clone());
        let d = &data.loaded.dataset;
        results.with(|r| {
            // Nothing to gather without a funder filter (this runs on every change).
            if r.tab != Tab::Projets || chosen.is_empty() {
                return Vec::new();
            }
            let projects: Vec<_> = r.items.iter().filter_map(|&i| d.projects.get(i)).collect();
            chosen
                .into_iter()
                .map(|f| {
                    let line = funder_line(&tr(d.funder_label(&f)), &funder_money(&f, projects.iter().copied()));
                    (f, line)
                })
                .collect::<Vec<_>>()
        })
    });
    let tab = Memo::new(move |_| ctx.query.with(|q| q.tab));
    // "· 1 à 50": the items of the page shown (lists of more than one page).
    let range = Memo::new(move |_| {
        let list = ctx.query.with(|q| q.view == View::Liste);
        ctx.page.with(|p| (list && p.last > 0).then(|| tf(" · {} à {}", &[&group_thousands(p.start as u64 + 1), &group_thousands(p.end as u64)])))
    });
    let on_sort = move |ev: leptos::ev::Event| {
        if let Some(s) = Sort::from_code(&event_target_value(&ev)) {
            ctx.update(|q| q.sort = s);
        }
    };
    view! {
        <div class="results-header">
            <div>
                // The count (once known), then the range of the page shown.
                <p class="result-count">
                    {move || count_text.with(Option::is_some).then(|| view! {
                        <span data-testid="result-count" role="status" aria-live="polite" aria-atomic="true">{move || count_text.get()}</span>
                    })}
                    <span class="result-range" data-testid="result-range">{move || range.get()}</span>
                </p>
                // The totals change with nearly every filter: the line is drawn anew.
                {move || totals.get().try_into().ok().map(|[published, unpublished, notes]: [String; 3]| view! {
                    <p class="totals" data-testid="totals">
                        <span data-testid="total-published">{published}</span>
                        " · "
                        <span data-testid="total-unpublished">{unpublished}</span>
                        {notes}
                    </p>
                })}
                // Redrawn with the totals (a line or two): no keyed list needed.
                {move || per_funder.get().into_iter().map(|(funder, text)| view! {
                    <p class="totals" data-testid="funder-totals" data-funder=funder>{text}</p>
                }).collect_view()}
            </div>
            <div class="sort">
                <label for="tri">{t("Trier par")}</label>
                <select id="tri" data-testid="sort-select" on:change=on_sort prop:value=move || ctx.query.with(|q| q.sort.code())>
                    {move || {
                        let tab = tab.get();
                        let current = ctx.query.with_untracked(|q| q.sort);
                        Sort::ALL.into_iter().filter(|s| s.applies_to(tab)).map(|s| view! {
                            <option value=s.code() selected=current == s>{t(s.label_fr())}</option>
                        }).collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}

/// "Copier le lien": the address of this view (without the embedding settings), to share.
#[component]
pub fn CopyLink() -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| crate::components::copy_to_clipboard(&crate::embed::full_view_url(), copied);
    view! {
        <span class="copy-link">
            <button type="button" class="link-button" data-testid="copy-link" on:click=copy>{t("Copier le lien")}</button>
            <span role="status" class="muted" data-testid="copy-link-status">{move || copied.get().map(|ok| t(if ok { " Lien copié." } else { " La copie a échoué : copiez l'adresse de la page." }))}</span>
        </span>
    }
}

/// "FUI : 379 000 € publiés pour 1 projet ; montant non publié pour 4 projets".
fn funder_line(label: &str, m: &FunderMoney) -> String {
    let published = if m.with_amount > 0 {
        tf("{} publiés pour {}", &[&eur(m.amount), &count(m.with_amount, "projet", "projets")])
    } else {
        t("aucun montant publié").to_string()
    };
    let unpublished = if m.without_amount > 0 { tf(" ; montant non publié pour {}", &[&count(m.without_amount, "projet", "projets")]) } else { String::new() };
    format!("{label}{}{published}{unpublished}", t(" : "))
}
