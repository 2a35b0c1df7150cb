//! Wire types of the money movements (SPEC S8 and S9): the payee account,
//! transfers (振込融資), internet repayments, and the outcome of an
//! `Idempotency-Key`.
//!
//! The request types refuse unknown fields (`deny_unknown_fields`), as the
//! API document's `additionalProperties: false` says; the lender answers
//! such a request `invalid_input`.

use chrono::{DateTime, Utc};
use portal_domain::money::Yen;
use serde::{Deserialize, Serialize};

pub use portal_domain::movement::{AccountNumberError, AmountError, Arrival};

/// 普通 (ordinary) or 当座 (current) account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountKind {
    Ordinary,
    Current,
}

portal_domain::wire_names!(AccountKind {
    Ordinary = "ordinary",
    Current = "current",
});

/// A payee account as the member types it (SPEC S8). The bank and branch
/// names come from the portal's bank data with their codes; the lender
/// checks the codes' shape and keeps the names as labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayeeAccountInput {
    pub bank_code: String,
    pub bank_name: String,
    pub branch_code: String,
    pub branch_name: String,
    pub kind: AccountKind,
    pub number: String,
    /// 口座名義（カナ）, full-width or half-width kana.
    pub holder: String,
}

/// A registered payee account, as the lender shows it: the number masked to
/// its last 4 digits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayeeAccount {
    pub bank_code: String,
    pub bank_name: String,
    pub branch_code: String,
    pub branch_name: String,
    pub kind: AccountKind,
    /// `***4567`.
    pub number_masked: String,
    /// The holder name normalised to full-width katakana.
    pub holder: String,
    /// The bank settles around the clock, so transfers can arrive at once.
    pub settles_24x7: bool,
}

/// The answer to `GET /payee-account`: the member's account, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayeeAccountStatus {
    pub account: Option<PayeeAccount>,
    /// The member's name in kana, which the holder name must match.
    pub member_kana: String,
}

/// A part of the payee account form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayeeField {
    Bank,
    Branch,
    Number,
    Holder,
}

portal_domain::wire_names!(PayeeField {
    Bank = "bank",
    Branch = "branch",
    Number = "number",
    Holder = "holder",
});

/// What is wrong with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayeeError {
    Required,
    NotDigits,
    Length,
    /// Something other than kana (or a space) in the holder name.
    NotKana,
    TooLong,
    /// The holder name is not the member's own (SPEC S8).
    NotMemberName,
}

portal_domain::wire_names!(PayeeError {
    Required = "required",
    NotDigits = "not_digits",
    Length = "length",
    NotKana = "not_kana",
    TooLong = "too_long",
    NotMemberName = "not_member_name",
});

impl From<AccountNumberError> for PayeeError {
    fn from(e: AccountNumberError) -> Self {
        match e {
            AccountNumberError::Required => PayeeError::Required,
            AccountNumberError::NotDigits => PayeeError::NotDigits,
            AccountNumberError::Length => PayeeError::Length,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayeeProblem {
    pub field: PayeeField,
    pub error: PayeeError,
}

/// A transfer to the registered payee account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    pub amount: Yen,
}

/// What the confirmation screen shows before the member confirms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferQuote {
    pub amount: Yen,
    pub payee: PayeeAccount,
    pub arrival: Arrival,
    pub balance_after: Yen,
    pub available_after: Yen,
}

/// A booked transfer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferReceipt {
    /// 受付番号, `T` and 11 digits.
    pub reception_number: String,
    pub amount: Yen,
    pub payee: PayeeAccount,
    pub arrival: Arrival,
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub accepted_at: DateTime<Utc>,
    pub balance_after: Yen,
    pub available_after: Yen,
}

/// An internet repayment to start at the member's bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepaymentRequest {
    pub amount: Yen,
    pub bank_code: String,
    pub bank_name: String,
}

/// Where a repayment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepaymentState {
    /// Waiting for the member to approve it at the bank.
    AtBank,
    /// Approved and booked.
    Completed,
    /// The member cancelled at the bank.
    Cancelled,
    /// The bank refused it.
    Failed,
}

portal_domain::wire_names!(RepaymentState {
    AtBank = "at_bank",
    Completed = "completed",
    Cancelled = "cancelled",
    Failed = "failed",
});

/// How the repaid amount was applied (SPEC S2): late charge, interest, principal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepaymentSplit {
    pub late_charge: Yen,
    pub interest: Yen,
    pub principal: Yen,
    pub balance_after: Yen,
}

/// One internet repayment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repayment {
    pub id: String,
    /// 受付番号, `R` and 11 digits.
    pub reception_number: String,
    pub amount: Yen,
    pub bank_code: String,
    pub bank_name: String,
    pub state: RepaymentState,
    /// The page of the member's bank to approve it at; the portal sends the
    /// member there and the bank sends them back to `/repay?repayment=<id>`. The simulated
    /// bank is the portal's own page `/repay?bank=<id>`.
    pub bank_url: String,
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub started_at: DateTime<Utc>,
    /// Present once completed.
    pub split: Option<RepaymentSplit>,
}

/// Which repayment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepaymentQuery {
    pub id: String,
}

/// What the member chose at the (simulated) bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BankDecision {
    Approve,
    Cancel,
    Fail,
}

portal_domain::wire_names!(BankDecision {
    Approve = "approve",
    Cancel = "cancel",
    Fail = "fail",
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankDecisionRequest {
    pub id: String,
    pub decision: BankDecision,
}

/// Which `Idempotency-Key` to look up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovementQuery {
    pub key: String,
}

/// What a key booked, when the portal could not tell whether its request
/// arrived (a timeout, a dropped connection).
///
/// On the wire `{"kind": "transfer", "receipt": …}` or `{"kind":
/// "repayment", "repayment": …}`, through the flat [`MovementWire`]: an
/// internally tagged enum would make serde compile every nested type's
/// reader twice into the browser's wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "MovementWire", try_from = "MovementWire")]
pub enum Movement {
    Transfer { receipt: TransferReceipt },
    Repayment { repayment: Repayment },
}

impl Movement {
    /// The transfer's receipt, if this is a transfer.
    pub fn into_transfer(self) -> Option<TransferReceipt> {
        match self {
            Movement::Transfer { receipt } => Some(receipt),
            Movement::Repayment { .. } => None,
        }
    }

    /// The repayment, if this is one.
    pub fn into_repayment(self) -> Option<Repayment> {
        match self {
            Movement::Repayment { repayment } => Some(repayment),
            Movement::Transfer { .. } => None,
        }
    }
}

/// The tag of a [`Movement`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovementKind {
    Transfer,
    Repayment,
}

portal_domain::wire_names!(MovementKind {
    Transfer = "transfer",
    Repayment = "repayment",
});

/// [`Movement`]'s wire form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementWire {
    pub kind: MovementKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<TransferReceipt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repayment: Option<Repayment>,
}

impl From<Movement> for MovementWire {
    fn from(m: Movement) -> Self {
        match m {
            Movement::Transfer { receipt } => MovementWire {
                kind: MovementKind::Transfer,
                receipt: Some(receipt),
                repayment: None,
            },
            Movement::Repayment { repayment } => MovementWire {
                kind: MovementKind::Repayment,
                receipt: None,
                repayment: Some(repayment),
            },
        }
    }
}

impl TryFrom<MovementWire> for Movement {
    type Error = &'static str;

    fn try_from(w: MovementWire) -> Result<Self, Self::Error> {
        match (w.kind, w.receipt, w.repayment) {
            (MovementKind::Transfer, Some(receipt), None) => Ok(Movement::Transfer { receipt }),
            (MovementKind::Repayment, None, Some(repayment)) => {
                Ok(Movement::Repayment { repayment })
            }
            _ => Err("a movement with the wrong fields"),
        }
    }
}

/// The answer to `GET /movements`: `None` when nothing was booked with the
/// key, so the same request may safely be sent again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementLookup {
    pub movement: Option<Movement>,
}

/// What a lookup found, seen from the page that confirmed one kind of
/// movement under the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Booked<T> {
    /// Nothing was booked under the key.
    Nothing,
    /// This page's kind of movement, booked.
    Mine(T),
    /// A movement of the other kind: the key was used for something else.
    Other,
}

/// A [`MovementLookup`] read for one kind of movement only. The JSON is the
/// same; the reader takes the tag and its own kind's fields and skips the
/// other kind's unread, so a page's wasm carries one kind's reader instead
/// of both ([`TransferLookup`], [`RepaymentLookup`]).
pub trait LookupOf: serde::de::DeserializeOwned {
    type Receipt;
    /// What was found; `Err` when the tag and the fields disagree.
    fn booked(self) -> Result<Booked<Self::Receipt>, &'static str>;
}

/// [`MovementLookup`] as the transfer page reads it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TransferLookup {
    movement: Option<TransferFound>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct TransferFound {
    kind: MovementKind,
    #[serde(default)]
    receipt: Option<TransferReceipt>,
}

impl LookupOf for TransferLookup {
    type Receipt = TransferReceipt;

    fn booked(self) -> Result<Booked<TransferReceipt>, &'static str> {
        booked_as(
            MovementKind::Transfer,
            self.movement.map(|m| (m.kind, m.receipt)),
        )
    }
}

/// What a lookup holds for the reader of `own`'s kind: `movement` is the
/// tag and that kind's fields, if any movement was booked.
fn booked_as<T>(
    own: MovementKind,
    movement: Option<(MovementKind, Option<T>)>,
) -> Result<Booked<T>, &'static str> {
    match movement {
        None => Ok(Booked::Nothing),
        Some((kind, Some(found))) if kind == own => Ok(Booked::Mine(found)),
        Some((kind, None)) if kind != own => Ok(Booked::Other),
        Some(_) => Err("a movement with the wrong fields"),
    }
}

/// [`MovementLookup`] as the repayment page reads it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct RepaymentLookup {
    movement: Option<RepaymentFound>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct RepaymentFound {
    kind: MovementKind,
    #[serde(default)]
    repayment: Option<Repayment>,
}

impl LookupOf for RepaymentLookup {
    type Receipt = Repayment;

    fn booked(self) -> Result<Booked<Repayment>, &'static str> {
        booked_as(
            MovementKind::Repayment,
            self.movement.map(|m| (m.kind, m.repayment)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_transfer(json: &str) -> Result<Booked<TransferReceipt>, String> {
        let lookup: TransferLookup = serde_json::from_str(json).map_err(|e| e.to_string())?;
        lookup.booked().map_err(str::to_owned)
    }

    fn as_repayment(json: &str) -> Result<Booked<Repayment>, String> {
        let lookup: RepaymentLookup = serde_json::from_str(json).map_err(|e| e.to_string())?;
        lookup.booked().map_err(str::to_owned)
    }

    #[test]
    fn a_lookup_whose_tag_and_fields_disagree_is_refused() {
        // Nothing booked: the same request may be sent again.
        assert_eq!(as_transfer(r#"{"movement":null}"#), Ok(Booked::Nothing));
        assert_eq!(as_repayment(r#"{"movement":null}"#), Ok(Booked::Nothing));
        // A tag without its kind's fields, or with the other kind's tag and
        // this kind's fields, is not a movement the page can trust.
        assert!(as_transfer(r#"{"movement":{"kind":"transfer"}}"#).is_err());
        assert!(as_repayment(r#"{"movement":{"kind":"repayment","repayment":null}}"#).is_err());
        assert!(as_transfer(r#"{"movement":{"kind":"refund"}}"#).is_err());
        // The other kind, whatever its fields hold, is only "another kind".
        assert_eq!(
            as_transfer(r#"{"movement":{"kind":"repayment","repayment":{"unread":true}}}"#),
            Ok(Booked::Other)
        );
        assert_eq!(
            as_repayment(r#"{"movement":{"kind":"transfer","receipt":[1,2,3]}}"#),
            Ok(Booked::Other)
        );
    }
}
