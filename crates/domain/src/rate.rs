//! Annual percentage rates (実質年率): validation, parsing, and the legal caps of SPEC S1.
//!
//! A rate is kept as an exact `Decimal` number of percent, never a float, and is limited to three
//! decimal places so that interest can be computed with exact integer arithmetic downstream.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Yen;
use crate::numtext::half_width_trimmed;

/// The most decimal places a rate may have; lenders quote at most two, and three leaves room
/// for a rate such as 14.995% without ever needing a rounding rule.
const MAX_DECIMALS: u32 = 3;

/// An annual percentage rate in percent: `17.8` means 17.8% a year.
///
/// The field is private so that every `Apr` is known to lie in (0, 20] with at most three
/// decimal places; deserialising goes through the same validation as `from_percent`. The value
/// is stored normalised (no trailing zeros) so that equal rates also print and serialise alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Apr(Decimal);

/// Why a rate was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RateError {
    /// Nothing was typed.
    Required,
    /// The input is not a plain decimal number such as `17.8`, optionally followed by `%`.
    NotANumber,
    /// The rate has more than three decimal places.
    TooManyDecimals,
    /// The rate is zero, negative or above 20%, the highest rate Japanese law allows at all.
    OutOfRange,
    /// The rate lies outside the product's contract range of 4.5% to 17.8% (SPEC S1).
    OutOfProductRange,
    /// The rate is above the Interest Rate Restriction Act's cap for the credit line.
    AboveLegalCap { cap: Apr },
}

impl fmt::Display for RateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RateError::Required => f.write_str("a rate is required"),
            RateError::NotANumber => f.write_str("the rate is not a number"),
            RateError::TooManyDecimals => f.write_str("the rate has more than three decimals"),
            RateError::OutOfRange => f.write_str("the rate must be above 0% and at most 20%"),
            RateError::OutOfProductRange => f.write_str("the rate must be between 4.5% and 17.8%"),
            RateError::AboveLegalCap { cap } => {
                write!(f, "the rate is above the legal cap of {cap}%")
            }
        }
    }
}

impl std::error::Error for RateError {}

/// Builds a whole-percent rate at compile time; only called with values inside (0, 20].
const fn whole_percent(percent: u32) -> Apr {
    Apr(Decimal::from_parts(percent, 0, 0, false, 0))
}

/// The lowest contract rate of the product, 4.5% (SPEC S1).
const PRODUCT_MIN: Apr = Apr(Decimal::from_parts(45, 0, 0, false, 1));
/// The highest contract rate of the product, 17.8% (SPEC S1).
const PRODUCT_MAX: Apr = Apr(Decimal::from_parts(178, 0, 0, false, 1));

impl Apr {
    /// Validates a rate given in percent: it must be above 0, at most 20 (the highest rate the
    /// Interest Rate Restriction Act allows for any line), and have at most three decimals.
    pub fn from_percent(percent: Decimal) -> Result<Apr, RateError> {
        if percent <= Decimal::ZERO || percent > whole_percent(20).0 {
            return Err(RateError::OutOfRange);
        }
        let normalized = percent.normalize();
        if normalized.scale() > MAX_DECIMALS {
            return Err(RateError::TooManyDecimals);
        }
        Ok(Apr(normalized))
    }

    /// The late-payment rate (遅延損害金) of 20.0% a year (SPEC S1).
    pub const fn late_charge() -> Apr {
        whole_percent(20)
    }

    /// The rate in percent, `17.8` for 17.8%.
    pub fn percent(self) -> Decimal {
        self.0
    }

    /// The rate as a fraction, `0.178` for 17.8%.
    ///
    /// It is built from the exact thousandths of a percent rather than by dividing, so it is
    /// exact and cannot fail.
    pub fn fraction(self) -> Decimal {
        Decimal::try_from_i128_with_scale(self.milli_percent(), MAX_DECIMALS + 2)
            .map(|d| d.normalize())
            .unwrap_or(Decimal::ZERO)
    }

    /// The rate in thousandths of a percent (17.8% is 17,800), an exact integer because a rate
    /// has at most three decimals; interest arithmetic uses it to stay in whole numbers.
    pub(crate) fn milli_percent(self) -> i128 {
        let mut scaled = self.0;
        scaled.rescale(MAX_DECIMALS);
        scaled.mantissa()
    }
}

impl fmt::Display for Apr {
    /// Writes the rate in percent without trailing zeros and without the `%` sign (`17.8`), so
    /// each locale can place the sign its own way.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl TryFrom<Decimal> for Apr {
    type Error = RateError;

    fn try_from(percent: Decimal) -> Result<Apr, RateError> {
        Apr::from_percent(percent)
    }
}

impl From<Apr> for Decimal {
    fn from(apr: Apr) -> Decimal {
        apr.0
    }
}

/// Parses a rate as typed: `17.8`, `17.80`, `17.8%`, full-width `１７．８％`, with surrounding
/// spaces allowed.
///
/// Only plain digits with an optional decimal point are accepted: signs, exponents, commas and
/// a bare leading or trailing point are refused, because a rate field that silently reads
/// `1e1` or `.5` would let a typo through unnoticed.
pub fn parse_percent(raw: &str) -> Result<Apr, RateError> {
    let text = half_width_trimmed(raw);
    if text.is_empty() {
        return Err(RateError::Required);
    }
    let number = text
        .strip_suffix('%')
        .unwrap_or(&text)
        .trim_end_matches(crate::numtext::is_surrounding_space);
    let (whole, decimals) = number.split_once('.').unwrap_or((number, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !all_digits(decimals) {
        return Err(RateError::NotANumber);
    }
    // Trailing zeros and leading zeros carry no value, so they do not count against the limits
    // and a long but harmless input such as `017.8000` is still accepted.
    let decimals = decimals.trim_end_matches('0');
    let whole = whole.trim_start_matches('0');
    if decimals.len() > MAX_DECIMALS as usize {
        return Err(RateError::TooManyDecimals);
    }
    if whole.len() > 2 {
        // Three or more significant whole digits is at least 100%, far above any legal rate;
        // deciding here also keeps the conversion below from overflowing.
        return Err(RateError::OutOfRange);
    }
    let mantissa: i128 = format!("{whole}{decimals}").parse().unwrap_or(0);
    let scale = u32::try_from(decimals.len()).unwrap_or(0);
    let percent =
        Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| RateError::NotANumber)?;
    Apr::from_percent(percent)
}

/// Parses a contract rate, which must also lie in the product's range of 4.5% to 17.8%.
pub fn parse_product_apr(raw: &str) -> Result<Apr, RateError> {
    let apr = parse_percent(raw)?;
    if (PRODUCT_MIN..=PRODUCT_MAX).contains(&apr) {
        Ok(apr)
    } else {
        Err(RateError::OutOfProductRange)
    }
}

/// The highest rate the Interest Rate Restriction Act (利息制限法) allows for a credit line:
/// 20% below 100,000 yen, 18% from 100,000 to 999,999 yen, 15% from 1,000,000 yen.
pub fn rate_cap_for_line(line: Yen) -> Apr {
    match line.0 {
        ..=99_999 => whole_percent(20),
        100_000..=999_999 => whole_percent(18),
        _ => whole_percent(15),
    }
}

/// Checks a contract rate against the legal cap for the credit line.
pub fn check_rate_cap(line: Yen, apr: Apr) -> Result<(), RateError> {
    let cap = rate_cap_for_line(line);
    if apr > cap {
        Err(RateError::AboveLegalCap { cap })
    } else {
        Ok(())
    }
}

/// The contract rate a lender may hold on a credit line: the rate itself, or the line's legal cap
/// when the rate is above it.
///
/// Interest above the cap is void under the Interest Rate Restriction Act, so a lender that sets or
/// changes a line (at contract, at a limit review) lowers the rate to the cap rather than keeping
/// a rate it could not collect; the fake lender never holds a member above the cap (SPEC S1).
/// Raising a line to 1,000,000 yen therefore takes a 17.8% rate down to 15%, while lowering a line
/// never raises a rate.
pub fn capped_apr_for_line(line: Yen, apr: Apr) -> Apr {
    apr.min(rate_cap_for_line(line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;
    use RateError::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn apr(text: &str) -> Apr {
        Apr::from_percent(d(text)).unwrap()
    }

    /// Which parser a table row exercises.
    #[derive(Clone, Copy, Debug)]
    enum P {
        Percent,
        Product,
    }

    /// Runs one parser on each row and compares the accepted rate through its display form.
    fn check(cases: &[(P, &str, Result<&str, RateError>)]) {
        for &(p, raw, expected) in cases {
            let got = match p {
                P::Percent => parse_percent(raw),
                P::Product => parse_product_apr(raw),
            };
            let got = got.map(|a| a.to_string());
            assert_eq!(got, expected.map(str::to_owned), "{p:?} {raw:?}");
        }
    }

    #[test]
    fn parses_percentages() {
        check(&[
            (P::Percent, "17.8", Ok("17.8")),
            (P::Percent, "17.80", Ok("17.8")),
            (P::Percent, "17.8%", Ok("17.8")),
            (P::Percent, "17.8 %", Ok("17.8")),
            (P::Percent, " 17.8 ", Ok("17.8")),
            (P::Percent, "\u{3000}17.8\u{3000}", Ok("17.8")),
            (P::Percent, "１７．８", Ok("17.8")),
            (P::Percent, "１７．８％", Ok("17.8")),
            (P::Percent, "１７．８０％", Ok("17.8")),
            (P::Percent, "15", Ok("15")),
            (P::Percent, "15.0", Ok("15")),
            (P::Percent, "20", Ok("20")),
            (P::Percent, "20.000", Ok("20")),
            (P::Percent, "0.001", Ok("0.001")),
            (P::Percent, "4.5", Ok("4.5")),
            (P::Percent, "14.995", Ok("14.995")),
            (P::Percent, "017.8000", Ok("17.8")),
            (P::Percent, "", Err(Required)),
            (P::Percent, "  \u{3000}", Err(Required)),
            (P::Percent, "%", Err(NotANumber)),
            (P::Percent, "abc", Err(NotANumber)),
            (P::Percent, "17,8", Err(NotANumber)),
            (P::Percent, "17.8.1", Err(NotANumber)),
            (P::Percent, ".5", Err(NotANumber)),
            (P::Percent, "17.", Err(NotANumber)),
            (P::Percent, "+17.8", Err(NotANumber)),
            (P::Percent, "-5", Err(NotANumber)),
            (P::Percent, "1e1", Err(NotANumber)),
            (P::Percent, "17.8%%", Err(NotANumber)),
            (P::Percent, "1 7.8", Err(NotANumber)),
            (P::Percent, "17.8円", Err(NotANumber)),
            (P::Percent, "14.9951", Err(TooManyDecimals)),
            (P::Percent, "0", Err(OutOfRange)),
            (P::Percent, "0.000", Err(OutOfRange)),
            (P::Percent, "20.001", Err(OutOfRange)),
            (P::Percent, "100", Err(OutOfRange)),
            (
                P::Percent,
                "99999999999999999999999999999999",
                Err(OutOfRange),
            ),
            (P::Product, "4.5", Ok("4.5")),
            (P::Product, "１７．８％", Ok("17.8")),
            (P::Product, "15", Ok("15")),
            (P::Product, "4.499", Err(OutOfProductRange)),
            (P::Product, "17.801", Err(OutOfProductRange)),
            (P::Product, "18", Err(OutOfProductRange)),
            (P::Product, "20", Err(OutOfProductRange)),
            (P::Product, "25", Err(OutOfRange)),
            (P::Product, "", Err(Required)),
        ]);
    }

    #[test]
    fn from_percent_validates_and_normalises() {
        assert_eq!(Apr::from_percent(d("17.80")), Ok(apr("17.8")));
        assert_eq!(Apr::from_percent(d("17.80")).unwrap().percent().scale(), 1);
        assert_eq!(Apr::from_percent(d("0")), Err(OutOfRange));
        assert_eq!(Apr::from_percent(d("-1")), Err(OutOfRange));
        assert_eq!(Apr::from_percent(d("20.0001")), Err(OutOfRange));
        assert_eq!(Apr::from_percent(d("1.2345")), Err(TooManyDecimals));
        assert_eq!(Apr::late_charge(), apr("20.0"));
        assert_eq!(apr("17.8").fraction(), d("0.178"));
        assert_eq!(apr("4.5").fraction(), d("0.045"));
        assert_eq!(apr("14.995").fraction(), d("0.14995"));
        assert_eq!(apr("20").fraction(), d("0.2"));
        assert_eq!(apr("17.8").milli_percent(), 17_800);
        assert_eq!(apr("17.8").to_string(), "17.8");
        assert_eq!(apr("15.00").to_string(), "15");
    }

    #[test]
    fn deserialising_validates_like_from_percent() {
        use serde::de::value::{Error, StrDeserializer};
        let read = |text: &str| Apr::deserialize(StrDeserializer::<Error>::new(text)).ok();
        assert_eq!(read("17.80"), Some(apr("17.8")));
        assert_eq!(read("4.5"), Some(apr("4.5")));
        assert_eq!(read("25"), None);
        assert_eq!(read("0"), None);
        assert_eq!(read("1.2345"), None);
        assert_eq!(Decimal::from(apr("17.80")), d("17.8"));
    }

    #[test]
    fn legal_caps_follow_the_credit_line() {
        let cases: &[(i64, &str)] = &[
            (0, "20"),
            (10_000, "20"),
            (99_999, "20"),
            (100_000, "18"),
            (500_000, "18"),
            (999_999, "18"),
            (1_000_000, "15"),
            (5_000_000, "15"),
        ];
        for &(line, cap) in cases {
            assert_eq!(rate_cap_for_line(Yen(line)), apr(cap), "line {line}");
        }
        assert_eq!(check_rate_cap(Yen(99_999), apr("20")), Ok(()));
        assert_eq!(check_rate_cap(Yen(500_000), apr("17.8")), Ok(()));
        assert_eq!(check_rate_cap(Yen(500_000), apr("18")), Ok(()));
        assert_eq!(
            check_rate_cap(Yen(500_000), apr("18.001")),
            Err(AboveLegalCap { cap: apr("18") })
        );
        assert_eq!(check_rate_cap(Yen(1_000_000), apr("15")), Ok(()));
        assert_eq!(
            check_rate_cap(Yen(1_000_000), apr("17.8")),
            Err(AboveLegalCap { cap: apr("15") })
        );
    }

    #[test]
    fn a_rate_is_lowered_to_the_cap_of_its_line() {
        // (line, contract rate, the rate the lender may hold)
        let cases: &[(i64, &str, &str)] = &[
            (99_999, "20", "20"),
            (99_999, "17.8", "17.8"),
            (100_000, "20", "18"),
            (100_000, "17.8", "17.8"),
            (500_000, "18.001", "18"),
            (999_999, "17.8", "17.8"),
            (1_000_000, "17.8", "15"),
            (1_000_000, "15", "15"),
            (1_000_000, "4.5", "4.5"),
            (5_000_000, "15.001", "15"),
        ];
        for &(line, contract, held) in cases {
            assert_eq!(
                capped_apr_for_line(Yen(line), apr(contract)),
                apr(held),
                "line {line} at {contract}%"
            );
        }
    }

    /// Characters members really type into a rate field.
    fn rate_text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => proptest::char::range('0', '9'),
            2 => proptest::char::range('\u{FF10}', '\u{FF19}'),
            1 => prop::sample::select(vec!['.', '．', '%', '％', ' ', '\u{3000}', ',', '-', 'e']),
            1 => any::<char>(),
        ];
        prop_oneof![
            any::<String>(),
            prop::collection::vec(c, 0..12).prop_map(String::from_iter)
        ]
    }

    proptest! {
        #[test]
        fn parser_never_panics_and_accepts_its_own_output(raw in rate_text()) {
            if let Ok(rate) = parse_percent(&raw) {
                prop_assert_eq!(parse_percent(&rate.to_string()), Ok(rate));
                prop_assert_eq!(parse_percent(&format!("{rate}%")), Ok(rate));
            }
            let _ = parse_product_apr(&raw);
        }

        #[test]
        fn a_capped_rate_passes_the_cap_and_never_rises(
            milli in 1i64..=20_000,
            line in -1_000i64..=6_000_000,
        ) {
            let rate = Apr::from_percent(Decimal::new(milli, 3)).unwrap();
            let held = capped_apr_for_line(Yen(line), rate);
            prop_assert_eq!(check_rate_cap(Yen(line), held), Ok(()));
            prop_assert!(held <= rate);
            // A rate the line allows is kept as it is.
            if check_rate_cap(Yen(line), rate).is_ok() {
                prop_assert_eq!(held, rate);
            }
        }

        #[test]
        fn every_valid_rate_round_trips(milli in 1i64..=20_000) {
            let rate = Apr::from_percent(Decimal::new(milli, 3)).unwrap();
            prop_assert_eq!(rate.milli_percent(), i128::from(milli));
            prop_assert_eq!(parse_percent(&rate.to_string()), Ok(rate));
            prop_assert_eq!(rate.fraction() * Decimal::ONE_HUNDRED, rate.percent());
        }
    }
}
