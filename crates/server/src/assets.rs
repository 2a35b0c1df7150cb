//! The built app's files (`--dist`), served the way a production server
//! would: the Brotli or gzip file the build wrote next to each asset when
//! the client accepts it, a single-page fallback to `index.html` so
//! client-side routes survive a reload, and the security headers every
//! response of the app carries.

use axum::http::header::{
    HeaderName, HeaderValue, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::Router;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The app's Content-Security-Policy. Scripts come only from this origin
/// (the loader is a file, not inline; `wasm-unsafe-eval` lets the browser
/// compile the wasm), nothing may frame the portal, and it talks only to
/// its own origin. Styles are files too; `unsafe-inline` for styles covers
/// the framework's style attributes and nothing else.
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'self'; \
script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; \
connect-src 'self'; \
font-src 'self'; \
object-src 'none'; \
base-uri 'none'; \
form-action 'self'; \
frame-ancestors 'none'";

/// Serves `dir` as the app, precompressed where the build wrote `.br` and
/// `.gz` files.
pub fn service<S: Clone + Send + Sync + 'static>(router: Router<S>, dir: &Path) -> Router<S> {
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    router.fallback_service(files)
}

/// Adds the security headers to every response of the router.
pub fn security_headers<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    let headers: [(HeaderName, &'static str); 5] = [
        (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_VALUE),
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (REFERRER_POLICY, "no-referrer"),
        (X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    headers.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ))
    })
}
