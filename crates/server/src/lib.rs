//! The native reference server for the portal's HTTP backend: one in-memory
//! fake lender behind the JSON API that `openapi/openapi.yaml` documents.
//!
//! The binary (`main.rs`) only parses the command line, binds a loopback
//! socket and serves [`app`]; everything a request touches lives in this
//! library so the tests can drive the very same router in-process.

// A handler's panic must become the contract's 500 (`CatchPanicLayer` in
// `routes.rs`), which needs unwinding; with `panic = "abort"` (the
// workspace's release profile, meant for the wasm bundle) one panic would
// take the whole server down. Build release servers with
// `--profile server-release`.
#[cfg(panic = "abort")]
compile_error!(
    "portal-server needs panic = \"unwind\": build it with `cargo build --profile server-release -p portal-server`"
);

pub mod assets;
pub mod cli;
pub mod clock;
pub mod error;
pub mod extract;
pub mod faults;
pub mod routes;
pub mod state;

pub use cli::Options;
pub use clock::{request_now, Clock, MAX_TEST_NOW_MS, TEST_NOW_HEADER};
pub use error::{status_for, ApiError};
pub use faults::{FaultInjection, FaultKind};
pub use routes::{app, MaintenanceNotice, API_PREFIX, BODY_LIMIT_BYTES, UPLOAD_BODY_LIMIT_BYTES};
pub use state::{fresh_entropy, AppState, Config};
