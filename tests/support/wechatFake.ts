/**
 * A fake of WeChat's code2Session on loopback: the product keeps its real
 * HTTP client and only the base URL points here. Codes map to openids;
 * `bad-*` codes answer errcode 40029, `down-*` codes answer -1 (system busy).
 */
import { createServer } from 'node:http';

export interface WeChatFake {
  url: string;
  calls: { appid: string | null; secret: string | null; code: string | null }[];
  close(): Promise<void>;
}

export async function startWeChatFake(): Promise<WeChatFake> {
  const calls: WeChatFake['calls'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session' || url.searchParams.get('grant_type') !== 'authorization_code') {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    const code = url.searchParams.get('js_code');
    calls.push({ appid: url.searchParams.get('appid'), secret: url.searchParams.get('secret'), code });
    if (code?.startsWith('bad-')) res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    else if (code?.startsWith('down-')) res.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }));
    else res.end(JSON.stringify({ openid: `openid-of-${code?.split(':')[0]}`, session_key: 'k' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
