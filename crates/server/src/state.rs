//! The server's shared state: one fake lender in memory behind an async
//! mutex, plus the configuration every request needs.

use chrono::{DateTime, Utc};
use fake_lender::Lender;
use std::sync::Arc;
use tokio::sync::Mutex;

use crate::clock::Clock;
use crate::faults::Faults;

/// What the router is built from.
#[derive(Clone)]
pub struct Config {
    /// Whether `/api/v1/test/*` exists and `X-Test-Now` is honoured.
    pub test_controls: bool,
    /// The server's own clock; `Utc::now` outside tests.
    pub clock: Clock,
    /// Entropy for the first lender's salt (unknown-account records).
    pub entropy: u64,
}

impl Config {
    /// A configuration on the real clock.
    pub fn new(test_controls: bool, entropy: u64) -> Self {
        Config {
            test_controls,
            clock: Arc::new(Utc::now),
            entropy,
        }
    }
}

/// Shared by every request.
///
/// Each operation holds the lender's lock from start to finish, so two
/// requests never interleave inside the state machine: concurrent wrong PINs
/// are counted one by one and the lock engages at exactly the threshold.
#[derive(Clone)]
pub struct AppState {
    lender: Arc<Mutex<Lender>>,
    test_controls: bool,
    clock: Clock,
    faults: Arc<Faults>,
}

impl AppState {
    /// A state holding a freshly seeded lender as of the configured clock.
    pub fn new(config: &Config) -> Self {
        let now = (config.clock)();
        AppState {
            lender: Arc::new(Mutex::new(Lender::seeded(now, config.entropy))),
            test_controls: config.test_controls,
            clock: Arc::clone(&config.clock),
            faults: Arc::default(),
        }
    }

    /// The lender, shared with every other request.
    pub fn lender(&self) -> &Mutex<Lender> {
        &self.lender
    }

    /// The faults armed for the next requests (test controls only).
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    pub fn test_controls(&self) -> bool {
        self.test_controls
    }

    /// The server's clock, before any `X-Test-Now` override.
    pub fn real_now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}

/// Fresh randomness from the OS: the salt of a newly seeded lender.
pub fn fresh_entropy() -> Result<u64, getrandom::Error> {
    getrandom::u64()
}

/// 128 bits from the OS for a new session token (the lender never draws
/// randomness itself); `None` if the OS cannot give any, which the lender
/// answers as a server error rather than minting a weak token.
pub fn fresh_token_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes)
}
