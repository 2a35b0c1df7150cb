//! Any path the route list does not know. Part of the shell.

use crate::components::page_title::PageTitle;
use crate::i18n::common::tr;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page narrow">
            <PageTitle text=tr(|t| t.not_found_title) />
            <p>{tr(|t| t.not_found_body)}</p>
            <p><A href=Page::Home.path()>{tr(|t| t.go_home)}</A></p>
        </section>
    }
}
