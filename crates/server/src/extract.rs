//! Request extractors whose every rejection is a contract error body, so a
//! client never meets axum's default plain-text rejections.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::Json;
use chrono::{DateTime, Utc};
use portal_api::{BackendError, SessionToken};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::clock::request_now;
use crate::error::ApiError;
use crate::state::AppState;

/// A JSON body. Malformed JSON, a missing or wrong content type, missing
/// fields and an oversized body are all the same thing to a client: a
/// request it must fix, answered as `invalid_input` with no field problems.
///
/// Every body in the API is a JSON object, so anything else is refused
/// before `T` sees it; otherwise serde would accept a struct written as an
/// array (`[null]`), a shape the API document does not allow.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T> FromRequest<AppState> for ApiJson<T>
where
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let Ok(Json(value)) = Json::<Value>::from_request(req, state).await else {
            return Err(ApiError::unreadable());
        };
        if !value.is_object() {
            return Err(ApiError::unreadable());
        }
        serde_json::from_value(value)
            .map(ApiJson)
            .map_err(|_| ApiError::unreadable())
    }
}

/// A query string. Anything serde cannot read into `T` (an unknown name, a
/// date that is not `YYYY-MM-DD`, a negative number) is `invalid_input`
/// with no field problems, like an unreadable JSON body.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(q)| ApiQuery(q))
            .map_err(|_| ApiError::unreadable())
    }
}

/// The session token from `Authorization: Bearer <token>`.
///
/// A missing header, another scheme or an empty token all mean the caller is
/// not signed in, which is exactly what an unknown token means too.
#[derive(Debug)]
pub struct Bearer(pub SessionToken);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(bearer_token)
            .and_then(SessionToken::parse)
            .map(Bearer)
            .ok_or(ApiError(BackendError::NotSignedIn))
    }
}

/// Splits a bearer token out of an `Authorization` value. The scheme name is
/// case-insensitive (RFC 9110 §11.1), the token is not.
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The instant this request happens at (see [`crate::clock`]).
#[derive(Clone, Copy, Debug)]
pub struct Now(pub DateTime<Utc>);

impl FromRequestParts<AppState> for Now {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        request_now(&parts.headers, state.test_controls(), state.real_now())
            .map(Now)
            .map_err(ApiError)
    }
}

#[cfg(test)]
mod tests {
    use super::bearer_token;

    #[test]
    fn reads_bearer_tokens() {
        assert_eq!(bearer_token("Bearer abc"), Some("abc"));
        assert_eq!(bearer_token("bearer  abc "), Some("abc"));
        assert_eq!(bearer_token("Bearer "), None);
        assert_eq!(bearer_token("Bearer"), None);
        assert_eq!(bearer_token("Basic abc"), None);
        assert_eq!(bearer_token(""), None);
    }
}
