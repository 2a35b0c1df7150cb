//! `/settings` (各種設定の変更, SPEC S12) and its sections at
//! `/settings/<segment>` (`crate::routes::SettingsSection`).
//!
//! `/settings` lists what the member has registered, each with a link to
//! change it. Each section is a wasm chunk of its own (the split points at
//! the end of this module, `settings_<segment>`), fetched when it is opened,
//! so the settings page stays small however many forms it offers.
//!
//! Every section follows the same steps, as the reminder page does: a form,
//! a confirmation that shows the value before and after, then a result that
//! says what changed and that a notice e-mail was sent. The lender checks
//! everything again and applies a change whole or not at all; a failed
//! request keeps what was typed and can be sent again.

pub(crate) mod address;
mod contact_form;
pub(crate) mod email;
pub(crate) mod employer;
pub(crate) mod payee_account;
pub(crate) mod prepaid_card;
pub(crate) mod repayment_date;
mod texts;
pub(crate) mod web_id;

use crate::app::LazyChunk;
use crate::components::load_error::{loaded, reactive_view};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::use_i18n;
use crate::routes::{Page, SettingsSection};
use crate::session::member_resource;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use portal_api::ops::GetProfile;
use portal_api::{Profile, RepaymentDay};
use texts::{tr, Texts};

/// `/settings` or one of its sections, as the address says.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let location = use_location();
    let section = Memo::new(move |_| location.pathname.with(|p| SettingsSection::from_path(p)));
    reactive_view(move || match section.get() {
        None => view! { <SettingsIndex /> }.into_any(),
        Some(section) => {
            let load = crate::pages::nested_loader(|c| c.section, section);
            let i18n = use_i18n();
            let title = Signal::derive(move || section.title(i18n.locale()));
            view! { <LazyChunk load title /> }.into_any()
        }
    })
}

/// How a section names a repayment day.
pub(crate) fn day_label(t: &Texts, day: RepaymentDay) -> &'static str {
    match day {
        RepaymentDay::Fifth => t.day_5,
        RepaymentDay::Fifteenth => t.day_15,
        RepaymentDay::TwentyFifth => t.day_25,
        RepaymentDay::LastDay => t.day_last,
    }
}

/// The frame every section shares: the way back to `/settings`, the
/// section's heading (focused on arrival) and its content.
#[component]
pub fn SectionFrame(section: SettingsSection, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page narrow">
            <p class="breadcrumb">
                <A href=Page::Settings.path()>{move || Page::Settings.title(i18n.locale())}</A>
            </p>
            <PageTitle text=Signal::derive(move || section.title(i18n.locale())) />
            {children()}
        </section>
    }
}

/// The member's profile, then `render` with it; the loading line and a
/// load error with a retry meanwhile.
pub(crate) fn with_profile<V: IntoView + 'static>(
    render: impl Fn(Profile) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    loaded(member_resource(|b| b.call::<GetProfile>(())), render)
}

/// One line of a change under review or done: what, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    pub label: String,
    pub before: String,
    pub after: String,
}

/// The values before and after, as a table every section's review and
/// result share.
fn change_table(t: &'static Texts, rows: Vec<ChangeRow>) -> impl IntoView {
    view! {
        <table class="change-table">
            <thead>
                <tr><th scope="col"><span class="visually-hidden">{t.item}</span></th><th scope="col">{t.before}</th><th scope="col">{t.after}</th></tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let changed = r.before != r.after;
                    view! {
                        <tr class:changed=changed>
                            <th scope="row">{r.label}</th>
                            <td>{r.before}</td>
                            <td>{r.after}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A change's confirmation step: the values before and after, the
/// lender's failure if the last try failed (what was typed is kept), and
/// the buttons to make the change or go back to the form. The heading
/// takes focus when it appears.
#[component]
pub fn ChangeReview(
    rows: Vec<ChangeRow>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] failure: Signal<Option<String>>,
    on_confirm: Callback<()>,
    on_back: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t: &'static Texts = i18n.t();
    let unchanged = rows.iter().all(|r| r.before == r.after);
    Effect::new(move |_| crate::browser::focus_id_when_present("settings-confirm"));
    view! {
        <h2 id="settings-confirm" tabindex="-1">{tr(|t| t.confirm_heading)}</h2>
        {change_table(t, rows)}
        {unchanged.then(|| view! { <p class="hint">{tr(|t| t.unchanged)}</p> })}
        <crate::components::load_error::FailureNotice text=failure />
        <p class="actions">
            <button type="button" class="primary" aria-disabled=move || pending.get().to_string()
                on:click=move |_| if !pending.get_untracked() { on_confirm.run(()) }>
                {move || if pending.get() { tr(|t| t.saving).get() } else { tr(|t| t.confirm).get() }}
            </button>
            <button type="button" class="secondary" on:click=move |_| on_back.run(())>{tr(|t| t.back)}</button>
        </p>
    }
}

/// A change's result: what changed, that a notice was e-mailed, and the way
/// back to `/settings`. Announced, and its heading focused.
#[component]
pub fn ChangeDone(
    rows: Vec<ChangeRow>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t: &'static Texts = i18n.t();
    Effect::new(move |_| crate::browser::focus_id_when_present("settings-done"));
    view! {
        <div class="notice" role="status">
            <h2 id="settings-done" tabindex="-1">{tr(|t| t.done_heading)}</h2>
            {change_table(t, rows)}
            <p>{tr(|t| t.done_mail)}</p>
        </div>
        {children.map(|c| c())}
        <p><A href=Page::Settings.path()>{tr(|t| t.back_to_settings)}</A></p>
    }
}

/// The text of a lender's failure that no field explains.
pub(crate) fn failure_message(error: &portal_api::BackendError) -> String {
    let i18n = use_i18n();
    crate::components::load_error::failure_text(i18n.t(), error).to_owned()
}

/// One row of `/settings`: what is registered, under a link to change it
/// named after the section (so every link says where it goes).
fn row(title: &'static str, href: String, value: String) -> impl IntoView {
    view! {
        <li class="settings-row">
            <h2><A href=href>{title}</A></h2>
            <p class="settings-value">{value}</p>
        </li>
    }
}

/// `/settings` itself.
#[component]
fn SettingsIndex() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Settings) />
            <p>{tr(|t| t.intro)}</p>
            {with_profile(move |p: Profile| {
                let t: &'static Texts = i18n.t();
                let l = i18n.locale();
                let none = || t.not_registered.to_owned();
                let rows = SettingsSection::ALL.into_iter().map(|section| {
                    let value = match section {
                        SettingsSection::PayeeAccount => t.payee_summary.to_owned(),
                        SettingsSection::RepaymentDate => {
                            let day = day_label(t, p.repayment_day);
                            match p.next_due_date {
                                Some(d) => (t.day_with_next)(day, &l.date(d)),
                                None => day.to_owned(),
                            }
                        }
                        SettingsSection::Address => p.address.as_ref().map_or_else(none, |a| {
                            let prefecture = l.pick(a.prefecture.name_ja(), a.prefecture.name_en());
                            format!(
                                "〒{} {}{}{}{}",
                                a.postal_code.as_str(),
                                prefecture,
                                a.city,
                                a.street,
                                a.building.as_deref().map(|b| format!(" {b}")).unwrap_or_default()
                            )
                        }),
                        SettingsSection::Employer => {
                            p.employer.as_ref().map_or_else(none, |e| e.name.clone())
                        }
                        SettingsSection::Email => p.email.clone().unwrap_or_else(none),
                        SettingsSection::WebId => p.web_id.clone().unwrap_or_else(none),
                        SettingsSection::PrepaidCard => p.prepaid_card.clone().unwrap_or_else(none),
                    };
                    row(section.title(l), section.path(), value)
                }).collect_view();
                view! {
                    <ul class="settings-list">
                        {rows}
                        {row(Page::Reminders.title(l), Page::Reminders.path().to_owned(), t.reminders_summary.to_owned())}
                    </ul>
                }
            })}
        </section>
    }
}
