//! The router: every operation of `openapi/openapi.yaml`, the optional test
//! controls, the JSON 404 for unknown API paths and, optionally, the built
//! app's static files on the same origin.

use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{HeaderValue, CACHE_CONTROL};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post, put};
use axum::{Json, Router};
use fake_lender::Lender;
use portal_api::{
    AccountSummary, BackendError, HistoryPage, HistoryQuery, RepaidBorrowing, RepaidQuery,
    SignInRequest, SignedIn, UnscheduledMaintenance,
};
use serde::{Deserialize, Serialize};
use std::any::Any;
use std::path::Path;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::{self, ApiError};
use crate::extract::{ApiJson, ApiQuery, Bearer, Now};
use crate::state::{fresh_entropy, AppState, Config};

/// The largest request body read; sign-in bodies are a few dozen bytes, so
/// this is generous while keeping a hostile client from filling memory.
pub const BODY_LIMIT_BYTES: usize = 16 * 1024;

/// The body of `GET /api/v1/maintenance` (and the shape `PUT
/// /api/v1/test/maintenance` accepts, read strictly by `DeclareMaintenance`).
///
/// It wraps the optional window in an object, rather than sending a bare
/// `null`, so the answer can grow more fields without breaking clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaintenanceNotice {
    pub unscheduled: Option<UnscheduledMaintenance>,
}

/// Builds the whole application.
///
/// `dist` is the built portal; when given, every non-API path that is not a
/// file falls back to its `index.html` so client-side routes survive a reload.
pub fn app(config: &Config, dist: Option<&Path>) -> Router {
    let state = AppState::new(config);
    let mut api = Router::new()
        .route("/api/v1/sessions", post(sign_in))
        .route("/api/v1/sessions/current", delete(sign_out))
        .route("/api/v1/sessions/current/keep-alive", post(keep_alive))
        .route("/api/v1/account/summary", get(account_summary))
        .route("/api/v1/account/history", get(account_history))
        .route(
            "/api/v1/account/repaid-borrowings",
            get(account_repaid_borrowings),
        )
        .route("/api/v1/maintenance", get(maintenance));
    if config.test_controls {
        api = api
            .route("/api/v1/test/reset", post(test_reset))
            .route("/api/v1/test/maintenance", put(test_set_maintenance));
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

/// `POST /api/v1/sessions`.
async fn sign_in(
    State(state): State<AppState>,
    Now(now): Now,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<(StatusCode, Json<SignedIn>), ApiError> {
    let mut lender = state.lender().lock().await;
    let signed_in = lender.sign_in(&request, now)?;
    Ok((StatusCode::CREATED, Json(signed_in)))
}

/// `DELETE /api/v1/sessions/current`. Signing out of a session that already
/// ended succeeds, so a client may retry it freely.
async fn sign_out(State(state): State<AppState>, Bearer(token): Bearer) -> StatusCode {
    state.lender().lock().await.sign_out(&token);
    StatusCode::NO_CONTENT
}

/// `POST /api/v1/sessions/current/keep-alive`.
async fn keep_alive(
    State(state): State<AppState>,
    Now(now): Now,
    Bearer(token): Bearer,
) -> Result<StatusCode, ApiError> {
    state.lender().lock().await.touch(&token, now)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/account/summary`.
async fn account_summary(
    State(state): State<AppState>,
    Now(now): Now,
    Bearer(token): Bearer,
) -> Result<Json<AccountSummary>, ApiError> {
    let summary = state.lender().lock().await.account_summary(&token, now)?;
    Ok(Json(summary))
}

/// `GET /api/v1/account/history`: one page of the member's ledger, newest
/// first, filtered by the query string.
async fn account_history(
    State(state): State<AppState>,
    Now(now): Now,
    Bearer(token): Bearer,
    ApiQuery(query): ApiQuery<HistoryQuery>,
) -> Result<Json<HistoryPage>, ApiError> {
    let page = state.lender().lock().await.history(&token, now, &query)?;
    Ok(Json(page))
}

/// `GET /api/v1/account/repaid-borrowings`: every borrowing the member has
/// repaid in full, newest first, with the days it took.
async fn account_repaid_borrowings(
    State(state): State<AppState>,
    Now(now): Now,
    Bearer(token): Bearer,
    ApiQuery(query): ApiQuery<RepaidQuery>,
) -> Result<Json<Vec<RepaidBorrowing>>, ApiError> {
    let repaid = state
        .lender()
        .lock()
        .await
        .repaid_borrowings(&token, now, query)?;
    Ok(Json(repaid))
}

/// `GET /api/v1/maintenance`: public, because the sign-in page needs it.
async fn maintenance(State(state): State<AppState>) -> Json<MaintenanceNotice> {
    let unscheduled = state.lender().lock().await.unscheduled_maintenance();
    Json(MaintenanceNotice { unscheduled })
}

/// `POST /api/v1/test/reset`: a freshly seeded lender as of the request's
/// clock, with fresh token entropy so old tokens cannot reappear.
async fn test_reset(State(state): State<AppState>, Now(now): Now) -> Result<StatusCode, ApiError> {
    let entropy = fresh_entropy().map_err(|_| ApiError(BackendError::Server))?;
    *state.lender().lock().await = Lender::seeded(now, entropy);
    Ok(StatusCode::NO_CONTENT)
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
    ApiJson(body): ApiJson<DeclareMaintenance>,
) -> Result<StatusCode, ApiError> {
    let unscheduled = match body.unscheduled {
        None => None,
        Some(fields) => Some(declared_window(fields).ok_or_else(ApiError::unreadable)?),
    };
    state
        .lender()
        .lock()
        .await
        .set_unscheduled_maintenance(unscheduled);
    Ok(StatusCode::NO_CONTENT)
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
