//! Benchmark (not a test): how long the uploader takes to prepare a
//! 12-megapixel photo (4,000 × 3,000 JPEG) in headless Chromium: read,
//! checked by content, decoded, scaled to 2,000 px and re-encoded as JPEG
//! (`prepare_file`, what a member's chosen photo goes through). `make
//! bench` runs it in release with `--include-ignored` and prints the
//! figures (budget 1 s); it asserts nothing about time.
#![cfg(target_arch = "wasm32")]

use member_portal::components::documents::prepare::prepare_file;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// A photo-like 4,000 × 3,000 JPEG: gradients and fine noise, so it is as
/// large (several MB) and as hard to decode as a phone's photo.
async fn twelve_megapixel_photo() -> web_sys::Blob {
    let (width, height) = (4_000u32, 3_000u32);
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
    let mut pixels = vec![0u8; (width * height * 4) as usize];
    let mut seed: u32 = 0x2545_f491;
    for (i, px) in pixels.chunks_exact_mut(4).enumerate() {
        let (x, y) = (i as u32 % width, i as u32 / width);
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed & 0x1f) as u8;
        px[0] = ((x * 255 / width) as u8).wrapping_add(noise);
        px[1] = ((y * 255 / height) as u8).wrapping_add(noise);
        px[2] = (((x + y) % 256) as u8) ^ noise;
        px[3] = 255;
    }
    let data = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        wasm_bindgen::Clamped(&pixels),
        width,
        height,
    )
    .expect("image data");
    g.put_image_data(&data, 0.0, 0.0).expect("drawn");
    let mut started = Ok(());
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        started =
            canvas.to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &0.92.into());
    });
    started.expect("toBlob");
    JsFuture::from(promise)
        .await
        .expect("a blob")
        .dyn_into()
        .expect("a Blob")
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run by make bench"]
async fn bench_reencode_12_megapixel_photo() {
    let photo = twelve_megapixel_photo().await;
    let runs = 5;
    let mut times = Vec::with_capacity(runs);
    let mut out = (0, None);
    for _ in 0..runs {
        let t0 = now_ms();
        let prepared = prepare_file(&photo).await.expect("the photo is prepared");
        times.push(now_ms() - t0);
        out = (prepared.bytes.len(), prepared.pixels);
    }
    // The first run also starts the browser's image decoder and encoder.
    let first = times[0];
    let mut warm = times[1..].to_vec();
    warm.sort_by(|a, b| a.total_cmp(b));
    console_log!(
        "BENCH re-encode a 12-megapixel photo (4000x3000 JPEG, {} bytes) to {:?} JPEG ({} bytes): first {:.0} ms, then median {:.0} ms, max {:.0} ms over {} runs (budget 1000 ms)",
        photo.size(),
        out.1.unwrap_or_default(),
        out.0,
        first,
        warm[warm.len() / 2],
        warm[warm.len() - 1],
        runs - 1
    );
}
