/**
 * A 503 BUSY means the server did nothing, so the client waits out Retry-After and sends the
 * call once more, a POST too; a 503 from an outage is not retried (a POST may have landed).
 * Taro.request is WeChat's or the browser's transport, so it stands in here as a queue of answers.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const answers: { statusCode: number; data: unknown; header: Record<string, string> }[] = [];
const sent: string[] = [];
vi.mock('@tarojs/taro', () => ({
  default: {
    request: vi.fn(async (options: { method: string; url: string }) => {
      sent.push(`${options.method} ${options.url}`);
      const answer = answers.shift();
      if (!answer) throw new Error('no answer queued');
      return answer;
    }),
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    removeStorageSync: () => undefined,
  },
}));

const { request } = await import('../../../miniapp/src/api/client.js');

const busy = (retryAfter: string) => ({
  statusCode: 503,
  data: { error: { code: 'BUSY', message: { zh: '现在使用的人太多，请稍等几秒再试', en: 'busy' } } },
  header: { 'retry-after': retryAfter },
});
const down = {
  statusCode: 503,
  data: { error: { code: 'SERVICE_UNAVAILABLE', message: { zh: '数据服务暂时不可用', en: 'down' } } },
  header: { 'Retry-After': '5' },
};

beforeEach(() => {
  answers.length = 0;
  sent.length = 0;
  vi.useFakeTimers();
});

describe('a call the server was too busy to start', () => {
  it('is sent again after Retry-After, a POST too, and answers with the second reply', async () => {
    answers.push(busy('2'), { statusCode: 201, data: { ok: true }, header: {} });
    const result = request('/v1/me/applications', { method: 'POST', body: { positionId: 'p-1' } });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ ok: true });
    expect(sent).toEqual(['POST /api/v1/me/applications', 'POST /api/v1/me/applications']);
  });

  it('is sent again only once: a second BUSY reaches the page as the error', async () => {
    answers.push(busy('60'), busy('2'));
    const result = request('/v1/me');
    const failed = expect(result).rejects.toMatchObject({ code: 'BUSY', status: 503 });
    await vi.advanceTimersByTimeAsync(5_000); // Retry-After is capped at 5 s
    await failed;
    expect(sent).toHaveLength(2);
  });

  it('is not confused with an outage: SERVICE_UNAVAILABLE is not repeated', async () => {
    answers.push(down);
    await expect(request('/v1/me/applications', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(sent).toHaveLength(1);
  });
});
