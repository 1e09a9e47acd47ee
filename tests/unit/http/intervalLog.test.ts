import { describe, expect, it } from 'vitest';
import { intervalLog } from '../../../functions/src/http/intervalLog.js';

describe('the log during a database outage', () => {
  it('says so once per interval, with how many requests were answered 503 since, and no stack trace', () => {
    const lines: { message: string; fields: Record<string, unknown> }[] = [];
    let clock = 0;
    const report = intervalLog(
      { error: (message: string, fields: Record<string, unknown>) => lines.push({ message, fields }) } as never,
      'database unavailable',
      10_000,
      () => clock,
    );
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { name: 'TimeoutError' });

    for (let i = 0; i < 1000; i++) {
      report(down, `r${i}`);
      clock += 5; // 1,000 failing requests in 5 seconds
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toBe('database unavailable');
    expect(lines[0]!.fields).toEqual({
      requestId: 'r0',
      cause: { name: 'TimeoutError', message: 'connect ECONNREFUSED 127.0.0.1:8000' },
      sincePreviousLine: 0,
    });

    clock = 10_000;
    report(down, 'later');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.fields.sincePreviousLine).toBe(999);
    expect(JSON.stringify(lines)).not.toContain('    at '); // no stack
  });
});
