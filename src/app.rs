//! The application shell: contexts, the whole route table (SPEC S19) in one
//! place, the route guards, inactivity sign-out and the locale switch.

use crate::backend::{Backend, BackendHandle};
use crate::browser;
use crate::components::idle_warning::IdleWarning;
use crate::components::layout::Layout;
use crate::config::Config;
use crate::i18n::{I18n, Locale};
use crate::maintenance::{Clock, MaintenanceCtx};
use crate::pages::coming_soon::ComingSoonPage;
use crate::pages::history::HistoryPage;
use crate::pages::home::HomePage;
use crate::pages::login::LoginPage;
use crate::pages::maintenance::MaintenancePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::simulator::SimulatorPage;
use crate::session::{SessionCtx, SignOutReason, IDLE_LIMIT_MS, IDLE_WARNING_MS};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::{path, NavigateOptions};
use portal_domain::maintenance::Status;
use std::rc::Rc;

const LOCALE_KEY: &str = "portal.locale";

#[component]
pub fn App(config: Config, backend: Rc<dyn Backend>) -> impl IntoView {
    provide_context(config.brand.clone());

    let stored = browser::local_get(LOCALE_KEY).and_then(|c| Locale::from_code(&c));
    let locale = RwSignal::new(stored.unwrap_or_default());
    provide_context(I18n(locale));
    Effect::new(move |_| browser::set_document_lang(locale.get().code()));

    let handle = BackendHandle::new(backend);
    provide_context(handle.clone());
    let clock = Clock::start();
    provide_context(clock);
    let maintenance = MaintenanceCtx::new(clock);
    provide_context(maintenance);
    let session = SessionCtx::new(handle.clone());
    provide_context(session);

    // Maintenance the lender declared is fetched once at start; sign-in
    // also learns of it if it begins later.
    let backend = handle.get();
    spawn_local(async move {
        if let Ok(portal_api::MaintenanceStatus { unscheduled }) =
            backend.call::<portal_api::ops::GetMaintenance>(()).await
        {
            maintenance.unscheduled.set(unscheduled);
        }
    });

    // Inactivity (SPEC S4): a warning after 9 minutes, sign-out after 10.
    let idle_ms =
        Memo::new(move |_| clock.0.get().timestamp_millis() - session.last_activity.get());
    let signed_in = Memo::new(move |_| session.current.with(Option::is_some));
    let warning_open = Memo::new(move |_| signed_in.get() && idle_ms.get() >= IDLE_WARNING_MS);
    Effect::new(move |_| {
        if signed_in.get() && idle_ms.get() >= IDLE_LIMIT_MS {
            session.end(SignOutReason::Idle);
        }
    });
    // While the warning shows, only its button counts as "continue".
    let on_activity = move || {
        if signed_in.get_untracked() && !warning_open.get_untracked() {
            session.activity(clock.now_ms());
        }
    };
    let _ = window_event_listener(ev::keydown, move |_| on_activity());
    let _ = window_event_listener(ev::pointerdown, move |_| on_activity());
    let on_continue = Callback::new(move |_| {
        let now = browser::now_utc().timestamp_millis();
        session.last_activity.set(now);
        session.keep_alive(now);
    });

    // A window that begins while a member is signed in ends the session.
    let down = Memo::new(move |_| matches!(maintenance.status.get(), Status::Down(_)));
    Effect::new(move |_| {
        if down.get() && signed_in.get_untracked() {
            session.end(SignOutReason::Maintenance);
        }
    });
    let upcoming = Signal::derive(move || match maintenance.status.get() {
        Status::Upcoming(w) => Some(w),
        Status::Open | Status::Down(_) => None,
    });
    let on_locale = Callback::new(move |l: Locale| {
        locale.set(l);
        browser::local_set(LOCALE_KEY, l.code());
    });

    view! {
        <Router>
            <SignOutNavigator />
            <Layout
                signed_in=signed_in
                upcoming=upcoming
                on_locale=on_locale
                on_sign_out=Callback::new(move |_| session.end(SignOutReason::Chosen))
            >
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/home" /> } />
                    <Route path=path!("/maintenance") view=MaintenancePage />
                    <Route path=path!("/login") view=|| view! { <Open><SignedOut><LoginPage /></SignedOut></Open> } />
                    <Route path=path!("/register") view=|| view! { <Open><ComingSoonPage path="/register" /></Open> } />
                    <Route path=path!("/password-reset") view=|| view! { <Open><ComingSoonPage path="/password-reset" /></Open> } />
                    <Route path=path!("/help") view=|| view! { <ComingSoonPage path="/help" /> } />
                    <Route path=path!("/simulator") view=SimulatorPage />
                    <Route path=path!("/home") view=|| view! { <Open><SignedIn><HomePage /></SignedIn></Open> } />
                    <Route path=path!("/history") view=|| view! { <Open><SignedIn><HistoryPage /></SignedIn></Open> } />
                    <Route path=path!("/transfer") view=|| member_page("/transfer") />
                    <Route path=path!("/repay") view=|| member_page("/repay") />
                    <Route path=path!("/limit") view=|| member_page("/limit") />
                    <Route path=path!("/documents") view=|| member_page("/documents") />
                    <Route path=path!("/settings") view=|| member_page("/settings") />
                    <Route path=path!("/settings/*any") view=|| member_page("/settings") />
                    <Route path=path!("/reminders") view=|| member_page("/reminders") />
                    <Route path=path!("/points") view=|| member_page("/points") />
                </Routes>
            </Layout>
            <IdleWarning open=warning_open on_continue />
        </Router>
    }
}

/// A signed-in service whose page a later change builds.
fn member_page(path: &'static str) -> impl IntoView {
    view! { <Open><SignedIn><ComingSoonPage path /></SignedIn></Open> }
}

fn replace() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        ..Default::default()
    }
}

/// Sends the member to the sign-in page, replacing the history entry, when
/// a session ends; the back button then finds nothing of the account.
#[component]
fn SignOutNavigator() -> impl IntoView {
    let session = crate::session::use_session();
    let navigate = use_navigate();
    Effect::new(move |previous: Option<bool>| {
        let signed_in = session.current.with(Option::is_some);
        if previous == Some(true) && !signed_in {
            navigate("/login", replace());
        }
        signed_in
    });
}

/// Shows its children while `allowed` holds, and otherwise replaces the
/// history entry with `elsewhere`. Every route guard is one of these.
#[component]
fn Guard(
    #[prop(into)] allowed: Signal<bool>,
    elsewhere: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    move || {
        if allowed.get() {
            children().into_any()
        } else {
            view! { <Redirect path=elsewhere options=replace() /> }.into_any()
        }
    }
}

/// Shows its children only outside maintenance windows (SPEC S3).
#[component]
fn Open(children: ChildrenFn) -> impl IntoView {
    let maintenance = crate::maintenance::use_maintenance();
    let open = Memo::new(move |_| !maintenance.is_down());
    view! { <Guard allowed=open elsewhere="/maintenance">{children()}</Guard> }
}

/// Shows its children only to a signed-in member.
#[component]
fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = crate::session::use_session();
    let signed_in = Memo::new(move |_| session.current.with(Option::is_some));
    view! { <Guard allowed=signed_in elsewhere="/login">{children()}</Guard> }
}

/// Sends a member who is already signed in on to the home page.
#[component]
fn SignedOut(children: ChildrenFn) -> impl IntoView {
    let session = crate::session::use_session();
    let signed_out = Memo::new(move |_| session.current.with(Option::is_none));
    view! { <Guard allowed=signed_out elsewhere="/home">{children()}</Guard> }
}
