/**
 * WeChat subscribe messages (订阅消息) to the worker: the job notices, opening the job in the
 * mini-program — the job push's (岗位推荐) and a saved search's (岗位订阅) — and a card an officer
 * entered for them (收款卡变更提醒), opening 我的补贴; each on its own template. Behind an interface so the jobs do not care how they are sent; the real client
 * speaks WeChat's HTTP API (stable access token, then subscribe/send), and tests point its
 * base URL at a fake server on loopback.
 */
import * as z from 'zod';

export interface JobPushNotice {
  openid: string;
  /** The page the message opens, e.g. worker/pages/position/index?positionId=… */
  page: string;
  positionTitle: string;
  employerName: string;
  /** The one-line reason (a saved search: which one, how far), cut to the template's 20 characters. */
  reason: string;
}

/** A card an officer entered for the worker (收款卡变更提醒), opening 我的补贴 where they say whether it is theirs. */
export interface CardNotice {
  openid: string;
  page: string;
  /** 社保卡 / 银行卡 */
  kindText: string;
  /** The card's last four digits. */
  lastFour: string;
  /** The day it was entered, YYYY-MM-DD (China). */
  enteredOn: string;
}

/** sent; the worker has not subscribed (or said no); pushes are not configured here; WeChat failed. */
export type NoticeOutcome = 'sent' | 'notSubscribed' | 'off' | 'failed';

export interface SubscribeMessageSender {
  sendJobPush(notice: JobPushNotice): Promise<NoticeOutcome>;
  /**
   * The 岗位订阅 template, whose 允许 the mini-program asks for; empty: saved searches fill
   * the inbox only. Each message on it uses one 允许 (一次性订阅): the caller counts them.
   */
  readonly jobAlertTemplateId: string;
  sendJobAlert(notice: JobPushNotice): Promise<NoticeOutcome>;
  /** The 收款卡变更提醒 template, whose 允许 我的补贴 asks for; empty: card changes are shown in the app only. */
  readonly cardTemplateId: string;
  sendCardNotice(notice: CardNotice): Promise<NoticeOutcome>;
}

const tokenSchema = z.object({
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  errcode: z.number().optional(),
});
const sendSchema = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() });

/** errcodes: 43101 the user has not subscribed / refused; 40001, 42001 the token went stale. */
const NOT_SUBSCRIBED = 43101;
const STALE_TOKEN = new Set([40001, 42001]);
/** A "thing" field of a subscribe message holds at most 20 characters. */
const thing = (text: string) => ({ value: [...text].slice(0, 20).join('') });

export function createSubscribeMessageSender(options: {
  apiBase: string;
  appId: string;
  appSecret: string;
  /** The 岗位推荐 template chosen in the mini-program's console; empty turns the push's notices off. */
  templateId: string;
  /** The 岗位订阅 template; empty turns saved searches' notices off. */
  alertTemplateId?: string;
  /** The 收款卡变更提醒 template; empty turns card notices off. */
  cardTemplateId?: string;
  timeoutMs?: number;
}): SubscribeMessageSender {
  let token: { value: string; until: number } | undefined;

  async function post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, options.apiBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    return response.json();
  }

  async function accessToken(): Promise<string | undefined> {
    if (token && token.until > Date.now()) return token.value;
    const parsed = tokenSchema.safeParse(
      await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: options.appId, secret: options.appSecret }),
    );
    if (!parsed.success || !parsed.data.access_token) return undefined;
    // Renew five minutes early.
    token = { value: parsed.data.access_token, until: Date.now() + ((parsed.data.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }

  /** A message to one person: where it opens, and its template's fields. */
  interface Message {
    openid: string;
    page: string;
    data: Record<string, { value: string }>;
  }

  async function send(templateId: string, message: Message, retried: boolean): Promise<NoticeOutcome> {
    const value = await accessToken();
    if (!value) return 'failed';
    const parsed = sendSchema.safeParse(
      await post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(value)}`, {
        touser: message.openid,
        template_id: templateId,
        page: message.page,
        lang: 'zh_CN',
        data: message.data,
      }),
    );
    if (!parsed.success) return 'failed';
    const errcode = parsed.data.errcode ?? 0;
    if (errcode === 0) return 'sent';
    if (errcode === NOT_SUBSCRIBED) return 'notSubscribed';
    if (STALE_TOKEN.has(errcode) && !retried) {
      token = undefined;
      return send(templateId, message, true);
    }
    return 'failed';
  }

  async function sendOn(templateId: string, message: Message): Promise<NoticeOutcome> {
    if (!templateId) return 'off';
    try {
      return await send(templateId, message, false);
    } catch {
      return 'failed'; // WeChat unreachable: what the notice is about stands, the notice is marked failed
    }
  }

  const jobMessage = (notice: JobPushNotice): Message => ({
    openid: notice.openid,
    page: notice.page,
    data: { thing1: thing(notice.positionTitle), thing2: thing(notice.employerName), thing3: thing(notice.reason) },
  });

  return {
    sendJobPush: (notice) => sendOn(options.templateId, jobMessage(notice)),
    jobAlertTemplateId: options.alertTemplateId ?? '',
    sendJobAlert: (notice) => sendOn(options.alertTemplateId ?? '', jobMessage(notice)),
    cardTemplateId: options.cardTemplateId ?? '',
    sendCardNotice: (notice) =>
      sendOn(options.cardTemplateId ?? '', {
        openid: notice.openid,
        page: notice.page,
        data: {
          thing1: thing(`登记了您收补贴的${notice.kindText}`),
          character_string2: { value: notice.lastFour },
          date3: { value: notice.enteredOn },
          thing4: thing('不是您的卡？点开告诉我们'),
        },
      }),
  };
}
