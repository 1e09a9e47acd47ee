/**
 * What the Lambda bundle puts in place of `send` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: Express loads `send` at start for res.sendFile and express.static (9 KB of the API's
 * bundle). The API answers JSON and generated files from memory; only the local runner serves
 * the H5 build from disk (app.ts's staticDir), and it is never bundled. Should anything ever call
 * it, it says so rather than fail some other way. CommonJS, because its callers call what
 * `require('send')` returns.
 */
module.exports = function notInThisBundle() {
  throw new Error('send is not in the Lambda bundle: the API serves no files from disk');
};
