//! Small constructors shared by the crate's unit tests.

use crate::rate::Apr;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A calendar date the test knows to be valid.
pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An APR written as in the product's documents, e.g. "17.8".
pub(crate) fn apr(text: &str) -> Apr {
    Apr::from_percent(Decimal::from_str(text).unwrap()).unwrap()
}
