//! What the transfer and repayment pages share about confirming a money
//! movement so that it happens exactly once (SPEC S8, S9, S16).
//!
//! A page mints an `Idempotency-Key` when the member reaches the step that
//! moves money and keeps it, with what they asked for, in this tab's
//! `sessionStorage` (a [`Draft`]): a double click, a retry and a reload of
//! the confirmation screen all send the same key, and the lender books once.
//! When an attempt ends without an answer (offline, a timeout, a server
//! error: the request may have arrived), [`confirm`] asks the lender what
//! the key booked before anything is offered again, instead of guessing.

use crate::backend::{fresh_key, Backend};
use crate::browser;
use portal_api::ops::{GetMovement, Operation};
use portal_api::{BackendError, Booked, LookupOf, MovementQuery};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A confirmed request in progress: what was asked and its key. It holds
/// no secret (an amount, a bank, a random key).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft<T> {
    pub request: T,
    pub key: String,
}

impl<T: Serialize + DeserializeOwned> Draft<T> {
    /// A new draft with a fresh key; `None` if the browser has no
    /// cryptographic source (then nothing is sent at all).
    pub fn new(request: T) -> Option<Self> {
        fresh_key().map(|key| Draft { request, key })
    }

    /// The draft this tab kept under `name`, if any.
    pub fn load(name: &str) -> Option<Self> {
        browser::session_get(name).and_then(|json| serde_json::from_str(&json).ok())
    }

    pub fn save(&self, name: &str) {
        if let Ok(json) = serde_json::to_string(self) {
            browser::session_set(name, &json);
        }
    }

    pub fn clear(name: &str) {
        browser::session_remove(name);
    }
}

/// How an attempt to move money ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<R> {
    /// Booked: the receipt (perhaps of an earlier attempt with this key).
    Done(R),
    /// The lender refused it; nothing was booked.
    Refused(BackendError),
    /// The attempt failed and the lender says nothing was booked with the
    /// key, so the same request may be sent again.
    NotBooked(BackendError),
    /// The attempt failed and the lender could not be asked either: the
    /// outcome is unknown. Sending again with the same key is still safe.
    Unknown(BackendError),
}

/// What the lender booked under `key` (`GetMovement`), read for the page's
/// own kind of movement (`L`: `TransferLookup` or `RepaymentLookup`).
pub async fn booked<L: LookupOf + 'static>(
    backend: &dyn Backend,
    key: &str,
) -> Result<Booked<L::Receipt>, BackendError> {
    let lookup = backend
        .call_as::<GetMovement, L>(MovementQuery {
            key: key.to_owned(),
        })
        .await?;
    lookup.booked().map_err(|_| BackendError::Malformed)
}

/// Sends `Op` under `key`; on a failure that leaves the outcome open, asks
/// the lender what the key booked (`GetMovement`, read as `L`).
pub async fn confirm<Op, L>(
    backend: &dyn Backend,
    request: Op::Request,
    key: &str,
) -> Outcome<Op::Reply>
where
    Op: Operation,
    L: LookupOf<Receipt = Op::Reply> + 'static,
{
    match backend
        .call_keyed::<Op>(request, Some(key.to_owned()))
        .await
    {
        Ok(reply) => Outcome::Done(reply),
        Err(e) if e.is_transient() => match booked::<L>(backend, key).await {
            Ok(Booked::Mine(reply)) => Outcome::Done(reply),
            Ok(Booked::Other) => Outcome::Refused(BackendError::IdempotencyConflict),
            Ok(Booked::Nothing) => Outcome::NotBooked(e),
            Err(_) => Outcome::Unknown(e),
        },
        Err(e) => Outcome::Refused(e),
    }
}
