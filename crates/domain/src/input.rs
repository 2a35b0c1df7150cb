//! Sign-in, registration and member-number input rules, applied on the client before any request.
//!
//! The rules follow SPEC S4 and S5: card and member numbers forgive separators and full-width
//! digits, a WEB-ID forgives full-width letters and digits, and a PIN or password is never
//! transformed, because silently changing a secret would lock members out in confusing ways.

use std::fmt;

/// Why one field's input was refused; the UI turns each into a message that mentions 半角.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Nothing was typed (after separators and surrounding spaces were removed).
    Required,
    /// A full-width or other non-ASCII character was typed where only half-width is allowed.
    NotHalfWidth,
    /// A character other than a digit was typed where only digits are allowed.
    NotDigits,
    /// A character outside `[A-Za-z0-9]` was typed where only letters and digits are allowed.
    NotAlphanumeric,
    /// A card number is not 10, 15 or 16 digits long.
    CardLength,
    /// A PIN is not exactly 4 digits long.
    PinLength,
    /// A WEB-ID is not 8 to 32 characters long.
    WebIdLength,
    /// A password is not 8 to 20 characters long.
    PasswordLength,
    /// A member number is not exactly 9 digits long.
    MemberNumberLength,
    /// A new password lacks a letter or a digit, which makes it too easy to guess (SPEC S5).
    NeedsLetterAndDigit,
    /// A new password is the WEB-ID itself, which anyone who knows the WEB-ID could guess.
    SameAsWebId,
    /// An e-mail address is not of the form `name@example.jp` (see `recovery::parse_email`).
    EmailShape,
    /// A confirmation code is not exactly 6 digits long.
    CodeLength,
    /// The second copy of a new password differs from the first.
    Mismatch,
    /// A change the member's overdue repayment does not allow (the
    /// repayment date cannot move while a missed due date is unpaid).
    Overdue,
    /// A repayment date change asked for on a due date itself.
    DueToday,
    /// A new value that is the one registered now (a new e-mail address
    /// that is the current one, a new password that is the current one).
    SameAsCurrent,
    /// A current password or PIN, typed to confirm a change while signed
    /// in, that is not the member's (it counts towards the security lock
    /// like a failed sign-in).
    Incorrect,
}

crate::wire_names!(FieldError {
    Required = "Required",
    NotHalfWidth = "NotHalfWidth",
    NotDigits = "NotDigits",
    NotAlphanumeric = "NotAlphanumeric",
    CardLength = "CardLength",
    PinLength = "PinLength",
    WebIdLength = "WebIdLength",
    PasswordLength = "PasswordLength",
    MemberNumberLength = "MemberNumberLength",
    NeedsLetterAndDigit = "NeedsLetterAndDigit",
    SameAsWebId = "SameAsWebId",
    EmailShape = "EmailShape",
    CodeLength = "CodeLength",
    Mismatch = "Mismatch",
    Overdue = "Overdue",
    DueToday = "DueToday",
    SameAsCurrent = "SameAsCurrent",
    Incorrect = "Incorrect",
});

/// A form field, so that errors can be linked to the control they belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    CardNumber,
    Pin,
    WebId,
    Password,
    MemberNumber,
    Email,
    /// The confirmation code sent by e-mail (SPEC S5).
    Code,
    /// A new password typed a second time.
    PasswordConfirmation,
    /// The day of the month repayments fall due (SPEC S2, S12).
    RepaymentDay,
    /// The password the member signs in with now, typed to confirm a
    /// change of WEB-ID or password (SPEC S12); `Password` is the new one.
    CurrentPassword,
}

crate::wire_names!(Field {
    CardNumber = "CardNumber",
    Pin = "Pin",
    WebId = "WebId",
    Password = "Password",
    MemberNumber = "MemberNumber",
    Email = "Email",
    Code = "Code",
    PasswordConfirmation = "PasswordConfirmation",
    RepaymentDay = "RepaymentDay",
    CurrentPassword = "CurrentPassword",
});

/// The result of normalising typed input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// The input after normalisation.
    pub value: String,
    /// Whether full-width characters were turned into half-width, so the UI can show a note
    /// telling the member that what they typed was changed.
    pub converted: bool,
}

/// A card number of 10, 15 or 16 half-width digits without separators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardNumber(String);

/// A 4-digit PIN exactly as typed.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

/// A WEB-ID of 8 to 32 half-width letters and digits, case preserved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebId(String);

/// A password of 8 to 20 half-width letters and digits exactly as typed.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

/// A member number of 9 half-width digits without separators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberNumber(String);

impl CardNumber {
    /// The digits of the card number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Pin {
    /// The PIN itself; callers must only send it to the backend, never store or log it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl WebId {
    /// The WEB-ID in half-width characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Password {
    /// The password itself; callers must only send it to the backend, never store or log it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl MemberNumber {
    /// The digits of the member number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Secrets are masked in debug output so that a stray log line or panic message cannot leak them.
impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(****)")
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(****)")
    }
}

/// Sign-in credentials that have passed every client-side rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credentials {
    Card { card: CardNumber, pin: Pin },
    WebId { web_id: WebId, password: Password },
}

/// The accepted lengths of a card number; 10 digits for the lender's own cards, 15 or 16 for
/// cards issued with a partner brand.
const CARD_LENGTHS: [usize; 3] = [10, 15, 16];
const PIN_LENGTH: usize = 4;
const MEMBER_NUMBER_LENGTH: usize = 9;
const WEB_ID_LENGTHS: std::ops::RangeInclusive<usize> = 8..=32;
const PASSWORD_LENGTHS: std::ops::RangeInclusive<usize> = 8..=20;

/// The offset between a full-width ASCII variant (U+FF01..U+FF5E) and its ASCII character.
const FULL_WIDTH_OFFSET: u32 = 0xFF01 - 0x21;

/// Whether a character is a hyphen or one of its look-alikes.
///
/// Japanese input methods produce many dash look-alikes, including the long vowel mark ー, so
/// all of them are accepted rather than making the member hunt for the right one.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF0D}' | '\u{30FC}' | '\u{FF70}'
    )
}

/// Whether a character is one members type between groups of digits, and so can be dropped:
/// a dash look-alike or a space.
fn is_digit_separator(c: char) -> bool {
    is_dash(c) || matches!(c, ' ' | '\u{3000}')
}

/// Whether a character is a full-width digit (０ to ９).
pub(crate) fn is_full_width_digit(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}')
}

/// Whether a character is a full-width Latin letter (Ａ to Ｚ or ａ to ｚ).
fn is_full_width_letter(c: char) -> bool {
    matches!(c, '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// Turns a full-width ASCII variant into its ASCII character, leaving any other character as is.
pub(crate) fn to_half_width(c: char) -> char {
    if matches!(c, '\u{FF01}'..='\u{FF5E}') {
        char::from_u32(u32::from(c) - FULL_WIDTH_OFFSET).unwrap_or(c)
    } else {
        c
    }
}

/// Whether a character is whitespace that may surround a WEB-ID, including the ideographic space
/// a Japanese keyboard produces.
pub(crate) fn is_surrounding_space(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\u{3000}'
}

/// Normalises a card or member number: drops separators and turns full-width digits into ASCII.
///
/// Any other character is kept so that validation can point out the mistake instead of hiding it.
pub fn normalize_digits(raw: &str) -> Normalized {
    let mut converted = false;
    let value = raw
        .chars()
        .filter(|c| !is_digit_separator(*c))
        .map(|c| {
            if is_full_width_digit(c) {
                converted = true;
                to_half_width(c)
            } else {
                c
            }
        })
        .collect();
    Normalized { value, converted }
}

/// Converts full-width digits to half-width and changes nothing else: what a
/// card or member number field does as the member types, so separators they
/// typed stay visible until `normalize_digits` strips them on submit.
pub fn normalize_digits_width(raw: &str) -> Normalized {
    let mut converted = false;
    let value = raw
        .chars()
        .map(|c| {
            if is_full_width_digit(c) {
                converted = true;
                to_half_width(c)
            } else {
                c
            }
        })
        .collect();
    Normalized { value, converted }
}

/// Normalises a WEB-ID: turns full-width letters and digits into ASCII, keeping their case, and
/// trims surrounding spaces, which members often paste by accident.
pub fn normalize_web_id(raw: &str) -> Normalized {
    let mut converted = false;
    let value = raw
        .trim_matches(is_surrounding_space)
        .chars()
        .map(|c| {
            if is_full_width_digit(c) || is_full_width_letter(c) {
                converted = true;
                to_half_width(c)
            } else {
                c
            }
        })
        .collect();
    Normalized { value, converted }
}

/// Checks a normalised number that must consist of ASCII digits with one of the given lengths.
fn check_digits(
    value: &str,
    lengths: &[usize],
    length_error: FieldError,
) -> Result<(), FieldError> {
    if value.is_empty() {
        Err(FieldError::Required)
    } else if !value.chars().all(|c| c.is_ascii_digit()) {
        Err(FieldError::NotDigits)
    } else if !lengths.contains(&value.len()) {
        Err(length_error)
    } else {
        Ok(())
    }
}

/// Checks a secret that is never transformed: it must be non-empty, half-width, made of allowed
/// characters and of an allowed length.
///
/// The half-width check comes first so that the member learns to switch off the Japanese input
/// mode, which is by far the most common cause of a refused PIN or password.
fn check_secret(
    raw: &str,
    allowed: fn(&char) -> bool,
    wrong_char: FieldError,
    lengths: std::ops::RangeInclusive<usize>,
    length_error: FieldError,
) -> Result<(), FieldError> {
    if raw.is_empty() {
        Err(FieldError::Required)
    } else if !raw.is_ascii() {
        Err(FieldError::NotHalfWidth)
    } else if !raw.chars().all(|c| allowed(&c)) {
        Err(wrong_char)
    } else if !lengths.contains(&raw.len()) {
        Err(length_error)
    } else {
        Ok(())
    }
}

/// Parses a card number as typed: separators are ignored and full-width digits accepted.
pub fn parse_card_number(raw: &str) -> Result<CardNumber, FieldError> {
    let value = normalize_digits(raw).value;
    check_digits(&value, &CARD_LENGTHS, FieldError::CardLength)?;
    Ok(CardNumber(value))
}

/// Parses a member number as typed: separators are ignored and full-width digits accepted.
pub fn parse_member_number(raw: &str) -> Result<MemberNumber, FieldError> {
    let value = normalize_digits(raw).value;
    check_digits(
        &value,
        &[MEMBER_NUMBER_LENGTH],
        FieldError::MemberNumberLength,
    )?;
    Ok(MemberNumber(value))
}

/// Parses a PIN exactly as typed: 4 half-width digits.
pub fn parse_pin(raw: &str) -> Result<Pin, FieldError> {
    check_secret(
        raw,
        char::is_ascii_digit,
        FieldError::NotDigits,
        PIN_LENGTH..=PIN_LENGTH,
        FieldError::PinLength,
    )?;
    Ok(Pin(raw.to_owned()))
}

/// Parses a WEB-ID: full-width letters and digits are accepted and surrounding spaces trimmed.
pub fn parse_web_id(raw: &str) -> Result<WebId, FieldError> {
    let value = normalize_web_id(raw).value;
    if value.is_empty() {
        Err(FieldError::Required)
    } else if !value.chars().all(|c| c.is_ascii_alphanumeric()) {
        Err(FieldError::NotAlphanumeric)
    } else if !WEB_ID_LENGTHS.contains(&value.len()) {
        Err(FieldError::WebIdLength)
    } else {
        Ok(WebId(value))
    }
}

/// Parses a password exactly as typed: 8 to 20 half-width letters and digits.
pub fn parse_password(raw: &str) -> Result<Password, FieldError> {
    check_secret(
        raw,
        char::is_ascii_alphanumeric,
        FieldError::NotAlphanumeric,
        PASSWORD_LENGTHS,
        FieldError::PasswordLength,
    )?;
    Ok(Password(raw.to_owned()))
}

/// Parses a new password chosen at registration or reset, which must also mix letters and digits
/// and differ from the WEB-ID.
///
/// The WEB-ID is compared after its own normalisation, so a WEB-ID typed in full-width still
/// counts as the same WEB-ID; the comparison is case-sensitive because both values are.
pub fn parse_new_password(raw: &str, web_id: &str) -> Result<Password, FieldError> {
    let password = parse_password(raw)?;
    let has_letter = password.0.chars().any(|c| c.is_ascii_alphabetic());
    let has_digit = password.0.chars().any(|c| c.is_ascii_digit());
    if !(has_letter && has_digit) {
        Err(FieldError::NeedsLetterAndDigit)
    } else if password.0 == normalize_web_id(web_id).value {
        Err(FieldError::SameAsWebId)
    } else {
        Ok(password)
    }
}

/// Validates the card sign-in form, reporting every field's problem at once so the member can
/// fix them all in one go.
pub fn validate_card_login(
    card_raw: &str,
    pin_raw: &str,
) -> Result<Credentials, Vec<(Field, FieldError)>> {
    match (parse_card_number(card_raw), parse_pin(pin_raw)) {
        (Ok(card), Ok(pin)) => Ok(Credentials::Card { card, pin }),
        (card, pin) => Err(collect_errors([
            (Field::CardNumber, card.err()),
            (Field::Pin, pin.err()),
        ])),
    }
}

/// Validates the WEB-ID sign-in form, reporting every field's problem at once.
pub fn validate_web_id_login(
    id_raw: &str,
    password_raw: &str,
) -> Result<Credentials, Vec<(Field, FieldError)>> {
    match (parse_web_id(id_raw), parse_password(password_raw)) {
        (Ok(web_id), Ok(password)) => Ok(Credentials::WebId { web_id, password }),
        (web_id, password) => Err(collect_errors([
            (Field::WebId, web_id.err()),
            (Field::Password, password.err()),
        ])),
    }
}

/// Keeps the fields that have an error, in the order the form shows them.
/// Every form of the portal reports its problems this way (sign-in here,
/// the settings forms in `profile`, the lender's registration checks).
pub fn collect_errors<F, E, const N: usize>(results: [(F, Option<E>); N]) -> Vec<(F, E)> {
    results
        .into_iter()
        .filter_map(|(field, error)| error.map(|e| (field, e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use FieldError::*;

    /// Which parser a table row exercises.
    #[derive(Clone, Copy, Debug)]
    enum P {
        Card,
        Pin,
        WebId,
        Password,
        Member,
    }

    /// Runs one parser and reports the accepted value, plus whether the matching normaliser
    /// flagged a full-width conversion (always false for secrets, which are never transformed).
    fn run(p: P, raw: &str) -> (Result<String, FieldError>, bool) {
        match p {
            P::Card => (
                parse_card_number(raw).map(|v| v.as_str().to_owned()),
                normalize_digits(raw).converted,
            ),
            P::Member => (
                parse_member_number(raw).map(|v| v.as_str().to_owned()),
                normalize_digits(raw).converted,
            ),
            P::WebId => (
                parse_web_id(raw).map(|v| v.as_str().to_owned()),
                normalize_web_id(raw).converted,
            ),
            P::Pin => (parse_pin(raw).map(|v| v.as_str().to_owned()), false),
            P::Password => (parse_password(raw).map(|v| v.as_str().to_owned()), false),
        }
    }

    fn check(cases: &[(P, &str, Result<&str, FieldError>, bool)]) {
        for &(p, raw, expected, converted) in cases {
            let expected = (expected.map(str::to_owned), converted);
            assert_eq!(run(p, raw), expected, "{p:?} {raw:?}");
        }
    }

    #[test]
    fn card_numbers() {
        check(&[
            (P::Card, "1234567890", Ok("1234567890"), false),
            (P::Card, "1234-5678-90", Ok("1234567890"), false),
            (P::Card, "1234 5678 90", Ok("1234567890"), false),
            (P::Card, "１２３４５６７８９０", Ok("1234567890"), true),
            (P::Card, "１２３４ー５６７８－９０", Ok("1234567890"), true),
            (
                P::Card,
                "1234\u{3000}5678\u{2212}90",
                Ok("1234567890"),
                false,
            ),
            (P::Card, "123456789012345", Ok("123456789012345"), false),
            (
                P::Card,
                "1234-5678-9012-3456",
                Ok("1234567890123456"),
                false,
            ),
            (P::Card, "", Err(Required), false),
            (P::Card, " - ", Err(Required), false),
            (P::Card, "12345", Err(CardLength), false),
            (P::Card, "12345678901", Err(CardLength), false),
            (P::Card, "12345678901234567", Err(CardLength), false),
            (P::Card, "12a4567890", Err(NotDigits), false),
            (P::Card, "1234_567890", Err(NotDigits), false),
            (P::Card, "１２ａ４５６７８９０", Err(NotDigits), true),
            (P::Card, "1234.567890", Err(NotDigits), false),
        ]);
    }

    #[test]
    fn member_numbers() {
        check(&[
            (P::Member, "123456789", Ok("123456789"), false),
            (P::Member, "123-456-789", Ok("123456789"), false),
            (P::Member, "１２３４５６７８９", Ok("123456789"), true),
            (P::Member, "", Err(Required), false),
            (P::Member, "12345678", Err(MemberNumberLength), false),
            (P::Member, "1234567890", Err(MemberNumberLength), false),
            (P::Member, "12345678x", Err(NotDigits), false),
        ]);
    }

    #[test]
    fn pins() {
        check(&[
            (P::Pin, "1234", Ok("1234"), false),
            (P::Pin, "0000", Ok("0000"), false),
            (P::Pin, "", Err(Required), false),
            (P::Pin, "１２３４", Err(NotHalfWidth), false),
            (P::Pin, "12３4", Err(NotHalfWidth), false),
            (P::Pin, "12a4", Err(NotDigits), false),
            (P::Pin, "12 4", Err(NotDigits), false),
            (P::Pin, " 1234", Err(NotDigits), false),
            (P::Pin, "12-34", Err(NotDigits), false),
            (P::Pin, "123", Err(PinLength), false),
            (P::Pin, "12345", Err(PinLength), false),
        ]);
    }

    #[test]
    fn web_ids() {
        check(&[
            (P::WebId, "demo0001", Ok("demo0001"), false),
            (P::WebId, "ｄｅｍｏ０００１", Ok("demo0001"), true),
            (P::WebId, "ＤｅＭｏ０００１", Ok("DeMo0001"), true),
            (P::WebId, "  demo0001\u{3000}", Ok("demo0001"), false),
            (P::WebId, "newmember01", Ok("newmember01"), false),
            (
                P::WebId,
                "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
                Ok("a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"),
                false,
            ),
            (P::WebId, "", Err(Required), false),
            (P::WebId, " \u{3000} ", Err(Required), false),
            (P::WebId, "demo", Err(WebIdLength), false),
            (
                P::WebId,
                "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q",
                Err(WebIdLength),
                false,
            ),
            (P::WebId, "demo 0001", Err(NotAlphanumeric), false),
            (P::WebId, "demo_0001", Err(NotAlphanumeric), false),
            (P::WebId, "でも0001abcd", Err(NotAlphanumeric), false),
            (P::WebId, "ｄｅｍｏ－０００１", Err(NotAlphanumeric), true),
        ]);
    }

    #[test]
    fn passwords() {
        check(&[
            (P::Password, "Passw0rd", Ok("Passw0rd"), false),
            (P::Password, "Welcome2024", Ok("Welcome2024"), false),
            (P::Password, "abcdefgh", Ok("abcdefgh"), false),
            (
                P::Password,
                "a1234567890123456789",
                Ok("a1234567890123456789"),
                false,
            ),
            (P::Password, "", Err(Required), false),
            (P::Password, "Pass word1", Err(NotAlphanumeric), false),
            (P::Password, " Passw0rd", Err(NotAlphanumeric), false),
            (P::Password, "Passw0rd!", Err(NotAlphanumeric), false),
            (P::Password, "パスワード１２３", Err(NotHalfWidth), false),
            (P::Password, "Ｐassw0rd", Err(NotHalfWidth), false),
            (P::Password, "Pass", Err(PasswordLength), false),
            (
                P::Password,
                "a12345678901234567890",
                Err(PasswordLength),
                false,
            ),
        ]);
    }

    #[test]
    fn new_passwords() {
        let cases: &[(&str, &str, Result<&str, FieldError>)] = &[
            ("Passw0rd", "demo0001", Ok("Passw0rd")),
            ("Password", "demo0001", Err(NeedsLetterAndDigit)),
            ("12345678", "demo0001", Err(NeedsLetterAndDigit)),
            ("demo0001", "demo0001", Err(SameAsWebId)),
            ("demo0001", "ｄｅｍｏ０００１", Err(SameAsWebId)),
            ("Demo0001", "demo0001", Ok("Demo0001")),
            ("Pass", "demo0001", Err(PasswordLength)),
            ("パスワード", "demo0001", Err(NotHalfWidth)),
        ];
        for &(raw, web_id, expected) in cases {
            let got = parse_new_password(raw, web_id).map(|p| p.as_str().to_owned());
            assert_eq!(got, expected.map(str::to_owned), "{raw:?} {web_id:?}");
        }
    }

    #[test]
    fn secrets_are_masked_in_debug_output() {
        let pin = parse_pin("1234").unwrap();
        let password = parse_password("Passw0rd").unwrap();
        assert_eq!(format!("{pin:?}"), "Pin(****)");
        assert_eq!(format!("{password:?}"), "Password(****)");
        let credentials = validate_card_login("1234567890", "1234").unwrap();
        assert!(format!("{credentials:?}").contains("pin: Pin(****)"));
    }

    #[test]
    fn login_forms_report_every_error_in_field_order() {
        assert_eq!(
            validate_card_login("1234-5678-90", "1234"),
            Ok(Credentials::Card {
                card: parse_card_number("1234567890").unwrap(),
                pin: parse_pin("1234").unwrap(),
            })
        );
        assert_eq!(
            validate_card_login("", "１２３４"),
            Err(vec![
                (Field::CardNumber, Required),
                (Field::Pin, NotHalfWidth)
            ])
        );
        assert_eq!(
            validate_card_login("12345", "1234"),
            Err(vec![(Field::CardNumber, CardLength)])
        );
        assert_eq!(
            validate_card_login("1234567890", "12"),
            Err(vec![(Field::Pin, PinLength)])
        );
        assert_eq!(
            validate_web_id_login("ｄｅｍｏ０００１", "Passw0rd"),
            Ok(Credentials::WebId {
                web_id: parse_web_id("demo0001").unwrap(),
                password: parse_password("Passw0rd").unwrap(),
            })
        );
        assert_eq!(
            validate_web_id_login("demo", "Pass word1"),
            Err(vec![
                (Field::WebId, WebIdLength),
                (Field::Password, NotAlphanumeric)
            ])
        );
        assert_eq!(
            validate_web_id_login("demo0001", ""),
            Err(vec![(Field::Password, Required)])
        );
    }

    /// Characters members really type into these fields, so that generated strings often come
    /// close to valid input instead of being random noise.
    fn typed_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => proptest::char::range('0', '9'),
            3 => proptest::char::range('\u{FF10}', '\u{FF19}'),
            2 => proptest::char::range('a', 'z'),
            1 => proptest::char::range('A', 'Z'),
            1 => proptest::char::range('\u{FF21}', '\u{FF3A}'),
            1 => proptest::char::range('\u{FF41}', '\u{FF5A}'),
            2 => prop::sample::select(SEPARATORS.to_vec()),
            1 => prop::sample::select(vec![
                '\t', '_', '!', '.', 'あ', 'ア', '\u{FF01}', '\u{FFE5}'
            ]),
            1 => any::<char>(),
        ]
    }

    const SEPARATORS: [char; 13] = [
        '-', ' ', '\u{3000}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}',
        '\u{2015}', '\u{2212}', '\u{FF0D}', '\u{30FC}', '\u{FF70}',
    ];

    fn typed_string() -> impl Strategy<Value = String> {
        prop::collection::vec(typed_char(), 0..40).prop_map(String::from_iter)
    }

    /// Either an arbitrary string or one made of characters members really type.
    fn any_input() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), typed_string()]
    }

    /// A valid number of one of the given lengths, written with random separators and with random
    /// digits made full-width, together with the plain digits it must parse to.
    fn decorated_number(lengths: Vec<usize>) -> impl Strategy<Value = (String, String)> {
        prop::sample::select(lengths)
            .prop_flat_map(|n| {
                prop::collection::vec(
                    (
                        0u32..10,
                        any::<bool>(),
                        prop::option::of(prop::sample::select(SEPARATORS.to_vec())),
                    ),
                    n,
                )
            })
            .prop_map(|digits| {
                let mut typed = String::new();
                let mut plain = String::new();
                for (digit, full_width, separator) in digits {
                    let ascii = char::from_digit(digit, 10).unwrap();
                    plain.push(ascii);
                    typed.extend(separator);
                    typed.push(if full_width {
                        char::from_u32(0xFF10 + digit).unwrap()
                    } else {
                        ascii
                    });
                }
                (typed, plain)
            })
    }

    proptest! {
        #[test]
        fn normalisers_never_panic_and_are_idempotent(raw in any_input()) {
            for normalize in [normalize_digits, normalize_web_id] {
                let once = normalize(&raw);
                let twice = normalize(&once.value);
                prop_assert_eq!(&twice.value, &once.value);
                prop_assert!(!twice.converted);
            }
        }

        #[test]
        fn normalize_digits_leaves_no_separator_or_full_width_digit(raw in any_input()) {
            let n = normalize_digits(&raw);
            prop_assert!(!n.value.chars().any(|c| is_digit_separator(c) || is_full_width_digit(c)));
            prop_assert_eq!(n.converted, raw.chars().any(is_full_width_digit));
        }

        #[test]
        fn width_conversion_is_idempotent_and_agrees_with_normalize_digits(raw in any_input()) {
            let once = normalize_digits_width(&raw);
            let twice = normalize_digits_width(&once.value);
            prop_assert_eq!(&twice.value, &once.value);
            prop_assert!(!twice.converted);
            prop_assert_eq!(once.value.chars().count(), raw.chars().count());
            prop_assert_eq!(normalize_digits(&once.value).value, normalize_digits(&raw).value);
        }

        #[test]
        fn card_numbers_reparse_to_themselves(raw in any_input()) {
            if let Ok(card) = parse_card_number(&raw) {
                prop_assert!(CARD_LENGTHS.contains(&card.as_str().len()));
                prop_assert_eq!(parse_card_number(card.as_str()), Ok(card.clone()));
            }
        }

        #[test]
        fn member_numbers_reparse_to_themselves(raw in any_input()) {
            if let Ok(number) = parse_member_number(&raw) {
                prop_assert_eq!(number.as_str().len(), MEMBER_NUMBER_LENGTH);
                prop_assert_eq!(parse_member_number(number.as_str()), Ok(number.clone()));
            }
        }

        #[test]
        fn pins_are_never_transformed(raw in any_input()) {
            if let Ok(pin) = parse_pin(&raw) {
                prop_assert_eq!(pin.as_str(), raw.as_str());
                prop_assert_eq!(parse_pin(pin.as_str()), Ok(pin.clone()));
            }
        }

        #[test]
        fn web_ids_reparse_to_themselves(raw in any_input()) {
            if let Ok(id) = parse_web_id(&raw) {
                prop_assert!(id.as_str().chars().all(|c| c.is_ascii_alphanumeric()));
                prop_assert_eq!(parse_web_id(id.as_str()), Ok(id.clone()));
            }
        }

        #[test]
        fn passwords_are_never_transformed(raw in any_input()) {
            if let Ok(password) = parse_password(&raw) {
                prop_assert_eq!(password.as_str(), raw.as_str());
                prop_assert_eq!(parse_password(password.as_str()), Ok(password.clone()));
            }
        }

        #[test]
        fn new_passwords_reparse_to_themselves(raw in any_input(), web_id in any_input()) {
            if let Ok(password) = parse_new_password(&raw, &web_id) {
                prop_assert_eq!(password.as_str(), raw.as_str());
                prop_assert_eq!(
                    parse_new_password(password.as_str(), &web_id),
                    Ok(password.clone())
                );
            }
        }

        #[test]
        fn login_forms_never_panic(a in any_input(), b in any_input()) {
            // Each form succeeds exactly when both of its fields parse on their own.
            let card = validate_card_login(&a, &b);
            prop_assert_eq!(card.is_ok(), parse_card_number(&a).is_ok() && parse_pin(&b).is_ok());
            let web = validate_web_id_login(&a, &b);
            prop_assert_eq!(web.is_ok(), parse_web_id(&a).is_ok() && parse_password(&b).is_ok());
            if let Err(errors) = web {
                prop_assert!(!errors.is_empty() && errors.len() <= 2);
            }
        }

        #[test]
        fn decorated_card_numbers_parse_to_plain_digits(
            (typed, plain) in decorated_number(vec![10, 15, 16])
        ) {
            let card = parse_card_number(&typed);
            prop_assert_eq!(card.as_ref().map(CardNumber::as_str), Ok(plain.as_str()));
            prop_assert_eq!(
                normalize_digits(&typed).converted,
                typed.chars().any(is_full_width_digit)
            );
        }

        #[test]
        fn decorated_member_numbers_parse_to_plain_digits(
            (typed, plain) in decorated_number(vec![9])
        ) {
            let number = parse_member_number(&typed);
            prop_assert_eq!(number.as_ref().map(MemberNumber::as_str), Ok(plain.as_str()));
        }

        #[test]
        fn full_width_web_ids_parse_like_half_width(
            id in "[A-Za-z0-9]{8,32}",
            full_width in prop::collection::vec(any::<bool>(), 32)
        ) {
            let typed: String = id
                .chars()
                .zip(full_width)
                .map(|(c, wide)| {
                    if wide {
                        char::from_u32(u32::from(c) + FULL_WIDTH_OFFSET).unwrap()
                    } else {
                        c
                    }
                })
                .collect();
            prop_assert_eq!(parse_web_id(&typed).map(|w| w.as_str().to_owned()), Ok(id));
        }
    }
}
