//! The one-minute warning before an inactivity sign-out (SPEC S4).

use crate::i18n::common::tr;
use leptos::prelude::*;

#[component]
pub fn IdleWarning(#[prop(into)] open: Signal<bool>, on_continue: Callback<()>) -> impl IntoView {
    // Focus the button when the dialog opens so a keyboard user can answer
    // at once, and screen readers announce the dialog.
    Effect::new(move |_| {
        if open.get() {
            crate::browser::focus_id("idle-continue");
        }
    });
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop">
                // The dialog has one control, so Tab keeps focus on it: the
                // page behind is inert while the warning shows.
                <div
                    class="modal"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Tab" {
                            ev.prevent_default();
                            crate::browser::focus_id("idle-continue");
                        }
                    }
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="idle-title"
                    aria-describedby="idle-body"
                >
                    <h2 id="idle-title">{tr(|t| t.idle_title)}</h2>
                    <p id="idle-body">{tr(|t| t.idle_body)}</p>
                    <button
                        type="button"
                        id="idle-continue"
                        class="primary"
                        on:click=move |_| on_continue.run(())
                    >
                        {tr(|t| t.idle_continue)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
