//! `/settings/payee-account` (振込先口座の登録・変更, SPEC S8, S12): the
//! transfer page's payee account form, with the account registered now
//! shown first (its number masked), a confirmation step, and the result.

use super::SectionFrame;
use crate::components::load_error::loaded;
use crate::i18n::use_i18n;
use crate::pages::transfer::payee_form::{PayeeForm, PayeeSummary};
use crate::routes::{Page, SettingsSection};
use crate::session::member_resource;
use leptos::prelude::*;
use leptos_router::components::A;
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
        }
    }
}
use own::Texts as Own;

#[component]
pub fn PayeeAccountSection() -> impl IntoView {
    let i18n = use_i18n();
    let status = member_resource(|b| b.call::<GetPayeeAccount>(()));
    let saved = RwSignal::new(false);
    let content = move |s: PayeeAccountStatus| {
        let own: &Own = i18n.t();
        let kana = s.member_kana.clone();
        view! {
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
                view! {
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
                }.into_any()
            }}
        }
    };
    view! {
        <SectionFrame section=SettingsSection::PayeeAccount>
            {loaded(status, content)}
        </SectionFrame>
    }
}
