//! What a split point answers when its chunk cannot be fetched.
//!
//! Pages (`crate::pages`) and the fake lender (`crate::backend`) live in
//! wasm chunks of their own, loaded on first use through `wasm_split`
//! functions marked `fallible`: a failed fetch (offline, or a deploy in
//! between) is this error, never a panic, because under `panic = "abort"` a
//! panic would end the whole module. A failed load is not remembered, so
//! asking again retries from scratch.

use leptos::wasm_split::SplitLoaderError;

/// A chunk could not be loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

impl From<SplitLoaderError> for ChunkError {
    fn from(_: SplitLoaderError) -> Self {
        ChunkError
    }
}
