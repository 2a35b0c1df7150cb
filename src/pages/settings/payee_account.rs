//! `/settings/payee-account` (振込先口座の登録・変更, SPEC S8, S12): the
//! payee account form, with the account registered now shown first (its
//! number masked), a confirmation step, and the result.
//!
//! `/transfer` sends a member here to register an account (or change it)
//! with `?next=/transfer`: the page then says why, registers at once (the
//! transfer has its own confirmation screen) and takes the member back.

use super::SectionFrame;
use crate::components::load_error::loaded;
use crate::i18n::use_i18n;
use crate::pages::transfer::payee_form::{PayeeForm, PayeeSummary};
use crate::routes::{return_page, Page, SettingsSection};
use crate::session::member_resource;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_api::ops::GetPayeeAccount;
use portal_api::PayeeAccountStatus;

mod own {
    use crate::texts;

    texts! {
        /// This section's own words.
        pub struct Texts {
            current: &'static str {
                ja: "現在の振込先口座",
                en: "Your payee account now",
            }
            none: &'static str {
                ja: "振込先口座は登録されていません。",
                en: "You have no payee account registered.",
            }
            done: &'static str {
                ja: "振込先口座を登録しました。ご登録のメールアドレスにお知らせメールをお送りしました。",
                en: "Your payee account is registered. We have sent a notice to your registered e-mail address.",
            }
            back: &'static str {
                ja: "各種設定の変更に戻る",
                en: "Back to settings",
            }
            for_transfer: &'static str {
                ja: "お振込みには、ご本人名義の振込先口座の登録が必要です。登録が済むと、インターネット振込のお手続きに戻ります。",
                en: "To receive a transfer, first register a bank account in your own name. Once it is registered, you go back to your transfer.",
            }
        }
    }
}
use own::Texts as Own;

#[component]
pub fn PayeeAccountSection() -> impl IntoView {
    let i18n = use_i18n();
    let status = member_resource(|b| b.call::<GetPayeeAccount>(()));
    let saved = RwSignal::new(false);
    // The page that sent the member here, to go back to once it is done.
    // Only `/transfer` sends members here (the notice below is about it).
    let next = use_query_map()
        .with_untracked(|q| return_page(q.get_str("next")))
        .filter(|p| *p == Page::Transfer);
    let navigate = use_navigate();
    let go_back = move |page: Page| {
        let navigate = navigate.clone();
        Callback::new(move |()| navigate(page.path(), crate::app::replace()))
    };
    let content = move |s: PayeeAccountStatus| {
        let own: &Own = i18n.t();
        let kana = s.member_kana.clone();
        let registered = s.account.is_some();
        let go_back = go_back.clone();
        let form = move || match next {
            // Sent by `/transfer`: register at once, then back there (or
            // back at once when the member keeps the account they have).
            Some(page) => view! {
                <PayeeForm
                    member_kana=kana.clone()
                    on_saved=go_back(page)
                    on_cancel=registered.then(|| go_back(page))
                />
            }
            .into_any(),
            None => view! {
                <PayeeForm
                    member_kana=kana.clone()
                    confirm=true
                    on_saved=Callback::new(move |()| {
                        saved.set(true);
                        status.refetch();
                        crate::browser::focus_id_when_present("settings-done");
                    })
                    on_cancel=None
                />
            }
            .into_any(),
        };
        view! {
            {next.map(|_| view! { <p class="notice">{own.for_transfer}</p> })}
            <h2>{own.current}</h2>
            {match s.account {
                Some(a) => view! { <PayeeSummary account=a /> }.into_any(),
                None => view! { <p>{own.none}</p> }.into_any(),
            }}
            {move || if saved.get() {
                view! {
                    <div class="notice" role="status">
                        <p id="settings-done" tabindex="-1">{i18n.t::<Own>().done}</p>
                    </div>
                    <p><A href=Page::Settings.path()>{i18n.t::<Own>().back}</A></p>
                }.into_any()
            } else {
                form()
            }}
        }
    };
    view! {
        <SectionFrame section=SettingsSection::PayeeAccount>
            {loaded(status, content)}
        </SectionFrame>
    }
}
