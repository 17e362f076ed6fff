//! A panic anywhere shows a recoverable error box instead of a frozen or blank page.

use crate::i18n::t;
use wasm_bindgen::JsCast;

/// Installs a panic hook that logs to the console and shows an error box with a reload link.
pub fn install_panic_box() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_box();
    }));
}

fn show_box() -> Option<()> {
    // The static first paint, if still there, gives way: the box must be seen.
    crate::boot::done();
    let doc = web_sys::window()?.document()?;
    if doc.get_element_by_id("panic-box").is_some() {
        return Some(());
    }
    let body = doc.body()?;
    let boxed = doc.create_element("div").ok()?;
    boxed.set_id("panic-box");
    boxed.set_attribute("role", "alert").ok()?;
    boxed.set_attribute("data-testid", "panic-box").ok()?;
    let title = doc.create_element("h2").ok()?;
    title.set_text_content(Some(t("Une erreur inattendue est survenue")));
    let text = doc.create_element("p").ok()?;
    text.set_text_content(Some(t(
        "L'application a rencontré un problème et ne peut pas continuer. Vos filtres sont conservés dans l'adresse de la page : rechargez-la pour reprendre.",
    )));
    let link = doc.create_element("a").ok()?;
    let here = web_sys::window()?.location().href().ok()?;
    link.set_attribute("href", &here).ok()?;
    link.set_text_content(Some(t("Recharger la page")));
    boxed.append_child(&title).ok()?;
    boxed.append_child(&text).ok()?;
    boxed.append_child(&link).ok()?;
    body.prepend_with_node_1(&boxed).ok()?;
    if let Ok(el) = link.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
    Some(())
}
