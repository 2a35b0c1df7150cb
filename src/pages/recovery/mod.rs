//! `/register` (WEB-ID登録) and `/password-reset` (パスワードの再設定), SPEC
//! S5: one flow in four steps. The member's details go to the lender, which
//! answers the same whether they match or not and e-mails a 6-digit code
//! when they do; the code is checked (5 tries, 10 minutes; a new code ends
//! the old one); then the member chooses a WEB-ID and password (or a new
//! password), and signs in with them.
//!
//! Nothing here touches browser storage: the code, the passwords and the
//! request's name live in this page's signals and go when it goes. A card
//! member who forgot the PIN is told how to reset it at an automatic
//! contract machine instead of being given a form.

mod texts;

use crate::backend::use_backend;
use crate::browser;
use crate::components::code_step::{self, CodeField};
use crate::components::field::{input_id, ErrorSummary, Field, FieldKind};
use crate::components::load_error::{failure_text, FailureNotice};
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{common, use_i18n};
use crate::routes::Page;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use portal_api::ops::{
    RegisterWebId, RequestRegistrationCode, RequestResetCode, ResetPassword, VerifyCode,
};
use portal_api::{
    BackendError, CodeEnd, CodeSent, FieldProblem, PasswordResetRequest, RegistrationCodeRequest,
    RegistrationRequest, ResetCodeRequest, VerifyCodeRequest,
};
use portal_domain::clock::to_jst;
use portal_domain::input::{
    collect_errors, normalize_digits_width, normalize_web_id, parse_member_number,
    parse_new_password, parse_web_id, Field as InputField, FieldError,
};
use portal_domain::recovery::{normalize_email, parse_confirmation_code, parse_email};
use texts::{tr, Texts};

/// Which of the two pages this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Register,
    Reset,
}

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Details,
    Code(CodeSent),
    /// The code was accepted for this request.
    Choose(String),
    /// Finished; the registered WEB-ID for a registration.
    Done(Option<String>),
}

impl Step {
    fn number(&self) -> usize {
        match self {
            Step::Details => 1,
            Step::Code(_) => 2,
            Step::Choose(_) => 3,
            Step::Done(_) => 4,
        }
    }
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Problem {
    Rule(FieldError),
    WebIdTaken,
    CodeWrong(u8),
}

/// A message above the form: a failure (announced as an alert) or news.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Message {
    Failed(&'static str),
    CodeEnded(CodeEnd),
    CodeResent,
}

const STEP_HEADING: &str = "recovery-step";

/// Everything the member types, in memory only.
#[derive(Clone, Copy)]
struct Inputs {
    /// The member number (registration) or WEB-ID (reset).
    who: RwSignal<String>,
    email: RwSignal<String>,
    code: RwSignal<String>,
    new_web_id: RwSignal<String>,
    password: RwSignal<String>,
    password_again: RwSignal<String>,
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    view! {
        <section class="page narrow recovery">
            <PageTitle text=title_of(Page::Register) />
            <p>{tr(|t| t.register_intro)}</p>
            <RecoveryFlow flow=Flow::Register />
        </section>
    }
}

#[component]
pub fn PasswordResetPage() -> impl IntoView {
    let card = RwSignal::new(false);
    view! {
        <section class="page narrow recovery">
            <PageTitle text=title_of(Page::PasswordReset) />
            <fieldset class="field login-kind">
                <legend>{tr(|t| t.login_kind)}</legend>
                <label>
                    <input type="radio" name="login-kind" prop:checked=move || !card.get() on:change=move |_| card.set(false) />
                    {tr(|t| t.kind_web_id)}
                </label>
                <label>
                    <input type="radio" name="login-kind" prop:checked=move || card.get() on:change=move |_| card.set(true) />
                    {tr(|t| t.kind_card)}
                </label>
            </fieldset>
            <Show
                when=move || card.get()
                fallback=|| view! {
                    <p>{tr(|t| t.reset_intro)}</p>
                    <RecoveryFlow flow=Flow::Reset />
                }
            >
                <div class="notice" role="status">
                    <h2>{tr(|t| t.pin_title)}</h2>
                    <p>{tr(|t| t.pin_body)}</p>
                    <p>
                        {tr(|t| t.pin_register_hint)}
                        " "
                        <A href=Page::Register.path()>{move || Page::Register.title(use_i18n().locale())}</A>
                    </p>
                </div>
            </Show>
            <p><A href=Page::Login.path()>{tr(|t| t.back_to_login)}</A></p>
        </section>
    }
}

#[component]
fn RecoveryFlow(flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let step = RwSignal::new(Step::Details);
    let inputs = Inputs {
        who: RwSignal::new(String::new()),
        email: RwSignal::new(String::new()),
        code: RwSignal::new(String::new()),
        new_web_id: RwSignal::new(String::new()),
        password: RwSignal::new(String::new()),
        password_again: RwSignal::new(String::new()),
    };
    let problems = RwSignal::new(Vec::<(InputField, Problem)>::new());
    let message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);

    let label_of = move |f: InputField| {
        let t: &Texts = i18n.t();
        match f {
            InputField::MemberNumber => t.member_number,
            InputField::Email => t.email,
            InputField::Code => i18n.t::<code_step::Texts>().code,
            InputField::WebId => t.web_id,
            InputField::PasswordConfirmation => t.password_again,
            _ => t.password,
        }
    };
    let problem_text = move |f: InputField, p: Problem| {
        let t: &Texts = i18n.t();
        let c: &common::Texts = i18n.t();
        match p {
            Problem::Rule(e) => (c.field_error)(label_of(f), e),
            Problem::WebIdTaken => t.web_id_taken.to_owned(),
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
        step.set(next);
        browser::focus_id_when_present(STEP_HEADING);
    };
    // A failure every step can meet. A code request or check that has run
    // out sends the member back to where they can go on.
    let fail = move |e: BackendError| {
        let t: &common::Texts = i18n.t();
        match e {
            BackendError::InvalidInput { problems: found } if !found.is_empty() => {
                show_problems(
                    found
                        .into_iter()
                        .map(|FieldProblem { field, error }| (field, Problem::Rule(error)))
                        .collect(),
                );
            }
            BackendError::CodeEnded {
                why: CodeEnd::Unknown,
            } => {
                message.set(Some(Message::CodeEnded(CodeEnd::Unknown)));
                go_to(Step::Details);
            }
            BackendError::CodeEnded { why } => {
                message.set(Some(Message::CodeEnded(why)));
                if matches!(step.get_untracked(), Step::Choose(_)) {
                    go_to(Step::Details);
                }
            }
            BackendError::Maintenance { .. } => {
                message.set(Some(Message::Failed(t.maintenance_now)))
            }
            other => message.set(Some(Message::Failed(failure_text(t, &other)))),
        }
    };

    // Step 1 (and a resend from step 2): ask for a code.
    let request_code = {
        let backend = backend.clone();
        move |resend: bool| {
            if pending.get_untracked() {
                return;
            }
            let email = parse_email(&inputs.email.get_untracked());
            let who = inputs.who.get_untracked();
            let (who_field, who_ok) = match flow {
                Flow::Register => (
                    InputField::MemberNumber,
                    parse_member_number(&who).map(|n| n.as_str().to_owned()),
                ),
                Flow::Reset => (
                    InputField::WebId,
                    parse_web_id(&who).map(|w| w.as_str().to_owned()),
                ),
            };
            let (who, email) = match (who_ok, email) {
                (Ok(w), Ok(e)) => (w, e.as_str().to_owned()),
                (w, e) => {
                    let found =
                        collect_errors([(who_field, w.err()), (InputField::Email, e.err())])
                            .into_iter()
                            .map(|(f, e)| (f, Problem::Rule(e)))
                            .collect();
                    if resend {
                        go_to(Step::Details);
                    }
                    show_problems(found);
                    return;
                }
            };
            pending.set(true);
            message.set(None);
            let reply = match flow {
                Flow::Register => {
                    backend.send::<RequestRegistrationCode>(RegistrationCodeRequest {
                        member_number: who,
                        email,
                    })
                }
                Flow::Reset => {
                    backend.send::<RequestResetCode>(ResetCodeRequest { web_id: who, email })
                }
            };
            spawn_local(async move {
                let result = reply.await;
                let _ = pending.try_set(false);
                match result {
                    Ok(sent) => {
                        let _ = inputs.code.try_set(String::new());
                        if resend {
                            let _ = message.try_set(Some(Message::CodeResent));
                        }
                        go_to(Step::Code(sent));
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

    // Step 2: check the code.
    let verify = {
        let backend = backend.clone();
        move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            let Step::Code(sent) = step.get_untracked() else {
                return;
            };
            if pending.get_untracked() {
                return;
            }
            let code = match parse_confirmation_code(&inputs.code.get_untracked()) {
                Ok(code) => code,
                Err(e) => return show_problems(vec![(InputField::Code, Problem::Rule(e))]),
            };
            pending.set(true);
            message.set(None);
            problems.set(Vec::new());
            let challenge = sent.challenge.clone();
            let reply = backend.send::<VerifyCode>(VerifyCodeRequest {
                challenge: challenge.clone(),
                code: code.as_str().to_owned(),
            });
            spawn_local(async move {
                let result = reply.await;
                let _ = pending.try_set(false);
                match result {
                    Ok(()) => {
                        let _ = inputs.code.try_set(String::new());
                        go_to(Step::Choose(challenge));
                    }
                    Err(BackendError::CodeRefused { tries_left }) => {
                        show_problems(vec![(InputField::Code, Problem::CodeWrong(tries_left))]);
                    }
                    Err(e) => fail(e),
                }
            });
        }
    };

    // Step 3: the WEB-ID and password, or the new password.
    let complete = {
        let backend = backend.clone();
        move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            let Step::Choose(challenge) = step.get_untracked() else {
                return;
            };
            if pending.get_untracked() {
                return;
            }
            let password = inputs.password.get_untracked();
            let again = inputs.password_again.get_untracked();
            let web_id = match flow {
                Flow::Register => inputs.new_web_id.get_untracked(),
                Flow::Reset => inputs.who.get_untracked(),
            };
            let mut found = Vec::new();
            let parsed_id = parse_web_id(&web_id);
            if flow == Flow::Register {
                if let Err(e) = &parsed_id {
                    found.push((InputField::WebId, Problem::Rule(*e)));
                }
            }
            match parse_new_password(&password, &web_id) {
                Err(e) => found.push((InputField::Password, Problem::Rule(e))),
                Ok(_) if again != password => found.push((
                    InputField::PasswordConfirmation,
                    Problem::Rule(if again.is_empty() {
                        FieldError::Required
                    } else {
                        FieldError::Mismatch
                    }),
                )),
                Ok(_) => {}
            }
            if !found.is_empty() {
                return show_problems(found);
            }
            pending.set(true);
            message.set(None);
            problems.set(Vec::new());
            let reply = match flow {
                Flow::Register => {
                    let web_id = parsed_id.map(|w| w.as_str().to_owned()).unwrap_or_default();
                    let fut = backend.send::<RegisterWebId>(RegistrationRequest {
                        challenge,
                        web_id,
                        password,
                    });
                    Box::pin(async move { fut.await.map(|r| Some(r.web_id)) })
                        as std::pin::Pin<
                            Box<
                                dyn std::future::Future<
                                    Output = Result<Option<String>, BackendError>,
                                >,
                            >,
                        >
                }
                Flow::Reset => {
                    let fut = backend.send::<ResetPassword>(PasswordResetRequest {
                        challenge,
                        password,
                    });
                    Box::pin(async move { fut.await.map(|()| None) })
                }
            };
            spawn_local(async move {
                let result = reply.await;
                let _ = pending.try_set(false);
                match result {
                    Ok(registered) => {
                        for secret in [inputs.password, inputs.password_again] {
                            let _ = secret.try_set(String::new());
                        }
                        go_to(Step::Done(registered));
                    }
                    Err(BackendError::WebIdTaken) => {
                        show_problems(vec![(InputField::WebId, Problem::WebIdTaken)]);
                    }
                    Err(e) => fail(e),
                }
            });
        }
    };

    let message_view = move || {
        let t: &Texts = i18n.t();
        let (text, alert) = match message.get()? {
            Message::Failed(text) => (text, true),
            Message::CodeEnded(why) => (
                code_step::ended_text(i18n.t(), why).unwrap_or(t.code_unknown),
                true,
            ),
            Message::CodeResent => (i18n.t::<code_step::Texts>().code_resent, false),
        };
        Some(if alert {
            view! { <FailureNotice text=Signal::derive(move || Some(text.to_owned())) /> }
                .into_any()
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

    let step_names = move || {
        let t: &Texts = i18n.t();
        let choose = match flow {
            Flow::Register => t.step_choose_register,
            Flow::Reset => t.step_choose_reset,
        };
        [t.step_details, t.step_code, choose, t.step_done]
    };
    let progress = move || {
        let current = step.with(Step::number);
        step_names()
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let here = i + 1 == current;
                view! {
                    <li class:current=here class:done=i + 1 < current aria-current=here.then_some("step")>{name}</li>
                }
            })
            .collect_view()
    };
    let heading = move || {
        let t: &Texts = i18n.t();
        let n = step.with(Step::number);
        format!("{} {}", (t.step_of)(n, 4), step_names()[n - 1])
    };
    let button = move |idle: fn(&Texts) -> &'static str, busy: fn(&Texts) -> &'static str| {
        view! {
            <button type="submit" class="primary" aria-disabled=move || pending.get().to_string()>
                {move || if pending.get() { busy(i18n.t()) } else { idle(i18n.t()) }}
            </button>
        }
    };

    let body = move || match step.get() {
        Step::Details => {
            let (who_label, who_hint, who_id, convert, inputmode): (_, _, _, fn(&str) -> _, _) =
                match flow {
                    Flow::Register => (
                        tr(|t| t.member_number),
                        tr(|t| t.member_number_hint),
                        InputField::MemberNumber,
                        normalize_digits_width,
                        "numeric",
                    ),
                    Flow::Reset => (
                        tr(|t| t.web_id),
                        tr(|t| t.web_id_hint),
                        InputField::WebId,
                        normalize_web_id,
                        "",
                    ),
                };
            view! {
                <form novalidate on:submit=send_code.clone()>
                    <Field
                        id=input_id(who_id)
                        label=who_label
                        hint=who_hint
                        value=inputs.who
                        error=error_for(who_id)
                        kind=FieldKind::Text { convert: Some(convert) }
                        inputmode=inputmode
                        autocomplete=if flow == Flow::Reset { "username" } else { "off" }
                        maxlength=40
                    />
                    <Field
                        id="email"
                        label=tr(|t| t.email)
                        hint=tr(|t| t.email_hint)
                        value=inputs.email
                        error=error_for(InputField::Email)
                        kind=FieldKind::Text { convert: Some(normalize_email) }
                        inputmode="email"
                        autocomplete="email"
                        maxlength=254
                    />
                    {button(|t| t.send_code, |t| t.sending)}
                </form>
            }
            .into_any()
        }
        Step::Code(sent) => {
            let until = move || i18n.locale().datetime(to_jst(sent.expires_at));
            view! {
                <p>{move || (i18n.t::<Texts>().code_sent)(&until())}</p>
                <form novalidate on:submit=verify.clone()>
                    <CodeField id="code" hint=tr(|t| t.code_hint) value=inputs.code error=error_for(InputField::Code) />
                    {button(|t| t.next, |t| t.checking)}
                </form>
                <p class="hint">{tr(|t| t.code_not_arrived)}</p>
                <p class="actions">
                    <button type="button" class="secondary" on:click=resend.clone()>{code_step::tr(|t| t.resend)}</button>
                    <button type="button" class="link-button" on:click=move |_| { message.set(None); go_to(Step::Details) }>{tr(|t| t.change_details)}</button>
                </p>
            }
            .into_any()
        }
        Step::Choose(_) => view! {
            <form novalidate on:submit=complete.clone()>
                {(flow == Flow::Register).then(|| view! {
                    <Field
                        id="web-id"
                        label=tr(|t| t.web_id)
                        hint=tr(|t| t.new_web_id_hint)
                        value=inputs.new_web_id
                        error=error_for(InputField::WebId)
                        kind=FieldKind::Text { convert: Some(normalize_web_id) }
                        autocomplete="username"
                        maxlength=40
                    />
                })}
                <Field
                    id="password"
                    label=tr(|t| t.password)
                    hint=tr(|t| t.new_password_hint)
                    value=inputs.password
                    error=error_for(InputField::Password)
                    kind=FieldKind::Secret
                    autocomplete="new-password"
                />
                <Field
                    id="password-confirmation"
                    label=tr(|t| t.password_again)
                    hint=tr(|t| t.password_again_hint)
                    value=inputs.password_again
                    error=error_for(InputField::PasswordConfirmation)
                    kind=FieldKind::Secret
                    autocomplete="new-password"
                />
                {match flow {
                    Flow::Register => button(|t| t.register_button, |t| t.saving),
                    Flow::Reset => button(|t| t.reset_button, |t| t.saving),
                }}
            </form>
        }
        .into_any(),
        Step::Done(registered) => view! {
            <div class="notice" role="status">
                <p><strong>{move || match flow {
                    Flow::Register => i18n.t::<Texts>().registered_title,
                    Flow::Reset => i18n.t::<Texts>().reset_title,
                }}</strong></p>
                <p>{move || match &registered {
                    Some(id) => (i18n.t::<Texts>().registered_body)(id),
                    None => i18n.t::<Texts>().reset_body.to_owned(),
                }}</p>
            </div>
            <p><A href=Page::Login.path()>{tr(|t| t.to_login)}</A></p>
        }
        .into_any(),
    };

    view! {
        <ol class="steps" aria-label=tr(|t| t.steps_label)>{progress}</ol>
        <h2 id=STEP_HEADING tabindex="-1">{heading}</h2>
        {message_view}
        <ErrorSummary items=summary />
        {body}
        <p class="hint">{tr(|t| t.privacy_note)}</p>
    }
}
