//! Wire types of WEB-ID registration and password reset (SPEC S5), before
//! sign-in. A member asks for a confirmation code with details the lender
//! checks against its records; the answer is the same whether they match or
//! not (`CodeSent`), so nobody learns which member numbers, WEB-IDs or
//! e-mail addresses exist. The code goes to the registered address only.
//! The `challenge` the answer names is what the page presents with the
//! code, then with the chosen WEB-ID or password; it lives in the page's
//! memory only, never in browser storage.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `POST /registration/codes`: 会員番号 and the registered e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationCodeRequest {
    pub member_number: String,
    pub email: String,
}

/// `POST /password-reset/codes`: the WEB-ID and the registered e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetCodeRequest {
    pub web_id: String,
    pub email: String,
}

/// The answer to a code request, identical for details that match and
/// details that do not: "if the details match, a code has been sent".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSent {
    /// 32 hexadecimal digits naming this request; a new request for the
    /// same member number or WEB-ID ends the previous one.
    pub challenge: String,
    /// When the code stops working (10 minutes after it was sent).
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub expires_at: DateTime<Utc>,
}

/// `POST /codes/verification`: the code the member typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyCodeRequest {
    pub challenge: String,
    pub code: String,
}

/// `POST /registration`: the WEB-ID and password chosen after the code.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationRequest {
    pub challenge: String,
    pub web_id: String,
    pub password: String,
}

/// `POST /password-reset`: the new password chosen after the code.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub challenge: String,
    pub password: String,
}

// The password never reaches a log line or a panic message.
impl std::fmt::Debug for RegistrationRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistrationRequest")
            .field("web_id", &self.web_id)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for PasswordResetRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordResetRequest")
            .finish_non_exhaustive()
    }
}

/// A registered WEB-ID, as the member will type it to sign in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub web_id: String,
}

/// Why a code can no longer be used (`code_ended`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeEnd {
    /// Sent more than 10 minutes ago (or accepted more than 15 minutes ago
    /// without a WEB-ID or password chosen).
    Expired,
    /// Five wrong codes were typed, or the code was already used.
    TooManyTries,
    /// The lender knows no such request: a newer code replaced it, or it
    /// was never made.
    Unknown,
}

portal_domain::wire_names!(CodeEnd {
    Expired = "expired",
    TooManyTries = "too_many_tries",
    Unknown = "unknown",
});
