/**
 * What the Lambda bundle puts in place of `cookie` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: Express loads it at start for res.cookie and res.clearCookie (2.6 KB of the API's bundle).
 * The API sets no cookies: a session is a bearer token the client sends in a header. Should
 * anything ever call it, it says so rather than fail some other way.
 */
const notInThisBundle = () => {
  throw new Error('cookie is not in the Lambda bundle: the API sets no cookies');
};

module.exports = { parse: notInThisBundle, serialize: notInThisBundle };
