//! Helpers shared by the integration tests: a pinned clock, the router built
//! in-process, one-shot requests, and a real listener on 127.0.0.1:0.
//!
//! Each test binary uses a different subset, so unused helpers are allowed.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use portal_server::{app, Clock, Config};
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::Arc;
use tower::ServiceExt;

/// Wednesday 2026-01-07 12:00 JST (03:00 UTC): outside every maintenance
/// window, so tests on the pinned clock never depend on when they run.
pub const WEDNESDAY_NOON_JST_MS: i64 = 1_767_754_800_000;

/// Monday 2026-01-05 03:00 JST, inside the weekly 00:00–07:00 window.
pub const MONDAY_3AM_JST_MS: i64 = 1_767_549_600_000;

pub fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default()
}

/// A clock stuck at one instant.
pub fn fixed_clock(ms: i64) -> Clock {
    let at = instant(ms);
    Arc::new(move || at)
}

/// The router on a clock pinned to Wednesday noon JST.
pub fn router(test_controls: bool) -> Router {
    let config = Config {
        test_controls,
        clock: fixed_clock(WEDNESDAY_NOON_JST_MS),
        entropy: 0x5eed_1234_abcd_0001,
    };
    app(&config, None)
}

/// What a test looks at in a response.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON; `Value::Null` when it is empty or not JSON, which
    /// the assertions then report.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A request built up step by step and sent with `tower::ServiceExt::oneshot`.
pub struct Call {
    method: Method,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
}

pub fn call(method: Method, path: &str) -> Call {
    Call {
        method,
        path: path.to_owned(),
        headers: Vec::new(),
        body: None,
    }
}

impl Call {
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn bearer(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    pub fn now(self, ms: i64) -> Self {
        self.header("x-test-now", &ms.to_string())
    }

    pub fn json(self, value: &Value) -> Self {
        self.raw("application/json", value.to_string().into_bytes())
    }

    pub fn raw(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.headers
            .push(("content-type".to_owned(), content_type.to_owned()));
        self.body = Some(body);
        self
    }

    pub async fn send(self, router: &Router) -> Reply {
        let mut builder = Request::builder().method(self.method).uri(&self.path);
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        let request = builder
            .body(Body::from(self.body.unwrap_or_default()))
            .unwrap_or_else(|e| panic!("test built a bad request: {e}"));
        let response = router
            .clone()
            .oneshot(request)
            .await
            .unwrap_or_else(|e| match e {});
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map(|b| b.to_bytes().to_vec())
            .unwrap_or_default();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }
}

pub fn card(card_number: &str, pin: &str) -> Value {
    serde_json::json!({ "method": "card", "card_number": card_number, "pin": pin })
}

pub fn web_id(web_id: &str, password: &str) -> Value {
    serde_json::json!({ "method": "web_id", "web_id": web_id, "password": password })
}

/// Signs in and returns the token, failing the test otherwise.
pub async fn sign_in(router: &Router, body: &Value) -> String {
    let reply = call(Method::POST, "/api/v1/sessions")
        .json(body)
        .send(router)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.json());
    reply.json()["token"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no token in {:?}", reply.json()))
}

/// Serves the router on a real loopback socket and returns its address.
pub async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap_or_else(|e| panic!("cannot bind loopback: {e}"));
    let address = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("no local address: {e}"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    address
}
