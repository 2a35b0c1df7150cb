//! Japanese public holidays, business days and repayment due dates (SPEC S2).
//!
//! Holidays are computed by rule rather than read from a table, so the
//! portal keeps working in years nobody has typed in yet. The rules follow
//! the 国民の祝日に関する法律 (Public Holiday Act) and its amendments, plus the
//! one-off holidays of the 2019 enthronement and the 2020/2021 Olympic moves.
//! They are meant to be exact from 1980 to 2099, 1980 being where the equinox
//! approximation starts to hold; `tests/holidays.rs` compares every day of
//! 2000–2050 against a published holiday list (1980–1999 matched it too when
//! this module was written). From 2100 to 2150 the equinox days use the
//! approximation's second set of constants; before 1980 and after 2150 no
//! equinox holiday is produced, because this module carries no formula for
//! those years and other rules of that era are not modelled either.
//!
//! A business day (営業日) is any day that is not a Saturday, a Sunday, a
//! public holiday or part of the year-end closure 12/31–1/3; due dates that
//! fall on a non-business day move to the next business day.

use chrono::{Datelike, NaiveDate, Weekday};

/// The name used for a substitute holiday (振替休日).
const SUBSTITUTE_HOLIDAY: &str = "振替休日";

/// The name used for a citizens' holiday (国民の休日).
const CITIZENS_HOLIDAY: &str = "国民の休日";

/// Returns the Japanese name of the public holiday on `date`, if it is one.
///
/// This covers national holidays (国民の祝日), substitute holidays (振替休日)
/// and citizens' holidays (国民の休日). The year-end closure days are not
/// public holidays and are handled by [`is_business_day`] instead.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    if let Some(name) = national_holiday(date) {
        return Some(name);
    }
    if is_substitute_holiday(date) {
        return Some(SUBSTITUTE_HOLIDAY);
    }
    if is_citizens_holiday(date) {
        return Some(CITIZENS_HOLIDAY);
    }
    None
}

/// Returns true when `date` is a Japanese public holiday of any kind.
pub fn is_holiday(date: NaiveDate) -> bool {
    holiday_name(date).is_some()
}

/// Returns true when the lender does business on `date`.
///
/// Weekends, public holidays and the year-end closure (12/31 to 1/3) are not
/// business days, as SPEC S2 says for moving due dates.
pub fn is_business_day(date: NaiveDate) -> bool {
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return false;
    }
    let year_end_closure = matches!((date.month(), date.day()), (12, 31) | (1, 1..=3));
    !year_end_closure && !is_holiday(date)
}

/// Returns `date` itself if it is a business day, otherwise the next one.
pub fn next_business_day_on_or_after(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    // The longest run of non-business days is about ten days (Golden Week
    // 2019), so this loop is short; it stops at the last representable date
    // instead of panicking, which no real calendar date comes near.
    while !is_business_day(day) {
        match day.succ_opt() {
            Some(next) => day = next,
            None => return day,
        }
    }
    day
}

/// Returns `date` itself if it is a business day, otherwise the latest one
/// before it.
///
/// The lender uses it to pick a date in the past that a due date could have
/// fallen on (the seeded overdue member's missed due date): every due date is
/// a business day, so a missed one is too.
pub fn previous_business_day_on_or_before(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    // As in `next_business_day_on_or_after`, the run is short, and the
    // first representable date ends the search instead of a panic.
    while !is_business_day(day) {
        match day.pred_opt() {
            Some(previous) => day = previous,
            None => return day,
        }
    }
    day
}

/// The day of the month a member has chosen to repay on (返済日).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RepaymentDay {
    /// The 5th of each month.
    Fifth,
    /// The 15th of each month.
    Fifteenth,
    /// The 25th of each month.
    TwentyFifth,
    /// The last day of each month (月末).
    LastDay,
}

crate::wire_names!(RepaymentDay {
    Fifth = "Fifth",
    Fifteenth = "Fifteenth",
    TwentyFifth = "TwentyFifth",
    LastDay = "LastDay",
});

impl RepaymentDay {
    /// Every choice, in the order the portal offers them.
    pub const ALL: [RepaymentDay; 4] = [
        RepaymentDay::Fifth,
        RepaymentDay::Fifteenth,
        RepaymentDay::TwentyFifth,
        RepaymentDay::LastDay,
    ];

    /// The chosen day in the given month before any business-day shift.
    ///
    /// Returns `None` only for a month outside 1–12 or a year chrono cannot
    /// represent.
    pub fn nominal_date(self, year: i32, month: u32) -> Option<NaiveDate> {
        match self {
            RepaymentDay::Fifth => NaiveDate::from_ymd_opt(year, month, 5),
            RepaymentDay::Fifteenth => NaiveDate::from_ymd_opt(year, month, 15),
            RepaymentDay::TwentyFifth => NaiveDate::from_ymd_opt(year, month, 25),
            RepaymentDay::LastDay => {
                // The last day is the day before the first of the next month,
                // which avoids a table of month lengths and leap-year rules.
                NaiveDate::from_ymd_opt(year, month, 1)?;
                let (next_year, next_month) = add_months(year, month, 1)?;
                NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
            }
        }
    }
}

/// The due date for `day` in the given month, moved to the next business day.
pub fn due_date_in_month(day: RepaymentDay, year: i32, month: u32) -> Option<NaiveDate> {
    day.nominal_date(year, month)
        .map(next_business_day_on_or_after)
}

/// The first due date after a first borrowing on `borrowed_on` (SPEC S2).
///
/// The cut-off days keep the first period long enough to be fair to the
/// member: the 5th is next month up to the 19th and the month after from the
/// 20th; the 15th is always next month; the 25th is this month up to the 9th;
/// the last day is this month up to the 14th. The result is then moved to the
/// next business day like any due date.
pub fn first_due_date(day: RepaymentDay, borrowed_on: NaiveDate) -> Option<NaiveDate> {
    let borrowed_day = borrowed_on.day();
    let months_ahead = match day {
        RepaymentDay::Fifth if borrowed_day <= 19 => 1,
        RepaymentDay::Fifth => 2,
        RepaymentDay::Fifteenth => 1,
        RepaymentDay::TwentyFifth if borrowed_day <= 9 => 0,
        RepaymentDay::TwentyFifth => 1,
        RepaymentDay::LastDay if borrowed_day <= 14 => 0,
        RepaymentDay::LastDay => 1,
    };
    let (year, month) = add_months(borrowed_on.year(), borrowed_on.month(), months_ahead)?;
    due_date_in_month(day, year, month)
}

/// The first (shifted) due date on or after `today`.
///
/// The previous month is looked at too, because a due date can be pushed into
/// the following month: the last day of December moves past the year-end
/// closure into January, so on January 2 the next due date is still the
/// December one. Shifted due dates keep their month order (a shift is at most
/// about ten days), so the first candidate that is not before `today` wins.
pub fn next_due_date_on_or_after(day: RepaymentDay, today: NaiveDate) -> Option<NaiveDate> {
    let (prev_year, prev_month) = add_months(today.year(), today.month(), -1)?;
    (0..=2)
        .filter_map(|offset| {
            let (year, month) = add_months(prev_year, prev_month, offset)?;
            due_date_in_month(day, year, month)
        })
        .find(|due| *due >= today)
}

/// The fewest days between a repayment date change (返済日変更, SPEC S12)
/// and the first due date it gives: a week to arrange the money.
pub const DAY_CHANGE_LEAD_DAYS: u64 = 7;

/// Why a repayment date cannot change today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayChangeRefusal {
    /// A missed due date is still unpaid.
    Overdue,
    /// Today is the pending due date itself.
    DueToday,
}

/// The first due date a change to `day` made on `today` gives: the first
/// date on the new day, moved to a business day like every due date, that
/// is at least [`DAY_CHANGE_LEAD_DAYS`] away. It replaces the member's
/// pending due date (which may come earlier or later); the dates after it
/// follow monthly on the new day.
///
/// `pending_due` is the due date the member has now (none without a
/// balance, when the new day simply applies from the next borrowing and
/// this gives `Ok(None)`); `overdue` says a missed due date is unpaid.
pub fn due_date_after_day_change(
    day: RepaymentDay,
    today: NaiveDate,
    pending_due: Option<NaiveDate>,
    overdue: bool,
) -> Result<Option<NaiveDate>, DayChangeRefusal> {
    if overdue {
        return Err(DayChangeRefusal::Overdue);
    }
    let Some(pending) = pending_due else {
        return Ok(None);
    };
    if pending == today {
        return Err(DayChangeRefusal::DueToday);
    }
    Ok(today
        .checked_add_days(chrono::Days::new(DAY_CHANGE_LEAD_DAYS))
        .and_then(|from| next_due_date_on_or_after(day, from)))
}

/// Moves `month` of `year` by `delta` months, rolling the year over.
///
/// Returns `None` when the month is not 1–12 or the year would overflow, so
/// callers can pass user-supplied values without risking a panic.
fn add_months(year: i32, month: u32, delta: i32) -> Option<(i32, u32)> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let zero_based = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(delta);
    let new_year = i32::try_from(zero_based.div_euclid(12)).ok()?;
    let new_month = u32::try_from(zero_based.rem_euclid(12) + 1).ok()?;
    Some((new_year, new_month))
}

/// Returns the national holiday (国民の祝日) on `date`, if any.
///
/// This is the set of holidays the Act names directly, including the one-off
/// holidays that special laws declared to be treated as national holidays.
/// Substitute and citizens' holidays are derived from this set elsewhere.
fn national_holiday(date: NaiveDate) -> Option<&'static str> {
    let year = date.year();
    let month = date.month();
    let day = date.day();

    // One-off holidays come first, because some of them replace a regular
    // holiday's date for that year only (the Olympic moves).
    if let Some(name) = special_holiday(year, month, day) {
        return Some(name);
    }
    if moved_for_olympics(year, month, day) {
        return None;
    }

    match month {
        1 if day == 1 => Some("元日"),
        // 成人の日 was fixed on 1/15 until the Happy Monday law moved it to
        // the second Monday from 2000.
        1 if year >= 2000 && is_nth_monday(date, 2) => Some("成人の日"),
        1 if year < 2000 && day == 15 => Some("成人の日"),
        2 if day == 11 => Some("建国記念の日"),
        // The present Emperor's birthday became a holiday in 2020; 2019 had
        // no Emperor's birthday at all because the abdication fell between
        // the two birthdays.
        2 if day == 23 && year >= 2020 => Some("天皇誕生日"),
        3 if Some(day) == vernal_equinox_day(year) => Some("春分の日"),
        // 4/29 was the Showa Emperor's birthday until 1988, みどりの日 from
        // 1989 to 2006 and 昭和の日 since 2007.
        4 if day == 29 && year <= 1988 => Some("天皇誕生日"),
        4 if day == 29 && year <= 2006 => Some("みどりの日"),
        4 if day == 29 => Some("昭和の日"),
        5 if day == 3 => Some("憲法記念日"),
        // Since 2007 5/4 is a named holiday; before that it was only a
        // citizens' holiday, which the sandwich rule produces by itself.
        5 if day == 4 && year >= 2007 => Some("みどりの日"),
        5 if day == 5 => Some("こどもの日"),
        // 海の日 started in 1996 on 7/20 and became the third Monday in 2003.
        7 if year >= 2003 && is_nth_monday(date, 3) => Some("海の日"),
        7 if (1996..2003).contains(&year) && day == 20 => Some("海の日"),
        8 if day == 11 && year >= 2016 => Some("山の日"),
        // 敬老の日 was fixed on 9/15 until it became the third Monday in 2003.
        9 if year >= 2003 && is_nth_monday(date, 3) => Some("敬老の日"),
        9 if year < 2003 && day == 15 => Some("敬老の日"),
        9 if Some(day) == autumnal_equinox_day(year) => Some("秋分の日"),
        // 体育の日 was 10/10 until 1999, then the second Monday; it was
        // renamed スポーツの日 in 2020.
        10 if year >= 2020 && is_nth_monday(date, 2) => Some("スポーツの日"),
        10 if year >= 2000 && is_nth_monday(date, 2) => Some("体育の日"),
        10 if year < 2000 && day == 10 => Some("体育の日"),
        11 if day == 3 => Some("文化の日"),
        11 if day == 23 => Some("勤労感謝の日"),
        // Emperor Akihito's birthday, a holiday from 1989 until his
        // abdication in 2019.
        12 if day == 23 && (1989..=2018).contains(&year) => Some("天皇誕生日"),
        _ => None,
    }
}

/// One-off national holidays set by special laws, and the dates to which the
/// Olympic special measures moved regular holidays in 2020 and 2021.
fn special_holiday(year: i32, month: u32, day: u32) -> Option<&'static str> {
    match (year, month, day) {
        (1989, 2, 24) => Some("昭和天皇の大喪の礼"),
        (1990, 11, 12) => Some("即位礼正殿の儀"),
        (1993, 6, 9) => Some("皇太子徳仁親王の結婚の儀"),
        // The 2019 enthronement days were declared to be treated as national
        // holidays, which is why 4/30 and 5/2 became citizens' holidays.
        (2019, 5, 1) => Some("即位の日"),
        (2019, 10, 22) => Some("即位礼正殿の儀"),
        // The Tokyo Olympics moved 海の日, スポーツの日 and 山の日 around the
        // opening and closing ceremonies, in 2020 and again in 2021 after the
        // postponement.
        (2020, 7, 23) | (2021, 7, 22) => Some("海の日"),
        (2020, 7, 24) | (2021, 7, 23) => Some("スポーツの日"),
        (2020, 8, 10) | (2021, 8, 8) => Some("山の日"),
        _ => None,
    }
}

/// Returns true for a date that would normally be a holiday but whose
/// holiday the Olympic special measures moved elsewhere that year.
fn moved_for_olympics(year: i32, month: u32, day: u32) -> bool {
    if year != 2020 && year != 2021 {
        return false;
    }
    // Only the usual dates need suppressing: the third Monday of July, the
    // second Monday of October and 8/11. The replacement dates are handled by
    // `special_holiday`, which runs first.
    let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
        return false;
    };
    match month {
        7 => is_nth_monday(date, 3),
        8 => day == 11,
        10 => is_nth_monday(date, 2),
        _ => false,
    }
}

/// Returns true when `date` is the `n`th Monday of its month (1-based).
fn is_nth_monday(date: NaiveDate, n: u32) -> bool {
    date.weekday() == Weekday::Mon && (date.day() - 1) / 7 + 1 == n
}

/// The day of March of the vernal equinox holiday (春分の日) in `year`.
fn vernal_equinox_day(year: i32) -> Option<u32> {
    // The constants are the usual approximation (in millionths of a day)
    // published for 1980–2099 and 2100–2150; the holiday itself is fixed
    // each February by the Cabinet Office from the observed equinox.
    equinox_day(year, 20_843_100, 21_851_000)
}

/// The day of September of the autumnal equinox holiday (秋分の日) in `year`.
fn autumnal_equinox_day(year: i32) -> Option<u32> {
    equinox_day(year, 23_248_800, 24_248_800)
}

/// Evaluates `floor(base + 0.242194 (y - 1980) - floor((y - 1980) / 4))`.
///
/// The formula is computed in integer millionths so that it is exact and the
/// domain crate stays free of floating-point arithmetic. Both terms are
/// non-negative for the supported years, so integer division is the floor.
fn equinox_day(year: i32, base_1980_2099: i64, base_2100_2150: i64) -> Option<u32> {
    let base = match year {
        1980..=2099 => base_1980_2099,
        2100..=2150 => base_2100_2150,
        _ => return None,
    };
    let years_since_1980 = i64::from(year) - 1980;
    let day = (base + 242_194 * years_since_1980) / 1_000_000 - years_since_1980 / 4;
    u32::try_from(day).ok()
}

/// Returns true when `date` is a substitute holiday (振替休日).
///
/// Since 2007 a national holiday on a Sunday makes the next day that is not
/// a national holiday a holiday, so the substitute can land several days
/// later (for example 5/6 after a Sunday 5/3). From 1973 to 2006 only the
/// Monday right after the Sunday qualified. `date` itself must not already be
/// a national holiday.
fn is_substitute_holiday(date: NaiveDate) -> bool {
    // Substitute holidays began when the 1973 amendment took effect on
    // 1973-04-12.
    if (date.year(), date.month(), date.day()) < (1973, 4, 12) || national_holiday(date).is_some() {
        return false;
    }
    let mut previous = date.pred_opt();
    while let Some(day) = previous {
        if national_holiday(day).is_none() {
            return false;
        }
        if day.weekday() == Weekday::Sun {
            return true;
        }
        if date.year() < 2007 {
            // Before 2007 only the day right after the Sunday counts, so a
            // run of several national holidays never produced a substitute.
            return false;
        }
        previous = day.pred_opt();
    }
    false
}

/// Returns true when `date` is a citizens' holiday (国民の休日).
///
/// The rule (in force since 1985-12-27) makes an ordinary day between two
/// national holidays a holiday. Until 2006 the Act excluded Sundays and
/// substitute holidays; since 2007 it excludes only national holidays, and
/// substitute holidays are already holidays anyway.
fn is_citizens_holiday(date: NaiveDate) -> bool {
    if (date.year(), date.month(), date.day()) < (1985, 12, 27) {
        return false;
    }
    if date.year() < 2007 && date.weekday() == Weekday::Sun {
        return false;
    }
    if national_holiday(date).is_some() || is_substitute_holiday(date) {
        return false;
    }
    let before = date.pred_opt().and_then(national_holiday);
    let after = date.succ_opt().and_then(national_holiday);
    before.is_some() && after.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
    }

    /// Compares one computed date against the expected one, naming the case
    /// so that a failing table row is easy to find.
    fn check(case: &str, actual: Option<NaiveDate>, expected: NaiveDate) {
        assert_eq!(actual, Some(expected), "{case}");
    }

    #[test]
    fn holiday_names_for_notable_days() {
        let cases = [
            (ymd(2019, 4, 30), Some(CITIZENS_HOLIDAY)),
            (ymd(2019, 5, 1), Some("即位の日")),
            (ymd(2019, 5, 2), Some(CITIZENS_HOLIDAY)),
            (ymd(2019, 5, 6), Some(SUBSTITUTE_HOLIDAY)),
            (ymd(2019, 10, 22), Some("即位礼正殿の儀")),
            (ymd(2019, 12, 23), None),
            (ymd(2018, 12, 23), Some("天皇誕生日")),
            (ymd(2018, 12, 24), Some(SUBSTITUTE_HOLIDAY)),
            (ymd(2020, 2, 23), Some("天皇誕生日")),
            (ymd(2020, 7, 20), None),
            (ymd(2020, 7, 23), Some("海の日")),
            (ymd(2020, 7, 24), Some("スポーツの日")),
            (ymd(2020, 8, 10), Some("山の日")),
            (ymd(2020, 8, 11), None),
            (ymd(2020, 10, 12), None),
            (ymd(2021, 7, 22), Some("海の日")),
            (ymd(2021, 8, 9), Some(SUBSTITUTE_HOLIDAY)),
            (ymd(2026, 9, 22), Some(CITIZENS_HOLIDAY)),
            (ymd(2026, 3, 20), Some("春分の日")),
            (ymd(2026, 10, 12), Some("スポーツの日")),
            (ymd(2019, 10, 14), Some("体育の日")),
            (ymd(2020, 5, 6), Some(SUBSTITUTE_HOLIDAY)),
            (ymd(2006, 5, 4), Some(CITIZENS_HOLIDAY)),
            (ymd(2003, 5, 4), None),
            (ymd(2026, 12, 31), None),
        ];
        for (date, expected) in cases {
            assert_eq!(holiday_name(date), expected, "{date}");
        }
    }

    #[test]
    fn business_days() {
        let cases = [
            (ymd(2026, 12, 25), true),
            (ymd(2026, 12, 26), false),
            (ymd(2026, 12, 31), false),
            (ymd(2027, 1, 1), false),
            (ymd(2027, 1, 2), false),
            (ymd(2027, 1, 3), false),
            (ymd(2027, 1, 4), true),
            (ymd(2027, 1, 11), false),
            (ymd(2026, 12, 30), true),
        ];
        for (date, expected) in cases {
            assert_eq!(is_business_day(date), expected, "{date}");
        }
    }

    #[test]
    fn previous_business_days() {
        let cases = [
            // A business day is its own answer.
            (ymd(2026, 11, 13), ymd(2026, 11, 13)),
            // Sunday 2026-12-20 goes back to Friday the 18th.
            (ymd(2026, 12, 20), ymd(2026, 12, 18)),
            // The year-end closure goes back to 12/30.
            (ymd(2027, 1, 3), ymd(2026, 12, 30)),
            (ymd(2026, 12, 31), ymd(2026, 12, 30)),
            // 成人の日 2027 is Monday 1/11: back to Friday 1/8.
            (ymd(2027, 1, 11), ymd(2027, 1, 8)),
            // The ten days of Golden Week 2019 (4/27–5/6) go back to 4/26.
            (ymd(2019, 5, 6), ymd(2019, 4, 26)),
        ];
        for (date, expected) in cases {
            assert_eq!(previous_business_day_on_or_before(date), expected, "{date}");
        }
    }

    #[test]
    fn due_dates_in_month() {
        use RepaymentDay::*;
        let cases = [
            // A Friday that is a business day stays put.
            ("25th Dec 2026", TwentyFifth, 2026, 12, ymd(2026, 12, 25)),
            // 2027-01-05 is a Tuesday after the year-end closure.
            ("5th Jan 2027", Fifth, 2027, 1, ymd(2027, 1, 5)),
            // 2026-12-05 is a Saturday: moves to Monday the 7th.
            ("5th Dec 2026 (Sat)", Fifth, 2026, 12, ymd(2026, 12, 7)),
            // 2026-04-25 is a Saturday: moves to Monday the 27th.
            (
                "25th Apr 2026 (Sat)",
                TwentyFifth,
                2026,
                4,
                ymd(2026, 4, 27),
            ),
            // 2026-01-25 is a Sunday: moves to Monday the 26th.
            (
                "25th Jan 2026 (Sun)",
                TwentyFifth,
                2026,
                1,
                ymd(2026, 1, 26),
            ),
            // 2025-09-15 is 敬老の日, a Monday holiday: moves to Tuesday.
            (
                "15th Sep 2025 (Mon holiday)",
                Fifteenth,
                2025,
                9,
                ymd(2025, 9, 16),
            ),
            // 2027-01-31 is a Sunday: moves to Monday 2/1.
            ("LastDay Jan 2027 (Sun)", LastDay, 2027, 1, ymd(2027, 2, 1)),
            // 12/31 is in the year-end closure; 2026-12-31 is a Thursday and
            // 1/1–1/3 follow, so the date moves to Monday 2027-01-04.
            ("LastDay Dec 2026", LastDay, 2026, 12, ymd(2027, 1, 4)),
            // 2027-12-31 is a Friday; 1/1 Sat, 1/2 Sun, 1/3 Mon closure, so
            // Tuesday 2028-01-04.
            ("LastDay Dec 2027", LastDay, 2027, 12, ymd(2028, 1, 4)),
            // 2022-12-31 is a Saturday; the closure ends on Tuesday 1/3, and
            // 2023-01-04 is a Wednesday business day.
            ("LastDay Dec 2022", LastDay, 2022, 12, ymd(2023, 1, 4)),
            // 2019 Golden Week: 5/5 Sun, 5/6 振替休日, so Tuesday 5/7.
            ("5th May 2019", Fifth, 2019, 5, ymd(2019, 5, 7)),
            // Leap and non-leap February.
            ("LastDay Feb 2028", LastDay, 2028, 2, ymd(2028, 2, 29)),
            ("LastDay Feb 2027", LastDay, 2027, 2, ymd(2027, 3, 1)),
            ("LastDay Apr 2026", LastDay, 2026, 4, ymd(2026, 4, 30)),
        ];
        for (case, day, year, month, expected) in cases {
            check(case, due_date_in_month(day, year, month), expected);
        }
    }

    #[test]
    fn nominal_dates() {
        use RepaymentDay::*;
        let cases = [
            ("5th", Fifth, 2026, 12, ymd(2026, 12, 5)),
            ("15th", Fifteenth, 2026, 12, ymd(2026, 12, 15)),
            ("25th", TwentyFifth, 2026, 12, ymd(2026, 12, 25)),
            ("last Dec", LastDay, 2026, 12, ymd(2026, 12, 31)),
            ("last Feb leap", LastDay, 2024, 2, ymd(2024, 2, 29)),
            ("last Feb", LastDay, 2026, 2, ymd(2026, 2, 28)),
            ("last Jun", LastDay, 2026, 6, ymd(2026, 6, 30)),
        ];
        for (case, day, year, month, expected) in cases {
            check(case, day.nominal_date(year, month), expected);
        }
        for day in RepaymentDay::ALL {
            assert_eq!(day.nominal_date(2026, 0), None);
            assert_eq!(day.nominal_date(2026, 13), None);
            assert_eq!(due_date_in_month(day, 2026, 13), None);
        }
    }

    #[test]
    fn first_due_dates() {
        use RepaymentDay::*;
        let cases = [
            // 5th: next month up to the 19th, the month after from the 20th.
            (
                "5th, borrowed 6/19",
                Fifth,
                ymd(2026, 6, 19),
                ymd(2026, 7, 6),
            ),
            (
                "5th, borrowed 6/20",
                Fifth,
                ymd(2026, 6, 20),
                ymd(2026, 8, 5),
            ),
            ("5th, borrowed 6/1", Fifth, ymd(2026, 6, 1), ymd(2026, 7, 6)),
            (
                "5th, borrowed 11/20",
                Fifth,
                ymd(2026, 11, 20),
                ymd(2027, 1, 5),
            ),
            (
                "5th, borrowed 12/19",
                Fifth,
                ymd(2026, 12, 19),
                ymd(2027, 1, 5),
            ),
            (
                "5th, borrowed 12/20",
                Fifth,
                ymd(2026, 12, 20),
                ymd(2027, 2, 5),
            ),
            (
                "5th, borrowed 12/31",
                Fifth,
                ymd(2026, 12, 31),
                ymd(2027, 2, 5),
            ),
            // 15th: always next month.
            (
                "15th, borrowed 6/1",
                Fifteenth,
                ymd(2026, 6, 1),
                ymd(2026, 7, 15),
            ),
            (
                "15th, borrowed 6/30",
                Fifteenth,
                ymd(2026, 6, 30),
                ymd(2026, 7, 15),
            ),
            (
                "15th, borrowed 12/14",
                Fifteenth,
                ymd(2026, 12, 14),
                ymd(2027, 1, 15),
            ),
            (
                "15th, borrowed 12/15",
                Fifteenth,
                ymd(2026, 12, 15),
                ymd(2027, 1, 15),
            ),
            // 2026-08-15 is a Saturday, so the 15th moves to Monday 8/17.
            (
                "15th, borrowed 7/10",
                Fifteenth,
                ymd(2026, 7, 10),
                ymd(2026, 8, 17),
            ),
            // 25th: this month up to the 9th, next month from the 10th.
            (
                "25th, borrowed 6/9",
                TwentyFifth,
                ymd(2026, 6, 9),
                ymd(2026, 6, 25),
            ),
            (
                "25th, borrowed 6/10",
                TwentyFifth,
                ymd(2026, 6, 10),
                ymd(2026, 7, 27),
            ),
            (
                "25th, borrowed 12/9",
                TwentyFifth,
                ymd(2026, 12, 9),
                ymd(2026, 12, 25),
            ),
            (
                "25th, borrowed 12/10",
                TwentyFifth,
                ymd(2026, 12, 10),
                ymd(2027, 1, 25),
            ),
            // Last day: this month up to the 14th, next month from the 15th.
            (
                "last, borrowed 6/14",
                LastDay,
                ymd(2026, 6, 14),
                ymd(2026, 6, 30),
            ),
            (
                "last, borrowed 6/15",
                LastDay,
                ymd(2026, 6, 15),
                ymd(2026, 7, 31),
            ),
            (
                "last, borrowed 12/14",
                LastDay,
                ymd(2026, 12, 14),
                ymd(2027, 1, 4),
            ),
            (
                "last, borrowed 12/15",
                LastDay,
                ymd(2026, 12, 15),
                ymd(2027, 2, 1),
            ),
            (
                "last, borrowed 2/14 leap",
                LastDay,
                ymd(2028, 2, 14),
                ymd(2028, 2, 29),
            ),
        ];
        for (case, day, borrowed_on, expected) in cases {
            check(case, first_due_date(day, borrowed_on), expected);
        }
    }

    #[test]
    fn next_due_dates() {
        use RepaymentDay::*;
        let cases = [
            (
                "25th, on the day",
                TwentyFifth,
                ymd(2026, 12, 25),
                ymd(2026, 12, 25),
            ),
            (
                "25th, day after",
                TwentyFifth,
                ymd(2026, 12, 26),
                ymd(2027, 1, 25),
            ),
            ("5th, before", Fifth, ymd(2026, 12, 1), ymd(2026, 12, 7)),
            (
                "5th, nominal passed but shifted",
                Fifth,
                ymd(2026, 12, 6),
                ymd(2026, 12, 7),
            ),
            // December's last-day due date is pushed to 2027-01-04, so it is
            // still the next one on January 2.
            (
                "last, in closure",
                LastDay,
                ymd(2027, 1, 2),
                ymd(2027, 1, 4),
            ),
            (
                "last, after shift",
                LastDay,
                ymd(2027, 1, 5),
                ymd(2027, 2, 1),
            ),
            (
                "15th, end of year",
                Fifteenth,
                ymd(2026, 12, 31),
                ymd(2027, 1, 15),
            ),
        ];
        for (case, day, today, expected) in cases {
            check(case, next_due_date_on_or_after(day, today), expected);
        }
    }

    #[test]
    fn add_months_rolls_years() {
        assert_eq!(add_months(2026, 12, 1), Some((2027, 1)));
        assert_eq!(add_months(2026, 11, 2), Some((2027, 1)));
        assert_eq!(add_months(2026, 1, -1), Some((2025, 12)));
        assert_eq!(add_months(2026, 0, 1), None);
        assert_eq!(add_months(i32::MAX, 12, 1), None);
    }

    fn any_day() -> impl Strategy<Value = NaiveDate> {
        let first = ymd(2000, 1, 1);
        let days = (ymd(2099, 12, 31) - first).num_days();
        (0..=days).prop_map(move |offset| first + chrono::Duration::days(offset))
    }

    fn any_repayment_day() -> impl Strategy<Value = RepaymentDay> {
        prop::sample::select(RepaymentDay::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn next_business_day_is_close_and_valid(date in any_day()) {
            let next = next_business_day_on_or_after(date);
            prop_assert!(next >= date);
            prop_assert!(is_business_day(next));
            prop_assert!((next - date).num_days() <= 10, "{date} -> {next}");
        }

        #[test]
        fn previous_business_day_is_close_and_valid(date in any_day()) {
            let previous = previous_business_day_on_or_before(date);
            prop_assert!(previous <= date);
            prop_assert!(is_business_day(previous));
            prop_assert!((date - previous).num_days() <= 10, "{date} -> {previous}");
            // It is the latest: no day of (previous, date] is a business day.
            let mut day = previous;
            while let Some(next) = day.succ_opt().filter(|d| *d <= date) {
                prop_assert!(!is_business_day(next), "{next} lies between {previous} and {date}");
                day = next;
            }
        }

        #[test]
        fn due_dates_are_business_days(
            day in any_repayment_day(),
            year in 2000i32..=2099,
            month in 1u32..=12,
        ) {
            let due = due_date_in_month(day, year, month);
            prop_assert!(due.is_some());
            if let Some(due) = due {
                prop_assert!(is_business_day(due));
            }
        }

        #[test]
        fn first_due_date_is_soon_after_borrowing(
            day in any_repayment_day(),
            borrowed_on in any_day(),
        ) {
            let first = first_due_date(day, borrowed_on);
            prop_assert!(first.is_some());
            if let Some(first) = first {
                prop_assert!(is_business_day(first));
                prop_assert!(first > borrowed_on, "{borrowed_on} -> {first}");
                prop_assert!((first - borrowed_on).num_days() <= 70, "{borrowed_on} -> {first}");
            }
        }

        #[test]
        fn next_due_date_is_first_on_or_after(
            day in any_repayment_day(),
            today in any_day(),
        ) {
            let next = next_due_date_on_or_after(day, today);
            prop_assert!(next.is_some());
            if let Some(next) = next {
                prop_assert!(next >= today);
                prop_assert!(is_business_day(next));
                // No due date of any month lies between today and `next`.
                for offset in -1..=2 {
                    if let Some((y, m)) = add_months(today.year(), today.month(), offset) {
                        if let Some(other) = due_date_in_month(day, y, m) {
                            prop_assert!(other < today || other >= next);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_changed_repayment_day_gives_its_first_due_date_a_week_ahead_at_least() {
        use RepaymentDay::*;
        let today = ymd(2026, 12, 2); // a Wednesday
        let pending = Some(ymd(2026, 12, 25));
        let cases = [
            // The 15th is 13 days away: it comes first.
            ("15th", Fifteenth, Ok(Some(ymd(2026, 12, 15)))),
            // The 5th is 3 days away, too soon: January's (a Tuesday).
            ("5th", Fifth, Ok(Some(ymd(2027, 1, 5)))),
            // The last day of December moves past the year-end closure.
            ("last day", LastDay, Ok(Some(ymd(2027, 1, 4)))),
        ];
        for (name, day, want) in cases {
            assert_eq!(
                due_date_after_day_change(day, today, pending, false),
                want,
                "{name}"
            );
        }
        assert_eq!(
            due_date_after_day_change(Fifth, today, None, false),
            Ok(None),
            "no balance: from the next borrowing"
        );
        assert_eq!(
            due_date_after_day_change(Fifth, today, pending, true),
            Err(DayChangeRefusal::Overdue)
        );
        assert_eq!(
            due_date_after_day_change(Fifth, today, Some(today), false),
            Err(DayChangeRefusal::DueToday)
        );
    }

    proptest! {
        #[test]
        fn a_changed_due_date_is_a_business_day_on_the_new_day_at_least_a_week_ahead(
            offset in 0i64..3650,
            day_index in 0usize..4,
        ) {
            let today = ymd(2025, 1, 1) + chrono::Duration::days(offset);
            let day = RepaymentDay::ALL[day_index];
            let pending = Some(today + chrono::Duration::days(10));
            let due = due_date_after_day_change(day, today, pending, false)
                .ok()
                .flatten();
            let due = due.unwrap_or_else(|| panic!("no due date from {today}"));
            prop_assert!(is_business_day(due));
            prop_assert!((due - today).num_days() >= DAY_CHANGE_LEAD_DAYS as i64);
            // It is the first such date: the one before it on the new day
            // is less than a week away.
            prop_assert!((due - today).num_days() <= DAY_CHANGE_LEAD_DAYS as i64 + 45);
        }
    }
}
