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

/// The files read on first use: asked twice before the first answer, fetched once; `retry`
/// fetches again; the value is the loader's.
#[wasm_bindgen_test]
async fn a_lazy_file_is_fetched_once_whoever_asks() {
    use poles_explorer::lazy_file::LazyFile;
    use std::cell::Cell;
    use std::rc::Rc;
    let runs = Rc::new(Cell::new(0));
    let owner = leptos::prelude::Owner::new();
    owner.set();
    let file: LazyFile<u32> = LazyFile::new();
    let load = |n: u32| {
        let runs = runs.clone();
        async move {
            runs.set(runs.get() + 1);
            sleep(20).await;
            Ok(n)
        }
    };
    file.ensure(load(1));
    file.ensure(load(2));
    for _ in 0..50 {
        if file.get().is_some() {
            break;
        }
        sleep(10).await;
    }
    assert_eq!(runs.get(), 1, "one fetch for two asks");
    assert_eq!(file.get().as_deref(), Some(&1));
    file.ensure(load(3));
    assert_eq!(runs.get(), 1, "kept once read");
    file.retry(load(4));
    for _ in 0..50 {
        if file.get().as_deref() == Some(&4) {
            break;
        }
        sleep(10).await;
    }
    assert_eq!((runs.get(), file.get().as_deref().copied()), (2, Some(4)), "retry reads again");
}
