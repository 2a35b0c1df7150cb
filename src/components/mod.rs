//! Presentational components: props in, events out. None of them holds the
//! backend; pages do the talking.

pub mod balance_chart;
pub mod code_step;
pub mod documents;
pub mod field;
pub mod idle_warning;
pub mod institution_picker;
pub mod layout;
pub mod load_error;
pub mod page_title;
