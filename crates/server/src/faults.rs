//! Test controls only: failures injected into the next requests to API
//! operations (`PUT /api/v1/test/faults`), so the browser suite can show
//! what a member sees when the network or the lender lets them down.
//!
//! Only the operations of `portal_api::ops` take a fault (the handler asks
//! for one before it reads anything); test controls, unknown paths and the
//! app's static files never do. Without `--test-controls` nothing can arm a
//! fault, so [`Faults::take`] always answers `None`.

use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::time::Duration;

/// How the next requests fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Not processed; the connection is cut without an answer, so a
    /// browser's `fetch` rejects with a network error.
    Offline,
    /// Not processed; answered `500` `{"code":"server"}`.
    Server,
    /// Processed (a movement is booked), then the answer stalls for good:
    /// the request arrived but its answer was lost.
    Timeout,
    /// Answered normally after [`SLOW_DELAY`].
    Slow,
}

/// The body of `PUT /api/v1/test/faults`, read strictly: both fields, no
/// other, `count` from 1 to [`MAX_FAULT_COUNT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultInjection {
    pub kind: FaultKind,
    pub count: u8,
}

/// The most requests one declaration can make fail.
pub const MAX_FAULT_COUNT: u8 = 20;

/// How late a `slow` answer comes.
pub const SLOW_DELAY: Duration = Duration::from_millis(2_500);

impl FaultInjection {
    /// Whether the declaration is one the document allows.
    pub fn is_valid(&self) -> bool {
        (1..=MAX_FAULT_COUNT).contains(&self.count)
    }
}

/// The faults still pending: one kind, and how many requests it still takes.
#[derive(Debug, Default)]
pub struct Faults(Mutex<Option<(FaultKind, u8)>>);

impl Faults {
    fn with<R>(&self, f: impl FnOnce(&mut Option<(FaultKind, u8)>) -> R) -> R {
        // The lock guards two plain values and is never held across a
        // panic that could leave them half-written, so a poisoned lock's
        // data is still good.
        let mut pending = self.0.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut pending)
    }

    /// Replaces whatever was pending with `injection`.
    pub fn arm(&self, injection: FaultInjection) {
        self.with(|pending| *pending = Some((injection.kind, injection.count)));
    }

    /// Disarms every pending fault.
    pub fn clear(&self) {
        self.with(|pending| *pending = None);
    }

    /// The fault the request arriving now takes, if any, counted off.
    pub fn take(&self) -> Option<FaultKind> {
        self.with(|pending| {
            let (kind, left) = (*pending)?;
            *pending = (left > 1).then(|| (kind, left - 1));
            Some(kind)
        })
    }
}

/// An answer whose body fails before its first byte: hyper then drops the
/// connection without writing the response head, so the client sees the
/// connection cut and no answer at all (a browser's `fetch` rejects). The
/// status is never sent; it is a server error for an in-process caller.
pub fn cut_connection() -> Response {
    let failure = futures_util::stream::once(async {
        Err::<Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "test fault: offline",
        ))
    });
    let mut response = Response::new(Body::from_stream(failure));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_counted_off_one_request_at_a_time() {
        let faults = Faults::default();
        assert_eq!(faults.take(), None);
        faults.arm(FaultInjection {
            kind: FaultKind::Server,
            count: 2,
        });
        assert_eq!(faults.take(), Some(FaultKind::Server));
        assert_eq!(faults.take(), Some(FaultKind::Server));
        assert_eq!(faults.take(), None);
        faults.arm(FaultInjection {
            kind: FaultKind::Slow,
            count: 3,
        });
        faults.arm(FaultInjection {
            kind: FaultKind::Offline,
            count: 1,
        });
        assert_eq!(faults.take(), Some(FaultKind::Offline));
        assert_eq!(faults.take(), None);
        faults.arm(FaultInjection {
            kind: FaultKind::Timeout,
            count: 20,
        });
        faults.clear();
        assert_eq!(faults.take(), None);
    }

    #[test]
    fn declarations_are_read_strictly() {
        let read = |text: &str| {
            serde_json::from_str::<FaultInjection>(text)
                .ok()
                .filter(FaultInjection::is_valid)
        };
        assert_eq!(
            read(r#"{"kind":"timeout","count":1}"#),
            Some(FaultInjection {
                kind: FaultKind::Timeout,
                count: 1
            })
        );
        assert!(read(r#"{"kind":"slow","count":20}"#).is_some());
        for bad in [
            r#"{"kind":"slow","count":0}"#,
            r#"{"kind":"slow","count":21}"#,
            r#"{"kind":"slow","count":300}"#,
            r#"{"kind":"slow","count":-1}"#,
            r#"{"kind":"slow","count":1.5}"#,
            r#"{"kind":"slow"}"#,
            r#"{"count":1}"#,
            r#"{"kind":"lost","count":1}"#,
            r#"{"kind":"slow","count":1,"extra":true}"#,
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
