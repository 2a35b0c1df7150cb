//! The repayment reminder e-mail (ご返済日お知らせメール, SPEC S13): when it
//! is sent, and the next send time the settings page shows.
//!
//! A reminder is sent a chosen number of calendar days before a due date
//! (or on it), at a chosen hour, Japan time. Due dates are the ones the
//! calendar gives (already moved to a business day); the send day is then
//! plain calendar days before that moved date and is **not** moved again:
//! the mail system works every day, and a reminder on a holiday still
//! reaches the member before the due date. So "3 days before" a due date
//! moved to Monday January 4th is sent on January 1st.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{next_due_date_on_or_after, RepaymentDay};

/// When the reminder is sent relative to the due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReminderTiming {
    /// On the due date itself (返済日当日).
    OnDueDate,
    /// The day before (1日前).
    DaysBefore1,
    /// Three days before (3日前).
    DaysBefore3,
    /// Five days before (5日前).
    DaysBefore5,
}

crate::wire_names!(ReminderTiming {
    OnDueDate = "on_due_date",
    DaysBefore1 = "days_before1",
    DaysBefore3 = "days_before3",
    DaysBefore5 = "days_before5",
});

impl ReminderTiming {
    /// Every choice, in the order the settings page offers them.
    pub const ALL: [ReminderTiming; 4] = [
        ReminderTiming::OnDueDate,
        ReminderTiming::DaysBefore1,
        ReminderTiming::DaysBefore3,
        ReminderTiming::DaysBefore5,
    ];

    /// How many calendar days before the due date the reminder goes out.
    pub fn days_before(self) -> u32 {
        match self {
            ReminderTiming::OnDueDate => 0,
            ReminderTiming::DaysBefore1 => 1,
            ReminderTiming::DaysBefore3 => 3,
            ReminderTiming::DaysBefore5 => 5,
        }
    }
}

/// The hour of the day (JST) a reminder is sent, 0 to 23; it goes out on
/// the hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct ReminderHour(u8);

impl ReminderHour {
    /// The hour a new setting starts at: 9:00, early enough to repay that
    /// day and late enough not to wake anyone.
    pub const DEFAULT: ReminderHour = ReminderHour(9);

    /// The hour, if it is 0 to 23.
    pub fn new(hour: u8) -> Option<ReminderHour> {
        (hour <= 23).then_some(ReminderHour(hour))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for ReminderHour {
    type Error = &'static str;

    fn try_from(hour: u8) -> Result<Self, Self::Error> {
        ReminderHour::new(hour).ok_or("a reminder hour is 0 to 23")
    }
}

impl From<ReminderHour> for u8 {
    fn from(hour: ReminderHour) -> u8 {
        hour.0
    }
}

/// One reminder: when it is sent (JST) and the due date it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextReminder {
    /// The JST wall-clock instant the e-mail goes out.
    pub send_at: NaiveDateTime,
    /// The (moved) due date the e-mail announces.
    pub due_date: NaiveDate,
}

/// The instant (JST) the reminder for `due_date` is sent: `timing`'s
/// calendar days before it, at `hour`:00, not moved off holidays or
/// weekends. `None` only at the very start of chrono's calendar.
pub fn send_time(
    due_date: NaiveDate,
    timing: ReminderTiming,
    hour: ReminderHour,
) -> Option<NaiveDateTime> {
    due_date
        .checked_sub_days(Days::new(u64::from(timing.days_before())))?
        .and_hms_opt(u32::from(hour.get()), 0, 0)
}

/// The first reminder sent strictly after `now` (JST), for the first of
/// `due_dates` whose send time is still ahead.
///
/// `due_dates` must be in ascending order (the send times then are too, so
/// the first match is the earliest); it may be endless, as
/// [`due_dates_from`] is. A due date whose reminder time has passed is
/// skipped even if the due date itself is still ahead: its reminder was
/// already sent (or the member chose its timing too late for it), so the
/// next one is the following due date's.
pub fn next_send_time(
    due_dates: impl IntoIterator<Item = NaiveDate>,
    timing: ReminderTiming,
    hour: ReminderHour,
    now: NaiveDateTime,
) -> Option<NextReminder> {
    due_dates
        .into_iter()
        .filter_map(|due_date| {
            let send_at = send_time(due_date, timing, hour)?;
            Some(NextReminder { send_at, due_date })
        })
        .find(|reminder| reminder.send_at > now)
}

/// The (moved) due dates of `day` from `first` on, in order, without end.
pub fn due_dates_from(day: RepaymentDay, first: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    std::iter::successors(next_due_date_on_or_after(day, first), move |previous| {
        previous
            .succ_opt()
            .and_then(|next_day| next_due_date_on_or_after(day, next_day))
    })
}

/// The next reminder for a member who repays on `day`, what the settings
/// page shows and the lender schedules.
///
/// `next_due` is the member's actual next due date when the lender knows
/// one that the plain schedule would not give: the first due date after a
/// first borrowing (which may skip a month), or a month already repaid in
/// advance. The reminder for it comes first (if its time is still ahead),
/// then the regular due dates of `day` after it. With `None` the regular
/// due dates from today on are used. A member who owes nothing has no due
/// date: the caller shows no send time rather than calling this.
pub fn next_reminder(
    day: RepaymentDay,
    next_due: Option<NaiveDate>,
    timing: ReminderTiming,
    hour: ReminderHour,
    now: NaiveDateTime,
) -> Option<NextReminder> {
    let today = now.date();
    // No due date before today can have a reminder after `now`, so the
    // regular schedule starts at today at the earliest.
    let regular_from = match next_due {
        Some(pinned) => pinned.succ_opt()?.max(today),
        None => today,
    };
    next_send_time(
        next_due
            .into_iter()
            .chain(due_dates_from(day, regular_from)),
        timing,
        hour,
        now,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{due_date_in_month, first_due_date, is_business_day};
    use crate::clock::{from_jst, to_jst};
    use crate::test_support::date;
    use chrono::{Datelike, Duration, NaiveTime};
    use proptest::prelude::*;
    use ReminderTiming::*;
    use RepaymentDay::*;

    fn at(y: i32, m: u32, d: u32, hour: u32, minute: u32) -> NaiveDateTime {
        date(y, m, d).and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN))
    }

    fn hour(h: u8) -> ReminderHour {
        ReminderHour::new(h).unwrap_or_else(|| panic!("hour {h}"))
    }

    /// One row: a member's repayment day and pinned next due date, the
    /// timing and hour, `now`, and the expected (send instant, due date).
    type Row = (
        &'static str,
        RepaymentDay,
        Option<NaiveDate>,
        ReminderTiming,
        u8,
        NaiveDateTime,
        (NaiveDateTime, NaiveDate),
    );

    fn check(rows: &[Row]) {
        for &(case, day, pinned, timing, h, now, (send_at, due_date)) in rows {
            assert_eq!(
                next_reminder(day, pinned, timing, hour(h), now),
                Some(NextReminder { send_at, due_date }),
                "{case}"
            );
        }
    }

    #[test]
    fn timings_and_hours() {
        let days: Vec<u32> = ReminderTiming::ALL
            .iter()
            .map(|t| t.days_before())
            .collect();
        assert_eq!(days, [0, 1, 3, 5]);
        assert_eq!(ReminderHour::new(0).map(ReminderHour::get), Some(0));
        assert_eq!(ReminderHour::new(23).map(ReminderHour::get), Some(23));
        assert_eq!(ReminderHour::new(24), None);
        assert_eq!(ReminderHour::new(255), None);
        assert_eq!(ReminderHour::DEFAULT.get(), 9);
        assert_eq!(serde_json::to_string(&hour(7)).unwrap_or_default(), "7");
        assert!(serde_json::from_str::<ReminderHour>("24").is_err());
        assert_eq!(
            serde_json::to_string(&DaysBefore3).unwrap_or_default(),
            "\"days_before3\""
        );
    }

    #[test]
    fn send_times_are_calendar_days_before_the_moved_due_date() {
        // The 2026-12 last-day due date moves past the closure to Monday
        // 2027-01-04; three days before is New Year's Day, not moved.
        let due = due_date_in_month(LastDay, 2026, 12);
        assert_eq!(due, Some(date(2027, 1, 4)));
        assert_eq!(
            send_time(date(2027, 1, 4), DaysBefore3, hour(9)),
            Some(at(2027, 1, 1, 9, 0))
        );
        assert_eq!(
            send_time(date(2027, 1, 4), OnDueDate, hour(0)),
            Some(at(2027, 1, 4, 0, 0))
        );
    }

    #[test]
    fn next_reminders() {
        check(&[
            (
                "due on the last day itself (Thu 2026-04-30)",
                LastDay,
                None,
                OnDueDate,
                9,
                at(2026, 4, 20, 12, 0),
                (at(2026, 4, 30, 9, 0), date(2026, 4, 30)),
            ),
            (
                "last day Sun 2027-01-31 moves to Mon 2/1; the day before is the Sunday",
                LastDay,
                None,
                DaysBefore1,
                20,
                at(2027, 1, 20, 8, 0),
                (at(2027, 1, 31, 20, 0), date(2027, 2, 1)),
            ),
            (
                "Saturday 2026-10-31 moves to Mon 11/2; 3 days before is in October",
                LastDay,
                None,
                DaysBefore3,
                9,
                at(2026, 10, 29, 8, 59),
                (at(2026, 10, 30, 9, 0), date(2026, 11, 2)),
            ),
            (
                "year end: December's last day moves to 2027-01-04, sent on New Year's Day",
                LastDay,
                None,
                DaysBefore3,
                9,
                at(2026, 12, 31, 9, 0),
                (at(2027, 1, 1, 9, 0), date(2027, 1, 4)),
            ),
            (
                "on January 2 December's due date is still ahead (on the 4th)",
                LastDay,
                None,
                OnDueDate,
                9,
                at(2027, 1, 2, 12, 0),
                (at(2027, 1, 4, 9, 0), date(2027, 1, 4)),
            ),
            (
                "after that reminder has gone, the next is January's (Sun 1/31 -> Mon 2/1)",
                LastDay,
                None,
                DaysBefore3,
                9,
                at(2027, 1, 1, 9, 0),
                (at(2027, 1, 29, 9, 0), date(2027, 2, 1)),
            ),
            (
                "5 days before Tue 2027-01-05 falls in the previous month and year",
                Fifth,
                None,
                DaysBefore5,
                10,
                at(2026, 12, 20, 0, 0),
                (at(2026, 12, 31, 10, 0), date(2027, 1, 5)),
            ),
            (
                "5 days before Fri 2027-03-05 is February 28",
                Fifth,
                None,
                DaysBefore5,
                9,
                at(2027, 2, 10, 0, 0),
                (at(2027, 2, 28, 9, 0), date(2027, 3, 5)),
            ),
            (
                "the hour has not come yet today",
                TwentyFifth,
                None,
                OnDueDate,
                9,
                at(2026, 12, 25, 8, 59),
                (at(2026, 12, 25, 9, 0), date(2026, 12, 25)),
            ),
            (
                "the hour has passed today: next month's (Mon 2027-01-25)",
                TwentyFifth,
                None,
                OnDueDate,
                9,
                at(2026, 12, 25, 10, 0),
                (at(2027, 1, 25, 9, 0), date(2027, 1, 25)),
            ),
            (
                "exactly at the send time it counts as sent",
                TwentyFifth,
                None,
                OnDueDate,
                9,
                at(2026, 12, 25, 9, 0),
                (at(2027, 1, 25, 9, 0), date(2027, 1, 25)),
            ),
            (
                "the due date is ahead but its 5-days-before reminder has passed",
                TwentyFifth,
                None,
                DaysBefore5,
                9,
                at(2026, 12, 22, 12, 0),
                (at(2027, 1, 20, 9, 0), date(2027, 1, 25)),
            ),
            (
                "a pinned first due date (borrowed 2027-01-20) skips January's",
                LastDay,
                Some(date(2027, 3, 1)),
                DaysBefore1,
                9,
                at(2027, 1, 20, 12, 0),
                (at(2027, 2, 28, 9, 0), date(2027, 3, 1)),
            ),
            (
                "after a pinned due date's reminder, the regular schedule resumes",
                LastDay,
                Some(date(2027, 3, 1)),
                DaysBefore1,
                9,
                at(2027, 2, 28, 9, 0),
                (at(2027, 3, 30, 9, 0), date(2027, 3, 31)),
            ),
            (
                "a pinned due date already past (overdue) is ignored",
                Fifteenth,
                Some(date(2026, 11, 16)),
                OnDueDate,
                9,
                at(2026, 11, 28, 9, 0),
                (at(2026, 12, 15, 9, 0), date(2026, 12, 15)),
            ),
        ]);
    }

    #[test]
    fn a_pinned_first_due_date_is_the_one_the_calendar_gives() {
        // Borrowed on 2027-01-20 with the last day chosen: the first due date
        // is February's (Sunday 2027-02-28, moved to Monday 3/1), not
        // January's.
        let first = first_due_date(LastDay, date(2027, 1, 20));
        assert_eq!(first, Some(date(2027, 3, 1)));
        let reminder = next_reminder(LastDay, first, OnDueDate, hour(9), at(2027, 1, 20, 12, 0));
        assert_eq!(reminder.map(|r| r.due_date), first);
    }

    #[test]
    fn a_utc_instant_is_read_in_japan_time() {
        // 2026-12-24 23:30 UTC is already 08:30 on the 25th in Japan: the 9:00
        // reminder of the 25th is still ahead, 30 minutes later.
        let utc = from_jst(at(2026, 12, 25, 8, 30));
        let reminder = next_reminder(TwentyFifth, None, OnDueDate, hour(9), to_jst(utc));
        assert_eq!(
            reminder.map(|r| from_jst(r.send_at) - utc),
            Some(Duration::minutes(30))
        );
    }

    #[test]
    fn due_dates_from_lists_each_month_once_in_order() {
        let dates: Vec<NaiveDate> = due_dates_from(LastDay, date(2026, 12, 1)).take(3).collect();
        assert_eq!(
            dates,
            [date(2027, 1, 4), date(2027, 2, 1), date(2027, 3, 1)]
        );
        // On January 2 December's moved due date is the first.
        let first = due_dates_from(LastDay, date(2027, 1, 2)).next();
        assert_eq!(first, Some(date(2027, 1, 4)));
    }

    fn any_now() -> impl Strategy<Value = NaiveDateTime> {
        let start = at(2000, 1, 1, 0, 0);
        let minutes = (at(2098, 12, 31, 23, 59) - start).num_minutes();
        (0..=minutes).prop_map(move |m| start + Duration::minutes(m))
    }

    fn any_day() -> impl Strategy<Value = RepaymentDay> {
        prop::sample::select(RepaymentDay::ALL.to_vec())
    }

    fn any_timing() -> impl Strategy<Value = ReminderTiming> {
        prop::sample::select(ReminderTiming::ALL.to_vec())
    }

    /// The moved due dates of `day` in the months around `d`.
    fn due_dates_around(day: RepaymentDay, d: NaiveDate) -> Vec<NaiveDate> {
        (-3i32..=3)
            .filter_map(|offset| {
                let months = d.year() * 12 + d.month0() as i32 + offset;
                due_date_in_month(day, months.div_euclid(12), months.rem_euclid(12) as u32 + 1)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn reminder_hours_are_0_to_23(h in any::<u8>()) {
            let parsed = ReminderHour::new(h);
            prop_assert_eq!(parsed.is_some(), h <= 23);
            prop_assert_eq!(parsed.map(ReminderHour::get), (h <= 23).then_some(h));
            prop_assert_eq!(ReminderHour::try_from(h).ok(), parsed);
        }

        #[test]
        fn the_next_reminder_is_the_first_ahead_and_before_its_due_date(
            day in any_day(),
            timing in any_timing(),
            h in 0u8..=23,
            now in any_now(),
        ) {
            let reminder = next_reminder(day, None, timing, hour(h), now);
            prop_assert!(reminder.is_some());
            if let Some(NextReminder { send_at, due_date }) = reminder {
                prop_assert!(send_at > now, "{now} -> {send_at}");
                prop_assert!(send_at.date() <= due_date);
                prop_assert_eq!(
                    (due_date - send_at.date()).num_days(),
                    i64::from(timing.days_before())
                );
                prop_assert_eq!(u8::try_from(chrono::Timelike::hour(&send_at)).ok(), Some(h));
                prop_assert!(is_business_day(due_date));
                let around = due_dates_around(day, due_date);
                prop_assert!(around.contains(&due_date), "{due_date} is not a due date");
                // No earlier due date has a reminder still ahead.
                for other in around.into_iter().filter(|d| *d < due_date) {
                    let other_send = send_time(other, timing, hour(h));
                    prop_assert!(other_send.is_some_and(|s| s <= now), "{other} was skipped");
                }
                // A reminder is never more than about a month and a half away.
                prop_assert!((send_at - now).num_days() <= 45, "{now} -> {send_at}");
            }
        }

        #[test]
        fn a_pinned_due_date_comes_first_while_its_reminder_is_ahead(
            day in any_day(),
            timing in any_timing(),
            h in 0u8..=23,
            now in any_now(),
            ahead in 0i64..=70,
        ) {
            let pinned = now.date() + Duration::days(ahead);
            let reminder = next_reminder(day, Some(pinned), timing, hour(h), now);
            prop_assert!(reminder.is_some());
            if let Some(r) = reminder {
                prop_assert!(r.send_at > now);
                prop_assert!(r.due_date >= pinned);
                let pinned_send = send_time(pinned, timing, hour(h));
                let pinned_ahead = pinned_send.is_some_and(|s| s > now);
                prop_assert_eq!(r.due_date == pinned, pinned_ahead);
            }
        }
    }
}
