//! `/settings/email` (メールアドレスの登録・変更, SPEC S12): the member types the
//! new address, the lender mails a 6-digit code to it (proving the member
//! reads that mailbox), and typing the code changes the address. The code
//! step shows the address before and after and is where the member
//! confirms; the result says what changed and that notices went to both
//! addresses (the lender tells the old one too).
//!
//! The code and the request's name live in this page's signals only, never
//! in browser storage. A wrong code says how many tries are left; an
//! expired or used-up code offers a new one; a request the lender no longer
//! knows sends the member back to the address, which stays as typed.

use super::{failure_message, with_profile, ChangeDone, ChangeRow, SectionFrame};
use crate::backend::use_backend;
use crate::browser;
use crate::components::code_step::{self, CodeField};
use crate::components::field::{input_id, ErrorSummary, Field, FieldKind};
use crate::components::load_error::{reactive_view, FailureNotice};
use crate::i18n::{common, use_i18n};
use crate::routes::SettingsSection;
use crate::session::use_session;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::ops::{ConfirmEmailChange, RequestEmailChangeCode};
use portal_api::{
    BackendError, CodeEnd, CodeSent, EmailChangeRequest, EmailChanged, EmailCodeRequest,
    FieldProblem, Profile,
};
use portal_domain::clock::to_jst;
use portal_domain::credentials::parse_new_email;
use portal_domain::input::{Field as InputField, FieldError};
use portal_domain::recovery::{normalize_email, parse_confirmation_code};

mod own {
    use crate::texts;

    texts! {
        /// The e-mail section's own words.
        pub struct Texts {
            intro: &'static str {
                ja: "ご登録のメールアドレスを変更できます。新しいメールアドレスあてに確認コードをお送りしますので、届いたコードを入力すると変更が完了します。",
                en: "Change the e-mail address we write to. We send a confirmation code to the new address; entering it completes the change.",
            }
            current: &'static str {
                ja: "現在のメールアドレス",
                en: "Current e-mail address",
            }
            new_email: &'static str {
                ja: "新しいメールアドレス",
                en: "New e-mail address",
            }
            new_email_hint: &'static str {
                ja: "半角で入力してください（例: name@example.jp）。このアドレスに確認コードをお送りします。",
                en: "In half-width characters (for example name@example.jp). We send the confirmation code to this address.",
            }
            step_edit: &'static str {
                ja: "新しいメールアドレスの入力",
                en: "Your new address",
            }
            step_code: &'static str {
                ja: "確認コードの入力",
                en: "Enter the confirmation code",
            }
            send_code: &'static str {
                ja: "確認コードを送信",
                en: "Send the confirmation code",
            }
            sending: &'static str {
                ja: "送信しています…",
                en: "Sending…",
            }
            code_sent: fn(&str, &str) -> String {
                ja: |email, until| format!("{email} あてに6桁の確認コードをお送りしました。{until}まで有効です。"),
                en: |email, until| format!("We have e-mailed a 6-digit confirmation code to {email}. It works until {until}."),
            }
            code_hint: &'static str {
                ja: "新しいメールアドレスに届いたメールに記載の半角数字6桁",
                en: "The 6 half-width digits in the e-mail sent to your new address",
            }
            confirm: &'static str {
                ja: "メールアドレスを変更する",
                en: "Change the address",
            }
            saving: &'static str {
                ja: "変更しています…",
                en: "Saving…",
            }
            code_not_arrived: &'static str {
                ja: "メールが届かない場合は、迷惑メールフォルダとメールアドレスに誤りがないかをご確認のうえ、確認コードを再送してください。",
                en: "If no e-mail arrives, check your spam folder and the address you typed, then send a new code.",
            }
            edit_address: &'static str {
                ja: "メールアドレスを修正する",
                en: "Correct the address",
            }
            code_unknown: &'static str {
                ja: "このお手続きは、新しい確認コードが発行されたか時間が経ったため続けられません。もう一度、確認コードの送信からお手続きください。",
                en: "This request cannot go on: a newer code was sent, or too much time has passed. Please send a code again.",
            }
            row_email: &'static str {
                ja: "メールアドレス",
                en: "E-mail address",
            }
            old_told: &'static str {
                ja: "変更前のメールアドレスにも、変更のお知らせをお送りしました。",
                en: "We have also told your previous address about the change.",
            }
            privacy_note: &'static str {
                ja: "確認コードは、この画面を閉じると消去され、お使いの端末には保存されません。",
                en: "The code is cleared when you leave this page and is never stored on your device.",
            }
        }
    }
}
use own::{tr, Texts as Own};

/// Each step's heading has its own id, so that focusing the next step's
/// heading never finds the step being left.
const EDIT_HEADING: &str = "settings-step-email";
const CODE_HEADING: &str = "settings-step-code";

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Edit,
    /// A code was mailed to this address.
    Code(CodeSent, String),
    Done(EmailChanged),
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Problem {
    Rule(FieldError),
    CodeWrong(u8),
}

/// A message above the form: a failure (an alert) or news.
#[derive(Clone, Debug, PartialEq)]
enum Message {
    Failed(BackendError),
    CodeEnded(CodeEnd),
    CodeResent,
}

#[component]
pub fn EmailSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::Email>
            <p>{tr(|t| t.intro)}</p>
            {with_profile(|p: Profile| view! { <EmailForm current=p.email /> })}
        </SectionFrame>
    }
}

#[component]
fn EmailForm(current: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let current = StoredValue::new(current);
    let step = RwSignal::new(Step::Edit);
    let email = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<(InputField, Problem)>::new());
    let message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);

    let problem_text = move |f: InputField, p: Problem| {
        let own: &Own = i18n.t();
        let c: &common::Texts = i18n.t();
        let label = if f == InputField::Code {
            i18n.t::<code_step::Texts>().code
        } else {
            own.new_email
        };
        match p {
            Problem::Rule(e) => (c.field_error)(label, e),
            Problem::CodeWrong(left) => (i18n.t::<code_step::Texts>().code_wrong)(left),
        }
    };
    let error_for = move |f: InputField| {
        Signal::derive(move || {
            problems.with(|ps| {
                ps.iter()
                    .find(|(g, _)| *g == f)
                    .map(|(_, p)| problem_text(f, *p))
            })
        })
    };
    let show_problems = move |found: Vec<(InputField, Problem)>| {
        if let Some((first, _)) = found.first() {
            browser::focus_id(input_id(*first));
        }
        problems.set(found);
    };
    let go_to = move |next: Step| {
        problems.set(Vec::new());
        let heading = match next {
            Step::Edit => Some(EDIT_HEADING),
            Step::Code(..) => Some(CODE_HEADING),
            // `ChangeDone` focuses its own heading.
            Step::Done(_) => None,
        };
        step.set(next);
        if let Some(id) = heading {
            browser::focus_id_when_present(id);
        }
    };
    let fail = move |e: BackendError| match e {
        BackendError::InvalidInput { problems: found } if !found.is_empty() => {
            if found.iter().any(|p| p.field == InputField::Email) {
                go_to(Step::Edit);
            }
            show_problems(
                found
                    .into_iter()
                    .map(|FieldProblem { field, error }| (field, Problem::Rule(error)))
                    .collect(),
            );
        }
        BackendError::CodeRefused { tries_left } => {
            show_problems(vec![(InputField::Code, Problem::CodeWrong(tries_left))]);
        }
        BackendError::CodeEnded {
            why: CodeEnd::Unknown,
        } => {
            message.set(Some(Message::CodeEnded(CodeEnd::Unknown)));
            go_to(Step::Edit);
        }
        BackendError::CodeEnded { why } => message.set(Some(Message::CodeEnded(why))),
        e if session.absorb(&e) => {}
        e => message.set(Some(Message::Failed(e))),
    };

    // The edit step, and a resend from the code step: ask for a code.
    let request_code = {
        let backend = backend.clone();
        move |resend: bool| {
            if pending.get_untracked() {
                return;
            }
            let parsed =
                current.with_value(|c| parse_new_email(&email.get_untracked(), c.as_deref()));
            let address = match parsed {
                Ok(address) => address.as_str().to_owned(),
                Err(e) => {
                    if resend {
                        go_to(Step::Edit);
                    }
                    return show_problems(vec![(InputField::Email, Problem::Rule(e))]);
                }
            };
            pending.set(true);
            message.set(None);
            let reply = backend.send::<RequestEmailChangeCode>(EmailCodeRequest {
                email: address.clone(),
            });
            spawn_local(async move {
                let result = reply.await;
                let _ = pending.try_set(false);
                match result {
                    Ok(sent) => {
                        let _ = code.try_set(String::new());
                        if resend {
                            let _ = message.try_set(Some(Message::CodeResent));
                        }
                        go_to(Step::Code(sent, address));
                    }
                    Err(e) => fail(e),
                }
            });
        }
    };
    let send_code = {
        let request_code = request_code.clone();
        move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            request_code(false);
        }
    };
    let resend = {
        let request_code = request_code.clone();
        move |_| request_code(true)
    };

    // The code step: the code changes the address.
    let confirm = {
        let backend = backend.clone();
        move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            let Step::Code(sent, _) = step.get_untracked() else {
                return;
            };
            if pending.get_untracked() {
                return;
            }
            let typed = match parse_confirmation_code(&code.get_untracked()) {
                Ok(typed) => typed,
                Err(e) => return show_problems(vec![(InputField::Code, Problem::Rule(e))]),
            };
            pending.set(true);
            message.set(None);
            problems.set(Vec::new());
            let reply = backend.send::<ConfirmEmailChange>(EmailChangeRequest {
                challenge: sent.challenge,
                code: typed.as_str().to_owned(),
            });
            spawn_local(async move {
                let result = reply.await;
                let _ = pending.try_set(false);
                match result {
                    Ok(changed) => {
                        let _ = code.try_set(String::new());
                        let _ = message.try_set(None);
                        go_to(Step::Done(changed));
                    }
                    Err(e) => fail(e),
                }
            });
        }
    };

    let message_view = move || {
        let own: &Own = i18n.t();
        let (text, alert) = match message.get()? {
            Message::Failed(e) => (failure_message(&e), true),
            Message::CodeEnded(why) => (
                code_step::ended_text(i18n.t(), why)
                    .unwrap_or(own.code_unknown)
                    .to_owned(),
                true,
            ),
            Message::CodeResent => (i18n.t::<code_step::Texts>().code_resent.to_owned(), false),
        };
        Some(if alert {
            view! { <FailureNotice text=Signal::derive(move || Some(text.clone())) /> }.into_any()
        } else {
            view! { <div class="notice" role="status"><p>{text}</p></div> }.into_any()
        })
    };
    let summary = Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|(f, p)| (input_id(f), problem_text(f, p)))
            .collect::<Vec<_>>()
    });
    let button = move |idle: fn(&Own) -> &'static str, busy: fn(&Own) -> &'static str| {
        view! {
            <button type="submit" class="primary" aria-disabled=move || pending.get().to_string()>
                {move || if pending.get() { busy(i18n.t()) } else { idle(i18n.t()) }}
            </button>
        }
    };
    let current_text = move || {
        let t: &super::texts::Texts = i18n.t();
        current.with_value(|c| c.clone().unwrap_or_else(|| t.not_registered.to_owned()))
    };

    reactive_view(move || match step.get() {
        Step::Edit => view! {
            <dl class="facts">
                <div><dt>{tr(|t| t.current)}</dt><dd>{current_text}</dd></div>
            </dl>
            <h2 id=EDIT_HEADING tabindex="-1">{tr(|t| t.step_edit)}</h2>
            {message_view}
            <ErrorSummary items=summary />
            <form novalidate on:submit=send_code.clone()>
                <Field
                    id=input_id(InputField::Email)
                    label=tr(|t| t.new_email)
                    hint=tr(|t| t.new_email_hint)
                    value=email
                    error=error_for(InputField::Email)
                    kind=FieldKind::Text { convert: Some(normalize_email) }
                    inputmode="email"
                    autocomplete="email"
                    maxlength=254
                />
                {button(|t| t.send_code, |t| t.sending)}
            </form>
        }
        .into_any(),
        Step::Code(sent, address) => {
            let until = move || i18n.locale().datetime(to_jst(sent.expires_at));
            let shown = address.clone();
            view! {
                <h2 id=CODE_HEADING tabindex="-1">{tr(|t| t.step_code)}</h2>
                <dl class="facts">
                    <div><dt>{tr(|t| t.current)}</dt><dd>{current_text}</dd></div>
                    <div><dt>{tr(|t| t.new_email)}</dt><dd>{address}</dd></div>
                </dl>
                {message_view}
                <ErrorSummary items=summary />
                <p>{move || (i18n.t::<Own>().code_sent)(&shown, &until())}</p>
                <form novalidate on:submit=confirm.clone()>
                    <CodeField id=input_id(InputField::Code) hint=tr(|t| t.code_hint) value=code error=error_for(InputField::Code) />
                    {button(|t| t.confirm, |t| t.saving)}
                </form>
                <p class="hint">{tr(|t| t.code_not_arrived)}</p>
                <p class="actions">
                    <button type="button" class="secondary" on:click=resend.clone()>{code_step::tr(|t| t.resend)}</button>
                    <button type="button" class="link-button"
                        on:click=move |_| { message.set(None); go_to(Step::Edit) }>
                        {tr(|t| t.edit_address)}
                    </button>
                </p>
                <p class="hint">{tr(|t| t.privacy_note)}</p>
            }
            .into_any()
        }
        Step::Done(EmailChanged {
            email: now,
            previous,
        }) => {
            let own: &Own = i18n.t();
            let t: &super::texts::Texts = i18n.t();
            let old_told = previous.is_some();
            let rows = vec![ChangeRow {
                label: own.row_email.to_owned(),
                before: previous.unwrap_or_else(|| t.not_registered.to_owned()),
                after: now,
            }];
            view! {
                <ChangeDone rows>
                    {old_told.then(|| view! { <p>{tr(|t| t.old_told)}</p> })}
                </ChangeDone>
            }
        }
        .into_any(),
    })
}
