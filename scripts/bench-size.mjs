// Prints what each route's first load fetches from dist/ (a release
// build), raw, gzip -9 and Brotli, and each later route's chunks, against
// the budgets of README "Bundle size". Exits 1 when a budget is exceeded.
//
// A first load is index.html, the loader (boot), the main module's JS and
// wasm, the split loader, the stylesheet, config.json and the chunks the
// route's page needs (its split point and the shared chunks it waits for,
// from dist/split-manifest.json, written by scripts/finish-build.mjs); with
// the fake lender, its chunks too.
//
// Usage: node scripts/bench-size.mjs [DIST]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = process.argv[2] ?? "dist";
const manifest = JSON.parse(fs.readFileSync(path.join(dist, "split-manifest.json"), "utf8"));
const BUDGET = { http: 180_000, fake: 256_000, chunk: 60_000 };

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const bytes = fs.readFileSync(path.join(dist, file));
    sizes.set(file, {
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      br: zlib.brotliCompressSync(bytes, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    });
  }
  return sizes.get(file);
}
const sum = (files) =>
  [...new Set(files)].reduce(
    (t, f) => {
      const s = size(f);
      return { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, br: t.br + s.br };
    },
    { raw: 0, gzip: 0, br: 0 },
  );

const css = fs.readdirSync(dist).filter((f) => /^main-.*\.css$/.test(f));
const shell = [
  "index.html",
  manifest.boot,
  manifest.main,
  manifest.main.replace(/\.js$/, "_bg.wasm"),
  manifest.link,
  ...css,
  "config.json",
];
const needs = manifest.needs;
const row = (label, t, budget) => {
  const over = budget !== undefined && t.gzip > budget;
  const verdict = budget === undefined ? "" : over ? `OVER by ${t.gzip - budget}` : `ok (${Math.round((t.gzip * 100) / budget)}%)`;
  console.log(`${label.padEnd(44)} ${String(t.raw).padStart(9)} ${String(t.gzip).padStart(9)} ${String(t.br).padStart(9)}  ${budget ?? ""} ${verdict}`);
  return !over;
};

console.log(`${"".padEnd(44)} ${"raw".padStart(9)} ${"gzip -9".padStart(9)} ${"brotli".padStart(9)}  budget`);
console.log("files of the shell");
for (const f of shell) row(`  ${f}`, size(f));
let ok = true;
console.log("first load (shell + the route's chunks)");
for (const route of ["login", "home"]) {
  ok = row(`  /${route}, HTTP backend`, sum([...shell, ...needs[route]]), BUDGET.http) && ok;
  ok = row(`  /${route}, fake lender`, sum([...shell, ...needs[route], ...needs.fake_lender]), BUDGET.fake) && ok;
}
row("  /simulator (public), HTTP backend", sum([...shell, ...needs.simulator]));
// A later route fetches only what is not in yet. A member signs in on
// /login and lands on /home, so "later" is measured after those two; the
// whole set (the route opened first, by a deep link) is printed too.
const seen = new Set([...needs.login, ...needs.home]);
console.log("each later route's chunks (after /login and /home), and its whole chunk set");
// A step of a page with an address of its own, whose code arrives in a
// chunk of its own (src/pages/mod.rs, NestedChunks) when the member goes on
// to the step from the page: measured after the page, as the later route it
// is. The page and the step together (what a member who needs the step
// fetches, over two waits) are printed too, without a budget.
const STEPS = {
  proof_uploader: ["limit", "/limit/proof", "the income proof step"],
};
// Pages that send a member to a settings section first, which brings them
// back (a member without a payee account opens /transfer and registers one
// at /settings/payee-account): the section is measured after that page too,
// the /settings list's chunks included, since the member never saw it.
const SENT_FROM = {
  settings_payee_account: ["transfer", "no payee account yet"],
};
for (const [name, files] of Object.entries(needs)) {
  if (name === "fake_lender" || name in STEPS) continue;
  // A settings section is reached from the /settings list (no page links
  // to a section directly), whose chunks are in by then.
  const before = name.startsWith("settings_") ? new Set([...seen, ...needs.settings]) : seen;
  const later = name === "login" || name === "home" ? files : files.filter((f) => !before.has(f));
  ok = row(`  ${name}: fetched later (${later.length} files)`, sum(later), BUDGET.chunk) && ok;
  row(`  ${name}: whole set (${files.length} files)`, sum(files));
  if (SENT_FROM[name] && needs[SENT_FROM[name][0]]) {
    const [from, who] = SENT_FROM[name];
    const after = new Set([...seen, ...needs[from]]);
    const sent = [...needs.settings, ...files].filter((f) => !after.has(f));
    ok = row(`    from /${from} (${who}, ${new Set(sent).size} files)`, sum(sent), BUDGET.chunk) && ok;
  }
  for (const [step, [page, path, what]] of Object.entries(STEPS)) {
    if (page !== name || !needs[step]) continue;
    const more = needs[step].filter((f) => !seen.has(f) && !files.includes(f));
    ok = row(`    ${path}, ${what}, after /${page} (${more.length} files)`, sum(more), BUDGET.chunk) && ok;
    row(`    /${page} and ${path} together`, sum([...later, ...more]));
  }
}
row(`  fake_lender (${needs.fake_lender.length} files, with the config)`, sum(needs.fake_lender));
if (!ok) {
  console.log("\nA budget is exceeded (see README \"Bundle size\").");
  process.exit(1);
}
