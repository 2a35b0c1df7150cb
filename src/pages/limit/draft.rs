//! The increase as typed, kept in this tab (`sessionStorage`) while the
//! member is on the income proof step (`/limit/proof`): a phone that drops
//! the tab while its camera app is open reloads that address, and the page
//! comes back to the step with the form as it was. Cleared once the request
//! is received.
//!
//! One line of text, the six fields joined by the unit separator: no JSON
//! reader for a value only this page writes and reads.

use super::employment_value;
use portal_api::EmploymentKind;

const KEY: &str = "portal.limit-draft";
const SEPARATOR: char = '\u{1f}';

/// What the increase form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    pub desired: String,
    pub income: String,
    pub other: String,
    pub employment: Option<EmploymentKind>,
    pub employer: String,
    pub years: String,
}

impl Typed {
    pub fn encode(&self) -> String {
        let employment = self.employment.map(employment_value).unwrap_or_default();
        [
            self.desired.as_str(),
            &self.income,
            &self.other,
            employment,
            &self.employer,
            &self.years,
        ]
        .join(&SEPARATOR.to_string())
    }

    /// The form back from [`Typed::encode`]; `None` for anything else (an
    /// older or damaged value is dropped, never half read).
    pub fn decode(text: &str) -> Option<Typed> {
        let parts: Vec<&str> = text.split(SEPARATOR).collect();
        let [desired, income, other, employment, employer, years] = parts.as_slice() else {
            return None;
        };
        let employment = match *employment {
            "" => None,
            value => Some(
                EmploymentKind::ALL
                    .into_iter()
                    .find(|k| employment_value(*k) == value)?,
            ),
        };
        Some(Typed {
            desired: (*desired).to_owned(),
            income: (*income).to_owned(),
            other: (*other).to_owned(),
            employment,
            employer: (*employer).to_owned(),
            years: (*years).to_owned(),
        })
    }
}

pub fn save(typed: &Typed) {
    crate::browser::session_set(KEY, &typed.encode());
}

pub fn load() -> Option<Typed> {
    crate::browser::session_get(KEY).and_then(|text| Typed::decode(&text))
}

pub fn clear() {
    crate::browser::session_remove(KEY);
}

// proptest runs natively only (it is a native dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn field() -> impl Strategy<Value = String> {
        // Anything a text field can hold but the separator.
        "[^\u{1f}]{0,24}"
    }

    fn employment() -> impl Strategy<Value = Option<EmploymentKind>> {
        prop_oneof![
            Just(None),
            proptest::sample::select(EmploymentKind::ALL.to_vec()).prop_map(Some),
        ]
    }

    proptest! {
        #[test]
        fn a_typed_form_comes_back_as_it_was(
            desired in field(), income in field(), other in field(),
            employment in employment(), employer in field(), years in field(),
        ) {
            let typed = Typed { desired, income, other, employment, employer, years };
            prop_assert_eq!(Typed::decode(&typed.encode()), Some(typed));
        }

        #[test]
        fn any_text_is_read_or_dropped_without_panicking(text in any::<String>()) {
            let _ = Typed::decode(&text);
        }
    }

    #[test]
    fn a_damaged_value_is_dropped() {
        let typed = Typed {
            desired: "600,000".into(),
            employment: Some(EmploymentKind::Regular),
            ..Typed::default()
        };
        let text = typed.encode();
        assert_eq!(Typed::decode(&text), Some(typed));
        assert_eq!(Typed::decode(""), None);
        assert_eq!(Typed::decode(&text.replace("regular", "boss")), None);
        assert_eq!(Typed::decode(&format!("{text}\u{1f}extra")), None);
    }
}
