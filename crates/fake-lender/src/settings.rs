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
