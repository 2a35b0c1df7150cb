//! The payee account form (SPEC S8): bank and branch from the bank data,
//! 普通/当座, a 7-digit number and the holder's name in kana, which must be
//! the member's own. The lender checks everything again; its answer's
//! problems are shown on their fields, and what was typed stays.

use super::texts::{tr, Texts};
use crate::backend::use_backend;
use crate::components::field::{Field, FieldKind};
use crate::components::institution_picker::{BranchPicker, Choice, InstitutionPicker};
use crate::components::load_error::{failure_text, reactive_view, FailureNotice};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::ops::RegisterPayeeAccount;
use portal_api::{
    AccountKind, BackendError, PayeeAccount, PayeeAccountInput, PayeeError, PayeeField,
};
use portal_domain::kana::{holder_matches, normalize_holder_name, KanaNameError};
use portal_domain::movement::{parse_account_number, AccountNumberError};

/// A chosen bank or branch: its code and name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Chosen {
    code: String,
    name: String,
}

fn message(t: &Texts, kana: &str, field: PayeeField, error: PayeeError) -> String {
    match (field, error) {
        (PayeeField::Bank, _) => t.choose_bank.to_owned(),
        (PayeeField::Branch, _) => t.choose_branch.to_owned(),
        (PayeeField::Number, PayeeError::Required) => t.number_required.to_owned(),
        (PayeeField::Number, _) => t.number_digits.to_owned(),
        (PayeeField::Holder, PayeeError::Required) => t.holder_required.to_owned(),
        (PayeeField::Holder, PayeeError::TooLong) => t.holder_too_long.to_owned(),
        (PayeeField::Holder, PayeeError::NotMemberName) => (t.holder_not_member)(kana),
        (PayeeField::Holder, _) => t.holder_not_kana.to_owned(),
    }
}

/// Checks the form as the lender will, so most problems show at once.
fn check(
    bank: &Option<Chosen>,
    branch: &Option<Chosen>,
    number: &str,
    holder: &str,
    member_kana: &str,
) -> Vec<(PayeeField, PayeeError)> {
    let mut problems = Vec::new();
    if bank.is_none() {
        problems.push((PayeeField::Bank, PayeeError::Required));
    } else if branch.is_none() {
        problems.push((PayeeField::Branch, PayeeError::Required));
    }
    if let Err(e) = parse_account_number(number) {
        problems.push((
            PayeeField::Number,
            match e {
                AccountNumberError::Required => PayeeError::Required,
                AccountNumberError::NotDigits => PayeeError::NotDigits,
                AccountNumberError::Length => PayeeError::Length,
            },
        ));
    }
    match normalize_holder_name(holder) {
        Ok(h) if !holder_matches(&h, member_kana) => {
            problems.push((PayeeField::Holder, PayeeError::NotMemberName))
        }
        Ok(_) => {}
        Err(KanaNameError::Empty) => problems.push((PayeeField::Holder, PayeeError::Required)),
        Err(KanaNameError::TooLong) => problems.push((PayeeField::Holder, PayeeError::TooLong)),
        Err(KanaNameError::NotKana { .. }) => {
            problems.push((PayeeField::Holder, PayeeError::NotKana))
        }
    }
    problems
}

#[component]
pub fn PayeeForm(
    member_kana: String,
    on_saved: Callback<()>,
    /// Offered when an account is registered already.
    on_cancel: Option<Callback<()>>,
    /// Show the account for confirmation before registering it (the
    /// settings page; a member sent by `/transfer` registers at once, the
    /// transfer having its own confirmation screen).
    #[prop(optional)]
    confirm: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let kana = StoredValue::new(member_kana);
    let bank = RwSignal::new(None::<Chosen>);
    let branch = RwSignal::new(None::<Chosen>);
    let kind = RwSignal::new(AccountKind::Ordinary);
    let number = RwSignal::new(String::new());
    let holder = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<(PayeeField, PayeeError)>::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);

    let error_for = move |field: PayeeField| {
        Signal::derive(move || {
            let t: &Texts = i18n.t();
            problems.with(|ps| {
                ps.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(f, e)| kana.with_value(|k| message(t, k, *f, *e)))
            })
        })
    };

    // The account under review, when `confirm` asks for a review step.
    let review = RwSignal::new(None::<PayeeAccountInput>);
    let send = Callback::new(move |input: PayeeAccountInput| {
        pending.set(true);
        let backend = backend.get();
        spawn_local(async move {
            let result = backend.call::<RegisterPayeeAccount>(input).await;
            let _ = pending.try_set(false);
            match result {
                Ok(_) => on_saved.run(()),
                Err(BackendError::PayeeRefused { problems: found }) => {
                    let found: Vec<_> = found.iter().map(|p| (p.field, p.error)).collect();
                    if let Some((field, _)) = found.first() {
                        crate::browser::focus_id(field_id(*field));
                    }
                    let _ = problems.try_set(found);
                    let _ = review.try_set(None);
                }
                Err(e) if session.absorb(&e) => {}
                Err(e) => {
                    let _ = failure.try_set(Some(failure_text(i18n.t(), &e).to_owned()));
                }
            }
        });
    });

    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let found = kana.with_value(|k| {
            check(
                &bank.get_untracked(),
                &branch.get_untracked(),
                &number.get_untracked(),
                &holder.get_untracked(),
                k,
            )
        });
        if let Some((field, _)) = found.first() {
            crate::browser::focus_id(field_id(*field));
            problems.set(found);
            return;
        }
        problems.set(Vec::new());
        failure.set(None);
        let (Some(b), Some(br)) = (bank.get_untracked(), branch.get_untracked()) else {
            return;
        };
        let input = PayeeAccountInput {
            bank_code: b.code,
            bank_name: b.name,
            branch_code: br.code,
            branch_name: br.name,
            kind: kind.get_untracked(),
            number: number.get_untracked(),
            holder: holder.get_untracked(),
        };
        if confirm {
            review.set(Some(input));
            crate::browser::focus_id_when_present("payee-review");
            return;
        }
        send.run(input);
    };

    let kind_radio = move |value: AccountKind, label: fn(&'static Texts) -> &'static str| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="payee-kind"
                    prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value)
                />
                {tr(label)}
            </label>
        }
    };

    view! {
        <section aria-labelledby="payee-form-title" class="card">
            <h2 id="payee-form-title" tabindex="-1">{tr(|t| t.payee_form_heading)}</h2>
            <p>{move || kana.with_value(|k| (i18n.t::<Texts>().payee_form_intro)(k))}</p>
            <FailureNotice text=failure />
            {reactive_view(move || review.get().map(|input| {
                let t: &Texts = i18n.t();
                let holder = normalize_holder_name(&input.holder).unwrap_or_else(|_| input.holder.clone());
                let number = parse_account_number(&input.number).unwrap_or_else(|_| input.number.clone());
                let again = input.clone();
                view! {
                    <div class="review">
                        <h3 id="payee-review" tabindex="-1">{t.payee_review_heading}</h3>
                        {payee_facts(format!("{} {}", input.bank_name, input.branch_name), input.kind, number, holder)}
                        <div class="actions">
                            <button type="button" class="primary" aria-disabled=move || pending.get().to_string()
                                on:click=move |_| if !pending.get_untracked() { send.run(again.clone()) }>{t.register}</button>
                            <button type="button" class="secondary" on:click=move |_| { failure.set(None); review.set(None) }>{t.fix}</button>
                        </div>
                    </div>
                }
                .into_any()
            }).unwrap_or_else(|| ().into_any()))}
            <form novalidate on:submit=on_submit hidden=move || review.get().is_some()>
                <div class="field" id="payee-bank" tabindex="-1">
                    <InstitutionPicker
                        on_pick=Callback::new(move |i: Choice| {
                            bank.set(Some(Chosen { code: i.code, name: i.name }));
                            branch.set(None);
                        })
                        on_clear=Callback::new(move |()| {
                            bank.set(None);
                            branch.set(None);
                        })
                    />
                    <FieldError error=error_for(PayeeField::Bank) id="payee-bank-error" />
                </div>
                {reactive_view(move || bank.get().map(|b| view! {
                    <div class="field" id="payee-branch" tabindex="-1">
                        <BranchPicker
                            bank_code=b.code
                            on_pick=Callback::new(move |br: Choice| {
                                branch.set(Some(Chosen { code: br.code, name: br.name }));
                            })
                            on_clear=Callback::new(move |()| branch.set(None))
                        />
                        <FieldError error=error_for(PayeeField::Branch) id="payee-branch-error" />
                    </div>
                }.into_any()).unwrap_or_else(|| ().into_any()))}
                <fieldset class="field">
                    <legend>{tr(|t| t.account_kind)}</legend>
                    {kind_radio(AccountKind::Ordinary, |t| t.ordinary)}
                    {kind_radio(AccountKind::Current, |t| t.current)}
                </fieldset>
                <Field
                    id="payee-number"
                    label=tr(|t| t.number)
                    hint=tr(|t| t.number_hint)
                    value=number
                    error=error_for(PayeeField::Number)
                    kind=FieldKind::Text { convert: None }
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength=7
                />
                <Field
                    id="payee-holder"
                    label=tr(|t| t.holder)
                    hint=tr(|t| t.holder_hint)
                    value=holder
                    error=error_for(PayeeField::Holder)
                    kind=FieldKind::Text { convert: None }
                    autocomplete="off"
                />
                <div class="actions">
                    <button type="submit" class="primary" prop:disabled=move || pending.get()>{tr(|t| t.register)}</button>
                    {on_cancel.map(|cancel| view! {
                        <button type="button" class="secondary" on:click=move |_| cancel.run(())>{tr(|t| t.cancel)}</button>
                    })}
                </div>
            </form>
        </section>
    }
}

/// The payee account as a short description list.
#[component]
pub fn PayeeSummary(account: PayeeAccount) -> impl IntoView {
    payee_facts(
        format!("{} {}", account.bank_name, account.branch_name),
        account.kind,
        account.number_masked,
        account.holder,
    )
}

/// An account as a short description list: bank and branch, kind and
/// number (masked when registered, as typed under review), holder.
fn payee_facts(bank: String, kind: AccountKind, number: String, holder: String) -> AnyView {
    let i18n = use_i18n();
    reactive_view(move || {
        let t: &Texts = i18n.t();
        let kind = match kind {
            AccountKind::Ordinary => t.ordinary,
            AccountKind::Current => t.current,
        };
        view! {
            <dl class="figures compact">
                <div class="figure"><dt>{t.bank}</dt><dd>{bank.clone()}</dd></div>
                <div class="figure"><dt>{t.number}</dt><dd>{format!("{kind} {number}")}</dd></div>
                <div class="figure"><dt>{t.holder}</dt><dd>{holder.clone()}</dd></div>
            </dl>
        }
        .into_any()
    })
}

/// An error under a control that is not a `Field`, announced when it appears.
#[component]
fn FieldError(error: Signal<Option<String>>, id: &'static str) -> impl IntoView {
    reactive_view(move || match error.get() {
        Some(text) => view! { <p class="field-error" id=id role="alert">{text}</p> }.into_any(),
        None => ().into_any(),
    })
}

fn field_id(field: PayeeField) -> &'static str {
    match field {
        PayeeField::Bank => "payee-bank",
        PayeeField::Branch => "payee-branch",
        PayeeField::Number => "payee-number",
        PayeeField::Holder => "payee-holder",
    }
}
