//! Every endpoint's happy path and error bodies, driven in-process through
//! the real router with `tower::ServiceExt::oneshot`.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

const SESSIONS: &str = "/api/v1/sessions";
const CURRENT: &str = "/api/v1/sessions/current";
const KEEP_ALIVE: &str = "/api/v1/sessions/current/keep-alive";
const SUMMARY: &str = "/api/v1/account/summary";
const HISTORY: &str = "/api/v1/account/history";
const REPAID: &str = "/api/v1/account/repaid-borrowings";
const MAINTENANCE: &str = "/api/v1/maintenance";
const RESET: &str = "/api/v1/test/reset";
const TEST_MAINTENANCE: &str = "/api/v1/test/maintenance";

fn unreadable() -> Value {
    json!({ "code": "invalid_input", "problems": [] })
}

#[tokio::test]
async fn card_sign_in_returns_201_and_a_session() {
    let app = router(false);
    let reply = call(Method::POST, SESSIONS)
        .json(&card("1234567890", "1234"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let body = reply.json();
    assert_eq!(body["member_name"], "見本 花子");
    assert_eq!(body["login"], "card");
    // The seed says this member last signed in three days before the demo.
    assert_eq!(body["previous_sign_in"], "2026-01-04T03:00:00Z");
    assert!(body["token"].as_str().is_some_and(|t| t.len() >= 32));
}

#[tokio::test]
async fn web_id_sign_in_and_first_sign_in_has_null_previous() {
    let app = router(false);
    let reply = call(Method::POST, SESSIONS)
        .json(&web_id("newmember01", "Welcome2024"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let body = reply.json();
    assert_eq!(body["login"], "web_id");
    assert_eq!(body["previous_sign_in"], Value::Null);
    assert!(body
        .as_object()
        .is_some_and(|o| o.contains_key("previous_sign_in")));
}

#[tokio::test]
async fn sign_in_errors_have_contract_statuses_and_bodies() {
    let app = router(false);
    let cases = [
        (
            card("1234567890", "9999"),
            StatusCode::UNAUTHORIZED,
            json!({"code": "bad_credentials"}),
        ),
        // An unknown card is indistinguishable from a wrong PIN.
        (
            card("9999999999", "1234"),
            StatusCode::UNAUTHORIZED,
            json!({"code": "bad_credentials"}),
        ),
        (
            card("5555666677", "1111"),
            StatusCode::LOCKED,
            json!({"code": "locked"}),
        ),
        (
            web_id("suspended01", "Suspend2024"),
            StatusCode::FORBIDDEN,
            json!({"code": "suspended"}),
        ),
        (
            card("12", "１２３４"),
            StatusCode::BAD_REQUEST,
            json!({"code": "invalid_input", "problems": [
                {"field": "CardNumber", "error": "CardLength"},
                {"field": "Pin", "error": "NotHalfWidth"},
            ]}),
        ),
        (
            web_id("", "short"),
            StatusCode::BAD_REQUEST,
            json!({"code": "invalid_input", "problems": [
                {"field": "WebId", "error": "Required"},
                {"field": "Password", "error": "PasswordLength"},
            ]}),
        ),
    ];
    for (body, status, expected) in cases {
        let reply = call(Method::POST, SESSIONS).json(&body).send(&app).await;
        assert_eq!(reply.status, status, "{body}");
        assert_eq!(reply.json(), expected, "{body}");
    }
}

#[tokio::test]
async fn unreadable_requests_are_invalid_input_json() {
    let app = router(false);
    let json_bodies: [&[u8]; 10] = [
        b"{\"method\":\"card\"",
        b"",
        b"null",
        b"[]",
        b"{\"method\":\"card\",\"card_number\":\"1234567890\"}",
        b"{\"method\":\"fax\",\"number\":\"1\"}",
        b"{\"method\":\"card\",\"card_number\":1234567890,\"pin\":\"1234\"}",
        b"\xff\xfe not utf-8",
        b"{\"method\":\"card\",\"card_number\":\"\\ud800\",\"pin\":\"1234\"}",
        // A sign-in written as an array, which serde alone would accept.
        b"[\"card\",\"1234567890\",\"1234\"]",
    ];
    for body in json_bodies {
        let reply = call(Method::POST, SESSIONS)
            .raw("application/json", body.to_vec())
            .send(&app)
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(reply.json(), unreadable(), "{body:?}");
    }
    // A valid body under the wrong content type is still refused.
    let reply = call(Method::POST, SESSIONS)
        .raw(
            "text/plain",
            card("1234567890", "1234").to_string().into_bytes(),
        )
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json(), unreadable());
    // So is a body with no content type at all.
    let reply = call(Method::POST, SESSIONS).send(&app).await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::BAD_REQUEST, unreadable())
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused_without_reading_them_whole() {
    let app = router(false);
    let padding = "x".repeat(portal_server::BODY_LIMIT_BYTES + 1);
    let body = json!({"method": "card", "card_number": padding, "pin": "1234"});
    let reply = call(Method::POST, SESSIONS).json(&body).send(&app).await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::BAD_REQUEST, unreadable())
    );
}

#[tokio::test]
async fn account_summary_returns_every_figure() {
    let app = router(false);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let reply = call(Method::GET, SUMMARY).bearer(&token).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(
        reply.json(),
        json!({
            "member_name": "見本 花子",
            "balance": 150000,
            "credit_line": 500000,
            "available": 350000,
            // The 25th is a Sunday in January 2026, so the due date moves to
            // the next business day, as the calendar rules require.
            "next_due": {"date": "2026-01-26", "minimum": 6000},
            "overdue_days": 0,
            "previous_sign_in": "2026-01-04T03:00:00Z",
            "points": null,
            // The last entry is a borrowing on 2025-12-25 that brought the
            // balance to 150,000 yen: 13 days at 17.8% is 950.96 yen,
            // truncated, and payoff = balance + interest.
            "payoff_today": 150950,
            "accrued_interest": 950,
            "late_charge": 0,
            "interest_free_days_left": null,
            // Repaid on the due date: 32 days from 2025-12-25 to 2026-01-26
            // at 17.8% on 150,000 yen is 2,340.82 yen, truncated.
            "interest_to_next_due": 2340,
            "apr_percent": "17.8",
            // No credit-line request.
            "line_review": null,
        })
    );
}

#[tokio::test]
async fn account_summary_of_overdue_and_points_members() {
    let app = router(false);
    let token = sign_in(&app, &web_id("overdue01", "Overdue2024")).await;
    let body = call(Method::GET, SUMMARY)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(body["overdue_days"], 12);
    assert_eq!(
        body["next_due"],
        json!({"date": "2025-12-26", "minimum": 8000})
    );
    // SPEC S2: 20.0% a year on the whole 200,000 yen for the 12 late days,
    // 1,315.06… → 1,315, in place of interest, which stopped at the missed
    // due date: 25 days at 17.8%, 2,438.35… → 2,438.
    assert_eq!(body["late_charge"], 1315);
    assert_eq!(body["accrued_interest"], 2438);
    assert_eq!(body["payoff_today"], 200_000 + 2438 + 1315);

    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let body = call(Method::GET, SUMMARY)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(body["points"], 1250);

    // A member who owes nothing has no next due date, written as null.
    let token = sign_in(&app, &card("1234567890123456", "4321")).await;
    let body = call(Method::GET, SUMMARY)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(body["next_due"], Value::Null);
    assert_eq!(body["balance"], 0);
}

#[tokio::test]
async fn history_lists_the_ledger_newest_first_and_agrees_with_the_summary() {
    let app = router(false);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let reply = call(Method::GET, HISTORY).bearer(&token).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let page = reply.json();
    let entries = page["entries"].as_array().cloned().unwrap_or_default();
    assert!(entries.len() >= 12, "a year of history: {}", entries.len());
    // Without a query, one page holds every entry.
    assert_eq!(page["total"].as_u64(), Some(entries.len() as u64));
    assert_eq!(page["offset"], 0);
    let newest = &entries[0];
    assert_eq!(newest["balance_after"], 150000);
    assert_eq!(newest["kind"], "borrowing");
    let summary = call(Method::GET, SUMMARY)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(summary["balance"], newest["balance_after"]);
    // Newest first, and each repayment's parts add up to its amount.
    let times: Vec<&str> = entries.iter().filter_map(|e| e["at"].as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    for entry in &entries {
        let parts = ["late_charge", "interest", "principal"]
            .iter()
            .filter_map(|k| entry[*k].as_i64())
            .sum::<i64>();
        if entry["kind"] == "repayment" {
            assert_eq!(Some(parts), entry["amount"].as_i64(), "{entry}");
        } else {
            assert_eq!(parts, 0, "{entry}");
        }
    }

    // A member who never borrowed has an empty history.
    let token = sign_in(&app, &web_id("newmember01", "Welcome2024")).await;
    let reply = call(Method::GET, HISTORY).bearer(&token).send(&app).await;
    assert_eq!(
        (reply.status, reply.json()),
        (
            StatusCode::OK,
            json!({"total": 0, "offset": 0, "entries": []})
        )
    );
}

#[tokio::test]
async fn history_is_filtered_and_paged_by_the_server() {
    let app = router(false);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let get = |query: &str| {
        let path = format!("{HISTORY}?{query}");
        let token = token.clone();
        let app = app.clone();
        async move { call(Method::GET, &path).bearer(&token).send(&app).await }
    };
    let all = get("").await.json()["entries"]
        .as_array()
        .cloned()
        .unwrap_or_default();

    // Repayments only, two at a time, after the newest.
    let repayments: Vec<Value> = all
        .iter()
        .filter(|e| e["kind"] == "repayment")
        .cloned()
        .collect();
    let page = get("kind=repayment&offset=1&limit=2").await.json();
    assert_eq!(page["total"].as_u64(), Some(repayments.len() as u64));
    assert_eq!(page["offset"], 1);
    assert_eq!(page["entries"], Value::Array(repayments[1..3].to_vec()));

    // One Japan date: the newest entry's, which is 15:00 UTC or later on the
    // day before in UTC terms when it is early morning in Japan.
    let jst_date = |entry: &Value| {
        entry["at"]
            .as_str()
            .and_then(|at| chrono::DateTime::parse_from_rfc3339(at).ok())
            .map(|at| portal_domain::clock::to_jst(at.to_utc()).date())
    };
    let newest = jst_date(&all[0]);
    let day = newest.map(|d| d.to_string()).unwrap_or_default();
    let page = get(&format!("from={day}&to={day}")).await.json();
    let on_day: Vec<Value> = all
        .iter()
        .filter(|e| jst_date(e) == newest)
        .cloned()
        .collect();
    assert!(!on_day.is_empty());
    assert_eq!(page["entries"], Value::Array(on_day));

    // Nothing matches a range that ends before it starts, or a page past the end.
    let page = get("from=2026-12-01&to=2026-01-01").await.json();
    assert_eq!(page["total"], 0);
    let page = get("offset=100000").await.json();
    assert_eq!(page["entries"], json!([]));
    assert_eq!(page["total"].as_u64(), Some(all.len() as u64));

    // A query the server cannot read is invalid input, like an unreadable body.
    for bad in [
        "from=2026-13-01",
        "from=",
        "to=yesterday",
        "kind=loan",
        "offset=-1",
        "limit=ten",
        "limit=4294967296",
        "colour=red",
    ] {
        let reply = get(bad).await;
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable()),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn repaid_borrowings_list_cleared_borrowings_newest_first() {
    let app = router(false);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let reply = call(Method::GET, REPAID).bearer(&token).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let repaid = reply.json().as_array().cloned().unwrap_or_default();
    assert!(
        !repaid.is_empty(),
        "a year of repayments clears a borrowing"
    );
    let times: Vec<&str> = repaid
        .iter()
        .filter_map(|r| r["borrowed_at"].as_str())
        .collect();
    assert_eq!(times.len(), repaid.len());
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    // Every repaid borrowing is one of the history's borrowings.
    let history = call(Method::GET, HISTORY)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    let entries = history["entries"].as_array().cloned().unwrap_or_default();
    for r in &repaid {
        assert!(r["days"].as_u64().is_some_and(|d| d > 0), "{r}");
        assert!(
            r["repaid_on"].as_str().is_some_and(|d| d.len() == 10),
            "{r}"
        );
        assert!(
            entries.iter().any(|e| e["kind"] == "borrowing"
                && e["at"] == r["borrowed_at"]
                && e["amount"] == r["amount"]),
            "{r}"
        );
    }

    // `limit` keeps the newest; an unreadable limit is invalid input.
    let reply = call(Method::GET, &format!("{REPAID}?limit=1"))
        .bearer(&token)
        .send(&app)
        .await;
    assert_eq!(reply.json(), Value::Array(repaid[..1].to_vec()));
    for bad in ["limit=-1", "limit=", "newest=3"] {
        let reply = call(Method::GET, &format!("{REPAID}?{bad}"))
            .bearer(&token)
            .send(&app)
            .await;
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable()),
            "{bad}"
        );
    }

    // A member who never borrowed has repaid nothing.
    let token = sign_in(&app, &web_id("newmember01", "Welcome2024")).await;
    let reply = call(Method::GET, REPAID).bearer(&token).send(&app).await;
    assert_eq!((reply.status, reply.json()), (StatusCode::OK, json!([])));
}

#[tokio::test]
async fn signed_in_operations_refuse_missing_or_bad_tokens() {
    let app = router(false);
    let not_signed_in = json!({"code": "not_signed_in"});
    let authorisations = [
        None,
        Some("Basic abc"),
        Some("Bearer"),
        Some("Bearer "),
        Some("Bearer nope"),
    ];
    for authorisation in authorisations {
        for (method, path) in [
            (Method::GET, SUMMARY),
            (Method::GET, HISTORY),
            (Method::GET, REPAID),
            (Method::POST, KEEP_ALIVE),
        ] {
            let mut request = call(method.clone(), path);
            if let Some(value) = authorisation {
                request = request.header("authorization", value);
            }
            let reply = request.send(&app).await;
            assert_eq!(
                reply.status,
                StatusCode::UNAUTHORIZED,
                "{method} {path} {authorisation:?}"
            );
            assert_eq!(reply.json(), not_signed_in);
        }
    }
    let reply = call(Method::DELETE, CURRENT).send(&app).await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::UNAUTHORIZED, not_signed_in)
    );
}

#[tokio::test]
async fn sign_out_ends_the_session_and_is_idempotent() {
    let app = router(false);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let reply = call(Method::DELETE, CURRENT)
        .bearer(&token)
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert!(reply.body.is_empty());
    let reply = call(Method::GET, SUMMARY).bearer(&token).send(&app).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json(), json!({"code": "not_signed_in"}));
    let again = call(Method::DELETE, CURRENT)
        .bearer(&token)
        .send(&app)
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
    let never = call(Method::DELETE, CURRENT)
        .bearer("never-issued")
        .send(&app)
        .await;
    assert_eq!(never.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn keep_alive_extends_the_session_and_idle_sessions_end() {
    let app = router(true);
    let t0 = WEDNESDAY_NOON_JST_MS;
    let minute = 60_000;
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let reply = call(Method::POST, KEEP_ALIVE)
        .bearer(&token)
        .now(t0 + 9 * minute)
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert!(reply.body.is_empty());
    // Eighteen minutes after sign-in but nine after the keep-alive: alive.
    let reply = call(Method::GET, SUMMARY)
        .bearer(&token)
        .now(t0 + 18 * minute)
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    // The lender's idle limit (the page's ten minutes plus its one-minute
    // keep-alive interval) ends the session.
    let reply = call(Method::POST, KEEP_ALIVE)
        .bearer(&token)
        .now(t0 + 29 * minute)
        .send(&app)
        .await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::UNAUTHORIZED, json!({"code": "not_signed_in"}))
    );
}

/// "Continue means continue": a member active at 0:59 (the page sends no
/// keep-alive within a minute of the last) who presses continue at 10:05
/// stays signed in.
#[tokio::test]
async fn continue_at_ten_minutes_five_finds_the_session_alive() {
    let app = router(true);
    let t0 = WEDNESDAY_NOON_JST_MS;
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let reply = call(Method::POST, KEEP_ALIVE)
        .bearer(&token)
        .now(t0 + 10 * 60_000 + 5_000)
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn maintenance_windows_answer_503_with_their_end() {
    let app = router(true);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let expected = json!({"code": "maintenance", "until": "2026-01-05T07:00:00"});
    let sign_in_reply = call(Method::POST, SESSIONS)
        .json(&card("1234567890", "1234"))
        .now(MONDAY_3AM_JST_MS)
        .send(&app)
        .await;
    let keep_alive = call(Method::POST, KEEP_ALIVE)
        .bearer(&token)
        .now(MONDAY_3AM_JST_MS)
        .send(&app)
        .await;
    let summary = call(Method::GET, SUMMARY)
        .bearer(&token)
        .now(MONDAY_3AM_JST_MS)
        .send(&app)
        .await;
    for reply in [sign_in_reply, keep_alive, summary] {
        assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(reply.json(), expected);
    }
}

#[tokio::test]
async fn x_test_now_is_honoured_only_with_test_controls() {
    let sign_in_on_monday = call(Method::POST, SESSIONS)
        .json(&card("1234567890", "1234"))
        .now(MONDAY_3AM_JST_MS);
    // Without the flag the header is ignored and the pinned Wednesday clock
    // applies, so the sign-in succeeds.
    let reply = sign_in_on_monday.send(&router(false)).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let reply = call(Method::POST, SESSIONS)
        .json(&card("1234567890", "1234"))
        .now(MONDAY_3AM_JST_MS)
        .send(&router(true))
        .await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        reply.json(),
        json!({"code": "maintenance", "until": "2026-01-05T07:00:00"})
    );
}

#[tokio::test]
async fn garbled_x_test_now_is_invalid_input_with_test_controls_only() {
    for value in ["soon", "-5", "99999999999999999999", "253402128000001"] {
        let reply = call(Method::POST, SESSIONS)
            .json(&card("1234567890", "1234"))
            .header("x-test-now", value)
            .send(&router(true))
            .await;
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable()),
            "{value}"
        );
        let reply = call(Method::POST, SESSIONS)
            .json(&card("1234567890", "1234"))
            .header("x-test-now", value)
            .send(&router(false))
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{value}");
    }
    // The extremes of the accepted range work without overflowing anything.
    for ms in [0, portal_server::MAX_TEST_NOW_MS] {
        let app = router(true);
        let reset = call(Method::POST, RESET).now(ms).send(&app).await;
        assert_eq!(reset.status, StatusCode::NO_CONTENT, "{ms}");
        let reply = call(Method::POST, SESSIONS)
            .json(&web_id("overdue01", "Overdue2024"))
            .now(ms)
            .send(&app)
            .await;
        assert!(
            [StatusCode::CREATED, StatusCode::SERVICE_UNAVAILABLE].contains(&reply.status),
            "{ms}: {:?}",
            reply.json()
        );
        if let Some(token) = reply.json()["token"].as_str() {
            let summary = call(Method::GET, SUMMARY)
                .bearer(token)
                .now(ms)
                .send(&app)
                .await;
            assert!(
                summary.status.is_success() || summary.status == StatusCode::SERVICE_UNAVAILABLE
            );
        }
    }
}

#[tokio::test]
async fn declared_maintenance_is_published_and_enforced() {
    let app = router(true);
    let reply = call(Method::GET, MAINTENANCE).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json(), json!({"unscheduled": null}));

    let window =
        json!({"unscheduled": {"start": "2026-01-07T11:00:00", "end": "2026-01-07T13:30:00"}});
    let reply = call(Method::PUT, TEST_MAINTENANCE)
        .json(&window)
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    let reply = call(Method::GET, MAINTENANCE).send(&app).await;
    assert_eq!(reply.json(), window);

    // The pinned clock is 12:00 JST, inside the declared window.
    let reply = call(Method::POST, SESSIONS)
        .json(&card("1234567890", "1234"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        reply.json(),
        json!({"code": "maintenance", "until": "2026-01-07T13:30:00"})
    );

    let reply = call(Method::PUT, TEST_MAINTENANCE)
        .json(&json!({"unscheduled": null}))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(
        call(Method::GET, MAINTENANCE).send(&app).await.json(),
        json!({"unscheduled": null})
    );
    sign_in(&app, &card("1234567890", "1234")).await;
}

#[tokio::test]
async fn impossible_maintenance_declarations_are_refused() {
    let app = router(true);
    let bodies = [
        json!({"unscheduled": {"start": "2026-01-07T13:00:00", "end": "2026-01-07T13:00:00"}}),
        json!({"unscheduled": {"start": "2026-01-07T14:00:00", "end": "2026-01-07T13:00:00"}}),
        json!({"unscheduled": {"start": "2026-13-07T11:00:00", "end": "2026-01-07T13:00:00"}}),
        json!({"unscheduled": {"start": "2026-01-07T11:00:00", "end": "+12026-01-07T13:00:00"}}),
        json!({"unscheduled": {"start": "2026-01-07", "end": "2026-01-08"}}),
        json!({"unscheduled": "soon"}),
        json!({"unscheduled": ["2026-01-07T11:00:00", "2026-01-07T13:00:00"]}),
        json!({"unscheduled": {"start": "2026-01-07T11:00:00", "end": "2026-01-07T13:00:00", "why": 1}}),
        json!({"unscheduled": {"start": "2026-01-07T11:00:00"}}),
        json!({"unscheduled": null, "extra": true}),
        // A missing `unscheduled` is not taken to mean null.
        json!({}),
        // Nor is a struct written as an array, which serde alone would accept.
        json!([null]),
        json!(null),
    ];
    for body in bodies {
        let reply = call(Method::PUT, TEST_MAINTENANCE)
            .json(&body)
            .send(&app)
            .await;
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable()),
            "{body}"
        );
    }
    assert_eq!(
        call(Method::GET, MAINTENANCE).send(&app).await.json(),
        json!({"unscheduled": null})
    );
}

#[tokio::test]
async fn reset_restores_the_seed_and_ends_sessions() {
    let app = router(true);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    for _ in 0..4 {
        call(Method::POST, SESSIONS)
            .json(&card("1234567890", "0000"))
            .send(&app)
            .await;
    }
    let reply = call(Method::POST, SESSIONS)
        .json(&card("1234567890", "1234"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::LOCKED);
    let declared =
        json!({"unscheduled": {"start": "2027-01-07T11:00:00", "end": "2027-01-07T13:30:00"}});
    call(Method::PUT, TEST_MAINTENANCE)
        .json(&declared)
        .send(&app)
        .await;

    let reply = call(Method::POST, RESET).send(&app).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert!(reply.body.is_empty());
    assert_eq!(
        call(Method::GET, SUMMARY)
            .bearer(&token)
            .send(&app)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(Method::GET, MAINTENANCE).send(&app).await.json(),
        json!({"unscheduled": null})
    );
    sign_in(&app, &card("1234567890", "1234")).await;
}

#[tokio::test]
async fn test_controls_are_absent_without_the_flag() {
    let app = router(false);
    let reset = call(Method::POST, RESET).send(&app).await;
    let declare = call(Method::PUT, TEST_MAINTENANCE)
        .json(&json!({"unscheduled": null}))
        .send(&app)
        .await;
    let faults = call(Method::PUT, "/api/v1/test/faults")
        .json(&json!({"kind": "server", "count": 1}))
        .send(&app)
        .await;
    let clear = call(Method::DELETE, "/api/v1/test/faults").send(&app).await;
    let mailbox = call(Method::GET, "/api/v1/test/mailbox").send(&app).await;
    for reply in [reset, declare, faults, clear, mailbox] {
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::NOT_FOUND, json!({"code": "not_found"}))
        );
    }
}

#[tokio::test]
async fn unknown_api_paths_are_json_404_and_wrong_methods_json_405() {
    let app = router(true);
    for (method, path) in [
        (Method::GET, "/api"),
        (Method::GET, "/api/"),
        (Method::GET, "/api/v1"),
        (Method::POST, "/api/v2/sessions"),
        (Method::GET, "/api/v1/sessions/current/elsewhere"),
        (Method::DELETE, "/api/v1/account"),
        (Method::GET, "/"),
        (Method::GET, "/home"),
    ] {
        let reply = call(method.clone(), path).send(&app).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method} {path}");
        assert_eq!(
            reply.json(),
            json!({"code": "not_found"}),
            "{method} {path}"
        );
    }
    let reply = call(Method::GET, SESSIONS).send(&app).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.json(), json!({"code": "method_not_allowed"}));
    assert_eq!(reply.header("allow"), Some("POST"));
}

#[tokio::test]
async fn serves_the_built_app_with_spa_fallback() {
    let dir = std::env::temp_dir().join(format!("portal-server-dist-{}", std::process::id()));
    let assets = dir.join("assets");
    std::fs::create_dir_all(&assets).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>portal</title>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(assets.join("app.js"), "console.log(1)").unwrap_or_else(|e| panic!("{e}"));
    let config = portal_server::Config {
        test_controls: false,
        clock: fixed_clock(WEDNESDAY_NOON_JST_MS),
        entropy: 7,
    };
    let app = portal_server::app(&config, Some(&dir));

    for path in ["/", "/home", "/deep/client/route"] {
        let reply = call(Method::GET, path).send(&app).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(
            String::from_utf8_lossy(&reply.body).contains("<title>portal</title>"),
            "{path}"
        );
    }
    let reply = call(Method::GET, "/assets/app.js").send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, b"console.log(1)");
    // API paths never fall back to the app.
    let reply = call(Method::GET, "/api/v1/nothing").send(&app).await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::NOT_FOUND, json!({"code": "not_found"}))
    );
    let reply = call(Method::GET, MAINTENANCE).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn extreme_clocks_and_windows_never_fail() {
    let app = router(true);
    let windows = [
        json!({"start": "0000-01-01T00:00:00", "end": "0000-01-01T00:00:01"}),
        json!({"start": "9999-12-31T00:00:00", "end": "9999-12-31T23:59:59.999999999"}),
        json!({"start": "0000-01-01T00:00:00", "end": "9999-12-31T23:59:59"}),
        json!({"start": "2026-01-04T23:00:00", "end": "2026-01-05T08:00:00"}),
    ];
    let clocks = [
        0,
        1,
        MONDAY_3AM_JST_MS,
        WEDNESDAY_NOON_JST_MS,
        portal_server::MAX_TEST_NOW_MS,
    ];
    for window in windows {
        let declared = call(Method::PUT, TEST_MAINTENANCE)
            .json(&json!({ "unscheduled": window }))
            .send(&app)
            .await;
        assert_eq!(declared.status, StatusCode::NO_CONTENT, "{window}");
        for ms in clocks {
            let reply = call(Method::POST, SESSIONS)
                .json(&web_id("demo0001", "Passw0rd"))
                .now(ms)
                .send(&app)
                .await;
            assert!(
                [StatusCode::CREATED, StatusCode::SERVICE_UNAVAILABLE].contains(&reply.status),
                "{window} at {ms}: {} {:?}",
                reply.status,
                reply.json()
            );
            let token = reply.json()["token"].as_str().unwrap_or("none").to_owned();
            for later in clocks {
                for (method, path) in [
                    (Method::GET, SUMMARY),
                    (Method::GET, HISTORY),
                    (Method::GET, REPAID),
                    (Method::POST, KEEP_ALIVE),
                ] {
                    let reply = call(method, path)
                        .bearer(&token)
                        .now(later)
                        .send(&app)
                        .await;
                    assert!(
                        !reply.status.is_server_error()
                            || reply.status == StatusCode::SERVICE_UNAVAILABLE,
                        "{window} {ms}->{later} {path}: {}",
                        reply.status
                    );
                    assert!(
                        reply.json().is_object()
                            || reply.json().is_array()
                            || reply.body.is_empty()
                    );
                }
            }
        }
    }
}

/// A page on another site cannot use the test controls, even when they are
/// on: a browser marks its requests with `Origin` and `Sec-Fetch-Site`.
#[tokio::test]
async fn test_controls_refuse_cross_site_requests() {
    let app = router(true);
    let window =
        json!({"unscheduled": {"start": "2026-01-07T11:00:00", "end": "2026-01-07T13:00:00"}});
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
    ] {
        let reset = call(Method::POST, "/api/v1/test/reset")
            .header("host", "127.0.0.1:8081")
            .header(name, value)
            .send(&app)
            .await;
        assert_eq!(
            (reset.status, reset.json()),
            (StatusCode::NOT_FOUND, json!({"code": "not_found"})),
            "{name}: {value}"
        );
        let declare = call(Method::PUT, "/api/v1/test/maintenance")
            .header("host", "127.0.0.1:8081")
            .header(name, value)
            .json(&window)
            .send(&app)
            .await;
        assert_eq!(declare.status, StatusCode::NOT_FOUND, "{name}: {value}");
        let faults = call(Method::PUT, "/api/v1/test/faults")
            .header("host", "127.0.0.1:8081")
            .header(name, value)
            .json(&json!({"kind": "server", "count": 20}))
            .send(&app)
            .await;
        let clear = call(Method::DELETE, "/api/v1/test/faults")
            .header("host", "127.0.0.1:8081")
            .header(name, value)
            .send(&app)
            .await;
        let mailbox = call(Method::GET, "/api/v1/test/mailbox")
            .header("host", "127.0.0.1:8081")
            .header(name, value)
            .send(&app)
            .await;
        for reply in [faults, clear, mailbox] {
            assert_eq!(
                (reply.status, reply.json()),
                (StatusCode::NOT_FOUND, json!({"code": "not_found"})),
                "{name}: {value}"
            );
        }
    }
    // Nothing was declared or armed: sign-in still works.
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    assert!(!token.is_empty());
    // The same origin, and a test runner's bare client, may.
    let same = call(Method::POST, "/api/v1/test/reset")
        .header("host", "127.0.0.1:8081")
        .header("origin", "http://127.0.0.1:8081")
        .header("sec-fetch-site", "same-origin")
        .send(&app)
        .await;
    assert_eq!(same.status, StatusCode::NO_CONTENT);
    let bare = call(Method::POST, "/api/v1/test/reset").send(&app).await;
    assert_eq!(bare.status, StatusCode::NO_CONTENT);
}

/// The portal's own requests (`X-Portal-Request: 1`) get the session as an
/// HttpOnly, SameSite=Strict cookie and never see the token; the cookie
/// works only on requests that carry the header, which a cross-site form
/// cannot send; `GET /sessions/current` finds the session after a reload;
/// sign-out clears the cookie.
#[tokio::test]
async fn portal_requests_get_an_http_only_session_cookie() {
    let app = router(true);
    let reply = call(Method::POST, SESSIONS)
        .header("x-portal-request", "1")
        .header("host", "127.0.0.1:8081")
        .json(&card("1234567890", "1234"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.json());
    assert_eq!(reply.json()["token"], Value::Null, "script never sees it");
    assert_eq!(reply.json()["member_name"], "見本 花子");
    let set_cookie = reply.header("set-cookie").unwrap_or_default().to_owned();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "plain HTTP on loopback");
    let pair = set_cookie.split(';').next().unwrap_or_default().to_owned();
    assert!(
        pair.starts_with("portal_session=") && pair.len() > 40,
        "{pair}"
    );

    // A reloaded page asks who is signed in.
    let current = call(Method::GET, CURRENT)
        .header("x-portal-request", "1")
        .header("cookie", &pair)
        .send(&app)
        .await;
    assert_eq!(current.status, StatusCode::OK, "{:?}", current.json());
    assert_eq!(
        current.json(),
        json!({"member_name": "見本 花子", "login": "card", "previous_sign_in": "2026-01-04T03:00:00Z"})
    );
    // The cookie without the header (what a cross-site form or link sends,
    // were SameSite ever bypassed) is not a session.
    for (method, path) in [(Method::GET, SUMMARY), (Method::DELETE, CURRENT)] {
        let forged = call(method.clone(), path)
            .header("cookie", &pair)
            .send(&app)
            .await;
        assert_eq!(forged.status, StatusCode::UNAUTHORIZED, "{method} {path}");
    }
    let summary = call(Method::GET, SUMMARY)
        .header("x-portal-request", "1")
        .header("cookie", &pair)
        .send(&app)
        .await;
    assert_eq!(summary.status, StatusCode::OK);

    // Sign-out ends the session and clears the cookie.
    let out = call(Method::DELETE, CURRENT)
        .header("x-portal-request", "1")
        .header("cookie", &pair)
        .send(&app)
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let cleared = out.header("set-cookie").unwrap_or_default();
    assert!(
        cleared.starts_with("portal_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let after = call(Method::GET, CURRENT)
        .header("x-portal-request", "1")
        .header("cookie", &pair)
        .send(&app)
        .await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_session_cookie_is_secure_off_loopback() {
    let app = router(true);
    let reply = call(Method::POST, SESSIONS)
        .header("x-portal-request", "1")
        .header("host", "portal.example")
        .json(&card("1234567890", "1234"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert!(reply
        .header("set-cookie")
        .is_some_and(|c| c.contains("; Secure")));
    // API clients without the header keep getting a bearer token.
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let current = call(Method::GET, CURRENT).bearer(&token).send(&app).await;
    assert_eq!(current.status, StatusCode::OK);
}

// ---- money movements ----

const PAYEE: &str = "/api/v1/payee-account";
const QUOTE: &str = "/api/v1/transfers/quote";
const TRANSFERS: &str = "/api/v1/transfers";
const REPAYMENTS: &str = "/api/v1/repayments";
const DECISION: &str = "/api/v1/repayments/decision";
const MOVEMENTS: &str = "/api/v1/movements";
const FAULTS: &str = "/api/v1/test/faults";
const MAILBOX: &str = "/api/v1/test/mailbox";

/// Sunday 2026-01-04 23:30 JST: inside internet repayment's Sunday 23:00 –
/// Monday 7:00 window, while the member service is still open.
const SUNDAY_2330_JST_MS: i64 = 1_767_537_000_000;
/// Monday 2026-01-05 07:00 JST, when both windows have ended.
const MONDAY_7AM_JST_MS: i64 = 1_767_564_000_000;

/// The demo card member with a payee account (SPEC S17).
fn member() -> Value {
    card("1234567890", "1234")
}

fn transfer(token: &str, key: &str, amount: i64) -> Call {
    call(Method::POST, TRANSFERS)
        .bearer(token)
        .header("idempotency-key", key)
        .json(&json!({ "amount": amount }))
}

fn start_repayment(token: &str, key: &str, amount: i64) -> Call {
    call(Method::POST, REPAYMENTS)
        .bearer(token)
        .header("idempotency-key", key)
        .json(&json!({ "amount": amount, "bank_code": "0005", "bank_name": "三菱UFJ" }))
}

async fn movement(app: &axum::Router, token: &str, key: &str) -> Value {
    let reply = call(Method::GET, &format!("{MOVEMENTS}?key={key}"))
        .bearer(token)
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.json());
    reply.json()["movement"].clone()
}

/// How many borrowings the member's history holds.
async fn borrowings(app: &axum::Router, token: &str) -> u64 {
    let reply = call(Method::GET, &format!("{HISTORY}?kind=borrowing&limit=1"))
        .bearer(token)
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    reply.json()["total"].as_u64().unwrap_or_default()
}

#[tokio::test]
async fn a_keyed_transfer_is_booked_once_however_often_it_is_sent() {
    let app = router(false);
    let token = sign_in(&app, &member()).await;
    let before = borrowings(&app, &token).await;
    assert_eq!(movement(&app, &token, "key-0001").await, Value::Null);

    let first = transfer(&token, "key-0001", 30_000).send(&app).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.json());
    let receipt = first.json();
    assert_eq!(receipt["amount"], 30_000);
    assert_eq!(receipt["payee"]["number_masked"], "***4567");
    assert_eq!(receipt["arrival"], json!({"when": "within_seconds"}));
    assert!(receipt["reception_number"]
        .as_str()
        .is_some_and(|n| n.len() == 12 && n.starts_with('T')));
    let again = transfer(&token, "key-0001", 30_000).send(&app).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json(), receipt, "the first receipt, not a second one");
    assert_eq!(borrowings(&app, &token).await, before + 1);
    let newest = call(Method::GET, &format!("{HISTORY}?limit=1"))
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(newest["entries"][0]["channel"], "transfer");
    assert_eq!(newest["entries"][0]["amount"], 30_000);
    assert_eq!(
        movement(&app, &token, "key-0001").await,
        json!({"kind": "transfer", "receipt": receipt})
    );

    // The same key for another request books nothing.
    let other = transfer(&token, "key-0001", 20_000).send(&app).await;
    assert_eq!(
        (other.status, other.json()),
        (
            StatusCode::CONFLICT,
            json!({"code": "idempotency_conflict"})
        )
    );
    // No key, or one that is not a key, is refused before anything is booked.
    let no_key = call(Method::POST, TRANSFERS)
        .bearer(&token)
        .json(&json!({"amount": 10_000}))
        .send(&app)
        .await;
    let bad_key = transfer(&token, "not a key!", 10_000).send(&app).await;
    for reply in [no_key, bad_key] {
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable())
        );
    }
    assert_eq!(borrowings(&app, &token).await, before + 1);

    // Keys are per member: another member's same key is their own.
    let other_member = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    assert_eq!(movement(&app, &other_member, "key-0001").await, Value::Null);
    let theirs = transfer(&other_member, "key-0001", 10_000).send(&app).await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{:?}", theirs.json());
    assert_ne!(
        theirs.json()["reception_number"],
        receipt["reception_number"]
    );
}

#[tokio::test]
async fn amounts_are_checked_by_the_lender() {
    let app = router(false);
    let token = sign_in(&app, &member()).await;
    let quote = call(Method::POST, QUOTE)
        .bearer(&token)
        .json(&json!({"amount": 30_000}))
        .send(&app)
        .await;
    assert_eq!(quote.status, StatusCode::OK, "{:?}", quote.json());
    let available = quote.json()["available_after"].as_i64().unwrap_or_default() + 30_000;
    for (amount, reason) in [
        (999, json!({"rule": "below_minimum"})),
        (10_500, json!({"rule": "not_in_units"})),
        (
            available + 1_000,
            json!({"rule": "over_available", "available": available}),
        ),
    ] {
        let reply = transfer(&token, &format!("amount-{amount}"), amount)
            .send(&app)
            .await;
        assert_eq!(
            (reply.status, reply.json()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"code": "amount_refused", "reason": reason})
            )
        );
    }
    let unreadable_amount = call(Method::POST, QUOTE)
        .bearer(&token)
        .json(&json!({"amount": "1000"}))
        .send(&app)
        .await;
    let unknown_field = call(Method::POST, QUOTE)
        .bearer(&token)
        .json(&json!({"amount": 1000, "currency": "JPY"}))
        .send(&app)
        .await;
    for reply in [unreadable_amount, unknown_field] {
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable())
        );
    }
}

#[tokio::test]
async fn a_transfer_needs_a_payee_account() {
    let app = router(false);
    let token = sign_in(&app, &card("1234567890123456", "4321")).await;
    let status = call(Method::GET, PAYEE).bearer(&token).send(&app).await;
    assert_eq!(status.status, StatusCode::OK);
    assert_eq!(status.json()["account"], Value::Null);
    let quote = call(Method::POST, QUOTE)
        .bearer(&token)
        .json(&json!({"amount": 10_000}))
        .send(&app)
        .await;
    let booked = transfer(&token, "no-payee-1", 10_000).send(&app).await;
    for reply in [quote, booked] {
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::CONFLICT, json!({"code": "no_payee_account"}))
        );
    }
    assert_eq!(movement(&app, &token, "no-payee-1").await, Value::Null);

    // A holder name that is not the member's is refused; their own is kept.
    let account = |holder: &str| {
        json!({
            "bank_code": "0001", "bank_name": "みずほ", "branch_code": "001",
            "branch_name": "東京営業部", "kind": "ordinary", "number": "１２３４５６７",
            "holder": holder,
        })
    };
    let wrong = call(Method::PUT, PAYEE)
        .bearer(&token)
        .json(&account("ヤマダ タロウ"))
        .send(&app)
        .await;
    assert_eq!(
        (wrong.status, wrong.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "payee_refused", "problems": [{"field": "holder", "error": "not_member_name"}]})
        )
    );
    let own = call(Method::PUT, PAYEE)
        .bearer(&token)
        .json(&account("ﾐﾎﾝ ｼﾞﾛｳ"))
        .send(&app)
        .await;
    assert_eq!(own.status, StatusCode::OK, "{:?}", own.json());
    assert_eq!(own.json()["number_masked"], "***4567");
    let booked = transfer(&token, "no-payee-1", 10_000).send(&app).await;
    assert_eq!(booked.status, StatusCode::CREATED, "{:?}", booked.json());
}

#[tokio::test]
async fn internet_repayment_is_closed_in_its_window_and_open_after_it() {
    let app = router(true);
    let reset = call(Method::POST, RESET)
        .now(SUNDAY_2330_JST_MS)
        .send(&app)
        .await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    let signed_in = call(Method::POST, SESSIONS)
        .json(&member())
        .now(SUNDAY_2330_JST_MS)
        .send(&app)
        .await;
    assert_eq!(
        signed_in.status,
        StatusCode::CREATED,
        "member service is open"
    );
    let token = signed_in.json()["token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let refused = start_repayment(&token, "repay-1", 10_000)
        .now(SUNDAY_2330_JST_MS)
        .send(&app)
        .await;
    assert_eq!(
        (refused.status, refused.json()),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"code": "maintenance", "until": "2026-01-05T07:00:00"})
        )
    );

    // Monday 7:00: a new session (the old one has idled out), and the same
    // key starts the repayment, since nothing was recorded under it.
    let signed_in = call(Method::POST, SESSIONS)
        .json(&member())
        .now(MONDAY_7AM_JST_MS)
        .send(&app)
        .await;
    assert_eq!(signed_in.status, StatusCode::CREATED);
    let token = signed_in.json()["token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let started = start_repayment(&token, "repay-1", 10_000)
        .now(MONDAY_7AM_JST_MS)
        .send(&app)
        .await;
    assert_eq!(started.status, StatusCode::CREATED, "{:?}", started.json());
    assert_eq!(started.json()["state"], "at_bank");
    assert_eq!(started.json()["started_at"], "2026-01-04T22:00:00Z");
}

#[tokio::test]
async fn an_approved_repayment_is_split_booked_and_mailed() {
    let app = router(true);
    let token = sign_in(&app, &member()).await;
    assert_eq!(
        call(Method::GET, MAILBOX).send(&app).await.json(),
        json!([])
    );
    let before = call(Method::GET, SUMMARY)
        .bearer(&token)
        .send(&app)
        .await
        .json();

    let started = start_repayment(&token, "repay-2", 10_000).send(&app).await;
    assert_eq!(started.status, StatusCode::CREATED, "{:?}", started.json());
    let repayment = started.json();
    assert_eq!(repayment["state"], "at_bank");
    assert_eq!(repayment["split"], Value::Null);
    let id = repayment["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(repayment["bank_url"], format!("/repay?bank={id}").as_str());
    let again = start_repayment(&token, "repay-2", 10_000).send(&app).await;
    assert_eq!(
        (again.status, again.json()),
        (StatusCode::CREATED, repayment.clone())
    );
    let found = call(Method::GET, &format!("{REPAYMENTS}?id={id}"))
        .bearer(&token)
        .send(&app)
        .await;
    assert_eq!(
        (found.status, found.json()),
        (StatusCode::OK, repayment.clone())
    );

    let decide = |decision: &str| {
        call(Method::POST, DECISION)
            .bearer(&token)
            .json(&json!({"id": id, "decision": decision}))
    };
    let approved = decide("approve").send(&app).await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.json());
    let completed = approved.json();
    assert_eq!(completed["state"], "completed");
    let split = &completed["split"];
    let part = |name: &str| split[name].as_i64().unwrap_or(-1);
    assert_eq!(
        part("late_charge") + part("interest") + part("principal"),
        10_000
    );
    assert!(part("interest") > 0, "{split}");
    assert_eq!(
        part("balance_after"),
        before["balance"].as_i64().unwrap_or_default() - part("principal")
    );
    let after = call(Method::GET, SUMMARY)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(after["balance"], split["balance_after"]);
    // Only the first decision counts.
    let cancelled = decide("cancel").send(&app).await;
    assert_eq!(
        (cancelled.status, cancelled.json()),
        (StatusCode::OK, completed.clone())
    );
    assert_eq!(
        movement(&app, &token, "repay-2").await,
        json!({"kind": "repayment", "repayment": completed})
    );

    let mailbox = call(Method::GET, MAILBOX).send(&app).await;
    assert_eq!(mailbox.status, StatusCode::OK);
    let mails = mailbox.json();
    assert_eq!(mails.as_array().map(Vec::len), Some(1), "{mails}");
    let mail = &mails[0];
    assert_eq!(mail["to"], "card7890@example.com");
    assert_eq!(mail["at"], WEDNESDAY_NOON_JST_MS);
    assert_eq!(mail["subject"], "ご返済受付のお知らせ");
    let body = mail["body"].as_str().unwrap_or_default();
    assert!(body.starts_with("見本 花子 様"), "{body}");
    assert!(
        body.contains(completed["reception_number"].as_str().unwrap_or("?")),
        "{body}"
    );
    assert!(body.contains("10,000円"), "{body}");

    let unknown = call(Method::GET, &format!("{REPAYMENTS}?id=r00000000000"))
        .bearer(&token)
        .send(&app)
        .await;
    let unknown_decision = call(Method::POST, DECISION)
        .bearer(&token)
        .json(&json!({"id": "r00000000000", "decision": "approve"}))
        .send(&app)
        .await;
    for reply in [unknown, unknown_decision] {
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::NOT_FOUND, json!({"code": "not_found"}))
        );
    }
}

// ---- injected faults (test controls) ----

async fn arm(app: &axum::Router, kind: &str, count: u8) {
    let reply = call(Method::PUT, FAULTS)
        .json(&json!({"kind": kind, "count": count}))
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{:?}", reply.json());
}

#[tokio::test]
async fn a_server_fault_answers_500_without_processing() {
    let app = router(true);
    let token = sign_in(&app, &member()).await;
    let before = borrowings(&app, &token).await;
    arm(&app, "server", 2).await;
    // Test controls and unknown paths take no fault.
    assert_eq!(
        call(Method::GET, MAILBOX).send(&app).await.status,
        StatusCode::OK
    );
    assert_eq!(
        call(Method::GET, "/api/v1/nowhere").send(&app).await.status,
        StatusCode::NOT_FOUND
    );
    for reply in [
        transfer(&token, "server-1", 10_000).send(&app).await,
        call(Method::GET, SUMMARY).bearer(&token).send(&app).await,
    ] {
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::INTERNAL_SERVER_ERROR, json!({"code": "server"}))
        );
    }
    assert_eq!(movement(&app, &token, "server-1").await, Value::Null);
    assert_eq!(borrowings(&app, &token).await, before);
    // Both faults are spent; the retry books the transfer.
    let retry = transfer(&token, "server-1", 10_000).send(&app).await;
    assert_eq!(retry.status, StatusCode::CREATED);

    // DELETE and a reset disarm pending faults.
    arm(&app, "server", 20).await;
    let cleared = call(Method::DELETE, FAULTS).send(&app).await;
    assert_eq!(cleared.status, StatusCode::NO_CONTENT);
    assert_eq!(
        call(Method::GET, MAINTENANCE).send(&app).await.status,
        StatusCode::OK
    );
    arm(&app, "server", 20).await;
    call(Method::POST, RESET).send(&app).await;
    assert_eq!(
        call(Method::GET, MAINTENANCE).send(&app).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_timeout_fault_books_the_movement_and_loses_the_answer() {
    let app = router(true);
    let token = sign_in(&app, &member()).await;
    let before = borrowings(&app, &token).await;
    arm(&app, "timeout", 2).await;
    let lost = tokio::time::timeout(
        std::time::Duration::from_millis(500),
        transfer(&token, "timeout-1", 10_000).send(&app),
    )
    .await;
    assert!(lost.is_err(), "an answer arrived: {lost:?}");
    // An answer without a body (keep-alive's 204) is held back whole.
    let lost = tokio::time::timeout(
        std::time::Duration::from_millis(300),
        call(Method::POST, KEEP_ALIVE).bearer(&token).send(&app),
    )
    .await;
    assert!(lost.is_err(), "an answer arrived: {lost:?}");
    // The request arrived: the transfer is booked, once.
    let booked = movement(&app, &token, "timeout-1").await;
    assert_eq!(booked["kind"], "transfer");
    assert_eq!(booked["receipt"]["amount"], 10_000);
    assert_eq!(borrowings(&app, &token).await, before + 1);
    let retry = transfer(&token, "timeout-1", 10_000).send(&app).await;
    assert_eq!(
        (retry.status, retry.json()),
        (StatusCode::CREATED, booked["receipt"].clone())
    );
    assert_eq!(borrowings(&app, &token).await, before + 1);
}

#[tokio::test]
async fn a_slow_fault_answers_normally_after_two_and_a_half_seconds() {
    let app = router(true);
    let token = sign_in(&app, &member()).await;
    arm(&app, "slow", 1).await;
    let started = std::time::Instant::now();
    let slow = call(Method::GET, SUMMARY).bearer(&token).send(&app).await;
    let took = started.elapsed();
    assert_eq!(slow.status, StatusCode::OK);
    assert!(took >= std::time::Duration::from_millis(2_500), "{took:?}");
    let started = std::time::Instant::now();
    let next = call(Method::GET, SUMMARY).bearer(&token).send(&app).await;
    assert_eq!(next.json(), slow.json());
    assert!(started.elapsed() < std::time::Duration::from_millis(2_000));
}

/// Reads whatever the server sends on a raw connection until it closes
/// (or 5 s pass): `Ok(bytes)` at a clean close, `Err` when it was reset.
async fn raw_exchange(
    address: std::net::SocketAddr,
    request: &[u8],
) -> Result<Vec<u8>, std::io::Error> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address).await?;
    stream.write_all(request).await?;
    let mut received = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut received),
    )
    .await
    .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "no close within 5 s"))?;
    match read {
        Ok(_) => Ok(received),
        Err(e) if received.is_empty() => Err(e),
        Err(_) => Ok(received),
    }
}

#[tokio::test]
async fn an_offline_fault_cuts_the_connection_without_an_answer() {
    let address = serve(router(true)).await;
    let base = format!("http://{address}/api/v1");
    let client = reqwest::Client::new();
    let token = client
        .post(format!("{base}/sessions"))
        .json(&member())
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .unwrap_or_else(|e| panic!("sign-in failed: {e}"))
        .json::<Value>()
        .await
        .unwrap_or_default()["token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let arm = |count: u8| {
        client
            .put(format!("{base}/test/faults"))
            .json(&json!({"kind": "offline", "count": count}))
            .send()
    };
    let armed = arm(2).await.map(|r| r.status());
    assert_eq!(armed.ok(), Some(reqwest::StatusCode::NO_CONTENT));

    // A raw client sees the connection end with not one byte of an answer.
    let body = json!({"amount": 10_000}).to_string();
    let request = format!(
        "POST /api/v1/transfers HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Idempotency-Key: offline-1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    match raw_exchange(address, request.as_bytes()).await {
        Ok(bytes) => assert!(
            bytes.is_empty(),
            "an answer arrived: {:?}",
            String::from_utf8_lossy(&bytes)
        ),
        Err(e) => assert_ne!(e.kind(), std::io::ErrorKind::TimedOut, "{e}"),
    }
    // An HTTP client (as a browser's fetch) fails with a network error.
    let fetch = client
        .post(format!("{base}/transfers"))
        .bearer_auth(&token)
        .header("Idempotency-Key", "offline-1")
        .json(&json!({"amount": 10_000}))
        .send()
        .await;
    assert!(fetch.is_err(), "{fetch:?}");

    // Nothing was booked; the retry books it once.
    let lookup = client
        .get(format!("{base}/movements?key=offline-1"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("lookup failed: {e}"));
    assert_eq!(lookup.status(), reqwest::StatusCode::OK);
    assert_eq!(
        lookup.json::<Value>().await.unwrap_or_default(),
        json!({"movement": null})
    );
    let retry = client
        .post(format!("{base}/transfers"))
        .bearer_auth(&token)
        .header("Idempotency-Key", "offline-1")
        .json(&json!({"amount": 10_000}))
        .send()
        .await
        .map(|r| r.status());
    assert_eq!(retry.ok(), Some(reqwest::StatusCode::CREATED));
}

#[tokio::test]
async fn fault_declarations_are_read_strictly() {
    let app = router(true);
    for body in [
        json!({"kind": "offline", "count": 0}),
        json!({"kind": "offline", "count": 21}),
        json!({"kind": "lost", "count": 1}),
        json!({"kind": "slow"}),
        json!({"kind": "slow", "count": 1, "after": 3}),
    ] {
        let reply = call(Method::PUT, FAULTS).json(&body).send(&app).await;
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable()),
            "{body}"
        );
    }
    // None of them armed anything.
    assert_eq!(
        call(Method::GET, MAINTENANCE).send(&app).await.status,
        StatusCode::OK
    );
}

// ---- registration and password reset (SPEC S5) ----

/// The code in the newest mail of the test mailbox.
async fn mailed_code(app: &axum::Router) -> String {
    let mails = call(Method::GET, MAILBOX).send(app).await.json();
    let body = mails
        .as_array()
        .and_then(|m| m.last())
        .and_then(|m| m["body"].as_str())
        .unwrap_or_default()
        .to_owned();
    body.split_once("確認コードは ")
        .map(|(_, rest)| rest.chars().take(6).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_web_id_is_registered_over_http_and_signs_in() {
    let app = router(true);
    let ask = |number: &str, email: &str| {
        call(Method::POST, "/api/v1/registration/codes")
            .json(&json!({"member_number": number, "email": email}))
    };
    // Known and unknown details get the same status and the same shape.
    let unknown = ask("987654321", "nobody@example.com").send(&app).await;
    let known = ask("123456789", "taro@example.com").send(&app).await;
    assert_eq!(unknown.status, StatusCode::ACCEPTED);
    assert_eq!(known.status, StatusCode::ACCEPTED);
    let keys = |v: &Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
    assert_eq!(keys(&unknown.json()), keys(&known.json()));
    let challenge = known.json()["challenge"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let code = mailed_code(&app).await;

    let verify = |code: &str| {
        call(Method::POST, "/api/v1/codes/verification")
            .json(&json!({"challenge": challenge, "code": code}))
    };
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let refused = verify(wrong).send(&app).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.json(),
        json!({"code": "code_refused", "tries_left": 4})
    );
    assert_eq!(
        verify(&code).send(&app).await.status,
        StatusCode::NO_CONTENT
    );

    let register = |web_id: &str| {
        call(Method::POST, "/api/v1/registration")
            .json(&json!({"challenge": challenge, "web_id": web_id, "password": "Yamada2026"}))
    };
    let taken = register("Demo0001").send(&app).await;
    assert_eq!(
        (taken.status, taken.json()),
        (StatusCode::CONFLICT, json!({"code": "web_id_taken"}))
    );
    let done = register("taro2026").send(&app).await;
    assert_eq!(
        (done.status, done.json()),
        (StatusCode::CREATED, json!({"web_id": "taro2026"}))
    );
    sign_in(&app, &web_id("taro2026", "Yamada2026")).await;
    let again = register("taro2027").send(&app).await;
    assert_eq!(
        (again.status, again.json()),
        (
            StatusCode::GONE,
            json!({"code": "code_ended", "why": "unknown"})
        )
    );
}

#[tokio::test]
async fn a_password_is_reset_over_http_and_the_old_one_fails() {
    let app = router(true);
    let sent = call(Method::POST, "/api/v1/password-reset/codes")
        .json(&json!({"web_id": "demo0001", "email": "demo0001@example.com"}))
        .send(&app)
        .await;
    assert_eq!(sent.status, StatusCode::ACCEPTED);
    let challenge = sent.json()["challenge"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let code = mailed_code(&app).await;
    let verified = call(Method::POST, "/api/v1/codes/verification")
        .json(&json!({"challenge": challenge, "code": code}))
        .send(&app)
        .await;
    assert_eq!(verified.status, StatusCode::NO_CONTENT);
    let reset = call(Method::POST, "/api/v1/password-reset")
        .json(&json!({"challenge": challenge, "password": "NewPass2026"}))
        .send(&app)
        .await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    let old = call(Method::POST, "/api/v1/sessions")
        .json(&web_id("demo0001", "Passw0rd"))
        .send(&app)
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    sign_in(&app, &web_id("demo0001", "NewPass2026")).await;
}

#[tokio::test]
async fn the_reminder_setting_is_read_and_changed_with_one_notice_e_mail() {
    const REMINDER: &str = "/api/v1/reminder";
    let app = router(true);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let summary = call(Method::GET, SUMMARY).bearer(&token).send(&app).await;
    // Due on the 5th: Thursday 2026-02-05 is the first ahead of January 7th.
    assert_eq!(summary.json()["next_due"]["date"], "2026-02-05");

    let seeded = call(Method::GET, REMINDER).bearer(&token).send(&app).await;
    assert_eq!(
        (seeded.status, seeded.json()),
        (
            StatusCode::OK,
            json!({
                "enabled": true,
                "timing": "days_before3",
                "hour": 9,
                "email": "demo0001@example.com",
                "next_due_date": "2026-02-05",
                "next_send_at": "2026-02-02T09:00:00",
            })
        )
    );

    let put = |body: Value| {
        call(Method::PUT, REMINDER)
            .bearer(&token)
            .json(&body)
            .send(&app)
    };
    let on_the_day = json!({"enabled": true, "timing": "on_due_date", "hour": 8});
    let changed = put(on_the_day.clone()).await;
    assert_eq!(changed.status, StatusCode::OK, "{:?}", changed.json());
    assert_eq!(changed.json()["next_send_at"], "2026-02-05T08:00:00");
    // The same setting again answers the same and sends nothing more.
    let again = put(on_the_day).await;
    assert_eq!(
        (again.status, again.json()),
        (StatusCode::OK, changed.json())
    );
    let read = call(Method::GET, REMINDER).bearer(&token).send(&app).await;
    assert_eq!(read.json(), changed.json());

    let mailbox = call(Method::GET, MAILBOX).send(&app).await;
    assert_eq!(mailbox.status, StatusCode::OK);
    let mails = mailbox.json();
    assert_eq!(mails.as_array().map(Vec::len), Some(1), "{mails}");
    let mail = &mails[0];
    assert_eq!(mail["to"], "demo0001@example.com");
    assert_eq!(mail["at"], WEDNESDAY_NOON_JST_MS);
    assert_eq!(
        mail["subject"],
        "ご返済日お知らせメールの設定変更のお知らせ"
    );
    let body = mail["body"].as_str().unwrap_or_default();
    for part in [
        "見本 太一 様",
        "配信: 受け取る",
        "送信日: 返済日当日",
        "送信時刻: 08:00",
        "次回の送信予定: 2026年2月5日 08:00",
    ] {
        assert!(body.contains(part), "{part} in {body}");
    }

    // An hour outside 0-23 and an unknown timing are unreadable requests.
    for bad in [
        json!({"enabled": true, "timing": "on_due_date", "hour": 24}),
        json!({"enabled": true, "timing": "days_before_2", "hour": 9}),
    ] {
        let refused = put(bad.clone()).await;
        assert_eq!(
            (refused.status, refused.json()),
            (StatusCode::BAD_REQUEST, unreadable()),
            "{bad}"
        );
    }
    let signed_out = call(Method::GET, REMINDER).send(&app).await;
    assert_eq!(signed_out.status, StatusCode::UNAUTHORIZED);
}

// ---- points (SPEC S14) ----

const POINTS: &str = "/api/v1/points";
const MEMBERSHIP: &str = "/api/v1/points/membership";
const EXCHANGES: &str = "/api/v1/points/exchanges";

fn exchange(token: &str, key: Option<&str>, body: &Value) -> Call {
    let request = call(Method::POST, EXCHANGES).bearer(token).json(body);
    match key {
        Some(key) => request.header("idempotency-key", key),
        None => request,
    }
}

async fn points_of(app: &axum::Router, token: &str) -> Value {
    let reply = call(Method::GET, POINTS).bearer(token).send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.json());
    reply.json()
}

#[tokio::test]
async fn points_are_joined_exchanged_once_per_key_and_repay_over_http() {
    let app = router(true);
    // The card member has not joined: no points, and no exchange.
    let token = sign_in(&app, &member()).await;
    assert_eq!(
        points_of(&app, &token).await,
        json!({"joined": false, "balance": 0, "history": []})
    );
    let refused = exchange(
        &token,
        Some("p-0"),
        &json!({"item": "repayment", "points": 100}),
    )
    .send(&app)
    .await;
    assert_eq!(
        (refused.status, refused.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "exchange_refused", "refusal": {"rule": "not_joined"}})
        )
    );

    // Joining gives 100 points once; joining again answers the same.
    let joined = call(Method::POST, MEMBERSHIP)
        .bearer(&token)
        .send(&app)
        .await;
    assert_eq!(joined.status, StatusCode::OK, "{:?}", joined.json());
    assert_eq!(joined.json()["joined"], true);
    assert_eq!(joined.json()["balance"], 100);
    assert_eq!(joined.json()["history"][0]["kind"], "join_bonus");
    let again = call(Method::POST, MEMBERSHIP)
        .bearer(&token)
        .send(&app)
        .await;
    assert_eq!(
        (again.status, again.json()),
        (StatusCode::OK, joined.json())
    );
    let summary = call(Method::GET, SUMMARY).bearer(&token).send(&app).await;
    assert_eq!(summary.json()["points"], 100);

    // The 100 points toward a repayment: booked on the ledger with its
    // split, and in the history with the channel `points`.
    let repay = json!({"item": "repayment", "points": 100});
    let paid = exchange(&token, Some("p-1"), &repay).send(&app).await;
    assert_eq!(paid.status, StatusCode::CREATED, "{:?}", paid.json());
    let receipt = paid.json();
    assert_eq!(receipt["points"], 100);
    assert_eq!(receipt["balance_after"], 0);
    let split = &receipt["repayment"];
    let parts = ["late_charge", "interest", "principal"]
        .iter()
        .map(|k| split[*k].as_i64().unwrap_or(-1))
        .sum::<i64>();
    assert_eq!(parts, 100, "{split}");
    let history = call(Method::GET, &format!("{HISTORY}?limit=1"))
        .bearer(&token)
        .send(&app)
        .await
        .json();
    let newest = &history["entries"][0];
    assert_eq!(newest["channel"], "points");
    assert_eq!(newest["kind"], "repayment");
    assert_eq!(newest["amount"], 100);
    assert_eq!(newest["interest"], split["interest"]);
    assert_eq!(newest["balance_after"], split["balance_after"]);

    // demo0001 buys goods under one key twice: spent once, the same receipt.
    let demo = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let bag = json!({"item": "eco_bag"});
    let first = exchange(&demo, Some("bag-1"), &bag).send(&app).await;
    let second = exchange(&demo, Some("bag-1"), &bag).send(&app).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.json());
    assert_eq!((second.status, second.json()), (first.status, first.json()));
    assert_eq!(first.json()["balance_after"], 450);
    assert_eq!(first.json()["repayment"], Value::Null);
    assert!(first.json()["reception_number"]
        .as_str()
        .is_some_and(|n| n.starts_with("P260107")));
    let points = points_of(&app, &demo).await;
    assert_eq!(points["balance"], 450);
    let spent: Vec<&Value> = points["history"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["kind"] == "exchange")
        .collect();
    assert_eq!(spent.len(), 1);
    assert_eq!(spent[0]["points"], -800);

    // The same key for something else, no key, and goods with an amount.
    let conflict = exchange(&demo, Some("bag-1"), &json!({"item": "digital_gift500"}))
        .send(&app)
        .await;
    assert_eq!(
        (conflict.status, conflict.json()),
        (
            StatusCode::CONFLICT,
            json!({"code": "idempotency_conflict"})
        )
    );
    let keyless = exchange(&demo, None, &bag).send(&app).await;
    assert_eq!(
        (keyless.status, keyless.json()),
        (StatusCode::BAD_REQUEST, unreadable())
    );
    let with_amount = exchange(
        &demo,
        Some("bag-2"),
        &json!({"item": "eco_bag", "points": 800}),
    )
    .send(&app)
    .await;
    assert_eq!(with_amount.status, StatusCode::BAD_REQUEST);
    let short = exchange(&demo, Some("bag-3"), &bag).send(&app).await;
    assert_eq!(
        (short.status, short.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "exchange_refused", "refusal": {"rule": "insufficient", "balance": 450}})
        )
    );
    assert_eq!(points_of(&app, &demo).await["balance"], 450);

    // One notice for the joining, one per exchange made.
    let mails = call(Method::GET, MAILBOX).send(&app).await.json();
    let subjects: Vec<&str> = mails
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["subject"].as_str())
        .filter(|s| s.contains("ポイント"))
        .collect();
    assert_eq!(
        subjects,
        [
            "ポイントサービス入会のお知らせ",
            "ポイント交換受付のお知らせ",
            "ポイント交換受付のお知らせ"
        ]
    );
}

#[tokio::test]
async fn the_repayment_day_changes_through_the_profile_with_one_notice() {
    const PROFILE: &str = "/api/v1/profile";
    const DAY: &str = "/api/v1/profile/repayment-day";
    let app = router(true);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let profile = call(Method::GET, PROFILE).bearer(&token).send(&app).await;
    assert_eq!(profile.status, StatusCode::OK);
    let read = profile.json();
    assert_eq!(read["repayment_day"], "Fifth");
    assert_eq!(read["next_due_date"], "2026-02-05");
    assert_eq!(read["email"], "demo0001@example.com");
    assert_eq!(read["web_id"], "demo0001");
    assert_eq!(read["card_member"], false);
    assert_eq!(read["overdue"], false);

    let put = |body: Value| call(Method::PUT, DAY).bearer(&token).json(&body).send(&app);
    // Wednesday January 7: the 15th is 8 days ahead, so it replaces the 5th
    // of February.
    let changed = put(json!({"day": "Fifteenth"})).await;
    assert_eq!(
        (changed.status, changed.json()),
        (
            StatusCode::OK,
            json!({"day": "Fifteenth", "next_due_date": "2026-01-15"})
        )
    );
    let again = put(json!({"day": "Fifteenth"})).await;
    assert_eq!(again.json(), changed.json());
    let read = call(Method::GET, PROFILE)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(read["next_due_date"], "2026-01-15");
    let summary = call(Method::GET, SUMMARY).bearer(&token).send(&app).await;
    assert_eq!(summary.json()["next_due"]["date"], "2026-01-15");

    let mails = call(Method::GET, MAILBOX).send(&app).await.json();
    assert_eq!(mails.as_array().map(Vec::len), Some(1), "{mails}");
    assert_eq!(mails[0]["subject"], "ご返済日変更のお知らせ");

    let unreadable_day = put(json!({"day": "Tenth"})).await;
    assert_eq!(unreadable_day.status, StatusCode::BAD_REQUEST);

    let overdue = sign_in(&app, &web_id("overdue01", "Overdue2024")).await;
    let refused = call(Method::PUT, DAY)
        .bearer(&overdue)
        .json(&json!({"day": "Fifth"}))
        .send(&app)
        .await;
    assert_eq!(
        (refused.status, refused.json()),
        (
            StatusCode::BAD_REQUEST,
            json!({"code": "invalid_input", "problems": [{"field": "RepaymentDay", "error": "Overdue"}]})
        )
    );
}

#[tokio::test]
async fn a_credit_line_increase_is_received_reviewed_and_decided_by_the_test_control() {
    const LINE: &str = "/api/v1/credit-line";
    const INCREASE: &str = "/api/v1/credit-line/increase-requests";
    let app = router(true);
    let token = sign_in(&app, &card("1234567890123456", "4321")).await;
    let read = call(Method::GET, LINE).bearer(&token).send(&app).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json()["line"], 300_000);
    assert_eq!(read.json()["request"], Value::Null);

    let body = json!({
        "desired_line": "５００，０００円", "annual_income": "3000000", "other_borrowing": "0",
        "employment": "regular", "employer": "見本商事", "years_employed": "3"
    });
    let asked = call(Method::POST, INCREASE)
        .bearer(&token)
        .json(&body)
        .send(&app)
        .await;
    assert_eq!(asked.status, StatusCode::CREATED, "{:?}", asked.json());
    let received = asked.json();
    assert_eq!(received["desired_line"], 500_000);
    // Wednesday noon: under review at once, the result at 18:00.
    assert_eq!(received["status"], "reviewing");
    assert_eq!(received["expected_at"], "2026-01-07T18:00:00");
    // One at a time.
    let again = call(Method::POST, INCREASE)
        .bearer(&token)
        .json(&body)
        .send(&app)
        .await;
    assert_eq!(
        (again.status, again.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "line_refused", "problems": [
                {"field": "desired_line", "rule": "pending_request", "figure": null}
            ]})
        )
    );

    let decided = call(Method::POST, "/api/v1/test/line-reviews")
        .json(&json!({"decision": "approve"}))
        .send(&app)
        .await;
    assert_eq!(
        (decided.status, decided.json()),
        (StatusCode::OK, json!({"decided": 1}))
    );
    let read = call(Method::GET, LINE)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(read["line"], 500_000);
    assert_eq!(read["request"]["status"], "approved");
    let summary = call(Method::GET, SUMMARY)
        .bearer(&token)
        .send(&app)
        .await
        .json();
    assert_eq!(summary["credit_line"], 500_000);
    assert_eq!(summary["line_review"], "approved");

    // A proof is needed over 500,000 yen.
    let big = json!({
        "desired_line": "800000", "annual_income": "3000000", "other_borrowing": "0",
        "employment": "regular", "employer": "見本商事", "years_employed": "3"
    });
    let refused = call(Method::POST, INCREASE)
        .bearer(&token)
        .json(&big)
        .send(&app)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json()["problems"][0]["field"], "income_proof");

    // A decrease below the balance (none here: down to one unit) works at once.
    let lowered = call(Method::PUT, LINE)
        .bearer(&token)
        .json(&json!({"line": "10000"}))
        .send(&app)
        .await;
    assert_eq!(lowered.status, StatusCode::OK, "{:?}", lowered.json());
    assert_eq!(lowered.json()["line"], 10_000);
    let mails = call(Method::GET, MAILBOX).send(&app).await.json();
    let subjects: Vec<&str> = mails
        .as_array()
        .map(|m| m.iter().filter_map(|x| x["subject"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        subjects,
        [
            "限度額変更のお申込み受付のお知らせ",
            "限度額変更の審査開始のお知らせ",
            "限度額変更の審査結果のお知らせ",
            "ご利用限度額変更（減額）のお知らせ"
        ]
    );
}

// ---- settings: address, employer, prepaid card ----

const PROFILE: &str = "/api/v1/profile";
const PROFILE_ADDRESS: &str = "/api/v1/profile/address";
const PROFILE_EMPLOYER: &str = "/api/v1/profile/employer";
const PROFILE_PREPAID_CARD: &str = "/api/v1/profile/prepaid-card";

/// The notices in the mailbox whose subject is `subject`.
async fn notices(app: &axum::Router, subject: &str) -> Vec<Value> {
    let mails = call(Method::GET, MAILBOX).send(app).await.json();
    mails
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["subject"] == subject)
        .cloned()
        .collect()
}

#[tokio::test]
async fn an_address_is_refused_field_by_field_then_changed_once() {
    let app = router(true);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let address = |city: &str| {
        json!({
            "postal_code": "１００－０００５", "prefecture": 13, "city": city,
            "street": "丸の内１－２－３", "building": "",
        })
    };
    let refused = call(Method::PUT, PROFILE_ADDRESS)
        .bearer(&token)
        .json(&json!({
            "postal_code": "100", "prefecture": 0, "city": " ",
            "street": "丸の内１－２－３", "building": "<b>",
        }))
        .send(&app)
        .await;
    assert_eq!(
        (refused.status, refused.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "profile_refused", "problems": [
                {"field": "postal_code", "error": "length"},
                {"field": "prefecture", "error": "required"},
                {"field": "city", "error": "required"},
                {"field": "building", "error": "forbidden_character"},
            ]})
        )
    );
    let unreadable_prefecture = call(Method::PUT, PROFILE_ADDRESS)
        .bearer(&token)
        .json(&json!({
            "postal_code": "100-0005", "prefecture": "13", "city": "千代田区",
            "street": "丸の内１－２－３", "building": "",
        }))
        .send(&app)
        .await;
    assert_eq!(
        (unreadable_prefecture.status, unreadable_prefecture.json()),
        (StatusCode::BAD_REQUEST, unreadable())
    );

    let changed = call(Method::PUT, PROFILE_ADDRESS)
        .bearer(&token)
        .json(&address("千代田区"))
        .send(&app)
        .await;
    let registered = json!({
        "postal_code": "100-0005", "prefecture": 13, "city": "千代田区",
        "street": "丸の内１－２－３", "building": null,
    });
    assert_eq!(
        (changed.status, changed.json()),
        (
            StatusCode::OK,
            json!({"address": registered, "changed": true})
        )
    );
    // Sent again (a retry): nothing changes and nothing more is mailed.
    let again = call(Method::PUT, PROFILE_ADDRESS)
        .bearer(&token)
        .json(&address("千代田区"))
        .send(&app)
        .await;
    assert_eq!(again.json()["changed"], false);
    let profile = call(Method::GET, PROFILE).bearer(&token).send(&app).await;
    assert_eq!(profile.json()["address"], registered);
    let mails = notices(&app, "ご住所変更のお知らせ").await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0]["to"], "demo0001@example.com");
}

#[tokio::test]
async fn employer_and_prepaid_card_are_checked_and_the_card_kept_masked() {
    let app = router(true);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let employer = call(Method::PUT, PROFILE_EMPLOYER)
        .bearer(&token)
        .json(&json!({"name": "株式会社サンプル商事", "phone": "090-1234-567", "department": ""}))
        .send(&app)
        .await;
    assert_eq!(
        (employer.status, employer.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "profile_refused", "problems": [{"field": "employer_phone", "error": "length"}]})
        )
    );
    let employer = call(Method::PUT, PROFILE_EMPLOYER)
        .bearer(&token)
        .json(&json!({"name": "株式会社サンプル商事", "phone": "(03)1234-5678", "department": "営業部"}))
        .send(&app)
        .await;
    assert_eq!(
        (employer.status, employer.json()),
        (
            StatusCode::OK,
            json!({"employer": {"name": "株式会社サンプル商事", "phone": "0312345678", "department": "営業部"}, "changed": true})
        )
    );

    let card = |number: &str| {
        call(Method::PUT, PROFILE_PREPAID_CARD)
            .bearer(&token)
            .json(&json!({ "number": number }))
    };
    let luhn = card("4111 1111 1111 1112").send(&app).await;
    assert_eq!(
        (luhn.status, luhn.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "profile_refused", "problems": [{"field": "prepaid_card", "error": "checksum"}]})
        )
    );
    let ok = card("4111 1111 1111 1111").send(&app).await;
    assert_eq!(
        (ok.status, ok.json()),
        (
            StatusCode::OK,
            json!({"masked": "**** **** **** 1111", "changed": true})
        )
    );
    let profile = call(Method::GET, PROFILE).bearer(&token).send(&app).await;
    assert_eq!(profile.json()["prepaid_card"], "**** **** **** 1111");
    assert!(!profile.json().to_string().contains("4111111111111111"));
    let mails = notices(&app, "VISAプリペイドカード番号登録のお知らせ").await;
    assert_eq!(mails.len(), 1);
    assert!(!mails[0].to_string().contains("41111111"));
    assert_eq!(notices(&app, "お勤め先変更のお知らせ").await.len(), 1);

    // Without a session, nothing is looked at.
    let anonymous = call(Method::PUT, PROFILE_PREPAID_CARD)
        .json(&json!({"number": "4111111111111111"}))
        .send(&app)
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

// ---- e-mail address, WEB-ID and password (SPEC S12) ----

#[tokio::test]
async fn the_e_mail_address_changes_with_the_code_mailed_to_the_new_one() {
    const CODES: &str = "/api/v1/profile/email/codes";
    const EMAIL: &str = "/api/v1/profile/email";
    let app = router(true);
    let token = sign_in(&app, &web_id("newmember01", "Welcome2024")).await;
    let no_session = call(Method::POST, CODES)
        .json(&json!({"email": "hanako@example.jp"}))
        .send(&app)
        .await;
    assert_eq!(no_session.status, StatusCode::UNAUTHORIZED);
    let same = call(Method::POST, CODES)
        .bearer(&token)
        .json(&json!({"email": "NewMember01@example.com"}))
        .send(&app)
        .await;
    assert_eq!(
        (same.status, same.json()),
        (
            StatusCode::BAD_REQUEST,
            json!({"code": "invalid_input", "problems": [{"field": "Email", "error": "SameAsCurrent"}]})
        )
    );
    let sent = call(Method::POST, CODES)
        .bearer(&token)
        .json(&json!({"email": "hanako@example.jp"}))
        .send(&app)
        .await;
    assert_eq!(sent.status, StatusCode::ACCEPTED);
    let challenge = sent.json()["challenge"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mails = call(Method::GET, MAILBOX).send(&app).await.json();
    assert_eq!(
        mails
            .as_array()
            .and_then(|m| m.last())
            .map(|m| m["to"].clone()),
        Some(json!("hanako@example.jp"))
    );
    let code = mailed_code(&app).await;
    let confirm = |code: &str| {
        call(Method::PUT, EMAIL)
            .bearer(&token)
            .json(&json!({"challenge": challenge, "code": code}))
    };
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let refused = confirm(wrong).send(&app).await;
    assert_eq!(
        (refused.status, refused.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "code_refused", "tries_left": 4})
        )
    );
    let done = confirm(&code).send(&app).await;
    assert_eq!(
        (done.status, done.json()),
        (
            StatusCode::OK,
            json!({"email": "hanako@example.jp", "previous": "newmember01@example.com"})
        )
    );
    // A retry of the same request (its answer lost) answers the same; any
    // other code finds the request used up.
    let again = confirm(&code).send(&app).await;
    assert_eq!((again.status, again.json()), (done.status, done.json()));
    let other = confirm(wrong).send(&app).await;
    assert_eq!(
        (other.status, other.json()),
        (
            StatusCode::GONE,
            json!({"code": "code_ended", "why": "unknown"})
        )
    );
    let profile = call(Method::GET, "/api/v1/profile")
        .bearer(&token)
        .send(&app)
        .await;
    assert_eq!(profile.json()["email"], "hanako@example.jp");
    let mails = call(Method::GET, MAILBOX).send(&app).await.json();
    let to = |address: &str| {
        mails
            .as_array()
            .into_iter()
            .flatten()
            .filter(|m| m["to"] == address)
            .count()
    };
    assert_eq!(
        to("newmember01@example.com"),
        1,
        "the notice to the old address"
    );
    assert_eq!(to("hanako@example.jp"), 2, "the code and the notice");
}

#[tokio::test]
async fn the_password_changes_over_http_and_a_wrong_current_one_counts() {
    const LOGIN: &str = "/api/v1/profile/login";
    let app = router(true);
    let token = sign_in(&app, &web_id("overdue01", "Overdue2024")).await;
    let change = |current: &str, password: &str| {
        call(Method::PUT, LOGIN)
            .bearer(&token)
            .json(&json!({"current_secret": current, "web_id": "overdue01", "password": password}))
    };
    let wrong = change("Wrong2024x", "Newpass2026").send(&app).await;
    assert_eq!(
        (wrong.status, wrong.json()),
        (
            StatusCode::BAD_REQUEST,
            json!({"code": "invalid_input", "problems": [{"field": "CurrentPassword", "error": "Incorrect"}]})
        )
    );
    let done = change("Overdue2024", "Newpass2026").send(&app).await;
    assert_eq!(
        (done.status, done.json()),
        (
            StatusCode::OK,
            json!({"web_id": "overdue01", "previous_web_id": "overdue01", "password_changed": true})
        )
    );
    let old = call(Method::POST, SESSIONS)
        .json(&web_id("overdue01", "Overdue2024"))
        .send(&app)
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    sign_in(&app, &web_id("overdue01", "Newpass2026")).await;

    // Wrong current passwords lock the account at its threshold (3 to 5)
    // and end the session: 423, then 401.
    let mut answers = Vec::new();
    for n in 0..5 {
        let guess = format!("Wrong{n}x24");
        answers.push(change(&guess, "Other2026x").send(&app).await.status);
    }
    let locked_at = answers
        .iter()
        .position(|s| *s == StatusCode::LOCKED)
        .unwrap_or_else(|| panic!("never locked: {answers:?}"));
    assert!((2..=4).contains(&locked_at), "{answers:?}");
    assert!(answers[..locked_at]
        .iter()
        .all(|s| *s == StatusCode::BAD_REQUEST));
    assert!(answers[locked_at + 1..]
        .iter()
        .all(|s| *s == StatusCode::UNAUTHORIZED));
    let locked = call(Method::POST, SESSIONS)
        .json(&web_id("overdue01", "Newpass2026"))
        .send(&app)
        .await;
    assert_eq!(locked.status, StatusCode::LOCKED);
}

#[tokio::test]
async fn a_card_member_adds_a_web_id_over_http_and_signs_in_with_it() {
    let app = router(true);
    let token = sign_in(&app, &card("1234567890", "1234")).await;
    let added = call(Method::PUT, "/api/v1/profile/login")
        .bearer(&token)
        .json(&json!({"current_secret": "1234", "web_id": "Demo0001", "password": "Hanako2026"}))
        .send(&app)
        .await;
    assert_eq!(
        (added.status, added.json()),
        (StatusCode::CONFLICT, json!({"code": "web_id_taken"}))
    );
    let added = call(Method::PUT, "/api/v1/profile/login")
        .bearer(&token)
        .json(&json!({"current_secret": "1234", "web_id": "hanako2026", "password": "Hanako2026"}))
        .send(&app)
        .await;
    assert_eq!(
        (added.status, added.json()),
        (
            StatusCode::OK,
            json!({"web_id": "hanako2026", "previous_web_id": null, "password_changed": true})
        )
    );
    sign_in(&app, &web_id("hanako2026", "Hanako2026")).await;
    sign_in(&app, &card("1234567890", "1234")).await;
}
