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
//! only once, when it is charged. `Decimal` is used to present that exact value.

use std::ops::Add;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use crate::money::Yen;
use crate::rate::Apr;

/// How many exact accrual units make one yen: a rate is in thousandths of a percent
/// (÷ 100,000 to become a fraction) and a day is 1/365 or 1/366 of a year, so using both year
/// lengths as one common denominator keeps every day's interest a whole number of units.
const UNITS_PER_YEN: i128 = 100_000 * 365 * 366;

/// Interest accrued so far, held exactly, so that interest over several stretches (for
/// example before and after a further borrowing changed the balance) can be summed and then
/// truncated once, as SPEC S2 requires.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Accrual {
    /// Whole units of 1/`UNITS_PER_YEN` yen; never negative.
    units: i128,
}

impl Accrual {
    /// No interest at all.
    pub const ZERO: Accrual = Accrual { units: 0 };

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

/// The late charge (遅延損害金) at 20.0% a year on an overdue balance.
///
/// The days late are the days after the due date up to and including `on`, that is
/// `(due, on]`, so paying the day after the due date is one day late and paying on the due
/// date is not late at all. Each of those days follows the same leap-year rule as interest.
/// Whether ordinary interest is also charged on the overdue balance for those days is the
/// caller's decision; this function only prices the late days.
pub fn late_charge(overdue_balance: Yen, due: NaiveDate, on: NaiveDate) -> Yen {
    if on <= due {
        return Yen(0);
    }
    // Late days are (due, on], the same days interest counts.
    let weight = weighted_days(due, on);
    accrual_for_weight(overdue_balance, Apr::late_charge(), weight).truncated()
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

/// The amount that clears the loan on `on` (一括返済額): the balance, the interest for
/// `(interest_from, on]` (the borrowing day bears no interest, the repayment day does, as
/// everywhere in this module) and the late charge due. Negative inputs count as zero.
pub fn payoff_amount(
    balance: Yen,
    apr: Apr,
    interest_from: NaiveDate,
    on: NaiveDate,
    late_charge_due: Yen,
) -> Yen {
    let balance = balance.0.max(0);
    let interest = charge(Yen(balance), apr, interest_from, on).0;
    Yen(balance
        .saturating_add(interest)
        .saturating_add(late_charge_due.0.max(0)))
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
        .checked_add_days(Days::new(30))
        .unwrap_or(NaiveDate::MAX);
    (start, end)
}

/// Like [`charge`], but the days inside the inclusive interest-free window accrue nothing.
pub fn chargeable_interest(
    balance: Yen,
    apr: Apr,
    from: NaiveDate,
    to: NaiveDate,
    free: Option<(NaiveDate, NaiveDate)>,
) -> Yen {
    let total = weighted_days(from, to);
    let free_weight = free.map_or(0, |(start, end)| {
        // The inclusive window [start, end] is the interest days (start - 1, end].
        let before_start = start.pred_opt().unwrap_or(NaiveDate::MIN);
        weighted_days(from.max(before_start), to.min(end))
    });
    accrual_for_weight(balance, apr, total - free_weight).truncated()
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
        /// `payoff_amount(balance, apr, from, on, late)`.
        Payoff(i64, &'static str, NaiveDate, NaiveDate, i64),
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
            Case::Payoff(b, r, from, on, late) => {
                vec![payoff_amount(Yen(b), apr(r), from, on, Yen(late)).0]
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
            // 12 days late in 2026 (the overdue demo member): 100,000 × 0.2 × 12 / 365 =
            // 657.53… → 657.
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
            // Payoff: balance + interest [from, on) + late charge.
            (
                Payoff(100_000, "17.8", date(2026, 11, 25), date(2026, 12, 25), 0),
                &[101_463],
            ),
            (
                Payoff(100_000, "17.8", date(2026, 11, 25), date(2026, 12, 25), 657),
                &[102_120],
            ),
            (
                Payoff(100_000, "17.8", date(2026, 11, 25), date(2026, 11, 25), 0),
                &[100_000],
            ),
            (
                Payoff(0, "17.8", date(2026, 11, 25), date(2026, 12, 25), -5),
                &[0],
            ),
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
            Yen(i64::MAX),
        );
        let _ = chargeable_interest(
            Yen(i64::MAX),
            rate,
            NaiveDate::MIN,
            NaiveDate::MAX,
            Some((NaiveDate::MIN, NaiveDate::MAX)),
        );
    }
}
