//! `/settings/…`: not built yet (a placeholder the next change replaces).

use super::SectionFrame;
use crate::routes::SettingsSection;
use leptos::prelude::*;

#[component]
pub fn WebIdSection() -> impl IntoView {
    view! {
        <SectionFrame section=SettingsSection::WebId>
            <p>{crate::i18n::common::tr(|t| t.coming_soon_body)}</p>
        </SectionFrame>
    }
}
