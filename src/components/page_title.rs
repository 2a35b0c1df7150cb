//! The page heading. On every navigation focus moves to it and the tab title
//! follows it, so screen-reader and keyboard users know where they are. A
//! page opened at one of its anchors (`/help#lock`) names that anchor
//! instead: the member asked for that part, so it is revealed and focused,
//! and the heading takes no focus (one focus move, so the two never race).

use crate::browser;
use crate::config::Brand;
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;

pub const PAGE_TITLE_ID: &str = "page-title";

/// A page's title from the route list, in the current locale.
pub fn title_of(page: Page) -> Signal<&'static str> {
    let i18n = use_i18n();
    Signal::derive(move || page.title(i18n.locale()))
}

#[component]
pub fn PageTitle(
    #[prop(into)] text: Signal<&'static str>,
    /// The id of the element the address's fragment names, when the page
    /// has it: revealed and focused on arrival instead of the heading
    /// (`browser::reveal_id_when_present`). `None` focuses the heading.
    #[prop(optional_no_strip)]
    anchor: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let brand = use_context::<Brand>().unwrap_or_default();
    Effect::new(move |_| {
        let brand_name = brand.name(i18n.locale());
        browser::set_title(&format!("{} | {}", text.get(), brand_name));
    });
    // Focus once, when the page appears, not on every locale change. A page
    // that arrives in its own chunk is built before it is in the document,
    // so focus waits until its target is there.
    Effect::new(move |_| match anchor {
        Some(id) => browser::reveal_id_when_present(id),
        None => browser::focus_id_when_present(PAGE_TITLE_ID),
    });
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{move || text.get()}</h1>
    }
}
