//! Settings inputs (SPEC S12): the address (postal code, prefecture, city,
//! street, building), the employer (name, phone, department) and the VISA
//! prepaid card number.
//!
//! Numbers forgive what Japanese keyboards produce: full-width digits, dash
//! look-alikes (`－`, `ー`, `‐` …) and spaces, as `input.rs` does for card
//! numbers. Address and employer lines are left as typed except for spaces,
//! because Japanese addresses are written in full width (`１丁目２番３号`)
//! and the lender files them that way; only characters that could hide or
//! inject text in a notice e-mail are refused. The form parses what the
//! member types and the lender parses it again.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::input::{
    collect_errors, is_dash, is_full_width_digit, is_surrounding_space, normalize_digits,
    to_half_width, Normalized,
};

/// The longest city (市区町村), street (町名・番地) or building line, in
/// characters after normalisation.
pub const ADDRESS_LINE_MAX_CHARS: usize = 50;
/// The longest employer name (勤務先名), in characters.
pub const EMPLOYER_NAME_MAX_CHARS: usize = 60;
/// The longest department (所属部署), in characters.
pub const DEPARTMENT_MAX_CHARS: usize = 40;

/// The number of digits of a Japanese postal code (郵便番号).
const POSTAL_CODE_DIGITS: usize = 7;
/// The number of digits of a VISA prepaid card number.
const PREPAID_CARD_DIGITS: usize = 16;

// ---------------------------------------------------------------------------
// Postal code
// ---------------------------------------------------------------------------

/// Why a postal code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostalCodeError {
    /// Nothing was typed.
    Required,
    /// Something other than digits, hyphens and spaces was typed.
    NotDigits,
    /// Not exactly 7 digits.
    Length,
}

crate::wire_names!(PostalCodeError {
    Required = "required",
    NotDigits = "not_digits",
    Length = "length",
});

/// A postal code of 7 digits, written `123-4567`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostalCode(String);

impl PostalCode {
    /// The code as it is written on envelopes and forms: `123-4567`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The seven digits without the hyphen, as postal-code lookups want them.
    pub fn digits(&self) -> String {
        self.0.chars().filter(char::is_ascii_digit).collect()
    }
}

impl TryFrom<String> for PostalCode {
    type Error = PostalCodeError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        parse_postal_code(&text)
    }
}

impl fmt::Display for PostalCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PostalCodeError::Required => "a postal code is required",
            PostalCodeError::NotDigits => "a postal code is digits and a hyphen",
            PostalCodeError::Length => "a postal code is 7 digits",
        })
    }
}

impl From<PostalCode> for String {
    fn from(code: PostalCode) -> Self {
        code.0
    }
}

/// Converts a postal code as the member types: full-width digits become
/// half-width and every dash look-alike becomes `-`. Nothing is dropped, so
/// what the member sees is still what they typed; `converted` tells the form
/// to show its note.
pub fn normalize_postal_code(raw: &str) -> Normalized {
    let mut converted = false;
    let value = raw
        .chars()
        .map(|c| {
            let out = if is_full_width_digit(c) {
                to_half_width(c)
            } else if is_dash(c) {
                '-'
            } else {
                c
            };
            converted |= out != c;
            out
        })
        .collect();
    Normalized { value, converted }
}

/// Parses a postal code: `123-4567` or `1234567`, full-width digits, any
/// dash look-alike and spaces accepted, and a leading `〒` (which members
/// copy from letterheads) ignored. The seven digits are what count, wherever
/// the separators were typed.
pub fn parse_postal_code(raw: &str) -> Result<PostalCode, PostalCodeError> {
    let trimmed = raw.trim_matches(is_surrounding_space);
    let trimmed = trimmed.strip_prefix('〒').unwrap_or(trimmed);
    let digits = normalize_digits(trimmed).value;
    if digits.is_empty() {
        return Err(PostalCodeError::Required);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(PostalCodeError::NotDigits);
    }
    if digits.len() != POSTAL_CODE_DIGITS {
        return Err(PostalCodeError::Length);
    }
    let (area, rest) = digits.split_at(3);
    Ok(PostalCode(format!("{area}-{rest}")))
}

// ---------------------------------------------------------------------------
// Prefecture
// ---------------------------------------------------------------------------

/// The 47 prefectures (都道府県), numbered by their JIS X 0401 codes.
///
/// On the wire a prefecture is its code (`13` for Tokyo), the identifier
/// every Japanese address system shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
#[repr(u8)]
pub enum Prefecture {
    Hokkaido = 1,
    Aomori,
    Iwate,
    Miyagi,
    Akita,
    Yamagata,
    Fukushima,
    Ibaraki,
    Tochigi,
    Gunma,
    Saitama,
    Chiba,
    Tokyo,
    Kanagawa,
    Niigata,
    Toyama,
    Ishikawa,
    Fukui,
    Yamanashi,
    Nagano,
    Gifu,
    Shizuoka,
    Aichi,
    Mie,
    Shiga,
    Kyoto,
    Osaka,
    Hyogo,
    Nara,
    Wakayama,
    Tottori,
    Shimane,
    Okayama,
    Hiroshima,
    Yamaguchi,
    Tokushima,
    Kagawa,
    Ehime,
    Kochi,
    Fukuoka,
    Saga,
    Nagasaki,
    Kumamoto,
    Oita,
    Miyazaki,
    Kagoshima,
    Okinawa,
}

/// Each prefecture with its Japanese and English names, in code order. The
/// English names are the usual romanisations without macrons (Kochi, Oita,
/// Hyogo), as on the prefectures' own English pages.
const PREFECTURES: [(Prefecture, &str, &str); 47] = {
    use Prefecture::*;
    [
        (Hokkaido, "北海道", "Hokkaido"),
        (Aomori, "青森県", "Aomori"),
        (Iwate, "岩手県", "Iwate"),
        (Miyagi, "宮城県", "Miyagi"),
        (Akita, "秋田県", "Akita"),
        (Yamagata, "山形県", "Yamagata"),
        (Fukushima, "福島県", "Fukushima"),
        (Ibaraki, "茨城県", "Ibaraki"),
        (Tochigi, "栃木県", "Tochigi"),
        (Gunma, "群馬県", "Gunma"),
        (Saitama, "埼玉県", "Saitama"),
        (Chiba, "千葉県", "Chiba"),
        (Tokyo, "東京都", "Tokyo"),
        (Kanagawa, "神奈川県", "Kanagawa"),
        (Niigata, "新潟県", "Niigata"),
        (Toyama, "富山県", "Toyama"),
        (Ishikawa, "石川県", "Ishikawa"),
        (Fukui, "福井県", "Fukui"),
        (Yamanashi, "山梨県", "Yamanashi"),
        (Nagano, "長野県", "Nagano"),
        (Gifu, "岐阜県", "Gifu"),
        (Shizuoka, "静岡県", "Shizuoka"),
        (Aichi, "愛知県", "Aichi"),
        (Mie, "三重県", "Mie"),
        (Shiga, "滋賀県", "Shiga"),
        (Kyoto, "京都府", "Kyoto"),
        (Osaka, "大阪府", "Osaka"),
        (Hyogo, "兵庫県", "Hyogo"),
        (Nara, "奈良県", "Nara"),
        (Wakayama, "和歌山県", "Wakayama"),
        (Tottori, "鳥取県", "Tottori"),
        (Shimane, "島根県", "Shimane"),
        (Okayama, "岡山県", "Okayama"),
        (Hiroshima, "広島県", "Hiroshima"),
        (Yamaguchi, "山口県", "Yamaguchi"),
        (Tokushima, "徳島県", "Tokushima"),
        (Kagawa, "香川県", "Kagawa"),
        (Ehime, "愛媛県", "Ehime"),
        (Kochi, "高知県", "Kochi"),
        (Fukuoka, "福岡県", "Fukuoka"),
        (Saga, "佐賀県", "Saga"),
        (Nagasaki, "長崎県", "Nagasaki"),
        (Kumamoto, "熊本県", "Kumamoto"),
        (Oita, "大分県", "Oita"),
        (Miyazaki, "宮崎県", "Miyazaki"),
        (Kagoshima, "鹿児島県", "Kagoshima"),
        (Okinawa, "沖縄県", "Okinawa"),
    ]
};

impl Prefecture {
    /// Every prefecture in code order (北海道 first, 沖縄県 last), the order
    /// Japanese forms list them in.
    pub const ALL: [Prefecture; 47] = {
        let mut all = [Prefecture::Hokkaido; 47];
        let mut i = 0;
        while i < 47 {
            all[i] = PREFECTURES[i].0;
            i += 1;
        }
        all
    };

    /// The JIS X 0401 code, 1 (北海道) to 47 (沖縄県).
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The prefecture with a JIS X 0401 code, if there is one.
    pub fn from_code(code: u8) -> Option<Prefecture> {
        Prefecture::ALL
            .get(usize::from(code).checked_sub(1)?)
            .copied()
    }

    /// The Japanese name with its suffix: `東京都`, `北海道`, `大阪府`.
    pub fn name_ja(self) -> &'static str {
        self.entry().1
    }

    /// The English name: `Tokyo`, `Hokkaido`, `Osaka`.
    pub fn name_en(self) -> &'static str {
        self.entry().2
    }

    fn entry(self) -> &'static (Prefecture, &'static str, &'static str) {
        // The discriminants are 1..=47 by construction, so the index is always in range; the
        // fallback only keeps an impossible value from panicking.
        PREFECTURES
            .get(usize::from(self.code()).saturating_sub(1))
            .unwrap_or(&PREFECTURES[0])
    }
}

impl From<Prefecture> for u8 {
    fn from(p: Prefecture) -> u8 {
        p.code()
    }
}

impl TryFrom<u8> for Prefecture {
    type Error = &'static str;

    fn try_from(code: u8) -> Result<Self, Self::Error> {
        Prefecture::from_code(code).ok_or("a prefecture code is 1 to 47")
    }
}

// ---------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------

/// Why a phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneError {
    /// Nothing was typed.
    Required,
    /// Something other than digits, hyphens, spaces and parentheses was
    /// typed (a `+81` international form included).
    NotDigits,
    /// The number does not start with a single `0` (a Japanese number
    /// written from its trunk prefix, 市外局番から).
    Prefix,
    /// Not the length its prefix needs: 11 digits for 070/080/090 mobiles,
    /// 050 IP phones and 0800 toll-free numbers, 10 for everything else.
    Length { expected: u8 },
}

/// A Japanese phone number, stored as its digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

/// The prefixes of 11-digit numbers: mobiles (070, 080, 090), IP phones
/// (050), and the 0800 toll-free numbers, which share 080's first digits.
const ELEVEN_DIGIT_PREFIXES: [&str; 4] = ["050", "070", "080", "090"];

impl Phone {
    /// The digits, `0312345678`: what the lender stores and dials.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number grouped for reading: `090-1234-5678`, `0120-000-123`,
    /// `03-1234-5678`.
    ///
    /// A simplification: Japanese area codes are 2 to 5 digits long and which
    /// one a landline has can only be read from the ministry's numbering
    /// table (`0466-12-3456` in Fujisawa, `011-123-4567` in Sapporo). Only
    /// the two 2-digit area codes (03 Tokyo, 06 Osaka) and the 4-digit
    /// service prefixes (0120, 0570, 0800, 0990) are grouped exactly; every
    /// other landline is written `0XX-XXX-XXXX`, which is always readable
    /// and dials the same number.
    pub fn display(&self) -> String {
        let d = self.0.as_str();
        let groups: &[usize] = match d.len() {
            11 if d.starts_with("0800") => &[4, 3, 4],
            11 => &[3, 4, 4],
            _ if ["0120", "0570", "0990"].iter().any(|p| d.starts_with(p)) => &[4, 3, 3],
            _ if d.starts_with("03") || d.starts_with("06") => &[2, 4, 4],
            _ => &[3, 3, 4],
        };
        group(d, groups)
    }
}

/// Joins consecutive runs of `sizes` characters of `digits` with hyphens.
fn group(digits: &str, sizes: &[usize]) -> String {
    let mut chars = digits.chars();
    let parts: Vec<String> = sizes
        .iter()
        .map(|&n| chars.by_ref().take(n).collect::<String>())
        .filter(|part| !part.is_empty())
        .collect();
    parts.join("-")
}

impl TryFrom<String> for Phone {
    type Error = PhoneError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        parse_phone(&text)
    }
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhoneError::Required => f.write_str("a phone number is required"),
            PhoneError::NotDigits => f.write_str("a phone number is digits and hyphens"),
            PhoneError::Prefix => f.write_str("a phone number starts with one 0"),
            PhoneError::Length { expected } => write!(f, "this phone number has {expected} digits"),
        }
    }
}

impl From<Phone> for String {
    fn from(phone: Phone) -> Self {
        phone.0
    }
}

fn is_parenthesis(c: char) -> bool {
    matches!(c, '(' | ')' | '（' | '）')
}

/// Parses a Japanese phone number written from its trunk prefix:
/// `03-1234-5678`, `090 1234 5678`, `(03)1234-5678`, `０１２０－０００－１２３`.
///
/// Hyphens and their look-alikes, spaces and parentheses are ignored and
/// full-width digits converted. The check is of the number's shape, not of
/// whether it is allocated: it must start with one `0`, and be 11 digits
/// after 050, 070, 080 or 090 (0800 included), 10 digits otherwise. The
/// international form `+81 …` is refused as `NotDigits`: members write
/// domestic numbers, and the lender's forms ask for one.
pub fn parse_phone(raw: &str) -> Result<Phone, PhoneError> {
    let without_parentheses: String = raw.chars().filter(|c| !is_parenthesis(*c)).collect();
    let digits = normalize_digits(without_parentheses.trim_matches(is_surrounding_space)).value;
    if digits.is_empty() {
        return Err(PhoneError::Required);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(PhoneError::NotDigits);
    }
    if !digits.starts_with('0') || digits.starts_with("00") {
        return Err(PhoneError::Prefix);
    }
    let expected: u8 = if ELEVEN_DIGIT_PREFIXES.iter().any(|p| digits.starts_with(p)) {
        11
    } else {
        10
    };
    if digits.len() != usize::from(expected) {
        return Err(PhoneError::Length { expected });
    }
    Ok(Phone(digits))
}

// ---------------------------------------------------------------------------
// VISA prepaid card
// ---------------------------------------------------------------------------

/// Why a prepaid card number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardNumberError {
    /// Nothing was typed.
    Required,
    /// Something other than digits, hyphens and spaces was typed.
    NotDigits,
    /// Not exactly 16 digits.
    Length,
    /// Not a VISA number: VISA numbers start with 4.
    Prefix,
    /// The check digit is wrong (Luhn), which almost always means a mistyped
    /// digit or two swapped neighbours.
    Checksum,
}

crate::wire_names!(CardNumberError {
    Required = "required",
    NotDigits = "not_digits",
    Length = "length",
    Prefix = "prefix",
    Checksum = "checksum",
});

/// A VISA prepaid card number: 16 digits starting with 4 that pass the Luhn
/// check. Its `Debug` shows only the masked form, so the full number never
/// reaches a log line.
#[derive(Clone, PartialEq, Eq)]
pub struct PrepaidCard(String);

impl PrepaidCard {
    /// The 16 digits; callers send them to the lender and show
    /// [`PrepaidCard::masked`] everywhere else.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last four digits, `1111`.
    pub fn last4(&self) -> &str {
        // The number is 16 ASCII digits, so byte 12 is a character boundary.
        self.0.get(PREPAID_CARD_DIGITS - 4..).unwrap_or("")
    }

    /// The number as shown once registered: `**** **** **** 1111`, in the
    /// groups of four printed on the card, so the member recognises it.
    pub fn masked(&self) -> String {
        format!("**** **** **** {}", self.last4())
    }
}

impl fmt::Debug for PrepaidCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrepaidCard({})", self.masked())
    }
}

/// Whether a string of digits passes the Luhn check (ISO/IEC 7812): from
/// the right, every second digit is doubled (less 9 when above 9), and the
/// sum must be a multiple of 10. An empty string or any non-digit is not
/// valid.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Parses a VISA prepaid card number: separators and full-width digits are
/// accepted, as for sign-in card numbers. The checks run in the order a
/// member can act on them: length, then the VISA prefix, then the check
/// digit.
pub fn parse_prepaid_card(raw: &str) -> Result<PrepaidCard, CardNumberError> {
    let digits = normalize_digits(raw.trim_matches(is_surrounding_space)).value;
    if digits.is_empty() {
        return Err(CardNumberError::Required);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(CardNumberError::NotDigits);
    }
    if digits.len() != PREPAID_CARD_DIGITS {
        return Err(CardNumberError::Length);
    }
    if !digits.starts_with('4') {
        return Err(CardNumberError::Prefix);
    }
    if !luhn_valid(&digits) {
        return Err(CardNumberError::Checksum);
    }
    Ok(PrepaidCard(digits))
}

// ---------------------------------------------------------------------------
// Free-text lines: address, employer
// ---------------------------------------------------------------------------

/// Why an address or employer line was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineError {
    /// Nothing but spaces was typed in a line that is needed.
    Required,
    /// Longer than `max` characters after spaces were tidied.
    Length { max: usize },
    /// A control character, an invisible formatting character, or `<` / `>`,
    /// none of which belong in an address and all of which could hide or
    /// inject text in the notice e-mail that repeats it.
    ForbiddenCharacter,
}

/// Whether a character is a space that may separate words in a line.
fn is_line_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Whether a character may not appear in a line: C0/C1 controls, invisible
/// format characters (zero-width spaces and joiners, the bidirectional
/// overrides that can reorder what a reader sees, the byte-order mark), and
/// the ASCII angle brackets.
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '<' | '>'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Trims a line and collapses each run of spaces inside it to its first
/// space, keeping the member's choice of half- or full-width space. Nothing
/// else changes: full-width letters and digits stay as typed.
fn tidy_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut previous_was_space = false;
    for c in raw.trim_matches(char::is_whitespace).chars() {
        let space = is_line_space(c);
        if !(space && previous_was_space) {
            out.push(c);
        }
        previous_was_space = space;
    }
    out
}

/// Checks a tidied line that is not empty.
fn check_line(line: String, max_chars: usize) -> Result<String, LineError> {
    if line.chars().any(is_forbidden) {
        Err(LineError::ForbiddenCharacter)
    } else if line.chars().count() > max_chars {
        Err(LineError::Length { max: max_chars })
    } else {
        Ok(line)
    }
}

/// Parses a needed address line (city, street) of at most `max_chars`
/// characters ([`ADDRESS_LINE_MAX_CHARS`] on the settings form). The line is
/// trimmed and runs of spaces inside it collapsed; full-width characters are
/// kept, because that is how Japanese addresses are written.
pub fn parse_address_line(raw: &str, max_chars: usize) -> Result<String, LineError> {
    let line = tidy_line(raw);
    if line.is_empty() {
        return Err(LineError::Required);
    }
    check_line(line, max_chars)
}

/// Parses a line that may be left empty (the building, 建物名・部屋番号):
/// `None` when nothing but spaces was typed, otherwise as
/// [`parse_address_line`].
pub fn parse_optional_address_line(
    raw: &str,
    max_chars: usize,
) -> Result<Option<String>, LineError> {
    let line = tidy_line(raw);
    if line.is_empty() {
        return Ok(None);
    }
    check_line(line, max_chars).map(Some)
}

/// Parses an employer name (勤務先名), needed, at most
/// [`EMPLOYER_NAME_MAX_CHARS`] characters, tidied like an address line.
pub fn parse_employer_name(raw: &str) -> Result<String, LineError> {
    parse_address_line(raw, EMPLOYER_NAME_MAX_CHARS)
}

/// Parses a department (所属部署), which may be left empty, at most
/// [`DEPARTMENT_MAX_CHARS`] characters.
pub fn parse_department(raw: &str) -> Result<Option<String>, LineError> {
    parse_optional_address_line(raw, DEPARTMENT_MAX_CHARS)
}

// ---------------------------------------------------------------------------
// Whole forms
// ---------------------------------------------------------------------------

/// A field of the address, employer or prepaid card form, so that errors
/// can be linked to the control they belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileField {
    PostalCode,
    Prefecture,
    City,
    Street,
    Building,
    EmployerName,
    EmployerPhone,
    Department,
    /// The VISA prepaid card number ([`parse_prepaid_card`]).
    PrepaidCard,
}

crate::wire_names!(ProfileField {
    PostalCode = "postal_code",
    Prefecture = "prefecture",
    City = "city",
    Street = "street",
    Building = "building",
    EmployerName = "employer_name",
    EmployerPhone = "employer_phone",
    Department = "department",
    PrepaidCard = "prepaid_card",
});

/// Why one field of the address or employer form was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileError {
    PostalCode(PostalCodeError),
    /// No prefecture was chosen.
    PrefectureRequired,
    Line(LineError),
    Phone(PhoneError),
}

/// A home address that passed every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    postal_code: PostalCode,
    prefecture: Prefecture,
    city: String,
    street: String,
    building: Option<String>,
}

impl Address {
    pub fn postal_code(&self) -> &PostalCode {
        &self.postal_code
    }

    pub fn prefecture(&self) -> Prefecture {
        self.prefecture
    }

    /// 市区町村: `千代田区`.
    pub fn city(&self) -> &str {
        &self.city
    }

    /// 町名・番地: `丸の内１－２－３`.
    pub fn street(&self) -> &str {
        &self.street
    }

    /// 建物名・部屋番号, if any.
    pub fn building(&self) -> Option<&str> {
        self.building.as_deref()
    }
}

/// An employer that passed every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employer {
    name: String,
    phone: Phone,
    department: Option<String>,
}

impl Employer {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn phone(&self) -> &Phone {
        &self.phone
    }

    pub fn department(&self) -> Option<&str> {
        self.department.as_deref()
    }
}

/// Validates the address form, reporting every field's problem at once in
/// the order the form shows them.
pub fn validate_address(
    postal_code: &str,
    prefecture: Option<Prefecture>,
    city: &str,
    street: &str,
    building: &str,
) -> Result<Address, Vec<(ProfileField, ProfileError)>> {
    let postal_code = parse_postal_code(postal_code).map_err(ProfileError::PostalCode);
    let prefecture = prefecture.ok_or(ProfileError::PrefectureRequired);
    let city = parse_address_line(city, ADDRESS_LINE_MAX_CHARS).map_err(ProfileError::Line);
    let street = parse_address_line(street, ADDRESS_LINE_MAX_CHARS).map_err(ProfileError::Line);
    let building =
        parse_optional_address_line(building, ADDRESS_LINE_MAX_CHARS).map_err(ProfileError::Line);
    match (postal_code, prefecture, city, street, building) {
        (Ok(postal_code), Ok(prefecture), Ok(city), Ok(street), Ok(building)) => Ok(Address {
            postal_code,
            prefecture,
            city,
            street,
            building,
        }),
        (postal_code, prefecture, city, street, building) => Err(collect_errors([
            (ProfileField::PostalCode, postal_code.err()),
            (ProfileField::Prefecture, prefecture.err()),
            (ProfileField::City, city.err()),
            (ProfileField::Street, street.err()),
            (ProfileField::Building, building.err()),
        ])),
    }
}

/// Validates the employer form, reporting every field's problem at once.
pub fn validate_employer(
    name: &str,
    phone: &str,
    department: &str,
) -> Result<Employer, Vec<(ProfileField, ProfileError)>> {
    let name = parse_employer_name(name).map_err(ProfileError::Line);
    let phone = parse_phone(phone).map_err(ProfileError::Phone);
    let department = parse_department(department).map_err(ProfileError::Line);
    match (name, phone, department) {
        (Ok(name), Ok(phone), Ok(department)) => Ok(Employer {
            name,
            phone,
            department,
        }),
        (name, phone, department) => Err(collect_errors([
            (ProfileField::EmployerName, name.err()),
            (ProfileField::EmployerPhone, phone.err()),
            (ProfileField::Department, department.err()),
        ])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Compares a parser's accepted text (or error) with the expected one for
    /// each row, naming the row's input when it fails.
    fn check<E: fmt::Debug + PartialEq + Copy>(
        parse: impl Fn(&str) -> Result<String, E>,
        cases: &[(&str, Result<&str, E>)],
    ) {
        for (raw, expected) in cases {
            let expected = expected.map(str::to_owned);
            assert_eq!(parse(raw), expected, "{raw:?}");
        }
    }

    fn postal(raw: &str) -> Result<String, PostalCodeError> {
        parse_postal_code(raw).map(|p| p.as_str().to_owned())
    }

    fn phone_display(raw: &str) -> Result<String, PhoneError> {
        parse_phone(raw).map(|p| p.display())
    }

    fn card(raw: &str) -> Result<String, CardNumberError> {
        parse_prepaid_card(raw).map(|c| c.as_str().to_owned())
    }

    #[test]
    fn postal_codes() {
        use PostalCodeError::*;
        check(
            postal,
            &[
                ("123-4567", Ok("123-4567")),
                ("1234567", Ok("123-4567")),
                ("１２３－４５６７", Ok("123-4567")),
                ("１２３ー４５６７", Ok("123-4567")),
                ("123‐4567", Ok("123-4567")),
                ("123\u{2212}4567", Ok("123-4567")),
                ("〒100-0005", Ok("100-0005")),
                (" 〒 100 0005　", Ok("100-0005")),
                ("1-234567", Ok("123-4567")),
                ("", Err(Required)),
                ("　", Err(Required)),
                ("〒", Err(Required)),
                ("-", Err(Required)),
                ("123-456", Err(Length)),
                ("12345678", Err(Length)),
                ("123-45678", Err(Length)),
                ("123_4567", Err(NotDigits)),
                ("123-456a", Err(NotDigits)),
                ("一二三四五六七", Err(NotDigits)),
            ],
        );
        let code = parse_postal_code("100-0005").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(code.digits(), "1000005");
    }

    #[test]
    fn postal_codes_convert_as_typed() {
        let cases: &[(&str, &str, bool)] = &[
            ("123-4567", "123-4567", false),
            ("１２３", "123", true),
            ("１２３ー", "123-", true),
            ("123－4567", "123-4567", true),
            ("〒123 4567", "〒123 4567", false),
            ("abc", "abc", false),
        ];
        for &(raw, value, converted) in cases {
            let n = normalize_postal_code(raw);
            assert_eq!(
                (n.value.as_str(), n.converted),
                (value, converted),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn postal_codes_travel_as_text_and_are_checked_on_the_way_in() {
        let code = parse_postal_code("1000005").unwrap_or_else(|e| panic!("{e:?}"));
        let json = serde_json::to_string(&code).unwrap_or_default();
        assert_eq!(json, "\"100-0005\"");
        let back: Result<PostalCode, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(code));
        assert!(serde_json::from_str::<PostalCode>("\"12-34\"").is_err());
    }

    #[test]
    fn prefectures_are_the_47_in_jis_order() {
        assert_eq!(Prefecture::ALL.len(), 47);
        for (index, prefecture) in Prefecture::ALL.iter().enumerate() {
            assert_eq!(usize::from(prefecture.code()), index + 1, "{prefecture:?}");
            assert_eq!(Prefecture::from_code(prefecture.code()), Some(*prefecture));
        }
        let ja: std::collections::HashSet<_> =
            Prefecture::ALL.iter().map(|p| p.name_ja()).collect();
        let en: std::collections::HashSet<_> =
            Prefecture::ALL.iter().map(|p| p.name_en()).collect();
        assert_eq!((ja.len(), en.len()), (47, 47));
        for p in Prefecture::ALL {
            let ja = p.name_ja();
            assert!(
                ja == "北海道" || ja.ends_with('都') || ja.ends_with('府') || ja.ends_with('県'),
                "{ja}"
            );
            assert!(
                p.name_en().chars().all(|c| c.is_ascii_alphabetic()),
                "{p:?}"
            );
        }
        let named = [
            (1, "北海道", "Hokkaido"),
            (13, "東京都", "Tokyo"),
            (14, "神奈川県", "Kanagawa"),
            (26, "京都府", "Kyoto"),
            (27, "大阪府", "Osaka"),
            (28, "兵庫県", "Hyogo"),
            (39, "高知県", "Kochi"),
            (44, "大分県", "Oita"),
            (47, "沖縄県", "Okinawa"),
        ];
        for (code, ja, en) in named {
            let p = Prefecture::from_code(code);
            assert_eq!(p.map(|p| (p.name_ja(), p.name_en())), Some((ja, en)));
        }
        assert_eq!(Prefecture::from_code(0), None);
        assert_eq!(Prefecture::from_code(48), None);
        assert_eq!(Prefecture::from_code(255), None);
    }

    #[test]
    fn prefectures_travel_as_their_codes() {
        assert_eq!(
            serde_json::to_string(&Prefecture::Tokyo).unwrap_or_default(),
            "13"
        );
        assert_eq!(
            serde_json::from_str::<Prefecture>("47").ok(),
            Some(Prefecture::Okinawa)
        );
        assert!(serde_json::from_str::<Prefecture>("0").is_err());
        assert!(serde_json::from_str::<Prefecture>("48").is_err());
    }

    #[test]
    fn phone_numbers() {
        use PhoneError::*;
        check(
            phone_display,
            &[
                ("03-1234-5678", Ok("03-1234-5678")),
                ("0312345678", Ok("03-1234-5678")),
                ("(03)1234-5678", Ok("03-1234-5678")),
                ("（０３）１２３４－５６７８", Ok("03-1234-5678")),
                ("06 1234 5678", Ok("06-1234-5678")),
                ("090-1234-5678", Ok("090-1234-5678")),
                ("０９０ー１２３４ー５６７８", Ok("090-1234-5678")),
                ("08012345678", Ok("080-1234-5678")),
                ("070-1234-5678", Ok("070-1234-5678")),
                ("050-1234-5678", Ok("050-1234-5678")),
                ("0120-000-123", Ok("0120-000-123")),
                ("0120000123", Ok("0120-000-123")),
                ("0570-000-123", Ok("0570-000-123")),
                ("0800-123-4567", Ok("0800-123-4567")),
                // Other landlines: the documented 0XX-XXX-XXXX simplification.
                ("011-123-4567", Ok("011-123-4567")),
                ("0466-12-3456", Ok("046-612-3456")),
                (" 092-123-4567　", Ok("092-123-4567")),
                ("", Err(Required)),
                ("( )", Err(Required)),
                ("+81-90-1234-5678", Err(NotDigits)),
                ("090-1234-567x", Err(NotDigits)),
                ("090.1234.5678", Err(NotDigits)),
                ("1234567890", Err(Prefix)),
                ("9012345678", Err(Prefix)),
                ("0012345678", Err(Prefix)),
                ("090-1234-567", Err(Length { expected: 11 })),
                ("090-1234-56789", Err(Length { expected: 11 })),
                ("050-1234-567", Err(Length { expected: 11 })),
                ("03-1234-567", Err(Length { expected: 10 })),
                ("03-1234-56789", Err(Length { expected: 10 })),
                ("0120-000-1234", Err(Length { expected: 10 })),
            ],
        );
        let phone = parse_phone("０９０－１２３４－５６７８").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(phone.as_str(), "09012345678");
    }

    #[test]
    fn luhn_accepts_published_test_numbers_and_catches_one_changed_digit() {
        let valid = [
            "4111111111111111",
            "4012888888881881",
            "4242424242424242",
            "4000056655665556",
            "79927398713",
            "0",
        ];
        for number in valid {
            assert!(luhn_valid(number), "{number}");
        }
        for invalid in [
            "4111111111111112",
            "4111111111111121",
            "79927398710",
            "",
            "4111-1111",
        ] {
            assert!(!luhn_valid(invalid), "{invalid}");
        }
        // Every single changed digit of a valid number is caught.
        let number = "4111111111111111";
        for position in 0..number.len() {
            for digit in '0'..='9' {
                let changed: String = number
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if i == position { digit } else { c })
                    .collect();
                assert_eq!(luhn_valid(&changed), changed == number, "{changed}");
            }
        }
    }

    #[test]
    fn prepaid_cards() {
        use CardNumberError::*;
        check(
            card,
            &[
                ("4111111111111111", Ok("4111111111111111")),
                ("4111-1111-1111-1111", Ok("4111111111111111")),
                ("4111 1111 1111 1111", Ok("4111111111111111")),
                (
                    "４１１１　１１１１　１１１１　１１１１",
                    Ok("4111111111111111"),
                ),
                (
                    "４０１２ー８８８８ー８８８８ー１８８１",
                    Ok("4012888888881881"),
                ),
                ("", Err(Required)),
                (" - ", Err(Required)),
                ("4111-1111-1111-111a", Err(NotDigits)),
                ("4111/1111/1111/1111", Err(NotDigits)),
                ("411111111111111", Err(Length)),
                ("41111111111111111", Err(Length)),
                ("4111111111111", Err(Length)),
                // A valid Mastercard test number is not a VISA card.
                ("5555555555554444", Err(Prefix)),
                ("4111111111111112", Err(Checksum)),
                ("4111111111111211", Err(Checksum)),
            ],
        );
    }

    #[test]
    fn a_prepaid_card_shows_only_its_last_four_digits() {
        let card = parse_prepaid_card("4012-8888-8888-1881").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(card.last4(), "1881");
        assert_eq!(card.masked(), "**** **** **** 1881");
        let debug = format!("{card:?}");
        assert_eq!(debug, "PrepaidCard(**** **** **** 1881)");
        assert!(!debug.contains("4012888888881881"));
        let in_a_result = format!("{:?}", parse_prepaid_card("4111111111111111"));
        assert!(!in_a_result.contains("41111111"), "{in_a_result}");
    }

    #[test]
    fn address_lines() {
        use LineError::*;
        let line = |raw: &str| parse_address_line(raw, 10);
        check(
            line,
            &[
                ("千代田区", Ok("千代田区")),
                ("  丸の内１－２－３　", Ok("丸の内１－２－３")),
                ("ＡＢビル　　３０１", Ok("ＡＢビル　３０１")),
                ("1-2-3  Marunouchi", Err(Length { max: 10 })),
                ("a \u{3000} b", Ok("a b")),
                ("a\u{3000} b", Ok("a\u{3000}b")),
                ("１２３４５６７８９０", Ok("１２３４５６７８９０")),
                ("１２３４５６７８９０１", Err(Length { max: 10 })),
                ("", Err(Required)),
                (" \u{3000} ", Err(Required)),
                ("\t\n", Err(Required)),
                ("丸の内\n1", Err(ForbiddenCharacter)),
                ("丸の内\t1", Err(ForbiddenCharacter)),
                ("<b>丸の内", Err(ForbiddenCharacter)),
                ("丸の内>", Err(ForbiddenCharacter)),
                ("丸の\u{202E}内", Err(ForbiddenCharacter)),
                ("丸の\u{200B}内", Err(ForbiddenCharacter)),
                // Full-width angle brackets are ordinary text, harmless in HTML.
                ("＜丸の内＞", Ok("＜丸の内＞")),
            ],
        );
        // A forbidden character is reported before the length.
        assert_eq!(
            parse_address_line(&format!("{}<", "あ".repeat(20)), 10),
            Err(ForbiddenCharacter)
        );
        assert_eq!(
            parse_address_line(&"あ".repeat(ADDRESS_LINE_MAX_CHARS), ADDRESS_LINE_MAX_CHARS)
                .map(|l| l.chars().count()),
            Ok(ADDRESS_LINE_MAX_CHARS)
        );
    }

    #[test]
    fn optional_lines_and_employer_fields() {
        use LineError::*;
        let cases: &[(&str, Result<Option<&str>, LineError>)] = &[
            ("", Ok(None)),
            ("　 ", Ok(None)),
            (" サンプルハイツ　101 ", Ok(Some("サンプルハイツ　101"))),
            ("ハイツ\u{0}", Err(ForbiddenCharacter)),
        ];
        for &(raw, expected) in cases {
            let got = parse_optional_address_line(raw, ADDRESS_LINE_MAX_CHARS);
            assert_eq!(got, expected.map(|o| o.map(str::to_owned)), "{raw:?}");
        }
        assert_eq!(
            parse_employer_name(" 株式会社サンプル商事 ").as_deref(),
            Ok("株式会社サンプル商事")
        );
        assert_eq!(parse_employer_name(""), Err(Required));
        assert_eq!(
            parse_employer_name(&"社".repeat(EMPLOYER_NAME_MAX_CHARS + 1)),
            Err(Length { max: 60 })
        );
        assert_eq!(parse_department(""), Ok(None));
        assert_eq!(parse_department("営業部"), Ok(Some("営業部".to_owned())));
        assert_eq!(
            parse_department(&"部".repeat(DEPARTMENT_MAX_CHARS + 1)),
            Err(Length { max: 40 })
        );
    }

    #[test]
    fn the_address_form_reports_every_problem_at_once() {
        let address = validate_address(
            "１００－０００５",
            Some(Prefecture::Tokyo),
            "千代田区",
            "丸の内１－２－３",
            "",
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(address.postal_code().as_str(), "100-0005");
        assert_eq!(address.prefecture(), Prefecture::Tokyo);
        assert_eq!(
            (address.city(), address.street()),
            ("千代田区", "丸の内１－２－３")
        );
        assert_eq!(address.building(), None);

        assert_eq!(
            validate_address("12", None, " ", "丸の内", "<script>"),
            Err(vec![
                (
                    ProfileField::PostalCode,
                    ProfileError::PostalCode(PostalCodeError::Length)
                ),
                (ProfileField::Prefecture, ProfileError::PrefectureRequired),
                (ProfileField::City, ProfileError::Line(LineError::Required)),
                (
                    ProfileField::Building,
                    ProfileError::Line(LineError::ForbiddenCharacter)
                ),
            ])
        );
    }

    #[test]
    fn the_employer_form_reports_every_problem_at_once() {
        let employer = validate_employer("サンプル商事", "03-1234-5678", " 営業部 ")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(employer.name(), "サンプル商事");
        assert_eq!(employer.phone().display(), "03-1234-5678");
        assert_eq!(employer.department(), Some("営業部"));

        assert_eq!(
            validate_employer("", "090-1234", ""),
            Err(vec![
                (
                    ProfileField::EmployerName,
                    ProfileError::Line(LineError::Required)
                ),
                (
                    ProfileField::EmployerPhone,
                    ProfileError::Phone(PhoneError::Length { expected: 11 })
                ),
            ])
        );
    }

    // --- properties ---------------------------------------------------------

    const DASHES: [char; 11] = [
        '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
        '\u{FF0D}', '\u{30FC}', '\u{FF70}',
    ];

    /// Characters members really type into these fields.
    fn typed_char() -> impl Strategy<Value = char> {
        prop_oneof![
            6 => proptest::char::range('0', '9'),
            3 => proptest::char::range('\u{FF10}', '\u{FF19}'),
            2 => prop::sample::select(DASHES.to_vec()),
            1 => prop::sample::select(vec![
                ' ', '\u{3000}', '(', ')', '（', '）', '〒', '+', '<', '>', '\t', '\n',
                '\u{202E}', 'a', 'Ａ', 'あ', '丁', '目',
            ]),
            1 => any::<char>(),
        ]
    }

    fn any_input() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            prop::collection::vec(typed_char(), 0..24).prop_map(String::from_iter),
        ]
    }

    /// Writes `digits` the way a member might: each digit half- or
    /// full-width, each optionally preceded by a dash look-alike or a space.
    fn decorate(digits: &str, wide: &[bool], separators: &[Option<char>]) -> String {
        let mut typed = String::new();
        for (i, c) in digits.chars().enumerate() {
            if let Some(sep) = separators.get(i).copied().flatten() {
                typed.push(sep);
            }
            let full_width = wide.get(i).copied().unwrap_or(false);
            typed.push(if full_width {
                char::from_u32(u32::from(c) - 0x30 + 0xFF10).unwrap_or(c)
            } else {
                c
            });
        }
        typed
    }

    fn decorations() -> impl Strategy<Value = (Vec<bool>, Vec<Option<char>>)> {
        let separator = prop::sample::select(
            DASHES
                .iter()
                .copied()
                .chain([' ', '\u{3000}'])
                .collect::<Vec<_>>(),
        );
        (
            prop::collection::vec(any::<bool>(), 16),
            prop::collection::vec(
                prop_oneof![3 => Just(None), 1 => separator.prop_map(Some)],
                16,
            ),
        )
    }

    /// The check digit that makes `payload` followed by it pass Luhn.
    fn luhn_complete(payload: &str) -> String {
        ('0'..='9')
            .map(|d| format!("{payload}{d}"))
            .find(|n| luhn_valid(n))
            .unwrap_or_default()
    }

    proptest! {
        #[test]
        fn prefecture_codes_are_1_to_47(code in any::<u8>()) {
            let prefecture = Prefecture::from_code(code);
            prop_assert_eq!(prefecture.is_some(), (1..=47).contains(&code));
            prop_assert_eq!(prefecture.map(Prefecture::code), prefecture.map(|_| code));
        }

        #[test]
        fn postal_codes_never_panic_and_reparse_to_themselves(raw in any_input()) {
            if let Ok(code) = parse_postal_code(&raw) {
                let s = code.as_str();
                prop_assert_eq!(s.len(), 8);
                prop_assert_eq!(s.find('-'), Some(3));
                prop_assert_eq!(parse_postal_code(s), Ok(code.clone()));
            }
            let once = normalize_postal_code(&raw);
            let twice = normalize_postal_code(&once.value);
            prop_assert_eq!(&twice.value, &once.value);
            prop_assert!(!twice.converted);
            prop_assert_eq!(once.value.chars().count(), raw.chars().count());
            // Converting as the member types never changes what is accepted.
            prop_assert_eq!(parse_postal_code(&once.value), parse_postal_code(&raw));
        }

        #[test]
        fn decorated_postal_codes_parse_like_plain_ones(
            digits in "[0-9]{7}",
            (wide, separators) in decorations(),
        ) {
            let typed = decorate(&digits, &wide, &separators);
            let expected = format!("{}-{}", &digits[..3], &digits[3..]);
            prop_assert_eq!(postal(&typed), Ok(expected));
        }

        #[test]
        fn phones_never_panic_and_reparse_to_themselves(raw in any_input()) {
            if let Ok(phone) = parse_phone(&raw) {
                let digits = phone.as_str();
                prop_assert!(digits.len() == 10 || digits.len() == 11);
                prop_assert!(digits.starts_with('0'));
                prop_assert_eq!(parse_phone(digits), Ok(phone.clone()));
                // The grouped form is the same number.
                prop_assert_eq!(parse_phone(&phone.display()), Ok(phone.clone()));
                prop_assert_eq!(phone.display().replace('-', ""), digits);
            }
        }

        #[test]
        fn decorated_phones_parse_like_plain_ones(
            digits in "0(([5789]0[0-9]{8})|([1-46][0-9]{8}))",
            (wide, separators) in decorations(),
            parenthesised in any::<bool>(),
        ) {
            let typed = decorate(&digits, &wide, &separators);
            let typed = if parenthesised { format!("（{typed}）") } else { typed };
            let parsed = parse_phone(&typed).map(|p| p.as_str().to_owned());
            prop_assert_eq!(parsed, Ok(digits));
        }

        #[test]
        fn prepaid_cards_never_panic_and_reparse_to_themselves(raw in any_input()) {
            if let Ok(card) = parse_prepaid_card(&raw) {
                prop_assert_eq!(card.as_str().len(), 16);
                prop_assert!(card.as_str().starts_with('4'));
                prop_assert!(luhn_valid(card.as_str()));
                prop_assert_eq!(parse_prepaid_card(card.as_str()), Ok(card.clone()));
                let debug = format!("{card:?}");
                prop_assert!(!debug.contains(card.as_str()));
            }
        }

        #[test]
        fn decorated_visa_numbers_parse_like_plain_ones(
            payload in "4[0-9]{14}",
            (wide, separators) in decorations(),
        ) {
            let number = luhn_complete(&payload);
            let typed = decorate(&number, &wide, &separators);
            prop_assert_eq!(card(&typed), Ok(number));
        }

        #[test]
        fn luhn_catches_every_single_changed_digit(
            payload in "[0-9]{1,20}",
            position in any::<prop::sample::Index>(),
            bump in 1u8..=9,
        ) {
            let number = luhn_complete(&payload);
            prop_assert!(luhn_valid(&number));
            let mut bytes = number.clone().into_bytes();
            let at = position.index(bytes.len());
            bytes[at] = b'0' + (bytes[at] - b'0' + bump) % 10;
            let changed = String::from_utf8(bytes).unwrap_or_default();
            prop_assert!(!luhn_valid(&changed), "{} -> {}", number, changed);
        }

        #[test]
        fn lines_never_panic_and_reparse_to_themselves(
            raw in any_input(),
            max in 1usize..=60,
        ) {
            if let Ok(line) = parse_address_line(&raw, max) {
                prop_assert!(!line.is_empty() && line.chars().count() <= max);
                prop_assert!(!line.chars().any(is_forbidden));
                prop_assert_eq!(line.trim_matches(char::is_whitespace), line.as_str());
                let doubled = ["  ", "\u{3000}\u{3000}", " \u{3000}", "\u{3000} "];
                prop_assert!(!doubled.iter().any(|d| line.contains(d)));
                prop_assert_eq!(parse_address_line(&line, max), Ok(line.clone()));
            }
            // The optional form agrees with the needed one except on empty input.
            match (parse_optional_address_line(&raw, max), parse_address_line(&raw, max)) {
                (Ok(None), needed) => prop_assert_eq!(needed, Err(LineError::Required)),
                (optional, needed) => prop_assert_eq!(optional, needed.map(Some)),
            }
        }

        #[test]
        fn full_width_address_text_is_kept_as_typed(
            text in "[０-９Ａ-Ｚａ-ｚぁ-んァ-ン一-龥－]{1,50}",
        ) {
            prop_assert_eq!(
                parse_address_line(&text, ADDRESS_LINE_MAX_CHARS),
                Ok(text.clone())
            );
        }
    }
}
