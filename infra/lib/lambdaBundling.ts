/**
 * How each Lambda function is bundled: read by the stack (bangfu-stack.ts), by the test that holds
 * every bundle to 1 MB with nothing outside it loaded at init (tests/api/lambda.test.ts) and by the
 * benchmark that times the cold start (tests/bench/lambda-init.ts), so what is measured is what is
 * deployed.
 */

/** Each function's handler module, relative to the project root. */
export const FUNCTION_ENTRIES = {
  api: 'functions/src/lambda.ts',
  autoClaims: 'functions/src/jobs/autoClaims.ts',
  pushPlan: 'functions/src/jobs/pushPlan.ts',
  pushShard: 'functions/src/jobs/pushShard.ts',
  listsPlan: 'functions/src/jobs/listsPlan.ts',
  listsShard: 'functions/src/jobs/listsShard.ts',
  mapExpiry: 'functions/src/jobs/mapExpiry.ts',
  monthFigures: 'functions/src/jobs/monthFigures.ts',
  jobAlerts: 'functions/src/jobs/jobAlerts.ts',
  textMessages: 'functions/src/jobs/textMessages.ts',
  reconcileFigures: 'functions/src/jobs/reconcileFigures.ts',
  warnings: 'functions/src/jobs/warnings.ts',
} as const;

/** esbuild's options, the same for every function. */
export const BUNDLE_OPTIONS = {
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  // Packages written as CommonJS call require(), which an ES module has not got.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  minify: true,
  charset: 'utf8',
} as const;

/**
 * Dependencies of dependencies replaced in the bundle by what Lambda needs of them, each a fifth
 * or more of the API's bundle for code that never runs there (paths from the project root; why,
 * in each file).
 */
export const BUNDLE_ALIASES: Record<string, string> = {
  // body-parser's 480 KB of code pages: the API reads only UTF-8 JSON.
  'iconv-lite': './functions/src/lambdaBundle/utf8OnlyIconv.ts',
  // Express's table of 2,500 media types (150 KB): the API answers with a handful.
  'mime-db': './functions/src/lambdaBundle/apiMediaTypes.json',
  // The SDK's chain of SSO, profiles, STS and instance metadata (130 KB): a function's role is in its environment.
  '@aws-sdk/credential-provider-node': './functions/src/lambdaBundle/credentialsFromEnvironment.ts',
  // qs with object-inspect and side-channel (45 KB): Express's simple query parser and JSON bodies never call it.
  qs: './functions/src/lambdaBundle/noQueryStringLibrary.ts',
  // The SDK's event streams (15 KB in every function): no operation our functions call streams events.
  '@smithy/core/event-streams': './functions/src/lambdaBundle/noEventStreams.ts',
  // debug with ms and supports-color (9 KB): it writes only when DEBUG names a logger, never on Lambda.
  debug: './functions/src/lambdaBundle/silentDebug.cjs',
  // send and serve-static (11 KB), for res.sendFile and express.static: the API serves no files from disk.
  send: './functions/src/lambdaBundle/noSendFile.cjs',
  'serve-static': './functions/src/lambdaBundle/noSendFile.cjs',
  // depd (4.5 KB), deprecation notices with their call site: Node's own warning says the same.
  depd: './functions/src/lambdaBundle/warningOnlyDepd.cjs',
  // cookie (2.6 KB), for res.cookie: the API sets no cookies, a session is a bearer token.
  cookie: './functions/src/lambdaBundle/noCookies.cjs',
  // accepts with negotiator (7.6 KB), for req.accepts and res.format: the API answers one media type a route.
  accepts: './functions/src/lambdaBundle/noContentNegotiation.cjs',
  // proxy-addr with ipaddr.js and forwarded (11 KB), for X-Forwarded-For: no proxy is trusted (app.ts).
  'proxy-addr': './functions/src/lambdaBundle/peerOnlyProxyAddr.cjs',
  // mnemonist's LRU cache with obliterator (7 KB), for DynamoDB's endpoint discovery, which our clients never turn on.
  'mnemonist/lru-cache': './functions/src/lambdaBundle/mapLruCache.cjs',
  // node-fetch 2 with whatwg-url and tr46 (300 KB), for the Tencent Cloud SDK: Lambda's Node has fetch.
  'node-fetch': './functions/src/lambdaBundle/nativeFetch.cjs',
  // form-data (10 KB), for the Tencent Cloud SDK's multipart uploads: a text is one JSON request.
  'form-data': './functions/src/lambdaBundle/noMultipart.cjs',
};

/**
 * Packages loaded only by the few requests that need them (posters and the worker's code
 * image; registry imports and exports): left out of every bundle and imported on first use, so no cold start carries them.
 * The API has them installed beside its bundle (80 MB of files; pdfkit and resvg also read data
 * files from disk). The jobs build the same context as the API, so their bundles name these
 * imports too, but no job renders a poster or reads a spreadsheet: they are not installed there,
 * and a job that ever reached one would fail at once with "Cannot find package".
 */
export const ON_DEMAND_MODULES = ['pdfkit', 'fontkit', '@resvg/resvg-wasm', 'exceljs', 'csv-parse', 'qrcode'];

/**
 * The goal for every function: at most 1 MB, and the import of its handler (Lambda's init) in at
 * most 300 ms. The test holds the size, and that no package outside the bundle loads before a
 * request, exactly; the import's time is measured by tests/bench/lambda-init.ts, not held by a
 * timed test: on this 2-core machine the same bundle imports in 290–670 ms from run to run.
 */
export const BUNDLE_LIMITS = { bytes: 1_000_000, initMs: 300 } as const;
