//! `/history` (取引履歴): every borrowing and repayment with its parts,
//! filtered by period and type, paged, downloadable as CSV and printable as
//! a Web明細 statement (SPEC S7).

mod filter;
pub mod statement;
mod texts;

use crate::backend::use_backend;
use crate::browser;
use crate::components::load_error::{loaded, LoadError};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{common, use_i18n, Locale};
use crate::maintenance::use_clock;
use crate::routes::Page;
use crate::session::{member_query_resource, member_resource, use_session, SignOutReason};
use filter::{kind_from_value, kind_value, page_count, HistoryFilter, PeriodChoice};
use leptos::prelude::*;
use portal_api::{
    AccountSummary, BackendError, EntryKind, HistoryEntry, HistoryQuery, RepaidBorrowing,
    RepaidQuery,
};
use portal_domain::clock::to_jst;
use statement::{channel_name, kind_name, to_csv};
pub use texts::Texts;
use texts::{tr, tr_with};

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
    let due = loaded(summary, |summary| view! { <DueFigures summary /> });
    // Below the table, so no loading line of its own while it is on its way.
    let past = move || match repaid.get() {
        None => ().into_any(),
        Some(Ok(repaid)) => view! { <RepaidBorrowings repaid /> }.into_any(),
        Some(Err(error)) => view! {
            <LoadError error on_retry=Callback::new(move |()| repaid.refetch()) />
        }
        .into_any(),
    };
    view! {
        <section class="page">
            <PageTitle text=title_of(Page::History) />
            {due}
            <HistoryView />
            {past}
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

/// The next due date and the interest that repaying on it would include
/// (SPEC S7), both as the lender computed them.
#[component]
fn DueFigures(summary: AccountSummary) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (c, t, l): (&common::Texts, &Texts, _) = (i18n.t(), i18n.t(), i18n.locale());
        summary.next_due.as_ref().map(|due| {
            view! {
                <dl class="figures no-print">
                    <div class="figure"><dt>{c.next_due_date}</dt><dd>{l.date(due.date)}</dd></div>
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
        let (c, t, l): (&common::Texts, &Texts, _) = (i18n.t(), i18n.t(), i18n.locale());
        let body = if repaid.is_empty() {
            view! { <p>{t.no_repaid}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="repaid-title">
                    <table class="schedule cards">
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
                                        <td data-label=t.col_borrowed_on>{l.date(to_jst(r.borrowed_at).date())}</td>
                                        <td data-label=t.col_amount>{l.yen(r.amount)}</td>
                                        <td data-label=t.col_repaid_on>{l.date(r.repaid_on)}</td>
                                        <td data-label=t.col_days_to_repay>{(c.days)(r.days)}</td>
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
    let clock = use_clock();
    let filter = RwSignal::new(HistoryFilter::default());
    let today = move || to_jst(clock.0.get_untracked()).date();
    // Every entry the filters match, whatever the page: the exports' query.
    let matching = Memo::new(move |_| filter.with(|f| f.matching(today())));
    // Each page comes with the query it answers, so what the page says it
    // shows is always what it shows, even while the next page loads.
    let wanted = Memo::new(move |_| filter.with(|f| f.page_query(today())));
    let history = member_query_resource(
        move || wanted.get(),
        |backend, query| async move {
            let found = backend
                .call::<portal_api::ops::GetHistory>(query.clone())
                .await;
            found.map(|found| (query, found))
        },
    );
    // How many entries match; `None` until the first page has arrived.
    let total = Signal::derive(move || {
        history.with(|h| match h {
            Some(Ok((_, p))) => Some(p.total as usize),
            _ => None,
        })
    });
    // Busy from a change of filter or page until its answer is in: the
    // rows on screen answer an older query meanwhile.
    let loading_rows = move || {
        history.with(|h| match h {
            None => true,
            Some(Ok((answered, _))) => *answered != wanted.get(),
            Some(Err(_)) => false,
        })
    };
    // The statement's entries once fetched; printing shows them instead of
    // the page on screen.
    let statement = RwSignal::new(None::<Vec<HistoryEntry>>);
    let printing = move || statement.with(Option::is_some);

    // The last page stays on screen while the next one loads.
    let rows = loaded(history, |(_, found)| {
        if found.entries.is_empty() {
            view! { <p class="notice">{tr(|t| t.no_entries)}</p> }.into_any()
        } else {
            view! {
                <HistoryTable entries=found.entries caption_id="history-caption" class="schedule history cards" />
            }
            .into_any()
        }
    });
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
    view! {
        <StatementHead matching />
        <form class="filters no-print" on:submit=|ev| ev.prevent_default()>
            <Filters filter />
            <ExportActions matching statement />
        </form>
        <p class="showing" role="status" class:no-print=printing>{showing}</p>
        <div class="history-rows" class:no-print=printing aria-busy=move || loading_rows().to_string()>
            {rows}
        </div>
        {move || statement.get().map(|entries| view! {
            <div class="print-only">
                <HistoryTable entries caption_id="statement-caption" class="schedule statement" />
            </div>
        })}
        <Pager filter total />
    }
}

/// The printed statement's heading: Web明細, the member and the period.
#[component]
fn StatementHead(matching: Memo<HistoryQuery>) -> impl IntoView {
    let session = use_session();
    let period = tr_with(move |t, l| (t.statement_period)(&matching.with(|q| dates_text(t, l, q))));
    let member_name = move || {
        session
            .current
            .with(|s| s.as_ref().map(|s| s.member_name.clone()))
    };
    view! {
        <div class="print-only statement-head">
            <p class="statement-title">{tr(|t| t.statement_heading)}</p>
            <p>{member_name}</p>
            <p>{period}</p>
        </div>
    }
}

/// The period and type choices. Each change starts again at the first page.
#[component]
fn Filters(filter: RwSignal<HistoryFilter>) -> impl IntoView {
    let period_label = |choice: PeriodChoice| -> Text {
        match choice {
            PeriodChoice::ThisMonth => |t| t.period_this_month,
            PeriodChoice::Months(3) => |t| t.period_3,
            PeriodChoice::Months(6) => |t| t.period_6,
            PeriodChoice::Months(_) => |t| t.period_12,
            PeriodChoice::Custom => |t| t.period_custom,
        }
    };
    let kind_label = |kind: Option<EntryKind>| -> Text {
        match kind {
            None => |t| t.type_all,
            Some(EntryKind::Borrowing) => |t| t.kind_borrowing,
            Some(EntryKind::Repayment) => |t| t.kind_repayment,
        }
    };
    let date_value = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <fieldset>
            <legend>{tr(|t| t.history_filters)}</legend>
            <div class="filter-row">
                <label for="period">{tr(|t| t.period)}</label>
                <select id="period" prop:value=move || filter.with(|f| f.period.value())
                    on:change:target=move |ev| {
                        if let Some(choice) = PeriodChoice::from_value(&ev.target().value()) {
                            filter.update(|f| *f = f.clone().with_period(choice));
                        }
                    }>
                    {PeriodChoice::ALL.map(|c| view! { <option value=c.value()>{tr(period_label(c))}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || filter.with(|f| f.period == PeriodChoice::Custom)>
                <div class="filter-row">
                    <label for="date-from">{tr(|t| t.date_from)}</label>
                    <input id="date-from" type="date" prop:value=move || filter.with(|f| date_value(f.from))
                        on:change:target=move |ev| filter.update(|f| *f = f.clone().with_from(&ev.target().value())) />
                    <label for="date-to">{tr(|t| t.date_to)}</label>
                    <input id="date-to" type="date" prop:value=move || filter.with(|f| date_value(f.to))
                        on:change:target=move |ev| filter.update(|f| *f = f.clone().with_to(&ev.target().value())) />
                </div>
            </Show>
            <div class="filter-row">
                <label for="entry-type">{tr(|t| t.entry_type)}</label>
                <select id="entry-type" prop:value=move || filter.with(|f| kind_value(f.kind))
                    on:change:target=move |ev| {
                        if let Some(kind) = kind_from_value(&ev.target().value()) {
                            filter.update(|f| *f = f.clone().with_kind(kind));
                        }
                    }>
                    {[None, Some(EntryKind::Borrowing), Some(EntryKind::Repayment)]
                        .map(|k| view! { <option value=kind_value(k)>{tr(kind_label(k))}</option> })
                        .collect_view()}
                </select>
            </div>
        </fieldset>
    }
}

/// CSVでダウンロード and Web明細を印刷. Both cover every entry the filters
/// match, not just the page on screen, so each asks the lender for all.
/// A failure is announced and the table and filters stay as they were.
#[component]
fn ExportActions(
    matching: Memo<HistoryQuery>,
    statement: RwSignal<Option<Vec<HistoryEntry>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_clock();
    let session = use_session();
    let backend = StoredValue::new(use_backend());
    let exporting = RwSignal::new(None::<Export>);
    let export_failed = RwSignal::new(None::<Export>);
    // A new filter forgets the fetched statement and any failure message.
    Effect::watch(
        move || matching.track(),
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
        let (backend, query) = (backend.get_value().get(), matching.get_untracked());
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
    let button = move |what: Export| {
        view! {
            <button type="button" class="secondary" on:click=move |_| export(what)
                aria-disabled=move || exporting.get().is_some().then_some("true")>
                {move || if exporting.get() == Some(what) { tr(what.preparing()) } else { tr(what.label()) }}
            </button>
        }
    };
    let error = move || {
        export_failed.get().map(
            |what| view! { <p class="notice notice-error" role="alert">{tr(what.failed())}</p> },
        )
    };
    view! {
        <div class="actions">
            {button(Export::Csv)}
            {button(Export::Print)}
        </div>
        {error}
    }
}

/// 前へ / 次へ. Focus stays on the button pressed while the rows change.
#[component]
fn Pager(filter: RwSignal<HistoryFilter>, total: Signal<Option<usize>>) -> impl IntoView {
    let pages = move || page_count(total.get().unwrap_or(0));
    let page = move || filter.with(|f| f.page);
    view! {
        <nav class="pager no-print" aria-label=title_of(Page::History)>
            <button type="button" class="secondary" prop:disabled=move || page() == 0
                on:click=move |_| filter.update(|f| f.page = f.page.saturating_sub(1))>
                {tr(|t| t.previous_page)}
            </button>
            <button type="button" class="secondary" prop:disabled={move || page() + 1 >= pages()}
                on:click=move |_| filter.update(|f| f.page += 1)>
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
        let (c, t, l): (&common::Texts, &Texts, _) = (i18n.t(), i18n.t(), i18n.locale());
        entries
            .iter()
            .map(|e| {
                let dash = || "—".to_owned();
                let repayment = e.kind == EntryKind::Repayment;
                // On a narrow screen each row is a card; `data-label`
                // names each figure there (style/main.css).
                view! {
                    <tr>
                        <td data-label=t.col_datetime>{l.datetime(to_jst(e.at))}</td>
                        <td data-label=t.col_kind>{kind_name(t, e.kind)}</td>
                        <td data-label=t.col_channel>{channel_name(t, e.channel)}</td>
                        <td data-label=t.col_amount>{l.yen(e.amount)}</td>
                        <td data-label=t.col_interest>{if repayment { l.yen(e.interest) } else { dash() }}</td>
                        <td data-label=t.col_principal>{if repayment { l.yen(e.principal) } else { dash() }}</td>
                        <td data-label=t.col_late>{if repayment { l.yen(e.late_charge) } else { dash() }}</td>
                        <td data-label=t.col_balance>{l.yen(e.balance_after)}</td>
                        <td data-label=t.col_days>{(c.days)(e.days)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=caption_id>
            <table class=class>
                <caption id=caption_id>{title_of(Page::History)}</caption>
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
