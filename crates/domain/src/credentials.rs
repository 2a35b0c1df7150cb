//! Changing how a signed-in member is reached and signs in (SPEC S12): a new
//! e-mail address, and a new WEB-ID and password, or a first WEB-ID and
//! password for a card member.
//!
//! The settings pages check what is typed with these functions before
//! anything is sent, and the lender checks it again with the same ones. They
//! report every problem at once, each tied to its field, as the sign-in and
//! registration forms do (`crate::input::collect_errors`).
//!
//! A change of WEB-ID or password is confirmed with the secret the member
//! signs in with now: the current password of a member who has a WEB-ID, the
//! card's PIN for a card member adding one ([`current_secret_field`]). These
//! functions check only its shape; whether it is the member's is the
//! lender's to say (and a wrong one counts towards the security lock).

use crate::input::{
    collect_errors, parse_new_password, parse_password, parse_pin, parse_web_id, Field, FieldError,
    Password, Pin, WebId,
};
use crate::recovery::{parse_email, Email};

/// Parses the e-mail address a member changes to: the rules of
/// [`parse_email`], and not the address registered now (compared as
/// [`Email::same_mailbox`] does, so a change of case alone is no change).
pub fn parse_new_email(raw: &str, current: Option<&str>) -> Result<Email, FieldError> {
    let email = parse_email(raw)?;
    let same = current
        .and_then(|c| parse_email(c).ok())
        .is_some_and(|c| c.same_mailbox(&email));
    if same {
        Err(FieldError::SameAsCurrent)
    } else {
        Ok(email)
    }
}

/// The field the current secret is typed in: the current password for a
/// member who has a WEB-ID (`registered_web_id`), else the card's PIN.
pub fn current_secret_field(registered_web_id: Option<&str>) -> Field {
    match registered_web_id {
        Some(_) => Field::CurrentPassword,
        None => Field::Pin,
    }
}

/// What a member types to change (or add) a WEB-ID and password.
#[derive(Clone, Copy, Debug)]
pub struct LoginChangeForm<'a> {
    /// The current password, or, for a member without a WEB-ID, the PIN.
    pub current: &'a str,
    /// The WEB-ID wanted: the registered one to keep it.
    pub web_id: &'a str,
    /// The new password; both it and `password_again` left empty keep the
    /// current password, which only a member who has a WEB-ID and changes
    /// it may do.
    pub password: &'a str,
    pub password_again: &'a str,
}

/// The secret that confirms a change, exactly as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CurrentSecret {
    Password(Password),
    Pin(Pin),
}

/// A WEB-ID and password change that passed every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginChange {
    pub current: CurrentSecret,
    pub web_id: WebId,
    /// `None` keeps the current password.
    pub password: Option<Password>,
}

/// Checks a WEB-ID and password change for a member whose WEB-ID is
/// `registered_web_id` (`None`: a card member adding one).
///
/// The new WEB-ID follows S4 (`parse_web_id`); the new password follows S5
/// (`parse_new_password`: a letter and a digit, not the new WEB-ID), is
/// typed twice, and may not be the current password. A member with a
/// WEB-ID may leave both password fields empty to change only the WEB-ID;
/// with the WEB-ID unchanged too nothing would change, so the new password
/// is then `Required`. A card member must choose a password. Uniqueness of
/// the WEB-ID is the lender's to check.
pub fn validate_login_change(
    form: LoginChangeForm<'_>,
    registered_web_id: Option<&str>,
) -> Result<LoginChange, Vec<(Field, FieldError)>> {
    let current = match registered_web_id {
        Some(_) => parse_password(form.current).map(CurrentSecret::Password),
        None => parse_pin(form.current).map(CurrentSecret::Pin),
    };
    let web_id = parse_web_id(form.web_id);
    let web_id_kept =
        registered_web_id.is_some_and(|r| web_id.as_ref().is_ok_and(|w| w.as_str() == r));
    let keeps_password = registered_web_id.is_some()
        && !web_id_kept
        && form.password.is_empty()
        && form.password_again.is_empty();
    let password = if keeps_password {
        Ok(None)
    } else {
        match parse_new_password(form.password, form.web_id) {
            Ok(p) if matches!(&current, Ok(CurrentSecret::Password(c)) if c == &p) => {
                Err(FieldError::SameAsCurrent)
            }
            other => other.map(Some),
        }
    };
    let again = match &password {
        Ok(Some(_)) if form.password_again != form.password => {
            Some(if form.password_again.is_empty() {
                FieldError::Required
            } else {
                FieldError::Mismatch
            })
        }
        _ => None,
    };
    match (current, web_id, password, again) {
        (Ok(current), Ok(web_id), Ok(password), None) => Ok(LoginChange {
            current,
            web_id,
            password,
        }),
        (current, web_id, password, again) => Err(collect_errors([
            (current_secret_field(registered_web_id), current.err()),
            (Field::WebId, web_id.err()),
            (Field::Password, password.err()),
            (Field::PasswordConfirmation, again),
        ])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use FieldError::*;

    #[test]
    fn new_email_addresses() {
        let cases: &[(&str, Option<&str>, Result<&str, FieldError>)] = &[
            (
                "hanako@example.jp",
                Some("taro@example.com"),
                Ok("hanako@example.jp"),
            ),
            (
                "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
                None,
                Ok("hanako@example.jp"),
            ),
            (
                "Taro@Example.com",
                Some("taro@example.com"),
                Err(SameAsCurrent),
            ),
            (
                " taro@example.com ",
                Some("taro@example.com"),
                Err(SameAsCurrent),
            ),
            // A current address the lender cannot read compares with nothing.
            ("taro@example.com", Some(""), Ok("taro@example.com")),
            ("", Some("taro@example.com"), Err(Required)),
            ("taro", Some("taro@example.com"), Err(EmailShape)),
            ("たろう@example.com", None, Err(NotHalfWidth)),
        ];
        for &(raw, current, expected) in cases {
            let got = parse_new_email(raw, current).map(|e| e.as_str().to_owned());
            assert_eq!(got, expected.map(str::to_owned), "{raw:?} from {current:?}");
        }
    }

    /// One row: the member's WEB-ID, what was typed (current, WEB-ID,
    /// password, again), and the outcome: the new password (`None` kept)
    /// or every problem.
    type Row = (
        Option<&'static str>,
        [&'static str; 4],
        Result<Option<&'static str>, Vec<(Field, FieldError)>>,
    );

    fn check(rows: &[Row]) {
        for (registered, [current, web_id, password, again], expected) in rows {
            let form = LoginChangeForm {
                current,
                web_id,
                password,
                password_again: again,
            };
            let got = validate_login_change(form, *registered)
                .map(|c| c.password.map(|p| p.as_str().to_owned()));
            let expected = expected.clone().map(|p| p.map(str::to_owned));
            assert_eq!(got, expected, "{registered:?} {form:?}");
        }
    }

    #[test]
    fn a_web_id_member_changes_the_web_id_the_password_or_both() {
        let me = Some("demo0001");
        check(&[
            (
                me,
                ["Passw0rd", "demo0001", "NewPass26", "NewPass26"],
                Ok(Some("NewPass26")),
            ),
            (me, ["Passw0rd", "hanako2026", "", ""], Ok(None)),
            (
                me,
                ["Passw0rd", "hanako2026", "NewPass26", "NewPass26"],
                Ok(Some("NewPass26")),
            ),
            // A WEB-ID differing only in case is a change (sign-in is
            // case-sensitive); full-width letters are converted.
            (me, ["Passw0rd", "Demo0001", "", ""], Ok(None)),
            (me, ["Passw0rd", "ｈａｎａｋｏ２０２６", "", ""], Ok(None)),
            // Nothing would change.
            (
                me,
                ["Passw0rd", "demo0001", "", ""],
                Err(vec![(Field::Password, Required)]),
            ),
            (
                me,
                ["Passw0rd", "demo0001", "Passw0rd", "Passw0rd"],
                Err(vec![(Field::Password, SameAsCurrent)]),
            ),
            // The S5 rules, against the new WEB-ID.
            (
                me,
                ["Passw0rd", "hanako2026", "hanako2026", "hanako2026"],
                Err(vec![(Field::Password, SameAsWebId)]),
            ),
            (
                me,
                ["Passw0rd", "demo0001", "password", "password"],
                Err(vec![(Field::Password, NeedsLetterAndDigit)]),
            ),
            (
                me,
                ["Passw0rd", "demo0001", "NewPass26", "NewPass25"],
                Err(vec![(Field::PasswordConfirmation, Mismatch)]),
            ),
            (
                me,
                ["Passw0rd", "demo0001", "NewPass26", ""],
                Err(vec![(Field::PasswordConfirmation, Required)]),
            ),
            (
                me,
                ["Passw0rd", "hanako2026", "", "NewPass26"],
                Err(vec![(Field::Password, Required)]),
            ),
            // Every problem at once, in the form's order.
            (
                me,
                ["", "short", "ｐａｓｓ", ""],
                Err(vec![
                    (Field::CurrentPassword, Required),
                    (Field::WebId, WebIdLength),
                    (Field::Password, NotHalfWidth),
                ]),
            ),
        ]);
    }

    #[test]
    fn a_card_member_adds_a_web_id_and_password_with_the_pin() {
        check(&[
            (
                None,
                ["1234", "hanako2026", "Hanako2026", "Hanako2026"],
                Ok(Some("Hanako2026")),
            ),
            (
                None,
                ["1234", "hanako2026", "", ""],
                Err(vec![(Field::Password, Required)]),
            ),
            (
                None,
                ["Passw0rd", "hanako2026", "Hanako2026", "Hanako2026"],
                Err(vec![(Field::Pin, NotDigits)]),
            ),
            (
                None,
                ["１２３４", "hanako2026", "Hanako2026", "Hanako2026"],
                Err(vec![(Field::Pin, NotHalfWidth)]),
            ),
            (
                None,
                ["123", "", "Hanako2026", "Hanako2026"],
                Err(vec![(Field::Pin, PinLength), (Field::WebId, Required)]),
            ),
        ]);
        assert_eq!(current_secret_field(None), Field::Pin);
        assert_eq!(
            current_secret_field(Some("demo0001")),
            Field::CurrentPassword
        );
    }

    fn alnum(len: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'z'),
                proptest::char::range('A', 'Z'),
                proptest::char::range('0', '9'),
            ],
            len,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    fn anything() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('0', '9'),
                proptest::char::range('a', 'z'),
                proptest::char::range('\u{FF10}', '\u{FF5A}'),
                Just(' '),
                Just('-'),
                Just('あ'),
            ],
            0..24,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        /// Whatever is typed, the answer is a change or problems, each
        /// field at most once and in the form's order.
        #[test]
        fn problems_come_once_per_field_in_form_order(
            fields in proptest::collection::vec(anything(), 4),
            has_web_id in proptest::bool::ANY,
        ) {
            let registered = has_web_id.then_some("demo0001");
            let form = LoginChangeForm {
                current: &fields[0],
                web_id: &fields[1],
                password: &fields[2],
                password_again: &fields[3],
            };
            if let Err(problems) = validate_login_change(form, registered) {
                let order = [current_secret_field(registered), Field::WebId, Field::Password, Field::PasswordConfirmation];
                let positions: Vec<usize> = problems
                    .iter()
                    .map(|(f, _)| order.iter().position(|o| o == f).unwrap_or(usize::MAX))
                    .collect();
                prop_assert!(!problems.is_empty());
                prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "{problems:?}");
                prop_assert!(positions.iter().all(|&p| p < order.len()));
            }
        }

        /// A valid new password typed twice is accepted as typed, for a
        /// card member and for a WEB-ID member alike, unless it is the
        /// current one.
        #[test]
        fn a_valid_new_password_is_taken_as_typed(
            letters in alnum(4..=10),
            digits in 1000u32..9_999_999,
            web_id in alnum(8..=32),
        ) {
            let password = format!("x{letters}{digits}");
            prop_assume!(password.len() <= 20 && password != web_id);
            for (registered, current) in [(None, "1234"), (Some("demo0001"), "Passw0rd")] {
                let form = LoginChangeForm { current, web_id: &web_id, password: &password, password_again: &password };
                let got = validate_login_change(form, registered);
                let expected = if password == current { None } else { Some(password.clone()) };
                prop_assert_eq!(
                    got.ok().and_then(|c| c.password).map(|p| p.as_str().to_owned()),
                    expected
                );
            }
        }

        /// The address registered now is refused in any mix of case.
        #[test]
        fn the_current_address_in_any_case_is_no_change(flips in proptest::collection::vec(proptest::bool::ANY, 16)) {
            let current = "taro.yamada@example.com";
            let typed: String = current
                .chars()
                .zip(flips.into_iter().chain(std::iter::repeat(false)))
                .map(|(c, up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            prop_assert_eq!(parse_new_email(&typed, Some(current)), Err(SameAsCurrent));
            let other = format!("x{typed}");
            prop_assert!(parse_new_email(&other, Some(current)).is_ok());
        }
    }
}
