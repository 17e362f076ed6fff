//! "Intégrer" (`/integrer?<filtres>`): builds the iframe code for the current filters, with a
//! meaningful title (RGAA), options, and a live preview.

use crate::data::use_data;
use crate::i18n::{t, tf};
use crate::paths::{base, href};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use poles_core::embed::{darker_passing_shade, embed_snippet, in_regions, parse_embed};
use poles_core::query::{decode_query_string, parse, to_query_string, Facet, Tab, View};

#[component]
pub fn EmbedBuilder() -> impl IntoView {
    let location = use_location();
    let loaded = use_data();
    let query = Memo::new(move |_| {
        let (mut q, _) = parse(&decode_query_string(&location.search.get()));
        q.view = if q.view == View::Liste { View::Liste } else { q.view };
        q
    });
    // The default title names the chosen regions ("Projets en Bourgogne-Franche-Comté").
    let regions: Vec<String> = query.with_untracked(|q| {
        let names = q.facet(Facet::Region).include.iter().map(|c| loaded.as_ref().map(|l| l.dataset.region_name(c).to_string()).unwrap_or_else(|| c.clone()));
        names.collect()
    });
    let english = poles_core::i18n::current() == poles_core::i18n::Lang::En;
    let default_title = match in_regions(&regions.iter().map(String::as_str).collect::<Vec<_>>(), english) {
        Some(place) if query.with_untracked(|q| q.tab) == Tab::Poles => tf("Pôles de compétitivité {}", &[&place]),
        Some(place) => tf("Projets {}", &[&place]),
        None => t("Pôles de compétitivité et projets — Pôles Explorer").to_string(),
    };
    let title = RwSignal::new(default_title.clone());
    // A frame is never without a title: an emptied field gives the default one (and says so).
    let title_missing = move || title.with(|t| t.trim().is_empty());
    let frame_title = Memo::new(move |_| if title_missing() { default_title.clone() } else { title.get() });
    let lock_region = RwSignal::new(true);
    let colour = RwSignal::new(String::new());
    let height = RwSignal::new(900u32);
    let app_url = move || {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}{}/", base())
    };
    let colour_check = move || {
        let c = colour.get();
        if c.trim().is_empty() {
            return (None, None);
        }
        let (e, notices) = parse_embed(&[("couleur".to_string(), c)]);
        (e.colour, notices.into_iter().next())
    };
    let has_region = move || query.with(|q| !q.facet(Facet::Region).include.is_empty());
    let snippet = Memo::new(move |_| {
        let q = query.get();
        let locks: Vec<&str> = if lock_region.get() && has_region() { vec!["region"] } else { vec![] };
        embed_snippet(&app_url(), &to_query_string(&q), &frame_title.get(), &locks, colour_check().0.as_deref(), height.get())
    });
    let region_names = move || {
        let names: Vec<String> = query.with(|q| {
            q.facet(Facet::Region).include.iter().map(|c| loaded.as_ref().map(|l| l.dataset.region_name(c).to_string()).unwrap_or_else(|| c.clone())).collect()
        });
        names.join(", ")
    };
    // "Code copié" only once the clipboard took it; otherwise say how to copy by hand.
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| crate::components::copy_to_clipboard(&snippet.get_untracked().html, copied);
    let colour_error = move || colour_check().1;
    let invalid = |bad: bool| if bad { "true" } else { "false" };
    crate::components::set_title(&[t("Intégrer l'explorateur dans un site")]);
    view! {
        <article class="record embed-builder" data-testid="embed-builder">
            <p class="breadcrumb"><a href=move || href(&format!("/{}", query.with(to_query_string)))>{t("← Revenir à l'explorateur")}</a></p>
            <h1 tabindex="-1">{t("Intégrer l'explorateur dans un site")}</h1>
            <p class="lead">{t("Copiez ce code dans une page de votre site : l'explorateur s'y affiche avec les filtres choisis, s'ajuste en hauteur et reste utilisable au clavier et hors ligne (sur le même site).")}</p>
            <form class="builder-form" on:submit=|ev| ev.prevent_default()>
                <p>
                    <label for="embed-title">{t("Titre du cadre (lu par les lecteurs d'écran, obligatoire)")}</label>
                    <input id="embed-title" type="text" data-testid="embed-title" required prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=move || invalid(title_missing()) aria-describedby=move || title_missing().then_some("embed-title-error") />
                    {move || title_missing().then(|| view! {
                        <span id="embed-title-error" class="field-error" data-testid="field-error">{t("Le titre est obligatoire : tant qu'il est vide, le cadre reprend le titre par défaut.")}</span>
                    })}
                </p>
                {move || has_region().then(|| view! {
                    <p>
                        <label>
                            <input type="checkbox" data-testid="embed-lock-region" prop:checked=move || lock_region.get() on:change=move |ev| lock_region.set(event_target_checked(&ev)) />
                            {tf(" Fixer la région ({}) : les visiteurs ne pourront pas la changer", &[&region_names()])}
                        </label>
                    </p>
                })}
                <p>
                    <label for="embed-colour">{t("Couleur principale (6 chiffres hexadécimaux, facultatif)")}</label>
                    <input id="embed-colour" type="text" data-testid="embed-colour" placeholder="1d4e89" maxlength="7" prop:value=move || colour.get() on:input=move |ev| colour.set(event_target_value(&ev))
                        aria-invalid=move || invalid(colour_error().is_some()) aria-describedby=move || colour_error().map(|_| "embed-colour-error") />
                    {move || colour_error().map(|n| view! { <span id="embed-colour-error" class="field-error" data-testid="field-error" role="alert">{n}</span> })}
                    // A colour too light for white text: the nearest darker shade that passes, one click away.
                    {move || darker_passing_shade(&colour.get()).map(|shade| view! {
                        <button type="button" class="link-button" data-testid="embed-colour-suggestion" data-colour=shade.clone() on:click={
                            let shade = shade.clone();
                            move |_| colour.set(shade.clone())
                        }>
                            <span class="swatch" aria-hidden="true" style:background-color=format!("#{shade}")></span>
                            {tf("Utiliser la teinte plus foncée la plus proche : {}", &[&shade])}
                        </button>
                    })}
                </p>
                <p>
                    <label for="embed-height">{t("Hauteur initiale (pixels ; ajustée ensuite automatiquement par embed.js)")}</label>
                    <input id="embed-height" type="number" min="300" max="5000" data-testid="embed-height" prop:value=move || height.get().to_string()
                        on:change=move |ev| { if let Ok(h) = event_target_value(&ev).parse::<u32>() { height.set(h.clamp(300, 5000)) } } />
                </p>
            </form>
            <h2>{t("Code à copier")}</h2>
            <textarea readonly rows="5" class="code" data-testid="embed-code" aria-label=t("Code d'intégration") prop:value=move || snippet.get().html></textarea>
            <p>
                <button type="button" class="button" on:click=copy>{t("Copier le code")}</button>
                <span role="status" class="muted" data-testid="embed-copy-status">{move || copied.get().map(|ok| t(if ok { " Code copié." } else { " La copie a échoué : sélectionnez le code ci-dessus et copiez-le (Ctrl+C)." }))}</span>
            </p>
            <h2>{t("Aperçu")}</h2>
            <iframe class="preview" data-testid="embed-preview" src=move || snippet.get().src title=frame_title height="600"></iframe>
        </article>
    }
}
