//! The in-browser adapter around the fake lender: it supplies the clock
//! (the page's `Date`, so tests can move it), persists the lender's state in
//! localStorage so a reload keeps the demo going, mints session tokens from
//! `crypto.getRandomValues`, and adds a little latency so designers see the
//! portal's waiting states.

use super::{Backend, BackendResult, DemoControls, LocalFuture};
use crate::browser;
use fake_lender::serve::serve_wire;
use fake_lender::{Call, Lender, LenderState};
use portal_api::{OpSpec, SessionToken};
use std::cell::RefCell;

const STORAGE_KEY: &str = "portal.fake-lender.v3";

pub struct FakeBackend {
    lender: RefCell<Lender>,
    /// The stored JSON this copy last read or wrote: when localStorage holds
    /// something else, another tab saved, and this copy adopts it.
    seen: RefCell<Option<String>>,
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
            seen: RefCell::new(None),
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
            seen: RefCell::new(None),
            live: false,
        }
    }

    fn save(&self) {
        if !self.live {
            return;
        }
        if let Ok(json) = serde_json::to_string(self.lender.borrow().state()) {
            browser::local_set(STORAGE_KEY, &json);
            *self.seen.borrow_mut() = Some(json);
        }
    }

    /// Two tabs of the demo share one lender: before each operation this
    /// copy adopts what another tab saved since (a lock, a sign-in time, a
    /// reset), keeping its own sessions. Read, operation and save happen
    /// with no await between them, so neither tab's save overwrites the
    /// other's change.
    fn adopt_stored(&self, lender: &mut Lender) {
        if !self.live {
            return;
        }
        let Some(json) = browser::local_get(STORAGE_KEY) else {
            return;
        };
        if self.seen.borrow().as_deref() == Some(json.as_str()) {
            return;
        }
        if let Ok(state) = serde_json::from_str::<LenderState>(&json) {
            lender.adopt_state(state);
        }
        *self.seen.borrow_mut() = Some(json);
    }
}

impl Backend for FakeBackend {
    /// Runs one operation of the list after a short simulated network
    /// delay, by its name, through the lender's table (`serve_wire`), then
    /// saves if the operation declares that it writes (`OpSpec::writes`,
    /// failed attempts included: a wrong PIN counts towards the lock). Reads
    /// declare nothing, so a member with 10,000 entries costs no localStorage
    /// write per page. New tokens come from `crypto.getRandomValues`.
    fn send(
        &self,
        op: &'static OpSpec,
        session: Option<SessionToken>,
        request: String,
    ) -> LocalFuture<'_, BackendResult<String>> {
        Box::pin(async move {
            if self.live {
                browser::sleep_ms(browser::jitter_ms(120, 380)).await;
            }
            let result = {
                let mut lender = self.lender.borrow_mut();
                self.adopt_stored(&mut lender);
                let mut random = browser::random_128;
                let mut call = Call {
                    now: browser::now_utc(),
                    session: session.as_ref(),
                    random: &mut random,
                };
                serve_wire(&mut lender, op, &mut call, &request)
            };
            if op.writes {
                self.save();
            }
            result
        })
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
