//! `/simulator`: the public repayment simulator (SPEC S15). Every figure
//! comes from `portal_domain::schedule`; this page only parses what is
//! typed, shows problems next to their fields and lays the result out.

use crate::components::balance_chart::BalanceChart;
use crate::components::field::{Field, FieldKind};
use crate::components::page_title::{title_of, PageTitle};
mod texts;

use crate::i18n::{use_i18n, Locale};
use crate::maintenance::use_clock;
use crate::routes::Page;
use leptos::ev;
use leptos::prelude::*;
use portal_domain::clock::to_jst;
use portal_domain::money::Yen;
use portal_domain::rate::parse_product_apr;
use portal_domain::schedule::{
    default_monthly_payment, parse_months, parse_yen_amount, simulate, Plan, Schedule,
    ScheduleError,
};
use texts::{tr, Texts};

/// Which input drives the calculation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    ByPayment,
    ByMonths,
}

/// A problem with one of the simulator's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    AmountNotNumber,
    AmountRange,
    Apr,
    PaymentNotNumber,
    PaymentBelowMinimum(Yen),
    NeverCovers(Yen),
    MonthsNotNumber,
    MonthsRange,
    TooLong,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SimField {
    Amount,
    Apr,
    Payment,
    Months,
}

impl Problem {
    fn field(self) -> SimField {
        match self {
            Problem::AmountNotNumber | Problem::AmountRange => SimField::Amount,
            Problem::Apr => SimField::Apr,
            Problem::PaymentNotNumber
            | Problem::PaymentBelowMinimum(_)
            | Problem::NeverCovers(_)
            | Problem::TooLong => SimField::Payment,
            Problem::MonthsNotNumber | Problem::MonthsRange => SimField::Months,
        }
    }

    fn message(self, t: &Texts, l: Locale) -> String {
        match self {
            Problem::AmountNotNumber => (t.sim_number_error)(t.sim_amount),
            Problem::AmountRange => t.sim_amount_range_error.to_owned(),
            Problem::Apr => t.sim_apr_error.to_owned(),
            Problem::PaymentNotNumber => (t.sim_number_error)(t.sim_payment),
            Problem::PaymentBelowMinimum(min) => (t.sim_payment_below_minimum)(&l.yen(min)),
            Problem::NeverCovers(interest) => (t.sim_never_covers)(&l.yen(interest)),
            Problem::MonthsNotNumber => (t.sim_number_error)(t.sim_months),
            Problem::MonthsRange => t.sim_months_range_error.to_owned(),
            Problem::TooLong => t.sim_too_long_error.to_owned(),
        }
    }
}

/// What the member typed, parsed and run through the domain's engine.
fn calculate(
    amount: &str,
    apr: &str,
    mode: Mode,
    payment: &str,
    months: &str,
    start: chrono::NaiveDate,
) -> Result<Schedule, Vec<Problem>> {
    let mut problems = Vec::new();
    let amount = parse_yen_amount(amount)
        .map_err(|_| problems.push(Problem::AmountNotNumber))
        .ok();
    let apr = parse_product_apr(apr)
        .map_err(|_| problems.push(Problem::Apr))
        .ok();
    let plan = match mode {
        Mode::ByPayment => parse_yen_amount(payment)
            .map(Plan::MonthlyPayment)
            .map_err(|_| problems.push(Problem::PaymentNotNumber))
            .ok(),
        Mode::ByMonths => parse_months(months)
            .map(Plan::Months)
            .map_err(|_| problems.push(Problem::MonthsNotNumber))
            .ok(),
    };
    let (Some(amount), Some(apr), Some(plan)) = (amount, apr, plan) else {
        return Err(problems);
    };
    simulate(amount, apr, plan, start).map_err(|e| {
        vec![match e {
            ScheduleError::AmountOutOfRange => Problem::AmountRange,
            ScheduleError::PaymentBelowMinimum { minimum } => Problem::PaymentBelowMinimum(minimum),
            ScheduleError::PaymentNeverCoversInterest { first_interest } => {
                Problem::NeverCovers(first_interest)
            }
            ScheduleError::TooManyMonths => Problem::TooLong,
            ScheduleError::MonthsOutOfRange => Problem::MonthsRange,
        }]
    })
}

#[component]
pub fn SimulatorPage() -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_clock();
    let amount = RwSignal::new("100,000".to_owned());
    let apr = RwSignal::new("17.8".to_owned());
    let mode = RwSignal::new(Mode::ByPayment);
    let payment = RwSignal::new(String::new());
    let payment_edited = RwSignal::new(false);
    let months = RwSignal::new("12".to_owned());

    // Until the member types a payment, it follows the minimum repayment
    // for the amount (SPEC S19).
    Effect::new(move |_| {
        if let Ok(a) = parse_yen_amount(&amount.get()) {
            if !payment_edited.get_untracked() {
                payment.set(group(default_monthly_payment(a).0));
            }
        }
    });

    let result = Memo::new(move |_| {
        let start = to_jst(clock.0.get_untracked()).date();
        calculate(
            &amount.get(),
            &apr.get(),
            mode.get(),
            &payment.get(),
            &months.get(),
            start,
        )
    });
    let error_for = move |f: SimField| {
        Signal::derive(move || {
            let (t, l): (&Texts, _) = (i18n.t(), i18n.locale());
            result.with(|r| match r {
                Err(problems) => problems
                    .iter()
                    .find(|p| p.field() == f)
                    .map(|p| p.message(t, l)),
                Ok(_) => None,
            })
        })
    };
    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        // Results follow the inputs already; the button brings the member
        // to the first problem or to the result.
        let target = match result.get_untracked() {
            Err(problems) => match problems.first().map(|p| p.field()) {
                Some(SimField::Amount) => "sim-amount",
                Some(SimField::Apr) => "sim-apr",
                Some(SimField::Payment) => "sim-payment",
                Some(SimField::Months) | None => "sim-months",
            },
            Ok(_) => "sim-result",
        };
        crate::browser::focus_id(target);
    };
    let radio = move |value: Mode, label: fn(&'static Texts) -> &'static str| {
        view! {
            <label>
                <input
                    type="radio"
                    name="sim-mode"
                    prop:checked=move || mode.get() == value
                    on:change=move |_| mode.set(value)
                />
                {tr(label)}
            </label>
        }
    };

    view! {
        <section class="page">
            <PageTitle text=title_of(Page::Simulator) />
            <p>{tr(|t| t.sim_intro)}</p>
            <form novalidate on:submit=on_submit>
                <Field id="sim-amount" label=tr(|t| t.sim_amount) hint=tr(|t| t.sim_amount_hint)
                    value=amount error=error_for(SimField::Amount)
                    kind=FieldKind::Text { convert: None } inputmode="numeric" />
                <Field id="sim-apr" label=tr(|t| t.sim_apr) hint=tr(|t| t.sim_apr_hint)
                    value=apr error=error_for(SimField::Apr)
                    kind=FieldKind::Text { convert: None } inputmode="decimal" />
                <fieldset class="mode">
                    <legend>{tr(|t| t.sim_mode)}</legend>
                    {radio(Mode::ByPayment, |t| t.sim_by_payment)}
                    {radio(Mode::ByMonths, |t| t.sim_by_months)}
                </fieldset>
                <Field id="sim-payment" label=tr(|t| t.sim_payment) hint=tr(|t| t.sim_payment_hint)
                    value=payment error=error_for(SimField::Payment)
                    kind=FieldKind::Text { convert: None } inputmode="numeric"
                    on_edit=Callback::new(move |_| { payment_edited.set(true); mode.set(Mode::ByPayment); }) />
                <Field id="sim-months" label=tr(|t| t.sim_months) hint=tr(|t| t.sim_months_hint)
                    value=months error=error_for(SimField::Months)
                    kind=FieldKind::Text { convert: None } inputmode="numeric"
                    on_edit=Callback::new(move |_| mode.set(Mode::ByMonths)) />
                <button type="submit" class="primary">{tr(|t| t.sim_calculate)}</button>
            </form>
            <section aria-labelledby="sim-result" aria-live="polite">
                <h2 id="sim-result" tabindex="-1">{tr(|t| t.sim_result)}</h2>
                {move || result.get().ok().map(|s| view! { <ScheduleView schedule=s /> })}
            </section>
            <p class="example">{tr(|t| t.sim_worked_example)}</p>
            <p class="hint">{tr(|t| t.sim_note)}</p>
        </section>
    }
}

/// The totals, the chart and the month-by-month table of one schedule.
#[component]
fn ScheduleView(schedule: Schedule) -> impl IntoView {
    let i18n = use_i18n();
    let amount = schedule
        .rows
        .first()
        .map(|r| r.balance_after.0 + r.principal.0)
        .unwrap_or(0);
    let balances: Vec<i64> = std::iter::once(amount)
        .chain(schedule.rows.iter().map(|r| r.balance_after.0))
        .collect();
    let count = schedule.payments();
    let totals = schedule.clone();
    let summary = move || {
        let (t, l): (&Texts, _) = (i18n.t(), i18n.locale());
        view! {
            <dl class="figures">
                <div class="figure"><dt>{t.sim_payments}</dt><dd>{(t.sim_count)(count)}</dd></div>
                <div class="figure"><dt>{t.sim_monthly}</dt><dd>{l.yen(totals.monthly_payment)}</dd></div>
                <div class="figure"><dt>{t.sim_total_interest}</dt><dd>{l.yen(totals.total_interest)}</dd></div>
                <div class="figure"><dt>{t.sim_total_paid}</dt><dd>{l.yen(totals.total_paid)}</dd></div>
            </dl>
        }
    };
    let rows = schedule.rows;
    let table = move || {
        let (t, l): (&Texts, _) = (i18n.t(), i18n.locale());
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="schedule-caption">
                <table class="schedule">
                    <caption id="schedule-caption">{t.sim_schedule}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.sim_col_number}</th>
                            <th scope="col">{t.sim_col_date}</th>
                            <th scope="col">{t.sim_col_payment}</th>
                            <th scope="col">{t.sim_col_interest}</th>
                            <th scope="col">{t.sim_col_principal}</th>
                            <th scope="col">{t.sim_col_balance}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <th scope="row">{r.number}</th>
                                        <td>{l.date(r.date)}</td>
                                        <td>{l.yen(r.payment)}</td>
                                        <td>{l.yen(r.interest)}</td>
                                        <td>{l.yen(r.principal)}</td>
                                        <td>{l.yen(r.balance_after)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    let start_label = Signal::derive(move || i18n.locale().yen(Yen(amount)));
    let end_label = Signal::derive(move || (i18n.t::<Texts>().sim_count)(count));
    view! {
        {summary}
        <BalanceChart balances title=tr(|t| t.sim_chart) start_label end_label />
        {table}
    }
}

/// 4000 → "4,000": how the default payment appears in its field.
fn group(n: i64) -> String {
    let plain = Yen(n).format_ja();
    plain.trim_end_matches('円').to_owned()
}
