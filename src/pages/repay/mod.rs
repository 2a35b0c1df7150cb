//! `/repay` (インターネット返済, SPEC S9): repay through the member's own bank.
//!
//! The member chooses an amount (one tap for the minimum repayment or the
//! payoff) and their bank, and goes to the bank's page to approve it; the
//! bank sends them back to `/repay?repayment=<id>`, where the result shows
//! how the amount was split. With the fake lender, and with the reference
//! server, the bank is the clearly labelled simulated bank at
//! `/repay?bank=<id>` (the lender names it in `Repayment::bank_url`; a real
//! lender would name its bank's URL). Starting a repayment carries an
//! `Idempotency-Key` kept with the request in this tab
//! (`crate::movement::Draft`), so a double click or a retry starts one.
//! Inside the S3 windows of internet repayment the page says when it can
//! be used again, and the lender refuses too.

mod bank;
mod texts;

use crate::backend::use_backend;
use crate::components::field::AmountField;
use crate::components::institution_picker::{Choice, InstitutionPicker};
use crate::components::load_error::{failure_text, loaded, reactive_view, FailureNotice};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{use_i18n, Locale};
use crate::maintenance::use_clock;
use crate::movement::{confirm, Draft, Outcome};
use crate::read::Read;
use crate::routes::Page;
use crate::session::{member_resource, use_session};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_api::ops::{GetAccountSummary, GetRepayment, StartRepayment};
use portal_api::{
    AccountSummary, BackendError, Repayment, RepaymentLookup, RepaymentQuery, RepaymentRequest,
    RepaymentState,
};
use portal_domain::clock::to_jst;
use portal_domain::maintenance::{window_at, Service};
use portal_domain::money::Yen;
use portal_domain::movement::{parse_repayment, AmountError};
use texts::{tr, Texts};

/// Where this tab keeps the repayment being started.
const DRAFT: &str = "portal.repay-draft";

fn amount_message(t: &Texts, l: Locale, e: AmountError) -> String {
    match e {
        AmountError::Required => t.amount_required.to_owned(),
        AmountError::NotANumber => t.amount_not_number.to_owned(),
        AmountError::BelowMinimum | AmountError::NotInUnits => t.amount_below_minimum.to_owned(),
        AmountError::OverPayoff { payoff } => (t.amount_over)(&l.yen(payoff)),
        AmountError::NothingOwed
        | AmountError::NothingAvailable
        | AmountError::OverAvailable { .. } => t.nothing_owed.to_owned(),
    }
}

/// Sends the browser to another page (the bank, or back from it) as a
/// full navigation, as a real bank's pages would be.
fn leave_for(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}

#[component]
pub fn RepayPage() -> impl IntoView {
    let query = use_query_map();
    // The step follows the address: the bank and its answer come back
    // with a full navigation, but 返済手続きをやり直す on a result is a
    // link within the app, to `/repay` itself.
    let step = Memo::new(move |_| query.with(|q| (q.get("bank"), q.get("repayment"))));
    // Each step brings its own heading, which takes focus as on any
    // navigation.
    let body = reactive_view(move || {
        let step = match step.get() {
            (Some(id), _) => view! { <bank::SimulatedBank id /> }.into_any(),
            (None, Some(id)) => view! { <RepaymentResult id /> }.into_any(),
            (None, None) => view! { <RepayForm /> }.into_any(),
        };
        view! {
            <PageTitle text=title_of(Page::Repay) />
            {step}
        }
        .into_any()
    });
    view! { <section class="page narrow">{body}</section> }
}

/// The amount and the bank.
#[component]
fn RepayForm() -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_clock();
    let summary = member_resource(|b| b.call::<GetAccountSummary>(()));
    // Inside an internet-repayment window the form gives way to when it
    // opens again (SPEC S3); the minute after, it is back.
    let window = Memo::new(move |_| window_at(Service::InternetRepayment, to_jst(clock.0.get())));
    view! {
        <p>{tr(|t| t.intro)}</p>
        {reactive_view(move || match window.get() {
            Some(w) => view! {
                <div class="notice notice-warning" role="alert">
                    {(i18n.t::<Texts>().window_down)(&i18n.locale().datetime(w.end))}
                </div>
            }
            .into_any(),
            None => loaded(summary, |s| view! { <RepayInputs summary=s /> }).into_any(),
        })}
    }
}

#[component]
fn RepayInputs(summary: AccountSummary) -> impl IntoView {
    let i18n = use_i18n();
    let backend = StoredValue::new(use_backend());
    let session = use_session();
    let clock = use_clock();
    let payoff = summary.payoff_today;
    let minimum = summary.next_due.as_ref().map_or(Yen(0), |d| d.minimum);
    let kept = Draft::<RepaymentRequest>::load(DRAFT);
    let amount = RwSignal::new(
        kept.as_ref()
            .map(|d| d.request.amount.0.to_string())
            .unwrap_or_default(),
    );
    let bank = RwSignal::new(
        kept.as_ref()
            .map(|d| (d.request.bank_code.clone(), d.request.bank_name.clone())),
    );
    let initial_bank = kept.as_ref().map(|d| d.request.bank_code.clone());
    let draft = RwSignal::new(kept);
    let amount_error = RwSignal::new(None::<AmountError>);
    let bank_error = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let parsed = parse_repayment(&amount.get_untracked(), payoff);
        amount_error.set(parsed.err());
        bank_error.set(bank.with_untracked(Option::is_none));
        let (Ok(a), Some((code, name))) = (parsed, bank.get_untracked()) else {
            crate::browser::focus_id(if parsed.is_err() {
                "repay-amount"
            } else {
                "repay-bank"
            });
            return;
        };
        let request = RepaymentRequest {
            amount: a,
            bank_code: code,
            bank_name: name,
        };
        // The same request keeps its key; a changed one gets a new key.
        let d = match draft.get_untracked() {
            Some(d) if d.request == request => d,
            _ => match Draft::new(request) {
                Some(d) => d,
                None => {
                    failure.set(Some(
                        failure_text(i18n.t(), &BackendError::Offline).to_owned(),
                    ));
                    return;
                }
            },
        };
        d.save(DRAFT);
        draft.set(Some(d.clone()));
        pending.set(true);
        failure.set(None);
        let backend = backend.get_value().get();
        spawn_local(async move {
            let outcome =
                confirm::<StartRepayment, RepaymentLookup>(&*backend, d.request, &d.key).await;
            let t: &Texts = i18n.t();
            match outcome {
                Outcome::Done(repayment) => {
                    // Off to the bank; the page stays busy until it goes.
                    leave_for(&repayment.bank_url);
                    return;
                }
                Outcome::NotBooked(e) => {
                    let _ = failure.try_set(Some(format!(
                        "{} {}",
                        failure_text(i18n.t(), &e),
                        t.not_booked
                    )));
                }
                Outcome::Unknown(_) => {
                    let _ = failure.try_set(Some(t.unknown.to_owned()));
                }
                // A repayment window (the member service is open): the
                // form gives way to the window's notice by the clock.
                Outcome::Refused(BackendError::Maintenance { .. })
                    if window_at(Service::InternetRepayment, to_jst(clock.0.get_untracked()))
                        .is_some() => {}
                Outcome::Refused(BackendError::Maintenance { until }) => {
                    let _ = failure.try_set(Some((t.window_down)(&i18n.locale().datetime(until))));
                }
                Outcome::Refused(e) if session.absorb(&e) => {}
                Outcome::Refused(BackendError::AmountRefused { reason }) => {
                    Draft::<RepaymentRequest>::clear(DRAFT);
                    let _ = amount_error.try_set(Some(reason));
                }
                Outcome::Refused(e) => {
                    Draft::<RepaymentRequest>::clear(DRAFT);
                    let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                }
            }
            let _ = pending.try_set(false);
        });
    };

    let amount_error_text = Signal::derive(move || {
        amount_error
            .get()
            .map(|e| amount_message(i18n.t(), i18n.locale(), e))
    });
    let fill = move |value: Yen| {
        amount.set(value.0.to_string());
        amount_error.set(None);
    };

    if payoff.0 <= 0 {
        return view! { <p class="notice">{tr(|t| t.nothing_owed)}</p> }.into_any();
    }
    let on_pick = Callback::new(move |i: Choice| {
        bank.set(Some((i.code, i.name)));
        bank_error.set(false);
    });
    let on_clear = Callback::new(move |()| bank.set(None));
    // After a reload the kept request's bank shows as chosen.
    let picker = view! { <InstitutionPicker on_pick on_clear initial_code=initial_bank /> };
    let yen = move |amount: Yen| move || i18n.locale().yen(amount);
    view! {
        <dl class="figures">
            <div class="figure"><dt>{tr(|t| t.minimum)}</dt><dd>{yen(minimum)}</dd></div>
            <div class="figure"><dt>{tr(|t| t.payoff)}</dt><dd>{yen(payoff)}</dd></div>
        </dl>
        <FailureNotice text=failure />
        <form novalidate on:submit=on_submit>
            <AmountField
                id="repay-amount"
                label=tr(|t| t.amount)
                hint=tr(|t| t.amount_hint)
                value=amount
                error=amount_error_text
            />
            <div class="actions" role="group" aria-label=tr(|t| t.quick_amounts)>
                <button type="button" class="secondary" prop:disabled=minimum.0 <= 0 on:click=move |_| fill(minimum)>{tr(|t| t.use_minimum)}</button>
                <button type="button" class="secondary" on:click=move |_| fill(payoff)>{tr(|t| t.use_payoff)}</button>
            </div>
            <section aria-labelledby="repay-bank-title" class="field" id="repay-bank" tabindex="-1">
                <h2 id="repay-bank-title">{tr(|t| t.bank_heading)}</h2>
                {picker}
                {move || bank_error.get().then(|| view! { <p class="field-error" role="alert">{tr(|t| t.choose_bank)}</p> })}
            </section>
            <button type="submit" class="primary" prop:disabled=move || pending.get() aria-describedby="repay-status">{tr(|t| t.proceed)}</button>
            <p id="repay-status" role="status">{move || pending.get().then(|| i18n.t::<Texts>().proceeding)}</p>
        </form>
    }
    .into_any()
}

/// The repayment after the member's bank answered.
#[component]
fn RepaymentResult(id: String) -> impl IntoView {
    let backend = use_backend();
    let repayment = Read::new(move || {
        let backend = backend.get();
        let id = id.clone();
        async move { backend.call::<GetRepayment>(RepaymentQuery { id }).await }
    });
    loaded(repayment, |r: Repayment| {
        if r.state != RepaymentState::AtBank {
            Draft::<RepaymentRequest>::clear(DRAFT);
        }
        view! { <ResultView repayment=r /> }
    })
}

#[component]
fn ResultView(repayment: Repayment) -> impl IntoView {
    let i18n = use_i18n();
    let r = repayment;
    reactive_view(move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let links = view! {
            <ul class="help-links">
                <li><A href=Page::Home.path()>{t.to_home}</A></li>
                <li><A href=Page::History.path()>{t.to_history}</A></li>
            </ul>
        };
        match (r.state, r.split) {
            (RepaymentState::Completed, Some(split)) => view! {
                <section aria-labelledby="repay-done-title" class="receipt">
                    <h2 id="repay-done-title">{t.done_heading}</h2>
                    <dl class="figures">
                        <div class="figure figure-main"><dt>{t.reception_number}</dt><dd>{r.reception_number.clone()}</dd></div>
                        <div class="figure"><dt>{t.paid}</dt><dd>{l.yen(r.amount)}</dd></div>
                        <div class="figure"><dt>{t.late_charge}</dt><dd>{l.yen(split.late_charge)}</dd></div>
                        <div class="figure"><dt>{t.interest}</dt><dd>{l.yen(split.interest)}</dd></div>
                        <div class="figure"><dt>{t.principal}</dt><dd>{l.yen(split.principal)}</dd></div>
                        <div class="figure figure-main"><dt>{t.balance_after}</dt><dd>{l.yen(split.balance_after)}</dd></div>
                        <div class="figure"><dt>{t.bank_used}</dt><dd>{r.bank_name.clone()}</dd></div>
                    </dl>
                    <p>{t.mail_sent}</p>
                    {links}
                </section>
            }
            .into_any(),
            (RepaymentState::AtBank, _) => view! {
                <div class="notice" role="status"><p>{t.at_bank}</p></div>
                <a class="button primary" href=r.bank_url.clone()>{t.continue_at_bank}</a>
                {links}
            }
            .into_any(),
            (state, _) => view! {
                <div class="notice notice-error" role="alert">
                    <p>{if state == RepaymentState::Cancelled { t.cancelled } else { t.failed }}</p>
                </div>
                <a class="button primary" href=Page::Repay.path()>{t.again}</a>
                {links}
            }
            .into_any(),
        }
    })
}
