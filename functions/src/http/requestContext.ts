import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { RequestHandler } from 'express';
import type { DbMeter } from '../db/capacityMeter.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const tenths = (n: number) => Math.round(n * 10) / 10;

/**
 * Gives every request an id (the caller's x-request-id when sane) and logs one JSON line when it
 * ends, with what it cost: the process's CPU milliseconds, and its DynamoDB calls and capacity
 * units (db/capacityMeter.ts). Both are the process's, taken over the request: exact when it
 * served one request at a time, as a Lambda instance always does; a request that overlapped
 * another (the local runner under load) says `overlapped`, its figures then include the other's.
 */
export function requestContext(logger: Logger, meter?: DbMeter): RequestHandler {
  let inFlight = 0;
  let started = 0;
  return (req, res, next) => {
    const header = req.get('x-request-id');
    const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const othersAtStart = inFlight++;
    const startedBefore = started++;
    const at = process.hrtime.bigint();
    const cpuAt = cpuMs();
    const db = meter && { ...meter };
    let ended = false;
    const end = () => {
      if (!ended) inFlight--;
      ended = true;
    };
    res.on('close', end); // a client that went away: no 'finish', but no longer in flight
    res.on('finish', () => {
      end();
      const ms = Number(process.hrtime.bigint() - at) / 1e6;
      logger.info('request', {
        requestId,
        method: req.method,
        path: req.path,
        route: res.locals.route,
        status: res.statusCode,
        ms: tenths(ms),
        cpuMs: tenths(cpuMs() - cpuAt),
        ...(meter && db
          ? {
              db: {
                calls: meter.calls - db.calls,
                readUnits: meter.readUnits - db.readUnits,
                writeUnits: meter.writeUnits - db.writeUnits,
              },
            }
          : {}),
        ...(othersAtStart > 0 || started > startedBefore + 1 ? { overlapped: true } : {}),
        userId: res.locals.principal?.userId,
        // 亲情服务: who was really there when a family member acted for the account.
        proxyUserId: res.locals.principal?.proxy?.userId,
      });
    });
    next();
  };
}
