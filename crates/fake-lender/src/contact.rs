//! The member's address, employer and VISA prepaid card number (住所・勤務先
//! の変更, VISAプリペイド番号の登録・変更, SPEC S12).
//!
//! Each request is parsed again with the domain's rules (the form's checks
//! are a courtesy) through the wire types' own `validate`, so the lender and
//! the form refuse the same input for the same reason; a refusal lists every
//! field's problem (`BackendError::ProfileRefused`) and changes nothing. A
//! valid request replaces the stored value whole. The same value again
//! changes nothing and sends nothing, so a retry is harmless; a change sends
//! exactly one notice e-mail, which shows the card number masked only.

use crate::seed;
use crate::serve::{Call, Serve};
use crate::Lender;
use chrono::{DateTime, Utc};
use portal_api::ops;
use portal_api::{
    AddressChanged, AddressInput, AddressView, BackendError, EmployerChanged, EmployerInput,
    EmployerView, PrepaidCardInput, PrepaidCardRegistered, SessionToken,
};
use portal_domain::profile::parse_prepaid_card;

/// The subject of the notice an address change sends.
pub const ADDRESS_SUBJECT: &str = "ご住所変更のお知らせ";
/// The subject of the notice an employer change sends.
pub const EMPLOYER_SUBJECT: &str = "お勤め先変更のお知らせ";
/// The subject of the notice a prepaid card registration or change sends.
pub const PREPAID_CARD_SUBJECT: &str = "VISAプリペイドカード番号登録のお知らせ";

/// How a notice writes a value that was not registered before.
const NOT_REGISTERED: &str = "未登録";

fn address_ja(a: &AddressView) -> String {
    a.one_line(a.prefecture.name_ja())
}

fn employer_ja(e: &EmployerView) -> String {
    let mut text = format!("{}（電話番号 {}）", e.name, e.phone.display());
    if let Some(department) = &e.department {
        text.push_str(&format!(" {department}"));
    }
    text
}

/// The notice's lines before and after a change.
fn before_after(before: Option<String>, after: &str) -> String {
    format!(
        "変更前: {}\n変更後: {after}",
        before.as_deref().unwrap_or(NOT_REGISTERED)
    )
}

/// The masked form of a stored number (which the lender only ever stores
/// after parsing it, so it always parses).
fn masked(stored: &str) -> Option<String> {
    parse_prepaid_card(stored).ok().map(|c| c.masked())
}

impl Lender {
    /// Registers or changes the member's address.
    pub fn change_address(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        input: &AddressInput,
    ) -> Result<AddressChanged, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let address = input
            .validate()
            .map(|a| AddressView::from(&a))
            .map_err(|problems| BackendError::ProfileRefused { problems })?;
        let account = self.account_mut(&member_id)?;
        let before = account.settings.address.replace(address.clone());
        let changed = before.as_ref() != Some(&address);
        if changed {
            let body = format!(
                "ご登録のご住所を変更しました。\n{}",
                before_after(before.as_ref().map(address_ja), &address_ja(&address))
            );
            self.send_mail(member, now, ADDRESS_SUBJECT, body);
        }
        Ok(AddressChanged { address, changed })
    }

    /// Registers or changes the member's employer.
    pub fn change_employer(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        input: &EmployerInput,
    ) -> Result<EmployerChanged, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let employer = input
            .validate()
            .map(|e| EmployerView::from(&e))
            .map_err(|problems| BackendError::ProfileRefused { problems })?;
        let account = self.account_mut(&member_id)?;
        let before = account.settings.employer.replace(employer.clone());
        let changed = before.as_ref() != Some(&employer);
        if changed {
            let body = format!(
                "ご登録のお勤め先を変更しました。\n{}",
                before_after(before.as_ref().map(employer_ja), &employer_ja(&employer))
            );
            self.send_mail(member, now, EMPLOYER_SUBJECT, body);
        }
        Ok(EmployerChanged { employer, changed })
    }

    /// Registers or changes the member's VISA prepaid card number. Only its
    /// 16 digits are stored; the answer and the notice show it masked.
    pub fn register_prepaid_card(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        input: &PrepaidCardInput,
    ) -> Result<PrepaidCardRegistered, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let card = input
            .validate()
            .map_err(|problems| BackendError::ProfileRefused { problems })?;
        let account = self.account_mut(&member_id)?;
        let before = account
            .settings
            .prepaid_card
            .replace(card.as_str().to_owned());
        let changed = before.as_deref() != Some(card.as_str());
        if changed {
            let verb = if before.is_some() { "変更" } else { "登録" };
            let body = format!(
                "VISAプリペイドカード番号を{verb}しました。\n{}",
                before_after(before.as_deref().and_then(masked), &card.masked())
            );
            self.send_mail(member, now, PREPAID_CARD_SUBJECT, body);
        }
        Ok(PrepaidCardRegistered {
            masked: card.masked(),
            changed,
        })
    }
}

impl Serve<ops::ChangeAddress> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        input: AddressInput,
    ) -> Result<AddressChanged, BackendError> {
        self.change_address(call.token()?, call.now, &input)
    }
}

impl Serve<ops::ChangeEmployer> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        input: EmployerInput,
    ) -> Result<EmployerChanged, BackendError> {
        self.change_employer(call.token()?, call.now, &input)
    }
}

impl Serve<ops::RegisterPrepaidCard> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        input: PrepaidCardInput,
    ) -> Result<PrepaidCardRegistered, BackendError> {
        self.register_prepaid_card(call.token()?, call.now, &input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::movements::Mail;
    use crate::tests::{fresh_token, wednesday_noon as noon};
    use portal_api::{Profile, ProfileProblem, ProfileRule, SignInRequest};
    use portal_domain::profile::{Prefecture, ProfileField};

    /// A seeded lender and a session of `demo0001`.
    fn signed_in() -> (Lender, SessionToken) {
        let mut lender = Lender::seeded(noon(), 7);
        let token = fresh_token();
        let request = SignInRequest::WebId {
            web_id: "demo0001".into(),
            password: "Passw0rd".into(),
        };
        lender
            .sign_in(&request, noon(), token.clone())
            .unwrap_or_else(|e| panic!("{e:?}"));
        (lender, token)
    }

    fn profile(lender: &mut Lender, token: &SessionToken) -> Profile {
        lender
            .profile(token, noon())
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn mails(lender: &Lender, subject: &str) -> Vec<Mail> {
        lender
            .mailbox()
            .into_iter()
            .filter(|m| m.subject == subject)
            .collect()
    }

    fn address(postal_code: &str, prefecture: u8, city: &str, building: &str) -> AddressInput {
        AddressInput {
            postal_code: postal_code.into(),
            prefecture,
            city: city.into(),
            street: "丸の内１－２－３".into(),
            building: building.into(),
        }
    }

    fn employer(name: &str, phone: &str, department: &str) -> EmployerInput {
        EmployerInput {
            name: name.into(),
            phone: phone.into(),
            department: department.into(),
        }
    }

    fn card(number: &str) -> PrepaidCardInput {
        PrepaidCardInput {
            number: number.into(),
        }
    }

    fn refused(problems: &[(ProfileField, ProfileRule)]) -> BackendError {
        BackendError::ProfileRefused {
            problems: problems
                .iter()
                .map(|&(field, error)| ProfileProblem { field, error })
                .collect(),
        }
    }

    #[test]
    fn an_address_is_registered_changed_and_mailed_once_per_change() {
        let (mut lender, token) = signed_in();
        assert_eq!(profile(&mut lender, &token).address, None);

        let typed = address("１００ー０００５", 13, "千代田区", "");
        let first = lender.change_address(&token, noon(), &typed);
        let expected = AddressView {
            postal_code: portal_domain::profile::parse_postal_code("100-0005")
                .unwrap_or_else(|e| panic!("{e:?}")),
            prefecture: Prefecture::Tokyo,
            city: "千代田区".into(),
            street: "丸の内１－２－３".into(),
            building: None,
        };
        assert_eq!(
            first,
            Ok(AddressChanged {
                address: expected.clone(),
                changed: true
            })
        );
        assert_eq!(profile(&mut lender, &token).address, Some(expected.clone()));
        let sent = mails(&lender, ADDRESS_SUBJECT);
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].to, "demo0001@example.com");
        assert!(
            sent[0]
                .body
                .contains("変更前: 未登録\n変更後: 〒100-0005 東京都千代田区丸の内１－２－３"),
            "{}",
            sent[0].body
        );

        // The same address, however it is typed, changes nothing.
        let again = address("100-0005", 13, " 千代田区 ", "　");
        assert_eq!(
            lender.change_address(&token, noon(), &again),
            Ok(AddressChanged {
                address: expected.clone(),
                changed: false
            })
        );
        assert_eq!(mails(&lender, ADDRESS_SUBJECT).len(), 1);

        // A new building is a change, mailed with the address before it.
        let moved = address("100-0005", 13, "千代田区", "サンプルハイツ101");
        let changed = lender.change_address(&token, noon(), &moved);
        assert_eq!(changed.map(|c| c.changed), Ok(true));
        let sent = mails(&lender, ADDRESS_SUBJECT);
        assert_eq!(sent.len(), 2);
        assert!(
            sent[1].body.contains(
                "変更前: 〒100-0005 東京都千代田区丸の内１－２－３\n変更後: 〒100-0005 東京都千代田区丸の内１－２－３ サンプルハイツ101"
            ),
            "{}",
            sent[1].body
        );
    }

    #[test]
    fn a_refused_address_lists_every_field_and_changes_nothing() {
        use ProfileField as F;
        use ProfileRule as R;
        let (mut lender, token) = signed_in();
        let registered = address("100-0005", 13, "千代田区", "");
        assert!(lender.change_address(&token, noon(), &registered).is_ok());
        let before = lender.state().clone();
        let cases: [(AddressInput, &[(F, R)]); 5] = [
            (
                address("", 13, "千代田区", ""),
                &[(F::PostalCode, R::Required)],
            ),
            (
                address("100-000", 13, "千代田区", ""),
                &[(F::PostalCode, R::Length)],
            ),
            (
                address("100-0005", 0, "", ""),
                &[(F::Prefecture, R::Required), (F::City, R::Required)],
            ),
            (
                address("100-0005", 48, &"区".repeat(51), ""),
                &[(F::Prefecture, R::Required), (F::City, R::TooLong)],
            ),
            (
                AddressInput {
                    street: "\u{3000}".into(),
                    ..address("100-0005", 13, "千代田区", "<script>")
                },
                &[
                    (F::Street, R::Required),
                    (F::Building, R::ForbiddenCharacter),
                ],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(
                lender.change_address(&token, noon(), &input),
                Err(refused(expected)),
                "{input:?}"
            );
        }
        assert_eq!(lender.state(), &before, "nothing stored, nothing mailed");
    }

    #[test]
    fn an_employer_is_changed_and_mailed_with_its_phone_grouped() {
        use ProfileField as F;
        use ProfileRule as R;
        let (mut lender, token) = signed_in();
        let typed = employer("株式会社サンプル商事", "０３（１２３４）５６７８", "");
        let got = lender
            .change_employer(&token, noon(), &typed)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(got.changed);
        assert_eq!(got.employer.phone.as_str(), "0312345678");
        assert_eq!(got.employer.department, None);
        assert_eq!(profile(&mut lender, &token).employer, Some(got.employer));
        let sent = mails(&lender, EMPLOYER_SUBJECT);
        assert_eq!(sent.len(), 1);
        assert!(
            sent[0]
                .body
                .contains("変更後: 株式会社サンプル商事（電話番号 03-1234-5678）"),
            "{}",
            sent[0].body
        );
        assert!(lender
            .change_employer(
                &token,
                noon(),
                &employer("株式会社サンプル商事", "03-1234-5678", " ")
            )
            .is_ok_and(|c| !c.changed));
        assert_eq!(mails(&lender, EMPLOYER_SUBJECT).len(), 1);

        let before = lender.state().clone();
        for (input, expected) in [
            (
                employer("", "03-1234-5678", ""),
                vec![(F::EmployerName, R::Required)],
            ),
            (
                employer("サンプル商事", "", &"部".repeat(41)),
                vec![(F::EmployerPhone, R::Required), (F::Department, R::TooLong)],
            ),
            (
                employer("サンプル商事", "090-1234-567", ""),
                vec![(F::EmployerPhone, R::Length)],
            ),
            (
                employer("サンプル商事", "03-1234-567", ""),
                vec![(F::EmployerPhone, R::Length)],
            ),
            (
                employer("サンプル商事", "1312345678", ""),
                vec![(F::EmployerPhone, R::Prefix)],
            ),
            (
                employer("サンプル商事", "+81 3 1234 5678", ""),
                vec![(F::EmployerPhone, R::NotDigits)],
            ),
            (
                employer("サンプル\u{202E}商事", "03-1234-5678", ""),
                vec![(F::EmployerName, R::ForbiddenCharacter)],
            ),
        ] {
            assert_eq!(
                lender.change_employer(&token, noon(), &input),
                Err(refused(&expected)),
                "{input:?}"
            );
        }
        assert_eq!(lender.state(), &before);
    }

    #[test]
    fn a_prepaid_card_is_luhn_checked_stored_whole_and_shown_masked() {
        use ProfileRule as R;
        let (mut lender, token) = signed_in();
        let before = lender.state().clone();
        for (number, rule) in [
            ("", R::Required),
            ("4111 1111 1111 1112", R::Checksum),
            ("4111 1111 1111 1121", R::Checksum),
            ("5555 5555 5555 4444", R::Prefix),
            ("4111 1111 1111 111", R::Length),
            ("4111 1111 1111 111x", R::NotDigits),
        ] {
            assert_eq!(
                lender.register_prepaid_card(&token, noon(), &card(number)),
                Err(refused(&[(ProfileField::PrepaidCard, rule)])),
                "{number}"
            );
        }
        assert_eq!(lender.state(), &before, "refusals change nothing");

        let first = lender.register_prepaid_card(
            &token,
            noon(),
            &card("４１１１ １１１１ １１１１ １１１１"),
        );
        assert_eq!(
            first,
            Ok(PrepaidCardRegistered {
                masked: "**** **** **** 1111".into(),
                changed: true
            })
        );
        let account = lender.account("m-web").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            account.settings.prepaid_card.as_deref(),
            Some("4111111111111111")
        );
        assert_eq!(
            profile(&mut lender, &token).prepaid_card.as_deref(),
            Some("**** **** **** 1111")
        );
        // The same number again: no change, no mail.
        assert_eq!(
            lender
                .register_prepaid_card(&token, noon(), &card("4111-1111-1111-1111"))
                .map(|r| r.changed),
            Ok(false)
        );
        // Another card with the same last four digits is a change.
        let other = lender.register_prepaid_card(&token, noon(), &card("4000 0000 0006 1111"));
        assert_eq!(other.map(|r| r.changed), Ok(true));

        let sent = mails(&lender, PREPAID_CARD_SUBJECT);
        assert_eq!(sent.len(), 2);
        assert!(
            sent[0].body.contains("番号を登録しました"),
            "{}",
            sent[0].body
        );
        assert!(sent[0].body.contains("変更後: **** **** **** 1111"));
        assert!(
            sent[1].body.contains("番号を変更しました"),
            "{}",
            sent[1].body
        );
        for mail in &sent {
            assert!(
                !mail.body.contains("41111111") && !mail.body.contains("40000000"),
                "the full number never leaves in a mail: {}",
                mail.body
            );
        }
    }

    #[test]
    fn changes_need_a_live_session() {
        let mut lender = Lender::seeded(noon(), 7);
        let stranger = fresh_token();
        assert_eq!(
            lender.change_address(&stranger, noon(), &address("100-0005", 13, "千代田区", "")),
            Err(BackendError::NotSignedIn)
        );
        assert_eq!(
            lender.register_prepaid_card(&stranger, noon(), &card("4111111111111111")),
            Err(BackendError::NotSignedIn)
        );
    }
}
