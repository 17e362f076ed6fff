//! Small reusable view pieces.

use crate::i18n::{t, tf};
use crate::paths::href;
use leptos::prelude::*;
use poles_core::model::{Dataset, Project};
use poles_core::text::{is_safe_link, link_host};
use poles_core::validate::{FileError, Problem, Severity};

const INTRO: &str = "Les pôles de compétitivité réunissent, sur un territoire, des entreprises, des laboratoires et des centres de formation autour de projets de recherche et développement. Cet explorateur montre ces pôles et les projets qu'ils labellisent, portent, soutiennent ou auxquels ils participent : territoires, thèmes, financeurs et montants publiés, d'après des sources publiques citées sur chaque fiche.";

#[component]
pub fn Loading() -> impl IntoView {
    // What the explorer is, shown while the data arrives (it is also the page's largest text,
    // painted early: Largest Contentful Paint does not wait for the data).
    view! {
        <p class="intro">{t(INTRO)}</p>
        <p class="loading" role="status" aria-live="polite">{t("Chargement des données…")}</p>
    }
}

/// A file could not be used at all: say which and why, and offer to retry.
#[component]
pub fn LoadErrorView(error: FileError, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="load-error" role="alert" data-testid="load-error" aria-labelledby="load-error-title">
            <h1 id="load-error-title" tabindex="-1">{t("Impossible de charger les données")}</h1>
            <p class="error-message">{error.to_string()}</p>
            <p>
                {t("Problème de données : le fichier « ")} <code>{error.file.clone()}</code>
                {t(" » est indispensable à l'explorateur. Vérifiez votre connexion puis réessayez ; si le problème persiste, signalez-le aux responsables du site.")}
            </p>
            // The section is replaced while loading: the focus waits on the page's main content.
            <button type="button" class="button" on:click=move |_| {
                on_retry.run(());
                focus("#contenu");
            }>{t("Réessayer")}</button>
        </section>
    }
}

/// A data file that could not be used, named where its records are missed (the rest of the
/// explorer works with the other files), with the same "Réessayer" as a full load error.
pub fn missing_file(error: FileError) -> AnyView {
    let retry = crate::data::use_index().map(|d| d.retry);
    let title = match error.file.as_str() {
        "poles.json" => "Les pôles ne peuvent pas être affichés",
        "organisations.json" => "Les organisations ne peuvent pas être affichées",
        _ => "Les projets ne peuvent pas être affichés",
    };
    view! {
        <section class="load-error" role="alert" data-testid="load-error" data-file=error.file.clone()>
            <h2>{t(title)}</h2>
            <p class="error-message">{error.to_string()}</p>
            <p>{t("Le reste de l'explorateur fonctionne avec les autres fichiers de données. Réessayez plus tard ; si le problème persiste, signalez-le aux responsables du site.")}</p>
            <button type="button" class="button" on:click=move |_| {
                if let Some(r) = retry {
                    r.run(());
                    focus("#contenu");
                }
            }>{t("Réessayer")}</button>
        </section>
    }
    .into_any()
}

/// A record's page whose data file could not be used: the asked id as its title, and the error.
pub fn missing_file_page(id: String, error: FileError) -> AnyView {
    view! { <h1 tabindex="-1">{id}</h1>{missing_file(error)} }.into_any()
}

/// Records rejected or corrected by validation, by file, record and field.
#[component]
pub fn ProblemsPanel(problems: Vec<Problem>) -> impl IntoView {
    if problems.is_empty() {
        return None;
    }
    let rejected = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - rejected;
    let summary = tf(
        "Problèmes de données : {} enregistrement(s) écarté(s), {} avertissement(s). Les autres enregistrements sont affichés normalement.",
        &[&rejected.to_string(), &warnings.to_string()],
    );
    Some(view! {
        <section class="problems" data-testid="data-problems" aria-labelledby="problems-title">
            <details open=true>
                <summary id="problems-title">{summary}</summary>
                <ul>
                    {problems
                        .into_iter()
                        .map(|p| {
                            let level = match p.severity {
                                Severity::Error => t("Écarté"),
                                Severity::Warning => t("Corrigé"),
                            };
                            view! {
                                <li data-testid="data-problem" data-file=p.file.clone() data-record=p.record.clone().unwrap_or_default() data-field=p.field.clone().unwrap_or_default()>
                                    <strong>{level}</strong> " — " <code>{p.file.clone()}</code>
                                    {p.record.clone().map(|r| view! { {t(", enregistrement « ")} <code>{r}</code> {t(" »")} })}
                                    {p.field.clone().map(|f| view! { {t(", champ « ")} <code>{f}</code> {t(" »")} })}
                                    " : " {p.message.clone()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        </section>
    })
}

/// A link from the data: shown as a link only for http(s) URLs, else as plain text.
#[component]
pub fn ExternalLink(url: String, #[prop(optional)] label: Option<String>) -> impl IntoView {
    let text = label.unwrap_or_else(|| link_host(&url).to_string());
    if is_safe_link(&url) {
        view! { <a href=url.clone() rel="noopener noreferrer" target="_blank" class="external">{text}<span class="visually-hidden">{t(" (nouvelle fenêtre)")}</span></a> }.into_any()
    } else {
        view! { <span class="unsafe-link">{url}</span> }.into_any()
    }
}

/// The sources of a record, as a list of links.
#[component]
pub fn Sources(sources: Vec<String>) -> impl IntoView {
    view! {
        <section class="sources" data-testid="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{t("Sources")}</h2>
            {if sources.is_empty() {
                view! { <p class="unknown">{t("Aucune source citée.")}</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {sources.into_iter().map(|s| view! { <li data-testid="source-link"><ExternalLink url=s.clone() label=s /></li> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

/// Sets `document.title` for the page shown: its parts (in the page's language), then the app's
/// name (see `poles_core::format::page_title`).
pub fn set_title(parts: &[&str]) {
    document().set_title(&poles_core::format::page_title(parts));
}

/// The `lang` of data text (French in the sources) when the page is in another language.
pub fn data_lang() -> Option<&'static str> {
    (poles_core::i18n::current() != poles_core::i18n::Lang::Fr).then_some("fr")
}

/// Where the focus went when it left `el` (a `focusout` event): `Some(true)` outside `el`,
/// `Some(false)` to an element inside it, `None` to nothing (the window lost it, a click on the
/// page's background).
pub fn focus_went_outside(ev: &leptos::ev::FocusEvent, el: &web_sys::Element) -> Option<bool> {
    use wasm_bindgen::JsCast;
    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok())?;
    Some(!el.contains(Some(&to)))
}

/// Moves keyboard focus to the first element matching `selector` (headings have `tabindex="-1"`).
pub fn focus(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        focus_element(&el);
    }
}

/// After an action that redraws a keyed list, the element that had the focus may have moved (a
/// chosen value goes up; a node moved in the DOM loses the focus): it gets the focus back, being
/// the same element. Called from the element's own listener.
pub fn keep_focus(ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if document().active_element().as_ref() != Some(&el) {
        return;
    }
    // Only if the focus was lost (on the body, or nowhere): a key pressed meanwhile may have
    // moved it on purpose (an arrow to the next value), and it must stay where it went.
    request_animation_frame(move || {
        let lost = document().active_element().is_none_or(|a| document().body().is_some_and(|b| a == *b.unchecked_ref::<web_sys::Element>()));
        if el.is_connected() && lost {
            focus_element(&el);
        }
    });
}

/// Focuses an HTML or SVG element alike (a map area, a chart bar): its `focus` method.
pub fn focus_element(el: &web_sys::Element) {
    if let Ok(f) = js_sys::Reflect::get(el, &"focus".into()).and_then(wasm_bindgen::JsCast::dyn_into::<js_sys::Function>) {
        let _ = f.call0(el);
    }
}

/// A sortable column's header: a button that sorts the table by the column (again: the other
/// way), with `aria-sort` on the cell when the table is sorted by it.
pub fn sort_header(label: Box<dyn Fn() -> String + Send + Sync>, column: usize, sort: RwSignal<Option<poles_core::listing::TableSort>>) -> AnyView {
    use poles_core::listing::TableSort;
    let aria = move || TableSort::aria(sort.get(), column);
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort-button" data-testid="sort-column" data-column=column
                on:click=move |_| sort.update(|s| *s = Some(TableSort::clicked(*s, column)))>
                {label}
                <span aria-hidden="true">{move || match aria() { Some("ascending") => " ▲", Some(_) => " ▼", None => " ↕" }}</span>
            </button>
        </th>
    }
    .into_any()
}

/// Writes `text` to the clipboard: `done` is `Some(true)` once the clipboard took it,
/// `Some(false)` when it was refused (say how to copy by hand then).
pub fn copy_to_clipboard(text: &str, done: RwSignal<Option<bool>>) {
    let written = window().navigator().clipboard().write_text(text);
    done.set(None);
    leptos::task::spawn_local(async move {
        done.set(Some(wasm_bindgen_futures::JsFuture::from(written).await.is_ok()));
    });
}

/// A record's facts as a definition list: (French label, value). One template for every row
/// (the pages list their facts as data, which keeps the WASM small).
pub fn facts(rows: Vec<(&'static str, AnyView)>) -> impl IntoView {
    view! { <dl class="facts">{rows.into_iter().map(|(k, v)| view! { <dt>{t(k)}</dt><dd>{v}</dd> }).collect_view()}</dl> }
}

/// "Non renseigné" for unknown values, visibly distinct.
#[component]
pub fn Unknown(#[prop(optional, into)] text: Option<String>) -> impl IntoView {
    view! { <span class="unknown">{text.unwrap_or_else(|| t("non renseigné").into())}</span> }
}

/// A known value as text, or the visible wording of "unknown" (never an empty cell).
pub fn or_unknown(value: Option<String>, unknown: &'static str) -> AnyView {
    match value {
        Some(v) => view! { <span>{v}</span> }.into_any(),
        None => view! { <span class="unknown">{unknown}</span> }.into_any(),
    }
}

/// Theme labels as tags.
pub fn theme_tags(data: &Dataset, themes: &[String]) -> impl IntoView {
    let labels: Vec<String> = themes.iter().map(|t| crate::i18n::tr(data.theme_label(t))).collect();
    view! { <ul class="tags">{labels.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
}

/// Region names, comma-separated.
pub fn region_names(data: &Dataset, codes: &[String]) -> String {
    codes.iter().map(|c| data.region_name(c)).collect::<Vec<_>>().join(", ")
}

/// A project's pôles introduced by their role as the source states it ("Pôle partenaire :
/// Techtera", "Labellisé par : Vitagora"); a partner or a supporter never reads as a labeller.
/// Written by the core (`poles_core::result_rows::pole_role_html`), as in the result rows.
pub fn pole_role_links(data: &Dataset, p: &Project) -> AnyView {
    view! { <span inner_html=poles_core::result_rows::pole_role_html(&core_words(), data, p)></span> }.into_any()
}

/// The page's words, links and data language for the HTML the core writes (`result_rows`).
pub fn core_words() -> poles_core::result_rows::Words<'static> {
    poles_core::result_rows::Words { tr: &crate::i18n::tr, href: &href, data_lang: data_lang() }
}
