//! Browser tests (wasm-bindgen-test in headless Chromium): what needs real browser APIs —
//! fetch with HTTP status and content type, `document.baseURI`, and the mounted app's error view.
#![cfg(target_arch = "wasm32")]

use poles_core::validate::FileErrorKind;
use poles_explorer::{fetch_data_file, paths};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// How many times the page fetched a file whose URL contains `file` (resource timing entries).
fn fetches_of(file: &str) -> usize {
    let entries = web_sys::window().unwrap().performance().unwrap().get_entries_by_type("resource");
    entries.iter().filter(|e| js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).is_some_and(|n| n.contains(file))).count()
}

#[wasm_bindgen_test]
fn base_comes_from_the_document() {
    // The test page is served at the root of its server.
    assert_eq!(paths::base(), "");
    assert_eq!(paths::data_url("poles.json"), "/data/poles.json");
    assert_eq!(paths::href("/poles/vitagora"), "/poles/vitagora");
    assert_eq!(paths::base_from_path("/explorateur/"), "/explorateur");
}

#[wasm_bindgen_test]
async fn json_is_accepted() {
    let text = fetch_data_file("data:application/json,%7B%22a%22%3A1%7D", "poles.json").await.unwrap();
    assert_eq!(text, r#"{"a":1}"#);
}

#[wasm_bindgen_test]
async fn html_instead_of_json_is_refused() {
    let err = fetch_data_file("data:text/html,<html></html>", "poles.json").await.unwrap_err();
    assert!(matches!(err.kind, FileErrorKind::ContentType(ref ct) if ct.contains("text/html")), "{err:?}");
}

#[wasm_bindgen_test]
async fn missing_file_is_an_http_error() {
    // The test runner's server has no such file.
    let err = fetch_data_file("/data/nope-404.json", "nope-404.json").await.unwrap_err();
    assert!(matches!(err.kind, FileErrorKind::Http(404)), "{err:?}");
}

#[wasm_bindgen_test]
async fn unreachable_server_is_a_network_error() {
    let err = fetch_data_file("http://127.0.0.1:9/poles.json", "poles.json").await.unwrap_err();
    assert!(matches!(err.kind, FileErrorKind::Network(_)), "{err:?}");
    assert!(err.to_string().contains("poles.json"));
}

#[wasm_bindgen_test]
async fn mounted_app_without_data_shows_the_error_view_with_retry() {
    // The test server has no data/ folder: the app must say so, never stay blank.
    leptos::mount::mount_to_body(poles_explorer::App);
    let doc = web_sys::window().unwrap().document().unwrap();
    let mut found = None;
    for _ in 0..100 {
        found = doc.query_selector("[data-testid=load-error]").unwrap();
        if found.is_some() {
            break;
        }
        sleep(50).await;
    }
    let panel = found.expect("the load error view appears");
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("Impossible de charger les données"), "{text}");
    assert!(text.contains(".json"), "names the file: {text}");
    let button = panel.query_selector("button").unwrap().expect("a retry button");
    assert_eq!(button.text_content().unwrap(), "Réessayer");
    // Retrying fetches the files again (counted in the browser's resource timings: the test fails
    // if the button does nothing) and shows the error again (still no data), never a blank page.
    let before = fetches_of("referentiels.json");
    assert!(before >= 1, "the first load asked for the file");
    button.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    let mut after = before;
    for _ in 0..100 {
        after = fetches_of("referentiels.json");
        if after > before && doc.query_selector("[data-testid=load-error]").unwrap().is_some() {
            break;
        }
        sleep(50).await;
    }
    assert!(after > before, "retry fetched the data again ({before} -> {after})");
    assert!(doc.query_selector("[data-testid=load-error]").unwrap().is_some());
}

/// The result rows' pool: the rows shown follow the keys in order, a row that stays keeps its
/// node (and is not moved), a row that leaves and comes back is the same node, and only the
/// positions that changed are written.
#[wasm_bindgen_test]
fn row_pool_moves_only_the_rows_entering_or_leaving() {
    use leptos::prelude::*;
    use poles_explorer::row_pool::RowPool;
    let owner = Owner::new();
    owner.with(|| {
        let built = StoredValue::new(0usize);
        let mut pool = RowPool::new(std::sync::Arc::new(move |k: u64| {
            built.update_value(|b| *b += 1);
            view! { <tr data-id=k.to_string()><td>{k.to_string()}</td></tr> }.into_any()
        }));
        let body = document().create_element("tbody").unwrap();
        let ids = |body: &web_sys::Element| {
            let rows = body.children();
            (0..rows.length())
                .filter_map(|i| rows.item(i))
                .filter_map(|r| Some((r.get_attribute("data-id")?, r.get_attribute("aria-rowindex").unwrap())))
                .collect::<Vec<_>>()
        };
        let node = |body: &web_sys::Element, id: &str| body.query_selector(&format!("tr[data-id='{id}']")).unwrap().unwrap();
        pool.show(&body, &[1, 2, 3, 4], 2, 0.0, 0.0);
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(ids(&body), pairs(&[("1", "2"), ("2", "3"), ("3", "4"), ("4", "5")]));
        let (three, one) = (node(&body, "3"), node(&body, "1"));
        // Watch what the next change does to the row that stays in place.
        three.set_attribute("data-mark", "kept").unwrap();
        pool.show(&body, &[2, 3], 2, 0.0, 0.0);
        assert_eq!(ids(&body), pairs(&[("2", "2"), ("3", "3")]));
        assert!(node(&body, "3").is_same_node(Some(&three)));
        pool.show(&body, &[1, 2, 3, 4, 5], 2, 0.0, 0.0);
        assert_eq!(ids(&body), pairs(&[("1", "2"), ("2", "3"), ("3", "4"), ("4", "5"), ("5", "6")]));
        // Row 1 came back as the same node; only row 5 was built.
        assert!(node(&body, "1").is_same_node(Some(&one)));
        assert_eq!(built.get_value(), 5);
        // Another order moves rows; spacers stand for rows left out (virtualised lists).
        pool.show(&body, &[5, 1], 10, 120.0, 0.0);
        assert_eq!(ids(&body), pairs(&[("5", "10"), ("1", "11")]));
        let first: web_sys::HtmlElement = body.first_element_child().unwrap().dyn_into().unwrap();
        assert_eq!(first.class_name(), "spacer");
        assert!(!first.hidden());
        assert_eq!(first.style().get_property_value("height").unwrap(), "120px");
        let last: web_sys::HtmlElement = body.last_element_child().unwrap().dyn_into().unwrap();
        assert!(last.hidden());
    });
}
