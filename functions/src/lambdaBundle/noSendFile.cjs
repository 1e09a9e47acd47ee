/**
 * What the Lambda bundle puts in place of `send` and `serve-static` (infra/lib/lambdaBundling.ts
 * aliases them).
 *
 * Why: Express loads them at start for res.sendFile and express.static (11 KB of the API's
 * bundle). The API answers JSON and generated files from memory; only the local runner serves
 * the H5 build from disk (app.ts's staticDir), and it is never bundled. Should anything ever call
 * it, it says so rather than fail some other way. CommonJS, because its callers call what
 * `require('send')` returns.
 */
module.exports = function notInThisBundle() {
  throw new Error('send and serve-static are not in the Lambda bundle: the API serves no files from disk');
};
