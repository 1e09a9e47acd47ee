/**
 * 就业帮扶码 and 码到农家: what a code names and how it travels. A code is a signed token
 * (functions/src/codes/codeSigner.ts) inside an HTTPS URL of the product's domain, so WeChat's
 * "扫普通链接二维码打开小程序" opens the mini-program at the right page and a browser opens the
 * H5 build. A worker's own code lives two minutes and names the record, never the ID number;
 * the codes printed on posters (a position, an employer or 帮扶车间, a village service point)
 * do not expire and stop working when what they name is withdrawn.
 */
import * as z from 'zod';

/** The version of the token's claims; a scanner refuses a format it does not know. */
export const CODE_FORMAT_VERSION = 1;

export const CODE_KINDS = ['worker', 'position', 'employer', 'village', 'event'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
/** Codes printed on posters: anyone may open them. */
export const STATIC_CODE_KINDS = ['position', 'employer', 'village', 'event'] as const;
export type StaticCodeKind = (typeof STATIC_CODE_KINDS)[number];

export const CODE_KIND_ZH: Record<CodeKind, string> = {
  worker: '个人就业帮扶码',
  position: '岗位码',
  employer: '用人单位码',
  village: '村就业服务点码',
  event: '招聘会签到码',
};

/** How long a worker's own code lives: a screenshot stops working soon after. */
export const WORKER_CODE_SECONDS = 120;
/** The code page asks for a new one this long before the old one ends (and on a slow network still has one to show). */
export const WORKER_CODE_REFRESH_SECONDS = 90;

/** The claims a code carries: format, kind, the id it names and, for a worker's code, the record's code version. */
export const codeClaimsSchema = z.object({
  v: z.literal(CODE_FORMAT_VERSION),
  k: z.enum(CODE_KINDS),
  s: z.string().min(1).max(64),
  /** A worker's code version: renewing the code (换码) raises it and ends every earlier code. */
  cv: z.number().int().min(0).optional(),
});
export type CodeClaims = z.infer<typeof codeClaimsSchema>;

/** The path under the product's domain that every code's URL starts with (WeChat's 二维码规则 prefix). */
export const CODE_PATH_PREFIX = '/c/';

/** A JWS compact token: three base64url parts. */
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function codeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${CODE_PATH_PREFIX}${token}`;
}

/**
 * The token in what a scanner read: the code's URL (or the URL WeChat hands a page as `q`,
 * percent-encoded), or the bare token. Undefined for anything else, e.g. another site's QR.
 */
export function tokenOfScan(text: string): string | undefined {
  let value = text.trim();
  if (/^https?%3A/i.test(value)) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  const at = value.indexOf(CODE_PATH_PREFIX);
  const candidate = /^https?:\/\//i.test(value) && at >= 0 ? value.slice(at + CODE_PATH_PREFIX.length).split(/[?#]/)[0]! : value;
  return TOKEN.test(candidate) && candidate.length <= 1024 ? candidate : undefined;
}

/** What a scanner sends: the text it read (a code's URL or token), bounded. */
export const scannedCodeSchema = z
  .string()
  .trim()
  .min(1, '没有读到码')
  .max(2048, '这不是帮扶码')
  .refine((text) => tokenOfScan(text) !== undefined, '这不是帮扶码，请扫就业帮扶码或岗位、村服务点的码');
