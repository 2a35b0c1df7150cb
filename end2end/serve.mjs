// A static server for the release bundle in ../dist with the single-page
// fallback the router needs. Loopback only. Usage: node serve.mjs PORT
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../dist/", import.meta.url));
const port = Number(process.argv[2] ?? 4173);
// The same Content-Security-Policy as portal-server --dist
// (crates/server/src/assets.rs; crates/server/tests/assets.rs checks they
// agree), so the fake-lender run meets it too.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const headers = { "cache-control": "no-store", "content-security-policy": csp, "x-content-type-options": "nosniff" };
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  const file = join(root, path);
  try {
    const body = await readFile(file.endsWith("/") ? join(file, "index.html") : file);
    res.writeHead(200, { ...headers, "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    // Unknown paths are app routes: the app shows its own not-found page.
    const body = await readFile(join(root, "index.html"));
    res.writeHead(200, { ...headers, "content-type": types[".html"] });
    res.end(body);
  }
}).listen(port, "127.0.0.1", () => console.log(`serving dist on http://127.0.0.1:${port}`));
