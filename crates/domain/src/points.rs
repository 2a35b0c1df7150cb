//! The point service (ポイントサービス, SPEC S14): the bonuses, the
//! exchange catalogue and the rules of an exchange.
//!
//! A member who joins gets [`JOIN_BONUS`] points once, then
//! [`MONTHLY_BONUS`] points for the first sign-in of each calendar month in
//! Japan time. One point is worth one yen. Points go toward a repayment (at
//! least [`REPAYMENT_MINIMUM`] points, never more than is owed) or buy goods
//! at fixed prices of at least [`GOODS_MINIMUM`] points. The lender keeps
//! the balance and the history; these are the rules both sides check.

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::money::Yen;
use crate::numtext::{half_width_trimmed, is_surrounding_space};
use crate::schedule::{parse_whole_number, AmountError};

/// Points given once, when a member joins the point service.
pub const JOIN_BONUS: u32 = 100;
/// Points given for the first sign-in of each calendar month (JST) after
/// joining.
pub const MONTHLY_BONUS: u32 = 10;
/// The smallest price of a catalogue's goods.
pub const GOODS_MINIMUM: u32 = 500;
/// The fewest points that go toward a repayment, unless less than this is
/// owed, when exactly what is owed may be paid. Below it the bookkeeping of
/// a repayment costs more than it is worth to the member.
pub const REPAYMENT_MINIMUM: u32 = 100;

/// A calendar month as (year, month 1–12), the unit of the monthly bonus.
pub type BonusMonth = (i32, u32);

/// The calendar month (JST) a wall-clock instant falls in.
pub fn bonus_month(at_jst: NaiveDateTime) -> BonusMonth {
    (at_jst.year(), at_jst.month())
}

/// Whether a sign-in at `sign_in_at_jst` earns the monthly bonus, given the
/// month of the last monthly bonus (`None`: none yet).
///
/// The lender calls it only for members who have joined. Joining counts as
/// that month's bonus: the member's sign-in that month came before they
/// joined, so it was not a member's first sign-in, and the lender records
/// the joining month as `last_bonus_month`. The bonus is due only when the
/// sign-in's month is *later* than the last bonus month, so moving the demo
/// clock backwards never pays a month twice.
pub fn monthly_bonus_due(
    last_bonus_month: Option<BonusMonth>,
    sign_in_at_jst: NaiveDateTime,
) -> bool {
    last_bonus_month.is_none_or(|last| bonus_month(sign_in_at_jst) > last)
}

/// What points are worth in yen toward a repayment: one yen each.
pub fn points_to_yen(points: u32) -> Yen {
    Yen(i64::from(points))
}

/// What points can be exchanged for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExchangeItem {
    /// Points toward a repayment, one yen each, in an amount the member
    /// chooses.
    Repayment,
    /// A digital gift code worth 500 yen (fictional, brand-free).
    DigitalGift500,
    /// The lender's own eco bag.
    EcoBag,
    /// A digital gift code worth 1,000 yen.
    DigitalGift1000,
}

crate::wire_names!(ExchangeItem {
    Repayment = "repayment",
    DigitalGift500 = "digital_gift500",
    EcoBag = "eco_bag",
    DigitalGift1000 = "digital_gift1000",
});

/// The exchange catalogue in the order the points page lists it: the
/// repayment first, then goods by price.
pub const CATALOGUE: [ExchangeItem; 4] = [
    ExchangeItem::Repayment,
    ExchangeItem::DigitalGift500,
    ExchangeItem::EcoBag,
    ExchangeItem::DigitalGift1000,
];

impl ExchangeItem {
    /// The fixed price in points of goods; `None` for the repayment, whose
    /// amount the member chooses.
    pub fn price(self) -> Option<u32> {
        match self {
            ExchangeItem::Repayment => None,
            ExchangeItem::DigitalGift500 => Some(500),
            ExchangeItem::EcoBag => Some(800),
            ExchangeItem::DigitalGift1000 => Some(1_000),
        }
    }

    pub fn name_ja(self) -> &'static str {
        match self {
            ExchangeItem::Repayment => "ご返済に充当（1ポイント＝1円）",
            ExchangeItem::DigitalGift500 => "デジタルギフト500円分",
            ExchangeItem::EcoBag => "オリジナルエコバッグ",
            ExchangeItem::DigitalGift1000 => "デジタルギフト1,000円分",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            ExchangeItem::Repayment => "Points toward a repayment (1 point = 1 yen)",
            ExchangeItem::DigitalGift500 => "Digital gift worth 500 yen",
            ExchangeItem::EcoBag => "Original eco bag",
            ExchangeItem::DigitalGift1000 => "Digital gift worth 1,000 yen",
        }
    }
}

/// Why an exchange was refused. Each variant carries what the message needs.
///
/// On the wire it is `{"rule": "insufficient", "balance": 120}` or
/// `{"rule": "over_owed", "owed": 300}`: the flat [`ExchangeErrorWire`],
/// for the reason [`crate::movement::AmountError`] gives (serde's
/// internally tagged enums cost the browser's wasm several kilobytes each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "ExchangeErrorWire", try_from = "ExchangeErrorWire")]
pub enum ExchangeError {
    /// No number of points was given for a repayment.
    Required,
    /// The typed number of points is not a whole number (or is larger than
    /// any balance could be).
    NotANumber,
    /// Fewer than `minimum` points toward a repayment (and not exactly what
    /// is owed).
    BelowMinimum { minimum: u32 },
    /// More points toward a repayment than the `owed` yen.
    OverOwed { owed: Yen },
    /// Nothing is owed, so points cannot go toward a repayment.
    NothingOwed,
    /// The exchange costs more than the `balance`.
    Insufficient { balance: u32 },
    /// The member has not joined the point service, so has no points to
    /// exchange. The lender's check ([`check_exchange`] is only asked for
    /// members who have joined).
    NotJoined,
}

/// The rule an [`ExchangeError`] names, as its wire tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExchangeRule {
    Required,
    NotANumber,
    BelowMinimum,
    OverOwed,
    NothingOwed,
    Insufficient,
    NotJoined,
}

crate::wire_names!(ExchangeRule {
    Required = "required",
    NotANumber = "not_a_number",
    BelowMinimum = "below_minimum",
    OverOwed = "over_owed",
    NothingOwed = "nothing_owed",
    Insufficient = "insufficient",
    NotJoined = "not_joined",
});

/// [`ExchangeError`]'s wire form: the tag and the one figure some rules
/// carry, each field absent when the rule has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeErrorWire {
    pub rule: ExchangeRule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owed: Option<Yen>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<u32>,
}

impl From<ExchangeError> for ExchangeErrorWire {
    fn from(e: ExchangeError) -> Self {
        let bare = |rule| ExchangeErrorWire {
            rule,
            minimum: None,
            owed: None,
            balance: None,
        };
        match e {
            ExchangeError::Required => bare(ExchangeRule::Required),
            ExchangeError::NotANumber => bare(ExchangeRule::NotANumber),
            ExchangeError::BelowMinimum { minimum } => ExchangeErrorWire {
                minimum: Some(minimum),
                ..bare(ExchangeRule::BelowMinimum)
            },
            ExchangeError::OverOwed { owed } => ExchangeErrorWire {
                owed: Some(owed),
                ..bare(ExchangeRule::OverOwed)
            },
            ExchangeError::NothingOwed => bare(ExchangeRule::NothingOwed),
            ExchangeError::Insufficient { balance } => ExchangeErrorWire {
                balance: Some(balance),
                ..bare(ExchangeRule::Insufficient)
            },
            ExchangeError::NotJoined => bare(ExchangeRule::NotJoined),
        }
    }
}

impl TryFrom<ExchangeErrorWire> for ExchangeError {
    type Error = &'static str;

    fn try_from(w: ExchangeErrorWire) -> Result<Self, Self::Error> {
        use ExchangeRule as R;
        Ok(match (w.rule, w.minimum, w.owed, w.balance) {
            (R::Required, None, None, None) => ExchangeError::Required,
            (R::NotANumber, None, None, None) => ExchangeError::NotANumber,
            (R::BelowMinimum, Some(minimum), None, None) => ExchangeError::BelowMinimum { minimum },
            (R::OverOwed, None, Some(owed), None) => ExchangeError::OverOwed { owed },
            (R::NothingOwed, None, None, None) => ExchangeError::NothingOwed,
            (R::Insufficient, None, None, Some(balance)) => ExchangeError::Insufficient { balance },
            (R::NotJoined, None, None, None) => ExchangeError::NotJoined,
            _ => return Err("an exchange rule with the wrong fields"),
        })
    }
}

/// Parses a number of points as typed: `1000`, `1,000`, `１，０００`,
/// `1000pt`, `1000ポイント`, with surrounding spaces.
pub fn parse_points(raw: &str) -> Result<u32, ExchangeError> {
    let text = half_width_trimmed(raw);
    if text.is_empty() {
        return Err(ExchangeError::Required);
    }
    let text = ["ポイント", "pt", "PT", "Pt", "P", "p"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(&text)
        .trim_matches(is_surrounding_space);
    match parse_whole_number(text, u64::from(u32::MAX)) {
        Ok(value) => u32::try_from(value).map_err(|_| ExchangeError::NotANumber),
        Err(AmountError::Required | AmountError::NotANumber | AmountError::TooLarge) => {
            Err(ExchangeError::NotANumber)
        }
    }
}

/// Checks an exchange and returns the points it spends.
///
/// For goods the price is fixed and `points_for_repayment` is ignored. For
/// the repayment, `points_for_repayment` is what the member chose and
/// `owed` what clears the loan today (the payoff amount): points never pay
/// more than that, so none are lost to an overpayment. At least
/// [`REPAYMENT_MINIMUM`] points go toward a repayment, or exactly what is
/// owed when that is less. The rules are checked in the order a member can
/// act on them: the amount, then the balance.
pub fn check_exchange(
    balance: u32,
    item: ExchangeItem,
    points_for_repayment: Option<u32>,
    owed: Yen,
) -> Result<u32, ExchangeError> {
    let cost = match item.price() {
        Some(price) => price,
        None => {
            let points = points_for_repayment.ok_or(ExchangeError::Required)?;
            if owed.0 <= 0 {
                return Err(ExchangeError::NothingOwed);
            }
            if i64::from(points) > owed.0 {
                return Err(ExchangeError::OverOwed { owed });
            }
            if points < REPAYMENT_MINIMUM && i64::from(points) != owed.0 {
                return Err(ExchangeError::BelowMinimum {
                    minimum: REPAYMENT_MINIMUM,
                });
            }
            points
        }
    };
    if cost > balance {
        return Err(ExchangeError::Insufficient { balance });
    }
    Ok(cost)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::to_jst;
    use crate::test_support::date;
    use chrono::{DateTime, NaiveTime, Utc};
    use proptest::prelude::*;
    use ExchangeError::*;
    use ExchangeItem::*;

    fn at(y: i32, m: u32, d: u32, hour: u32, minute: u32) -> NaiveDateTime {
        date(y, m, d).and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN))
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn the_monthly_bonus_follows_japan_months() {
        let cases = [
            ("never had one", None, at(2026, 11, 30, 23, 59), true),
            (
                "same month",
                Some((2026, 11)),
                at(2026, 11, 30, 23, 59),
                false,
            ),
            (
                "next month at midnight",
                Some((2026, 11)),
                at(2026, 12, 1, 0, 0),
                true,
            ),
            (
                "into a new year",
                Some((2026, 12)),
                at(2027, 1, 1, 0, 0),
                true,
            ),
            (
                "months later",
                Some((2026, 5)),
                at(2026, 11, 15, 12, 0),
                true,
            ),
            (
                "clock moved back",
                Some((2026, 12)),
                at(2026, 11, 30, 12, 0),
                false,
            ),
            (
                "clock moved back a year",
                Some((2027, 1)),
                at(2026, 12, 31, 12, 0),
                false,
            ),
            (
                "15:00 UTC on 11/30 is already December in Japan",
                Some((2026, 11)),
                to_jst(utc("2026-11-30T15:00:00Z")),
                true,
            ),
            (
                "14:59 UTC on 11/30 is still November in Japan",
                Some((2026, 11)),
                to_jst(utc("2026-11-30T14:59:59Z")),
                false,
            ),
        ];
        for (case, last, sign_in, expected) in cases {
            assert_eq!(monthly_bonus_due(last, sign_in), expected, "{case}");
        }
        // Recording the month of a bonus makes the month's later sign-ins earn nothing.
        let first = at(2026, 12, 1, 0, 0);
        assert!(!monthly_bonus_due(
            Some(bonus_month(first)),
            at(2026, 12, 31, 23, 59)
        ));
    }

    #[test]
    fn the_catalogue() {
        assert_eq!((JOIN_BONUS, MONTHLY_BONUS, GOODS_MINIMUM), (100, 10, 500));
        assert_eq!(CATALOGUE.first(), Some(&Repayment));
        let goods: Vec<u32> = CATALOGUE.iter().filter_map(|i| i.price()).collect();
        assert_eq!(goods, [500, 800, 1_000]);
        assert!(goods.iter().all(|p| *p >= GOODS_MINIMUM));
        for item in CATALOGUE {
            assert!(
                !item.name_ja().is_empty() && item.name_en().is_ascii(),
                "{item:?}"
            );
        }
        let names: std::collections::HashSet<_> = CATALOGUE.iter().map(|i| i.name_ja()).collect();
        assert_eq!(names.len(), CATALOGUE.len());
        assert_eq!(points_to_yen(1_234), Yen(1_234));
        assert_eq!(
            serde_json::to_string(&DigitalGift1000).unwrap_or_default(),
            "\"digital_gift1000\""
        );
    }

    #[test]
    fn exchanges() {
        let owed = Yen(150_000);
        // (case, the member's points, item, points asked for, today's payoff, answer)
        type Case = (
            &'static str,
            u32,
            ExchangeItem,
            Option<u32>,
            Yen,
            Result<u32, ExchangeError>,
        );
        let cases: &[Case] = &[
            (
                "goods at their price",
                600,
                DigitalGift500,
                None,
                owed,
                Ok(500),
            ),
            (
                "goods, exactly the balance",
                800,
                EcoBag,
                None,
                owed,
                Ok(800),
            ),
            (
                "goods ignore a repayment amount",
                1_000,
                DigitalGift1000,
                Some(3),
                owed,
                Ok(1_000),
            ),
            (
                "goods need the points",
                499,
                DigitalGift500,
                None,
                owed,
                Err(Insufficient { balance: 499 }),
            ),
            ("goods whatever is owed", 900, EcoBag, None, Yen(0), Ok(800)),
            ("repayment", 1_000, Repayment, Some(250), owed, Ok(250)),
            (
                "repayment of the minimum",
                100,
                Repayment,
                Some(100),
                owed,
                Ok(100),
            ),
            (
                "repayment of everything",
                5_000,
                Repayment,
                Some(5_000),
                owed,
                Ok(5_000),
            ),
            (
                "repayment needs an amount",
                1_000,
                Repayment,
                None,
                owed,
                Err(Required),
            ),
            (
                "repayment below the minimum",
                1_000,
                Repayment,
                Some(99),
                owed,
                Err(BelowMinimum { minimum: 100 }),
            ),
            (
                "zero points",
                1_000,
                Repayment,
                Some(0),
                owed,
                Err(BelowMinimum { minimum: 100 }),
            ),
            (
                "less than the minimum is owed: exactly that",
                1_000,
                Repayment,
                Some(40),
                Yen(40),
                Ok(40),
            ),
            (
                "less than the minimum is owed: not less",
                1_000,
                Repayment,
                Some(30),
                Yen(40),
                Err(BelowMinimum { minimum: 100 }),
            ),
            (
                "more than is owed",
                1_000,
                Repayment,
                Some(500),
                Yen(300),
                Err(OverOwed { owed: Yen(300) }),
            ),
            (
                "exactly what is owed",
                1_000,
                Repayment,
                Some(300),
                Yen(300),
                Ok(300),
            ),
            (
                "nothing owed",
                1_000,
                Repayment,
                Some(100),
                Yen(0),
                Err(NothingOwed),
            ),
            (
                "more than the balance",
                150,
                Repayment,
                Some(200),
                owed,
                Err(Insufficient { balance: 150 }),
            ),
        ];
        for &(case, balance, item, points, owed, expected) in cases {
            assert_eq!(
                check_exchange(balance, item, points, owed),
                expected,
                "{case}"
            );
        }
    }

    #[test]
    fn typed_points() {
        let cases: &[(&str, Result<u32, ExchangeError>)] = &[
            ("1000", Ok(1_000)),
            ("1,000", Ok(1_000)),
            ("１，０００", Ok(1_000)),
            (" 250pt ", Ok(250)),
            ("２５０ｐｔ", Ok(250)),
            ("250 ポイント", Ok(250)),
            ("250P", Ok(250)),
            ("0", Ok(0)),
            ("4294967295", Ok(u32::MAX)),
            ("", Err(Required)),
            ("　", Err(Required)),
            ("pt", Err(NotANumber)),
            ("4294967296", Err(NotANumber)),
            ("1,00", Err(NotANumber)),
            ("-100", Err(NotANumber)),
            ("12.5", Err(NotANumber)),
            ("百", Err(NotANumber)),
        ];
        for &(raw, expected) in cases {
            assert_eq!(parse_points(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn refusals_travel_flat_and_come_back_whole() {
        let cases: [(ExchangeError, &str); 7] = [
            (Required, r#"{"rule":"required"}"#),
            (NotANumber, r#"{"rule":"not_a_number"}"#),
            (
                BelowMinimum { minimum: 100 },
                r#"{"rule":"below_minimum","minimum":100}"#,
            ),
            (
                OverOwed { owed: Yen(300) },
                r#"{"rule":"over_owed","owed":300}"#,
            ),
            (NothingOwed, r#"{"rule":"nothing_owed"}"#),
            (
                Insufficient { balance: 120 },
                r#"{"rule":"insufficient","balance":120}"#,
            ),
            (NotJoined, r#"{"rule":"not_joined"}"#),
        ];
        for (value, json) in cases {
            assert_eq!(
                serde_json::to_string(&value).ok().as_deref(),
                Some(json),
                "{value:?}"
            );
            assert_eq!(
                serde_json::from_str::<ExchangeError>(json).ok(),
                Some(value),
                "{json}"
            );
        }
        // A rule without its figure, with another rule's, or with one it
        // does not carry is refused rather than guessed at.
        for broken in [
            r#"{"rule":"below_minimum"}"#,
            r#"{"rule":"over_owed","balance":300}"#,
            r#"{"rule":"insufficient"}"#,
            r#"{"rule":"nothing_owed","owed":0}"#,
            r#"{"rule":"not_joined","balance":0}"#,
            r#"{"rule":"later"}"#,
            r#"{"minimum":100}"#,
            r#""insufficient""#,
        ] {
            assert!(
                serde_json::from_str::<ExchangeError>(broken).is_err(),
                "{broken}"
            );
        }
    }

    fn any_item() -> impl Strategy<Value = ExchangeItem> {
        prop::sample::select(CATALOGUE.to_vec())
    }

    fn typed() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            prop::collection::vec(
                prop_oneof![
                    proptest::char::range('0', '9'),
                    proptest::char::range('\u{FF10}', '\u{FF19}'),
                    prop::sample::select(vec![',', '，', ' ', '\u{3000}', 'p', 't', 'P', '-', '.']),
                ],
                0..16,
            )
            .prop_map(String::from_iter),
        ]
    }

    proptest! {
        #[test]
        fn points_never_panic_and_reparse_to_themselves(raw in typed()) {
            if let Ok(points) = parse_points(&raw) {
                prop_assert_eq!(parse_points(&points.to_string()), Ok(points));
            }
        }

        #[test]
        fn full_width_points_parse_like_half_width(points in any::<u32>(), grouped in any::<bool>()) {
            let plain = if grouped {
                Yen(i64::from(points)).format_ja().trim_end_matches('円').to_owned()
            } else {
                points.to_string()
            };
            let wide: String = plain
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(u32::from(c) - 0x30 + 0xFF10).unwrap_or(c),
                    ',' => '，',
                    other => other,
                })
                .collect();
            prop_assert_eq!(parse_points(&plain), Ok(points));
            prop_assert_eq!(parse_points(&wide), Ok(points));
        }

        #[test]
        fn an_exchange_never_spends_more_than_the_balance_or_repays_more_than_is_owed(
            balance in 0u32..5_000,
            item in any_item(),
            points in prop::option::of(0u32..5_000),
            owed in -10i64..5_000,
        ) {
            if let Ok(spent) = check_exchange(balance, item, points, Yen(owed)) {
                prop_assert!(spent <= balance);
                match item.price() {
                    Some(price) => prop_assert_eq!(spent, price),
                    None => {
                        prop_assert_eq!(Some(spent), points);
                        prop_assert!(i64::from(spent) <= owed);
                        prop_assert!(spent >= REPAYMENT_MINIMUM || i64::from(spent) == owed);
                    }
                }
            }
        }

        #[test]
        fn a_month_earns_one_bonus(
            minutes in 0i64..(60 * 24 * 366 * 3),
            later in 0i64..(60 * 24 * 62),
        ) {
            let start = at(2026, 1, 1, 0, 0);
            let first = start + chrono::Duration::minutes(minutes);
            let second = first + chrono::Duration::minutes(later);
            let recorded = Some(bonus_month(first));
            prop_assert_eq!(
                monthly_bonus_due(recorded, second),
                bonus_month(second) != bonus_month(first)
            );
        }
    }
}
