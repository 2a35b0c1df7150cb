//! The e-mail address, WEB-ID and password of SPEC S12, changed by a
//! signed-in member.
//!
//! **E-mail.** `request_email_change_code` checks the new address
//! (`portal_domain::credentials::parse_new_email`: not the current one) and
//! mails a 6-digit code to it, which proves the member reads that mailbox;
//! `confirm_email_change` takes the code (10 minutes, 5 tries, as the codes
//! of SPEC S5: `portal_domain::recovery::CodeChallenge`) and changes the
//! address in `AccountState::settings`. A member has at most one pending
//! change; a new request replaces it. Pending changes and the e-mails that
//! carry codes live in memory only (`crate::recovery::Recovery`), never in
//! `LenderState`. The change then sends two notices: one to the old address,
//! so that a member whose session was misused learns of it where they still
//! read their mail (it does not name the new address), and one to the new
//! address, confirming it; every later notice goes to the new address
//! (`Lender::email_of`), and so do registration and password-reset codes,
//! which match the member by the address registered now.
//!
//! **WEB-ID and password.** `change_login` is one request confirmed with the
//! secret the member signs in with now: the current password of a member
//! who has a WEB-ID, the card's PIN for a card member adding one (who keeps
//! signing in with the card too). The new WEB-ID is unique without regard to
//! case; the new password follows S5 and is stored as a salted digest
//! (`crate::recovery::StoredLogin`). A wrong current secret counts towards
//! the member's security lock exactly like a failed sign-in (the same
//! counter and the same secret threshold; a right one resets the counter as
//! a sign-in does): a stolen session cannot try passwords without limit. The
//! attempt that reaches the threshold locks the account, ends every session
//! of the member and answers `Locked`; a locked account's change is refused
//! the same way. One notice e-mail says what changed, never a secret.
//!
//! **Repeats.** Both changes remember, in memory, each member's last
//! request and its answer ([`Answered`]): the same request again within
//! [`REPEAT_WITHIN_MINUTES`] answers the same and does nothing more, so a
//! retry after a lost answer neither fails on a password that has just
//! changed nor counts a wrong password twice, and both operations are
//! declared `idempotent`.

use crate::movements::notice;
use crate::recovery::{password_digest, StoredLogin};
use crate::seed::{self, DemoLogin, DemoMember};
use crate::serve::{Call, Serve};
use crate::Lender;
use chrono::{DateTime, Duration, Utc};
use portal_api::ops;
use portal_api::{
    BackendError, CodeEnd, CodeSent, EmailChangeRequest, EmailChanged, EmailCodeRequest,
    FieldProblem, LoginChangeRequest, LoginChanged, SessionToken,
};
use portal_domain::credentials::{
    current_secret_field, parse_new_email, validate_login_change, CurrentSecret, LoginChange,
    LoginChangeForm,
};
use portal_domain::input::{Field, FieldError};
use portal_domain::recovery::{
    parse_confirmation_code, CodeChallenge, CodeRefusal, ConfirmationCode, CODE_VALID_MINUTES,
};
use std::collections::HashMap;

/// The subject of the e-mail carrying an e-mail change's code.
pub const EMAIL_CODE_SUBJECT: &str = "【確認コード】メールアドレス変更のお手続き";
/// The subject of the notice to the address a change replaced.
pub const EMAIL_CHANGED_SUBJECT: &str = "メールアドレス変更のお知らせ";
/// The subject of the notice to the address registered by a change.
pub const EMAIL_REGISTERED_SUBJECT: &str = "メールアドレス登録完了のお知らせ";
/// The subject of the notice of a WEB-ID or password change.
pub const LOGIN_CHANGED_SUBJECT: &str = "WEB-ID・パスワード変更のお知らせ";
/// The subject of the notice of a card member's first WEB-ID.
pub const WEB_ID_ADDED_SUBJECT: &str = "WEB-ID登録完了のお知らせ";

/// How long an exact repeat of a member's last change request answers what
/// that request answered (see [`Answered`]).
pub const REPEAT_WITHIN_MINUTES: i64 = 10;

/// What this module keeps in memory only, by member id: each member's
/// pending e-mail change (at most one) and the answer to their last
/// confirmation and last WEB-ID or password change. Bounded by the number
/// of members.
#[derive(Clone, Debug, Default)]
pub struct Volatile {
    pending: HashMap<String, PendingEmail>,
    email_answers: HashMap<String, Answered<EmailChanged>>,
    login_answers: HashMap<String, Answered<LoginChanged>>,
}

#[derive(Clone, Debug)]
struct PendingEmail {
    /// The request's name (`CodeSent::challenge`).
    name: String,
    /// The address to change to, as `parse_new_email` gave it.
    email: String,
    challenge: CodeChallenge,
}

/// A member's last request of one kind and its answer. The same request
/// again within [`REPEAT_WITHIN_MINUTES`] (a retry after a lost answer, a
/// second click) answers the same with no second effect: the change is not
/// made twice, a wrong code does not use a second try and a wrong password
/// does not count twice towards the lock. That is what lets both changes be
/// declared `idempotent`. Requests whose shape is refused are not kept
/// (they have no effect anyway).
#[derive(Clone, Debug)]
struct Answered<T> {
    /// What names the request: the challenge and code of a confirmation, a
    /// salted digest of a login change (never its passwords).
    key: String,
    at: DateTime<Utc>,
    answer: Result<T, BackendError>,
}

impl<T: Clone> Answered<T> {
    fn repeat(
        answers: &HashMap<String, Answered<T>>,
        member_id: &str,
        key: &str,
        now: DateTime<Utc>,
    ) -> Option<Result<T, BackendError>> {
        answers
            .get(member_id)
            .filter(|a| a.key == key && now - a.at < Duration::minutes(REPEAT_WITHIN_MINUTES))
            .map(|a| a.answer.clone())
    }
}

fn invalid(field: Field, error: FieldError) -> BackendError {
    BackendError::InvalidInput {
        problems: vec![FieldProblem { field, error }],
    }
}

fn ended(why: CodeEnd) -> BackendError {
    BackendError::CodeEnded { why }
}

impl Lender {
    /// Mails a code to the address the member wants to change to.
    pub fn request_email_change_code(
        &mut self,
        token: &SessionToken,
        request: &EmailCodeRequest,
        now: DateTime<Utc>,
        challenge: String,
        code: ConfirmationCode,
    ) -> Result<CodeSent, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let current = self.email_of(member);
        let email = parse_new_email(&request.email, current.as_deref())
            .map_err(|e| invalid(Field::Email, e))?;
        let mail = notice(
            email.as_str(),
            member,
            now,
            EMAIL_CODE_SUBJECT,
            format!(
                "メールアドレス変更の確認コードは {} です。\n{}分以内に画面に入力してください。\nこのメールアドレスは、確認コードを入力すると登録されます。",
                code.as_str(),
                CODE_VALID_MINUTES
            ),
        );
        self.recovery.push_mail(mail);
        let pending = PendingEmail {
            name: challenge.clone(),
            email: email.as_str().to_owned(),
            challenge: CodeChallenge::new(code, now),
        };
        let expires_at = pending.challenge.expires_at();
        self.recovery
            .credentials
            .pending
            .insert(member.id.to_owned(), pending);
        Ok(CodeSent {
            challenge,
            expires_at,
        })
    }

    /// Changes the member's address once the code mailed to it is typed.
    pub fn confirm_email_change(
        &mut self,
        token: &SessionToken,
        request: &EmailChangeRequest,
        now: DateTime<Utc>,
    ) -> Result<EmailChanged, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let code = parse_confirmation_code(&request.code).map_err(|e| invalid(Field::Code, e))?;
        let key = format!("{}:{}", request.challenge, code.as_str());
        let volatile = &self.recovery.credentials;
        if let Some(answer) = Answered::repeat(&volatile.email_answers, member.id, &key, now) {
            return answer;
        }
        let answer = self.apply_email_change(member, &request.challenge, &code, now);
        self.recovery.credentials.email_answers.insert(
            member.id.to_owned(),
            Answered {
                key,
                at: now,
                answer: answer.clone(),
            },
        );
        answer
    }

    fn apply_email_change(
        &mut self,
        member: &DemoMember,
        challenge: &str,
        code: &ConfirmationCode,
        now: DateTime<Utc>,
    ) -> Result<EmailChanged, BackendError> {
        // Only the member's own request, and only the newest one.
        let pending = self
            .recovery
            .credentials
            .pending
            .get_mut(member.id)
            .filter(|p| p.name == challenge)
            .ok_or(ended(CodeEnd::Unknown))?;
        pending.challenge.check(code, now).map_err(|r| match r {
            CodeRefusal::Wrong { tries_left } => BackendError::CodeRefused { tries_left },
            CodeRefusal::Expired => ended(CodeEnd::Expired),
            CodeRefusal::TooManyTries => ended(CodeEnd::TooManyTries),
        })?;
        let email = pending.email.clone();
        self.recovery.credentials.pending.remove(member.id);
        let previous = self.email_of(member);
        self.account_mut(member.id)?.settings.email = Some(email.clone());
        if let Some(old) = &previous {
            self.state.mailbox.push(notice(
                old,
                member,
                now,
                EMAIL_CHANGED_SUBJECT,
                "ご登録のメールアドレスが変更されました。今後のお知らせは、変更後のメールアドレスにお送りします。\nこのメールアドレスには、今後お知らせをお送りしません。".to_owned(),
            ));
        }
        self.send_mail(
            member,
            now,
            EMAIL_REGISTERED_SUBJECT,
            format!(
                "メールアドレスの変更が完了しました。\n変更後のメールアドレス: {email}\n今後のお知らせは、このメールアドレスにお送りします。"
            ),
        );
        Ok(EmailChanged { email, previous })
    }

    /// Whether the secret typed to confirm a change is the member's: the
    /// password they sign in with (a chosen one by its digest), or the
    /// card's PIN.
    fn current_secret_matches(&self, member: &DemoMember, secret: &CurrentSecret) -> bool {
        match (secret, self.stored_login(member.id), member.login) {
            (CurrentSecret::Password(given), Some(stored), _) => {
                password_digest(self.state.salt, member.id, given.as_str())
                    == stored.password_digest
            }
            (CurrentSecret::Password(given), None, DemoLogin::WebId { password, .. }) => {
                given.as_str() == password
            }
            (CurrentSecret::Pin(given), _, DemoLogin::Card { pin, .. }) => given.as_str() == pin,
            _ => false,
        }
    }

    /// Ends every session of the member (their account was just locked).
    fn end_member_sessions(&mut self, member_id: &str) {
        let tokens: Vec<SessionToken> = self
            .by_member
            .get(member_id)
            .map(|mine| mine.iter().cloned().collect())
            .unwrap_or_default();
        for token in tokens {
            self.end_session(&token);
        }
    }

    /// Changes the WEB-ID and/or password, or adds a card member's first
    /// ones (see the module documentation).
    pub fn change_login(
        &mut self,
        token: &SessionToken,
        request: &LoginChangeRequest,
        now: DateTime<Utc>,
    ) -> Result<LoginChanged, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        if self.account(member.id)?.locked {
            self.end_member_sessions(member.id);
            return Err(BackendError::Locked);
        }
        let registered = self.web_id_of(member);
        let new_password = request.password.as_deref().unwrap_or_default();
        let form = LoginChangeForm {
            current: &request.current_secret,
            web_id: &request.web_id,
            password: new_password,
            password_again: new_password,
        };
        let change = validate_login_change(form, registered.as_deref()).map_err(|problems| {
            BackendError::InvalidInput {
                problems: problems
                    .into_iter()
                    .map(|(field, error)| FieldProblem { field, error })
                    .collect(),
            }
        })?;
        // The request's fields, digested with the salt: an exact repeat
        // answers as the request did (`Answered`).
        let key = password_digest(
            self.state.salt,
            member.id,
            &format!(
                "{}\u{0}{}\u{0}{:?}",
                request.current_secret, request.web_id, request.password
            ),
        );
        let volatile = &self.recovery.credentials;
        if let Some(answer) = Answered::repeat(&volatile.login_answers, member.id, &key, now) {
            return answer;
        }
        let answer = self.apply_login_change(member, registered, &change, now);
        self.recovery.credentials.login_answers.insert(
            member.id.to_owned(),
            Answered {
                key,
                at: now,
                answer: answer.clone(),
            },
        );
        answer
    }

    fn apply_login_change(
        &mut self,
        member: &DemoMember,
        registered: Option<String>,
        change: &LoginChange,
        now: DateTime<Utc>,
    ) -> Result<LoginChanged, BackendError> {
        let right = self.current_secret_matches(member, &change.current);
        let account = self.account_mut(member.id)?;
        if !right {
            account.failed_attempts = account.failed_attempts.saturating_add(1);
            if account.failed_attempts >= member.lock_threshold {
                account.locked = true;
                self.end_member_sessions(member.id);
                return Err(BackendError::Locked);
            }
            return Err(invalid(
                current_secret_field(registered.as_deref()),
                FieldError::Incorrect,
            ));
        }
        account.failed_attempts = 0;
        let wanted = change.web_id.as_str();
        // Unique without regard to case, as at registration; the member's
        // own WEB-ID is theirs to keep or to change the case of.
        let taken = seed::demo_members()
            .iter()
            .filter(|m| m.id != member.id)
            .any(|m| {
                self.web_id_of(m)
                    .is_some_and(|id| id.eq_ignore_ascii_case(wanted))
            });
        if taken {
            return Err(BackendError::WebIdTaken);
        }
        let password = match (&change.password, &change.current) {
            (Some(new), _) => new.as_str(),
            (None, CurrentSecret::Password(current)) => current.as_str(),
            // `validate_login_change` asks a member without a WEB-ID for a
            // password, so this cannot happen.
            (None, CurrentSecret::Pin(_)) => return Err(BackendError::Server),
        };
        let digest = password_digest(self.state.salt, member.id, password);
        self.state.logins.retain(|l| l.member_id != member.id);
        self.state.logins.push(StoredLogin {
            member_id: member.id.to_owned(),
            web_id: Some(wanted.to_owned()),
            password_digest: digest,
        });
        let password_changed = change.password.is_some();
        let web_id_changed = registered.as_deref() != Some(wanted);
        match &registered {
            None => self.send_mail(
                member,
                now,
                WEB_ID_ADDED_SUBJECT,
                format!(
                    "WEB-IDとパスワードを登録しました。\nWEB-ID: {wanted}\n次回から、カードのほか、このWEB-IDとご登録のパスワードでもログインできます。"
                ),
            ),
            Some(_) if web_id_changed || password_changed => {
                let mut lines = Vec::new();
                if web_id_changed {
                    lines.push(format!("WEB-IDを変更しました。\n変更後のWEB-ID: {wanted}"));
                }
                if password_changed {
                    lines.push("パスワードを変更しました。".to_owned());
                }
                lines.push("次回から、変更後の内容でログインしてください。".to_owned());
                self.send_mail(member, now, LOGIN_CHANGED_SUBJECT, lines.join("\n"));
            }
            Some(_) => {}
        }
        Ok(LoginChanged {
            web_id: wanted.to_owned(),
            previous_web_id: registered,
            password_changed,
        })
    }
}

impl Serve<ops::RequestEmailChangeCode> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: EmailCodeRequest,
    ) -> Result<CodeSent, BackendError> {
        let token = call.token()?.clone();
        let (challenge, code) = call.fresh_challenge()?;
        self.request_email_change_code(&token, &request, call.now, challenge, code)
    }
}

impl Serve<ops::ConfirmEmailChange> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: EmailChangeRequest,
    ) -> Result<EmailChanged, BackendError> {
        self.confirm_email_change(call.token()?, &request, call.now)
    }
}

impl Serve<ops::ChangeLogin> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: LoginChangeRequest,
    ) -> Result<LoginChanged, BackendError> {
        self.change_login(call.token()?, &request, call.now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::movements::Mail;
    use crate::tests::{fresh_token as token, fresh_token_bytes as bits, wednesday_noon as noon};
    use chrono::Duration;
    use portal_api::{
        LoginKind, RegistrationCodeRequest, RepaymentDay, RepaymentDayChange, ResetCodeRequest,
        SignInRequest,
    };

    fn web(web_id: &str, password: &str) -> SignInRequest {
        SignInRequest::WebId {
            web_id: web_id.into(),
            password: password.into(),
        }
    }

    fn card(card_number: &str, pin: &str) -> SignInRequest {
        SignInRequest::Card {
            card_number: card_number.into(),
            pin: pin.into(),
        }
    }

    fn signed_in(lender: &mut Lender, request: &SignInRequest) -> SessionToken {
        let token = token();
        lender
            .sign_in(request, noon(), token.clone())
            .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
        token
    }

    fn sign_in(lender: &mut Lender, request: &SignInRequest) -> Result<LoginKind, BackendError> {
        lender.sign_in(request, noon(), token()).map(|s| s.login)
    }

    fn ask_code(
        lender: &mut Lender,
        session: &SessionToken,
        email: &str,
    ) -> Result<CodeSent, BackendError> {
        let request = EmailCodeRequest {
            email: email.into(),
        };
        let challenge = SessionToken::from_random(bits()).as_str().to_owned();
        let code = ConfirmationCode::from_random(bits());
        lender.request_email_change_code(session, &request, noon(), challenge, code)
    }

    fn confirm(
        lender: &mut Lender,
        session: &SessionToken,
        sent: &CodeSent,
        code: &str,
        at: DateTime<Utc>,
    ) -> Result<EmailChanged, BackendError> {
        let request = EmailChangeRequest {
            challenge: sent.challenge.clone(),
            code: code.into(),
        };
        lender.confirm_email_change(session, &request, at)
    }

    /// The code in the newest mail to `to`.
    fn mailed_code(lender: &Lender, to: &str) -> String {
        lender
            .mailbox()
            .into_iter()
            .rev()
            .find(|m| m.to == to)
            .and_then(|m| {
                let (_, rest) = m.body.split_once("確認コードは ")?;
                Some(rest.chars().take(6).collect())
            })
            .unwrap_or_else(|| panic!("no code mailed to {to}"))
    }

    fn wrong(code: &str) -> &'static str {
        if code == "000000" {
            "000001"
        } else {
            "000000"
        }
    }

    /// The `n`th code that is not `code` (distinct, so none is a repeat).
    fn nth_wrong(code: &str, n: usize) -> String {
        (0..)
            .map(|i: u32| format!("{i:06}"))
            .filter(|c| c != code)
            .nth(n)
            .unwrap_or_default()
    }

    fn mails_to(lender: &Lender, to: &str) -> Vec<Mail> {
        lender
            .mailbox()
            .into_iter()
            .filter(|m| m.to == to)
            .collect()
    }

    const NEW: &str = "hanako.new@example.jp";

    #[test]
    fn the_code_goes_to_the_new_address_and_changes_the_address() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("newmember01", "Welcome2024"));
        let sent = ask_code(&mut lender, &session, "ＨＡＮＡＫＯ.new@Example.JP")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(sent.expires_at, noon() + Duration::minutes(10));
        assert!(
            mails_to(&lender, "newmember01@example.com").is_empty(),
            "the code goes only to the new address"
        );
        let code = mailed_code(&lender, "HANAKO.new@example.jp");
        assert_eq!(
            confirm(&mut lender, &session, &sent, wrong(&code), noon()),
            Err(BackendError::CodeRefused { tries_left: 4 })
        );
        let changed = confirm(&mut lender, &session, &sent, &code, noon());
        assert_eq!(
            changed,
            Ok(EmailChanged {
                email: "HANAKO.new@example.jp".into(),
                previous: Some("newmember01@example.com".into()),
            })
        );
        let profile = lender.profile(&session, noon());
        assert_eq!(
            profile.map(|p| p.email),
            Ok(Some("HANAKO.new@example.jp".into()))
        );
        // One notice to each address; the old one does not name the new.
        let old = mails_to(&lender, "newmember01@example.com");
        assert_eq!(old.len(), 1);
        assert_eq!(old[0].subject, EMAIL_CHANGED_SUBJECT);
        assert!(!old[0].body.to_lowercase().contains("hanako"));
        let new = mails_to(&lender, "HANAKO.new@example.jp");
        let subjects: Vec<&str> = new.iter().map(|m| m.subject.as_str()).collect();
        assert_eq!(subjects.len(), 2, "the code and the notice: {subjects:?}");
        assert!(subjects.contains(&EMAIL_REGISTERED_SUBJECT));
        // The request is used up (its exact repeat answers as it did).
        assert_eq!(
            confirm(&mut lender, &session, &sent, wrong(&code), noon()),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            })
        );
        // The next notice goes to the new address.
        let day = RepaymentDayChange {
            day: RepaymentDay::Fifth,
        };
        assert!(lender.change_repayment_day(&session, day, noon()).is_ok());
        let last = lender.mailbox().pop();
        assert_eq!(last.map(|m| m.to), Some("HANAKO.new@example.jp".to_owned()));
    }

    #[test]
    fn the_current_address_or_a_malformed_one_is_refused_at_the_field() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        let before = lender.mailbox().len();
        for (typed, error) in [
            ("Demo0001@EXAMPLE.com", FieldError::SameAsCurrent),
            ("demo0001", FieldError::EmailShape),
            ("", FieldError::Required),
        ] {
            assert_eq!(
                ask_code(&mut lender, &session, typed),
                Err(invalid(Field::Email, error)),
                "{typed}"
            );
        }
        assert_eq!(lender.mailbox().len(), before, "nothing was sent");
        // Without a session there is nothing to change.
        assert_eq!(
            ask_code(&mut lender, &token(), NEW),
            Err(BackendError::NotSignedIn)
        );
    }

    #[test]
    fn codes_expire_run_out_and_are_replaced_by_a_newer_one() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        let first = ask_code(&mut lender, &session, NEW).unwrap_or_else(|e| panic!("{e:?}"));
        let code = mailed_code(&lender, NEW);
        let late = noon() + Duration::minutes(10);
        assert_eq!(
            confirm(&mut lender, &session, &first, &code, late),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Expired
            })
        );
        let second = ask_code(&mut lender, &session, NEW).unwrap_or_else(|e| panic!("{e:?}"));
        let fresh = mailed_code(&lender, NEW);
        assert_eq!(
            confirm(&mut lender, &session, &first, &fresh, noon()),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            }),
            "a newer request replaced it"
        );
        for (n, left) in (1..=4).rev().enumerate() {
            assert_eq!(
                confirm(
                    &mut lender,
                    &session,
                    &second,
                    &nth_wrong(&fresh, n),
                    noon()
                ),
                Err(BackendError::CodeRefused { tries_left: left })
            );
        }
        let too_many = Err(BackendError::CodeEnded {
            why: CodeEnd::TooManyTries,
        });
        assert_eq!(
            confirm(
                &mut lender,
                &session,
                &second,
                &nth_wrong(&fresh, 4),
                noon()
            ),
            too_many
        );
        assert_eq!(
            confirm(&mut lender, &session, &second, &fresh, noon()),
            too_many
        );
        // A malformed code uses no try and says which rule it broke.
        let third = ask_code(&mut lender, &session, NEW).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            confirm(&mut lender, &session, &third, "12345", noon()),
            Err(invalid(Field::Code, FieldError::CodeLength))
        );
        // Another member cannot use the request, even with its code.
        let other = signed_in(&mut lender, &web("overdue01", "Overdue2024"));
        let code = mailed_code(&lender, NEW);
        assert_eq!(
            confirm(&mut lender, &other, &third, &code, noon()),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            })
        );
        assert!(confirm(&mut lender, &session, &third, &code, noon()).is_ok());
        assert_eq!(
            lender.profile(&session, noon()).map(|p| p.email),
            Ok(Some(NEW.to_owned()))
        );
    }

    #[test]
    fn no_code_or_pending_change_reaches_persisted_state() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        let before = lender.state().clone();
        let sent = ask_code(&mut lender, &session, NEW).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(lender.state(), &before, "a code request writes nothing");
        let code = mailed_code(&lender, NEW);
        let json = serde_json::to_string(lender.state()).unwrap_or_default();
        assert!(!json.contains(&code) && !json.contains(&sent.challenge));
        assert!(
            !json.contains(NEW),
            "the address is not kept before the code"
        );
        // A lender restored from that state knows no pending change.
        let mut restored = Lender::from_state(lender.state().clone(), 7);
        let again = signed_in(&mut restored, &web("demo0001", "Passw0rd"));
        assert_eq!(
            confirm(&mut restored, &again, &sent, &code, noon()),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            })
        );
    }

    /// After a change, a registration or password reset names the member by
    /// the address registered now: the old address no longer works.
    #[test]
    fn recovery_codes_follow_the_changed_address() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        let sent = ask_code(&mut lender, &session, NEW).unwrap_or_else(|e| panic!("{e:?}"));
        let code = mailed_code(&lender, NEW);
        assert!(confirm(&mut lender, &session, &sent, &code, noon()).is_ok());

        let reset = |lender: &mut Lender, email: &str| {
            let request = ResetCodeRequest {
                web_id: "demo0001".into(),
                email: email.into(),
            };
            let challenge = SessionToken::from_random(bits()).as_str().to_owned();
            let code = ConfirmationCode::from_random(bits());
            let before = lender.mailbox().len();
            let answer = lender.request_reset_code(&request, noon(), challenge, code);
            assert!(answer.is_ok(), "the same answer either way");
            lender.mailbox().len() - before
        };
        assert_eq!(reset(&mut lender, "demo0001@example.com"), 0);
        assert_eq!(reset(&mut lender, "Hanako.New@example.jp"), 1);
        assert!(mailed_code(&lender, NEW).len() == 6);

        // The card member can register a WEB-ID (S5) by the new address only.
        let card_session = signed_in(&mut lender, &card("1234567890", "1234"));
        let sent = ask_code(&mut lender, &card_session, "card@example.net")
            .unwrap_or_else(|e| panic!("{e:?}"));
        let code = mailed_code(&lender, "card@example.net");
        assert!(confirm(&mut lender, &card_session, &sent, &code, noon()).is_ok());
        let register = |lender: &mut Lender, email: &str| {
            let request = RegistrationCodeRequest {
                member_number: "100000001".into(),
                email: email.into(),
            };
            let challenge = SessionToken::from_random(bits()).as_str().to_owned();
            let code = ConfirmationCode::from_random(bits());
            let before = lender.mailbox().len();
            assert!(lender
                .request_registration_code(&request, noon(), challenge, code)
                .is_ok());
            lender.mailbox().len() - before
        };
        assert_eq!(register(&mut lender, "card7890@example.com"), 0);
        assert_eq!(register(&mut lender, "card@example.net"), 1);
    }

    fn change(
        lender: &mut Lender,
        session: &SessionToken,
        current: &str,
        web_id: &str,
        password: Option<&str>,
    ) -> Result<LoginChanged, BackendError> {
        let request = LoginChangeRequest {
            current_secret: current.into(),
            web_id: web_id.into(),
            password: password.map(str::to_owned),
        };
        lender.change_login(session, &request, noon())
    }

    #[test]
    fn a_web_id_member_changes_the_password_and_only_the_new_one_works() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        assert_eq!(
            change(
                &mut lender,
                &session,
                "Passw0rd",
                "demo0001",
                Some("NewPass2026")
            ),
            Ok(LoginChanged {
                web_id: "demo0001".into(),
                previous_web_id: Some("demo0001".into()),
                password_changed: true,
            })
        );
        assert_eq!(
            sign_in(&mut lender, &web("demo0001", "Passw0rd")),
            Err(BackendError::BadCredentials)
        );
        assert_eq!(
            sign_in(&mut lender, &web("demo0001", "NewPass2026")),
            Ok(LoginKind::WebId)
        );
        let notice = lender
            .mailbox()
            .pop()
            .unwrap_or_else(|| panic!("no notice"));
        assert_eq!(notice.to, "demo0001@example.com");
        assert_eq!(notice.subject, LOGIN_CHANGED_SUBJECT);
        assert!(notice.body.contains("パスワードを変更しました"));
        assert!(!notice.body.contains("WEB-IDを変更しました"));
        assert!(!notice.body.contains("NewPass2026") && !notice.body.contains("Passw0rd"));
        // The digest, never the password, is what persists.
        let json = serde_json::to_string(lender.state()).unwrap_or_default();
        assert!(!json.contains("NewPass2026"));
        // The same session goes on, and the new password now confirms.
        assert!(change(&mut lender, &session, "NewPass2026", "hanako2026", None).is_ok());
    }

    #[test]
    fn a_new_web_id_replaces_the_old_one_and_keeps_the_password() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        assert_eq!(
            change(
                &mut lender,
                &session,
                "Passw0rd",
                "ｈａｎａｋｏ２０２６",
                None
            ),
            Ok(LoginChanged {
                web_id: "hanako2026".into(),
                previous_web_id: Some("demo0001".into()),
                password_changed: false,
            })
        );
        assert_eq!(
            sign_in(&mut lender, &web("demo0001", "Passw0rd")),
            Err(BackendError::BadCredentials)
        );
        assert_eq!(
            sign_in(&mut lender, &web("hanako2026", "Passw0rd")),
            Ok(LoginKind::WebId)
        );
        assert_eq!(
            lender.profile(&session, noon()).map(|p| p.web_id),
            Ok(Some("hanako2026".into()))
        );
        let notice = lender
            .mailbox()
            .pop()
            .unwrap_or_else(|| panic!("no notice"));
        assert!(notice.body.contains("変更後のWEB-ID: hanako2026"));
        assert!(!notice.body.contains("パスワードを変更しました"));
        // Nothing to change: the same WEB-ID and no new password, or the
        // current password again, is refused at the password and sends
        // nothing.
        let mails = lender.mailbox().len();
        assert_eq!(
            change(&mut lender, &session, "Passw0rd", "hanako2026", None),
            Err(invalid(Field::Password, FieldError::Required))
        );
        assert_eq!(
            change(
                &mut lender,
                &session,
                "Passw0rd",
                "hanako2026",
                Some("Passw0rd")
            ),
            Err(invalid(Field::Password, FieldError::SameAsCurrent))
        );
        assert_eq!(lender.mailbox().len(), mails);
    }

    #[test]
    fn a_card_member_adds_a_web_id_with_the_pin_and_keeps_the_card() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &card("1234567890", "1234"));
        assert_eq!(
            lender
                .profile(&session, noon())
                .map(|p| (p.web_id, p.card_member)),
            Ok((None, true))
        );
        // A member without a WEB-ID confirms with the PIN, and must choose
        // a password.
        assert_eq!(
            change(
                &mut lender,
                &session,
                "Passw0rd",
                "hanako2026",
                Some("Hanako2026")
            ),
            Err(invalid(Field::Pin, FieldError::NotDigits))
        );
        assert_eq!(
            change(&mut lender, &session, "1234", "hanako2026", None),
            Err(invalid(Field::Password, FieldError::Required))
        );
        assert_eq!(
            change(
                &mut lender,
                &session,
                "1234",
                "hanako2026",
                Some("Hanako2026")
            ),
            Ok(LoginChanged {
                web_id: "hanako2026".into(),
                previous_web_id: None,
                password_changed: true,
            })
        );
        assert_eq!(
            sign_in(&mut lender, &web("hanako2026", "Hanako2026")),
            Ok(LoginKind::WebId)
        );
        assert_eq!(
            sign_in(&mut lender, &card("1234567890", "1234")),
            Ok(LoginKind::Card)
        );
        let notice = lender
            .mailbox()
            .pop()
            .unwrap_or_else(|| panic!("no notice"));
        assert_eq!(notice.to, "card7890@example.com");
        assert_eq!(notice.subject, WEB_ID_ADDED_SUBJECT);
        assert!(!notice.body.contains("Hanako2026"));
        // From now on the member has a WEB-ID, so a change is confirmed with
        // its password, no longer the PIN.
        assert_eq!(
            change(&mut lender, &session, "1234", "hanako2027", None),
            Err(invalid(Field::CurrentPassword, FieldError::PasswordLength))
        );
        assert!(change(&mut lender, &session, "Hanako2026", "hanako2027", None).is_ok());
    }

    #[test]
    fn a_web_id_someone_else_has_is_taken_in_any_case() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        for taken in ["newmember01", "NewMember01", "OVERDUE01"] {
            assert_eq!(
                change(&mut lender, &session, "Passw0rd", taken, None),
                Err(BackendError::WebIdTaken),
                "{taken}"
            );
        }
        assert_eq!(
            sign_in(&mut lender, &web("demo0001", "Passw0rd")),
            Ok(LoginKind::WebId),
            "nothing changed"
        );
        // The member's own WEB-ID in another case is theirs to take.
        assert!(change(&mut lender, &session, "Passw0rd", "Demo0001", None).is_ok());
        assert_eq!(
            sign_in(&mut lender, &web("Demo0001", "Passw0rd")),
            Ok(LoginKind::WebId)
        );
        // And the WEB-ID a member gave up is free for the next one.
        assert!(change(&mut lender, &session, "Passw0rd", "hanako2026", None).is_ok());
        let other = signed_in(&mut lender, &card("1234567890", "1234"));
        assert!(change(&mut lender, &other, "1234", "demo0001", Some("Card7890x")).is_ok());
    }

    /// A wrong current secret counts like a failed sign-in: the account
    /// locks at its threshold, every session of the member ends, and the
    /// right password no longer signs in.
    #[test]
    fn wrong_current_secrets_count_towards_the_lock() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        let elsewhere = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        let threshold = seed::member("m-web").map_or(0, |m| m.lock_threshold);
        assert!((3..=5).contains(&threshold));
        // A malformed secret is a form error and does not count.
        for _ in 0..threshold {
            assert_eq!(
                change(
                    &mut lender,
                    &session,
                    "short",
                    "demo0001",
                    Some("NewPass2026")
                ),
                Err(invalid(Field::CurrentPassword, FieldError::PasswordLength))
            );
        }
        // A right one resets the count, as a sign-in does.
        for n in 1..threshold {
            assert_eq!(
                change(
                    &mut lender,
                    &session,
                    &format!("Wrong{n}x26"),
                    "demo0001",
                    Some("NewPass2026")
                ),
                Err(invalid(Field::CurrentPassword, FieldError::Incorrect))
            );
        }
        assert!(change(
            &mut lender,
            &session,
            "Passw0rd",
            "demo0001",
            Some("NewPass2026")
        )
        .is_ok());
        for n in 1..threshold {
            assert_eq!(
                change(
                    &mut lender,
                    &session,
                    &format!("Guess{n}x26"),
                    "demo0001",
                    Some("Other2026")
                ),
                Err(invalid(Field::CurrentPassword, FieldError::Incorrect))
            );
        }
        let mails = lender.mailbox().len();
        assert_eq!(
            change(
                &mut lender,
                &session,
                "LastGuess1",
                "demo0001",
                Some("Other2026")
            ),
            Err(BackendError::Locked)
        );
        assert_eq!(lender.mailbox().len(), mails, "no notice for a refusal");
        for token in [&session, &elsewhere] {
            assert_eq!(
                lender.profile(token, noon()).map(|p| p.web_id),
                Err(BackendError::NotSignedIn)
            );
        }
        assert_eq!(
            sign_in(&mut lender, &web("demo0001", "NewPass2026")),
            Err(BackendError::Locked)
        );
    }

    #[test]
    fn a_wrong_pin_is_refused_at_the_pin_and_counts_with_sign_in_failures() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &card("1234567890", "1234"));
        let threshold = seed::member("m-card10").map_or(4, |m| m.lock_threshold);
        // Failed sign-ins elsewhere and wrong PINs here add up.
        for _ in 2..threshold {
            assert_eq!(
                sign_in(&mut lender, &card("1234567890", "9999")),
                Err(BackendError::BadCredentials)
            );
        }
        assert_eq!(
            change(
                &mut lender,
                &session,
                "9999",
                "hanako2026",
                Some("Hanako2026")
            ),
            Err(invalid(Field::Pin, FieldError::Incorrect))
        );
        assert_eq!(
            change(
                &mut lender,
                &session,
                "9998",
                "hanako2026",
                Some("Hanako2026")
            ),
            Err(BackendError::Locked)
        );
        assert_eq!(
            sign_in(&mut lender, &card("1234567890", "1234")),
            Err(BackendError::Locked)
        );
    }

    #[test]
    fn a_locked_account_changes_nothing_and_its_session_ends() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        // Locked by failed sign-ins while the session was open.
        while sign_in(&mut lender, &web("demo0001", "Wrong2026")) != Err(BackendError::Locked) {}
        assert_eq!(
            change(
                &mut lender,
                &session,
                "Passw0rd",
                "demo0001",
                Some("NewPass2026")
            ),
            Err(BackendError::Locked)
        );
        assert_eq!(
            lender.profile(&session, noon()).map(|p| p.web_id),
            Err(BackendError::NotSignedIn)
        );
    }

    /// An exact repeat within ten minutes answers as the first did, with no
    /// second effect: no second try used, no second count, no second mail.
    #[test]
    fn an_exact_repeat_answers_the_same_and_does_nothing_more() {
        let mut lender = Lender::seeded(noon(), 7);
        let session = signed_in(&mut lender, &web("demo0001", "Passw0rd"));
        let sent = ask_code(&mut lender, &session, NEW).unwrap_or_else(|e| panic!("{e:?}"));
        let code = mailed_code(&lender, NEW);
        for _ in 0..3 {
            assert_eq!(
                confirm(&mut lender, &session, &sent, wrong(&code), noon()),
                Err(BackendError::CodeRefused { tries_left: 4 })
            );
        }
        let first = confirm(&mut lender, &session, &sent, &code, noon());
        assert!(first.is_ok());
        let mails = lender.mailbox().len();
        assert_eq!(confirm(&mut lender, &session, &sent, &code, noon()), first);
        assert_eq!(lender.mailbox().len(), mails);
        // Ten minutes on, the request is simply used up.
        assert_eq!(
            confirm(
                &mut lender,
                &session,
                &sent,
                &code,
                noon() + Duration::minutes(10)
            ),
            Err(BackendError::CodeEnded {
                why: CodeEnd::Unknown
            })
        );

        let threshold = seed::member("m-web").map_or(0, |m| m.lock_threshold);
        for _ in 0..threshold + 1 {
            assert_eq!(
                change(
                    &mut lender,
                    &session,
                    "Wrong2026",
                    "demo0001",
                    Some("NewPass2026")
                ),
                Err(invalid(Field::CurrentPassword, FieldError::Incorrect)),
                "the same wrong password counts once"
            );
        }
        let done = change(
            &mut lender,
            &session,
            "Passw0rd",
            "demo0001",
            Some("NewPass2026"),
        );
        assert!(done.is_ok());
        let mails = lender.mailbox().len();
        // The retry of a change whose answer was lost: the old password no
        // longer signs in, yet the repeat is answered as before.
        assert_eq!(
            change(
                &mut lender,
                &session,
                "Passw0rd",
                "demo0001",
                Some("NewPass2026")
            ),
            done
        );
        assert_eq!(lender.mailbox().len(), mails);
        assert_eq!(
            sign_in(&mut lender, &web("demo0001", "NewPass2026")),
            Ok(LoginKind::WebId)
        );
    }
}
