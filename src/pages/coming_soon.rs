//! A reserved route (SPEC S19) whose feature a later change builds. It says
//! plainly that the service is not ready instead of pretending. It is part
//! of the shell, so it has no chunk of its own.

use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::common::tr;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ComingSoonPage(page: Page) -> impl IntoView {
    view! {
        <section class="page narrow">
            <PageTitle text=title_of(page) />
            <p>{tr(|t| t.coming_soon_body)}</p>
            <p><A href=Page::Home.path()>{tr(|t| t.go_home)}</A></p>
        </section>
    }
}
