//! Browser tests of the uploader's preparation (SPEC S11), in headless
//! Chromium: a photo carrying EXIF with a GPS position comes out of
//! re-encoding without it and within 2,000 px; PNGs become JPEG; PDFs are
//! kept byte for byte; files that are not what they claim are refused.
#![cfg(target_arch = "wasm32")]

use member_portal::components::documents::prepare::{prepare_file, reencode_image, Rejection};
use portal_domain::documents::{
    check_file, jpeg_dimensions, jpeg_markers, DocumentError, FileType,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A `width` × `height` picture drawn on a canvas, exported as `mime`.
async fn drawn(width: u32, height: u32, mime: &str) -> Vec<u8> {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .expect("a canvas");
    canvas.set_width(width);
    canvas.set_height(height);
    let g: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .expect("a 2D context");
    g.set_fill_style_str("#1a5fb4");
    g.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    g.set_fill_style_str("#ffffff");
    g.fill_rect(f64::from(width) / 4.0, f64::from(height) / 4.0, 50.0, 50.0);
    let mut started = Ok(());
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        started = canvas.to_blob_with_type(&resolve, mime);
    });
    started.expect("toBlob");
    let blob: web_sys::Blob = JsFuture::from(promise)
        .await
        .expect("a blob")
        .dyn_into()
        .expect("a Blob");
    let buffer = JsFuture::from(blob.array_buffer()).await.expect("bytes");
    js_sys::Uint8Array::new(&buffer).to_vec()
}

/// Tokyo Station's latitude as EXIF writes it: 35° 40' 52.68" N.
const LATITUDE: [u32; 6] = [35, 1, 40, 1, 5268, 100];

/// An APP1 segment holding EXIF (big-endian TIFF) whose IFD0 points to a GPS
/// IFD with `GPSLatitudeRef` = N and `GPSLatitude`, and a camera make.
fn exif_with_gps() -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend(b"MM\x00\x2A\x00\x00\x00\x08"); // header, IFD0 at 8
                                                // IFD0 (at 8): two entries, Make and the GPS IFD pointer.
    tiff.extend(2u16.to_be_bytes());
    // Make: ASCII, 12 bytes, at offset 8 + 2 + 24 + 4 = 38.
    tiff.extend(0x010Fu16.to_be_bytes());
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(12u32.to_be_bytes());
    tiff.extend(38u32.to_be_bytes());
    // GPSInfo: LONG, the GPS IFD at 38 + 12 = 50.
    tiff.extend(0x8825u16.to_be_bytes());
    tiff.extend(4u16.to_be_bytes());
    tiff.extend(1u32.to_be_bytes());
    tiff.extend(50u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes()); // no next IFD
    tiff.extend(b"SPYCAM-9000\x00"); // at 38
                                     // GPS IFD (at 50): two entries; the rationals at 50 + 2 + 24 + 4 = 80.
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(0x0001u16.to_be_bytes()); // GPSLatitudeRef
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(2u32.to_be_bytes());
    tiff.extend(b"N\x00\x00\x00");
    tiff.extend(0x0002u16.to_be_bytes()); // GPSLatitude
    tiff.extend(5u16.to_be_bytes());
    tiff.extend(3u32.to_be_bytes());
    tiff.extend(80u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    for n in LATITUDE {
        tiff.extend(n.to_be_bytes());
    }
    let mut segment = vec![0xFF, 0xE1];
    let length = u16::try_from(2 + 6 + tiff.len()).expect("a short segment");
    segment.extend(length.to_be_bytes());
    segment.extend(b"Exif\x00\x00");
    segment.extend(tiff);
    segment
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[wasm_bindgen_test]
async fn a_photo_loses_its_exif_gps_and_is_scaled_to_2000_px() {
    let plain = drawn(3000, 1500, "image/jpeg").await;
    // The EXIF segment goes right after the start of image, as cameras
    // write it.
    let mut photo = plain[..2].to_vec();
    photo.extend(exif_with_gps());
    photo.extend(&plain[2..]);
    assert_eq!(check_file(&photo), Ok(FileType::Jpeg));
    assert!(jpeg_markers(&photo).is_some_and(|m| m.contains(&0xE1)));
    assert!(contains(&photo, b"Exif\x00\x00") && contains(&photo, b"SPYCAM-9000"));
    assert_eq!(jpeg_dimensions(&photo), Some((3000, 1500)));

    let out = reencode_image(&photo).await.expect("the photo re-encodes");
    assert_eq!(out.file_type, FileType::Jpeg);
    assert_eq!(out.pixels, Some((2000, 1000)));
    assert_eq!(jpeg_dimensions(&out.bytes), Some((2000, 1000)));
    assert_eq!(check_file(&out.bytes), Ok(FileType::Jpeg));
    let markers = jpeg_markers(&out.bytes).expect("a JPEG");
    assert!(
        !markers.contains(&0xE1),
        "an APP1 (EXIF/XMP) segment survived: {markers:x?}"
    );
    assert!(!contains(&out.bytes, b"Exif"));
    assert!(!contains(&out.bytes, b"SPYCAM-9000"));
    let latitude: Vec<u8> = LATITUDE.iter().flat_map(|n| n.to_be_bytes()).collect();
    assert!(!contains(&out.bytes, &latitude));
}

#[wasm_bindgen_test]
async fn small_images_keep_their_size_and_pngs_become_jpeg() {
    let png = drawn(640, 480, "image/png").await;
    assert_eq!(check_file(&png), Ok(FileType::Png));
    let out = reencode_image(&png).await.expect("the PNG re-encodes");
    assert_eq!(out.pixels, Some((640, 480)));
    assert_eq!(check_file(&out.bytes), Ok(FileType::Jpeg));
    let tall = drawn(1000, 4000, "image/png").await;
    let out = reencode_image(&tall)
        .await
        .expect("the tall PNG re-encodes");
    assert_eq!(jpeg_dimensions(&out.bytes), Some((500, 2000)));
}

fn blob(bytes: &[u8]) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).expect("a blob")
}

#[wasm_bindgen_test]
async fn files_are_prepared_by_content() {
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".to_vec();
    let prepared = prepare_file(&blob(&pdf)).await.expect("a PDF is kept");
    assert_eq!((prepared.file_type, prepared.bytes), (FileType::Pdf, pdf));
    assert_eq!(
        prepare_file(&blob(b"not a photo")).await,
        Err(Rejection::Rule(DocumentError::WrongType))
    );
    assert_eq!(
        prepare_file(&blob(&[])).await,
        Err(Rejection::Rule(DocumentError::Empty))
    );
    let mut cut = drawn(100, 100, "image/jpeg").await;
    cut.truncate(cut.len() - 2);
    assert_eq!(
        prepare_file(&blob(&cut)).await,
        Err(Rejection::Rule(DocumentError::Truncated))
    );
    // Right magic and end, but nothing a browser can decode.
    let fake = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x00, 0x00, 0xFF, 0xD9];
    assert_eq!(prepare_file(&blob(&fake)).await, Err(Rejection::Unreadable));
}
