//! The signed-in session as the portal holds it: the member's name and
//! previous sign-in in signals, never in storage. The credential itself is
//! the backend adapter's (an `HttpOnly` cookie, or the fake lender's token
//! in `sessionStorage`), so no page code holds a token; a reload in the same
//! tab asks the backend for the current session (`restore`), and sign-out
//! forgets everything at once (SPEC S4).

use crate::backend::{use_backend, Backend, BackendHandle, BackendResult, LocalFuture};
use crate::maintenance::MaintenanceCtx;
use crate::read::{erase, erased_resource, Answer, Fetch, Read};
use chrono::{DateTime, NaiveDateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::ops::{GetCurrentSession, KeepAlive, SignOut};
use portal_api::{BackendError, SignedIn, UnscheduledMaintenance};
use std::future::Future;
use std::rc::Rc;

/// After this long without activity a warning appears (SPEC S4).
pub const IDLE_WARNING_MS: i64 = 9 * 60 * 1000;
/// After this long without activity the member is signed out. The lender
/// waits this plus [`KEEP_ALIVE_EVERY_MS`] (`portal_api`), so a member the
/// page still counts as active always finds the session alive.
pub const IDLE_LIMIT_MS: i64 = portal_api::IDLE_LIMIT_MS;
/// Activity refreshes the lender's session at most this often.
const KEEP_ALIVE_EVERY_MS: i64 = portal_api::KEEP_ALIVE_EVERY_MS;

/// The member's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
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
    /// True until the start-up question "does this tab have a session?"
    /// (`restore`) is answered, so a reloaded member page waits for the
    /// answer instead of sending the member to sign-in and back.
    pub restoring: RwSignal<bool>,
    pub notice: RwSignal<Option<SignOutReason>>,
    /// Page time (ms since the epoch) of the member's last activity.
    pub last_activity: RwSignal<i64>,
    last_keep_alive: RwSignal<i64>,
    backend: StoredValue<BackendHandle>,
    /// Where a signed-in request's 503 is recorded; absent in component
    /// tests that mount a page without it.
    maintenance: Option<MaintenanceCtx>,
}

impl SessionCtx {
    /// The session context, which at once asks the backend whether this
    /// tab already has a session (a reload) and takes it up if so.
    pub fn new(backend: BackendHandle) -> Self {
        let ctx = SessionCtx {
            backend: StoredValue::new(backend),
            maintenance: use_context::<MaintenanceCtx>(),
            current: RwSignal::new(None),
            restoring: RwSignal::new(true),
            notice: RwSignal::new(None),
            last_activity: RwSignal::new(0),
            last_keep_alive: RwSignal::new(0),
        };
        ctx.restore();
        ctx
    }

    pub fn begin(&self, signed_in: SignedIn, now_ms: i64) {
        self.notice.set(None);
        self.last_activity.set(now_ms);
        self.last_keep_alive.set(now_ms);
        self.current.set(Some(Session {
            member_name: signed_in.member_name,
            previous_sign_in: signed_in.previous_sign_in,
        }));
    }

    /// After a reload: asks the backend whether this tab still has a
    /// session and, if so, takes it up again as if just active. Nothing
    /// happens if the member signed in meanwhile or there is no session.
    pub fn restore(&self) {
        let backend = self.backend.get_value().get();
        let ctx = *self;
        spawn_local(async move {
            let answer = backend.call::<GetCurrentSession>(()).await;
            if let (Ok(current), None) = (answer, ctx.current.get_untracked()) {
                let now_ms = crate::browser::now_utc().timestamp_millis();
                ctx.last_activity.set(now_ms);
                ctx.last_keep_alive.set(now_ms);
                ctx.current.set(Some(Session {
                    member_name: current.member_name,
                    previous_sign_in: current.previous_sign_in,
                }));
            }
            ctx.restoring.set(false);
        });
    }

    /// Ends the session: forgets every member datum at once, then tells the
    /// lender. Forgetting first means nothing waits on the network.
    pub fn end(&self, reason: SignOutReason) {
        if self.current.get_untracked().is_none() {
            return;
        }
        self.current.set(None);
        self.notice.set(Some(reason));
        let backend = self.backend.get_value().get();
        spawn_local(async move {
            let _ = backend.call::<SignOut>(()).await;
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
        if self.current.get_untracked().is_none() {
            return;
        }
        self.last_keep_alive.set(now_ms);
        let backend = self.backend.get_value().get();
        let ctx = *self;
        spawn_local(async move {
            match backend.call::<KeepAlive>(()).await {
                Err(BackendError::NotSignedIn) => ctx.end(SignOutReason::Expired),
                Err(BackendError::Maintenance { until }) => ctx.lender_in_maintenance(until),
                _ => {}
            }
        });
    }
}

impl SessionCtx {
    /// Takes the part of a signed-in action's failure that concerns the
    /// whole app: a session the lender ended ends ours (the member goes to
    /// sign-in), maintenance it declared sends them to the maintenance
    /// page. True when that is all there is to say.
    pub fn absorb(&self, error: &BackendError) -> bool {
        match error {
            BackendError::NotSignedIn => {
                self.end(SignOutReason::Expired);
                true
            }
            BackendError::Maintenance { until } => {
                self.lender_in_maintenance(*until);
                true
            }
            _ => false,
        }
    }

    /// The lender answered 503 maintenance to a signed-in request:
    /// maintenance it declared outside the calendar. Recording it as a
    /// window from now makes the route guard send the member to the
    /// maintenance page, and the app ends the session as it does when any
    /// window begins.
    pub fn lender_in_maintenance(&self, until: NaiveDateTime) {
        if let Some(maintenance) = self.maintenance {
            let start = portal_domain::clock::to_jst(crate::browser::now_utc());
            maintenance
                .unscheduled
                .set(Some(UnscheduledMaintenance { start, end: until }));
        }
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
    fetch: for<'a> fn(&'a dyn Backend) -> LocalFuture<'a, BackendResult<T>>,
) -> Read<T> {
    member_query_resource(
        || (),
        move |backend, ()| async move { fetch(&*backend).await },
    )
}

/// Like [`member_resource`], for a read that takes a query: fetched again
/// whenever the session or the query (a reactive closure) changes.
pub fn member_query_resource<Q, T, Fut>(
    query: impl Fn() -> Q + 'static,
    fetch: impl Fn(Rc<dyn Backend>, Q) -> Fut + 'static,
) -> Read<T>
where
    Q: 'static,
    T: Clone + 'static,
    Fut: Future<Output = BackendResult<T>> + 'static,
{
    let backend = use_backend();
    let session = use_session();
    Read::from_erased(member_read(
        session,
        Box::new(move || {
            let signed_in = session.current.with(Option::is_some);
            let fetched = signed_in.then(|| fetch(backend.get(), query()));
            Box::pin(async move {
                match fetched {
                    Some(fetched) => erase(fetched.await),
                    None => Err(BackendError::NotSignedIn),
                }
            })
        }),
    ))
}

/// The erased part of [`member_query_resource`], compiled once: the
/// resource, and the session's end when the lender no longer knows it.
fn member_read(session: SessionCtx, fetch: Fetch) -> LocalResource<Answer> {
    let resource = erased_resource(fetch);
    Effect::new(move |_| {
        // `with` looks without cloning the value.
        let (expired, down_until) = resource.with(|r| match r {
            Some(Err(BackendError::NotSignedIn)) => (true, None),
            Some(Err(BackendError::Maintenance { until })) => (false, Some(*until)),
            _ => (false, None),
        });
        if expired {
            session.end(SignOutReason::Expired);
        }
        if let Some(until) = down_until {
            session.lender_in_maintenance(until);
        }
    });
    resource
}
