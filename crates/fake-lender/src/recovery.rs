//! WEB-ID registration and password reset (SPEC S5).
//!
//! A code request names a member by member number or WEB-ID plus the
//! registered e-mail. Whether or not they match, the lender keeps a pending
//! request with a fresh 6-digit code and answers the same `CodeSent`; only
//! a match sends the code, to the registered address. A mismatch's code
//! reaches nobody, so typing codes against it behaves exactly like typing
//! wrong codes against a real one: the answers never tell a member number,
//! WEB-ID or e-mail that exists from one that does not.
//!
//! Codes live in memory only ([`Recovery`], outside the persisted
//! `LenderState`), and so do the e-mails that carry them: the in-browser
//! demo keeps `LenderState` in localStorage, and a code must never reach
//! browser storage. Chosen passwords are persisted only as salted SHA-256
//! digests (`StoredLogin`).

use crate::movements::Mail;
use crate::{seed, Lender};
use chrono::{DateTime, Duration, Utc};
use portal_api::{
    BackendError, CodeEnd, CodeSent, PasswordResetRequest, Registered, RegistrationCodeRequest,
    RegistrationRequest, ResetCodeRequest, VerifyCodeRequest,
};
use portal_domain::input::{
    collect_errors, parse_member_number, parse_new_password, parse_web_id, Field, FieldError,
};
use portal_domain::recovery::{
    parse_confirmation_code, parse_email, CodeChallenge, CodeRefusal, ConfirmationCode, Email,
    CODE_VALID_MINUTES, COMPLETE_WITHIN_MINUTES,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// At most this many pending requests; beyond it the oldest is forgotten,
/// so requests for made-up details cannot grow the lender without bound.
pub const MAX_PENDING: usize = 1_000;

/// A WEB-ID or password chosen through the portal (the seeded ones live in
/// code). The password is kept only as a digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredLogin {
    pub member_id: String,
    /// A WEB-ID registered through `/register`, if any.
    #[serde(default)]
    pub web_id: Option<String>,
    /// Hex SHA-256 of the lender's salt, the member id and the password.
    pub password_digest: String,
}

/// What a pending request is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    Registration,
    Reset,
}

#[derive(Clone, Debug)]
struct Pending {
    purpose: Purpose,
    /// The member or WEB-ID it was asked for, folded, so a new request for
    /// the same one replaces it.
    identity: String,
    /// The member the details matched; `None` for details that match no
    /// one (or a registration for a member who already has a WEB-ID).
    member_id: Option<String>,
    challenge: CodeChallenge,
}

/// The lender's memory of code requests and the e-mails carrying codes.
#[derive(Clone, Debug, Default)]
pub struct Recovery {
    pending: HashMap<String, Pending>,
    mail: Vec<Mail>,
    /// Signed-in members' e-mail changes waiting for their code and the
    /// answers to their last changes (SPEC S12, `crate::credentials`).
    pub(crate) credentials: crate::credentials::Volatile,
}

impl Recovery {
    /// The e-mails that carried codes, kept out of persisted state.
    pub fn mail(&self) -> &[Mail] {
        &self.mail
    }

    /// Keeps an e-mail that carries a code, in memory only.
    pub(crate) fn push_mail(&mut self, mail: Mail) {
        self.mail.push(mail);
    }
}

fn invalid(field: Field, error: FieldError) -> BackendError {
    BackendError::InvalidInput {
        problems: vec![portal_api::FieldProblem { field, error }],
    }
}

/// Every field that failed its rule, in the form's order, as one refusal.
fn refused<const N: usize>(checks: [(Field, Option<FieldError>); N]) -> BackendError {
    let problems = collect_errors(checks)
        .into_iter()
        .map(|(field, error)| portal_api::FieldProblem { field, error })
        .collect();
    BackendError::InvalidInput { problems }
}

fn ended(why: CodeEnd) -> BackendError {
    BackendError::CodeEnded { why }
}

/// The digest a chosen password is kept as.
pub(crate) fn password_digest(salt: u64, member_id: &str, password: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt.to_le_bytes());
    hasher.update(member_id.as_bytes());
    hasher.update([0]);
    hasher.update(password.as_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Lender {
    /// The member's WEB-ID: one registered through the portal, else the
    /// seeded one.
    pub(crate) fn web_id_of(&self, member: &seed::DemoMember) -> Option<String> {
        self.stored_login(member.id)
            .and_then(|l| l.web_id.clone())
            .or_else(|| match member.login {
                seed::DemoLogin::WebId { web_id, .. } => Some(web_id.to_owned()),
                _ => None,
            })
    }

    /// Whether `email` is the member's registered address now: the one
    /// changed through the settings (SPEC S12), else the seeded one. An
    /// address the member has changed away from matches no longer.
    fn registered_email_is(&self, member: &seed::DemoMember, email: &Email) -> bool {
        self.email_of(member)
            .and_then(|e| parse_email(&e).ok())
            .is_some_and(|e| e.same_mailbox(email))
    }

    pub(crate) fn stored_login(&self, member_id: &str) -> Option<&StoredLogin> {
        self.state.logins.iter().find(|l| l.member_id == member_id)
    }

    /// Sends a code for a WEB-ID registration if the member number and
    /// e-mail match a member without one; answers the same in every case.
    pub fn request_registration_code(
        &mut self,
        request: &RegistrationCodeRequest,
        now: DateTime<Utc>,
        challenge: String,
        code: ConfirmationCode,
    ) -> Result<CodeSent, BackendError> {
        self.ensure_open(now)?;
        let number = parse_member_number(&request.member_number);
        let email = parse_email(&request.email);
        let (number, email) = match (number, email) {
            (Ok(n), Ok(e)) => (n, e),
            (n, e) => {
                return Err(refused([
                    (Field::MemberNumber, n.err()),
                    (Field::Email, e.err()),
                ]));
            }
        };
        let member = seed::demo_members()
            .iter()
            .find(|m| m.member_number == number.as_str() && self.registered_email_is(m, &email));
        let member_id = match member {
            Some(m) if self.web_id_of(m).is_some() => {
                self.send_volatile_mail(
                    m,
                    now,
                    "WEB-ID登録のお手続きについて",
                    "WEB-ID登録のお手続きを受け付けましたが、お客さまのWEB-IDはすでに登録されています。パスワードをお忘れの場合は、会員ログイン画面の「パスワードをお忘れの方」から再設定してください。".to_owned(),
                );
                None
            }
            Some(m) => {
                self.send_volatile_mail(
                    m,
                    now,
                    "【確認コード】WEB-ID登録のお手続き",
                    format!(
                        "WEB-ID登録の確認コードは {} です。\n{}分以内に画面に入力してください。",
                        code.as_str(),
                        CODE_VALID_MINUTES
                    ),
                );
                Some(m.id.to_owned())
            }
            None => None,
        };
        let identity = format!("register:{}", number.as_str());
        Ok(self.remember(
            Purpose::Registration,
            identity,
            member_id,
            challenge,
            code,
            now,
        ))
    }

    /// Sends a code for a password reset if the WEB-ID and e-mail match a
    /// member; answers the same in every case.
    pub fn request_reset_code(
        &mut self,
        request: &ResetCodeRequest,
        now: DateTime<Utc>,
        challenge: String,
        code: ConfirmationCode,
    ) -> Result<CodeSent, BackendError> {
        self.ensure_open(now)?;
        let web_id = parse_web_id(&request.web_id);
        let email = parse_email(&request.email);
        let (web_id, email) = match (web_id, email) {
            (Ok(w), Ok(e)) => (w, e),
            (w, e) => {
                return Err(refused([(Field::WebId, w.err()), (Field::Email, e.err())]));
            }
        };
        let member = seed::demo_members().iter().find(|m| {
            self.web_id_of(m).as_deref() == Some(web_id.as_str())
                && self.registered_email_is(m, &email)
        });
        let member_id = member.map(|m| {
            self.send_volatile_mail(
                m,
                now,
                "【確認コード】パスワード再設定のお手続き",
                format!(
                    "パスワード再設定の確認コードは {} です。\n{}分以内に画面に入力してください。",
                    code.as_str(),
                    CODE_VALID_MINUTES
                ),
            );
            m.id.to_owned()
        });
        let identity = format!("reset:{}", web_id.as_str().to_ascii_lowercase());
        Ok(self.remember(Purpose::Reset, identity, member_id, challenge, code, now))
    }

    /// Keeps a pending request, replacing any earlier one for the same
    /// member number or WEB-ID, within [`MAX_PENDING`].
    fn remember(
        &mut self,
        purpose: Purpose,
        identity: String,
        member_id: Option<String>,
        challenge: String,
        code: ConfirmationCode,
        now: DateTime<Utc>,
    ) -> CodeSent {
        let pending = &mut self.recovery.pending;
        let stale = now - Duration::minutes(CODE_VALID_MINUTES + COMPLETE_WITHIN_MINUTES);
        pending.retain(|_, p| p.identity != identity && p.challenge.issued_at() > stale);
        while pending.len() >= MAX_PENDING {
            let oldest = pending
                .iter()
                .min_by_key(|(_, p)| p.challenge.issued_at())
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => pending.remove(&k),
                None => break,
            };
        }
        // Details that match no one get a challenge no code opens (the code
        // drawn for them is dropped unsent), answering exactly like a real one.
        let challenge_state = match member_id {
            Some(_) => CodeChallenge::new(code, now),
            None => CodeChallenge::decoy(now),
        };
        let expires_at = challenge_state.expires_at();
        pending.insert(
            challenge.clone(),
            Pending {
                purpose,
                identity,
                member_id,
                challenge: challenge_state,
            },
        );
        CodeSent {
            challenge,
            expires_at,
        }
    }

    /// Checks a typed code against a pending request.
    pub fn verify_code(
        &mut self,
        request: &VerifyCodeRequest,
        now: DateTime<Utc>,
    ) -> Result<(), BackendError> {
        self.ensure_open(now)?;
        let code = parse_confirmation_code(&request.code).map_err(|e| invalid(Field::Code, e))?;
        let pending = self
            .recovery
            .pending
            .get_mut(&request.challenge)
            .ok_or(ended(CodeEnd::Unknown))?;
        pending.challenge.check(&code, now).map_err(|r| match r {
            CodeRefusal::Wrong { tries_left } => BackendError::CodeRefused { tries_left },
            CodeRefusal::Expired => ended(CodeEnd::Expired),
            CodeRefusal::TooManyTries => ended(CodeEnd::TooManyTries),
        })?;
        Ok(())
    }

    /// The member a request whose code was accepted belongs to, ending it.
    fn take_accepted(
        &mut self,
        challenge: &str,
        purpose: Purpose,
        now: DateTime<Utc>,
    ) -> Result<&'static seed::DemoMember, BackendError> {
        let pending = self
            .recovery
            .pending
            .get(challenge)
            .filter(|p| p.purpose == purpose)
            .ok_or(ended(CodeEnd::Unknown))?;
        if !pending.challenge.may_complete(now) {
            return Err(ended(CodeEnd::Expired));
        }
        pending
            .member_id
            .as_deref()
            .and_then(seed::member)
            .ok_or(ended(CodeEnd::Unknown))
    }

    /// Registers the chosen WEB-ID and password; the member signs in with
    /// them from now on (a card member keeps their card sign-in too).
    pub fn register_web_id(
        &mut self,
        request: &RegistrationRequest,
        now: DateTime<Utc>,
    ) -> Result<Registered, BackendError> {
        self.ensure_open(now)?;
        let member = self.take_accepted(&request.challenge, Purpose::Registration, now)?;
        let web_id = parse_web_id(&request.web_id);
        let password = parse_new_password(&request.password, &request.web_id);
        let (web_id, password) = match (web_id, password) {
            (Ok(w), Ok(p)) => (w, p),
            (w, p) => {
                return Err(refused([
                    (Field::WebId, w.err()),
                    (Field::Password, p.err()),
                ]));
            }
        };
        // Unique without regard to case, so no two members have WEB-IDs
        // that differ only in case (sign-in itself stays case-sensitive).
        let taken = seed::demo_members().iter().any(|m| {
            self.web_id_of(m)
                .is_some_and(|id| id.eq_ignore_ascii_case(web_id.as_str()))
        });
        if taken {
            return Err(BackendError::WebIdTaken);
        }
        let digest = password_digest(self.state.salt, member.id, password.as_str());
        self.state.logins.retain(|l| l.member_id != member.id);
        self.state.logins.push(StoredLogin {
            member_id: member.id.to_owned(),
            web_id: Some(web_id.as_str().to_owned()),
            password_digest: digest,
        });
        self.recovery.pending.remove(&request.challenge);
        self.send_mail(
            member,
            now,
            "WEB-ID登録完了のお知らせ",
            format!(
                "WEB-IDの登録が完了しました。\nWEB-ID: {}\n次回から、このWEB-IDとご登録のパスワードでログインできます。",
                web_id.as_str()
            ),
        );
        Ok(Registered {
            web_id: web_id.as_str().to_owned(),
        })
    }

    /// Sets a new password; the old one stops working at once. A security
    /// lock stays: only an automatic contract machine lifts it (SPEC S4).
    pub fn reset_password(
        &mut self,
        request: &PasswordResetRequest,
        now: DateTime<Utc>,
    ) -> Result<(), BackendError> {
        self.ensure_open(now)?;
        let member = self.take_accepted(&request.challenge, Purpose::Reset, now)?;
        let web_id = self.web_id_of(member).ok_or(BackendError::Server)?;
        let password = parse_new_password(&request.password, &web_id)
            .map_err(|e| invalid(Field::Password, e))?;
        let digest = password_digest(self.state.salt, member.id, password.as_str());
        let registered = self.stored_login(member.id).and_then(|l| l.web_id.clone());
        self.state.logins.retain(|l| l.member_id != member.id);
        self.state.logins.push(StoredLogin {
            member_id: member.id.to_owned(),
            web_id: registered,
            password_digest: digest,
        });
        if let Ok(account) = self.account_mut(member.id) {
            if !account.locked {
                account.failed_attempts = 0;
            }
        }
        self.recovery.pending.remove(&request.challenge);
        self.send_mail(
            member,
            now,
            "パスワード再設定完了のお知らせ",
            "パスワードの再設定が完了しました。次回から新しいパスワードでログインしてください。"
                .to_owned(),
        );
        Ok(())
    }

    fn send_volatile_mail(
        &mut self,
        member: &seed::DemoMember,
        now: DateTime<Utc>,
        subject: &str,
        body: String,
    ) {
        if let Some(to) = self.email_of(member) {
            let mail = crate::movements::notice(&to, member, now, subject, body);
            self.recovery.mail.push(mail);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::{LoginKind, SessionToken, SignInRequest};

    use crate::tests::{fresh_token_bytes as bits, wednesday_noon as noon};

    fn code_for(lender: &mut Lender, number: &str, email: &str) -> CodeSent {
        let request = RegistrationCodeRequest {
            member_number: number.into(),
            email: email.into(),
        };
        let sent = lender.request_registration_code(
            &request,
            noon(),
            SessionToken::from_random(bits()).as_str().to_owned(),
            ConfirmationCode::from_random(bits()),
        );
        sent.unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn reset_code_for(lender: &mut Lender, web_id: &str, email: &str) -> CodeSent {
        let request = ResetCodeRequest {
            web_id: web_id.into(),
            email: email.into(),
        };
        let sent = lender.request_reset_code(
            &request,
            noon(),
            SessionToken::from_random(bits()).as_str().to_owned(),
            ConfirmationCode::from_random(bits()),
        );
        sent.unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// The code in the newest mail to `to`, as the member reads it.
    fn mailed_code(lender: &Lender, to: &str) -> Option<String> {
        let mail = lender.mailbox().into_iter().rev().find(|m| m.to == to)?;
        let (_, rest) = mail.body.split_once("確認コードは ")?;
        Some(rest.chars().take(6).collect())
    }

    fn verify(
        lender: &mut Lender,
        sent: &CodeSent,
        code: &str,
        at: DateTime<Utc>,
    ) -> Result<(), BackendError> {
        let request = VerifyCodeRequest {
            challenge: sent.challenge.clone(),
            code: code.into(),
        };
        lender.verify_code(&request, at)
    }

    fn sign_in(
        lender: &mut Lender,
        web_id: &str,
        password: &str,
    ) -> Result<LoginKind, BackendError> {
        let request = SignInRequest::WebId {
            web_id: web_id.into(),
            password: password.into(),
        };
        lender
            .sign_in(&request, noon(), SessionToken::from_random(bits()))
            .map(|s| s.login)
    }

    fn register(
        lender: &mut Lender,
        sent: &CodeSent,
        web_id: &str,
        password: &str,
    ) -> Result<Registered, BackendError> {
        let request = RegistrationRequest {
            challenge: sent.challenge.clone(),
            web_id: web_id.into(),
            password: password.into(),
        };
        lender.register_web_id(&request, noon())
    }

    #[test]
    fn a_member_without_a_web_id_registers_one_and_signs_in_with_it() {
        let mut lender = Lender::seeded(noon(), 7);
        let sent = code_for(&mut lender, "１２３-４５６-７８９", "Taro@Example.com");
        assert_eq!(sent.expires_at, noon() + Duration::minutes(10));
        let code = mailed_code(&lender, "taro@example.com").unwrap_or_default();
        assert_eq!(code.len(), 6);
        assert_eq!(verify(&mut lender, &sent, &code, noon()), Ok(()));
        assert_eq!(
            register(&mut lender, &sent, "demo0001", "Taro2026"),
            Err(BackendError::WebIdTaken),
            "taken whatever the case"
        );
        assert!(matches!(
            register(&mut lender, &sent, "taro2026", "taro2026"),
            Err(BackendError::InvalidInput { .. })
        ));
        assert_eq!(
            register(&mut lender, &sent, "taro2026", "Yamada2026"),
            Ok(Registered {
                web_id: "taro2026".into()
            })
        );
        assert_eq!(
            sign_in(&mut lender, "taro2026", "Yamada2026"),
            Ok(LoginKind::WebId)
        );
        assert_eq!(
            sign_in(&mut lender, "TARO2026", "Yamada2026"),
            Err(BackendError::BadCredentials)
        );
        assert!(lender
            .mailbox()
            .iter()
            .any(|m| m.subject.contains("WEB-ID登録完了") && m.body.contains("taro2026")));
        // The request is used up.
        assert_eq!(
            register(&mut lender, &sent, "taro2027", "Yamada2026"),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            })
        );
    }

    #[test]
    fn a_card_member_adds_a_web_id_and_keeps_the_card() {
        let mut lender = Lender::seeded(noon(), 7);
        let sent = code_for(&mut lender, "100000001", "card7890@example.com");
        let code = mailed_code(&lender, "card7890@example.com").unwrap_or_default();
        assert_eq!(verify(&mut lender, &sent, &code, noon()), Ok(()));
        assert!(register(&mut lender, &sent, "hanako01", "Hanako2026").is_ok());
        assert_eq!(
            sign_in(&mut lender, "hanako01", "Hanako2026"),
            Ok(LoginKind::WebId)
        );
        let card = SignInRequest::Card {
            card_number: "1234567890".into(),
            pin: "1234".into(),
        };
        assert!(lender
            .sign_in(&card, noon(), SessionToken::from_random(bits()))
            .is_ok());
    }

    /// The answers for details that match nobody, or a member who already
    /// has a WEB-ID, are the answers for a real request typed wrong.
    #[test]
    fn unknown_details_answer_exactly_like_known_ones() {
        // Six codes typed against a request: the same wrong code each time.
        let answers = |number: &str, email: &str, wrong: &str| {
            let mut lender = Lender::seeded(noon(), 7);
            let sent = code_for(&mut lender, number, email);
            assert_eq!(sent.expires_at, noon() + Duration::minutes(10));
            assert_eq!(sent.challenge.len(), 32);
            let answers: Vec<_> = (0..6)
                .map(|_| verify(&mut lender, &sent, wrong, noon()))
                .collect();
            (answers, lender.mailbox())
        };
        let (expected, mail) = answers("123456789", "taro@example.com", "000000");
        let real_code = mail.last().map(|m| m.body.clone()).unwrap_or_default();
        assert!(!real_code.contains("000000"), "pick another wrong code");
        assert_eq!(
            expected[0],
            Err(BackendError::CodeRefused { tries_left: 4 })
        );
        assert_eq!(
            expected[4],
            Err(BackendError::CodeEnded {
                why: CodeEnd::TooManyTries
            })
        );
        for (number, email) in [
            ("987654321", "nobody@example.com"),
            ("123456789", "jiro@example.com"),
            ("100000003", "demo0001@example.com"),
        ] {
            let (got, mail) = answers(number, email, "000000");
            assert_eq!(got, expected, "{number} {email}");
            assert!(mail.iter().all(|m| !m.body.contains("確認コードは")));
        }
        // The member who has a WEB-ID is told so, with no code; nobody else
        // gets anything.
        let (_, mail) = answers("100000003", "demo0001@example.com", "000000");
        assert_eq!(mail.len(), 1);
        assert!(mail[0].body.contains("すでに登録"), "{}", mail[0].body);
        let (_, mail) = answers("987654321", "nobody@example.com", "000000");
        assert!(mail.is_empty());
    }

    #[test]
    fn five_wrong_codes_end_it_and_a_new_code_replaces_the_old() {
        let mut lender = Lender::seeded(noon(), 7);
        let first = code_for(&mut lender, "123456789", "taro@example.com");
        let code = mailed_code(&lender, "taro@example.com").unwrap_or_default();
        let wrong = if code == "000000" { "000001" } else { "000000" };
        for left in (1..=4).rev() {
            assert_eq!(
                verify(&mut lender, &first, wrong, noon()),
                Err(BackendError::CodeRefused { tries_left: left })
            );
        }
        let ended = Err(BackendError::CodeEnded {
            why: CodeEnd::TooManyTries,
        });
        assert_eq!(verify(&mut lender, &first, wrong, noon()), ended);
        assert_eq!(verify(&mut lender, &first, &code, noon()), ended);

        let second = code_for(&mut lender, "123456789", "taro@example.com");
        assert_eq!(
            verify(&mut lender, &first, &code, noon()),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            })
        );
        let third = code_for(&mut lender, "123456789", "taro@example.com");
        let newest = mailed_code(&lender, "taro@example.com").unwrap_or_default();
        assert_eq!(
            verify(&mut lender, &second, &newest, noon()),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            }),
            "a newer code replaced it"
        );
        assert_eq!(verify(&mut lender, &third, &newest, noon()), Ok(()));
    }

    #[test]
    fn a_code_expires_after_ten_minutes() {
        let mut lender = Lender::seeded(noon(), 7);
        let sent = code_for(&mut lender, "123456789", "taro@example.com");
        let code = mailed_code(&lender, "taro@example.com").unwrap_or_default();
        let late = noon() + Duration::minutes(10);
        assert_eq!(
            verify(&mut lender, &sent, &code, late),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Expired
            })
        );
    }

    #[test]
    fn a_password_reset_replaces_the_old_password() {
        let mut lender = Lender::seeded(noon(), 7);
        let sent = reset_code_for(&mut lender, "demo0001", "DEMO0001@example.com");
        let code = mailed_code(&lender, "demo0001@example.com").unwrap_or_default();
        assert_eq!(verify(&mut lender, &sent, &code, noon()), Ok(()));
        let reset = |lender: &mut Lender, password: &str| {
            let request = PasswordResetRequest {
                challenge: sent.challenge.clone(),
                password: password.into(),
            };
            lender.reset_password(&request, noon())
        };
        assert!(matches!(
            reset(&mut lender, "demo0001"),
            Err(BackendError::InvalidInput { .. })
        ));
        assert_eq!(reset(&mut lender, "NewPass2026"), Ok(()));
        assert_eq!(
            sign_in(&mut lender, "demo0001", "Passw0rd"),
            Err(BackendError::BadCredentials)
        );
        assert_eq!(
            sign_in(&mut lender, "demo0001", "NewPass2026"),
            Ok(LoginKind::WebId)
        );
        assert!(lender
            .mailbox()
            .iter()
            .any(|m| m.subject.contains("パスワード再設定完了")));
        // A card-only member has no WEB-ID to reset: nothing is sent.
        let before = lender.mailbox().len();
        reset_code_for(&mut lender, "1234567890", "card7890@example.com");
        assert_eq!(lender.mailbox().len(), before);
    }

    #[test]
    fn no_code_or_password_reaches_persisted_state() {
        let mut lender = Lender::seeded(noon(), 7);
        let sent = code_for(&mut lender, "123456789", "taro@example.com");
        let code = mailed_code(&lender, "taro@example.com").unwrap_or_default();
        assert_eq!(verify(&mut lender, &sent, &code, noon()), Ok(()));
        assert!(register(&mut lender, &sent, "taro2026", "Yamada2026").is_ok());
        let json = serde_json::to_string(lender.state()).unwrap_or_default();
        assert!(json.contains("taro2026"), "the WEB-ID is kept");
        assert!(!json.contains("Yamada2026"));
        assert!(!json.contains(&code));
        assert!(!json.contains(&sent.challenge));
        // A lender restored from that state knows no pending code, and the
        // registered member still signs in.
        let mut restored = Lender::from_state(lender.state().clone(), 7);
        let again = code_for(&mut lender, "123456789", "taro@example.com");
        assert_eq!(
            verify(&mut restored, &again, "123456", noon()),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            })
        );
        assert_eq!(
            sign_in(&mut restored, "taro2026", "Yamada2026"),
            Ok(LoginKind::WebId)
        );
    }

    proptest::proptest! {
        /// A WEB-ID that is another member's in any mix of case is taken;
        /// the same letters with one more digit are free.
        #[test]
        fn web_ids_are_unique_without_regard_to_case(flips in proptest::collection::vec(proptest::bool::ANY, 8)) {
            let taken: String = "demo0001"
                .chars()
                .zip(flips)
                .map(|(c, up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            let mut lender = Lender::seeded(noon(), 7);
            let sent = code_for(&mut lender, "123456789", "taro@example.com");
            let code = mailed_code(&lender, "taro@example.com").unwrap_or_default();
            proptest::prop_assert_eq!(verify(&mut lender, &sent, &code, noon()), Ok(()));
            proptest::prop_assert_eq!(
                register(&mut lender, &sent, &taken, "Yamada2026"),
                Err(BackendError::WebIdTaken)
            );
            let free = format!("{taken}9");
            proptest::prop_assert!(register(&mut lender, &sent, &free, "Yamada2026").is_ok());
        }
    }

    #[test]
    fn malformed_details_are_refused_by_field() {
        let mut lender = Lender::seeded(noon(), 7);
        let request = RegistrationCodeRequest {
            member_number: "12345".into(),
            email: "taro".into(),
        };
        let answer = lender.request_registration_code(
            &request,
            noon(),
            "x".repeat(32),
            ConfirmationCode::from_random(bits()),
        );
        let Err(BackendError::InvalidInput { problems }) = answer else {
            panic!("{answer:?}");
        };
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, [Field::MemberNumber, Field::Email]);
    }
}
