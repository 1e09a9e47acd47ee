/**
 * The one way the mini-program talks to the API: Taro.request with the base URL,
 * the session token, a timeout sized for slow rural networks, one retry for GETs
 * that never reached the server, one retry of any call the server was too busy to
 * start, and the API's error shape turned into ApiError.
 */
import Taro from '@tarojs/taro';
import { pathOf, type AnyContract, type ErrorCode, type RequestOf, type ResponseOf, type Session } from '@bangfu/shared';
import { hasExpired, leaveActing, loadActing } from '../state/acting';

/** Inlined at build time from TARO_APP_API_BASE (see README.md and config/index.ts). */
export const API_BASE: string = (process.env.TARO_APP_API_BASE || '/api').replace(/\/+$/, '');

export const SESSION_STORAGE_KEY = 'bangfu.session';

/** 15 s: a 2G/3G connection in a village often needs that long. */
const TIMEOUT_MS = 15_000;
const RETRY_DELAY_MS = 1_000;
/** The longest a busy server's Retry-After is waited out before the one retry. */
const MAX_BUSY_WAIT_MS = 5_000;

/** One page of a list route: its items and the cursor of the next page, absent on the last. */
export interface ListPage<T> {
  items: T[];
  nextCursor?: string | undefined;
}

/** Codes the client makes up when there is no usable answer from the server. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';
/** A server code we know, a client code, or a server code newer than this build. */
export type ApiErrorCode = ErrorCode | ClientErrorCode | (string & Record<never, never>);

export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * A failed call. `message` is the Chinese text (what people read); both languages
 * are in `messages`. Switch on `code`, never on the text.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly messages: LocalizedText;
  /** Dotted path of the input field that failed, when one did. */
  readonly field: string | undefined;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(init: {
    code: ApiErrorCode;
    messages: LocalizedText;
    status: number;
    field?: string | undefined;
    requestId?: string | undefined;
  }) {
    super(init.messages.zh);
    this.code = init.code;
    this.messages = init.messages;
    this.status = init.status;
    this.field = init.field;
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Chinese text to show for any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.messages.zh;
  return '出了点问题，请稍后再试。';
}

// ---------------------------------------------------------------- session storage

type SessionListener = (session: Session | null) => void;
const listeners = new Set<SessionListener>();

/** Called whenever the stored session changes (login, logout, or a 401). */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function isStoredSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Session>;
  return (
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.user === 'object' &&
    v.user !== null &&
    typeof v.user.userId === 'string'
  );
}

/** The stored session, or null when there is none or it has expired. */
export function loadSession(): Session | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  if (!isStoredSession(raw)) return null;
  const expiresAt = Date.parse(raw.expiresAt);
  if (Number.isFinite(expiresAt) && expiresAt <= Date.now()) {
    Taro.removeStorageSync(SESSION_STORAGE_KEY);
    return null;
  }
  return raw;
}

export function saveSession(session: Session): void {
  Taro.setStorageSync(SESSION_STORAGE_KEY, session);
  listeners.forEach((listener) => listener(session));
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_STORAGE_KEY);
  listeners.forEach((listener) => listener(null));
}

// ---------------------------------------------------------------- requests

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON body (not for GET). */
  body?: unknown;
  /** Send without the session token even when logged in. */
  anonymous?: boolean;
  /** 亲情服务: as the logged-in person themself, even while they act for a family member. */
  asSelf?: boolean;
  /** A file as the body instead (a route that reads a spreadsheet), sent as its bytes. */
  file?: PickedFile;
}

/** A file the person picked: its bytes and their media type. */
export interface PickedFile {
  name: string;
  data: ArrayBuffer;
  contentType: string;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, unknown>;
}

function isErrorBody(data: unknown): data is {
  error: { code: string; message: LocalizedText; field?: string; requestId?: string };
} {
  if (typeof data !== 'object' || data === null || !('error' in data)) return false;
  const error = data.error;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e.code !== 'string' || typeof e.message !== 'object' || e.message === null) return false;
  const m = e.message as { zh?: unknown; en?: unknown };
  return typeof m.zh === 'string' && typeof m.en === 'string';
}

/** Parse a JSON body if the platform handed back text (weapp does when the body isn't JSON). */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data === '') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

const STATUS_FALLBACK: Record<number, { code: ErrorCode; messages: LocalizedText }> = {
  400: { code: 'BAD_REQUEST', messages: { zh: '提交的内容有误。', en: 'Bad request.' } },
  401: { code: 'UNAUTHENTICATED', messages: { zh: '请先登录。', en: 'Please log in.' } },
  403: { code: 'FORBIDDEN', messages: { zh: '没有权限做这件事。', en: 'Not allowed.' } },
  404: { code: 'NOT_FOUND', messages: { zh: '没有找到。', en: 'Not found.' } },
  409: { code: 'CONFLICT', messages: { zh: '内容已被修改，请刷新后再试。', en: 'Conflict.' } },
  503: {
    code: 'SERVICE_UNAVAILABLE',
    messages: { zh: '服务暂时不可用，请稍后再试。', en: 'Service unavailable.' },
  },
};

function errorFromResponse(response: RawResponse, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError({
      code: body.error.code,
      messages: { zh: body.error.message.zh, en: body.error.message.en },
      field: body.error.field,
      requestId: body.error.requestId,
      status: response.statusCode,
    });
  }
  const fallback = STATUS_FALLBACK[response.statusCode];
  if (fallback) return new ApiError({ ...fallback, status: response.statusCode });
  if (response.statusCode >= 500) {
    return new ApiError({
      code: 'INTERNAL',
      messages: { zh: '服务出错了，请稍后再试。', en: `Server error (${response.statusCode}).` },
      status: response.statusCode,
    });
  }
  return new ApiError({
    code: 'BAD_RESPONSE',
    messages: { zh: '服务返回了看不懂的内容。', en: `Unexpected response (${response.statusCode}).` },
    status: response.statusCode,
  });
}

const networkError = (): ApiError =>
  new ApiError({
    code: 'NETWORK_ERROR',
    messages: {
      zh: '网络连不上或太慢，请检查网络后再试。',
      en: 'The network is unreachable or too slow.',
    },
    status: 0,
  });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const ACTING_ENDED_ZH = '帮家人办事已经超过 30 分钟，自动结束了。还要帮TA办，请到“亲情服务”再点一次“帮TA办事”。';

type JsonBody = TaroGeneral.IAnyObject | string | ArrayBuffer;

async function send(url: string, method: HttpMethod, header: Record<string, string>, body: unknown) {
  const response = await Taro.request<unknown, JsonBody>({
    url,
    method,
    header,
    timeout: TIMEOUT_MS,
    dataType: 'json',
    ...(method === 'GET' || body === undefined ? {} : { data: body as JsonBody }),
  });
  return { statusCode: response.statusCode, data: response.data, header: response.header ?? {} } satisfies RawResponse;
}

/** How long a BUSY answer asks to wait (H5 gives header names in lower case, WeChat as sent). */
function busyWaitMs(response: RawResponse, body: unknown): number | undefined {
  if (response.statusCode !== 503 || !isErrorBody(body) || body.error.code !== 'BUSY') return undefined;
  const seconds = Number(response.header['Retry-After'] ?? response.header['retry-after']);
  return Math.min(MAX_BUSY_WAIT_MS, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : RETRY_DELAY_MS);
}

/**
 * Call the API. `path` is relative to the base, e.g. `/v1/me`.
 * Resolves with the parsed JSON of a 2xx answer; rejects with ApiError otherwise.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = { Accept: 'application/json' };
  if (options.file) header['Content-Type'] = options.file.contentType;
  else if (options.body !== undefined) header['Content-Type'] = 'application/json';
  const session = options.anonymous ? null : loadSession();
  // 亲情服务: while acting for someone, calls go in their name; an acting session that has run out
  // stops the call rather than let it go in the family member's own name.
  const acting = session && !options.asSelf ? loadActing(session.user.userId) : null;
  if (acting && hasExpired(acting)) {
    leaveActing(ACTING_ENDED_ZH);
    throw new ApiError({
      code: 'UNAUTHENTICATED',
      messages: { zh: ACTING_ENDED_ZH, en: 'The acting session has ended.' },
      status: 401,
    });
  }
  if (session) header.Authorization = `Bearer ${(acting ?? session).token}`;

  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  // Only a GET is safe to repeat: a POST that timed out may already have been applied.
  const attempts = method === 'GET' ? 2 : 1;
  const answer = async () => {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await send(url, method, header, options.file?.data ?? options.body);
      } catch {
        if (attempt < attempts) await sleep(RETRY_DELAY_MS);
      }
    }
    throw networkError();
  };
  let response = await answer();
  let body = parseBody(response.data);
  // BUSY: the server refused before doing anything, so any call, a POST too, may go again once.
  const busyWait = busyWaitMs(response, body);
  if (busyWait !== undefined) {
    await sleep(busyWait);
    response = await answer();
    body = parseBody(response.data);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return body as T;

  const error = errorFromResponse(response, body);
  // An ended acting session ends only itself: the family member stays logged in as themself.
  if (response.statusCode === 401 && acting) leaveActing(error.messages.zh);
  else if (response.statusCode === 401 && session) clearSession();
  throw error;
}

/** `?a=1&b=x` from the defined, non-empty values; '' when there are none. */
export function queryString(params: Record<string, QueryValue>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

type QueryValue = string | number | boolean | undefined;

/**
 * Call a route by its contract (shared/src/api): the path, method, params, query and body are
 * typed from the same schemas the API validates with, and so is the answer.
 */
export function call<C extends AnyContract>(
  contract: C,
  input: RequestOf<C>,
  options: Pick<RequestOptions, 'anonymous' | 'asSelf' | 'file'> = {},
): Promise<ResponseOf<C>> {
  const { params, query, body } = input as {
    params?: Record<string, string>;
    query?: Record<string, QueryValue>;
    body?: unknown;
  };
  const path = pathOf(contract, params).replace(/^\/api(?=\/)/, '');
  return request<ResponseOf<C>>(`${path}${query ? queryString(query) : ''}`, {
    ...options,
    method: contract.method.toUpperCase() as HttpMethod,
    ...(body !== undefined ? { body } : {}),
  });
}
