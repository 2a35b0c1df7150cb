//! How a `BackendError` becomes an HTTP response: the status code the API
//! document promises and the error's own serde form as the JSON body.

use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use portal_api::BackendError;

/// A failed request. Handlers return it so that every error, whatever its
/// source, is written the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError(pub BackendError);

impl From<BackendError> for ApiError {
    fn from(error: BackendError) -> Self {
        ApiError(error)
    }
}

impl ApiError {
    /// The contract's answer to any request body or header the server could
    /// not read: invalid input with no field-level detail, because the
    /// problem is the request's shape rather than one form field.
    pub fn unreadable() -> Self {
        ApiError(BackendError::InvalidInput {
            problems: Vec::new(),
        })
    }
}

/// The status each error is sent with; `openapi/openapi.yaml` lists the same
/// pairs and a contract test keeps the two in step.
///
/// The client-only variants (`offline`, `timeout`, `malformed`) describe
/// failures a client observes, so a server sending one would be a bug; they
/// are answered as a plain server error rather than leaked onto the wire.
pub fn status_for(error: &BackendError) -> StatusCode {
    match error {
        BackendError::InvalidInput { .. } => StatusCode::BAD_REQUEST,
        BackendError::AmountRefused { .. } | BackendError::PayeeRefused { .. } => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        BackendError::NoPayeeAccount | BackendError::IdempotencyConflict => StatusCode::CONFLICT,
        BackendError::NotFound => StatusCode::NOT_FOUND,
        BackendError::CodeRefused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        BackendError::CodeEnded { .. } => StatusCode::GONE,
        BackendError::WebIdTaken => StatusCode::CONFLICT,
        BackendError::ExchangeRefused { .. }
        | BackendError::LineRefused { .. }
        | BackendError::ProfileRefused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        BackendError::DocumentRefused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        BackendError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        BackendError::BadCredentials | BackendError::NotSignedIn => StatusCode::UNAUTHORIZED,
        BackendError::Locked => StatusCode::LOCKED,
        BackendError::Suspended => StatusCode::FORBIDDEN,
        BackendError::Maintenance { .. } => StatusCode::SERVICE_UNAVAILABLE,
        BackendError::Server
        | BackendError::Offline
        | BackendError::Timeout
        | BackendError::Malformed => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let error = match self.0 {
            BackendError::Offline | BackendError::Timeout | BackendError::Malformed => {
                BackendError::Server
            }
            other => other,
        };
        let status = status_for(&error);
        // Serialising these plain enums cannot fail, but if it ever did the
        // member must still get the contract's server error, not a panic or
        // axum's plain-text 500. Writing the bytes directly (rather than via
        // `serde_json::Value`) keeps the fields in declaration order.
        match serde_json::to_vec(&error) {
            Ok(body) => (status, [(CONTENT_TYPE, "application/json")], body).into_response(),
            Err(_) => server_error(),
        }
    }
}

/// A fixed JSON body. The three bodies below are constants so that writing
/// them cannot fail, which matters most for the server error itself.
fn fixed_json(status: StatusCode, body: &'static str) -> Response {
    (status, [(CONTENT_TYPE, "application/json")], body).into_response()
}

/// The contract's 500 body.
pub fn server_error() -> Response {
    fixed_json(StatusCode::INTERNAL_SERVER_ERROR, r#"{"code":"server"}"#)
}

/// The body for a path the API does not have. It is not a `BackendError`
/// because a portal built against the document never asks for such a path.
pub fn not_found() -> Response {
    fixed_json(StatusCode::NOT_FOUND, r#"{"code":"not_found"}"#)
}

/// The body for a known API path asked with a method it does not support.
pub fn method_not_allowed() -> Response {
    fixed_json(
        StatusCode::METHOD_NOT_ALLOWED,
        r#"{"code":"method_not_allowed"}"#,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_only_errors_are_sent_as_server_errors() {
        for e in [
            BackendError::Offline,
            BackendError::Timeout,
            BackendError::Malformed,
        ] {
            let response = ApiError(e).into_response();
            assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        }
    }

    #[test]
    fn fixed_bodies_are_the_serde_form_where_one_exists() {
        let server = serde_json::to_string(&BackendError::Server).unwrap_or_default();
        assert_eq!(server, r#"{"code":"server"}"#);
    }
}
