//! `/help`: help and contact (SPEC S15). The sign-in troubles of the seed
//! article as questions and answers, the loan's facts (S1), the way to the
//! simulator, and the support phone and hours from the configuration.
//!
//! Each answer is a native `<details>` (keyboard and screen-reader support
//! for free) whose id is its `HelpTopic::anchor`, so the sign-in messages
//! and the maintenance page link straight to it (`/help#lock`). The page is
//! `Access::Always`: a member shut out by a maintenance window reads here
//! why.

mod texts;

use crate::browser;
use crate::components::page_title::{title_of, PageTitle};
use crate::config::Brand;
use crate::i18n::use_i18n;
use crate::pages::maintenance::texts::Texts as Schedule;
use crate::routes::{HelpTopic, Page};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use texts::{tr, Texts};

#[component]
pub fn HelpPage() -> impl IntoView {
    let hash = use_location().hash;
    // The answer the address names (`/help#lock`): it is rendered open, and
    // `PageTitle` reveals and focuses it instead of the heading, because
    // that is what the member followed a link for.
    let arrival = HelpTopic::from_hash(&hash.get_untracked());
    // A later change of the fragment while this page stays (back and
    // forward between answers, a link from one answer to another) does not
    // rebuild the page, so the newly named answer is revealed here. The
    // first run only records the fragment the page opened with.
    Effect::new(move |previous: Option<String>| {
        let current = hash.get();
        if previous.is_some_and(|p| p != current) {
            if let Some(topic) = HelpTopic::from_hash(&current) {
                browser::reveal_id_when_present(topic.anchor());
            }
        }
        current
    });

    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Help) anchor=arrival.map(HelpTopic::anchor) />
            <p>{tr(|t| t.intro)}</p>
            <section aria-labelledby="faq-title">
                <h2 id="faq-title">{tr(|t| t.faq_title)}</h2>
                {HelpTopic::ALL
                    .into_iter()
                    .map(|topic| view! { <Question topic open=arrival == Some(topic) /> })
                    .collect_view()}
            </section>
            <LoanFacts />
            <section aria-labelledby="simulator-title">
                <h2 id="simulator-title">{tr(|t| t.simulator_title)}</h2>
                <p>{tr(|t| t.simulator_body)}</p>
                <p><A href=Page::Simulator.path()>{tr(|t| t.simulator_link)}</A></p>
            </section>
            <section aria-labelledby="contact-title">
                <h2 id="contact-title">{tr(|t| t.contact_title)}</h2>
                <p>{tr(|t| t.contact_body)}</p>
                <ContactDetails />
            </section>
        </section>
    }
}

/// A question's words, in the seed article's terms.
fn question(t: &'static Texts, topic: HelpTopic) -> &'static str {
    match topic {
        HelpTopic::ForgotPin => t.forgot_pin_question,
        HelpTopic::ForgotPassword => t.forgot_password_question,
        HelpTopic::Register => t.register_question,
        HelpTopic::Lock => t.lock_question,
        HelpTopic::Maintenance => t.maintenance_question,
        HelpTopic::Suspended => t.suspended_question,
        HelpTopic::HalfWidth => t.half_width_question,
        HelpTopic::Case => t.case_question,
    }
}

/// An answer's paragraphs; what follows them is `AnswerMore`.
fn answer(t: &'static Texts, topic: HelpTopic) -> &'static [&'static str] {
    match topic {
        HelpTopic::ForgotPin => t.forgot_pin_answer,
        HelpTopic::ForgotPassword => t.forgot_password_answer,
        HelpTopic::Register => t.register_answer,
        HelpTopic::Lock => t.lock_answer,
        HelpTopic::Maintenance => t.maintenance_answer,
        HelpTopic::Suspended => t.suspended_answer,
        HelpTopic::HalfWidth => t.half_width_answer,
        HelpTopic::Case => t.case_answer,
    }
}

/// One question and its answer, closed unless the address named it.
#[component]
fn Question(topic: HelpTopic, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let paragraphs = move || {
        answer(i18n.t(), topic)
            .iter()
            .map(|p| view! { <p>{*p}</p> })
            .collect_view()
    };
    view! {
        <details class="faq" id=topic.anchor() open=open>
            <summary>{move || question(i18n.t(), topic)}</summary>
            <div class="faq-answer">
                {paragraphs}
                <AnswerMore topic />
            </div>
        </details>
    }
}

/// What some answers show after their paragraphs: the page that solves the
/// trouble, the maintenance schedule, or the phone number.
#[component]
fn AnswerMore(topic: HelpTopic) -> impl IntoView {
    match topic {
        HelpTopic::ForgotPassword => view! {
            <p><A href=Page::PasswordReset.path()>{tr(|t| t.forgot_password_link)}</A></p>
        }
        .into_any(),
        HelpTopic::Register => view! {
            <p><A href=Page::Register.path()>{tr(|t| t.register_link)}</A></p>
        }
        .into_any(),
        HelpTopic::Maintenance => view! {
            <MaintenanceSchedule />
            <p>
                {tr(|t| t.maintenance_unscheduled)}
                " "
                <A href=Page::Maintenance.path()>{title_of(Page::Maintenance)}</A>
            </p>
        }
        .into_any(),
        HelpTopic::Suspended => view! { <ContactDetails /> }.into_any(),
        HelpTopic::ForgotPin | HelpTopic::Lock | HelpTopic::HalfWidth | HelpTopic::Case => {
            ().into_any()
        }
    }
}

/// The regular windows of SPEC S3, in the maintenance page's own words, so
/// the times are written once.
#[component]
fn MaintenanceSchedule() -> impl IntoView {
    let i18n = use_i18n();
    let items = |list: &'static [&'static str]| {
        list.iter()
            .map(|item| view! { <li>{*item}</li> })
            .collect_view()
    };
    move || {
        let s: &'static Schedule = i18n.t();
        view! {
            <p class="faq-lead">{s.maintenance_schedule_title}</p>
            <ul>{items(&s.maintenance_schedule)}</ul>
            <p class="faq-lead">{s.repayment_schedule_title}</p>
            <ul>{items(&s.repayment_schedule)}</ul>
        }
    }
}

/// The loan's facts (SPEC S1) as a definition list.
#[component]
fn LoanFacts() -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let t: &'static Texts = i18n.t();
        view! {
            <dt>{t.credit_line}</dt>
            <dd>{t.credit_line_value}</dd>
            <dt>{t.apr}</dt>
            <dd>{t.apr_value}<span class="fact-note">{t.apr_cap}</span></dd>
            <dt>{t.late_rate}</dt>
            <dd>{t.late_rate_value}</dd>
            <dt>{t.repayment_method}</dt>
            <dd>{t.repayment_method_value}</dd>
            <dt>{t.security}</dt>
            <dd>{t.security_value}</dd>
            <dt>{t.interest_free}</dt>
            <dd>{t.interest_free_value}</dd>
        }
    };
    view! {
        <section aria-labelledby="facts-title">
            <h2 id="facts-title">{tr(|t| t.facts_title)}</h2>
            <dl class="facts">{rows}</dl>
        </section>
    }
}

/// The support phone number (a `tel:` link where it has digits to dial)
/// and the hours, both from the configuration's brand.
#[component]
fn ContactDetails() -> impl IntoView {
    let i18n = use_i18n();
    let brand = use_context::<Brand>().unwrap_or_default();
    let phone = brand.support_phone.clone();
    let dial = match brand.support_tel_href() {
        Some(href) => view! { <a href=href class="phone">{phone}</a> }.into_any(),
        None => view! { <span class="phone">{phone}</span> }.into_any(),
    };
    let hours = move || brand.support_hours(i18n.locale()).to_owned();
    view! {
        <dl class="facts">
            <dt>{tr(|t| t.phone)}</dt>
            <dd>{dial}</dd>
            <dt>{tr(|t| t.hours)}</dt>
            <dd>{hours}</dd>
        </dl>
    }
}
