//! The document uploader (SPEC S11, S19), shared by `/documents` and the
//! income proof step of `/limit`: pages from files (`ファイルを選択`, a
//! file input that on a phone can also open the camera) or from the live
//! camera (`カメラで撮影`), each checked by content and prepared in the
//! browser (`prepare`), previewed, reordered (`上へ` / `下へ`) and removed
//! (`削除`), then sent (`送信`) with a progress bar of the real transfer.
//!
//! It holds no backend: the page hands it a [`DocumentSender`] (the
//! backend's `upload` of `SubmitDocuments`) and hears of each received
//! submission through `on_sent`. The prepared pages stay in memory until a
//! submission is received, so a failed attempt is retried with the same
//! pages and the same `Idempotency-Key` (minted on the first attempt and
//! kept while the pages and the kind stay as they were), and the lender
//! records it once however many attempts reach it.

pub mod camera;
pub mod pages;
pub mod prepare;
mod texts;

pub use texts::{percent, size_text};

use crate::backend::{fresh_key, BackendResult, LocalFuture, Progress};
use crate::components::load_error::reactive_view;
use crate::i18n::{use_i18n, Locale};
use camera::Camera;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pages::PageList;
use portal_api::{BackendError, DocumentKind, DocumentProblem, DocumentUpload, SubmittedDocument};
use portal_domain::documents::DocumentError;
use prepare::{preview_url, revoke, Prepared, Rejection};
use send_wrapper::SendWrapper;
use std::rc::Rc;
use texts::{tr, tr_with, Texts};
use wasm_bindgen::JsCast;

type SendFn = dyn Fn(
    DocumentUpload,
    String,
    Progress,
) -> LocalFuture<'static, BackendResult<SubmittedDocument>>;

/// How an uploader sends a submission: under the given `Idempotency-Key`,
/// reporting progress. The page builds it around the backend.
#[derive(Clone)]
pub struct DocumentSender(SendWrapper<Rc<SendFn>>);

impl DocumentSender {
    pub fn new(
        send: impl Fn(
                DocumentUpload,
                String,
                Progress,
            ) -> LocalFuture<'static, BackendResult<SubmittedDocument>>
            + 'static,
    ) -> Self {
        DocumentSender(SendWrapper::new(Rc::new(send)))
    }

    fn send(
        &self,
        upload: DocumentUpload,
        key: String,
        progress: Progress,
    ) -> LocalFuture<'static, BackendResult<SubmittedDocument>> {
        (self.0)(upload, key, progress)
    }
}

/// A kind's name in a locale.
pub fn kind_name(l: Locale, kind: DocumentKind) -> &'static str {
    l.pick(kind.name_ja(), kind.name_en())
}

/// The sentence for a file that cannot become a page, naming it.
fn rejection_text(t: &Texts, name: &str, rejection: Rejection) -> String {
    match rejection {
        Rejection::Rule(DocumentError::Empty) => (t.rule_empty)(name),
        Rejection::Rule(DocumentError::TooLarge) => (t.rule_too_large)(name),
        Rejection::Rule(DocumentError::WrongType) => (t.rule_wrong_type)(name),
        Rejection::Rule(DocumentError::Truncated) => (t.rule_truncated)(name),
        Rejection::Rule(DocumentError::TooManyPages) => (t.rule_too_many)(name),
        Rejection::Rule(DocumentError::SubmissionTooLarge) => (t.rule_total)(name),
        Rejection::Rule(DocumentError::NoPages) => t.rule_no_pages.to_owned(),
        Rejection::Unreadable => (t.rule_unreadable)(name),
    }
}

/// Why the last attempt to send did not end in a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Failure {
    NothingToSend,
    /// Not sent, or no answer: the same pages may be sent again.
    NotSent,
    /// The lender's refusal, each problem with its page's file name.
    Refused(Vec<(String, Rejection)>),
    TooLarge,
    Conflict,
}

fn failure_lines(t: &Texts, failure: &Failure) -> Vec<String> {
    match failure {
        Failure::NothingToSend => vec![t.nothing_to_send.to_owned()],
        Failure::NotSent => vec![t.send_failed.to_owned()],
        Failure::TooLarge => vec![t.send_too_large.to_owned()],
        Failure::Conflict => vec![t.send_conflict.to_owned()],
        Failure::Refused(problems) => std::iter::once(t.send_refused.to_owned())
            .chain(problems.iter().map(|(name, r)| rejection_text(t, name, *r)))
            .collect(),
    }
}

/// A refusal of the lender's, each problem with its page's file name.
fn refused(problems: &[DocumentProblem], names: &[String]) -> Failure {
    Failure::Refused(
        problems
            .iter()
            .map(|p| {
                let name = p
                    .page
                    .and_then(|n| names.get(usize::from(n).checked_sub(1)?))
                    .cloned()
                    .unwrap_or_default();
                (name, Rejection::Rule(p.error))
            })
            .collect(),
    )
}

/// Focuses the element with this id once the pending redraw is done.
pub(crate) fn focus_after_redraw(id: String) {
    request_animation_frame(move || crate::browser::focus_id(&id));
}

/// The uploader. `kind` is what the pages are (a page's choice, or fixed
/// by `/limit`); `prefix` starts every id inside it (two uploaders on one
/// page need two prefixes).
#[component]
pub fn DocumentUploader(
    #[prop(into)] kind: Signal<DocumentKind>,
    send: DocumentSender,
    on_sent: Callback<SubmittedDocument>,
    #[prop(optional)] prefix: Option<&'static str>,
) -> impl IntoView {
    let prefix = prefix.unwrap_or("documents");
    let i18n = use_i18n();
    let pages = RwSignal::new(PageList::default());
    // Files whose pages are being prepared, and what could not be added.
    let reading = RwSignal::new(0u32);
    let rejected = RwSignal::new(Vec::<(String, Rejection)>::new());
    // The attempt in progress: its kind and key, kept for a retry.
    let attempt = RwSignal::new(None::<(DocumentKind, String)>);
    let progress = RwSignal::new(None::<(u64, u64)>);
    let failure = RwSignal::new(None::<Failure>);
    let done = RwSignal::new(None::<SubmittedDocument>);
    let announcement = RwSignal::new(String::new());
    let camera_count = RwSignal::new(0usize);
    // Texts read in handlers and tasks, outside any reactive context.
    let texts_now = move || i18n.0.get_untracked().texts::<Texts>();

    on_cleanup(move || {
        for page in pages.with_untracked(|l| l.pages().to_vec()) {
            if let Some(url) = page.preview {
                revoke(&url);
            }
        }
    });

    // Any change to the pages is a new submission: a new key next time.
    let add = move |name: String, prepared: Prepared| -> Result<(), Rejection> {
        let preview = preview_url(&prepared.bytes, prepared.file_type);
        let mut added = Err(DocumentError::TooManyPages);
        pages.update(|l| {
            added = l.add(name, prepared.file_type, prepared.bytes, preview.clone());
        });
        if added.is_err() {
            if let Some(url) = preview {
                revoke(&url);
            }
        }
        attempt.set(None);
        added.map(|_| ()).map_err(Rejection::Rule)
    };

    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // The same file may be chosen again later.
        input.set_value("");
        if files.is_empty() {
            return;
        }
        rejected.set(Vec::new());
        failure.set(None);
        done.set(None);
        reading.update(|n| *n += 1);
        spawn_local(async move {
            let mut problems = Vec::new();
            for file in files {
                let name = file.name();
                let room = pages.try_with_untracked(|l| l.has_room());
                let result = match room {
                    None => return,
                    Some(Err(e)) => Err(Rejection::Rule(e)),
                    Some(Ok(())) => match prepare::prepare_file(&file).await {
                        Ok(prepared) => add(name.clone(), prepared),
                        Err(r) => Err(r),
                    },
                };
                if let Err(r) = result {
                    problems.push((name, r));
                }
            }
            let _ = rejected.try_set(problems);
            let _ = reading.try_update(|n| *n = n.saturating_sub(1));
        });
    };

    let on_capture = Callback::new(move |prepared: Prepared| {
        done.set(None);
        failure.set(None);
        camera_count.update(|n| *n += 1);
        let name = (texts_now().camera_photo)(camera_count.get_untracked());
        match add(name.clone(), prepared) {
            Ok(()) => rejected.set(Vec::new()),
            Err(r) => rejected.set(vec![(name, r)]),
        }
    });

    let shift = move |id: u32, up: bool| {
        if progress.get_untracked().is_some() {
            return;
        }
        let mut moved = None;
        pages.update(|l| moved = l.shift(id, up));
        if let Some(to) = moved {
            attempt.set(None);
            announcement.set((texts_now().moved)(to + 1));
            // Moving the item in the list blurs its button: focus it again
            // once the list is redrawn.
            let which = if up { "up" } else { "down" };
            focus_after_redraw(format!("{prefix}-page-{id}-{which}"));
        }
    };

    let remove = move |id: u32| {
        if progress.get_untracked().is_some() {
            return;
        }
        let mut removed = None;
        let mut next = None;
        pages.update(|l| {
            let at = l.position(id);
            removed = l.remove(id);
            next = at.and_then(|at| l.pages().get(at).or_else(|| l.pages().last()).map(|p| p.id));
        });
        if let Some(url) = removed.and_then(|p| p.preview) {
            revoke(&url);
        }
        attempt.set(None);
        announcement.set(texts_now().removed.to_owned());
        match next {
            Some(id) => focus_after_redraw(format!("{prefix}-page-{id}-remove")),
            None => focus_after_redraw(format!("{prefix}-pages-heading")),
        }
    };

    let send_now = move |_| {
        if progress.get_untracked().is_some() || reading.get_untracked() > 0 {
            return;
        }
        failure.set(None);
        done.set(None);
        let list = pages.get_untracked();
        if list.is_empty() {
            failure.set(Some(Failure::NothingToSend));
            return;
        }
        let kind = kind.get_untracked();
        let key = match attempt.get_untracked() {
            Some((k, key)) if k == kind => key,
            _ => match fresh_key() {
                Some(key) => key,
                None => {
                    failure.set(Some(Failure::NotSent));
                    return;
                }
            },
        };
        attempt.set(Some((kind, key.clone())));
        let names: Vec<String> = list.pages().iter().map(|p| p.name.clone()).collect();
        let upload = DocumentUpload {
            kind,
            pages: list
                .pages()
                .iter()
                .map(|p| p.bytes.as_ref().clone())
                .collect(),
        };
        progress.set(Some((0, list.total_bytes())));
        let report: Progress = Rc::new(move |sent, total| {
            let _ = progress.try_set(Some((sent, total)));
        });
        let reply = send.send(upload, key, report);
        spawn_local(async move {
            let result = reply.await;
            let _ = progress.try_set(None);
            match result {
                Ok(document) => {
                    let mut sent = Vec::new();
                    let _ = pages.try_update(|l| sent = l.clear());
                    for url in sent.into_iter().filter_map(|p| p.preview) {
                        revoke(&url);
                    }
                    let _ = attempt.try_set(None);
                    let _ = rejected.try_set(Vec::new());
                    let _ = done.try_set(Some(document.clone()));
                    on_sent.run(document);
                    focus_after_redraw(format!("{prefix}-done"));
                }
                Err(e) => {
                    let why = match &e {
                        BackendError::DocumentRefused { problems } => refused(problems, &names),
                        BackendError::TooLarge => Failure::TooLarge,
                        BackendError::IdempotencyConflict => {
                            let _ = attempt.try_set(None);
                            Failure::Conflict
                        }
                        _ => Failure::NotSent,
                    };
                    let _ = failure.try_set(Some(why));
                    focus_after_redraw(format!("{prefix}-send"));
                }
            }
        });
    };

    // Every reactive text and attribute below is a `Signal` (of `String`
    // or `bool`), never a closure of its own type: the framework's render
    // code is then instantiated once per value type instead of once per
    // closure, which keeps this chunk small. Optional parts are always in
    // the document and shown or hidden, for the same reason.
    let sending = Signal::derive(move || progress.with(Option::is_some));
    let busy = Signal::derive(move || sending.get() || reading.get() > 0);
    let rejected_text = Signal::derive(move || {
        let t: &Texts = i18n.t();
        rejected.with(|all| {
            all.iter()
                .map(|(name, r)| rejection_text(t, name, *r))
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    let failure_text = Signal::derive(move || {
        failure.with(|f| {
            f.as_ref()
                .map(|f| failure_lines(i18n.t(), f).join("\n"))
                .unwrap_or_default()
        })
    });
    let percent_now = Signal::derive(move || progress.get().map_or(0, |(s, t)| percent(s, t)));
    let done_field = move |pick: fn(&'static Texts, Locale, &SubmittedDocument) -> String| {
        Signal::derive(move || {
            done.with(|d| {
                d.as_ref()
                    .map(|d| pick(i18n.t(), i18n.locale(), d))
                    .unwrap_or_default()
            })
        })
    };
    let input_id = format!("{prefix}-file");
    let hint_id = format!("{prefix}-file-hint");
    let errors_id = format!("{prefix}-file-errors");
    let described = {
        let (hint_id, errors_id) = (hint_id.clone(), errors_id.clone());
        Signal::derive(move || {
            if rejected.with(Vec::is_empty) {
                hint_id.clone()
            } else {
                format!("{hint_id} {errors_id}")
            }
        })
    };
    view! {
        <div class="uploader">
            <p class="hint">{tr(|t| t.rules)}</p>
            <div class="field">
                <label for=input_id.clone()>{tr(|t| t.choose)}</label>
                <p class="hint" id=hint_id>{tr(|t| t.choose_hint)}</p>
                <input type="file" id=input_id accept="image/*,application/pdf" capture="environment" multiple=true
                    aria-describedby=described
                    aria-invalid=Signal::derive(move || (!rejected.with(Vec::is_empty)).to_string())
                    disabled=sending on:change=choose />
            </div>
            <Camera prefix=prefix on_capture=on_capture disabled=sending />
            <div id=errors_id class="notice notice-error doc-alert" role="alert">{rejected_text}</div>
            <p role="status" class="loading doc-alert">
                {Signal::derive(move || if reading.get() > 0 { i18n.t::<Texts>().reading.to_owned() } else { String::new() })}
            </p>
            <h3 id=format!("{prefix}-pages-heading") tabindex="-1">
                {tr_with(move |t, _| (t.pages_heading)(pages.with(PageList::len)))}
            </h3>
            <p class="doc-empty" hidden=Signal::derive(move || !pages.with(PageList::is_empty))>{tr(|t| t.no_pages)}</p>
            <ol class="doc-pages" aria-labelledby=format!("{prefix}-pages-heading")
                hidden=Signal::derive(move || pages.with(PageList::is_empty))>
                {reactive_view(move || {
                    let on_shift = Callback::new(move |(id, up)| shift(id, up));
                    let on_remove = Callback::new(remove);
                    pages.with(|l| {
                        let count = l.len();
                        l.pages()
                            .iter()
                            .enumerate()
                            .map(|(at, page)| page_item(page.clone(), at + 1, count, prefix, on_shift, on_remove))
                            .collect::<Vec<_>>()
                    })
                    .into_any()
                })}
            </ol>
            <p class="visually-hidden" aria-live="polite">{Signal::derive(move || announcement.get())}</p>
            <div class="doc-progress" hidden=Signal::derive(move || !sending.get())>
                <p id=format!("{prefix}-progress-label")>
                    {Signal::derive(move || progress.get().map(|(s, t)| (i18n.t::<Texts>().progress_text)(s, t)).unwrap_or_default())}
                </p>
                <div class="progress-track" role="progressbar"
                    aria-labelledby=format!("{prefix}-progress-label")
                    aria-valuemin="0" aria-valuemax="100"
                    aria-valuenow=Signal::derive(move || percent_now.get().to_string())>
                    <div class="progress-fill" style=Signal::derive(move || format!("width: {}%", percent_now.get()))></div>
                </div>
            </div>
            <div id=format!("{prefix}-send-errors") class="notice notice-error doc-alert" role="alert">{failure_text}</div>
            <p class="actions">
                <button type="button" class="primary" id=format!("{prefix}-send")
                    aria-disabled=Signal::derive(move || busy.get().to_string())
                    on:click=send_now>
                    {Signal::derive(move || if sending.get() { i18n.t::<Texts>().sending } else { i18n.t::<Texts>().send }.to_owned())}
                </button>
            </p>
            <div class="receipt card" role="status" hidden=Signal::derive(move || done.with(Option::is_none))>
                <h3 id=format!("{prefix}-done") tabindex="-1">{tr(|t| t.done_heading)}</h3>
                <dl class="facts">
                    <div><dt>{tr(|t| t.reception_number)}</dt><dd>{done_field(|_, _, d| d.reception_number.clone())}</dd></div>
                    <div><dt>{tr(|t| t.kind)}</dt><dd>{done_field(|_, l, d| kind_name(l, d.kind).to_owned())}</dd></div>
                    <div><dt>{tr(|t| t.page_count)}</dt><dd>{done_field(|t, _, d| (t.pages_value)(d.pages.len()))}</dd></div>
                </dl>
                <p>{tr(|t| t.done_note)}</p>
            </div>
        </div>
    }
}

/// One page of the list, the `at`th of `count`: its preview, name and
/// controls. The list is drawn again whenever it changes (the pages are
/// few, and a keyed list costs the chunk more than the redraw costs a
/// phone); each control keeps its id as its page moves, and the uploader
/// focuses it again after the redraw.
fn page_item(
    page: pages::Page,
    at: usize,
    count: usize,
    prefix: &'static str,
    on_shift: Callback<(u32, bool)>,
    on_remove: Callback<u32>,
) -> AnyView {
    let id = page.id;
    let label =
        move |pick: fn(&'static Texts) -> fn(usize) -> String| tr_with(move |t, _| pick(t)(at));
    let name = page.name.clone();
    let size = size_text(page.bytes.len() as u64);
    // A PDF has no preview; its tile says so (the `img` is then hidden).
    let is_pdf = page.preview.is_none();
    view! {
        <li class="doc-page">
            <img class="doc-thumb" src=page.preview.unwrap_or_default() hidden=is_pdf
                alt=tr_with(move |t, _| (t.preview_alt)(at, &name)) />
            <span class="doc-thumb doc-pdf" hidden=!is_pdf>
                {tr_with(move |t, _| if is_pdf { t.pdf_tile.to_owned() } else { String::new() })}
            </span>
            <div class="doc-page-text">
                <strong>{label(|t| t.page_number)}</strong>
                <span class="doc-name">{page.name}</span>
                <span class="hint">{format!("{} · {size}", page.file_type.name())}</span>
            </div>
            <div class="doc-page-actions">
                <button type="button" class="secondary small" id=format!("{prefix}-page-{id}-up")
                    aria-label=label(|t| t.up_label)
                    aria-disabled=(at == 1).to_string()
                    on:click=move |_| on_shift.run((id, true))>{tr(|t| t.up)}</button>
                <button type="button" class="secondary small" id=format!("{prefix}-page-{id}-down")
                    aria-label=label(|t| t.down_label)
                    aria-disabled=(at >= count).to_string()
                    on:click=move |_| on_shift.run((id, false))>{tr(|t| t.down)}</button>
                <button type="button" class="secondary small" id=format!("{prefix}-page-{id}-remove")
                    aria-label=label(|t| t.remove_label)
                    on:click=move |_| on_remove.run(id)>{tr(|t| t.remove)}</button>
            </div>
        </li>
    }
    .into_any()
}
