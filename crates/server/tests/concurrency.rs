//! Concurrent requests over a real loopback socket: the lender's lock must
//! serialise them so that failure counting and sessions stay exact.

mod common;

use common::*;
use portal_server::{app, Config};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::HashMap;
use tokio::task::JoinSet;

const CARD: &str = "1234567890";

async fn server() -> String {
    let config = Config {
        test_controls: false,
        clock: fixed_clock(WEDNESDAY_NOON_JST_MS),
        entropy: 0xdead_beef,
    };
    let address = serve(app(&config, None)).await;
    format!("http://{address}/api/v1")
}

/// Posts a sign-in and returns the status and JSON body.
async fn post_sign_in(client: reqwest::Client, base: String, body: Value) -> (StatusCode, Value) {
    match client
        .post(format!("{base}/sessions"))
        .json(&body)
        .send()
        .await
    {
        Ok(response) => {
            let status = response.status();
            (status, response.json().await.unwrap_or(Value::Null))
        }
        Err(e) => panic!("request failed: {e}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_wrong_pins_lock_at_exactly_the_threshold() {
    let base = server().await;
    let client = reqwest::Client::new();
    let attempts = 20;
    let threshold = usize::from(fake_lender::demo_members()[0].lock_threshold);
    assert_eq!(
        fake_lender::demo_members()[0].login,
        fake_lender::seed::DemoLogin::Card {
            card_number: CARD,
            pin: "1234",
        }
    );

    let mut tasks = JoinSet::new();
    for _ in 0..attempts {
        tasks.spawn(post_sign_in(
            client.clone(),
            base.clone(),
            card(CARD, "0000"),
        ));
    }
    let mut codes: HashMap<String, usize> = HashMap::new();
    while let Some(result) = tasks.join_next().await {
        let (status, body) = result.unwrap_or_else(|e| panic!("task failed: {e}"));
        let code = body["code"].as_str().unwrap_or("?").to_owned();
        let expected_status = match code.as_str() {
            "bad_credentials" => StatusCode::UNAUTHORIZED,
            "locked" => StatusCode::LOCKED,
            other => panic!("unexpected answer {other}: {body}"),
        };
        assert_eq!(status, expected_status);
        *codes.entry(code).or_default() += 1;
    }
    assert_eq!(
        codes.get("bad_credentials").copied().unwrap_or(0),
        threshold - 1,
        "{codes:?}"
    );
    assert_eq!(
        codes.get("locked").copied().unwrap_or(0),
        attempts - (threshold - 1),
        "{codes:?}"
    );

    // The right PIN no longer helps: the account is locked.
    let (status, body) = post_sign_in(client, base, card(CARD, "1234")).await;
    assert_eq!(status, StatusCode::LOCKED, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_members_never_see_each_other() {
    let base = server().await;
    let client = reqwest::Client::new();
    let hanako = (card(CARD, "1234"), "見本 花子");
    let taichi = (web_id("demo0001", "Passw0rd"), "見本 太一");

    let mut sign_ins = JoinSet::new();
    // As many sessions per member as the lender keeps at once.
    for round in 0..2 * fake_lender::MAX_SESSIONS_PER_MEMBER {
        let (body, name) = if round % 2 == 0 { &hanako } else { &taichi };
        let (client, base, body, name) = (client.clone(), base.clone(), body.clone(), *name);
        sign_ins.spawn(async move { (post_sign_in(client, base, body).await, name) });
    }
    let mut sessions = Vec::new();
    while let Some(result) = sign_ins.join_next().await {
        let ((status, body), name) = result.unwrap_or_else(|e| panic!("task failed: {e}"));
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["member_name"], name);
        let token = body["token"].as_str().unwrap_or_default().to_owned();
        sessions.push((token, name));
    }
    let mut tokens: Vec<&str> = sessions.iter().map(|(t, _)| t.as_str()).collect();
    tokens.sort_unstable();
    tokens.dedup();
    assert_eq!(
        tokens.len(),
        sessions.len(),
        "every session has its own token"
    );

    let mut summaries = JoinSet::new();
    for (token, name) in sessions {
        let (client, base) = (client.clone(), base.clone());
        summaries.spawn(async move {
            let response = client
                .get(format!("{base}/account/summary"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap_or_else(|e| panic!("request failed: {e}"));
            let status = response.status();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
                name,
            )
        });
    }
    while let Some(result) = summaries.join_next().await {
        let (status, body, name) = result.unwrap_or_else(|e| panic!("task failed: {e}"));
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(
            body["member_name"], name,
            "a token showed another member's figures"
        );
    }
}
