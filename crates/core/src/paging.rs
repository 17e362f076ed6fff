//! Results a page at a time (`page` in the URL, README "URL of the explorer"): which items a
//! page holds, the links of the pagination bar, and when a new query goes back to the first page.

use crate::query::Query;

/// Rows a page of results holds, in every tab.
pub const PAGE_SIZE: usize = 50;

/// The page shown for a list of `total` items: its 0-based `index`, the `last` index, and the
/// items `start..end` it holds. A page past the end shows the last one (`clamped`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Page {
    pub index: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub clamped: bool,
}

impl Page {
    /// How many pages there are (at least one, empty for an empty list).
    pub fn count(&self) -> usize {
        self.last + 1
    }
}

/// The page of index `requested` (0-based) of `total` items.
pub fn page(total: usize, requested: usize) -> Page {
    let last = total.saturating_sub(1) / PAGE_SIZE;
    let index = requested.min(last);
    let start = index * PAGE_SIZE;
    Page { index, last, start, end: (start + PAGE_SIZE).min(total), clamped: requested > last }
}

/// A place in the pagination bar: a page (0-based index) or a gap ("…") between two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    Page(usize),
    Gap,
}

/// Pages on each side of the current one that the bar links to.
const AROUND: usize = 2;

/// The pages the bar links to: the first and the last, those within `AROUND` of the current
/// one, and a gap where pages are left out (a gap of a single page shows that page instead).
pub fn page_links(current: usize, last: usize) -> Vec<PageLink> {
    let current = current.min(last);
    let near = |p: usize| p.abs_diff(current) <= AROUND;
    let mut out = Vec::new();
    let mut p = 0;
    while p <= last {
        let shown = p == 0 || p == last || near(p);
        // A gap standing for one page only shows that page.
        let lone_gap = p > 0 && p < last && (near(p - 1) || p - 1 == 0) && (near(p + 1) || p + 1 == last);
        if shown || lone_gap {
            out.push(PageLink::Page(p));
            p += 1;
        } else {
            out.push(PageLink::Gap);
            // Jump to the next page shown.
            p = if p < current { current - AROUND } else { last };
        }
    }
    out
}

/// `next` as it should be navigated to from `prev`: any change but the page itself (a filter,
/// the search, the sort, the tab) goes back to the first page.
pub fn follow(prev: &Query, mut next: Query) -> Query {
    let same_but_page = Query { page: prev.page, ..next.clone() } == *prev;
    if !same_but_page {
        next.page = 0;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Facet, Sort, ValueState};
    use proptest::prelude::*;

    #[test]
    fn pages_of_fifty() {
        assert_eq!(page(60, 0), Page { index: 0, last: 1, start: 0, end: 50, clamped: false });
        assert_eq!(page(60, 1), Page { index: 1, last: 1, start: 50, end: 60, clamped: false });
        assert_eq!(page(60, 7), Page { index: 1, last: 1, start: 50, end: 60, clamped: true });
        assert_eq!(page(50, 1), Page { index: 0, last: 0, start: 0, end: 50, clamped: true });
        assert_eq!(page(0, 0), Page { index: 0, last: 0, start: 0, end: 0, clamped: false });
        assert_eq!(page(485, 9).start, 450);
        assert_eq!(page(485, 9).end, 485);
        assert_eq!(page(485, 0).count(), 10);
    }

    fn shown(current: usize, last: usize) -> String {
        page_links(current, last)
            .iter()
            .map(|l| match l {
                PageLink::Page(p) => (p + 1).to_string(),
                PageLink::Gap => "…".into(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_bar_links_first_last_and_around() {
        assert_eq!(shown(0, 0), "1");
        assert_eq!(shown(0, 1), "1 2");
        assert_eq!(shown(0, 9), "1 2 3 … 10");
        assert_eq!(shown(4, 9), "1 2 3 4 5 6 7 … 10");
        assert_eq!(shown(5, 9), "1 … 4 5 6 7 8 9 10");
        assert_eq!(shown(9, 9), "1 … 8 9 10");
        assert_eq!(shown(50, 2000), "1 … 49 50 51 52 53 … 2001");
        assert_eq!(shown(3, 6), "1 2 3 4 5 6 7", "a gap of one page shows it");
        assert_eq!(shown(99, 6), "1 … 5 6 7", "past the end: the last page");
    }

    proptest! {
        #[test]
        fn every_page_of_the_bar_is_distinct_ordered_and_in_range(current in 0usize..300, last in 0usize..300) {
            let links = page_links(current, last);
            let pages: Vec<usize> = links.iter().filter_map(|l| match l { PageLink::Page(p) => Some(*p), PageLink::Gap => None }).collect();
            prop_assert!(pages.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(pages.iter().all(|&p| p <= last));
            prop_assert_eq!(pages[0], 0);
            prop_assert_eq!(*pages.last().unwrap(), last);
            prop_assert!(pages.contains(&current.min(last)));
            prop_assert!(links.len() <= 2 * AROUND + 5, "bounded: {:?}", links);
            // No two gaps in a row, no gap at an end, and every gap hides at least two pages.
            for (i, l) in links.iter().enumerate() {
                if *l == PageLink::Gap {
                    let (PageLink::Page(a), PageLink::Page(b)) = (links[i - 1], links[i + 1]) else { panic!("{links:?}") };
                    prop_assert!(b - a > 2, "{:?}", links);
                }
            }
        }

        #[test]
        fn a_page_holds_at_most_fifty_items_and_every_item_is_on_one_page(total in 0usize..2000, requested in 0usize..100) {
            let p = page(total, requested);
            prop_assert!(p.end - p.start <= PAGE_SIZE);
            prop_assert!(p.end <= total);
            prop_assert_eq!(p.clamped, requested > p.last);
            let covered: usize = (0..=p.last).map(|i| { let q = page(total, i); q.end - q.start }).sum();
            prop_assert_eq!(covered, total);
        }
    }

    #[test]
    fn any_change_but_the_page_goes_back_to_the_first() {
        let prev = Query { page: 3, ..Query::default() };
        assert_eq!(follow(&prev, Query { page: 5, ..prev.clone() }).page, 5, "a page link");
        let mut next = prev.clone();
        next.facet_mut(Facet::Region).set("27", ValueState::Included);
        assert_eq!(follow(&prev, next).page, 0, "a filter");
        assert_eq!(follow(&prev, Query { sort: Sort::AnneeDesc, ..prev.clone() }).page, 0, "the sort");
        assert_eq!(follow(&prev, Query { text: "eau".into(), ..prev.clone() }).page, 0, "the search");
        assert_eq!(follow(&prev, prev.clone()).page, 3, "nothing changed");
    }
}
