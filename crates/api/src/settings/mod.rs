//! Wire types of the settings (各種設定の変更, SPEC S12). `GET /profile`
//! answers everything `/settings` shows (each value masked where it is a
//! number worth keeping private); each change has its own operation, whose
//! types live beside this one: the repayment date here, the address,
//! employer and prepaid card in [`contact`], the e-mail address, WEB-ID and
//! password in [`credentials`]. The payee account is the transfer's own
//! (`GET`/`PUT /payee-account`, [`crate::movement`]).
//!
//! Every change is checked again by the lender, is all or nothing, and
//! sends a notice e-mail saying what changed; a change to the same value
//! changes nothing and sends nothing, so a retry is harmless.

pub mod contact;
pub mod credentials;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use contact::*;
pub use credentials::*;

pub use portal_domain::calendar::RepaymentDay;

/// `GET /profile`: what the member has registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    /// The name's reading in full-width katakana.
    pub kana: String,
    /// The registered e-mail address, if any.
    pub email: Option<String>,
    /// The member's WEB-ID, if they have one.
    pub web_id: Option<String>,
    /// Signs in with a card and PIN (and may add a WEB-ID).
    pub card_member: bool,
    pub repayment_day: RepaymentDay,
    /// The repayment date change that takes effect (see
    /// [`RepaymentDayChange`]), while one is pending.
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_date")]
    pub next_due_date: Option<NaiveDate>,
    /// Whether a missed due date is still unpaid: the repayment date cannot
    /// be changed then.
    pub overdue: bool,
    pub address: Option<AddressView>,
    pub employer: Option<EmployerView>,
    /// `**** **** **** 1111`.
    pub prepaid_card: Option<String>,
}

/// `PUT /profile/repayment-day`: the new day of the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepaymentDayChange {
    pub day: RepaymentDay,
}

/// What a repayment date change did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepaymentDayChanged {
    pub day: RepaymentDay,
    /// The next due date under the new day (`None` without a balance: the
    /// day applies from the next borrowing).
    #[serde(default, deserialize_with = "portal_domain::wire::time::opt_date")]
    pub next_due_date: Option<NaiveDate>,
}
