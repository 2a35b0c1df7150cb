//! The e-mail address, WEB-ID and password of SPEC S12.
//!
//! An e-mail change is two requests: `POST /profile/email/codes` names the
//! new address, and the lender mails a 6-digit code to it (proving the
//! member reads that mailbox), answering [`crate::CodeSent`] as the codes of
//! SPEC S5 do; `PUT /profile/email` with that `challenge` and the code then
//! changes the address. A wrong code is `BackendError::CodeRefused`, a code
//! that has run out `BackendError::CodeEnded`. The challenge lives in the
//! page's memory only.
//!
//! A WEB-ID or password change is one request, `PUT /profile/login`,
//! confirmed with the secret the member signs in with now.

use serde::{Deserialize, Serialize};

/// `POST /profile/email/codes`: the address to change to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailCodeRequest {
    pub email: String,
}

/// `PUT /profile/email`: the code mailed to the new address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailChangeRequest {
    pub challenge: String,
    pub code: String,
}

/// What an e-mail change did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailChanged {
    /// The address registered now.
    pub email: String,
    /// The address it replaced (`None` if there was none).
    pub previous: Option<String>,
}

/// `PUT /profile/login`: a new WEB-ID and password, or a card member's
/// first ones.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginChangeRequest {
    /// The password the member signs in with now; a member without a
    /// WEB-ID (a card member adding one) gives the card's PIN instead.
    pub current_secret: String,
    /// The WEB-ID wanted: the current one to keep it.
    pub web_id: String,
    /// The new password; `null` keeps the current one (only a member who
    /// has a WEB-ID and changes it may keep the password).
    pub password: Option<String>,
}

// The secrets never reach a log line or a panic message.
impl std::fmt::Debug for LoginChangeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginChangeRequest")
            .field("web_id", &self.web_id)
            .field("new_password", &self.password.is_some())
            .finish_non_exhaustive()
    }
}

/// What a WEB-ID or password change did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginChanged {
    /// The WEB-ID the member signs in with now.
    pub web_id: String,
    /// The WEB-ID it replaced: `null` when the member had none (a card
    /// member who added one), the same as `web_id` when it was kept.
    pub previous_web_id: Option<String>,
    /// Whether the password changed (always, when a WEB-ID was added).
    pub password_changed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_secrets() {
        let request = LoginChangeRequest {
            current_secret: "Passw0rd".into(),
            web_id: "demo0001".into(),
            password: Some("NewPass2026".into()),
        };
        let shown = format!("{request:?}");
        assert!(
            !shown.contains("Passw0rd") && !shown.contains("NewPass2026"),
            "{shown}"
        );
        assert!(shown.contains("demo0001"));
    }
}
