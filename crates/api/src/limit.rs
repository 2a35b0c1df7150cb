//! Wire types of credit-line changes (限度額の変更, SPEC S10): the line and
//! the latest increase request with its review status, an increase request
//! (figures as typed; the lender parses them with
//! `portal_domain::line_change`), and a decrease.

use chrono::{DateTime, NaiveDateTime, Utc};
use portal_domain::money::Yen;
use serde::{Deserialize, Serialize};

pub use portal_domain::line_change::{EmploymentKind, LineField, LineProblem, LineRule};

/// Where an increase request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewStatus {
    /// 受付: received, waiting for the review office to open.
    Received,
    /// 審査中.
    Reviewing,
    /// 承認: the new line applies.
    Approved,
    /// 否決.
    Refused,
    /// 書類不備: an income proof is missing or unreadable; the review waits
    /// for a new one.
    DocumentsNeeded,
}

portal_domain::wire_names!(ReviewStatus {
    Received = "received",
    Reviewing = "reviewing",
    Approved = "approved",
    Refused = "refused",
    DocumentsNeeded = "documents_needed",
});

impl ReviewStatus {
    /// Whether the review is still to finish (one request at a time).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ReviewStatus::Received | ReviewStatus::Reviewing | ReviewStatus::DocumentsNeeded
        )
    }
}

/// An increase request and its review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRequest {
    /// `L` + JST date `YYMMDD` + a 5-digit counter.
    pub reception_number: String,
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub requested_at: DateTime<Utc>,
    /// The line before the request and the one asked for.
    pub current_line: Yen,
    pub desired_line: Yen,
    pub status: ReviewStatus,
    /// When the result is expected (JST): 18:00 on a business day. `None`
    /// once decided, or while documents are needed.
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_naive")]
    pub expected_at: Option<NaiveDateTime>,
    /// When the review decided (or asked for documents).
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_utc")]
    pub decided_at: Option<DateTime<Utc>>,
    /// An income proof was needed and sent with the request.
    pub proof_required: bool,
    /// For an approval that lowered the member's rate (the new line's legal
    /// cap, SPEC S1): the new rate, e.g. `"15.0"`.
    pub new_apr_percent: Option<String>,
}

/// `GET /credit-line`: the line, what is owed, the rate and the latest
/// increase request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditLineStatus {
    pub line: Yen,
    pub balance: Yen,
    pub apr_percent: String,
    /// The smallest line a decrease may go to (the balance, rounded up to
    /// 10,000 yen).
    pub smallest_line: Yen,
    /// The largest line an increase may ask for.
    pub max_line: Yen,
    pub request: Option<LineRequest>,
}

/// `POST /credit-line/increase-requests`: the request's fields as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineIncreaseRequest {
    pub desired_line: String,
    pub annual_income: String,
    pub other_borrowing: String,
    pub employment: Option<EmploymentKind>,
    pub employer: String,
    pub years_employed: String,
    /// The reception number of the income proof sent for this request
    /// (`/documents`), when SPEC S10 asks for one.
    #[serde(default)]
    pub income_proof: Option<String>,
}

/// `PUT /credit-line`: a decrease, effective at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineDecrease {
    pub line: String,
}
