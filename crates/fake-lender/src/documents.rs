//! Document submission (書類提出, SPEC S11) on `Lender`: receiving a
//! submission, listing a member's submissions with their status, and a
//! reviewer's decision.
//!
//! The lender checks every page again by its content with
//! `portal_domain::documents::check_submission` (the portal's checks are a
//! courtesy) and keeps only what it learned: the kind, each page's detected
//! type and size, the time, a reception number (`D` + JST date + the shared
//! counter). It never keeps a page's bytes: the in-browser demo persists
//! its state in localStorage, which holds a few megabytes at most, and the
//! reference server has no use for them either (a real lender would store
//! them for its reviewers). Each submission sends one notice e-mail.
//!
//! A submission is keyed like a money movement: the same `Idempotency-Key`
//! with the same pages answers the first submission again (with its status
//! as of now) and records nothing; the same key with other pages is
//! `IdempotencyConflict`. A request is recognised by a 64-bit FNV-1a digest
//! of its kind and pages, which is all the state keeps of them.
//!
//! Status follows the working-hours review of
//! `portal_domain::documents::status_at` unless a reviewer decided
//! ([`Lender::decide_document`]: checked, or deficient with a notice).

use crate::movements::check_key;
use crate::serve::{Call, Serve};
use crate::Lender;
use chrono::{DateTime, Utc};
use portal_api::ops;
use portal_api::{
    BackendError, DocumentKind, DocumentStatus, DocumentUpload, PageInfo, SessionToken,
    SubmittedDocument,
};
use portal_domain::clock::{format_datetime_ja, to_jst};
use portal_domain::documents::{check_submission, status_at, FileType};
use serde::{Deserialize, Serialize};

/// The most submissions kept per member, the latest; older ones are
/// forgotten so the persisted state stays bounded.
pub const MAX_DOCUMENTS: usize = 100;

/// The notice e-mail's subject for a submission.
pub const SUBMITTED_SUBJECT: &str = "書類提出受付のお知らせ";

/// The notice e-mail's subject when a reviewer finds a problem.
pub const DEFICIENT_SUBJECT: &str = "ご提出書類の不備のお知らせ";

/// One submission as the lender keeps it: metadata only, never the bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub reception_number: String,
    pub kind: DocumentKind,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub submitted_at: DateTime<Utc>,
    pub pages: Vec<PageInfo>,
    /// A reviewer's decision, which overrides the timed status.
    #[serde(default)]
    pub decided: Option<DocumentStatus>,
    /// The `Idempotency-Key` it came with.
    pub key: String,
    /// The FNV-1a digest of the request ([`digest`]).
    pub digest: u64,
}

impl StoredDocument {
    fn view(&self, now: DateTime<Utc>) -> SubmittedDocument {
        SubmittedDocument {
            reception_number: self.reception_number.clone(),
            kind: self.kind,
            submitted_at: self.submitted_at,
            pages: self.pages.clone(),
            status: self
                .decided
                .unwrap_or_else(|| status_at(to_jst(self.submitted_at), to_jst(now))),
        }
    }
}

/// A 64-bit FNV-1a digest of a submission's kind and pages (each page's
/// length first, so page boundaries count).
fn digest(upload: &DocumentUpload) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(upload.kind.wire_name().as_bytes());
    for page in &upload.pages {
        eat(&(page.len() as u64).to_le_bytes());
        eat(page);
    }
    hash
}

/// `JPEG 2・PDF 1`: the pages' types as the e-mail writes them.
fn types_ja(pages: &[PageInfo]) -> String {
    [FileType::Jpeg, FileType::Png, FileType::Pdf]
        .into_iter()
        .filter_map(|t| {
            let n = pages.iter().filter(|p| p.file_type == t).count();
            (n > 0).then(|| format!("{} {n}", t.name()))
        })
        .collect::<Vec<_>>()
        .join("・")
}

impl Lender {
    /// The member's submissions, newest first, each with its status as of
    /// `now`.
    pub fn documents(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<Vec<SubmittedDocument>, BackendError> {
        let member = self.member_for(token, now)?;
        let account = self.account(member.id)?;
        Ok(account
            .documents
            .iter()
            .rev()
            .map(|d| d.view(now))
            .collect())
    }

    /// Receives a submission under the member's `key` (once, however often
    /// the same request arrives): every page checked by content, every
    /// problem reported at once as `DocumentRefused`, and on success the
    /// metadata kept and a notice e-mail sent.
    pub fn submit_documents(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        key: Option<&str>,
        upload: DocumentUpload,
    ) -> Result<SubmittedDocument, BackendError> {
        let member = self.member_for(token, now)?;
        let key = check_key(key)?;
        let digest = digest(&upload);
        let account = self.account(member.id)?;
        if let Some(first) = account.documents.iter().find(|d| d.key == key) {
            return if first.digest == digest {
                Ok(first.view(now))
            } else {
                Err(BackendError::IdempotencyConflict)
            };
        }
        let pages: Vec<&[u8]> = upload.pages.iter().map(Vec::as_slice).collect();
        let types = check_submission(&pages)
            .map_err(|problems| BackendError::DocumentRefused { problems })?;
        let pages: Vec<PageInfo> = types
            .into_iter()
            .zip(&upload.pages)
            .map(|(file_type, bytes)| PageInfo {
                file_type,
                bytes: bytes.len() as u64,
            })
            .collect();
        let stored = StoredDocument {
            reception_number: self.next_reception_number('D', now),
            kind: upload.kind,
            submitted_at: now,
            pages,
            decided: None,
            key: key.to_owned(),
            digest,
        };
        let view = stored.view(now);
        if upload.kind == DocumentKind::IncomeProof {
            // A credit-line review waiting for documents goes on (SPEC S10).
            self.income_proof_received(member.id, &view.reception_number, now);
        }
        let documents = &mut self.account_mut(member.id)?.documents;
        documents.push(stored);
        let excess = documents.len().saturating_sub(MAX_DOCUMENTS);
        documents.drain(..excess);
        self.send_mail(
            member,
            now,
            SUBMITTED_SUBJECT,
            format!(
                "ご提出いただいた書類を受け付けました。\n受付番号: {}\n書類: {}\nページ数: {}（{}）\n受付日時: {}\n\n書類の確認は平日9:00～18:00に行います。確認の状況は会員ページの「書類提出」でご覧いただけます。",
                view.reception_number,
                view.kind.name_ja(),
                view.pages.len(),
                types_ja(&view.pages),
                format_datetime_ja(to_jst(now)),
            ),
        );
        Ok(view)
    }

    /// A reviewer's decision on a member's submission: checked
    /// (`Verified`) or deficient (`Deficient`, with a notice e-mail asking
    /// for it again). The same decision again changes nothing; `Received`
    /// and `Checking` are not decisions (`InvalidInput`). For the demo's
    /// review controls; no operation of the list reaches it yet.
    pub fn decide_document(
        &mut self,
        member_id: &str,
        reception_number: &str,
        decision: DocumentStatus,
        now: DateTime<Utc>,
    ) -> Result<(), BackendError> {
        if !matches!(
            decision,
            DocumentStatus::Verified | DocumentStatus::Deficient
        ) {
            return Err(BackendError::InvalidInput {
                problems: Vec::new(),
            });
        }
        let member = crate::seed::member(member_id).ok_or(BackendError::NotFound)?;
        let document = self
            .account_mut(member.id)?
            .documents
            .iter_mut()
            .find(|d| d.reception_number == reception_number)
            .ok_or(BackendError::NotFound)?;
        if document.decided == Some(decision) {
            return Ok(());
        }
        document.decided = Some(decision);
        let kind = document.kind;
        if decision == DocumentStatus::Deficient {
            self.send_mail(
                member,
                now,
                DEFICIENT_SUBJECT,
                format!(
                    "ご提出いただいた書類に不備がありました。\n受付番号: {reception_number}\n書類: {}\n\n恐れ入りますが、会員ページの「書類提出」から、あらためてご提出ください。",
                    kind.name_ja(),
                ),
            );
        }
        Ok(())
    }
}

/// The session a call presents; `serve::serve` has already refused a
/// session operation without one.
fn session<'a>(call: &Call<'a>) -> Result<&'a SessionToken, BackendError> {
    call.session.ok_or(BackendError::NotSignedIn)
}

impl Serve<ops::GetDocuments> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        (): (),
    ) -> Result<Vec<SubmittedDocument>, BackendError> {
        self.documents(session(call)?, call.now)
    }
}

impl Serve<ops::SubmitDocuments> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        upload: DocumentUpload,
    ) -> Result<SubmittedDocument, BackendError> {
        self.submit_documents(session(call)?, call.now, call.idempotency_key, upload)
    }
}

/// Well-formed test files (the domain's own samples are private to it).
#[cfg(test)]
pub(crate) mod samples {
    pub fn jpeg() -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        b.extend([0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9]);
        b
    }

    pub fn png() -> Vec<u8> {
        let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        b.extend([0, 0, 0, 13]);
        b.extend(b"IHDR");
        b.extend([
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE,
        ]);
        b.extend([0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
        b
    }

    pub fn pdf() -> Vec<u8> {
        b"%PDF-1.4\n%%EOF\n".to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{jpeg, pdf, png};
    use super::*;
    use crate::tests::fresh_token;
    use chrono::{Duration, NaiveDate};
    use portal_api::{DocumentError, DocumentProblem, SignInRequest};
    use portal_domain::clock::from_jst;
    use portal_domain::documents::MAX_PAGES;

    /// Wednesday 2026-11-25 12:00 JST.
    fn noon() -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2026, 11, 25)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(from_jst)
            .unwrap_or_else(|| panic!("no such time"))
    }

    fn signed_in(now: DateTime<Utc>) -> (Lender, SessionToken) {
        let mut lender = Lender::seeded(now, 7);
        let token = sign_in(&mut lender, now);
        (lender, token)
    }

    /// demo0001 (member `m-web`) signs in at `now`.
    fn sign_in(lender: &mut Lender, now: DateTime<Utc>) -> SessionToken {
        let demo = SignInRequest::WebId {
            web_id: "demo0001".into(),
            password: "Passw0rd".into(),
        };
        lender
            .sign_in(&demo, now, fresh_token())
            .ok()
            .and_then(|s| s.token)
            .unwrap_or_else(|| panic!("demo0001 could not sign in"))
    }

    fn upload(pages: Vec<Vec<u8>>) -> DocumentUpload {
        DocumentUpload {
            kind: DocumentKind::IncomeProof,
            pages,
        }
    }

    #[test]
    fn a_submission_is_recorded_without_its_bytes_and_mailed_once() {
        let now = noon();
        let (mut lender, token) = signed_in(now);
        let mut photo = jpeg();
        // A recognisable run no metadata could contain by chance.
        photo.splice(8..8, b"PASSPORT-SCAN-CONTENT".iter().copied());
        let mails = lender.mailbox().len();
        let sent = lender
            .submit_documents(&token, now, Some("k1"), upload(vec![photo.clone(), pdf()]))
            .unwrap_or_else(|e| panic!("refused: {e:?}"));
        assert_eq!(sent.reception_number, "D26112500001");
        assert_eq!(sent.kind, DocumentKind::IncomeProof);
        assert_eq!(sent.status, DocumentStatus::Received);
        assert_eq!(
            sent.pages,
            vec![
                PageInfo {
                    file_type: FileType::Jpeg,
                    bytes: photo.len() as u64
                },
                PageInfo {
                    file_type: FileType::Pdf,
                    bytes: pdf().len() as u64
                },
            ]
        );
        let state = serde_json::to_string(lender.state()).unwrap_or_default();
        assert!(!state.contains("PASSPORT-SCAN-CONTENT"));
        assert!(state.contains("D26112500001"));
        let mailbox = lender.mailbox();
        assert_eq!(mailbox.len(), mails + 1);
        let mail = mailbox.last().unwrap_or_else(|| panic!("no mail"));
        assert_eq!(mail.subject, SUBMITTED_SUBJECT);
        assert_eq!(mail.to, "demo0001@example.com");
        for part in [
            "D26112500001",
            "収入証明書",
            "ページ数: 2（JPEG 1・PDF 1）",
            "2026年11月25日 12:00",
        ] {
            assert!(
                mail.body.contains(part),
                "{part} missing from {}",
                mail.body
            );
        }
        // The list has it, and its status follows the working hours.
        let listed = |lender: &mut Lender, at| {
            let token = sign_in(lender, at);
            lender
                .documents(&token, at)
                .unwrap_or_else(|e| panic!("{e:?}"))
        };
        let at_1215 = listed(&mut lender, now + Duration::minutes(15));
        assert_eq!(at_1215.len(), 1);
        assert_eq!(at_1215[0].status, DocumentStatus::Checking);
        let at_1500 = listed(&mut lender, now + Duration::hours(3));
        assert_eq!(at_1500[0].status, DocumentStatus::Verified);
    }

    #[test]
    fn a_retried_key_answers_the_first_submission() {
        let now = noon();
        let (mut lender, token) = signed_in(now);
        let first = lender.submit_documents(&token, now, Some("k1"), upload(vec![png()]));
        let mails = lender.mailbox().len();
        let state = lender.state().clone();
        let again = lender.submit_documents(&token, now, Some("k1"), upload(vec![png()]));
        assert_eq!(again, first);
        assert_eq!(lender.state(), &state);
        assert_eq!(lender.mailbox().len(), mails);
        assert_eq!(
            lender.submit_documents(&token, now, Some("k1"), upload(vec![png(), png()])),
            Err(BackendError::IdempotencyConflict)
        );
        let other_kind = DocumentUpload {
            kind: DocumentKind::IdentityDocument,
            pages: vec![png()],
        };
        assert_eq!(
            lender.submit_documents(&token, now, Some("k1"), other_kind),
            Err(BackendError::IdempotencyConflict)
        );
        // A new key is a new submission; no key is refused.
        let second = lender.submit_documents(&token, now, Some("k2"), upload(vec![png()]));
        assert_eq!(
            second.map(|d| d.reception_number),
            Ok("D26112500002".to_owned())
        );
        assert!(lender
            .submit_documents(&token, now, None, upload(vec![png()]))
            .is_err());
        let listed = lender.documents(&token, now).unwrap_or_default();
        let numbers: Vec<_> = listed.iter().map(|d| d.reception_number.as_str()).collect();
        assert_eq!(numbers, ["D26112500002", "D26112500001"]);
    }

    #[test]
    fn every_problem_is_refused_by_content_and_nothing_is_kept() {
        let now = noon();
        let (mut lender, token) = signed_in(now);
        let state = lender.state().clone();
        let text = b"just text, named scan.jpg by the client".to_vec();
        let mut cut = jpeg();
        cut.truncate(cut.len() - 2);
        let result = lender.submit_documents(
            &token,
            now,
            Some("k"),
            upload(vec![jpeg(), text, cut, Vec::new()]),
        );
        let problem = |page, error| DocumentProblem { page, error };
        assert_eq!(
            result,
            Err(BackendError::DocumentRefused {
                problems: vec![
                    problem(Some(2), DocumentError::WrongType),
                    problem(Some(3), DocumentError::Truncated),
                    problem(Some(4), DocumentError::Empty),
                ]
            })
        );
        assert_eq!(
            lender.submit_documents(&token, now, Some("k"), upload(vec![])),
            Err(BackendError::DocumentRefused {
                problems: vec![problem(None, DocumentError::NoPages)]
            })
        );
        let many = vec![png(); MAX_PAGES + 1];
        assert_eq!(
            lender.submit_documents(&token, now, Some("k"), upload(many)),
            Err(BackendError::DocumentRefused {
                problems: vec![problem(None, DocumentError::TooManyPages)]
            })
        );
        assert_eq!(lender.state(), &state, "a refusal records nothing");
        // The refused key can still be used for a good submission.
        assert!(lender
            .submit_documents(&token, now, Some("k"), upload(vec![png()]))
            .is_ok());
    }

    #[test]
    fn a_reviewer_decides_and_a_deficiency_is_mailed() {
        let now = noon();
        let (mut lender, token) = signed_in(now);
        let sent = lender
            .submit_documents(&token, now, Some("k"), upload(vec![pdf()]))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let number = sent.reception_number;
        let mails = lender.mailbox().len();
        assert!(lender
            .decide_document("m-web", &number, DocumentStatus::Checking, now)
            .is_err());
        assert_eq!(
            lender.decide_document("m-web", "D0", DocumentStatus::Verified, now),
            Err(BackendError::NotFound)
        );
        assert_eq!(
            lender.decide_document("m-web", &number, DocumentStatus::Deficient, now),
            Ok(())
        );
        assert_eq!(
            lender.decide_document("m-web", &number, DocumentStatus::Deficient, now),
            Ok(())
        );
        let mailbox = lender.mailbox();
        assert_eq!(mailbox.len(), mails + 1);
        assert_eq!(
            mailbox.last().map(|m| m.subject.as_str()),
            Some(DEFICIENT_SUBJECT)
        );
        // The decision outlasts the timed review.
        let much_later = now + Duration::days(5);
        let token = sign_in(&mut lender, much_later);
        let listed = lender.documents(&token, much_later);
        assert_eq!(listed.map(|l| l[0].status), Ok(DocumentStatus::Deficient));
    }

    #[test]
    fn a_member_keeps_only_the_latest_submissions() {
        let now = noon();
        let (mut lender, token) = signed_in(now);
        for n in 0..MAX_DOCUMENTS + 5 {
            let key = format!("k{n}");
            assert!(lender
                .submit_documents(&token, now, Some(&key), upload(vec![png()]))
                .is_ok());
        }
        let listed = lender.documents(&token, now).unwrap_or_default();
        assert_eq!(listed.len(), MAX_DOCUMENTS);
        assert_eq!(listed[0].reception_number, "D26112500105");
    }

    #[test]
    fn digests_tell_pages_apart() {
        let a = upload(vec![vec![1, 2], vec![3]]);
        let b = upload(vec![vec![1], vec![2, 3]]);
        assert_ne!(digest(&a), digest(&b));
        assert_eq!(digest(&a), digest(&a.clone()));
    }
}
