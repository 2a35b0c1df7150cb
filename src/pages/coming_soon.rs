//! A reserved route (SPEC S19) whose feature a later change builds. It says
//! plainly that the service is not ready instead of pretending.

use crate::components::page_title::PageTitle;
use crate::i18n::{tr, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ComingSoonPage(path: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || {
        let t = i18n.t();
        t.service_links
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, name)| *name)
            .unwrap_or(t.coming_soon_title)
    });
    view! {
        <section class="page narrow">
            <PageTitle text=title />
            <p>{tr(|t| t.coming_soon_body)}</p>
            <p><A href="/home">{tr(|t| t.go_home)}</A></p>
        </section>
    }
}
