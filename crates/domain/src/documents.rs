//! Documents a member submits (書類提出, SPEC S11): which kinds there are,
//! which files the lender accepts, and how a submission's status moves.
//!
//! A file is judged by its content, never by its name or the content type a
//! browser claims: [`sniff`] reads the leading "magic" bytes, and
//! [`check_file`] also wants the format's end marker, so a file cut short in
//! transit (or a JPEG renamed from something else) is refused with the rule
//! it breaks. How strict each end check is was a decision, written here:
//!
//! - JPEG: starts `FF D8 FF`; ends with the end-of-image marker `FF D9`,
//!   after any trailing zero bytes (some scanners pad files with zeros).
//!   Data a camera appends after the marker is not accepted; the portal
//!   re-encodes every image anyway, and its output always ends in `FF D9`.
//! - PNG: the 8-byte signature, then the `IHDR` chunk, and the file ends
//!   with the 12-byte `IEND` chunk exactly.
//! - PDF: starts `%PDF-`, and `%%EOF` appears within the last 1,024 bytes
//!   (the window readers such as Acrobat allow for trailing whitespace and
//!   junk).
//!
//! The checks are applied in a fixed order, so a file gets the first rule
//! it breaks: empty, too large, wrong type, truncated. A submission has at
//! most [`MAX_PAGES`] files ("pages"; a PDF counts as one page however many
//! it holds) of at most [`MAX_DOCUMENT_BYTES`] each and
//! [`MAX_SUBMISSION_BYTES`] together: images re-encoded by the portal
//! (at most [`MAX_IMAGE_EDGE`] pixels on the long edge) are well under 2 MB,
//! so the total limit only stops several large PDFs in one request, which
//! the member can send as two submissions.
//!
//! Review status is a pure function of the submission time and now
//! ([`status_at`]): staff work business days 9:00–18:00 JST, pick a
//! submission up [`RECEPTION_MINUTES`] after it arrives and finish checking
//! it [`CHECK_MINUTES`] working minutes later; only a reviewer's explicit
//! decision makes a submission deficient (不備).

use crate::calendar::{is_business_day, next_business_day_on_or_after};
use chrono::{Duration, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// The largest file the lender accepts: 10 MB (10 × 1,024 × 1,024 bytes).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// The most files ("pages") in one submission.
pub const MAX_PAGES: usize = 10;

/// The largest submission, all pages together: 20 MB.
pub const MAX_SUBMISSION_BYTES: usize = 20 * 1024 * 1024;

/// The portal scales images so that their long edge is at most this many
/// pixels before it sends them (SPEC S11).
pub const MAX_IMAGE_EDGE: u32 = 2_000;

/// The JPEG quality the portal re-encodes images at, in percent (the
/// browser takes it as 0.85; the domain keeps no floats).
pub const JPEG_QUALITY_PERCENT: u8 = 85;

/// How far from the end of a PDF its `%%EOF` may be.
pub const PDF_EOF_WINDOW: usize = 1_024;

/// What a submission is (SPEC S11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// 本人確認書類: a driving licence, My Number card, passport…
    IdentityDocument,
    /// 収入証明書: 源泉徴収票, 確定申告書, or the last two months' pay slips
    /// (plus the latest bonus slip), SPEC S10.
    IncomeProof,
}

crate::wire_names!(DocumentKind {
    IdentityDocument = "identity_document",
    IncomeProof = "income_proof",
});

impl DocumentKind {
    pub const ALL: [DocumentKind; 2] = [DocumentKind::IdentityDocument, DocumentKind::IncomeProof];

    pub fn name_ja(self) -> &'static str {
        match self {
            DocumentKind::IdentityDocument => "本人確認書類",
            DocumentKind::IncomeProof => "収入証明書",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            DocumentKind::IdentityDocument => "Identity document",
            DocumentKind::IncomeProof => "Proof of income",
        }
    }
}

/// A file type the lender accepts, as its content shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileType {
    Jpeg,
    Png,
    Pdf,
}

crate::wire_names!(FileType {
    Jpeg = "jpeg",
    Png = "png",
    Pdf = "pdf",
});

impl FileType {
    /// The name members know: `JPEG`, `PNG`, `PDF`.
    pub fn name(self) -> &'static str {
        match self {
            FileType::Jpeg => "JPEG",
            FileType::Png => "PNG",
            FileType::Pdf => "PDF",
        }
    }

    /// Whether the portal re-encodes it (images) or sends it as it is (PDF).
    pub fn is_image(self) -> bool {
        matches!(self, FileType::Jpeg | FileType::Png)
    }
}

/// The rule a file or a submission breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentError {
    /// The file has no bytes at all.
    Empty,
    /// The file is over [`MAX_DOCUMENT_BYTES`].
    TooLarge,
    /// The content is not JPEG, PNG or PDF, whatever its name says.
    WrongType,
    /// The content starts as JPEG, PNG or PDF but its end is missing.
    Truncated,
    /// The submission has no page.
    NoPages,
    /// The submission has more than [`MAX_PAGES`] pages.
    TooManyPages,
    /// The pages together are over [`MAX_SUBMISSION_BYTES`].
    SubmissionTooLarge,
}

crate::wire_names!(DocumentError {
    Empty = "empty",
    TooLarge = "too_large",
    WrongType = "wrong_type",
    Truncated = "truncated",
    NoPages = "no_pages",
    TooManyPages = "too_many_pages",
    SubmissionTooLarge = "submission_too_large",
});

/// One problem of a submission: `page` is the 1-based page it concerns, or
/// `None` for the submission as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentProblem {
    pub page: Option<u16>,
    pub error: DocumentError,
}

const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];
const JPEG_END: &[u8] = &[0xFF, 0xD9];
const PNG_MAGIC: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const PNG_IEND: &[u8] = &[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];
const PDF_MAGIC: &[u8] = b"%PDF-";
const PDF_EOF: &[u8] = b"%%EOF";

/// The type a file's leading bytes announce, or `None` for anything else.
/// It looks at the start only; [`check_file`] also checks the end.
pub fn sniff(bytes: &[u8]) -> Option<FileType> {
    if bytes.starts_with(JPEG_MAGIC) {
        Some(FileType::Jpeg)
    } else if bytes.starts_with(PNG_MAGIC) {
        Some(FileType::Png)
    } else if bytes.starts_with(PDF_MAGIC) {
        Some(FileType::Pdf)
    } else {
        None
    }
}

/// Checks a file's size alone, before reading it: empty or too large.
pub fn check_size(len: u64) -> Result<(), DocumentError> {
    if len == 0 {
        Err(DocumentError::Empty)
    } else if len > MAX_DOCUMENT_BYTES as u64 {
        Err(DocumentError::TooLarge)
    } else {
        Ok(())
    }
}

/// Checks one file by its content (see the module documentation for each
/// type's rule) and gives its type.
pub fn check_file(bytes: &[u8]) -> Result<FileType, DocumentError> {
    check_size(bytes.len() as u64)?;
    let file_type = sniff(bytes).ok_or(DocumentError::WrongType)?;
    let complete = match file_type {
        FileType::Jpeg => jpeg_complete(bytes),
        FileType::Png => png_complete(bytes),
        FileType::Pdf => pdf_complete(bytes),
    };
    if complete {
        Ok(file_type)
    } else {
        Err(DocumentError::Truncated)
    }
}

fn jpeg_complete(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let body = &bytes[..end];
    body.len() >= JPEG_MAGIC.len() + JPEG_END.len() && body.ends_with(JPEG_END)
}

fn png_complete(bytes: &[u8]) -> bool {
    bytes.len() >= PNG_MAGIC.len() + 8 + PNG_IEND.len()
        && bytes.get(12..16) == Some(b"IHDR".as_slice())
        && bytes.ends_with(PNG_IEND)
}

fn pdf_complete(bytes: &[u8]) -> bool {
    let tail_start = bytes
        .len()
        .saturating_sub(PDF_EOF_WINDOW)
        .max(PDF_MAGIC.len());
    bytes
        .get(tail_start..)
        .is_some_and(|tail| tail.windows(PDF_EOF.len()).any(|w| w == PDF_EOF))
}

/// Checks a whole submission and reports every problem at once: the
/// submission's own (no page, too many pages, too large together), then
/// each page's first broken rule. On success, each page's type in order.
pub fn check_submission(pages: &[&[u8]]) -> Result<Vec<FileType>, Vec<DocumentProblem>> {
    let mut problems = Vec::new();
    let whole = |error| DocumentProblem { page: None, error };
    if pages.is_empty() {
        problems.push(whole(DocumentError::NoPages));
    }
    if pages.len() > MAX_PAGES {
        problems.push(whole(DocumentError::TooManyPages));
    }
    let total: u64 = pages.iter().map(|p| p.len() as u64).sum();
    if total > MAX_SUBMISSION_BYTES as u64 {
        problems.push(whole(DocumentError::SubmissionTooLarge));
    }
    let mut types = Vec::with_capacity(pages.len());
    for (i, bytes) in pages.iter().enumerate() {
        match check_file(bytes) {
            Ok(t) => types.push(t),
            Err(error) => problems.push(DocumentProblem {
                page: Some(u16::try_from(i + 1).unwrap_or(u16::MAX)),
                error,
            }),
        }
    }
    if problems.is_empty() {
        Ok(types)
    } else {
        Err(problems)
    }
}

/// The size an image of `width` × `height` pixels is scaled to: the same
/// when its long edge is at most [`MAX_IMAGE_EDGE`], else shrunk in
/// proportion so the long edge is exactly that (the short edge rounded to
/// the nearest pixel, at least 1).
pub fn scaled_size(width: u32, height: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= MAX_IMAGE_EDGE || long == 0 {
        return (width, height);
    }
    let scale = |edge: u32| -> u32 {
        let scaled = (u64::from(edge) * u64::from(MAX_IMAGE_EDGE) * 2 + u64::from(long))
            / (u64::from(long) * 2);
        u32::try_from(scaled).unwrap_or(MAX_IMAGE_EDGE).max(1)
    };
    (scale(width), scale(height))
}

/// The markers of a JPEG's segments before its image data (`0xE0` APP0,
/// `0xE1` APP1 = EXIF or XMP, `0xDB` quantisation tables, `0xC0` the frame,
/// …), in order, up to and including the start of scan (`0xDA`). `None`
/// when the bytes do not parse as JPEG segments. Tests use it to show that
/// a re-encoded photo carries no EXIF segment.
pub fn jpeg_markers(bytes: &[u8]) -> Option<Vec<u8>> {
    Some(jpeg_segments(bytes)?.into_iter().map(|(m, _)| m).collect())
}

/// A JPEG's width and height from its frame header (SOF0–SOF15 except the
/// table markers), or `None` when there is none.
pub fn jpeg_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let (_, body) = jpeg_segments(bytes)?
        .into_iter()
        .find(|(m, _)| (0xC0..=0xCF).contains(m) && !matches!(m, 0xC4 | 0xC8 | 0xCC))?;
    // precision (1), height (2), width (2)
    let height = u32::from(u16::from_be_bytes([*body.get(1)?, *body.get(2)?]));
    let width = u32::from(u16::from_be_bytes([*body.get(3)?, *body.get(4)?]));
    Some((width, height))
}

/// Each segment's marker and body (without its length bytes), from the
/// start of image to the start of scan.
fn jpeg_segments(bytes: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut segments = Vec::new();
    let mut at = 2;
    loop {
        // Markers may be preceded by fill bytes 0xFF.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        if len < 2 {
            return None;
        }
        let body = bytes.get(at + 4..at + 2 + len)?;
        segments.push((marker, body));
        if marker == 0xDA {
            return Some(segments);
        }
        at += 2 + len;
    }
}

/// Where a submission stands (SPEC S11's list of submitted documents).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentStatus {
    /// 受付: arrived, not yet picked up.
    Received,
    /// 確認中: staff are checking it.
    Checking,
    /// 確認済み: checked and accepted.
    Verified,
    /// 不備: a reviewer found a problem; the member must send it again.
    Deficient,
}

crate::wire_names!(DocumentStatus {
    Received = "received",
    Checking = "checking",
    Verified = "verified",
    Deficient = "deficient",
});

impl DocumentStatus {
    pub fn name_ja(self) -> &'static str {
        match self {
            DocumentStatus::Received => "受付",
            DocumentStatus::Checking => "確認中",
            DocumentStatus::Verified => "確認済み",
            DocumentStatus::Deficient => "不備",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            DocumentStatus::Received => "Received",
            DocumentStatus::Checking => "Being checked",
            DocumentStatus::Verified => "Checked",
            DocumentStatus::Deficient => "Needs resubmission",
        }
    }
}

/// Staff pick a submission up this many minutes after it arrives (or at
/// the next working minute after that).
pub const RECEPTION_MINUTES: i64 = 10;

/// Checking takes this many working minutes.
pub const CHECK_MINUTES: i64 = 120;

const WORK_STARTS: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
const WORK_ENDS: NaiveTime = match NaiveTime::from_hms_opt(18, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The first working instant (business day, 9:00–18:00 JST) at or after
/// `at`.
pub fn working_instant_at_or_after(at: NaiveDateTime) -> NaiveDateTime {
    let day = at.date();
    if is_business_day(day) && at.time() < WORK_ENDS {
        return at.max(day.and_time(WORK_STARTS));
    }
    let next = day.succ_opt().map_or(day, next_business_day_on_or_after);
    next.and_time(WORK_STARTS)
}

/// `at` plus `minutes` of working time: the clock stops outside working
/// hours.
pub fn add_working_minutes(at: NaiveDateTime, minutes: i64) -> NaiveDateTime {
    let mut now = working_instant_at_or_after(at);
    let mut left = minutes.max(0);
    // Each turn ends a working day or the count; a day holds 540 minutes.
    for _ in 0..=(left / 540 + 1) {
        let day_left = (now.date().and_time(WORK_ENDS) - now).num_minutes();
        if left < day_left {
            return now + Duration::minutes(left);
        }
        left -= day_left;
        now = working_instant_at_or_after(now.date().and_time(WORK_ENDS));
    }
    now + Duration::minutes(left)
}

/// When staff start checking a submission made at `submitted` (JST) and
/// when they finish.
pub fn review_times(submitted: NaiveDateTime) -> (NaiveDateTime, NaiveDateTime) {
    let checking = working_instant_at_or_after(submitted + Duration::minutes(RECEPTION_MINUTES));
    (checking, add_working_minutes(checking, CHECK_MINUTES))
}

/// A submission's status at `now` (both JST), unless a reviewer decided
/// otherwise (the lender keeps that decision).
pub fn status_at(submitted: NaiveDateTime, now: NaiveDateTime) -> DocumentStatus {
    let (checking, checked) = review_times(submitted);
    if now < checking {
        DocumentStatus::Received
    } else if now < checked {
        DocumentStatus::Checking
    } else {
        DocumentStatus::Verified
    }
}

/// Test files: the smallest well-formed JPEG, PNG and PDF this module
/// accepts (not decodable images; the browser tests make real ones).
#[cfg(test)]
pub(crate) mod samples {
    /// SOI, an APP0 segment, a frame header, a start of scan, data, EOI.
    pub fn jpeg() -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        b.extend([0xFF, 0xE0, 0x00, 0x10]);
        b.extend(b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00");
        // SOF0: length 11, precision 8, height 3000, width 4000, 1 component
        b.extend([
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x0B, 0xB8, 0x0F, 0xA0, 0x01, 0x01, 0x11, 0x00,
        ]);
        b.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        b.extend([0x12, 0x34, 0xFF, 0x00, 0x56]);
        b.extend([0xFF, 0xD9]);
        b
    }

    pub fn png() -> Vec<u8> {
        let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        b.extend([0, 0, 0, 13]);
        b.extend(b"IHDR");
        b.extend([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        b.extend([0x90, 0x77, 0x53, 0xDE]);
        b.extend([0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
        b
    }

    pub fn pdf() -> Vec<u8> {
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{jpeg, pdf, png};
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn check(cases: &[(&str, Vec<u8>, Result<FileType, DocumentError>)]) {
        for (name, bytes, expected) in cases {
            assert_eq!(check_file(bytes), *expected, "{name}");
        }
    }

    fn with(mut base: Vec<u8>, tail: &[u8]) -> Vec<u8> {
        base.extend_from_slice(tail);
        base
    }

    fn cut(base: Vec<u8>, n: usize) -> Vec<u8> {
        base[..base.len() - n].to_vec()
    }

    #[test]
    fn files_are_judged_by_content() {
        let big_pdf = {
            let mut b = pdf();
            b.resize(MAX_DOCUMENT_BYTES + 1, b' ');
            b
        };
        let padded_pdf = {
            let mut b = pdf();
            b.extend(std::iter::repeat_n(b' ', PDF_EOF_WINDOW - 10));
            b
        };
        let far_eof_pdf = {
            let mut b = pdf();
            b.extend(std::iter::repeat_n(b' ', PDF_EOF_WINDOW));
            b
        };
        check(&[
            ("jpeg", jpeg(), Ok(FileType::Jpeg)),
            ("png", png(), Ok(FileType::Png)),
            ("pdf", pdf(), Ok(FileType::Pdf)),
            (
                "jpeg padded with zeros",
                with(jpeg(), &[0, 0, 0]),
                Ok(FileType::Jpeg),
            ),
            (
                "pdf, %%EOF within 1,024 bytes of the end",
                padded_pdf,
                Ok(FileType::Pdf),
            ),
            ("empty", vec![], Err(DocumentError::Empty)),
            ("too large", big_pdf, Err(DocumentError::TooLarge)),
            (
                "text named .jpg",
                b"hello, this is not a photo".to_vec(),
                Err(DocumentError::WrongType),
            ),
            (
                "GIF",
                b"GIF89a\x01\x00\x01\x00".to_vec(),
                Err(DocumentError::WrongType),
            ),
            (
                "HTML",
                b"<!doctype html><p>%PDF-</p>".to_vec(),
                Err(DocumentError::WrongType),
            ),
            ("one byte", vec![0xFF], Err(DocumentError::WrongType)),
            (
                "jpeg without EOI",
                cut(jpeg(), 2),
                Err(DocumentError::Truncated),
            ),
            (
                "jpeg with data after EOI",
                with(jpeg(), b"trailer"),
                Err(DocumentError::Truncated),
            ),
            (
                "jpeg magic only",
                vec![0xFF, 0xD8, 0xFF],
                Err(DocumentError::Truncated),
            ),
            (
                "png without IEND",
                cut(png(), 12),
                Err(DocumentError::Truncated),
            ),
            (
                "png cut inside IEND",
                cut(png(), 1),
                Err(DocumentError::Truncated),
            ),
            (
                "png signature only",
                png()[..8].to_vec(),
                Err(DocumentError::Truncated),
            ),
            (
                "pdf without %%EOF",
                cut(pdf(), 6),
                Err(DocumentError::Truncated),
            ),
            (
                "pdf header only",
                b"%PDF-".to_vec(),
                Err(DocumentError::Truncated),
            ),
            (
                "pdf, %%EOF too far from the end",
                far_eof_pdf,
                Err(DocumentError::Truncated),
            ),
        ]);
    }

    #[test]
    fn the_size_check_comes_first() {
        assert_eq!(check_size(0), Err(DocumentError::Empty));
        assert_eq!(check_size(1), Ok(()));
        assert_eq!(check_size(MAX_DOCUMENT_BYTES as u64), Ok(()));
        assert_eq!(
            check_size(MAX_DOCUMENT_BYTES as u64 + 1),
            Err(DocumentError::TooLarge)
        );
        let mut big_text = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        assert_eq!(check_file(&big_text), Err(DocumentError::TooLarge));
        big_text.truncate(10);
        assert_eq!(check_file(&big_text), Err(DocumentError::WrongType));
    }

    #[test]
    fn submissions_report_every_problem() {
        let (j, p, d) = (jpeg(), png(), pdf());
        assert_eq!(
            check_submission(&[&j, &p, &d]),
            Ok(vec![FileType::Jpeg, FileType::Png, FileType::Pdf])
        );
        assert_eq!(
            check_submission(&[]),
            Err(vec![DocumentProblem {
                page: None,
                error: DocumentError::NoPages
            }])
        );
        let text = b"text".to_vec();
        let short = cut(png(), 3);
        let eleven: Vec<&[u8]> = std::iter::repeat_n(j.as_slice(), 9)
            .chain([text.as_slice(), short.as_slice()])
            .collect();
        assert_eq!(
            check_submission(&eleven),
            Err(vec![
                DocumentProblem {
                    page: None,
                    error: DocumentError::TooManyPages
                },
                DocumentProblem {
                    page: Some(10),
                    error: DocumentError::WrongType
                },
                DocumentProblem {
                    page: Some(11),
                    error: DocumentError::Truncated
                },
            ])
        );
        let mut nine_mb = pdf();
        nine_mb.resize(9 * 1024 * 1024, b' ');
        nine_mb.extend(b"%%EOF");
        assert_eq!(check_file(&nine_mb), Ok(FileType::Pdf));
        let three: Vec<&[u8]> = vec![&nine_mb, &nine_mb, &nine_mb];
        assert_eq!(
            check_submission(&three),
            Err(vec![DocumentProblem {
                page: None,
                error: DocumentError::SubmissionTooLarge
            }])
        );
        assert_eq!(check_submission(&three[..2]).map(|t| t.len()), Ok(2));
    }

    #[test]
    fn kinds_have_wire_names_and_both_languages() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::from_wire_name(kind.wire_name()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.wire_name()));
            assert!(!kind.name_ja().is_empty() && !kind.name_en().is_empty());
        }
        assert_eq!(DocumentKind::from_wire_name("Income_Proof"), None);
        assert_eq!(DocumentKind::IncomeProof.name_ja(), "収入証明書");
    }

    #[test]
    fn images_scale_to_the_long_edge() {
        for (w, h, expected) in [
            (4000, 3000, (2000, 1500)),
            (3000, 4000, (1500, 2000)),
            (2000, 1000, (2000, 1000)),
            (640, 480, (640, 480)),
            (2001, 1, (2000, 1)),
            (100_000, 3, (2000, 1)),
            (3000, 1999, (2000, 1333)),
            (0, 0, (0, 0)),
        ] {
            assert_eq!(scaled_size(w, h), expected, "{w}×{h}");
        }
    }

    #[test]
    fn jpeg_segments_are_read() {
        let j = jpeg();
        assert_eq!(jpeg_markers(&j), Some(vec![0xE0, 0xC0, 0xDA]));
        assert_eq!(jpeg_dimensions(&j), Some((4000, 3000)));
        assert_eq!(jpeg_markers(&png()), None);
        assert_eq!(jpeg_markers(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00]), None);
        assert_eq!(jpeg_dimensions(&pdf()), None);
    }

    fn jst(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    #[test]
    fn review_runs_in_working_hours() {
        // (submitted, checking starts, checked), November 2026: the 25th
        // is a Wednesday, the 23rd (Monday) 勤労感謝の日, 28–29 a weekend.
        for (submitted, checking, checked) in [
            (jst(25, 12, 0), jst(25, 12, 10), jst(25, 14, 10)),
            (jst(25, 17, 0), jst(25, 17, 10), jst(26, 10, 10)),
            (jst(25, 17, 55), jst(26, 9, 0), jst(26, 11, 0)),
            (jst(25, 7, 0), jst(25, 9, 0), jst(25, 11, 0)),
            (jst(27, 17, 30), jst(27, 17, 40), jst(30, 10, 40)),
            (jst(28, 10, 0), jst(30, 9, 0), jst(30, 11, 0)),
            (jst(22, 23, 0), jst(24, 9, 0), jst(24, 11, 0)),
        ] {
            assert_eq!(review_times(submitted), (checking, checked), "{submitted}");
            assert_eq!(status_at(submitted, submitted), DocumentStatus::Received);
            assert_eq!(
                status_at(submitted, checking - Duration::minutes(1)),
                DocumentStatus::Received
            );
            assert_eq!(status_at(submitted, checking), DocumentStatus::Checking);
            assert_eq!(
                status_at(submitted, checked - Duration::minutes(1)),
                DocumentStatus::Checking
            );
            assert_eq!(status_at(submitted, checked), DocumentStatus::Verified);
        }
        // A long count crosses several days.
        assert_eq!(
            add_working_minutes(jst(25, 9, 0), 540 * 2 + 30),
            jst(27, 9, 30)
        );
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = check_file(&bytes);
            let _ = sniff(&bytes);
            let _ = jpeg_markers(&bytes);
            let _ = jpeg_dimensions(&bytes);
            let _ = check_submission(&[&bytes, &bytes]);
        }

        #[test]
        fn random_bytes_behind_a_magic_never_panic(
            magic in 0..3usize,
            bytes in proptest::collection::vec(any::<u8>(), 0..600),
        ) {
            let mut file = [jpeg(), png(), pdf()][magic][..5].to_vec();
            file.extend(bytes);
            let _ = check_file(&file);
            let _ = jpeg_markers(&file);
            let _ = jpeg_dimensions(&file);
        }

        /// Text renamed to an image name is still text: content decides.
        #[test]
        fn text_is_never_accepted(text in "[ -~\\n]{1,400}") {
            prop_assume!(!text.starts_with("%PDF-"));
            prop_assert_eq!(check_file(text.as_bytes()), Err(DocumentError::WrongType));
        }

        /// Any file cut short (losing at least its end marker) is refused:
        /// as truncated once its magic is complete.
        #[test]
        fn cut_files_are_refused(which in 0..3usize, keep in 0..1000usize) {
            let full = [jpeg(), png(), pdf()][which].clone();
            let end_marker = [2, 12, 6][which];
            let keep = keep % (full.len() - end_marker + 1);
            let short = &full[..keep];
            let result = check_file(short);
            prop_assert!(result.is_err());
            if keep >= 8 {
                prop_assert_eq!(result, Err(DocumentError::Truncated));
            }
        }

        #[test]
        fn scaled_images_fit_and_keep_their_shape(w in 1..20_000u32, h in 1..20_000u32) {
            let (sw, sh) = scaled_size(w, h);
            prop_assert!(sw.max(sh) <= MAX_IMAGE_EDGE);
            prop_assert!(sw >= 1 && sh >= 1);
            if w.max(h) > MAX_IMAGE_EDGE {
                prop_assert_eq!(sw.max(sh), MAX_IMAGE_EDGE);
                // The short edge is within a pixel of the exact proportion.
                let exact_short = u64::from(w.min(h)) * u64::from(MAX_IMAGE_EDGE);
                let got_short = u64::from(sw.min(sh)) * u64::from(w.max(h));
                prop_assert!(exact_short.abs_diff(got_short) <= u64::from(w.max(h)));
            } else {
                prop_assert_eq!((sw, sh), (w, h));
            }
        }

        #[test]
        fn status_only_moves_forward(
            day in 1..28u32, hour in 0..24u32, minute in 0..60u32,
            later in 0..(60 * 24 * 14i64),
        ) {
            let submitted = NaiveDate::from_ymd_opt(2026, 12, day)
                .and_then(|d| d.and_hms_opt(hour, minute, 0))
                .unwrap_or_default();
            let now = submitted + Duration::minutes(later);
            let rank = |s| match s {
                DocumentStatus::Received => 0,
                DocumentStatus::Checking => 1,
                _ => 2,
            };
            prop_assert!(rank(status_at(submitted, now)) <= rank(status_at(submitted, now + Duration::minutes(30))));
            let (checking, checked) = review_times(submitted);
            prop_assert!(submitted < checking && checking < checked);
            prop_assert!(is_business_day(checking.date()) && is_business_day(checked.date()));
        }
    }
}
