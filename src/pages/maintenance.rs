//! `/maintenance`: the current window and when it ends, or that none is in
//! progress, with the regular schedule (SPEC S3).

use crate::components::page_title::PageTitle;
use crate::i18n::{tr, use_i18n};
use crate::maintenance::use_maintenance;
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::maintenance::Status;

#[component]
pub fn MaintenancePage() -> impl IntoView {
    let i18n = use_i18n();
    let maintenance = use_maintenance();
    let current = move || {
        let t = i18n.t();
        let l = i18n.locale();
        match maintenance.status.get() {
            Status::Down(w) => view! {
                <div class="notice notice-warning" role="status">
                    <p>{t.maintenance_now}</p>
                    <p class="window">{l.range(&l.datetime(w.start), &l.datetime(w.end))}</p>
                    <p><strong>{(t.maintenance_until)(&l.datetime(w.end))}</strong></p>
                </div>
            }
            .into_any(),
            Status::Open | Status::Upcoming(_) => view! {
                <div class="notice" role="status">
                    <p>{t.maintenance_none}</p>
                    <p><A href="/login">{t.back_to_login}</A></p>
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <section class="page narrow">
            <PageTitle text=tr(|t| t.maintenance_title) />
            {current}
            <h2>{tr(|t| t.maintenance_schedule_title)}</h2>
            <ul>{move || i18n.t().maintenance_schedule.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            <h2>{tr(|t| t.repayment_schedule_title)}</h2>
            <ul>{move || i18n.t().repayment_schedule.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
        </section>
    }
}
