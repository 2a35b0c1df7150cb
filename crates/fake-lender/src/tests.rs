//! Behaviour of the fake lender as a member would meet it.

use super::*;
use chrono::{NaiveDate, TimeZone};
use proptest::prelude::*;

/// Wednesday 2026-11-25 12:00 JST: far from every maintenance window.
/// Shared with the feature modules' own tests.
pub(crate) fn wednesday_noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A fresh token for each sign-in, as a driver mints them (distinct across
/// every test of the crate).
pub(crate) fn fresh_token() -> SessionToken {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    SessionToken::from_random(bytes)
}

fn card(card_number: &str, pin: &str) -> SignInRequest {
    SignInRequest::Card {
        card_number: card_number.into(),
        pin: pin.into(),
    }
}

fn web(web_id: &str, password: &str) -> SignInRequest {
    SignInRequest::WebId {
        web_id: web_id.into(),
        password: password.into(),
    }
}

fn outcome(request: SignInRequest) -> Result<String, BackendError> {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 7);
    lender
        .sign_in(&request, now, fresh_token())
        .map(|s| s.member_name)
}

#[test]
fn every_demo_member_gets_their_outcome() {
    let cases: [(SignInRequest, Result<&str, BackendError>); 8] = [
        (card("1234567890", "1234"), Ok("見本 花子")),
        (card("1234567890123456", "4321"), Ok("見本 次郎")),
        (web("demo0001", "Passw0rd"), Ok("見本 太一")),
        (web("newmember01", "Welcome2024"), Ok("見本 新")),
        (web("overdue01", "Overdue2024"), Ok("見本 遅子")),
        (card("5555666677", "1111"), Err(BackendError::Locked)),
        (
            web("suspended01", "Suspend2024"),
            Err(BackendError::Suspended),
        ),
        (
            card("9999999999", "1234"),
            Err(BackendError::BadCredentials),
        ),
    ];
    for (request, expected) in cases {
        let got = outcome(request.clone());
        assert_eq!(got, expected.map(str::to_owned), "{request:?}");
    }
}

#[test]
fn credentials_are_case_sensitive() {
    assert_eq!(
        outcome(web("DEMO0001", "Passw0rd")),
        Err(BackendError::BadCredentials)
    );
    assert_eq!(
        outcome(web("demo0001", "passw0rd")),
        Err(BackendError::BadCredentials)
    );
}

#[test]
fn malformed_request_is_rejected_with_field_problems() {
    match outcome(card("12", "12345")) {
        Err(BackendError::InvalidInput { problems }) => assert_eq!(problems.len(), 2),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn account_locks_at_its_threshold_and_then_refuses_the_right_pin() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let threshold = demo_members()[0].lock_threshold;
    for attempt in 1..threshold {
        assert_eq!(
            lender.sign_in(&card("1234567890", "0000"), now, fresh_token()),
            Err(BackendError::BadCredentials),
            "attempt {attempt}"
        );
    }
    assert_eq!(
        lender.sign_in(&card("1234567890", "0000"), now, fresh_token()),
        Err(BackendError::Locked)
    );
    assert_eq!(
        lender.sign_in(&card("1234567890", "1234"), now, fresh_token()),
        Err(BackendError::Locked)
    );
}

#[test]
fn a_success_resets_the_failure_count() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    for _ in 0..3 {
        let _ = lender.sign_in(&card("1234567890", "0000"), now, fresh_token());
        let _ = lender.sign_in(&card("1234567890", "1234"), now, fresh_token());
    }
    assert!(lender
        .sign_in(&card("1234567890", "1234"), now, fresh_token())
        .is_ok());
}

#[test]
fn sign_in_is_refused_during_maintenance_with_its_end() {
    // Monday 2026-11-30 03:00 JST is inside the weekly window ending 07:00.
    let monday_3am = Utc
        .with_ymd_and_hms(2026, 11, 29, 18, 0, 0)
        .single()
        .unwrap_or_default();
    let mut lender = Lender::seeded(monday_3am, 1);
    let until = NaiveDate::from_ymd_opt(2026, 11, 30)
        .and_then(|d| d.and_hms_opt(7, 0, 0))
        .unwrap_or_default();
    assert_eq!(
        lender.sign_in(&card("1234567890", "1234"), monday_3am, fresh_token()),
        Err(BackendError::Maintenance { until })
    );
}

#[test]
fn unscheduled_maintenance_blocks_sign_in() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let start = to_jst(now) - Duration::hours(1);
    let end = to_jst(now) + Duration::hours(2);
    lender.set_unscheduled_maintenance(Some(UnscheduledMaintenance { start, end }));
    assert_eq!(
        lender.sign_in(&card("1234567890", "1234"), now, fresh_token()),
        Err(BackendError::Maintenance { until: end })
    );
}

#[test]
fn summary_shows_the_seeded_figures_and_previous_sign_in() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let session = lender.sign_in(&card("1234567890", "1234"), now, fresh_token());
    let token = session
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let summary = lender.account_summary(&token, now + Duration::minutes(1));
    let Ok(summary) = summary else {
        panic!("summary failed: {summary:?}");
    };
    assert_eq!(summary.balance, Yen(150_000));
    assert_eq!(summary.credit_line, Yen(500_000));
    assert_eq!(summary.available, Yen(350_000));
    assert_eq!(summary.overdue_days, 0);
    let due = summary.next_due.unwrap_or(NextDue {
        date: NaiveDate::MIN,
        minimum: Yen(0),
    });
    // The 150,000-yen example of SPEC S2; due on the 25th, a Wednesday.
    assert_eq!(due.minimum, Yen(6_000));
    assert_eq!(
        due.date,
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
    );
    assert_eq!(summary.previous_sign_in, Some(now - Duration::days(3)));
}

#[test]
fn overdue_member_grows_later_by_the_clock() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let token = lender
        .sign_in(&web("overdue01", "Overdue2024"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let today = lender.account_summary(&token, now).map(|s| s.overdue_days);
    let tomorrow = lender
        .account_summary(&token, now + Duration::minutes(9))
        .map(|s| s.overdue_days);
    assert_eq!(today, Ok(12));
    assert_eq!(tomorrow, Ok(12));
    let mut lender = Lender::from_state(lender.state().clone(), 2);
    let later = now + Duration::days(1);
    let token = lender
        .sign_in(&web("overdue01", "Overdue2024"), later, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    assert_eq!(
        lender
            .account_summary(&token, later)
            .map(|s| s.overdue_days),
        Ok(13)
    );
}

#[test]
fn sessions_end_after_ten_idle_minutes_and_on_sign_out() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let token = lender
        .sign_in(&web("demo0001", "Passw0rd"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    assert!(lender
        .account_summary(&token, now + Duration::minutes(9))
        .is_ok());
    assert_eq!(
        lender
            .account_summary(&token, now + Duration::minutes(9) + SESSION_IDLE_LIMIT)
            .map(|s| s.balance),
        Err(BackendError::NotSignedIn)
    );
    let token = lender
        .sign_in(&web("demo0001", "Passw0rd"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    lender.sign_out(&token);
    assert_eq!(
        lender.account_summary(&token, now).map(|s| s.balance),
        Err(BackendError::NotSignedIn)
    );
}

#[test]
fn persisted_state_holds_no_secret() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let token = lender
        .sign_in(&web("demo0001", "Passw0rd"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let json = serde_json::to_string(lender.state()).unwrap_or_default();
    assert!(!json.is_empty());
    for secret in ["Passw0rd", "Welcome2024", "\"1234\"", token.as_str()] {
        assert!(!json.contains(secret), "state leaks {secret}");
    }
}

#[test]
fn lock_thresholds_are_between_three_and_five() {
    for m in demo_members() {
        assert!((3..=5).contains(&m.lock_threshold), "{}", m.id);
    }
}

proptest! {
    /// However a member mixes failures and successes, the account locks
    /// exactly when the consecutive failures reach the threshold.
    #[test]
    fn lock_happens_exactly_at_consecutive_threshold(attempts in proptest::collection::vec(any::<bool>(), 0..20)) {
        let now = wednesday_noon();
        let mut lender = Lender::seeded(now, 3);
        let threshold = demo_members()[2].lock_threshold;
        let mut consecutive = 0u8;
        let mut locked = false;
        for right in attempts {
            let password = if right { "Passw0rd" } else { "Wrong0000" };
            let result = lender.sign_in(&web("demo0001", password), now, fresh_token());
            if locked {
                prop_assert_eq!(result.map(|_| ()), Err(BackendError::Locked));
                continue;
            }
            if right {
                consecutive = 0;
                prop_assert!(result.is_ok());
            } else {
                consecutive += 1;
                if consecutive >= threshold {
                    locked = true;
                    prop_assert_eq!(result.map(|_| ()), Err(BackendError::Locked));
                } else {
                    prop_assert_eq!(result.map(|_| ()), Err(BackendError::BadCredentials));
                }
            }
        }
    }

    /// No request, however odd, makes the lender panic.
    #[test]
    fn sign_in_never_panics(id in ".{0,40}", secret in ".{0,40}", card_login in any::<bool>()) {
        let now = wednesday_noon();
        let mut lender = Lender::seeded(now, 5);
        let request = if card_login { card(&id, &secret) } else { web(&id, &secret) };
        let _ = lender.sign_in(&request, now, fresh_token());
    }
}

// ---- the ledger and the figures derived from it ----

use portal_api::{Channel, EntryKind, HistoryEntry, RepaidQuery};
use portal_domain::calendar::{
    due_date_in_month, is_business_day, previous_business_day_on_or_before, RepaymentDay,
};
use portal_domain::interest::{accrual, charge, late_charge, Accrual};
use portal_domain::money::minimum_repayment;
use portal_domain::rate::{check_rate_cap, Apr};
use rust_decimal::Decimal;

/// Signs `request` in on a lender seeded at `seeded` and returns the summary at `at`.
fn summary_at(request: &SignInRequest, seeded: DateTime<Utc>, at: DateTime<Utc>) -> AccountSummary {
    let mut lender = Lender::seeded(seeded, 9);
    let token = lender
        .sign_in(request, at, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let summary = lender.account_summary(&token, at);
    summary.unwrap_or_else(|e| panic!("summary failed: {e:?}"))
}

fn ledger_of(lender: &Lender, member_id: &str) -> Ledger {
    lender
        .state()
        .accounts
        .iter()
        .find(|a| a.member_id == member_id)
        .map(|a| a.ledger.clone())
        .unwrap_or_else(|| panic!("no account {member_id}"))
}

fn apr(percent: &str) -> Apr {
    percent
        .parse::<Decimal>()
        .ok()
        .and_then(|d| Apr::from_percent(d).ok())
        .unwrap_or_else(|| panic!("bad rate {percent}"))
}

/// The seed instants the seeded figures are checked at: the usual
/// Wednesday, a leap day, a year end and the fuzzing instant.
fn seed_instants() -> Vec<DateTime<Utc>> {
    [
        (2026, 11, 25, 3),
        (2028, 2, 29, 3),
        (2026, 12, 31, 14),
        (2026, 1, 7, 3),
        (2027, 5, 3, 1),
    ]
    .iter()
    .filter_map(|&(y, m, d, h)| Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single())
    .collect()
}

#[test]
fn seeded_members_match_s17_exactly_whenever_the_demo_starts() {
    for seeded in seed_instants() {
        let lender = Lender::seeded(seeded, 1);
        let today = to_jst(seeded).date();
        for member in demo_members() {
            let ledger = ledger_of(&lender, member.id);
            assert_eq!(
                ledger.balance(),
                Yen(member.balance),
                "{} {seeded}",
                member.id
            );
            assert_eq!(
                ledger.apr.percent() * Decimal::from(100),
                Decimal::from(member.apr_bp),
                "{}",
                member.id
            );
            assert_eq!(
                ledger.entries.is_empty(),
                member.balance == 0,
                "{}",
                member.id
            );
            let late = member.overdue_days_at_seed.map_or(0, |d| {
                // 12 days, or a few more when the day 12 days back is not
                // a business day (see `overdue_history`).
                let back = today - Duration::days(d);
                (today - previous_business_day_on_or_before(back)).num_days() as u32
            });
            assert_eq!(ledger.overdue_days(today), late, "{} {seeded}", member.id);
            // S1: the lender never holds a member above the cap for the line.
            assert_eq!(
                check_rate_cap(Yen(member.credit_line), ledger.apr),
                Ok(()),
                "{} at {}% on a line of {}",
                member.id,
                ledger.apr,
                member.credit_line
            );
        }
        let card = ledger_of(&lender, "m-card10");
        assert_eq!(card.apr.to_string(), "17.8");
        assert_eq!(card.repayment_day, RepaymentDay::TwentyFifth);
        let first = card.entries.first().map(Entry::date).unwrap_or(today);
        assert!(
            (today - first).num_days() >= 365,
            "a year of history from {first}"
        );
        let borrowings = card
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Borrowing)
            .count();
        let repayments = card.entries.len() - borrowings;
        assert!(
            borrowings >= 3 && repayments >= 11,
            "{borrowings} {repayments}"
        );
        // Every repayment was made on a due date (the 25th, moved to a
        // business day) and paid at least the minimum, so none is late.
        for entry in card
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Repayment)
        {
            let date = entry.date();
            let on_due = [0, 1].iter().any(|back| {
                let month = date - Duration::days(*back * 12);
                due_date_in_month(RepaymentDay::TwentyFifth, month.year(), month.month())
                    == Some(date)
            });
            assert!(on_due, "repayment on {date}");
            assert_eq!(entry.late_charge, Yen(0));
        }
        let due = card.next_due(today).map(|d| (d.date, d.minimum));
        assert_eq!(due.map(|d| d.1), Some(Yen(6_000)), "{seeded}");
        assert!(due.is_some_and(|d| d.0 >= today));
        assert_eq!(ledger_of(&lender, "m-web").apr.to_string(), "15");
        let web_due = ledger_of(&lender, "m-web").next_due(today);
        assert_eq!(web_due.map(|d| d.minimum), Some(Yen(13_000)));
        let new = ledger_of(&lender, "m-new");
        assert_eq!(new.first_borrowing, None);
        assert_eq!(new.interest_free_days_left(today), Some(30));
    }
}

use chrono::Datelike;

#[test]
fn home_figures_are_the_ledger_sums() {
    let now = wednesday_noon();
    let requests = [
        card("1234567890", "1234"),
        card("1234567890123456", "4321"),
        web("demo0001", "Passw0rd"),
        web("newmember01", "Welcome2024"),
        web("overdue01", "Overdue2024"),
    ];
    for later in [0, 1, 13, 40] {
        let at = now + Duration::days(later);
        for request in &requests {
            let summary = summary_at(request, now, at);
            let lender = Lender::seeded(now, 9);
            let member = demo_members()
                .iter()
                .find(|m| m.name == summary.member_name)
                .unwrap_or_else(|| panic!("no member {}", summary.member_name));
            let ledger = ledger_of(&lender, member.id);
            let last = ledger.entries.last().map_or(Yen(0), |e| e.balance_after);
            assert_eq!(summary.balance, last);
            assert_eq!(
                summary.available.0,
                summary.credit_line.0 - summary.balance.0
            );
            assert_eq!(
                summary.payoff_today.0,
                summary.balance.0 + summary.accrued_interest.0 + summary.late_charge.0,
                "{request:?} +{later}"
            );
            assert_eq!(summary.next_due.is_none(), summary.balance == Yen(0));
        }
    }
    // The card member's interest since the last entry is the domain's charge.
    let lender = Lender::seeded(now, 9);
    let ledger = ledger_of(&lender, "m-card10");
    let last = ledger.entries.last().map(Entry::date).unwrap_or_default();
    let today = to_jst(now).date();
    assert_eq!(
        ledger.accrued_interest(today),
        charge(Yen(150_000), apr("17.8"), last, today)
    );
}

#[test]
fn summary_carries_rate_payoff_and_interest_free_days() {
    let now = wednesday_noon();
    let card_summary = summary_at(&card("1234567890", "1234"), now, now);
    assert_eq!(card_summary.apr_percent, "17.8");
    assert_eq!(card_summary.interest_free_days_left, None);
    assert_eq!(card_summary.late_charge, Yen(0));
    let web_summary = summary_at(&web("demo0001", "Passw0rd"), now, now);
    assert_eq!(web_summary.apr_percent, "15");
    assert_eq!(web_summary.balance, Yen(480_000));
    assert_eq!(web_summary.available, Yen(520_000));
    let new = summary_at(&web("newmember01", "Welcome2024"), now, now);
    assert_eq!(new.interest_free_days_left, Some(30));
    assert_eq!(new.payoff_today, Yen(0));
}

#[test]
fn overdue_members_late_charge_grows_with_the_clock() {
    let now = wednesday_noon();
    let request = web("overdue01", "Overdue2024");
    let summaries: Vec<AccountSummary> = (0..6)
        .map(|day| summary_at(&request, now, now + Duration::days(day)))
        .collect();
    let charges: Vec<Yen> = summaries.iter().map(|s| s.late_charge).collect();
    assert!(charges.windows(2).all(|w| w[0] < w[1]), "{charges:?}");
    // SPEC S2: 20.0% a year on the whole 200,000-yen balance for 12 days,
    // 40,000 × 12 / 365 = 1,315.06… → 1,315; a day later 13 days, 1,424.
    assert_eq!(charges[0], Yen(1_315));
    assert_eq!(charges[1], Yen(1_424));
    // In place of interest: the interest stops at the missed due date, 25
    // days after the borrowing, 35,600 × 25 / 365 = 2,438.35… → 2,438.
    for summary in &summaries {
        assert_eq!(summary.accrued_interest, Yen(2_438));
        assert_eq!(
            summary.payoff_today.0,
            200_000 + 2_438 + summary.late_charge.0
        );
    }
    assert_eq!(summaries[0].payoff_today, Yen(203_753));
    let today = &summaries[0];
    assert_eq!(today.overdue_days, 12);
    // The missed due date is a business day: Friday 2026-11-13.
    let missed = today.next_due.as_ref().map(|d| (d.date, d.minimum));
    assert_eq!(
        missed,
        Some((
            NaiveDate::from_ymd_opt(2026, 11, 13).unwrap_or_default(),
            Yen(8_000)
        ))
    );
    assert!(missed.is_some_and(|(date, _)| is_business_day(date)));
}

/// The published examples of SPEC S2 through a ledger: a balance borrowed
/// on the member's terms, its first due date missed, and the late charge
/// the given number of days later, on the whole balance, with the contract
/// interest stopping at the due date.
#[test]
fn late_charge_examples_on_the_whole_balance() {
    // (balance, days late, late charge)
    let cases: &[(i64, i64, i64)] = &[
        // The published example: 60,000 × 10 / 365 = 1,643.83… → 1,643.
        (300_000, 10, 1_643),
        // The overdue demo member's figure.
        (200_000, 12, 1_315),
        // One day late: 20,000 / 365 = 54.79… → 54; not late on the day.
        (100_000, 1, 54),
        (100_000, 0, 0),
    ];
    for &(balance, days, expected) in cases {
        let mut ledger = Ledger::new(apr("17.8"), RepaymentDay::Fifteenth, false);
        // Borrowed Monday 2026-01-05: first due date Monday 2026-02-16 (the
        // 15th is a Sunday), and nothing repaid.
        assert!(ledger
            .apply_borrowing(Yen(balance), Channel::Atm, noon_after(0))
            .is_ok());
        let due = ledger
            .next_due(to_jst(noon_after(0)).date())
            .map(|d| d.date);
        assert_eq!(due, NaiveDate::from_ymd_opt(2026, 2, 16));
        let due = due.unwrap_or_default();
        let on = due + Duration::days(days);
        assert_eq!(ledger.late_charge(on), Yen(expected), "{balance} {days}");
        assert_eq!(ledger.late_charge(on), late_charge(Yen(balance), due, on));
        assert_eq!(ledger.overdue_days(on), days as u32);
        let interest = charge(Yen(balance), apr("17.8"), to_jst(noon_after(0)).date(), due);
        assert_eq!(ledger.accrued_interest(on), interest, "{balance} {days}");
        assert_eq!(ledger.payoff(on).0, balance + interest.0 + expected);
    }
}

/// SPEC S2: a borrowing does not truncate the interest accrued so far.
/// Borrow 100,000 yen at 17.8%, 10,000 more the next day: two days after
/// the first borrowing the interest is 102 yen, not 48 + 53.
#[test]
fn interest_over_a_further_borrowing_is_one_sum_truncated_once() {
    // (first, second, days after the first, accrued interest)
    let cases: &[(i64, i64, i64, i64)] = &[
        // 17,800 / 365 + 19,580 / 365 = 48.76… + 53.64… = 102.41… → 102.
        (100_000, 10_000, 2, 102),
        // Three days: 48.76… + 2 × 53.64… = 156.05… → 156 (not 48 + 107).
        (100_000, 10_000, 3, 156),
        // 36,500 yen is 17.8 yen a day, 73,000 yen 35.6: 53.4 → 53 (not 17 + 35).
        (36_500, 36_500, 2, 53),
    ];
    for &(first, second, days, expected) in cases {
        let mut ledger = Ledger::new(apr("17.8"), RepaymentDay::TwentyFifth, false);
        assert!(ledger
            .apply_borrowing(Yen(first), Channel::Atm, noon_after(0))
            .is_ok());
        assert!(ledger
            .apply_borrowing(Yen(second), Channel::Atm, noon_after(1))
            .is_ok());
        let on = to_jst(noon_after(days)).date();
        assert_eq!(
            ledger.accrued_interest(on),
            Yen(expected),
            "{first} + {second}, {days} days"
        );
        // A repayment that day charges exactly that, once.
        let paid = ledger.apply_repayment(Yen(1_000), Channel::Atm, noon_after(days));
        assert_eq!(paid.map(|e| e.interest), Ok(Yen(expected)));
        assert_eq!(ledger.carried_interest, Accrual::ZERO);
    }
}

/// A borrowing after a missed due date leaves the missed instalment as it
/// was; the minimum for the larger balance applies from the next due date,
/// and the late charge meanwhile accrues on the whole, larger balance.
#[test]
fn a_borrowing_while_overdue_keeps_the_missed_instalment() {
    let now = wednesday_noon();
    let today = to_jst(now).date();
    let lender = Lender::seeded(now, 1);
    let mut ledger = ledger_of(&lender, "m-overdue");
    let missed = ledger
        .next_due(today)
        .unwrap_or_else(|| panic!("nothing due"));
    assert_eq!(missed.minimum, Yen(8_000));
    assert!(ledger
        .apply_borrowing(Yen(50_000), Channel::Atm, now)
        .is_ok());
    assert_eq!(ledger.balance(), Yen(250_000));
    // The instalment missed is still 8,000 yen on the same date, not the
    // 10,000 yen a 250,000-yen balance asks for.
    assert_eq!(minimum_repayment(Yen(250_000)), Yen(10_000));
    assert_eq!(ledger.next_due(today), Some(missed));
    assert_eq!(ledger.overdue_days(today), 12);
    // The late charge carried over the borrowing exactly: 12 days on
    // 200,000 yen and then a day on 250,000 yen, 1,315.06… + 136.98… =
    // 1,452.05… → 1,452 (not 1,315 + 136).
    let tomorrow = today + Duration::days(1);
    assert_eq!(ledger.late_charge(tomorrow), Yen(1_452));
    assert_eq!(ledger.accrued_interest(tomorrow), Yen(2_438));
    // Paying the missed 8,000 yen ends the delay; the next due date, the
    // 15th of next month, asks for the new minimum.
    assert!(ledger
        .apply_repayment(
            Yen(8_000),
            Channel::InternetRepayment,
            now + Duration::days(1)
        )
        .is_ok());
    let next = ledger.next_due(tomorrow);
    assert_eq!(
        next.map(|d| (d.date, d.minimum)),
        Some((
            NaiveDate::from_ymd_opt(2026, 12, 15).unwrap_or_default(),
            Yen(10_000)
        ))
    );
    assert_eq!(ledger.overdue_days(tomorrow), 0);
}

/// Whatever day the demo is seeded, the overdue member's missed due date is
/// a business day, 12 days before the seed day when that is one and
/// otherwise the latest business day before it, and the figures follow the
/// S2 rules from it.
#[test]
fn the_overdue_members_missed_due_date_is_a_business_day_every_seed_day() {
    let member = seed::member("m-overdue").unwrap_or_else(|| panic!("no overdue member"));
    let first = Utc
        .with_ymd_and_hms(2025, 12, 31, 3, 0, 0)
        .single()
        .unwrap_or_default();
    let mut most = 0;
    for day in 0..(3 * 366) {
        let seeded = first + Duration::days(day);
        let today = to_jst(seeded).date();
        let ledger = seed::seed_ledger(member, seeded);
        let missed = ledger
            .next_due(today)
            .map(|d| d.date)
            .unwrap_or_else(|| panic!("nothing due when seeded {today}"));
        assert!(is_business_day(missed), "seeded {today}: due {missed}");
        let late = ledger.overdue_days(today);
        let twelve_back = today - Duration::days(12);
        if is_business_day(twelve_back) {
            assert_eq!(late, 12, "seeded {today}");
        } else {
            assert!(late > 12, "seeded {today}: {late}");
            // No business day lies between the missed date and 12 days back.
            let mut d = missed + Duration::days(1);
            while d <= twelve_back {
                assert!(
                    !is_business_day(d),
                    "seeded {today}: {d} was a business day"
                );
                d += Duration::days(1);
            }
        }
        most = most.max(late);
        assert_eq!(
            ledger.late_charge(today),
            late_charge(Yen(200_000), missed, today),
            "seeded {today}"
        );
        let borrowed = ledger.entries.first().map(Entry::date).unwrap_or(today);
        assert_eq!(
            ledger.accrued_interest(today),
            charge(Yen(200_000), apr("17.8"), borrowed, missed),
            "seeded {today}"
        );
    }
    // The year-end closure makes the longest run in these years: seeded on
    // 2026-01-16, the latest business day 12 days back is 2025-12-30.
    assert_eq!(most, 17);
}

/// SPEC S1's cap by credit line: a rate above the cap for the member's line
/// is lowered to it when the lender sets the line (seeding, for now), and a
/// rate within it is kept.
#[test]
fn the_lender_holds_no_member_above_the_cap_for_the_line() {
    let base = seed::member("m-card10")
        .cloned()
        .unwrap_or_else(|| panic!("no card member"));
    // (credit line, contract rate in basis points, rate held)
    let cases: &[(i64, u32, &str)] = &[
        (500_000, 1780, "17.8"),
        (50_000, 2000, "20"),
        (100_000, 2000, "18"),
        (999_999, 1900, "18"),
        (1_000_000, 1780, "15"),
        (5_000_000, 450, "4.5"),
    ];
    for &(line, apr_bp, held) in cases {
        let member = DemoMember {
            credit_line: line,
            apr_bp,
            ..base.clone()
        };
        assert_eq!(seed::member_apr(&member), apr(held), "{line} at {apr_bp}");
        let ledger = seed::seed_ledger(&member, wednesday_noon());
        assert_eq!(ledger.apr, apr(held), "{line} at {apr_bp}");
        assert_eq!(check_rate_cap(Yen(line), ledger.apr), Ok(()));
    }
    // The S17 rates are all within their caps, so none is lowered.
    for member in demo_members() {
        let written = Apr::from_percent(Decimal::new(i64::from(member.apr_bp), 2));
        assert_eq!(written, Ok(seed::member_apr(member)), "{}", member.id);
    }
}

/// A borrowing before the due date sets the minimum owed on it (the
/// minimum is fixed by the balance right after the latest borrowing).
#[test]
fn a_borrowing_before_the_due_date_sets_its_minimum() {
    let mut ledger = Ledger::new(apr("17.8"), RepaymentDay::Fifteenth, false);
    assert!(ledger
        .apply_borrowing(Yen(200_000), Channel::Atm, noon_after(0))
        .is_ok());
    assert!(ledger
        .apply_borrowing(Yen(50_000), Channel::Atm, noon_after(20))
        .is_ok());
    let due = ledger.next_due(to_jst(noon_after(20)).date());
    assert_eq!(due.map(|d| d.minimum), Some(Yen(10_000)));
}

#[test]
fn a_late_repayment_pays_the_late_charge_first_and_ends_the_delay() {
    let now = wednesday_noon();
    let lender = Lender::seeded(now, 1);
    let mut ledger = ledger_of(&lender, "m-overdue");
    let today = to_jst(now).date();
    let late = ledger.late_charge(today);
    let interest = ledger.accrued_interest(today);
    assert_eq!((late, interest), (Yen(1_315), Yen(2_438)));
    let entry = ledger.apply_repayment(Yen(8_000), Channel::InternetRepayment, now);
    let Ok(entry) = entry else {
        panic!("repayment refused: {entry:?}");
    };
    assert_eq!(entry.late_charge, late);
    assert_eq!(entry.interest, interest);
    assert_eq!(entry.principal, Yen(8_000 - 1_315 - 2_438));
    assert_eq!(ledger.overdue_days(today), 0);
    assert_eq!(ledger.late_charge(today + Duration::days(3)), Yen(0));
    assert!(ledger.next_due(today).is_some_and(|d| d.date > today));
    // Once the missed amount is paid, the contract interest runs again.
    assert_eq!(
        ledger.accrued_interest(today + Duration::days(3)),
        charge(
            entry.balance_after,
            apr("17.8"),
            today,
            today + Duration::days(3)
        )
    );
}

#[test]
fn interest_free_days_count_down_after_a_first_borrowing() {
    let now = wednesday_noon();
    let lender = Lender::seeded(now, 1);
    let mut ledger = ledger_of(&lender, "m-new");
    let today = to_jst(now).date();
    assert!(ledger
        .apply_borrowing(Yen(100_000), Channel::Transfer, now)
        .is_ok());
    assert_eq!(ledger.first_borrowing, Some(today));
    // The window is the 30 days from the day after the borrowing, and days
    // left count today (SPEC S1): 30 on the borrowing day and on the
    // window's first day, 1 on its 30th day, none after it.
    let left: Vec<Option<u32>> = [0, 1, 2, 29, 30, 31, 60]
        .iter()
        .map(|d| ledger.interest_free_days_left(today + Duration::days(*d)))
        .collect();
    assert_eq!(
        left,
        [Some(30), Some(30), Some(29), Some(2), Some(1), None, None]
    );
    // Inside the window nothing accrues; the day after it, one day does.
    assert_eq!(ledger.accrued_interest(today + Duration::days(30)), Yen(0));
    assert_eq!(
        ledger.accrued_interest(today + Duration::days(31)),
        charge(Yen(100_000), apr("17.8"), today, today + Duration::days(1))
    );
    // The card member, not a first-time member, has no window.
    assert_eq!(
        ledger_of(&lender, "m-card10").interest_free_days_left(today),
        None
    );
}

#[test]
fn a_repayment_above_the_payoff_or_not_positive_is_refused() {
    let now = wednesday_noon();
    let lender = Lender::seeded(now, 1);
    let mut ledger = ledger_of(&lender, "m-card10");
    let payoff = ledger.payoff(to_jst(now).date());
    assert_eq!(
        ledger.apply_repayment(Yen(payoff.0 + 1), Channel::Atm, now),
        Err(LedgerError::MoreThanOwed { payoff })
    );
    assert_eq!(
        ledger.apply_repayment(Yen(0), Channel::Atm, now),
        Err(LedgerError::NotPositive)
    );
    let before = ledger.entries.first().map(|e| e.at).unwrap_or(now);
    assert_eq!(
        ledger.apply_borrowing(Yen(1_000), Channel::Atm, before - Duration::days(1)),
        Err(LedgerError::BeforeLatestEntry)
    );
    // Paying the payoff clears everything.
    assert!(ledger.apply_repayment(payoff, Channel::Atm, now).is_ok());
    assert_eq!(ledger.balance(), Yen(0));
    assert_eq!(ledger.next_due(to_jst(now).date()), None);
    assert_eq!(
        ledger.payoff(to_jst(now).date() + Duration::days(9)),
        Yen(0)
    );
}

#[test]
fn history_is_the_ledger_newest_first() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let token = lender
        .sign_in(&card("1234567890", "1234"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let all = HistoryQuery::default();
    let page = lender.history(&token, now, &all).unwrap_or_default();
    let ledger = ledger_of(&lender, "m-card10");
    assert_eq!(page.entries, ledger.history());
    assert_eq!(page.total as usize, ledger.entries.len());
    assert_eq!(
        page.entries.first().map(|h| h.balance_after),
        Some(Yen(150_000))
    );
    assert!(page.entries.windows(2).all(|w| w[0].at >= w[1].at));
    assert_eq!(
        lender.history(&SessionToken::from_random([9; 16]), now, &all),
        Err(BackendError::NotSignedIn)
    );
}

/// What a query should give, the slow way: every entry, newest first,
/// checked one by one.
fn history_the_slow_way(ledger: &Ledger, q: &HistoryQuery) -> HistoryPage {
    let matching: Vec<HistoryEntry> = ledger
        .history()
        .into_iter()
        .filter(|e| {
            let date = to_jst(e.at).date();
            q.from.is_none_or(|f| date >= f)
                && q.to.is_none_or(|t| date <= t)
                && q.kind.is_none_or(|k| e.kind == k)
        })
        .collect();
    HistoryPage {
        total: matching.len() as u32,
        offset: q.offset,
        entries: matching
            .into_iter()
            .skip(q.offset as usize)
            .take(q.limit.map_or(usize::MAX, |l| l as usize))
            .collect(),
    }
}

#[test]
fn history_pages_through_ten_thousand_entries_by_jst_date() {
    let now = wednesday_noon();
    let ledger = busy_ledger(10_000, now);
    assert_eq!(
        ledger.entries.len(),
        10_000,
        "every generated entry is booked"
    );
    let today = to_jst(now).date();
    // The last three months, repayments only, second page of 50.
    let q = HistoryQuery {
        from: NaiveDate::from_ymd_opt(2026, 8, 26),
        to: Some(today),
        kind: Some(EntryKind::Repayment),
        offset: 50,
        limit: Some(50),
    };
    let page = ledger.history_page(&q);
    assert_eq!(page, history_the_slow_way(&ledger, &q));
    assert_eq!(page.entries.len(), 50);
    assert!(
        (1_200..=1_300).contains(&page.total),
        "a quarter of the repayments: {}",
        page.total
    );
    assert!(page.entries.iter().all(|e| e.kind == EntryKind::Repayment));
    // A page past the end is empty but still counts the matches.
    let past = HistoryQuery {
        offset: 5_000,
        ..q.clone()
    };
    assert_eq!(ledger.history_page(&past).entries, vec![]);
    assert_eq!(ledger.history_page(&past).total, page.total);
    // A range that ends before it starts matches nothing.
    let backwards = HistoryQuery {
        from: Some(today),
        to: NaiveDate::from_ymd_opt(2026, 1, 1),
        ..q
    };
    assert_eq!(ledger.history_page(&backwards).total, 0);
}

#[test]
fn a_day_in_japan_starts_at_midnight_jst() {
    // 2026-11-24 23:30 JST is 14:30 UTC; 2026-11-25 00:30 JST is 15:30 UTC.
    let mut ledger = Ledger::new(apr("18.0"), RepaymentDay::TwentyFifth, false);
    let late = Utc
        .with_ymd_and_hms(2026, 11, 24, 14, 30, 0)
        .single()
        .unwrap_or_default();
    let early = Utc
        .with_ymd_and_hms(2026, 11, 24, 15, 30, 0)
        .single()
        .unwrap_or_default();
    assert!(ledger
        .apply_borrowing(Yen(10_000), Channel::Atm, late)
        .is_ok());
    assert!(ledger
        .apply_borrowing(Yen(10_000), Channel::Atm, early)
        .is_ok());
    let on = |d: u32| HistoryQuery {
        from: NaiveDate::from_ymd_opt(2026, 11, d),
        to: NaiveDate::from_ymd_opt(2026, 11, d),
        ..HistoryQuery::default()
    };
    assert_eq!(
        ledger
            .history_page(&on(24))
            .entries
            .iter()
            .map(|e| e.at)
            .collect::<Vec<_>>(),
        vec![late]
    );
    assert_eq!(
        ledger
            .history_page(&on(25))
            .entries
            .iter()
            .map(|e| e.at)
            .collect::<Vec<_>>(),
        vec![early]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any query over a generated ledger gives exactly what filtering every
    /// entry one by one gives.
    #[test]
    fn history_page_equals_the_slow_filter(
        n in 0usize..400,
        from in proptest::option::of(0i64..400),
        to in proptest::option::of(0i64..400),
        kind in proptest::option::of(prop_oneof![Just(EntryKind::Borrowing), Just(EntryKind::Repayment)]),
        offset in 0u32..300,
        limit in proptest::option::of(0u32..120),
    ) {
        let now = wednesday_noon();
        let ledger = busy_ledger(n, now);
        let day = |back: i64| Some(to_jst(now).date() - Duration::days(back));
        let q = HistoryQuery { from: from.and_then(day), to: to.and_then(day), kind, offset, limit };
        prop_assert_eq!(ledger.history_page(&q), history_the_slow_way(&ledger, &q));
    }
}

/// One random movement: a borrowing or a repayment of some yen, some days
/// after the previous one.
#[derive(Clone, Debug)]
enum Movement {
    Borrow(i64, i64),
    Repay(i64, i64),
}

fn movement() -> impl Strategy<Value = Movement> {
    prop_oneof![
        (1i64..=300_000, 0i64..=70).prop_map(|(a, d)| Movement::Borrow(a, d)),
        (1i64..=400_000, 0i64..=70).prop_map(|(a, d)| Movement::Repay(a, d)),
    ]
}

proptest! {
    /// The ledger never creates or loses a yen: the balance is what was
    /// borrowed less the principal repaid, every repayment's parts add up to
    /// it, and every entry's balance follows from the one before.
    #[test]
    fn the_ledger_conserves_yen(
        movements in proptest::collection::vec(movement(), 1..40),
        eligible in any::<bool>(),
        day in 0usize..4,
    ) {
        let days = [RepaymentDay::Fifth, RepaymentDay::Fifteenth, RepaymentDay::TwentyFifth, RepaymentDay::LastDay];
        let mut ledger = Ledger::new(apr("17.8"), days[day], eligible);
        let mut at = wednesday_noon();
        for m in movements {
            match m {
                Movement::Borrow(amount, gap) => {
                    at += Duration::days(gap);
                    prop_assert!(ledger.apply_borrowing(Yen(amount), Channel::Atm, at).is_ok());
                }
                Movement::Repay(amount, gap) => {
                    at += Duration::days(gap);
                    let payoff = ledger.payoff(to_jst(at).date());
                    let result = ledger.apply_repayment(Yen(amount), Channel::Debit, at);
                    if ledger.balance() == Yen(0) && result.is_err() {
                        continue;
                    }
                    if amount > payoff.0 {
                        prop_assert_eq!(result, Err(LedgerError::MoreThanOwed { payoff }));
                    } else if let Ok(entry) = result {
                        prop_assert_eq!(entry.late_charge.0 + entry.interest.0 + entry.principal.0, amount);
                    } else {
                        prop_assert!(false, "refused {amount} with payoff {payoff:?}");
                    }
                }
            }
            let borrowed: i64 = ledger.entries.iter().filter(|e| e.kind == EntryKind::Borrowing).map(|e| e.amount.0).sum();
            let principal: i64 = ledger.entries.iter().map(|e| e.principal.0).sum();
            prop_assert_eq!(borrowed - principal, ledger.balance().0);
            let today = to_jst(at).date();
            prop_assert_eq!(
                ledger.payoff(today).0,
                ledger.balance().0 + ledger.accrued_interest(today).0 + ledger.late_charge(today).0
            );
            prop_assert!(ledger.balance().0 >= 0);
        }
        let mut previous = Yen(0);
        for entry in &ledger.entries {
            let expected = match entry.kind {
                EntryKind::Borrowing => previous.0 + entry.amount.0,
                EntryKind::Repayment => previous.0 - entry.principal.0,
            };
            prop_assert_eq!(entry.balance_after.0, expected);
            previous = entry.balance_after;
        }
    }
}

proptest! {
    /// Borrowings alone (before any due date) never truncate: the interest
    /// owed is the exact sum over every stretch of constant balance,
    /// truncated once, and never less than truncating each stretch.
    #[test]
    fn borrowings_carry_interest_exactly(
        borrowings in proptest::collection::vec((1i64..=300_000, 0i64..=4), 1..6),
        rate in 45i64..=178,
        on_after in 0i64..=3,
    ) {
        let rate = Apr::from_percent(Decimal::new(rate, 1)).unwrap_or(Apr::late_charge());
        // Borrowed from Monday 2026-01-05 on, repaying on the 15th: the
        // first due date is 2026-02-16, after every date used here.
        let mut ledger = Ledger::new(rate, RepaymentDay::Fifteenth, false);
        let mut day = 0i64;
        let mut exact = Accrual::ZERO;
        let mut truncated_each = 0i64;
        let mut balance = 0i64;
        let mut previous = to_jst(noon_after(0)).date();
        for (amount, gap) in borrowings {
            day += gap;
            let date = to_jst(noon_after(day)).date();
            let stretch = accrual(Yen(balance), rate, previous, date);
            exact = exact + stretch;
            truncated_each += stretch.truncated().0;
            prop_assert!(ledger.apply_borrowing(Yen(amount), Channel::Atm, noon_after(day)).is_ok());
            prop_assert_eq!(ledger.carried_interest, exact);
            balance += amount;
            previous = date;
        }
        let on = to_jst(noon_after(day + on_after)).date();
        let last = accrual(Yen(balance), rate, previous, on);
        let owed = ledger.accrued_interest(on);
        prop_assert_eq!(owed, (exact + last).truncated());
        prop_assert!(owed.0 >= truncated_each + last.truncated().0);
        prop_assert_eq!(ledger.late_charge(on), Yen(0));
    }
}

// ---- the interest to the next due date and the days borrowings took to repay ----

/// Noon Japan time `days` days after 2026-01-05 (a Monday), as an instant.
fn noon_after(days: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 3, 0, 0)
        .single()
        .unwrap_or_default()
        + Duration::days(days)
}

#[test]
fn interest_to_next_due_is_the_domain_interest_up_to_the_due_date() {
    // Wednesday 2026-11-11 12:00 JST: two weeks before the card member's due date.
    let now = Utc
        .with_ymd_and_hms(2026, 11, 11, 3, 0, 0)
        .single()
        .unwrap_or_default();
    let lender = Lender::seeded(now, 9);
    let ledger = ledger_of(&lender, "m-card10");
    let today = to_jst(now).date();
    let last = ledger.entries.last().map(Entry::date).unwrap_or_default();
    let due = ledger.next_due(today).map(|d| d.date).unwrap_or_default();
    assert!(due > today, "the card member is up to date: {due}");
    let by_hand =
        (ledger.carried_interest + accrual(Yen(150_000), apr("17.8"), last, due)).truncated();
    assert_eq!(ledger.interest_to_next_due(today), Some(by_hand));
    assert!(by_hand >= ledger.accrued_interest(today));
    assert!(
        by_hand > ledger.accrued_interest(today),
        "days remain to the due date"
    );
    let summary = summary_at(&card("1234567890", "1234"), now, now);
    assert_eq!(summary.interest_to_next_due, Some(by_hand));
    // On the due date itself it is simply the interest owed that day.
    assert_eq!(
        ledger.interest_to_next_due(due),
        Some(ledger.accrued_interest(due))
    );
}

#[test]
fn interest_to_next_due_for_overdue_free_and_empty_ledgers() {
    let now = wednesday_noon();
    let today = to_jst(now).date();
    let lender = Lender::seeded(now, 9);
    // The overdue member can no longer repay on the missed date: today's interest.
    let overdue = ledger_of(&lender, "m-overdue");
    assert_eq!(
        overdue.interest_to_next_due(today),
        Some(overdue.accrued_interest(today))
    );
    // Nothing owed, nothing due.
    let mut new = ledger_of(&lender, "m-new");
    assert_eq!(new.interest_to_next_due(today), None);
    // A first borrowing repaid on its first due date, inside the
    // interest-free window, owes no interest.
    assert!(new.apply_borrowing(Yen(50_000), Channel::Atm, now).is_ok());
    let due = new.next_due(today).map(|d| d.date).unwrap_or_default();
    let window_end = today + Duration::days(30);
    let expected = if due <= window_end {
        Yen(0)
    } else {
        charge(Yen(50_000), apr("17.8"), window_end, due)
    };
    assert_eq!(new.interest_to_next_due(today), Some(expected));
}

#[test]
fn repaid_borrowings_are_matched_first_in_first_out() {
    let mut ledger = Ledger::new(apr("17.8"), RepaymentDay::TwentyFifth, false);
    assert!(ledger
        .apply_borrowing(Yen(10_000), Channel::Atm, noon_after(0))
        .is_ok());
    assert!(ledger
        .apply_borrowing(Yen(10_000), Channel::Transfer, noon_after(10))
        .is_ok());
    assert_eq!(ledger.repaid_borrowings(), []);
    // Day 40: exactly the first borrowing's principal on top of what is owed
    // before principal, so the principal part is exactly 10,000 yen.
    let day40 = to_jst(noon_after(40)).date();
    let before_principal = ledger.late_charge(day40).0 + ledger.accrued_interest(day40).0;
    let first = ledger.apply_repayment(
        Yen(before_principal + 10_000),
        Channel::InternetRepayment,
        noon_after(40),
    );
    assert_eq!(first.map(|e| e.principal), Ok(Yen(10_000)));
    // Day 55: a part of the second borrowing clears nothing.
    let day55 = to_jst(noon_after(55)).date();
    let before_principal = ledger.late_charge(day55).0 + ledger.accrued_interest(day55).0;
    let part = ledger.apply_repayment(Yen(before_principal + 4_000), Channel::Atm, noon_after(55));
    assert_eq!(part.map(|e| e.principal), Ok(Yen(4_000)));
    // Day 70: the payoff clears the rest of the second.
    let day70 = to_jst(noon_after(70)).date();
    let payoff = ledger.payoff(day70);
    let last = ledger.apply_repayment(payoff, Channel::Atm, noon_after(70));
    assert_eq!(last.map(|e| e.principal), Ok(Yen(6_000)));
    assert_eq!(ledger.balance(), Yen(0));
    let day0 = to_jst(noon_after(0)).date();
    assert_eq!(
        ledger.repaid_borrowings(),
        [
            RepaidBorrowing {
                borrowed_at: noon_after(10),
                amount: Yen(10_000),
                repaid_on: day70,
                days: 60,
            },
            RepaidBorrowing {
                borrowed_at: noon_after(0),
                amount: Yen(10_000),
                repaid_on: day40,
                days: 40,
            },
        ]
    );
    assert_eq!(day40 - day0, Duration::days(40));
}

#[test]
fn one_repayment_can_clear_several_borrowings() {
    let mut ledger = Ledger::new(apr("17.8"), RepaymentDay::TwentyFifth, false);
    assert!(ledger
        .apply_borrowing(Yen(3_000), Channel::Atm, noon_after(0))
        .is_ok());
    assert!(ledger
        .apply_borrowing(Yen(5_000), Channel::Atm, noon_after(2))
        .is_ok());
    assert!(ledger
        .apply_borrowing(Yen(7_000), Channel::Atm, noon_after(3))
        .is_ok());
    let day9 = to_jst(noon_after(9)).date();
    let before_principal = ledger.late_charge(day9).0 + ledger.accrued_interest(day9).0;
    assert!(ledger
        .apply_repayment(Yen(before_principal + 9_000), Channel::Atm, noon_after(9))
        .is_ok());
    let days: Vec<(Yen, u32)> = ledger
        .repaid_borrowings()
        .iter()
        .map(|r| (r.amount, r.days))
        .collect();
    assert_eq!(days, [(Yen(5_000), 7), (Yen(3_000), 9)]);
}

#[test]
fn the_seeded_card_member_has_repaid_borrowings() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 9);
    let token = lender
        .sign_in(&card("1234567890", "1234"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let repaid = lender.repaid_borrowings(&token, now, RepaidQuery::default());
    let Ok(repaid) = repaid else {
        panic!("repaid borrowings refused: {repaid:?}");
    };
    assert!(!repaid.is_empty(), "a year of repayments clears something");
    assert!(repaid
        .windows(2)
        .all(|w| w[0].borrowed_at >= w[1].borrowed_at));
    for r in &repaid {
        let borrowed = to_jst(r.borrowed_at).date();
        assert_eq!(i64::from(r.days), (r.repaid_on - borrowed).num_days());
    }
    // A limit keeps the newest.
    let one = lender.repaid_borrowings(&token, now, RepaidQuery { limit: Some(1) });
    assert_eq!(one.ok().as_deref(), repaid.get(..1));
    let none = lender.repaid_borrowings(&token, now, RepaidQuery { limit: Some(0) });
    assert_eq!(none, Ok(vec![]));
    assert_eq!(
        lender.repaid_borrowings(
            &SessionToken::from_random([9; 16]),
            now,
            RepaidQuery::default()
        ),
        Err(BackendError::NotSignedIn)
    );
}

/// Runs one operation of the list on its wire form, as the browser adapter
/// does, with `token` as the session.
fn wire(
    lender: &mut Lender,
    spec: &portal_api::OpSpec,
    token: Option<&SessionToken>,
    request: &str,
    now: DateTime<Utc>,
) -> Result<String, BackendError> {
    let mut random = || Some(fresh_token_bytes());
    let mut call = Call {
        now,
        session: token,
        random: &mut random,
        idempotency_key: Some(spec.name),
    };
    if spec.input == portal_api::ops::Input::Multipart {
        return serve::serve_form(lender, spec, &mut call, sample_form(spec));
    }
    serve::serve_wire(lender, spec, &mut call, request)
}

/// The form an upload (`Input::Multipart`) sends in place of
/// `sample_request`'s text: a one-page PDF for `submitDocuments`.
fn sample_form(spec: &portal_api::OpSpec) -> portal_api::Form {
    match spec.name {
        "submitDocuments" => portal_api::Form::default()
            .text("kind", "identity_document")
            .file("page", "page-1", crate::documents::samples::pdf()),
        _ => portal_api::Form::default(),
    }
}

pub(crate) fn fresh_token_bytes() -> [u8; 16] {
    let token = fresh_token();
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&token.as_str()[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    bytes
}

fn sample_request(spec: &portal_api::OpSpec) -> &'static str {
    match spec.name {
        "signIn" => r#"{"method":"card","card_number":"1234567890","pin":"1234"}"#,
        "accountHistory" => "offset=0&limit=50",
        "accountRepaidBorrowings" => "limit=10",
        "registerPayeeAccount" => {
            r#"{"bank_code":"0005","bank_name":"三菱UFJ","branch_code":"002","branch_name":"丸の内支店","kind":"ordinary","number":"1112223","holder":"ﾐﾎﾝ ﾊﾅｺ"}"#
        }
        "quoteTransfer" | "transfer" => r#"{"amount":10000}"#,
        "startRepayment" => r#"{"amount":5000,"bank_code":"0001","bank_name":"みずほ"}"#,
        // The repayment the line above started: reception numbers count
        // from 1 on a fresh lender.
        "repayment" => "id=r26112500002",
        "decideRepayment" => r#"{"id":"r26112500002","decision":"approve"}"#,
        "movement" => "key=transfer",
        "requestRegistrationCode" => r#"{"member_number":"123456789","email":"taro@example.com"}"#,
        "requestPasswordResetCode" => r#"{"web_id":"demo0001","email":"demo0001@example.com"}"#,
        "setReminder" => r#"{"enabled":true,"timing":"days_before1","hour":8}"#,
        // The signed-in card member joins first (`joinPoints` comes before
        // `exchangePoints` in the list), which gives exactly these 100
        // points; the member owes far more.
        "exchangePoints" => r#"{"item":"repayment","points":100}"#,
        // The card member repays on the 25th, which is today: the same day
        // again is the one change allowed (and changes nothing).
        "changeRepaymentDay" => r#"{"day":"TwentyFifth"}"#,

        "decreaseLine" => r#"{"line":"300000"}"#,
        "changeAddress" => {
            r#"{"postal_code":"１００－０００５","prefecture":13,"city":"千代田区","street":"丸の内１－２－３","building":""}"#
        }
        "changeEmployer" => {
            r#"{"name":"株式会社サンプル商事","phone":"03-1234-5678","department":"営業部"}"#
        }
        "registerPrepaidCard" => r#"{"number":"4111 1111 1111 1111"}"#,
        // The card member (signed in, no WEB-ID) asks to move to a new
        // address, then adds a WEB-ID confirmed with the PIN.
        "requestEmailChangeCode" => r#"{"email":"card7890.new@example.jp"}"#,
        "changeLogin" => {
            r#"{"current_secret":"1234","web_id":"card7890web","password":"Card7890x"}"#
        }
        _ => "",
    }
}

/// The request for an operation that needs an earlier step's answer (a
/// code request, the code it mailed): those steps run on `lender` first.
/// They are not declared writers and change no persisted state.
fn prepared_request(
    lender: &mut Lender,
    spec: &portal_api::OpSpec,
    token: &SessionToken,
    now: DateTime<Utc>,
) -> Option<String> {
    if spec.name == "requestLineIncrease" {
        // Over 500,000 yen an income proof must have been sent first.
        let proof = lender
            .submit_documents(
                token,
                now,
                Some("sample-income-proof"),
                portal_api::DocumentUpload {
                    kind: portal_api::DocumentKind::IncomeProof,
                    pages: vec![b"%PDF-1.4\n%%EOF\n".to_vec()],
                },
            )
            .ok()?
            .reception_number;
        return Some(format!(
            r#"{{"desired_line":"800000","annual_income":"3000000","other_borrowing":"0","employment":"regular","employer":"見本商事","years_employed":"5","income_proof":"{proof}"}}"#
        ));
    }
    let mut code_step = |asked: &str| -> (String, String) {
        let reply = portal_api::ops::find(asked)
            .and_then(|s| wire(lender, s, Some(token), sample_request(s), now).ok())
            .unwrap_or_default();
        let sent: portal_api::CodeSent =
            serde_json::from_str(&reply).unwrap_or_else(|e| panic!("{asked}: {e}"));
        let body = lender
            .mailbox()
            .last()
            .map(|m| m.body.clone())
            .unwrap_or_default();
        let code = body
            .split_once("確認コードは ")
            .map(|(_, rest)| rest.chars().take(6).collect())
            .unwrap_or_default();
        (sent.challenge, code)
    };
    let verified = |lender: &mut Lender, (challenge, code): (String, String)| {
        let verify = format!(r#"{{"challenge":"{challenge}","code":"{code}"}}"#);
        let spec = portal_api::ops::find("verifyCode")?;
        wire(lender, spec, None, &verify, now).ok()?;
        Some(challenge)
    };
    match spec.name {
        "verifyCode" => {
            let (challenge, code) = code_step("requestRegistrationCode");
            Some(format!(r#"{{"challenge":"{challenge}","code":"{code}"}}"#))
        }
        "registerWebId" => {
            let step = code_step("requestRegistrationCode");
            let challenge = verified(lender, step)?;
            Some(format!(
                r#"{{"challenge":"{challenge}","web_id":"taro2026","password":"Yamada2026"}}"#
            ))
        }
        // The code mailed to the new address confirms the change.
        "confirmEmailChange" => {
            let (challenge, code) = code_step("requestEmailChangeCode");
            Some(format!(r#"{{"challenge":"{challenge}","code":"{code}"}}"#))
        }
        "resetPassword" => {
            let step = code_step("requestPasswordResetCode");
            let challenge = verified(lender, step)?;
            Some(format!(
                r#"{{"challenge":"{challenge}","password":"NewPass2026"}}"#
            ))
        }
        _ => None,
    }
}

/// An operation that does not declare `writes` leaves the persisted state
/// as it was, so the browser adapter, which saves only after declared
/// writers, never loses a change. Checked for every operation of the list.
#[test]
fn operations_that_do_not_declare_writes_leave_the_persisted_state_unchanged() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 4);
    let token = lender
        .sign_in(&card("1234567890", "1234"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    // Signing out last, so the others still have a session.
    let mut specs: Vec<_> = portal_api::OPERATIONS.to_vec();
    specs.sort_by_key(|s| s.name == "signOut");
    for spec in specs {
        let request = prepared_request(&mut lender, spec, &token, now)
            .unwrap_or_else(|| sample_request(spec).to_owned());
        let before = lender.state().clone();
        let result = wire(&mut lender, spec, Some(&token), &request, now);
        assert!(result.is_ok(), "{}: {result:?}", spec.name);
        if !spec.writes {
            assert_eq!(lender.state(), &before, "{} changed the state", spec.name);
        } else if spec.name == "signIn" {
            assert_ne!(lender.state(), &before, "a sign-in records its time");
        }
    }
    // A wrong PIN counts towards the lock, which sign-in (a writer) saves.
    let before = lender.state().clone();
    let _ = lender.sign_in(&card("1234567890", "9999"), now, fresh_token());
    assert_ne!(lender.state(), &before);
}

#[test]
fn session_operations_without_a_session_are_refused() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 4);
    for spec in portal_api::OPERATIONS.iter().filter(|s| s.session) {
        assert_eq!(
            wire(&mut lender, spec, None, sample_request(spec), now),
            Err(BackendError::NotSignedIn),
            "{}",
            spec.name
        );
    }
}

/// Two sign-ins with public credentials must not let anyone predict a
/// third token: tokens are exactly what the driver's source minted.
#[test]
fn tokens_are_the_ones_the_driver_minted() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 4);
    let spec = <portal_api::ops::SignIn as portal_api::Operation>::SPEC;
    let mut minted = Vec::new();
    for n in 0..3u8 {
        let bytes = [n.wrapping_mul(91).wrapping_add(7); 16];
        let mut random = || Some(bytes);
        let mut call = Call {
            now,
            session: None,
            random: &mut random,
            idempotency_key: None,
        };
        let reply = serve::serve_wire(&mut lender, spec, &mut call, sample_request(spec));
        let reply: SignedIn = serde_json::from_str(&reply.unwrap_or_default())
            .unwrap_or_else(|e| panic!("no sign-in: {e}"));
        let token = reply.token.unwrap_or_else(|| panic!("no token"));
        assert_eq!(token, SessionToken::from_random(bytes));
        assert_eq!(token.as_str().len(), 32, "128 bits");
        minted.push(token);
    }
    // A source that fails gives no session at all, never a weak token.
    let mut broken = || None;
    let mut call = Call {
        now,
        session: None,
        random: &mut broken,
        idempotency_key: None,
    };
    assert_eq!(
        serve::serve_wire(&mut lender, spec, &mut call, sample_request(spec)),
        Err(BackendError::Server)
    );
}

/// A stranger's card number is counted and locked like a member's: the
/// sequence of answers for an unknown identifier is one a real account
/// could give (failures, then the lock at 3 to 5, then the lock forever),
/// and the already-locked member answers like a locked stranger.
#[test]
fn unknown_accounts_lock_like_real_ones() {
    let now = wednesday_noon();
    for salt in 1..40u64 {
        let mut lender = Lender::seeded(now, salt);
        let mut answers = Vec::new();
        for _ in 0..7 {
            answers.push(lender.sign_in(&card("9999999999", "1234"), now, fresh_token()));
        }
        let first_lock = answers
            .iter()
            .position(|a| a == &Err(BackendError::Locked))
            .unwrap_or_else(|| panic!("salt {salt}: a stranger never locked: {answers:?}"));
        assert!(
            (2..=4).contains(&first_lock),
            "locked at attempt {}",
            first_lock + 1
        );
        assert!(answers[..first_lock]
            .iter()
            .all(|a| a == &Err(BackendError::BadCredentials)));
        assert!(answers[first_lock..]
            .iter()
            .all(|a| a == &Err(BackendError::Locked)));
        // Once locked, a stranger is indistinguishable from the locked member.
        let locked_member = lender.sign_in(&card("5555666677", "0000"), now, fresh_token());
        assert_eq!(locked_member, answers[6]);
        // WEB-IDs too.
        let mut web_answers = Vec::new();
        for _ in 0..6 {
            web_answers.push(lender.sign_in(&web("nobody0001", "Passw0rd"), now, fresh_token()));
        }
        assert_eq!(web_answers[5], Err(BackendError::Locked));
    }
}

#[test]
fn strangers_are_stored_hashed_and_bounded() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 5);
    for n in 0..(MAX_STRANGERS as u64 + 300) {
        let number = format!("{:010}", 1_000_000_000 + n);
        let _ = lender.sign_in(&card(&number, "1234"), now, fresh_token());
    }
    assert_eq!(lender.state().strangers.len(), MAX_STRANGERS);
    let json = serde_json::to_string(lender.state()).unwrap_or_default();
    assert!(!json.contains("1000000299"), "identifiers are never stored");
}

/// "Continue means continue": a member active just before the page's next
/// keep-alive would be due sends nothing, then presses continue just before
/// the page's 10 idle minutes run out; the lender must still know them.
#[test]
fn continue_after_silent_activity_finds_the_session_alive() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 6);
    let token = lender
        .sign_in(&card("1234567890", "1234"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    // Active at 0:59 (no request: the page refreshes at most every minute),
    // then ログインを継続する at 10:05, inside the page's limit of 10:59.
    let continue_at = now + Duration::seconds(10 * 60 + 5);
    assert_eq!(lender.touch(&token, continue_at), Ok(()));
    let last_possible = now
        + Duration::milliseconds(portal_api::KEEP_ALIVE_EVERY_MS - 1)
        + Duration::milliseconds(portal_api::IDLE_LIMIT_MS - 1);
    let mut lender2 = Lender::seeded(now, 6);
    let token2 = lender2
        .sign_in(&card("1234567890", "1234"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    assert_eq!(lender2.touch(&token2, last_possible), Ok(()));
}

#[test]
fn sessions_are_capped_per_member_oldest_first() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 6);
    let mut tokens = Vec::new();
    for _ in 0..MAX_SESSIONS_PER_MEMBER + 2 {
        tokens.push(
            lender
                .sign_in(&card("1234567890", "1234"), now, fresh_token())
                .and_then(|s| s.token.ok_or(BackendError::Malformed))
                .unwrap_or_else(|e| panic!("sign-in failed: {e:?}")),
        );
    }
    assert_eq!(lender.session_count(), MAX_SESSIONS_PER_MEMBER);
    assert_eq!(
        lender.touch(&tokens[0], now),
        Err(BackendError::NotSignedIn)
    );
    assert_eq!(
        lender.touch(&tokens[1], now),
        Err(BackendError::NotSignedIn)
    );
    for token in &tokens[2..] {
        assert_eq!(lender.touch(token, now), Ok(()));
    }
}

/// A loop of 100,000 demo sign-ins leaves the session map bounded and
/// another member's requests as fast as before (the figures are in the
/// README). Expired sessions are swept.
#[test]
fn a_hundred_thousand_sign_ins_stay_bounded() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 8);
    let other = lender
        .sign_in(&web("demo0001", "Passw0rd"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let started = std::time::Instant::now();
    for i in 0..100_000i64 {
        let at = now + Duration::milliseconds(i);
        let signed_in = lender.sign_in(&card("1234567890", "1234"), at, fresh_token());
        assert!(signed_in.is_ok());
    }
    let elapsed = started.elapsed();
    assert!(lender.session_count() <= MAX_SESSIONS_PER_MEMBER + 1);
    let at = now + Duration::seconds(100);
    let probe = std::time::Instant::now();
    for _ in 0..1_000 {
        assert!(lender.touch(&other, at).is_ok());
    }
    let per_touch = probe.elapsed() / 1_000;
    eprintln!(
        "100,000 sign-ins: {elapsed:?} ({:?} each); {} sessions left; another member's keep-alive {per_touch:?}",
        elapsed / 100_000,
        lender.session_count()
    );
    // Generous bound for a debug build on a shared machine.
    assert!(per_touch < std::time::Duration::from_millis(1));
    // Everything idle past the limit is swept.
    lender.sweep(at + SESSION_IDLE_LIMIT);
    assert_eq!(lender.session_count(), 0);
}

/// Two tabs of the demo, each with its own copy of the lender over one
/// shared store: each adopts the stored state before an operation and saves
/// after a write, so a lock in one tab is seen by the other and neither save
/// loses the other's change.
#[test]
fn two_copies_over_one_store_share_every_change() {
    let now = wednesday_noon();
    let seeded = Lender::seeded(now, 3);
    let mut store = serde_json::to_string(seeded.state()).unwrap_or_default();
    let mut tab_a = Lender::from_state(seeded.state().clone(), 11);
    let mut tab_b = Lender::from_state(seeded.state().clone(), 12);
    let adopt = |lender: &mut Lender, store: &str| {
        let state: LenderState =
            serde_json::from_str(store).unwrap_or_else(|e| panic!("store unreadable: {e}"));
        lender.adopt_state(state);
    };
    let save = |lender: &Lender| serde_json::to_string(lender.state()).unwrap_or_default();

    // Tab A signs the WEB-ID member in; tab B then fails the card member
    // until locked. Each adopts the store first and saves after.
    adopt(&mut tab_a, &store);
    let token_a = tab_a
        .sign_in(&web("demo0001", "Passw0rd"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    store = save(&tab_a);
    let threshold = demo_members()[0].lock_threshold;
    for _ in 0..threshold {
        adopt(&mut tab_b, &store);
        let _ = tab_b.sign_in(&card("1234567890", "0000"), now, fresh_token());
        store = save(&tab_b);
    }
    // Tab A sees the lock and keeps its own session.
    adopt(&mut tab_a, &store);
    assert_eq!(
        tab_a.sign_in(&card("1234567890", "1234"), now, fresh_token()),
        Err(BackendError::Locked)
    );
    assert!(tab_a.account_summary(&token_a, now).is_ok());
    store = save(&tab_a);
    // Tab B's saves kept tab A's sign-in time.
    adopt(&mut tab_b, &store);
    let demo = tab_b
        .state()
        .accounts
        .iter()
        .find(|a| a.member_id == demo_members()[2].id)
        .and_then(|a| a.last_sign_in);
    assert_eq!(demo, Some(now));
}

/// A tab keeps its session in `sessionStorage`; after a reload the new copy
/// of the lender takes it back, and the session answers as before.
#[test]
fn a_stored_session_survives_a_new_copy_of_the_lender() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 3);
    let token = lender
        .sign_in(&web("demo0001", "Passw0rd"), now, fresh_token())
        .and_then(|s| s.token.ok_or(BackendError::Malformed))
        .unwrap_or_else(|e| panic!("sign-in failed: {e:?}"));
    let later = now + Duration::minutes(3);
    assert!(lender.touch(&token, later).is_ok());
    let record = lender
        .session_record(&token)
        .unwrap_or_else(|| panic!("no record"));
    assert_eq!(record.last_seen_ms, later.timestamp_millis());
    let mut reloaded = Lender::from_state(lender.state().clone(), 4);
    assert_eq!(
        reloaded.current_session(&token, later),
        Err(BackendError::NotSignedIn)
    );
    reloaded.restore_session(record);
    let current = reloaded.current_session(&token, later + Duration::minutes(1));
    assert_eq!(
        current.map(|c| (c.member_name, c.login)),
        Ok(("見本 太一".to_owned(), LoginKind::WebId))
    );
    // Idle past the limit since the last request, it ends as it would have.
    assert_eq!(
        reloaded.current_session(&token, later + Duration::minutes(1) + SESSION_IDLE_LIMIT),
        Err(BackendError::NotSignedIn)
    );
}

mod movements {
    //! Money that moves: transfers and repayments, once per key.
    use super::*;
    use portal_api::{
        AccountKind, BankDecision, BankDecisionRequest, Movement, PayeeAccountInput, PayeeError,
        PayeeField, RepaymentRequest, RepaymentState, TransferRequest,
    };
    use portal_domain::movement::{AmountError, Arrival};

    fn signed_in(request: SignInRequest, now: DateTime<Utc>) -> (Lender, SessionToken) {
        let mut lender = Lender::seeded(now, 11);
        let token = lender
            .sign_in(&request, now, fresh_token())
            .ok()
            .and_then(|s| s.token)
            .unwrap_or_else(|| panic!("sign-in failed"));
        (lender, token)
    }

    fn entries(lender: &mut Lender, token: &SessionToken, now: DateTime<Utc>) -> u32 {
        let query = HistoryQuery {
            from: None,
            to: None,
            kind: None,
            offset: 0,
            limit: Some(0),
        };
        lender.history(token, now, &query).map_or(0, |p| p.total)
    }

    fn yen(n: i64) -> TransferRequest {
        TransferRequest { amount: Yen(n) }
    }

    #[test]
    fn a_transfer_is_booked_once_per_key() {
        let now = wednesday_noon();
        let (mut lender, token) = signed_in(card("1234567890", "1234"), now);
        let before = entries(&mut lender, &token, now);
        let first = lender.transfer(&token, now, Some("key-1"), yen(30_000));
        let again = lender.transfer(&token, now, Some("key-1"), yen(30_000));
        assert!(first.is_ok(), "{first:?}");
        assert_eq!(first, again, "a repeated key answers the first receipt");
        assert_eq!(entries(&mut lender, &token, now), before + 1);
        let receipt = first.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(receipt.balance_after, Yen(180_000));
        assert_eq!(receipt.available_after, Yen(320_000));
        assert_eq!(receipt.arrival, Arrival::WithinSeconds);
        assert!(receipt.reception_number.starts_with("T261125"));
        assert_eq!(receipt.payee.number_masked, "***4567");
        // The same key for another amount is refused, and books nothing.
        assert_eq!(
            lender.transfer(&token, now, Some("key-1"), yen(40_000)),
            Err(BackendError::IdempotencyConflict)
        );
        assert_eq!(entries(&mut lender, &token, now), before + 1);
        // A new key is a new transfer; no key at all is refused.
        assert!(lender
            .transfer(&token, now, Some("key-2"), yen(30_000))
            .is_ok());
        assert!(matches!(
            lender.transfer(&token, now, None, yen(30_000)),
            Err(BackendError::InvalidInput { .. })
        ));
        // What each key booked can be asked for.
        let lookup = lender.movement(&token, now, "key-1").map(|l| l.movement);
        assert!(matches!(lookup, Ok(Some(Movement::Transfer { .. }))));
        assert_eq!(
            lender
                .movement(&token, now, "never-sent")
                .map(|l| l.movement),
            Ok(None)
        );
        // The pages read that answer for their own kind only (the same
        // JSON): the transfer page finds its receipt, the repayment page a
        // movement of the other kind, and neither finds an unused key.
        let mut json = |key: &str| {
            let lookup = lender
                .movement(&token, now, key)
                .unwrap_or_else(|e| panic!("{e:?}"));
            serde_json::to_string(&lookup).unwrap_or_else(|e| panic!("{e}"))
        };
        let (sent, unused) = (json("key-1"), json("never-sent"));
        let as_transfer = |text: &str| {
            serde_json::from_str::<portal_api::TransferLookup>(text)
                .map(portal_api::LookupOf::booked)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let as_repayment = |text: &str| {
            serde_json::from_str::<portal_api::RepaymentLookup>(text)
                .map(portal_api::LookupOf::booked)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(
            as_transfer(&sent),
            Ok(portal_api::Booked::Mine(receipt.clone()))
        );
        assert_eq!(as_repayment(&sent), Ok(portal_api::Booked::Other));
        assert_eq!(as_transfer(&unused), Ok(portal_api::Booked::Nothing));
        assert_eq!(as_repayment(&unused), Ok(portal_api::Booked::Nothing));
        // One notice e-mail per booked transfer, to the registered address.
        let mails: Vec<_> = lender
            .mailbox()
            .into_iter()
            .filter(|m| m.subject.contains("振込"))
            .collect();
        assert_eq!(mails.len(), 2);
        assert_eq!(mails[0].to, "card7890@example.com");
        assert!(mails[0].body.contains(&receipt.reception_number));
    }

    #[test]
    fn keys_belong_to_their_member() {
        let now = wednesday_noon();
        let (mut lender, card_member) = signed_in(card("1234567890", "1234"), now);
        let web_member = lender
            .sign_in(&web("demo0001", "Passw0rd"), now, fresh_token())
            .ok()
            .and_then(|s| s.token)
            .unwrap_or_else(|| panic!("sign-in failed"));
        assert!(lender
            .transfer(&card_member, now, Some("k"), yen(10_000))
            .is_ok());
        assert_eq!(
            lender.movement(&web_member, now, "k").map(|l| l.movement),
            Ok(None)
        );
        let theirs = lender.transfer(&web_member, now, Some("k"), yen(10_000));
        assert_eq!(theirs.map(|r| r.balance_after), Ok(Yen(490_000)));
    }

    #[test]
    fn transfer_amount_rules_are_the_lenders_too() {
        let now = wednesday_noon();
        let (mut lender, token) = signed_in(card("1234567890", "1234"), now);
        let refused = |reason| Err(BackendError::AmountRefused { reason });
        assert_eq!(
            lender
                .quote_transfer(&token, now, yen(500))
                .map(|q| q.amount),
            refused(AmountError::BelowMinimum)
        );
        assert_eq!(
            lender
                .quote_transfer(&token, now, yen(1_500))
                .map(|q| q.amount),
            refused(AmountError::NotInUnits)
        );
        assert_eq!(
            lender
                .quote_transfer(&token, now, yen(351_000))
                .map(|q| q.amount),
            refused(AmountError::OverAvailable {
                available: Yen(350_000)
            })
        );
        let quote = lender.quote_transfer(&token, now, yen(350_000));
        assert_eq!(quote.map(|q| q.balance_after), Ok(Yen(500_000)));
    }

    #[test]
    fn a_member_without_a_payee_account_registers_one_in_their_own_name() {
        let now = wednesday_noon();
        let (mut lender, token) = signed_in(card("1234567890123456", "4321"), now);
        assert_eq!(
            lender
                .quote_transfer(&token, now, yen(10_000))
                .map(|q| q.amount),
            Err(BackendError::NoPayeeAccount)
        );
        let status = lender.payee_account(&token, now);
        assert_eq!(
            status
                .as_ref()
                .map(|s| (s.account.is_none(), s.member_kana.as_str())),
            Ok((true, "ミホン ジロウ"))
        );
        let mut input = PayeeAccountInput {
            bank_code: "1001".into(),
            bank_name: "サンプル信用金庫".into(),
            branch_code: "００１".into(),
            branch_name: "本店".into(),
            kind: AccountKind::Ordinary,
            number: "7654321".into(),
            holder: "ﾐﾎﾝ ｼﾞﾛｳ".into(),
        };
        // Someone else's name is refused; so is a six-digit number.
        input.holder = "ミホン タロウ".into();
        input.number = "765432".into();
        let refused = lender.register_payee_account(&token, now, &input);
        assert_eq!(
            refused,
            Err(BackendError::PayeeRefused {
                problems: vec![
                    portal_api::PayeeProblem {
                        field: PayeeField::Number,
                        error: PayeeError::Length
                    },
                    portal_api::PayeeProblem {
                        field: PayeeField::Holder,
                        error: PayeeError::NotMemberName
                    },
                ]
            })
        );
        // Half-width kana in the member's name is accepted and normalised.
        input.holder = "ﾐﾎﾝ ｼﾞﾛｳ".into();
        input.number = "7654321".into();
        let account = lender.register_payee_account(&token, now, &input);
        assert_eq!(
            account.as_ref().map(|a| (
                a.holder.as_str(),
                a.number_masked.as_str(),
                a.branch_code.as_str()
            )),
            Ok(("ミホン　ジロウ", "***4321", "001"))
        );
        // A shinkin bank waits for the next business morning: Thursday 9:00.
        let quote = lender.quote_transfer(&token, now, yen(10_000));
        assert_eq!(
            quote.map(|q| q.arrival),
            Ok(Arrival::BusinessDayMorning {
                date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
            })
        );
        assert!(lender
            .mailbox()
            .iter()
            .any(|m| m.subject.contains("振込先口座")));
    }

    #[test]
    fn a_repayment_is_booked_when_the_bank_approves_once() {
        let now = wednesday_noon();
        let (mut lender, token) = signed_in(web("overdue01", "Overdue2024"), now);
        let summary = lender
            .account_summary(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let request = RepaymentRequest {
            amount: Yen(20_000),
            bank_code: "0001".into(),
            bank_name: "みずほ".into(),
        };
        let started = lender
            .start_repayment(&token, now, Some("r-1"), request.clone())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(started.state, RepaymentState::AtBank);
        assert_eq!(started.bank_url, format!("/repay?bank={}", started.id));
        // The same key again is the same repayment, not a second one.
        assert_eq!(
            lender.start_repayment(&token, now, Some("r-1"), request.clone()),
            Ok(started.clone())
        );
        let decide = |lender: &mut Lender, decision| {
            lender.decide_repayment(
                &token,
                now,
                &BankDecisionRequest {
                    id: started.id.clone(),
                    decision,
                },
            )
        };
        let done = decide(&mut lender, BankDecision::Approve).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(done.state, RepaymentState::Completed);
        let split = done.split.unwrap_or_else(|| panic!("no split"));
        // Late charge first, then interest, then principal (SPEC S2).
        assert_eq!(split.late_charge, summary.late_charge);
        assert_eq!(split.interest, summary.accrued_interest);
        assert_eq!(
            split.late_charge.0 + split.interest.0 + split.principal.0,
            20_000
        );
        assert_eq!(
            split.balance_after,
            Yen(summary.balance.0 - split.principal.0)
        );
        // A second decision changes nothing.
        assert_eq!(decide(&mut lender, BankDecision::Fail), Ok(done.clone()));
        assert_eq!(
            lender.movement(&token, now, "r-1").map(|l| l.movement),
            Ok(Some(Movement::Repayment {
                repayment: done.clone()
            }))
        );
        // Read as the repayment page reads it, and as the transfer page would.
        let text = lender
            .movement(&token, now, "r-1")
            .ok()
            .and_then(|lookup| serde_json::to_string(&lookup).ok())
            .unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<portal_api::RepaymentLookup>(&text)
                .map(portal_api::LookupOf::booked)
                .ok(),
            Some(Ok(portal_api::Booked::Mine(done)))
        );
        assert_eq!(
            serde_json::from_str::<portal_api::TransferLookup>(&text)
                .map(portal_api::LookupOf::booked)
                .ok(),
            Some(Ok(portal_api::Booked::Other))
        );
        let after = lender
            .account_summary(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(after.balance, split.balance_after);
        assert_eq!(after.late_charge, Yen(0));
        assert!(lender.mailbox().iter().any(|m| m.subject.contains("返済")));
    }

    #[test]
    fn repayment_amounts_and_windows() {
        // Sunday 2026-11-29 23:30 JST: inside the repayment window.
        let sunday_night = Utc
            .with_ymd_and_hms(2026, 11, 29, 14, 30, 0)
            .single()
            .unwrap_or_default();
        let monday_seven = Utc
            .with_ymd_and_hms(2026, 11, 29, 22, 0, 0)
            .single()
            .unwrap_or_default();
        let (mut lender, token) = signed_in(card("1234567890", "1234"), sunday_night);
        let request = RepaymentRequest {
            amount: Yen(5_000),
            bank_code: "0001".into(),
            bank_name: "みずほ".into(),
        };
        assert!(matches!(
            lender.start_repayment(&token, sunday_night, Some("w"), request.clone()),
            Err(BackendError::Maintenance { .. })
        ));
        let token = lender
            .sign_in(&card("1234567890", "1234"), monday_seven, fresh_token())
            .ok()
            .and_then(|s| s.token)
            .unwrap_or_else(|| panic!("sign-in failed"));
        assert!(lender
            .start_repayment(&token, monday_seven, Some("w"), request)
            .is_ok());
        let payoff = lender
            .account_summary(&token, monday_seven)
            .map(|s| s.payoff_today);
        let too_much = RepaymentRequest {
            amount: Yen(payoff.clone().map_or(0, |p| p.0) + 1),
            bank_code: "0001".into(),
            bank_name: "みずほ".into(),
        };
        assert_eq!(
            lender
                .start_repayment(&token, monday_seven, Some("x"), too_much)
                .map(|r| r.amount),
            Err(BackendError::AmountRefused {
                reason: AmountError::OverPayoff {
                    payoff: payoff.unwrap_or(Yen(0))
                }
            })
        );
    }
}
