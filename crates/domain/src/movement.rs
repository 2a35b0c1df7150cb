//! Rules for money that moves (SPEC S8 and S9): how much a member may have
//! transferred to their account or may repay through their bank, when a
//! transfer arrives, and the payee account's number.
//!
//! The portal checks these as the member types; the lender checks them again
//! because the portal's checks are only a courtesy.

use crate::calendar::is_business_day;
use crate::clock::{from_jst, to_jst};
use crate::maintenance::{window_at, Service};
use crate::money::Yen;
use crate::numtext::half_width_trimmed;
use crate::schedule::{parse_yen_amount, AmountError as TextError};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// The smallest transfer or repayment, and a transfer's unit (SPEC S8, S9).
pub const MINIMUM: Yen = Yen(1_000);
/// A transfer is a whole number of these.
pub const TRANSFER_UNIT: i64 = 1_000;

/// Why an amount was refused. Each variant says what the member can do.
///
/// On the wire it is `{"rule": "below_minimum"}` or
/// `{"rule": "over_available", "available": 350000}`; it travels through
/// the flat [`AmountErrorWire`] because serde's internally tagged enums
/// buffer every value first, which costs the browser's wasm several
/// kilobytes for each type that contains one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "AmountErrorWire", try_from = "AmountErrorWire")]
pub enum AmountError {
    /// Nothing was typed.
    Required,
    /// Not a whole number of yen (commas and full-width digits are fine).
    NotANumber,
    /// Less than [`MINIMUM`].
    BelowMinimum,
    /// A transfer that is not a whole number of [`TRANSFER_UNIT`]s.
    NotInUnits,
    /// More than the member may borrow now (a transfer).
    OverAvailable { available: Yen },
    /// More than clears the loan today (a repayment).
    OverPayoff { payoff: Yen },
    /// Nothing can be transferred: the credit line is used up.
    NothingAvailable,
    /// Nothing is owed, so there is nothing to repay.
    NothingOwed,
}

/// The rule an [`AmountError`] names, as its wire tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountRule {
    Required,
    NotANumber,
    BelowMinimum,
    NotInUnits,
    OverAvailable,
    OverPayoff,
    NothingAvailable,
    NothingOwed,
}

crate::wire_names!(AmountRule {
    Required = "required",
    NotANumber = "not_a_number",
    BelowMinimum = "below_minimum",
    NotInUnits = "not_in_units",
    OverAvailable = "over_available",
    OverPayoff = "over_payoff",
    NothingAvailable = "nothing_available",
    NothingOwed = "nothing_owed",
});

/// [`AmountError`]'s wire form: the tag and the one amount some rules carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountErrorWire {
    pub rule: AmountRule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<Yen>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payoff: Option<Yen>,
}

impl From<AmountError> for AmountErrorWire {
    fn from(e: AmountError) -> Self {
        let (rule, available, payoff) = match e {
            AmountError::Required => (AmountRule::Required, None, None),
            AmountError::NotANumber => (AmountRule::NotANumber, None, None),
            AmountError::BelowMinimum => (AmountRule::BelowMinimum, None, None),
            AmountError::NotInUnits => (AmountRule::NotInUnits, None, None),
            AmountError::OverAvailable { available } => {
                (AmountRule::OverAvailable, Some(available), None)
            }
            AmountError::OverPayoff { payoff } => (AmountRule::OverPayoff, None, Some(payoff)),
            AmountError::NothingAvailable => (AmountRule::NothingAvailable, None, None),
            AmountError::NothingOwed => (AmountRule::NothingOwed, None, None),
        };
        AmountErrorWire {
            rule,
            available,
            payoff,
        }
    }
}

impl TryFrom<AmountErrorWire> for AmountError {
    type Error = &'static str;

    fn try_from(w: AmountErrorWire) -> Result<Self, Self::Error> {
        Ok(match (w.rule, w.available, w.payoff) {
            (AmountRule::Required, None, None) => AmountError::Required,
            (AmountRule::NotANumber, None, None) => AmountError::NotANumber,
            (AmountRule::BelowMinimum, None, None) => AmountError::BelowMinimum,
            (AmountRule::NotInUnits, None, None) => AmountError::NotInUnits,
            (AmountRule::OverAvailable, Some(available), None) => {
                AmountError::OverAvailable { available }
            }
            (AmountRule::OverPayoff, None, Some(payoff)) => AmountError::OverPayoff { payoff },
            (AmountRule::NothingAvailable, None, None) => AmountError::NothingAvailable,
            (AmountRule::NothingOwed, None, None) => AmountError::NothingOwed,
            _ => return Err("an amount rule with the wrong fields"),
        })
    }
}

fn read(text: &str) -> Result<Yen, AmountError> {
    parse_yen_amount(text).map_err(|e| match e {
        TextError::Required => AmountError::Required,
        TextError::NotANumber | TextError::TooLarge => AmountError::NotANumber,
    })
}

/// Checks a transfer (振込融資) of `amount` against what is `available`:
/// at least 1,000 yen, in 1,000-yen units, at most the available amount.
pub fn check_transfer(amount: Yen, available: Yen) -> Result<Yen, AmountError> {
    if available < MINIMUM {
        return Err(AmountError::NothingAvailable);
    }
    if amount < MINIMUM {
        return Err(AmountError::BelowMinimum);
    }
    if amount.0 % TRANSFER_UNIT != 0 {
        return Err(AmountError::NotInUnits);
    }
    if amount > available {
        return Err(AmountError::OverAvailable { available });
    }
    Ok(amount)
}

/// Reads and checks a transfer amount as typed.
pub fn parse_transfer(text: &str, available: Yen) -> Result<Yen, AmountError> {
    check_transfer(read(text)?, available)
}

/// Checks an internet repayment of `amount` against the payoff amount: at
/// least 1,000 yen and at most the payoff. When less than 1,000 yen clears
/// the loan, exactly that amount is accepted, so a member can always clear
/// it (the spec's minimum would otherwise make a small remainder unpayable).
pub fn check_repayment(amount: Yen, payoff: Yen) -> Result<Yen, AmountError> {
    if payoff.0 <= 0 {
        return Err(AmountError::NothingOwed);
    }
    if amount > payoff {
        return Err(AmountError::OverPayoff { payoff });
    }
    if amount < MINIMUM && amount != payoff {
        return Err(AmountError::BelowMinimum);
    }
    if amount.0 <= 0 {
        return Err(AmountError::BelowMinimum);
    }
    Ok(amount)
}

/// Reads and checks a repayment amount as typed.
pub fn parse_repayment(text: &str, payoff: Yen) -> Result<Yen, AmountError> {
    check_repayment(read(text)?, payoff)
}

/// When transferred money reaches the member's account. On the wire
/// `{"when": "within_seconds"}` or `{"when": "business_day_morning",
/// "date": "2026-12-03"}`, through the flat [`ArrivalWire`] (see
/// [`AmountError`] for why).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "ArrivalWire", try_from = "ArrivalWire")]
pub enum Arrival {
    /// Within seconds (瞬フリ): the bank settles around the clock and no
    /// maintenance window is open.
    WithinSeconds,
    /// By [`MORNING`] on this bank business day (Japan date).
    BusinessDayMorning { date: NaiveDate },
}

/// The tag of an [`Arrival`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrivalWhen {
    WithinSeconds,
    BusinessDayMorning,
}

crate::wire_names!(ArrivalWhen {
    WithinSeconds = "within_seconds",
    BusinessDayMorning = "business_day_morning",
});

/// [`Arrival`]'s wire form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArrivalWire {
    pub when: ArrivalWhen,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::wire::time::opt_date")]
    pub date: Option<NaiveDate>,
}

impl From<Arrival> for ArrivalWire {
    fn from(a: Arrival) -> Self {
        match a {
            Arrival::WithinSeconds => ArrivalWire {
                when: ArrivalWhen::WithinSeconds,
                date: None,
            },
            Arrival::BusinessDayMorning { date } => ArrivalWire {
                when: ArrivalWhen::BusinessDayMorning,
                date: Some(date),
            },
        }
    }
}

impl TryFrom<ArrivalWire> for Arrival {
    type Error = &'static str;

    fn try_from(w: ArrivalWire) -> Result<Self, Self::Error> {
        match (w.when, w.date) {
            (ArrivalWhen::WithinSeconds, None) => Ok(Arrival::WithinSeconds),
            (ArrivalWhen::BusinessDayMorning, Some(date)) => {
                Ok(Arrival::BusinessDayMorning { date })
            }
            _ => Err("an arrival with the wrong fields"),
        }
    }
}

/// The hour transfers that wait for the banks are credited: 9:00 JST.
pub const MORNING: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// When a transfer made at `now` to a bank arrives (SPEC S8). A bank that
/// settles around the clock receives it within seconds, unless one of the
/// S3 windows of internet repayment (the lender's link to the banks, which
/// also covers every member-service window) is open. Otherwise it arrives
/// on the morning of the first bank business day whose 9:00 JST is still
/// ahead: today before 9:00 on a business day, else the next business day.
pub fn arrival(now: DateTime<Utc>, settles_24x7: bool) -> Arrival {
    let jst = to_jst(now);
    if settles_24x7 && window_at(Service::InternetRepayment, jst).is_none() {
        return Arrival::WithinSeconds;
    }
    let mut date = jst.date();
    if !(is_business_day(date) && jst.time() < MORNING) {
        date = date.checked_add_days(Days::new(1)).unwrap_or(date);
        while !is_business_day(date) {
            match date.checked_add_days(Days::new(1)) {
                Some(next) => date = next,
                None => break,
            }
        }
    }
    Arrival::BusinessDayMorning { date }
}

impl Arrival {
    /// The instant the money is expected: `now` for a transfer within seconds.
    pub fn expected_at(self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Arrival::WithinSeconds => now,
            Arrival::BusinessDayMorning { date } => from_jst(date.and_time(MORNING)),
        }
    }
}

/// Whether a bank settles transfers around the clock. The bank data has no
/// such flag, so the demo follows one documented rule, which is not a
/// statement about any real institution's hours (`scripts/banks.mjs` writes
/// the same flag into `public/banks/institutions.json`, and a test checks
/// the two agree): banks (codes 0001–0999) take part in the Zengin system's
/// around-the-clock hours, except the Japanese branches of foreign banks
/// (0400–0499, 0600–0699), and so does Japan Post Bank (9900); shinkin
/// banks, credit unions, labour banks and agricultural and fishery
/// co-operatives do not.
pub fn settles_24x7(bank_code: &str) -> bool {
    if bank_code.len() != 4 || !bank_code.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let code: u32 = bank_code.parse().unwrap_or(0);
    code == 9900
        || ((1..1000).contains(&code) && !(400..500).contains(&code) && !(600..700).contains(&code))
}

/// Why a payee account's codes or number were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountNumberError {
    Required,
    NotDigits,
    /// An account number is 7 digits (a bank code 4, a branch code 3).
    Length,
}

crate::wire_names!(AccountNumberError {
    Required = "required",
    NotDigits = "not_digits",
    Length = "length",
});

/// Reads `expected` digits, full-width digits and surrounding spaces
/// accepted, as bank numbers are written on passbooks.
pub fn parse_digits(text: &str, expected: usize) -> Result<String, AccountNumberError> {
    let digits = half_width_trimmed(text);
    if digits.is_empty() {
        return Err(AccountNumberError::Required);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AccountNumberError::NotDigits);
    }
    if digits.len() != expected {
        return Err(AccountNumberError::Length);
    }
    Ok(digits)
}

/// A 7-digit account number (口座番号).
pub fn parse_account_number(text: &str) -> Result<String, AccountNumberError> {
    parse_digits(text, 7)
}

/// An account number as shown once registered: the last 4 digits only,
/// `***4567`.
pub fn mask_account_number(number: &str) -> String {
    let digits: Vec<char> = number.chars().collect();
    let keep = digits.len().min(4);
    let tail: String = digits[digits.len() - keep..].iter().collect();
    format!("{}{tail}", "*".repeat(digits.len() - keep))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;
    use proptest::prelude::*;

    fn at(jst: &str) -> DateTime<Utc> {
        let naive =
            NaiveDateTime::parse_from_str(jst, "%Y-%m-%d %H:%M").unwrap_or(NaiveDateTime::MIN);
        from_jst(naive)
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn transfer_amounts() {
        let available = Yen(350_000);
        let cases: &[(&str, Result<Yen, AmountError>)] = &[
            ("", Err(AmountError::Required)),
            ("abc", Err(AmountError::NotANumber)),
            ("999", Err(AmountError::BelowMinimum)),
            ("0", Err(AmountError::BelowMinimum)),
            ("1000", Ok(Yen(1_000))),
            ("１０，０００", Ok(Yen(10_000))),
            ("10,500", Err(AmountError::NotInUnits)),
            ("350,000", Ok(Yen(350_000))),
            ("351,000", Err(AmountError::OverAvailable { available })),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_transfer(text, available), *expected, "{text}");
        }
        assert_eq!(
            parse_transfer("1000", Yen(999)),
            Err(AmountError::NothingAvailable)
        );
    }

    #[test]
    fn repayment_amounts() {
        let payoff = Yen(151_234);
        let cases: &[(&str, Result<Yen, AmountError>)] = &[
            ("", Err(AmountError::Required)),
            ("999", Err(AmountError::BelowMinimum)),
            ("1,001", Ok(Yen(1_001))),
            ("151234", Ok(payoff)),
            ("151235", Err(AmountError::OverPayoff { payoff })),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_repayment(text, payoff), *expected, "{text}");
        }
        // A remainder under 1,000 yen can be cleared, but only in full.
        assert_eq!(parse_repayment("640", Yen(640)), Ok(Yen(640)));
        assert_eq!(
            parse_repayment("600", Yen(640)),
            Err(AmountError::BelowMinimum)
        );
        assert_eq!(
            parse_repayment("1000", Yen(0)),
            Err(AmountError::NothingOwed)
        );
    }

    #[test]
    fn arrival_around_midnight_weekends_and_windows() {
        use Arrival::*;
        let morning = |d: &str| BusinessDayMorning { date: day(d) };
        let cases: &[(&str, bool, Arrival)] = &[
            // Wednesday 2026-12-02, a 24/7 bank: at once, day and night.
            ("2026-12-02 12:00", true, WithinSeconds),
            ("2026-12-02 23:59", true, WithinSeconds),
            ("2026-12-03 00:00", true, WithinSeconds),
            // Sunday 23:00 – Monday 7:00 is the repayment window: the link
            // to the banks is down, so the money waits for Monday morning.
            ("2026-12-06 23:30", true, morning("2026-12-07")),
            ("2026-12-07 06:59", true, morning("2026-12-07")),
            ("2026-12-07 07:00", true, WithinSeconds),
            // Third Sunday (2026-12-20) 00:00–06:00.
            ("2026-12-20 03:00", true, morning("2026-12-21")),
            ("2026-12-20 06:00", true, WithinSeconds),
            // January 1 is down all day and a bank holiday.
            ("2027-01-01 12:00", true, morning("2027-01-04")),
            // A bank that waits for business hours.
            ("2026-12-02 08:59", false, morning("2026-12-02")),
            ("2026-12-02 09:00", false, morning("2026-12-03")),
            ("2026-12-02 23:59", false, morning("2026-12-03")),
            ("2026-12-03 00:00", false, morning("2026-12-03")),
            // Friday evening → Monday; a Saturday → Monday.
            ("2026-12-04 18:00", false, morning("2026-12-07")),
            ("2026-12-05 08:00", false, morning("2026-12-07")),
            // 12/31 – 1/3 are closed: 2027-01-04 is a Monday.
            ("2026-12-30 10:00", false, morning("2027-01-04")),
            // A public holiday: 2026-11-23 (勤労感謝の日, Monday).
            ("2026-11-22 10:00", false, morning("2026-11-24")),
        ];
        for (when, around_the_clock, expected) in cases {
            assert_eq!(arrival(at(when), *around_the_clock), *expected, "{when}");
        }
    }

    #[test]
    fn expected_instant_is_nine_in_the_morning_japan_time() {
        let next_morning = Arrival::BusinessDayMorning {
            date: day("2026-12-03"),
        };
        assert_eq!(
            next_morning.expected_at(at("2026-12-02 12:00")),
            at("2026-12-03 09:00")
        );
        let now = at("2026-12-02 12:00");
        assert_eq!(Arrival::WithinSeconds.expected_at(now), now);
    }

    #[test]
    fn banks_that_settle_around_the_clock() {
        assert!(settles_24x7("0001"));
        assert!(settles_24x7("0397"));
        assert!(settles_24x7("9900"));
        assert!(!settles_24x7("0401"));
        assert!(!settles_24x7("0600"));
        assert!(!settles_24x7("0000"));
        assert!(!settles_24x7("1001"));
        assert!(!settles_24x7("2004"));
        assert!(!settles_24x7("001"));
        assert!(!settles_24x7("00a1"));
    }

    #[test]
    fn account_numbers() {
        assert_eq!(parse_account_number("1234567"), Ok("1234567".into()));
        assert_eq!(
            parse_account_number(" １２３４５６７ "),
            Ok("1234567".into())
        );
        assert_eq!(parse_account_number(""), Err(AccountNumberError::Required));
        assert_eq!(
            parse_account_number("123456"),
            Err(AccountNumberError::Length)
        );
        assert_eq!(
            parse_account_number("123-4567"),
            Err(AccountNumberError::NotDigits)
        );
        assert_eq!(mask_account_number("1234567"), "***4567");
        assert_eq!(mask_account_number("12"), "12");
    }

    #[test]
    fn wire_forms_are_the_tagged_ones() {
        let cases: [(AmountError, &str); 3] = [
            (AmountError::BelowMinimum, r#"{"rule":"below_minimum"}"#),
            (
                AmountError::OverAvailable {
                    available: Yen(350_000),
                },
                r#"{"rule":"over_available","available":350000}"#,
            ),
            (
                AmountError::OverPayoff { payoff: Yen(12) },
                r#"{"rule":"over_payoff","payoff":12}"#,
            ),
        ];
        for (value, json) in cases {
            assert_eq!(serde_json::to_string(&value).ok().as_deref(), Some(json));
            assert_eq!(serde_json::from_str::<AmountError>(json).ok(), Some(value));
        }
        assert!(serde_json::from_str::<AmountError>(r#"{"rule":"over_payoff"}"#).is_err());
        let morning = Arrival::BusinessDayMorning {
            date: day("2026-12-03"),
        };
        let json = r#"{"when":"business_day_morning","date":"2026-12-03"}"#;
        assert_eq!(serde_json::to_string(&morning).ok().as_deref(), Some(json));
        assert_eq!(serde_json::from_str::<Arrival>(json).ok(), Some(morning));
        assert_eq!(
            serde_json::to_string(&Arrival::WithinSeconds)
                .ok()
                .as_deref(),
            Some(r#"{"when":"within_seconds"}"#)
        );
        assert!(serde_json::from_str::<Arrival>(r#"{"when":"business_day_morning"}"#).is_err());
    }

    proptest! {
        #[test]
        fn a_transfer_accepted_is_a_unit_multiple_within_bounds(n in 0i64..2_000_000, avail in 0i64..2_000_000) {
            if let Ok(amount) = parse_transfer(&n.to_string(), Yen(avail)) {
                prop_assert_eq!(amount, Yen(n));
                prop_assert!(n >= 1_000 && n % 1_000 == 0 && n <= avail);
            } else {
                prop_assert!(n < 1_000 || n % 1_000 != 0 || n > avail || avail < 1_000);
            }
        }

        #[test]
        fn a_repayment_accepted_never_exceeds_the_payoff(n in -10i64..2_000_000, payoff in 0i64..2_000_000) {
            match check_repayment(Yen(n), Yen(payoff)) {
                Ok(amount) => {
                    prop_assert_eq!(amount, Yen(n));
                    prop_assert!(n <= payoff && n > 0);
                    prop_assert!(n >= 1_000 || n == payoff);
                }
                Err(_) => prop_assert!(n > payoff || n <= 0 || (n < 1_000 && n != payoff) || payoff == 0),
            }
        }

        #[test]
        fn grouped_and_full_width_amounts_read_the_same(n in 0i64..10_000_000) {
            let plain = n.to_string();
            let grouped = Yen(n).format_en().trim_start_matches('¥').to_owned();
            let wide: String = plain.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect();
            let avail = Yen(10_000_000);
            prop_assert_eq!(parse_transfer(&plain, avail), parse_transfer(&grouped, avail));
            prop_assert_eq!(parse_transfer(&plain, avail), parse_transfer(&wide, avail));
        }

        #[test]
        fn account_numbers_are_seven_digits_whatever_the_width(s in "[0-9０-９]{0,9}") {
            match parse_account_number(&s) {
                Ok(n) => {
                    prop_assert_eq!(n.len(), 7);
                    prop_assert!(n.bytes().all(|b| b.is_ascii_digit()));
                    prop_assert_eq!(mask_account_number(&n).len(), 7);
                    prop_assert!(mask_account_number(&n).ends_with(&n[3..]));
                }
                Err(_) => prop_assert!(s.chars().count() != 7),
            }
        }

        #[test]
        fn arrival_is_never_before_now(ms in 1_700_000_000_000i64..1_900_000_000_000, flag: bool) {
            let now = DateTime::from_timestamp_millis(ms).unwrap_or_default();
            let a = arrival(now, flag);
            prop_assert!(a.expected_at(now) >= now);
            if let Arrival::BusinessDayMorning { date } = a {
                prop_assert!(is_business_day(date));
            }
        }
    }
}
