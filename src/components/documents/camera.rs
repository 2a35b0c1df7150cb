//! The live camera (SPEC S11): where `navigator.mediaDevices.getUserMedia`
//! exists and the member allows it, a preview of the rear camera with a
//! shutter that adds the frame as a JPEG page. Where the camera is refused
//! or absent, a message says so and points to the file input, which
//! still works (on a phone its `capture` attribute opens the camera app).
//! The stream is stopped when the camera is closed and when the uploader
//! goes away, so the camera light never stays on.

use super::prepare::{capture_frame, Prepared};
use super::texts::{camera_tr as tr, CameraTexts as Texts};
use crate::i18n::use_i18n;
use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MediaStream, MediaStreamTrack};

/// Why the camera cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    /// The member (or the browser's policy) said no: `NotAllowedError`,
    /// `SecurityError`.
    Refused,
    /// No camera, or no `getUserMedia` at all (an old browser, a page not
    /// served securely): `NotFoundError`, `OverconstrainedError`.
    Absent,
    /// Anything else (the camera is busy, …).
    Broken,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Off,
    Starting,
    Live,
    Failed(Problem),
}

/// The rear camera if there is one, without sound.
fn constraints() -> web_sys::MediaStreamConstraints {
    let video = js_sys::Object::new();
    let facing = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&facing, &"ideal".into(), &"environment".into());
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &facing);
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    constraints
}

fn problem_of(error: &JsValue) -> Problem {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => Problem::Refused,
        "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => Problem::Absent,
        _ => Problem::Broken,
    }
}

/// Asks for the camera. `Absent` when the browser offers no way to.
async fn open_camera() -> Result<MediaStream, Problem> {
    let devices = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| {
            // `mediaDevices` is missing outside secure contexts; reading it
            // through Reflect tells that from a thrown error.
            let present = js_sys::Reflect::get(&n, &"mediaDevices".into())
                .map(|v| !v.is_undefined() && !v.is_null())
                .unwrap_or(false);
            present.then(|| n.media_devices().ok()).flatten()
        })
        .ok_or(Problem::Absent)?;
    let promise = devices
        .get_user_media_with_constraints(&constraints())
        .map_err(|e| problem_of(&e))?;
    let stream = JsFuture::from(promise).await.map_err(|e| problem_of(&e))?;
    stream
        .dyn_into::<MediaStream>()
        .map_err(|_| Problem::Broken)
}

fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// The camera button, and once opened the preview with its shutter.
/// `on_capture` gets each photo taken, already a JPEG page.
#[component]
pub fn Camera(
    /// Ids in this uploader start with it.
    prefix: &'static str,
    on_capture: Callback<Prepared>,
    /// While the uploader sends, no photo is taken.
    #[prop(into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(State::Off);
    let note = RwSignal::new(None::<&'static str>);
    let stream = StoredValue::new_local(None::<MediaStream>);
    let video = NodeRef::<Video>::new();
    let texts_now = move || i18n.0.get_untracked().texts::<Texts>();

    let close = move || {
        stream.update_value(|s| {
            if let Some(s) = s.take() {
                stop(&s);
            }
        });
        if let Some(v) = video.get_untracked() {
            v.set_src_object(None);
        }
    };
    on_cleanup(close);

    let start = move |_| {
        if matches!(state.get_untracked(), State::Starting | State::Live) {
            return;
        }
        state.set(State::Starting);
        note.set(None);
        spawn_local(async move {
            match open_camera().await {
                Ok(s) => {
                    // The member may have left the page meanwhile.
                    let Some(v) = video.get_untracked() else {
                        stop(&s);
                        return;
                    };
                    v.set_src_object(Some(&s));
                    let _ = v.play();
                    stream.set_value(Some(s));
                }
                Err(problem) => {
                    let _ = state.try_set(State::Failed(problem));
                }
            }
        });
    };

    let shutter = move |_| {
        if disabled.get_untracked() || state.get_untracked() != State::Live {
            return;
        }
        let Some(v) = video.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match capture_frame(&v).await {
                Ok(page) => {
                    on_capture.run(page);
                    let _ = note.try_set(Some(texts_now().captured));
                }
                Err(_) => {
                    let _ = note.try_set(Some(texts_now().capture_failed));
                }
            }
        });
    };

    let close_button = move |_| {
        close();
        state.set(State::Off);
        note.set(None);
        super::focus_after_redraw(format!("{prefix}-camera-open"));
    };

    // Signals, not closures, for every reactive text and attribute (see
    // the uploader): one instantiation of the framework's code per type.
    let problem_text = Signal::derive(move || {
        let t: &Texts = i18n.t();
        match state.get() {
            State::Failed(Problem::Refused) => t.refused,
            State::Failed(Problem::Absent) => t.absent,
            State::Failed(Problem::Broken) => t.broken,
            _ => "",
        }
        .to_owned()
    });
    let open = Signal::derive(move || matches!(state.get(), State::Starting | State::Live));
    view! {
        <div class="camera">
            <button type="button" class="secondary" id=format!("{prefix}-camera-open")
                hidden=open on:click=start>{tr(|t| t.open)}</button>
            <div class="notice notice-error doc-alert" role="alert">{problem_text}</div>
            <div class="camera-live" role="group" aria-label=tr(|t| t.region)
                hidden=Signal::derive(move || !open.get())>
                <p class="hint">{tr(|t| t.hint)}</p>
                <p role="status" class="doc-alert">
                    {Signal::derive(move || if state.get() == State::Starting { i18n.t::<Texts>().starting } else { "" }.to_owned())}
                </p>
                <video node_ref=video autoplay=true muted=true playsinline=true
                    aria-label=tr(|t| t.preview)
                    on:loadedmetadata=move |_| {
                        if state.get_untracked() == State::Starting {
                            state.set(State::Live);
                            super::focus_after_redraw(format!("{prefix}-shutter"));
                        }
                    }></video>
                <p class="actions">
                    <button type="button" class="primary" id=format!("{prefix}-shutter")
                        aria-disabled=Signal::derive(move || (state.get() != State::Live || disabled.get()).to_string())
                        on:click=shutter>{tr(|t| t.shutter)}</button>
                    <button type="button" class="secondary" on:click=close_button>{tr(|t| t.close)}</button>
                </p>
                <p role="status" class="camera-note">{Signal::derive(move || note.get().unwrap_or_default().to_owned())}</p>
            </div>
        </div>
    }
}
