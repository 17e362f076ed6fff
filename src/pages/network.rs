//! The network view (`vue=reseau`): the pôles of the selection linked by the projects they share
//! (and, when the selection is one pôle's, the organisations of its projects), drawn as an arc
//! diagram laid out by `poles_core::network`; the same links as a table, the strongest in words.
//! The drawing is rebuilt on a change: every node moves when the selection changes.

use super::ctx::use_ctx;
use crate::i18n::{count, t, tf};
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use poles_core::format::group_thousands;
use poles_core::network::{network, svg, Network, NodeKind, MAX_LINKS, MAX_ORGS};
use poles_core::query::Facet;
use wasm_bindgen::JsCast;

#[component]
pub fn NetworkView() -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data();
    // One chosen pôle or organisation: its organisations join the network (read on first need).
    let with_orgs = Memo::new(move |_| ctx.query.with(|q| q.facet(Facet::Pole).include.len() == 1 || !q.organisation.is_empty()));

    let navigate = use_navigate();
    // In an embed, a record opened replaces the history entry, as links do (`crate::embed`).
    let replace = crate::embed::use_embed().replace_history();
    let open = Callback::new(move |(kind, id): (NodeKind, String)| {
        if kind == NodeKind::Organisation {
            navigate(&href(&format!("/organisations/{id}")), leptos_router::NavigateOptions { replace, ..Default::default() });
            return;
        }
        // A pôle: the selection becomes its own (or, on the pôle already chosen, everyone's).
        ctx.update(|q| {
            let sel = q.facet_mut(Facet::Pole);
            sel.include = if sel.include == [id.clone()] { Vec::new() } else { vec![id.clone()] };
        });
    });
    view! {
        <section class="network-view" aria-labelledby="network-title">
            <h2 id="network-title">{t("Réseau : les pôles liés par leurs projets communs")}</h2>
            // One drawing per change (summary, drawing and table together: everything moves).
            {move || {
                let orgs = with_orgs.get().then(|| {
                    data.ensure_orgs();
                    data.orgs.get()
                });
                let orgs = orgs.flatten();
                let centre = orgs.as_ref().and_then(|o| ctx.query.with(|q| o.by_id(&q.organisation)));
                // The drawing is rebuilt: a node that had the focus gets it back.
                // (Nodes have an `id`: "network-" then their kind and id.)
                if let Some(id) = document().active_element().map(|e| e.id()).filter(|id| id.starts_with("network-")) {
                    crate::progressive::after_next_paint(move || {
                        if let Some(node) = document().get_element_by_id(&id) {
                            crate::components::focus_element(&node)
                        }
                    });
                }
                let net = ctx.results.with(|r| network(&data.loaded.dataset, &r.items, orgs.as_deref(), centre));
                view! {
                    <p class="network-summary" data-testid="network-summary">{summary(&net)}</p>
                    // Markup written by the core (every text escaped): the WASM holds no view code per element.
                    <div class="network-scroll" inner_html=svg(&net, &|n| tf("{} : {}", &[&n.label, &count(n.projects as usize, "projet", "projets")]))
                        on:click=move |ev| { node_event(&ev, open); } on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" && node_event(&ev, open) { ev.prevent_default() }></div>
                    <p class="hint">{t("Un nœud est un pôle (rond) ou une organisation (losange) ; l'épaisseur d'un arc, le nombre de projets en commun. Entrée ou clic sur un pôle : ses projets et ses partenaires ; sur une organisation : sa fiche.")}</p>
                    {table(&net)}
                }
            }}
        </section>
    }
}

/// The strongest links, in words.
fn summary(net: &Network) -> String {
    if net.links.is_empty() {
        return t("Aucun projet de la sélection ne cite deux pôles ou plus : aucun lien à montrer.").to_string();
    }
    let poles = net.nodes.iter().filter(|n| n.kind == NodeKind::Pole).count();
    let orgs = net.nodes.len() - poles;
    let strongest: Vec<String> = net
        .links
        .iter()
        .take(3)
        .map(|l| tf("{} – {} ({})", &[&net.nodes[l.a].label, &net.nodes[l.b].label, &count(l.projects as usize, "projet", "projets")]))
        .collect();
    let mut s = tf(
        "{} et {} reliés par {}. Liens les plus forts : {}.",
        &[
            &count(poles, "pôle", "pôles"),
            &count(orgs, "organisation", "organisations"),
            &count(net.links.len() + net.links_left_out, "lien", "liens"),
            &strongest.join(" ; "),
        ],
    );
    if net.links_left_out > 0 {
        s.push_str(&tf(
            " Les {} liens les plus forts sont montrés ; {} plus faibles ne le sont pas.",
            &[&MAX_LINKS.to_string(), &group_thousands(net.links_left_out as u64)],
        ));
    }
    if net.orgs_left_out > 0 {
        s.push_str(&tf(
            " Les {} organisations les plus présentes sont montrées ; {} autres ne le sont pas.",
            &[&MAX_ORGS.to_string(), &net.orgs_left_out.to_string()],
        ));
    }
    s
}

/// Opens the node an event came from (a click or Enter on it); whether there was one.
fn node_event(ev: &web_sys::Event, open: Callback<(NodeKind, String)>) -> bool {
    let node = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("[data-testid=network-node]").ok().flatten());
    let Some(node) = node else { return false };
    let kind = if node.get_attribute("data-kind").as_deref() == Some("organisation") { NodeKind::Organisation } else { NodeKind::Pole };
    open.run((kind, node.get_attribute("data-id").unwrap_or_default()));
    true
}

/// The links as a table (the drawing's text alternative).
fn table(net: &Network) -> impl IntoView {
    let rows = net
        .links
        .iter()
        .map(|l| {
            let (a, b) = (&net.nodes[l.a], &net.nodes[l.b]);
            view! {
                <tr data-testid="network-edge" data-a=a.id.clone() data-b=b.id.clone() data-count=l.projects data-kind=b.kind.code()>
                    <th scope="row">{a.label.clone()}</th>
                    <td>{b.label.clone()}</td>
                    <td>{l.projects}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="funding" data-testid="network-table">
                <caption>{t("Les liens du réseau, du plus fort au plus faible")}</caption>
                <thead><tr><th scope="col">{t("Pôle ou organisation")}</th><th scope="col">{t("Lié à")}</th><th scope="col">{t("Projets en commun")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
