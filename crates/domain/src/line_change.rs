//! Credit-line changes (限度額の変更, SPEC S10): the increase request's
//! fields, the review's rules and when a result can be expected, and the
//! decrease a member may make at once.
//!
//! A line is a whole number of [`LINE_UNIT`]s, at most [`MAX_LINE`]. An
//! increase is reviewed with the total-volume rule (`lending`) and, when it
//! is approved, the rate cap of the new line (`rate::capped_apr_for_line`):
//! a line of 1,000,000 yen or more lowers a higher rate to 15%. Reviews are
//! worked on business days, 9:00 to 18:00 JST, so a result is never released
//! on a weekend, a holiday or in the year-end closure.
//!
//! Problems travel flat ([`LineProblem`]: a field, a rule and the one figure
//! the rule names), like the amount problems of `movement`.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{is_business_day, next_business_day_on_or_after};
use crate::lending::{check_total_volume, income_proof_required, LendingError};
use crate::money::Yen;
use crate::profile::{parse_employer_name, LineError};
use crate::rate::{capped_apr_for_line, Apr};
use crate::schedule::{parse_yen_amount, AmountError};

/// Lines are whole multiples of this (1万円単位).
pub const LINE_UNIT: i64 = 10_000;
/// The largest line the portal accepts a request for (500万円).
pub const MAX_LINE: i64 = 5_000_000;
/// The largest annual income or other-lender debt the form accepts: an
/// amount beyond it is a typing mistake, not a figure to review.
pub const MAX_FIGURE: i64 = 10_000_000_000;
/// The most years of employment the form accepts.
pub const MAX_YEARS_EMPLOYED: u32 = 60;
/// The review office's hours, JST, on business days.
pub const REVIEW_OPENS: u32 = 9;
pub const REVIEW_CLOSES: u32 = 18;
/// A request received by this hour of a business day's review hours is
/// decided the same day; a later one the next business day.
pub const SAME_DAY_CUTOFF: u32 = 15;

/// A field of the credit-line forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineField {
    /// 希望限度額 (an increase).
    DesiredLine,
    /// 年収.
    AnnualIncome,
    /// 他社借入額.
    OtherBorrowing,
    /// 雇用形態.
    Employment,
    /// 勤務先名.
    Employer,
    /// 勤続年数.
    YearsEmployed,
    /// The income proof (収入証明書) an increase needs (SPEC S10).
    IncomeProof,
    /// 変更後の限度額 (a decrease).
    NewLine,
}

crate::wire_names!(LineField {
    DesiredLine = "desired_line",
    AnnualIncome = "annual_income",
    OtherBorrowing = "other_borrowing",
    Employment = "employment",
    Employer = "employer",
    YearsEmployed = "years_employed",
    IncomeProof = "income_proof",
    NewLine = "new_line",
});

/// The rule a value broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineRule {
    Required,
    /// Not a whole number of yen (commas, 円 and full-width digits are fine).
    NotANumber,
    /// Not a whole number of [`LINE_UNIT`]s; `figure` is the unit.
    NotInUnits,
    /// More than the largest accepted; `figure` is that largest.
    OverMaximum,
    /// An increase not above the current line; `figure` is the current line.
    NotAboveCurrent,
    /// A decrease not below the current line; `figure` is the current line.
    NotBelowCurrent,
    /// A decrease below what is owed; `figure` is the smallest line allowed.
    BelowBalance,
    /// Text too long; no figure (the form says the length).
    TooLong,
    /// Text with characters that do not belong in a name.
    NotPlainText,
    /// Years of employment outside 0 to [`MAX_YEARS_EMPLOYED`].
    OutOfRange,
    /// A request is under review already: one at a time.
    PendingRequest,
}

crate::wire_names!(LineRule {
    Required = "required",
    NotANumber = "not_a_number",
    NotInUnits = "not_in_units",
    OverMaximum = "over_maximum",
    NotAboveCurrent = "not_above_current",
    NotBelowCurrent = "not_below_current",
    BelowBalance = "below_balance",
    TooLong = "too_long",
    NotPlainText = "not_plain_text",
    OutOfRange = "out_of_range",
    PendingRequest = "pending_request",
});

/// One problem with one field, flat on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    pub field: LineField,
    pub rule: LineRule,
    /// The figure the rule names, if it names one (see [`LineRule`]).
    pub figure: Option<Yen>,
}

impl LineProblem {
    pub fn new(field: LineField, rule: LineRule) -> Self {
        LineProblem {
            field,
            rule,
            figure: None,
        }
    }

    pub fn with(field: LineField, rule: LineRule, figure: Yen) -> Self {
        LineProblem {
            field,
            rule,
            figure: Some(figure),
        }
    }
}

/// How the member is employed (雇用形態).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmploymentKind {
    /// 正社員.
    Regular,
    /// 契約社員・派遣社員.
    Contract,
    /// パート・アルバイト.
    PartTime,
    /// 自営業.
    SelfEmployed,
    /// その他.
    Other,
}

crate::wire_names!(EmploymentKind {
    Regular = "regular",
    Contract = "contract",
    PartTime = "part_time",
    SelfEmployed = "self_employed",
    Other = "other",
});

impl EmploymentKind {
    pub const ALL: [EmploymentKind; 5] = [
        EmploymentKind::Regular,
        EmploymentKind::Contract,
        EmploymentKind::PartTime,
        EmploymentKind::SelfEmployed,
        EmploymentKind::Other,
    ];

    pub fn name_ja(self) -> &'static str {
        match self {
            EmploymentKind::Regular => "正社員",
            EmploymentKind::Contract => "契約社員・派遣社員",
            EmploymentKind::PartTime => "パート・アルバイト",
            EmploymentKind::SelfEmployed => "自営業",
            EmploymentKind::Other => "その他",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            EmploymentKind::Regular => "Full-time employee",
            EmploymentKind::Contract => "Contract or agency worker",
            EmploymentKind::PartTime => "Part-time worker",
            EmploymentKind::SelfEmployed => "Self-employed",
            EmploymentKind::Other => "Other",
        }
    }
}

/// A yen figure as typed, at most `max`.
fn parse_figure(raw: &str, max: i64) -> Result<Yen, LineRule> {
    match parse_yen_amount(raw) {
        Ok(y) if y.0 > max => Err(LineRule::OverMaximum),
        Ok(y) => Ok(y),
        Err(AmountError::Required) => Err(LineRule::Required),
        Err(AmountError::NotANumber) => Err(LineRule::NotANumber),
        Err(AmountError::TooLarge) => Err(LineRule::OverMaximum),
    }
}

/// A line as typed: whole [`LINE_UNIT`]s, at most [`MAX_LINE`], above zero.
pub fn parse_line(raw: &str, field: LineField) -> Result<Yen, LineProblem> {
    let line = parse_figure(raw, MAX_LINE).map_err(|rule| match rule {
        LineRule::OverMaximum => LineProblem::with(field, rule, Yen(MAX_LINE)),
        other => LineProblem::new(field, other),
    })?;
    if line.0 <= 0 || line.0 % LINE_UNIT != 0 {
        return Err(LineProblem::with(
            field,
            LineRule::NotInUnits,
            Yen(LINE_UNIT),
        ));
    }
    Ok(line)
}

/// The smallest line a member owing `balance` may decrease to: the balance
/// rounded up to a whole unit, and at least one unit.
pub fn smallest_line(balance: Yen) -> Yen {
    let owed = balance.0.max(0);
    let units = owed.saturating_add(LINE_UNIT - 1) / LINE_UNIT;
    Yen(units.max(1).saturating_mul(LINE_UNIT))
}

/// A decrease (減額): a line below the current one and not below
/// [`smallest_line`]. It takes effect at once, without a review.
pub fn parse_decrease(raw: &str, current: Yen, balance: Yen) -> Result<Yen, LineProblem> {
    let line = parse_line(raw, LineField::NewLine)?;
    if line >= current {
        return Err(LineProblem::with(
            LineField::NewLine,
            LineRule::NotBelowCurrent,
            current,
        ));
    }
    let smallest = smallest_line(balance);
    if line < smallest {
        return Err(LineProblem::with(
            LineField::NewLine,
            LineRule::BelowBalance,
            smallest,
        ));
    }
    Ok(line)
}

/// An increase request's fields as typed.
#[derive(Clone, Copy, Debug)]
pub struct IncreaseForm<'a> {
    pub desired_line: &'a str,
    pub annual_income: &'a str,
    pub other_borrowing: &'a str,
    pub employment: Option<EmploymentKind>,
    pub employer: &'a str,
    pub years_employed: &'a str,
}

/// An increase request that passed every field rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Increase {
    pub desired_line: Yen,
    pub annual_income: Yen,
    pub other_borrowing: Yen,
    pub employment: EmploymentKind,
    pub employer: String,
    pub years_employed: u32,
}

impl Increase {
    /// Whether this request needs an income proof (SPEC S10).
    pub fn proof_required(&self) -> bool {
        income_proof_required(self.desired_line, self.other_borrowing)
    }
}

/// Years of employment as typed: a whole number, 年 allowed after it.
pub fn parse_years_employed(raw: &str) -> Result<u32, LineRule> {
    let trimmed = raw.trim();
    let trimmed = trimmed.strip_suffix('年').unwrap_or(trimmed);
    let years = parse_figure(trimmed, i64::from(MAX_YEARS_EMPLOYED)).map_err(|r| match r {
        LineRule::OverMaximum => LineRule::OutOfRange,
        other => other,
    })?;
    u32::try_from(years.0).map_err(|_| LineRule::OutOfRange)
}

/// Checks every field of an increase request against the current line and
/// reports every problem at once.
pub fn validate_increase(
    form: &IncreaseForm<'_>,
    current: Yen,
) -> Result<Increase, Vec<LineProblem>> {
    let mut problems = Vec::new();
    let desired = match parse_line(form.desired_line, LineField::DesiredLine) {
        Ok(line) if line <= current => {
            problems.push(LineProblem::with(
                LineField::DesiredLine,
                LineRule::NotAboveCurrent,
                current,
            ));
            None
        }
        Ok(line) => Some(line),
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let mut figure = |raw: &str, field: LineField| match parse_figure(raw, MAX_FIGURE) {
        Ok(y) => Some(y),
        Err(LineRule::OverMaximum) => {
            problems.push(LineProblem::with(
                field,
                LineRule::OverMaximum,
                Yen(MAX_FIGURE),
            ));
            None
        }
        Err(rule) => {
            problems.push(LineProblem::new(field, rule));
            None
        }
    };
    let income = figure(form.annual_income, LineField::AnnualIncome);
    let other = figure(form.other_borrowing, LineField::OtherBorrowing);
    if form.employment.is_none() {
        problems.push(LineProblem::new(LineField::Employment, LineRule::Required));
    }
    let employer = match parse_employer_name(form.employer) {
        Ok(name) => Some(name),
        Err(e) => {
            let rule = match e {
                LineError::Required => LineRule::Required,
                LineError::Length { .. } => LineRule::TooLong,
                LineError::ForbiddenCharacter => LineRule::NotPlainText,
            };
            problems.push(LineProblem::new(LineField::Employer, rule));
            None
        }
    };
    let years = match parse_years_employed(form.years_employed) {
        Ok(y) => Some(y),
        Err(rule) => {
            problems.push(LineProblem::new(LineField::YearsEmployed, rule));
            None
        }
    };
    match (desired, income, other, form.employment, employer, years) {
        (
            Some(desired_line),
            Some(annual_income),
            Some(other_borrowing),
            Some(employment),
            Some(employer),
            Some(years_employed),
        ) if problems.is_empty() => Ok(Increase {
            desired_line,
            annual_income,
            other_borrowing,
            employment,
            employer,
            years_employed,
        }),
        _ => Err(problems),
    }
}

/// What a review decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The new line, and the rate that applies with it: the member's rate,
    /// lowered to the new line's legal cap when it was above it.
    Approved { line: Yen, apr: Apr },
    /// The total-volume rule does not allow the line.
    Refused(LendingError),
}

/// Reviews an increase by the rules: the total-volume rule, then the rate
/// cap of the new line.
pub fn review(increase: &Increase, current_apr: Apr) -> Decision {
    match check_total_volume(
        increase.annual_income,
        increase.other_borrowing,
        increase.desired_line,
    ) {
        Err(e) => Decision::Refused(e),
        Ok(()) => Decision::Approved {
            line: increase.desired_line,
            apr: capped_apr_for_line(increase.desired_line, current_apr),
        },
    }
}

fn at(date: NaiveDate, hour: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN))
}

/// The first business-day moment on or after `t` (JST) when the review
/// office is open: `t` itself during review hours, else the next opening.
pub fn review_starts_at(t: NaiveDateTime) -> NaiveDateTime {
    let date = t.date();
    if is_business_day(date) {
        if t < at(date, REVIEW_OPENS) {
            return at(date, REVIEW_OPENS);
        }
        if t < at(date, REVIEW_CLOSES) {
            return t;
        }
    }
    let next = date
        .checked_add_days(Days::new(1))
        .map_or(date, next_business_day_on_or_after);
    at(next, REVIEW_OPENS)
}

/// When a request received at `t` (JST) has its result: 18:00 the same
/// business day when the review starts by 15:00, otherwise 18:00 the next
/// business day. Never on a weekend, a holiday or in the year-end closure.
pub fn result_expected_at(t: NaiveDateTime) -> NaiveDateTime {
    let start = review_starts_at(t);
    let day = start.date();
    if start < at(day, SAME_DAY_CUTOFF) {
        return at(day, REVIEW_CLOSES);
    }
    let next = day
        .checked_add_days(Days::new(1))
        .map_or(day, next_business_day_on_or_after);
    at(next, REVIEW_CLOSES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    fn jst(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        ymd(y, m, d)
            .and_hms_opt(h, min, 0)
            .unwrap_or_else(|| panic!("{h}:{min}"))
    }

    fn apr(text: &str) -> Apr {
        crate::rate::parse_percent(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    fn form<'a>(desired: &'a str, income: &'a str, other: &'a str) -> IncreaseForm<'a> {
        IncreaseForm {
            desired_line: desired,
            annual_income: income,
            other_borrowing: other,
            employment: Some(EmploymentKind::Regular),
            employer: "株式会社見本商事",
            years_employed: "5",
        }
    }

    #[test]
    fn lines_are_whole_units_up_to_the_maximum() {
        let f = LineField::DesiredLine;
        let cases: &[(&str, Result<i64, LineProblem>)] = &[
            ("700000", Ok(700_000)),
            ("７０万", Err(LineProblem::new(f, LineRule::NotANumber))),
            ("７００，０００円", Ok(700_000)),
            ("5,000,000", Ok(5_000_000)),
            (
                "5,010,000",
                Err(LineProblem::with(f, LineRule::OverMaximum, Yen(MAX_LINE))),
            ),
            (
                "705000",
                Err(LineProblem::with(f, LineRule::NotInUnits, Yen(LINE_UNIT))),
            ),
            (
                "0",
                Err(LineProblem::with(f, LineRule::NotInUnits, Yen(LINE_UNIT))),
            ),
            ("", Err(LineProblem::new(f, LineRule::Required))),
            ("-10000", Err(LineProblem::new(f, LineRule::NotANumber))),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_line(raw, f).map(|y| y.0), *want, "{raw}");
        }
    }

    #[test]
    fn a_decrease_stays_below_the_line_and_above_the_balance() {
        let current = Yen(500_000);
        let balance = Yen(150_000);
        let f = LineField::NewLine;
        assert_eq!(parse_decrease("300000", current, balance), Ok(Yen(300_000)));
        assert_eq!(parse_decrease("150000", current, balance), Ok(Yen(150_000)));
        assert_eq!(
            parse_decrease("140000", current, balance),
            Err(LineProblem::with(f, LineRule::BelowBalance, Yen(150_000)))
        );
        assert_eq!(
            parse_decrease("500000", current, balance),
            Err(LineProblem::with(f, LineRule::NotBelowCurrent, current))
        );
        // 150,001 yen owed: the smallest line is 160,000.
        assert_eq!(smallest_line(Yen(150_001)), Yen(160_000));
        assert_eq!(smallest_line(Yen(0)), Yen(LINE_UNIT));
    }

    #[test]
    fn an_increase_reports_every_problem_at_once() {
        let bad = IncreaseForm {
            desired_line: "400000",
            annual_income: "たくさん",
            other_borrowing: "",
            employment: None,
            employer: " ",
            years_employed: "61",
        };
        let problems = validate_increase(&bad, Yen(500_000))
            .err()
            .unwrap_or_default();
        let fields: Vec<(LineField, LineRule)> =
            problems.iter().map(|p| (p.field, p.rule)).collect();
        assert_eq!(
            fields,
            vec![
                (LineField::DesiredLine, LineRule::NotAboveCurrent),
                (LineField::AnnualIncome, LineRule::NotANumber),
                (LineField::OtherBorrowing, LineRule::Required),
                (LineField::Employment, LineRule::Required),
                (LineField::Employer, LineRule::Required),
                (LineField::YearsEmployed, LineRule::OutOfRange),
            ]
        );
        let good = validate_increase(&form("700,000", "6,000,000", "0"), Yen(500_000));
        assert_eq!(good.as_ref().map(|i| i.desired_line), Ok(Yen(700_000)));
        assert_eq!(good.map(|i| i.years_employed), Ok(5));
    }

    #[test]
    fn the_income_proof_is_asked_for_exactly_when_s10_says() {
        // (desired, other, proof required)
        let cases = [
            ("500000", "0", false),
            ("510000", "0", true),
            ("500000", "500000", false),
            ("500000", "500001", true),
            ("300000", "700001", true),
        ];
        for (desired, other, want) in cases {
            let i = validate_increase(&form(desired, "9000000", other), Yen(100_000))
                .unwrap_or_else(|p| panic!("{p:?}"));
            assert_eq!(i.proof_required(), want, "{desired} + {other}");
        }
    }

    #[test]
    fn the_review_applies_the_total_volume_rule_and_the_new_lines_rate_cap() {
        let increase = |desired: &str, income: &str, other: &str| {
            validate_increase(&form(desired, income, other), Yen(500_000))
                .unwrap_or_else(|p| panic!("{p:?}"))
        };
        // 3,000,000 a year allows 1,000,000 across all lenders.
        assert_eq!(
            review(&increase("1000000", "3000000", "0"), apr("17.8")),
            Decision::Approved {
                line: Yen(1_000_000),
                apr: apr("15.0")
            }
        );
        // Below a million the 17.8% of a 500,000 line is under the 18% cap.
        assert_eq!(
            review(&increase("800000", "3000000", "0"), apr("17.8")),
            Decision::Approved {
                line: Yen(800_000),
                apr: apr("17.8")
            }
        );
        assert_eq!(
            review(&increase("800000", "3000000", "300000"), apr("17.8")),
            Decision::Refused(LendingError::TotalVolumeExceeded {
                limit: Yen(1_000_000),
                requested_total: Yen(1_100_000)
            })
        );
    }

    #[test]
    fn results_come_on_business_days_only() {
        let cases = [
            // Wednesday 10:00: the same day at 18:00.
            (jst(2026, 11, 25, 10, 0), jst(2026, 11, 25, 18, 0)),
            // Wednesday 15:30: Thursday at 18:00.
            (jst(2026, 11, 25, 15, 30), jst(2026, 11, 26, 18, 0)),
            // Friday evening: Monday.
            (jst(2026, 11, 27, 20, 0), jst(2026, 11, 30, 18, 0)),
            // Saturday: Monday.
            (jst(2026, 11, 28, 11, 0), jst(2026, 11, 30, 18, 0)),
            // Monday 2026-11-23 is Labour Thanksgiving Day: Tuesday.
            (jst(2026, 11, 23, 11, 0), jst(2026, 11, 24, 18, 0)),
            // Before opening on a business day: that day.
            (jst(2026, 11, 26, 7, 0), jst(2026, 11, 26, 18, 0)),
            // The year-end closure: January 4, 2027 (a Monday).
            (jst(2026, 12, 31, 10, 0), jst(2027, 1, 4, 18, 0)),
        ];
        for (asked, want) in cases {
            assert_eq!(result_expected_at(asked), want, "{asked}");
        }
    }

    proptest! {
        #[test]
        fn a_result_is_a_business_day_evening_after_the_request(minutes in 0i64..(3 * 366 * 24 * 60)) {
            let asked = jst(2026, 1, 1, 0, 0) + chrono::Duration::minutes(minutes);
            let result = result_expected_at(asked);
            prop_assert!(result > asked);
            prop_assert!(is_business_day(result.date()));
            prop_assert_eq!(result.time(), NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN));
            prop_assert!(result - asked <= chrono::Duration::days(10));
            let start = review_starts_at(asked);
            prop_assert!(start >= asked && start <= result);
        }

        #[test]
        fn parsing_a_line_never_panics_and_accepts_only_units(raw in "\\PC{0,12}") {
            if let Ok(line) = parse_line(&raw, LineField::DesiredLine) {
                prop_assert!(line.0 > 0 && line.0 <= MAX_LINE && line.0 % LINE_UNIT == 0);
            }
            let _ = parse_years_employed(&raw);
        }

        #[test]
        fn a_decrease_is_within_balance_and_line(units in 1i64..=500, current_units in 1i64..=500, balance in 0i64..5_000_000) {
            let current = Yen(current_units * LINE_UNIT);
            let raw = (units * LINE_UNIT).to_string();
            if let Ok(line) = parse_decrease(&raw, current, Yen(balance)) {
                prop_assert!(line < current);
                prop_assert!(line.0 >= balance);
            }
        }
    }
}
