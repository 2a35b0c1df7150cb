//! WEB-ID registration and password reset before sign-in (SPEC S5): the
//! e-mail address a member types, the 6-digit confirmation code sent to it,
//! and the code's life (10 minutes, 5 tries, replaced by a newer one).
//!
//! The lender keeps a [`CodeChallenge`] per request; the form parses what
//! the member types with [`parse_email`] and [`parse_confirmation_code`] and
//! the lender parses it again.

use chrono::{DateTime, Duration, Utc};

use crate::input::{is_surrounding_space, to_half_width, FieldError, Normalized};

/// How long a confirmation code can be used after it is sent.
pub const CODE_VALID_MINUTES: i64 = 10;

/// How many codes may be typed against one sent code; the last wrong one
/// ends it.
pub const CODE_TRIES: u8 = 5;

/// How long a member has, after the code was accepted, to choose a WEB-ID
/// or a new password before starting again.
pub const COMPLETE_WITHIN_MINUTES: i64 = 15;

/// The number of digits of a confirmation code.
pub const CODE_DIGITS: usize = 6;

/// The longest address a mail system accepts (RFC 5321: 254 characters).
const EMAIL_MAX_LEN: usize = 254;
/// The longest local part (before the `@`) RFC 5321 allows.
const LOCAL_MAX_LEN: usize = 64;
/// The longest label of a domain name.
const LABEL_MAX_LEN: usize = 63;

/// An e-mail address of a plausible shape, in half-width characters, with
/// its domain in lower case. Two addresses name the same mailbox when
/// [`Email::same_mailbox`] says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether two addresses are the same registered address. The whole
    /// address is compared without regard to case: Japanese carriers and
    /// the large providers treat the local part case-insensitively, and a
    /// member who types `Taro@` for `taro@` must not be told the details do
    /// not match.
    pub fn same_mailbox(&self, other: &Email) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

/// Normalises a typed e-mail address: surrounding spaces go and full-width
/// ASCII (`ｔａｒｏ＠…`, which a Japanese input method produces) becomes
/// half-width. `converted` tells the form to show its note.
pub fn normalize_email(raw: &str) -> Normalized {
    let mut converted = false;
    let value = raw
        .trim_matches(is_surrounding_space)
        .chars()
        .map(|c| {
            let half = to_half_width(c);
            converted |= half != c;
            half
        })
        .collect();
    Normalized { value, converted }
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
}

fn is_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= LABEL_MAX_LEN
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// Parses an e-mail address as typed.
///
/// The shape is deliberately forgiving where Japanese mobile carriers were:
/// dots anywhere in the local part (`taro..yamada.@docomo.ne.jp` addresses
/// still exist and still receive mail). It asks for one `@`, a local part of
/// RFC 5322 "atext" characters and dots, and a domain of at least two labels
/// ending in letters. Anything not half-width after normalisation is
/// `NotHalfWidth`; any other wrong shape is `EmailShape`.
pub fn parse_email(raw: &str) -> Result<Email, FieldError> {
    let value = normalize_email(raw).value;
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    if !value.is_ascii() {
        return Err(FieldError::NotHalfWidth);
    }
    let Some((local, domain)) = value.split_once('@') else {
        return Err(FieldError::EmailShape);
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let top_is_letters = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    let shape_ok = value.len() <= EMAIL_MAX_LEN
        && !local.is_empty()
        && local.len() <= LOCAL_MAX_LEN
        && local.chars().all(is_local_char)
        && labels.len() >= 2
        && labels.iter().all(|l| is_label(l))
        && top_is_letters;
    if !shape_ok {
        return Err(FieldError::EmailShape);
    }
    Ok(Email(format!("{local}@{}", domain.to_ascii_lowercase())))
}

/// A confirmation code of 6 half-width digits.
#[derive(Clone, PartialEq, Eq)]
pub struct ConfirmationCode(String);

impl ConfirmationCode {
    /// The code from random bits: uniform enough over a million codes
    /// (128 bits reduced modulo 10^6 has a bias below 2^-100).
    pub fn from_random(bytes: [u8; 16]) -> Self {
        let n = u128::from_le_bytes(bytes) % 1_000_000;
        ConfirmationCode(format!("{n:06}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compares two codes without stopping at the first difference, so the
    /// time an answer takes says nothing about how many digits were right.
    fn matches(&self, other: &ConfirmationCode) -> bool {
        let a = self.0.as_bytes();
        let b = other.0.as_bytes();
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl std::fmt::Debug for ConfirmationCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ConfirmationCode(******)")
    }
}

/// Parses a typed code: full-width digits become half-width and spaces or
/// hyphens between digits are ignored (a code copied from a mail app often
/// carries them); anything else is an error that says 半角.
pub fn parse_confirmation_code(raw: &str) -> Result<ConfirmationCode, FieldError> {
    let value = crate::input::normalize_digits(raw).value;
    if value.is_empty() {
        Err(FieldError::Required)
    } else if !value.is_ascii() {
        Err(FieldError::NotHalfWidth)
    } else if !value.chars().all(|c| c.is_ascii_digit()) {
        Err(FieldError::NotDigits)
    } else if value.len() != CODE_DIGITS {
        Err(FieldError::CodeLength)
    } else {
        Ok(ConfirmationCode(value))
    }
}

/// Why a typed code was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeRefusal {
    /// Wrong, with this many tries left (1 to 4).
    Wrong { tries_left: u8 },
    /// The code is more than [`CODE_VALID_MINUTES`] old.
    Expired,
    /// The last try was used: the code is ended, a new one must be sent.
    TooManyTries,
}

/// One sent code and what has been typed against it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeChallenge {
    code: ConfirmationCode,
    issued_at: DateTime<Utc>,
    tries_left: u8,
    accepted_at: Option<DateTime<Utc>>,
}

impl CodeChallenge {
    pub fn new(code: ConfirmationCode, now: DateTime<Utc>) -> Self {
        CodeChallenge {
            code,
            issued_at: now,
            tries_left: CODE_TRIES,
            accepted_at: None,
        }
    }

    /// A challenge no typed code opens (its code has no digits): what the
    /// lender keeps for details that match no member, so that typing codes
    /// against it answers exactly as wrong codes against a real one do.
    pub fn decoy(now: DateTime<Utc>) -> Self {
        CodeChallenge::new(ConfirmationCode(String::new()), now)
    }

    pub fn issued_at(&self) -> DateTime<Utc> {
        self.issued_at
    }

    /// The first instant the code no longer works.
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.issued_at + Duration::minutes(CODE_VALID_MINUTES)
    }

    /// Checks a typed code. An expired code is refused without using a
    /// try; a wrong one uses one, and the fifth wrong one ends the code. A
    /// right one is accepted once: typing it again after that is refused as
    /// ended, so a code cannot open two registrations.
    pub fn check(
        &mut self,
        typed: &ConfirmationCode,
        now: DateTime<Utc>,
    ) -> Result<(), CodeRefusal> {
        if self.accepted_at.is_some() || self.tries_left == 0 {
            return Err(CodeRefusal::TooManyTries);
        }
        if now >= self.expires_at() {
            return Err(CodeRefusal::Expired);
        }
        if self.code.matches(typed) {
            self.accepted_at = Some(now);
            return Ok(());
        }
        self.tries_left -= 1;
        match self.tries_left {
            0 => Err(CodeRefusal::TooManyTries),
            left => Err(CodeRefusal::Wrong { tries_left: left }),
        }
    }

    /// Whether the code was accepted and the member may still complete
    /// (choose a WEB-ID or password) at `now`.
    pub fn may_complete(&self, now: DateTime<Utc>) -> bool {
        self.accepted_at
            .is_some_and(|at| now < at + Duration::minutes(COMPLETE_WITHIN_MINUTES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn noon() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_795_000_000, 0).unwrap_or_default()
    }

    fn code(text: &str) -> ConfirmationCode {
        parse_confirmation_code(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn email_addresses() {
        let cases: &[(&str, Result<&str, FieldError>)] = &[
            ("taro@example.com", Ok("taro@example.com")),
            ("  Taro@Example.COM ", Ok("Taro@example.com")),
            ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", Ok("taro@example.com")),
            (
                "taro..yamada.@docomo.ne.jp",
                Ok("taro..yamada.@docomo.ne.jp"),
            ),
            ("a+tag@sub.example.co.jp", Ok("a+tag@sub.example.co.jp")),
            ("", Err(FieldError::Required)),
            ("　", Err(FieldError::Required)),
            ("たろう@example.com", Err(FieldError::NotHalfWidth)),
            ("taro", Err(FieldError::EmailShape)),
            ("taro@", Err(FieldError::EmailShape)),
            ("@example.com", Err(FieldError::EmailShape)),
            ("taro@example", Err(FieldError::EmailShape)),
            ("taro@@example.com", Err(FieldError::EmailShape)),
            ("taro@exa_mple.com", Err(FieldError::EmailShape)),
            ("taro@-example.com", Err(FieldError::EmailShape)),
            ("taro@example.c", Err(FieldError::EmailShape)),
            ("taro@example.123", Err(FieldError::EmailShape)),
            ("ta ro@example.com", Err(FieldError::EmailShape)),
            ("taro@example..com", Err(FieldError::EmailShape)),
        ];
        for &(raw, expected) in cases {
            let got = parse_email(raw).map(|e| e.as_str().to_owned());
            assert_eq!(got, expected.map(str::to_owned), "{raw:?}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(parse_email(&long_local), Err(FieldError::EmailShape));
    }

    #[test]
    fn the_same_mailbox_ignores_case() {
        let a = parse_email("Taro@Example.com").ok();
        let b = parse_email("taro@example.com").ok();
        assert!(matches!((a, b), (Some(a), Some(b)) if a.same_mailbox(&b)));
        let c = parse_email("jiro@example.com").ok();
        let d = parse_email("taro@example.com").ok();
        assert!(matches!((c, d), (Some(c), Some(d)) if !c.same_mailbox(&d)));
    }

    #[test]
    fn confirmation_codes() {
        let cases: &[(&str, Result<&str, FieldError>)] = &[
            ("123456", Ok("123456")),
            ("１２３４５６", Ok("123456")),
            (" 123 456 ", Ok("123456")),
            ("123-456", Ok("123456")),
            ("", Err(FieldError::Required)),
            ("12345", Err(FieldError::CodeLength)),
            ("1234567", Err(FieldError::CodeLength)),
            ("12345a", Err(FieldError::NotDigits)),
            ("12345あ", Err(FieldError::NotHalfWidth)),
        ];
        for &(raw, expected) in cases {
            let got = parse_confirmation_code(raw).map(|c| c.as_str().to_owned());
            assert_eq!(got, expected.map(str::to_owned), "{raw:?}");
        }
        assert_eq!(format!("{:?}", code("123456")), "ConfirmationCode(******)");
    }

    #[test]
    fn a_code_allows_five_tries_and_the_fifth_wrong_one_ends_it() {
        let mut challenge = CodeChallenge::new(code("123456"), noon());
        for left in (1..=4).rev() {
            assert_eq!(
                challenge.check(&code("000000"), noon()),
                Err(CodeRefusal::Wrong { tries_left: left })
            );
        }
        assert_eq!(
            challenge.check(&code("000000"), noon()),
            Err(CodeRefusal::TooManyTries)
        );
        // Even the right code is refused once the tries are used up.
        assert_eq!(
            challenge.check(&code("123456"), noon()),
            Err(CodeRefusal::TooManyTries)
        );
        assert!(!challenge.may_complete(noon()));
    }

    #[test]
    fn a_code_works_for_ten_minutes_and_is_accepted_once() {
        let sent = noon();
        let mut late = CodeChallenge::new(code("123456"), sent);
        let ten = sent + Duration::minutes(CODE_VALID_MINUTES);
        assert_eq!(late.check(&code("123456"), ten), Err(CodeRefusal::Expired));
        // An expired code uses no try: it stays expired, not exhausted.
        assert_eq!(late.check(&code("000000"), ten), Err(CodeRefusal::Expired));

        let mut challenge = CodeChallenge::new(code("123456"), sent);
        let just_in_time = ten - Duration::seconds(1);
        assert_eq!(challenge.check(&code("123456"), just_in_time), Ok(()));
        assert!(challenge.may_complete(just_in_time));
        assert_eq!(
            challenge.check(&code("123456"), just_in_time),
            Err(CodeRefusal::TooManyTries)
        );
        let window = just_in_time + Duration::minutes(COMPLETE_WITHIN_MINUTES);
        assert!(challenge.may_complete(window - Duration::seconds(1)));
        assert!(!challenge.may_complete(window));
    }

    #[test]
    fn a_decoy_refuses_every_code_like_a_real_one() {
        let mut decoy = CodeChallenge::decoy(noon());
        for typed in ["000000", "123456", "999999", "000001"] {
            assert!(matches!(
                decoy.check(&code(typed), noon()),
                Err(CodeRefusal::Wrong { .. })
            ));
        }
        assert_eq!(
            decoy.check(&code("000000"), noon()),
            Err(CodeRefusal::TooManyTries)
        );
    }

    #[test]
    fn random_codes_have_six_digits() {
        assert_eq!(ConfirmationCode::from_random([0; 16]).as_str(), "000000");
        assert_eq!(ConfirmationCode::from_random([255; 16]).as_str().len(), 6);
    }

    fn typed() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('0', '9'),
                proptest::char::range('a', 'z'),
                proptest::char::range('A', 'Z'),
                proptest::char::range('\u{FF01}', '\u{FF5E}'),
                Just('@'),
                Just('.'),
                Just('-'),
                Just(' '),
                Just('\u{3000}'),
                Just('あ'),
                any::<char>(),
            ],
            0..40,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn parsed_emails_reparse_to_themselves(raw in typed()) {
            if let Ok(email) = parse_email(&raw) {
                prop_assert!(email.as_str().is_ascii());
                prop_assert_eq!(email.as_str().matches('@').count(), 1);
                prop_assert_eq!(parse_email(email.as_str()), Ok(email.clone()));
            }
        }

        #[test]
        fn well_formed_addresses_parse(
            local in "[a-z0-9][a-z0-9._+-]{0,20}",
            domain in "[a-z0-9]{1,10}",
            top in "(com|jp|net|co\\.jp|ne\\.jp)",
        ) {
            let address = format!("{local}@{domain}.{top}");
            prop_assert_eq!(parse_email(&address).map(|e| e.as_str().to_owned()), Ok(address));
        }

        #[test]
        fn parsed_codes_are_six_ascii_digits(raw in typed()) {
            if let Ok(c) = parse_confirmation_code(&raw) {
                prop_assert_eq!(c.as_str().len(), CODE_DIGITS);
                prop_assert!(c.as_str().chars().all(|d| d.is_ascii_digit()));
                prop_assert_eq!(parse_confirmation_code(c.as_str()), Ok(c.clone()));
            }
        }

        #[test]
        fn only_the_right_code_is_accepted(right in 0u32..1_000_000, typed in 0u32..1_000_000) {
            let mut challenge = CodeChallenge::new(code(&format!("{right:06}")), noon());
            let result = challenge.check(&code(&format!("{typed:06}")), noon());
            prop_assert_eq!(result.is_ok(), right == typed);
        }
    }
}
