//! `/transfer` (インターネット振込, SPEC S8): borrow by transfer to the
//! member's own bank account.
//!
//! Three steps: the amount (with the payee account; a member without one
//! registers it first at `/settings/payee-account`, which brings them
//! back), the confirmation screen (which says when the money
//! arrives before the member confirms), and the receipt. The confirmation
//! screen's `Idempotency-Key` is minted when it opens and kept with the
//! amount in this tab (`crate::movement::Draft`), so a double click, a
//! retry or a reload of that screen books one transfer.

pub(crate) mod payee_form;
mod texts;

use crate::backend::use_backend;
use crate::components::field::AmountField;
use crate::components::load_error::{failure_text, loaded, reactive_view, FailureNotice};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{use_i18n, Locale};
use crate::movement::{booked, confirm, Draft, Outcome};
use crate::routes::{Page, SettingsSection};
use crate::session::{member_resource, use_session};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Redirect, A};
use payee_form::PayeeSummary;
use portal_api::ops::{GetAccountSummary, GetPayeeAccount, QuoteTransfer, Transfer};
use portal_api::{
    Arrival, BackendError, Booked, PayeeAccount, TransferLookup, TransferQuote, TransferReceipt,
    TransferRequest,
};
use portal_domain::clock::to_jst;
use portal_domain::money::Yen;
use portal_domain::movement::{parse_transfer, AmountError};
use texts::{tr, Texts};

/// Where this tab keeps the transfer being confirmed.
const DRAFT: &str = "portal.transfer-draft";

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Amount,
    Confirm(TransferQuote),
    Done(TransferReceipt),
}

/// The message for a refused amount.
fn amount_message(t: &Texts, l: Locale, e: AmountError) -> String {
    match e {
        AmountError::Required => t.amount_required.to_owned(),
        AmountError::NotANumber => t.amount_not_number.to_owned(),
        AmountError::BelowMinimum => t.amount_below_minimum.to_owned(),
        AmountError::NotInUnits => t.amount_units.to_owned(),
        AmountError::OverAvailable { available } => (t.amount_over)(&l.yen(available)),
        AmountError::NothingAvailable
        | AmountError::NothingOwed
        | AmountError::OverPayoff { .. } => t.nothing_available.to_owned(),
    }
}

#[component]
pub fn TransferPage() -> impl IntoView {
    // The payee account and the figures arrive together, as one read: the
    // page needs both before it shows anything.
    let read = member_resource(|b| {
        Box::pin(async move {
            let payee = b.call::<GetPayeeAccount>(()).await?;
            let summary = b.call::<GetAccountSummary>(()).await?;
            Ok((payee, summary))
        })
    });
    let step = RwSignal::new(Step::Amount);
    let amount = RwSignal::new(String::new());

    // A member with no payee account registers one first, on the settings
    // page that registers and changes it (as the member service does:
    // 振込先口座登録・変更, then インターネット振込), which brings them back
    // here. The redirect replaces this entry, so Back does not bounce.
    let content = loaded(read, move |(p, s)| match p.account {
        Some(account) => {
            view! { <TransferSteps account available=s.available step amount /> }.into_any()
        }
        None => view! {
            <p class="notice">{tr(|t| t.no_payee)}</p>
            <Redirect path=payee_registration_path() options=crate::app::replace() />
        }
        .into_any(),
    });

    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Transfer) />
            <p>{tr(|t| t.intro)}</p>
            {content}
        </section>
    }
}

/// Where the payee account is registered or changed for a transfer: the
/// settings section, told to come back here when it is done.
fn payee_registration_path() -> String {
    SettingsSection::PayeeAccount.path_returning_to(Page::Transfer)
}

fn arrival_text(t: &Texts, l: Locale, a: Arrival) -> String {
    match a {
        Arrival::WithinSeconds => t.arrival_now.to_owned(),
        Arrival::BusinessDayMorning { date } => (t.arrival_morning)(&l.date(date)),
    }
}

#[component]
fn TransferSteps(
    account: PayeeAccount,
    available: Yen,
    step: RwSignal<Step>,
    amount: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let backend = StoredValue::new(use_backend());
    let session = use_session();
    let amount_error = RwSignal::new(None::<AmountError>);
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let draft = RwSignal::new(None::<Draft<TransferRequest>>);

    // To the confirmation screen: the lender quotes what the transfer would
    // do, and the screen gets its key.
    let to_confirm = Callback::new(
        move |(request, key): (TransferRequest, Option<Draft<TransferRequest>>)| {
            pending.set(true);
            failure.set(None);
            let backend = backend.get_value().get();
            spawn_local(async move {
                let result = backend.call::<QuoteTransfer>(request).await;
                let _ = pending.try_set(false);
                match result {
                    Ok(quote) => {
                        let Some(d) = key.or_else(|| Draft::new(request)) else {
                            let _ = failure.try_set(Some(
                                failure_text(i18n.t(), &BackendError::Offline).to_owned(),
                            ));
                            return;
                        };
                        d.save(DRAFT);
                        let _ = draft.try_set(Some(d));
                        let _ = step.try_set(Step::Confirm(quote));
                        crate::browser::focus_id_when_present("transfer-confirm-title");
                    }
                    Err(BackendError::AmountRefused { reason }) => {
                        let _ = amount_error.try_set(Some(reason));
                        Draft::<TransferRequest>::clear(DRAFT);
                        crate::browser::focus_id("transfer-amount");
                    }
                    Err(e) if session.absorb(&e) => {}
                    Err(e) => {
                        let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                    }
                }
            });
        },
    );

    // A reload on the confirmation screen: the kept draft and its key. If
    // the transfer was booked already, its receipt; else the same screen.
    if let Some(kept) = Draft::<TransferRequest>::load(DRAFT) {
        amount.set(kept.request.amount.0.to_string());
        let backend = backend.get_value().get();
        spawn_local(async move {
            match booked::<TransferLookup>(&*backend, &kept.key).await {
                Ok(Booked::Mine(receipt)) => {
                    Draft::<TransferRequest>::clear(DRAFT);
                    let _ = step.try_set(Step::Done(receipt));
                }
                _ => to_confirm.run((kept.request, Some(kept))),
            }
        });
    }

    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match parse_transfer(&amount.get_untracked(), available) {
            Ok(a) => {
                amount_error.set(None);
                to_confirm.run((TransferRequest { amount: a }, None));
            }
            Err(e) => {
                amount_error.set(Some(e));
                crate::browser::focus_id("transfer-amount");
            }
        }
    };

    let on_confirm = Callback::new(move |()| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);
        let backend = backend.get_value().get();
        spawn_local(async move {
            let outcome = confirm::<Transfer, TransferLookup>(&*backend, d.request, &d.key).await;
            let _ = pending.try_set(false);
            let t: &Texts = i18n.t();
            match outcome {
                Outcome::Done(receipt) => {
                    Draft::<TransferRequest>::clear(DRAFT);
                    let _ = step.try_set(Step::Done(receipt));
                    crate::browser::focus_id_when_present("transfer-receipt-title");
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
                Outcome::Refused(e) if session.absorb(&e) => {}
                Outcome::Refused(BackendError::AmountRefused { reason }) => {
                    Draft::<TransferRequest>::clear(DRAFT);
                    let _ = amount_error.try_set(Some(reason));
                    let _ = step.try_set(Step::Amount);
                }
                Outcome::Refused(BackendError::IdempotencyConflict) => {
                    Draft::<TransferRequest>::clear(DRAFT);
                    let _ = failure.try_set(Some(t.changed.to_owned()));
                    let _ = step.try_set(Step::Amount);
                }
                Outcome::Refused(e) => {
                    let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                }
            }
        });
    });

    let back_to_amount = move |_| {
        Draft::<TransferRequest>::clear(DRAFT);
        draft.set(None);
        failure.set(None);
        step.set(Step::Amount);
        crate::browser::focus_id_when_present("transfer-amount");
    };

    let account = StoredValue::new(account);
    let amount_form = move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let error = Signal::derive(move || {
            amount_error
                .get()
                .map(|e| amount_message(i18n.t(), i18n.locale(), e))
        });
        view! {
                <section aria-labelledby="payee-title" class="card">
                    <h2 id="payee-title">{t.payee_heading}</h2>
                    <PayeeSummary account=account.get_value() />
                    <p><a class="button secondary" href=payee_registration_path()>{t.change_payee}</a></p>
                </section>
                <p class="figure-line">{format!("{}: {}", t.available, l.yen(available))}</p>
                <form novalidate on:submit=on_submit>
                    <AmountField
                        id="transfer-amount"
                        label=tr(|t| t.amount)
                        hint=tr(|t| t.amount_hint)
                        value=amount
                        error=error
                    />
                    <button type="submit" class="primary" prop:disabled=move || pending.get()>{t.to_confirm}</button>
                </form>
            }
            .into_any()
    };

    let body = reactive_view(move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        match step.get() {
            Step::Amount => amount_form().into_any(),
            Step::Confirm(q) => {
                let late = matches!(q.arrival, Arrival::BusinessDayMorning { .. });
                view! {
                    <section aria-labelledby="transfer-confirm-title">
                        <h2 id="transfer-confirm-title" tabindex="-1">{t.confirm_heading}</h2>
                        <p>{t.confirm_intro}</p>
                        <dl class="figures">
                            <div class="figure figure-main"><dt>{t.amount}</dt><dd>{l.yen(q.amount)}</dd></div>
                            <div class="figure"><dt>{t.arrival}</dt><dd>{arrival_text(t, l, q.arrival)}</dd></div>
                            <div class="figure"><dt>{t.balance_after}</dt><dd>{l.yen(q.balance_after)}</dd></div>
                            <div class="figure"><dt>{t.available_after}</dt><dd>{l.yen(q.available_after)}</dd></div>
                        </dl>
                        {late.then(|| view! { <p class="notice">{t.arrival_morning_why}</p> })}
                        <h3>{t.payee_heading}</h3>
                        <PayeeSummary account=q.payee.clone() />
                        <div class="actions">
                            <button type="button" class="primary" on:click=move |_| on_confirm.run(()) prop:disabled=move || pending.get()
                                aria-describedby="transfer-status">{t.confirm}</button>
                            <button type="button" class="secondary" on:click=back_to_amount prop:disabled=move || pending.get()>{t.edit}</button>
                        </div>
                        <p id="transfer-status" role="status">{move || pending.get().then(|| i18n.t::<Texts>().sending)}</p>
                    </section>
                }
                .into_any()
            }
            Step::Done(r) => view! {
                <section aria-labelledby="transfer-receipt-title" class="receipt">
                    <h2 id="transfer-receipt-title" tabindex="-1">{t.receipt_heading}</h2>
                    <dl class="figures">
                        <div class="figure figure-main"><dt>{t.reception_number}</dt><dd>{r.reception_number.clone()}</dd></div>
                        <div class="figure"><dt>{t.accepted_at}</dt><dd>{l.datetime(to_jst(r.accepted_at))}</dd></div>
                        <div class="figure"><dt>{t.amount}</dt><dd>{l.yen(r.amount)}</dd></div>
                        <div class="figure"><dt>{t.arrival}</dt><dd>{arrival_text(t, l, r.arrival)}</dd></div>
                        <div class="figure"><dt>{t.balance_after}</dt><dd>{l.yen(r.balance_after)}</dd></div>
                        <div class="figure"><dt>{t.available_after}</dt><dd>{l.yen(r.available_after)}</dd></div>
                    </dl>
                    <h3>{t.payee_heading}</h3>
                    <PayeeSummary account=r.payee.clone() />
                    <p>{t.mail_sent}</p>
                    <button type="button" class="secondary" on:click=move |_| {
                        amount.set(String::new());
                        step.set(Step::Amount);
                        crate::browser::focus_id_when_present("transfer-amount");
                    }>{t.new_transfer}</button>
                    <ul class="help-links">
                        <li><A href=Page::Home.path()>{t.to_home}</A></li>
                        <li><A href=Page::History.path()>{t.to_history}</A></li>
                    </ul>
                </section>
            }
            .into_any(),
        }
    });
    view! { <FailureNotice text=failure /> {body} }
}
