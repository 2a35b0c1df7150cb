//! `/login`: the sign-in page (SPEC S4), with the demo members listed when
//! the fake lender is in use (SPEC S17).

pub mod sign_in_form;
mod texts;

use crate::backend::use_backend;
use crate::components::load_error::failure_text;
use crate::components::page_title::{title_of, PageTitle};
use crate::config::Brand;
use crate::i18n::{common, use_i18n};
use crate::maintenance::{use_clock, use_maintenance};
use crate::routes::{HelpTopic, Page};
use crate::session::{use_session, SignOutReason};
use fake_lender::seed::DemoLogin;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::hooks::use_query_map;
use portal_api::{BackendError, SignInRequest, UnscheduledMaintenance};
use portal_domain::clock::to_jst;
use portal_domain::input::Credentials;
use sign_in_form::{LoginTab, SignInForm, SignInInputs};
use texts::{tr, Texts};

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let clock = use_clock();
    let maintenance = use_maintenance();
    let navigate = use_navigate();
    // A member who opened a member page without a session comes back to
    // it; `Page::return_path` accepts only member pages of the route list.
    let query = use_query_map();
    let inputs = SignInInputs::new();
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<BackendError>);

    let on_submit = Callback::new(move |credentials: Credentials| {
        pending.set(true);
        failure.set(None);
        let backend = backend.get();
        let request = SignInRequest::from(&credentials);
        let navigate = navigate.clone();
        let next = query.with_untracked(|q| Page::return_path(q.get_str("next")).to_owned());
        spawn_local(async move {
            let result = backend.call::<portal_api::ops::SignIn>(request).await;
            let _ = pending.try_set(false);
            match result {
                Ok(signed_in) => {
                    session.begin(signed_in, clock.now_ms());
                    navigate(&next, crate::app::replace());
                }
                // The calendar already sends members to /maintenance during
                // regular windows, so this is maintenance the lender
                // declared: record it and the route guard takes over.
                Err(BackendError::Maintenance { until }) => {
                    let start = to_jst(clock.0.get_untracked());
                    maintenance
                        .unscheduled
                        .set(Some(UnscheduledMaintenance { start, end: until }));
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    });

    let notice = move || {
        let t: &Texts = i18n.t();
        let c: &common::Texts = i18n.t();
        session.notice.get().map(|reason| {
            let text = match reason {
                SignOutReason::Chosen => t.signed_out,
                SignOutReason::Idle => t.signed_out_idle,
                SignOutReason::Expired => t.session_ended,
                SignOutReason::Maintenance => c.maintenance_now,
            };
            view! { <div class="notice" role="status">{text}</div> }
        })
    };

    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Login) />
            {notice}
            <p>{tr(|t| t.login_intro)}</p>
            <FailureMessage failure=failure.into() />
            <SignInForm inputs pending=pending on_submit />
            <ul class="help-links">
                <li><A href=Page::PasswordReset.path()>{tr(|t| t.forgot_password)}</A></li>
                <li><A href=Page::Register.path()>{tr(|t| t.register_web_id)}</A></li>
                <li>
                    <A href=HelpTopic::ForgotPin.href()>{tr(|t| t.forgot_pin)}</A>
                    {tr(|t| t.forgot_pin_note)}
                </li>
            </ul>
            <DemoMembers inputs />
        </section>
    }
}

/// The answer to a refused sign-in, announced as an alert. A lock or a
/// suspension links to the help page's answer about it.
#[component]
fn FailureMessage(failure: Signal<Option<BackendError>>) -> impl IntoView {
    let i18n = use_i18n();
    let brand = use_context::<Brand>().unwrap_or_default();
    move || {
        let t: &Texts = i18n.t();
        let c: &common::Texts = i18n.t();
        let hours = brand.support_hours(i18n.locale()).to_owned();
        failure.get().map(|e| {
            let (title, body, help) = match e {
                BackendError::Locked => (
                    Some(t.locked_title),
                    t.locked_body.to_owned(),
                    Some((HelpTopic::Lock, t.more_about_lock)),
                ),
                BackendError::Suspended => (
                    Some(t.suspended_title),
                    format!(
                        "{} {}",
                        t.suspended_body,
                        (c.call_support)(&brand.support_phone, &hours)
                    ),
                    Some((HelpTopic::Suspended, t.more_about_suspension)),
                ),
                BackendError::Offline
                | BackendError::Timeout
                | BackendError::Malformed
                | BackendError::Server
                // Answers to money movements and to registration; a
                // sign-in never gets them.
                | BackendError::AmountRefused { .. }
                | BackendError::PayeeRefused { .. }
                | BackendError::NoPayeeAccount
                | BackendError::IdempotencyConflict
                | BackendError::NotFound
                | BackendError::CodeRefused { .. }
                | BackendError::CodeEnded { .. }
                | BackendError::WebIdTaken
                | BackendError::ExchangeRefused { .. }
                | BackendError::LineRefused { .. }
                | BackendError::ProfileRefused { .. }
                | BackendError::DocumentRefused { .. }
                | BackendError::TooLarge => {
                    (None, failure_text(c, &e).to_owned(), None)
                }
                BackendError::InvalidInput { .. } => (None, c.errors_heading.to_owned(), None),
                BackendError::BadCredentials
                | BackendError::NotSignedIn
                | BackendError::Maintenance { .. } => (None, t.bad_credentials.to_owned(), None),
            };
            view! {
                <div class="notice notice-error" role="alert">
                    {title.map(|title| view! { <p class="notice-title">{title}</p> })}
                    <p>{body}</p>
                    {help.map(|(topic, text)| view! { <p><A href=topic.href()>{text}</A></p> })}
                </div>
            }
        })
    }
}

/// The seeded members, listed only when the fake lender runs (SPEC S17).
#[component]
fn DemoMembers(inputs: SignInInputs) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let members = backend.get().demo().map(|d| d.members())?;
    let fill = move |login: DemoLogin| match login {
        DemoLogin::Card { card_number, pin } => {
            inputs.tab.set(LoginTab::Card);
            inputs.card.set(card_number.to_owned());
            inputs.pin.set(pin.to_owned());
        }
        DemoLogin::WebId { web_id, password } => {
            inputs.tab.set(LoginTab::WebId);
            inputs.web_id.set(web_id.to_owned());
            inputs.password.set(password.to_owned());
        }
        DemoLogin::MemberNumberOnly => {}
    };
    Some(view! {
        <aside class="demo" aria-labelledby="demo-title">
            <h2 id="demo-title">{tr(|t| t.demo_members_title)}</h2>
            <p>{tr(|t| t.demo_members_intro)}</p>
            <ul class="demo-list">
                {members
                    .iter()
                    .map(|m| {
                        let login = m.login;
                        let credentials = match login {
                            DemoLogin::Card { card_number, pin } => format!("{card_number} / {pin}"),
                            DemoLogin::WebId { web_id, password } => format!("{web_id} / {password}"),
                            DemoLogin::MemberNumberOnly => String::new(),
                        };
                        let (ja, en) = (m.description_ja, m.description_en);
                        view! {
                            <li>
                                <span>{move || i18n.locale().pick(ja, en)}</span>
                                <code>{credentials}</code>
                                {(login != DemoLogin::MemberNumberOnly).then(|| view! {
                                    <button type="button" class="link-button" on:click=move |_| fill(login)>
                                        {tr(|t| t.demo_use)}
                                        <span class="visually-hidden">{move || format!(" ({})", i18n.locale().pick(ja, en))}</span>
                                    </button>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </aside>
    })
}
