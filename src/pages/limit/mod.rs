//! `/limit` (限度額の変更, SPEC S10): the line, the latest increase
//! request's review status, an increase request, and a decrease.
//!
//! An increase is: the form (希望限度額, 年収, 他社借入額, employment), with
//! the rules checked as typed and the page saying when S10 asks for an
//! income proof and why; the proof, sent with the documents uploader when
//! it is needed, on a step with an address of its own (`/limit/proof`, see
//! `crate::routes::LIMIT_PROOF_PATH`; Back returns to the form, and the form
//! is kept in this tab while the step is open, `draft`); a review of the
//! request; 申し込む; the receipt with when the result is expected
//! (business days only). A decrease applies at once
//! after a confirmation that warns that raising it again needs a review.

mod draft;
mod texts;

use crate::backend::use_backend;
use crate::components::field::{AmountField, ErrorSummary, Field, FieldKind};
use crate::components::load_error::{failure_text, loaded, reactive_view, FailureNotice};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{common, use_i18n, Locale};
use crate::routes::{Page, LIMIT_PROOF_PATH};
use crate::session::{member_resource, use_session};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use portal_api::ops::{DecreaseLine, GetCreditLine, RequestLineIncrease};
use portal_api::{
    BackendError, CreditLineStatus, EmploymentKind, LineDecrease, LineField, LineIncreaseRequest,
    LineProblem, LineRequest, LineRule, ReviewStatus,
};
use portal_domain::lending::{income_proof_required, total_volume_limit};
use portal_domain::line_change::{parse_decrease, validate_increase, IncreaseForm, LINE_UNIT};
use portal_domain::money::Yen;
use portal_domain::rate::{capped_apr_for_line, parse_percent};
use portal_domain::schedule::parse_yen_amount;
use texts::{tr, Texts};

/// The control a field's problem points at.
fn field_id(field: LineField) -> &'static str {
    match field {
        LineField::DesiredLine => "desired-line",
        LineField::AnnualIncome => "annual-income",
        LineField::OtherBorrowing => "other-borrowing",
        LineField::Employment => "employment",
        LineField::Employer => "employer",
        LineField::YearsEmployed => "years-employed",
        LineField::IncomeProof => "income-proof",
        LineField::NewLine => "new-line",
    }
}

fn label(t: &Texts, field: LineField) -> &'static str {
    match field {
        LineField::DesiredLine => t.desired,
        LineField::AnnualIncome => t.income,
        LineField::OtherBorrowing => t.other,
        LineField::Employment => t.employment,
        LineField::Employer => t.employer,
        LineField::YearsEmployed => t.years,
        LineField::IncomeProof => t.proof_heading,
        LineField::NewLine => t.new_line,
    }
}

/// What a problem says, in the member's words.
fn message(t: &Texts, l: Locale, p: &LineProblem) -> String {
    let name = label(t, p.field);
    let figure = p.figure.map(|y| l.yen(y)).unwrap_or_default();
    match p.rule {
        LineRule::Required if p.field == LineField::Employment => (t.err_choose)(name),
        LineRule::Required if p.field == LineField::IncomeProof => t.err_proof.to_owned(),
        LineRule::Required => (t.err_required)(name),
        LineRule::NotANumber => (t.err_number)(name),
        LineRule::NotInUnits => (t.err_units)(name),
        LineRule::OverMaximum => (t.err_over)(name, &figure),
        LineRule::NotAboveCurrent => (t.err_not_above)(&figure),
        LineRule::NotBelowCurrent => (t.err_not_below)(&figure),
        LineRule::BelowBalance => (t.err_below_balance)(&figure),
        LineRule::TooLong => (t.err_too_long)(name),
        LineRule::NotPlainText => (t.err_plain)(name),
        LineRule::OutOfRange => t.err_years.to_owned(),
        LineRule::PendingRequest => t.err_pending.to_owned(),
    }
}

fn employment_value(k: EmploymentKind) -> &'static str {
    match k {
        EmploymentKind::Regular => "regular",
        EmploymentKind::Contract => "contract",
        EmploymentKind::PartTime => "part_time",
        EmploymentKind::SelfEmployed => "self_employed",
        EmploymentKind::Other => "other",
    }
}

#[component]
pub fn LimitPage() -> impl IntoView {
    let status = member_resource(|b| b.call::<GetCreditLine>(()));
    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Limit) />
            <p>{tr(|t| t.intro)}</p>
            {loaded(status, move |s| view! { <LimitView status=s on_changed=Callback::new(move |()| status.refetch()) /> })}
        </section>
    }
}

#[component]
fn LimitView(status: CreditLineStatus, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t: &'static Texts = i18n.t();
    let l = i18n.locale();
    let open = status.request.as_ref().is_some_and(|r| r.status.is_open());
    view! {
        <dl class="facts">
            <div><dt>{t.line}</dt><dd>{l.yen(status.line)}</dd></div>
            <div><dt>{t.balance}</dt><dd>{l.yen(status.balance)}</dd></div>
            <div><dt>{t.apr}</dt><dd>{format!("{}%", status.apr_percent)}</dd></div>
        </dl>
        {status.request.clone().map(|r| view! { <RequestCard request=r line=status.line /> })}
        <section aria-labelledby="increase-title">
            <h2 id="increase-title">{t.increase_heading}</h2>
            {if open {
                view! { <p class="notice" role="status">{t.pending_note}</p> }.into_any()
            } else {
                view! { <IncreaseFlow status=status.clone() on_changed /> }.into_any()
            }}
        </section>
        <DecreaseForm status=status.clone() on_changed />
    }
}

/// The latest request and where its review stands.
#[component]
fn RequestCard(request: LineRequest, line: Yen) -> impl IntoView {
    let i18n = use_i18n();
    reactive_view(move || {
        let t: &Texts = i18n.t();
        let c: &common::Texts = i18n.t();
        let l = i18n.locale();
        let note = match request.status {
            ReviewStatus::Approved => Some(view! {
                <p>{(t.approved_note)(&l.yen(line))}</p>
                {request.new_apr_percent.clone().map(|a| view! { <p>{(t.approved_rate)(&a)}</p> })}
            }.into_any()),
            ReviewStatus::Refused => Some(view! { <p>{t.refused_note}</p> }.into_any()),
            ReviewStatus::DocumentsNeeded => Some(view! {
                <p>{t.documents_note}</p>
                <p><A href=Page::Documents.path()>{Page::Documents.title(l)}</A></p>
            }.into_any()),
            ReviewStatus::Received | ReviewStatus::Reviewing => None,
        };
        view! {
            <section class="card" aria-labelledby="request-title">
                <h2 id="request-title">{t.request_heading}</h2>
                <dl class="facts">
                    <div><dt>{t.status}</dt><dd class="review-status">{common::review_status(c, request.status)}</dd></div>
                    <div><dt>{t.reception}</dt><dd>{request.reception_number.clone()}</dd></div>
                    <div><dt>{t.desired}</dt><dd>{l.yen(request.desired_line)}</dd></div>
                    {request.expected_at.map(|at| view! {
                        <div><dt>{t.expected}</dt><dd>{l.datetime(at)}</dd></div>
                    })}
                </dl>
                {note}
                {request.status.is_open().then(|| view! { <p class="hint">{t.weekdays_only}</p> })}
            </section>
        }
        .into_any()
    })
}

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Edit,
    Proof,
    Confirm,
    Done(LineRequest),
}

/// The increase request: form, proof when needed, review, receipt.
#[component]
fn IncreaseFlow(status: CreditLineStatus, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let current = status.line;
    let current_apr = parse_percent(&status.apr_percent).ok();
    let desired = RwSignal::new(String::new());
    let income = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
    let employment = RwSignal::new(None::<EmploymentKind>);
    let employer = RwSignal::new(String::new());
    let years = RwSignal::new(String::new());
    let proof = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<LineProblem>::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let step = RwSignal::new(Step::Edit);
    let location = use_location();
    // In a store, so that the closures below stay `Copy`.
    let navigate = StoredValue::new_local(use_navigate());
    let go = move |path: &str, options: NavigateOptions| navigate.with_value(|n| n(path, options));
    let on_proof_path = Memo::new(move |_| {
        location
            .pathname
            .with(|p| p.trim_end_matches('/') == LIMIT_PROOF_PATH)
    });
    // Whether this page put the proof step's entry in the history (leaving
    // the step then goes back over it), or the step was opened by its
    // address (a reload), whose entry is replaced instead.
    let pushed = StoredValue::new(false);

    let checked = move || {
        validate_increase(
            &IncreaseForm {
                desired_line: &desired.get_untracked(),
                annual_income: &income.get_untracked(),
                other_borrowing: &other.get_untracked(),
                employment: employment.get_untracked(),
                employer: &employer.get_untracked(),
                years_employed: &years.get_untracked(),
            },
            current,
        )
    };
    let error_for = move |field: LineField| {
        Signal::derive(move || {
            problems.with(|ps| {
                ps.iter()
                    .find(|p| p.field == field)
                    .map(|p| message(i18n.t(), i18n.locale(), p))
            })
        })
    };
    let typed = move || draft::Typed {
        desired: desired.get_untracked(),
        income: income.get_untracked(),
        other: other.get_untracked(),
        employment: employment.get_untracked(),
        employer: employer.get_untracked(),
        years: years.get_untracked(),
    };
    // The form as typed asks for a proof, and none is sent yet.
    let proof_due =
        move || checked().is_ok_and(|i| i.proof_required()) && proof.get_untracked().is_none();
    let to_form_address = move || go(Page::Limit.path(), crate::app::replace());
    let enter_proof = move || {
        draft::save(&typed());
        step.set(Step::Proof);
        if !on_proof_path.get_untracked() {
            pushed.set_value(true);
            go(LIMIT_PROOF_PATH, NavigateOptions::default());
        }
        crate::browser::focus_id_when_present("proof-title");
    };
    let leave_proof = move |to: Step| {
        step.set(to);
        if pushed.get_value() {
            pushed.set_value(false);
            crate::browser::history_back();
        } else if on_proof_path.get_untracked() {
            to_form_address();
        }
    };
    // Opened at `/limit/proof` (a reload there): the form as it was, and the
    // step if it still asks for a proof; else the form at its own address.
    if on_proof_path.get_untracked() {
        if let Some(d) = draft::load() {
            desired.set(d.desired);
            income.set(d.income);
            other.set(d.other);
            employment.set(d.employment);
            employer.set(d.employer);
            years.set(d.years);
        }
        if proof_due() {
            step.set(Step::Proof);
        } else {
            to_form_address();
        }
    }
    // Back and Forward move between the form and the step.
    Effect::new(move |_| {
        let on_proof = on_proof_path.get();
        let now = step.get_untracked();
        if on_proof && now != Step::Proof {
            if now == Step::Edit && proof_due() {
                step.set(Step::Proof);
                crate::browser::focus_id_when_present("proof-title");
            } else {
                to_form_address();
            }
        } else if !on_proof && now == Step::Proof {
            pushed.set_value(false);
            step.set(Step::Edit);
            crate::browser::focus_id_when_present("desired-line");
        }
    });

    // What the figures typed so far imply: the income proof and why, the
    // total-volume ceiling, and a rate the new line's cap would lower.
    let advice = move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let desired = parse_yen_amount(&desired.get()).ok();
        let other = parse_yen_amount(&other.get()).ok().unwrap_or(Yen(0));
        let income = parse_yen_amount(&income.get()).ok();
        let mut lines = Vec::new();
        if let Some(d) = desired {
            if income_proof_required(d, other) {
                lines.push(if d.0 > 500_000 {
                    t.proof_line.to_owned()
                } else {
                    t.proof_total.to_owned()
                });
            }
            if let Some(apr) = current_apr {
                let capped = capped_apr_for_line(d, apr);
                if capped < apr {
                    lines.push((t.rate_cap)(&capped.to_string()));
                }
            }
        }
        if let Some(i) = income.filter(|i| i.0 > 0) {
            lines.push((t.total_volume)(&l.yen(total_volume_limit(i))));
        }
        lines
    };

    let to_next = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        match checked() {
            Err(found) => {
                if let Some(p) = found.first() {
                    crate::browser::focus_id(field_id(p.field));
                }
                problems.set(found);
            }
            Ok(increase) => {
                problems.set(Vec::new());
                if increase.proof_required() && proof.get_untracked().is_none() {
                    enter_proof();
                } else {
                    step.set(Step::Confirm);
                    crate::browser::focus_id_when_present("increase-confirm");
                }
            }
        }
    };
    let apply = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        let request = LineIncreaseRequest {
            desired_line: desired.get_untracked(),
            annual_income: income.get_untracked(),
            other_borrowing: other.get_untracked(),
            employment: employment.get_untracked(),
            employer: employer.get_untracked(),
            years_employed: years.get_untracked(),
            income_proof: proof.get_untracked(),
        };
        pending.set(true);
        failure.set(None);
        let reply = backend.send::<RequestLineIncrease>(request);
        spawn_local(async move {
            let result = reply.await;
            let _ = pending.try_set(false);
            match result {
                Ok(received) => {
                    draft::clear();
                    let _ = step.try_set(Step::Done(received));
                    crate::browser::focus_id_when_present("increase-done");
                }
                Err(BackendError::LineRefused { problems: found }) => {
                    let proof_missing = found.iter().any(|p| p.field == LineField::IncomeProof);
                    let _ = problems.try_set(found);
                    if proof_missing {
                        let _ = proof.try_set(None);
                        enter_proof();
                    } else {
                        let _ = step.try_set(Step::Edit);
                    }
                }
                Err(e) if session.absorb(&e) => {}
                Err(e) => {
                    let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                }
            }
        });
    });

    let summary_items = Signal::derive(move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        problems.with(|ps| {
            ps.iter()
                .map(|p| (field_id(p.field), message(t, l, p)))
                .collect::<Vec<_>>()
        })
    });

    let edit = move || {
        let t: &Texts = i18n.t();
        view! {
            <ErrorSummary items=summary_items />
            <form novalidate on:submit=to_next>
                <AmountField id="desired-line" label=tr(|t| t.desired) hint=tr(|t| t.desired_hint)
                    value=desired error=error_for(LineField::DesiredLine) />
                <AmountField id="annual-income" label=tr(|t| t.income) hint=tr(|t| t.income_hint)
                    value=income error=error_for(LineField::AnnualIncome) />
                <AmountField id="other-borrowing" label=tr(|t| t.other) hint=tr(|t| t.other_hint)
                    value=other error=error_for(LineField::OtherBorrowing) />
                <div class="field">
                    <label for="employment">{t.employment}</label>
                    <select id="employment"
                        aria-invalid=move || error_for(LineField::Employment).get().is_some().to_string()
                        aria-describedby="employment-error"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            employment.set(EmploymentKind::ALL.into_iter().find(|k| employment_value(*k) == v));
                        }>
                        <option value="" selected=move || employment.get().is_none()>{t.choose}</option>
                        {EmploymentKind::ALL.into_iter().map(|k| view! {
                            <option value=employment_value(k) selected=move || employment.get() == Some(k)>{(t.employment_label)(k)}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="employment-error" role="alert">{move || error_for(LineField::Employment).get()}</p>
                </div>
                <Field id="employer" label=tr(|t| t.employer) hint=tr(|t| t.employer_hint) value=employer
                    error=error_for(LineField::Employer) kind=FieldKind::Text { convert: None } autocomplete="organization" />
                <Field id="years-employed" label=tr(|t| t.years) hint=tr(|t| t.years_hint) value=years
                    error=error_for(LineField::YearsEmployed) kind=FieldKind::Text { convert: None } inputmode="numeric" autocomplete="off" />
                <div aria-live="polite" class="advice">
                    {reactive_view(move || advice().into_iter().map(|a| view! { <p class="hint">{a}</p> }).collect_view().into_any())}
                </div>
                <button type="submit" class="primary">
                    {move || {
                        let asked = parse_yen_amount(&desired.get()).ok();
                        let elsewhere = parse_yen_amount(&other.get()).ok().unwrap_or(Yen(0));
                        let needs = asked.is_some_and(|d| d > current && income_proof_required(d, elsewhere))
                            && proof.get().is_none();
                        if needs { i18n.t::<Texts>().to_proof } else { i18n.t::<Texts>().to_confirm }
                    }}
                </button>
            </form>
        }
    };

    let proof_step = move || {
        let t: &Texts = i18n.t();
        view! {
            <h3 id="proof-title" tabindex="-1">{t.proof_heading}</h3>
            <p>{move || advice().into_iter().next().unwrap_or_default()}</p>
            <p class="field-error" id="income-proof" role="alert">{move || error_for(LineField::IncomeProof).get()}</p>
            {proof_uploader(Callback::new(move |reception: String| {
                proof.set(Some(reception));
                problems.update(|ps| ps.retain(|p| p.field != LineField::IncomeProof));
                leave_proof(Step::Confirm);
                crate::browser::focus_id_when_present("increase-confirm");
            }))}
            <p><button type="button" class="secondary" on:click=move |_| {
                leave_proof(Step::Edit);
                crate::browser::focus_id_when_present("desired-line");
            }>{t.back}</button></p>
        }
    };

    let confirm = move || {
        let t: &Texts = i18n.t();
        let l = i18n.locale();
        let rows = checked()
            .ok()
            .map(|i| {
                vec![
                    (t.line, l.yen(current)),
                    (t.desired, l.yen(i.desired_line)),
                    (t.income, l.yen(i.annual_income)),
                    (t.other, l.yen(i.other_borrowing)),
                    (t.employment, (t.employment_label)(i.employment).to_owned()),
                    (t.employer, i.employer.clone()),
                    (t.years, format!("{}", i.years_employed)),
                ]
            })
            .unwrap_or_default();
        view! {
            <h3 id="increase-confirm" tabindex="-1">{t.confirm_heading}</h3>
            <dl class="facts">
                {rows.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                {move || proof.get().map(|n| view! { <div><dt>{i18n.t::<Texts>().proof_heading}</dt><dd>{(i18n.t::<Texts>().proof_sent)(&n)}</dd></div> })}
            </dl>
            <p class="hint">{t.weekdays_only}</p>
            <FailureNotice text=failure />
            <p class="actions">
                <button type="button" class="primary" aria-disabled=move || pending.get().to_string() on:click=move |_| apply.run(())>
                    {move || if pending.get() { i18n.t::<Texts>().applying } else { i18n.t::<Texts>().apply }}
                </button>
                <button type="button" class="secondary" on:click=move |_| { failure.set(None); step.set(Step::Edit) }>{t.back}</button>
            </p>
        }
    };

    let done = move |r: LineRequest| {
        let t: &Texts = i18n.t();
        let c: &common::Texts = i18n.t();
        let l = i18n.locale();
        view! {
            <div class="notice" role="status">
                <h3 id="increase-done" tabindex="-1">{t.received_heading}</h3>
                <dl class="facts">
                    <div><dt>{t.reception}</dt><dd>{r.reception_number.clone()}</dd></div>
                    <div><dt>{t.status}</dt><dd>{common::review_status(c, r.status)}</dd></div>
                    <div><dt>{t.desired}</dt><dd>{l.yen(r.desired_line)}</dd></div>
                    {r.expected_at.map(|at| view! { <div><dt>{t.expected}</dt><dd>{l.datetime(at)}</dd></div> })}
                </dl>
                <p>{t.received_mail}</p>
                <p class="hint">{t.weekdays_only}</p>
            </div>
            <p><button type="button" class="secondary" on:click=move |_| on_changed.run(())>{common::tr(|t| t.reload)}</button></p>
        }
    };

    reactive_view(move || match step.get() {
        Step::Edit => edit().into_any(),
        Step::Proof => proof_step().into_any(),
        Step::Confirm => confirm().into_any(),
        Step::Done(r) => done(r).into_any(),
    })
}

/// The income proof's uploader, fetched in its own chunk when a request
/// needs a proof (`crate::pages::NestedChunks`).
fn proof_uploader(on_sent: Callback<String>) -> impl IntoView {
    let load = crate::pages::nested_loader(|c| c.proof_uploader, on_sent);
    view! { <crate::app::LazyChunk load title=title_of(Page::Limit) part=true /> }
}

/// The income proof's uploader (SPEC S11): the documents page's, which
/// answers the reception number of what it sent.
pub fn proof_uploader_view(on_sent: Callback<String>) -> AnyView {
    let sender = crate::pages::documents::document_sender(use_backend(), use_session());
    view! {
        <crate::components::documents::DocumentUploader
            kind=portal_api::DocumentKind::IncomeProof
            send=sender
            prefix="proof"
            on_sent=Callback::new(move |d: portal_api::SubmittedDocument| on_sent.run(d.reception_number)) />
    }
    .into_any()
}

/// A decrease: the new line, a confirmation with the warning, then done.
#[component]
fn DecreaseForm(status: CreditLineStatus, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let current = status.line;
    let balance = status.balance;
    let smallest = status.smallest_line;
    let value = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LineProblem>);
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let review = RwSignal::new(None::<Yen>);
    let done = RwSignal::new(None::<(Yen, Yen)>);
    let error = Signal::derive(move || problem.get().map(|p| message(i18n.t(), i18n.locale(), &p)));

    let to_confirm = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        match parse_decrease(&value.get_untracked(), current, balance) {
            Ok(line) => {
                problem.set(None);
                review.set(Some(line));
                crate::browser::focus_id_when_present("decrease-confirm");
            }
            Err(p) => {
                problem.set(Some(p));
                crate::browser::focus_id("new-line");
            }
        }
    };
    let send = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        let Some(line) = review.get_untracked() else {
            return;
        };
        pending.set(true);
        failure.set(None);
        let reply = backend.send::<DecreaseLine>(LineDecrease {
            line: line.0.to_string(),
        });
        spawn_local(async move {
            let result = reply.await;
            let _ = pending.try_set(false);
            match result {
                Ok(s) => {
                    let _ = done.try_set(Some((current, s.line)));
                    let _ = review.try_set(None);
                    crate::browser::focus_id_when_present("decrease-done");
                }
                Err(BackendError::LineRefused { problems }) => {
                    let _ = problem.try_set(problems.first().copied());
                    let _ = review.try_set(None);
                }
                Err(e) if session.absorb(&e) => {}
                Err(e) => {
                    let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                }
            }
        });
    });

    view! {
        <section aria-labelledby="decrease-title">
            <h2 id="decrease-title">{tr(|t| t.decrease_heading)}</h2>
            {reactive_view(move || {
                let t: &Texts = i18n.t();
                let l = i18n.locale();
                if let Some((before, after)) = done.get() {
                    return view! {
                        <div class="notice" role="status">
                            <p id="decrease-done" tabindex="-1">{(t.decrease_done)(&l.yen(before), &l.yen(after))}</p>
                        </div>
                        <p><button type="button" class="secondary" on:click=move |_| on_changed.run(())>{common::tr(|t| t.reload)}</button></p>
                    }.into_any();
                }
                if current <= smallest || current.0 <= LINE_UNIT {
                    return view! { <p>{(t.decrease_intro)(&l.yen(smallest))}</p> }.into_any();
                }
                match review.get() {
                    Some(line) => view! {
                        <h3 id="decrease-confirm" tabindex="-1">{t.confirm_heading}</h3>
                        <dl class="facts">
                            <div><dt>{t.line}</dt><dd>{l.yen(current)}</dd></div>
                            <div><dt>{t.new_line}</dt><dd>{l.yen(line)}</dd></div>
                        </dl>
                        <p class="notice notice-warning">{t.decrease_warning}</p>
                        <FailureNotice text=failure />
                        <p class="actions">
                            <button type="button" class="primary" aria-disabled=move || pending.get().to_string() on:click=move |_| send.run(())>{t.decrease_confirm}</button>
                            <button type="button" class="secondary" on:click=move |_| { failure.set(None); review.set(None) }>{t.back}</button>
                        </p>
                    }.into_any(),
                    None => view! {
                        <p>{(t.decrease_intro)(&l.yen(smallest))}</p>
                        <p class="hint">{t.decrease_warning}</p>
                        <form novalidate on:submit=to_confirm>
                            <AmountField id="new-line" label=tr(|t| t.new_line) hint=tr(|t| t.new_line_hint) value error />
                            <button type="submit" class="secondary">{t.to_decrease_confirm}</button>
                        </form>
                    }.into_any(),
                }
            })}
        </section>
    }
}
