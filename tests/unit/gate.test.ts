import { describe, expect, it } from 'vitest';
import { createGate, GateRefused } from '../../functions/src/gate.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'admitted',
    (error: unknown) => (error instanceof GateRefused ? error.reason : 'other error'),
  );

describe('the load-shedding gate', () => {
  it('admits up to its limit, lets waiters in in arrival order, and refuses one more than the queue holds', async () => {
    const gate = createGate({ limit: 2, maxWaiting: 2 });
    const first = await gate.enter();
    await gate.enter();
    const order: string[] = [];
    const third = gate.enter().then((release) => (order.push('third'), release));
    const fourth = gate.enter().then((release) => (order.push('fourth'), release));
    expect(await refusal(gate.enter())).toBe('full');
    expect([gate.active, gate.waiting]).toEqual([2, 2]);

    first();
    first(); // a second release of the same place frees nothing more
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect([gate.active, gate.waiting]).toEqual([2, 0]);
  });

  it('refuses a waiter whose wait ran out, and one whose client left, and neither takes a place later', async () => {
    const gate = createGate({ limit: 1, maxWaiting: 5, maxWaitMs: 30 });
    const holder = await gate.enter();
    const left = new AbortController();
    const leaving = refusal(gate.enter(left.signal));
    const patient = refusal(gate.enter());
    left.abort();
    expect(await leaving).toBe('abandoned');
    expect(await patient).toBe('waited-too-long');
    expect(gate.waiting).toBe(0);

    holder();
    expect(gate.active).toBe(0);
    const next = await gate.enter();
    expect(gate.active).toBe(1);
    next();
    expect(await refusal(gate.enter(AbortSignal.abort()))).toBe('abandoned');
  });

  it('gives a free place at once without a promise, and none while the gate is full, jumping nobody waiting', async () => {
    const gate = createGate({ limit: 1, maxWaiting: 1 });
    const release = gate.tryEnter();
    expect(release).toBeTypeOf('function');
    expect(gate.tryEnter()).toBeUndefined();
    const waiter = gate.enter();
    release!();
    expect(gate.tryEnter()).toBeUndefined(); // the place went to the waiter
    (await waiter)();
    expect(gate.active).toBe(0);
  });
});
