//! The application shell: contexts, the route guards, loading each page's
//! chunk (and prefetching the others when idle), inactivity sign-out and the
//! locale switch. Which page a path shows is `crate::routes`' typed list.

use crate::backend::{Backend, BackendHandle};
use crate::browser;
use crate::components::idle_warning::IdleWarning;
use crate::components::layout::Layout;
use crate::components::page_title::{title_of, PageTitle};
use crate::config::Config;
use crate::i18n::common::tr;
use crate::i18n::{I18n, Locale};
use crate::maintenance::{Clock, MaintenanceCtx};
use crate::pages::not_found::NotFoundPage;
use crate::pages::ChunkError;
use crate::routes::{Access, Page};
use crate::session::{SessionCtx, SignOutReason, IDLE_LIMIT_MS, IDLE_WARNING_MS};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
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
    provide_context(crate::pages::NestedChunks::new());
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
                // One route: the typed list in `crate::routes` decides which
                // page a path shows, so no path is written here.
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/*any") view=PageForPath />
                </Routes>
            </Layout>
            <DemoSlot />
            <IdleWarning open=warning_open on_continue />
            <PrefetchWhenIdle />
        </Router>
    }
}

/// The page of the current path, inside the guards its access asks for.
#[component]
fn PageForPath() -> impl IntoView {
    let location = use_location();
    let page = Memo::new(move |_| location.pathname.with(|p| Page::from_path(p)));
    let root = Memo::new(move |_| location.pathname.with(|p| p == "/"));
    move || match page.get() {
        Some(page) => guarded(page),
        None if root.get() => view! { <Redirect path=Page::Home.path() /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

/// A page inside the guards its access asks for (SPEC S3, S4).
fn guarded(page: Page) -> AnyView {
    let view = move || view! { <LazyPage page /> };
    match page.access() {
        Access::Always => view().into_any(),
        Access::Open => view! { <Open>{view()}</Open> }.into_any(),
        Access::SignedOut => view! { <Open><SignedOut>{view()}</SignedOut></Open> }.into_any(),
        Access::Member => view! { <Open><SignedIn>{view()}</SignedIn></Open> }.into_any(),
    }
}

/// A page whose code arrives in its own chunk: a loading line while it is
/// fetched, and a calm bilingual message with a retry button if it cannot
/// be. The rest of the app (header, language switch, sign-out) keeps
/// working either way.
///
/// No `Suspense` wraps the page: the page's own reads must not hold its
/// heading back until they are in (it shows its own loading states).
#[component]
fn LazyPage(page: Page) -> impl IntoView {
    let load: ChunkLoader = Rc::new(move || {
        Box::pin(async move {
            crate::pages::preload(page).await?;
            crate::pages::load(page).await
        })
    });
    view! { <LazyChunk load title=title_of(page) /> }
}

/// Fetches a chunk and builds its view (see [`LazyChunk`]).
pub type ChunkLoader = Rc<
    dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, ChunkError>>>>,
>;

/// A view whose code arrives in a chunk of its own (a page, or a settings
/// section): a loading line while it is fetched, and a calm bilingual
/// message under `title` with a retry button if it cannot be.
///
/// A `part` (a form inside a page, see `crate::pages::NestedChunks`) says
/// so without a heading of its own: the page around it has one.
#[component]
pub fn LazyChunk(
    load: ChunkLoader,
    title: Signal<&'static str>,
    #[prop(optional)] part: bool,
) -> impl IntoView {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        Loading,
        Failed,
        Ready,
    }
    let state = RwSignal::new(State::Loading);
    // The view, built (under this component's owner, so it sees the
    // app's contexts) once its chunk is in, and mounted once.
    let view = StoredValue::new_local(None::<AnyView>);
    // A retry runs from the failure message's button, whose owner ends with
    // the message; the view must belong to this component instead.
    let owner = Owner::current();
    let start = move || {
        state.set(State::Loading);
        // Cancelled if this view is left before its chunk is in (a guard
        // sends the member elsewhere, say), and checked again once it is:
        // a view is never built under an owner that has ended.
        let load = load.clone();
        let spawn = move || {
            spawn_local_scoped_with_cancellation(async move {
                let loaded = load().await;
                if state.try_get_untracked().is_none() {
                    return;
                }
                match loaded {
                    Ok(loaded) => {
                        view.set_value(Some(loaded));
                        state.set(State::Ready);
                    }
                    Err(ChunkError) => state.set(State::Failed),
                }
            })
        };
        match &owner {
            Some(owner) => owner.with(spawn),
            None => spawn(),
        }
    };
    let start = StoredValue::new_local(start);
    start.with_value(|s| s());
    let on_retry = Callback::new(move |_| start.with_value(|s| s()));
    move || match state.get() {
        State::Loading => crate::components::load_error::loading_line(),
        State::Failed if part => view! { <PartFailed on_retry /> }.into_any(),
        State::Failed => view! { <ChunkFailed title on_retry /> }.into_any(),
        State::Ready => view
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    }
}

/// The demo panel, with the fake lender only: its chunk is fetched after
/// the app starts, and a member of the real lender never sees or loads it.
#[component]
fn DemoSlot() -> impl IntoView {
    let backend = crate::backend::use_backend();
    let ready = RwSignal::new(false);
    let panel = StoredValue::new_local(None::<AnyView>);
    if backend.get().demo().is_some() {
        spawn_local_scoped_with_cancellation(async move {
            if let Ok(view) = crate::demo::panel_view().await {
                panel.set_value(Some(view));
                let _ = ready.try_set(true);
            }
        });
    }
    move || {
        ready
            .get()
            .then(|| panel.try_update_value(Option::take).flatten())
            .flatten()
    }
}

/// Says a page could not be loaded and offers to try again.
#[component]
fn ChunkFailed(title: Signal<&'static str>, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="page narrow">
            <PageTitle text=title />
            <div class="notice notice-warning" role="alert">
                <p>{tr(|t| t.chunk_failed)}</p>
                <button type="button" on:click=move |_| on_retry.run(())>{tr(|t| t.retry)}</button>
            </div>
        </section>
    }
}

/// Says a part of a page could not be loaded and offers to try again.
#[component]
fn PartFailed(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice notice-warning" role="alert">
            <p>{tr(|t| t.part_failed)}</p>
            <button type="button" on:click=move |_| on_retry.run(())>{tr(|t| t.retry)}</button>
        </div>
    }
}

/// Once the first page is interactive and the browser has been idle a
/// while, fetches the chunks of the pages the member can open next (signed
/// out: the public pages and home; signed in: the member pages), one page
/// at a time, so later navigation does not wait for the network and the
/// first page is never slowed. Each chunk is fetched once: a loaded chunk
/// is remembered by the loader, and a failed prefetch is simply tried again
/// when the page is opened.
#[component]
fn PrefetchWhenIdle() -> impl IntoView {
    let session = crate::session::use_session();
    let signed_in = Memo::new(move |_| session.current.with(Option::is_some));
    Effect::new(move |_| {
        let member = signed_in.get();
        browser::when_idle(move || {
            spawn_local(async move {
                let next = Page::ALL.into_iter().filter(|p| match p.access() {
                    Access::Always => true,
                    Access::Open | Access::SignedOut => !member,
                    Access::Member => member || *p == Page::Home,
                });
                for page in next {
                    let _ = crate::pages::preload(page).await;
                }
            });
        });
    });
}

/// A navigation that replaces the current history entry (Back then skips
/// the page left: a redirect, a finished step).
pub(crate) fn replace() -> NavigateOptions {
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
            navigate(Page::Login.path(), replace());
        }
        signed_in
    });
}

/// Shows its children while `allowed` holds, and otherwise replaces the
/// history entry with `elsewhere`. Every route guard is one of these.
#[component]
fn Guard(
    #[prop(into)] allowed: Signal<bool>,
    #[prop(into)] elsewhere: String,
    children: ChildrenFn,
) -> impl IntoView {
    move || {
        if allowed.get() {
            children().into_any()
        } else {
            view! { <Redirect path=elsewhere.clone() options=replace() /> }.into_any()
        }
    }
}

/// Shows its children only outside maintenance windows (SPEC S3).
#[component]
fn Open(children: ChildrenFn) -> impl IntoView {
    let maintenance = crate::maintenance::use_maintenance();
    let open = Memo::new(move |_| !maintenance.is_down());
    view! { <Guard allowed=open elsewhere=Page::Maintenance.path()>{children()}</Guard> }
}

/// Shows its children only to a signed-in member; anyone else goes to the
/// sign-in page, which brings them back here afterwards.
#[component]
fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = crate::session::use_session();
    let signed_in = Memo::new(move |_| session.current.with(Option::is_some));
    // After a reload the page waits for the lender's answer about this
    // tab's session, so the address (query string included, such as the
    // bank's return to /repay) is kept.
    let waiting = Memo::new(move |_| session.restoring.get() && !signed_in.get());
    let here = use_location().pathname.get_untracked();
    let login = Page::login_for(&here);
    let children = StoredValue::new(children);
    move || {
        if waiting.get() {
            crate::components::load_error::loading_line()
        } else {
            let login = login.clone();
            view! { <Guard allowed=signed_in elsewhere=login>{children.with_value(|c| c())}</Guard> }
                .into_any()
        }
    }
}

/// Sends a member who is already signed in on to the page they asked for
/// (`?next=`, a member page of the route list) or the home page.
#[component]
fn SignedOut(children: ChildrenFn) -> impl IntoView {
    let session = crate::session::use_session();
    let signed_out = Memo::new(move |_| session.current.with(Option::is_none));
    let next = use_query_map().with_untracked(|q| Page::return_path(q.get_str("next")).to_owned());
    view! { <Guard allowed=signed_out elsewhere=next>{children()}</Guard> }
}
