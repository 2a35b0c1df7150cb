//! The one backend interface the portal uses (SPEC S16). Pages reach it
//! through context as a `BackendHandle` and never name an implementation.

mod fake;
mod http;

use crate::chunk::ChunkError;
use crate::config::BackendConfig;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use portal_api::{
    AccountSummary, BackendError, HistoryPage, HistoryQuery, RepaidBorrowing, RepaidQuery,
    SignInRequest, SignedIn, UnscheduledMaintenance,
};
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

pub use fake::FakeBackend;
pub use http::HttpBackend;

/// A future that lives on the browser's single thread.
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;
pub type BackendResult<T> = Result<T, BackendError>;

/// Everything the portal asks of a lender. Designed to grow: each feature
/// adds its operations here, then to every implementation.
pub trait Backend {
    fn sign_in(&self, request: SignInRequest) -> LocalFuture<'_, BackendResult<SignedIn>>;
    fn sign_out(&self, token: String) -> LocalFuture<'_, BackendResult<()>>;
    /// Keeps a session alive when the member chooses to continue.
    fn keep_alive(&self, token: String) -> LocalFuture<'_, BackendResult<()>>;
    fn account_summary(&self, token: String) -> LocalFuture<'_, BackendResult<AccountSummary>>;
    /// One page of the ledger, newest first, filtered by the query (SPEC S7).
    fn history(
        &self,
        token: String,
        query: HistoryQuery,
    ) -> LocalFuture<'_, BackendResult<HistoryPage>>;
    /// Past borrowings that have been repaid, and how many days each took.
    fn repaid_borrowings(
        &self,
        token: String,
        query: RepaidQuery,
    ) -> LocalFuture<'_, BackendResult<Vec<RepaidBorrowing>>>;
    /// Maintenance the lender declared outside the regular calendar.
    fn unscheduled_maintenance(
        &self,
    ) -> LocalFuture<'_, BackendResult<Option<UnscheduledMaintenance>>>;
    /// Demo controls, present only on the fake lender.
    fn demo(&self) -> Option<&dyn DemoControls> {
        None
    }
}

/// What the demo panel can do; only the fake lender offers it.
pub trait DemoControls {
    /// The seeded members, for the sign-in page's list.
    fn members(&self) -> &'static [fake_lender::DemoMember];
    /// Forgets every change (locks, sign-in times) and re-seeds.
    fn reset(&self);
}

/// The backend in context. `SendWrapper` is sound here because a CSR app
/// runs on the browser's one thread.
#[derive(Clone)]
pub struct BackendHandle(SendWrapper<Rc<dyn Backend>>);

impl BackendHandle {
    pub fn new(backend: Rc<dyn Backend>) -> Self {
        BackendHandle(SendWrapper::new(backend))
    }

    pub fn get(&self) -> Rc<dyn Backend> {
        Rc::clone(&self.0)
    }
}

pub fn use_backend() -> BackendHandle {
    expect_context::<BackendHandle>()
}

/// Builds the backend the configuration names. The fake lender (its code,
/// its seeding and the demo members) is a chunk of its own, fetched only
/// when the configuration selects it, so a member of the real lender never
/// downloads it.
pub async fn connect(config: &BackendConfig) -> Result<Rc<dyn Backend>, ChunkError> {
    match config {
        BackendConfig::Fake => fake_backend().await,
        BackendConfig::Http {
            base_url,
            timeout_ms,
            test_clock,
        } => Ok(Rc::new(HttpBackend::new(
            base_url,
            *timeout_ms,
            *test_clock,
        ))),
    }
}

#[wasm_split(fake_lender, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fake_backend() -> Result<Rc<dyn Backend>, ChunkError> {
    Ok(Rc::new(FakeBackend::load()))
}
