//! Whole-yen amounts and how they are written for members in each locale.

use serde::{Deserialize, Serialize};

/// An amount of money in whole yen.
///
/// The lender never deals in fractions of a yen, so an integer is exact and avoids every
/// rounding surprise a float would bring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Yen(pub i64);

impl Yen {
    /// Formats the amount the Japanese way, `150,000円`, as the spec requires on every page.
    pub fn format_ja(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}{}円", group_thousands(self.0.unsigned_abs()))
    }

    /// Formats the amount for the English locale, `¥150,000`, with the sign before the symbol.
    pub fn format_en(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}¥{}", group_thousands(self.0.unsigned_abs()))
    }
}

/// The minimum monthly repayment (約定返済額) for the balance right after the
/// latest borrowing (SPEC S2): 3.61% up to 300,000 yen, 2.53% up to
/// 1,000,000 yen, 1.99% above, rounded up to the next 1,000 yen. A zero or
/// negative balance owes nothing.
///
/// The rates are whole basis points, so integer arithmetic is exact here.
pub fn minimum_repayment(balance_after_borrowing: Yen) -> Yen {
    let balance = i128::from(balance_after_borrowing.0);
    if balance <= 0 {
        return Yen(0);
    }
    let basis_points: i128 = match balance {
        ..=300_000 => 361,
        300_001..=1_000_000 => 253,
        _ => 199,
    };
    // ceil(balance × bp / 10,000 / 1,000) × 1,000, in integers.
    let thousands = (balance * basis_points + 9_999_999) / 10_000_000;
    Yen(i64::try_from(thousands * 1_000).unwrap_or(i64::MAX))
}

/// Writes a magnitude with a comma between each group of three digits.
///
/// The magnitude is unsigned so that `i64::MIN` can be formatted without overflowing.
fn group_thousands(magnitude: u64) -> String {
    let digits = magnitude.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        // A comma goes before every digit whose distance from the end is a multiple of three.
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_repayment_matches_every_published_example() {
        let published = [
            (10_000, 1_000),
            (50_000, 2_000),
            (100_000, 4_000),
            (150_000, 6_000),
            (200_000, 8_000),
            (300_000, 11_000),
            (400_000, 11_000),
            (500_000, 13_000),
            (1_000_000, 26_000),
            (2_000_000, 40_000),
            (3_000_000, 60_000),
            (0, 0),
        ];
        for (balance, minimum) in published {
            assert_eq!(
                minimum_repayment(Yen(balance)),
                Yen(minimum),
                "balance {balance}"
            );
        }
    }
    use proptest::prelude::*;

    fn check(amount: i64, ja: &str, en: &str) {
        assert_eq!(Yen(amount).format_ja(), ja, "format_ja({amount})");
        assert_eq!(Yen(amount).format_en(), en, "format_en({amount})");
    }

    #[test]
    fn formats_amounts_in_both_locales() {
        let cases: &[(i64, &str, &str)] = &[
            (0, "0円", "¥0"),
            (7, "7円", "¥7"),
            (999, "999円", "¥999"),
            (1_000, "1,000円", "¥1,000"),
            (150_000, "150,000円", "¥150,000"),
            (1_000_000, "1,000,000円", "¥1,000,000"),
            (5_000_000, "5,000,000円", "¥5,000,000"),
            (-1_000, "-1,000円", "-¥1,000"),
            (-12, "-12円", "-¥12"),
            (
                i64::MAX,
                "9,223,372,036,854,775,807円",
                "¥9,223,372,036,854,775,807",
            ),
            (
                i64::MIN,
                "-9,223,372,036,854,775,808円",
                "-¥9,223,372,036,854,775,808",
            ),
        ];
        for &(amount, ja, en) in cases {
            check(amount, ja, en);
        }
    }

    proptest! {
        /// The minimum is a multiple of 1,000, at least the published rate
        /// of the balance, and less than that plus 1,000.
        #[test]
        fn minimum_repayment_is_rounded_up_rate(balance in 1i64..=5_000_000) {
            let minimum = minimum_repayment(Yen(balance)).0;
            let bp: i64 = if balance <= 300_000 { 361 } else if balance <= 1_000_000 { 253 } else { 199 };
            prop_assert_eq!(minimum % 1_000, 0);
            prop_assert!(minimum * 10_000 >= balance * bp);
            prop_assert!((minimum - 1_000) * 10_000 < balance * bp);
        }

        #[test]
        fn japanese_format_round_trips(amount in any::<i64>()) {
            let text = Yen(amount).format_ja();
            let plain: String = text.chars().filter(|c| *c != ',' && *c != '円').collect();
            prop_assert_eq!(plain.parse::<i64>().ok(), Some(amount));
        }

        #[test]
        fn english_format_round_trips(amount in any::<i64>()) {
            let text = Yen(amount).format_en();
            let plain: String = text.chars().filter(|c| *c != ',' && *c != '¥').collect();
            prop_assert_eq!(plain.parse::<i64>().ok(), Some(amount));
        }

        #[test]
        fn groups_never_exceed_three_digits(amount in any::<i64>()) {
            let text = Yen(amount).format_ja();
            let body = text.trim_start_matches('-').trim_end_matches('円');
            let groups: Vec<&str> = body.split(',').collect();
            prop_assert!(groups.first().is_some_and(|g| (1..=3).contains(&g.len())));
            prop_assert!(groups.iter().skip(1).all(|g| g.len() == 3));
        }
    }
}
