//! What the member asked the history to show, as one typed value: the
//! period, the type of entry and the page. The page renders it and turns it
//! into the lender's `HistoryQuery` here; nothing in it is a string but the
//! `<select>` values it reads and writes.

use super::statement::Period;
use chrono::NaiveDate;
use portal_api::{EntryKind, HistoryQuery};
// A date input's value (`YYYY-MM-DD`) is the contract's date shape.
use portal_domain::wire::time::parse_date;

/// Rows per page: enough to scan a year of monthly entries at once, few
/// enough that a member with 10,000 entries still gets an instant page.
pub const PAGE_SIZE: usize = 50;

/// The period choices of the filter, in the order the member sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    ThisMonth,
    Months(u32),
    Custom,
}

impl PeriodChoice {
    pub const ALL: [PeriodChoice; 5] = [
        PeriodChoice::ThisMonth,
        PeriodChoice::Months(3),
        PeriodChoice::Months(6),
        PeriodChoice::Months(12),
        PeriodChoice::Custom,
    ];

    /// The `<option>` value.
    pub fn value(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "month",
            PeriodChoice::Months(3) => "3",
            PeriodChoice::Months(6) => "6",
            PeriodChoice::Months(12) => "12",
            PeriodChoice::Months(_) => "12",
            PeriodChoice::Custom => "custom",
        }
    }

    /// The choice an `<option>` value stands for; `None` for anything else.
    pub fn from_value(value: &str) -> Option<PeriodChoice> {
        PeriodChoice::ALL.into_iter().find(|c| c.value() == value)
    }
}

/// The `<option>` values of the entry type.
pub fn kind_value(kind: Option<EntryKind>) -> &'static str {
    match kind {
        None => "all",
        Some(kind) => kind.wire_name(),
    }
}

/// The entry type an `<option>` value stands for; `None` when the value is
/// not one of them.
pub fn kind_from_value(value: &str) -> Option<Option<EntryKind>> {
    [None, Some(EntryKind::Borrowing), Some(EntryKind::Repayment)]
        .into_iter()
        .find(|k| kind_value(*k) == value)
}

/// The whole filter. Every change but the page's own starts again at the
/// first page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryFilter {
    pub period: PeriodChoice,
    /// The dates of a custom period; either end may be open.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kind: Option<EntryKind>,
    /// The page on screen, from 0.
    pub page: usize,
}

impl Default for HistoryFilter {
    /// The last three months, every type, first page.
    fn default() -> Self {
        HistoryFilter {
            period: PeriodChoice::Months(3),
            from: None,
            to: None,
            kind: None,
            page: 0,
        }
    }
}

impl HistoryFilter {
    pub fn with_period(self, period: PeriodChoice) -> Self {
        HistoryFilter {
            period,
            page: 0,
            ..self
        }
    }

    /// A custom start date from an `<input type="date">` (empty or
    /// unreadable: open).
    pub fn with_from(self, value: &str) -> Self {
        HistoryFilter {
            from: parse_date(value),
            page: 0,
            ..self
        }
    }

    pub fn with_to(self, value: &str) -> Self {
        HistoryFilter {
            to: parse_date(value),
            page: 0,
            ..self
        }
    }

    pub fn with_kind(self, kind: Option<EntryKind>) -> Self {
        HistoryFilter {
            kind,
            page: 0,
            ..self
        }
    }

    pub fn period(&self) -> Period {
        match self.period {
            PeriodChoice::ThisMonth => Period::ThisMonth,
            PeriodChoice::Months(n) => Period::Months(n),
            PeriodChoice::Custom => Period::Custom(self.from, self.to),
        }
    }

    /// Every entry the filter matches, as of `today` (JST): what the CSV and
    /// the printed statement ask for.
    pub fn matching(&self, today: NaiveDate) -> HistoryQuery {
        let (from, to) = self.period().range(today);
        HistoryQuery {
            from,
            to,
            kind: self.kind,
            offset: 0,
            limit: None,
        }
    }

    /// The page on screen.
    pub fn page_query(&self, today: NaiveDate) -> HistoryQuery {
        HistoryQuery {
            offset: u32::try_from(self.page * PAGE_SIZE).unwrap_or(u32::MAX),
            limit: Some(PAGE_SIZE as u32),
            ..self.matching(today)
        }
    }
}

/// How many pages `total` entries fill (at least one, for the pager).
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The value of an `<input type="date">`, always `YYYY-MM-DD` (empty when
/// cleared). Read by hand: chrono's format parser would add 7 KB to the
/// page's chunk for this one fixed shape.
#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    #[test]
    fn the_default_is_three_months_of_everything_from_the_first_page() {
        let q = HistoryFilter::default().page_query(d(2026, 11, 25));
        assert_eq!(q.from, Some(d(2026, 8, 26)));
        assert_eq!(q.to, Some(d(2026, 11, 25)));
        assert_eq!((q.kind, q.offset, q.limit), (None, 0, Some(50)));
    }

    #[test]
    fn every_change_but_paging_starts_again_at_page_one() {
        let on_page_3 = HistoryFilter {
            page: 2,
            ..HistoryFilter::default()
        };
        assert_eq!(on_page_3.page_query(d(2026, 11, 25)).offset, 100);
        assert_eq!(
            on_page_3.clone().with_period(PeriodChoice::Months(12)).page,
            0
        );
        assert_eq!(
            on_page_3.clone().with_kind(Some(EntryKind::Repayment)).page,
            0
        );
        assert_eq!(on_page_3.clone().with_from("2026-01-01").page, 0);
        assert_eq!(on_page_3.with_to("2026-01-31").page, 0);
    }

    #[test]
    fn a_custom_period_uses_the_chosen_dates_and_ignores_unreadable_ones() {
        let f = HistoryFilter::default()
            .with_period(PeriodChoice::Custom)
            .with_from("2026-01-01")
            .with_to("not a date");
        let q = f.matching(d(2026, 11, 25));
        assert_eq!((q.from, q.to), (Some(d(2026, 1, 1)), None));
        assert_eq!(q.limit, None, "exports ask for every entry");
    }

    #[test]
    fn pages_round_up_and_there_is_always_one() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(50), 1);
        assert_eq!(page_count(51), 2);
        assert_eq!(page_count(10_000), 200);
    }
}

// proptest runs natively only (it is a native dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    proptest! {
        #[test]
        fn option_values_read_back_as_what_they_were(i in 0usize..5, k in 0usize..3) {
            let choice = PeriodChoice::ALL[i];
            prop_assert_eq!(PeriodChoice::from_value(choice.value()), Some(choice));
            let kind = [None, Some(EntryKind::Borrowing), Some(EntryKind::Repayment)][k];
            prop_assert_eq!(kind_from_value(kind_value(kind)), Some(kind));
        }

        #[test]
        fn a_date_input_value_reads_back_as_its_date(day in 0i64..100_000) {
            let date = d(1900, 1, 1) + chrono::Duration::days(day);
            prop_assert_eq!(parse_date(&date.to_string()), Some(date));
        }

        #[test]
        fn anything_but_a_real_yyyy_mm_dd_is_no_date(value in "\\PC{0,12}") {
            let chrono = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok()
                .filter(|d| d.to_string() == value);
            prop_assert_eq!(parse_date(&value), chrono);
        }

        #[test]
        fn any_other_value_is_no_choice(value in "\\PC{0,12}") {
            let known = ["month", "3", "6", "12", "custom"];
            prop_assume!(!known.contains(&value.as_str()));
            prop_assert_eq!(PeriodChoice::from_value(&value), None);
        }

        #[test]
        fn a_page_query_is_a_window_of_the_matching_query(page in 0usize..1000, day in 0i64..3650) {
            let today = d(2020, 1, 1) + chrono::Duration::days(day);
            let f = HistoryFilter { page, ..HistoryFilter::default() };
            let (all, one) = (f.matching(today), f.page_query(today));
            prop_assert_eq!((all.from, all.to, all.kind), (one.from, one.to, one.kind));
            prop_assert_eq!(one.offset as usize, page * PAGE_SIZE);
        }
    }
}
