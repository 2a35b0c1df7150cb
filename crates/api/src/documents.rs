//! Wire types of document submission (書類提出, SPEC S11) and the in-memory
//! multipart form ([`Form`]) that `Input::Multipart` operations travel as.
//!
//! A submission is a kind and its pages' bytes, nothing else: the content
//! type a browser claims and the member's file names are not part of it
//! (names can hold personal details, and the content alone decides the
//! type). On the wire (`POST /documents`) it is `multipart/form-data` with
//! one text part `kind` and one file part `page` per page, in order; the
//! portal names each file part `page-<n>`, and the server ignores the names
//! and content types it is sent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

pub use portal_domain::documents::{
    DocumentError, DocumentKind, DocumentProblem, DocumentStatus, FileType,
};

use crate::BackendError;

/// A `multipart/form-data` body held in memory: its parts in order. The
/// HTTP adapter turns it into the browser's `FormData`, the server reads
/// one from the request, and the in-browser fake hands it to the lender as
/// it is. A part carries no content type: none is trusted.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Form {
    pub parts: Vec<FormPart>,
}

/// One part: a text field (`file_name: None`) or a file.
#[derive(Clone, PartialEq, Eq)]
pub struct FormPart {
    pub name: String,
    pub file_name: Option<String>,
    pub data: Vec<u8>,
}

impl Form {
    pub fn text(mut self, name: &str, value: &str) -> Self {
        self.parts.push(FormPart {
            name: name.to_owned(),
            file_name: None,
            data: value.as_bytes().to_vec(),
        });
        self
    }

    pub fn file(mut self, name: &str, file_name: &str, data: Vec<u8>) -> Self {
        self.parts.push(FormPart {
            name: name.to_owned(),
            file_name: Some(file_name.to_owned()),
            data,
        });
        self
    }

    /// The bytes of every part together (what progress counts).
    pub fn data_len(&self) -> u64 {
        self.parts.iter().map(|p| p.data.len() as u64).sum()
    }
}

impl fmt::Debug for Form {
    /// Part names and sizes only: a form may carry a passport scan.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.parts
                    .iter()
                    .map(|p| format!("{}: {} bytes", p.name, p.data.len())),
            )
            .finish()
    }
}

impl fmt::Debug for FormPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} bytes", self.name, self.data.len())
    }
}

/// A request that travels as a [`Form`] (an `Input::Multipart` operation).
pub trait FormRequest: Sized {
    fn into_form(self) -> Form;
    /// Reads the request back; any form it cannot read is `invalid_input`
    /// with no field problems, as an unreadable JSON body is.
    fn from_form(form: Form) -> Result<Self, BackendError>;
}

/// `POST /documents`: one submission. `pages` are the files as sent (an
/// image already re-encoded by the portal, a PDF as the member chose it);
/// the lender checks each by content (`portal_domain::documents`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentUpload {
    pub kind: DocumentKind,
    pub pages: Vec<Vec<u8>>,
}

impl fmt::Debug for DocumentUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sizes: Vec<usize> = self.pages.iter().map(Vec::len).collect();
        f.debug_struct("DocumentUpload")
            .field("kind", &self.kind)
            .field("page_bytes", &sizes)
            .finish()
    }
}

/// The text part naming the kind.
pub const KIND_PART: &str = "kind";
/// The name of every file part.
pub const PAGE_PART: &str = "page";

impl FormRequest for DocumentUpload {
    fn into_form(self) -> Form {
        let mut form = Form::default().text(KIND_PART, self.kind.wire_name());
        for (i, page) in self.pages.into_iter().enumerate() {
            form = form.file(PAGE_PART, &format!("page-{}", i + 1), page);
        }
        form
    }

    /// Exactly one `kind` (a known kind's name) and any number of `page`
    /// file parts, nothing else; a `page` sent as a text field is refused.
    /// How many pages and how large is the lender's rule, not the form's.
    fn from_form(form: Form) -> Result<Self, BackendError> {
        let unreadable = || BackendError::InvalidInput {
            problems: Vec::new(),
        };
        let mut kind = None;
        let mut pages = Vec::new();
        for part in form.parts {
            match (part.name.as_str(), part.file_name.is_some()) {
                (KIND_PART, _) if kind.is_none() => {
                    let text = std::str::from_utf8(&part.data).map_err(|_| unreadable())?;
                    kind = Some(DocumentKind::from_wire_name(text).ok_or_else(unreadable)?);
                }
                (PAGE_PART, true) => pages.push(part.data),
                _ => return Err(unreadable()),
            }
        }
        Ok(DocumentUpload {
            kind: kind.ok_or_else(unreadable)?,
            pages,
        })
    }
}

/// One page of a submission as the lender recorded it: the type its
/// content showed and its size. The bytes themselves are not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    pub file_type: FileType,
    pub bytes: u64,
}

/// A submission the lender received (`GET /documents` lists them, newest
/// first; `POST /documents` answers the new one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedDocument {
    /// `D` + JST date `YYMMDD` + a 5-digit counter.
    pub reception_number: String,
    pub kind: DocumentKind,
    #[serde(deserialize_with = "portal_domain::wire::time::utc")]
    pub submitted_at: DateTime<Utc>,
    pub pages: Vec<PageInfo>,
    /// As of the request's time.
    pub status: DocumentStatus,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_survive_the_form() {
        let upload = DocumentUpload {
            kind: DocumentKind::IncomeProof,
            pages: vec![b"%PDF-1".to_vec(), vec![0xFF, 0xD8]],
        };
        let form = upload.clone().into_form();
        assert_eq!(form.parts.len(), 3);
        assert_eq!(form.parts[1].file_name.as_deref(), Some("page-1"));
        assert_eq!(form.data_len(), 12 + 6 + 2);
        assert_eq!(DocumentUpload::from_form(form), Ok(upload));
        // Debug shows sizes, never content.
        let debug = format!(
            "{:?}",
            DocumentUpload::from_form(Form::default().text("kind", "income_proof").file(
                "page",
                "x",
                b"secret".to_vec()
            ))
        );
        assert!(!debug.contains("secret") && debug.contains('6'), "{debug}");
    }

    #[test]
    fn unreadable_forms_are_invalid_input() {
        let bad = BackendError::InvalidInput { problems: vec![] };
        for form in [
            Form::default(),
            Form::default().text("kind", "passport"),
            Form::default()
                .text("kind", "income_proof")
                .text("page", "abc"),
            Form::default()
                .text("kind", "income_proof")
                .text("kind", "income_proof"),
            Form::default()
                .text("kind", "income_proof")
                .file("other", "x", vec![1]),
            Form {
                parts: vec![FormPart {
                    name: "kind".into(),
                    file_name: None,
                    data: vec![0xFF],
                }],
            },
        ] {
            assert_eq!(
                DocumentUpload::from_form(form.clone()),
                Err(bad.clone()),
                "{form:?}"
            );
        }
        // A kind given as a file part is still a kind; no page is the
        // lender's refusal, not the form's.
        let ok = Form::default().file("kind", "k.txt", b"identity_document".to_vec());
        assert_eq!(
            DocumentUpload::from_form(ok),
            Ok(DocumentUpload {
                kind: DocumentKind::IdentityDocument,
                pages: vec![]
            })
        );
    }
}
