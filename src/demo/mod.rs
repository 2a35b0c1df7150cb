//! The demo panel (デモ操作, SPEC S16): only with the fake lender, out of the
//! way of the real page, in a wasm chunk of its own (`demo_panel`) that a
//! member of the real lender never downloads. It moves the page's clock,
//! makes the next requests fail, resets the demo data and shows the fake
//! mailbox. The reference server offers the same under `--test-controls`.

mod texts;

use crate::backend::{use_backend, Fault};
use crate::browser;
use crate::chunk::ChunkError;
use crate::i18n::use_i18n;
use crate::maintenance::use_clock;
use chrono::Duration;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use portal_domain::clock::{format_datetime_ja, from_jst, to_jst};
use texts::{tr, Texts};

/// The panel's view, from its chunk.
#[wasm_split(demo_panel, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn panel_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <DemoPanel /> }.into_any())
}

/// A text of the panel's table.
type Pick = fn(&'static Texts) -> &'static str;

const FAULTS: [(Fault, &str, Pick); 4] = [
    (Fault::Offline, "offline", |t| t.offline),
    (Fault::Server, "server", |t| t.server),
    (Fault::Timeout, "timeout", |t| t.timeout),
    (Fault::Slow, "slow", |t| t.slow),
];

#[component]
fn DemoPanel() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let clock = use_clock();
    let fault = RwSignal::new(Fault::Offline);
    let count = RwSignal::new("1".to_owned());
    let pending = RwSignal::new(0u32);
    let mails = RwSignal::new(Vec::new());
    let reset_done = RwSignal::new(false);
    let chosen_time = RwSignal::new(String::new());

    let demo = StoredValue::new(backend.clone());
    let with_demo = move |f: &dyn Fn(&dyn crate::backend::DemoControls)| {
        demo.with_value(|b| {
            if let Some(d) = b.get().demo() {
                f(d);
            }
        });
    };
    let refresh_mail = move || with_demo(&|d| mails.set(d.mailbox()));
    refresh_mail();

    // A shift of the clock is seen at once by the page's clock signal.
    let shift = move |ms: Option<i64>| {
        browser::shift_clock(ms);
        clock.0.set(browser::now_utc());
    };
    let to_chosen = move |_| {
        let text = chosen_time.get_untracked();
        // A datetime-local input's value, `YYYY-MM-DDTHH:MM`: the contract's
        // local date-time shape without its seconds. Read by the domain's
        // reader rather than chrono's general parser (7 KB in this chunk).
        if let Some(jst) = portal_domain::wire::time::parse_naive(&format!("{text}:00")) {
            let delta = from_jst(jst) - browser::now_utc();
            shift(Some(delta.num_milliseconds()));
        }
    };
    let to_next_due = move |_| {
        // The next due date of the member's ledger, at 9:00 JST.
        let backend = demo.get_value().get();
        leptos::task::spawn_local(async move {
            if let Ok(s) = backend.call::<portal_api::ops::GetAccountSummary>(()).await {
                if let Some(due) = s.next_due {
                    let at = from_jst(due.date.and_hms_opt(9, 0, 0).unwrap_or_default());
                    let delta = at - browser::now_utc();
                    if delta > Duration::zero() {
                        shift(Some(delta.num_milliseconds()));
                    }
                }
            }
        });
    };
    let inject = move |_| {
        let n = count
            .get_untracked()
            .trim()
            .parse::<u32>()
            .unwrap_or(1)
            .clamp(1, 20);
        let f = fault.get_untracked();
        with_demo(&|d| {
            d.inject(f, n);
            pending.set(n);
        });
    };
    let decided = RwSignal::new(None::<usize>);
    let decide = move |d: fake_lender::limit::DemoDecision| {
        with_demo(&|c| decided.set(Some(c.decide_reviews(d))));
        refresh_mail();
    };
    let reset = move |_| {
        with_demo(&|d| d.reset());
        clock.0.set(browser::now_utc());
        reset_done.set(true);
        refresh_mail();
        // The app's session and figures start again from the sign-in page.
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign("/login");
        }
    };

    view! {
        <section class="demo-panel" role="region" aria-labelledby="demo-panel-title">
            <details on:toggle=move |_| refresh_mail()>
                <summary><h2 id="demo-panel-title">{tr(|t| t.title)}</h2></summary>
                <p>{tr(|t| t.intro)}</p>
                <fieldset>
                    <legend>{tr(|t| t.clock)}</legend>
                    <p role="status">{move || (i18n.t::<Texts>().now)(&format_datetime_ja(to_jst(clock.0.get())))}</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| shift(Some(3_600_000))>{tr(|t| t.plus_hour)}</button>
                        <button type="button" class="secondary" on:click=move |_| shift(Some(86_400_000))>{tr(|t| t.plus_day)}</button>
                        <button type="button" class="secondary" on:click=to_next_due>{tr(|t| t.to_due)}</button>
                        <button type="button" class="secondary" on:click=move |_| shift(None)>{tr(|t| t.real_time)}</button>
                    </div>
                    <label for="demo-time">{tr(|t| t.to_time)}</label>
                    <input id="demo-time" type="datetime-local" bind:value=chosen_time />
                    <button type="button" class="secondary" on:click=to_chosen>{tr(|t| t.go)}</button>
                </fieldset>
                <fieldset>
                    <legend>{tr(|t| t.faults)}</legend>
                    <div role="radiogroup" aria-label=tr(|t| t.fault_kind)>
                        {FAULTS.iter().map(|&(f, value, label)| view! {
                            <label class="radio">
                                <input type="radio" name="demo-fault" value=value
                                    prop:checked=move || fault.get() == f
                                    on:change=move |_| fault.set(f) />
                                {tr(label)}
                            </label>
                        }).collect_view()}
                    </div>
                    <label for="demo-fault-count">{tr(|t| t.fault_count)}</label>
                    <input id="demo-fault-count" type="number" min="1" max="20" inputmode="numeric" bind:value=count />
                    <button type="button" class="secondary" on:click=inject>{tr(|t| t.inject)}</button>
                    <p role="status">{move || (pending.get() > 0).then(|| (i18n.t::<Texts>().pending)(pending.get()))}</p>
                </fieldset>
                <fieldset>
                    <legend>{tr(|t| t.reviews)}</legend>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| decide(fake_lender::limit::DemoDecision::Approve)>{tr(|t| t.approve)}</button>
                        <button type="button" class="secondary" on:click=move |_| decide(fake_lender::limit::DemoDecision::Refuse)>{tr(|t| t.refuse)}</button>
                        <button type="button" class="secondary" on:click=move |_| decide(fake_lender::limit::DemoDecision::AskForDocuments)>{tr(|t| t.ask_documents)}</button>
                    </div>
                    <p role="status">{move || decided.get().map(|n| (i18n.t::<Texts>().decided)(n))}</p>
                </fieldset>
                <fieldset>
                    <legend>{tr(|t| t.mailbox)}</legend>
                    <button type="button" class="secondary" on:click=move |_| refresh_mail()>{tr(|t| t.refresh)}</button>
                    <section aria-label=tr(|t| t.mailbox) class="mailbox">
                        {move || {
                            let list = mails.get();
                            if list.is_empty() {
                                return view! { <p>{tr(|t| t.no_mail)}</p> }.into_any();
                            }
                            view! {
                                <ul>
                                    {list.into_iter().map(|m| view! {
                                        <li>
                                            <details>
                                                <summary>{format!("{} — {} — {}", format_datetime_ja(to_jst(m.at)), m.to, m.subject)}</summary>
                                                <pre>{m.body}</pre>
                                            </details>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                </fieldset>
                <button type="button" class="secondary" on:click=reset>{tr(|t| t.reset)}</button>
                <p role="status">{move || reset_done.get().then(|| i18n.t::<Texts>().reset_done)}</p>
            </details>
        </section>
    }
}
