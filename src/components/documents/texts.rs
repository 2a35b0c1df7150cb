//! Texts of the document uploader and its camera, Japanese and English side
//! by side.

use crate::texts;

texts! {
    /// The uploader (SPEC S11).
    pub struct Texts {
        rules: &'static str {
            ja: "JPEG・PNG・PDFのファイルを、1ファイル10MBまで、1回に10ページ（合計20MB）まで送信できます。写真は送信前に長辺2,000ピクセル以内に縮小し、撮影場所などの撮影情報（Exif）を取り除きます。PDFはそのまま送信します。",
            en: "Send JPEG, PNG or PDF files of up to 10 MB each, up to 10 pages (20 MB in all) at a time. Photos are scaled to at most 2,000 pixels on the long edge and stripped of their shooting details (Exif), including the location, before they are sent. PDFs are sent as they are.",
        }
        choose: &'static str {
            ja: "ファイルを選択",
            en: "Choose files",
        }
        choose_hint: &'static str {
            ja: "スマートフォンでは、ここからカメラで撮影することもできます。複数のファイルを一度に選べます。",
            en: "On a phone you can also take a photo from here. You can choose several files at once.",
        }
        reading: &'static str {
            ja: "ファイルを読み込んでいます…",
            en: "Reading your files…",
        }
        pages_heading: fn(usize) -> String {
            ja: |n| format!("送信するページ（{n}ページ）"),
            en: |n| format!("Pages to send ({n})"),
        }
        no_pages: &'static str {
            ja: "まだページがありません。ファイルを選ぶか、カメラで撮影してください。",
            en: "No pages yet. Choose files or take a photo.",
        }
        page_number: fn(usize) -> String {
            ja: |n| format!("{n}ページ目"),
            en: |n| format!("Page {n}"),
        }
        preview_alt: fn(usize, &str) -> String {
            ja: |n, name| format!("{n}ページ目のプレビュー（{name}）"),
            en: |n, name| format!("Preview of page {n} ({name})"),
        }
        pdf_tile: &'static str {
            ja: "PDF（プレビューなし）",
            en: "PDF (no preview)",
        }
        up: &'static str {
            ja: "上へ",
            en: "Up",
        }
        down: &'static str {
            ja: "下へ",
            en: "Down",
        }
        remove: &'static str {
            ja: "削除",
            en: "Remove",
        }
        up_label: fn(usize) -> String {
            ja: |n| format!("{n}ページ目を上へ"),
            en: |n| format!("Up: move page {n} up"),
        }
        down_label: fn(usize) -> String {
            ja: |n| format!("{n}ページ目を下へ"),
            en: |n| format!("Down: move page {n} down"),
        }
        remove_label: fn(usize) -> String {
            ja: |n| format!("{n}ページ目を削除"),
            en: |n| format!("Remove page {n}"),
        }
        moved: fn(usize) -> String {
            ja: |n| format!("{n}ページ目に移動しました。"),
            en: |n| format!("Moved to page {n}."),
        }
        removed: &'static str {
            ja: "ページを削除しました。",
            en: "The page was removed.",
        }
        camera_photo: fn(usize) -> String {
            ja: |n| format!("カメラで撮影 {n}"),
            en: |n| format!("Camera photo {n}"),
        }
        send: &'static str {
            ja: "送信",
            en: "Send",
        }
        sending: &'static str {
            ja: "送信中…",
            en: "Sending…",
        }
        progress_text: fn(u64, u64) -> String {
            ja: |sent, total| format!("送信中… {}%（{} / {}）", percent(sent, total), size_text(sent), size_text(total)),
            en: |sent, total| format!("Sending… {}% ({} of {})", percent(sent, total), size_text(sent), size_text(total)),
        }
        nothing_to_send: &'static str {
            ja: "送信するページがありません。ファイルを選ぶか、カメラで撮影してください。",
            en: "There is nothing to send. Choose files or take a photo first.",
        }
        send_failed: &'static str {
            ja: "送信できませんでした。選んだページはそのまま残っています。通信状態をご確認のうえ、もう一度「送信」を押してください（二重に受け付けられることはありません）。",
            en: "The pages could not be sent. They are still here: check your connection and press Send again (they will not be received twice).",
        }
        send_refused: &'static str {
            ja: "送信した書類を受け付けられませんでした。",
            en: "The lender could not accept these pages.",
        }
        send_too_large: &'static str {
            ja: "合計のサイズが大きすぎるため送信できませんでした。ページを減らして、分けて送信してください。",
            en: "The pages are too large together. Remove some and send them separately.",
        }
        send_conflict: &'static str {
            ja: "送信内容が変わったため、もう一度「送信」を押してください。",
            en: "The pages changed since the last attempt: press Send again.",
        }
        done_heading: &'static str {
            ja: "書類を受け付けました",
            en: "Your documents were received",
        }
        reception_number: &'static str {
            ja: "受付番号",
            en: "Reception number",
        }
        kind: &'static str {
            ja: "書類の種類",
            en: "Document",
        }
        page_count: &'static str {
            ja: "ページ数",
            en: "Pages",
        }
        pages_value: fn(usize) -> String {
            ja: |n| format!("{n}ページ"),
            en: |n| if n == 1 { "1 page".to_owned() } else { format!("{n} pages") },
        }
        done_note: &'static str {
            ja: "受付のお知らせを登録メールアドレスへお送りしました。確認は平日9:00～18:00に行い、結果はこのページの一覧でご覧いただけます。",
            en: "A notice was sent to your registered e-mail address. Documents are checked on business days, 9:00–18:00 Japan time; the list on this page shows the result.",
        }
        rule_empty: fn(&str) -> String {
            ja: |name| format!("「{name}」は空のファイルのため追加できません。"),
            en: |name| format!("\u{201c}{name}\u{201d} is empty and cannot be added."),
        }
        rule_too_large: fn(&str) -> String {
            ja: |name| format!("「{name}」は10MBを超えているため追加できません（1ファイル10MBまで）。"),
            en: |name| format!("\u{201c}{name}\u{201d} is over 10 MB and cannot be added (10 MB per file at most)."),
        }
        rule_wrong_type: fn(&str) -> String {
            ja: |name| format!("「{name}」はJPEG・PNG・PDFのいずれでもないため追加できません（ファイル名ではなく中身で判定しています）。"),
            en: |name| format!("\u{201c}{name}\u{201d} is not a JPEG, PNG or PDF file and cannot be added (its content decides, not its name)."),
        }
        rule_truncated: fn(&str) -> String {
            ja: |name| format!("「{name}」はファイルが途中で切れているため追加できません。保存し直すか、撮影し直してください。"),
            en: |name| format!("\u{201c}{name}\u{201d} is cut short and cannot be added. Save it again or take a new photo."),
        }
        rule_too_many: fn(&str) -> String {
            ja: |name| format!("「{name}」は追加できません。1回に送信できるのは10ページまでです。"),
            en: |name| format!("\u{201c}{name}\u{201d} cannot be added: at most 10 pages can be sent at a time."),
        }
        rule_total: fn(&str) -> String {
            ja: |name| format!("「{name}」を追加すると合計20MBを超えるため追加できません。分けて送信してください。"),
            en: |name| format!("\u{201c}{name}\u{201d} would take the pages over 20 MB in all. Send it separately."),
        }
        rule_unreadable: fn(&str) -> String {
            ja: |name| format!("「{name}」を読み込めませんでした。画像が壊れていないかご確認ください。"),
            en: |name| format!("\u{201c}{name}\u{201d} could not be read. Check that the image is not damaged."),
        }
        rule_no_pages: &'static str {
            ja: "送信するページがありません。",
            en: "There are no pages to send.",
        }
    }
}

/// A part of `total` in whole percent, rounded down (0 when nothing is to
/// be sent).
pub fn percent(sent: u64, total: u64) -> u64 {
    if total == 0 {
        return 100;
    }
    let part = u128::from(sent.min(total)) * 100 / u128::from(total);
    u64::try_from(part).unwrap_or(100)
}

/// A size as members read it: `850KB`, `1.2MB` (one decimal, rounded
/// down), computed in integers.
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = bytes.saturating_mul(10) / MB;
        format!("{}.{}MB", tenths / 10, tenths % 10)
    } else {
        format!("{}KB", bytes.div_ceil(1024))
    }
}

mod camera {
    use crate::texts;

    texts! {
        /// The camera (a live preview with a shutter, where allowed).
        pub struct Texts {
            open: &'static str {
                ja: "カメラで撮影",
                en: "Take a photo",
            }
            starting: &'static str {
                ja: "カメラを起動しています…",
                en: "Starting the camera…",
            }
            region: &'static str {
                ja: "カメラ",
                en: "Camera",
            }
            preview: &'static str {
                ja: "カメラのプレビュー",
                en: "Camera preview",
            }
            shutter: &'static str {
                ja: "撮影する",
                en: "Take the photo",
            }
            close: &'static str {
                ja: "カメラを閉じる",
                en: "Close the camera",
            }
            hint: &'static str {
                ja: "書類の四隅が枠に収まるようにして、文字が読めることを確かめてから撮影してください。撮影した写真は下のページ一覧に加わります。",
                en: "Fit all four corners of the document in the frame and check the text is readable, then take the photo. It is added to the pages below.",
            }
            captured: &'static str {
                ja: "撮影した写真をページに追加しました。続けて撮影できます。",
                en: "The photo was added to the pages. You can take another.",
            }
            refused: &'static str {
                ja: "カメラの使用が許可されていないため、カメラを起動できません。ブラウザの設定でカメラを許可するか、「ファイルを選択」から写真やPDFを選んでください。",
                en: "The camera is not allowed, so it cannot start. Allow the camera in your browser's settings, or choose photos or PDFs with \u{201c}Choose files\u{201d}.",
            }
            absent: &'static str {
                ja: "この端末ではカメラを使用できません。「ファイルを選択」から写真やPDFを選んでください。",
                en: "No camera can be used on this device. Choose photos or PDFs with \u{201c}Choose files\u{201d}.",
            }
            broken: &'static str {
                ja: "カメラを起動できませんでした。もう一度お試しいただくか、「ファイルを選択」から写真やPDFを選んでください。",
                en: "The camera could not start. Try again, or choose photos or PDFs with \u{201c}Choose files\u{201d}.",
            }
            capture_failed: &'static str {
                ja: "撮影できませんでした。カメラの映像が表示されてから、もう一度お試しください。",
                en: "The photo could not be taken. Wait for the camera picture to appear and try again.",
            }
        }
    }
}

pub use camera::{tr as camera_tr, Texts as CameraTexts};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_percentages_are_written_in_integers() {
        assert_eq!(size_text(0), "0KB");
        assert_eq!(size_text(1), "1KB");
        assert_eq!(size_text(850 * 1024), "850KB");
        assert_eq!(size_text(1024 * 1024), "1.0MB");
        assert_eq!(size_text(10 * 1024 * 1024 + 1), "10.0MB");
        assert_eq!(size_text(1_300_000), "1.2MB");
        assert_eq!(percent(0, 100), 0);
        assert_eq!(percent(45, 100), 45);
        assert_eq!(percent(150, 100), 100);
        assert_eq!(percent(0, 0), 100);
        assert_eq!(percent(u64::MAX, u64::MAX), 100);
    }
}
