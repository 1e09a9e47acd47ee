/**
 * What the Lambda bundle puts in place of `proxy-addr` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: Express loads it (with ipaddr.js and forwarded, 11 KB of the API's bundle) to honour
 * X-Forwarded-For under `trust proxy`. The app turns that off (app.ts): a client's address is
 * the socket's peer, which serverless-http sets to API Gateway's sourceIp, so no proxy is ever
 * trusted. Express compiles `trust proxy` false to `compile([])`; any other setting reaching here
 * says so rather than quietly ignore the header it asked to trust. CommonJS, as Express requires it.
 */
function trustNone() {
  return false;
}

function trusting(trust) {
  if (trust !== trustNone) throw new Error('trust proxy is off in the Lambda bundle: the client is the socket’s peer');
}

/** The client's address: with no proxy trusted, the peer's. */
function proxyaddr(req, trust) {
  trusting(trust);
  return req.socket.remoteAddress;
}

/** Every address from the peer back through trusted proxies: the peer alone. */
proxyaddr.all = (req, trust) => {
  trusting(trust);
  return [req.socket.remoteAddress];
};

proxyaddr.compile = (val) => {
  if (val.length > 0) throw new Error('trust proxy is off in the Lambda bundle: no proxy address may be trusted');
  return trustNone;
};

module.exports = proxyaddr;
