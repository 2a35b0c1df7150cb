//! What the portal knows of time and maintenance: a clock signal that ticks
//! every second (from the page's `Date`, so tests can move it) and the
//! member service's maintenance status derived from it (SPEC S3).

use crate::browser;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use portal_api::UnscheduledMaintenance;
use portal_domain::clock::to_jst;
use portal_domain::maintenance::{status, Service, Status, Window, WindowKind};
use std::time::Duration;

/// The page's idea of now, refreshed every second.
#[derive(Clone, Copy)]
pub struct Clock(pub RwSignal<DateTime<Utc>>);

impl Clock {
    pub fn start() -> Clock {
        let now = RwSignal::new(browser::now_utc());
        // The interval lives as long as the app; there is nothing to clear.
        let _ =
            set_interval_with_handle(move || now.set(browser::now_utc()), Duration::from_secs(1));
        Clock(now)
    }

    pub fn now_ms(&self) -> i64 {
        self.0.get_untracked().timestamp_millis()
    }
}

/// The member service's maintenance status.
#[derive(Clone, Copy)]
pub struct MaintenanceCtx {
    pub unscheduled: RwSignal<Option<UnscheduledMaintenance>>,
    pub status: Memo<Status>,
}

impl MaintenanceCtx {
    pub fn new(clock: Clock) -> Self {
        let unscheduled = RwSignal::new(None::<UnscheduledMaintenance>);
        let status = Memo::new(move |_| {
            let extra = unscheduled.get().map(|u| Window {
                start: u.start,
                end: u.end,
                kind: WindowKind::Unscheduled,
            });
            status(Service::MemberService, to_jst(clock.0.get()), extra)
        });
        MaintenanceCtx {
            unscheduled,
            status,
        }
    }

    pub fn is_down(&self) -> bool {
        matches!(self.status.get(), Status::Down(_))
    }
}

pub fn use_clock() -> Clock {
    expect_context::<Clock>()
}

pub fn use_maintenance() -> MaintenanceCtx {
    expect_context::<MaintenanceCtx>()
}
