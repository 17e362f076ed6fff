//! Embedding in another site (`embed=1`): compact layout, locked filters, brand colour, and the
//! content height posted to the parent page (`{type: "poles-explorer:height", height}`).

use crate::paths::set_embed_query;
use leptos::prelude::*;
use poles_core::embed::{parse_embed, Embed};
use poles_core::query::EMBED_PARAMS;
use poles_core::query::{decode_query_string, parse, Facet, Query};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The embedding settings of this page load.
#[derive(Clone, Debug, Default)]
pub struct EmbedState {
    pub embed: Embed,
    /// The selections of the locked facets, as given in the URL.
    pub locked_query: Query,
    pub notices: Vec<String>,
    pub in_iframe: bool,
}

impl EmbedState {
    /// Puts back the locked facets' selections (a locked filter cannot be changed).
    pub fn enforce(&self, q: &mut Query) {
        for f in Facet::ALL {
            if self.embed.locked.iter().any(|l| l == f.param()) {
                *q.facet_mut(f) = self.locked_query.facet(f).clone();
            }
        }
    }
    pub fn is_locked(&self, f: Facet) -> bool {
        self.embed.locked.iter().any(|l| l == f.param())
    }
    /// Filter changes replace the history entry inside an iframe (the parent's history is shared).
    pub fn replace_history(&self) -> bool {
        self.in_iframe || self.embed.enabled
    }
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).as_string().unwrap_or_default()
}

/// Reads the embedding parameters of the page URL, applies the colour and the compact layout,
/// and starts reporting the height to the parent page.
pub fn init() -> EmbedState {
    let window = match web_sys::window() {
        Some(w) => w,
        None => return EmbedState::default(),
    };
    let search = window.location().search().unwrap_or_default();
    let pairs = decode_query_string(&search);
    let (embed, notices) = parse_embed(&pairs);
    let (locked_query, _) = parse(&pairs);
    // Keep the embedding parameters (not the filters) on every in-app link.
    let kept: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| EMBED_PARAMS.contains(&k.as_str()))
        .filter(|(k, v)| match k.as_str() {
            "couleur" => embed.colour.is_some(),
            "embed" => embed.enabled && !v.is_empty(),
            "lang" => poles_core::i18n::Lang::from_param(v) == Some(poles_core::i18n::Lang::En),
            _ => true,
        })
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    set_embed_query(kept.join("&"));
    let in_iframe = window.parent().ok().flatten().is_some_and(|p| !js_sys::Object::is(&p, &window));
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        if let Some(html) = root.dyn_ref::<web_sys::HtmlElement>() {
            if let Some(c) = &embed.colour {
                let style = html.style();
                let _ = style.set_property("--pe-primary", c);
                let _ = style.set_property("--pe-primary-dark", c);
            }
        }
        if embed.enabled {
            let _ = root.class_list().add_1("embed");
        }
    }
    if in_iframe {
        report_height(&window);
    }
    if in_iframe || embed.enabled {
        links_replace_history(&window);
    }
    EmbedState { embed, locked_query, notices, in_iframe }
}

/// Inside an iframe every in-app link (tabs, views, pages, records, and the links of the pages
/// written by the core) replaces the history entry: the host page's history is shared, and Back
/// must leave the host page, not walk our views. The router reads the link's `replace`
/// property; this listener sets it before the router's own (capture phase, on the window).
fn links_replace_history(window: &web_sys::Window) {
    let mark = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("a[href]").ok().flatten());
        if let Some(a) = link {
            let _ = js_sys::Reflect::set(&a, &"replace".into(), &true.into());
        }
    });
    let _ = window.add_event_listener_with_callback_and_bool("click", mark.as_ref().unchecked_ref(), true);
    mark.forget();
}

/// Posts the document height to the parent whenever it changes.
fn report_height(window: &web_sys::Window) {
    let Some(doc) = window.document() else { return };
    let Some(target) = doc.document_element() else { return };
    let last = std::cell::Cell::new(-1i32);
    let post = move || {
        let Some(w) = web_sys::window() else { return };
        let Some(body) = w.document().and_then(|d| d.body()) else { return };
        // The body's own height, not the viewport's: the frame can shrink as well as grow.
        let h = body.offset_height();
        if h == last.get() {
            return;
        }
        last.set(h);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"poles-explorer:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
        if let Ok(Some(parent)) = w.parent() {
            let _ = parent.post_message(&msg, "*");
        }
    };
    post();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        if let Some(body) = doc.body() {
            observer.observe(&body);
        }
        observer.observe(&target);
        std::mem::forget(observer);
    }
    cb.forget();
}

/// The full-explorer URL of the current page (embedding parameters removed), for "ouvrir dans
/// l'explorateur".
pub fn full_view_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let (origin, path, search) = (loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    let kept: Vec<String> = decode_query_string(&search)
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "embed" | "verrou" | "couleur"))
        .map(|(k, v)| format!("{}={}", encode(&k), encode(&v)))
        .collect();
    if kept.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{}", kept.join("&"))
    }
}

/// The embedding state provided by the app.
pub fn use_embed() -> EmbedState {
    use_context::<EmbedState>().unwrap_or_default()
}
