/**
 * Overload is not an outage: a process takes on at most `limit` API requests at once and
 * lets a few more wait briefly; any other request is answered 503 BUSY with Retry-After
 * at once, before it costs anything. Without it every request is started, they share the
 * CPU and the DynamoDB sockets, all of them slow down together, and they end as timeouts
 * that read "the database is unavailable".
 *
 * On Lambda an instance serves one request at a time, so the gate never binds there; it
 * is for the long-running local runner and any container deployment.
 */
import type { RequestHandler, Response } from 'express';
import { Busy } from '../errors.js';
import { GateRefused, type Gate } from '../gate.js';

/** Long enough for the queue ahead to drain, short enough that an older user is not left waiting. */
const BUSY_RETRY_AFTER_SECONDS = 2;

export function admission(gate: Gate): RequestHandler {
  const admit = (res: Response, release: () => void) => {
    // 'close' follows the answer, or a client that went away before it.
    res.once('finish', release);
    res.once('close', release);
  };
  return (_req, res, next) => {
    // Most requests find a place free: no wait to abandon, so nothing to watch.
    const free = gate.tryEnter();
    if (free) {
      admit(res, free);
      next();
      return;
    }
    // The response closes before it is written only when the client went away.
    const left = new AbortController();
    const abandon = () => left.abort();
    res.once('close', abandon);
    gate.enter(left.signal).then(
      (release) => {
        res.off('close', abandon);
        admit(res, release);
        next();
      },
      (error: unknown) => {
        res.off('close', abandon);
        if (error instanceof GateRefused && error.reason === 'abandoned') return;
        next(error instanceof GateRefused ? new Busy(BUSY_RETRY_AFTER_SECONDS) : error);
      },
    );
  };
}
