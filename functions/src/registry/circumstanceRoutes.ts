/**
 * A person's circumstances (情况): an officer records one with their name and level behind it,
 * or clears it; the worker reports their own, which waits for an officer — a report never
 * replaces or clears what an officer recorded. Each change is on the record's version read.
 */
import { registryContracts, stampBy, type CircumstanceChange, type Circumstances, type CircumstanceStamp } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { boundWorker } from './access.js';
import { toOwnWorkerView, toWorkerView, type WorkerItem } from './workerRepository.js';

/** The record's circumstances after the change: the kind set with its stamp, or gone. */
function changed(existing: Circumstances, change: CircumstanceChange, stamp: CircumstanceStamp): Circumstances {
  const { [change.kind]: _previous, ...others } = existing;
  return change.value === null ? others : { ...others, [change.kind]: { value: change.value, stamp } };
}

export function circumstanceRoutes(ctx: AppContext): AnyRoute[] {
  const write = (item: WorkerItem, change: CircumstanceChange, stamp: CircumstanceStamp) =>
    ctx.workers.update(item.workerId, {
      version: change.version,
      circumstances: changed(item.circumstances ?? {}, change, stamp),
    });

  return [
    implement(registryContracts.recordCircumstance, async ({ object, principal, body }) => ({
      worker: toWorkerView(await write(object, body, stampBy(principal, 'staff'))),
    })),

    implement(registryContracts.reportCircumstance, async ({ principal, body }) => {
      const item = await boundWorker(ctx, principal);
      const recorded = item.circumstances?.[body.kind];
      if (recorded && recorded.stamp.source !== 'self') {
        throw new Conflict(
          '这一项村里已经登记了。如果有变化，请找村里的信息员改。',
          'An officer recorded this circumstance; only staff change it.',
          'body.kind',
        );
      }
      return { worker: toOwnWorkerView(await write(item, body, stampBy(principal, 'self'))) };
    }),
  ];
}
