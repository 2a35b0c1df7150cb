//! The repayment simulator's engine (SPEC S15) and the parsers for its inputs.
//!
//! A schedule borrows on a start date and repays monthly on the same day of the month (clamped
//! to shorter months), charging each payment's interest by [`interest::charge`] over the days
//! since the previous payment. Payments are on the nominal dates, not moved to business days,
//! because a simulation is an estimate and lenders' own simulators work the same way.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::interest;
use crate::money::{self, Yen};
use crate::numtext::{half_width_trimmed, is_surrounding_space};
use crate::rate::Apr;

/// The smallest amount the simulator accepts, matching the smallest repayment.
const MIN_AMOUNT: i64 = 1_000;
/// The largest amount the simulator accepts: the product's largest credit line (SPEC S1).
const MAX_AMOUNT: i64 = 5_000_000;
/// The smallest monthly payment, the same as the smallest internet repayment (SPEC S9).
const MIN_PAYMENT: i64 = 1_000;
/// Payments of a `Months` plan are quoted in whole thousands of yen, as lenders quote them.
const PAYMENT_STEP: i64 = 1_000;
/// The longest term a member may ask for: 50 years.
const MAX_MONTHS: u32 = 600;
/// The longest schedule ever built, so that a payment barely above the interest cannot make
/// the simulator run (and the page render) for thousands of rows.
const MAX_PAYMENTS: usize = 1_200;

/// How the member wants to repay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// A fixed payment every month (元利定額); the last one is whatever clears the balance.
    MonthlyPayment(Yen),
    /// A number of months; the simulator finds the smallest round payment that fits.
    Months(u32),
}

/// One payment of a schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// 1 for the first payment.
    pub number: u32,
    pub date: NaiveDate,
    pub payment: Yen,
    pub interest: Yen,
    pub principal: Yen,
    pub balance_after: Yen,
}

/// A whole repayment schedule and its totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub rows: Vec<Row>,
    /// The regular payment; only the last row may differ (be smaller).
    pub monthly_payment: Yen,
    pub total_interest: Yen,
    /// The sum of all payments, equal to the amount plus the total interest.
    pub total_paid: Yen,
}

impl Schedule {
    /// The number of payments.
    pub fn payments(&self) -> u32 {
        u32::try_from(self.rows.len()).unwrap_or(u32::MAX)
    }
}

/// Why no schedule could be built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleError {
    /// The amount is outside 1,000 – 5,000,000 yen.
    AmountOutOfRange,
    /// The monthly payment is below the smallest payment accepted.
    PaymentBelowMinimum { minimum: Yen },
    /// The payment does not exceed one period's interest, so the balance would never fall.
    /// `first_interest` is the interest of the first period it fails to exceed (usually the
    /// first period; a later, longer month can also exceed a payment the first one did not).
    PaymentNeverCoversInterest { first_interest: Yen },
    /// The schedule would need more than 1,200 payments.
    TooManyMonths,
    /// The number of months is outside 1 – 600.
    MonthsOutOfRange,
}

/// Why a typed amount or number of months was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing was typed.
    Required,
    /// The input is not a whole number, optionally grouped by commas.
    NotANumber,
    /// The number is too large to be held at all.
    TooLarge,
}

crate::wire_names!(AmountError {
    Required = "Required",
    NotANumber = "NotANumber",
    TooLarge = "TooLarge",
});

/// The simulator's default monthly payment for an amount: its minimum repayment (SPEC S19).
pub fn default_monthly_payment(amount: Yen) -> Yen {
    money::minimum_repayment(amount)
}

/// Builds the repayment schedule for borrowing `amount` on `start` at `apr`.
///
/// Payments fall on the same day of the month as `start`, clamped to the last day of shorter
/// months (borrowed Jan 31: Feb 28 or 29, Mar 31, …), the first one a month after `start`.
/// Each payment pays its period's interest first, then principal; the last payment is the
/// remaining balance plus its interest and may be smaller than the others.
pub fn simulate(
    amount: Yen,
    apr: Apr,
    plan: Plan,
    start: NaiveDate,
) -> Result<Schedule, ScheduleError> {
    if !(MIN_AMOUNT..=MAX_AMOUNT).contains(&amount.0) {
        return Err(ScheduleError::AmountOutOfRange);
    }
    match plan {
        Plan::MonthlyPayment(payment) => {
            if payment.0 < MIN_PAYMENT {
                return Err(ScheduleError::PaymentBelowMinimum {
                    minimum: Yen(MIN_PAYMENT),
                });
            }
            run(amount, apr, payment, start, MAX_PAYMENTS)
        }
        Plan::Months(months) => {
            if !(1..=MAX_MONTHS).contains(&months) {
                return Err(ScheduleError::MonthsOutOfRange);
            }
            let limit = usize::try_from(months).unwrap_or(MAX_PAYMENTS);
            let payment = payment_for_months(amount, apr, start, limit)?;
            run(amount, apr, payment, start, limit)
        }
    }
}

/// The date of the given payment: `number` months after `start`, clamped to the month's end.
///
/// Each date is computed from `start` rather than from the previous payment, so that a
/// schedule starting on the 31st returns to the 31st after a short month.
fn payment_date(start: NaiveDate, number: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(number))
}

/// Runs a schedule with a fixed payment, giving up once it would exceed `max_rows` payments.
fn run(
    amount: Yen,
    apr: Apr,
    payment: Yen,
    start: NaiveDate,
    max_rows: usize,
) -> Result<Schedule, ScheduleError> {
    let mut rows: Vec<Row> = Vec::new();
    let mut balance = amount.0;
    let mut previous = start;
    let mut number: u32 = 0;
    while balance > 0 {
        if rows.len() >= max_rows {
            return Err(ScheduleError::TooManyMonths);
        }
        number += 1;
        // A date past the end of chrono's calendar is only reachable with absurd start dates;
        // it means the schedule cannot be finished, like any other over-long one.
        let date = payment_date(start, number).ok_or(ScheduleError::TooManyMonths)?;
        let interest = interest::charge(Yen(balance), apr, previous, date).0;
        let owed = balance.saturating_add(interest);
        let row = if payment.0 >= owed {
            Row {
                number,
                date,
                payment: Yen(owed),
                interest: Yen(interest),
                principal: Yen(balance),
                balance_after: Yen(0),
            }
        } else if payment.0 <= interest {
            return Err(ScheduleError::PaymentNeverCoversInterest {
                first_interest: Yen(interest),
            });
        } else {
            // Here interest < payment < balance + interest, so the principal is positive and
            // smaller than the balance.
            let principal = payment.0 - interest;
            Row {
                number,
                date,
                payment,
                interest: Yen(interest),
                principal: Yen(principal),
                balance_after: Yen(balance - principal),
            }
        };
        balance = row.balance_after.0;
        previous = date;
        rows.push(row);
    }
    let total_interest = rows.iter().map(|r| r.interest.0).sum();
    let total_paid = rows.iter().map(|r| r.payment.0).sum();
    Ok(Schedule {
        rows,
        monthly_payment: payment,
        total_interest: Yen(total_interest),
        total_paid: Yen(total_paid),
    })
}

/// The smallest payment in whole thousands of yen that clears the amount in at most
/// `max_rows` payments.
///
/// Feasibility is monotone in the payment (a larger payment leaves a smaller balance after
/// every period, and a smaller balance never owes more interest), so a binary search over the
/// number of thousands finds the smallest one. The upper bound pays everything at the first
/// payment, which always fits at least one month.
fn payment_for_months(
    amount: Yen,
    apr: Apr,
    start: NaiveDate,
    max_rows: usize,
) -> Result<Yen, ScheduleError> {
    let first_date = payment_date(start, 1).ok_or(ScheduleError::TooManyMonths)?;
    let first_interest = interest::charge(amount, apr, start, first_date).0;
    let owed = amount.0.saturating_add(first_interest);
    let fits = |thousands: i64| {
        run(
            amount,
            apr,
            Yen(thousands.saturating_mul(PAYMENT_STEP)),
            start,
            max_rows,
        )
        .is_ok()
    };
    // Invariant: `high` fits and every count below `low` does not.
    let mut low = MIN_PAYMENT / PAYMENT_STEP;
    let mut high = (owed + PAYMENT_STEP - 1) / PAYMENT_STEP;
    if !fits(high) {
        return Err(ScheduleError::TooManyMonths);
    }
    while low < high {
        let middle = low + (high - low) / 2;
        if fits(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    Ok(Yen(high * PAYMENT_STEP))
}

/// Parses a whole number as typed, after width conversion and trimming: plain digits, or
/// digits grouped by commas in threes (`100,000`).
///
/// Commas must group correctly, because a misplaced comma (`100,00`) usually means a digit
/// was lost, and silently reading a ten times smaller amount would be worse than asking again.
pub(crate) fn parse_whole_number(text: &str, max: u64) -> Result<u64, AmountError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return Err(AmountError::NotANumber);
    }
    let mut groups = text.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    if text.contains(',') && !(first_ok && groups.all(|g| g.len() == 3)) {
        return Err(AmountError::NotANumber);
    }
    let mut value: u64 = 0;
    for digit in text.bytes().filter(u8::is_ascii_digit) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(digit - b'0')))
            .filter(|v| *v <= max)
            .ok_or(AmountError::TooLarge)?;
    }
    Ok(value)
}

/// Parses an amount of yen as typed: `100000`, `100,000`, `１００，０００`, `100,000円`,
/// `¥100,000`, with surrounding spaces allowed.
///
/// Signs and decimals are refused: the simulator's amounts are whole, positive yen, and a
/// range check is left to [`simulate`], which knows the limits.
pub fn parse_yen_amount(raw: &str) -> Result<Yen, AmountError> {
    let text = half_width_trimmed(raw);
    if text.is_empty() {
        return Err(AmountError::Required);
    }
    // The yen sign is how the English locale writes amounts, and 円 how the Japanese one
    // does, so a member pasting either form back is understood.
    let text = text.strip_prefix('¥').unwrap_or(&text);
    let text = text.strip_suffix('円').unwrap_or(text);
    let text = text.trim_matches(is_surrounding_space);
    let max = u64::try_from(i64::MAX).unwrap_or(0);
    let value = parse_whole_number(text, max)?;
    i64::try_from(value)
        .map(Yen)
        .map_err(|_| AmountError::TooLarge)
}

/// Parses a number of months (返済回数) as typed: digits, full-width allowed, optionally
/// followed by 回 or ヶ月, with surrounding spaces allowed.
pub fn parse_months(raw: &str) -> Result<u32, AmountError> {
    let text = half_width_trimmed(raw);
    if text.is_empty() {
        return Err(AmountError::Required);
    }
    let text = ["回", "ヶ月", "か月", "カ月", "ヵ月"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(&text)
        .trim_matches(is_surrounding_space);
    let value = parse_whole_number(text, u64::from(u32::MAX))?;
    u32::try_from(value).map_err(|_| AmountError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{apr, date};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// Checks everything that must hold for any schedule: the totals, each row's split, the
    /// chain of balances, numbering and dates, and that only the last payment differs.
    fn assert_consistent(amount: i64, s: &Schedule) {
        let paid: i64 = s.rows.iter().map(|r| r.payment.0).sum();
        let interest: i64 = s.rows.iter().map(|r| r.interest.0).sum();
        assert_eq!(s.total_paid.0, paid);
        assert_eq!(s.total_interest.0, interest);
        assert_eq!(paid, amount + interest);
        let mut balance = amount;
        for (index, row) in s.rows.iter().enumerate() {
            assert_eq!(row.number as usize, index + 1);
            assert_eq!(row.principal.0, row.payment.0 - row.interest.0, "{row:?}");
            assert!(row.principal.0 > 0, "{row:?}");
            assert_eq!(row.balance_after.0, balance - row.principal.0, "{row:?}");
            balance = row.balance_after.0;
            if index + 1 < s.rows.len() {
                assert_eq!(row.payment, s.monthly_payment, "{row:?}");
                assert!(balance > 0);
            } else {
                assert!(row.payment <= s.monthly_payment, "{row:?}");
            }
        }
        assert_eq!(s.rows.last().map(|r| r.balance_after), Some(Yen(0)));
    }

    /// What one table row exercises.
    #[derive(Debug)]
    enum Case {
        /// `simulate(amount, apr, plan, start)`.
        Sim(i64, &'static str, Plan, NaiveDate),
        /// `parse_yen_amount(raw)`.
        Amount(&'static str),
        /// `parse_months(raw)`.
        Months(&'static str),
    }

    /// What a row must give.
    #[derive(Debug, PartialEq)]
    enum Out {
        /// A schedule's number of payments, total interest and monthly payment.
        Schedule(u32, i64, i64),
        SimError(ScheduleError),
        YenAmount(i64),
        Count(u32),
        ParseError(AmountError),
    }

    fn run(case: &Case) -> Out {
        match *case {
            Case::Sim(amount, rate, plan, start) => {
                match simulate(Yen(amount), apr(rate), plan, start) {
                    Ok(s) => {
                        assert_consistent(amount, &s);
                        Out::Schedule(s.payments(), s.total_interest.0, s.monthly_payment.0)
                    }
                    Err(e) => Out::SimError(e),
                }
            }
            Case::Amount(raw) => {
                parse_yen_amount(raw).map_or_else(Out::ParseError, |y| Out::YenAmount(y.0))
            }
            Case::Months(raw) => parse_months(raw).map_or_else(Out::ParseError, Out::Count),
        }
    }

    fn check(cases: &[(Case, Out)]) {
        for (case, expected) in cases {
            assert_eq!(run(case), *expected, "{case:?}");
        }
    }

    #[test]
    fn simulator_table() {
        use Case::Sim;
        use Out::{Schedule, SimError};
        use Plan::*;
        use ScheduleError::*;
        let start = date(2026, 11, 25);
        check(&[
            // The published case; the totals were cross-checked with an independent
            // exact-fraction computation of the same rules.
            (
                Sim(100_000, "17.8", MonthlyPayment(Yen(4_000)), start),
                Schedule(32, 25_822, 4_000),
            ),
            // The second case the simulator journey checks in the browser
            // (end2end/tests/simulator.spec.ts): 500,000 at 15.0% within 24 payments.
            (
                Sim(500_000, "15", Months(24), start),
                Schedule(24, 78_822, 25_000),
            ),
            // The smallest round payment for at most 12 months happens to clear in 11.
            (
                Sim(100_000, "17.8", Months(12), start),
                Schedule(11, 9_006, 10_000),
            ),
            (
                Sim(100_000, "17.8", Months(1), start),
                Schedule(1, 1_463, 102_000),
            ),
            (
                Sim(5_000_000, "4.5", Months(600), start),
                Schedule(597, 7_527_247, 21_000),
            ),
            (
                Sim(1_000, "17.8", MonthlyPayment(Yen(1_000)), start),
                Schedule(2, 14, 1_000),
            ),
            // A payment above the whole debt pays it off at once.
            (
                Sim(100_000, "17.8", MonthlyPayment(Yen(200_000)), start),
                Schedule(1, 1_463, 200_000),
            ),
            // 5,000,000 × 0.178 × 30 / 365 = 73,150.6… → 73,150 of interest in the first month.
            (
                Sim(5_000_000, "17.8", MonthlyPayment(Yen(1_000)), start),
                SimError(PaymentNeverCoversInterest {
                    first_interest: Yen(73_150),
                }),
            ),
            (
                Sim(5_000_000, "17.8", MonthlyPayment(Yen(73_150)), start),
                SimError(PaymentNeverCoversInterest {
                    first_interest: Yen(73_150),
                }),
            ),
            // Borrowed 2027-02-01: February's 28 days cost 68,273, so 70,000 repays 1,727, but
            // March's 31 days on 4,998,273 cost 4,998,273 × 0.178 × 31 / 365 = 75,562.1… → 75,562,
            // more than the payment: a later, longer month is the one not covered.
            (
                Sim(
                    5_000_000,
                    "17.8",
                    MonthlyPayment(Yen(70_000)),
                    date(2027, 2, 1),
                ),
                SimError(PaymentNeverCoversInterest {
                    first_interest: Yen(75_562),
                }),
            ),
            // At 0.1% the interest is about 425 a month, so 1,000 repays only about 575 and
            // would take some 8,700 payments.
            (
                Sim(5_000_000, "0.1", MonthlyPayment(Yen(1_000)), start),
                SimError(TooManyMonths),
            ),
            (
                Sim(999, "17.8", MonthlyPayment(Yen(1_000)), start),
                SimError(AmountOutOfRange),
            ),
            (
                Sim(5_000_001, "17.8", MonthlyPayment(Yen(100_000)), start),
                SimError(AmountOutOfRange),
            ),
            (
                Sim(100_000, "17.8", MonthlyPayment(Yen(999)), start),
                SimError(PaymentBelowMinimum {
                    minimum: Yen(1_000),
                }),
            ),
            (
                Sim(100_000, "17.8", Months(0), start),
                SimError(MonthsOutOfRange),
            ),
            (
                Sim(100_000, "17.8", Months(601), start),
                SimError(MonthsOutOfRange),
            ),
        ]);
    }

    #[test]
    fn published_case_rows_by_hand() {
        let s = simulate(
            Yen(100_000),
            apr("17.8"),
            Plan::MonthlyPayment(Yen(4_000)),
            date(2026, 11, 25),
        )
        .unwrap();
        // 11-25 → 12-25 is 30 days: 1,463 interest, 2,537 principal, 97,463 left.
        // 12-25 → 01-25 is 31 days: 97,463 × 0.178 × 31 / 365 = 1,473.4… → 1,473.
        let first_two: Vec<(NaiveDate, i64, i64, i64)> = s.rows[..2]
            .iter()
            .map(|r| (r.date, r.interest.0, r.principal.0, r.balance_after.0))
            .collect();
        assert_eq!(
            first_two,
            vec![
                (date(2026, 12, 25), 1_463, 2_537, 97_463),
                (date(2027, 1, 25), 1_473, 2_527, 94_936),
            ]
        );
        let last = s.rows.last().unwrap();
        assert_eq!(last.date, date(2029, 7, 25));
        assert!(last.payment.0 < 4_000);
    }

    #[test]
    fn payment_dates_clamp_to_month_ends_and_come_back() {
        let s = simulate(
            Yen(10_000),
            apr("15"),
            Plan::MonthlyPayment(Yen(2_000)),
            date(2027, 12, 31),
        )
        .unwrap();
        let dates: Vec<NaiveDate> = s.rows.iter().map(|r| r.date).collect();
        assert_eq!(
            dates[..4],
            [
                date(2028, 1, 31),
                date(2028, 2, 29),
                date(2028, 3, 31),
                date(2028, 4, 30)
            ]
        );
        // 2028-01-31 → 02-29 is 29 leap-year days on 8,127: 8,127 × 0.15 × 29 / 366 = 96.59… → 96.
        assert_eq!(s.rows[0].interest, Yen(127));
        assert_eq!(s.rows[1].interest, Yen(96));
    }

    #[test]
    fn largest_amount_at_lowest_rate_with_the_minimum_payment_completes() {
        let amount = Yen(5_000_000);
        let payment = default_monthly_payment(amount);
        assert_eq!(payment, Yen(100_000));
        let s = simulate(
            amount,
            apr("4.5"),
            Plan::MonthlyPayment(payment),
            date(2026, 11, 25),
        )
        .unwrap();
        assert_consistent(amount.0, &s);
        assert_eq!((s.payments(), s.total_interest), (56, Yen(547_012)));
    }

    #[test]
    fn default_payment_is_the_minimum_repayment() {
        for (amount, payment) in [
            (10_000, 1_000),
            (100_000, 4_000),
            (150_000, 6_000),
            (3_000_000, 60_000),
        ] {
            assert_eq!(default_monthly_payment(Yen(amount)), Yen(payment));
        }
    }

    #[test]
    fn amount_and_month_parsers() {
        use AmountError::*;
        use Case::{Amount, Months};
        use Out::{Count, ParseError, YenAmount};
        check(&[
            (Amount("100000"), YenAmount(100_000)),
            (Amount("100,000"), YenAmount(100_000)),
            (Amount("１００，０００"), YenAmount(100_000)),
            (Amount("１０００００"), YenAmount(100_000)),
            (Amount("100,000円"), YenAmount(100_000)),
            (Amount("100,000 円"), YenAmount(100_000)),
            (Amount("¥100,000"), YenAmount(100_000)),
            (Amount("￥１００，０００"), YenAmount(100_000)),
            (Amount("  100000\u{3000}"), YenAmount(100_000)),
            (Amount("1,000,000"), YenAmount(1_000_000)),
            (Amount("0"), YenAmount(0)),
            (Amount("007"), YenAmount(7)),
            (Amount("9223372036854775807"), YenAmount(i64::MAX)),
            (Amount(""), ParseError(Required)),
            (Amount(" \u{3000} "), ParseError(Required)),
            (Amount("円"), ParseError(NotANumber)),
            (Amount("abc"), ParseError(NotANumber)),
            (Amount("-100"), ParseError(NotANumber)),
            (Amount("+100"), ParseError(NotANumber)),
            (Amount("100.5"), ParseError(NotANumber)),
            (Amount("100,00"), ParseError(NotANumber)),
            (Amount("1000,000"), ParseError(NotANumber)),
            (Amount(",100"), ParseError(NotANumber)),
            (Amount("100,"), ParseError(NotANumber)),
            (Amount("10 000"), ParseError(NotANumber)),
            (Amount("10万"), ParseError(NotANumber)),
            (Amount("9223372036854775808"), ParseError(TooLarge)),
            (Amount("99,999,999,999,999,999,999"), ParseError(TooLarge)),
            (Months("12"), Count(12)),
            (Months("１２"), Count(12)),
            (Months(" 36回 "), Count(36)),
            (Months("３６回"), Count(36)),
            (Months("24ヶ月"), Count(24)),
            (Months("1,200"), Count(1_200)),
            (Months("4294967295"), Count(u32::MAX)),
            (Months(""), ParseError(Required)),
            (Months("回"), ParseError(NotANumber)),
            (Months("1.5"), ParseError(NotANumber)),
            (Months("-3"), ParseError(NotANumber)),
            (Months("4294967296"), ParseError(TooLarge)),
        ]);
    }

    fn any_start() -> impl Strategy<Value = NaiveDate> {
        (0i64..36_500).prop_map(|n| date(2000, 1, 1) + chrono::Duration::days(n))
    }

    fn any_apr() -> impl Strategy<Value = Apr> {
        (1i64..=20_000).prop_map(|m| Apr::from_percent(Decimal::new(m, 3)).unwrap())
    }

    /// Characters members really type into amount fields.
    fn amount_text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => proptest::char::range('0', '9'),
            2 => proptest::char::range('\u{FF10}', '\u{FF19}'),
            1 => prop::sample::select(vec![',', '，', '円', '回', '¥', '￥', ' ', '\u{3000}', '.', '-']),
            1 => any::<char>(),
        ];
        prop_oneof![
            any::<String>(),
            prop::collection::vec(c, 0..30).prop_map(String::from_iter)
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn monthly_payment_schedules_are_consistent(
            amount in MIN_AMOUNT..=MAX_AMOUNT,
            rate in any_apr(),
            extra in 0i64..200_000,
            start in any_start(),
        ) {
            // From the minimum repayment upwards, which always beats a month's interest at
            // these rates, so every case yields a schedule.
            let payment = Yen(default_monthly_payment(Yen(amount)).0 + extra);
            let s = simulate(Yen(amount), rate, Plan::MonthlyPayment(payment), start).unwrap();
            assert_consistent(amount, &s);
            prop_assert_eq!(s.monthly_payment, payment);
        }

        #[test]
        fn any_payment_either_schedules_or_says_why(
            amount in MIN_AMOUNT..=MAX_AMOUNT,
            rate in any_apr(),
            payment in MIN_PAYMENT..=200_000,
            start in any_start(),
        ) {
            match simulate(Yen(amount), rate, Plan::MonthlyPayment(Yen(payment)), start) {
                Ok(s) => {
                    assert_consistent(amount, &s);
                    prop_assert!(s.rows.len() <= MAX_PAYMENTS);
                }
                Err(ScheduleError::PaymentNeverCoversInterest { first_interest }) => {
                    prop_assert!(first_interest.0 >= payment);
                }
                Err(e) => prop_assert_eq!(e, ScheduleError::TooManyMonths),
            }
        }

        #[test]
        fn months_plans_fit_and_use_the_smallest_round_payment(
            amount in MIN_AMOUNT..=MAX_AMOUNT,
            rate in any_apr(),
            months in 1u32..=MAX_MONTHS,
            start in any_start(),
        ) {
            let s = simulate(Yen(amount), rate, Plan::Months(months), start).unwrap();
            assert_consistent(amount, &s);
            prop_assert!(s.payments() <= months);
            prop_assert_eq!(s.monthly_payment.0 % PAYMENT_STEP, 0);
            let smaller = Yen(s.monthly_payment.0 - PAYMENT_STEP);
            if smaller.0 >= MIN_PAYMENT {
                let fits = simulate(Yen(amount), rate, Plan::MonthlyPayment(smaller), start)
                    .is_ok_and(|t| t.payments() <= months);
                prop_assert!(!fits);
            }
        }

        #[test]
        fn amount_parser_never_panics_and_reparses(raw in amount_text()) {
            if let Ok(yen) = parse_yen_amount(&raw) {
                prop_assert!(yen.0 >= 0);
                prop_assert_eq!(parse_yen_amount(&yen.0.to_string()), Ok(yen));
                prop_assert_eq!(parse_yen_amount(&yen.format_ja()), Ok(yen));
            }
        }

        #[test]
        fn amounts_reparse_in_every_written_form(value in 0i64..=i64::MAX) {
            let yen = Yen(value);
            prop_assert_eq!(parse_yen_amount(&value.to_string()), Ok(yen));
            prop_assert_eq!(parse_yen_amount(&yen.format_ja()), Ok(yen));
            prop_assert_eq!(parse_yen_amount(&yen.format_en()), Ok(yen));
            let wide: String = yen.format_ja().chars().map(|c| match c {
                '0'..='9' => char::from_u32(u32::from(c) + 0xFEE0).unwrap(),
                ',' => '，',
                other => other,
            }).collect();
            prop_assert_eq!(parse_yen_amount(&wide), Ok(yen));
        }

        #[test]
        fn month_parser_never_panics_and_reparses(raw in amount_text(), value in any::<u32>()) {
            if let Ok(months) = parse_months(&raw) {
                prop_assert_eq!(parse_months(&months.to_string()), Ok(months));
            }
            prop_assert_eq!(parse_months(&value.to_string()), Ok(value));
            prop_assert_eq!(parse_months(&format!("{value}回")), Ok(value));
        }
    }
}
