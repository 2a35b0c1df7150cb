import { Page, Locator, expect } from "@playwright/test";
import { LoginPage } from "./login-page";
import { HomePage } from "./home-page";

/** A file for `setInputFiles`, made by the test. */
export type TestFile = { name: string; mimeType: string; buffer: Buffer };

/** `/documents`: the kind, the uploader (file input, camera, pages, send) and the list. */
export class DocumentsPage {
  readonly fileInput: Locator;
  readonly cameraButton: Locator;
  readonly shutter: Locator;
  readonly send: Locator;
  readonly progress: Locator;
  readonly pages: Locator;
  readonly rejections: Locator;
  readonly failure: Locator;
  readonly receipt: Locator;
  readonly submissions: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.getByLabel("ファイルを選択");
    this.cameraButton = page.getByRole("button", { name: "カメラで撮影" });
    this.shutter = page.getByRole("button", { name: "撮影する" });
    this.send = page.getByRole("button", { name: "送信", exact: true });
    this.progress = page.getByRole("progressbar");
    this.pages = page.locator("ol.doc-pages > li");
    this.rejections = page.locator("#documents-file-errors");
    this.failure = page.locator("#documents-send-errors");
    this.receipt = page.locator(".uploader .receipt");
    this.submissions = page.locator("ul.doc-list > li");
  }

  /** Signs demo0001 in and opens the page from home. */
  async open() {
    const login = new LoginPage(this.page);
    await login.goto();
    await login.signInWithWebId("demo0001", "Passw0rd");
    // The figures arrive after the heading and push the service links down:
    // a click before they are in could land where the link no longer is.
    await new HomePage(this.page).expectLoaded();
    await this.page.getByRole("link", { name: "書類提出" }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText("書類提出");
    await expect(this.page.getByRole("heading", { name: "提出した書類" })).toBeVisible();
  }

  async chooseKind(name: "本人確認書類" | "収入証明書") {
    await this.page.getByRole("radio", { name }).check();
  }

  async choose(files: TestFile[]) {
    await this.fileInput.setInputFiles(files);
  }

  /** The names of the pages to send, in order. */
  pageNames(): Locator {
    return this.pages.locator(".doc-name");
  }
}

/**
 * An image made by the page's own canvas: `width` × `height` pixels of
 * `color` with `label` written on it, as PNG or JPEG bytes; `noisy` adds
 * random red, which keeps the re-encoded JPEG large.
 */
export async function drawnImage(
  page: Page,
  name: string,
  type: "image/png" | "image/jpeg",
  width: number,
  height: number,
  color: string,
  label: string,
  noisy = false,
): Promise<TestFile> {
  const base64 = await page.evaluate(
    ([type, width, height, color, label, noisy]) => {
      const canvas = document.createElement("canvas");
      canvas.width = width as number;
      canvas.height = height as number;
      const g = canvas.getContext("2d")!;
      g.fillStyle = color as string;
      g.fillRect(0, 0, width as number, height as number);
      if (noisy) {
        // Noise compresses badly: a photo-sized upload from a small image.
        const d = g.getImageData(0, 0, width as number, height as number);
        for (let i = 0; i < d.data.length; i += 4) d.data[i] = (Math.random() * 256) | 0;
        g.putImageData(d, 0, 0);
      }
      g.fillStyle = "#fff";
      g.font = `${Math.floor((height as number) / 3)}px sans-serif`;
      g.fillText(label as string, (width as number) / 3, (height as number) / 1.5);
      return canvas.toDataURL(type as string, 0.9).split(",")[1];
    },
    [type, width, height, color, label, noisy],
  );
  return { name, mimeType: type, buffer: Buffer.from(base64, "base64") };
}

/** A small well-formed PDF. */
export function pdf(name: string, padTo = 0): TestFile {
  const head = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n";
  const tail = "trailer << /Root 1 0 R >>\n%%EOF\n";
  const padding = Math.max(0, padTo - head.length - tail.length);
  return {
    name,
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from(head), Buffer.alloc(padding, 0x20), Buffer.from(tail)]),
  };
}
