//! The member portal: a client-side Leptos app. `start` loads the runtime
//! configuration, picks the backend it names and mounts the app.

pub mod app;
pub mod backend;
pub mod browser;
pub mod chunk;
pub mod components;
pub mod config;
pub mod demo;
pub mod i18n;
pub mod maintenance;
pub mod movement;
pub mod pages;
pub mod read;
pub mod routes;
pub mod session;

use leptos::prelude::*;

/// Entry point called by `main`.
pub fn start() {
    install_panic_page();
    // The reactive executor starts with the mount, so start-up uses the
    // plain wasm-bindgen executor.
    wasm_bindgen_futures::spawn_local(async {
        let config = config::Config::load().await;
        let config = match config {
            Ok(config) => config,
            Err(e) => return show_fatal(&e.to_string()),
        };
        match backend::connect(&config.backend).await {
            Ok(backend) => {
                remove_boot_message();
                // The app lives as long as the page.
                mount_to_body(move || view! { <app::App config backend /> });
            }
            Err(chunk::ChunkError) => show_fatal("the demo lender could not be loaded"),
        }
    });
}

/// Removes the static "loading" line that shows until the wasm runs.
fn remove_boot_message() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".boot").ok().flatten())
    {
        el.remove();
    }
}

/// Replaces the page with a calm bilingual error when the app cannot run.
/// Nothing here may fail in turn, so it writes plain HTML.
fn show_fatal(detail: &str) {
    let ja: &i18n::common::Texts = i18n::Locale::Ja.texts();
    let en: &i18n::common::Texts = i18n::Locale::En.texts();
    let html = format!(
        "<main class=\"fatal\" role=\"alert\"><h1>{}</h1><p>{}</p><p lang=\"en\">{} — {}</p><p class=\"detail\"><code>{}</code></p><p><a href=\"/login\">{} / {}</a></p></main>",
        ja.config_error_title,
        ja.config_error_body,
        en.config_error_title,
        en.config_error_body,
        escape_html(detail),
        ja.reload,
        en.reload,
    );
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_inner_html(&html);
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A panic must never leave a blank page: log it, then show the error page.
fn install_panic_page() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal("unexpected error");
    }));
}
