//! The operation list: every backend operation declared once, as a type.
//!
//! Each operation is a unit type implementing [`Operation`]: its request and
//! reply types and one [`OpSpec`] (name, method, path, whether it needs a
//! session, may be retried, changes persisted state, or needs an
//! `Idempotency-Key`). [`for_each_operation!`] names them all; the server
//! registers its routes from it, the fake lender builds its dispatch table
//! from it, the HTTP adapter sends any of them through one generic path, and
//! the contract test checks `openapi/openapi.yaml` against [`OPERATIONS`].
//!
//! On the wire a request is what [`encode_request`] writes: the query string
//! for [`Input::Query`] operations, the JSON body for [`Input::Json`] ones,
//! nothing for [`Input::Nothing`]. A reply is its JSON body (empty for
//! `()`). The in-browser fake decodes exactly what the server decodes.
//!
//! An [`Input::Multipart`] operation (a document upload) carries bytes, not
//! text: its request becomes a [`Form`] ([`Operation::into_form`]), which
//! the HTTP adapter sends as `multipart/form-data`, the server reads back
//! from one, and the in-browser fake hands over as it is
//! ([`Operation::from_form`] on the lender's side). Such an operation is
//! declared with `multipart` after its spec, which ties both to the
//! request's [`FormRequest`] implementation.

use crate::{
    AccountSummary, BackendError, BankDecisionRequest, CurrentSession, HistoryPage, HistoryQuery,
    MaintenanceStatus, MovementLookup, MovementQuery, PayeeAccount, PayeeAccountInput,
    PayeeAccountStatus, RepaidBorrowing, RepaidQuery, Repayment, RepaymentQuery, RepaymentRequest,
    SignInRequest, SignedIn, TransferQuote, TransferReceipt, TransferRequest,
};
use crate::{
    AddressChanged, AddressInput, EmployerChanged, EmployerInput, PrepaidCardInput,
    PrepaidCardRegistered,
};
use crate::{
    CodeSent, PasswordResetRequest, Registered, RegistrationCodeRequest, RegistrationRequest,
    ResetCodeRequest, VerifyCodeRequest,
};
use crate::{CreditLineStatus, LineDecrease, LineIncreaseRequest, LineRequest};
use crate::{DocumentUpload, Form, FormRequest, SubmittedDocument};
use crate::{EmailChangeRequest, EmailChanged, EmailCodeRequest, LoginChangeRequest, LoginChanged};
use crate::{ExchangeReceipt, ExchangeRequest, PointsStatus, ReminderSetting, ReminderStatus};
use crate::{Profile, RepaymentDayChange, RepaymentDayChanged};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

/// The HTTP method an operation is sent with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    /// The method's name as HTTP writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// Where an operation's request travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// No request data (`Request = ()`); a body, if any, is ignored.
    Nothing,
    /// The request is the URL's query string.
    Query,
    /// The request is a JSON object body.
    Json,
    /// The request is a `multipart/form-data` body (a [`Form`]): text
    /// fields and files.
    Multipart,
}

/// Everything about an operation that is not a type: one per operation, a
/// `static`, so a type-erased backend can be handed `&'static OpSpec`.
#[derive(Debug, PartialEq, Eq)]
pub struct OpSpec {
    /// The document's `operationId`, and the fake lender's dispatch key.
    pub name: &'static str,
    pub method: Method,
    /// The path under the API's base URL (`/api/v1` on the server).
    pub path: &'static str,
    pub input: Input,
    /// The status of a successful answer (`201`, `204`, `200`).
    pub status: u16,
    /// Needs a signed-in session: `Authorization: Bearer`, or the session
    /// cookie on a request carrying `X-Portal-Request: 1`.
    pub session: bool,
    /// Begins a session on success: a portal request gets it as the
    /// `HttpOnly` session cookie (and no token in the body), an API client
    /// as the reply's bearer token. Adapters keep it; pages never see it.
    pub starts_session: bool,
    /// Ends the session it is sent with (the cookie is cleared).
    pub ends_session: bool,
    /// May be sent again after a transient failure without a second effect.
    pub idempotent: bool,
    /// Changes the lender's persisted state, so the in-browser fake saves
    /// after it (and only after such operations).
    pub writes: bool,
    /// Carries an `Idempotency-Key` header: a fresh key per confirmed
    /// request, the same key on its retry (money movements, SPEC S16). Such
    /// an operation may be retried because the key makes the retry harmless.
    pub idempotency_key: bool,
}

impl OpSpec {
    /// A signed-in member's read: `GET`, `200`, idempotent, changing
    /// nothing. Most operations of the portal are one of these.
    pub const fn member_read(name: &'static str, path: &'static str, input: Input) -> OpSpec {
        OpSpec {
            name,
            method: Method::Get,
            path,
            input,
            status: 200,
            session: true,
            starts_session: false,
            ends_session: false,
            idempotent: true,
            writes: false,
            idempotency_key: false,
        }
    }

    /// Whether a client may repeat this request after a transient failure.
    pub fn may_retry(&self) -> bool {
        self.idempotent || self.idempotency_key
    }
}

/// The name of the idempotency header (see [`OpSpec::idempotency_key`]).
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// The header the portal sends with every request (value `1`). A form or
/// link on another site cannot send it, and a script on another site
/// cannot either without a CORS preflight the lender never grants, so the
/// lender honours its session cookie only on requests that carry it.
pub const PORTAL_REQUEST_HEADER: &str = "X-Portal-Request";

/// The name of the `HttpOnly` session cookie.
pub const SESSION_COOKIE: &str = "portal_session";

/// One backend operation, declared once.
pub trait Operation: Send + Sync + 'static {
    type Request: Serialize + DeserializeOwned + fmt::Debug + Send + 'static;
    type Reply: Serialize + DeserializeOwned + fmt::Debug + Send + 'static;
    const SPEC: &'static OpSpec;

    /// An [`Input::Multipart`] operation's request as its form; any other
    /// operation has none (`Malformed`, never reached: such requests go
    /// through [`encode_request`]).
    fn into_form(_request: Self::Request) -> Result<Form, BackendError> {
        Err(BackendError::Malformed)
    }

    /// The request read back from a form; refused for any operation that
    /// is not [`Input::Multipart`].
    fn from_form(_form: Form) -> Result<Self::Request, BackendError> {
        Err(BackendError::InvalidInput {
            problems: Vec::new(),
        })
    }
}

/// Calls `$m!` with every operation type, comma-separated. Adding an
/// operation to the portal starts with one line here.
#[macro_export]
macro_rules! for_each_operation {
    ($m:ident) => {
        $m! {
            $crate::ops::SignIn,
            $crate::ops::SignOut,
            $crate::ops::GetCurrentSession,
            $crate::ops::KeepAlive,
            $crate::ops::GetAccountSummary,
            $crate::ops::GetHistory,
            $crate::ops::GetRepaidBorrowings,
            $crate::ops::GetMaintenance,
            $crate::ops::GetPayeeAccount,
            $crate::ops::RegisterPayeeAccount,
            $crate::ops::QuoteTransfer,
            $crate::ops::Transfer,
            $crate::ops::StartRepayment,
            $crate::ops::GetRepayment,
            $crate::ops::DecideRepayment,
            $crate::ops::GetMovement,
            $crate::ops::RequestRegistrationCode,
            $crate::ops::RequestResetCode,
            $crate::ops::VerifyCode,
            $crate::ops::RegisterWebId,
            $crate::ops::ResetPassword,
            $crate::ops::GetReminder,
            $crate::ops::SetReminder,
            $crate::ops::GetPoints,
            $crate::ops::JoinPoints,
            $crate::ops::ExchangePoints,
            $crate::ops::GetProfile,
            $crate::ops::ChangeRepaymentDay,
            $crate::ops::GetCreditLine,
            $crate::ops::RequestLineIncrease,
            $crate::ops::DecreaseLine,
            $crate::ops::ChangeAddress,
            $crate::ops::ChangeEmployer,
            $crate::ops::RegisterPrepaidCard,
            $crate::ops::RequestEmailChangeCode,
            $crate::ops::ConfirmEmailChange,
            $crate::ops::ChangeLogin,
            $crate::ops::GetDocuments,
            $crate::ops::SubmitDocuments
        }
    };
}

macro_rules! spec_list {
    ($($op:path),* $(,)?) => {
        /// Every operation's spec, in declaration order.
        pub const OPERATIONS: &[&OpSpec] = &[$(<$op as Operation>::SPEC),*];
    };
}
for_each_operation!(spec_list);

/// The spec named `name`, if the list has one.
pub fn find(name: &str) -> Option<&'static OpSpec> {
    OPERATIONS.iter().copied().find(|s| s.name == name)
}

macro_rules! operation {
    ($(#[$doc:meta])* $ty:ident: $req:ty => $reply:ty, $spec:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $ty;

        impl Operation for $ty {
            type Request = $req;
            type Reply = $reply;
            const SPEC: &'static OpSpec = &$spec;
        }
    };
    ($(#[$doc:meta])* $ty:ident: $req:ty => $reply:ty, $spec:expr, multipart) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $ty;

        impl Operation for $ty {
            type Request = $req;
            type Reply = $reply;
            const SPEC: &'static OpSpec = &$spec;

            fn into_form(request: $req) -> Result<Form, BackendError> {
                Ok(FormRequest::into_form(request))
            }

            fn from_form(form: Form) -> Result<$req, BackendError> {
                <$req as FormRequest>::from_form(form)
            }
        }
    };
}

operation!(
    /// `POST /sessions`: sign in (SPEC S4). Counts failures towards the lock.
    SignIn: SignInRequest => SignedIn,
    OpSpec {
        name: "signIn",
        method: Method::Post,
        path: "/sessions",
        input: Input::Json,
        status: 201,
        session: false,
        starts_session: true,
        ends_session: false,
        idempotent: false,
        writes: true,
        idempotency_key: false,
    }
);

operation!(
    /// `DELETE /sessions/current`: sign out; harmless when already out.
    SignOut: () => (),
    OpSpec {
        name: "signOut",
        method: Method::Delete,
        path: "/sessions/current",
        input: Input::Nothing,
        status: 204,
        session: true,
        starts_session: false,
        ends_session: true,
        idempotent: true,
        writes: false,
        idempotency_key: false,
    }
);

operation!(
    /// `GET /sessions/current`: the session the request presents, so a
    /// reloaded page finds its member again; counts as activity.
    GetCurrentSession: () => CurrentSession,
    OpSpec::member_read("currentSession", "/sessions/current", Input::Nothing)
);

operation!(
    /// `POST /sessions/current/keep-alive`: record activity.
    KeepAlive: () => (),
    OpSpec {
        name: "keepAlive",
        method: Method::Post,
        path: "/sessions/current/keep-alive",
        input: Input::Nothing,
        status: 204,
        session: true,
        starts_session: false,
        ends_session: false,
        idempotent: true,
        writes: false,
        idempotency_key: false,
    }
);

operation!(
    /// `GET /account/summary`: the home page's figures (SPEC S6).
    GetAccountSummary: () => AccountSummary,
    OpSpec::member_read("accountSummary", "/account/summary", Input::Nothing)
);

operation!(
    /// `GET /account/history`: one filtered page of the ledger (SPEC S7).
    GetHistory: HistoryQuery => HistoryPage,
    OpSpec::member_read("accountHistory", "/account/history", Input::Query)
);

operation!(
    /// `GET /account/repaid-borrowings`: borrowings repaid in full (SPEC S7).
    GetRepaidBorrowings: RepaidQuery => Vec<RepaidBorrowing>,
    OpSpec::member_read("accountRepaidBorrowings", "/account/repaid-borrowings", Input::Query)
);

operation!(
    /// `GET /maintenance`: maintenance declared outside the calendar; public.
    GetMaintenance: () => MaintenanceStatus,
    OpSpec {
        name: "unscheduledMaintenance",
        method: Method::Get,
        path: "/maintenance",
        input: Input::Nothing,
        status: 200,
        session: false,
        starts_session: false,
        ends_session: false,
        idempotent: true,
        writes: false,
        idempotency_key: false,
    }
);

/// A signed-in member's change: `session`, `writes`, not retried unless
/// `idempotent` says a repeat is harmless.
const fn member_write(
    name: &'static str,
    method: Method,
    path: &'static str,
    status: u16,
    idempotent: bool,
    idempotency_key: bool,
) -> OpSpec {
    OpSpec {
        name,
        method,
        path,
        input: Input::Json,
        status,
        session: true,
        starts_session: false,
        ends_session: false,
        idempotent,
        writes: true,
        idempotency_key,
    }
}

operation!(
    /// `GET /payee-account`: the member's registered payee account (SPEC S8).
    GetPayeeAccount: () => PayeeAccountStatus,
    OpSpec::member_read("payeeAccount", "/payee-account", Input::Nothing)
);

operation!(
    /// `PUT /payee-account`: register or replace it; the holder name must be
    /// the member's own. Replacing with the same account changes nothing.
    RegisterPayeeAccount: PayeeAccountInput => PayeeAccount,
    member_write("registerPayeeAccount", Method::Put, "/payee-account", 200, true, false)
);

operation!(
    /// `POST /transfers/quote`: what a transfer would do, for the
    /// confirmation screen (arrival, balance after). Books nothing.
    QuoteTransfer: TransferRequest => TransferQuote,
    OpSpec {
        name: "quoteTransfer",
        method: Method::Post,
        path: "/transfers/quote",
        input: Input::Json,
        status: 200,
        session: true,
        starts_session: false,
        ends_session: false,
        idempotent: true,
        writes: false,
        idempotency_key: false,
    }
);

operation!(
    /// `POST /transfers`: borrow by transfer to the payee account (SPEC S8).
    /// A repeated `Idempotency-Key` answers the first receipt.
    Transfer: TransferRequest => TransferReceipt,
    member_write("transfer", Method::Post, "/transfers", 201, false, true)
);

operation!(
    /// `POST /repayments`: start an internet repayment at the member's bank
    /// (SPEC S9); the reply names the bank page to approve it at.
    StartRepayment: RepaymentRequest => Repayment,
    member_write("startRepayment", Method::Post, "/repayments", 201, false, true)
);

operation!(
    /// `GET /repayments`: one repayment, for the bank's return.
    GetRepayment: RepaymentQuery => Repayment,
    OpSpec::member_read("repayment", "/repayments", Input::Query)
);

operation!(
    /// `POST /repayments/decision`: the (simulated) bank's answer. Only the
    /// first decision counts; a repeat answers the repayment as it stands.
    DecideRepayment: BankDecisionRequest => Repayment,
    member_write("decideRepayment", Method::Post, "/repayments/decision", 200, true, false)
);

operation!(
    /// `GET /movements`: what an `Idempotency-Key` booked, so a portal that
    /// lost an answer learns the outcome before it offers a retry.
    GetMovement: MovementQuery => MovementLookup,
    OpSpec::member_read("movement", "/movements", Input::Query)
);

/// A request before sign-in (SPEC S5): public, `POST` with a JSON body,
/// never retried by the adapter (a code request sends an e-mail, a code
/// check uses a try).
const fn public_post(name: &'static str, path: &'static str, status: u16, writes: bool) -> OpSpec {
    OpSpec {
        name,
        method: Method::Post,
        path,
        input: Input::Json,
        status,
        session: false,
        starts_session: false,
        ends_session: false,
        idempotent: false,
        writes,
        idempotency_key: false,
    }
}

operation!(
    /// `POST /registration/codes`: send a confirmation code for a WEB-ID
    /// registration to the member's registered e-mail, if the member number
    /// and e-mail match a member without a WEB-ID. The answer is the same
    /// either way. Codes live only in the lender's memory (`writes: false`).
    RequestRegistrationCode: RegistrationCodeRequest => CodeSent,
    public_post("requestRegistrationCode", "/registration/codes", 202, false)
);

operation!(
    /// `POST /password-reset/codes`: the same for a password reset, by
    /// WEB-ID and registered e-mail.
    RequestResetCode: ResetCodeRequest => CodeSent,
    public_post("requestPasswordResetCode", "/password-reset/codes", 202, false)
);

operation!(
    /// `POST /codes/verification`: check a typed code (5 tries, 10 minutes).
    VerifyCode: VerifyCodeRequest => (),
    public_post("verifyCode", "/codes/verification", 204, false)
);

operation!(
    /// `POST /registration`: choose the WEB-ID and password once the code
    /// was accepted; the member then signs in with them.
    RegisterWebId: RegistrationRequest => Registered,
    public_post("registerWebId", "/registration", 201, true)
);

operation!(
    /// `POST /password-reset`: choose a new password once the code was
    /// accepted. The old password stops working at once.
    ResetPassword: PasswordResetRequest => (),
    public_post("resetPassword", "/password-reset", 204, true)
);

operation!(
    /// `GET /reminder`: the reminder e-mail setting and its next send time
    /// (SPEC S13).
    GetReminder: () => ReminderStatus,
    OpSpec::member_read("reminder", "/reminder", Input::Nothing)
);

operation!(
    /// `PUT /reminder`: change it; a notice e-mail says what changed.
    SetReminder: ReminderSetting => ReminderStatus,
    member_write("setReminder", Method::Put, "/reminder", 200, true, false)
);

operation!(
    /// `GET /points`: the point balance and history (SPEC S14).
    GetPoints: () => PointsStatus,
    OpSpec::member_read("points", "/points", Input::Nothing)
);

operation!(
    /// `POST /points/membership`: join the point service; 100 points the
    /// first time only, so joining again changes nothing.
    JoinPoints: () => PointsStatus,
    OpSpec {
        name: "joinPoints",
        method: Method::Post,
        path: "/points/membership",
        input: Input::Nothing,
        status: 200,
        session: true,
        starts_session: false,
        ends_session: false,
        idempotent: true,
        writes: true,
        idempotency_key: false,
    }
);

operation!(
    /// `POST /points/exchanges`: spend points on a catalogue item, toward a
    /// repayment (booked in the ledger) or on goods. Keyed like a money
    /// movement: a repeated `Idempotency-Key` answers the first receipt.
    ExchangePoints: ExchangeRequest => ExchangeReceipt,
    member_write("exchangePoints", Method::Post, "/points/exchanges", 201, false, true)
);

/// The request as the wire carries it (see the module documentation).
pub fn encode_request<Op: Operation>(request: &Op::Request) -> Result<String, BackendError> {
    match Op::SPEC.input {
        Input::Nothing => Ok(String::new()),
        Input::Query => serde_urlencoded::to_string(request).map_err(|_| BackendError::Malformed),
        Input::Json => serde_json::to_string(request).map_err(|_| BackendError::Malformed),
        // Bytes travel as a form (`Operation::into_form`), never as text.
        Input::Multipart => Err(BackendError::Malformed),
    }
}

/// Reads a request as the server does: anything unreadable is
/// `invalid_input` with no field problems. A JSON request must be an object.
pub fn decode_request<Op: Operation>(wire: &str) -> Result<Op::Request, BackendError> {
    let unreadable = || BackendError::InvalidInput {
        problems: Vec::new(),
    };
    match Op::SPEC.input {
        Input::Nothing => serde_json::from_str("null").map_err(|_| unreadable()),
        Input::Query => serde_urlencoded::from_str(wire).map_err(|_| unreadable()),
        Input::Json => {
            let value: serde_json::Value = serde_json::from_str(wire).map_err(|_| unreadable())?;
            if !value.is_object() {
                return Err(unreadable());
            }
            serde_json::from_value(value).map_err(|_| unreadable())
        }
        Input::Multipart => Err(unreadable()),
    }
}

/// The reply's JSON body; empty for an operation that answers nothing.
pub fn encode_reply<Op: Operation>(reply: &Op::Reply) -> Result<String, BackendError> {
    let json = serde_json::to_string(reply).map_err(|_| BackendError::Server)?;
    Ok(if json == "null" { String::new() } else { json })
}

/// Reads a reply body; an empty body is `null` (the `()` replies).
pub fn decode_reply<Op: Operation>(text: &str) -> Result<Op::Reply, BackendError> {
    decode_as::<Op::Reply>(text)
}

/// Reads a reply's JSON as `R`: the reply type itself, or a narrower
/// reading of the same JSON for a caller that needs only part of it (serde
/// skips the fields `R` leaves out), such as `TransferLookup`.
pub fn decode_as<R: serde::de::DeserializeOwned>(text: &str) -> Result<R, BackendError> {
    let body = if text.trim().is_empty() { "null" } else { text };
    serde_json::from_str(body).map_err(|_| BackendError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn names_and_routes_are_unique() {
        let names: BTreeSet<_> = OPERATIONS.iter().map(|s| s.name).collect();
        assert_eq!(names.len(), OPERATIONS.len());
        let routes: BTreeSet<_> = OPERATIONS
            .iter()
            .map(|s| (s.method.as_str(), s.path))
            .collect();
        assert_eq!(routes.len(), OPERATIONS.len());
        assert_eq!(find("accountHistory"), Some(GetHistory::SPEC));
        assert_eq!(find("nope"), None);
    }

    #[test]
    fn declarations_are_consistent() {
        for spec in OPERATIONS {
            // A GET reads: it may always be retried and never writes.
            if spec.method == Method::Get {
                assert!(spec.idempotent && !spec.writes, "{}", spec.name);
                assert_ne!(spec.input, Input::Json, "{}", spec.name);
            }
            if spec.input == Input::Query {
                assert_eq!(spec.method, Method::Get, "{}", spec.name);
            }
            // A form is posted, and only ever by a signed-in member.
            if spec.input == Input::Multipart {
                assert_eq!(spec.method, Method::Post, "{}", spec.name);
                assert!(spec.session && spec.writes, "{}", spec.name);
            }
            // Only a public operation can begin a session, only a session
            // operation end one.
            assert!(!(spec.starts_session && spec.session), "{}", spec.name);
            assert!(!spec.ends_session || spec.session, "{}", spec.name);
            assert!(spec.path.starts_with('/'), "{}", spec.name);
        }
    }

    #[test]
    fn requests_survive_the_wire() {
        let query = HistoryQuery {
            from: chrono::NaiveDate::from_ymd_opt(2026, 8, 26),
            to: None,
            kind: Some(crate::EntryKind::Repayment),
            offset: 50,
            limit: Some(50),
        };
        let wire = encode_request::<GetHistory>(&query);
        assert_eq!(
            wire.as_deref(),
            Ok("from=2026-08-26&kind=repayment&offset=50&limit=50")
        );
        assert_eq!(
            decode_request::<GetHistory>(wire.as_deref().unwrap_or_default()),
            Ok(query)
        );
        assert_eq!(decode_request::<KeepAlive>("anything"), Ok(()));
        assert!(decode_request::<SignIn>("[1]").is_err());
        assert!(decode_request::<GetHistory>("page=2").is_err());
        assert_eq!(encode_reply::<SignOut>(&()), Ok(String::new()));
        assert_eq!(decode_reply::<SignOut>(""), Ok(()));
        assert_eq!(
            decode_reply::<GetAccountSummary>("{"),
            Err(BackendError::Malformed)
        );
    }
}

operation!(
    /// `GET /profile`: what the member has registered, for `/settings`
    /// (SPEC S12).
    GetProfile: () => Profile,
    OpSpec::member_read("profile", "/profile", Input::Nothing)
);

operation!(
    /// `PUT /profile/repayment-day`: change the day of the month repayments
    /// fall due (SPEC S2, S12); the same day again changes nothing.
    ChangeRepaymentDay: RepaymentDayChange => RepaymentDayChanged,
    member_write("changeRepaymentDay", Method::Put, "/profile/repayment-day", 200, true, false)
);

operation!(
    /// `GET /documents`: the member's submitted documents with their
    /// status, newest first (SPEC S11).
    GetDocuments: () => Vec<SubmittedDocument>,
    OpSpec::member_read("documents", "/documents", Input::Nothing)
);

operation!(
    /// `POST /documents`: submit a document's pages as `multipart/form-data`
    /// (SPEC S11). Keyed like a money movement: a retried upload under the
    /// same `Idempotency-Key` answers the first submission and records
    /// nothing new, so a lost answer never makes two submissions.
    SubmitDocuments: DocumentUpload => SubmittedDocument,
    OpSpec {
        name: "submitDocuments",
        method: Method::Post,
        path: "/documents",
        input: Input::Multipart,
        status: 201,
        session: true,
        starts_session: false,
        ends_session: false,
        idempotent: false,
        writes: true,
        idempotency_key: true,
    },
    multipart
);

#[cfg(test)]
mod form_tests {
    use super::*;
    use crate::DocumentKind;

    #[test]
    fn only_multipart_operations_travel_as_forms() {
        let upload = DocumentUpload {
            kind: DocumentKind::IdentityDocument,
            pages: vec![vec![1, 2, 3]],
        };
        let form = SubmitDocuments::into_form(upload.clone());
        assert_eq!(form.as_ref().map(Form::data_len), Ok(17 + 3));
        let back = form.and_then(SubmitDocuments::from_form);
        assert_eq!(back, Ok(upload.clone()));
        assert_eq!(
            encode_request::<SubmitDocuments>(&upload),
            Err(BackendError::Malformed)
        );
        assert!(decode_request::<SubmitDocuments>("{}").is_err());
        assert_eq!(GetDocuments::into_form(()), Err(BackendError::Malformed));
        assert!(SignIn::from_form(Form::default()).is_err());
    }
}

operation!(
    /// `GET /credit-line`: the line, the balance, the rate and the latest
    /// increase request with its review status (SPEC S10).
    GetCreditLine: () => CreditLineStatus,
    OpSpec::member_read("creditLine", "/credit-line", Input::Nothing)
);

operation!(
    /// `POST /credit-line/increase-requests`: ask for a higher line; one
    /// request is reviewed at a time, so a repeat is refused, never doubled.
    RequestLineIncrease: LineIncreaseRequest => LineRequest,
    member_write("requestLineIncrease", Method::Post, "/credit-line/increase-requests", 201, false, false)
);

operation!(
    /// `PUT /credit-line`: lower the line at once (no review); the same line
    /// again is refused as not lower, so a retry cannot lower it twice.
    DecreaseLine: LineDecrease => CreditLineStatus,
    member_write("decreaseLine", Method::Put, "/credit-line", 200, false, false)
);

operation!(
    /// `PUT /profile/address`: register or change the home address (SPEC
    /// S12); the same address again changes nothing.
    ChangeAddress: AddressInput => AddressChanged,
    member_write("changeAddress", Method::Put, "/profile/address", 200, true, false)
);

operation!(
    /// `PUT /profile/employer`: register or change the employer (SPEC S12);
    /// the same employer again changes nothing.
    ChangeEmployer: EmployerInput => EmployerChanged,
    member_write("changeEmployer", Method::Put, "/profile/employer", 200, true, false)
);

operation!(
    /// `PUT /profile/prepaid-card`: register or change the VISA prepaid card
    /// number (SPEC S12); the same number again changes nothing.
    RegisterPrepaidCard: PrepaidCardInput => PrepaidCardRegistered,
    member_write("registerPrepaidCard", Method::Put, "/profile/prepaid-card", 200, true, false)
);

operation!(
    /// `POST /profile/email/codes`: mail a confirmation code to the address
    /// the member wants to change to (SPEC S12). A new request ends the
    /// member's previous one. Codes live only in the lender's memory
    /// (`writes: false`); not retried (it sends an e-mail).
    RequestEmailChangeCode: EmailCodeRequest => CodeSent,
    OpSpec {
        name: "requestEmailChangeCode",
        method: Method::Post,
        path: "/profile/email/codes",
        input: Input::Json,
        status: 202,
        session: true,
        starts_session: false,
        ends_session: false,
        idempotent: false,
        writes: false,
        idempotency_key: false,
    }
);

operation!(
    /// `PUT /profile/email`: the code from the new address changes the
    /// registered address. The lender answers an exact repeat as it
    /// answered the first (no second try used, no second change), so it
    /// may be retried.
    ConfirmEmailChange: EmailChangeRequest => EmailChanged,
    member_write("confirmEmailChange", Method::Put, "/profile/email", 200, true, false)
);

operation!(
    /// `PUT /profile/login`: change the WEB-ID and/or password, confirmed
    /// with the current password, or add a card member's first WEB-ID and
    /// password, confirmed with the PIN. A wrong current secret counts
    /// towards the security lock; an exact repeat is answered as the first
    /// was without counting again or changing twice, so it may be retried.
    ChangeLogin: LoginChangeRequest => LoginChanged,
    member_write("changeLogin", Method::Put, "/profile/login", 200, true, false)
);
