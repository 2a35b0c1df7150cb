//! The address, employer and VISA prepaid card of SPEC S12.

use portal_domain::profile::{Phone, PostalCode, Prefecture};
use serde::{Deserialize, Serialize};

/// A registered address, as `/settings` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub postal_code: PostalCode,
    pub prefecture: Prefecture,
    pub city: String,
    pub street: String,
    pub building: Option<String>,
}

/// A registered employer, as `/settings` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerView {
    pub name: String,
    pub phone: Phone,
    pub department: Option<String>,
}
