//! `/home` (会員トップ): the member's figures at a glance and the way to every
//! service (SPEC S6).

mod texts;

use crate::components::load_error::loaded;
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{common, use_i18n};
use crate::routes::Page;
use crate::session::member_resource;
use leptos::prelude::*;
use leptos_router::components::A;
use portal_api::AccountSummary;
use portal_domain::clock::to_jst;
use portal_domain::maintenance::{next_window, window_at, Service};
use texts::{tr, Texts};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let summary = member_resource(|backend| backend.call::<portal_api::ops::GetAccountSummary>(()));

    view! {
        <section class="page">
            <PageTitle text=title_of(Page::Home) />
            // Holds the figures' place while they load, so the service
            // links below do not move under a member's finger (style/main.css).
            <div class="home-summary">{loaded(summary, |s| view! { <Figures summary=s /> })}</div>
            <nav aria-labelledby="services-title" class="services">
                <h2 id="services-title">{tr(|t| t.services)}</h2>
                <ul>
                    {move || {
                        let l = i18n.locale();
                        Page::SERVICES
                            .iter()
                            .map(|p| view! { <li><A href=p.path()>{p.link_label(l)}</A></li> })
                            .collect_view()
                    }}
                </ul>
            </nav>
        </section>
    }
}

/// The figures of one summary.
#[component]
fn Figures(summary: AccountSummary) -> impl IntoView {
    let i18n = use_i18n();
    let s = summary;
    move || {
        let t: &Texts = i18n.t();
        let c: &common::Texts = i18n.t();
        let l = i18n.locale();
        let due = s.next_due.as_ref().map(|due| {
            view! {
                <div class="figure"><dt>{c.next_due_date}</dt><dd>{l.date(due.date)}</dd></div>
                <div class="figure"><dt>{t.minimum_due}</dt><dd>{l.yen(due.minimum)}</dd></div>
            }
        });
        let nothing_due = s
            .next_due
            .is_none()
            .then(|| view! { <p class="figure-note">{t.nothing_due}</p> });
        let previous = match s.previous_sign_in {
            Some(at) => l.datetime(to_jst(at)),
            None => t.first_sign_in.to_owned(),
        };
        view! {
            <p class="member-name">{s.member_name.clone()}</p>
            {(s.overdue_days > 0).then(|| view! {
                <div class="notice notice-error" role="alert">{(t.overdue_warning)(s.overdue_days)}</div>
            })}
            <dl class="figures">
                <div class="figure figure-main"><dt>{t.balance}</dt><dd>{l.yen(s.balance)}</dd></div>
                <div class="figure"><dt>{t.credit_line}</dt><dd>{l.yen(s.credit_line)}</dd></div>
                <div class="figure"><dt>{t.available}</dt><dd>{l.yen(s.available)}</dd></div>
                {due}
                <div class="figure"><dt>{t.payoff_today}</dt><dd>{l.yen(s.payoff_today)}</dd></div>
                <div class="figure"><dt>{t.accrued_interest}</dt><dd>{l.yen(s.accrued_interest)}</dd></div>
                {(s.late_charge.0 > 0).then(|| view! {
                    <div class="figure figure-alert"><dt>{c.late_charge}</dt><dd>{l.yen(s.late_charge)}</dd></div>
                })}
                {s.interest_free_days_left.map(|d| view! {
                    <div class="figure"><dt>{t.interest_free_left}</dt><dd>{(c.days)(d)}</dd></div>
                })}
                <div class="figure"><dt>{t.apr}</dt><dd>{format!("{}%", s.apr_percent)}</dd></div>
                {s.points.map(|p| view! {
                    <div class="figure"><dt>{t.points}</dt><dd>{format!("{p} pt")}</dd></div>
                })}
            </dl>
            {nothing_due}
            <p class="previous-sign-in">{format!("{}: {}", t.previous_sign_in, previous)}</p>
            <Notices interest_free_days_left=s.interest_free_days_left line_review=s.line_review />
        }
    }
}

/// Notices for the member (SPEC S6): the next internet-repayment maintenance
/// window within a week, the interest-free days left, and a credit-line
/// request's review status with a link to it.
#[component]
fn Notices(
    interest_free_days_left: Option<u32>,
    line_review: Option<portal_api::ReviewStatus>,
) -> impl IntoView {
    let i18n = use_i18n();
    let clock = crate::maintenance::use_clock();
    move || {
        let (t, l): (&Texts, _) = (i18n.t(), i18n.locale());
        let now = to_jst(clock.0.get_untracked());
        // The window in progress, or else the next one.
        let window = window_at(Service::InternetRepayment, now)
            .unwrap_or_else(|| next_window(Service::InternetRepayment, now));
        let soon = window.start - now <= chrono::Duration::days(7);
        let mut items: Vec<String> = Vec::new();
        if soon {
            items.push((t.notice_repayment_window)(
                &l.datetime(window.start),
                &l.datetime(window.end),
            ));
        }
        if let Some(days) = interest_free_days_left {
            items.push((t.notice_interest_free)(days));
        }
        let review = line_review.map(|s| {
            let c: &common::Texts = i18n.t();
            view! {
                <li><A href=Page::Limit.path()>
                    {(t.notice_line_review)(common::review_status(c, s))}
                </A></li>
            }
        });
        view! {
            <section class="notices" aria-labelledby="notices-title">
                <h2 id="notices-title">{t.notices}</h2>
                {if items.is_empty() && review.is_none() {
                    view! { <p>{t.no_notices}</p> }.into_any()
                } else {
                    view! { <ul>{review}{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        }
    }
}
