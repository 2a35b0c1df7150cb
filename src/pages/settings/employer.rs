//! `/settings/employer` (お勤め先の変更, SPEC S12): the registered employer
//! (or 未登録), then a form of 勤務先名, 勤務先電話番号 (full-width digits
//! and dash look-alikes converted as typed; written from the area code) and
//! 所属部署（任意）; a review of each before and after, and the result. The
//! lender parses the fields again (`portal_api::EmployerInput::validate`)
//! and keeps the phone number as its digits, shown grouped.

use super::contact_form::{
    current_value, input_id, label, tr as fields_tr, Flow, ProblemSummary, Texts as Fields,
    NUMBER_AS_TYPED,
};
use super::texts::Texts;
use super::{with_profile, ChangeRow, SectionFrame};
use crate::components::field::{Field, FieldKind};
use crate::i18n::use_i18n;
use crate::routes::SettingsSection;
use leptos::ev;
use leptos::prelude::*;
use portal_api::ops::ChangeEmployer;
use portal_api::{EmployerChanged, EmployerInput, EmployerView, Profile};
use portal_domain::profile::ProfileField;

mod own {
    use crate::texts;

    texts! {
        /// This section's own words.
        pub struct Texts {
            intro: &'static str {
                ja: "お勤め先が変わった場合は、こちらから変更してください。変更すると、ご登録のメールアドレスにお知らせをお送りします。",
                en: "If your employer has changed, change it here. We e-mail you a notice of the change.",
            }
            current: &'static str {
                ja: "現在のお勤め先",
                en: "Your employer now",
            }
        }
    }
}
use own::Texts as Own;

/// The employer on one line: name, phone number and department.
fn describe(t: &Texts, employer: Option<&EmployerView>) -> String {
    employer.map_or_else(
        || t.not_registered.to_owned(),
        |e| {
            let mut text = format!("{} {}", e.name, e.phone.display());
            if let Some(department) = &e.department {
                text.push(' ');
                text.push_str(department);
            }
            text
        },
    )
}

/// The review's and result's lines: each field before and after.
fn rows(
    t: &'static Texts,
    f: &'static Fields,
    before: Option<&EmployerView>,
    after: &EmployerView,
) -> Vec<ChangeRow> {
    let row = |field: ProfileField, part: &dyn Fn(&EmployerView) -> String| ChangeRow {
        label: label(f, field).to_owned(),
        before: before.map_or_else(|| t.not_registered.to_owned(), part),
        after: part(after),
    };
    vec![
        row(ProfileField::EmployerName, &|e| e.name.clone()),
        row(ProfileField::EmployerPhone, &|e| e.phone.display()),
        row(ProfileField::Department, &|e| {
            e.department.clone().unwrap_or_else(|| f.none.to_owned())
        }),
    ]
}

#[component]
pub fn EmployerSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::Employer>
            <p>{own::tr(|t| t.intro)}</p>
            {with_profile(|p: Profile| view! { <EmployerForm current=p.employer /> })}
        </SectionFrame>
    }
}

#[component]
fn EmployerForm(current: Option<EmployerView>) -> impl IntoView {
    let i18n = use_i18n();
    let current = StoredValue::new(current);
    let flow = Flow::<ChangeEmployer, EmployerView>::new();
    let problems = flow.problems;
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());

    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let input = EmployerInput {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            department: department.get_untracked(),
        };
        match input.validate() {
            Ok(employer) => flow.review(input, EmployerView::from(&employer)),
            Err(found) => problems.show(found),
        }
    };

    let edit = move || {
        let own: &Own = i18n.t();
        let t: &Texts = i18n.t();
        let now = current.with_value(|c| describe(t, c.as_ref()));
        view! {
            {current_value(own.current, now)}
            <ProblemSummary problems />
            <form novalidate on:submit=on_submit>
                <Field
                    id=input_id(ProfileField::EmployerName)
                    label=fields_tr(|f| f.employer_name)
                    hint=fields_tr(|f| f.employer_name_hint)
                    value=name
                    error=problems.at(ProfileField::EmployerName)
                    kind=FieldKind::Text { convert: None }
                    autocomplete="organization"
                />
                <Field
                    id=input_id(ProfileField::EmployerPhone)
                    label=fields_tr(|f| f.employer_phone)
                    hint=fields_tr(|f| f.employer_phone_hint)
                    value=phone
                    error=problems.at(ProfileField::EmployerPhone)
                    kind=FieldKind::Text { convert: Some(NUMBER_AS_TYPED) }
                    inputmode="tel"
                    autocomplete="work tel"
                    maxlength=20
                />
                <Field
                    id=input_id(ProfileField::Department)
                    label=fields_tr(|f| f.department)
                    hint=fields_tr(|f| f.department_hint)
                    value=department
                    error=problems.at(ProfileField::Department)
                    kind=FieldKind::Text { convert: None }
                    autocomplete="off"
                />
                <button type="submit" class="primary">{t.to_confirm}</button>
            </form>
        }
        .into_any()
    };

    let rows_of = move |after: &EmployerView| {
        current.with_value(|c| rows(i18n.t(), i18n.t(), c.as_ref(), after))
    };
    let done = |reply: EmployerChanged| reply.changed.then_some(reply.employer);
    flow.view(edit, rows_of, done, input_id(ProfileField::EmployerName))
}
