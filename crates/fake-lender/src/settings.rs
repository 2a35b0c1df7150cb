//! The settings of SPEC S12 as the lender keeps them: what `/settings`
//! shows (`Lender::profile`) and the member's registered details that can
//! change (`StoredSettings`). Each change is its own operation, in its own
//! module: the repayment date here, the address, employer and prepaid card
//! in `crate::contact`, the e-mail address, WEB-ID and password in
//! `crate::credentials`; the payee account is `crate::movements`'.
//!
//! Every change is validated again with the domain's rules, applied whole
//! or not at all, and sends one notice e-mail saying what changed; the same
//! value again changes nothing and sends nothing.

use crate::seed::{self, DemoLogin, DemoMember};
use crate::serve::{Call, Serve};
use crate::Lender;
use chrono::{DateTime, Utc};
use portal_api::ops;
use portal_api::{
    AddressView, BackendError, EmployerView, FieldProblem, Profile, RepaymentDayChange,
    RepaymentDayChanged, SessionToken,
};
use portal_domain::calendar::{DayChangeRefusal, RepaymentDay};
use portal_domain::clock::{format_date_ja, to_jst};
use portal_domain::input::{Field, FieldError};
use serde::{Deserialize, Serialize};

/// A member's details that settings change, beside the seeded ones. `None`
/// keeps the seeded value (or none).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSettings {
    /// The e-mail address, once changed (SPEC S17 gives the seeded one).
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<AddressView>,
    #[serde(default)]
    pub employer: Option<EmployerView>,
    /// The VISA prepaid card number, 16 digits. A card number, not a
    /// credential: it pays points and cash-back out, it cannot move money
    /// from the member, and `/settings` shows it masked.
    #[serde(default)]
    pub prepaid_card: Option<String>,
}

impl Lender {
    /// The member's registered e-mail address: the changed one, else the
    /// seeded one; `None` if they have none.
    pub(crate) fn email_of(&self, member: &DemoMember) -> Option<String> {
        let changed = self
            .state
            .accounts
            .iter()
            .find(|a| a.member_id == member.id)
            .and_then(|a| a.settings.email.clone());
        changed.or_else(|| {
            let seeded = member.email.trim();
            (!seeded.is_empty()).then(|| seeded.to_owned())
        })
    }

    /// Everything `/settings` shows (SPEC S12).
    pub fn profile(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<Profile, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let today = to_jst(now).date();
        let email = self.email_of(member);
        let web_id = self.web_id_of(member);
        let account = self.account(&member_id)?;
        let next_due = account.ledger.next_due(today);
        Ok(Profile {
            name: member.name.to_owned(),
            kana: member.kana.to_owned(),
            email,
            web_id,
            card_member: matches!(member.login, DemoLogin::Card { .. }),
            repayment_day: account.ledger.repayment_day,
            next_due_date: next_due.map(|d| d.date),
            overdue: account.ledger.overdue_days(today) > 0,
            address: account.settings.address.clone(),
            employer: account.settings.employer.clone(),
            prepaid_card: account
                .settings
                .prepaid_card
                .as_deref()
                .and_then(|n| portal_domain::profile::parse_prepaid_card(n).ok())
                .map(|c| c.masked()),
        })
    }
}

/// The subject of the notice a repayment date change sends.
pub const DAY_CHANGE_SUBJECT: &str = "ご返済日変更のお知らせ";

/// How the notice names a day.
pub(crate) fn day_ja(day: RepaymentDay) -> &'static str {
    match day {
        RepaymentDay::Fifth => "毎月5日",
        RepaymentDay::Fifteenth => "毎月15日",
        RepaymentDay::TwentyFifth => "毎月25日",
        RepaymentDay::LastDay => "毎月末日",
    }
}

impl Lender {
    /// Changes the member's repayment day (返済日変更, SPEC S2, S12): the
    /// pending due date moves to the first on the new day at least a week
    /// ahead (`portal_domain::calendar::due_date_after_day_change`), refused
    /// while overdue and on a due date itself. The same day again changes
    /// nothing and sends nothing.
    pub fn change_repayment_day(
        &mut self,
        token: &SessionToken,
        change: RepaymentDayChange,
        now: DateTime<Utc>,
    ) -> Result<RepaymentDayChanged, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let today = to_jst(now).date();
        let account = self.account_mut(&member_id)?;
        let before = account.ledger.repayment_day;
        let next_due_date = account
            .ledger
            .change_repayment_day(change.day, today)
            .map_err(|refusal| BackendError::InvalidInput {
                problems: vec![FieldProblem {
                    field: Field::RepaymentDay,
                    error: match refusal {
                        DayChangeRefusal::Overdue => FieldError::Overdue,
                        DayChangeRefusal::DueToday => FieldError::DueToday,
                    },
                }],
            })?;
        if before != change.day {
            let next = next_due_date.map_or_else(
                || "次回のお借入れから新しいご返済日が適用されます。".to_owned(),
                |d| format!("次回のご返済日: {}", format_date_ja(d)),
            );
            self.send_mail(
                member,
                now,
                DAY_CHANGE_SUBJECT,
                format!(
                    "ご返済日を変更しました。\n変更前: {}\n変更後: {}\n{next}",
                    day_ja(before),
                    day_ja(change.day)
                ),
            );
        }
        Ok(RepaymentDayChanged {
            day: change.day,
            next_due_date,
        })
    }
}

impl Serve<ops::ChangeRepaymentDay> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        change: RepaymentDayChange,
    ) -> Result<RepaymentDayChanged, BackendError> {
        self.change_repayment_day(call.token()?, change, call.now)
    }
}

impl Serve<ops::GetProfile> for Lender {
    fn serve(&mut self, call: &mut Call<'_>, (): ()) -> Result<Profile, BackendError> {
        self.profile(call.token()?, call.now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{fresh_token, wednesday_noon};
    use crate::Ledger;
    use chrono::{Duration, NaiveDate, TimeZone};
    use portal_api::{Channel, SignInRequest};
    use portal_domain::money::Yen;
    use portal_domain::rate::Apr;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    /// Noon JST on 2026-01-05 (a Monday) plus `days`.
    fn noon_after(days: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 5, 3, 0, 0)
            .single()
            .unwrap_or_default()
            + Duration::days(days)
    }

    fn day(days: i64) -> NaiveDate {
        to_jst(noon_after(days)).date()
    }

    fn ledger_with_a_borrowing(repayment_day: RepaymentDay) -> Ledger {
        let apr = Apr::from_percent(rust_decimal::Decimal::new(178, 1))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut ledger = Ledger::new(apr, repayment_day, false);
        ledger
            .apply_borrowing(Yen(100_000), Channel::Atm, noon_after(0))
            .unwrap_or_else(|e| panic!("{e:?}"));
        ledger
    }

    #[test]
    fn a_changed_day_moves_the_pending_due_date_and_the_ones_after_it() {
        let mut ledger = ledger_with_a_borrowing(RepaymentDay::TwentyFifth);
        // Borrowed on the 5th: due on the 25th of the same month, a Sunday,
        // so Monday the 26th.
        let pending = ledger.next_due(day(5)).unwrap_or_else(|| panic!("no due"));
        assert_eq!(pending.date, ymd(2026, 1, 26));
        // On the 10th, to the 15th: January's 15th is 5 days away, too
        // soon, so February's, a Sunday, moved to Monday the 16th.
        assert_eq!(
            ledger.change_repayment_day(RepaymentDay::Fifteenth, day(5)),
            Ok(Some(ymd(2026, 2, 16)))
        );
        let moved = ledger.next_due(day(5)).unwrap_or_else(|| panic!("no due"));
        assert_eq!(moved.date, ymd(2026, 2, 16));
        assert_eq!(
            moved.minimum, pending.minimum,
            "the instalment is unchanged"
        );
        // The old date passes without a late day; the new one does not.
        assert_eq!(ledger.overdue_days(ymd(2026, 1, 27)), 0);
        assert_eq!(ledger.late_charge(ymd(2026, 1, 30)), Yen(0));
        assert_eq!(ledger.overdue_days(ymd(2026, 2, 17)), 1);
        // Paid on the new date, the next one is a month later on the new
        // day (March 15 is a Sunday).
        ledger
            .apply_repayment(moved.minimum, Channel::Atm, noon_after(42))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(day(42), ymd(2026, 2, 16));
        assert_eq!(
            ledger.next_due(day(42)).map(|d| d.date),
            Some(ymd(2026, 3, 16))
        );
        // The same day again changes nothing.
        let before = ledger.clone();
        assert_eq!(
            ledger.change_repayment_day(RepaymentDay::Fifteenth, day(43)),
            Ok(Some(ymd(2026, 3, 16)))
        );
        assert_eq!(ledger, before);
    }

    #[test]
    fn without_a_balance_the_new_day_applies_from_the_next_borrowing() {
        let apr = Apr::from_percent(rust_decimal::Decimal::new(178, 1))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut ledger = Ledger::new(apr, RepaymentDay::TwentyFifth, false);
        assert_eq!(
            ledger.change_repayment_day(RepaymentDay::Fifth, day(0)),
            Ok(None)
        );
        ledger
            .apply_borrowing(Yen(50_000), Channel::Atm, noon_after(1))
            .unwrap_or_else(|e| panic!("{e:?}"));
        // Borrowed on January 6 with the 5th: due February 5 (S2).
        assert_eq!(
            ledger.next_due(day(1)).map(|d| d.date),
            Some(ymd(2026, 2, 5))
        );
        assert_eq!(
            ledger.next_due(ymd(2026, 2, 10)).map(|d| d.date),
            Some(ymd(2026, 2, 5)),
            "missed, it stays"
        );
    }

    #[test]
    fn overdue_and_due_today_are_refused_and_change_nothing() {
        let mut ledger = ledger_with_a_borrowing(RepaymentDay::TwentyFifth);
        let before = ledger.clone();
        assert_eq!(
            ledger.change_repayment_day(RepaymentDay::Fifth, ymd(2026, 1, 26)),
            Err(DayChangeRefusal::DueToday)
        );
        assert_eq!(
            ledger.change_repayment_day(RepaymentDay::Fifth, ymd(2026, 1, 28)),
            Err(DayChangeRefusal::Overdue)
        );
        assert_eq!(ledger, before);
    }

    proptest! {
        /// Whatever the day chosen and whenever (before the pending date),
        /// the next due date is the domain rule's, and a month of on-time
        /// minimums then walks monthly on the new day, never on the old.
        #[test]
        fn after_a_change_due_dates_follow_the_new_day(
            change_on in 1i64..20,
            day_index in 0usize..4,
        ) {
            let new_day = RepaymentDay::ALL[day_index];
            let mut ledger = ledger_with_a_borrowing(RepaymentDay::TwentyFifth);
            let today = day(change_on);
            let pending = ledger.next_due(today).map(|d| d.date);
            let expected = portal_domain::calendar::due_date_after_day_change(
                new_day, today, pending, false,
            );
            let got = ledger.change_repayment_day(new_day, today);
            if new_day == RepaymentDay::TwentyFifth {
                prop_assert_eq!(got, Ok(pending));
            } else {
                prop_assert_eq!(got, expected);
            }
            let mut at = change_on;
            for _ in 0..3 {
                let due = ledger.next_due(day(at)).unwrap_or_else(|| panic!("no due"));
                prop_assert!(due.date > today);
                let nominal = portal_domain::calendar::due_date_in_month(
                    new_day,
                    chrono::Datelike::year(&due.date),
                    chrono::Datelike::month(&due.date),
                );
                let previous_month = due.date - Duration::days(12);
                let nominal_before = portal_domain::calendar::due_date_in_month(
                    new_day,
                    chrono::Datelike::year(&previous_month),
                    chrono::Datelike::month(&previous_month),
                );
                prop_assert!(
                    nominal == Some(due.date) || nominal_before == Some(due.date),
                    "{} is not on {:?}", due.date, new_day
                );
                at = (due.date - day(0)).num_days();
                ledger
                    .apply_repayment(due.minimum, Channel::Atm, noon_after(at))
                    .unwrap_or_else(|e| panic!("{e:?}"));
                prop_assert_eq!(ledger.overdue_days(day(at)), 0);
            }
        }
    }

    fn sign_in(lender: &mut Lender, request: SignInRequest) -> SessionToken {
        let token = fresh_token();
        lender
            .sign_in(&request, wednesday_noon(), token.clone())
            .unwrap_or_else(|e| panic!("{request:?}: {e:?}"));
        token
    }

    fn web(web_id: &str, password: &str) -> SignInRequest {
        SignInRequest::WebId {
            web_id: web_id.into(),
            password: password.into(),
        }
    }

    #[test]
    fn the_lender_changes_the_day_once_and_says_so_by_mail() {
        let now = wednesday_noon();
        let mut lender = Lender::seeded(now, 3);
        let token = sign_in(&mut lender, web("demo0001", "Passw0rd"));
        let profile = lender
            .profile(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(profile.repayment_day, RepaymentDay::Fifth);
        assert_eq!(profile.email.as_deref(), Some("demo0001@example.com"));
        assert!(!profile.overdue);
        let mails = lender.mailbox().len();
        let change = RepaymentDayChange {
            day: RepaymentDay::TwentyFifth,
        };
        let changed = lender
            .change_repayment_day(&token, change, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        // Wednesday 2026-11-25: the 25th a week ahead is December's.
        assert_eq!(changed.next_due_date, Some(ymd(2026, 12, 25)));
        let profile = lender
            .profile(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(profile.repayment_day, RepaymentDay::TwentyFifth);
        assert_eq!(profile.next_due_date, Some(ymd(2026, 12, 25)));
        let sent = lender.mailbox();
        assert_eq!(sent.len(), mails + 1);
        let mail = sent.last().unwrap_or_else(|| panic!("no mail"));
        assert_eq!(mail.subject, DAY_CHANGE_SUBJECT);
        assert!(mail.body.contains("変更前: 毎月5日"), "{}", mail.body);
        assert!(mail.body.contains("変更後: 毎月25日"), "{}", mail.body);
        assert!(mail.body.contains("2026年12月25日"), "{}", mail.body);
        // Again: nothing changes, nothing is sent.
        let again = lender.change_repayment_day(&token, change, now);
        assert_eq!(again, Ok(changed));
        assert_eq!(lender.mailbox().len(), mails + 1);
    }

    #[test]
    fn the_overdue_member_cannot_change_the_day() {
        let now = wednesday_noon();
        let mut lender = Lender::seeded(now, 3);
        let token = sign_in(&mut lender, web("overdue01", "Overdue2024"));
        let profile = lender
            .profile(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(profile.overdue);
        let before = lender.state().clone();
        let refused = lender.change_repayment_day(
            &token,
            RepaymentDayChange {
                day: RepaymentDay::Fifth,
            },
            now,
        );
        assert_eq!(
            refused,
            Err(BackendError::InvalidInput {
                problems: vec![FieldProblem {
                    field: Field::RepaymentDay,
                    error: FieldError::Overdue,
                }],
            })
        );
        assert_eq!(lender.state(), &before);
    }
}
