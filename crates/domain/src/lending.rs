//! Lending limits: the total-volume regulation (総量規制, SPEC S2) and when a credit-line
//! increase needs an income proof (収入証明書, SPEC S10).
//!
//! Negative amounts are treated as zero throughout, because an income or a debt below zero can
//! only come from a bug or a malformed request and must never loosen a limit.

use serde::{Deserialize, Serialize};

use crate::money::Yen;

/// Why a requested credit line was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LendingError {
    /// The requested line plus other lenders' borrowing exceeds one third of annual income.
    TotalVolumeExceeded { limit: Yen, requested_total: Yen },
}

/// A desired line above this always needs an income proof (SPEC S10).
const PROOF_LINE_THRESHOLD: i64 = 500_000;
/// A desired line plus other lenders' borrowing above this needs an income proof (SPEC S10).
const PROOF_TOTAL_THRESHOLD: i64 = 1_000_000;

/// The most a member may borrow across all lenders: one third of annual income, rounded down
/// to whole yen so the limit is never exceeded by a fraction.
pub fn total_volume_limit(annual_income: Yen) -> Yen {
    Yen(annual_income.0.max(0) / 3)
}

/// Checks a desired credit line against the total-volume regulation: the line plus what the
/// member already owes other lenders may not exceed one third of annual income.
///
/// The whole desired line counts, not only the part drawn, because the member can draw all of
/// it at any time without a further review.
pub fn check_total_volume(
    annual_income: Yen,
    other_lenders: Yen,
    desired_line: Yen,
) -> Result<(), LendingError> {
    let limit = total_volume_limit(annual_income);
    let requested_total = Yen(other_lenders.0.max(0).saturating_add(desired_line.0.max(0)));
    if requested_total > limit {
        Err(LendingError::TotalVolumeExceeded {
            limit,
            requested_total,
        })
    } else {
        Ok(())
    }
}

/// Whether a credit-line increase needs an income proof (SPEC S10): the desired line exceeds
/// 500,000 yen, or the desired line plus other lenders' borrowing exceeds 1,000,000 yen.
/// These thresholds come from the Money Lending Business Act, which is why they are exclusive.
pub fn income_proof_required(desired_line: Yen, other_lenders: Yen) -> bool {
    let desired = desired_line.0.max(0);
    let total = desired.saturating_add(other_lenders.0.max(0));
    desired > PROOF_LINE_THRESHOLD || total > PROOF_TOTAL_THRESHOLD
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One row: income, other lenders, desired line; the expected check (an error as its limit
    /// and requested total) and whether an income proof is required.
    type Row = (i64, i64, i64, Result<(), (i64, i64)>, bool);

    fn check(cases: &[Row]) {
        for &(income, other, desired, expected, proof) in cases {
            let expected = expected.map_err(|(limit, total)| LendingError::TotalVolumeExceeded {
                limit: Yen(limit),
                requested_total: Yen(total),
            });
            assert_eq!(
                check_total_volume(Yen(income), Yen(other), Yen(desired)),
                expected,
                "income {income}, other {other}, desired {desired}"
            );
            assert_eq!(
                income_proof_required(Yen(desired), Yen(other)),
                proof,
                "proof for other {other}, desired {desired}"
            );
        }
    }

    #[test]
    fn total_volume_and_income_proof() {
        check(&[
            (3_000_000, 0, 1_000_000, Ok(()), true),
            (3_000_000, 0, 1_000_001, Err((1_000_000, 1_000_001)), true),
            (3_000_000, 500_000, 500_000, Ok(()), false),
            (
                3_000_000,
                500_001,
                500_000,
                Err((1_000_000, 1_000_001)),
                true,
            ),
            (3_000_000, 0, 500_000, Ok(()), false),
            (3_000_000, 0, 510_000, Ok(()), true),
            (3_000_000, 400_000, 500_000, Ok(()), false),
            (2_000_000, 0, 600_000, Ok(()), true),
            (2_000_000, 0, 700_000, Err((666_666, 700_000)), true),
            (1_000_000, 0, 333_333, Ok(()), false),
            (1_000_000, 0, 340_000, Err((333_333, 340_000)), false),
            (0, 0, 10_000, Err((0, 10_000)), false),
            (-5, -5, 0, Ok(()), false),
            (6_000_000, 1_500_000, 500_000, Ok(()), true),
        ]);
    }

    #[test]
    fn limit_is_one_third_rounded_down() {
        let cases = [(0, 0), (2, 0), (3, 1), (4_000_000, 1_333_333), (-9, 0)];
        for (income, limit) in cases {
            assert_eq!(total_volume_limit(Yen(income)), Yen(limit), "{income}");
        }
    }

    proptest! {
        #[test]
        fn limit_never_exceeds_a_third(income in any::<i64>()) {
            let limit = i128::from(total_volume_limit(Yen(income)).0);
            prop_assert!(limit * 3 <= i128::from(income.max(0)));
            prop_assert!((limit + 1) * 3 > i128::from(income.max(0)));
        }

        #[test]
        fn check_agrees_with_the_limit(income in any::<i64>(), other in any::<i64>(), desired in any::<i64>()) {
            let total = i128::from(other.max(0)) + i128::from(desired.max(0));
            let within = total <= i128::from(total_volume_limit(Yen(income)).0);
            prop_assert_eq!(check_total_volume(Yen(income), Yen(other), Yen(desired)).is_ok(), within);
        }
    }
}
