/**
 * What the Lambda bundle puts in place of `accepts` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: Express loads it, with negotiator, for req.accepts() and res.format() (7.6 KB of the API's
 * bundle). The API answers JSON, or the one media type a file route declares, whatever the client
 * accepts; only res.redirect calls res.format, and only the local runner redirects (a code's URL
 * opened in a browser, app.ts). Should anything ever call it, it says so rather than fail some
 * other way. CommonJS, because its callers call what `require('accepts')` returns.
 */
module.exports = function notInThisBundle() {
  throw new Error('accepts is not in the Lambda bundle: the API does not negotiate content types');
};
