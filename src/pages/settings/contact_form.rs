//! What the address, employer and VISA prepaid card sections share: the
//! words of their fields and of every problem the domain's rules (and so
//! the lender) can find in them, the problems shown at their fields with a
//! summary above the form, the prefecture `<select>`, and the steps every
//! change goes through ([`Flow`]: form, review, then the result or "nothing
//! changed").
//!
//! The form checks with the wire type's own `validate` (the domain's
//! `validate_address`, `validate_employer`, `parse_prepaid_card`), the very
//! check the lender runs again, so a refusal from the lender is rare and
//! reads the same: its problems are shown at their fields, and what was
//! typed stays.

use super::{failure_message, ChangeDone, ChangeReview, ChangeRow};
use crate::backend::{use_backend, BackendHandle};
use crate::components::field::ErrorSummary;
use crate::i18n::{use_i18n, Locale};
use crate::routes::Page;
use crate::session::{use_session, SessionCtx};
use crate::texts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use portal_api::ops::Operation;
use portal_api::{BackendError, ProfileProblem, ProfileRule};
use portal_domain::input::Normalized;
use portal_domain::profile::{
    normalize_postal_code, Prefecture, ProfileField, ADDRESS_LINE_MAX_CHARS, DEPARTMENT_MAX_CHARS,
    EMPLOYER_NAME_MAX_CHARS,
};

texts! {
    /// The fields of the address, employer and prepaid card forms.
    pub struct Texts {
        postal_code: &'static str {
            ja: "郵便番号",
            en: "Postal code",
        }
        postal_code_hint: &'static str {
            ja: "7桁の数字（例: 123-4567）。ハイフンはなくても構いません。",
            en: "7 digits, for example 123-4567. The hyphen is optional.",
        }
        prefecture: &'static str {
            ja: "都道府県",
            en: "Prefecture",
        }
        choose_prefecture: &'static str {
            ja: "選択してください",
            en: "Choose",
        }
        city: &'static str {
            ja: "市区町村",
            en: "City, ward, town or village",
        }
        city_hint: &'static str {
            ja: "例: 千代田区",
            en: "For example: 千代田区 (Chiyoda-ku)",
        }
        street: &'static str {
            ja: "町域・番地",
            en: "Street and block number",
        }
        street_hint: &'static str {
            ja: "例: 丸の内1-2-3",
            en: "For example: 丸の内1-2-3 (1-2-3 Marunouchi)",
        }
        building: &'static str {
            ja: "建物名・部屋番号（任意）",
            en: "Building and room number (optional)",
        }
        building_hint: &'static str {
            ja: "マンション・アパートの場合は、建物名と部屋番号をご入力ください。",
            en: "If you live in an apartment building, enter its name and your room number.",
        }
        employer_name: &'static str {
            ja: "勤務先名",
            en: "Employer name",
        }
        employer_name_hint: &'static str {
            ja: "例: 株式会社サンプル商事",
            en: "For example: 株式会社サンプル商事 (Sample Trading Co., Ltd.)",
        }
        employer_phone: &'static str {
            ja: "勤務先電話番号",
            en: "Employer phone number",
        }
        employer_phone_hint: &'static str {
            ja: "市外局番から入力してください（例: 03-1234-5678）。ハイフンはなくても構いません。",
            en: "Start with the area code, for example 03-1234-5678. Hyphens are optional.",
        }
        department: &'static str {
            ja: "所属部署（任意）",
            en: "Department (optional)",
        }
        department_hint: &'static str {
            ja: "例: 営業部",
            en: "For example: 営業部 (Sales)",
        }
        card_number: &'static str {
            ja: "カード番号",
            en: "Card number",
        }
        card_number_hint: &'static str {
            ja: "カード表面の16桁の番号です。4桁ごとのスペースはあってもなくても構いません。",
            en: "The 16 digits on the front of the card. Spaces between groups of four are fine.",
        }
        none: &'static str {
            ja: "なし",
            en: "None",
        }
        no_change_heading: &'static str {
            ja: "変更はありません",
            en: "Nothing changed",
        }
        no_change: &'static str {
            ja: "ご登録の内容と同じため、変更はありませんでした。お知らせメールは送信していません。",
            en: "This is what you had registered already, so nothing changed and no notice was sent.",
        }
        back_to_settings: &'static str {
            ja: "各種設定の変更に戻る",
            en: "Back to settings",
        }
        required: fn(&str) -> String {
            ja: |name| format!("{name}を入力してください。"),
            en: |name| format!("Enter the {name}."),
        }
        prefecture_required: &'static str {
            ja: "都道府県を選択してください。",
            en: "Choose a prefecture.",
        }
        postal_code_digits: &'static str {
            ja: "郵便番号は半角数字とハイフンで入力してください（例: 123-4567）。",
            en: "Enter the postal code in digits and a hyphen, for example 123-4567.",
        }
        postal_code_length: &'static str {
            ja: "郵便番号は7桁の数字で入力してください（例: 123-4567）。",
            en: "A postal code is 7 digits, for example 123-4567.",
        }
        phone_digits: &'static str {
            ja: "勤務先電話番号は半角数字とハイフンで、0から始まる国内の番号を入力してください。",
            en: "Enter the employer phone number in digits and hyphens, as a domestic number starting with 0.",
        }
        phone_prefix: &'static str {
            ja: "勤務先電話番号は市外局番の0から入力してください。",
            en: "Start the employer phone number with the 0 of its area code.",
        }
        phone_length: &'static str {
            ja: "勤務先電話番号の桁数をご確認ください。050・070・080・090で始まる番号は11桁、それ以外は10桁です。",
            en: "Check the number of digits: numbers starting with 050, 070, 080 or 090 have 11, other numbers 10.",
        }
        card_digits: &'static str {
            ja: "カード番号は半角数字で入力してください。",
            en: "Enter the card number in digits.",
        }
        card_length: &'static str {
            ja: "カード番号は16桁の数字で入力してください。",
            en: "A card number is 16 digits.",
        }
        card_prefix: &'static str {
            ja: "VISAプリペイドカードの番号は4から始まります。カード番号をご確認ください。",
            en: "VISA prepaid card numbers start with 4. Please check the card number.",
        }
        card_checksum: &'static str {
            ja: "カード番号に誤りがあります。カードに記載の番号をもう一度ご確認ください。",
            en: "This card number is not valid. Please check it against your card.",
        }
        too_long: fn(&str, usize) -> String {
            ja: |name, max| format!("{name}は{max}文字以内で入力してください。"),
            en: |name, max| format!("The {name} can be at most {max} characters."),
        }
        forbidden: fn(&str) -> String {
            ja: |name| format!("{name}に使えない文字（< > や制御文字）が含まれています。"),
            en: |name| format!("The {name} contains characters that cannot be used (< >, or control characters)."),
        }
        check_field: fn(&str) -> String {
            ja: |name| format!("{name}をご確認ください。"),
            en: |name| format!("Please check the {name}."),
        }
    }
}

/// What a number field does as the member types: full-width digits become
/// half-width and dash look-alikes `-`, nothing is dropped (the postal
/// code's rule serves the phone and card numbers as well).
pub(super) const NUMBER_AS_TYPED: fn(&str) -> Normalized = normalize_postal_code;

/// The id of the control a field is typed in, so problems and the summary
/// can point at it.
pub(super) fn input_id(field: ProfileField) -> &'static str {
    match field {
        ProfileField::PostalCode => "address-postal-code",
        ProfileField::Prefecture => "address-prefecture",
        ProfileField::City => "address-city",
        ProfileField::Street => "address-street",
        ProfileField::Building => "address-building",
        ProfileField::EmployerName => "employer-name",
        ProfileField::EmployerPhone => "employer-phone",
        ProfileField::Department => "employer-department",
        ProfileField::PrepaidCard => "prepaid-card-number",
    }
}

/// A field's label on its form.
pub(super) fn label(t: &'static Texts, field: ProfileField) -> &'static str {
    match field {
        ProfileField::PostalCode => t.postal_code,
        ProfileField::Prefecture => t.prefecture,
        ProfileField::City => t.city,
        ProfileField::Street => t.street,
        ProfileField::Building => t.building,
        ProfileField::EmployerName => t.employer_name,
        ProfileField::EmployerPhone => t.employer_phone,
        ProfileField::Department => t.department,
        ProfileField::PrepaidCard => t.card_number,
    }
}

/// A field as a sentence names it: its label without "(optional)", and in
/// lower case in English.
fn name(t: &'static Texts, l: Locale, field: ProfileField) -> String {
    let label = label(t, field);
    let bare = label
        .split_once('（')
        .or_else(|| label.split_once(" ("))
        .map_or(label, |(bare, _)| bare);
    match l {
        Locale::Ja => bare.to_owned(),
        // English labels are ASCII (no Unicode case tables in the chunk).
        Locale::En => bare.to_ascii_lowercase(),
    }
}

/// The longest a line field may be.
fn max_chars(field: ProfileField) -> usize {
    match field {
        ProfileField::EmployerName => EMPLOYER_NAME_MAX_CHARS,
        ProfileField::Department => DEPARTMENT_MAX_CHARS,
        _ => ADDRESS_LINE_MAX_CHARS,
    }
}

/// The sentence for one problem. Every pair the rules can give has its own
/// words; a pair they cannot give still says which field to check.
pub(super) fn message(t: &'static Texts, l: Locale, problem: ProfileProblem) -> String {
    use ProfileField as F;
    use ProfileRule as R;
    let name = name(t, l, problem.field);
    match (problem.field, problem.error) {
        (F::Prefecture, _) => t.prefecture_required.to_owned(),
        (_, R::Required) => (t.required)(&name),
        (F::PostalCode, R::NotDigits) => t.postal_code_digits.to_owned(),
        (F::PostalCode, R::Length) => t.postal_code_length.to_owned(),
        (F::EmployerPhone, R::NotDigits) => t.phone_digits.to_owned(),
        (F::EmployerPhone, R::Prefix) => t.phone_prefix.to_owned(),
        (F::EmployerPhone, R::Length) => t.phone_length.to_owned(),
        (F::PrepaidCard, R::NotDigits) => t.card_digits.to_owned(),
        (F::PrepaidCard, R::Length) => t.card_length.to_owned(),
        (F::PrepaidCard, R::Prefix) => t.card_prefix.to_owned(),
        (F::PrepaidCard, R::Checksum) => t.card_checksum.to_owned(),
        (field, R::TooLong) => (t.too_long)(&name, max_chars(field)),
        (_, R::ForbiddenCharacter) => (t.forbidden)(&name),
        _ => (t.check_field)(&name),
    }
}

/// The problems a form shows, each at its field.
#[derive(Clone, Copy)]
pub(super) struct Problems(RwSignal<Vec<ProfileProblem>>);

impl Problems {
    pub fn new() -> Self {
        Problems(RwSignal::new(Vec::new()))
    }

    /// The message at `field`, if it has a problem.
    pub fn at(self, field: ProfileField) -> Signal<Option<String>> {
        let i18n = use_i18n();
        Signal::derive(move || {
            self.0.with(|ps| {
                ps.iter()
                    .find(|p| p.field == field)
                    .map(|p| message(i18n.t(), i18n.locale(), *p))
            })
        })
    }

    /// Shows these problems and moves focus to the first one's field (once
    /// the form is on the page again, after a refusal from the review).
    pub fn show(self, found: Vec<ProfileProblem>) {
        if let Some(first) = found.first() {
            crate::browser::focus_id_when_present(input_id(first.field));
        }
        let _ = self.0.try_set(found);
    }

    pub fn clear(self) {
        self.0.set(Vec::new());
    }
}

/// Above the form, when more than one field has a problem: each problem as
/// a link to its field, announced.
#[component]
pub(super) fn ProblemSummary(problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    let items = Signal::derive(move || {
        let t: &'static Texts = i18n.t();
        let l = i18n.locale();
        problems.0.with(|ps| {
            if ps.len() < 2 {
                return Vec::new();
            }
            ps.iter()
                .map(|p| (input_id(p.field), message(t, l, *p)))
                .collect()
        })
    });
    view! { <ErrorSummary items /> }
}

/// The prefecture `<select>`: the 47 in their usual order, none chosen
/// until the member chooses, its problem linked to it.
#[component]
pub(super) fn PrefectureSelect(
    chosen: RwSignal<Option<Prefecture>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = input_id(ProfileField::Prefecture);
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    let options = move || {
        let t: &'static Texts = i18n.t();
        let l = i18n.locale();
        let none = view! {
            <option value="" selected=move || chosen.get().is_none()>{t.choose_prefecture}</option>
        };
        let all = Prefecture::ALL
            .into_iter()
            .map(|p| {
                view! {
                    <option value=p.code().to_string() selected=move || chosen.get() == Some(p)>
                        {l.pick(p.name_ja(), p.name_en())}
                    </option>
                }
            })
            .collect_view();
        view! { {none}{all} }
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{tr(|t| t.prefecture)}</label>
            <select
                id=id
                name=id
                class="settings-select"
                autocomplete="address-level1"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=move || chosen.get().map(|p| p.code().to_string()).unwrap_or_default()
                on:change=move |ev| {
                    chosen.set(event_target_value(&ev).parse::<u8>().ok().and_then(Prefecture::from_code));
                }
            >
                {options}
            </select>
            <p class="error" id=error_id>{error}</p>
        </div>
    }
}

/// The registered value before the form: `label: value`, or 未登録.
pub(super) fn current_value(label: &'static str, value: String) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </dl>
    }
}

/// Where a change is: the form, the review of the value `V` it would
/// register, or the value registered.
#[derive(Clone, Debug, PartialEq)]
enum Step<V> {
    Edit,
    Confirm(V),
    Done(V),
    /// The lender had this value already: nothing changed, nothing mailed.
    Unchanged,
}

/// One change's steps for the operation `Op`, whose value (as the review
/// and the result show it) is `V`. The section checks the form and calls
/// [`Flow::review`]; the review's button sends the request kept there, and
/// the lender's answer decides the step after it. The rows before and
/// after are drawn from `V` as each step renders, so they follow the
/// language switch.
pub(super) struct Flow<Op: Operation, V: 'static> {
    step: RwSignal<Step<V>>,
    pending: RwSignal<bool>,
    failure: RwSignal<Option<String>>,
    pub problems: Problems,
    request: StoredValue<Option<Op::Request>>,
    backend: StoredValue<BackendHandle>,
    session: SessionCtx,
}

impl<Op: Operation, V> Clone for Flow<Op, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Op: Operation, V> Copy for Flow<Op, V> {}

impl<Op: Operation, V> Flow<Op, V>
where
    Op::Request: Clone + Sync,
    V: Clone + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Flow {
            step: RwSignal::new(Step::Edit),
            pending: RwSignal::new(false),
            failure: RwSignal::new(None),
            problems: Problems::new(),
            request: StoredValue::new(None),
            backend: StoredValue::new(use_backend()),
            session: use_session(),
        }
    }

    /// The form passed its checks: review `after`, keeping `request` to
    /// send if the member confirms.
    pub fn review(self, request: Op::Request, after: V) {
        self.problems.clear();
        self.failure.set(None);
        self.request.set_value(Some(request));
        self.step.set(Step::Confirm(after));
    }

    /// Sends the request under review. `done` gives the value the lender
    /// registered, or `None` when it changed nothing.
    fn send(self, done: impl Fn(Op::Reply) -> Option<V> + 'static) {
        let Some(request) = self.request.get_value() else {
            return;
        };
        self.pending.set(true);
        self.failure.set(None);
        let reply = self.backend.with_value(|b| b.send::<Op>(request));
        spawn_local(async move {
            let result = reply.await;
            let _ = self.pending.try_set(false);
            match result {
                Ok(reply) => {
                    let next = done(reply).map_or(Step::Unchanged, Step::Done);
                    let _ = self.step.try_set(next);
                }
                Err(BackendError::ProfileRefused { problems }) => {
                    let _ = self.step.try_set(Step::Edit);
                    self.problems.show(problems);
                }
                Err(e) if self.session.absorb(&e) => {}
                Err(e) => {
                    let _ = self.failure.try_set(Some(failure_message(&e)));
                }
            }
        });
    }

    /// The step's view: `edit` is the form, `rows` the lines before and
    /// after for a value, `done` reads the lender's reply; `first_field`
    /// takes focus when the member goes back to the form from the review.
    pub fn view(
        self,
        edit: impl Fn() -> AnyView + Send + Sync + 'static,
        rows: impl Fn(&V) -> Vec<ChangeRow> + Send + Sync + 'static,
        done: impl Fn(Op::Reply) -> Option<V> + Clone + Send + Sync + 'static,
        first_field: &'static str,
    ) -> impl IntoView {
        let confirm = Callback::new(move |()| {
            if !self.pending.get_untracked() {
                self.send(done.clone());
            }
        });
        let back = Callback::new(move |()| {
            self.failure.set(None);
            self.step.set(Step::Edit);
            crate::browser::focus_id_when_present(first_field);
        });
        move || {
            match self.step.get() {
            Step::Edit => edit(),
            Step::Confirm(after) => view! {
                <ChangeReview rows=rows(&after) pending=self.pending failure=self.failure on_confirm=confirm on_back=back />
            }
            .into_any(),
            Step::Done(after) => view! { <ChangeDone rows=rows(&after) /> }.into_any(),
            Step::Unchanged => view! { <NoChange /> }.into_any(),
        }
        }
    }
}

/// The result when the lender already had the value: nothing changed and
/// no notice was sent. Announced, and its heading focused.
#[component]
fn NoChange() -> impl IntoView {
    Effect::new(move |_| crate::browser::focus_id_when_present("settings-done"));
    view! {
        <div class="notice" role="status">
            <h2 id="settings-done" tabindex="-1">{tr(|t| t.no_change_heading)}</h2>
            <p>{tr(|t| t.no_change)}</p>
        </div>
        <p><A href=Page::Settings.path()>{tr(|t| t.back_to_settings)}</A></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Localized;

    #[test]
    fn every_field_and_rule_has_words_in_both_locales() {
        let fields = [
            ProfileField::PostalCode,
            ProfileField::Prefecture,
            ProfileField::City,
            ProfileField::Street,
            ProfileField::Building,
            ProfileField::EmployerName,
            ProfileField::EmployerPhone,
            ProfileField::Department,
            ProfileField::PrepaidCard,
        ];
        let rules = [
            ProfileRule::Required,
            ProfileRule::NotDigits,
            ProfileRule::Length,
            ProfileRule::Prefix,
            ProfileRule::Checksum,
            ProfileRule::TooLong,
            ProfileRule::ForbiddenCharacter,
        ];
        let mut ids = std::collections::BTreeSet::new();
        for l in [Locale::Ja, Locale::En] {
            let t = Texts::in_locale(l);
            for field in fields {
                ids.insert(input_id(field));
                for error in rules {
                    let text = message(t, l, ProfileProblem { field, error });
                    assert!(!text.is_empty());
                    assert!(
                        !text.contains("（任意）") && !text.contains("(optional)"),
                        "{text}"
                    );
                }
            }
        }
        assert_eq!(ids.len(), fields.len(), "ids are unique");
        let ja = Texts::in_locale(Locale::Ja);
        let building = ProfileProblem {
            field: ProfileField::Building,
            error: ProfileRule::TooLong,
        };
        assert_eq!(
            message(ja, Locale::Ja, building),
            "建物名・部屋番号は50文字以内で入力してください。"
        );
        let en = Texts::in_locale(Locale::En);
        let city = ProfileProblem {
            field: ProfileField::City,
            error: ProfileRule::Required,
        };
        assert_eq!(
            message(en, Locale::En, city),
            "Enter the city, ward, town or village."
        );
        // S19: input errors about what may be typed say 半角.
        let digits = ProfileProblem {
            field: ProfileField::PrepaidCard,
            error: ProfileRule::NotDigits,
        };
        assert!(message(ja, Locale::Ja, digits).contains("半角"));
    }
}
