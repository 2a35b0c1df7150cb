//! The fake lender: a plain state machine over an injected clock that plays
//! the lender's side of the backend contract (`portal_api`).
//!
//! It has no browser or network dependency. Every operation takes `now` as an
//! argument instead of reading a clock, so the in-browser adapter, a native
//! server and the tests all drive it with whatever time they choose.
//!
//! What is persisted (`LenderState`) holds no secret: demo credentials live in
//! code (`seed.rs`) and sessions live only in memory, so the browser adapter
//! can keep `LenderState` in localStorage without storing a PIN, a password or
//! a bearer token there.

pub mod ledger;
pub mod seed;

use chrono::{DateTime, Duration, Utc};
use portal_api::{
    AccountSummary, BackendError, HistoryPage, HistoryQuery, LoginKind, NextDue, RepaidBorrowing,
    RepaidQuery, SignInRequest, SignedIn, UnscheduledMaintenance,
};
use portal_domain::clock::to_jst;
use portal_domain::input::Credentials;
use portal_domain::maintenance::{self, Service, Status, Window, WindowKind};
use portal_domain::money::Yen;
use serde::{Deserialize, Serialize};

pub use ledger::{Entry, Ledger, LedgerError};
pub use seed::{busy_ledger, demo_members, DemoMember};

/// A session ends after this long without a request (SPEC S4).
pub const SESSION_IDLE_LIMIT: Duration = Duration::minutes(10);

/// Everything about one member that can change while the demo runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountState {
    pub member_id: String,
    pub failed_attempts: u8,
    pub locked: bool,
    /// The latest successful sign-in (the current session's, once signed in).
    #[serde(with = "chrono::serde::ts_milliseconds_option")]
    pub last_sign_in: Option<DateTime<Utc>>,
    /// The successful sign-in before `last_sign_in`: what the home page
    /// shows so a member can spot use they do not recognise.
    #[serde(with = "chrono::serde::ts_milliseconds_option")]
    pub previous_sign_in: Option<DateTime<Utc>>,
    /// Every borrowing and repayment; it holds amounts and dates, no secret.
    pub ledger: Ledger,
}

/// The persisted part of the fake lender.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LenderState {
    /// The instant the demo data was created; seeded dates such as the
    /// overdue member's missed due date are fixed relative to it.
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub seeded_at: DateTime<Utc>,
    pub accounts: Vec<AccountState>,
    pub unscheduled: Option<UnscheduledMaintenance>,
}

#[derive(Clone, Debug)]
struct Session {
    token: String,
    member_id: String,
    last_seen: DateTime<Utc>,
}

impl LenderState {
    /// Replaces one member's ledger (the benchmark gives a member 10,000
    /// entries this way). False when there is no such member.
    pub fn set_ledger(&mut self, member_id: &str, ledger: Ledger) -> bool {
        let account = self.accounts.iter_mut().find(|a| a.member_id == member_id);
        account.map(|a| a.ledger = ledger).is_some()
    }
}

/// The fake lender itself.
#[derive(Clone, Debug)]
pub struct Lender {
    state: LenderState,
    sessions: Vec<Session>,
    rng: u64,
    /// Whether `state` changed since `take_changes` was last asked: reads
    /// leave it alone, so an adapter persists only after real changes.
    changed: bool,
}

impl Lender {
    /// A lender holding the demo members of SPEC S17, as on `now`.
    /// `entropy` seeds session tokens; adapters pass real randomness.
    pub fn seeded(now: DateTime<Utc>, entropy: u64) -> Self {
        let accounts = demo_members()
            .iter()
            .map(|m| AccountState {
                member_id: m.id.to_owned(),
                failed_attempts: 0,
                locked: m.initially_locked,
                last_sign_in: m.last_sign_in_days_ago.map(|d| now - Duration::days(d)),
                previous_sign_in: None,
                ledger: seed::seed_ledger(m, now),
            })
            .collect();
        Self::from_state(
            LenderState {
                seeded_at: now,
                accounts,
                unscheduled: None,
            },
            entropy,
        )
    }

    /// Restores a lender from persisted state. Members the state does not
    /// know (for example after an upgrade added one) start fresh.
    pub fn from_state(mut state: LenderState, entropy: u64) -> Self {
        for m in demo_members() {
            if !state.accounts.iter().any(|a| a.member_id == m.id) {
                state.accounts.push(AccountState {
                    member_id: m.id.to_owned(),
                    failed_attempts: 0,
                    locked: m.initially_locked,
                    last_sign_in: None,
                    previous_sign_in: None,
                    ledger: seed::seed_ledger(m, state.seeded_at),
                });
            }
        }
        Lender {
            state,
            sessions: Vec::new(),
            // xorshift must never start at zero.
            rng: entropy | 1,
            changed: false,
        }
    }

    pub fn state(&self) -> &LenderState {
        &self.state
    }

    /// Whether the persisted state changed since the last call (a sign-in's
    /// failure count, lock or time, declared maintenance), and forgets it.
    /// Reads and sessions never count, so a long history costs no save.
    pub fn take_changes(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// Declares (or with `None` lifts) maintenance outside the calendar.
    pub fn set_unscheduled_maintenance(&mut self, m: Option<UnscheduledMaintenance>) {
        self.changed = true;
        self.state.unscheduled = m;
    }

    pub fn unscheduled_maintenance(&self) -> Option<UnscheduledMaintenance> {
        self.state.unscheduled
    }

    /// Signs a member in, counting failures towards the security lock.
    pub fn sign_in(
        &mut self,
        request: &SignInRequest,
        now: DateTime<Utc>,
    ) -> Result<SignedIn, BackendError> {
        self.ensure_open(now)?;
        let credentials = request.validate()?;
        let Some(member) = demo_members()
            .iter()
            .find(|m| m.matches_login(&credentials))
        else {
            // An unknown card or WEB-ID gets the same answer as a wrong
            // secret, so the response never reveals whether an account exists.
            return Err(BackendError::BadCredentials);
        };
        let account = self.account_mut(member.id)?;
        if account.locked {
            return Err(BackendError::Locked);
        }
        if !member.secret_matches(&credentials) {
            account.failed_attempts = account.failed_attempts.saturating_add(1);
            if account.failed_attempts >= member.lock_threshold {
                account.locked = true;
                return Err(BackendError::Locked);
            }
            return Err(BackendError::BadCredentials);
        }
        if member.suspended {
            return Err(BackendError::Suspended);
        }
        account.failed_attempts = 0;
        account.previous_sign_in = account.last_sign_in.replace(now);
        let previous_sign_in = account.previous_sign_in;
        let token = self.new_token();
        self.sessions
            .retain(|s| now - s.last_seen < SESSION_IDLE_LIMIT);
        self.sessions.push(Session {
            token: token.clone(),
            member_id: member.id.to_owned(),
            last_seen: now,
        });
        Ok(SignedIn {
            token,
            member_name: member.name.to_owned(),
            login: match credentials {
                Credentials::Card { .. } => LoginKind::Card,
                Credentials::WebId { .. } => LoginKind::WebId,
            },
            previous_sign_in,
        })
    }

    /// Ends a session. Signing out twice is harmless.
    pub fn sign_out(&mut self, token: &str) {
        self.sessions.retain(|s| s.token != token);
    }

    /// Records activity on a session, keeping it alive.
    pub fn touch(&mut self, token: &str, now: DateTime<Utc>) -> Result<(), BackendError> {
        self.touch_session(token, now).map(|_| ())
    }

    /// The figures for the home page.
    pub fn account_summary(
        &mut self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<AccountSummary, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let account = self.account(member.id)?;
        let previous_sign_in = account.previous_sign_in;
        let ledger = &account.ledger;
        let today = to_jst(now).date();
        let balance = ledger.balance();
        Ok(AccountSummary {
            member_name: member.name.to_owned(),
            balance,
            credit_line: Yen(member.credit_line),
            available: Yen((member.credit_line - balance.0).max(0)),
            next_due: ledger.next_due(today).map(|d| NextDue {
                date: d.date,
                minimum: d.minimum,
            }),
            overdue_days: ledger.overdue_days(today),
            previous_sign_in,
            points: member.points,
            payoff_today: ledger.payoff(today),
            accrued_interest: ledger.accrued_interest(today),
            late_charge: ledger.late_charge(today),
            interest_free_days_left: ledger.interest_free_days_left(today),
            interest_to_next_due: ledger.interest_to_next_due(today),
            apr_percent: ledger.apr.to_string(),
        })
    }

    /// One page of the member's transaction history (SPEC S7), newest
    /// first, filtered as the query says.
    pub fn history(
        &mut self,
        token: &str,
        now: DateTime<Utc>,
        query: &HistoryQuery,
    ) -> Result<HistoryPage, BackendError> {
        let member_id = self.touch_session(token, now)?;
        Ok(self.account(&member_id)?.ledger.history_page(query))
    }

    /// The member's borrowings repaid in full, newest first, with how many
    /// days each took to repay (SPEC S7).
    pub fn repaid_borrowings(
        &mut self,
        token: &str,
        now: DateTime<Utc>,
        query: RepaidQuery,
    ) -> Result<Vec<RepaidBorrowing>, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let mut repaid = self.account(&member_id)?.ledger.repaid_borrowings();
        repaid.truncate(query.limit.map_or(usize::MAX, |l| l as usize));
        Ok(repaid)
    }

    /// Refuses signed-in work while the member service is down.
    fn ensure_open(&self, now: DateTime<Utc>) -> Result<(), BackendError> {
        let unscheduled = self.state.unscheduled.map(|u| Window {
            start: u.start,
            end: u.end,
            kind: WindowKind::Unscheduled,
        });
        match maintenance::status(Service::MemberService, to_jst(now), unscheduled) {
            Status::Down(w) => Err(BackendError::Maintenance { until: w.end }),
            Status::Open | Status::Upcoming(_) => Ok(()),
        }
    }

    /// Checks a token, ends it when idle too long, and records activity.
    fn touch_session(&mut self, token: &str, now: DateTime<Utc>) -> Result<String, BackendError> {
        self.ensure_open(now)?;
        let position = self
            .sessions
            .iter()
            .position(|s| s.token == token)
            .ok_or(BackendError::NotSignedIn)?;
        if now - self.sessions[position].last_seen >= SESSION_IDLE_LIMIT {
            self.sessions.remove(position);
            return Err(BackendError::NotSignedIn);
        }
        let session = &mut self.sessions[position];
        session.last_seen = now;
        Ok(session.member_id.clone())
    }

    fn account(&self, member_id: &str) -> Result<&AccountState, BackendError> {
        self.state
            .accounts
            .iter()
            .find(|a| a.member_id == member_id)
            .ok_or(BackendError::Server)
    }

    /// The member's account, to change: the change is noted for
    /// `take_changes`.
    fn account_mut(&mut self, member_id: &str) -> Result<&mut AccountState, BackendError> {
        self.changed = true;
        self.state
            .accounts
            .iter_mut()
            .find(|a| a.member_id == member_id)
            .ok_or(BackendError::Server)
    }

    /// A session token from xorshift64*: unguessable enough for a demo that
    /// never leaves the browser. A real server uses a cryptographic source.
    fn new_token(&mut self) -> String {
        let mut out = String::with_capacity(32);
        for _ in 0..2 {
            self.rng ^= self.rng << 13;
            self.rng ^= self.rng >> 7;
            self.rng ^= self.rng << 17;
            out.push_str(&format!(
                "{:016x}",
                self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests;
