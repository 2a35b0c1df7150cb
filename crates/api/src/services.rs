//! Wire types of the signed-in services of SPEC S13 and S14: the repayment
//! reminder e-mail and the point service.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

pub use portal_domain::points::{ExchangeError, ExchangeItem};
pub use portal_domain::reminder::{ReminderHour, ReminderTiming};

use crate::RepaymentSplit;

/// `GET /reminder`: the member's reminder e-mail setting (SPEC S13) and
/// what it implies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderStatus {
    pub enabled: bool,
    pub timing: ReminderTiming,
    pub hour: ReminderHour,
    /// The registered address reminders go to; `None` when the member has
    /// none, and then reminders cannot be turned on.
    pub email: Option<String>,
    /// The next due date the member has, if any (none without a balance).
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_date")]
    pub next_due_date: Option<NaiveDate>,
    /// When the next reminder goes out (JST), if it is on and there is a
    /// due date to remind of.
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_naive")]
    pub next_send_at: Option<NaiveDateTime>,
}

/// `PUT /reminder`: the new setting. Setting the same again changes
/// nothing (and sends no notice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReminderSetting {
    pub enabled: bool,
    pub timing: ReminderTiming,
    pub hour: ReminderHour,
}

/// Why points changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointKind {
    /// The one-time bonus for joining (100 points).
    JoinBonus,
    /// The first sign-in of a calendar month (10 points).
    MonthlyBonus,
    /// Points spent on a catalogue item.
    Exchange,
}

portal_domain::wire_names!(PointKind {
    JoinBonus = "join_bonus",
    MonthlyBonus = "monthly_bonus",
    Exchange = "exchange",
});

/// One line of the point history, newest first in `PointsStatus`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointEntry {
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub at: DateTime<Utc>,
    pub kind: PointKind,
    /// Points added (positive) or spent (negative).
    pub points: i64,
    /// The item, for an exchange.
    pub item: Option<ExchangeItem>,
    /// The exchange's reception number, for an exchange.
    pub reception_number: Option<String>,
}

/// `GET /points` (and the answer to joining): the member's points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsStatus {
    pub joined: bool,
    pub balance: u32,
    /// Newest first, at most the latest 50 entries.
    pub history: Vec<PointEntry>,
}

/// `POST /points/exchanges`: spend points on one catalogue item. `points`
/// is the number toward a repayment, and must be absent for goods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRequest {
    pub item: ExchangeItem,
    #[serde(default)]
    pub points: Option<u32>,
}

/// What an exchange did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeReceipt {
    /// `P` + JST date `YYMMDD` + a 5-digit counter.
    pub reception_number: String,
    pub item: ExchangeItem,
    pub points: u32,
    pub balance_after: u32,
    /// For points toward a repayment: how the yen were applied (late
    /// charge, interest, principal) and the balance after, as for any
    /// repayment; the repayment shows in the history.
    pub repayment: Option<RepaymentSplit>,
}
