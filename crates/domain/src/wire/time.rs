//! Dates and times read from the API's JSON without chrono's general
//! parser.
//!
//! chrono reads its types through `format::parse`, which handles every
//! format chrono knows (RFC 2822 among them) and is about 16 KB of wasm
//! before optimisation: the largest piece of chrono in the main module. The
//! contract sends exactly three shapes, which chrono's own serializers
//! write: a date `2026-11-25`, a local date and time
//! `2026-11-25T09:00:00`, and an instant `2026-11-25T00:00:00Z`, the
//! seconds optionally with a fraction of 1 to 9 digits and an instant
//! optionally with an offset `+09:00` instead of `Z`. These readers accept
//! exactly those; writing is left to chrono. Each is used as
//! `#[serde(deserialize_with = "…")]` (with `default` for an `Option`), and
//! a property test checks them against chrono natively.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::de::{Deserializer, Error};
use serde::Deserialize;

/// `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// `YYYY-MM-DDTHH:MM:SS`, the seconds optionally with `.` and 1 to 9 digits.
pub fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    let (date, rest) = (text.get(..10)?, text.get(10..)?);
    let rest = rest.strip_prefix('T')?;
    let b = rest.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let nanos = match &b[8..] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(
        digits(&b[0..2])?,
        digits(&b[3..5])?,
        digits(&b[6..8])?,
        nanos,
    )?;
    Some(parse_date(date)?.and_time(time))
}

/// A local date and time as [`parse_naive`] reads it, then `Z` or an offset
/// `+HH:MM` / `-HH:MM`; the instant it names.
pub fn parse_utc(text: &str) -> Option<DateTime<Utc>> {
    if let Some(naive) = text.strip_suffix('Z').and_then(parse_naive) {
        return Some(naive.and_utc());
    }
    let split = text.len().checked_sub(6)?;
    let (local, offset) = (text.get(..split)?, text.get(split..)?.as_bytes());
    let sign = match offset[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    if offset[3] != b':' {
        return None;
    }
    let (hours, minutes) = (digits(&offset[1..3])?, digits(&offset[4..6])?);
    if minutes >= 60 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    let offset = FixedOffset::east_opt(sign * seconds)?;
    let local = parse_naive(local)?.and_local_timezone(offset).single()?;
    Some(local.with_timezone(&Utc))
}

/// ASCII digits as a number; `None` for anything else or more than 9.
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

fn read<'de, D, T>(d: D, parse: fn(&str) -> Option<T>, what: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let text = String::deserialize(d)?;
    parse(&text).ok_or_else(|| refused::<D::Error>(&text, what))
}

fn read_opt<'de, D, T>(
    d: D,
    parse: fn(&str) -> Option<T>,
    what: &'static str,
) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
{
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse(&text)
            .map(Some)
            .ok_or_else(|| refused::<D::Error>(&text, what)),
    }
}

/// The error for a text in another shape. Not serde's `invalid_value`:
/// its message formats every kind of unexpected value, floats included,
/// which would link the float formatter into the main module for nothing.
fn refused<E: Error>(text: &str, what: &'static str) -> E {
    E::custom(format_args!("invalid value: \"{text}\", expected {what}"))
}

const DATE: &str = "a date YYYY-MM-DD";
const NAIVE: &str = "a date and time YYYY-MM-DDTHH:MM:SS";
const UTC: &str = "an instant YYYY-MM-DDTHH:MM:SSZ";

/// `#[serde(deserialize_with = "portal_domain::wire::time::date")]`
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    read(d, parse_date, DATE)
}

/// For an `Option<NaiveDate>` (with `#[serde(default)]`).
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    read_opt(d, parse_date, DATE)
}

/// `#[serde(deserialize_with = "portal_domain::wire::time::naive")]`
pub fn naive<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    read(d, parse_naive, NAIVE)
}

/// For an `Option<NaiveDateTime>` (with `#[serde(default)]`).
pub fn opt_naive<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
    read_opt(d, parse_naive, NAIVE)
}

/// `#[serde(deserialize_with = "portal_domain::wire::time::utc")]`
pub fn utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    read(d, parse_utc, UTC)
}

/// For an `Option<DateTime<Utc>>` (with `#[serde(default)]`).
pub fn opt_utc<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    read_opt(d, parse_utc, UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    fn instant(seconds: i64, nanos: u32) -> DateTime<Utc> {
        Utc.timestamp_opt(seconds, nanos)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn reads_what_the_contract_sends() {
        assert_eq!(
            parse_date("2026-11-25"),
            NaiveDate::from_ymd_opt(2026, 11, 25)
        );
        let at = parse_naive("2026-11-25T09:05:07").map(|t| t.to_string());
        assert_eq!(at.as_deref(), Some("2026-11-25 09:05:07"));
        let z = parse_utc("2026-11-25T00:00:00Z");
        let jst = parse_utc("2026-11-25T09:00:00+09:00");
        assert!(z.is_some());
        assert_eq!(z, jst);
        let fraction = parse_utc("2026-11-25T00:00:00.5Z").map(|t| t.timestamp_subsec_millis());
        assert_eq!(fraction, Some(500));
    }

    #[test]
    fn refuses_other_shapes() {
        for text in [
            "",
            "2026-1-25",
            "2026/11/25",
            "2026-02-30",
            "２０２６-11-25",
            "2026-11-25 ",
            "+2026-11-25",
            "2026-11-25T09:00",
            "2026-11-25 09:00:00",
            "2026-11-25T24:00:00",
            "2026-11-25T09:00:00.",
            "2026-11-25T09:00:00.1234567890",
            "2026-11-25T09:00:00+0900",
            "2026-11-25T09:00:00+09:60",
            "2026-11-25T09:00:00Y",
            "2026-11-25T09:00:00é",
        ] {
            assert_eq!(parse_utc(text), None, "{text:?}");
            assert!(
                parse_date(text).is_none() || text == "2026-11-25",
                "{text:?}"
            );
        }
        assert_eq!(parse_naive("2026-11-25T09:00:00Z"), None);
        assert_eq!(parse_date("2026-11-25T00:00:00"), None);
    }

    proptest! {
        /// Whatever chrono writes for an instant, a local time or a date
        /// (whole seconds or not) reads back as the same value.
        #[test]
        fn reads_back_what_chrono_writes(
            seconds in 0i64..4_102_444_800,
            nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
            offset_minutes in -(14 * 60)..=(14 * 60i32),
        ) {
            let t = instant(seconds, nanos);
            let json = serde_json::to_string(&t).unwrap_or_default();
            prop_assert_eq!(utc(&mut serde_json::Deserializer::from_str(&json)).ok(), Some(t));
            let local = t.naive_utc();
            let json = serde_json::to_string(&local).unwrap_or_default();
            prop_assert_eq!(naive(&mut serde_json::Deserializer::from_str(&json)).ok(), Some(local));
            let day = local.date();
            let json = serde_json::to_string(&day).unwrap_or_default();
            prop_assert_eq!(date(&mut serde_json::Deserializer::from_str(&json)).ok(), Some(day));
            if let Some(offset) = FixedOffset::east_opt(offset_minutes * 60) {
                let text = t.with_timezone(&offset).to_rfc3339();
                prop_assert_eq!(parse_utc(&text), Some(t));
            }
        }

        /// Nothing is read that chrono would read differently: any text
        /// these readers accept, chrono reads as the same value.
        #[test]
        fn never_disagrees_with_chrono(text in "[0-9]{4}-(0[1-9]|1[0-2]|[0-9]{2})-([0-2][0-9]|3[01]|[0-9]{2})(T([01][0-9]|2[0-3]|[0-9]{2}):[0-5][0-9]:([0-5][0-9]|[0-9]{2})(\\.[0-9]{1,10})?([Zz]|[+-](0[0-9]|1[0-4]|[0-9]{2}):[0-9]{2})?)?") {
            if let Some(d) = parse_date(&text) {
                prop_assert_eq!(text.parse::<NaiveDate>().ok(), Some(d));
            }
            if let Some(t) = parse_naive(&text) {
                prop_assert_eq!(text.parse::<NaiveDateTime>().ok(), Some(t));
            }
            if let Some(t) = parse_utc(&text) {
                prop_assert_eq!(text.parse::<DateTime<Utc>>().ok(), Some(t));
            }
        }

        /// A valid date in the contract's shape is always read.
        #[test]
        fn reads_every_date(days in 0i64..200_000) {
            let d = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default() + Duration::days(days);
            let text = d.format("%Y-%m-%d").to_string();
            prop_assert_eq!(parse_date(&text), Some(d));
        }
    }
}
