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
    for reply in [reset, declare] {
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
    }
    // Nothing was declared: sign-in still works.
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
