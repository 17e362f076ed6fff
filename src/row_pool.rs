//! The result rows as a keyed pool: each row is built once (its own component and reactive owner)
//! and kept while it leaves and re-enters the list, so a filter change only moves the nodes of
//! the rows that enter or leave and writes the `aria-rowindex` of the rows whose position
//! changed. Rows subscribe to nothing shared: no per-row memo reads the results, so a change
//! costs the rows that changed, not the list (a `<For/>` disposes the rows that leave and
//! rebuilds them when they come back: 140 ms for the 485 rows of "Tout effacer").
//!
//! The pool holds at most `POOL_LIMIT` rows; beyond, rows out of the list are disposed (virtualised
//! lists of 100,000 items scroll through many rows).

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use std::sync::Arc;

/// Rows kept built at most (those in the list included).
pub const POOL_LIMIT: usize = 1500;

/// Builds the row of this key (a `tr` element at its root).
pub type RowBuilder = Arc<dyn Fn(u64) -> AnyView + Send + Sync>;

struct Pooled {
    el: web_sys::Element,
    /// The `aria-rowindex` last written, 0 before the first.
    index: usize,
    _view: AnyViewState,
    _owner: Owner,
}

/// Two spacers (first and last child) stand for the rows left out of a virtualised list.
struct Spacer {
    el: web_sys::HtmlElement,
    px: u64,
}

impl Spacer {
    fn new() -> Option<Self> {
        let el = document().create_element("tr").ok()?;
        el.set_class_name("spacer");
        let _ = el.set_attribute("aria-hidden", "true");
        let el: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(el).ok()?;
        el.set_hidden(true);
        Some(Spacer { el, px: 0 })
    }

    fn set(&mut self, px: f64) {
        let px = if px.is_finite() && px > 0.0 { px as u64 } else { 0 };
        if px != self.px {
            self.px = px;
            self.el.set_hidden(px == 0);
            let _ = self.el.style().set_property("height", &format!("{px}px"));
        }
    }
}

pub struct RowPool {
    owner: Owner,
    build: RowBuilder,
    /// The built rows by key (keys are dataset indexes: a vector, no hashing code in the WASM).
    rows: Vec<Option<Box<Pooled>>>,
    built: usize,
    /// Per key: `round` when wanted by the current `show`, `round + 1` once placed.
    mark: Vec<u32>,
    round: u32,
    /// The keys in the container, in order.
    shown: Vec<u64>,
    spacers: Option<(Spacer, Spacer)>,
}

impl RowPool {
    /// A pool whose rows are owned by the current reactive owner (they get its context).
    pub fn new(build: RowBuilder) -> Self {
        RowPool { owner: Owner::current().unwrap_or_default(), build, rows: Vec::new(), built: 0, mark: Vec::new(), round: 0, shown: Vec::new(), spacers: None }
    }

    fn row(&self, k: u64) -> Option<&Pooled> {
        self.rows.get(k as usize).and_then(|r| r.as_deref())
    }

    /// Makes `body` hold exactly the rows of `keys`, in this order, the first with
    /// `aria-rowindex` = `first_index`, between spacers of `before_px` and `after_px`.
    pub fn show(&mut self, body: &web_sys::Element, keys: &[u64], first_index: usize, before_px: f64, after_px: f64) {
        if self.spacers.is_none() {
            self.spacers = Spacer::new().zip(Spacer::new());
            if let Some((top, bottom)) = &self.spacers {
                let _ = body.append_child(&top.el);
                let _ = body.append_child(&bottom.el);
            }
        }
        let size = keys.iter().map(|&k| k as usize + 1).max().unwrap_or(0);
        if size > self.rows.len() {
            self.rows.resize_with(size, || None);
            self.mark.resize(size, 0);
        }
        self.round = self.round.wrapping_add(2);
        let round = self.round;
        for &k in keys {
            self.mark[k as usize] = round;
        }
        let wanted = |mark: &[u32], k: u64| mark.get(k as usize).is_some_and(|&m| m == round || m == round + 1);
        // Leaving rows first: what stays keeps its relative order.
        for &k in self.shown.iter().filter(|&&k| !wanted(&self.mark, k)) {
            if let Some(row) = self.row(k) {
                row.el.remove();
            }
        }
        let current: Vec<u64> = self.shown.iter().copied().filter(|&k| wanted(&self.mark, k)).collect();
        let end: Option<web_sys::Node> = self.spacers.as_ref().map(|(_, bottom)| bottom.el.clone().into());
        let mut j = 0;
        for (pos, &k) in keys.iter().enumerate() {
            while j < current.len() && self.mark[current[j] as usize] == round + 1 {
                j += 1;
            }
            if self.row(k).is_none() {
                let Some(row) = self.build_row(k) else { continue };
                self.rows[k as usize] = Some(Box::new(row));
                self.built += 1;
            }
            let index = first_index + pos;
            // The position first: a row entering is written before it is in the page.
            if let Some(row) = self.rows[k as usize].as_deref_mut() {
                if row.index != index {
                    row.index = index;
                    let _ = row.el.set_attribute("aria-rowindex", &index.to_string());
                }
            }
            if j < current.len() && current[j] == k {
                j += 1;
            } else {
                let before = current.get(j).and_then(|&c| self.row(c)).map(|r| web_sys::Node::from(r.el.clone())).or_else(|| end.clone());
                if let Some(row) = self.row(k) {
                    let _ = body.insert_before(&row.el, before.as_ref());
                }
            }
            self.mark[k as usize] = round + 1;
        }
        self.shown = keys.to_vec();
        if let Some((top, bottom)) = &mut self.spacers {
            top.set(before_px);
            bottom.set(after_px);
        }
        if self.built > POOL_LIMIT {
            for (k, row) in self.rows.iter_mut().enumerate() {
                if row.is_some() && !wanted(&self.mark, k as u64) {
                    *row = None;
                    self.built -= 1;
                }
            }
        }
    }

    fn build_row(&self, k: u64) -> Option<Pooled> {
        let owner = self.owner.with(Owner::new);
        let view = owner.with(|| (self.build)(k).build());
        let el = view.elements().into_iter().next()?;
        Some(Pooled { el, index: 0, _view: view, _owner: owner })
    }
}
