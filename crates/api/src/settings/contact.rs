//! The address, employer and VISA prepaid card of SPEC S12.
//!
//! Requests carry the fields as the member typed them (the prefecture as its
//! JIS X 0401 code); the lender parses them again with the same domain rules
//! the form used (`validate`, below), so both sides refuse the same input
//! for the same reason. A refusal is [`crate::BackendError::ProfileRefused`]
//! with every field's problem, flat on the wire ([`ProfileRule`]), as the
//! payee account's refusal is.

use portal_domain::profile::{
    parse_prepaid_card, validate_address, validate_employer, Address, CardNumberError, Employer,
    LineError, Phone, PhoneError, PostalCode, PostalCodeError, Prefecture, PrepaidCard,
    ProfileError, ProfileField,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A registered address, as `/settings` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub postal_code: PostalCode,
    pub prefecture: Prefecture,
    pub city: String,
    pub street: String,
    pub building: Option<String>,
}

impl AddressView {
    /// The address on one line, as Japanese forms write it:
    /// `〒100-0005 東京都千代田区丸の内１－２－３ サンプルハイツ101`, with
    /// the prefecture named by the caller (its Japanese or English name).
    pub fn one_line(&self, prefecture: &str) -> String {
        let mut line = format!(
            "〒{} {prefecture}{}{}",
            self.postal_code.as_str(),
            self.city,
            self.street
        );
        if let Some(building) = &self.building {
            line.push(' ');
            line.push_str(building);
        }
        line
    }
}

impl From<&Address> for AddressView {
    fn from(a: &Address) -> Self {
        AddressView {
            postal_code: a.postal_code().clone(),
            prefecture: a.prefecture(),
            city: a.city().to_owned(),
            street: a.street().to_owned(),
            building: a.building().map(str::to_owned),
        }
    }
}

/// A registered employer, as `/settings` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerView {
    pub name: String,
    pub phone: Phone,
    pub department: Option<String>,
}

impl From<&Employer> for EmployerView {
    fn from(e: &Employer) -> Self {
        EmployerView {
            name: e.name().to_owned(),
            phone: e.phone().clone(),
            department: e.department().map(str::to_owned),
        }
    }
}

/// Why a field of the address, employer or prepaid card form was refused,
/// as a flat tag (the figures a message needs, such as a line's longest
/// length, are fixed per field and known to the form).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileRule {
    /// Nothing was typed (or, for the prefecture, none was chosen).
    Required,
    /// Something other than digits and separators in a number.
    NotDigits,
    /// A number of the wrong length: a postal code is 7 digits, a phone
    /// number 10 (11 after 050/070/080/090), a card number 16.
    Length,
    /// A phone number that does not start with one 0, or a card number that
    /// is not a VISA number (which starts with 4).
    Prefix,
    /// A card number whose check digit is wrong (Luhn).
    Checksum,
    /// A line longer than its field allows.
    TooLong,
    /// A control or invisible character, or `<` / `>`, in a line.
    ForbiddenCharacter,
}

portal_domain::wire_names!(ProfileRule {
    Required = "required",
    NotDigits = "not_digits",
    Length = "length",
    Prefix = "prefix",
    Checksum = "checksum",
    TooLong = "too_long",
    ForbiddenCharacter = "forbidden_character",
});

impl From<ProfileError> for ProfileRule {
    fn from(e: ProfileError) -> Self {
        match e {
            ProfileError::PostalCode(e) => match e {
                PostalCodeError::Required => ProfileRule::Required,
                PostalCodeError::NotDigits => ProfileRule::NotDigits,
                PostalCodeError::Length => ProfileRule::Length,
            },
            ProfileError::PrefectureRequired => ProfileRule::Required,
            ProfileError::Line(e) => match e {
                LineError::Required => ProfileRule::Required,
                LineError::Length { .. } => ProfileRule::TooLong,
                LineError::ForbiddenCharacter => ProfileRule::ForbiddenCharacter,
            },
            ProfileError::Phone(e) => match e {
                PhoneError::Required => ProfileRule::Required,
                PhoneError::NotDigits => ProfileRule::NotDigits,
                PhoneError::Prefix => ProfileRule::Prefix,
                PhoneError::Length { .. } => ProfileRule::Length,
            },
        }
    }
}

impl From<CardNumberError> for ProfileRule {
    fn from(e: CardNumberError) -> Self {
        match e {
            CardNumberError::Required => ProfileRule::Required,
            CardNumberError::NotDigits => ProfileRule::NotDigits,
            CardNumberError::Length => ProfileRule::Length,
            CardNumberError::Prefix => ProfileRule::Prefix,
            CardNumberError::Checksum => ProfileRule::Checksum,
        }
    }
}

/// One problem with one field of the address, employer or prepaid card form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileProblem {
    pub field: ProfileField,
    pub error: ProfileRule,
}

fn problems(found: Vec<(ProfileField, ProfileError)>) -> Vec<ProfileProblem> {
    found
        .into_iter()
        .map(|(field, error)| ProfileProblem {
            field,
            error: error.into(),
        })
        .collect()
}

/// `PUT /profile/address`: the new address as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressInput {
    /// `123-4567`; full-width digits, dash look-alikes and a leading `〒`
    /// are accepted.
    pub postal_code: String,
    /// The JIS X 0401 code, 1 (北海道) to 47 (沖縄県); any other number
    /// means none was chosen.
    pub prefecture: u8,
    /// 市区町村.
    pub city: String,
    /// 町域・番地.
    pub street: String,
    /// 建物名・部屋番号; empty when there is none.
    pub building: String,
}

impl AddressInput {
    /// Checks the address by the domain's rules, every problem at once: the
    /// form's check before the review, and the lender's again.
    pub fn validate(&self) -> Result<Address, Vec<ProfileProblem>> {
        validate_address(
            &self.postal_code,
            Prefecture::from_code(self.prefecture),
            &self.city,
            &self.street,
            &self.building,
        )
        .map_err(problems)
    }
}

/// What an address change did: the address now registered, and whether it
/// differs from the one before (the same address again changes nothing and
/// sends no notice).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressChanged {
    pub address: AddressView,
    pub changed: bool,
}

/// `PUT /profile/employer`: the new employer as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmployerInput {
    /// 勤務先名.
    pub name: String,
    /// 勤務先電話番号, from its leading 0; hyphens, spaces, parentheses and
    /// full-width digits are accepted.
    pub phone: String,
    /// 所属部署; empty when there is none.
    pub department: String,
}

impl EmployerInput {
    /// Checks the employer by the domain's rules, every problem at once.
    pub fn validate(&self) -> Result<Employer, Vec<ProfileProblem>> {
        validate_employer(&self.name, &self.phone, &self.department).map_err(problems)
    }
}

/// What an employer change did (see [`AddressChanged`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerChanged {
    pub employer: EmployerView,
    pub changed: bool,
}

/// `PUT /profile/prepaid-card`: the VISA prepaid card number as typed (16
/// digits; spaces, hyphens and full-width digits accepted). Its `Debug`
/// shows only the last four characters, as the card's own type does.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrepaidCardInput {
    pub number: String,
}

impl PrepaidCardInput {
    /// Checks the number by the domain's rules (16 digits, starting with 4,
    /// Luhn).
    pub fn validate(&self) -> Result<PrepaidCard, Vec<ProfileProblem>> {
        parse_prepaid_card(&self.number).map_err(|e| {
            vec![ProfileProblem {
                field: ProfileField::PrepaidCard,
                error: e.into(),
            }]
        })
    }
}

impl fmt::Debug for PrepaidCardInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chars: Vec<char> = self.number.chars().collect();
        let last4: String = chars[chars.len().saturating_sub(4)..].iter().collect();
        write!(f, "PrepaidCardInput(…{last4})")
    }
}

/// What a prepaid card registration did: the number as `/settings` shows
/// it, `**** **** **** 1111`, and whether it differs from the one before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrepaidCardRegistered {
    pub masked: String,
    pub changed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(postal_code: &str, prefecture: u8, city: &str, building: &str) -> AddressInput {
        AddressInput {
            postal_code: postal_code.into(),
            prefecture,
            city: city.into(),
            street: "丸の内１－２－３".into(),
            building: building.into(),
        }
    }

    #[test]
    fn an_address_as_typed_becomes_its_view() {
        let input = address("〒１００ー０００５", 13, " 千代田区 ", "");
        let view = input
            .validate()
            .map(|a| AddressView::from(&a))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(view.postal_code.as_str(), "100-0005");
        assert_eq!(view.prefecture, Prefecture::Tokyo);
        assert_eq!(view.city, "千代田区");
        assert_eq!(view.building, None);
        assert_eq!(
            view.one_line("東京都"),
            "〒100-0005 東京都千代田区丸の内１－２－３"
        );
        let with_building = AddressView {
            building: Some("サンプルハイツ101".into()),
            ..view
        };
        assert_eq!(
            with_building.one_line("Tokyo"),
            "〒100-0005 Tokyo千代田区丸の内１－２－３ サンプルハイツ101"
        );
    }

    #[test]
    fn every_problem_is_reported_flat_at_its_field() {
        let check = |input: AddressInput, expected: &[(ProfileField, ProfileRule)]| {
            let got: Vec<_> = input
                .validate()
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.field, p.error))
                .collect();
            assert_eq!(got, expected, "{input:?}");
        };
        use ProfileField as F;
        use ProfileRule as R;
        check(
            address("12", 0, "", "<b>"),
            &[
                (F::PostalCode, R::Length),
                (F::Prefecture, R::Required),
                (F::City, R::Required),
                (F::Building, R::ForbiddenCharacter),
            ],
        );
        check(
            address("abc-defg", 48, &"区".repeat(51), ""),
            &[
                (F::PostalCode, R::NotDigits),
                (F::Prefecture, R::Required),
                (F::City, R::TooLong),
            ],
        );
        let employer = EmployerInput {
            name: String::new(),
            phone: "+81 3 1234 5678".into(),
            department: "営業部".into(),
        };
        let got: Vec<_> = employer
            .validate()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field, p.error))
            .collect();
        assert_eq!(
            got,
            [
                (F::EmployerName, R::Required),
                (F::EmployerPhone, R::NotDigits)
            ]
        );
        for (number, rule) in [
            ("", R::Required),
            ("4111 1111 1111 111", R::Length),
            ("5555 5555 5555 4444", R::Prefix),
            ("4111 1111 1111 1112", R::Checksum),
            ("4111-1111-1111-111x", R::NotDigits),
        ] {
            let input = PrepaidCardInput {
                number: number.into(),
            };
            assert_eq!(
                input.validate().err(),
                Some(vec![ProfileProblem {
                    field: F::PrepaidCard,
                    error: rule
                }]),
                "{number}"
            );
        }
    }

    #[test]
    fn problems_travel_as_snake_case_tags() {
        let problem = ProfileProblem {
            field: ProfileField::PrepaidCard,
            error: ProfileRule::Checksum,
        };
        assert_eq!(
            serde_json::to_string(&problem).unwrap_or_default(),
            r#"{"field":"prepaid_card","error":"checksum"}"#
        );
    }

    #[test]
    fn a_prepaid_card_request_shows_only_its_last_four_in_debug() {
        let input = PrepaidCardInput {
            number: "4111 1111 1111 1111".into(),
        };
        assert_eq!(format!("{input:?}"), "PrepaidCardInput(…1111)");
        let short = PrepaidCardInput {
            number: "41".into(),
        };
        assert_eq!(format!("{short:?}"), "PrepaidCardInput(…41)");
    }
}
