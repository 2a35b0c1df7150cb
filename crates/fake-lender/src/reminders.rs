//! The repayment reminder e-mail (ご返済日お知らせメール, SPEC S13): the
//! member's setting, the next send time it implies, and the notice e-mail a
//! change sends.
//!
//! When a reminder goes out is `portal_domain::reminder`'s rule; this module
//! keeps the member's choice and asks the rule, pinning the ledger's own next
//! due date first so a date the plain schedule would not give (a first due
//! date, a month repaid in advance, a missed date) is honoured. A missed due
//! date is already past, so its reminder time has passed too: an overdue
//! member's next reminder is about the following regular due date, and the
//! missed one is left to the lender's dunning, which is not this e-mail.
//!
//! The lender records the setting only; it does not send the reminders
//! themselves (it has no clock of its own, SPEC S16), just the notice that
//! the setting changed.

use crate::seed::{self, DemoMember};
use crate::serve::{Call, Serve};
use crate::Lender;
use chrono::{DateTime, Utc};
use portal_api::ops;
use portal_api::{BackendError, FieldProblem, ReminderSetting, ReminderStatus, SessionToken};
use portal_domain::clock::{format_datetime_ja, to_jst};
use portal_domain::input::{Field, FieldError};
use portal_domain::reminder::{next_reminder, ReminderHour, ReminderTiming};
use serde::{Deserialize, Serialize};

/// The subject of the notice a changed setting sends.
pub const CHANGE_SUBJECT: &str = "ご返済日お知らせメールの設定変更のお知らせ";

/// A member's reminder setting as the lender keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReminder {
    pub enabled: bool,
    pub timing: ReminderTiming,
    pub hour: ReminderHour,
}

impl StoredReminder {
    /// A member who never chose (`AccountState::reminder` is `None`): off,
    /// and when turned on, 3 days before the due date at 9:00, early enough
    /// to arrange the money and late enough not to wake anyone.
    pub const DEFAULT: StoredReminder = StoredReminder {
        enabled: false,
        timing: ReminderTiming::DaysBefore3,
        hour: ReminderHour::DEFAULT,
    };
}

impl From<ReminderSetting> for StoredReminder {
    fn from(s: ReminderSetting) -> Self {
        StoredReminder {
            enabled: s.enabled,
            timing: s.timing,
            hour: s.hour,
        }
    }
}

/// The setting a demo member starts with. S17 does not say; the WEB-ID
/// member `demo0001` has it on (3 days before, 9:00) so the settings page
/// shows a next send time from the start, and everyone else has the default.
pub(crate) fn seeded_reminder(member: &DemoMember) -> Option<StoredReminder> {
    (member.id == "m-web").then_some(StoredReminder {
        enabled: true,
        ..StoredReminder::DEFAULT
    })
}

/// Reminders need somewhere to go: turning them on without a registered
/// address is refused at the e-mail field (SPEC S13). Turning them off, or
/// changing the timing while off, is always allowed.
fn check_setting(email: Option<&str>, setting: &ReminderSetting) -> Result<(), BackendError> {
    if setting.enabled && email.is_none() {
        return Err(BackendError::InvalidInput {
            problems: vec![FieldProblem {
                field: Field::Email,
                error: FieldError::Required,
            }],
        });
    }
    Ok(())
}

/// How the notice names a timing.
fn timing_ja(timing: ReminderTiming) -> &'static str {
    match timing {
        ReminderTiming::OnDueDate => "返済日当日",
        ReminderTiming::DaysBefore1 => "返済日の1日前",
        ReminderTiming::DaysBefore3 => "返済日の3日前",
        ReminderTiming::DaysBefore5 => "返済日の5日前",
    }
}

/// The body of the notice: the setting as it now is, and its next send
/// time.
fn change_notice(status: &ReminderStatus) -> String {
    let mut body = format!(
        "ご返済日お知らせメールの設定を変更しました。\n配信: {}\n送信日: {}\n送信時刻: {:02}:00",
        if status.enabled {
            "受け取る"
        } else {
            "受け取らない"
        },
        timing_ja(status.timing),
        status.hour.get()
    );
    if status.enabled {
        let next = status.next_send_at.map_or_else(
            || "なし（ご返済予定日がありません）".to_owned(),
            format_datetime_ja,
        );
        body.push_str(&format!("\n次回の送信予定: {next}"));
    }
    body
}

impl Lender {
    /// The member's reminder setting and what it implies (SPEC S13).
    pub fn reminder(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<ReminderStatus, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        self.reminder_status(member, now)
    }

    /// Changes the setting. The same setting again changes nothing and
    /// sends nothing, so a retry is harmless; a change is stored and sends
    /// one notice saying what the setting now is.
    pub fn set_reminder(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        setting: ReminderSetting,
    ) -> Result<ReminderStatus, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let email = self.email_of(member);
        check_setting(email.as_deref(), &setting)?;
        let wanted = StoredReminder::from(setting);
        let account = self.account_mut(member.id)?;
        if account.reminder.unwrap_or(StoredReminder::DEFAULT) == wanted {
            return self.reminder_status(member, now);
        }
        account.reminder = Some(wanted);
        let status = self.reminder_status(member, now)?;
        if email.is_some() {
            self.send_mail(member, now, CHANGE_SUBJECT, change_notice(&status));
        }
        Ok(status)
    }

    fn reminder_status(
        &self,
        member: &DemoMember,
        now: DateTime<Utc>,
    ) -> Result<ReminderStatus, BackendError> {
        let account = self.account(member.id)?;
        let setting = account.reminder.unwrap_or(StoredReminder::DEFAULT);
        let email = self.email_of(member);
        let jst_now = to_jst(now);
        let ledger = &account.ledger;
        let next_due_date = ledger.next_due(jst_now.date()).map(|d| d.date);
        let next_send_at = next_due_date
            .filter(|_| setting.enabled && email.is_some())
            .and_then(|due| {
                next_reminder(
                    ledger.repayment_day,
                    Some(due),
                    setting.timing,
                    setting.hour,
                    jst_now,
                )
            })
            .map(|r| r.send_at);
        Ok(ReminderStatus {
            enabled: setting.enabled,
            timing: setting.timing,
            hour: setting.hour,
            email,
            next_due_date,
            next_send_at,
        })
    }
}

impl Serve<ops::GetReminder> for Lender {
    fn serve(&mut self, call: &mut Call<'_>, (): ()) -> Result<ReminderStatus, BackendError> {
        self.reminder(call.token()?, call.now)
    }
}

impl Serve<ops::SetReminder> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        setting: ReminderSetting,
    ) -> Result<ReminderStatus, BackendError> {
        self.set_reminder(call.token()?, call.now, setting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::movements::Mail;
    use crate::LenderState;
    use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
    use portal_api::SignInRequest;
    use portal_domain::clock::from_jst;

    use crate::tests::wednesday_noon as noon;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    fn at(d: NaiveDate, hour: u32) -> NaiveDateTime {
        d.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default())
    }

    fn hour(h: u8) -> ReminderHour {
        ReminderHour::new(h).unwrap_or_else(|| panic!("hour {h}"))
    }

    use crate::tests::fresh_token;

    /// A seeded lender and a session of the member these credentials name.
    fn signed_in(request: SignInRequest) -> (Lender, SessionToken) {
        let mut lender = Lender::seeded(noon(), 7);
        let token = fresh_token();
        lender
            .sign_in(&request, noon(), token.clone())
            .unwrap_or_else(|e| panic!("{request:?}: {e:?}"));
        (lender, token)
    }

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

    fn setting(enabled: bool, timing: ReminderTiming, h: u8) -> ReminderSetting {
        ReminderSetting {
            enabled,
            timing,
            hour: hour(h),
        }
    }

    fn status(lender: &mut Lender, token: &SessionToken) -> ReminderStatus {
        lender
            .reminder(token, noon())
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn set(lender: &mut Lender, token: &SessionToken, s: ReminderSetting) -> ReminderStatus {
        lender
            .set_reminder(token, noon(), s)
            .unwrap_or_else(|e| panic!("{s:?}: {e:?}"))
    }

    fn notices(lender: &Lender) -> Vec<Mail> {
        lender
            .mailbox()
            .into_iter()
            .filter(|m| m.subject == CHANGE_SUBJECT)
            .collect()
    }

    /// The next due date the home page shows the member.
    fn home_due_date(lender: &mut Lender, token: &SessionToken) -> Option<NaiveDate> {
        let summary = lender.account_summary(token, noon());
        summary
            .unwrap_or_else(|e| panic!("{e:?}"))
            .next_due
            .map(|d| d.date)
    }

    #[test]
    fn a_member_who_never_chose_has_it_off_at_3_days_before_9_00() {
        let (mut lender, token) = signed_in(card("1234567890", "1234"));
        let got = status(&mut lender, &token);
        let due = home_due_date(&mut lender, &token);
        assert!(due.is_some(), "the 10-digit card member has a balance");
        assert_eq!(
            got,
            ReminderStatus {
                enabled: false,
                timing: ReminderTiming::DaysBefore3,
                hour: hour(9),
                email: Some("card7890@example.com".into()),
                next_due_date: due,
                next_send_at: None,
            }
        );
    }

    #[test]
    fn demo0001_has_it_on_3_days_before_its_next_due_date_at_9_00() {
        let (mut lender, token) = signed_in(web("demo0001", "Passw0rd"));
        let got = status(&mut lender, &token);
        // Due on the 5th: Saturday 2026-12-05 moves to Monday the 7th, and
        // three calendar days before that is Friday the 4th.
        assert_eq!(home_due_date(&mut lender, &token), Some(date(2026, 12, 7)));
        assert_eq!(
            got,
            ReminderStatus {
                enabled: true,
                timing: ReminderTiming::DaysBefore3,
                hour: hour(9),
                email: Some("demo0001@example.com".into()),
                next_due_date: Some(date(2026, 12, 7)),
                next_send_at: Some(at(date(2026, 12, 4), 9)),
            }
        );
    }

    #[test]
    fn each_timing_and_hour_moves_the_next_send_time() {
        let (mut lender, token) = signed_in(web("demo0001", "Passw0rd"));
        let due = date(2026, 12, 7);
        for timing in ReminderTiming::ALL {
            for h in [0, 8, 9, 23] {
                let got = set(&mut lender, &token, setting(true, timing, h));
                let day = due - Days::new(u64::from(timing.days_before()));
                assert_eq!(got.next_due_date, Some(due));
                assert_eq!(
                    (got.timing, got.hour, got.next_send_at),
                    (timing, hour(h), Some(at(day, u32::from(h)))),
                    "{timing:?} {h}"
                );
                assert_eq!(status(&mut lender, &token), got, "kept");
            }
        }
        let off = set(
            &mut lender,
            &token,
            setting(false, ReminderTiming::DaysBefore5, 7),
        );
        assert_eq!(off.next_send_at, None);
        assert_eq!(
            (off.timing, off.hour),
            (ReminderTiming::DaysBefore5, hour(7))
        );
    }

    #[test]
    fn a_send_time_already_past_gives_the_following_due_dates() {
        // At noon on 2026-11-25 "on the due date at 11:00" is still ahead for
        // December 7th; but seen on December 7th at noon, it has gone, and
        // the next is January's: Tuesday 2027-01-05.
        let (mut lender, token) = signed_in(web("demo0001", "Passw0rd"));
        set(
            &mut lender,
            &token,
            setting(true, ReminderTiming::OnDueDate, 11),
        );
        let later = from_jst(at(date(2026, 12, 7), 12));
        let got = lender
            .reminder(&token, later)
            .map(|s| (s.next_due_date, s.next_send_at));
        // The session has long ended by then.
        assert_eq!(got, Err(BackendError::NotSignedIn));
        let token = fresh_token();
        lender
            .sign_in(&web("demo0001", "Passw0rd"), later, token.clone())
            .unwrap_or_else(|e| panic!("{e:?}"));
        let got = lender
            .reminder(&token, later)
            .map(|s| (s.next_due_date, s.next_send_at));
        assert_eq!(
            got,
            Ok((Some(date(2026, 12, 7)), Some(at(date(2027, 1, 5), 11))))
        );
    }

    #[test]
    fn a_member_without_a_balance_has_no_due_date_and_no_send_time() {
        for request in [
            card("1234567890123456", "4321"),
            web("newmember01", "Welcome2024"),
        ] {
            let (mut lender, token) = signed_in(request.clone());
            let got = set(
                &mut lender,
                &token,
                setting(true, ReminderTiming::DaysBefore1, 8),
            );
            assert!(got.enabled, "{request:?}");
            assert!(got.email.is_some(), "{request:?}");
            assert_eq!(
                (got.next_due_date, got.next_send_at),
                (None, None),
                "{request:?}"
            );
            let mail = notices(&lender);
            assert_eq!(mail.len(), 1, "{request:?}");
            let body = mail.first().map(|m| m.body.as_str()).unwrap_or_default();
            assert!(body.contains("次回の送信予定: なし"), "{body}");
        }
    }

    #[test]
    fn an_overdue_member_is_reminded_of_the_next_regular_due_date() {
        let (mut lender, token) = signed_in(web("overdue01", "Overdue2024"));
        set(
            &mut lender,
            &token,
            setting(true, ReminderTiming::DaysBefore3, 9),
        );
        let got = status(&mut lender, &token);
        // The missed date is what the home page shows as next due...
        let missed = home_due_date(&mut lender, &token);
        assert_eq!(got.next_due_date, missed);
        assert!(missed.is_some_and(|d| d < date(2026, 11, 25)), "{missed:?}");
        // ...but its reminder time has passed; the next reminder is about
        // the 15th: Tuesday 2026-12-15, three days before is the 12th.
        assert_eq!(got.next_send_at, Some(at(date(2026, 12, 12), 9)));
    }

    #[test]
    fn the_same_setting_again_changes_nothing_and_sends_nothing() {
        let (mut lender, token) = signed_in(web("demo0001", "Passw0rd"));
        // demo0001's seeded setting, asked for again.
        let seeded = setting(true, ReminderTiming::DaysBefore3, 9);
        let before = lender.state().clone();
        assert_eq!(
            set(&mut lender, &token, seeded),
            status(&mut lender, &token)
        );
        assert_eq!(lender.state(), &before);
        assert!(notices(&lender).is_empty());

        let changed = setting(true, ReminderTiming::DaysBefore1, 20);
        let first = set(&mut lender, &token, changed);
        let after_first = lender.state().clone();
        let second = set(&mut lender, &token, changed);
        assert_eq!(first, second);
        assert_eq!(lender.state(), &after_first);
        let mail = notices(&lender);
        assert_eq!(mail.len(), 1, "{mail:?}");
        let mail = mail.first().cloned().unwrap_or_else(|| panic!("no mail"));
        assert_eq!(mail.to, "demo0001@example.com");
        assert_eq!(mail.at, noon());
        assert!(mail.body.starts_with("見本 太一 様"), "{}", mail.body);
        for part in [
            "配信: 受け取る",
            "送信日: 返済日の1日前",
            "送信時刻: 20:00",
            "次回の送信予定: 2026年12月6日 20:00",
        ] {
            assert!(mail.body.contains(part), "{part} in {}", mail.body);
        }

        // A member who never chose, setting the default: nothing either.
        let (mut other, token) = signed_in(card("1234567890", "1234"));
        let before = other.state().clone();
        set(
            &mut other,
            &token,
            setting(false, ReminderTiming::DaysBefore3, 9),
        );
        assert_eq!(other.state(), &before);
        assert!(notices(&other).is_empty());
    }

    #[test]
    fn turning_it_off_says_so_without_a_send_time() {
        let (mut lender, token) = signed_in(web("demo0001", "Passw0rd"));
        let got = set(
            &mut lender,
            &token,
            setting(false, ReminderTiming::OnDueDate, 7),
        );
        assert_eq!((got.enabled, got.next_send_at), (false, None));
        let body = notices(&lender)
            .first()
            .map(|m| m.body.clone())
            .unwrap_or_default();
        for part in [
            "配信: 受け取らない",
            "送信日: 返済日当日",
            "送信時刻: 07:00",
        ] {
            assert!(body.contains(part), "{part} in {body}");
        }
        assert!(!body.contains("次回"), "{body}");
    }

    #[test]
    fn turning_it_on_needs_a_registered_address() {
        let members = crate::demo_members();
        let member = members
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("no member"));
        let lender = Lender::seeded(crate::tests::wednesday_noon(), 7);
        let without = DemoMember {
            email: " ",
            ..member
        };
        assert_eq!(lender.email_of(&without), None);
        let refused = Err(BackendError::InvalidInput {
            problems: vec![FieldProblem {
                field: Field::Email,
                error: FieldError::Required,
            }],
        });
        let on = setting(true, ReminderTiming::DaysBefore3, 9);
        let off = setting(false, ReminderTiming::DaysBefore5, 9);
        assert_eq!(check_setting(None, &on), refused);
        assert_eq!(check_setting(None, &off), Ok(()));
        assert_eq!(check_setting(Some("a@example.com"), &on), Ok(()));
        // Every demo member has one (SPEC S17).
        for m in members {
            assert_eq!(lender.email_of(m).as_deref(), Some(m.email), "{}", m.id);
        }
    }

    #[test]
    fn member_service_maintenance_refuses_both_operations() {
        let (mut lender, token) = signed_in(web("demo0001", "Passw0rd"));
        // Monday 2026-11-30 03:00 JST, inside the weekly window.
        let monday = from_jst(at(date(2026, 11, 30), 3));
        let on = setting(true, ReminderTiming::OnDueDate, 9);
        assert!(matches!(
            lender.reminder(&token, monday),
            Err(BackendError::Maintenance { .. })
        ));
        let before = lender.state().clone();
        assert!(matches!(
            lender.set_reminder(&token, monday, on),
            Err(BackendError::Maintenance { .. })
        ));
        assert_eq!(lender.state(), &before);
    }

    #[test]
    fn the_persisted_state_keeps_the_setting() {
        let (mut lender, token) = signed_in(card("1234567890", "1234"));
        let chosen = setting(true, ReminderTiming::DaysBefore5, 21);
        let shown = set(&mut lender, &token, chosen);
        let json = serde_json::to_string(lender.state()).unwrap_or_default();
        let back: LenderState =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
        assert_eq!(&back, lender.state());
        let mut restored = Lender::from_state(back, 7);
        let token = fresh_token();
        restored
            .sign_in(&card("1234567890", "1234"), noon(), token.clone())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(status(&mut restored, &token), shown);

        // State saved before reminders existed reads as the default.
        let mut old: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        for account in old["accounts"].as_array_mut().into_iter().flatten() {
            if let Some(fields) = account.as_object_mut() {
                fields.remove("reminder");
            }
        }
        let old: LenderState =
            serde_json::from_value(old).unwrap_or_else(|e| panic!("old state: {e}"));
        assert!(old.accounts.iter().all(|a| a.reminder.is_none()));
    }
}
