//! Any path the route table does not know.

use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page narrow">
            <PageTitle text=Signal::derive(move || i18n.t().not_found_title) />
            <p>{move || i18n.t().not_found_body}</p>
            <p><A href="/home">{move || i18n.t().go_home}</A></p>
        </section>
    }
}
