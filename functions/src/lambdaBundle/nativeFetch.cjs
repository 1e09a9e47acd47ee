/**
 * What the Lambda bundle puts in place of `node-fetch` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: the Tencent Cloud SDK (the texts' function) sends through node-fetch 2, which brings
 * whatwg-url and tr46's Unicode tables: 300 KB of the function's bundle. Lambda's Node has fetch
 * of its own, and the SDK uses only what both share (method, headers, a string body; the
 * answer's status, headers and JSON), besides node-fetch's `timeout`, given here as a signal.
 */
module.exports = function fetch(url, { timeout, agent: _agent, proxy: _proxy, ...init } = {}) {
  const signals = [init.signal, timeout ? AbortSignal.timeout(timeout) : undefined].filter(Boolean);
  return globalThis.fetch(url, { ...init, signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0] });
};
