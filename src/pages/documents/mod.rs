//! `/documents` (書類提出, SPEC S11): the kind of document, the uploader
//! (`crate::components::documents`) and the list of submitted documents
//! with their status (`GetDocuments`, refetched after each submission).

mod texts;

use crate::backend::{use_backend, BackendHandle};
use crate::components::documents::{kind_name, DocumentSender, DocumentUploader};
use crate::components::load_error::loaded;
use crate::components::page_title::{title_of, PageTitle};
use crate::i18n::{use_i18n, Locale};
use crate::routes::Page;
use crate::session::{member_resource, use_session, SessionCtx};
use leptos::prelude::*;
use portal_api::ops::{GetDocuments, SubmitDocuments};
use portal_api::{DocumentKind, DocumentStatus, SubmittedDocument};
use portal_domain::clock::to_jst;
use texts::{tr, Texts};

/// The uploader's sender for a signed-in page: `SubmitDocuments` through
/// the backend in context, ending the session (or showing maintenance)
/// when the lender says so. `/limit` builds its uploader's with it too.
pub fn document_sender(backend: BackendHandle, session: SessionCtx) -> DocumentSender {
    DocumentSender::new(move |upload, key, progress| {
        let reply = backend.upload::<SubmitDocuments>(upload, Some(key), progress);
        Box::pin(async move {
            let result = reply.await;
            if let Err(e) = &result {
                session.absorb(e);
            }
            result
        })
    })
}

fn status_name(l: Locale, s: DocumentStatus) -> &'static str {
    l.pick(s.name_ja(), s.name_en())
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = member_resource(|b| b.call::<GetDocuments>(()));
    let kind = RwSignal::new(DocumentKind::IdentityDocument);
    let sender = document_sender(use_backend(), use_session());
    // The list as it stands: loading, failed (with a retry) or the cards.
    let submitted = loaded(list, move |documents| {
        document_list(i18n.t(), i18n.locale(), &documents)
    });
    view! {
        <section class="page narrow">
            <PageTitle text=title_of(Page::Documents) />
            <p>{tr(|t| t.intro)}</p>
            <fieldset class="field kind-choice">
                <legend>{tr(|t| t.kind_legend)}</legend>
                <KindOption kind=kind option=DocumentKind::IdentityDocument hint=tr(|t| t.identity_hint) />
                <KindOption kind=kind option=DocumentKind::IncomeProof hint=tr(|t| t.income_hint) />
            </fieldset>
            <h2>{tr(|t| t.upload_heading)}</h2>
            <DocumentUploader kind=kind send=sender
                on_sent=Callback::new(move |_| list.refetch()) />
            <h2 id="documents-list-heading">{tr(|t| t.list_heading)}</h2>
            <p class="hint">{tr(|t| t.status_note)}</p>
            {submitted}
        </section>
    }
}

/// One radio of the kind choice, with its hint.
#[component]
fn KindOption(
    kind: RwSignal<DocumentKind>,
    option: DocumentKind,
    hint: Signal<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("documents-kind-{}", option.wire_name());
    let hint_id = format!("{id}-hint");
    view! {
        <div class="kind-option">
            <label class="radio">
                <input type="radio" name="documents-kind" id=id value=option.wire_name()
                    aria-describedby=hint_id.clone()
                    prop:checked=Signal::derive(move || kind.get() == option)
                    on:change=move |_| kind.set(option) />
                {Signal::derive(move || kind_name(i18n.locale(), option).to_owned())}
            </label>
            <p class="hint" id=hint_id>{hint}</p>
        </div>
    }
}

/// The submissions, newest first, each as a card.
fn document_list(t: &'static Texts, l: Locale, documents: &[SubmittedDocument]) -> impl IntoView {
    if documents.is_empty() {
        return view! { <p>{t.list_empty}</p> }.into_any();
    }
    view! {
        <ul class="doc-list" aria-labelledby="documents-list-heading">
            {documents.iter().map(|d| view! {
                <li class="card" aria-label=(t.list_label)(&d.reception_number)>
                    <dl class="facts">
                        <div><dt>{t.reception_number}</dt><dd>{d.reception_number.clone()}</dd></div>
                        <div><dt>{t.kind}</dt><dd>{kind_name(l, d.kind)}</dd></div>
                        <div><dt>{t.pages}</dt><dd>{(t.pages_value)(d.pages.len())}</dd></div>
                        <div><dt>{t.submitted_at}</dt><dd>{l.datetime(to_jst(d.submitted_at))}</dd></div>
                        <div><dt>{t.status}</dt><dd>
                            <span class=format!("doc-status doc-status-{}", status_class(d.status))>{status_name(l, d.status)}</span>
                        </dd></div>
                    </dl>
                </li>
            }
            // As `AnyView`s: the list code for them is shared with the uploader's.
            .into_any()).collect::<Vec<_>>()}
        </ul>
    }
    .into_any()
}

fn status_class(s: DocumentStatus) -> &'static str {
    match s {
        DocumentStatus::Received => "received",
        DocumentStatus::Checking => "checking",
        DocumentStatus::Verified => "verified",
        DocumentStatus::Deficient => "deficient",
    }
}
