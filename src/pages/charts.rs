//! The statistics view (`vue=stats`): bar charts that follow the filters, each with a text summary
//! and a table of the same figures. Clicking a bar (or Enter on it) filters on that value.

use super::ctx::use_ctx;
use super::map_table::Swatch;
use super::roving;
use crate::components::sort_header;
use crate::i18n::{count, t, tf, tr};
use crate::keyed::{key_of, Keyed};
use leptos::prelude::*;
use poles_core::format::{eur, num};
use poles_core::listing::{order_table, TableSort};
use poles_core::query::{Facet, Measure, Tab, ValueState};
use poles_core::stats::{compute, Bar, Stats};
use std::sync::Arc;

const SOLE: &str = "#2c6fb0";
const CO: &str = "#a3c9e6";

/// What clicking a bar does.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Facet(Facet),
    Year,
}

/// Which list of bars of `Stats` a chart draws.
#[derive(Clone, Copy, PartialEq)]
enum Series {
    Funders,
    Years,
    Themes,
    TopPoles,
    Phases,
    Regions,
}

impl Series {
    fn of(self, s: &Stats) -> &Vec<Bar> {
        match self {
            Series::Funders => &s.funders,
            Series::Years => &s.years,
            Series::Themes => &s.themes,
            Series::TopPoles => &s.top_poles,
            Series::Phases => &s.phases,
            Series::Regions => &s.regions,
        }
    }
}

#[component]
pub fn StatsView() -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data();
    let stats = Memo::new(move |_| ctx.results.with(|r| compute(&data.loaded.dataset, r)));
    let empty = Memo::new(move |_| stats.with(|s| s.items == 0));
    let tab = Memo::new(move |_| ctx.results.with(|r| r.tab));
    let projets = ("projet", "projets");
    let poles = ("pôle", "pôles");
    let top = |series: Series, template: &'static str, noun| move |s: &Stats| top_summary(series.of(s), template, noun);

    view! {
        <section class="stats-view" aria-labelledby="stats-title" data-testid="stats-view">
            <h2 id="stats-title">{t("Statistiques")}</h2>
            {move || match (empty.get(), tab.get()) {
                (true, _) => view! { <p class="empty">{t("Aucun résultat pour ces filtres : pas de statistiques.")}</p> }.into_any(),
                (false, Tab::Projets | Tab::Organisations) => view! {
                    {super::map_table::measure_switch("Afficher", "stats-measure")}
                    <BarChart id="financeurs" title="Projets par financeur" stats=stats series=Series::Funders target=Target::Facet(Facet::Financeur)
                        summary=funder_summary noun=projets funders=true />
                    <BarChart id="annees" title="Projets par année" stats=stats series=Series::Years target=Target::Year
                        summary=year_summary noun=projets />
                    <BarChart id="themes" title="Projets par thème" stats=stats series=Series::Themes target=Target::Facet(Facet::Theme)
                        summary=top(Series::Themes, "{} valeurs ; le thème le plus représenté est « {} » avec {}.", projets) noun=projets />
                    <BarChart id="poles" title="Pôles cités par le plus de projets (10 premiers)" stats=stats series=Series::TopPoles target=Target::Facet(Facet::Pole)
                        summary=top(Series::TopPoles, "{} valeurs ; le pôle le plus représenté est « {} » avec {}.", projets) noun=projets />
                }.into_any(),
                (false, Tab::Poles) => view! {
                    <BarChart id="themes" title="Pôles par thème" stats=stats series=Series::Themes target=Target::Facet(Facet::Theme)
                        summary=top(Series::Themes, "{} valeurs ; le thème le plus représenté est « {} » avec {}.", poles) noun=poles />
                    <BarChart id="phases" title="Pôles par phase de labellisation" stats=stats series=Series::Phases target=Target::Facet(Facet::Phase)
                        summary=top(Series::Phases, "{} valeurs ; la phase la plus représentée est « {} » avec {}.", poles) noun=poles />
                    <BarChart id="regions" title="Pôles par région couverte" stats=stats series=Series::Regions target=Target::Facet(Facet::Region)
                        summary=top(Series::Regions, "{} valeurs ; la région la plus représentée est « {} » avec {}.", poles) noun=poles />
                }.into_any(),
            }}
        </section>
    }
}

/// Filters on a bar's value (or removes that filter).
fn click_bar(target: Target, value: &str) {
    use_ctx().update(|q| match target {
        Target::Facet(f) => {
            let next = if q.facet(f).state(value) == ValueState::Included { ValueState::Off } else { ValueState::Included };
            q.facet_mut(f).set(value, next);
        }
        Target::Year => {
            let y = value.parse::<u16>().ok();
            if q.year_min == y && q.year_max == y {
                (q.year_min, q.year_max) = (None, None);
            } else {
                (q.year_min, q.year_max) = (y, y);
            }
        }
    });
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
        (Some(f), Some(l), Some(p)) => {
            tf("De {} à {} ; l'année la plus représentée est {} ({}).", &[&f.label, &l.label, &p.label, &count(p.count, "projet", "projets")])
        }
        _ => t("Aucune année connue.").into(),
    };
    if s.unknown_year > 0 {
        text.push_str(&tf(" {} sans année connue, non représentés.", &[&count(s.unknown_year, "projet", "projets")]));
    }
    text
}

const ROW_H: f64 = 22.0;

/// A horizontal bar chart with its table. Funders (`funders`): bars stacked "seul financeur" /
/// "cofinancé", and amounts in the table. Bars and table rows are keyed by value.
#[component]
fn BarChart(
    id: &'static str,
    title: &'static str,
    stats: Memo<Stats>,
    series: Series,
    target: Target,
    summary: impl Fn(&Stats) -> String + Send + Sync + 'static,
    noun: (&'static str, &'static str),
    #[prop(optional)] funders: bool,
) -> impl IntoView {
    let summary = Memo::new(move |_| stats.with(|s| summary(s)));
    let keys = Memo::new(move |_| stats.with(|s| series.of(s).iter().map(|x| key_of(&x.value)).collect::<Vec<u64>>()));
    // The value and label of a bar, from its key.
    let item = move |k: u64| {
        stats.with_untracked(|s| series.of(s).iter().find(|x| key_of(&x.value) == k).map(|x| (x.value.clone(), x.label.clone()))).unwrap_or_default()
    };
    // The table's rows: in the chart's order until a column header sorts them.
    let sort = RwSignal::new(None::<TableSort>);
    let table_keys = Memo::new(move |_| {
        let Some(by) = sort.get() else { return keys.get() };
        stats.with(|s| {
            let bars = series.of(s);
            let rows: Vec<(String, Vec<Option<f64>>)> = bars
                .iter()
                .map(|b| {
                    let n = |x: usize| Some(x as f64);
                    (tr(&b.label), vec![n(b.count), n(b.count - b.sole), (b.amount > 0.0).then_some(b.amount), n(b.unpublished_lines)])
                })
                .collect();
            order_table(&rows, by).into_iter().map(|i| key_of(&bars[i].value)).collect()
        })
    });
    let header = move |column: usize, label: &'static str| sort_header(Box::new(move || t(label).to_string()), column, sort);
    let height = move || num(ROW_H * stats.with(|s| series.of(s).len()) as f64 + 4.0);
    let title_id = format!("chart-{id}-title");
    let title_ref = title_id.clone();
    let measure = {
        let ctx = use_ctx();
        Memo::new(move |_| ctx.query.with(|q| if q.tab == Tab::Projets { q.measure } else { Measure::Nombre }))
    };
    let chart = ChartCtx { stats, series, target, noun, funders, measure };
    let amounts_note = Memo::new(move |_| {
        (measure.get() == Measure::Montant).then(|| {
            stats.with(|s| {
                let bars = series.of(s);
                let without: usize = bars.iter().map(|b| b.count - b.published).sum();
                tf(
                    " En montants publiés : {} pour {} ; {} sans montant publié, comptés à part (jamais comme zéro).",
                    &[
                        &eur(bars.iter().map(|b| b.amount).sum::<f64>()),
                        &count(bars.iter().map(|b| b.published).sum(), "projet", "projets"),
                        &count(without, "projet", "projets"),
                    ],
                )
            })
        })
    });
    view! {
        <figure class="chart" data-testid="chart" data-chart=id aria-labelledby=title_ref>
            <figcaption id=title_id>{t(title)}</figcaption>
            <p class="chart-summary" data-testid="chart-summary">{move || summary.get()}{move || amounts_note.get()}</p>
            {move || (funders && measure.get() == Measure::Nombre).then(|| view! { <p class="chart-legend"><Swatch fill=SOLE />{t(" seul financeur publié ")} <Swatch fill=CO />{t(" cofinancé avec d'autres")}</p> })}
            // Drawn at least at its own size (600 units = 600 px): on a phone the chart scrolls
            // sideways instead of shrinking its text below 12 px.
            <div class="bars-scroll">
            // One tab stop per chart, arrows between its bars (`roving`).
            <svg class="bars" viewBox=move || format!("0 0 600 {}", height()) role="group" aria-label=t(title) tabindex="0"
                on:focus=roving::enter on:focusin=roving::inside on:focusout=roving::leave on:keydown=roving::keys>
                <Keyed each=keys child=Arc::new(move |k| { let (value, label) = item(k); view! { <BarRow chart=chart value=value label=label /> }.into_any() }) />
            </svg>
            </div>
            <details class="chart-table" open=funders>
                <summary>{t("Tableau des données")}</summary>
                <div class="table-wrap">
                    <table data-testid="chart-table" class="figures">
                        <caption class="visually-hidden">{t(title)}</caption>
                        <thead><tr>
                            {header(0, "Valeur")}{header(1, noun.1)}
                            {funders.then(|| view! { {header(2, "dont cofinancés")}{header(3, "Montants publiés")}{header(4, "Lignes sans montant publié")} })}
                        </tr></thead>
                        <tbody>
                            <Keyed each=table_keys child=Arc::new(move |k| { let (value, label) = item(k); view! { <TableRow chart=chart value=value label=label /> }.into_any() }) />
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// What the bars and rows of one chart share.
#[derive(Clone, Copy)]
struct ChartCtx {
    stats: Memo<Stats>,
    series: Series,
    target: Target,
    noun: (&'static str, &'static str),
    funders: bool,
    /// Numbers of items, or published amounts.
    measure: Memo<Measure>,
}

impl ChartCtx {
    /// The bar of `value` and its position, as a memo (None once it left the chart).
    fn bar(self, value: String) -> Memo<Option<(usize, Bar)>> {
        Memo::new(move |_| {
            self.stats.with(|s| {
                let b = self.series.of(s);
                b.iter().position(|x| x.value == value).map(|k| (k, b[k].clone()))
            })
        })
    }
    fn amounts(self) -> bool {
        self.measure.get() == Measure::Montant
    }
    /// The largest figure of the chart (at least 1).
    fn max(self) -> f64 {
        let amounts = self.amounts();
        self.stats.with(|s| self.series.of(s).iter().map(|b| if amounts { b.amount } else { b.count as f64 }).fold(1.0, f64::max))
    }
}

#[component]
fn BarRow(chart: ChartCtx, value: String, label: String) -> impl IntoView {
    let ctx = use_ctx();
    let bar = chart.bar(value.clone());
    let shown = tr(&label);
    let short = truncate(&shown, 30);
    let target = chart.target;
    let selected = {
        let v = value.clone();
        Memo::new(move |_| {
            ctx.query.with(|q| match target {
                Target::Facet(f) => q.facet(f).state(&v) == ValueState::Included,
                Target::Year => v.parse::<u16>().ok().is_some_and(|y| q.year_min == Some(y) && q.year_max == Some(y)),
            })
        })
    };
    // (y, sole width, co-funded width, count); with amounts, one width for the amount.
    let geom = move || {
        let max = chart.max();
        let amounts = chart.amounts();
        bar.with(|b| {
            b.as_ref().map(|(k, b)| {
                let y = 2.0 + *k as f64 * ROW_H;
                if amounts {
                    return (y, b.amount / max * 250.0, 0.0, b.count);
                }
                let sole = if chart.funders { b.sole } else { b.count };
                (y, sole as f64 / max * 330.0, (b.count - sole) as f64 / max * 330.0, b.count)
            })
        })
        .unwrap_or((0.0, 0.0, 0.0, 0))
    };
    // The figure written after the bar: the count, or the amount ("non publié" when none is).
    let figure = move || {
        if !chart.amounts() {
            return geom().3.to_string();
        }
        bar.with(|b| b.as_ref().map(|(_, b)| if b.published > 0 { eur(b.amount) } else { t("non publié").to_string() })).unwrap_or_default()
    };
    let aria = move || {
        bar.with(|b| {
            b.as_ref().map(|(_, b)| {
                let mut label = tf("{} : {}", &[&shown, &count(b.count, chart.noun.0, chart.noun.1)]);
                if chart.amounts() && !chart.funders {
                    let amount = if b.published > 0 {
                        tf("{} publiés pour {}", &[&eur(b.amount), &count(b.published, "projet", "projets")])
                    } else {
                        t("aucun montant publié").into()
                    };
                    label.push_str(&tf(" ; {}", &[&amount]));
                } else if chart.funders {
                    let amount = if b.amount > 0.0 { tf("{} publiés", &[&eur(b.amount)]) } else { t("aucun montant publié").into() };
                    label.push_str(&tf(" dont {} cofinancé(s) ; {}", &[&(b.count - b.sole).to_string(), &amount]));
                }
                label
            })
        })
        .unwrap_or_default()
    };
    // Every attribute that follows the bar's geometry, through one closure type.
    let at = move |f: fn((f64, f64, f64, usize)) -> String| move || f(geom());
    let v2 = value.clone();
    view! {
        <g class="bar" class:selected=move || selected.get() transform=at(|g| format!("translate(0 {})", num(g.0)))>
            <text x="200" y="15" text-anchor="end" class="bar-label" aria-hidden="true">{short}</text>
            <rect x="208" y="3" width=at(|g| num(g.1.max(1.0))) height=num(ROW_H - 6.0) fill=SOLE />
            <rect x=at(|g| num(208.0 + g.1)) y="3" width=at(|g| num(g.2)) height=num(ROW_H - 6.0) fill=CO />
            <text x=at(|g| num(214.0 + g.1 + g.2)) y="15" class="bar-value" aria-hidden="true">{figure}</text>
            // The interactive part: a transparent button over the whole row.
            <rect class="hit" x="0" y="0" width="600" height=num(ROW_H) data-testid="chart-bar" data-value=value.clone() data-count=at(|g| g.3.to_string())
                tabindex="-1" role="button" aria-label=aria aria-pressed=move || if selected.get() { "true" } else { "false" }
                on:click=move |ev| {
                    click_bar(target, &value);
                    crate::components::keep_focus(&ev);
                }
                on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    click_bar(target, &v2);
                    crate::components::keep_focus(&ev);
                }>
            </rect>
        </g>
    }
}

#[component]
fn TableRow(chart: ChartCtx, value: String, label: String) -> impl IntoView {
    let bar = chart.bar(value.clone());
    let fig = move |f: fn(&Bar) -> String| move || bar.with(|b| b.as_ref().map(|(_, b)| f(b)).unwrap_or_default());
    view! {
        <tr data-value=value>
            <th scope="row">{tr(&label)}</th><td class="num">{fig(|b| b.count.to_string())}</td>
            {chart.funders.then(|| view! {
                <td class="num">{fig(|b| (b.count - b.sole).to_string())}</td>
                <td class="num">{fig(|b| if b.amount > 0.0 { eur(b.amount) } else { "—".into() })}</td>
                <td class="num">{fig(|b| b.unpublished_lines.to_string())}</td>
            })}
        </tr>
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
