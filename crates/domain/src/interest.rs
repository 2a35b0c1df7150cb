//! Interest, late charges, repayment allocation and payoff amounts (SPEC S1 and S2).
//!
//! Day counting convention (片端入れ, as Japanese lenders quote it): interest accrues from the
//! day after the borrowing up to and including the repayment day, so the interest for a period
//! covers the dates `(from, to]`. A day is charged at APR ÷ 365, or APR ÷ 366 if it falls in a
//! leap year. With this convention the 30 interest-free days that start the day after the first
//! borrowing (SPEC S1) are exactly the first 30 interest days.
//!
//! The sum is exact: every rate has at most three decimals, so interest is kept as a whole
//! number of 1/(100,000 × 365 × 366) yen ([`Accrual`]) and truncated to whole yen (切り捨て)
//! only once, when it is charged. A change of balance in between (a further borrowing) only
//! starts a new stretch of the same exact sum: SPEC S2's example, 100,000 yen at 17.8% and
//! 10,000 more the next day, owes 102 yen two days after the first borrowing (48.76… + 53.64…),
//! not 48 + 53. `Decimal` is used to present that exact value.
//!
//! Late days (the days after a missed due date until the missed amount is paid) bear the late
//! charge of 20.0% a year on the whole principal balance **in place of** the contract interest
//! ([`day_charges`]): both together would exceed the legal ceiling, so a day is priced one way or
//! the other, never both.

use std::fmt;
use std::ops::Add;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Yen;
use crate::rate::Apr;

/// How many exact accrual units make one yen: a rate is in thousandths of a percent
/// (÷ 100,000 to become a fraction) and a day is 1/365 or 1/366 of a year, so using both year
/// lengths as one common denominator keeps every day's interest a whole number of units.
const UNITS_PER_YEN: i128 = 100_000 * 365 * 366;

/// The interest-free days a first-time member gets (30日間無利息, SPEC S1).
pub const INTEREST_FREE_DAYS: u32 = 30;

/// Interest accrued so far, held exactly, so that interest over several stretches (for
/// example before and after a further borrowing changed the balance) can be summed and then
/// truncated once, as SPEC S2 requires.
///
/// It is stored (the fake lender persists what a member owes between two charges) as the
/// decimal text of its whole number of units, a string rather than a JSON number because the
/// count passes 2^53 (the largest integer JavaScript reads exactly) at about 670,000 yen.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Accrual {
    /// Whole units of 1/`UNITS_PER_YEN` yen; never negative.
    units: i128,
}

impl Accrual {
    /// No interest at all.
    pub const ZERO: Accrual = Accrual { units: 0 };

    /// A whole amount already charged, for instance interest charged by a repayment that did
    /// not cover it and is carried to the next one. A negative amount counts as zero.
    pub fn from_yen(yen: Yen) -> Accrual {
        Accrual {
            units: i128::from(yen.0.max(0)).saturating_mul(UNITS_PER_YEN),
        }
    }

    /// The accrued interest as a decimal number of yen.
    ///
    /// The value is exact whenever a decimal can hold it; otherwise (a division by 365 or 366
    /// rarely terminates) it is correct to 28 significant digits, which is why sums of
    /// stretches should be made with [`Accrual`] itself rather than with the decimals.
    pub fn to_decimal(self) -> Decimal {
        let whole = self.units / UNITS_PER_YEN;
        let rest = self.units % UNITS_PER_YEN;
        // Both parts fit easily (the whole part is below 10^24 for any balance and date
        // range chrono allows), so the fallbacks only keep the function total.
        let whole = Decimal::try_from_i128_with_scale(whole, 0).unwrap_or(Decimal::MAX);
        let fraction = Decimal::try_from_i128_with_scale(rest, 0)
            .ok()
            .zip(Decimal::try_from_i128_with_scale(UNITS_PER_YEN, 0).ok())
            .and_then(|(rest, per_yen)| rest.checked_div(per_yen))
            .unwrap_or(Decimal::ZERO);
        whole.checked_add(fraction).unwrap_or(whole)
    }

    /// The accrued interest truncated to whole yen (切り捨て), the amount actually charged.
    pub fn truncated(self) -> Yen {
        Yen(i64::try_from(self.units / UNITS_PER_YEN).unwrap_or(i64::MAX))
    }
}

impl Add for Accrual {
    type Output = Accrual;

    fn add(self, other: Accrual) -> Accrual {
        Accrual {
            units: self.units.saturating_add(other.units),
        }
    }
}

impl From<Accrual> for String {
    fn from(accrual: Accrual) -> String {
        accrual.units.to_string()
    }
}

/// Why stored text is not an [`Accrual`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAnAccrual;

impl fmt::Display for NotAnAccrual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an accrual is a whole, non-negative number of units written in digits")
    }
}

impl TryFrom<String> for Accrual {
    type Error = NotAnAccrual;

    /// Reads the digits [`String::from`] writes; signs, spaces and anything else are refused,
    /// so stored state cannot hold a negative debt.
    fn try_from(text: String) -> Result<Accrual, NotAnAccrual> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NotAnAccrual);
        }
        let units = text.parse::<i128>().map_err(|_| NotAnAccrual)?;
        Ok(Accrual { units })
    }
}

/// Whether a year is a leap year in the Gregorian calendar.
fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// How many units of `1/(365 × 366)` of a year one day of the given year is: a day of a
/// common year is 1/365 = 366/(365 × 366), a day of a leap year 1/366 = 365/(365 × 366).
fn day_weight(year: i32) -> i128 {
    if is_leap(year) {
        365
    } else {
        366
    }
}

/// The days of `(from, to]` weighted by their year's length, counted year by year so that a
/// long period costs one step per calendar year rather than one per day.
fn weighted_days(from: NaiveDate, to: NaiveDate) -> i128 {
    // Interest days run from the day after `from` up to and including `to` (片端入れ): shift
    // the half-open range by one day and count `[from + 1, to + 1)`.
    let next = |d: NaiveDate| d.succ_opt().unwrap_or(NaiveDate::MAX);
    let (from, to) = (next(from), next(to));
    let mut total: i128 = 0;
    let mut cursor = from;
    while cursor < to {
        let year = cursor.year();
        // The last representable year has no next New Year's Day; the period then simply ends.
        let next_year = NaiveDate::from_ymd_opt(year + 1, 1, 1).map_or(to, |d| d.min(to));
        let days = i128::from((next_year - cursor).num_days());
        total = total.saturating_add(days.saturating_mul(day_weight(year)));
        cursor = next_year;
    }
    total
}

/// The exact interest on a balance at a rate for the given weighted days.
fn accrual_for_weight(balance: Yen, apr: Apr, weight: i128) -> Accrual {
    if balance.0 <= 0 || weight <= 0 {
        return Accrual::ZERO;
    }
    // At most about 9.2e18 × 2e4 × 7e10 ≈ 1.3e34 over chrono's whole date range, well inside
    // i128; saturation only keeps the arithmetic total.
    let units = i128::from(balance.0)
        .saturating_mul(apr.milli_percent())
        .saturating_mul(weight);
    Accrual { units }
}

/// The exact interest on a balance for the days `(from, to]`; nothing when `to <= from` or
/// the balance is not positive.
pub fn accrual(balance: Yen, apr: Apr, from: NaiveDate, to: NaiveDate) -> Accrual {
    accrual_for_weight(balance, apr, weighted_days(from, to))
}

/// The interest on a balance for the days `(from, to]` as an exact decimal amount of yen
/// (before truncation): balance × APR × days ÷ 365, with leap-year days ÷ 366.
pub fn accrued(balance: Yen, apr: Apr, from: NaiveDate, to: NaiveDate) -> Decimal {
    accrual(balance, apr, from, to).to_decimal()
}

/// The interest charged for the days `(from, to]`: the exact sum truncated to whole yen once.
pub fn charge(balance: Yen, apr: Apr, from: NaiveDate, to: NaiveDate) -> Yen {
    accrual(balance, apr, from, to).truncated()
}

/// The exact late charge (遅延損害金) at 20.0% a year on a principal balance for the late days
/// `(due, on]`; see [`late_charge`].
pub fn late_accrual(balance: Yen, due: NaiveDate, on: NaiveDate) -> Accrual {
    // Late days are (due, on], the same days interest counts; nothing when `on <= due`.
    accrual(balance, Apr::late_charge(), due, on)
}

/// The late charge (遅延損害金) at 20.0% a year on the whole outstanding principal balance
/// (SPEC S2), truncated.
///
/// The days late are the days after the due date up to and including `on`, that is
/// `(due, on]`, so paying the day after the due date is one day late and paying on the due
/// date is not late at all. Each of those days follows the same leap-year rule as interest.
/// Published example: 300,000 yen 10 days late in a common year is 60,000 × 10 ÷ 365 =
/// 1,643.8… → 1,643 yen. Those days bear no contract interest ([`day_charges`]).
pub fn late_charge(balance: Yen, due: NaiveDate, on: NaiveDate) -> Yen {
    late_accrual(balance, due, on).truncated()
}

/// What a principal balance costs over the days `(from, to]`, exactly: the contract interest
/// and the late charge, each to be truncated when it is charged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayCharges {
    pub interest: Accrual,
    pub late_charge: Accrual,
}

impl Add for DayCharges {
    type Output = DayCharges;

    fn add(self, other: DayCharges) -> DayCharges {
        DayCharges {
            interest: self.interest + other.interest,
            late_charge: self.late_charge + other.late_charge,
        }
    }
}

/// Prices the days `(from, to]` of an unchanged principal balance (SPEC S1 and S2).
///
/// `missed_due` is a due date whose instalment is unpaid: the days after it are late days, on
/// which the whole balance bears the late charge **instead of** the contract interest (never
/// both). The days up to it (all of them when there is none) bear the contract interest,
/// except the days of the interest-free window `free` (inclusive dates). The window waives
/// interest only: a late day inside it still bears the late charge, which is damages for the
/// delay, not interest.
pub fn day_charges(
    balance: Yen,
    apr: Apr,
    from: NaiveDate,
    to: NaiveDate,
    free: Option<(NaiveDate, NaiveDate)>,
    missed_due: Option<NaiveDate>,
) -> DayCharges {
    let interest_to = missed_due.map_or(to, |due| to.min(due));
    DayCharges {
        interest: chargeable_accrual(balance, apr, from, interest_to, free),
        late_charge: missed_due.map_or(Accrual::ZERO, |due| {
            late_accrual(balance, from.max(due), to)
        }),
    }
}

/// How one repayment was split (SPEC S2 and the S9 receipt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allocation {
    pub late_charge: Yen,
    pub interest: Yen,
    pub principal: Yen,
    /// What was left after everything owed was paid; a lender refunds it, although the
    /// portal never lets a member pay more than the payoff amount in the first place.
    pub unapplied: Yen,
}

/// Splits a repayment: late charge first, then accrued interest, then principal, never more
/// of each than is owed. Negative inputs are treated as zero, since a negative debt or
/// payment has no meaning here and must not create money.
pub fn allocate(
    payment: Yen,
    late_charge_due: Yen,
    interest_due: Yen,
    principal_balance: Yen,
) -> Allocation {
    let mut left = payment.0.max(0);
    let mut take = |owed: Yen| {
        let paid = left.min(owed.0.max(0));
        left -= paid;
        Yen(paid)
    };
    let late_charge = take(late_charge_due);
    let interest = take(interest_due);
    let principal = take(principal_balance);
    Allocation {
        late_charge,
        interest,
        principal,
        unapplied: Yen(left),
    }
}

/// The amount that clears the loan on `on` (一括返済額) when nothing was charged since
/// `from`: the balance, plus the interest and the late charge for `(from, on]` as
/// [`day_charges`] prices them (the late days after `missed_due` bear the late charge instead of
/// interest), each truncated once. A negative balance counts as zero.
pub fn payoff_amount(
    balance: Yen,
    apr: Apr,
    from: NaiveDate,
    on: NaiveDate,
    missed_due: Option<NaiveDate>,
) -> Yen {
    let balance = Yen(balance.0.max(0));
    let owed = day_charges(balance, apr, from, on, None, missed_due);
    Yen(balance
        .0
        .saturating_add(owed.interest.truncated().0)
        .saturating_add(owed.late_charge.truncated().0))
}

/// The interest-free window (30日間無利息) after a first borrowing, as inclusive dates: the 30
/// days that start the day **after** the first borrowing (SPEC S1).
///
/// Interest days are `(from, to]`, so the borrowing day never bears interest and the window is
/// exactly the first 30 interest days: borrowing on 11-01 and repaying on 12-01 owes nothing.
pub fn interest_free_window(first_borrowing: NaiveDate) -> (NaiveDate, NaiveDate) {
    // Past the last representable date there is no window; an empty one at the very end of
    // time is what no period can reach.
    let start = first_borrowing
        .checked_add_days(Days::new(1))
        .unwrap_or(NaiveDate::MAX);
    let end = first_borrowing
        .checked_add_days(Days::new(u64::from(INTEREST_FREE_DAYS)))
        .unwrap_or(NaiveDate::MAX);
    (start, end)
}

/// The interest-free days left on `today`, counting today (SPEC S1: on the window's 30th day
/// the member sees 1 day left), for a member who qualifies for the window.
///
/// Before any borrowing the whole window is ahead: 30. The window is the 30 days starting the
/// day **after** the first borrowing, so the borrowing day itself still shows 30, as does the
/// window's first day; the day after the window's last day, and every day after, has none
/// (`None`).
pub fn interest_free_days_left(
    first_borrowing: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<u32> {
    let Some(first) = first_borrowing else {
        return Some(INTEREST_FREE_DAYS);
    };
    let (_, end) = interest_free_window(first);
    // Days of [today, end]; before the window starts that is more than 30, hence the cap.
    let left = (end - today).num_days().saturating_add(1);
    u32::try_from(left)
        .ok()
        .map(|days| days.min(INTEREST_FREE_DAYS))
        .filter(|days| *days > 0)
}

/// Like [`accrual`], but the days inside the inclusive interest-free window accrue nothing.
pub fn chargeable_accrual(
    balance: Yen,
    apr: Apr,
    from: NaiveDate,
    to: NaiveDate,
    free: Option<(NaiveDate, NaiveDate)>,
) -> Accrual {
    let total = weighted_days(from, to);
    let free_weight = free.map_or(0, |(start, end)| {
        // The inclusive window [start, end] is the interest days (start - 1, end].
        let before_start = start.pred_opt().unwrap_or(NaiveDate::MIN);
        weighted_days(from.max(before_start), to.min(end))
    });
    accrual_for_weight(balance, apr, total - free_weight)
}

/// Like [`charge`], but the days inside the inclusive interest-free window accrue nothing.
pub fn chargeable_interest(
    balance: Yen,
    apr: Apr,
    from: NaiveDate,
    to: NaiveDate,
    free: Option<(NaiveDate, NaiveDate)>,
) -> Yen {
    chargeable_accrual(balance, apr, from, to, free).truncated()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{apr, date};
    use proptest::prelude::*;
    use std::str::FromStr;

    /// One row of the interest table: what is computed; the expected yen follow in the row.
    enum Case {
        /// `charge(balance, apr, from, to)`.
        Charge(i64, &'static str, NaiveDate, NaiveDate),
        /// `late_charge(overdue, due, on)`.
        Late(i64, NaiveDate, NaiveDate),
        /// `chargeable_interest(balance, apr, from, to, window after first borrowing)`.
        Free(i64, &'static str, NaiveDate, NaiveDate, NaiveDate),
        /// `payoff_amount(balance, apr, from, on, missed due date)`.
        Payoff(i64, &'static str, NaiveDate, NaiveDate, Option<NaiveDate>),
        /// `day_charges(balance, apr, from, to, no window, missed due date)`, expecting the
        /// interest and the late charge, each truncated.
        Days(i64, &'static str, NaiveDate, NaiveDate, Option<NaiveDate>),
        /// `interest_free_days_left(first borrowing, today)`, expecting the days or -1 for none.
        FreeLeft(Option<NaiveDate>, NaiveDate),
        /// `allocate(payment, late, interest, principal)`, expecting the late charge,
        /// interest, principal and unapplied parts in that order.
        Allocate(i64, i64, i64, i64),
    }

    fn run(case: &Case) -> Vec<i64> {
        match *case {
            Case::Charge(b, r, from, to) => vec![charge(Yen(b), apr(r), from, to).0],
            Case::Late(b, due, on) => vec![late_charge(Yen(b), due, on).0],
            Case::Free(b, r, from, to, first) => {
                let window = Some(interest_free_window(first));
                vec![chargeable_interest(Yen(b), apr(r), from, to, window).0]
            }
            Case::Payoff(b, r, from, on, missed) => {
                vec![payoff_amount(Yen(b), apr(r), from, on, missed).0]
            }
            Case::Days(b, r, from, to, missed) => {
                let owed = day_charges(Yen(b), apr(r), from, to, None, missed);
                vec![owed.interest.truncated().0, owed.late_charge.truncated().0]
            }
            Case::FreeLeft(first, today) => {
                vec![interest_free_days_left(first, today).map_or(-1, i64::from)]
            }
            Case::Allocate(pay, late, interest, principal) => {
                let a = allocate(Yen(pay), Yen(late), Yen(interest), Yen(principal));
                vec![a.late_charge.0, a.interest.0, a.principal.0, a.unapplied.0]
            }
        }
    }

    fn check(cases: &[(Case, &[i64])]) {
        for (index, (case, expected)) in cases.iter().enumerate() {
            assert_eq!(run(case), expected.to_vec(), "row {index}");
        }
    }

    #[test]
    fn interest_table() {
        use Case::*;
        check(&[
            // The published example (SPEC S2): 100,000 × 0.178 × 30 / 365 = 1,463.01… → 1,463.
            (
                Charge(100_000, "17.8", date(2026, 11, 25), date(2026, 12, 25)),
                &[1_463],
            ),
            // Every day of leap 2028 is 1/366 of the year: exactly 18% of 100,000.
            (
                Charge(100_000, "18", date(2027, 12, 31), date(2028, 12, 31)),
                &[18_000],
            ),
            // And every day of common 2027 is 1/365 of the year.
            (
                Charge(100_000, "18", date(2026, 12, 31), date(2027, 12, 31)),
                &[18_000],
            ),
            // Across New Year into a leap year, (2027-12-16, 2028-01-15]: 15 days of 2027
            // (12-17..12-31) and 15 of 2028 (01-01..01-15):
            // 17,800 × 15 / 365 + 17,800 × 15 / 366 = 731.5068… + 729.5081… = 1,461.0150… → 1,461.
            (
                Charge(100_000, "17.8", date(2027, 12, 16), date(2028, 1, 15)),
                &[1_461],
            ),
            // Out of the leap year: (2028-12-16, 2029-01-15] is 15 days ÷ 366 then 15 ÷ 365,
            // the same sum in the other order.
            (
                Charge(100_000, "17.8", date(2028, 12, 16), date(2029, 1, 15)),
                &[1_461],
            ),
            // February 29 is one ordinary day of a leap year: 17,800 × 2 / 366 = 97.26… → 97.
            (
                Charge(100_000, "17.8", date(2028, 2, 28), date(2028, 3, 1)),
                &[97],
            ),
            // One day: 17,800 / 365 = 48.76… → 48.
            (
                Charge(100_000, "17.8", date(2026, 6, 1), date(2026, 6, 2)),
                &[48],
            ),
            // Truncated only once: one day on 1,000 yen is 0.487… yen, 30 days 14.63… → 14.
            (
                Charge(1_000, "17.8", date(2026, 6, 1), date(2026, 6, 2)),
                &[0],
            ),
            (
                Charge(1_000, "17.8", date(2026, 6, 1), date(2026, 7, 1)),
                &[14],
            ),
            // Nothing for an empty or reversed period or a zero or negative balance.
            (
                Charge(100_000, "17.8", date(2026, 6, 1), date(2026, 6, 1)),
                &[0],
            ),
            (
                Charge(100_000, "17.8", date(2026, 6, 2), date(2026, 6, 1)),
                &[0],
            ),
            (Charge(0, "17.8", date(2026, 6, 1), date(2026, 7, 1)), &[0]),
            (
                Charge(-100_000, "17.8", date(2026, 6, 1), date(2026, 7, 1)),
                &[0],
            ),
            // The largest realistic case, 5,000,000 at 4.5% for a year: exactly 225,000.
            (
                Charge(5_000_000, "4.5", date(2025, 12, 31), date(2026, 12, 31)),
                &[225_000],
            ),
            // The published example (SPEC S2): 300,000 yen 10 days late, 60,000 × 10 / 365 =
            // 1,643.83… → 1,643.
            (Late(300_000, date(2026, 6, 25), date(2026, 7, 5)), &[1_643]),
            // The overdue demo member: the whole 200,000 yen 12 days late, 40,000 × 12 / 365 =
            // 1,315.06… → 1,315.
            (
                Late(200_000, date(2026, 11, 13), date(2026, 11, 25)),
                &[1_315],
            ),
            // 100,000 yen 12 days late: 657.53… → 657.
            (Late(100_000, date(2026, 6, 25), date(2026, 7, 7)), &[657]),
            // Paying on the due date, or before, is not late; a day after is one day late:
            // 20,000 / 365 = 54.79… → 54.
            (Late(100_000, date(2026, 6, 25), date(2026, 6, 25)), &[0]),
            (Late(100_000, date(2026, 6, 25), date(2026, 6, 20)), &[0]),
            (Late(100_000, date(2026, 6, 25), date(2026, 6, 26)), &[54]),
            (Late(0, date(2026, 6, 25), date(2026, 7, 7)), &[0]),
            // Late days are (due, on]: due 2027-12-31 and paid 2028-01-02 is two days of
            // 2028, 20,000 × 2 / 366 = 109.28… → 109 (two days of 2027 would give 109.58…).
            (Late(100_000, date(2027, 12, 31), date(2028, 1, 2)), &[109]),
            // Due 2028-12-30, paid 2029-01-01: 12-31 of 2028 and 01-01 of 2029:
            // 20,000 / 366 + 20,000 / 365 = 54.64… + 54.79… = 109.44… → 109.
            (Late(100_000, date(2028, 12, 30), date(2029, 1, 1)), &[109]),
            // Interest-free: first borrowing 11-01 gives the window 11-02..12-01. Repaying on
            // 12-01 bears interest for (11-01, 12-01], all 30 of them free.
            (
                Free(
                    100_000,
                    "17.8",
                    date(2026, 11, 1),
                    date(2026, 12, 1),
                    date(2026, 11, 1),
                ),
                &[0],
            ),
            // Repaying on 12-11: (11-01, 12-11] minus the 30 free days leaves 12-02..12-11,
            // 10 days: 178,000 / 365 = 487.67… → 487.
            (
                Free(
                    100_000,
                    "17.8",
                    date(2026, 11, 1),
                    date(2026, 12, 11),
                    date(2026, 11, 1),
                ),
                &[487],
            ),
            // A later borrowing inside the window is free too (all borrowing in it, SPEC S1).
            (
                Free(
                    50_000,
                    "17.8",
                    date(2026, 11, 10),
                    date(2026, 11, 30),
                    date(2026, 11, 1),
                ),
                &[0],
            ),
            // After the window, normal interest: [12-02, 12-12) is 10 days.
            (
                Free(
                    100_000,
                    "17.8",
                    date(2026, 12, 2),
                    date(2026, 12, 12),
                    date(2026, 11, 1),
                ),
                &[487],
            ),
            // Late days bear the late charge in place of interest (SPEC S2). The overdue demo
            // member: 200,000 yen borrowed 25 days before the missed due date 11-13 and 12
            // days late on 11-25: interest for (10-19, 11-13], 35,600 × 25 / 365 = 2,438.35…
            // → 2,438, and the late charge for (11-13, 11-25], 1,315.
            (
                Days(
                    200_000,
                    "17.8",
                    date(2026, 10, 19),
                    date(2026, 11, 25),
                    Some(date(2026, 11, 13)),
                ),
                &[2_438, 1_315],
            ),
            // Not yet late on the due date itself: interest only.
            (
                Days(
                    200_000,
                    "17.8",
                    date(2026, 10, 19),
                    date(2026, 11, 13),
                    Some(date(2026, 11, 13)),
                ),
                &[2_438, 0],
            ),
            // A period that starts after the missed due date is late all through: the
            // published 300,000 yen for 10 days, and no interest at all.
            (
                Days(
                    300_000,
                    "17.8",
                    date(2026, 7, 1),
                    date(2026, 7, 11),
                    Some(date(2026, 6, 25)),
                ),
                &[0, 1_643],
            ),
            // Without a missed due date every day bears interest: the worked example.
            (
                Days(
                    100_000,
                    "17.8",
                    date(2026, 11, 25),
                    date(2026, 12, 25),
                    None,
                ),
                &[1_463, 0],
            ),
            // Payoff: balance + interest + late charge, each truncated.
            (
                Payoff(
                    100_000,
                    "17.8",
                    date(2026, 11, 25),
                    date(2026, 12, 25),
                    None,
                ),
                &[101_463],
            ),
            // 100,000 yen due 12-25 and paid off 12 days late: 30 days of interest and 12
            // late days, not 42 days of interest on top of the late charge.
            (
                Payoff(
                    100_000,
                    "17.8",
                    date(2026, 11, 25),
                    date(2027, 1, 6),
                    Some(date(2026, 12, 25)),
                ),
                &[102_120],
            ),
            (
                Payoff(
                    200_000,
                    "17.8",
                    date(2026, 10, 19),
                    date(2026, 11, 25),
                    Some(date(2026, 11, 13)),
                ),
                &[203_753],
            ),
            (
                Payoff(
                    100_000,
                    "17.8",
                    date(2026, 11, 25),
                    date(2026, 11, 25),
                    None,
                ),
                &[100_000],
            ),
            (
                Payoff(
                    -5,
                    "17.8",
                    date(2026, 11, 25),
                    date(2026, 12, 25),
                    Some(date(2026, 12, 1)),
                ),
                &[0],
            ),
            // Interest-free days left count today (SPEC S1). Before any borrowing: 30.
            (FreeLeft(None, date(2026, 11, 1)), &[30]),
            // Borrowed on 11-01, the window is 11-02..12-01: 30 on the borrowing day and on
            // the window's first day, 1 on its 30th day (12-01), none after it.
            (FreeLeft(Some(date(2026, 11, 1)), date(2026, 11, 1)), &[30]),
            (FreeLeft(Some(date(2026, 11, 1)), date(2026, 11, 2)), &[30]),
            (FreeLeft(Some(date(2026, 11, 1)), date(2026, 11, 3)), &[29]),
            (FreeLeft(Some(date(2026, 11, 1)), date(2026, 11, 30)), &[2]),
            (FreeLeft(Some(date(2026, 11, 1)), date(2026, 12, 1)), &[1]),
            (FreeLeft(Some(date(2026, 11, 1)), date(2026, 12, 2)), &[-1]),
            (FreeLeft(Some(date(2026, 11, 1)), date(2027, 6, 1)), &[-1]),
            // Across a leap day: borrowed 2028-02-15, window 02-16..03-16, 29 February
            // included; 03-16 is its 30th day.
            (FreeLeft(Some(date(2028, 2, 15)), date(2028, 2, 29)), &[17]),
            (FreeLeft(Some(date(2028, 2, 15)), date(2028, 3, 16)), &[1]),
            // Allocation: late charge, then interest, then principal, then unapplied.
            (
                Allocate(10_000, 657, 1_463, 100_000),
                &[657, 1_463, 7_880, 0],
            ),
            (Allocate(500, 657, 1_463, 100_000), &[500, 0, 0, 0]),
            (Allocate(1_000, 657, 1_463, 100_000), &[657, 343, 0, 0]),
            (Allocate(2_120, 657, 1_463, 100_000), &[657, 1_463, 0, 0]),
            (
                Allocate(102_120, 657, 1_463, 100_000),
                &[657, 1_463, 100_000, 0],
            ),
            (
                Allocate(110_000, 657, 1_463, 100_000),
                &[657, 1_463, 100_000, 7_880],
            ),
            (Allocate(0, 657, 1_463, 100_000), &[0, 0, 0, 0]),
            (Allocate(-5, 657, 1_463, 100_000), &[0, 0, 0, 0]),
            (Allocate(1_000, -7, -9, -100), &[0, 0, 0, 1_000]),
        ]);
    }

    #[test]
    fn accrued_decimals_are_exact_where_they_can_be() {
        let exact = |balance, rate, from, to, text: &str| {
            assert_eq!(
                accrued(Yen(balance), apr(rate), from, to),
                Decimal::from_str(text).unwrap()
            );
        };
        exact(
            100_000,
            "18",
            date(2027, 12, 31),
            date(2028, 12, 31),
            "18000",
        );
        exact(36_500, "10", date(2026, 1, 1), date(2026, 1, 2), "10");
        exact(0, "10", date(2026, 1, 1), date(2026, 1, 2), "0");
        // 17,800 × 30 / 365 = 1,463.0136986301369863013698630… to 28 significant digits.
        let worked = accrued(
            Yen(100_000),
            apr("17.8"),
            date(2026, 11, 25),
            date(2026, 12, 25),
        );
        assert_eq!(worked.trunc(), Decimal::from(1_463));
        let diff = (worked - Decimal::from_str("1463.0136986301369863013698630").unwrap()).abs();
        assert!(diff <= Decimal::from_str("0.00000000000000000000001").unwrap());
    }

    /// SPEC S2: interest between two charges is one exact sum, truncated once. Borrow 100,000
    /// yen at 17.8%, 10,000 more the next day: two days after the first borrowing the interest
    /// is 17,800 / 365 + 19,580 / 365 = 48.76… + 53.64… = 102.41… → 102, not 48 + 53.
    #[test]
    fn interest_over_a_further_borrowing_is_truncated_once() {
        let (first, second, on) = (date(2026, 6, 1), date(2026, 6, 2), date(2026, 6, 3));
        let before = accrual(Yen(100_000), apr("17.8"), first, second);
        let after = accrual(Yen(110_000), apr("17.8"), second, on);
        assert_eq!((before + after).truncated(), Yen(102));
        assert_eq!(before.truncated().0 + after.truncated().0, 101);
        // An amount already charged carries as whole yen and adds exactly.
        assert_eq!((Accrual::from_yen(Yen(7)) + before).truncated(), Yen(55));
        assert_eq!(Accrual::from_yen(Yen(-7)), Accrual::ZERO);
        assert_eq!(
            Accrual::from_yen(Yen(1_463)).to_decimal(),
            Decimal::from(1_463)
        );
    }

    #[test]
    fn accruals_are_stored_as_digits_and_read_back_exactly() {
        let exact = accrual(
            Yen(110_000),
            apr("17.8"),
            date(2026, 6, 2),
            date(2026, 6, 3),
        ) + Accrual::from_yen(Yen(48));
        let text = serde_json::to_string(&exact).unwrap();
        assert!(text.starts_with('"') && text.ends_with('"'), "{text}");
        assert_eq!(serde_json::from_str::<Accrual>(&text).unwrap(), exact);
        assert_eq!(
            serde_json::from_str::<Accrual>("\"0\"").unwrap(),
            Accrual::ZERO
        );
        for bad in [
            "\"-1\"", "\"\"", "\"1.5\"", "\" 1\"", "\"+1\"", "12", "\"1e3\"",
        ] {
            assert!(serde_json::from_str::<Accrual>(bad).is_err(), "{bad}");
        }
        // Beyond i128 is refused, not wrapped.
        let huge = format!("\"{}0\"", i128::MAX);
        assert!(serde_json::from_str::<Accrual>(&huge).is_err());
    }

    #[test]
    fn interest_free_window_is_the_30_days_after_the_first_borrowing() {
        assert_eq!(
            interest_free_window(date(2026, 11, 1)),
            (date(2026, 11, 2), date(2026, 12, 1))
        );
        assert_eq!(
            interest_free_window(date(2028, 2, 15)),
            (date(2028, 2, 16), date(2028, 3, 16))
        );
        let (start, end) = interest_free_window(NaiveDate::MAX);
        assert_eq!((start, end), (NaiveDate::MAX, NaiveDate::MAX));
        // Without a window the result is the ordinary charge.
        let (from, to) = (date(2026, 11, 1), date(2026, 12, 11));
        assert_eq!(
            chargeable_interest(Yen(100_000), apr("17.8"), from, to, None),
            charge(Yen(100_000), apr("17.8"), from, to)
        );
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // 1999 to about 2101, to cover the 2000 leap year and the 2100 non-leap year.
        (0i64..37_200).prop_map(|n| date(1999, 1, 1) + chrono::Duration::days(n))
    }

    fn any_apr() -> impl Strategy<Value = Apr> {
        (1i64..=20_000).prop_map(|m| Apr::from_percent(Decimal::new(m, 3)).unwrap())
    }

    proptest! {
        #[test]
        fn allocation_never_creates_or_loses_a_yen(
            pay in -1_000_000i64..10_000_000,
            late in -1_000i64..100_000,
            interest in -1_000i64..1_000_000,
            principal in -1_000i64..5_000_000,
        ) {
            let a = allocate(Yen(pay), Yen(late), Yen(interest), Yen(principal));
            prop_assert_eq!(
                a.late_charge.0 + a.interest.0 + a.principal.0 + a.unapplied.0,
                pay.max(0)
            );
            prop_assert!(a.late_charge.0 <= late.max(0));
            prop_assert!(a.interest.0 <= interest.max(0));
            prop_assert!(a.principal.0 <= principal.max(0));
            prop_assert!([a.late_charge, a.interest, a.principal, a.unapplied].iter().all(|y| y.0 >= 0));
            // Order: nothing goes to a later item while an earlier one is unpaid.
            if a.interest.0 > 0 { prop_assert_eq!(a.late_charge.0, late.max(0)); }
            if a.principal.0 > 0 { prop_assert_eq!(a.interest.0, interest.max(0)); }
            if a.unapplied.0 > 0 { prop_assert_eq!(a.principal.0, principal.max(0)); }
        }

        #[test]
        fn accrual_is_additive_over_adjacent_periods(
            balance in 0i64..10_000_000,
            rate in any_apr(),
            mut days in prop::collection::vec(any_date(), 3),
        ) {
            days.sort();
            let (a, b, c) = (days[0], days[1], days[2]);
            let whole = accrual(Yen(balance), rate, a, c);
            let parts = accrual(Yen(balance), rate, a, b) + accrual(Yen(balance), rate, b, c);
            prop_assert_eq!(whole, parts);
            // The decimal of the whole is the decimal of the exact sum, and the decimal parts
            // add up to it within the last of their 28 significant digits.
            prop_assert_eq!(accrued(Yen(balance), rate, a, c), parts.to_decimal());
            let sum = accrued(Yen(balance), rate, a, b) + accrued(Yen(balance), rate, b, c);
            let tolerance = Decimal::new(1, 18);
            prop_assert!((sum - accrued(Yen(balance), rate, a, c)).abs() <= tolerance);
        }

        #[test]
        fn accrual_is_monotone_in_days_and_balance(
            balance in 0i64..10_000_000,
            extra in 0i64..1_000_000,
            rate in any_apr(),
            mut days in prop::collection::vec(any_date(), 3),
        ) {
            days.sort();
            let (from, to, later) = (days[0], days[1], days[2]);
            let short = accrued(Yen(balance), rate, from, to);
            prop_assert!(short <= accrued(Yen(balance), rate, from, later));
            prop_assert!(short <= accrued(Yen(balance + extra), rate, from, to));
            prop_assert!(charge(Yen(balance), rate, from, to) <= charge(Yen(balance), rate, from, later));
            prop_assert!(short >= Decimal::ZERO);
        }

        #[test]
        fn charge_is_the_truncated_decimal(
            balance in 0i64..10_000_000,
            rate in any_apr(),
            mut days in prop::collection::vec(any_date(), 2),
        ) {
            days.sort();
            let exact = accrued(Yen(balance), rate, days[0], days[1]);
            prop_assert_eq!(Decimal::from(charge(Yen(balance), rate, days[0], days[1]).0), exact.trunc());
        }

        #[test]
        fn a_window_only_ever_lowers_interest(
            balance in 0i64..10_000_000,
            rate in any_apr(),
            first in any_date(),
            mut days in prop::collection::vec(any_date(), 2),
        ) {
            days.sort();
            let window = Some(interest_free_window(first));
            let free = chargeable_interest(Yen(balance), rate, days[0], days[1], window);
            prop_assert!(free <= charge(Yen(balance), rate, days[0], days[1]));
            prop_assert!(free.0 >= 0);
        }

        /// Splitting a period (as a further borrowing of nothing would) changes nothing: the
        /// exact charges add up, so where an entry falls never costs or saves a yen.
        #[test]
        fn day_charges_are_additive_over_adjacent_periods(
            balance in 0i64..10_000_000,
            rate in any_apr(),
            mut days in prop::collection::vec(any_date(), 3),
            first in proptest::option::of(any_date()),
            missed in proptest::option::of(any_date()),
        ) {
            days.sort();
            let (a, b, c) = (days[0], days[1], days[2]);
            let free = first.map(interest_free_window);
            let price = |from, to| day_charges(Yen(balance), rate, from, to, free, missed);
            prop_assert_eq!(price(a, c), price(a, b) + price(b, c));
        }

        /// A day bears interest or the late charge, never both, and a late day bears exactly
        /// the late charge on the whole balance.
        #[test]
        fn a_day_is_priced_once(
            balance in 1i64..10_000_000,
            rate in any_apr(),
            day in any_date(),
            missed in proptest::option::of(any_date()),
        ) {
            let before = day.pred_opt().unwrap_or(day);
            let owed = day_charges(Yen(balance), rate, before, day, None, missed);
            let late = missed.is_some_and(|due| day > due);
            if late {
                prop_assert_eq!(owed.interest, Accrual::ZERO);
                prop_assert_eq!(owed.late_charge, late_accrual(Yen(balance), before, day));
            } else {
                prop_assert_eq!(owed.late_charge, Accrual::ZERO);
                prop_assert_eq!(owed.interest, accrual(Yen(balance), rate, before, day));
            }
        }

        #[test]
        fn accruals_survive_storage(units in 0i64..i64::MAX, yen in 0i64..1_000_000_000) {
            let value = Accrual::from_yen(Yen(yen)) + Accrual { units: i128::from(units) };
            let text = serde_json::to_string(&value).unwrap();
            prop_assert_eq!(serde_json::from_str::<Accrual>(&text).unwrap(), value);
        }

        #[test]
        fn interest_free_days_left_count_down_by_one_a_day(
            first in any_date(),
            offset in -40i64..80,
        ) {
            let today = first + chrono::Duration::days(offset);
            let left = interest_free_days_left(Some(first), today);
            let tomorrow = interest_free_days_left(Some(first), today + chrono::Duration::days(1));
            let (start, end) = interest_free_window(first);
            match left {
                // Up to the window's first day the whole window is ahead.
                Some(30) if today <= start => prop_assert!(tomorrow.is_some()),
                Some(days) => {
                    prop_assert!((start..=end).contains(&today));
                    prop_assert_eq!(i64::from(days), (end - today).num_days() + 1);
                    prop_assert_eq!(tomorrow, days.checked_sub(1).filter(|d| *d > 0));
                }
                None => {
                    prop_assert!(today > end);
                    prop_assert_eq!(tomorrow, None);
                }
            }
        }

        #[test]
        fn late_charge_is_interest_at_twenty_percent_for_the_late_days(
            balance in 0i64..10_000_000,
            mut days in prop::collection::vec(any_date(), 2),
        ) {
            days.sort();
            let (due, on) = (days[0], days[1]);
            let same_days = charge(Yen(balance), Apr::late_charge(), due, on);
            prop_assert_eq!(late_charge(Yen(balance), due, on), same_days);
        }
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let rate = Apr::late_charge();
        let huge = accrual(Yen(i64::MAX), rate, NaiveDate::MIN, NaiveDate::MAX);
        assert!(huge.truncated().0 > 0);
        let _ = huge.to_decimal();
        let _ = late_charge(Yen(i64::MAX), NaiveDate::MIN, NaiveDate::MAX);
        let _ = payoff_amount(
            Yen(i64::MAX),
            rate,
            NaiveDate::MIN,
            NaiveDate::MAX,
            Some(NaiveDate::MIN),
        );
        let _ = interest_free_days_left(Some(NaiveDate::MAX), NaiveDate::MIN);
        let _ = interest_free_days_left(Some(NaiveDate::MIN), NaiveDate::MAX);
        let _ = chargeable_interest(
            Yen(i64::MAX),
            rate,
            NaiveDate::MIN,
            NaiveDate::MAX,
            Some((NaiveDate::MIN, NaiveDate::MAX)),
        );
    }
}
