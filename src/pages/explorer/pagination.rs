//! The pagination bar after a result table (`data-testid="pagination"`): previous and next, the
//! first and last pages and those around the current one (`poles_core::paging::page_links`), as
//! links to the same view with its `page`, so that Back and Forward walk the pages. A link
//! followed moves the focus to the results' heading, which says the page.

use crate::i18n::{t, tf};
use crate::pages::ctx::{explorer_href, use_ctx};
use leptos::prelude::*;
use poles_core::format::group_thousands;
use poles_core::paging::{page_links, PageLink};
use poles_core::query::Query;

#[component]
pub fn Pagination() -> impl IntoView {
    let ctx = use_ctx();
    let page = ctx.page;
    let link = move |index: usize, text: String, label: String, testid: &'static str| {
        let href = ctx.query.with(|q| explorer_href(&Query { page: index, ..q.clone() }));
        let current = page.with(|p| p.index == index) && testid == "page-link";
        view! {
            <a href=href data-testid=testid data-page=index + 1 aria-label=label
                aria-current=current.then_some("page")>{text}</a>
        }
    };
    let bar = move || {
        let p = page.get();
        (p.last > 0).then(|| {
            let number = |i: usize| group_thousands(i as u64 + 1);
            let previous =
                (p.index > 0).then(|| link(p.index - 1, t("‹ Précédente").to_string(), tf("Page précédente ({})", &[&number(p.index - 1)]), "page-previous"));
            let next =
                (p.index < p.last).then(|| link(p.index + 1, t("Suivante ›").to_string(), tf("Page suivante ({})", &[&number(p.index + 1)]), "page-next"));
            let pages = page_links(p.index, p.last)
                .into_iter()
                .map(|l| match l {
                    PageLink::Page(i) => view! { <li>{link(i, number(i), tf("Page {}", &[&number(i)]), "page-link")}</li> }.into_any(),
                    PageLink::Gap => view! { <li class="gap" aria-hidden="true">"…"</li> }.into_any(),
                })
                .collect_view();
            view! {
                <nav class="pagination" data-testid="pagination" aria-label=t("Pages de résultats") on:click=on_link>
                    <ul>
                        <li class="step">{previous}</li>
                        {pages}
                        <li class="step">{next}</li>
                    </ul>
                </nav>
            }
        })
    };
    view! { {bar} }
}

/// A page link followed: the focus goes to the results' heading (which names the page) once the
/// new page is drawn, and the page shows the top of the results.
fn on_link(ev: leptos::ev::MouseEvent) {
    let on_a_link =
        ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).and_then(|el| el.closest("a[href]").ok().flatten()).is_some();
    if on_a_link {
        crate::progressive::after_next_paint(|| crate::components::focus("#results-title"));
    }
}
