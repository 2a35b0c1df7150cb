//! Browser tests of the sign-in form component (SPEC S4), in headless
//! Chromium. They find controls the way a member does: by label and role.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use member_portal::i18n::{I18n, Locale};
use member_portal::pages::login::sign_in_form::{LoginTab, SignInForm, SignInInputs};
use portal_domain::input::Credentials;
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

type Submitted = Arc<Mutex<Vec<Credentials>>>;

/// Mounts a fresh form in Japanese; returns its inputs and what it submitted.
fn mount_form(locale: Locale) -> (SignInInputs, Submitted) {
    // Each test gets a fresh container; the runner's own output lives in
    // the body too, so the body itself is never cleared.
    if let Ok(old) = document().query_selector_all(".test-root") {
        for i in 0..old.length() {
            if let Some(el) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                el.remove();
            }
        }
    }
    let root = document()
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .expect("container");
    root.set_class_name("test-root");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let submitted: Submitted = Arc::default();
    let sink = Arc::clone(&submitted);
    let inputs = Arc::new(Mutex::new(None));
    let out = Arc::clone(&inputs);
    let handle = leptos::mount::mount_to(root, move || {
        provide_context(I18n(RwSignal::new(locale)));
        let form_inputs = SignInInputs::new();
        if let Ok(mut slot) = out.lock() {
            *slot = Some(form_inputs);
        }
        let sink = Arc::clone(&sink);
        view! {
            <SignInForm
                inputs=form_inputs
                pending=Signal::derive(|| false)
                on_submit=Callback::new(move |c| sink.lock().map(|mut v| v.push(c)).unwrap_or(()))
            />
        }
    });
    // The form stays mounted until the next test replaces the container.
    handle.forget();
    let inputs = inputs.lock().ok().and_then(|s| *s).expect("form mounted");
    (inputs, submitted)
}

/// The visible input whose <label> text is exactly `label`.
fn input_by_label(label: &str) -> HtmlInputElement {
    let labels = document()
        .query_selector_all(".test-root label")
        .expect("labels");
    for i in 0..labels.length() {
        let Some(node) = labels.item(i) else { continue };
        let Ok(el) = node.dyn_into::<web_sys::HtmlLabelElement>() else {
            continue;
        };
        if el.text_content().as_deref() == Some(label) {
            let id = el.html_for();
            return document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .expect("labelled input");
        }
    }
    panic!("no input labelled {label}");
}

/// The visible button with exactly this text and role.
fn button(role: &str, name: &str) -> HtmlElement {
    let selector = if role == "tab" {
        "[role=tab]"
    } else {
        "button"
    };
    let all = document().query_selector_all(selector).expect("buttons");
    for i in 0..all.length() {
        let Some(el) = all.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let hidden = el.closest("[hidden]").ok().flatten().is_some();
        if !hidden && el.text_content().as_deref().map(str::trim) == Some(name) {
            return el;
        }
    }
    panic!("no {role} named {name}");
}

/// Lets the reactive system and the DOM catch up with an event.
async fn settle() {
    tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    tick().await;
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("input event");
    let _ = input.dispatch_event(&event);
}

fn error_text_for(input: &HtmlInputElement) -> String {
    let ids = input.get_attribute("aria-describedby").unwrap_or_default();
    ids.split_whitespace()
        .filter(|id| id.ends_with("-error"))
        .filter_map(|id| document().get_element_by_id(id))
        .filter_map(|e| e.text_content())
        .collect()
}

fn alerts() -> String {
    let all = document()
        .query_selector_all(".test-root [role=alert]")
        .expect("alerts");
    (0..all.length())
        .filter_map(|i| all.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn empty_submit_shows_errors_next_to_fields_and_announces_them() {
    let (_inputs, submitted) = mount_form(Locale::Ja);
    button("button", "ログイン").click();
    settle().await;
    let card = input_by_label("カード番号");
    let pin = input_by_label("暗証番号");
    assert_eq!(card.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(error_text_for(&card).contains("カード番号を入力してください"));
    assert!(error_text_for(&pin).contains("暗証番号を入力してください"));
    assert!(
        alerts().contains("入力内容をご確認ください"),
        "{}",
        alerts()
    );
    assert!(submitted.lock().map(|v| v.is_empty()).unwrap_or(false));
}

#[wasm_bindgen_test]
async fn full_width_card_digits_convert_as_typed_with_a_note() {
    let (inputs, submitted) = mount_form(Locale::Ja);
    let card = input_by_label("カード番号");
    type_into(&card, "１２３４-５６７８-９０");
    settle().await;
    assert_eq!(inputs.card.get_untracked(), "1234-5678-90");
    assert!(document()
        .body()
        .and_then(|b| b.text_content())
        .unwrap_or_default()
        .contains("半角に変換しました"));
    type_into(&input_by_label("暗証番号"), "1234");
    button("button", "ログイン").click();
    settle().await;
    let got = submitted.lock().map(|v| v.clone()).unwrap_or_default();
    match got.as_slice() {
        [Credentials::Card { card, pin }] => {
            assert_eq!(card.as_str(), "1234567890");
            assert_eq!(pin.as_str(), "1234");
        }
        other => panic!("unexpected submission {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn full_width_pin_is_refused_with_a_half_width_message() {
    let (_inputs, submitted) = mount_form(Locale::Ja);
    type_into(&input_by_label("カード番号"), "1234567890");
    let pin = input_by_label("暗証番号");
    type_into(&pin, "１２３４");
    settle().await;
    // The PIN is never transformed.
    assert_eq!(pin.value(), "１２３４");
    button("button", "ログイン").click();
    settle().await;
    assert!(
        error_text_for(&pin).contains("半角"),
        "{}",
        error_text_for(&pin)
    );
    assert!(submitted.lock().map(|v| v.is_empty()).unwrap_or(false));
}

#[wasm_bindgen_test]
async fn web_id_tab_validates_lengths_and_keeps_case() {
    let (inputs, submitted) = mount_form(Locale::Ja);
    button("tab", "WEB-IDでログインのお客さま").click();
    settle().await;
    assert_eq!(inputs.tab.get_untracked(), LoginTab::WebId);
    let id = input_by_label("WEB-ID");
    let password = input_by_label("パスワード");
    type_into(&id, "ＤｅｍｏＵｓｅｒ１");
    type_into(&password, "short");
    settle().await;
    assert_eq!(id.value(), "DemoUser1");
    button("button", "ログイン").click();
    settle().await;
    assert!(
        error_text_for(&password).contains("8～20桁"),
        "{}",
        error_text_for(&password)
    );
    type_into(&password, "Passw0rd");
    button("button", "ログイン").click();
    settle().await;
    let got = submitted.lock().map(|v| v.clone()).unwrap_or_default();
    assert!(
        matches!(got.as_slice(), [Credentials::WebId { web_id, .. }] if web_id.as_str() == "DemoUser1")
    );
}

#[wasm_bindgen_test]
async fn password_can_be_shown_and_hidden() {
    let (_inputs, _submitted) = mount_form(Locale::En);
    button("tab", "I use a WEB-ID").click();
    settle().await;
    let password = input_by_label("Password");
    assert_eq!(password.type_(), "password");
    button("button", "Show Password").click();
    settle().await;
    assert_eq!(password.type_(), "text");
    button("button", "Hide Password").click();
    settle().await;
    assert_eq!(password.type_(), "password");
}
