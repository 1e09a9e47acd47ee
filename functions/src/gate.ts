/**
 * A counted gate: at most `limit` holders at once, the rest wait in arrival order. A wait
 * can be bounded (how many may wait, for how long) and abandoned (the client left), so a
 * gate sheds work it could not start in time rather than let latency run away.
 *
 * Hand-written rather than p-limit or p-queue: neither drops one waiter whose time ran out
 * or whose client went away, which is the point of shedding; toobusy-js watches event-loop
 * lag, not how much work is admitted.
 */

export type Refusal = 'full' | 'waited-too-long' | 'abandoned';

export class GateRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(`gate refused: ${reason}`);
    this.name = 'GateRefused';
  }
}

export interface GateLimits {
  /** Holders at once. */
  limit: number;
  /** Most waiting at once; one more is refused at the door. */
  maxWaiting?: number;
  /** Longest wait before a waiter is refused. */
  maxWaitMs?: number;
}

export interface Gate {
  /** Resolves with the release of a place; rejects with GateRefused. */
  enter(signal?: AbortSignal): Promise<() => void>;
  /** The release of a place if one is free now (nobody waits for it), else undefined: no promise, no signal. */
  tryEnter(): (() => void) | undefined;
  readonly active: number;
  readonly waiting: number;
}

interface Waiter {
  admit(): void;
  refuse(reason: Refusal): void;
}

export function createGate({ limit, maxWaiting = Infinity, maxWaitMs = Infinity }: GateLimits): Gate {
  let active = 0;
  const queue: Waiter[] = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next.admit();
      else active -= 1;
    };
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    tryEnter() {
      if (active >= limit) return undefined;
      active += 1;
      return releaser();
    },
    enter(signal) {
      if (signal?.aborted) return Promise.reject(new GateRefused('abandoned'));
      if (active < limit) {
        active += 1;
        return Promise.resolve(releaser());
      }
      if (queue.length >= maxWaiting) return Promise.reject(new GateRefused('full'));
      return new Promise((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const leave = (reason: Refusal) => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          waiter.refuse(reason);
        };
        const onAbort = () => leave('abandoned');
        const settle = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        // A released place passes straight to the next waiter: `active` stays as it was.
        const waiter: Waiter = {
          admit() {
            settle();
            resolve(releaser());
          },
          refuse(reason) {
            settle();
            reject(new GateRefused(reason));
          },
        };
        queue.push(waiter);
        if (Number.isFinite(maxWaitMs)) timer = setTimeout(() => leave('waited-too-long'), maxWaitMs);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
