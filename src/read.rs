//! A read from the lender that a page shows: [`Read<T>`].
//!
//! Every read is one `LocalResource` of the same type underneath, its
//! answer held as `Rc<dyn Any>`, and typed again where a page looks at it.
//! A resource's machinery (the async derived signal, its scoped future,
//! its subscribers) is generic over the answer's and the future's types, so
//! a resource per reply type put a copy of that machinery in every page's
//! chunk; erased, it is compiled once, in the main module, and a page's
//! chunk carries only the few lines that erase and type its answer
//! (README "Bundle size").

use crate::backend::{BackendResult, LocalFuture};
use leptos::prelude::*;
use portal_api::BackendError;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::rc::Rc;

/// An answer with its type erased.
pub(crate) type Answer = BackendResult<Rc<dyn Any>>;
/// How an erased read fetches: called again whenever a signal it read
/// changes, or on [`Read::refetch`].
pub(crate) type Fetch = Box<dyn Fn() -> LocalFuture<'static, Answer>>;

/// A lender read of `T`: `None` while the first answer is on its way; a
/// fetch again keeps the last answer until the new one arrives. `Copy`, like
/// the resource it wraps.
pub struct Read<T> {
    inner: LocalResource<Answer>,
    reply: PhantomData<fn() -> T>,
}

impl<T> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Read<T> {}

/// Erases an answer.
pub(crate) fn erase<T: 'static>(answer: BackendResult<T>) -> Answer {
    answer.map(|t| Rc::new(t) as Rc<dyn Any>)
}

/// The one resource every read is: not generic, so compiled once.
pub(crate) fn erased_resource(fetch: Fetch) -> LocalResource<Answer> {
    LocalResource::new(fetch)
}

impl<T: Clone + 'static> Read<T> {
    /// A read that calls `fetch` now, and again whenever a signal `fetch`
    /// read (before its first `.await`) changes.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = BackendResult<T>> + 'static,
    {
        Self::from_erased(erased_resource(Box::new(move || {
            let fetched = fetch();
            Box::pin(async move { erase(fetched.await) })
        })))
    }

    pub(crate) fn from_erased(inner: LocalResource<Answer>) -> Self {
        Read {
            inner,
            reply: PhantomData,
        }
    }

    /// The answer, cloned, tracking it.
    pub fn get(&self) -> Option<BackendResult<T>> {
        self.with(|answer| answer.map(|a| a.cloned().map_err(Clone::clone)))
    }

    /// Looks at the answer without cloning it, tracking it.
    pub fn with<R>(&self, look: impl FnOnce(Option<Result<&T, &BackendError>>) -> R) -> R {
        self.inner.with(|answer| look(answer.as_ref().map(typed)))
    }

    /// Fetches again.
    pub fn refetch(&self) {
        self.inner.refetch();
    }
}

/// The answer typed again. It was erased from a `T` by [`Read::new`], so
/// the downcast cannot fail; were it to, the page shows the malformed-answer
/// message rather than end the app.
fn typed<T: 'static>(answer: &Answer) -> Result<&T, &BackendError> {
    const MISTYPED: &BackendError = &BackendError::Malformed;
    match answer {
        Ok(any) => any.downcast_ref::<T>().ok_or(MISTYPED),
        Err(e) => Err(e),
    }
}
