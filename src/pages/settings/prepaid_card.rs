//! `/settings/prepaid-card` (VISAプリペイドカードの登録・変更, SPEC S12):
//! the registered card number masked (`**** **** **** 1111`, or 未登録),
//! then one field, カード番号: 16 digits, spaces and hyphens allowed,
//! full-width digits converted as typed, checked (VISA's leading 4, then
//! the Luhn check digit) before the review. The review shows the whole
//! number the member typed, grouped by four, so they can compare it with
//! their card; the result and `/settings` show it masked, and the lender
//! mails it masked.

use super::contact_form::{
    current_value, input_id, label, tr as fields_tr, Flow, Texts as Fields, NUMBER_AS_TYPED,
};
use super::texts::Texts;
use super::{with_profile, ChangeRow, SectionFrame};
use crate::components::field::{Field, FieldKind};
use crate::i18n::use_i18n;
use crate::routes::SettingsSection;
use leptos::ev;
use leptos::prelude::*;
use portal_api::ops::RegisterPrepaidCard;
use portal_api::{PrepaidCardInput, PrepaidCardRegistered, Profile};
use portal_domain::profile::ProfileField;

mod own {
    use crate::texts;

    texts! {
        /// This section's own words.
        pub struct Texts {
            intro: &'static str {
                ja: "VISAプリペイドカードの番号を登録すると、ポイントやキャッシュバックをカードにお受け取りいただけます。番号を登録・変更すると、ご登録のメールアドレスにお知らせをお送りします。",
                en: "Register your VISA prepaid card to receive points and cash back on it. We e-mail you a notice when the number is registered or changed.",
            }
            current: &'static str {
                ja: "現在のカード番号",
                en: "Your card number now",
            }
        }
    }
}
use own::Texts as Own;

/// The card's 16 digits in the groups of four printed on it.
fn grouped(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn PrepaidCardSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::PrepaidCard>
            <p>{own::tr(|t| t.intro)}</p>
            {with_profile(|p: Profile| view! { <CardForm current=p.prepaid_card /> })}
        </SectionFrame>
    }
}

#[component]
fn CardForm(current: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let current = StoredValue::new(current);
    // The value reviewed is the whole number grouped by four; the value
    // registered, the masked number.
    let flow = Flow::<RegisterPrepaidCard, String>::new();
    let problems = flow.problems;
    let number = RwSignal::new(String::new());

    let rows = move |after: &String| {
        let t: &Texts = i18n.t();
        let f: &'static Fields = i18n.t();
        vec![ChangeRow {
            label: label(f, ProfileField::PrepaidCard).to_owned(),
            before: current
                .get_value()
                .unwrap_or_else(|| t.not_registered.to_owned()),
            after: after.clone(),
        }]
    };

    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let input = PrepaidCardInput {
            number: number.get_untracked(),
        };
        match input.validate() {
            Ok(card) => flow.review(input, grouped(card.as_str())),
            Err(found) => problems.show(found),
        }
    };

    let edit = move || {
        let own: &Own = i18n.t();
        let t: &Texts = i18n.t();
        let now = current
            .get_value()
            .unwrap_or_else(|| t.not_registered.to_owned());
        view! {
            {current_value(own.current, now)}
            <form novalidate on:submit=on_submit>
                <Field
                    id=input_id(ProfileField::PrepaidCard)
                    label=fields_tr(|f| f.card_number)
                    hint=fields_tr(|f| f.card_number_hint)
                    value=number
                    error=problems.at(ProfileField::PrepaidCard)
                    kind=FieldKind::Text { convert: Some(NUMBER_AS_TYPED) }
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength=24
                />
                <button type="submit" class="primary">{t.to_confirm}</button>
            </form>
        }
        .into_any()
    };

    let done = |reply: PrepaidCardRegistered| reply.changed.then_some(reply.masked);
    flow.view(edit, rows, done, input_id(ProfileField::PrepaidCard))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_card_number_is_grouped_by_four() {
        assert_eq!(super::grouped("4111111111111111"), "4111 1111 1111 1111");
    }
}
