//! `/settings/web-id` (WEB-ID・パスワードの登録・変更, SPEC S12).
//!
//! A member who has a WEB-ID changes it and/or the password, confirming with
//! the current password; a card member without one adds a WEB-ID and
//! password, confirming with the card's PIN, and keeps signing in with the
//! card too. Everything is checked with the domain's rules first
//! (`portal_domain::credentials::validate_login_change`); the review shows
//! the WEB-ID before and after and only whether the password changes, never
//! a password; the lender checks again.
//!
//! A wrong current secret comes back at its field and counts towards the
//! security lock like a failed sign-in: that field is cleared (it has to be
//! typed again anyway), everything else stays as typed. The attempt that
//! locks the account ends the session; the page then explains the lock.
//! Passwords live in this page's signals only and are cleared once the
//! change is made.

use super::texts::Texts;
use super::{failure_message, with_profile, ChangeDone, ChangeReview, ChangeRow, SectionFrame};
use crate::backend::use_backend;
use crate::browser;
use crate::components::field::{input_id, ErrorSummary, Field, FieldKind};
use crate::components::load_error::reactive_view;
use crate::i18n::{common, use_i18n};
use crate::routes::{HelpTopic, SettingsSection};
use crate::session::{use_session, SignOutReason};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use portal_api::ops::ChangeLogin;
use portal_api::{BackendError, FieldProblem, LoginChangeRequest, LoginChanged, Profile};
use portal_domain::credentials::{current_secret_field, validate_login_change, LoginChangeForm};
use portal_domain::input::{normalize_web_id, Field as InputField, FieldError};

mod own {
    use crate::texts;

    texts! {
        /// The WEB-ID and password section's own words.
        pub struct Texts {
            intro_change: &'static str {
                ja: "ログインに使うWEB-IDとパスワードを変更できます。WEB-IDだけ、パスワードだけの変更もできます。",
                en: "Change the WEB-ID and password you sign in with: either one, or both.",
            }
            intro_add: &'static str {
                ja: "WEB-IDとパスワードを登録すると、カードがなくてもログインできます。登録後もカードでのログインはそのままご利用いただけます。",
                en: "With a WEB-ID and password you can sign in without your card. Signing in with the card keeps working.",
            }
            current_web_id: &'static str {
                ja: "現在のWEB-ID",
                en: "Current WEB-ID",
            }
            step_change: &'static str {
                ja: "変更内容の入力",
                en: "What to change",
            }
            step_add: &'static str {
                ja: "登録内容の入力",
                en: "Your WEB-ID and password",
            }
            current_password: &'static str {
                ja: "現在のパスワード",
                en: "Current password",
            }
            current_password_hint: &'static str {
                ja: "ご本人確認のため、いまログインに使っているパスワードを入力してください。続けてまちがえると、ログインと同じくセキュリティロックがかかります。",
                en: "To confirm it is you, enter the password you sign in with now. Repeated mistakes lock your account, as at sign-in.",
            }
            pin: &'static str {
                ja: "暗証番号",
                en: "PIN",
            }
            pin_hint: &'static str {
                ja: "ご本人確認のため、カードの暗証番号（半角数字4桁）を入力してください。続けてまちがえると、ログインと同じくセキュリティロックがかかります。",
                en: "To confirm it is you, enter your card's PIN (4 half-width digits). Repeated mistakes lock your account, as at sign-in.",
            }
            new_web_id: &'static str {
                ja: "新しいWEB-ID",
                en: "New WEB-ID",
            }
            new_web_id_hint: &'static str {
                ja: "変更しない場合はそのままにしてください。半角英数字8～32桁（大文字・小文字を区別します）。ほかの方が使っているWEB-IDは使えません。",
                en: "Leave it as it is to keep it. 8–32 half-width letters and digits (case-sensitive), not used by anyone else.",
            }
            web_id: &'static str {
                ja: "WEB-ID",
                en: "WEB-ID",
            }
            web_id_hint: &'static str {
                ja: "半角英数字8～32桁（大文字・小文字を区別します）。ほかの方が使っているWEB-IDは登録できません。",
                en: "8–32 half-width letters and digits (case-sensitive), not used by anyone else.",
            }
            new_password: &'static str {
                ja: "新しいパスワード",
                en: "New password",
            }
            new_password_hint: &'static str {
                ja: "変更しない場合は空欄のままにしてください。半角英数字8～20桁。英字と数字をそれぞれ1文字以上含め、WEB-IDや現在のパスワードと異なるものにしてください（大文字・小文字を区別します）。",
                en: "Leave it empty to keep your password. 8–20 half-width letters and digits, with at least one letter and one digit, different from your WEB-ID and your current password (case-sensitive).",
            }
            new_password_again: &'static str {
                ja: "新しいパスワード（確認）",
                en: "New password (again)",
            }
            password: &'static str {
                ja: "パスワード",
                en: "Password",
            }
            password_hint: &'static str {
                ja: "半角英数字8～20桁。英字と数字をそれぞれ1文字以上含め、WEB-IDと異なるものにしてください（大文字・小文字を区別します）。",
                en: "8–20 half-width letters and digits, with at least one letter and one digit, different from your WEB-ID (case-sensitive).",
            }
            password_again: &'static str {
                ja: "パスワード（確認）",
                en: "Password (again)",
            }
            password_again_hint: &'static str {
                ja: "確認のため、同じパスワードをもう一度入力してください。",
                en: "Type the same password again to be sure.",
            }
            web_id_taken: &'static str {
                ja: "このWEB-IDはすでに使われています。別のWEB-IDを入力してください。",
                en: "This WEB-ID is already in use. Please choose another.",
            }
            row_password: &'static str {
                ja: "パスワード",
                en: "Password",
            }
            not_shown: &'static str {
                ja: "（表示しません）",
                en: "(not shown)",
            }
            will_change: &'static str {
                ja: "変更する",
                en: "Will change",
            }
            will_keep: &'static str {
                ja: "変更しない",
                en: "Will not change",
            }
            will_register: &'static str {
                ja: "登録する",
                en: "Will be registered",
            }
            changed: &'static str {
                ja: "変更しました",
                en: "Changed",
            }
            kept: &'static str {
                ja: "変更していません",
                en: "Not changed",
            }
            registered: &'static str {
                ja: "登録しました",
                en: "Registered",
            }
            done_change: &'static str {
                ja: "次回から、変更後のWEB-ID・パスワードでログインしてください。以前のものは使えません。",
                en: "From now on, sign in with your new details. The old ones no longer work.",
            }
            done_add: &'static str {
                ja: "次回から、カードのほか、このWEB-IDとパスワードでもログインできます。",
                en: "From now on you can sign in with this WEB-ID and password as well as with your card.",
            }
            locked_title: &'static str {
                ja: "セキュリティロックがかかりました",
                en: "Your account is now security-locked",
            }
            locked_body: &'static str {
                ja: "入力の誤りが続いたため、安全のためログインを停止し、ログアウトしました。ロックの解除は、カードと本人確認書類（運転免許証など）をお持ちのうえ、自動契約機でお手続きください。ロック中もATMや銀行振込でのご返済はできます。",
                en: "After repeated errors, sign-in has been stopped for your safety and you have been signed out. To unlock it, visit an automatic contract machine with your card and an identity document (such as a driving licence). While it is locked you can still repay at an ATM or by bank transfer.",
            }
            more_about_lock: &'static str {
                ja: "ロックの解除について詳しくはヘルプへ",
                en: "More about unlocking in Help",
            }
            to_login: &'static str {
                ja: "ログイン画面へ",
                en: "Go to sign-in",
            }
            privacy_note: &'static str {
                ja: "パスワードと暗証番号は、この画面を閉じると消去され、お使いの端末には保存されません。",
                en: "Passwords and the PIN are cleared when you leave this page and are never stored on your device.",
            }
        }
    }
}
use own::{tr, Texts as Own};

const STEP_HEADING: &str = "settings-step";
const LOCKED_HEADING: &str = "settings-locked";

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Edit,
    Confirm,
    Done(LoginChanged),
    Locked,
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Problem {
    Rule(FieldError),
    WebIdTaken,
}

/// Everything the member types, in memory only.
#[derive(Clone, Copy)]
struct Inputs {
    /// The current password, or a card member's PIN.
    current: RwSignal<String>,
    web_id: RwSignal<String>,
    password: RwSignal<String>,
    password_again: RwSignal<String>,
}

#[component]
pub fn WebIdSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::WebId>
            {with_profile(|p: Profile| view! { <LoginForm registered=p.web_id /> })}
        </SectionFrame>
    }
}

#[component]
fn LoginForm(
    /// The member's WEB-ID; `None` for a card member who has none yet.
    registered: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let adding = registered.is_none();
    let registered = StoredValue::new(registered);
    let inputs = Inputs {
        current: RwSignal::new(String::new()),
        web_id: RwSignal::new(registered.get_value().unwrap_or_default()),
        password: RwSignal::new(String::new()),
        password_again: RwSignal::new(String::new()),
    };
    let step = RwSignal::new(Step::Edit);
    let problems = RwSignal::new(Vec::<(InputField, Problem)>::new());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<BackendError>);
    let current_field = registered.with_value(|r| current_secret_field(r.as_deref()));

    let label_of = move |f: InputField| {
        let own: &Own = i18n.t();
        match (f, adding) {
            (InputField::CurrentPassword, _) => own.current_password,
            (InputField::Pin, _) => own.pin,
            (InputField::WebId, true) => own.web_id,
            (InputField::WebId, false) => own.new_web_id,
            (InputField::PasswordConfirmation, true) => own.password_again,
            (InputField::PasswordConfirmation, false) => own.new_password_again,
            (_, true) => own.password,
            (_, false) => own.new_password,
        }
    };
    let problem_text = move |f: InputField, p: Problem| {
        let c: &common::Texts = i18n.t();
        match p {
            Problem::Rule(e) => (c.field_error)(label_of(f), e),
            Problem::WebIdTaken => i18n.t::<Own>().web_id_taken.to_owned(),
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
        if step.get_untracked() != Step::Edit {
            step.set(Step::Edit);
        }
        if let Some((first, _)) = found.first() {
            browser::focus_id_when_present(input_id(*first));
        }
        problems.set(found);
    };
    let form = move || {
        (
            inputs.current.get_untracked(),
            inputs.web_id.get_untracked(),
            inputs.password.get_untracked(),
            inputs.password_again.get_untracked(),
        )
    };

    let to_confirm = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let (current, web_id, password, again) = form();
        let checked = registered.with_value(|r| {
            validate_login_change(
                LoginChangeForm {
                    current: &current,
                    web_id: &web_id,
                    password: &password,
                    password_again: &again,
                },
                r.as_deref(),
            )
        });
        match checked {
            Ok(change) => {
                // What the lender will get: the WEB-ID as converted.
                inputs.web_id.set(change.web_id.as_str().to_owned());
                problems.set(Vec::new());
                failure.set(None);
                step.set(Step::Confirm);
            }
            Err(found) => show_problems(
                found
                    .into_iter()
                    .map(|(f, e)| (f, Problem::Rule(e)))
                    .collect(),
            ),
        }
    };

    let save = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        let (current, web_id, password, _) = form();
        pending.set(true);
        failure.set(None);
        let reply = backend.send::<ChangeLogin>(LoginChangeRequest {
            current_secret: current,
            web_id,
            password: (!password.is_empty()).then_some(password),
        });
        spawn_local(async move {
            let result = reply.await;
            let _ = pending.try_set(false);
            match result {
                Ok(changed) => {
                    for secret in [inputs.current, inputs.password, inputs.password_again] {
                        let _ = secret.try_set(String::new());
                    }
                    let _ = step.try_set(Step::Done(changed));
                }
                Err(BackendError::InvalidInput { problems: found }) if !found.is_empty() => {
                    // A wrong current secret has to be typed again: clear it.
                    let wrong = found
                        .iter()
                        .any(|p| p.field == current_field && p.error == FieldError::Incorrect);
                    if wrong {
                        let _ = inputs.current.try_set(String::new());
                    }
                    show_problems(
                        found
                            .into_iter()
                            .map(|FieldProblem { field, error }| (field, Problem::Rule(error)))
                            .collect(),
                    );
                }
                Err(BackendError::WebIdTaken) => {
                    show_problems(vec![(InputField::WebId, Problem::WebIdTaken)]);
                }
                Err(BackendError::Locked) => {
                    for secret in [inputs.current, inputs.password, inputs.password_again] {
                        let _ = secret.try_set(String::new());
                    }
                    let _ = step.try_set(Step::Locked);
                    browser::focus_id_when_present(LOCKED_HEADING);
                }
                Err(e) if session.absorb(&e) => {}
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    });

    let summary = Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|(f, p)| (input_id(f), problem_text(f, p)))
            .collect::<Vec<_>>()
    });

    // The rows of the review (what will change) or the result (what did).
    let rows = move |after_web_id: String, password: Option<&'static str>| {
        let t: &Texts = i18n.t();
        let own: &Own = i18n.t();
        let before_web_id = registered
            .get_value()
            .unwrap_or_else(|| t.not_registered.to_owned());
        let before_password = if adding {
            t.not_registered
        } else {
            own.not_shown
        };
        vec![
            ChangeRow {
                label: own.web_id.to_owned(),
                before: before_web_id,
                after: after_web_id,
            },
            ChangeRow {
                label: own.row_password.to_owned(),
                before: before_password.to_owned(),
                after: password.unwrap_or(before_password).to_owned(),
            },
        ]
    };

    let edit = move || {
        let t: &Texts = i18n.t();
        let own: &Own = i18n.t();
        let current_web_id = registered
            .get_value()
            .unwrap_or_else(|| t.not_registered.to_owned());
        let (current_label, current_hint, current_mode): (_, _, &'static str) = if adding {
            (tr(|t| t.pin), tr(|t| t.pin_hint), "numeric")
        } else {
            (
                tr(|t| t.current_password),
                tr(|t| t.current_password_hint),
                "",
            )
        };
        view! {
            <p>{if adding { own.intro_add } else { own.intro_change }}</p>
            <dl class="facts">
                <div><dt>{own.current_web_id}</dt><dd>{current_web_id}</dd></div>
            </dl>
            <h2 id=STEP_HEADING tabindex="-1">{if adding { own.step_add } else { own.step_change }}</h2>
            <ErrorSummary items=summary />
            <form novalidate on:submit=to_confirm>
                <Field
                    id=input_id(current_field)
                    label=current_label
                    hint=current_hint
                    value=inputs.current
                    error=error_for(current_field)
                    kind=FieldKind::Secret
                    inputmode=current_mode
                    autocomplete=if adding { "off" } else { "current-password" }
                />
                <Field
                    id=input_id(InputField::WebId)
                    label=if adding { tr(|t| t.web_id) } else { tr(|t| t.new_web_id) }
                    hint=if adding { tr(|t| t.web_id_hint) } else { tr(|t| t.new_web_id_hint) }
                    value=inputs.web_id
                    error=error_for(InputField::WebId)
                    kind=FieldKind::Text { convert: Some(normalize_web_id) }
                    autocomplete="username"
                    maxlength=40
                />
                <Field
                    id=input_id(InputField::Password)
                    label=if adding { tr(|t| t.password) } else { tr(|t| t.new_password) }
                    hint=if adding { tr(|t| t.password_hint) } else { tr(|t| t.new_password_hint) }
                    value=inputs.password
                    error=error_for(InputField::Password)
                    kind=FieldKind::Secret
                    autocomplete="new-password"
                />
                <Field
                    id=input_id(InputField::PasswordConfirmation)
                    label=if adding { tr(|t| t.password_again) } else { tr(|t| t.new_password_again) }
                    hint=tr(|t| t.password_again_hint)
                    value=inputs.password_again
                    error=error_for(InputField::PasswordConfirmation)
                    kind=FieldKind::Secret
                    autocomplete="new-password"
                />
                <button type="submit" class="primary">{t.to_confirm}</button>
            </form>
            <p class="hint">{tr(|t| t.privacy_note)}</p>
        }
    };

    reactive_view(move || {
        match step.get() {
        Step::Edit => edit().into_any(),
        Step::Confirm => {
            let own: &Own = i18n.t();
            let password = if adding {
                own.will_register
            } else if inputs.password.get_untracked().is_empty() {
                own.will_keep
            } else {
                own.will_change
            };
            view! {
                <ChangeReview
                    rows=rows(inputs.web_id.get_untracked(), Some(password))
                    pending=pending
                    failure=Signal::derive(move || failure.get().map(|e| failure_message(&e)))
                    on_confirm=save
                    on_back=Callback::new(move |()| {
                        failure.set(None);
                        step.set(Step::Edit);
                        browser::focus_id_when_present(STEP_HEADING);
                    })
                />
            }
            .into_any()
        }
        Step::Done(changed) => {
            let own: &Own = i18n.t();
            let password = match (adding, changed.password_changed) {
                (true, _) => Some(own.registered),
                (false, true) => Some(own.changed),
                (false, false) => Some(own.kept),
            };
            view! {
                <ChangeDone rows=rows(changed.web_id, password)>
                    <p>{if adding { own.done_add } else { own.done_change }}</p>
                </ChangeDone>
            }
            .into_any()
        }
        Step::Locked => view! {
            <div class="notice notice-error" role="alert">
                <h2 id=LOCKED_HEADING tabindex="-1">{tr(|t| t.locked_title)}</h2>
                <p>{tr(|t| t.locked_body)}</p>
                <p><A href=HelpTopic::Lock.href()>{tr(|t| t.more_about_lock)}</A></p>
            </div>
            <p>
                <button type="button" class="primary" on:click=move |_| session.end(SignOutReason::Chosen)>
                    {tr(|t| t.to_login)}
                </button>
            </p>
        }
        .into_any(),
    }
    })
}
