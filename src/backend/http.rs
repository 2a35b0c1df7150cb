//! The HTTP backend: the lender's JSON API (`openapi/openapi.yaml`) over
//! gloo-net. Every failure becomes a `BackendError`: request timeouts abort
//! through an `AbortController`, network failures are `Offline`, bodies the
//! portal cannot read are `Malformed`. Only idempotent reads are retried.

use super::{Backend, BackendResult, LocalFuture};
use crate::browser;
use gloo_net::http::{Method, RequestBuilder};
use portal_api::{
    AccountSummary, BackendError, HistoryPage, HistoryQuery, MaintenanceStatus, RepaidBorrowing,
    RepaidQuery, SignInRequest, SignedIn, UnscheduledMaintenance,
};
use serde::de::DeserializeOwned;
use std::cell::Cell;
use std::rc::Rc;

pub struct HttpBackend {
    base_url: String,
    timeout_ms: u32,
    /// Test suites fake the page's clock; with this on (only ever in a test
    /// configuration) each request tells a test-mode server the page's time.
    test_clock: bool,
}

/// What a request sends.
struct Call<'a> {
    method: Method,
    path: &'a str,
    token: Option<&'a str>,
    body: Option<String>,
}

impl HttpBackend {
    pub fn new(base_url: &str, timeout_ms: u32, test_clock: bool) -> Self {
        HttpBackend {
            base_url: base_url.trim_end_matches('/').to_owned(),
            timeout_ms,
            test_clock,
        }
    }

    /// Sends one request and returns its status and body text.
    async fn send(&self, call: &Call<'_>) -> Result<(u16, String), BackendError> {
        let controller = web_sys::AbortController::new().map_err(|_| BackendError::Offline)?;
        let signal = controller.signal();
        let mut builder = RequestBuilder::new(&format!("{}{}", self.base_url, call.path))
            .method(call.method.clone())
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        if let Some(token) = call.token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        if self.test_clock {
            builder = builder.header(
                "X-Test-Now",
                &browser::now_utc().timestamp_millis().to_string(),
            );
        }
        let request = match &call.body {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json.as_str()),
            None => builder.build(),
        }
        .map_err(|_| BackendError::Malformed)?;

        // A timer aborts the fetch when it takes too long; the flag tells an
        // abort from a network failure. The timer is a plain JS promise, so
        // no Rust closure can outlive the request (the page clock may jump).
        let finished = Rc::new(Cell::new(false));
        let timed_out = Rc::new(Cell::new(false));
        {
            let (finished, timed_out) = (Rc::clone(&finished), Rc::clone(&timed_out));
            let ms = self.timeout_ms;
            wasm_bindgen_futures::spawn_local(async move {
                browser::sleep_ms(ms).await;
                if !finished.get() {
                    timed_out.set(true);
                    controller.abort();
                }
            });
        }
        let response = request.send().await;
        finished.set(true);
        let response = match response {
            Ok(r) => r,
            Err(_) if timed_out.get() => return Err(BackendError::Timeout),
            Err(_) => return Err(BackendError::Offline),
        };
        let status = response.status();
        let text = response.text().await.map_err(|_| {
            if timed_out.get() {
                BackendError::Timeout
            } else {
                BackendError::Offline
            }
        })?;
        Ok((status, text))
    }

    /// A read (`GET`, retried once if it fails transiently), signed in when
    /// a token is given.
    async fn get<T: DeserializeOwned>(&self, path: &str, token: Option<&str>) -> BackendResult<T> {
        let call = Call {
            method: Method::GET,
            path,
            token,
            body: None,
        };
        self.call(call, true).await
    }

    /// Sends a request and reads its answer as `T`, or as the contract's
    /// error body.
    async fn call<T: DeserializeOwned>(&self, call: Call<'_>, retry: bool) -> BackendResult<T> {
        let mut result = self.send(&call).await;
        // A read may be repeated safely; a write never is.
        if retry && matches!(&result, Err(e) if e.is_transient()) {
            browser::sleep_ms(400).await;
            result = self.send(&call).await;
        }
        let (status, text) = result?;
        if (200..300).contains(&status) {
            let body = if text.is_empty() {
                "null"
            } else {
                text.as_str()
            };
            return serde_json::from_str(body).map_err(|_| BackendError::Malformed);
        }
        Err(error_from(status, &text))
    }
}

/// The contract's error body, or the best reading of the status when the
/// body is not one.
fn error_from(status: u16, text: &str) -> BackendError {
    match serde_json::from_str::<BackendError>(text) {
        // Client-side classes never come from a server; treat them as a fault.
        Ok(BackendError::Offline | BackendError::Timeout | BackendError::Malformed) => {
            BackendError::Server
        }
        Ok(e) => e,
        Err(_) => match status {
            401 => BackendError::NotSignedIn,
            500..=599 => BackendError::Server,
            _ => BackendError::Malformed,
        },
    }
}

impl Backend for HttpBackend {
    fn sign_in(&self, request: SignInRequest) -> LocalFuture<'_, BackendResult<SignedIn>> {
        Box::pin(async move {
            let body = serde_json::to_string(&request).map_err(|_| BackendError::Malformed)?;
            let call = Call {
                method: Method::POST,
                path: "/sessions",
                token: None,
                body: Some(body),
            };
            self.call(call, false).await
        })
    }

    fn sign_out(&self, token: String) -> LocalFuture<'_, BackendResult<()>> {
        Box::pin(async move {
            let call = Call {
                method: Method::DELETE,
                path: "/sessions/current",
                token: Some(&token),
                body: None,
            };
            self.call::<()>(call, true).await
        })
    }

    fn keep_alive(&self, token: String) -> LocalFuture<'_, BackendResult<()>> {
        Box::pin(async move {
            let call = Call {
                method: Method::POST,
                path: "/sessions/current/keep-alive",
                token: Some(&token),
                body: None,
            };
            self.call::<()>(call, true).await
        })
    }

    fn account_summary(&self, token: String) -> LocalFuture<'_, BackendResult<AccountSummary>> {
        Box::pin(async move { self.get("/account/summary", Some(&token)).await })
    }

    fn history(
        &self,
        token: String,
        query: HistoryQuery,
    ) -> LocalFuture<'_, BackendResult<HistoryPage>> {
        Box::pin(async move {
            let path = format!("/account/history?{}", query.to_query_string());
            self.get(&path, Some(&token)).await
        })
    }

    fn repaid_borrowings(
        &self,
        token: String,
        query: RepaidQuery,
    ) -> LocalFuture<'_, BackendResult<Vec<RepaidBorrowing>>> {
        Box::pin(async move {
            let path = format!("/account/repaid-borrowings?{}", query.to_query_string());
            self.get(&path, Some(&token)).await
        })
    }

    fn unscheduled_maintenance(
        &self,
    ) -> LocalFuture<'_, BackendResult<Option<UnscheduledMaintenance>>> {
        Box::pin(async move {
            self.get::<MaintenanceStatus>("/maintenance", None)
                .await
                .map(|m| m.unscheduled)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_map_to_their_class() {
        assert_eq!(
            error_from(423, r#"{"code":"locked"}"#),
            BackendError::Locked
        );
        assert_eq!(error_from(401, "not json"), BackendError::NotSignedIn);
        assert_eq!(
            error_from(502, "<html>bad gateway</html>"),
            BackendError::Server
        );
        assert_eq!(error_from(418, "teapot"), BackendError::Malformed);
        assert_eq!(
            error_from(500, r#"{"code":"offline"}"#),
            BackendError::Server
        );
    }
}
