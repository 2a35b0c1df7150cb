//! The backend contract: the request, response and error types that every
//! backend (the in-browser fake lender, the HTTP backend) speaks.
//!
//! These are wire types. They carry plain strings and numbers so that a
//! server can deserialise them without trusting the client; the domain's
//! validated types (`portal_domain::input`) are converted to and from them at
//! the edges, never inside pages.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use portal_domain::input::{Credentials, Field, FieldError};
use portal_domain::money::Yen;
use serde::{Deserialize, Serialize};
use std::fmt;

pub mod documents;
pub mod limit;
pub mod movement;
pub mod ops;
pub mod recovery;
pub mod services;
pub mod settings;

pub use documents::*;
pub use limit::*;
pub use movement::*;
pub use recovery::*;
pub use services::*;
pub use settings::*;

pub use ops::{OpSpec, Operation, OPERATIONS};

/// After this long without activity the portal signs the member out (SPEC
/// S4); the warning comes a minute earlier. This is the client's rule.
pub const IDLE_LIMIT_MS: i64 = 10 * 60 * 1000;

/// While the member is active, the portal refreshes the lender's session at
/// most this often (activity between refreshes sends nothing).
pub const KEEP_ALIVE_EVERY_MS: i64 = 60 * 1000;

/// The lender ends a session after this long without a request. Activity
/// reaches the lender at most every [`KEEP_ALIVE_EVERY_MS`], so a member last
/// active up to that long after the last refresh is still within
/// [`IDLE_LIMIT_MS`] on the page: the lender must wait both, or "continue"
/// could meet an expired session ("continue means continue").
pub const SESSION_IDLE_LIMIT_MS: i64 = IDLE_LIMIT_MS + KEEP_ALIVE_EVERY_MS;

/// An opaque session token: 128 random bits, written as 32 hex digits.
///
/// Its own type so it is never confused with other strings, and its `Debug`
/// hides it, so a log line never carries a live credential.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionToken(String);

impl SessionToken {
    /// The longest token a server reads; longer ones are not tokens.
    pub const MAX_LEN: usize = 128;

    /// A token from 128 bits of a cryptographic source (the OS on the
    /// server, `crypto.getRandomValues` in the browser).
    pub fn from_random(bytes: [u8; 16]) -> Self {
        let mut text = String::with_capacity(32);
        for b in bytes {
            text.push_str(&format!("{b:02x}"));
        }
        SessionToken(text)
    }

    /// A token as a client presented it: non-empty visible ASCII of at most
    /// [`Self::MAX_LEN`] characters, else `None`. Whether it names a live
    /// session is the lender's question.
    pub fn parse(text: &str) -> Option<Self> {
        let ok = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.bytes().all(|b| b.is_ascii_graphic());
        ok.then(|| SessionToken(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken(****)")
    }
}

/// How a member proves who they are. The secret travels only inside this
/// request and is never stored or logged, so `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum SignInRequest {
    Card { card_number: String, pin: String },
    WebId { web_id: String, password: String },
}

impl fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignInRequest::Card { card_number, .. } => f
                .debug_struct("Card")
                .field("card_number", card_number)
                .field("pin", &"****")
                .finish(),
            SignInRequest::WebId { web_id, .. } => f
                .debug_struct("WebId")
                .field("web_id", web_id)
                .field("password", &"****")
                .finish(),
        }
    }
}

impl From<&Credentials> for SignInRequest {
    fn from(c: &Credentials) -> Self {
        match c {
            Credentials::Card { card, pin } => SignInRequest::Card {
                card_number: card.as_str().to_owned(),
                pin: pin.as_str().to_owned(),
            },
            Credentials::WebId { web_id, password } => SignInRequest::WebId {
                web_id: web_id.as_str().to_owned(),
                password: password.as_str().to_owned(),
            },
        }
    }
}

impl SignInRequest {
    /// Re-validates a request as a server must: the client's checks are a
    /// courtesy, never a guarantee.
    pub fn validate(&self) -> Result<Credentials, BackendError> {
        let result = match self {
            SignInRequest::Card { card_number, pin } => {
                portal_domain::input::validate_card_login(card_number, pin)
            }
            SignInRequest::WebId { web_id, password } => {
                portal_domain::input::validate_web_id_login(web_id, password)
            }
        };
        result.map_err(|problems| BackendError::InvalidInput {
            problems: problems
                .into_iter()
                .map(|(field, error)| FieldProblem { field, error })
                .collect(),
        })
    }
}

/// How the member signed in; it decides which settings make sense later
/// (a card member may add a WEB-ID, for example).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginKind {
    Card,
    WebId,
}

portal_domain::wire_names!(LoginKind {
    Card = "card",
    WebId = "web_id",
});

/// What a successful sign-in returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    /// Opaque bearer token for this session only; `null` when the lender
    /// set the session as its `HttpOnly` cookie instead (a request carrying
    /// `X-Portal-Request`), so no page script ever holds it.
    pub token: Option<SessionToken>,
    pub member_name: String,
    pub login: LoginKind,
    /// The sign-in before this one, so a member can spot use they do not
    /// recognise. `None` on a member's very first sign-in.
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_utc")]
    pub previous_sign_in: Option<DateTime<Utc>>,
}

/// The session a request presents (`GET /sessions/current`): what a
/// reloaded page needs to show the member again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentSession {
    pub member_name: String,
    pub login: LoginKind,
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_utc")]
    pub previous_sign_in: Option<DateTime<Utc>>,
}

/// The next repayment a member owes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextDue {
    #[serde(deserialize_with = "portal_domain::wire::time::date")]
    pub date: NaiveDate,
    pub minimum: Yen,
}

/// The figures on the home page. Every figure comes from the lender; the
/// portal only formats them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub member_name: String,
    pub balance: Yen,
    pub credit_line: Yen,
    pub available: Yen,
    /// `None` when nothing is owed.
    pub next_due: Option<NextDue>,
    /// Days past the due date; zero when the member is up to date.
    pub overdue_days: u32,
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_utc")]
    pub previous_sign_in: Option<DateTime<Utc>>,
    /// `None` when the member has not joined the point service.
    pub points: Option<u32>,
    /// What clears the loan today (一括返済額): balance + accrued interest +
    /// late charge, so the three figures below always add up to it.
    pub payoff_today: Yen,
    /// Interest accrued (and any interest charged but not yet paid) up to today,
    /// summed exactly since the last charge and truncated once.
    pub accrued_interest: Yen,
    /// Late charge (遅延損害金) owed up to today: 20.0% a year on the whole
    /// principal balance for the days after a missed due date, in place of
    /// interest (SPEC S2); zero when not overdue.
    pub late_charge: Yen,
    /// Interest-free days left for a first-time member, counting today (SPEC
    /// S1: 1 on the window's 30th day); `None` when the member has no
    /// interest-free window (or it is over).
    pub interest_free_days_left: Option<u32>,
    /// The interest that would be due by the next due date (SPEC S7): the
    /// interest owed today plus what accrues until the next due date, if the
    /// member repays on it. For an overdue member, whose next due date has
    /// passed, it is the interest owed today. `None` when nothing is owed.
    pub interest_to_next_due: Option<Yen>,
    /// The contract APR in percent as the lender writes it, `"17.8"`, without
    /// the `%` sign so that each locale can place it.
    pub apr_percent: String,
    /// The status of a credit-line increase request still under review, or
    /// decided in the last 14 days, for the home page's notice (SPEC S10).
    #[serde(default)]
    pub line_review: Option<ReviewStatus>,
}

/// Whether a ledger entry lent money or paid it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Borrowing,
    Repayment,
}

portal_domain::wire_names!(EntryKind {
    Borrowing = "borrowing",
    Repayment = "repayment",
});

/// Where a borrowing or repayment was made (SPEC S7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// A cash machine: borrowing or repayment.
    Atm,
    /// A transfer to the member's bank account (振込融資): borrowing only.
    Transfer,
    /// インターネット返済: repayment only.
    InternetRepayment,
    /// Automatic debit from the member's bank account (口座振替): repayment only.
    Debit,
    /// Points toward a repayment (SPEC S14): repayment only.
    Points,
}

portal_domain::wire_names!(Channel {
    Atm = "atm",
    Transfer = "transfer",
    InternetRepayment = "internet_repayment",
    Debit = "debit",
    Points = "points",
});

/// One line of the transaction history (SPEC S7), as the lender's ledger
/// recorded it. For a repayment `late_charge + interest + principal ==
/// amount`; for a borrowing the three parts are zero.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub at: DateTime<Utc>,
    pub kind: EntryKind,
    pub channel: Channel,
    pub amount: Yen,
    pub interest: Yen,
    pub principal: Yen,
    pub late_charge: Yen,
    pub balance_after: Yen,
    /// Days of use (借入日数) the entry covers: the days after the previous
    /// entry up to and including this one's date, `(previous, this]`; zero
    /// for the first entry.
    pub days: u32,
}

/// Which part of the history to send (SPEC S7): the lender filters and
/// pages, so a member with 10,000 entries downloads only the rows shown.
///
/// Dates are Japan dates, both inclusive; either end may be open. On the
/// wire it is the query string of `GET /account/history`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryQuery {
    #[serde(default)]
    #[serde(deserialize_with = "portal_domain::wire::time::opt_date")]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "portal_domain::wire::time::opt_date")]
    pub to: Option<NaiveDate>,
    /// Only this kind; both when absent.
    #[serde(default)]
    pub kind: Option<EntryKind>,
    /// How many matching entries (newest first) to skip.
    #[serde(default)]
    pub offset: u32,
    /// At most this many entries; every matching entry when absent (the CSV
    /// download asks for all of them).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One page of the history: the entries asked for, newest first, and how
/// many entries match the query in all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub total: u32,
    pub offset: u32,
    pub entries: Vec<HistoryEntry>,
}

/// Which repaid borrowings to send: the newest `limit` of them, or all.
/// On the wire it is the query string of `GET /account/repaid-borrowings`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepaidQuery {
    #[serde(default)]
    pub limit: Option<u32>,
}

/// A borrowing that has been repaid in full, and how many days that took
/// (SPEC S7). Repayments' principal parts clear borrowings first-in,
/// first-out, so the oldest borrowing still owed is always cleared first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepaidBorrowing {
    /// When the money was lent.
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub borrowed_at: DateTime<Utc>,
    /// The amount lent.
    pub amount: Yen,
    /// The Japan date of the repayment that cleared the last of it.
    #[serde(deserialize_with = "portal_domain::wire::time::date")]
    pub repaid_on: NaiveDate,
    /// Days from the borrowing's Japan date to `repaid_on`, counted like the
    /// history's days of use: `(borrowed, repaid]`.
    pub days: u32,
}

/// Maintenance the lender declared outside the fixed calendar (SPEC S3).
/// Times are Japan time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnscheduledMaintenance {
    #[serde(deserialize_with = "portal_domain::wire::time::naive")]
    pub start: NaiveDateTime,
    #[serde(deserialize_with = "portal_domain::wire::time::naive")]
    pub end: NaiveDateTime,
}

/// The answer to `GET /maintenance`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaintenanceStatus {
    pub unscheduled: Option<UnscheduledMaintenance>,
}

/// One problem with one field of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: Field,
    pub error: FieldError,
}

/// Every way a backend call can fail, one variant per failure class the
/// member can meet. The wire carries the first group as `{"code": ...}`
/// bodies; the last group is produced by the client itself.
///
/// It is read through the flat [`ErrorWire`] (the same JSON): serde's
/// internally tagged enums buffer the whole body before choosing a variant,
/// which made this one reader about 40 KB of the browser's main module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case", try_from = "ErrorWire")]
pub enum BackendError {
    InvalidInput {
        problems: Vec<FieldProblem>,
    },
    /// Deliberately says nothing about which part was wrong or whether the
    /// account exists.
    BadCredentials,
    Locked,
    Suspended,
    /// The service is in a maintenance window that ends at `until` (JST).
    Maintenance {
        until: NaiveDateTime,
    },
    NotSignedIn,
    /// A transfer or repayment amount the rules refuse (SPEC S8, S9).
    AmountRefused {
        reason: AmountError,
    },
    /// The payee account form has problems (SPEC S8).
    PayeeRefused {
        problems: Vec<PayeeProblem>,
    },
    /// A transfer needs a registered payee account first.
    NoPayeeAccount,
    /// An `Idempotency-Key` already used for a different request.
    IdempotencyConflict,
    /// The thing asked for (a repayment) does not exist for this member.
    NotFound,
    /// A wrong confirmation code, with the tries it leaves (SPEC S5).
    CodeRefused {
        tries_left: u8,
    },
    /// The confirmation code can no longer be used; a new one must be sent.
    CodeEnded {
        why: CodeEnd,
    },
    /// The WEB-ID chosen at registration belongs to someone else.
    WebIdTaken,
    /// A points exchange the rules refuse (SPEC S14).
    ExchangeRefused {
        refusal: ExchangeError,
    },
    /// A credit-line request or decrease the rules refuse (SPEC S10).
    LineRefused {
        problems: Vec<LineProblem>,
    },
    /// The address, employer or prepaid card form has problems (SPEC S12),
    /// every one listed; nothing was changed.
    ProfileRefused {
        problems: Vec<ProfileProblem>,
    },
    /// A document submission the rules refuse (SPEC S11): every problem,
    /// each naming its page (1-based) or the submission as a whole.
    DocumentRefused {
        problems: Vec<DocumentProblem>,
    },
    /// The request body is larger than the lender reads (a document
    /// submission over its limit, refused before it is read whole).
    TooLarge,
    Server,
    // Client-side failure classes: never sent by a server.
    Offline,
    Timeout,
    /// The backend answered something the portal cannot read.
    Malformed,
}

/// The tag of a [`BackendError`] on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    InvalidInput,
    BadCredentials,
    Locked,
    Suspended,
    Maintenance,
    NotSignedIn,
    AmountRefused,
    PayeeRefused,
    NoPayeeAccount,
    IdempotencyConflict,
    NotFound,
    CodeRefused,
    CodeEnded,
    WebIdTaken,
    ExchangeRefused,
    LineRefused,
    ProfileRefused,
    DocumentRefused,
    TooLarge,
    Server,
    Offline,
    Timeout,
    Malformed,
}

portal_domain::wire_names!(ErrorCode {
    InvalidInput = "invalid_input",
    BadCredentials = "bad_credentials",
    Locked = "locked",
    Suspended = "suspended",
    Maintenance = "maintenance",
    NotSignedIn = "not_signed_in",
    AmountRefused = "amount_refused",
    PayeeRefused = "payee_refused",
    NoPayeeAccount = "no_payee_account",
    IdempotencyConflict = "idempotency_conflict",
    NotFound = "not_found",
    CodeRefused = "code_refused",
    CodeEnded = "code_ended",
    WebIdTaken = "web_id_taken",
    ExchangeRefused = "exchange_refused",
    LineRefused = "line_refused",
    ProfileRefused = "profile_refused",
    DocumentRefused = "document_refused",
    TooLarge = "too_large",
    Server = "server",
    Offline = "offline",
    Timeout = "timeout",
    Malformed = "malformed",
});

/// An error body as read: the code and whichever fields its variant has.
/// Several variants carry `problems` of different types; each problem is
/// read in one shape ([`ProblemWire`]) and typed once the code says which.
#[derive(Debug, Deserialize)]
pub struct ErrorWire {
    code: ErrorCode,
    #[serde(default)]
    problems: Option<Vec<ProblemWire>>,
    #[serde(default)]
    #[serde(deserialize_with = "portal_domain::wire::time::opt_naive")]
    until: Option<NaiveDateTime>,
    #[serde(default)]
    reason: Option<AmountError>,
    #[serde(default)]
    tries_left: Option<u8>,
    #[serde(default)]
    why: Option<CodeEnd>,
    #[serde(default)]
    refusal: Option<ExchangeError>,
}

/// One problem of any refusal, in the union of the problem types' fields:
/// one reader for all of them instead of a reader per type (each problem
/// type's reader, its `Vec` and a JSON parse of its own were about 10 KB of
/// the main module). [`TryFrom<ErrorWire>`] types it by the error's code and
/// refuses a problem whose names its type does not know.
#[derive(Debug, Deserialize)]
pub struct ProblemWire {
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    figure: Option<Yen>,
    #[serde(default)]
    page: Option<u16>,
}

/// A name read by the enum it belongs to; `None` when absent or unknown.
fn named<E>(name: Option<String>, read: fn(&str) -> Option<E>) -> Option<E> {
    name.as_deref().and_then(read)
}

impl TryFrom<ErrorWire> for BackendError {
    type Error = String;

    fn try_from(w: ErrorWire) -> Result<Self, Self::Error> {
        fn problems<T>(
            raw: Option<Vec<ProblemWire>>,
            typed: fn(ProblemWire) -> Option<T>,
        ) -> Result<Vec<T>, String> {
            let raw = raw.ok_or("missing field `problems`")?;
            raw.into_iter()
                .map(|p| typed(p).ok_or_else(|| "a problem of another type".to_owned()))
                .collect()
        }
        Ok(match w.code {
            ErrorCode::InvalidInput => BackendError::InvalidInput {
                problems: problems(w.problems, |p| {
                    Some(FieldProblem {
                        field: named(p.field, Field::from_wire_name)?,
                        error: named(p.error, FieldError::from_wire_name)?,
                    })
                })?,
            },
            ErrorCode::PayeeRefused => BackendError::PayeeRefused {
                problems: problems(w.problems, |p| {
                    Some(PayeeProblem {
                        field: named(p.field, PayeeField::from_wire_name)?,
                        error: named(p.error, PayeeError::from_wire_name)?,
                    })
                })?,
            },
            ErrorCode::LineRefused => BackendError::LineRefused {
                problems: problems(w.problems, |p| {
                    Some(LineProblem {
                        field: named(p.field, LineField::from_wire_name)?,
                        rule: named(p.rule, LineRule::from_wire_name)?,
                        figure: p.figure,
                    })
                })?,
            },
            ErrorCode::ProfileRefused => BackendError::ProfileRefused {
                problems: problems(w.problems, |p| {
                    Some(ProfileProblem {
                        field: named(
                            p.field,
                            portal_domain::profile::ProfileField::from_wire_name,
                        )?,
                        error: named(p.error, ProfileRule::from_wire_name)?,
                    })
                })?,
            },
            ErrorCode::Maintenance => BackendError::Maintenance {
                until: w.until.ok_or("missing field `until`")?,
            },
            ErrorCode::AmountRefused => BackendError::AmountRefused {
                reason: w.reason.ok_or("missing field `reason`")?,
            },
            ErrorCode::BadCredentials => BackendError::BadCredentials,
            ErrorCode::Locked => BackendError::Locked,
            ErrorCode::Suspended => BackendError::Suspended,
            ErrorCode::NotSignedIn => BackendError::NotSignedIn,
            ErrorCode::NoPayeeAccount => BackendError::NoPayeeAccount,
            ErrorCode::IdempotencyConflict => BackendError::IdempotencyConflict,
            ErrorCode::NotFound => BackendError::NotFound,
            ErrorCode::CodeRefused => BackendError::CodeRefused {
                tries_left: w.tries_left.ok_or("missing field `tries_left`")?,
            },
            ErrorCode::CodeEnded => BackendError::CodeEnded {
                why: w.why.ok_or("missing field `why`")?,
            },
            ErrorCode::WebIdTaken => BackendError::WebIdTaken,
            ErrorCode::ExchangeRefused => BackendError::ExchangeRefused {
                refusal: w.refusal.ok_or("missing field `refusal`")?,
            },
            ErrorCode::DocumentRefused => BackendError::DocumentRefused {
                problems: problems(w.problems, |p| {
                    Some(DocumentProblem {
                        page: p.page,
                        error: named(p.error, DocumentError::from_wire_name)?,
                    })
                })?,
            },
            ErrorCode::TooLarge => BackendError::TooLarge,
            ErrorCode::Server => BackendError::Server,
            ErrorCode::Offline => BackendError::Offline,
            ErrorCode::Timeout => BackendError::Timeout,
            ErrorCode::Malformed => BackendError::Malformed,
        })
    }
}

impl BackendError {
    /// Whether the same request may simply be sent again later.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            BackendError::Server | BackendError::Offline | BackendError::Timeout
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_request_debug_hides_secrets() {
        let card = SignInRequest::Card {
            card_number: "1234567890".into(),
            pin: "1234".into(),
        };
        let web = SignInRequest::WebId {
            web_id: "demo0001".into(),
            password: "Passw0rd".into(),
        };
        assert!(!format!("{card:?}").contains("1234\""));
        assert!(!format!("{web:?}").contains("Passw0rd"));
    }

    #[test]
    fn every_error_reads_back_as_written() {
        let until = chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
            .and_then(|d| d.and_hms_opt(7, 0, 0))
            .unwrap_or_default();
        let all = [
            BackendError::InvalidInput {
                problems: vec![FieldProblem {
                    field: Field::Pin,
                    error: FieldError::PinLength,
                }],
            },
            BackendError::InvalidInput { problems: vec![] },
            BackendError::BadCredentials,
            BackendError::Locked,
            BackendError::Suspended,
            BackendError::Maintenance { until },
            BackendError::NotSignedIn,
            BackendError::AmountRefused {
                reason: AmountError::OverAvailable {
                    available: Yen(1_000),
                },
            },
            BackendError::PayeeRefused {
                problems: vec![PayeeProblem {
                    field: PayeeField::Holder,
                    error: PayeeError::NotMemberName,
                }],
            },
            BackendError::NoPayeeAccount,
            BackendError::IdempotencyConflict,
            BackendError::NotFound,
            BackendError::CodeRefused { tries_left: 3 },
            BackendError::CodeEnded {
                why: CodeEnd::TooManyTries,
            },
            BackendError::WebIdTaken,
            BackendError::ExchangeRefused {
                refusal: ExchangeError::Insufficient { balance: 120 },
            },
            BackendError::LineRefused {
                problems: vec![LineProblem::with(
                    LineField::NewLine,
                    LineRule::BelowBalance,
                    Yen(160_000),
                )],
            },
            BackendError::ProfileRefused {
                problems: vec![ProfileProblem {
                    field: portal_domain::profile::ProfileField::PrepaidCard,
                    error: ProfileRule::Checksum,
                }],
            },
            BackendError::DocumentRefused {
                problems: vec![
                    DocumentProblem {
                        page: None,
                        error: DocumentError::TooManyPages,
                    },
                    DocumentProblem {
                        page: Some(2),
                        error: DocumentError::WrongType,
                    },
                ],
            },
            BackendError::TooLarge,
            BackendError::Server,
            BackendError::Offline,
            BackendError::Timeout,
            BackendError::Malformed,
        ];
        for error in all {
            let json = serde_json::to_string(&error).unwrap_or_default();
            assert_eq!(
                serde_json::from_str::<BackendError>(&json).ok(),
                Some(error),
                "{json}"
            );
        }
        for broken in [
            r#"{"code":"maintenance"}"#,
            r#"{"code":"invalid_input"}"#,
            r#"{"code":"payee_refused","problems":[{"field":"Pin","error":"PinLength"}]}"#,
            r#"{"code":"profile_refused","problems":[{"field":"holder","error":"not_kana"}]}"#,
            r#"{"code":"profile_refused"}"#,
            r#"{"code":"line_refused","problems":[{"field":"new_line","error":"below_balance"}]}"#,
            r#"{"code":"document_refused","problems":[{"page":1,"error":"too_blurry"}]}"#,
            r#"{"code":"invalid_input","problems":{"field":"Pin","error":"PinLength"}}"#,
            r#"{"code":"nope"}"#,
            r#"{"code":"code_refused"}"#,
            r#"{"code":"code_ended","why":"later"}"#,
            r#"{"problems":[]}"#,
        ] {
            assert!(
                serde_json::from_str::<BackendError>(broken).is_err(),
                "{broken}"
            );
        }
    }

    #[test]
    fn errors_have_stable_wire_codes() {
        let json = serde_json::to_string(&BackendError::BadCredentials).unwrap_or_default();
        assert_eq!(json, r#"{"code":"bad_credentials"}"#);
        let json = serde_json::to_string(&BackendError::InvalidInput {
            problems: vec![FieldProblem {
                field: Field::Pin,
                error: FieldError::PinLength,
            }],
        })
        .unwrap_or_default();
        assert!(json.starts_with(r#"{"code":"invalid_input""#), "{json}");
    }

    #[test]
    fn session_tokens_are_128_bits_and_hidden_from_debug() {
        let token = SessionToken::from_random([0xab; 16]);
        assert_eq!(token.as_str().len(), 32);
        assert_eq!(format!("{token:?}"), "SessionToken(****)");
        assert_eq!(SessionToken::parse(token.as_str()), Some(token));
        assert_eq!(SessionToken::parse(""), None);
        assert_eq!(SessionToken::parse("a b"), None);
        assert_eq!(SessionToken::parse(&"a".repeat(129)), None);
    }

    #[test]
    fn the_lender_waits_for_the_last_keep_alive_the_client_may_skip() {
        // Activity just under one refresh interval after the last refresh
        // sends nothing; the member may then continue up to IDLE_LIMIT_MS
        // later, and that keep-alive must find the session alive.
        let last_request = 0;
        let silent_activity = KEEP_ALIVE_EVERY_MS - 1;
        let continue_pressed = silent_activity + IDLE_LIMIT_MS - 1;
        assert!(continue_pressed - last_request < SESSION_IDLE_LIMIT_MS);
    }

    #[test]
    fn server_revalidates_sign_in() {
        let bad = SignInRequest::Card {
            card_number: "12".into(),
            pin: "１２３４".into(),
        };
        match bad.validate() {
            Err(BackendError::InvalidInput { problems }) => assert_eq!(problems.len(), 2),
            other => panic!("expected invalid input, got {other:?}"),
        }
    }
}
