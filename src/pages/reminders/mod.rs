//! `/reminders` (ご返済日お知らせメール, SPEC S13): on or off, when (on the
//! repayment date, 1, 3 or 5 days before) and at what hour, with the next
//! send time each choice implies. Like every setting (S12) a change is
//! reviewed before it is saved, the page says what changed, and the lender
//! sends a notice e-mail.

mod texts;

use crate::backend::use_backend;
use crate::components::load_error::{failure_text, loaded, reactive_view, FailureNotice};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{common, use_i18n, Locale};
use crate::routes::Page;
use crate::session::{member_resource, use_session};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use portal_api::ops::{GetReminder, SetReminder};
use portal_api::{BackendError, ReminderHour, ReminderSetting, ReminderStatus, ReminderTiming};
use portal_domain::clock::to_jst;
use portal_domain::reminder::next_send_time;
use texts::{tr, Texts};

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Edit,
    Confirm,
    /// Saved: the setting before, and the lender's answer.
    Done(ReminderSetting, ReminderStatus),
}

fn timing_label(t: &Texts, timing: ReminderTiming) -> &'static str {
    match timing {
        ReminderTiming::OnDueDate => t.on_due_date,
        ReminderTiming::DaysBefore1 => t.days_before_1,
        ReminderTiming::DaysBefore3 => t.days_before_3,
        ReminderTiming::DaysBefore5 => t.days_before_5,
    }
}

fn timing_value(timing: ReminderTiming) -> &'static str {
    match timing {
        ReminderTiming::OnDueDate => "0",
        ReminderTiming::DaysBefore1 => "1",
        ReminderTiming::DaysBefore3 => "3",
        ReminderTiming::DaysBefore5 => "5",
    }
}

/// A setting in words: 「受け取る・返済日の3日前・9:00」.
fn describe(t: &Texts, s: ReminderSetting) -> String {
    if s.enabled {
        format!(
            "{}・{}・{}",
            t.status_on,
            timing_label(t, s.timing),
            (t.hour_value)(s.hour.get())
        )
    } else {
        t.status_off.to_owned()
    }
}

fn setting_of(s: &ReminderStatus) -> ReminderSetting {
    ReminderSetting {
        enabled: s.enabled,
        timing: s.timing,
        hour: s.hour,
    }
}

#[component]
pub fn RemindersPage() -> impl IntoView {
    let status = member_resource(|b| b.call::<GetReminder>(()));
    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Reminders) />
            <p>{tr(|t| t.intro)}</p>
            {loaded(status, |s| view! { <ReminderForm status=s /> })}
        </section>
    }
}

/// The figures of a status: address, next due date, next send time.
fn status_lines(t: &'static Texts, l: Locale, s: &ReminderStatus) -> impl IntoView {
    let next_send = match s.next_send_at {
        Some(at) => l.datetime(at),
        None => t.none_planned.to_owned(),
    };
    view! {
        <dl class="facts">
            <div><dt>{t.address}</dt><dd>{s.email.clone().unwrap_or_default()}</dd></div>
            <div><dt>{t.next_due}</dt><dd>{s.next_due_date.map(|d| l.date(d)).unwrap_or_else(|| "—".to_owned())}</dd></div>
            <div><dt>{t.next_send}</dt><dd>{next_send}</dd></div>
        </dl>
    }
}

#[component]
fn ReminderForm(status: ReminderStatus) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let current = RwSignal::new(status);
    let enabled = RwSignal::new(current.with_untracked(|s| s.enabled));
    let timing = RwSignal::new(current.with_untracked(|s| s.timing));
    let hour = RwSignal::new(current.with_untracked(|s| s.hour));
    let step = RwSignal::new(Step::Edit);
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<BackendError>);
    let chosen = move || ReminderSetting {
        enabled: enabled.get(),
        timing: timing.get(),
        hour: hour.get(),
    };

    let to_confirm = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        step.set(Step::Confirm);
        crate::browser::focus_id_when_present("reminder-confirm");
    };
    let save = move |_| {
        if pending.get_untracked() {
            return;
        }
        let before = current.with_untracked(setting_of);
        let setting = chosen();
        pending.set(true);
        failure.set(None);
        let reply = backend.send::<SetReminder>(setting);
        spawn_local(async move {
            let result = reply.await;
            let _ = pending.try_set(false);
            match result {
                Ok(saved) => {
                    let _ = current.try_set(saved.clone());
                    let _ = step.try_set(Step::Done(before, saved));
                    crate::browser::focus_id_when_present("reminder-done");
                }
                Err(e) if session.absorb(&e) => {}
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };

    // What the chosen setting would send, as far as the page can tell from
    // the next due date; the lender's answer after saving is the word.
    let preview = move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let s = current.get();
        let setting = chosen();
        if !setting.enabled {
            return t.none_planned.to_owned();
        }
        let Some(due) = s.next_due_date else {
            return t.no_balance.to_owned();
        };
        let now = to_jst(crate::browser::now_utc());
        match next_send_time([due], setting.timing, setting.hour, now) {
            Some(next) => l.datetime(next.send_at),
            None => t.preview_passed.to_owned(),
        }
    };

    let failure_text_of = move || {
        failure.get().map(|e| {
            let c: &common::Texts = i18n.t();
            match e {
                BackendError::InvalidInput { .. } => i18n.t::<Texts>().no_address.to_owned(),
                other => failure_text(c, &other).to_owned(),
            }
        })
    };

    let edit = move || {
        let t: &Texts = i18n.t();
        let no_email = current.with(|s| s.email.is_none());
        view! {
            <h2>{t.current_heading}</h2>
            {move || status_lines(i18n.t(), i18n.locale(), &current.get())}
            {no_email.then(|| view! {
                <div class="notice notice-warning" role="status">
                    <p>{t.no_address}</p>
                    <p><A href=Page::Settings.path()>{move || Page::Settings.title(i18n.locale())}</A></p>
                </div>
            })}
            <form novalidate on:submit=to_confirm>
                <fieldset class="field">
                    <legend>{t.receive}</legend>
                    <label class="radio">
                        <input type="radio" name="reminder-enabled" prop:checked=move || enabled.get() on:change=move |_| enabled.set(true) disabled=no_email />
                        {t.status_on}
                    </label>
                    <label class="radio">
                        <input type="radio" name="reminder-enabled" prop:checked=move || !enabled.get() on:change=move |_| enabled.set(false) />
                        {t.status_off}
                    </label>
                </fieldset>
                <fieldset class="field" disabled=move || !enabled.get()>
                    <legend>{t.timing}</legend>
                    {ReminderTiming::ALL.into_iter().map(|option| view! {
                        <label class="radio">
                            <input type="radio" name="reminder-timing" value=timing_value(option)
                                prop:checked=move || timing.get() == option on:change=move |_| timing.set(option) />
                            {timing_label(t, option)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="reminder-hour">{t.hour}</label>
                    <p class="hint" id="reminder-hour-hint">{t.hour_hint}</p>
                    <select id="reminder-hour" aria-describedby="reminder-hour-hint" disabled=move || !enabled.get()
                        on:change=move |ev| {
                            if let Some(h) = event_target_value(&ev).parse::<u8>().ok().and_then(ReminderHour::new) {
                                hour.set(h);
                            }
                        }>
                        {(0u8..24).map(|h| view! {
                            <option value=h.to_string() selected=move || hour.get().get() == h>{(t.hour_value)(h)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p class="figure-line" aria-live="polite">{t.next_send}": "{preview}</p>
                <button type="submit" class="primary">{t.to_confirm}</button>
            </form>
        }
    };

    let confirm = move || {
        let t: &Texts = i18n.t();
        let before = current.with(setting_of);
        let after = chosen();
        view! {
            <h2 id="reminder-confirm" tabindex="-1">{t.confirm_heading}</h2>
            <div class="card">
                <p>{(t.before_after)(&describe(t, before), &describe(t, after))}</p>
                <p>{t.next_send}": "{preview}</p>
                {(before == after).then(|| view! { <p class="hint">{t.unchanged}</p> })}
            </div>
            <FailureNotice text=Signal::derive(failure_text_of) />
            <p class="actions">
                <button type="button" class="primary" aria-disabled=move || pending.get().to_string() on:click=save.clone()>
                    {move || if pending.get() { i18n.t::<Texts>().saving } else { i18n.t::<Texts>().confirm }}
                </button>
                <button type="button" class="secondary" on:click=move |_| { failure.set(None); step.set(Step::Edit) }>{t.back}</button>
            </p>
        }
    };

    let done = move |before: ReminderSetting, saved: ReminderStatus| {
        let t: &Texts = i18n.t();
        view! {
            <div class="notice" role="status">
                <h2 id="reminder-done" tabindex="-1">{t.done_heading}</h2>
                <p>{(t.before_after)(&describe(t, before), &describe(t, setting_of(&saved)))}</p>
                <p>{t.done_mail}</p>
            </div>
            {status_lines(t, i18n.locale(), &saved)}
            <p><button type="button" class="secondary" on:click=move |_| step.set(Step::Edit)>{t.change_again}</button></p>
        }
    };

    reactive_view(move || match step.get() {
        Step::Edit => edit().into_any(),
        Step::Confirm => confirm().into_any(),
        Step::Done(before, saved) => done(before, saved).into_any(),
    })
}
