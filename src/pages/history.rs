//! `/history` (取引履歴): every borrowing and repayment with its parts,
//! filtered by period and type, paged, downloadable as CSV and printable as
//! a Web明細 statement (SPEC S7).

use crate::browser;
use crate::components::page_title::PageTitle;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::maintenance::use_clock;
use crate::session::{member_resource, use_session};
use crate::statement::{channel_name, filter, kind_name, to_csv, Period};
use leptos::prelude::*;
use portal_api::{AccountSummary, EntryKind, HistoryEntry, RepaidBorrowing};
use portal_domain::clock::to_jst;

/// Rows per page: enough to scan a year of monthly entries at once, few
/// enough that a member with 10,000 entries still gets an instant page.
const PAGE_SIZE: usize = 50;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let history = member_resource(|backend, token| backend.history(token));
    let summary = member_resource(|backend, token| backend.account_summary(token));
    let repaid = member_resource(|backend, token| backend.repaid_borrowings(token));
    let retry = move |_| {
        history.refetch();
        summary.refetch();
        repaid.refetch();
    };
    let content = move || {
        Suspend::new(async move {
            match (history.await, summary.await, repaid.await) {
                (Ok(entries), Ok(summary), Ok(repaid)) => view! {
                    <DueFigures summary />
                    <HistoryView entries />
                    <RepaidBorrowings repaid />
                }
                .into_any(),
                _ => view! {
                    <div class="notice notice-error" role="alert">
                        <p>{tr(|t| t.server_error)}</p>
                        <button type="button" class="secondary" on:click=retry>{tr(|t| t.reload)}</button>
                    </div>
                }
                .into_any(),
            }
        })
    };
    view! {
        <section class="page">
            <PageTitle text=tr(|t| t.history_title) />
            <Transition fallback=move || view! { <p class="loading" role="status">{tr(|t| t.loading)}</p> }>
                {content}
            </Transition>
        </section>
    }
}

/// The next due date and the interest that repaying on it would include
/// (SPEC S7), both as the lender computed them.
#[component]
fn DueFigures(summary: AccountSummary) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (t, l) = (i18n.t(), i18n.locale());
        summary.next_due.as_ref().map(|due| {
            view! {
                <dl class="figures no-print">
                    <div class="figure"><dt>{t.next_due_date}</dt><dd>{l.date(due.date)}</dd></div>
                    {summary.interest_to_next_due.map(|i| view! {
                        <div class="figure"><dt>{t.interest_to_next_due}</dt><dd>{l.yen(i)}</dd></div>
                    })}
                </dl>
            }
        })
    }
}

/// Past borrowings repaid in full and how many days each took (SPEC S7).
#[component]
fn RepaidBorrowings(repaid: Vec<RepaidBorrowing>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (t, l) = (i18n.t(), i18n.locale());
        let body = if repaid.is_empty() {
            view! { <p>{t.no_repaid}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="repaid-title">
                    <table class="schedule">
                        <thead>
                            <tr>
                                <th scope="col">{t.col_borrowed_on}</th>
                                <th scope="col">{t.col_amount}</th>
                                <th scope="col">{t.col_repaid_on}</th>
                                <th scope="col">{t.col_days_to_repay}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {repaid
                                .iter()
                                .map(|r| view! {
                                    <tr>
                                        <td>{l.date(to_jst(r.borrowed_at).date())}</td>
                                        <td>{l.yen(r.amount)}</td>
                                        <td>{l.date(r.repaid_on)}</td>
                                        <td>{(t.days)(r.days)}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        };
        view! {
            <section class="repaid no-print" aria-labelledby="repaid-title">
                <h2 id="repaid-title">{t.repaid_title}</h2>
                <p class="hint">{t.repaid_intro}</p>
                {body}
            </section>
        }
    }
}

/// The filters, the table and its pages for one load of the history. Public
/// so the benchmark can mount it with generated entries.
#[component]
pub fn HistoryView(entries: Vec<HistoryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_clock();
    let session = use_session();
    let entries = StoredValue::new(entries);
    let period_choice = RwSignal::new("3".to_owned());
    let custom_from = RwSignal::new(String::new());
    let custom_to = RwSignal::new(String::new());
    let kind_choice = RwSignal::new("all".to_owned());
    let page = RwSignal::new(0usize);

    let period = Memo::new(move |_| match period_choice.get().as_str() {
        "month" => Period::ThisMonth,
        "custom" => Period::Custom(
            chrono::NaiveDate::parse_from_str(&custom_from.get(), "%Y-%m-%d").ok(),
            chrono::NaiveDate::parse_from_str(&custom_to.get(), "%Y-%m-%d").ok(),
        ),
        n => Period::Months(n.parse().unwrap_or(3)),
    });
    let kind = Memo::new(move |_| match kind_choice.get().as_str() {
        "borrowing" => Some(EntryKind::Borrowing),
        "repayment" => Some(EntryKind::Repayment),
        _ => None,
    });
    // Indices of the matching entries: one pass per filter change; pages
    // then render only their own rows.
    let matching = Memo::new(move |_| {
        let today = to_jst(clock.0.get_untracked()).date();
        let (p, k) = (period.get(), kind.get());
        entries.with_value(|all| filter(all, p, k, today))
    });
    Effect::new(move |_| {
        matching.track();
        page.set(0);
    });
    let pages = move || matching.with(|m| m.len().div_ceil(PAGE_SIZE).max(1));

    let download = move |_| {
        let t = i18n.t();
        let csv = entries.with_value(|all| {
            let rows: Vec<&HistoryEntry> =
                matching.with_untracked(|m| m.iter().filter_map(|&i| all.get(i)).collect());
            to_csv(&rows, t)
        });
        let today = to_jst(clock.0.get_untracked()).date();
        browser::download_text(
            &format!("history-{today}.csv"),
            "text/csv;charset=utf-8",
            &csv,
        );
    };

    let rows = move || {
        let (t, l) = (i18n.t(), i18n.locale());
        let start = page.get() * PAGE_SIZE;
        matching.with(|m| {
            entries.with_value(|all| {
                m.iter()
                    .skip(start)
                    .take(PAGE_SIZE)
                    .filter_map(|&i| all.get(i))
                    .map(|e| {
                        let dash = || "—".to_owned();
                        let repayment = e.kind == EntryKind::Repayment;
                        view! {
                            <tr>
                                <td>{l.datetime(to_jst(e.at))}</td>
                                <td>{kind_name(t, e.kind)}</td>
                                <td>{channel_name(t, e.channel)}</td>
                                <td>{l.yen(e.amount)}</td>
                                <td>{if repayment { l.yen(e.interest) } else { dash() }}</td>
                                <td>{if repayment { l.yen(e.principal) } else { dash() }}</td>
                                <td>{if repayment { l.yen(e.late_charge) } else { dash() }}</td>
                                <td>{l.yen(e.balance_after)}</td>
                                <td>{(t.days)(e.days)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let showing = tr_with(move |t, _| {
        let total = matching.with(Vec::len);
        let from = (page.get() * PAGE_SIZE + 1).min(total);
        let to = ((page.get() + 1) * PAGE_SIZE).min(total);
        (t.showing)(total, from, to)
    });
    let statement_period = tr_with(move |t, l| {
        let today = to_jst(clock.0.get_untracked()).date();
        let (from, to) = period.get().range(today);
        let show = |d: Option<chrono::NaiveDate>| d.map(|d| l.date(d)).unwrap_or_default();
        (t.statement_period)(&show(from), &show(to))
    });
    let member_name = move || {
        session
            .current
            .with(|s| s.as_ref().map(|s| s.member_name.clone()))
    };
    let option = move |value: &'static str,
                       label: fn(&'static crate::i18n::Texts) -> &'static str| {
        view! { <option value=value>{tr(label)}</option> }
    };

    view! {
        <div class="print-only statement-head">
            <p class="statement-title">{tr(|t| t.statement_heading)}</p>
            <p>{member_name}</p>
            <p>{statement_period}</p>
        </div>
        <form class="filters no-print" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{tr(|t| t.history_filters)}</legend>
                <div class="filter-row">
                    <label for="period">{tr(|t| t.period)}</label>
                    <select id="period" prop:value=move || period_choice.get()
                        on:change:target=move |ev| period_choice.set(ev.target().value())>
                        {option("month", |t| t.period_this_month)}
                        {option("3", |t| t.period_3)}
                        {option("6", |t| t.period_6)}
                        {option("12", |t| t.period_12)}
                        {option("custom", |t| t.period_custom)}
                    </select>
                </div>
                <Show when=move || period_choice.get() == "custom">
                    <div class="filter-row">
                        <label for="date-from">{tr(|t| t.date_from)}</label>
                        <input id="date-from" type="date" prop:value=move || custom_from.get()
                            on:change:target=move |ev| custom_from.set(ev.target().value()) />
                        <label for="date-to">{tr(|t| t.date_to)}</label>
                        <input id="date-to" type="date" prop:value=move || custom_to.get()
                            on:change:target=move |ev| custom_to.set(ev.target().value()) />
                    </div>
                </Show>
                <div class="filter-row">
                    <label for="entry-type">{tr(|t| t.entry_type)}</label>
                    <select id="entry-type" prop:value=move || kind_choice.get()
                        on:change:target=move |ev| kind_choice.set(ev.target().value())>
                        {option("all", |t| t.type_all)}
                        {option("borrowing", |t| t.kind_borrowing)}
                        {option("repayment", |t| t.kind_repayment)}
                    </select>
                </div>
            </fieldset>
            <div class="actions">
                <button type="button" class="secondary" on:click=download>{tr(|t| t.download_csv)}</button>
                <button type="button" class="secondary" on:click=|_| browser::print()>{tr(|t| t.print_statement)}</button>
            </div>
        </form>
        <p class="showing" role="status">{showing}</p>
        <Show
            when=move || matching.with(|m| !m.is_empty())
            fallback=|| view! { <p class="notice">{tr(|t| t.no_entries)}</p> }
        >
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-caption">
                <table class="schedule history">
                    <caption id="history-caption">{tr(|t| t.history_title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.col_datetime)}</th>
                            <th scope="col">{tr(|t| t.col_kind)}</th>
                            <th scope="col">{tr(|t| t.col_channel)}</th>
                            <th scope="col">{tr(|t| t.col_amount)}</th>
                            <th scope="col">{tr(|t| t.col_interest)}</th>
                            <th scope="col">{tr(|t| t.col_principal)}</th>
                            <th scope="col">{tr(|t| t.col_late)}</th>
                            <th scope="col">{tr(|t| t.col_balance)}</th>
                            <th scope="col">{tr(|t| t.col_days)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
        <nav class="pager no-print" aria-label=tr(|t| t.history_title)>
            <button type="button" class="secondary" prop:disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                {tr(|t| t.previous_page)}
            </button>
            <button type="button" class="secondary" prop:disabled={move || page.get() + 1 >= pages()}
                on:click=move |_| page.update(|p| *p += 1)>
                {tr(|t| t.next_page)}
            </button>
        </nav>
    }
}
