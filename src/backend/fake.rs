//! The in-browser adapter around the fake lender: it supplies the clock
//! (the page's `Date`, so tests can move it), persists the lender's state in
//! localStorage so a reload keeps the demo going, mints session tokens from
//! `crypto.getRandomValues`, and adds a little latency so designers see the
//! portal's waiting states.

use super::{Backend, BackendResult, DemoControls, Fault, LocalFuture, Progress};
use crate::browser;
use fake_lender::serve::{serve_form, serve_wire};
use fake_lender::{Call, Lender, LenderState, SessionRecord};
use portal_api::{BackendError, Form, OpSpec, SessionToken, SignedIn};
use std::cell::{Cell, RefCell};

/// Versioned with the persisted `LenderState`: v5 adds registered WEB-IDs,
/// the reminder setting and points (a v4 state would load demo0001 as never
/// having joined), so state saved by an older build is not read and the
/// demo starts afresh.
const STORAGE_KEY: &str = "portal.fake-lender.v5";

/// This tab's session (`SessionRecord`) in `sessionStorage`: it survives a
/// reload and ends with the tab. The in-page demo has no secret to guard
/// (its lender and credentials are in the page), so the fake token may live
/// there; the HTTP adapter never stores one.
const SESSION_KEY: &str = "portal.fake-session";

pub struct FakeBackend {
    lender: RefCell<Lender>,
    /// The stored JSON this copy last read or wrote: when localStorage holds
    /// something else, another tab saved, and this copy adopts it.
    seen: RefCell<Option<String>>,
    /// This tab's session token, presented to operations that need one.
    session: RefCell<Option<SessionToken>>,
    /// The live demo: calls wait a little, as a network would, and the state
    /// is kept in localStorage. Off for a lender a benchmark builds.
    live: bool,
    /// The demo panel's injected failure and how many requests it has left.
    fault: Cell<Option<(Fault, u32)>>,
}

/// How long a simulated timeout keeps the member waiting, and how late a
/// slow answer comes.
const TIMEOUT_MS: u32 = 4_000;
const SLOW_MS: u32 = 3_000;

/// An upload "transfers" at this many bytes a second, so a designer sees
/// the progress bar move as it would on a phone's connection: a photo of
/// 800 KB takes about 0.4 s, a 10 MB PDF 5 s.
const UPLOAD_BYTES_PER_SECOND: u64 = 2_000_000;
/// Every upload takes at least this long, at most this long.
const UPLOAD_MIN_MS: u64 = 800;
const UPLOAD_MAX_MS: u64 = 8_000;
/// Progress is reported this often while an upload transfers.
const UPLOAD_TICK_MS: u64 = 100;

impl FakeBackend {
    /// Restores the demo from localStorage, or seeds it afresh when there is
    /// nothing stored or what is stored cannot be read.
    pub fn load() -> Self {
        let stored = browser::local_get(STORAGE_KEY)
            .and_then(|json| serde_json::from_str::<LenderState>(&json).ok());
        let mut lender = match stored {
            Some(state) => Lender::from_state(state, browser::entropy()),
            None => Lender::seeded(browser::now_utc(), browser::entropy()),
        };
        // A reload in the same tab takes its session back.
        let record = browser::session_get(SESSION_KEY)
            .and_then(|json| serde_json::from_str::<SessionRecord>(&json).ok());
        let session = record.map(|record| {
            let token = record.token.clone();
            lender.restore_session(record);
            token
        });
        let backend = FakeBackend {
            lender: RefCell::new(lender),
            seen: RefCell::new(None),
            session: RefCell::new(session),
            live: true,
            fault: Cell::new(None),
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
            session: RefCell::new(None),
            live: false,
            fault: Cell::new(None),
        }
    }

    /// The fault this request meets, counting it down.
    fn take_fault(&self) -> Option<Fault> {
        let (fault, left) = self.fault.get()?;
        self.fault.set((left > 1).then(|| (fault, left - 1)));
        Some(fault)
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

    /// Keeps this tab's session record up to date (its last activity), or
    /// forgets it once the lender has ended the session.
    fn store_session(&self, lender: &Lender) {
        let record = {
            let session = self.session.borrow();
            let Some(token) = session.as_ref() else {
                return;
            };
            lender.session_record(token)
        };
        match record {
            Some(record) => {
                if self.live {
                    if let Ok(json) = serde_json::to_string(&record) {
                        browser::session_set(SESSION_KEY, &json);
                    }
                }
            }
            None => self.forget_session(),
        }
    }

    fn forget_session(&self) {
        *self.session.borrow_mut() = None;
        if self.live {
            browser::session_remove(SESSION_KEY);
        }
    }

    /// A session an operation started: this adapter keeps the token and
    /// hands the page the reply without it, as the HTTP lender does.
    fn keep_started_session(&self, reply: &str) -> BackendResult<String> {
        let mut signed_in: SignedIn =
            serde_json::from_str(reply).map_err(|_| BackendError::Malformed)?;
        let token = signed_in.token.take().ok_or(BackendError::Malformed)?;
        *self.session.borrow_mut() = Some(token);
        serde_json::to_string(&signed_in).map_err(|_| BackendError::Malformed)
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
        request: String,
        key: Option<String>,
    ) -> LocalFuture<'_, BackendResult<String>> {
        Box::pin(async move {
            let key = super::key_for(op, key)?;
            let session = self.session.borrow().clone();
            // An ending session is forgotten at once, before the simulated
            // network: a reload right after sign-out finds nothing.
            if op.ends_session {
                self.forget_session();
            }
            let fault = self.take_fault();
            if self.live {
                browser::sleep_ms(browser::jitter_ms(120, 380)).await;
            }
            match fault {
                Some(Fault::Offline) => return Err(BackendError::Offline),
                Some(Fault::Server) => return Err(BackendError::Server),
                Some(Fault::Slow) => browser::sleep_ms(SLOW_MS).await,
                Some(Fault::Timeout) | None => {}
            }
            let mut result = {
                let mut lender = self.lender.borrow_mut();
                self.adopt_stored(&mut lender);
                let mut random = browser::random_128;
                let mut call = Call {
                    now: browser::now_utc(),
                    session: session.as_ref(),
                    random: &mut random,
                    idempotency_key: key.as_deref(),
                };
                serve_wire(&mut lender, op, &mut call, &request)
            };
            if op.starts_session {
                result = result.and_then(|reply| self.keep_started_session(&reply));
            }
            self.store_session(&self.lender.borrow());
            let settled = self.lender.borrow_mut().take_settled();
            if op.writes || settled {
                self.save();
            }
            if fault == Some(Fault::Timeout) {
                // The work is done and saved; only the answer is lost.
                browser::sleep_ms(TIMEOUT_MS).await;
                return Err(BackendError::Timeout);
            }
            result
        })
    }

    /// An upload: the form is "transferred" first, in ticks over a time
    /// that grows with its size ([`UPLOAD_BYTES_PER_SECOND`]), reporting
    /// progress at each; an injected `offline` fault breaks the transfer
    /// halfway, as a lost connection would. Then the lender gets the form
    /// as it is (`serve_form`), with the same faults, saving and session
    /// handling as [`Backend::send`]. The lender keeps no page bytes, so
    /// nothing large reaches localStorage.
    fn send_form(
        &self,
        op: &'static OpSpec,
        form: Form,
        key: Option<String>,
        progress: Progress,
    ) -> LocalFuture<'_, BackendResult<String>> {
        Box::pin(async move {
            let key = super::key_for(op, key)?;
            let session = self.session.borrow().clone();
            let fault = self.take_fault();
            let total = form.data_len();
            progress(0, total);
            if self.live {
                let ms = (total.saturating_mul(1_000) / UPLOAD_BYTES_PER_SECOND)
                    .clamp(UPLOAD_MIN_MS, UPLOAD_MAX_MS);
                let ticks = (ms / UPLOAD_TICK_MS).max(1);
                for tick in 1..=ticks {
                    browser::sleep_ms(UPLOAD_TICK_MS as u32).await;
                    if fault == Some(Fault::Offline) && tick * 2 >= ticks {
                        return Err(BackendError::Offline);
                    }
                    progress(total.saturating_mul(tick) / ticks, total);
                }
            } else {
                progress(total, total);
            }
            match fault {
                Some(Fault::Offline) => return Err(BackendError::Offline),
                Some(Fault::Server) => return Err(BackendError::Server),
                Some(Fault::Slow) => browser::sleep_ms(SLOW_MS).await,
                Some(Fault::Timeout) | None => {}
            }
            let result = {
                let mut lender = self.lender.borrow_mut();
                self.adopt_stored(&mut lender);
                let mut random = browser::random_128;
                let mut call = Call {
                    now: browser::now_utc(),
                    session: session.as_ref(),
                    random: &mut random,
                    idempotency_key: key.as_deref(),
                };
                serve_form(&mut lender, op, &mut call, form)
            };
            self.store_session(&self.lender.borrow());
            if op.writes {
                self.save();
            }
            if fault == Some(Fault::Timeout) {
                browser::sleep_ms(TIMEOUT_MS).await;
                return Err(BackendError::Timeout);
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
        browser::shift_clock(None);
        self.fault.set(None);
        *self.lender.borrow_mut() = Lender::seeded(browser::now_utc(), browser::entropy());
        self.forget_session();
        self.save();
    }

    fn inject(&self, fault: Fault, count: u32) {
        self.fault.set((count > 0).then_some((fault, count)));
    }

    fn pending_faults(&self) -> u32 {
        self.fault.get().map_or(0, |(_, left)| left)
    }

    fn mailbox(&self) -> Vec<fake_lender::movements::Mail> {
        let mut lender = self.lender.borrow_mut();
        self.adopt_stored(&mut lender);
        let mut mail = lender.mailbox();
        mail.reverse();
        mail
    }

    fn decide_reviews(&self, decision: fake_lender::limit::DemoDecision) -> usize {
        let decided = {
            let mut lender = self.lender.borrow_mut();
            self.adopt_stored(&mut lender);
            lender.decide_reviews(decision, browser::now_utc())
        };
        self.save();
        decided
    }
}
