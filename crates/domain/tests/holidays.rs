//! Checks the rule-based holiday calendar day by day against a published list.
//!
//! The list in `data/holidays_jp.txt` was converted from the npm package
//! `@holiday-jp/holiday_jp` (MIT); its header names the exact version. Only
//! the dates are compared, because the published names differ in small ways
//! (for example "休日" for a citizens' holiday).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use portal_domain::calendar::{holiday_name, is_holiday};

/// The converted list; compiled in so the test has no file-system dependency.
const LIST: &str = include_str!("data/holidays_jp.txt");

/// Parses the list into its set of dates, failing on any malformed line so a
/// broken conversion cannot silently shrink what is checked.
fn listed_dates() -> BTreeSet<NaiveDate> {
    let mut dates = BTreeSet::new();
    for (number, line) in LIST.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (date, name) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("line {} has no tab: {line:?}", number + 1));
        assert!(!name.is_empty(), "line {} has no name", number + 1);
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("line {}: bad date {date:?}: {e}", number + 1));
        assert!(dates.insert(date), "line {}: duplicate {date}", number + 1);
    }
    dates
}

/// Compares `is_holiday` with the list for every day of the given years and
/// returns one line per difference.
fn differences(listed: &BTreeSet<NaiveDate>, years: std::ops::RangeInclusive<i32>) -> Vec<String> {
    let mut differences = Vec::new();
    let first = NaiveDate::from_ymd_opt(*years.start(), 1, 1).expect("first day");
    let last = NaiveDate::from_ymd_opt(*years.end(), 12, 31).expect("last day");
    for day in first.iter_days().take_while(|day| *day <= last) {
        let expected = listed.contains(&day);
        if is_holiday(day) != expected {
            differences.push(format!(
                "{day} ({}): list says {}, computed {:?}",
                day.weekday(),
                if expected { "holiday" } else { "not a holiday" },
                holiday_name(day),
            ));
        }
    }
    differences
}

/// The years the list covers from 2000 on. The list's last year is taken as
/// complete only if it reaches 11/23 (勤労感謝の日), the last holiday of every
/// year since 2019; otherwise that year is left out.
fn covered_years(listed: &BTreeSet<NaiveDate>) -> std::ops::RangeInclusive<i32> {
    let last = *listed.iter().next_back().expect("list is not empty");
    let last_year = if last.month() == 11 && last.day() >= 23 || last.month() == 12 {
        last.year()
    } else {
        last.year() - 1
    };
    2000..=last_year
}

#[test]
fn holidays_match_published_list_from_2000() {
    let listed = listed_dates();
    let years = covered_years(&listed);
    assert!(
        *years.end() >= 2050,
        "the list should cover at least 2000–2050, got {years:?}"
    );
    let differences = differences(&listed, years.clone());
    assert!(
        differences.is_empty(),
        "{} difference(s) in {years:?}:\n{}",
        differences.len(),
        differences.join("\n")
    );
}
