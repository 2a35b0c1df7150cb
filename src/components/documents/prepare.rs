//! Turning a member's file, or a camera frame, into a page the lender
//! accepts (SPEC S11), in the browser.
//!
//! A file's size is checked before it is read, then its content by the
//! domain's rules (`portal_domain::documents::check_file`: magic bytes and
//! end marker; its name and the type the browser guesses are ignored). An
//! image is then decoded by the browser (`createImageBitmap`, which applies
//! the EXIF orientation), drawn onto a canvas scaled to at most 2,000
//! pixels on its long edge (`scaled_size`) over white (a PNG's transparency
//! would turn black in a JPEG), and exported as JPEG at quality 0.85. A
//! canvas holds pixels only, so the result carries none of the original's
//! metadata: no EXIF, no GPS position, no camera serial number. PDFs are
//! sent as they are. Floats here are the browser's own numbers (canvas
//! sizes, the JPEG quality).

use js_sys::{Array, Promise, Uint8Array};
use portal_domain::documents::{
    check_file, check_size, scaled_size, DocumentError, FileType, JPEG_QUALITY_PERCENT,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement};

/// Why a file cannot become a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// A rule of `portal_domain::documents`.
    Rule(DocumentError),
    /// The browser could not read the file, or could not decode an image
    /// whose bytes look right (a damaged photo).
    Unreadable,
}

impl From<DocumentError> for Rejection {
    fn from(e: DocumentError) -> Self {
        Rejection::Rule(e)
    }
}

/// A page ready to send: what is sent and, for an image, its size in
/// pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    pub file_type: FileType,
    pub bytes: Vec<u8>,
    pub pixels: Option<(u32, u32)>,
}

/// Reads a file the member chose: size, then content, then an image
/// re-encoded or a PDF kept as it is.
pub async fn prepare_file(file: &Blob) -> Result<Prepared, Rejection> {
    check_size(file.size() as u64)?;
    let bytes = read_blob(file).await?;
    match check_file(&bytes)? {
        FileType::Pdf => Ok(Prepared {
            file_type: FileType::Pdf,
            bytes,
            pixels: None,
        }),
        FileType::Jpeg | FileType::Png => {
            let image = reencode_image(&bytes).await?;
            Ok(image)
        }
    }
}

/// Decodes an image and re-encodes it as JPEG within the long-edge limit
/// (see the module documentation). The result passes `check_file`.
pub async fn reencode_image(bytes: &[u8]) -> Result<Prepared, Rejection> {
    let window = web_sys::window().ok_or(Rejection::Unreadable)?;
    let blob = blob_of(bytes, None)?;
    let promise = window
        .create_image_bitmap_with_blob(&blob)
        .map_err(|_| Rejection::Unreadable)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| Rejection::Unreadable)?
        .dyn_into()
        .map_err(|_| Rejection::Unreadable)?;
    let (width, height) = scaled_size(bitmap.width(), bitmap.height());
    let (canvas, context) = canvas(width, height)?;
    let drawn = context.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    );
    bitmap.close();
    drawn.map_err(|_| Rejection::Unreadable)?;
    let bytes = canvas_jpeg(&canvas).await?;
    Ok(Prepared {
        file_type: FileType::Jpeg,
        bytes,
        pixels: Some((width, height)),
    })
}

/// The camera's current frame as a JPEG page, scaled like any image.
pub async fn capture_frame(video: &HtmlVideoElement) -> Result<Prepared, Rejection> {
    let (width, height) = scaled_size(video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return Err(Rejection::Unreadable);
    }
    let (canvas, context) = canvas(width, height)?;
    context
        .draw_image_with_html_video_element_and_dw_and_dh(
            video,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(|_| Rejection::Unreadable)?;
    let bytes = canvas_jpeg(&canvas).await?;
    Ok(Prepared {
        file_type: FileType::Jpeg,
        bytes,
        pixels: Some((width, height)),
    })
}

/// A white canvas of this size and its 2D context, smoothing at its best
/// for downscaling.
fn canvas(
    width: u32,
    height: u32,
) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), Rejection> {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .ok_or(Rejection::Unreadable)?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(Rejection::Unreadable)?;
    let _ = js_sys::Reflect::set(
        &context,
        &JsValue::from_str("imageSmoothingQuality"),
        &JsValue::from_str("high"),
    );
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    Ok((canvas, context))
}

/// The canvas as JPEG bytes (`toBlob`, quality [`JPEG_QUALITY_PERCENT`]).
async fn canvas_jpeg(canvas: &HtmlCanvasElement) -> Result<Vec<u8>, Rejection> {
    let quality = JsValue::from_f64(f64::from(JPEG_QUALITY_PERCENT) / 100.0);
    let mut started = Ok(());
    let promise = Promise::new(&mut |resolve, _reject| {
        started = canvas.to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &quality);
    });
    started.map_err(|_| Rejection::Unreadable)?;
    let blob: Blob = JsFuture::from(promise)
        .await
        .map_err(|_| Rejection::Unreadable)?
        .dyn_into()
        .map_err(|_| Rejection::Unreadable)?;
    read_blob(&blob).await
}

/// A blob's bytes.
pub async fn read_blob(blob: &Blob) -> Result<Vec<u8>, Rejection> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| Rejection::Unreadable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A blob holding `bytes`, with a MIME type when given.
pub fn blob_of(bytes: &[u8], mime: Option<&str>) -> Result<Blob, Rejection> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let made = match mime {
        Some(mime) => {
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(mime);
            Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        }
        None => Blob::new_with_u8_array_sequence(&parts),
    };
    made.map_err(|_| Rejection::Unreadable)
}

/// An object URL showing `bytes` as this image type (a page's preview);
/// `revoke` frees it.
pub fn preview_url(bytes: &[u8], file_type: FileType) -> Option<String> {
    let mime = match file_type {
        FileType::Jpeg => "image/jpeg",
        FileType::Png => "image/png",
        FileType::Pdf => return None,
    };
    let blob = blob_of(bytes, Some(mime)).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
