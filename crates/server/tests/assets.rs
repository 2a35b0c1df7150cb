//! `--dist`: the built app served the way a production server would,
//! precompressed when the client accepts it, with the security headers.

mod common;

use axum::http::{Method, StatusCode};
use common::{call, fixed_clock, WEDNESDAY_NOON_JST_MS};
use portal_server::{app, Config};
use std::path::PathBuf;

/// A dist/ with an index, one asset and its Brotli and gzip copies (their
/// contents are markers, so a test sees which file it was sent). Each call
/// writes its own directory: tests run in parallel, and one test rewriting
/// a file another is serving would let that one read it half-written.
fn dist() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("portal-assets-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let files = [
        ("index.html", "<!DOCTYPE html><title>index</title>"),
        ("app-1234.js", "plain js"),
        ("app-1234.js.br", "brotli js"),
        ("app-1234.js.gz", "gzip js"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("a temp file");
    }
    dir
}

fn router() -> axum::Router {
    let config = Config {
        test_controls: false,
        clock: fixed_clock(WEDNESDAY_NOON_JST_MS),
        entropy: 7,
    };
    app(&config, Some(&dist()))
}

#[tokio::test]
async fn assets_come_precompressed_when_the_client_accepts_it() {
    let router = router();
    let br = call(Method::GET, "/app-1234.js")
        .header("accept-encoding", "gzip, br")
        .send(&router)
        .await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.body, b"brotli js");

    let gz = call(Method::GET, "/app-1234.js")
        .header("accept-encoding", "gzip")
        .send(&router)
        .await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gz.body, b"gzip js");

    let plain = call(Method::GET, "/app-1234.js").send(&router).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body, b"plain js");
}

#[tokio::test]
async fn client_routes_fall_back_to_the_app() {
    let reply = call(Method::GET, "/history").send(&router()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&reply.body).contains("<title>index</title>"));
}

#[tokio::test]
async fn the_app_and_the_api_carry_the_security_headers() {
    let router = router();
    for path in ["/login", "/app-1234.js", "/api/v1/maintenance"] {
        let reply = call(Method::GET, path).send(&router).await;
        let csp = reply.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        let scripts = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap_or_default();
        assert!(scripts.contains("'wasm-unsafe-eval'"), "{path}: {scripts}");
        assert!(!scripts.contains("'unsafe-inline'"), "{path}: {scripts}");
        assert!(!scripts.contains("'unsafe-eval'"), "{path}: {scripts}");
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            reply.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
    }
}

/// The fake-lender run's static server (end2end/serve.mjs) sends the same
/// policy, so both Playwright runs meet it.
#[test]
fn the_end_to_end_static_server_sends_the_same_policy() {
    let serve = include_str!("../../../end2end/serve.mjs");
    let flat: String = portal_server::assets::CONTENT_SECURITY_POLICY_VALUE
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(serve.contains(&flat), "serve.mjs must send: {flat}");
}
