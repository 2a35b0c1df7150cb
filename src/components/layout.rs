//! The frame around every page: skip link, brand header with the language
//! switch and sign-out, the maintenance banner (with a link to the help
//! page's answer about maintenance), and the support footer.

use crate::config::Brand;
use crate::i18n::common::{tr, Texts};
use crate::i18n::{use_i18n, Locale};
use crate::routes::HelpTopic;
use leptos::prelude::*;
use portal_domain::maintenance::Window;

/// The header and footer. `signed_in` decides whether sign-out shows;
/// `upcoming` is the next maintenance window when it is less than a day away.
#[component]
pub fn Layout(
    #[prop(into)] signed_in: Signal<bool>,
    #[prop(into)] upcoming: Signal<Option<Window>>,
    on_locale: Callback<Locale>,
    on_sign_out: Callback<()>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let brand = use_context::<Brand>().unwrap_or_default();
    let brand_name = {
        let brand = brand.clone();
        move || brand.name(i18n.locale()).to_owned()
    };
    let other = move || i18n.locale().other();
    let banner = move || {
        upcoming.get().map(|w| {
            let l = i18n.locale();
            let text =
                (i18n.t::<Texts>().maintenance_banner)(&l.datetime(w.start), &l.datetime(w.end));
            // A plain `<a>`: the router's click handler keeps it in the app.
            view! {
                <div class="banner" role="status">
                    {text}
                    " "
                    <a href=HelpTopic::Maintenance.href()>{tr(|t| t.more_about_maintenance)}</a>
                </div>
            }
        })
    };
    let support = move || {
        let hours = brand.support_hours(i18n.locale());
        (i18n.t::<Texts>().call_support)(&brand.support_phone, hours)
    };
    view! {
        <a class="skip-link" href="#main">{tr(|t| t.skip_to_content)}</a>
        <header class="site-header">
            <span class="brand">{brand_name}</span>
            <nav class="header-actions" aria-label=tr(|t| t.language_switch)>
                <button
                    type="button"
                    class="link-button"
                    lang=move || other().code()
                    on:click=move |_| on_locale.run(other())
                >
                    {tr(|t| t.other_language_name)}
                </button>
                <Show when=move || signed_in.get()>
                    <button type="button" class="secondary" on:click=move |_| on_sign_out.run(())>
                        {tr(|t| t.sign_out)}
                    </button>
                </Show>
            </nav>
        </header>
        {banner}
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{support}</p>
        </footer>
    }
}
