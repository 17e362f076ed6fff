//! The app shell: router, header, footer, and the data state every page reads.

use crate::api::load_dataset;
use crate::components::{LoadErrorView, Loading, ProblemsPanel};
use crate::data::Data;
use crate::i18n::{t, tf};
use crate::lazy_file::LazyFile;
use crate::pages::{AboutPage, EmbedBuilder, Explorer, NotFound, OrganisationPage, PolePage, ProjectPage, UnderstandPage};
use crate::paths::{base, href};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use poles_core::engine::Index;
use poles_core::format::date_fr;
use poles_core::validate::FileError;
use std::sync::Arc;

#[component]
pub fn App() -> impl IntoView {
    let embed = crate::embed::init();
    let embedded = embed.embed.enabled;
    provide_context(embed);
    crate::list_return::provide();
    // Parsing, indexing and the first render run as separate tasks (the page stays responsive).
    // A signal filled by a task rather than a `LocalResource`: the async-derived machinery it
    // brings (AsyncDerived, transitions, std threads and channels) cost 8 KB of the compressed
    // shell (measured: 276.0 -> 268.0 KB brotli), for one value loaded once at start.
    let resource: RwSignal<Option<Result<Data, FileError>>> = RwSignal::new(None);
    let refetch = StoredValue::new(None::<Callback<()>>);
    let retry = Callback::new(move |_: ()| {
        resource.set(None);
        leptos::task::spawn_local(async move {
            let data = async {
                let o = load_dataset().await?;
                crate::progressive::yield_to_browser().await;
                crate::perf::mark("pe-data-parsed");
                let index = Arc::new(Index::new(&o.loaded.dataset));
                crate::perf::mark("pe-indexed");
                crate::perf::measure("pe-index", "pe-data-parsed", "pe-indexed");
                crate::progressive::yield_to_browser().await;
                let retry = refetch.get_value().unwrap_or(Callback::new(|_| ()));
                Ok(Data {
                    loaded: Arc::new(o.loaded),
                    index,
                    source: o.source,
                    notices: Arc::new(o.notices),
                    file_errors: Arc::new(o.file_errors),
                    retry,
                    orgs: LazyFile::new(),
                    geo: LazyFile::new(),
                })
            };
            resource.set(Some(data.await));
        });
    });
    refetch.set_value(Some(retry));
    retry.run(());
    // The static first paint gives way once the data is read (or could not be): the first page
    // with data is drawn in the same task.
    Effect::new(move |_| {
        if resource.with(Option::is_some) {
            crate::boot::done();
        }
    });
    // Offline indicator and "new version" prompt (the service worker is registered by sw-register.js).
    let online = RwSignal::new(window().navigator().on_line());
    let update_ready = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    let _ = window_event_listener_untyped("poles-explorer:update-ready", move |_| update_ready.set(true));
    let apply_update = move |_| {
        if let Ok(ev) = web_sys::CustomEvent::new("poles-explorer:apply-update") {
            let _ = window().dispatch_event(&ev);
        }
    };
    view! {
        <Router base=base()>
            // Moves the focus without navigating: under <base href>, "#contenu" would lead to the
            // root page and lose the address (filters, language, embed parameters).
            <a class="skip-link" href="#contenu" on:click=|ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                crate::components::focus("#contenu");
            }>{t("Aller au contenu")}</a>
            {embedded.then(|| view! {
                <div class="embed-bar" data-testid="embed-bar">
                    <span class="brand-name">"Pôles Explorer"</span>
                    <a href=crate::embed::full_view_url target="_blank" rel="noopener" data-testid="open-full">
                        {t("Ouvrir dans l'explorateur")} <span class="visually-hidden">{t(" (nouvelle fenêtre)")}</span> <span aria-hidden="true">" ↗"</span>
                    </a>
                </div>
            })}
            <header class="site-header">
                <div class="wrap">
                    <a class="brand" href=href("/")>
                        <span class="brand-mark" aria-hidden="true">"◆"</span>
                        <span class="brand-name">"Pôles Explorer"</span>
                    </a>
                    <p class="tagline">{t("Les pôles de compétitivité et leurs projets")}</p>
                    // A static page written by `make data` (readable without JavaScript).
                    <a class="header-link" href=crate::pages::understand_href() rel="external" data-testid="understand-link">{t("Comprendre les pôles")}</a>
                    <LangSwitch />
                </div>
            </header>
            // One live region, in the page from the start, that the banners fill (a region inserted
            // already filled is not announced).
            <div class="banners" role="status">
            {move || (!online.get()).then(|| view! {
                <p class="offline" data-testid="offline-indicator">
                    {t("Hors ligne : l'explorateur fonctionne avec les données enregistrées sur cet appareil")}
                    {move || resource.get().and_then(|r| r.ok()).and_then(|d| d.loaded.dataset.meta.clone()).map(|m| tf(" (données au {})", &[&date_fr(&m.compiled_at)]))}
                    "."
                </p>
            })}
            {move || update_ready.get().then(|| view! {
                <p class="update" data-testid="update-ready">
                    {t("Une nouvelle version de l'explorateur est disponible. ")}
                    <button type="button" class="button" on:click=apply_update>{t("Recharger")}</button>
                </p>
            })}
            </div>
            <main id="contenu" class="wrap" tabindex="-1">
                {move || match resource.get() {
                    None => view! { <Loading /> }.into_any(),
                    Some(Err(error)) => view! { <LoadErrorView error=error on_retry=retry /> }.into_any(),
                    Some(Ok(data)) => view! { <Ready data=data /> }.into_any(),
                }}
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    {move || resource.get().and_then(|r| r.ok()).and_then(|d| d.loaded.dataset.meta.clone()).map(|m| view! {
                        <p data-testid="data-date">
                            {tf("Données au {} (édition {}).", &[&date_fr(&m.compiled_at), &m.data_version])}
                        </p>
                    })}
                    <p>
                        {t("Données compilées à partir de sources publiques, citées sur chaque fiche. Une information absente des sources est indiquée comme non renseignée, jamais estimée.")}
                    </p>
                    // A static page (readable without JavaScript), outside the router.
                    <p><a href=crate::pages::about_href() rel="external" data-testid="about-link">{t("À propos des données")}</a></p>
                    // A static page (readable without JavaScript), outside the router.
                    <p><a href=format!("{}/{}", crate::paths::base(), t("accessibilite.html")) rel="external" data-testid="a11y-link">
                        {t("Accessibilité : non conforme")}
                    </a></p>
                </div>
            </footer>
        </Router>
    }
}

/// "English" / "Français": the same page in the other language, a real link (a full load, so
/// that the catalog is read first: `rel="external"` keeps the router out of it).
#[component]
fn LangSwitch() -> impl IntoView {
    let english = poles_core::i18n::current() == poles_core::i18n::Lang::En;
    let (label, code) = if english { ("Français", "fr") } else { ("English", "en") };
    let location = use_location();
    let other = move || {
        // The router's location for the updates, the browser's for the path (with the base path).
        location.pathname.track();
        let qs = poles_core::query::with_param(&location.search.get(), "lang", (!english).then_some("en"));
        format!("{}{qs}", window().location().pathname().unwrap_or_default())
    };
    view! { <a class="lang-switch" href=other rel="external" hreflang=code lang=code data-testid="lang-switch">{label}</a> }
}

/// The routes, once the data is loaded.
#[component]
fn Ready(data: Data) -> impl IntoView {
    let problems = data.loaded.problems.clone();
    let mut notices: Vec<String> = data.notices.iter().cloned().collect();
    notices.extend(crate::embed::use_embed().notices);
    notices.extend(crate::i18n::error_notice());
    // A data file that could not be used is also named where it is missed (`components::missing_file`).
    notices.extend(data.file_errors.iter().map(|e| {
        tf(
            if e.file == "poles.json" {
                "Données incomplètes : le fichier {} n'a pas pu être lu ; les pôles sont désignés par leur identifiant."
            } else {
                "Données incomplètes : le fichier {} n'a pas pu être lu ; les projets ne sont pas affichés."
            },
            &[&e.file],
        )
    }));
    provide_context(data);
    focus_on_navigation();
    view! {
        {(!notices.is_empty()).then(|| view! {
            <div class="source-notice" role="status" data-testid="data-source-notice">
                <ul>{notices.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            </div>
        })}
        <ProblemsPanel problems=problems />
        <Routes fallback=|| view! { <NotFound /> }>
            <Route path=path!("/") view=Explorer />
            <Route path=path!("/index.html") view=Explorer />
            <Route path=path!("/poles/:id") view=PolePage />
            <Route path=path!("/projets/:id") view=ProjectPage />
            <Route path=path!("/organisations/:id") view=OrganisationPage />
            <Route path=path!("/integrer") view=EmbedBuilder />
            <Route path=path!("/a-propos") view=AboutPage />
            <Route path=path!("/comprendre") view=UnderstandPage />
            <Route path=path!("/understand") view=UnderstandPage />
        </Routes>
    }
}

/// Moves keyboard focus to the new page's heading when the path changes (not on first load),
/// so that screen reader and keyboard users start at the new content.
fn focus_on_navigation() {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _ = location.pathname.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| crate::components::focus("main h1"));
    });
}
