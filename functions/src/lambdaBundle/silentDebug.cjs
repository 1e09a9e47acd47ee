/**
 * What the Lambda bundle puts in place of `debug` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: Express, its router, body-parser and finalhandler each make a `debug` logger at load and
 * call it on every request; it writes only when the DEBUG variable names it, which a function
 * never sets (its logs are the structured ones of requestContext). The package brings ms and
 * supports-color: ~9 KB of the API's bundle for output that is never written. CommonJS, because
 * its callers call what `require('debug')` returns.
 */
const silent = Object.assign(() => undefined, { enabled: false, namespace: '', extend: () => silent });

module.exports = Object.assign(() => silent, { enable() {}, disable: () => '', enabled: () => false });
