//! The sign-in form of SPEC S4: two tabs (card, WEB-ID), every input rule
//! checked before any request, every problem shown next to its field and
//! announced. It validates and emits `Credentials`; it never calls a backend.
//! When a problem is about half-width input, the summary links to the help
//! page's answer about it (a plain `<a>`: the router handles the click, and
//! the form also runs without a router in the browser tests).

use super::texts::{tr, Texts};
use crate::browser;
use crate::components::field::{input_id, ErrorSummary, Field, FieldKind};
use crate::i18n::{common, use_i18n};
use crate::routes::HelpTopic;
use leptos::ev;
use leptos::prelude::*;
use portal_domain::input::{
    normalize_digits_width, normalize_web_id, validate_card_login, validate_web_id_login,
    Credentials, Field as InputField, FieldError,
};

/// Which of the two sign-in forms is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LoginTab {
    #[default]
    Card,
    WebId,
}

/// What the member has typed, owned by the page so it survives failures and
/// so the demo list can fill it in.
#[derive(Clone, Copy)]
pub struct SignInInputs {
    pub tab: RwSignal<LoginTab>,
    pub card: RwSignal<String>,
    pub pin: RwSignal<String>,
    pub web_id: RwSignal<String>,
    pub password: RwSignal<String>,
}

impl SignInInputs {
    pub fn new() -> Self {
        SignInInputs {
            tab: RwSignal::new(LoginTab::Card),
            card: RwSignal::new(String::new()),
            pin: RwSignal::new(String::new()),
            web_id: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
        }
    }
}

impl Default for SignInInputs {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether an error is about which characters may be typed, which the help
/// page's half-width answer explains (its text says 半角); a missing value is
/// not. Every variant is named, so a new one is decided here.
fn about_half_width(e: FieldError) -> bool {
    match e {
        FieldError::Required
        | FieldError::SameAsWebId
        | FieldError::Mismatch
        | FieldError::Overdue
        | FieldError::DueToday
        | FieldError::SameAsCurrent
        | FieldError::Incorrect => false,
        FieldError::NeedsLetterAndDigit
        | FieldError::EmailShape
        | FieldError::CodeLength
        | FieldError::NotHalfWidth
        | FieldError::NotDigits
        | FieldError::NotAlphanumeric
        | FieldError::CardLength
        | FieldError::PinLength
        | FieldError::WebIdLength
        | FieldError::PasswordLength
        | FieldError::MemberNumberLength => true,
    }
}

#[component]
pub fn SignInForm(
    inputs: SignInInputs,
    #[prop(into)] pending: Signal<bool>,
    on_submit: Callback<Credentials>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = RwSignal::new(Vec::<(InputField, FieldError)>::new());
    let tab = inputs.tab;

    let error_for = move |f: InputField| {
        Signal::derive(move || {
            let t: &Texts = i18n.t();
            let label = match f {
                InputField::CardNumber => t.card_number,
                InputField::Pin => t.pin,
                InputField::WebId => t.web_id,
                _ => t.password,
            };
            errors.with(|es| {
                es.iter()
                    .find(|(g, _)| *g == f)
                    .map(|(_, e)| (i18n.t::<common::Texts>().field_error)(label, *e))
            })
        })
    };

    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let result = match tab.get_untracked() {
            LoginTab::Card => {
                validate_card_login(&inputs.card.get_untracked(), &inputs.pin.get_untracked())
            }
            LoginTab::WebId => validate_web_id_login(
                &inputs.web_id.get_untracked(),
                &inputs.password.get_untracked(),
            ),
        };
        match result {
            Ok(credentials) => {
                errors.set(Vec::new());
                on_submit.run(credentials);
            }
            Err(problems) => {
                if let Some((first, _)) = problems.first() {
                    browser::focus_id(input_id(*first));
                }
                errors.set(problems);
            }
        }
    };

    let select = move |next: LoginTab| {
        errors.set(Vec::new());
        tab.set(next);
    };
    // Arrow keys move between tabs, as the ARIA tabs pattern expects.
    let on_tab_key = move |ev: ev::KeyboardEvent| {
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" | "Home" | "End" => match tab.get_untracked() {
                LoginTab::Card => LoginTab::WebId,
                LoginTab::WebId => LoginTab::Card,
            },
            _ => return,
        };
        ev.prevent_default();
        select(next);
        browser::focus_id(match next {
            LoginTab::Card => "tab-card",
            LoginTab::WebId => "tab-web-id",
        });
    };

    let summary_items = Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .map(|(f, _)| (input_id(f), error_for(f).get().unwrap_or_default()))
            .collect::<Vec<_>>()
    });
    let half_width = move || errors.with(|es| es.iter().any(|(_, e)| about_half_width(*e)));

    let submit_label = move || {
        if pending.get() {
            i18n.t::<Texts>().signing_in
        } else {
            i18n.t::<Texts>().sign_in_button
        }
    };
    let tab_button = move |which: LoginTab, id: &'static str, panel: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=id
                aria-controls=panel
                aria-selected=move || if tab.get() == which { "true" } else { "false" }
                tabindex=move || if tab.get() == which { "0" } else { "-1" }
                on:click=move |_| select(which)
                on:keydown=on_tab_key
            >
                {move || match which {
                    LoginTab::Card => i18n.t::<Texts>().tab_card,
                    LoginTab::WebId => i18n.t::<Texts>().tab_web_id,
                }}
            </button>
        }
    };
    let submit_button = move || {
        view! {
            <button type="submit" class="primary" aria-disabled=move || pending.get().to_string()>
                {submit_label}
            </button>
        }
    };

    view! {
        <div class="sign-in">
            <div role="tablist" class="tabs" aria-label=tr(|t| t.login_methods)>
                {tab_button(LoginTab::Card, "tab-card", "panel-card")}
                {tab_button(LoginTab::WebId, "tab-web-id", "panel-web-id")}
            </div>
            <ErrorSummary items=summary_items>
                <Show when=half_width>
                    <p class="error-summary-help">
                        <a href=HelpTopic::HalfWidth.href()>{tr(|t| t.more_about_half_width)}</a>
                    </p>
                </Show>
            </ErrorSummary>
            <div role="tabpanel" id="panel-card" aria-labelledby="tab-card" hidden=move || tab.get() != LoginTab::Card>
                <form novalidate on:submit=submit>
                    <Field
                        id="card-number"
                        label=tr(|t| t.card_number)
                        hint=tr(|t| t.card_number_hint)
                        value=inputs.card
                        error=error_for(InputField::CardNumber)
                        kind=FieldKind::Text { convert: Some(normalize_digits_width) }
                        inputmode="numeric"
                        autocomplete="username"
                        maxlength=24
                    />
                    <Field
                        id="pin"
                        label=tr(|t| t.pin)
                        hint=tr(|t| t.pin_hint)
                        value=inputs.pin
                        error=error_for(InputField::Pin)
                        kind=FieldKind::Secret
                        inputmode="numeric"
                        autocomplete="current-password"
                    />
                    {submit_button}
                </form>
            </div>
            <div role="tabpanel" id="panel-web-id" aria-labelledby="tab-web-id" hidden=move || tab.get() != LoginTab::WebId>
                <form novalidate on:submit=submit>
                    <Field
                        id="web-id"
                        label=tr(|t| t.web_id)
                        hint=tr(|t| t.web_id_hint)
                        value=inputs.web_id
                        error=error_for(InputField::WebId)
                        kind=FieldKind::Text { convert: Some(normalize_web_id) }
                        autocomplete="username"
                        maxlength=40
                    />
                    <Field
                        id="password"
                        label=tr(|t| t.password)
                        hint=tr(|t| t.password_hint)
                        value=inputs.password
                        error=error_for(InputField::Password)
                        kind=FieldKind::Secret
                        autocomplete="current-password"
                    />
                    {submit_button}
                </form>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, Localized};

    /// The summary links to the half-width answer exactly when an error's
    /// Japanese text says 半角, as the spec asks.
    #[test]
    fn the_half_width_link_follows_the_errors_that_say_so() {
        let all = [
            FieldError::Required,
            FieldError::NotHalfWidth,
            FieldError::NotDigits,
            FieldError::NotAlphanumeric,
            FieldError::CardLength,
            FieldError::PinLength,
            FieldError::WebIdLength,
            FieldError::PasswordLength,
            FieldError::MemberNumberLength,
        ];
        let c = common::Texts::in_locale(Locale::Ja);
        for e in all {
            let says = (c.field_error)("暗証番号", e).contains("半角");
            assert_eq!(about_half_width(e), says, "{e:?}");
        }
    }
}
