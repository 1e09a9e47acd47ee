import {
  claimedRecordsLost,
  registryContracts,
  STAMPED_WORKER_FACTS,
  stampBy,
  stampsAfter,
  WORKER_FIELD_ZH,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict, Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { boundWorker } from './access.js';
import { createBindingService } from './bindingService.js';
import { isLast4Search, toOwnWorkerView, toWorkerView } from './workerRepository.js';

export function registryRoutes(ctx: AppContext): AnyRoute[] {
  const { workers } = ctx;
  const binding = createBindingService(ctx);

  return [
    implement(registryContracts.create, async ({ principal, body }) => {
      const village = await ctx.regions.get(body.villageCode);
      if (village?.level !== 'village') {
        throw new Invalid('没有这个村（嘎查）代码', 'No village with that code.', 'body.villageCode');
      }
      return { worker: toWorkerView(await workers.create(body, principal)) };
    }),

    implement(registryContracts.list, async ({ principal, query }) => {
      const page = await workers.list(query);
      // Names beside masked numbers: like a record read, each person shown has it on their trail
      // before it is shown — how they were found, never the search text (four more characters).
      const how = query.q === undefined ? '查看名单' : isLast4Search(query.q) ? '按身份证后四位查找' : '按姓名查找';
      await ctx.audit.record(
        principal,
        page.workers.map((w) => w.workerId),
        'list',
        how,
      );
      return page;
    }),

    implement(registryContracts.get, async ({ object, principal, query }) => {
      const item = object;
      await ctx.audit.record(principal, [item.workerId], 'read', query.purpose);
      return { worker: toWorkerView(item) };
    }),

    implement(registryContracts.update, async ({ object, principal, body }) => {
      // A training or certificate already claimed keeps its name and date: changed, it could be claimed again.
      if (body.trainings || body.certificates) {
        const lost = claimedRecordsLost(await ctx.claims.ofWorker(object.workerId), body);
        if (lost) {
          throw new Conflict(
            `${lost.items.join('、')}已经申领了补贴，不能再改名称或日期，也不能删除。记录有误的，请先驳回这份申领再改`,
            `Claimed ${lost.field} cannot be renamed, redated or removed; reject the claim first.`,
            `body.${lost.field}`,
          );
        }
      }
      // Who set the facts money rests on is kept with them (四眼原则), and every change is on the trail.
      const stamped = STAMPED_WORKER_FACTS.some((fact) => body[fact] !== undefined);
      const worker = await workers.update(
        object.workerId,
        stamped ? { ...body, stamps: stampsAfter(body, stampBy(principal, 'staff'), object.stamps) } : body,
      );
      const fields = Object.keys(WORKER_FIELD_ZH).filter((field) => field in body) as (keyof typeof WORKER_FIELD_ZH)[];
      if (fields.length > 0) {
        await ctx.audit.record(principal, [object.workerId], 'update', fields.map((field) => WORKER_FIELD_ZH[field]).join('、'));
      }
      return { worker: toWorkerView(worker) };
    }),

    implement(registryContracts.reveal, async ({ object, principal, body }) => {
      const item = object;
      await ctx.audit.record(principal, [item.workerId], 'reveal', body.reason);
      return { idNumber: await workers.revealIdNumber(item) };
    }),

    implement(registryContracts.audit, async ({ object, query }) => ctx.audit.page(object.workerId, query)),

    implement(registryContracts.unbind, async ({ object, principal, body }) => {
      const item = object;
      await workers.unbind(item, principal, body.reason);
      return { worker: toWorkerView((await workers.getItem(item.workerId, true))!) };
    }),

    implement(registryContracts.clearBindLockout, async ({ object: item, principal, body }) => {
      await binding.clearLockout(principal, item, body.reason);
      return { cleared: true as const };
    }),

    implement(registryContracts.bind, async ({ principal, body, req }) => {
      const { worker, user } = await binding.bind(principal, body, req.ip);
      return { worker: toOwnWorkerView(worker), user };
    }),

    implement(registryContracts.updateMine, async ({ principal, body }) => {
      return { worker: toOwnWorkerView(await workers.update((await boundWorker(ctx, principal)).workerId, body)) };
    }),

    implement(registryContracts.mine, async ({ principal }) => {
      return { worker: toOwnWorkerView(await boundWorker(ctx, principal)) };
    }),
  ];
}
