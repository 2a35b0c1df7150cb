//! The contract's names for every enum of unit variants (`openapi/openapi.yaml`
//! lists the same strings). These enums read and write their names through
//! `portal_domain::wire_names!`, not serde's derive; this test pins each name
//! both ways, so a typo or a renamed variant fails here before it reaches the
//! wire. The list was taken from serde's derive output before the switch.

use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

fn both_ways<T: Serialize + DeserializeOwned + PartialEq + Debug>(pairs: &[(T, &str)]) {
    for (value, name) in pairs {
        let json = format!("\"{name}\"");
        assert_eq!(
            serde_json::to_string(value).ok().as_deref(),
            Some(json.as_str())
        );
        assert_eq!(
            serde_json::from_str::<T>(&json).ok().as_ref(),
            Some(value),
            "{name}"
        );
    }
    let refused = serde_json::from_str::<T>("\"no_such_name\"");
    assert!(refused.is_err_and(|e| e.to_string().contains("unknown variant")));
}

#[test]
fn login_kind() {
    use portal_api::LoginKind as E;
    both_ways(&[(E::Card, "card"), (E::WebId, "web_id")]);
}

#[test]
fn entry_kind() {
    use portal_api::EntryKind as E;
    both_ways(&[(E::Borrowing, "borrowing"), (E::Repayment, "repayment")]);
}

#[test]
fn channel() {
    use portal_api::Channel as E;
    both_ways(&[
        (E::Atm, "atm"),
        (E::Transfer, "transfer"),
        (E::InternetRepayment, "internet_repayment"),
        (E::Debit, "debit"),
        (E::Points, "points"),
    ]);
}

#[test]
fn error_code() {
    use portal_api::ErrorCode as E;
    both_ways(&[
        (E::InvalidInput, "invalid_input"),
        (E::BadCredentials, "bad_credentials"),
        (E::Locked, "locked"),
        (E::Suspended, "suspended"),
        (E::Maintenance, "maintenance"),
        (E::NotSignedIn, "not_signed_in"),
        (E::AmountRefused, "amount_refused"),
        (E::PayeeRefused, "payee_refused"),
        (E::NoPayeeAccount, "no_payee_account"),
        (E::IdempotencyConflict, "idempotency_conflict"),
        (E::NotFound, "not_found"),
        (E::CodeRefused, "code_refused"),
        (E::CodeEnded, "code_ended"),
        (E::WebIdTaken, "web_id_taken"),
        (E::ExchangeRefused, "exchange_refused"),
        (E::LineRefused, "line_refused"),
        (E::ProfileRefused, "profile_refused"),
        (E::DocumentRefused, "document_refused"),
        (E::TooLarge, "too_large"),
        (E::Server, "server"),
        (E::Offline, "offline"),
        (E::Timeout, "timeout"),
        (E::Malformed, "malformed"),
    ]);
}

#[test]
fn review_status() {
    use portal_api::limit::ReviewStatus as E;
    both_ways(&[
        (E::Received, "received"),
        (E::Reviewing, "reviewing"),
        (E::Approved, "approved"),
        (E::Refused, "refused"),
        (E::DocumentsNeeded, "documents_needed"),
    ]);
}

#[test]
fn account_kind() {
    use portal_api::movement::AccountKind as E;
    both_ways(&[(E::Ordinary, "ordinary"), (E::Current, "current")]);
}

#[test]
fn payee_field() {
    use portal_api::movement::PayeeField as E;
    both_ways(&[
        (E::Bank, "bank"),
        (E::Branch, "branch"),
        (E::Number, "number"),
        (E::Holder, "holder"),
    ]);
}

#[test]
fn payee_error() {
    use portal_api::movement::PayeeError as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotDigits, "not_digits"),
        (E::Length, "length"),
        (E::NotKana, "not_kana"),
        (E::TooLong, "too_long"),
        (E::NotMemberName, "not_member_name"),
    ]);
}

#[test]
fn repayment_state() {
    use portal_api::movement::RepaymentState as E;
    both_ways(&[
        (E::AtBank, "at_bank"),
        (E::Completed, "completed"),
        (E::Cancelled, "cancelled"),
        (E::Failed, "failed"),
    ]);
}

#[test]
fn bank_decision() {
    use portal_api::movement::BankDecision as E;
    both_ways(&[
        (E::Approve, "approve"),
        (E::Cancel, "cancel"),
        (E::Fail, "fail"),
    ]);
}

#[test]
fn movement_kind() {
    use portal_api::movement::MovementKind as E;
    both_ways(&[(E::Transfer, "transfer"), (E::Repayment, "repayment")]);
}

#[test]
fn code_end() {
    use portal_api::recovery::CodeEnd as E;
    both_ways(&[
        (E::Expired, "expired"),
        (E::TooManyTries, "too_many_tries"),
        (E::Unknown, "unknown"),
    ]);
}

#[test]
fn point_kind() {
    use portal_api::services::PointKind as E;
    both_ways(&[
        (E::JoinBonus, "join_bonus"),
        (E::MonthlyBonus, "monthly_bonus"),
        (E::Exchange, "exchange"),
    ]);
}

#[test]
fn profile_rule() {
    use portal_api::settings::contact::ProfileRule as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotDigits, "not_digits"),
        (E::Length, "length"),
        (E::Prefix, "prefix"),
        (E::Checksum, "checksum"),
        (E::TooLong, "too_long"),
        (E::ForbiddenCharacter, "forbidden_character"),
    ]);
}

#[test]
fn repayment_day() {
    use portal_domain::calendar::RepaymentDay as E;
    both_ways(&[
        (E::Fifth, "Fifth"),
        (E::Fifteenth, "Fifteenth"),
        (E::TwentyFifth, "TwentyFifth"),
        (E::LastDay, "LastDay"),
    ]);
}

#[test]
fn document_kind() {
    use portal_domain::documents::DocumentKind as E;
    both_ways(&[
        (E::IdentityDocument, "identity_document"),
        (E::IncomeProof, "income_proof"),
    ]);
}

#[test]
fn file_type() {
    use portal_domain::documents::FileType as E;
    both_ways(&[(E::Jpeg, "jpeg"), (E::Png, "png"), (E::Pdf, "pdf")]);
}

#[test]
fn document_error() {
    use portal_domain::documents::DocumentError as E;
    both_ways(&[
        (E::Empty, "empty"),
        (E::TooLarge, "too_large"),
        (E::WrongType, "wrong_type"),
        (E::Truncated, "truncated"),
        (E::NoPages, "no_pages"),
        (E::TooManyPages, "too_many_pages"),
        (E::SubmissionTooLarge, "submission_too_large"),
    ]);
}

#[test]
fn document_status() {
    use portal_domain::documents::DocumentStatus as E;
    both_ways(&[
        (E::Received, "received"),
        (E::Checking, "checking"),
        (E::Verified, "verified"),
        (E::Deficient, "deficient"),
    ]);
}

#[test]
fn field_error() {
    use portal_domain::input::FieldError as E;
    both_ways(&[
        (E::Required, "Required"),
        (E::NotHalfWidth, "NotHalfWidth"),
        (E::NotDigits, "NotDigits"),
        (E::NotAlphanumeric, "NotAlphanumeric"),
        (E::CardLength, "CardLength"),
        (E::PinLength, "PinLength"),
        (E::WebIdLength, "WebIdLength"),
        (E::PasswordLength, "PasswordLength"),
        (E::MemberNumberLength, "MemberNumberLength"),
        (E::NeedsLetterAndDigit, "NeedsLetterAndDigit"),
        (E::SameAsWebId, "SameAsWebId"),
        (E::EmailShape, "EmailShape"),
        (E::CodeLength, "CodeLength"),
        (E::Mismatch, "Mismatch"),
        (E::Overdue, "Overdue"),
        (E::DueToday, "DueToday"),
        (E::SameAsCurrent, "SameAsCurrent"),
        (E::Incorrect, "Incorrect"),
    ]);
}

#[test]
fn field() {
    use portal_domain::input::Field as E;
    both_ways(&[
        (E::CardNumber, "CardNumber"),
        (E::Pin, "Pin"),
        (E::WebId, "WebId"),
        (E::Password, "Password"),
        (E::MemberNumber, "MemberNumber"),
        (E::Email, "Email"),
        (E::Code, "Code"),
        (E::PasswordConfirmation, "PasswordConfirmation"),
        (E::RepaymentDay, "RepaymentDay"),
        (E::CurrentPassword, "CurrentPassword"),
    ]);
}

#[test]
fn kana_row() {
    use portal_domain::kana::KanaRow as E;
    both_ways(&[
        (E::A, "A"),
        (E::Ka, "Ka"),
        (E::Sa, "Sa"),
        (E::Ta, "Ta"),
        (E::Na, "Na"),
        (E::Ha, "Ha"),
        (E::Ma, "Ma"),
        (E::Ya, "Ya"),
        (E::Ra, "Ra"),
        (E::Wa, "Wa"),
    ]);
}

#[test]
fn line_field() {
    use portal_domain::line_change::LineField as E;
    both_ways(&[
        (E::DesiredLine, "desired_line"),
        (E::AnnualIncome, "annual_income"),
        (E::OtherBorrowing, "other_borrowing"),
        (E::Employment, "employment"),
        (E::Employer, "employer"),
        (E::YearsEmployed, "years_employed"),
        (E::IncomeProof, "income_proof"),
        (E::NewLine, "new_line"),
    ]);
}

#[test]
fn line_rule() {
    use portal_domain::line_change::LineRule as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotANumber, "not_a_number"),
        (E::NotInUnits, "not_in_units"),
        (E::OverMaximum, "over_maximum"),
        (E::NotAboveCurrent, "not_above_current"),
        (E::NotBelowCurrent, "not_below_current"),
        (E::BelowBalance, "below_balance"),
        (E::TooLong, "too_long"),
        (E::NotPlainText, "not_plain_text"),
        (E::OutOfRange, "out_of_range"),
        (E::PendingRequest, "pending_request"),
    ]);
}

#[test]
fn employment_kind() {
    use portal_domain::line_change::EmploymentKind as E;
    both_ways(&[
        (E::Regular, "regular"),
        (E::Contract, "contract"),
        (E::PartTime, "part_time"),
        (E::SelfEmployed, "self_employed"),
        (E::Other, "other"),
    ]);
}

#[test]
fn service() {
    use portal_domain::maintenance::Service as E;
    both_ways(&[
        (E::MemberService, "MemberService"),
        (E::InternetRepayment, "InternetRepayment"),
    ]);
}

#[test]
fn window_kind() {
    use portal_domain::maintenance::WindowKind as E;
    both_ways(&[
        (E::WeeklyMonday, "WeeklyMonday"),
        (E::NewYearsDay, "NewYearsDay"),
        (E::SundayNight, "SundayNight"),
        (E::ThirdSunday, "ThirdSunday"),
        (E::SaturdayBeforeThirdSunday, "SaturdayBeforeThirdSunday"),
        (E::Unscheduled, "Unscheduled"),
    ]);
}

#[test]
fn amount_rule() {
    use portal_domain::movement::AmountRule as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotANumber, "not_a_number"),
        (E::BelowMinimum, "below_minimum"),
        (E::NotInUnits, "not_in_units"),
        (E::OverAvailable, "over_available"),
        (E::OverPayoff, "over_payoff"),
        (E::NothingAvailable, "nothing_available"),
        (E::NothingOwed, "nothing_owed"),
    ]);
}

#[test]
fn arrival_when() {
    use portal_domain::movement::ArrivalWhen as E;
    both_ways(&[
        (E::WithinSeconds, "within_seconds"),
        (E::BusinessDayMorning, "business_day_morning"),
    ]);
}

#[test]
fn account_number_error() {
    use portal_domain::movement::AccountNumberError as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotDigits, "not_digits"),
        (E::Length, "length"),
    ]);
}

#[test]
fn exchange_item() {
    use portal_domain::points::ExchangeItem as E;
    both_ways(&[
        (E::Repayment, "repayment"),
        (E::DigitalGift500, "digital_gift500"),
        (E::EcoBag, "eco_bag"),
        (E::DigitalGift1000, "digital_gift1000"),
    ]);
}

#[test]
fn exchange_rule() {
    use portal_domain::points::ExchangeRule as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotANumber, "not_a_number"),
        (E::BelowMinimum, "below_minimum"),
        (E::OverOwed, "over_owed"),
        (E::NothingOwed, "nothing_owed"),
        (E::Insufficient, "insufficient"),
        (E::NotJoined, "not_joined"),
    ]);
}

#[test]
fn postal_code_error() {
    use portal_domain::profile::PostalCodeError as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotDigits, "not_digits"),
        (E::Length, "length"),
    ]);
}

#[test]
fn card_number_error() {
    use portal_domain::profile::CardNumberError as E;
    both_ways(&[
        (E::Required, "required"),
        (E::NotDigits, "not_digits"),
        (E::Length, "length"),
        (E::Prefix, "prefix"),
        (E::Checksum, "checksum"),
    ]);
}

#[test]
fn profile_field() {
    use portal_domain::profile::ProfileField as E;
    both_ways(&[
        (E::PostalCode, "postal_code"),
        (E::Prefecture, "prefecture"),
        (E::City, "city"),
        (E::Street, "street"),
        (E::Building, "building"),
        (E::EmployerName, "employer_name"),
        (E::EmployerPhone, "employer_phone"),
        (E::Department, "department"),
        (E::PrepaidCard, "prepaid_card"),
    ]);
}

#[test]
fn reminder_timing() {
    use portal_domain::reminder::ReminderTiming as E;
    both_ways(&[
        (E::OnDueDate, "on_due_date"),
        (E::DaysBefore1, "days_before1"),
        (E::DaysBefore3, "days_before3"),
        (E::DaysBefore5, "days_before5"),
    ]);
}

#[test]
fn amount_error() {
    use portal_domain::schedule::AmountError as E;
    both_ways(&[
        (E::Required, "Required"),
        (E::NotANumber, "NotANumber"),
        (E::TooLarge, "TooLarge"),
    ]);
}
