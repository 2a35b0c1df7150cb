//! Document uploads (SPEC S11) through the real router: `multipart/form-data`
//! whose pages the server judges by content alone, whatever file names and
//! content types the client sends, within the upload's own body limit.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

const DOCUMENTS: &str = "/api/v1/documents";
const MAILBOX: &str = "/api/v1/test/mailbox";
const BOUNDARY: &str = "----portal-test-boundary-7MA4YWxkTrZu0gW";

/// One part of a test form: name, file name (a file part when given), the
/// content type the client claims, and the bytes.
struct Part<'a> {
    name: &'a str,
    file_name: Option<&'a str>,
    content_type: Option<&'a str>,
    data: Vec<u8>,
}

fn kind(value: &str) -> Part<'_> {
    Part {
        name: "kind",
        file_name: None,
        content_type: None,
        data: value.as_bytes().to_vec(),
    }
}

fn page<'a>(file_name: &'a str, content_type: &'a str, data: Vec<u8>) -> Part<'a> {
    Part {
        name: "page",
        file_name: Some(file_name),
        content_type: Some(content_type),
        data,
    }
}

fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend(format!("--{BOUNDARY}\r\n").as_bytes());
        let disposition = match part.file_name {
            Some(file) => format!(
                "Content-Disposition: form-data; name=\"{}\"; filename=\"{file}\"\r\n",
                part.name
            ),
            None => format!("Content-Disposition: form-data; name=\"{}\"\r\n", part.name),
        };
        body.extend(disposition.as_bytes());
        if let Some(t) = part.content_type {
            body.extend(format!("Content-Type: {t}\r\n").as_bytes());
        }
        body.extend(b"\r\n");
        body.extend(&part.data);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

fn png() -> Vec<u8> {
    let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    b.extend(b"IHDR");
    b.extend([
        0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE,
    ]);
    b.extend([0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
    b
}

async fn upload(app: &axum::Router, token: &str, key: Option<&str>, body: Vec<u8>) -> Reply {
    let mut request = call(Method::POST, DOCUMENTS).bearer(token);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request
        .raw(&format!("multipart/form-data; boundary={BOUNDARY}"), body)
        .send(app)
        .await
}

async fn listed(app: &axum::Router, token: &str) -> Value {
    let reply = call(Method::GET, DOCUMENTS).bearer(token).send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.json());
    reply.json()
}

async fn notices(app: &axum::Router) -> usize {
    let mail = call(Method::GET, MAILBOX).send(app).await.json();
    mail.as_array()
        .map(|all| {
            all.iter()
                .filter(|m| m["subject"] == "書類提出受付のお知らせ")
                .count()
        })
        .unwrap_or(0)
}

#[tokio::test]
async fn a_pdf_and_a_png_named_jpg_are_accepted_by_content() {
    let app = router(true);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    assert_eq!(listed(&app, &token).await, json!([]));
    // The client calls the PNG a JPEG twice over (name and content type):
    // content decides, so it is accepted as what it is.
    let body = multipart(&[
        kind("income_proof"),
        page("源泉徴収票.pdf", "application/pdf", pdf()),
        page("scan.jpg", "image/jpeg", png()),
    ]);
    let reply = upload(&app, &token, Some("key-1"), body.clone()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.json());
    let sent = reply.json();
    assert_eq!(sent["reception_number"], "D26010700001");
    assert_eq!(sent["kind"], "income_proof");
    assert_eq!(sent["status"], "received");
    assert_eq!(
        sent["pages"],
        json!([
            {"file_type": "pdf", "bytes": pdf().len()},
            {"file_type": "png", "bytes": png().len()},
        ])
    );
    assert_eq!(listed(&app, &token).await, json!([sent.clone()]));
    assert_eq!(notices(&app).await, 1);
    // The same key again (a retry after a lost answer) books nothing new.
    let again = upload(&app, &token, Some("key-1"), body).await;
    assert_eq!((again.status, again.json()), (StatusCode::CREATED, sent));
    assert_eq!(notices(&app).await, 1);
    // The same key for other pages is a conflict.
    let other = multipart(&[
        kind("income_proof"),
        page("a.pdf", "application/pdf", pdf()),
    ]);
    let reply = upload(&app, &token, Some("key-1"), other).await;
    assert_eq!(
        (reply.status, reply.json()),
        (
            StatusCode::CONFLICT,
            json!({"code": "idempotency_conflict"})
        )
    );
}

#[tokio::test]
async fn a_text_file_named_jpg_is_refused_with_its_page_and_rule() {
    let app = router(true);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let mut cut = pdf();
    cut.truncate(20);
    let body = multipart(&[
        kind("identity_document"),
        page("front.png", "image/png", png()),
        page("photo.jpg", "image/jpeg", b"I am only text".to_vec()),
        page("back.pdf", "application/pdf", cut),
    ]);
    let reply = upload(&app, &token, Some("key-2"), body).await;
    assert_eq!(
        (reply.status, reply.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "document_refused", "problems": [
                {"page": 2, "error": "wrong_type"},
                {"page": 3, "error": "truncated"},
            ]})
        )
    );
    assert_eq!(listed(&app, &token).await, json!([]));
    assert_eq!(notices(&app).await, 0);
}

#[tokio::test]
async fn bodies_over_the_upload_limit_are_refused_as_too_large() {
    let app = router(false);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let mut big = pdf();
    big.resize(portal_server::UPLOAD_BODY_LIMIT_BYTES, b' ');
    let body = multipart(&[
        kind("income_proof"),
        page("big.pdf", "application/pdf", big),
    ]);
    let reply = upload(&app, &token, Some("key-3"), body).await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::PAYLOAD_TOO_LARGE, json!({"code": "too_large"}))
    );
    // One page over 10 MB inside the body limit is the lender's to name.
    let mut eleven_mb = pdf();
    eleven_mb.resize(11 * 1024 * 1024, b' ');
    eleven_mb.extend(b"%%EOF");
    let body = multipart(&[
        kind("income_proof"),
        page("big.pdf", "application/pdf", eleven_mb),
    ]);
    let reply = upload(&app, &token, Some("key-4"), body).await;
    assert_eq!(
        (reply.status, reply.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "document_refused", "problems": [{"page": 1, "error": "too_large"}]})
        )
    );
    // Other operations keep their 16 KiB limit: a sign-in padded past it
    // is unreadable, not read.
    let padding = "x".repeat(portal_server::BODY_LIMIT_BYTES + 1);
    let reply = call(Method::POST, "/api/v1/sessions")
        .json(&json!({"method": "card", "card_number": padding, "pin": "1234"}))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unreadable_uploads_are_invalid_input() {
    let app = router(false);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let unreadable = json!({"code": "invalid_input", "problems": []});
    for body in [
        multipart(&[page("a.pdf", "application/pdf", pdf())]),
        multipart(&[kind("passport"), page("a.pdf", "application/pdf", pdf())]),
        multipart(&[kind("income_proof"), kind("income_proof")]),
        b"--nope\r\n".to_vec(),
    ] {
        let reply = upload(&app, &token, Some("key-5"), body).await;
        assert_eq!(
            (reply.status, reply.json()),
            (StatusCode::BAD_REQUEST, unreadable.clone())
        );
    }
    // A JSON body is not a form.
    let reply = call(Method::POST, DOCUMENTS)
        .bearer(&token)
        .header("idempotency-key", "key-6")
        .json(&json!({"kind": "income_proof", "pages": []}))
        .send(&app)
        .await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::BAD_REQUEST, unreadable.clone())
    );
    // Without its key an upload is refused before it is read.
    let body = multipart(&[
        kind("income_proof"),
        page("a.pdf", "application/pdf", pdf()),
    ]);
    let reply = upload(&app, &token, None, body.clone()).await;
    assert_eq!(
        (reply.status, reply.json()),
        (StatusCode::BAD_REQUEST, unreadable)
    );
    // Without a session, too.
    let reply = call(Method::POST, DOCUMENTS)
        .header("idempotency-key", "key-7")
        .raw(&format!("multipart/form-data; boundary={BOUNDARY}"), body)
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn too_many_pages_are_the_lenders_refusal() {
    let app = router(false);
    let token = sign_in(&app, &web_id("demo0001", "Passw0rd")).await;
    let mut parts = vec![kind("identity_document")];
    for _ in 0..11 {
        parts.push(page("p.png", "image/png", png()));
    }
    let reply = upload(&app, &token, Some("key-8"), multipart(&parts)).await;
    assert_eq!(
        (reply.status, reply.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": "document_refused", "problems": [{"page": null, "error": "too_many_pages"}]})
        )
    );
    // More parts than any form may have is unreadable.
    let mut parts = vec![kind("identity_document")];
    for _ in 0..70 {
        parts.push(page("p.png", "image/png", png()));
    }
    let reply = upload(&app, &token, Some("key-9"), multipart(&parts)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}
