//! Domain layer of the member portal: pure rules shared by the web app and the fake lender.
//!
//! This crate deliberately has no web or platform dependency, so the same rules run natively in
//! tests and the reference server, and in the browser as WebAssembly.

pub mod calendar;
pub mod clock;
pub mod credentials;
pub mod documents;
pub mod input;
pub mod institution;
pub mod interest;
pub mod kana;
pub mod lending;
pub mod line_change;
pub mod maintenance;
pub mod money;
pub mod movement;
mod numtext;
pub mod points;
pub mod profile;
pub mod rate;
pub mod recovery;
pub mod reminder;
pub mod schedule;
#[cfg(test)]
mod test_support;
pub mod wire;

#[doc(hidden)]
pub use serde as __serde;
