//! `/settings/repayment-date` (返済日変更の申込み, SPEC S2, S12): choose the
//! 5th, 15th, 25th or the last day; the page shows the next due date each
//! choice gives before anything is sent, by the same rule the lender applies
//! (`portal_domain::calendar::due_date_after_day_change`: the first date on
//! the new day, moved to a business day, at least a week ahead). Refused
//! while overdue and on the due date itself, which the page says instead of
//! offering the form.

use super::texts::Texts;
use super::{
    day_label, failure_message, with_profile, ChangeDone, ChangeReview, ChangeRow, SectionFrame,
};
use crate::backend::use_backend;
use crate::components::load_error::reactive_view;
use crate::i18n::{use_i18n, Locale};
use crate::routes::SettingsSection;
use crate::session::use_session;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::ops::ChangeRepaymentDay;
use portal_api::{BackendError, Profile, RepaymentDay, RepaymentDayChange, RepaymentDayChanged};
use portal_domain::calendar::{due_date_after_day_change, DayChangeRefusal};
use portal_domain::clock::to_jst;
use portal_domain::input::FieldError;

mod own {
    use crate::texts;

    texts! {
        /// This section's own words.
        pub struct Texts {
            intro: &'static str {
                ja: "毎月のご返済日を、5日・15日・25日・末日からお選びいただけます。ご返済日が土日祝日・年末年始にあたる場合は、翌営業日になります。",
                en: "Choose to repay on the 5th, the 15th, the 25th or the last day of each month. A repayment date on a weekend, a holiday or the year-end closure moves to the next business day.",
            }
            day_row: &'static str {
                ja: "ご返済日",
                en: "Repayment date",
            }
            current: &'static str {
                ja: "現在のご返済日",
                en: "Current repayment date",
            }
            next_due: &'static str {
                ja: "次回のご返済日",
                en: "Next repayment date",
            }
            new_day: &'static str {
                ja: "新しいご返済日",
                en: "New repayment date",
            }
            current_mark: &'static str {
                ja: "（現在）",
                en: " (current)",
            }
            rule: &'static str {
                ja: "変更後の最初のご返済日は、変更のお手続きから7日以上先の新しいご返済日です。それまでのご返済額（最低返済額）は変わりません。",
                en: "The first repayment date after a change is the first new date at least 7 days away. The amount due (the minimum repayment) stays the same.",
            }
            next_after: &'static str {
                ja: "変更後の次回のご返済日",
                en: "Next repayment date after the change",
            }
            no_balance: &'static str {
                ja: "ご利用残高がないため、次回のお借入れから新しいご返済日が適用されます。",
                en: "You have no balance, so the new date applies from your next borrowing.",
            }
            from_next_borrowing: &'static str {
                ja: "次回のお借入れから適用",
                en: "From your next borrowing",
            }
            overdue: &'static str {
                ja: "お支払いが遅れているため、ご返済日は変更できません。遅れている分をご返済いただくと変更できます。",
                en: "Your repayment date cannot change while a repayment is overdue. Once the overdue amount is repaid you can change it.",
            }
            due_today: &'static str {
                ja: "本日はご返済日のため、ご返済日の変更は明日以降にお手続きください。",
                en: "Today is your repayment date, so please change it tomorrow or later.",
            }
        }
    }
}
use own::Texts as Own;

/// The next due date a choice gives, as the lender will compute it.
fn next_after(
    p: &Profile,
    day: RepaymentDay,
) -> Result<Option<chrono::NaiveDate>, DayChangeRefusal> {
    if day == p.repayment_day {
        return Ok(p.next_due_date);
    }
    let today = to_jst(crate::browser::now_utc()).date();
    due_date_after_day_change(day, today, p.next_due_date, p.overdue)
}

/// Why the day cannot change today, if it cannot.
fn refusal_of(p: &Profile) -> Option<FieldError> {
    let today = to_jst(crate::browser::now_utc()).date();
    match due_date_after_day_change(RepaymentDay::Fifth, today, p.next_due_date, p.overdue) {
        Err(DayChangeRefusal::Overdue) => Some(FieldError::Overdue),
        Err(DayChangeRefusal::DueToday) => Some(FieldError::DueToday),
        Ok(_) => None,
    }
}

fn next_text(own: &Own, l: Locale, next: Option<chrono::NaiveDate>) -> String {
    next.map_or_else(|| own.from_next_borrowing.to_owned(), |d| l.date(d))
}

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Edit,
    Confirm,
    Done(Vec<ChangeRow>),
}

#[component]
pub fn RepaymentDateSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::RepaymentDate>
            <p>{move || use_i18n().t::<Own>().intro}</p>
            {with_profile(|p: Profile| view! { <DayForm profile=p /> })}
        </SectionFrame>
    }
}

#[component]
fn DayForm(profile: Profile) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let profile = StoredValue::new(profile);
    let chosen = RwSignal::new(profile.with_value(|p| p.repayment_day));
    let step = RwSignal::new(Step::Edit);
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let refusal = RwSignal::new(None::<FieldError>);

    let rows = move |after: Option<chrono::NaiveDate>| {
        let t: &Texts = i18n.t();
        let own: &Own = i18n.t();
        let l = i18n.locale();
        profile.with_value(|p| {
            vec![
                ChangeRow {
                    label: own.day_row.to_owned(),
                    before: day_label(t, p.repayment_day).to_owned(),
                    after: day_label(t, chosen.get_untracked()).to_owned(),
                },
                ChangeRow {
                    label: own.next_due.to_owned(),
                    before: next_text(own, l, p.next_due_date),
                    after: next_text(own, l, after),
                },
            ]
        })
    };

    let to_confirm = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        step.set(Step::Confirm);
    };
    let save = Callback::new(move |()| {
        let day = chosen.get_untracked();
        pending.set(true);
        failure.set(None);
        let reply = backend.send::<ChangeRepaymentDay>(RepaymentDayChange { day });
        spawn_local(async move {
            let result = reply.await;
            let _ = pending.try_set(false);
            match result {
                Ok(RepaymentDayChanged { next_due_date, .. }) => {
                    let done = rows(next_due_date);
                    let _ = step.try_set(Step::Done(done));
                }
                Err(BackendError::InvalidInput { problems }) => {
                    let _ = refusal.try_set(problems.first().map(|p| p.error));
                    let _ = step.try_set(Step::Edit);
                }
                Err(e) if session.absorb(&e) => {}
                Err(e) => {
                    let _ = failure.try_set(Some(failure_message(&e)));
                }
            }
        });
    });

    let edit = move || {
        let t: &Texts = i18n.t();
        let own: &Own = i18n.t();
        let l = i18n.locale();
        let (current, next_due) = profile.with_value(|p| (p.repayment_day, p.next_due_date));
        let blocked = refusal.get().or_else(|| profile.with_value(refusal_of));
        let facts = view! {
            <dl class="facts">
                <div><dt>{own.current}</dt><dd>{day_label(t, current)}</dd></div>
                <div><dt>{own.next_due}</dt><dd>{next_due.map(|d| l.date(d)).unwrap_or_else(|| "—".to_owned())}</dd></div>
            </dl>
        };
        match blocked {
            Some(error) => view! {
                {facts}
                <div class="notice notice-warning" role="alert">
                    <p>{if error == FieldError::Overdue { own.overdue } else { own.due_today }}</p>
                </div>
            }
            .into_any(),
            None => view! {
                {facts}
                <form novalidate on:submit=to_confirm>
                    <fieldset class="field" id="repayment-day">
                        <legend>{own.new_day}</legend>
                        {RepaymentDay::ALL.into_iter().map(|day| view! {
                            <label class="radio">
                                <input type="radio" name="repayment-day"
                                    prop:checked=move || chosen.get() == day
                                    on:change=move |_| chosen.set(day) />
                                {day_label(t, day)}
                                {(day == current).then_some(own.current_mark)}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <p class="hint">{own.rule}</p>
                    <p class="figure-line" aria-live="polite">
                        {move || {
                            let own: &Own = i18n.t();
                            let next = profile.with_value(|p| next_after(p, chosen.get()));
                            match next {
                                Ok(Some(d)) => format!("{}: {}", own.next_after, i18n.locale().date(d)),
                                Ok(None) => own.no_balance.to_owned(),
                                Err(_) => String::new(),
                            }
                        }}
                    </p>
                    <button type="submit" class="primary">{t.to_confirm}</button>
                </form>
            }
            .into_any(),
        }
    };

    reactive_view(move || match step.get() {
        Step::Edit => edit().into_any(),
        Step::Confirm => {
            let after = profile
                .with_value(|p| next_after(p, chosen.get_untracked()))
                .ok()
                .flatten();
            view! {
                <ChangeReview
                    rows=rows(after)
                    pending=pending
                    failure=failure
                    on_confirm=save
                    on_back=Callback::new(move |()| { failure.set(None); step.set(Step::Edit) })
                />
            }
            .into_any()
        }
        Step::Done(rows) => view! { <ChangeDone rows /> }.into_any(),
    })
}
