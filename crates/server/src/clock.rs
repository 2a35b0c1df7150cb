//! Where "now" comes from for one request: the server's clock, or, only when
//! test controls are on, the `X-Test-Now` header.
//!
//! The browser test suite fakes the page's clock; letting it send the same
//! instant to the server keeps both sides in agreement about maintenance
//! windows, idle timeouts and due dates.

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};
use portal_api::BackendError;
use std::sync::Arc;

/// The request header that overrides the clock when test controls are on.
pub const TEST_NOW_HEADER: &str = "x-test-now";

/// The latest instant `X-Test-Now` may name: 9999-12-30T00:00:00Z.
///
/// The lender does calendar arithmetic a few days either side of "now" and
/// writes dates as four-digit years, so the range stops short of year 10000
/// rather than letting an extreme header overflow chrono or produce a date
/// the API document cannot describe.
pub const MAX_TEST_NOW_MS: i64 = 253_402_128_000_000;

/// The server's own clock. It is injectable so tests can pin "real" time to
/// a moment outside every maintenance window and stay deterministic.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The instant a request happens at.
///
/// Without test controls the header is ignored entirely, so a production
/// client can never move the lender's clock. With them, a present header must
/// be whole epoch milliseconds from 0 to [`MAX_TEST_NOW_MS`]; anything else is
/// refused as invalid input instead of silently falling back to real time,
/// because a test that believes it set the clock should fail loudly.
pub fn request_now(
    headers: &HeaderMap,
    test_controls: bool,
    real_now: DateTime<Utc>,
) -> Result<DateTime<Utc>, BackendError> {
    if !test_controls {
        return Ok(real_now);
    }
    let Some(value) = headers.get(TEST_NOW_HEADER) else {
        return Ok(real_now);
    };
    value
        .to_str()
        .ok()
        .and_then(|text| text.trim().parse::<i64>().ok())
        .filter(|ms| (0..=MAX_TEST_NOW_MS).contains(ms))
        .and_then(DateTime::<Utc>::from_timestamp_millis)
        .ok_or(BackendError::InvalidInput {
            problems: Vec::new(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(value) {
            map.insert(TEST_NOW_HEADER, v);
        }
        map
    }

    fn real() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp_millis(1_800_000_000_000).unwrap_or_default()
    }

    #[test]
    fn header_is_ignored_without_test_controls() {
        assert_eq!(request_now(&headers("0"), false, real()), Ok(real()));
        assert_eq!(request_now(&headers("nonsense"), false, real()), Ok(real()));
    }

    #[test]
    fn header_overrides_the_clock_with_test_controls() {
        let expected = DateTime::<Utc>::from_timestamp_millis(1_767_225_600_000);
        assert_eq!(
            request_now(&headers("1767225600000"), true, real()).ok(),
            expected
        );
        assert_eq!(request_now(&HeaderMap::new(), true, real()), Ok(real()));
    }

    #[test]
    fn out_of_range_or_garbled_header_is_invalid_input() {
        for bad in [
            "-1",
            "253402128000001",
            "9223372036854775807",
            "1.5",
            "",
            "abc",
        ] {
            assert!(
                matches!(
                    request_now(&headers(bad), true, real()),
                    Err(BackendError::InvalidInput { .. })
                ),
                "{bad}"
            );
        }
        assert!(request_now(&headers(&MAX_TEST_NOW_MS.to_string()), true, real()).is_ok());
    }
}
