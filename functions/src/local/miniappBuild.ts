/**
 * Builds the mini-program for a target only when its inputs changed since the
 * last build: a hash of every source file's path, size and mtime is kept
 * beside the output. `npm start` and the test run share it, so Taro (heavy on
 * 2 cores) runs at most once: a second process wanting the same build waits on a
 * lock file (proper-lockfile: stale when its holder dies) and then finds it made.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import lockfile from 'proper-lockfile';
import { miniappDist, REPO_ROOT } from './paths.js';

const INPUTS = [
  'miniapp/src',
  'miniapp/config',
  'miniapp/babel.config.js',
  'miniapp/package.json',
  'miniapp/project.config.json',
  'shared/src',
  // How we build is an input too: a change here rebuilds.
  'functions/src/local/miniappBuild.ts',
];
const STAMP = '.bangfu-build-hash';

/** The H5 build served by the local runner (and the tests) calls its API on the same origin. */
export const LOCAL_H5_ENV = { TARO_APP_API_BASE: '/api' };

async function* files(path: string): AsyncGenerator<string> {
  if (!existsSync(path)) return;
  if (!(await stat(path)).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    yield* files(join(path, entry.name));
  }
}

async function inputsHash(target: string, env: Record<string, string>): Promise<string> {
  const hash = createHash('sha256').update(target).update(JSON.stringify(env));
  for (const input of INPUTS) {
    for await (const file of files(join(REPO_ROOT, input))) {
      const info = await stat(file);
      hash.update(`${relative(REPO_ROOT, file)}:${info.size}:${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

export interface BuildOptions {
  /** TARO_APP_* variables baked into the build (e.g. the API base URL). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/** Returns the output folder, building first when it is missing or stale. */
export async function ensureMiniappBuild(target: 'h5' | 'weapp', options: BuildOptions = {}): Promise<string> {
  const out = miniappDist(target);
  // Every TARO_APP_* variable is baked in (API base, map tiles…): from the shell, or as given.
  const fromShell = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[0].startsWith('TARO_APP_') && entry[1] !== undefined,
    ),
  );
  const env = { ...fromShell, ...options.env };
  const wanted = await inputsHash(target, env);
  const stampFile = join(out, STAMP);
  const built = async () => existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === wanted;
  if (await built()) return out;
  await mkdir(join(out, '..'), { recursive: true });
  const release = await lockfile.lock(out, {
    realpath: false, // the output folder may not exist yet
    lockfilePath: `${out}.build-lock`, // beside it: Taro empties the folder
    stale: 30_000,
    retries: { retries: 900, factor: 1, minTimeout: 1000, maxTimeout: 1000 }, // a build takes minutes on 2 cores
  });
  try {
    if (!(await built())) await build(target, env, stampFile, wanted, options);
  } finally {
    await release();
  }
  return out;
}

async function build(
  target: 'h5' | 'weapp',
  env: Record<string, string>,
  stampFile: string,
  wanted: string,
  options: BuildOptions,
): Promise<void> {
  options.log?.(`Building the mini-program for ${target} (its sources changed)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', `build:${target}`, '-w', 'miniapp'], {
      cwd: REPO_ROOT,
      // A test runner's NODE_ENV=test would turn on Taro's dev-only React Refresh.
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`taro build ${target} failed:\n${output}`))));
  });
  await writeFile(stampFile, wanted);
  options.log?.(`Built ${target} in ${Math.round((Date.now() - started) / 1000)} s.`);
}
