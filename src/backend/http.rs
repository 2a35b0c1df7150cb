//! The HTTP backend: the lender's JSON API (`openapi/openapi.yaml`) over
//! gloo-net. Every failure becomes a `BackendError`: request timeouts abort
//! through an `AbortController`, network failures are `Offline`, bodies the
//! portal cannot read are `Malformed`. Every operation of the list goes
//! through `send_op`; only those whose spec allows it are retried.
//!
//! An upload (`send_form_op`) goes through `XMLHttpRequest` instead, the
//! one browser API that reports upload progress: its form becomes a
//! `FormData` (the browser writes the `multipart/form-data` body and its
//! boundary), its `upload.onprogress` events drive the page's progress
//! bar, and it times out when nothing has moved for the configured timeout
//! (a large form on a slow line may take far longer than that in all).

use super::{Backend, BackendResult, LocalFuture, Progress};
use crate::browser;
use gloo_net::http::{Method, RequestBuilder};
use portal_api::ops::{self, Input, OpSpec, IDEMPOTENCY_KEY_HEADER, PORTAL_REQUEST_HEADER};
use portal_api::{BackendError, Form};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Set in `sessionStorage` while this tab holds the lender's session
/// cookie. The cookie is shared by every tab and outlives a closed one; the
/// marker is this tab's alone and ends with it, so a tab that did not sign
/// in (or a closed tab reopened) is not signed in, and a reload is.
const SIGNED_IN_KEY: &str = "portal.http-session";
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
    url: String,
    body: Option<&'a str>,
    /// The same key on the first attempt and its retry.
    idempotency_key: Option<String>,
}

impl HttpBackend {
    pub fn new(base_url: &str, timeout_ms: u32, test_clock: bool) -> Self {
        HttpBackend {
            base_url: base_url.trim_end_matches('/').to_owned(),
            timeout_ms,
            test_clock,
        }
    }

    /// Sends one request and returns its status and body text. The timeout
    /// covers the whole exchange, body included: a body that stalls halfway
    /// is aborted like a request that never answers.
    async fn send_once(&self, call: &Call<'_>) -> Result<(u16, String), BackendError> {
        let controller = web_sys::AbortController::new().map_err(|_| BackendError::Offline)?;
        let signal = controller.signal();
        // The session is the lender's HttpOnly cookie, which the browser
        // sends with same-origin requests; the header marks the request as
        // the portal's own, the only kind the lender accepts the cookie on.
        let mut builder = RequestBuilder::new(&call.url)
            .method(call.method.clone())
            .header("Accept", "application/json")
            .header(PORTAL_REQUEST_HEADER, "1")
            .abort_signal(Some(&signal));
        if let Some(key) = &call.idempotency_key {
            builder = builder.header(IDEMPOTENCY_KEY_HEADER, key);
        }
        if self.test_clock {
            builder = builder.header(
                "X-Test-Now",
                &browser::now_utc().timestamp_millis().to_string(),
            );
        }
        let request = match call.body {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json),
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
        let outcome = async {
            let response = request.send().await.map_err(|_| ())?;
            let status = response.status();
            let text = response.text().await.map_err(|_| ())?;
            Ok::<_, ()>((status, text))
        }
        .await;
        // Only now, with the body read, is the request finished: the timer
        // still aborts a body that stalls after the headers arrived.
        finished.set(true);
        outcome.map_err(|()| {
            if timed_out.get() {
                BackendError::Timeout
            } else {
                BackendError::Offline
            }
        })
    }

    /// Sends one operation of the list: a transient failure is retried
    /// once if the operation may be repeated (`OpSpec::may_retry`: it is
    /// idempotent, or its `Idempotency-Key` makes the retry harmless).
    async fn send_op(
        &self,
        op: &'static OpSpec,
        request: String,
        key: Option<String>,
    ) -> BackendResult<String> {
        if op.ends_session {
            // Forgotten at once: a reload right after sign-out is signed out.
            browser::session_remove(SIGNED_IN_KEY);
        } else if op.session && browser::session_get(SIGNED_IN_KEY).is_none() {
            // This tab never signed in: whatever cookie another tab holds is
            // not its session.
            return Err(BackendError::NotSignedIn);
        }
        let mut url = format!("{}{}", self.base_url, op.path);
        if op.input == Input::Query && !request.is_empty() {
            url.push('?');
            url.push_str(&request);
        }
        let idempotency_key = super::key_for(op, key)?;
        let call = Call {
            method: method_of(op.method),
            url,
            body: (op.input == Input::Json).then_some(request.as_str()),
            idempotency_key,
        };
        let mut result = self.send_once(&call).await;
        if op.may_retry() && matches!(&result, Err(e) if e.is_transient()) {
            browser::sleep_ms(400).await;
            result = self.send_once(&call).await;
        }
        let (status, text) = result?;
        if (200..300).contains(&status) {
            if op.starts_session {
                browser::session_set(SIGNED_IN_KEY, "1");
            }
            return Ok(text);
        }
        let error = error_from(status, &text);
        if error == BackendError::NotSignedIn {
            browser::session_remove(SIGNED_IN_KEY);
        }
        Err(error)
    }
}

impl HttpBackend {
    /// Sends an upload once (never retried by the adapter: see
    /// `Backend::send_form`), with the session checks of `send_op`.
    async fn send_form_op(
        &self,
        op: &'static OpSpec,
        form: Form,
        key: Option<String>,
        progress: Progress,
    ) -> BackendResult<String> {
        if op.session && browser::session_get(SIGNED_IN_KEY).is_none() {
            return Err(BackendError::NotSignedIn);
        }
        let url = format!("{}{}", self.base_url, op.path);
        let key = super::key_for(op, key)?;
        let (status, text) = self.xhr_form(&url, &form, key.as_deref(), progress).await?;
        if (200..300).contains(&status) {
            return Ok(text);
        }
        let error = error_from(status, &text);
        if error == BackendError::NotSignedIn {
            browser::session_remove(SIGNED_IN_KEY);
        }
        Err(error)
    }

    /// One `POST` of `form` through `XMLHttpRequest`: its status and body
    /// text. `Offline` when the connection fails, `Timeout` when nothing
    /// (upload or answer) moved for `timeout_ms`.
    async fn xhr_form(
        &self,
        url: &str,
        form: &Form,
        key: Option<&str>,
        progress: Progress,
    ) -> Result<(u16, String), BackendError> {
        let offline = |_| BackendError::Offline;
        let xhr = web_sys::XmlHttpRequest::new().map_err(offline)?;
        xhr.open_with_async("POST", url, true).map_err(offline)?;
        let mut headers = vec![
            ("Accept", "application/json".to_owned()),
            (PORTAL_REQUEST_HEADER, "1".to_owned()),
        ];
        if let Some(key) = key {
            headers.push((IDEMPOTENCY_KEY_HEADER, key.to_owned()));
        }
        if self.test_clock {
            headers.push((
                "X-Test-Now",
                browser::now_utc().timestamp_millis().to_string(),
            ));
        }
        for (name, value) in &headers {
            xhr.set_request_header(name, value).map_err(offline)?;
        }
        let data = form_data(form)?;

        // Activity: the last time bytes moved either way, for the timeout.
        let last_activity = Rc::new(Cell::new(js_sys::Date::now()));
        let on_upload = {
            let last_activity = Rc::clone(&last_activity);
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                last_activity.set(js_sys::Date::now());
                if e.length_computable() {
                    progress(e.loaded() as u64, e.total() as u64);
                }
            })
        };
        let on_download = {
            let last_activity = Rc::clone(&last_activity);
            Closure::<dyn FnMut()>::new(move || last_activity.set(js_sys::Date::now()))
        };
        let upload = xhr.upload().map_err(offline)?;
        upload.set_onprogress(Some(on_upload.as_ref().unchecked_ref()));
        xhr.set_onprogress(Some(on_download.as_ref().unchecked_ref()));
        // `loadend` follows every ending (load, error, abort, timeout).
        let resolve_slot: Rc<std::cell::RefCell<Option<js_sys::Function>>> = Rc::default();
        let ended = js_sys::Promise::new(&mut |resolve, _reject| {
            *resolve_slot.borrow_mut() = Some(resolve);
        });
        let on_end = {
            let resolve_slot = Rc::clone(&resolve_slot);
            Closure::<dyn FnMut()>::new(move || {
                if let Some(resolve) = resolve_slot.borrow_mut().take() {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            })
        };
        xhr.set_onloadend(Some(on_end.as_ref().unchecked_ref()));

        let finished = Rc::new(Cell::new(false));
        let timed_out = Rc::new(Cell::new(false));
        {
            let (finished, timed_out) = (Rc::clone(&finished), Rc::clone(&timed_out));
            let (xhr, last_activity) = (xhr.clone(), Rc::clone(&last_activity));
            let limit = f64::from(self.timeout_ms);
            wasm_bindgen_futures::spawn_local(async move {
                while !finished.get() {
                    browser::sleep_ms(500).await;
                    if !finished.get() && js_sys::Date::now() - last_activity.get() > limit {
                        timed_out.set(true);
                        let _ = xhr.abort();
                        return;
                    }
                }
            });
        }
        xhr.send_with_opt_form_data(Some(&data)).map_err(offline)?;
        let _ = wasm_bindgen_futures::JsFuture::from(ended).await;
        finished.set(true);
        upload.set_onprogress(None);
        xhr.set_onprogress(None);
        xhr.set_onloadend(None);
        drop((on_upload, on_download, on_end));
        let status = xhr.status().unwrap_or(0);
        if status == 0 {
            return Err(if timed_out.get() {
                BackendError::Timeout
            } else {
                BackendError::Offline
            });
        }
        Ok((
            status,
            xhr.response_text().ok().flatten().unwrap_or_default(),
        ))
    }
}

/// The browser's `FormData` for `form`: text parts as strings, file parts
/// as blobs under their file names (no content type: the lender trusts
/// none).
fn form_data(form: &Form) -> Result<web_sys::FormData, BackendError> {
    let data = web_sys::FormData::new().map_err(|_| BackendError::Offline)?;
    for part in &form.parts {
        let added = match &part.file_name {
            None => data.append_with_str(&part.name, &String::from_utf8_lossy(&part.data)),
            Some(file_name) => {
                let bytes = js_sys::Uint8Array::from(part.data.as_slice());
                let parts = js_sys::Array::of1(&bytes);
                let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)
                    .map_err(|_| BackendError::Offline)?;
                data.append_with_blob_and_filename(&part.name, &blob, file_name)
            }
        };
        added.map_err(|_| BackendError::Offline)?;
    }
    Ok(data)
}

fn method_of(method: ops::Method) -> Method {
    match method {
        ops::Method::Get => Method::GET,
        ops::Method::Post => Method::POST,
        ops::Method::Put => Method::PUT,
        ops::Method::Delete => Method::DELETE,
    }
}

impl Backend for HttpBackend {
    fn send(
        &self,
        op: &'static OpSpec,
        request: String,
        key: Option<String>,
    ) -> LocalFuture<'_, BackendResult<String>> {
        Box::pin(self.send_op(op, request, key))
    }

    fn send_form(
        &self,
        op: &'static OpSpec,
        form: Form,
        key: Option<String>,
        progress: Progress,
    ) -> LocalFuture<'_, BackendResult<String>> {
        Box::pin(self.send_form_op(op, form, key, progress))
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
            // A proxy in front of the lender may refuse a large body with
            // its own page.
            413 => BackendError::TooLarge,
            500..=599 => BackendError::Server,
            _ => BackendError::Malformed,
        },
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
            error_from(
                422,
                r#"{"code":"profile_refused","problems":[{"field":"city","error":"required"}]}"#
            ),
            BackendError::ProfileRefused {
                problems: vec![portal_api::ProfileProblem {
                    field: portal_domain::profile::ProfileField::City,
                    error: portal_api::ProfileRule::Required,
                }],
            }
        );
        assert_eq!(
            error_from(500, r#"{"code":"offline"}"#),
            BackendError::Server
        );
    }
}
