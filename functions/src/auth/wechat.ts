/**
 * WeChat's code2Session (auth.code2Session): trades the one-time code from
 * wx.login() for the user's openid. The base URL is configuration so tests can
 * point it at a fake server on loopback.
 */
import * as z from 'zod';
import { DomainError } from '../errors.js';

const code2SessionSchema = z.object({
  openid: z.string().optional(),
  unionid: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

export interface WeChatIdentity {
  openid: string;
  unionid?: string;
}

export interface WeChatClient {
  readonly appId: string;
  code2Session(code: string): Promise<WeChatIdentity>;
}

/** errcodes that mean the user's code is bad, not that WeChat failed (40029 invalid, 40163 used). */
const BAD_CODE = new Set([40029, 40163, 40226]);

export function createWeChatClient(options: {
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}): WeChatClient {
  return {
    appId: options.appId,
    async code2Session(code) {
      const url = new URL('/sns/jscode2session', options.apiBase);
      url.search = new URLSearchParams({
        appid: options.appId,
        secret: options.appSecret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let body: unknown;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
        body = await response.json();
      } catch {
        throw upstreamFailed();
      }
      const parsed = code2SessionSchema.safeParse(body);
      if (!parsed.success) throw upstreamFailed();
      const { openid, unionid, errcode } = parsed.data;
      if (errcode !== undefined && BAD_CODE.has(errcode)) {
        throw new DomainError(
          'UNAUTHENTICATED',
          '微信登录已失效，请重新进入小程序',
          'The WeChat login code is invalid or used.',
          'body.code',
        );
      }
      if (!openid || (errcode !== undefined && errcode !== 0)) throw upstreamFailed();
      return unionid ? { openid, unionid } : { openid };
    },
  };
}

const upstreamFailed = () =>
  new DomainError('UPSTREAM_FAILED', '暂时连不上微信，请稍后再试', 'WeChat did not answer the login request; try again shortly.');
