//! `/points` (ポイントサービス, SPEC S14): join once (100 points), the
//! balance and history, and the exchange catalogue: points toward a
//! repayment (1 point = 1 yen, booked in the ledger) or goods from 500
//! points. An exchange is reviewed, then confirmed under an
//! `Idempotency-Key` minted when the review opens, so a double click or a
//! retry after a failure never spends twice.

mod texts;

use crate::backend::{fresh_key, use_backend};
use crate::components::field::{Field, FieldKind};
use crate::components::load_error::{failure_text, loaded, reactive_view, FailureNotice};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{use_i18n, Locale};
use crate::routes::Page;
use crate::session::{member_resource, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::ops::{ExchangePoints, GetAccountSummary, GetPoints, JoinPoints};
use portal_api::{
    BackendError, ExchangeError, ExchangeItem, ExchangeReceipt, ExchangeRequest, PointKind,
    PointsStatus,
};
use portal_domain::clock::to_jst;
use portal_domain::money::Yen;
use portal_domain::points::{check_exchange, parse_points, CATALOGUE};
use texts::{tr, Texts};

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Catalogue,
    /// Reviewing an exchange; the key every attempt to confirm it sends.
    Confirm {
        request: ExchangeRequest,
        cost: u32,
        key: String,
    },
    Done(ExchangeReceipt),
}

fn item_name(l: Locale, item: ExchangeItem) -> &'static str {
    l.pick(item.name_ja(), item.name_en())
}

/// Why an exchange cannot be made, in words.
fn refusal_text(t: &Texts, l: Locale, e: ExchangeError) -> String {
    match e {
        ExchangeError::Required => t.refused_required.to_owned(),
        ExchangeError::NotANumber => t.refused_not_number.to_owned(),
        ExchangeError::BelowMinimum { minimum } => (t.refused_minimum)(&(t.points_value)(minimum)),
        ExchangeError::OverOwed { owed } => (t.refused_over_owed)(&l.yen(owed)),
        ExchangeError::NothingOwed => t.refused_nothing_owed.to_owned(),
        ExchangeError::NotJoined => t.refused_not_joined.to_owned(),
        ExchangeError::Insufficient { balance } => {
            (t.refused_insufficient)(&(t.points_value)(balance))
        }
    }
}

#[component]
pub fn PointsPage() -> impl IntoView {
    // The points and today's payoff (the most points can repay) arrive
    // together: the catalogue never checks an exchange against a payoff it
    // does not know yet.
    let status = member_resource(|b| {
        Box::pin(async move {
            let points = b.call::<GetPoints>(()).await?;
            let summary = b.call::<GetAccountSummary>(()).await?;
            Ok((points, summary.payoff_today))
        })
    });
    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Points) />
            <p>{tr(|t| t.intro)}</p>
            {loaded(status, |(s, payoff)| view! { <Points initial=s payoff /> })}
        </section>
    }
}

#[component]
fn Points(initial: PointsStatus, payoff: Yen) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let status = RwSignal::new(initial);
    let payoff = RwSignal::new(payoff);
    let step = RwSignal::new(Step::Catalogue);
    let typed = RwSignal::new(String::new());
    let field_error = RwSignal::new(None::<ExchangeError>);
    let failure = RwSignal::new(None::<String>);
    let news = RwSignal::new(None::<&'static str>);
    let pending = RwSignal::new(false);

    let join = {
        let backend = backend.clone();
        move |_| {
            if pending.get_untracked() {
                return;
            }
            pending.set(true);
            failure.set(None);
            let reply = backend.send::<JoinPoints>(());
            spawn_local(async move {
                let result = reply.await;
                let _ = pending.try_set(false);
                match result {
                    Ok(s) => {
                        let _ = status.try_set(s);
                        let _ = news.try_set(Some(i18n.t::<Texts>().joined));
                        crate::browser::focus_id_when_present("points-balance");
                    }
                    Err(e) if session.absorb(&e) => {}
                    Err(e) => {
                        let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                    }
                }
            });
        }
    };

    // To the review: the rules checked here first, as the lender will.
    let review = move |item: ExchangeItem| {
        failure.set(None);
        news.set(None);
        let balance = status.with_untracked(|s| s.balance);
        let points = match item {
            ExchangeItem::Repayment => match parse_points(&typed.get_untracked()) {
                Ok(p) => Some(p),
                Err(e) => {
                    field_error.set(Some(e));
                    crate::browser::focus_id("points-repayment");
                    return;
                }
            },
            _ => None,
        };
        match check_exchange(balance, item, points, payoff.get()) {
            Ok(cost) => {
                field_error.set(None);
                let Some(key) = fresh_key() else {
                    failure.set(Some(
                        failure_text(i18n.t(), &BackendError::Offline).to_owned(),
                    ));
                    return;
                };
                step.set(Step::Confirm {
                    request: ExchangeRequest { item, points },
                    cost,
                    key,
                });
                crate::browser::focus_id_when_present("points-confirm");
            }
            Err(e) if item == ExchangeItem::Repayment => {
                field_error.set(Some(e));
                crate::browser::focus_id("points-repayment");
            }
            Err(e) => failure.set(Some(refusal_text(i18n.t(), i18n.locale(), e))),
        }
    };

    let confirm = {
        let backend = backend.clone();
        move |_| {
            let Step::Confirm { request, key, .. } = step.get_untracked() else {
                return;
            };
            if pending.get_untracked() {
                return;
            }
            pending.set(true);
            failure.set(None);
            let reply = backend.send_keyed::<ExchangePoints>(request, Some(key));
            let backend = backend.clone();
            spawn_local(async move {
                let result = reply.await;
                let _ = pending.try_set(false);
                match result {
                    Ok(receipt) => {
                        let _ = step.try_set(Step::Done(receipt));
                        let _ = typed.try_set(String::new());
                        if let Ok(s) = backend.send::<GetPoints>(()).await {
                            let _ = status.try_set(s);
                        }
                        if let Ok(s) = backend.send::<GetAccountSummary>(()).await {
                            let _ = payoff.try_set(s.payoff_today);
                        }
                        crate::browser::focus_id_when_present("points-done");
                    }
                    Err(e) if session.absorb(&e) => {}
                    Err(BackendError::ExchangeRefused { refusal }) => {
                        let _ =
                            failure.try_set(Some(refusal_text(i18n.t(), i18n.locale(), refusal)));
                        let _ = step.try_set(Step::Catalogue);
                    }
                    // The answer was lost: the same key again is safe.
                    Err(e) if e.is_transient() => {
                        let _ = failure.try_set(Some(i18n.t::<Texts>().unknown_outcome.to_owned()));
                    }
                    Err(e) => {
                        let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                    }
                }
            });
        }
    };

    let history = move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let entries = status.with(|s| s.history.clone());
        if entries.is_empty() {
            return view! { <p>{t.history_empty}</p> }.into_any();
        }
        view! {
            <table class="points-history">
                <thead><tr><th scope="col">{t.col_date}</th><th scope="col">{t.col_what}</th><th scope="col" class="num">{t.col_points}</th></tr></thead>
                <tbody>
                    {entries.into_iter().map(|e| {
                        let what = match (e.kind, e.item) {
                            (PointKind::JoinBonus, _) => t.kind_join.to_owned(),
                            (PointKind::MonthlyBonus, _) => t.kind_monthly.to_owned(),
                            (PointKind::Exchange, Some(item)) => format!("{}: {}", t.kind_exchange, item_name(l, item)),
                            (PointKind::Exchange, None) => t.kind_exchange.to_owned(),
                        };
                        let sign = if e.points > 0 { "+" } else { "" };
                        view! {
                            <tr>
                                <td>{l.datetime(to_jst(e.at))}</td>
                                <td>{what}</td>
                                <td class="num">{format!("{sign}{}", e.points)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };

    let catalogue = move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let repayment_error = Signal::derive(move || {
            field_error
                .get()
                .map(|e| refusal_text(i18n.t(), i18n.locale(), e))
        });
        view! {
            <h2>{t.catalogue_heading}</h2>
            <ul class="catalogue">
                {CATALOGUE.into_iter().map(|item| match item.price() {
                    None => view! {
                        <li class="card">
                            <h3>{item_name(l, item)}</h3>
                            <p>{t.payoff_today}": "{move || i18n.locale().yen(payoff.get())}</p>
                            <Field
                                id="points-repayment"
                                label=tr(|t| t.repayment_points)
                                hint=tr(|t| t.repayment_hint)
                                value=typed
                                error=repayment_error
                                kind=FieldKind::Text { convert: None }
                                inputmode="numeric"
                                autocomplete="off"
                            />
                            <button type="button" class="primary" on:click=move |_| review(item)>{t.use_for_repayment}</button>
                        </li>
                    }.into_any(),
                    Some(price) => view! {
                        <li class="card">
                            <h3>{item_name(l, item)}</h3>
                            <p>{t.price}": "{(t.points_value)(price)}</p>
                            <button type="button" class="secondary" on:click=move |_| review(item)
                                aria-label=format!("{} {}", item_name(l, item), t.exchange)>{t.exchange}</button>
                        </li>
                    }.into_any(),
                }).collect_view()}
            </ul>
        }
    };

    let review_view = move |request: ExchangeRequest, cost: u32| {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let balance = status.with(|s| s.balance);
        view! {
            <h2 id="points-confirm" tabindex="-1">{t.confirm_heading}</h2>
            <dl class="facts card">
                <div><dt>{t.item}</dt><dd>{item_name(l, request.item)}</dd></div>
                <div><dt>{t.points_used}</dt><dd>{(t.points_value)(cost)}</dd></div>
                <div><dt>{t.balance_after}</dt><dd>{(t.points_value)(balance.saturating_sub(cost))}</dd></div>
            </dl>
            <FailureNotice text=Signal::derive(move || failure.get()) />
            <p class="actions">
                <button type="button" class="primary" aria-disabled=move || pending.get().to_string() on:click=confirm.clone()>
                    {move || if pending.get() { i18n.t::<Texts>().confirming } else { i18n.t::<Texts>().confirm }}
                </button>
                <button type="button" class="secondary" on:click=move |_| { failure.set(None); step.set(Step::Catalogue) }>{t.back}</button>
            </p>
        }
    };

    let receipt_view = move |r: ExchangeReceipt| {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let split = r.repayment.map(|s| {
            view! {
                <div><dt>{t.late_charge}</dt><dd>{l.yen(s.late_charge)}</dd></div>
                <div><dt>{t.interest}</dt><dd>{l.yen(s.interest)}</dd></div>
                <div><dt>{t.principal}</dt><dd>{l.yen(s.principal)}</dd></div>
                <div><dt>{t.balance_after_repayment}</dt><dd>{l.yen(s.balance_after)}</dd></div>
            }
        });
        view! {
            <div class="receipt card" role="status">
                <h2 id="points-done" tabindex="-1">{t.done_heading}</h2>
                <dl class="facts">
                    <div><dt>{t.reception_number}</dt><dd>{r.reception_number.clone()}</dd></div>
                    <div><dt>{t.item}</dt><dd>{item_name(l, r.item)}</dd></div>
                    <div><dt>{t.points_used}</dt><dd>{(t.points_value)(r.points)}</dd></div>
                    <div><dt>{t.balance_after}</dt><dd>{(t.points_value)(r.balance_after)}</dd></div>
                    {split}
                </dl>
            </div>
            <p><button type="button" class="secondary" on:click=move |_| step.set(Step::Catalogue)>{t.to_catalogue}</button></p>
        }
    };

    let body = reactive_view(move || {
        let t: &Texts = i18n.t();
        let s = status.get();
        if !s.joined {
            return view! {
                <h2>{t.join_heading}</h2>
                <ul>{t.join_rules.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ul>
                <FailureNotice text=Signal::derive(move || failure.get()) />
                <button type="button" class="primary" aria-disabled=move || pending.get().to_string() on:click=join.clone()>
                    {move || if pending.get() { i18n.t::<Texts>().joining } else { i18n.t::<Texts>().join }}
                </button>
            }
            .into_any();
        }
        let main = match step.get() {
            Step::Catalogue => view! {
                <FailureNotice text=Signal::derive(move || failure.get()) />
                {catalogue()}
            }
            .into_any(),
            Step::Confirm { request, cost, .. } => review_view(request, cost).into_any(),
            Step::Done(r) => receipt_view(r).into_any(),
        };
        view! {
            {move || news.get().map(|n| view! { <div class="notice" role="status"><p>{n}</p></div> })}
            <p class="figure-main" id="points-balance" tabindex="-1">
                {t.balance}": "<strong>{(t.points_value)(s.balance)}</strong>
            </p>
            {main}
            <h2>{t.history_heading}</h2>
            {history}
        }
        .into_any()
    });
    body
}
