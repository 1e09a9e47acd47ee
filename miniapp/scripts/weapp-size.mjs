#!/usr/bin/env node
/**
 * Size of the weapp build: the main package (everything not under a sub-package
 * root) and each sub-package. WeChat refuses a main package of 2 MB or more, and any
 * single sub-package of 2 MB or more; this exits 1 in either case.
 *
 *   node miniapp/scripts/weapp-size.mjs [dist/weapp]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 2 * 1024 * 1024;
/** Files the WeChat uploader leaves out of the package. */
const NOT_UPLOADED = [
  /\.LICENSE\.txt$/,
  /\.map$/,
  /^project\.config\.json$/,
  /^project\.private\.config\.json$/,
  /^\.bangfu-build-hash$/,
];

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] ?? path.join(here, '..', 'dist', 'weapp'));

let appJson;
try {
  appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
} catch (error) {
  console.error(`No weapp build at ${dist} (${error.message}). Run: npm run build:weapp -w miniapp`);
  process.exit(2);
}

const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/^\/+|\/+$/g, ''));

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const sizes = new Map([['(main)', 0], ...roots.map((r) => [r, 0])]);
const files = new Map([['(main)', 0], ...roots.map((r) => [r, 0])]);
for (const file of walk(dist)) {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (NOT_UPLOADED.some((re) => re.test(path.basename(rel)))) continue;
  const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(main)';
  sizes.set(owner, sizes.get(owner) + statSync(file).size);
  files.set(owner, files.get(owner) + 1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (n) => `${((100 * n) / LIMIT).toFixed(1)}% of 2 MB`;
console.log(`weapp package sizes (${path.relative(process.cwd(), dist) || '.'})`);
let total = 0;
let failed = false;
for (const [name, size] of sizes) {
  total += size;
  const over = size >= LIMIT;
  failed ||= over;
  const label = name === '(main)' ? 'main package' : `sub-package ${name}/`;
  console.log(
    `  ${label.padEnd(26)} ${kb(size).padStart(10)}  ${String(files.get(name)).padStart(4)} files  ${pct(size)}${over ? '  TOO BIG' : ''}`,
  );
}
console.log(`  ${'total'.padEnd(26)} ${kb(total).padStart(10)}`);
if (failed) {
  console.error('A package is 2 MB or more: WeChat will refuse the upload.');
  process.exit(1);
}
