/**
 * Each Lambda function bundled exactly as the stack bundles it (infra/lib/lambdaBundling.ts), and
 * run in a fresh node process as Lambda's init would load it.
 */
import { fork } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_ALIASES, BUNDLE_OPTIONS, FUNCTION_ENTRIES, ON_DEMAND_MODULES } from '../../infra/lib/lambdaBundling.js';
import { CACHE_DIR, REPO_ROOT } from '../../functions/src/local/paths.js';

export type FunctionName = keyof typeof FUNCTION_ENTRIES;

export interface LambdaBundle {
  file: string;
  bytes: number;
  /** Packages left outside the bundle that it imports at load, before any request. */
  loadedAtInit: string[];
}

const bundles = new Map<FunctionName, Promise<LambdaBundle>>();

/** Bundles one function into .cache/lambda-bundles/<name>/ (inside the repo, so what it loads on demand resolves), once a process. */
export function bundleFunction(name: FunctionName): Promise<LambdaBundle> {
  let bundle = bundles.get(name);
  if (!bundle) bundles.set(name, (bundle = writeBundle(name)));
  return bundle;
}

async function writeBundle(name: FunctionName): Promise<LambdaBundle> {
  const outdir = join(CACHE_DIR, 'lambda-bundles', name);
  await mkdir(outdir, { recursive: true });
  const file = join(outdir, 'index.mjs');
  const { metafile } = await build({
    ...BUNDLE_OPTIONS,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    banner: { js: BUNDLE_OPTIONS.banner },
    entryPoints: [join(REPO_ROOT, FUNCTION_ENTRIES[name])],
    bundle: true,
    platform: 'node',
    outfile: file,
    // As the stack deploys it: a linked source map read with --enable-source-maps.
    sourcemap: true,
    sourcesContent: false,
    alias: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([pkg, path]) => [pkg, join(REPO_ROOT, path)])),
    external: ON_DEMAND_MODULES,
    absWorkingDir: REPO_ROOT,
    metafile: true,
    logLevel: 'silent',
  });
  const loadedAtInit = Object.values(metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && imported.kind === 'import-statement')
    .map((imported) => imported.path);
  return { file, bytes: (await stat(file)).size, loadedAtInit };
}

export interface RunningLambda {
  /** The import of the handler module: wall and CPU milliseconds. */
  init: { ms: number; cpuMs: number };
  invoke(event: object): Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
  stop(): void;
}

/** A fresh process that imports the bundle with this environment (and the stack's NODE_OPTIONS). */
export async function startLambda(bundle: LambdaBundle, env: Record<string, string>): Promise<RunningLambda> {
  const child = fork(join(REPO_ROOT, 'tests', 'support', 'lambdaRunner.mjs'), [bundle.file], {
    // Not the parent's execArgv (vitest's or tsx's loaders): a plain node, as on Lambda.
    execArgv: [],
    env: { PATH: process.env.PATH ?? '', ...env, NODE_OPTIONS: '--enable-source-maps' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const init = await new Promise<RunningLambda['init']>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bundle exited during init (${code})`)));
    child.once('message', (message: any) => resolve(message.init));
  });
  child.on('message', (message: any) => {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) call?.reject(new Error(message.error));
    else call?.resolve(message.response);
  });
  return {
    init,
    invoke(event) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, event });
      });
    },
    stop: () => child.kill(),
  };
}

/** An API Gateway HTTP API (payload 2.0) event, as it reaches the API's handler. */
export function httpApiEvent(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'api.example.com',
      'content-type': 'application/json',
      'x-request-id': 'lambda-test-0001',
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}
