// Writes the financial-institution data the portal fetches on demand
// (SPEC S9: searchable institutions, shipped as static files, never inside
// the wasm) from the npm package zengin-code (MIT, by Sho Kusano):
//
//   public/banks/institutions.json       [[code, name, kana, romaji, settles24x7], …]
//   public/banks/branches/<code>.json    [[branchCode, name, kana], …]
//   public/banks/LICENSE-zengin-code.txt the package's licence and version
//
// Both lists are sorted by code, one entry a line. Text is NFKC-normalised
// (half-width kana become full-width, full-width letters and digits
// half-width: ＰａｙＰａｙ → PayPay), and the hyphen the data writes for the
// long vowel mark after kana becomes ー (ソニ－ → ソニー). Kana stay as the
// data spells them, in large kana only (キヨウト for キョウト); the portal's
// search folds what members type the same way (portal_domain::kana).
//
// settles24x7 is not in the data. The demo rule, which is not a statement
// about any real institution's hours: banks (codes 0001–0999) settle 24/7
// through the Zengin system's moa-time hours, except the Japanese branches
// of foreign banks (0400–0499, 0600–0699); so does Japan Post Bank (9900).
// Shinkin banks, credit unions, labour banks and the agricultural and
// fishery co-operatives (codes 1000 and above) do not: a transfer to them
// outside bank hours arrives the next bank business day.
//
// Usage: node scripts/banks.mjs [VERSION | PACKAGE_DIR]
//   Without an argument it fetches the pinned version below with `npm pack`
//   into a temporary directory; a directory argument is an unpacked package.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const PINNED = "1.0.0-p20260824";
// Branch files above this many bytes in all would make the repository and
// dist/ heavy; past it only banks (codes below 1000) keep their branches.
const BRANCH_LIMIT = 15_000_000;

const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..");
const out = path.join(root, "public", "banks");

function packageDir(arg) {
  if (arg && fs.existsSync(arg) && fs.statSync(arg).isDirectory()) return path.resolve(arg);
  const version = arg ?? PINNED;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zengin-code-"));
  const tarball = execFileSync("npm", ["pack", `zengin-code@${version}`, "--silent"], {
    cwd: tmp,
    encoding: "utf8",
  }).trim();
  execFileSync("tar", ["xzf", tarball], { cwd: tmp });
  return path.join(tmp, "package");
}

const dir = packageDir(process.argv[2]);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
if (pkg.name !== "zengin-code") throw new Error(`${dir} is ${pkg.name}, not zengin-code`);
const data = createRequire(path.join(dir, "package.json"))(path.join(dir, pkg.main));

const KANA_BEFORE_HYPHEN = /(?<=[\u30A1-\u30FA\u30FC])-/g;
const text = (s) => (s ?? "").normalize("NFKC").replace(/\s+/g, " ").trim();
const kana = (s) => text(s).replace(KANA_BEFORE_HYPHEN, "ー");
const romaji = (s) => text(s).toLowerCase();

function settles24x7(code) {
  const n = Number(code);
  if (n === 9900) return 1;
  if (n >= 1000) return 0;
  if ((n >= 400 && n < 500) || (n >= 600 && n < 700)) return 0;
  return 1;
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const banks = Object.values(data).sort(byCode);
for (const bank of banks) {
  if (!/^\d{4}$/.test(bank.code)) throw new Error(`bank code ${bank.code} is not 4 digits`);
}

// One entry a line: diffs between data versions stay readable.
const lines = (rows) =>
  rows.length === 0 ? "[]\n" : "[\n" + rows.map((r) => JSON.stringify(r)).join(",\n") + "\n]\n";

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, "branches"), { recursive: true });

const institutions = lines(
  banks.map((b) => [b.code, text(b.name), kana(b.kana), romaji(b.roma), settles24x7(b.code)]),
);
fs.writeFileSync(path.join(out, "institutions.json"), institutions);

const branchFiles = banks.map((bank) => {
  const branches = Object.values(bank.branches ?? {}).sort(byCode);
  for (const b of branches) {
    if (!/^\d{3}$/.test(b.code)) throw new Error(`branch code ${bank.code}-${b.code} is not 3 digits`);
  }
  const rows = branches.map((b) => [b.code, text(b.name), kana(b.kana)]);
  return { code: bank.code, count: rows.length, body: lines(rows) };
});
const total = (files) => files.reduce((t, f) => t + Buffer.byteLength(f.body), 0);
let shipped = branchFiles;
if (total(branchFiles) > BRANCH_LIMIT) {
  shipped = branchFiles.filter((f) => Number(f.code) < 1000);
  console.log(
    `branches: ${total(branchFiles)} bytes exceed ${BRANCH_LIMIT}; only codes below 1000 are written`,
  );
}
for (const f of shipped) fs.writeFileSync(path.join(out, "branches", `${f.code}.json`), f.body);

const licence = fs.readFileSync(path.join(dir, "LICENSE.txt"), "utf8");
fs.writeFileSync(
  path.join(out, "LICENSE-zengin-code.txt"),
  `The files in this directory are derived from the npm package zengin-code ${pkg.version}\n` +
    `(https://github.com/${pkg.repository}), written by scripts/banks.mjs.\n` +
    `Its licence follows.\n\n${licence}`,
);

const gzip = (s) => zlib.gzipSync(Buffer.from(s), { level: 9 }).length;
const branchCount = shipped.reduce((n, f) => n + f.count, 0);
console.log(`zengin-code ${pkg.version}: ${banks.length} institutions, ${branchCount} branches`);
console.log(`institutions.json: ${Buffer.byteLength(institutions)} bytes, gzip -9 ${gzip(institutions)}`);
console.log(
  `branches/: ${shipped.length} files, ${total(shipped)} bytes, gzip -9 ${shipped.reduce((t, f) => t + gzip(f.body), 0)} (largest ${Math.max(...shipped.map((f) => Buffer.byteLength(f.body)))})`,
);
