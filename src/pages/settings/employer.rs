//! `/settings/…`: not built yet (a placeholder the next change replaces).

use super::SectionFrame;
use crate::routes::SettingsSection;
use leptos::prelude::*;

#[component]
pub fn EmployerSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::Employer>
            <p>{crate::i18n::common::tr(|t| t.coming_soon_body)}</p>
        </SectionFrame>
    }
}
