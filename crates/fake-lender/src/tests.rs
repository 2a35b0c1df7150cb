//! Behaviour of the fake lender as a member would meet it.

use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

/// Wednesday 2026-11-25 12:00 JST: far from every maintenance window.
fn wednesday_noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0)
        .single()
        .unwrap_or_default()
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
    lender.sign_in(&request, now).map(|s| s.member_name)
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
            lender.sign_in(&card("1234567890", "0000"), now),
            Err(BackendError::BadCredentials),
            "attempt {attempt}"
        );
    }
    assert_eq!(
        lender.sign_in(&card("1234567890", "0000"), now),
        Err(BackendError::Locked)
    );
    assert_eq!(
        lender.sign_in(&card("1234567890", "1234"), now),
        Err(BackendError::Locked)
    );
}

#[test]
fn a_success_resets_the_failure_count() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    for _ in 0..3 {
        let _ = lender.sign_in(&card("1234567890", "0000"), now);
        let _ = lender.sign_in(&card("1234567890", "1234"), now);
    }
    assert!(lender.sign_in(&card("1234567890", "1234"), now).is_ok());
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
        lender.sign_in(&card("1234567890", "1234"), monday_3am),
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
        lender.sign_in(&card("1234567890", "1234"), now),
        Err(BackendError::Maintenance { until: end })
    );
}

#[test]
fn summary_shows_the_seeded_figures_and_previous_sign_in() {
    let now = wednesday_noon();
    let mut lender = Lender::seeded(now, 1);
    let session = lender.sign_in(&card("1234567890", "1234"), now);
    let token = session.map(|s| s.token).unwrap_or_default();
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
        .sign_in(&web("overdue01", "Overdue2024"), now)
        .map(|s| s.token)
        .unwrap_or_default();
    let today = lender.account_summary(&token, now).map(|s| s.overdue_days);
    let tomorrow = lender
        .account_summary(&token, now + Duration::minutes(9))
        .map(|s| s.overdue_days);
    assert_eq!(today, Ok(12));
    assert_eq!(tomorrow, Ok(12));
    let mut lender = Lender::from_state(lender.state().clone(), 2);
    let later = now + Duration::days(1);
    let token = lender
        .sign_in(&web("overdue01", "Overdue2024"), later)
        .map(|s| s.token)
        .unwrap_or_default();
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
        .sign_in(&web("demo0001", "Passw0rd"), now)
        .map(|s| s.token)
        .unwrap_or_default();
    assert!(lender
        .account_summary(&token, now + Duration::minutes(9))
        .is_ok());
    assert_eq!(
        lender
            .account_summary(&token, now + Duration::minutes(19))
            .map(|s| s.balance),
        Err(BackendError::NotSignedIn)
    );
    let token = lender
        .sign_in(&web("demo0001", "Passw0rd"), now)
        .map(|s| s.token)
        .unwrap_or_default();
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
        .sign_in(&web("demo0001", "Passw0rd"), now)
        .map(|s| s.token)
        .unwrap_or_default();
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
            let result = lender.sign_in(&web("demo0001", password), now);
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
        let _ = lender.sign_in(&request, now);
    }
}
