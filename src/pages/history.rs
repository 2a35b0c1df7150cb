//! `/history` (取引履歴): every borrowing and repayment with its parts,
//! filtered by period and type, paged, downloadable as CSV and printable as
//! a Web明細 statement (SPEC S7).

use crate::backend::use_backend;
use crate::browser;
use crate::components::page_title::PageTitle;
use crate::i18n::{tr, tr_with, use_i18n, Locale, Texts};
use crate::maintenance::use_clock;
use crate::session::{member_query_resource, member_resource, use_session, SignOutReason};
use crate::statement::{channel_name, kind_name, to_csv, Period};
use leptos::prelude::*;
use portal_api::{
    AccountSummary, BackendError, EntryKind, HistoryEntry, HistoryQuery, RepaidBorrowing,
    RepaidQuery,
};
use portal_domain::clock::to_jst;

/// Rows per page: enough to scan a year of monthly entries at once, few
/// enough that a member with 10,000 entries still gets an instant page.
const PAGE_SIZE: usize = 50;
/// Repaid borrowings listed: the newest ones, however many there are.
const RECENT_REPAID: u32 = 10;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let summary = member_resource(|backend| backend.call::<portal_api::ops::GetAccountSummary>(()));
    let repaid = member_resource(|backend| {
        let newest = RepaidQuery {
            limit: Some(RECENT_REPAID),
        };
        backend.call::<portal_api::ops::GetRepaidBorrowings>(newest)
    });
    let due = move || {
        Suspend::new(async move {
            match summary.await {
                Ok(summary) => view! { <DueFigures summary /> }.into_any(),
                Err(_) => load_failed(move || summary.refetch()).into_any(),
            }
        })
    };
    let past = move || {
        Suspend::new(async move {
            match repaid.await {
                Ok(repaid) => view! { <RepaidBorrowings repaid /> }.into_any(),
                Err(_) => load_failed(move || repaid.refetch()).into_any(),
            }
        })
    };
    view! {
        <section class="page">
            <PageTitle text=tr(|t| t.history_title) />
            <Transition fallback=loading>{due}</Transition>
            <HistoryView />
            <Transition>{past}</Transition>
        </section>
    }
}

/// A query's dates as the member reads them; an open end is left blank.
fn dates_text(t: &Texts, l: Locale, query: &HistoryQuery) -> String {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| l.date(d)).unwrap_or_default();
    match (query.from, query.to) {
        (None, None) => t.all_dates.to_owned(),
        (from, to) => (t.date_range)(&date(from), &date(to)),
    }
}

fn loading() -> impl IntoView {
    view! { <p class="loading" role="status">{tr(|t| t.loading)}</p> }
}

/// What a part of the page says when the lender could not send it, with a
/// way to ask again; the rest of the page stays usable.
fn load_failed(retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <p>{tr(|t| t.server_error)}</p>
            <button type="button" class="secondary" on:click=move |_| retry()>{tr(|t| t.reload)}</button>
        </div>
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
                <p class="hint">{(t.repaid_intro)(RECENT_REPAID)}</p>
                {body}
            </section>
        }
    }
}

/// The filters, the table and its pages. The lender filters and pages
/// (`HistoryQuery`), so each change fetches one page of at most
/// `PAGE_SIZE` rows however long the history is; the filters stay put (and
/// keep focus) while the rows load.
#[component]
fn HistoryView() -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_clock();
    let session = use_session();
    let backend = StoredValue::new(use_backend());
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
    // The whole filtered history; pages and the CSV take parts of it.
    let filtered = Memo::new(move |_| {
        let today = to_jst(clock.0.get_untracked()).date();
        let (from, to) = period.get().range(today);
        HistoryQuery {
            from,
            to,
            kind: kind.get(),
            offset: 0,
            limit: None,
        }
    });
    // Each page comes with the query it answers, so what the page says it
    // shows is always what it shows, even while the next page loads.
    let history = member_query_resource(
        move || HistoryQuery {
            offset: u32::try_from(page.get() * PAGE_SIZE).unwrap_or(u32::MAX),
            limit: Some(PAGE_SIZE as u32),
            ..filtered.get()
        },
        |backend, query| async move {
            let found = backend
                .call::<portal_api::ops::GetHistory>(query.clone())
                .await;
            found.map(|found| (query, found))
        },
    );
    // A new filter starts again at its first page.
    let choose = move |signal: RwSignal<String>, value: String| {
        signal.set(value);
        page.set(0);
    };
    // How many entries match; `None` until the first page has arrived.
    let total = move || {
        history.with(|h| match h {
            Some(Ok((_, p))) => Some(p.total as usize),
            _ => None,
        })
    };
    let pages = move || total().unwrap_or(0).div_ceil(PAGE_SIZE).max(1);
    let loading_rows = RwSignal::new(false);

    // The CSV and the printed statement cover every entry the filters
    // match, not just the page on screen, so each asks the lender for all.
    let exporting = RwSignal::new(None::<Export>);
    let export_failed = RwSignal::new(None::<Export>);
    // The statement's entries once fetched; printing shows them instead of
    // the page on screen. Forgotten, with any failure message, when the
    // filters change.
    let statement = RwSignal::new(None::<Vec<HistoryEntry>>);
    Effect::watch(
        move || filtered.get(),
        move |_, _, _| {
            statement.set(None);
            export_failed.set(None);
        },
        false,
    );
    let export = move |what: Export| {
        if session.current.with_untracked(Option::is_none) {
            return;
        }
        if exporting.get_untracked().is_some() {
            return;
        }
        exporting.set(Some(what));
        export_failed.set(None);
        let (backend, query) = (backend.get_value().get(), filtered.get_untracked());
        leptos::task::spawn_local(async move {
            match backend.call::<portal_api::ops::GetHistory>(query).await {
                Ok(all) => match what {
                    Export::Csv => {
                        let today = to_jst(clock.0.get_untracked()).date();
                        browser::download_text(
                            &format!("history-{today}.csv"),
                            "text/csv;charset=utf-8",
                            &to_csv(&all.entries, i18n.t()),
                        );
                    }
                    Export::Print => {
                        statement.set(Some(all.entries));
                        // Let the statement's table render before printing.
                        leptos::task::tick().await;
                        browser::print();
                    }
                },
                Err(BackendError::NotSignedIn) => session.end(SignOutReason::Expired),
                Err(_) => export_failed.set(Some(what)),
            }
            exporting.set(None);
        });
    };
    let export_button = move |what: Export| {
        view! {
            <button type="button" class="secondary" on:click=move |_| export(what)
                aria-disabled=move || exporting.get().is_some().then_some("true")>
                {move || if exporting.get() == Some(what) { tr(what.preparing()) } else { tr(what.label()) }}
            </button>
        }
    };
    let export_error = move || {
        export_failed.get().map(
            |what| view! { <p class="notice notice-error" role="alert">{tr(what.failed())}</p> },
        )
    };

    let rows = move || {
        Suspend::new(async move {
            match history.await {
                Ok((_, found)) if found.entries.is_empty() => {
                    view! { <p class="notice">{tr(|t| t.no_entries)}</p> }.into_any()
                }
                Ok((_, found)) => view! {
                    <HistoryTable entries=found.entries caption_id="history-caption" class="schedule history" />
                }
                .into_any(),
                Err(_) => load_failed(move || history.refetch()).into_any(),
            }
        })
    };
    let showing = tr_with(move |t, l| {
        history.with(|h| {
            let Some(Ok((query, found))) = h else {
                return String::new();
            };
            let total = found.total as usize;
            let first = (found.offset as usize + 1).min(total);
            let last = (found.offset as usize + found.entries.len()).min(total);
            let dates = dates_text(t, l, query);
            let kind = query.kind.map_or(t.type_all, |k| kind_name(t, k));
            (t.showing)(&dates, kind, total, first, last)
        })
    });
    let statement_period =
        tr_with(move |t, l| (t.statement_period)(&filtered.with(|q| dates_text(t, l, q))));
    let member_name = move || {
        session
            .current
            .with(|s| s.as_ref().map(|s| s.member_name.clone()))
    };
    let option = move |value: &'static str, label: Text| {
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
                        on:change:target=move |ev| choose(period_choice, ev.target().value())>
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
                            on:change:target=move |ev| choose(custom_from, ev.target().value()) />
                        <label for="date-to">{tr(|t| t.date_to)}</label>
                        <input id="date-to" type="date" prop:value=move || custom_to.get()
                            on:change:target=move |ev| choose(custom_to, ev.target().value()) />
                    </div>
                </Show>
                <div class="filter-row">
                    <label for="entry-type">{tr(|t| t.entry_type)}</label>
                    <select id="entry-type" prop:value=move || kind_choice.get()
                        on:change:target=move |ev| choose(kind_choice, ev.target().value())>
                        {option("all", |t| t.type_all)}
                        {option("borrowing", |t| t.kind_borrowing)}
                        {option("repayment", |t| t.kind_repayment)}
                    </select>
                </div>
            </fieldset>
            <div class="actions">
                {export_button(Export::Csv)}
                {export_button(Export::Print)}
            </div>
            {export_error}
        </form>
        <p class="showing" role="status" class:no-print=move || statement.with(Option::is_some)>{showing}</p>
        <div class="history-rows" class:no-print=move || statement.with(Option::is_some)
            aria-busy=move || loading_rows.get().to_string()>
            <Transition fallback=loading set_pending=loading_rows>{rows}</Transition>
        </div>
        {move || statement.get().map(|entries| view! {
            <div class="print-only">
                <HistoryTable entries caption_id="statement-caption" class="schedule statement" />
            </div>
        })}
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

/// What needs every entry the filters match, not only the page on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    Csv,
    Print,
}

/// A text of the locale's table.
type Text = fn(&'static Texts) -> &'static str;

impl Export {
    fn label(self) -> Text {
        match self {
            Export::Csv => |t| t.download_csv,
            Export::Print => |t| t.print_statement,
        }
    }

    fn preparing(self) -> Text {
        match self {
            Export::Csv => |t| t.preparing_csv,
            Export::Print => |t| t.preparing_statement,
        }
    }

    fn failed(self) -> Text {
        match self {
            Export::Csv => |t| t.csv_failed,
            Export::Print => |t| t.statement_failed,
        }
    }
}

/// Entries as the table the member reads (a page) or prints (the whole
/// statement).
#[component]
fn HistoryTable(
    entries: Vec<HistoryEntry>,
    caption_id: &'static str,
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let (t, l) = (i18n.t(), i18n.locale());
        entries
            .iter()
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
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=caption_id>
            <table class=class>
                <caption id=caption_id>{tr(|t| t.history_title)}</caption>
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
    }
}
