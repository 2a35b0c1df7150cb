//! The in-browser adapter around the fake lender: it supplies the clock
//! (the page's `Date`, so tests can move it), persists the lender's state in
//! localStorage so a reload keeps the demo going, and adds a little latency
//! so designers see the portal's waiting states.

use super::{Backend, BackendResult, DemoControls, LocalFuture};
use crate::browser;
use fake_lender::{Lender, LenderState};
use portal_api::{
    AccountSummary, HistoryPage, HistoryQuery, RepaidBorrowing, RepaidQuery, SignInRequest,
    SignedIn, UnscheduledMaintenance,
};
use std::cell::RefCell;

const STORAGE_KEY: &str = "portal.fake-lender.v3";

pub struct FakeBackend {
    lender: RefCell<Lender>,
    /// The live demo: calls wait a little, as a network would, and the state
    /// is kept in localStorage. Off for a lender a benchmark builds.
    live: bool,
}

impl FakeBackend {
    /// Restores the demo from localStorage, or seeds it afresh when there is
    /// nothing stored or what is stored cannot be read.
    pub fn load() -> Self {
        let stored = browser::local_get(STORAGE_KEY)
            .and_then(|json| serde_json::from_str::<LenderState>(&json).ok());
        let lender = match stored {
            Some(state) => Lender::from_state(state, browser::entropy()),
            None => Lender::seeded(browser::now_utc(), browser::entropy()),
        };
        let backend = FakeBackend {
            lender: RefCell::new(lender),
            live: true,
        };
        backend.save();
        backend
    }

    /// A backend around a lender built elsewhere, answering at once and
    /// storing nothing: for benchmarks and tests.
    pub fn with_lender(lender: Lender) -> Self {
        FakeBackend {
            lender: RefCell::new(lender),
            live: false,
        }
    }

    fn save(&self) {
        if !self.live {
            return;
        }
        if let Ok(json) = serde_json::to_string(self.lender.borrow().state()) {
            browser::local_set(STORAGE_KEY, &json);
        }
    }

    /// Runs one operation after a short simulated network delay, then
    /// saves if it changed what is persisted. Reads change nothing there
    /// (`Lender::take_changes`), so a member with 10,000 entries costs no
    /// localStorage write per page.
    fn call<T: 'static>(
        &self,
        op: impl FnOnce(&mut Lender, chrono::DateTime<chrono::Utc>) -> T + 'static,
    ) -> LocalFuture<'_, T> {
        Box::pin(async move {
            if self.live {
                browser::sleep_ms(browser::jitter_ms(120, 380)).await;
            }
            let (result, changed) = {
                let mut lender = self.lender.borrow_mut();
                let result = op(&mut lender, browser::now_utc());
                (result, lender.take_changes())
            };
            if changed {
                self.save();
            }
            result
        })
    }
}

impl Backend for FakeBackend {
    fn sign_in(&self, request: SignInRequest) -> LocalFuture<'_, BackendResult<SignedIn>> {
        self.call(move |lender, now| lender.sign_in(&request, now))
    }

    fn sign_out(&self, token: String) -> LocalFuture<'_, BackendResult<()>> {
        self.call(move |lender, _| {
            lender.sign_out(&token);
            Ok(())
        })
    }

    fn keep_alive(&self, token: String) -> LocalFuture<'_, BackendResult<()>> {
        self.call(move |lender, now| lender.touch(&token, now))
    }

    fn account_summary(&self, token: String) -> LocalFuture<'_, BackendResult<AccountSummary>> {
        self.call(move |lender, now| lender.account_summary(&token, now))
    }

    fn history(
        &self,
        token: String,
        query: HistoryQuery,
    ) -> LocalFuture<'_, BackendResult<HistoryPage>> {
        self.call(move |lender, now| lender.history(&token, now, &query))
    }

    fn repaid_borrowings(
        &self,
        token: String,
        query: RepaidQuery,
    ) -> LocalFuture<'_, BackendResult<Vec<RepaidBorrowing>>> {
        self.call(move |lender, now| lender.repaid_borrowings(&token, now, query))
    }

    fn unscheduled_maintenance(
        &self,
    ) -> LocalFuture<'_, BackendResult<Option<UnscheduledMaintenance>>> {
        self.call(|lender, _| Ok(lender.unscheduled_maintenance()))
    }

    fn demo(&self) -> Option<&dyn DemoControls> {
        Some(self)
    }
}

impl DemoControls for FakeBackend {
    fn members(&self) -> &'static [fake_lender::DemoMember] {
        fake_lender::demo_members()
    }

    fn reset(&self) {
        *self.lender.borrow_mut() = Lender::seeded(browser::now_utc(), browser::entropy());
        self.save();
    }
}
