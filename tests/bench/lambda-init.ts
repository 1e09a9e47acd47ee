/**
 * Benchmark: each Lambda function's bundle and cold start. Bundles every function exactly as the
 * stack does (infra/lib/lambdaBundling.ts), imports each handler in fresh node processes with the
 * stack's NODE_OPTIONS (--enable-source-maps), and prints the size and the import's time beside
 * the goal (≤ 1 MB, ≤ 300 ms) and the figures before this work (2026-12-05, commit 203afdc,
 * measured the same way on this machine; then the API's app was built by its first request, so
 * its import alone understates that cold start).
 *
 *   npx tsx tests/bench/lambda-init.ts [imports per function, default 9]
 */
import { BUNDLE_LIMITS, FUNCTION_ENTRIES } from '../../infra/lib/lambdaBundling.js';
import { bundleFunction, startLambda, type FunctionName } from '../support/lambdaBundle.js';

const IMPORTS = Number(process.argv[2] ?? 9);
/** Before the bundles were cut down (2026-12-05); a function added since has no before. */
const BEFORE: Partial<Record<FunctionName, { bytes: number; initMs: string }>> = {
  api: { bytes: 2_987_293, initMs: '754 / 823 ms' },
  autoClaims: { bytes: 2_232_495, initMs: '368 / 467 ms' },
  pushPlan: { bytes: 2_224_897, initMs: '469 / 539 ms' },
  pushShard: { bytes: 2_252_529, initMs: '402 / 487 ms' },
};
// What a function's configuration needs to load: the local stand-ins for the secrets (no database is called at init).
const environment = {
  TOKEN_SECRET: 'bench-signing-key-that-is-long-enough-0123456789',
  ID_HASH_KEY: 'bench-id-hash-key-that-is-long-enough-0123456789',
  ID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  AWS_REGION: 'cn-north-1',
  LOG_LEVEL: 'SILENT',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;

const rows: string[][] = [];
for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
  const bundle = await bundleFunction(name);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < IMPORTS; i++) {
    const lambda = await startLambda(bundle, environment);
    wall.push(lambda.init.ms);
    cpu.push(lambda.init.cpuMs);
    lambda.stop();
  }
  rows.push([
    name,
    kb(bundle.bytes),
    BEFORE[name] ? kb(BEFORE[name].bytes) : 'new',
    `${Math.round(Math.min(...wall))} / ${Math.round(median(wall))} ms`,
    `${Math.round(median(cpu))} ms`,
    BEFORE[name]?.initMs ?? 'new',
  ]);
}

console.log(`\nEach function's bundle and the import of its handler in a fresh process (${IMPORTS} imports each).`);
console.log(`Goal: ≤ ${kb(BUNDLE_LIMITS.bytes)} and ≤ ${BUNDLE_LIMITS.initMs} ms.\n`);
const header = ['function', 'bundle', 'before', 'import: fastest / median', 'CPU (median)', 'import before'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
