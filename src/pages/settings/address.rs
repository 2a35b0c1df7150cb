//! `/settings/address` (ご住所の変更, SPEC S12): the registered address (or
//! 未登録), then a form of 郵便番号 (full-width digits and dash look-alikes
//! converted as typed), 都道府県 (a `<select>` of the 47), 市区町村,
//! 町域・番地 and 建物名・部屋番号（任意）; a review of each line before and
//! after, and the result. The lines are sent as typed; the lender parses
//! them again (`portal_api::AddressInput::validate`) and keeps them tidied
//! but otherwise as written, full width included.

use super::contact_form::{
    current_value, input_id, label, tr as fields_tr, Flow, PrefectureSelect, ProblemSummary,
    Texts as Fields, NUMBER_AS_TYPED,
};
use super::texts::Texts;
use super::{with_profile, ChangeRow, SectionFrame};
use crate::components::field::{Field, FieldKind};
use crate::i18n::{use_i18n, Locale};
use crate::routes::SettingsSection;
use leptos::ev;
use leptos::prelude::*;
use portal_api::ops::ChangeAddress;
use portal_api::{AddressChanged, AddressInput, AddressView, Profile};
use portal_domain::profile::{Prefecture, ProfileField};

mod own {
    use crate::texts;

    texts! {
        /// This section's own words.
        pub struct Texts {
            intro: &'static str {
                ja: "ご転居などでご住所が変わった場合は、こちらから変更してください。変更すると、ご登録のメールアドレスにお知らせをお送りします。",
                en: "If you have moved, change your address here. We e-mail you a notice of the change.",
            }
            current: &'static str {
                ja: "現在のご住所",
                en: "Your address now",
            }
        }
    }
}
use own::Texts as Own;

/// The address on one line in the member's language, or 未登録.
fn describe(t: &Texts, l: Locale, address: Option<&AddressView>) -> String {
    address.map_or_else(
        || t.not_registered.to_owned(),
        |a| a.one_line(l.pick(a.prefecture.name_ja(), a.prefecture.name_en())),
    )
}

/// The review's and result's lines: each part of the address before and
/// after (未登録 throughout when none was registered).
fn rows(
    t: &'static Texts,
    f: &'static Fields,
    l: Locale,
    before: Option<&AddressView>,
    after: &AddressView,
) -> Vec<ChangeRow> {
    let row = |field: ProfileField, part: &dyn Fn(&AddressView) -> String| ChangeRow {
        label: label(f, field).to_owned(),
        before: before.map_or_else(|| t.not_registered.to_owned(), part),
        after: part(after),
    };
    vec![
        row(ProfileField::PostalCode, &|a| {
            a.postal_code.as_str().to_owned()
        }),
        row(ProfileField::Prefecture, &|a| {
            l.pick(a.prefecture.name_ja(), a.prefecture.name_en())
                .to_owned()
        }),
        row(ProfileField::City, &|a| a.city.clone()),
        row(ProfileField::Street, &|a| a.street.clone()),
        row(ProfileField::Building, &|a| {
            a.building.clone().unwrap_or_else(|| f.none.to_owned())
        }),
    ]
}

#[component]
pub fn AddressSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::Address>
            <p>{own::tr(|t| t.intro)}</p>
            {with_profile(|p: Profile| view! { <AddressForm current=p.address /> })}
        </SectionFrame>
    }
}

#[component]
fn AddressForm(current: Option<AddressView>) -> impl IntoView {
    let i18n = use_i18n();
    let current = StoredValue::new(current);
    let flow = Flow::<ChangeAddress, AddressView>::new();
    let problems = flow.problems;
    let postal_code = RwSignal::new(String::new());
    let prefecture = RwSignal::new(None::<Prefecture>);
    let city = RwSignal::new(String::new());
    let street = RwSignal::new(String::new());
    let building = RwSignal::new(String::new());

    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let input = AddressInput {
            postal_code: postal_code.get_untracked(),
            prefecture: prefecture.get_untracked().map_or(0, Prefecture::code),
            city: city.get_untracked(),
            street: street.get_untracked(),
            building: building.get_untracked(),
        };
        match input.validate() {
            Ok(address) => flow.review(input, AddressView::from(&address)),
            Err(found) => problems.show(found),
        }
    };

    let edit = move || {
        let own: &Own = i18n.t();
        let t: &Texts = i18n.t();
        let now = current.with_value(|c| describe(t, i18n.locale(), c.as_ref()));
        view! {
            {current_value(own.current, now)}
            <ProblemSummary problems />
            <form novalidate on:submit=on_submit>
                <Field
                    id=input_id(ProfileField::PostalCode)
                    label=fields_tr(|f| f.postal_code)
                    hint=fields_tr(|f| f.postal_code_hint)
                    value=postal_code
                    error=problems.at(ProfileField::PostalCode)
                    kind=FieldKind::Text { convert: Some(NUMBER_AS_TYPED) }
                    inputmode="numeric"
                    autocomplete="postal-code"
                    maxlength=10
                />
                <PrefectureSelect chosen=prefecture error=problems.at(ProfileField::Prefecture) />
                <Field
                    id=input_id(ProfileField::City)
                    label=fields_tr(|f| f.city)
                    hint=fields_tr(|f| f.city_hint)
                    value=city
                    error=problems.at(ProfileField::City)
                    kind=FieldKind::Text { convert: None }
                    autocomplete="address-level2"
                />
                <Field
                    id=input_id(ProfileField::Street)
                    label=fields_tr(|f| f.street)
                    hint=fields_tr(|f| f.street_hint)
                    value=street
                    error=problems.at(ProfileField::Street)
                    kind=FieldKind::Text { convert: None }
                    autocomplete="address-line1"
                />
                <Field
                    id=input_id(ProfileField::Building)
                    label=fields_tr(|f| f.building)
                    hint=fields_tr(|f| f.building_hint)
                    value=building
                    error=problems.at(ProfileField::Building)
                    kind=FieldKind::Text { convert: None }
                    autocomplete="address-line2"
                />
                <button type="submit" class="primary">{t.to_confirm}</button>
            </form>
        }
        .into_any()
    };

    let rows_of = move |after: &AddressView| {
        current.with_value(|c| rows(i18n.t(), i18n.t(), i18n.locale(), c.as_ref(), after))
    };
    let done = |reply: AddressChanged| reply.changed.then_some(reply.address);
    flow.view(edit, rows_of, done, input_id(ProfileField::PostalCode))
}
