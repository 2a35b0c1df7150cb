//! The transaction history's periods, names and CSV (SPEC S7): pure
//! functions, tested natively. The lender filters and pages the entries
//! (`HistoryQuery`); the page turns the member's period into the query's
//! Japan dates here.

use super::texts::Texts;
use chrono::{Datelike, Months, NaiveDate};
use portal_api::{Channel, EntryKind, HistoryEntry};
use portal_domain::clock::to_jst;

/// How far back the history shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    ThisMonth,
    /// The last N months, counted back from today.
    Months(u32),
    /// Inclusive dates the member chose; either end may be open.
    Custom(Option<NaiveDate>, Option<NaiveDate>),
}

impl Period {
    /// The inclusive JST date range this period covers on `today`.
    pub fn range(self, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            Period::ThisMonth => (today.with_day(1), Some(today)),
            Period::Months(n) => (
                today
                    .checked_sub_months(Months::new(n))
                    .and_then(|d| d.succ_opt()),
                Some(today),
            ),
            Period::Custom(from, to) => (from, to),
        }
    }
}

pub fn kind_name(t: &Texts, kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Borrowing => t.kind_borrowing,
        EntryKind::Repayment => t.kind_repayment,
    }
}

pub fn channel_name(t: &Texts, channel: Channel) -> &'static str {
    match channel {
        Channel::Atm => t.channel_atm,
        Channel::Transfer => t.channel_transfer,
        Channel::InternetRepayment => t.channel_internet,
        Channel::Debit => t.channel_debit,
        Channel::Points => t.channel_points,
    }
}

/// The entries as CSV for Excel: UTF-8 with a byte-order mark (so Excel
/// reads the Japanese correctly), CRLF line ends, a header row, dates in
/// JST, amounts as plain integers.
pub fn to_csv(entries: &[HistoryEntry], t: &Texts) -> String {
    let mut out = String::from('\u{feff}');
    let header = [
        t.col_datetime,
        t.col_kind,
        t.col_channel,
        t.col_amount,
        t.col_interest,
        t.col_principal,
        t.col_late,
        t.col_balance,
        t.col_days,
    ];
    out.push_str(&header.map(csv_field).join(","));
    out.push_str("\r\n");
    for e in entries {
        let row = [
            csv_datetime(e),
            kind_name(t, e.kind).to_owned(),
            channel_name(t, e.channel).to_owned(),
            e.amount.0.to_string(),
            e.interest.0.to_string(),
            e.principal.0.to_string(),
            e.late_charge.0.to_string(),
            e.balance_after.0.to_string(),
            e.days.to_string(),
        ];
        out.push_str(&row.iter().map(csv_field).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// `2026-11-25 12:00` in JST: a form Excel reads as a date and time.
fn csv_datetime(e: &HistoryEntry) -> String {
    use chrono::Timelike;
    let t = to_jst(e.at);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// Quotes a field when it holds a comma, quote or line break (RFC 4180).
fn csv_field(s: impl AsRef<str>) -> String {
    let s = s.as_ref();
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use chrono::{TimeZone, Utc};
    use portal_domain::money::Yen;

    fn entry(y: i32, m: u32, d: u32, kind: EntryKind, amount: i64) -> HistoryEntry {
        HistoryEntry {
            // 03:00 UTC is 12:00 JST the same day.
            at: Utc
                .with_ymd_and_hms(y, m, d, 3, 0, 0)
                .single()
                .unwrap_or_default(),
            kind,
            channel: Channel::Atm,
            amount: Yen(amount),
            interest: Yen(0),
            principal: Yen(amount),
            late_charge: Yen(0),
            balance_after: Yen(10_000),
            days: 3,
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn periods_cover_the_right_days() {
        let today = day(2026, 11, 25);
        let cases = [
            (Period::ThisMonth, (Some(day(2026, 11, 1)), Some(today))),
            (Period::Months(3), (Some(day(2026, 8, 26)), Some(today))),
            (Period::Months(12), (Some(day(2025, 11, 26)), Some(today))),
            (
                Period::Custom(None, Some(day(2026, 1, 1))),
                (None, Some(day(2026, 1, 1))),
            ),
        ];
        for (period, expected) in cases {
            assert_eq!(period.range(today), expected, "{period:?}");
        }
    }

    #[test]
    fn csv_has_bom_header_and_plain_integers() {
        let e = entry(2026, 11, 20, EntryKind::Repayment, 1_234_567);
        let csv = to_csv(&[e], Locale::Ja.texts::<Texts>());
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines[0],
            "日時,取引,方法,金額,利息,元金,遅延損害金,残高,借入日数"
        );
        assert_eq!(
            lines[1],
            "2026-11-20 12:00,返済,ATM,1234567,0,1234567,0,10000,3"
        );
        assert_eq!(lines[2], "");
    }

    #[test]
    fn csv_quotes_fields_that_need_it() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
