//! One labelled text field with its hint, conversion note, Caps Lock warning,
//! show/hide toggle and error, all tied to the input for assistive tech.

use crate::i18n::common::{tr, Texts};
use crate::i18n::use_i18n;
use leptos::ev;
use leptos::prelude::*;
use portal_domain::input::{Field as InputField, Normalized};
use wasm_bindgen::JsCast;

/// How a field treats what is typed.
#[derive(Clone, Copy)]
pub enum FieldKind {
    /// Visible text, optionally converted as typed (full-width → half-width).
    Text {
        convert: Option<fn(&str) -> Normalized>,
    },
    /// A PIN or password: never transformed, hidden by default, with a
    /// show/hide toggle and a Caps Lock warning.
    Secret,
}

#[component]
pub fn Field(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    kind: FieldKind,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
    /// Called after each edit the member makes (not programmatic changes).
    #[prop(optional)]
    on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let converted = RwSignal::new(false);
    let caps_lock = RwSignal::new(false);
    let revealed = RwSignal::new(false);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let note_id = format!("{id}-note");
    let described_by = {
        let (h, e, n) = (hint_id.clone(), error_id.clone(), note_id.clone());
        move || {
            let mut ids = vec![h.clone()];
            if error.with(Option::is_some) {
                ids.push(e.clone());
            }
            if converted.get() || caps_lock.get() {
                ids.push(n.clone());
            }
            ids.join(" ")
        }
    };
    let is_secret = matches!(kind, FieldKind::Secret);
    let input_type = move || {
        if is_secret && !revealed.get() {
            "password"
        } else {
            "text"
        }
    };

    // Converting while an IME is composing would break the composition, so
    // conversion waits for the composed text.
    let apply = move |raw: String| {
        if let FieldKind::Text {
            convert: Some(convert),
        } = kind
        {
            let n = convert(&raw);
            if n.converted {
                converted.set(true);
            }
            if n.value != raw {
                value.set(n.value);
                return;
            }
        }
        value.set(raw);
    };
    let on_input = move |ev: ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let composing = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.is_composing());
        if composing {
            value.set(input.value());
        } else {
            apply(input.value());
        }
        if let Some(on_edit) = on_edit {
            on_edit.run(());
        }
    };
    let on_composition_end = move |ev: ev::CompositionEvent| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            apply(input.value());
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        if is_secret {
            caps_lock.set(ev.get_modifier_state("CapsLock"));
        }
    };

    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <div class="input-row">
                <input
                    id=id
                    name=id
                    type=input_type
                    inputmode=(!inputmode.is_empty()).then_some(inputmode)
                    autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                    maxlength=maxlength
                    autocapitalize="off"
                    spellcheck="false"
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=on_input
                    on:compositionend=on_composition_end
                    on:keydown=on_key
                    on:keyup=on_key
                />
                <Show when=move || is_secret>
                    <button
                        type="button"
                        class="toggle"
                        aria-controls=id
                        aria-pressed=move || if revealed.get() { "true" } else { "false" }
                        on:click=move |_| revealed.update(|r| *r = !*r)
                    >
                        {move || {
                            let t: &Texts = i18n.t();
                            if revealed.get() { (t.hide_secret)(label.get()) } else { (t.show_secret)(label.get()) }
                        }}
                    </button>
                </Show>
            </div>
            <p class="note" id=note_id.clone() aria-live="polite">
                <Show when=move || converted.get()>
                    <span>{tr(|t| t.converted_note)}</span>
                </Show>
                <Show when=move || caps_lock.get()>
                    <span class="warning">{tr(|t| t.caps_lock_on)}</span>
                </Show>
            </p>
            <p class="error" id=error_id.clone()>
                {error}
            </p>
        </div>
    }
}

/// A yen amount: a `Field` with the numeric keyboard, as the money pages ask
/// for amounts (what was typed is kept; the page parses it with the domain).
#[component]
pub fn AmountField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <Field
            id
            label
            hint
            value
            error
            kind=FieldKind::Text { convert: None }
            inputmode="numeric"
            autocomplete="off"
        />
    }
}

/// The id of the control a form field of the domain's rules is typed in:
/// the same on every form, so an error summary can link to it.
pub fn input_id(f: InputField) -> &'static str {
    match f {
        InputField::CardNumber => "card-number",
        InputField::Pin => "pin",
        InputField::WebId => "web-id",
        InputField::Password => "password",
        InputField::MemberNumber => "member-number",
        InputField::Email => "email",
        InputField::Code => "code",
        InputField::PasswordConfirmation => "password-confirmation",
        InputField::RepaymentDay => "repayment-day",
        InputField::CurrentPassword => "current-password",
    }
}

/// A form's problems above it, announced as an alert, each a link to its
/// control (`(id, message)`); nothing while there are none. `children`
/// follow the list (the sign-in form's link to help).
#[component]
pub fn ErrorSummary(
    #[prop(into)] items: Signal<Vec<(&'static str, String)>>,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    move || {
        let items = items.get();
        let extra = children.clone();
        (!items.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert">
                    <p class="error-summary-title">{tr(|t| t.errors_heading)}</p>
                    <ul>
                        {items
                            .into_iter()
                            .map(|(id, message)| view! { <li><a href=format!("#{id}")>{message}</a></li> })
                            .collect_view()}
                    </ul>
                    {extra.map(|c| c())}
                </div>
            }
        })
    }
}
