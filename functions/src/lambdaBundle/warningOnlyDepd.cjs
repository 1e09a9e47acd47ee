/**
 * What the Lambda bundle puts in place of `depd` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: Express, its router and http-errors each make a deprecation logger at load; they only ever
 * call it with a message, when code uses an API they mean to remove. depd adds the caller's file
 * and line by walking the stack, 4.5 KB of the API's bundle for a line in the log. Here the line
 * is Node's own DeprecationWarning, written once per message. CommonJS, because its callers call
 * what `require('depd')` returns.
 */
const said = new Set();

module.exports = (namespace) => (message) => {
  const text = `${namespace}: ${message}`;
  if (said.has(text)) return;
  said.add(text);
  process.emitWarning(text, 'DeprecationWarning');
};
