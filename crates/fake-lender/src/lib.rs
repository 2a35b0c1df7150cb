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
//!
//! It never reads a random source either: each sign-in is handed its new
//! token, minted by the driver from a cryptographic source (`serve.rs`).

pub mod contact;
pub mod credentials;
pub mod documents;
pub mod ledger;
pub mod limit;
pub mod movements;
pub mod points;
pub mod recovery;
pub mod reminders;
pub mod seed;
pub mod serve;
pub mod settings;

use chrono::{DateTime, Duration, Utc};
use portal_api::{
    AccountSummary, BackendError, HistoryPage, HistoryQuery, LoginKind, NextDue, RepaidBorrowing,
    RepaidQuery, SessionToken, SignInRequest, SignedIn, UnscheduledMaintenance,
};
use portal_domain::clock::to_jst;
use portal_domain::input::Credentials;
use portal_domain::maintenance::{self, Service, Status, Window, WindowKind};
use portal_domain::money::Yen;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, VecDeque};

pub use ledger::{Entry, Ledger, LedgerError};
pub use seed::{busy_ledger, demo_members, DemoMember};
pub use serve::{serve_form, serve_wire, Call, Serve};

/// A session ends after this long without a request: the portal's 10 idle
/// minutes (SPEC S4) plus its keep-alive interval, so a member the page still
/// counts as active is never refused (`portal_api::SESSION_IDLE_LIMIT_MS`).
pub const SESSION_IDLE_LIMIT: Duration = Duration::milliseconds(portal_api::SESSION_IDLE_LIMIT_MS);

/// At most this many sessions per member; a new sign-in beyond it ends the
/// member's oldest session.
pub const MAX_SESSIONS_PER_MEMBER: usize = 5;

/// At most this many sessions in all; at the cap, expired sessions are swept
/// and, if that is not enough, the longest-idle session ends.
pub const MAX_SESSIONS: usize = 10_000;

/// At most this many unknown card numbers or WEB-IDs have their failures
/// counted; beyond it the oldest record is forgotten, so a client trying
/// random identifiers cannot grow the lender's state without bound.
pub const MAX_STRANGERS: usize = 1_000;

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
    /// The account transfers are paid into (SPEC S8), once registered.
    #[serde(default)]
    pub payee: Option<movements::StoredPayee>,
    /// The reminder e-mail setting (SPEC S13); `None` is the default: off,
    /// 3 days before, at 9:00.
    #[serde(default)]
    pub reminder: Option<reminders::StoredReminder>,
    /// The member's points (SPEC S14); `None` until they join the service.
    #[serde(default)]
    pub points: Option<points::PointsState>,
    /// The details changed through the settings (SPEC S12).
    #[serde(default)]
    pub settings: settings::StoredSettings,
    /// The credit line as changed through `/limit` (SPEC S10); `None`
    /// keeps the seeded one.
    #[serde(default)]
    pub line: Option<Yen>,
    /// The latest credit-line increase request and its review.
    #[serde(default)]
    pub line_request: Option<limit::StoredLineRequest>,
    /// Submitted documents (SPEC S11), metadata only, the latest
    /// `documents::MAX_DOCUMENTS`.
    #[serde(default)]
    pub documents: Vec<documents::StoredDocument>,
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
    /// Failures counted against card numbers and WEB-IDs that belong to no
    /// member, keyed by a salted hash of the identifier (never the
    /// identifier itself), so an unknown account locks like a real one.
    #[serde(default)]
    pub strangers: BTreeMap<u64, StrangerState>,
    /// The salt of those hashes, which also decides each stranger's secret
    /// lock threshold. Not a credential: it only keeps thresholds unknown.
    #[serde(default)]
    pub salt: u64,
    /// Every transfer and repayment booked under an `Idempotency-Key`, with
    /// what it answered, so a repeated key answers the same.
    #[serde(default)]
    pub movements: Vec<movements::MovementRecord>,
    /// Internet repayments, started and decided.
    #[serde(default)]
    pub repayments: Vec<movements::RepaymentRecord>,
    /// The notice e-mails the lender has sent (the demo's mailbox).
    #[serde(default)]
    pub mailbox: Vec<movements::Mail>,
    /// The last reception number handed out.
    #[serde(default)]
    pub reception_counter: u64,
    /// WEB-IDs registered and passwords reset through the portal (SPEC
    /// S5), the passwords as salted digests only.
    #[serde(default)]
    pub logins: Vec<recovery::StoredLogin>,
}

/// Sign-in failures for an identifier no member has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrangerState {
    pub failed_attempts: u8,
    pub locked: bool,
    /// When the record was last touched (epoch ms), to forget the oldest.
    pub seen_ms: i64,
}

#[derive(Clone, Debug)]
struct Session {
    member_id: String,
    login: LoginKind,
    last_seen: DateTime<Utc>,
}

/// One session as a browser tab keeps it in `sessionStorage` so a reload
/// finds it again (`Lender::session_record`, `Lender::restore_session`). The
/// in-browser demo has no security boundary (its lender runs in the page),
/// so restoring a record is as trusted as the page itself; the server never
/// restores one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub token: SessionToken,
    pub member_id: String,
    pub login: LoginKind,
    pub last_seen_ms: i64,
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
    /// Live sessions by token: finding one costs the same however many
    /// there are.
    sessions: HashMap<SessionToken, Session>,
    /// Each member's session tokens, oldest first (at most
    /// [`MAX_SESSIONS_PER_MEMBER`]).
    by_member: HashMap<String, VecDeque<SessionToken>>,
    /// Pending registration and reset codes, in memory only.
    recovery: recovery::Recovery,
    /// A read moved a credit-line review on (`limit::settle_review`), so the
    /// state changed although the operation declares no write; adapters
    /// that save only after writers ask `take_settled`.
    settled: bool,
}

impl Lender {
    /// A lender holding the demo members of SPEC S17, as on `now`.
    /// `entropy` salts the failure records of unknown identifiers; adapters
    /// pass real randomness. Tokens are handed to each sign-in instead.
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
                payee: seed::seed_payee(m),
                reminder: reminders::seeded_reminder(m),
                points: seed::seed_points(m, now),
                settings: settings::StoredSettings::default(),
                line: None,
                line_request: None,
                documents: Vec::new(),
            })
            .collect();
        Self::from_state(
            LenderState {
                seeded_at: now,
                accounts,
                unscheduled: None,
                strangers: BTreeMap::new(),
                salt: entropy,
                movements: Vec::new(),
                repayments: Vec::new(),
                mailbox: Vec::new(),
                reception_counter: 0,
                logins: Vec::new(),
            },
            entropy,
        )
    }

    /// Restores a lender from persisted state. Members the state does not
    /// know (for example after an upgrade added one) start fresh; state
    /// saved before strangers were counted gets `entropy` as its salt.
    pub fn from_state(mut state: LenderState, entropy: u64) -> Self {
        if state.salt == 0 {
            state.salt = entropy;
        }
        for m in demo_members() {
            if !state.accounts.iter().any(|a| a.member_id == m.id) {
                state.accounts.push(AccountState {
                    member_id: m.id.to_owned(),
                    failed_attempts: 0,
                    locked: m.initially_locked,
                    last_sign_in: None,
                    previous_sign_in: None,
                    ledger: seed::seed_ledger(m, state.seeded_at),
                    payee: seed::seed_payee(m),
                    reminder: reminders::seeded_reminder(m),
                    points: seed::seed_points(m, state.seeded_at),
                    settings: settings::StoredSettings::default(),
                    line: None,
                    line_request: None,
                    documents: Vec::new(),
                });
            }
        }
        Lender {
            state,
            sessions: HashMap::new(),
            by_member: HashMap::new(),
            recovery: recovery::Recovery::default(),
            settled: false,
        }
    }

    pub fn state(&self) -> &LenderState {
        &self.state
    }

    /// Takes persisted state another copy of the lender saved (the demo in
    /// another tab), keeping this copy's sessions: what one tab locked or
    /// recorded, the other sees, and neither overwrites the other's changes
    /// as long as each adopts the stored state before each operation.
    pub fn adopt_state(&mut self, state: LenderState) {
        let salt = self.state.salt;
        self.state = Lender::from_state(state, salt).state;
    }

    /// How many sessions are live (or expired but not yet swept).
    /// Whether an operation since the last call changed the persisted
    /// state although it declares no write (a review moved on by a read).
    pub fn take_settled(&mut self) -> bool {
        std::mem::take(&mut self.settled)
    }

    pub fn session_count(&self) -> usize {
        self.sessions.len()
    }

    /// Declares (or with `None` lifts) maintenance outside the calendar.
    pub fn set_unscheduled_maintenance(&mut self, m: Option<UnscheduledMaintenance>) {
        self.state.unscheduled = m;
    }

    pub fn unscheduled_maintenance(&self) -> Option<UnscheduledMaintenance> {
        self.state.unscheduled
    }

    /// Signs a member in, counting failures towards the security lock.
    /// `token` becomes the new session's token on success; the caller mints
    /// it from a cryptographic source.
    pub fn sign_in(
        &mut self,
        request: &SignInRequest,
        now: DateTime<Utc>,
        token: SessionToken,
    ) -> Result<SignedIn, BackendError> {
        self.ensure_open(now)?;
        let credentials = request.validate()?;
        let Some(member) = self.member_for_login(&credentials) else {
            return Err(self.stranger_failure(&credentials, now));
        };
        let secret_matches = self.secret_matches(member, &credentials);
        let account = self.account_mut(member.id)?;
        if account.locked {
            return Err(BackendError::Locked);
        }
        if !secret_matches {
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
        // SPEC S14: the first sign-in of each calendar month (JST) earns a
        // member of the point service its monthly bonus.
        if let Some(points) = account.points.as_mut() {
            points.credit_monthly_bonus(now);
        }
        let previous_sign_in = account.previous_sign_in;
        let login = match credentials {
            Credentials::Card { .. } => LoginKind::Card,
            Credentials::WebId { .. } => LoginKind::WebId,
        };
        self.start_session(token.clone(), member.id, login, now);
        Ok(SignedIn {
            token: Some(token),
            member_name: member.name.to_owned(),
            login,
            previous_sign_in,
        })
    }

    /// The member a card number or WEB-ID names: the seeded card or WEB-ID,
    /// or a WEB-ID registered through the portal (which replaces nothing:
    /// a card member who registered one signs in either way).
    fn member_for_login(&self, credentials: &Credentials) -> Option<&'static DemoMember> {
        demo_members().iter().find(|m| match credentials {
            Credentials::Card { .. } => m.matches_login(credentials),
            Credentials::WebId { web_id, .. } => {
                self.web_id_of(m).as_deref() == Some(web_id.as_str())
            }
        })
    }

    /// Whether the PIN or password is right: a password chosen through the
    /// portal is compared by digest, else the seeded secret.
    fn secret_matches(&self, member: &DemoMember, credentials: &Credentials) -> bool {
        match (credentials, self.stored_login(member.id)) {
            (Credentials::WebId { password, .. }, Some(stored)) => {
                recovery::password_digest(self.state.salt, member.id, password.as_str())
                    == stored.password_digest
            }
            _ => member.secret_matches(credentials),
        }
    }

    /// An unknown card number or WEB-ID: counted and locked exactly like a
    /// member's wrong secret, at a threshold between 3 and 5 that only the
    /// salt decides, so no answer tells a stranger from a member. Once
    /// locked it answers `Locked`, as the already-locked member does.
    fn stranger_failure(&mut self, credentials: &Credentials, now: DateTime<Utc>) -> BackendError {
        let key = stranger_key(self.state.salt, credentials);
        let threshold = 3 + (key % 3) as u8;
        if !self.state.strangers.contains_key(&key) && self.state.strangers.len() >= MAX_STRANGERS {
            let oldest = self
                .state
                .strangers
                .iter()
                .min_by_key(|(_, s)| s.seen_ms)
                .map(|(k, _)| *k);
            if let Some(oldest) = oldest {
                self.state.strangers.remove(&oldest);
            }
        }
        let record = self.state.strangers.entry(key).or_insert(StrangerState {
            failed_attempts: 0,
            locked: false,
            seen_ms: now.timestamp_millis(),
        });
        record.seen_ms = now.timestamp_millis();
        if record.locked {
            return BackendError::Locked;
        }
        record.failed_attempts = record.failed_attempts.saturating_add(1);
        if record.failed_attempts >= threshold {
            record.locked = true;
            return BackendError::Locked;
        }
        BackendError::BadCredentials
    }

    /// Records a new session, within the per-member and total caps.
    fn start_session(
        &mut self,
        token: SessionToken,
        member_id: &str,
        login: LoginKind,
        now: DateTime<Utc>,
    ) {
        let mine = self.by_member.entry(member_id.to_owned()).or_default();
        // The member's own expired sessions go first; then, at the cap, the
        // oldest one ends.
        let sessions = &mut self.sessions;
        mine.retain(|t| {
            let alive = sessions
                .get(t)
                .is_some_and(|s| now - s.last_seen < SESSION_IDLE_LIMIT);
            if !alive {
                sessions.remove(t);
            }
            alive
        });
        while mine.len() >= MAX_SESSIONS_PER_MEMBER {
            if let Some(oldest) = mine.pop_front() {
                sessions.remove(&oldest);
            }
        }
        mine.push_back(token.clone());
        if self.sessions.len() >= MAX_SESSIONS {
            self.sweep(now);
        }
        if self.sessions.len() >= MAX_SESSIONS {
            let idlest = self
                .sessions
                .iter()
                .min_by_key(|(_, s)| s.last_seen)
                .map(|(t, _)| t.clone());
            if let Some(idlest) = idlest {
                self.end_session(&idlest);
            }
        }
        self.sessions.insert(
            token,
            Session {
                member_id: member_id.to_owned(),
                login,
                last_seen: now,
            },
        );
    }

    /// Ends every session idle for [`SESSION_IDLE_LIMIT`] or more.
    pub fn sweep(&mut self, now: DateTime<Utc>) {
        let expired: Vec<SessionToken> = self
            .sessions
            .iter()
            .filter(|(_, s)| now - s.last_seen >= SESSION_IDLE_LIMIT)
            .map(|(t, _)| t.clone())
            .collect();
        for token in expired {
            self.end_session(&token);
        }
    }

    fn end_session(&mut self, token: &SessionToken) {
        if let Some(session) = self.sessions.remove(token) {
            if let Some(mine) = self.by_member.get_mut(&session.member_id) {
                mine.retain(|t| t != token);
            }
        }
    }

    /// The session `token` names, as a tab stores it to survive a reload.
    pub fn session_record(&self, token: &SessionToken) -> Option<SessionRecord> {
        self.sessions.get(token).map(|s| SessionRecord {
            token: token.clone(),
            member_id: s.member_id.clone(),
            login: s.login,
            last_seen_ms: s.last_seen.timestamp_millis(),
        })
    }

    /// Takes back a session a tab stored before a reload (within the same
    /// caps as a sign-in). A record for no member is ignored; an expired one
    /// ends at its first use, as it would have without the reload.
    pub fn restore_session(&mut self, record: SessionRecord) {
        let Some(member) = seed::member(&record.member_id) else {
            return;
        };
        let Some(last_seen) = DateTime::<Utc>::from_timestamp_millis(record.last_seen_ms) else {
            return;
        };
        self.start_session(record.token, member.id, record.login, last_seen);
    }

    /// The session the request presents (a reloaded page asks), touched.
    pub fn current_session(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<portal_api::CurrentSession, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let login = self
            .sessions
            .get(token)
            .map(|s| s.login)
            .ok_or(BackendError::NotSignedIn)?;
        Ok(portal_api::CurrentSession {
            member_name: member.name.to_owned(),
            login,
            previous_sign_in: self.account(member.id)?.previous_sign_in,
        })
    }

    /// Ends a session. Signing out twice is harmless.
    pub fn sign_out(&mut self, token: &SessionToken) {
        self.end_session(token);
    }

    /// Records activity on a session, keeping it alive.
    pub fn touch(&mut self, token: &SessionToken, now: DateTime<Utc>) -> Result<(), BackendError> {
        self.touch_session(token, now).map(|_| ())
    }

    /// The figures for the home page.
    pub fn account_summary(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<AccountSummary, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let line = self.line_of(member);
        let line_review = self.line_review_notice(member.id, now);
        let account = self.account(member.id)?;
        let previous_sign_in = account.previous_sign_in;
        let ledger = &account.ledger;
        let today = to_jst(now).date();
        let balance = ledger.balance();
        Ok(AccountSummary {
            member_name: member.name.to_owned(),
            balance,
            credit_line: line,
            available: Yen((line.0 - balance.0).max(0)),
            next_due: ledger.next_due(today).map(|d| NextDue {
                date: d.date,
                minimum: d.minimum,
            }),
            overdue_days: ledger.overdue_days(today),
            previous_sign_in,
            points: account.points.as_ref().map(|p| p.balance),
            payoff_today: ledger.payoff(today),
            accrued_interest: ledger.accrued_interest(today),
            late_charge: ledger.late_charge(today),
            interest_free_days_left: ledger.interest_free_days_left(today),
            interest_to_next_due: ledger.interest_to_next_due(today),
            apr_percent: ledger.apr.to_string(),
            line_review,
        })
    }

    /// One page of the member's transaction history (SPEC S7), newest
    /// first, filtered as the query says.
    pub fn history(
        &mut self,
        token: &SessionToken,
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
        token: &SessionToken,
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
    fn touch_session(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<String, BackendError> {
        self.ensure_open(now)?;
        let session = self
            .sessions
            .get_mut(token)
            .ok_or(BackendError::NotSignedIn)?;
        if now - session.last_seen >= SESSION_IDLE_LIMIT {
            self.end_session(token);
            return Err(BackendError::NotSignedIn);
        }
        session.last_seen = now;
        let member_id = session.member_id.clone();
        self.settle_review(&member_id, now);
        Ok(member_id)
    }

    fn account(&self, member_id: &str) -> Result<&AccountState, BackendError> {
        self.state
            .accounts
            .iter()
            .find(|a| a.member_id == member_id)
            .ok_or(BackendError::Server)
    }

    fn account_mut(&mut self, member_id: &str) -> Result<&mut AccountState, BackendError> {
        self.state
            .accounts
            .iter_mut()
            .find(|a| a.member_id == member_id)
            .ok_or(BackendError::Server)
    }
}

/// A salted FNV-1a hash of the identifier a stranger typed: the key of its
/// failure record, so the identifier itself is never stored.
fn stranger_key(salt: u64, credentials: &Credentials) -> u64 {
    let (kind, id) = match credentials {
        Credentials::Card { card, .. } => ("card:", card.as_str()),
        Credentials::WebId { web_id, .. } => ("web:", web_id.as_str()),
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in salt
        .to_le_bytes()
        .iter()
        .chain(kind.as_bytes())
        .chain(id.as_bytes())
    {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests;
