//! The statistics view (`vue=stats`): bar charts that follow the filters, each with a text summary
//! and a table of the same figures. Clicking a bar (or Enter on it) filters on that value.

use super::map::Swatch;
use crate::app::Data;
use leptos::prelude::*;
use poles_core::engine::Results;
use crate::i18n::{count, t, tf, tr};
use poles_core::format::{eur, num};
use poles_core::query::{Facet, Query, Tab, ValueState};
use poles_core::stats::{compute, Bar, Stats};

const SOLE: &str = "#2c6fb0";
const CO: &str = "#a3c9e6";

/// What clicking a bar does.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Facet(Facet),
    Year,
}

#[component]
pub fn StatsView(data: Data, query: Memo<Query>, results: Memo<Results>, go: Callback<(Query, bool)>) -> impl IntoView {
    let stats = Memo::new(move |_| results.with(|r| compute(&data.loaded.dataset, r)));
    let click = Callback::new(move |(target, value): (Target, String)| {
        let mut q = query.get_untracked();
        match target {
            Target::Facet(f) => {
                let next = if q.facet(f).state(&value) == ValueState::Included { ValueState::Off } else { ValueState::Included };
                q.facet_mut(f).set(&value, next);
            }
            Target::Year => {
                let y = value.parse::<u16>().ok();
                if q.year_min == y && q.year_max == y {
                    (q.year_min, q.year_max) = (None, None);
                } else {
                    (q.year_min, q.year_max) = (y, y);
                }
            }
        }
        go.run((q, false));
    });
    let selected = move |target: Target, value: &str| {
        query.with(|q| match target {
            Target::Facet(f) => q.facet(f).state(value) == ValueState::Included,
            Target::Year => value.parse::<u16>().ok().is_some_and(|y| q.year_min == Some(y) && q.year_max == Some(y)),
        })
    };
    view! {
        <section class="stats-view" aria-labelledby="stats-title" data-testid="stats-view">
            <h2 id="stats-title">{t("Statistiques")}</h2>
            {move || {
                let s = stats.get();
                if s.items == 0 {
                    return view! { <p class="empty">{t("Aucun résultat pour ces filtres : pas de statistiques.")}</p> }.into_any();
                }
                match results.with(|r| r.tab) {
                    Tab::Projets => view! {
                        <BarChart id="financeurs" title="Projets par financeur" bars=s.funders.clone() target=Target::Facet(Facet::Financeur) click=click selected=selected
                            summary=funder_summary(&s) noun=("projet", "projets") funders=true />
                        <BarChart id="annees" title="Projets par année" bars=s.years.clone() target=Target::Year click=click selected=selected
                            summary=year_summary(&s) noun=("projet", "projets") />
                        <BarChart id="themes" title="Projets par thème" bars=s.themes.clone() target=Target::Facet(Facet::Theme) click=click selected=selected
                            summary=top_summary(&s.themes, "{} valeurs ; le thème le plus représenté est « {} » avec {}.", ("projet", "projets")) noun=("projet", "projets") />
                        <BarChart id="poles" title="Pôles ayant labellisé le plus de projets (10 premiers)" bars=s.top_poles.clone() target=Target::Facet(Facet::Pole) click=click selected=selected
                            summary=top_summary(&s.top_poles, "{} valeurs ; le pôle le plus représenté est « {} » avec {}.", ("projet", "projets")) noun=("projet", "projets") />
                    }.into_any(),
                    Tab::Poles => view! {
                        <BarChart id="themes" title="Pôles par thème" bars=s.themes.clone() target=Target::Facet(Facet::Theme) click=click selected=selected
                            summary=top_summary(&s.themes, "{} valeurs ; le thème le plus représenté est « {} » avec {}.", ("pôle", "pôles")) noun=("pôle", "pôles") />
                        <BarChart id="phases" title="Pôles par phase de labellisation" bars=s.phases.clone() target=Target::Facet(Facet::Phase) click=click selected=selected
                            summary=top_summary(&s.phases, "{} valeurs ; la phase la plus représentée est « {} » avec {}.", ("pôle", "pôles")) noun=("pôle", "pôles") />
                        <BarChart id="regions" title="Pôles par région couverte" bars=s.regions.clone() target=Target::Facet(Facet::Region) click=click selected=selected
                            summary=top_summary(&s.regions, "{} valeurs ; la région la plus représentée est « {} » avec {}.", ("pôle", "pôles")) noun=("pôle", "pôles") />
                    }.into_any(),
                }
            }}
        </section>
    }
}

fn funder_summary(s: &Stats) -> String {
    let amount: f64 = s.funders.iter().map(|b| b.amount).sum();
    let unpublished: usize = s.funders.iter().map(|b| b.unpublished_lines).sum();
    tf(
        "{} financeurs. Montants publiés : {} au total ; {} ligne(s) de financement sans montant publié, comptées à part et jamais additionnées comme zéro.",
        &[&s.funders.len().to_string(), &eur(amount), &unpublished.to_string()],
    )
}

fn top_summary(bars: &[Bar], template: &'static str, noun: (&'static str, &'static str)) -> String {
    match bars.iter().rev().max_by_key(|b| b.count) {
        Some(b) => tf(template, &[&bars.len().to_string(), &tr(&b.label), &count(b.count, noun.0, noun.1)]),
        None => t("Aucune valeur.").into(),
    }
}

fn year_summary(s: &Stats) -> String {
    let (first, last) = (s.years.first(), s.years.last());
    let peak = s.years.iter().rev().max_by_key(|b| b.count);
    let mut text = match (first, last, peak) {
        (Some(f), Some(l), Some(p)) => tf("De {} à {} ; l'année la plus représentée est {} ({}).", &[&f.label, &l.label, &p.label, &count(p.count, "projet", "projets")]),
        _ => t("Aucune année connue.").into(),
    };
    if s.unknown_year > 0 {
        text.push_str(&tf(" {} sans année connue, non représentés.", &[&count(s.unknown_year, "projet", "projets")]));
    }
    text
}

/// A horizontal bar chart with its table. Funders (`funders`): bars stacked "seul financeur" /
/// "cofinancé", and amounts in the table.
#[component]
fn BarChart(
    id: &'static str,
    title: &'static str,
    bars: Vec<Bar>,
    target: Target,
    click: Callback<(Target, String)>,
    selected: impl Fn(Target, &str) -> bool + Copy + Send + Sync + 'static,
    summary: String,
    noun: (&'static str, &'static str),
    #[prop(optional)] funders: bool,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    let row_h = 22.0;
    let height = row_h * bars.len() as f64 + 4.0;
    let title_id = format!("chart-{id}-title");
    let title_id2 = title_id.clone();
    let rows = bars.clone();
    view! {
        <figure class="chart" data-testid="chart" data-chart=id aria-labelledby=title_id.clone()>
            <figcaption id=title_id2>{t(title)}</figcaption>
            <p class="chart-summary" data-testid="chart-summary">{summary}</p>
            {funders.then(|| view! { <p class="chart-legend"><Swatch fill=SOLE />{t(" seul financeur publié ")} <Swatch fill=CO />{t(" cofinancé avec d'autres")}</p> })}
            <svg class="bars" viewBox=format!("0 0 600 {}", num(height)) role="group" aria-label=t(title)>
                {bars.into_iter().enumerate().map(|(k, b)| {
                    let y = 2.0 + k as f64 * row_h;
                    let sole = if funders { b.sole } else { b.count };
                    let w_sole = sole as f64 / max * 330.0;
                    let w_co = (b.count - sole) as f64 / max * 330.0;
                    let shown = tr(&b.label);
                    let mut label = tf("{} : {}", &[&shown, &count(b.count, noun.0, noun.1)]);
                    if funders {
                        label.push_str(&tf(" dont {} cofinancé(s) ; {}", &[&(b.count - b.sole).to_string(), &if b.amount > 0.0 { tf("{} publiés", &[&eur(b.amount)]) } else { t("aucun montant publié").into() }]));
                    }
                    let (v1, v2, v3) = (b.value.clone(), b.value.clone(), b.value.clone());
                    let label_title = label.clone();
                    view! {
                        <g class="bar" class:selected=move || selected(target, &v3)>
                            <text x="200" y=num(y + 15.0) text-anchor="end" class="bar-label" aria-hidden="true">{truncate(&shown, 30)}</text>
                            <rect x="208" y=num(y + 3.0) width=num(w_sole.max(1.0)) height=num(row_h - 6.0) fill=SOLE />
                            {(w_co > 0.0).then(|| view! { <rect x=num(208.0 + w_sole) y=num(y + 3.0) width=num(w_co) height=num(row_h - 6.0) fill=CO /> })}
                            <text x=num(214.0 + w_sole + w_co) y=num(y + 15.0) class="bar-value" aria-hidden="true">{b.count}</text>
                            // The interactive part: a transparent button over the whole row.
                            <rect class="hit" x="0" y=num(y) width="600" height=num(row_h) data-testid="chart-bar" data-value=b.value.clone() data-count=b.count
                                tabindex="0" role="button" aria-label=label aria-pressed=move || if selected(target, &v2) { "true" } else { "false" }
                                on:click=move |_| click.run((target, v1.clone()))
                                on:keydown={let v = b.value.clone(); move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); click.run((target, v.clone())) }}>
                                <title>{label_title}</title>
                            </rect>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <details class="chart-table" open=funders>
                <summary>{t("Tableau des données")}</summary>
                <div class="table-wrap">
                    <table data-testid="chart-table" class="figures">
                        <thead><tr>
                            <th scope="col">{t("Valeur")}</th><th scope="col">{t(noun.1)}</th>
                            {funders.then(|| view! { <th scope="col">{t("dont cofinancés")}</th><th scope="col">{t("Montants publiés")}</th><th scope="col">{t("Lignes sans montant publié")}</th> })}
                        </tr></thead>
                        <tbody>{rows.into_iter().map(|b| view! {
                            <tr data-value=b.value.clone()>
                                <th scope="row">{tr(&b.label)}</th><td class="num">{b.count}</td>
                                {funders.then(|| view! {
                                    <td class="num">{b.count - b.sole}</td>
                                    <td class="num">{if b.amount > 0.0 { eur(b.amount) } else { "—".into() }}</td>
                                    <td class="num">{b.unpublished_lines}</td>
                                })}
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
