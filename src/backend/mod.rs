//! The one backend interface the portal uses (SPEC S16). Pages reach it
//! through context as a `BackendHandle` and never name an implementation.
//!
//! Every operation is declared once in `portal_api::ops`. A backend has one
//! type-erased method, [`Backend::send`], which carries any operation of that
//! list on its wire form, so `Rc<dyn Backend>` stays object-safe (an adapter
//! can come from a separately loaded chunk). Pages call the typed wrapper on
//! `dyn Backend`: `backend.call::<GetHistory>(query)`.
//!
//! An upload (an `Input::Multipart` operation: documents) goes through
//! [`Backend::send_form`] instead, with its request as a `Form` and a
//! [`Progress`] callback that each adapter calls as the bytes really leave:
//! the HTTP adapter from `XMLHttpRequest`'s upload events (fetch reports no
//! upload progress), the fake from its simulated transfer. Pages call
//! `BackendHandle::upload::<SubmitDocuments>(request, key, progress)`.
//!
//! The adapter, not the page, holds the session credential: the HTTP
//! adapter has none at all (the lender's `HttpOnly` cookie, which no script
//! can read), the fake adapter keeps its token in `sessionStorage`. Either
//! way a reload in the same tab finds the session again
//! (`GetCurrentSession`), and no page code ever sees a token.

mod fake;
mod http;

use crate::chunk::ChunkError;
use crate::config::BackendConfig;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use portal_api::ops::{decode_as, decode_reply, encode_request, OpSpec, Operation};
use portal_api::{BackendError, Form};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

pub use fake::FakeBackend;
pub use http::HttpBackend;

/// A future that lives on the browser's single thread.
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;
pub type BackendResult<T> = Result<T, BackendError>;

/// Everything the portal asks of a lender: any operation of the list.
pub trait Backend {
    /// Sends one operation. `request` is its wire form (the query string
    /// or JSON body `portal_api::ops::encode_request` writes, empty when it
    /// takes nothing); the answer is the reply's JSON (empty for `()`). The
    /// adapter presents its session to operations that need one, keeps the
    /// session an operation starts (the reply's token is always `null` by
    /// the time a page sees it) and forgets one an operation ends.
    ///
    /// `key` is the `Idempotency-Key` of a money movement (`OpSpec::idempotency_key`):
    /// the page mints it when the member reaches the confirmation screen
    /// and sends the same one with every attempt to confirm, so however many
    /// attempts arrive the lender books once. Without one the adapter mints
    /// a key per call.
    fn send(
        &self,
        op: &'static OpSpec,
        request: String,
        key: Option<String>,
    ) -> LocalFuture<'_, BackendResult<String>>;

    /// Sends an upload (`Input::Multipart`): `form` is its request as
    /// `Operation::into_form` writes it. `progress(sent, total)` is called
    /// as the form's bytes are transferred (total is the adapter's count
    /// of what it sends, which for HTTP includes the form's boundaries).
    /// The adapter never repeats an upload by itself: a failed one is the
    /// page's to offer again, under the same `key`.
    fn send_form(
        &self,
        op: &'static OpSpec,
        form: Form,
        key: Option<String>,
        progress: Progress,
    ) -> LocalFuture<'_, BackendResult<String>>;

    /// Demo controls, present only on the fake lender.
    fn demo(&self) -> Option<&dyn DemoControls> {
        None
    }
}

impl dyn Backend + '_ {
    /// Sends `Op` with `request`, typed both ways.
    pub fn call<Op: Operation>(
        &self,
        request: Op::Request,
    ) -> LocalFuture<'_, BackendResult<Op::Reply>> {
        self.call_keyed::<Op>(request, None)
    }

    /// Sends the money movement `Op` under the page's `Idempotency-Key`.
    pub fn call_keyed<Op: Operation>(
        &self,
        request: Op::Request,
        key: Option<String>,
    ) -> LocalFuture<'_, BackendResult<Op::Reply>> {
        let sent = self.send_encoded(Op::SPEC, encode_request::<Op>(&request), key);
        Box::pin(Decoding {
            sent,
            decode: decode_reply::<Op>,
        })
    }

    /// Sends `Op` and reads its reply as `R`, a narrower reading of the
    /// reply's JSON (`portal_api::ops::decode_as`): a page that needs part
    /// of a reply does not carry the reader of all of it.
    pub fn call_as<Op: Operation, R: DeserializeOwned + 'static>(
        &self,
        request: Op::Request,
    ) -> LocalFuture<'_, BackendResult<R>> {
        let sent = self.send_encoded(Op::SPEC, encode_request::<Op>(&request), None);
        Box::pin(Decoding {
            sent,
            decode: decode_as::<R>,
        })
    }

    /// Sends a request already in its wire form, or hands back why it could
    /// not be written. Not generic: compiled once, whatever the operation.
    fn send_encoded(
        &self,
        op: &'static OpSpec,
        wire: BackendResult<String>,
        key: Option<String>,
    ) -> LocalFuture<'_, BackendResult<String>> {
        match wire {
            Ok(wire) => self.send(op, wire, key),
            Err(e) => Box::pin(std::future::ready(Err(e))),
        }
    }
}

/// A reply on its way: the adapter's answer, read as `R` once it is in.
/// The sending is not generic; only this small future and the reader are
/// compiled per reply type, so a page's chunk carries little more than the
/// readers of the replies it asks for.
struct Decoding<'a, R> {
    sent: LocalFuture<'a, BackendResult<String>>,
    decode: fn(&str) -> BackendResult<R>,
}

impl<R> Future for Decoding<'_, R> {
    type Output = BackendResult<R>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let decode = this.decode;
        this.sent
            .as_mut()
            .poll(cx)
            .map(|answer| answer.and_then(|text| decode(&text)))
    }
}

/// How far an upload has got: `(bytes sent, bytes in all)`.
pub type Progress = Rc<dyn Fn(u64, u64)>;

/// A failure the demo panel makes the next requests meet (SPEC S16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// 通信エラー: the request never reaches the lender.
    Offline,
    /// サーバーエラー: the lender fails without doing anything.
    Server,
    /// タイムアウト: the lender does the work, but the answer never comes.
    Timeout,
    /// 遅延: the answer comes, 3 seconds late.
    Slow,
}

/// What the demo panel can do; only the fake lender offers it.
pub trait DemoControls {
    /// The seeded members, for the sign-in page's list.
    fn members(&self) -> &'static [fake_lender::DemoMember];
    /// Forgets every change (locks, sign-in times, movements, mail, the
    /// clock shift) and re-seeds.
    fn reset(&self);
    /// The next `count` requests meet `fault`.
    fn inject(&self, fault: Fault, count: u32);
    /// How many requests are still to meet the injected fault.
    fn pending_faults(&self) -> u32;
    /// The notice e-mails the lender sent, newest first.
    fn mailbox(&self) -> Vec<fake_lender::movements::Mail>;
    /// Decides every open credit-line review at once (SPEC S16); how many.
    fn decide_reviews(&self, decision: fake_lender::limit::DemoDecision) -> usize;
}

/// The backend in context. `SendWrapper` is sound here because a CSR app
/// runs on the browser's one thread.
#[derive(Clone)]
pub struct BackendHandle(SendWrapper<Rc<dyn Backend>>);

impl BackendHandle {
    pub fn new(backend: Rc<dyn Backend>) -> Self {
        BackendHandle(SendWrapper::new(backend))
    }

    pub fn get(&self) -> Rc<dyn Backend> {
        Rc::clone(&self.0)
    }

    /// Sends `Op` (see [`Backend::send`]) through the backend in context.
    pub fn send<Op: Operation>(
        &self,
        request: Op::Request,
    ) -> LocalFuture<'static, BackendResult<Op::Reply>> {
        self.send_keyed::<Op>(request, None)
    }

    /// Sends the upload `Op` under `key` (see [`Backend::send_form`]).
    pub fn upload<Op: Operation>(
        &self,
        request: Op::Request,
        key: Option<String>,
        progress: Progress,
    ) -> LocalFuture<'static, BackendResult<Op::Reply>> {
        let sent = match Op::into_form(request) {
            Ok(form) => send_form_owned(self.get(), Op::SPEC, form, key, progress),
            Err(e) => Box::pin(std::future::ready(Err(e))),
        };
        Box::pin(Decoding {
            sent,
            decode: decode_reply::<Op>,
        })
    }

    /// Sends the money movement `Op` under `key` (see [`Backend::send`]).
    pub fn send_keyed<Op: Operation>(
        &self,
        request: Op::Request,
        key: Option<String>,
    ) -> LocalFuture<'static, BackendResult<Op::Reply>> {
        let sent = send_owned(self.get(), Op::SPEC, encode_request::<Op>(&request), key);
        Box::pin(Decoding {
            sent,
            decode: decode_reply::<Op>,
        })
    }
}

/// [`Backend::send`] on a backend the future owns, so it outlives the
/// caller's borrow. Not generic.
fn send_owned(
    backend: Rc<dyn Backend>,
    op: &'static OpSpec,
    wire: BackendResult<String>,
    key: Option<String>,
) -> LocalFuture<'static, BackendResult<String>> {
    Box::pin(async move { backend.send_encoded(op, wire, key).await })
}

/// [`Backend::send_form`] on a backend the future owns. Not generic.
fn send_form_owned(
    backend: Rc<dyn Backend>,
    op: &'static OpSpec,
    form: Form,
    key: Option<String>,
    progress: Progress,
) -> LocalFuture<'static, BackendResult<String>> {
    Box::pin(async move { backend.send_form(op, form, key, progress).await })
}

/// A new `Idempotency-Key`: 128 bits from `crypto.getRandomValues`, as 32
/// hex digits. `None` if the browser has no such source (never a weak key).
pub fn fresh_key() -> Option<String> {
    crate::browser::random_128().map(|bytes| {
        portal_api::SessionToken::from_random(bytes)
            .as_str()
            .to_owned()
    })
}

/// The `Idempotency-Key` an operation is sent with: none unless its spec
/// asks for one; then the page's key, or a fresh one.
pub(crate) fn key_for(op: &OpSpec, key: Option<String>) -> BackendResult<Option<String>> {
    match (op.idempotency_key, key) {
        (false, _) => Ok(None),
        (true, Some(key)) => Ok(Some(key)),
        (true, None) => fresh_key().map(Some).ok_or(BackendError::Offline),
    }
}

pub fn use_backend() -> BackendHandle {
    expect_context::<BackendHandle>()
}

/// Builds the backend the configuration names. The fake lender (its code,
/// its seeding and the demo members) is a chunk of its own, fetched only
/// when the configuration selects it, so a member of the real lender never
/// downloads it.
pub async fn connect(config: &BackendConfig) -> Result<Rc<dyn Backend>, ChunkError> {
    match config {
        BackendConfig::Fake => fake_backend().await,
        BackendConfig::Http {
            base_url,
            timeout_ms,
            test_clock,
        } => Ok(Rc::new(HttpBackend::new(
            base_url,
            *timeout_ms,
            *test_clock,
        ))),
    }
}

#[wasm_split(fake_lender, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fake_backend() -> Result<Rc<dyn Backend>, ChunkError> {
    Ok(Rc::new(FakeBackend::load()))
}
