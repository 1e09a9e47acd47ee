/**
 * What the Lambda bundle puts in place of `qs` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: Express and body-parser load qs at start for two things the API never does — Express's
 * "extended" query parser (the API keeps Express 5's default, "simple", which is node:querystring)
 * and url-encoded bodies (the API reads JSON only, jsonBody.ts). qs brings object-inspect and
 * side-channel with it: 45 KB of the API's bundle for code that cannot run. Should anything ever
 * call it, it says so rather than parse some other way.
 */
function notInThisBundle(): never {
  throw new Error(
    'qs is not in the Lambda bundle: the API parses queries with Express’s simple parser and takes JSON bodies only',
  );
}

export const parse = notInThisBundle;
export const stringify = notInThisBundle;
export default { parse, stringify };
