//! The router: every operation of `openapi/openapi.yaml`, the optional test
//! controls, the JSON 404 for unknown API paths and, optionally, the built
//! app's static files on the same origin.

use axum::extract::multipart::{Multipart, MultipartError};
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Request, State};
use axum::http::header::{
    HeaderValue, AUTHORIZATION, CACHE_CONTROL, COOKIE, HOST, ORIGIN, SET_COOKIE,
};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, on, post, put, MethodFilter};
use axum::{Json, Router};
use fake_lender::{serve, Call, Lender, Serve};
use portal_api::ops::{self, Input, Operation};
use portal_api::{BackendError, Form, FormPart, SessionToken, UnscheduledMaintenance};
use serde::Deserialize;
use std::any::Any;
use std::path::Path;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::{self, ApiError};
use crate::extract::{ApiJson, ApiQuery, Bearer, Now};
use crate::faults::{self, FaultInjection, FaultKind};
use crate::state::{fresh_entropy, fresh_token_bytes, AppState, Config};

/// The largest request body read; sign-in bodies are a few dozen bytes, so
/// this is generous while keeping a hostile client from filling memory.
pub const BODY_LIMIT_BYTES: usize = 16 * 1024;

/// The largest body of an `Input::Multipart` operation (a document
/// upload): the largest submission the lender accepts
/// (`portal_domain::documents::MAX_SUBMISSION_BYTES`, 20 MB) plus 64 KiB
/// for the form's boundaries and part headers. A larger body is refused
/// with `413 too_large` as soon as the limit is crossed, before the rest is
/// read; within it, each page's own size and type are the lender's to
/// judge (`422 document_refused`, naming the page).
pub const UPLOAD_BODY_LIMIT_BYTES: usize =
    portal_domain::documents::MAX_SUBMISSION_BYTES + 64 * 1024;

/// The most parts a form may have; more is an unreadable request. A
/// submission needs at most `MAX_PAGES` + 1, and more pages than that still
/// reach the lender, which names the rule.
pub const MAX_FORM_PARTS: usize = 64;

/// Where the operations of `portal_api::ops` live; each spec's path is
/// relative to it.
pub const API_PREFIX: &str = "/api/v1";

/// The body of `GET /api/v1/maintenance` (and the shape `PUT
/// /api/v1/test/maintenance` accepts, read strictly by `DeclareMaintenance`).
/// It is the wire type `MaintenanceStatus` under the document's name.
pub use portal_api::MaintenanceStatus as MaintenanceNotice;

/// Builds the whole application.
///
/// `dist` is the built portal; when given, every non-API path that is not a
/// file falls back to its `index.html` so client-side routes survive a reload.
pub fn app(config: &Config, dist: Option<&Path>) -> Router {
    let state = AppState::new(config);
    let mut api = Router::new();
    macro_rules! register_all {
        ($($op:path),* $(,)?) => {
            $( api = register::<$op>(api); )*
        };
    }
    portal_api::for_each_operation!(register_all);
    if config.test_controls {
        api = api
            .route("/api/v1/test/reset", post(test_reset))
            .route("/api/v1/test/maintenance", put(test_set_maintenance))
            .route(
                "/api/v1/test/faults",
                put(test_set_faults).delete(test_clear_faults),
            )
            .route("/api/v1/test/mailbox", get(test_mailbox))
            .route("/api/v1/test/line-reviews", post(test_decide_reviews));
    }
    let api = api
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(api_method_not_allowed)
        // Tokens and account figures must never sit in a shared cache.
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let api = if config.test_controls {
        api.layer(axum::middleware::from_fn(stall_body))
    } else {
        api
    };
    let router = match dist {
        Some(dir) => crate::assets::service(api, dir),
        None => api.fallback(api_not_found),
    };
    crate::assets::security_headers(router)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        // No handler is meant to panic; if one ever does, the client still
        // gets the contract's server error and the server keeps running.
        .layer(CatchPanicLayer::custom(panic_response))
        .with_state(state)
}

/// The request header that asks for a stalled answer (test controls only).
pub const TEST_STALL_BODY_HEADER: &str = "x-test-stall-body";

/// With test controls, a request carrying `X-Test-Stall-Body` gets a
/// [`stalled`] answer: a test can check that the portal's timeout covers the
/// whole response, not only its headers.
async fn stall_body(request: Request, next: axum::middleware::Next) -> Response {
    let stall = request.headers().contains_key(TEST_STALL_BODY_HEADER);
    let response = next.run(request).await;
    if !stall {
        return response;
    }
    stalled(response).await
}

/// An answer that never completes: its status, headers and the first half
/// of its body, and then nothing more. An answer without a body (a `204`)
/// is withheld whole, since its head alone would complete it.
async fn stalled(response: Response) -> Response {
    use futures_util::StreamExt;
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT_BYTES * 64)
        .await
        .unwrap_or_default();
    if bytes.is_empty() {
        std::future::pending::<()>().await;
    }
    let half = bytes.slice(..bytes.len() / 2);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let first = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(half) });
    let stream = first.chain(futures_util::stream::pending());
    Response::from_parts(parts, axum::body::Body::from_stream(stream))
}

/// Routes one operation of the list to the generic handler.
fn register<Op: Operation>(router: Router<AppState>) -> Router<AppState>
where
    Lender: Serve<Op>,
{
    let filter = match Op::SPEC.method {
        ops::Method::Get => MethodFilter::GET,
        ops::Method::Post => MethodFilter::POST,
        ops::Method::Put => MethodFilter::PUT,
        ops::Method::Delete => MethodFilter::DELETE,
    };
    let path = format!("{API_PREFIX}{}", Op::SPEC.path);
    let route = on(filter, handle::<Op>);
    let route = if Op::SPEC.input == Input::Multipart {
        route.layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT_BYTES))
    } else {
        route
    };
    router.route(&path, route)
}

/// The one handler of every listed operation. With test controls, the
/// request first takes any fault armed by `PUT /api/v1/test/faults` (see
/// [`crate::faults`]); then [`perform`] runs it.
async fn handle<Op: Operation>(State(state): State<AppState>, request: Request) -> Response
where
    Lender: Serve<Op>,
{
    let fault = state.faults().take();
    match fault {
        Some(FaultKind::Offline) => return faults::cut_connection(),
        Some(FaultKind::Server) => return error::server_error(),
        Some(FaultKind::Slow) => tokio::time::sleep(faults::SLOW_DELAY).await,
        Some(FaultKind::Timeout) | None => {}
    }
    let response = perform::<Op>(state, request).await.into_response();
    if fault == Some(FaultKind::Timeout) {
        stalled(response).await
    } else {
        response
    }
}

/// Runs one operation: it reads the session (when the operation needs one)
/// and the request from where the spec says it travels, runs the operation
/// on the locked lender, and answers the spec's status with the reply's
/// JSON (none for `()`). It holds no lender logic.
async fn perform<Op: Operation>(state: AppState, request: Request) -> Result<Response, ApiError>
where
    Lender: Serve<Op>,
{
    let (mut parts, body) = request.into_parts();
    let Now(now) = Now::from_request_parts(&mut parts, &state).await?;
    let portal = is_portal_request(&parts.headers);
    let secure = !is_loopback(&parts.headers);
    let token = if Op::SPEC.session {
        Some(session_token(&mut parts, &state, portal).await?)
    } else {
        None
    };
    // A money movement is refused without its key: a retry could otherwise
    // book it twice.
    let idempotency_key = if Op::SPEC.idempotency_key {
        let key = parts
            .headers
            .get(ops::IDEMPOTENCY_KEY_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Some(key.ok_or_else(ApiError::unreadable)?)
    } else {
        None
    };
    let request: Op::Request = match Op::SPEC.input {
        Input::Nothing => ops::decode_request::<Op>("")?,
        Input::Query => {
            ApiQuery::<Op::Request>::from_request_parts(&mut parts, &state)
                .await?
                .0
        }
        Input::Json => {
            ApiJson::<Op::Request>::from_request(Request::from_parts(parts, body), &state)
                .await?
                .0
        }
        Input::Multipart => {
            let form = read_form(Request::from_parts(parts, body), &state).await?;
            Op::from_form(form)?
        }
    };
    let reply = {
        let mut lender = state.lender().lock().await;
        let mut random = fresh_token_bytes;
        let mut call = Call {
            now,
            session: token.as_ref(),
            random: &mut random,
            idempotency_key: idempotency_key.as_deref(),
        };
        serve::serve::<Op>(&mut lender, &mut call, request)?
    };
    let status = StatusCode::from_u16(Op::SPEC.status).map_err(|_| BackendError::Server)?;
    let mut response = if status == StatusCode::NO_CONTENT {
        status.into_response()
    } else if Op::SPEC.starts_session && portal {
        // The portal gets its session as an HttpOnly cookie, and the body's
        // token as `null`, so no page script ever holds it.
        let mut body = serde_json::to_value(&reply).map_err(|_| BackendError::Server)?;
        let token = body.get_mut("token").map(serde_json::Value::take);
        let Some(serde_json::Value::String(token)) = token else {
            return Err(ApiError(BackendError::Server));
        };
        let mut response = (status, Json(body)).into_response();
        append_cookie(&mut response, &session_cookie(&token, secure))?;
        response
    } else {
        (status, Json(reply)).into_response()
    };
    if Op::SPEC.ends_session && portal {
        append_cookie(&mut response, &session_cookie("", secure))?;
    }
    Ok(response)
}

/// Reads a `multipart/form-data` body into a [`Form`]: each part's name,
/// file name (whether it is a file) and bytes. The content type of each
/// part is not read: nothing the client claims about a file is trusted.
/// A body over the route's limit is `TooLarge`; anything else that is not
/// a readable form (another content type, a broken boundary, more than
/// [`MAX_FORM_PARTS`] parts) is unreadable.
async fn read_form(request: Request, state: &AppState) -> Result<Form, ApiError> {
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|_| ApiError::unreadable())?;
    let too_large_or_unreadable = |e: MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError(BackendError::TooLarge)
        } else {
            ApiError::unreadable()
        }
    };
    let mut form = Form::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(too_large_or_unreadable)?
    {
        if form.parts.len() >= MAX_FORM_PARTS {
            return Err(ApiError::unreadable());
        }
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let data = field.bytes().await.map_err(too_large_or_unreadable)?;
        form.parts.push(FormPart {
            name,
            file_name,
            data: data.to_vec(),
        });
    }
    Ok(form)
}

/// Whether the request is the portal's own (`X-Portal-Request: 1`), which a
/// page on another site cannot send: only such requests get or use the
/// session cookie, so a cross-site form or link never acts as the member.
fn is_portal_request(headers: &HeaderMap) -> bool {
    headers
        .get(ops::PORTAL_REQUEST_HEADER)
        .is_some_and(|v| v.as_bytes() == b"1")
}

/// The session a request presents: its bearer token when it sends
/// `Authorization`, else, on a portal request, the session cookie.
async fn session_token(
    parts: &mut axum::http::request::Parts,
    state: &AppState,
    portal: bool,
) -> Result<SessionToken, ApiError> {
    if parts.headers.contains_key(AUTHORIZATION) || !portal {
        return Ok(Bearer::from_request_parts(parts, state).await?.0);
    }
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == ops::SESSION_COOKIE)
        .and_then(|(_, value)| SessionToken::parse(value))
        .ok_or(ApiError(BackendError::NotSignedIn))
}

/// Whether the request was addressed to this machine by a loopback name,
/// the one case where the cookie may go without `Secure` (plain HTTP on
/// 127.0.0.1 in development and tests).
fn is_loopback(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

/// The `Set-Cookie` value carrying `token`, or clearing the cookie when
/// `token` is empty: `HttpOnly` (no script reads it), `SameSite=Strict` (no
/// other site's request carries it), `Secure` except on loopback, limited
/// to the API's paths, and a session cookie (no expiry) that the lender's
/// idle limit ends anyway.
fn session_cookie(token: &str, secure: bool) -> String {
    let mut cookie = format!(
        "{}={token}; Path={API_PREFIX}; HttpOnly; SameSite=Strict",
        ops::SESSION_COOKIE
    );
    if token.is_empty() {
        cookie.push_str("; Max-Age=0");
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

fn append_cookie(response: &mut Response, cookie: &str) -> Result<(), ApiError> {
    let value = HeaderValue::from_str(cookie).map_err(|_| ApiError(BackendError::Server))?;
    response.headers_mut().append(SET_COOKIE, value);
    Ok(())
}

/// `POST /api/v1/test/reset`: a freshly seeded lender as of the request's
/// clock, with fresh token entropy so old tokens cannot reappear, and no
/// fault pending.
async fn test_reset(
    State(state): State<AppState>,
    headers: HeaderMap,
    Now(now): Now,
) -> Result<Response, ApiError> {
    if !same_site(&headers) {
        return Ok(error::not_found());
    }
    let entropy = fresh_entropy().map_err(|_| ApiError(BackendError::Server))?;
    *state.lender().lock().await = Lender::seeded(now, entropy);
    state.faults().clear();
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `PUT /api/v1/test/faults`: the next `count` requests to API operations
/// fail as `kind` says (see [`crate::faults`]).
async fn test_set_faults(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<FaultInjection>,
) -> Result<Response, ApiError> {
    if !same_site(&headers) {
        return Ok(error::not_found());
    }
    if !body.is_valid() {
        return Err(ApiError::unreadable());
    }
    state.faults().arm(body);
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `DELETE /api/v1/test/faults`: no fault is pending any more.
async fn test_clear_faults(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if !same_site(&headers) {
        return error::not_found();
    }
    state.faults().clear();
    StatusCode::NO_CONTENT.into_response()
}

/// `GET /api/v1/test/mailbox`: the lender's notice e-mails, oldest first.
async fn test_mailbox(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if !same_site(&headers) {
        return error::not_found();
    }
    let lender = state.lender().lock().await;
    Json(lender.mailbox()).into_response()
}

/// The body of `POST /api/v1/test/line-reviews`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewDecisionBody {
    decision: fake_lender::limit::DemoDecision,
}

/// `POST /api/v1/test/line-reviews`: decide every open credit-line review
/// at once, as the demo panel does (SPEC S16); answers how many.
async fn test_decide_reviews(
    State(state): State<AppState>,
    headers: HeaderMap,
    Now(now): Now,
    ApiJson(body): ApiJson<ReviewDecisionBody>,
) -> Result<Response, ApiError> {
    if !same_site(&headers) {
        return Ok(error::not_found());
    }
    let decided = state
        .lender()
        .lock()
        .await
        .decide_reviews(body.decision, now);
    Ok(Json(serde_json::json!({ "decided": decided })).into_response())
}

/// The body of `PUT /api/v1/test/maintenance`, read more strictly than
/// [`MaintenanceNotice`] would be: `unscheduled` must be present (serde would
/// quietly treat a missing `Option` as `null`), no other field is allowed,
/// and the window must be an object with exactly `start` and `end`, exactly
/// as `additionalProperties: false` in the document says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeclareMaintenance {
    #[serde(deserialize_with = "Option::deserialize")]
    unscheduled: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `PUT /api/v1/test/maintenance`.
async fn test_set_maintenance(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<DeclareMaintenance>,
) -> Result<Response, ApiError> {
    if !same_site(&headers) {
        return Ok(error::not_found());
    }
    let unscheduled = match body.unscheduled {
        None => None,
        Some(fields) => Some(declared_window(fields).ok_or_else(ApiError::unreadable)?),
    };
    state
        .lender()
        .lock()
        .await
        .set_unscheduled_maintenance(unscheduled);
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Whether a request may use the test controls: not one a page on another
/// site made. A browser marks every request it sends with `Sec-Fetch-Site`
/// and a cross-origin POST or PUT with `Origin`, and a page cannot forge
/// either; a test runner's own client sends neither. So a request is
/// refused when `Sec-Fetch-Site` says another site (anything but
/// `same-origin` or `none`) or `Origin` names a host other than the one
/// asked (`Host`). Refused controls answer as if they did not exist.
pub fn same_site(headers: &HeaderMap) -> bool {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if let Some(site) = headers.get("sec-fetch-site") {
        if !matches!(site.to_str(), Ok("same-origin" | "none")) {
            return false;
        }
    }
    match headers.get(ORIGIN) {
        None => true,
        Some(origin) => {
            let host = text(HOST);
            let origin_host = origin
                .to_str()
                .ok()
                .and_then(|o| o.split_once("://"))
                .map(|(_, rest)| rest);
            matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
        }
    }
}

/// Reads a declared window, or `None` when it is not one the API can hand
/// back as documented: exactly the two fields, both wall-clock strings, an
/// end after the start (an empty window would be silently ignored by the
/// calendar) and four-digit years, which is all the document's pattern
/// allows.
fn declared_window(
    fields: serde_json::Map<String, serde_json::Value>,
) -> Option<UnscheduledMaintenance> {
    use chrono::Datelike;
    let exact = fields.len() == 2
        && ["start", "end"]
            .iter()
            .all(|name| fields.get(*name).is_some_and(serde_json::Value::is_string));
    if !exact {
        return None;
    }
    let window: UnscheduledMaintenance =
        serde_json::from_value(serde_json::Value::Object(fields)).ok()?;
    let four_digits = |year: i32| (0..=9999).contains(&year);
    let describable = window.start < window.end
        && four_digits(window.start.year())
        && four_digits(window.end.year());
    describable.then_some(window)
}

/// Any path under `/api` that the API does not have.
async fn api_not_found() -> Response {
    error::not_found()
}

/// A known API path asked with the wrong method.
async fn api_method_not_allowed() -> Response {
    error::method_not_allowed()
}

/// Turns a caught panic into the contract's server error. The payload is not
/// echoed because it could contain request data.
fn panic_response(_payload: Box<dyn Any + Send + 'static>) -> Response {
    error::server_error().into_response()
}
