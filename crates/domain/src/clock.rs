//! Japan time helpers: converting instants to and from JST and writing dates for members.
//!
//! All business time is Japan Standard Time (UTC+9, no daylight saving), whatever time zone the
//! browser is in, so the rest of the portal works on JST wall-clock `NaiveDateTime` values.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};

/// The JST offset from UTC in seconds; Japan has not observed daylight saving since 1951.
pub const JST_OFFSET_SECS: i32 = 9 * 3600;

/// The JST offset as a duration, built at compile time so it can never fail at run time.
const JST_OFFSET: TimeDelta = TimeDelta::seconds(JST_OFFSET_SECS as i64);

/// English month abbreviations, written out here so formatting never depends on a locale table.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Converts a UTC instant to the JST wall-clock time.
///
/// The only way the addition can fail is at the very end of chrono's calendar, far outside any
/// real business date, so that case saturates instead of panicking.
pub fn to_jst(utc: DateTime<Utc>) -> NaiveDateTime {
    utc.naive_utc()
        .checked_add_signed(JST_OFFSET)
        .unwrap_or(NaiveDateTime::MAX)
}

/// Converts a JST wall-clock time to the UTC instant it denotes.
///
/// As with [`to_jst`], the subtraction can only fail at the start of chrono's calendar, so that
/// case saturates instead of panicking.
pub fn from_jst(jst: NaiveDateTime) -> DateTime<Utc> {
    jst.checked_sub_signed(JST_OFFSET)
        .unwrap_or(NaiveDateTime::MIN)
        .and_utc()
}

/// Writes a date the Japanese way, `2026年12月25日`, without zero padding as is customary.
pub fn format_date_ja(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Writes a date for the English locale, `25 Dec 2026`, which is unambiguous to every reader.
pub fn format_date_en(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_en(d), d.year())
}

/// Writes a date and time the Japanese way, `2026年12月25日 09:05`, on the 24-hour clock.
pub fn format_datetime_ja(dt: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date_ja(dt.date()),
        dt.hour(),
        dt.minute()
    )
}

/// Writes a date and time for the English locale, `25 Dec 2026, 09:05`, on the 24-hour clock.
pub fn format_datetime_en(dt: NaiveDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        format_date_en(dt.date()),
        dt.hour(),
        dt.minute()
    )
}

/// Turns a JavaScript-style epoch time in milliseconds into a UTC instant.
///
/// It returns `None` outside chrono's range, so a corrupt value from the browser or a backend
/// cannot crash the app.
pub fn from_epoch_millis(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::<Utc>::from_timestamp_millis(ms)
}

/// Looks up the English abbreviation of a date's month.
fn month_en(d: NaiveDate) -> &'static str {
    // `month0` is always 0..=11, but `get` keeps even an impossible value from panicking.
    usize::try_from(d.month0())
        .ok()
        .and_then(|index| MONTHS_EN.get(index))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::date;
    use proptest::prelude::*;

    fn datetime(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    /// Checks all four formats of one wall-clock time.
    fn check(dt: NaiveDateTime, date_ja: &str, date_en: &str, dt_ja: &str, dt_en: &str) {
        assert_eq!(format_date_ja(dt.date()), date_ja);
        assert_eq!(format_date_en(dt.date()), date_en);
        assert_eq!(format_datetime_ja(dt), dt_ja);
        assert_eq!(format_datetime_en(dt), dt_en);
    }

    #[test]
    fn formats_dates_and_times() {
        let cases = [
            (
                datetime(2026, 12, 25, 9, 5),
                "2026年12月25日",
                "25 Dec 2026",
                "2026年12月25日 09:05",
                "25 Dec 2026, 09:05",
            ),
            (
                datetime(2026, 1, 5, 0, 0),
                "2026年1月5日",
                "5 Jan 2026",
                "2026年1月5日 00:00",
                "5 Jan 2026, 00:00",
            ),
            (
                datetime(2024, 2, 29, 23, 59),
                "2024年2月29日",
                "29 Feb 2024",
                "2024年2月29日 23:59",
                "29 Feb 2024, 23:59",
            ),
        ];
        for (dt, date_ja, date_en, dt_ja, dt_en) in cases {
            check(dt, date_ja, date_en, dt_ja, dt_en);
        }
    }

    #[test]
    fn converts_between_utc_and_jst() {
        // 15:30 UTC on 24 December is already 00:30 on Christmas Day in Japan.
        let utc = datetime(2026, 12, 24, 15, 30).and_utc();
        assert_eq!(to_jst(utc), datetime(2026, 12, 25, 0, 30));
        assert_eq!(from_jst(datetime(2026, 12, 25, 0, 30)), utc);
    }

    #[test]
    fn reads_epoch_millis() {
        assert_eq!(
            from_epoch_millis(0).map(to_jst),
            Some(datetime(1970, 1, 1, 9, 0))
        );
        assert_eq!(from_epoch_millis(i64::MAX), None);
    }

    #[test]
    fn saturates_at_the_ends_of_the_calendar() {
        assert_eq!(to_jst(NaiveDateTime::MAX.and_utc()), NaiveDateTime::MAX);
        assert_eq!(from_jst(NaiveDateTime::MIN), NaiveDateTime::MIN.and_utc());
    }

    proptest! {
        #[test]
        fn jst_round_trips(ms in -8_000_000_000_000_000i64..8_000_000_000_000_000i64) {
            if let Some(utc) = from_epoch_millis(ms) {
                prop_assert_eq!(from_jst(to_jst(utc)), utc);
                prop_assert_eq!(to_jst(utc) - utc.naive_utc(), TimeDelta::hours(9));
            }
        }

        #[test]
        fn formatting_never_panics(ms in any::<i64>()) {
            if let Some(utc) = from_epoch_millis(ms) {
                let jst = to_jst(utc);
                prop_assert!(format_datetime_ja(jst).contains('年'));
                prop_assert!(format_datetime_en(jst).contains(", "));
            }
        }
    }
}
