//! The signed-in session as the portal holds it: in memory only. The token
//! and member data live in signals, never in storage, so a reload or a
//! sign-out leaves nothing of the account behind (SPEC S4).

use crate::backend::{use_backend, Backend, BackendHandle, BackendResult, LocalFuture};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::SignedIn;
use std::future::Future;
use std::rc::Rc;

/// After this long without activity a warning appears (SPEC S4).
pub const IDLE_WARNING_MS: i64 = 9 * 60 * 1000;
/// After this long without activity the member is signed out.
pub const IDLE_LIMIT_MS: i64 = 10 * 60 * 1000;
/// Activity refreshes the lender's session at most this often.
const KEEP_ALIVE_EVERY_MS: i64 = 60 * 1000;

/// The member's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub token: String,
    pub member_name: String,
    pub previous_sign_in: Option<DateTime<Utc>>,
}

/// Why the member is back on the sign-in page; shown there once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOutReason {
    Chosen,
    Idle,
    Expired,
    Maintenance,
}

/// The session and its activity clock, shared through context.
#[derive(Clone, Copy)]
pub struct SessionCtx {
    pub current: RwSignal<Option<Session>>,
    pub notice: RwSignal<Option<SignOutReason>>,
    /// Page time (ms since the epoch) of the member's last activity.
    pub last_activity: RwSignal<i64>,
    last_keep_alive: RwSignal<i64>,
    backend: StoredValue<BackendHandle>,
}

impl SessionCtx {
    pub fn new(backend: BackendHandle) -> Self {
        SessionCtx {
            backend: StoredValue::new(backend),
            current: RwSignal::new(None),
            notice: RwSignal::new(None),
            last_activity: RwSignal::new(0),
            last_keep_alive: RwSignal::new(0),
        }
    }

    pub fn begin(&self, signed_in: SignedIn, now_ms: i64) {
        self.notice.set(None);
        self.last_activity.set(now_ms);
        self.last_keep_alive.set(now_ms);
        self.current.set(Some(Session {
            token: signed_in.token,
            member_name: signed_in.member_name,
            previous_sign_in: signed_in.previous_sign_in,
        }));
    }

    /// Ends the session: forgets every member datum at once, then tells the
    /// lender. Forgetting first means nothing waits on the network.
    pub fn end(&self, reason: SignOutReason) {
        let Some(session) = self.current.get_untracked() else {
            return;
        };
        self.current.set(None);
        self.notice.set(Some(reason));
        let backend = self.backend.get_value().get();
        spawn_local(async move {
            let _ = backend.sign_out(session.token).await;
        });
    }

    /// Records activity; refreshes the lender's session now and then so an
    /// active member is never signed out by the lender.
    pub fn activity(&self, now_ms: i64) {
        self.last_activity.set(now_ms);
        if now_ms - self.last_keep_alive.get_untracked() >= KEEP_ALIVE_EVERY_MS {
            self.keep_alive(now_ms);
        }
    }

    /// Refreshes the lender's session; a refused refresh ends ours.
    pub fn keep_alive(&self, now_ms: i64) {
        let Some(session) = self.current.get_untracked() else {
            return;
        };
        self.last_keep_alive.set(now_ms);
        let backend = self.backend.get_value().get();
        let ctx = *self;
        spawn_local(async move {
            if let Err(portal_api::BackendError::NotSignedIn) =
                backend.keep_alive(session.token).await
            {
                ctx.end(SignOutReason::Expired);
            }
        });
    }
}

pub fn use_session() -> SessionCtx {
    expect_context::<SessionCtx>()
}

/// A read from the lender for the signed-in member, fetched again whenever
/// the session changes. A `NotSignedIn` answer means the lender no longer
/// knows the session, so ours ends too. Every signed-in page loads through
/// this helper or [`member_query_resource`].
pub fn member_resource<T: Clone + 'static>(
    fetch: for<'a> fn(&'a dyn Backend, String) -> LocalFuture<'a, BackendResult<T>>,
) -> LocalResource<BackendResult<T>> {
    member_query_resource(
        || (),
        move |backend, token, ()| async move { fetch(&*backend, token).await },
    )
}

/// Like [`member_resource`], for a read that takes a query: fetched again
/// whenever the session or the query (a reactive closure) changes.
pub fn member_query_resource<Q, T, Fut>(
    query: impl Fn() -> Q + 'static,
    fetch: impl Fn(Rc<dyn Backend>, String, Q) -> Fut + 'static,
) -> LocalResource<BackendResult<T>>
where
    Q: 'static,
    T: Clone + 'static,
    Fut: Future<Output = BackendResult<T>> + 'static,
{
    let backend = use_backend();
    let session = use_session();
    let resource = LocalResource::new(move || {
        let token = session
            .current
            .with(|s| s.as_ref().map(|s| s.token.clone()));
        let fetched = token.map(|token| fetch(backend.get(), token, query()));
        async move {
            match fetched {
                Some(fetched) => fetched.await,
                None => Err(portal_api::BackendError::NotSignedIn),
            }
        }
    });
    Effect::new(move |_| {
        // `with` looks without cloning the value.
        let expired =
            resource.with(|r| matches!(r, Some(Err(portal_api::BackendError::NotSignedIn))));
        if expired {
            session.end(SignOutReason::Expired);
        }
    });
    resource
}
