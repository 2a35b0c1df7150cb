// The last step of every build (called by scripts/split.sh, Trunk's
// post_build hook), on Trunk's staging directory after the wasm was split:
//
// 1. Names every chunk and the split loader after the build's id (the hash
//    Trunk gave member-portal-<id>.js), so files of two builds never mix.
// 2. Writes the loader `boot-<id>.js`: it starts fetching the chunks of the
//    page being opened (and the shared chunks they need) in parallel with
//    the main module, then starts the app. It is a file, not an inline
//    script, so the Content-Security-Policy needs no 'unsafe-inline'.
// 3. Rewrites index.html to preload the main module and config.json and load
//    the loader.
// 4. For release builds, minifies the JavaScript (wasm-bindgen's glue, the
//    split loader, the loader) and writes Brotli and gzip copies next to
//    each file the servers send (portal-server --dist serves them to
//    clients that accept them).
//
// Usage: node scripts/finish-build.mjs STAGING_DIR member-portal-<id> PROFILE
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const [dir, name, profile] = process.argv.slice(2);
if (!dir || !name) {
  console.error("usage: finish-build.mjs STAGING_DIR member-portal-<id> [PROFILE]");
  process.exit(2);
}
const id = name.slice("member-portal-".length);
const file = (f) => path.join(dir, f);
const read = (f) => fs.readFileSync(file(f), "utf8");
const write = (f, text) => fs.writeFileSync(file(f), text);
const replaceAll = (text, from, to) => text.split(from).join(to);

// 1. The split loader and the chunks, renamed with the build id.
const LINK = "__wasm_split.js";
const link = `__wasm_split-${id}.js`;
let loader = read(LINK);
fs.rmSync(file(LINK));
const chunks = fs.readdirSync(dir).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f));
const renamed = {};
for (const f of chunks) {
  const to = f.replace(/\.wasm$/, `-${id}.wasm`);
  fs.renameSync(file(f), file(to));
  renamed[f] = to;
  loader = replaceAll(loader, `"./${f}"`, `"./${to}"`);
  loader = replaceAll(loader, `'./${f}'`, `'./${to}'`);
}
write(link, loader);
const main = `${name}.js`;
// Only the JS imports change: the wasm names its import module
// "./__wasm_split.js", so the keys of the imports object keep that name.
write(main, replaceAll(read(main), `from "./${LINK}"`, `from "./${link}"`));

// Which wasm files each split point needs: its own chunk and the shared
// chunks the loader fetches with it.
const needs = splitDependencies(loader);

// 2. The loader. A page's split point is named after its path's first
// segment (`/password-reset` → `password_reset`), a settings section's after
// both (`/settings/prepaid-card` → `settings_prepaid_card`); routes.rs tests
// the first.
const boot = `boot-${id}.js`;
write(
  boot,
  `// Written by scripts/finish-build.mjs. Starts fetching the chunks of the
// page being opened while the main module loads, then starts the app.
const needs = ${JSON.stringify(needs)};
const parts = location.pathname.split("/").map((p) => p.replace(/-/g, "_"));
const segment = parts[1] || "home";
// A settings section (\`/settings/address\`) is a chunk of its own too.
const section = parts[2] ? needs[segment + "_" + parts[2]] || [] : [];
for (const f of new Set([...(needs[segment] || []), ...section])) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.type = "application/wasm";
  link.crossOrigin = "anonymous";
  link.href = "/" + f;
  document.head.appendChild(link);
}
import init from "/${main}";
await init({ module_or_path: "/${name}_bg.wasm" });
`,
);

// 3. index.html: Trunk's inline start-up script and preloads give way to
// ours.
let html = read("index.html");
html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "");
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
const head = [
  `<link rel="modulepreload" href="/${main}">`,
  `<link rel="modulepreload" href="/${link}">`,
  `<link rel="preload" href="/${name}_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`,
  // The runtime configuration is the app's first request once it runs;
  // fetched while the main module downloads, it no longer waits for it (one
  // round trip less before the first page). Same-origin, no credentials:
  // it matches the app's own fetch of it, which the browser then answers
  // from this preload.
  `<link rel="preload" href="/config.json" as="fetch" crossorigin="anonymous">`,
  `<script type="module" src="/${boot}"></script>`,
].join("\n    ");
html = html.replace("</head>", `    ${head}\n  </head>`);
write("index.html", html);

// 4. Precompressed copies for release: of the app's files and of the
// institution data under banks/ (public/banks, written by scripts/banks.mjs).
// Never of config.json: each environment rewrites it, and a stale
// compressed copy would be served in its place.
if (profile === "release") {
  // esbuild from end2end's lockfile (scripts/setup.sh installs it with
  // Playwright). Whitespace, comments and local names only: module format,
  // exports and the property names the wasm imports by stay as they are.
  // The glue is 73 KB unminified; minified it is 34 KB, 2.4 KB less gzip.
  const esbuild = createRequire(new URL("../end2end/package.json", import.meta.url))("esbuild");
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    write(f, esbuild.transformSync(read(f), { minify: true, legalComments: "none" }).code);
  }
  const app = fs.readdirSync(dir).filter((f) => /\.(wasm|js|css|html|svg)$/.test(f));
  for (const f of [...app, ...bankData()]) {
    const bytes = fs.readFileSync(file(f));
    fs.writeFileSync(file(f) + ".gz", zlib.gzipSync(bytes, { level: 9 }));
    fs.writeFileSync(
      file(f) + ".br",
      zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
  }
}

// The institution list and every branch list, relative to the staging
// directory (none if the build copied no banks/).
function bankData() {
  if (!fs.existsSync(file("banks/institutions.json"))) return [];
  const branches = fs.existsSync(file("banks/branches")) ? fs.readdirSync(file("banks/branches")) : [];
  return [
    "banks/institutions.json",
    ...branches.filter((f) => f.endsWith(".json")).map((f) => `banks/branches/${f}`),
  ];
}

// A manifest for the benchmark: what each split point fetches.
write("split-manifest.json", JSON.stringify({ id, main, link, boot, needs }, null, 1));

// Reads the split loader: each `const __chunk_N = makeLoad(() => { …fetch(
// "./FILE"… }, [deps])` and `export const __wasm_split_load_NAME = …` names
// the file it fetches and the loaders it waits for. Answers, for each split
// point NAME, every file it needs (its own and its dependencies', at any
// depth), so the loader can preload them all at once.
function splitDependencies(loaderText) {
  const re =
    /(?:const __chunk_(\d+)|export const __wasm_split_load_(\w+)) = [\s\S]*?fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n\s*,\s*\[([^\]]*)\]/g;
  const chunks = {};
  const splits = {};
  for (const m of loaderText.matchAll(re)) {
    const deps = m[4].split(",").map((d) => d.trim()).filter(Boolean).map((d) => d.replace("__chunk_", ""));
    const entry = { file: m[3], deps };
    if (m[1] !== undefined) chunks[m[1]] = entry;
    else splits[m[2]] = entry;
  }
  const files = (entry, seen) => {
    for (const d of entry.deps) {
      const chunk = chunks[d];
      if (!chunk) throw new Error(`split loader names __chunk_${d}, which it does not define`);
      if (!seen.has(chunk.file)) {
        seen.add(chunk.file);
        files(chunk, seen);
      }
    }
    return seen;
  };
  const out = {};
  for (const [name, entry] of Object.entries(splits)) {
    out[name] = [entry.file, ...files(entry, new Set())];
  }
  if (Object.keys(out).length === 0) throw new Error("no split point found in the split loader");
  return out;
}
