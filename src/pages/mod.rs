//! One file per route. Pages are thin: they read context, call the backend
//! and hand values to presentational components.

pub mod coming_soon;
pub mod history;
pub mod home;
pub mod login;
pub mod maintenance;
pub mod not_found;
pub mod simulator;
