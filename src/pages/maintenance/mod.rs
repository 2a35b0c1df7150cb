//! `/maintenance`: the current window and when it ends, or that none is in
//! progress, with the regular schedule (SPEC S3) and a link to the help
//! page's answer about maintenance.

// The help page's maintenance answer shows the same schedule (S3's times
// written once), hence crate-visible.
pub(crate) mod texts;

use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{common, use_i18n};
use crate::maintenance::use_maintenance;
use crate::routes::{HelpTopic, Page};
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::maintenance::Status;
use texts::{tr, Texts};

#[component]
pub fn MaintenancePage() -> impl IntoView {
    let i18n = use_i18n();
    let maintenance = use_maintenance();
    let current = move || {
        let t: &Texts = i18n.t();
        let c: &common::Texts = i18n.t();
        let l = i18n.locale();
        match maintenance.status.get() {
            Status::Down(w) => view! {
                <div class="notice notice-warning" role="status">
                    <p>{c.maintenance_now}</p>
                    <p class="window">{l.range(&l.datetime(w.start), &l.datetime(w.end))}</p>
                    <p><strong>{(c.maintenance_until)(&l.datetime(w.end))}</strong></p>
                </div>
            }
            .into_any(),
            Status::Open | Status::Upcoming(_) => view! {
                <div class="notice" role="status">
                    <p>{t.maintenance_none}</p>
                    <p><A href=Page::Login.path()>{t.back_to_login}</A></p>
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Maintenance) />
            {current}
            <h2>{tr(|t| t.maintenance_schedule_title)}</h2>
            <ul>{move || i18n.t::<Texts>().maintenance_schedule.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            <h2>{tr(|t| t.repayment_schedule_title)}</h2>
            <ul>{move || i18n.t::<Texts>().repayment_schedule.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            <p><A href=HelpTopic::Maintenance.href()>{common::tr(|c| c.more_about_maintenance)}</A></p>
        </section>
    }
}
