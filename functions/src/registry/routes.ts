import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import {
  clientAddressKey,
  countyOrFinerSchema,
  idNumberSchema,
  LABOUR_CLASSES,
  nameSchema,
  ownWorkerUpdateSchema,
  perHour,
  type Principal,
  userSchema,
  WORKER_GROUPS,
  workerInputSchema,
  workerSummarySchema,
  workerUpdateSchema,
  workerViewSchema,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { batchPut } from '../db/batchWrite.js';
import { pageQuerySchema } from '../db/paging.js';
import { Conflict, DomainError, Invalid, unauthenticated } from '../errors.js';
import type { Counter } from '../http/rateLimit.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { auditEntrySchema, auditItem, auditTrail, bindFailureItem, READ_PURPOSES } from './audit.js';
import { boundWorker, STAFF } from './access.js';
import { isLast4Search, toWorkerView } from './workerRepository.js';

const workerIdParams = z.object({ workerId: z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号') });
const reasonBody = z.strictObject({ reason: z.string().trim().min(4, '请写明原因（至少 4 个字）').max(200) });

/** Names as people type them: spaces dropped, the middle dots of ethnic names unified. */
const normaliseName = (name: string) => name.replace(/\s+/g, '').replace(/[·•．.・]/g, '·');

const identityMismatch = () =>
  new DomainError(
    'IDENTITY_MISMATCH',
    '姓名或身份证号与台账不一致。请核对后再试；如果还是不行，请联系村里的信息员。',
    'The name and ID number do not match a registry record.',
  );

const ASK_OFFICER = '请找村里的信息员帮您绑定。';

/**
 * Wrong answers allowed when binding, per account, per client address, per ID number and
 * per person (name and birth date: someone who knows both walks the ID's sequence numbers,
 * each guess a new number, from many accounts) — few enough that walking a county's numbers
 * takes months, while anyone who simply mistypes has several tries.
 */
const bindLockout = (userId: string, ip: string, idHash: string, personHash: string): Counter[] => [
  { key: `bind#user#${userId}`, budget: perHour(5) },
  { key: `bind#ip#${ip}`, budget: perHour(20) },
  ...personLockout(idHash, personHash),
];
/** The counters that lock one person's record for a day; an officer who has seen the person can lift them. */
const personLockout = (idHash: string, personHash: string): Counter[] => [
  { key: `bind#id#${idHash}`, budget: { limit: 10, windowSeconds: 86_400 } },
  { key: `bind#person#${personHash}`, budget: { limit: 10, windowSeconds: 86_400 } },
];
/** Name and birth date (the ID number's characters 7–14), hashed with the ID key for the per-person counter. */
const personKey = (name: string, idNumber: string) => `${normaliseName(name)}#${idNumber.slice(6, 14)}`;

export function registryRoutes(ctx: AppContext): AnyRoute[] {
  const { workers } = ctx;

  async function writeAudit(principal: Principal, workerId: string, action: 'read' | 'reveal', reason: string) {
    await ctx.table.db.send(
      new PutCommand({ TableName: ctx.table.tableName, Item: auditItem(principal, workerId, action, reason) }),
    );
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/registry/workers',
      summary: 'Staff: enter a person into the registry (one record per ID number)',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'region', field: 'body.villageCode', region: ({ body }) => body.villageCode },
      body: workerInputSchema,
      response: z.object({ worker: workerViewSchema }),
      status: 201,
      handler: async ({ principal, body }) => {
        const village = await ctx.regions.get(body.villageCode);
        if (village?.level !== 'village') {
          throw new Invalid('没有这个村（嘎查）代码', 'No village with that code.', 'body.villageCode');
        }
        return { worker: toWorkerView(await workers.create(body, principal)) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/registry/workers',
      summary: 'Staff: the registry of a county, township or village, filtered; search by name or last 4 ID characters',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      query: pageQuerySchema.extend({
        regionCode: countyOrFinerSchema,
        group: z.enum(WORKER_GROUPS).optional(),
        labourClass: z.enum(LABOUR_CLASSES).optional(),
        employed: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
        q: z.string().trim().min(1).max(30).optional(),
      }),
      response: z.object({ workers: z.array(workerSummarySchema), nextCursor: z.string().optional() }),
      handler: async ({ principal, query }) => {
        const page = await workers.list(query);
        // Names beside masked numbers: like a record read, each person shown has it on their trail
        // before it is shown — how they were found, never the search text (four more characters).
        const how = query.q === undefined ? '查看名单' : isLast4Search(query.q) ? '按身份证后四位查找' : '按姓名查找';
        await batchPut(
          ctx.table,
          page.workers.map((w) => auditItem(principal, w.workerId, 'list', how)),
        );
        return page;
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/registry/workers/:workerId',
      summary: 'Staff: one full record (ID masked); every read is audited with its purpose',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      query: z.object({ purpose: z.enum(READ_PURPOSES) }),
      response: z.object({ worker: workerViewSchema }),
      handler: async ({ object, principal, query }) => {
        const item = object;
        await writeAudit(principal, item.workerId, 'read', query.purpose);
        return { worker: toWorkerView(item) };
      },
    }),

    defineRoute({
      method: 'patch',
      path: '/api/v1/registry/workers/:workerId',
      summary: 'Staff: change a record (labour class, groups, skills, preferences, exit…), naming the version read',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      body: workerUpdateSchema,
      response: z.object({ worker: workerViewSchema }),
      handler: async ({ object, body }) => {
        const item = object;
        return { worker: toWorkerView(await workers.update(item.workerId, body)) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/registry/workers/:workerId/reveal',
      summary: 'Staff: show the full ID number once, with a reason; audited before it is shown',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      body: reasonBody,
      response: z.object({ idNumber: z.string() }),
      rateLimit: { perUser: perHour(30), perIp: perHour(300) },
      handler: async ({ object, principal, body }) => {
        const item = object;
        await writeAudit(principal, item.workerId, 'reveal', body.reason);
        return { idNumber: await workers.revealIdNumber(item) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/registry/workers/:workerId/audit',
      summary: 'Staff: who read or changed this record, newest first',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      response: z.object({ entries: z.array(auditEntrySchema) }),
      handler: async ({ object }) => {
        const item = object;
        return { entries: await auditTrail(ctx.table, item.workerId) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/registry/workers/:workerId/unbind',
      summary: 'Staff: undo the WeChat binding of a record, with the reason recorded',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      body: reasonBody,
      response: z.object({ worker: workerViewSchema }),
      handler: async ({ object, principal, body }) => {
        const item = object;
        await workers.unbind(item, principal, body.reason);
        return { worker: toWorkerView((await workers.getItem(item.workerId, true))!) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/registry/workers/:workerId/bind-lockout/clear',
      summary: 'Staff: lift a record’s binding lockout after seeing the person (the way forward the lockout names); audited',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      body: reasonBody,
      response: z.object({ cleared: z.literal(true) }),
      rateLimit: { perUser: perHour(30), perIp: perHour(300) },
      handler: async ({ object: item, principal, body }) => {
        const idNumber = await workers.revealIdNumber(item);
        await ctx.limiter.reset(personLockout(ctx.idVault.hash(idNumber), ctx.idVault.hash(personKey(item.name, idNumber))));
        await ctx.table.db.send(
          new PutCommand({
            TableName: ctx.table.tableName,
            Item: auditItem(principal, item.workerId, 'bindUnlocked', body.reason),
          }),
        );
        return { cleared: true as const };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/me/worker/bind',
      summary: 'Worker: bind this account to their registry record by name and ID number',
      tag: 'registry',
      access: ['worker'],
      scope: { kind: 'self' },
      body: z.strictObject({ name: nameSchema(2, 30), idNumber: idNumberSchema }),
      response: z.object({ worker: workerViewSchema, user: userSchema }),
      rateLimit: { perUser: perHour(30), perIp: perHour(300), wayForwardZh: ASK_OFFICER },
      handler: async ({ principal, body, req }) => {
        const idHash = ctx.idVault.hash(body.idNumber);
        const ip = clientAddressKey(req.ip);
        // Charged before comparing, so racing guesses cannot slip past; given back on a match.
        const attempt = await ctx.limiter.take(
          bindLockout(principal.userId, ip, idHash, ctx.idVault.hash(personKey(body.name, body.idNumber))),
          ASK_OFFICER,
        );
        const item = await workers.findByIdNumber(body.idNumber);
        // The same answer whether the number is unknown or the name differs.
        if (!item || normaliseName(item.name) !== normaliseName(body.name)) {
          await ctx.table.db.send(
            new PutCommand({ TableName: ctx.table.tableName, Item: bindFailureItem(principal, idHash, ip, item?.workerId) }),
          );
          throw identityMismatch();
        }
        await attempt.refund();
        if (item.registryExitDate) {
          throw new Conflict('您已退出帮扶台账，不能再绑定；如有疑问请联系村里的信息员', 'This record has left the registry.');
        }
        if (item.boundUserId !== principal.userId) {
          const village = await ctx.regions.get(item.villageCode);
          await workers.bind(principal.userId, item, village?.fullName);
        }
        const [worker, user] = await Promise.all([workers.getItem(item.workerId, true), ctx.users.get(principal.userId)]);
        if (!user) throw unauthenticated('The account no longer exists.');
        return { worker: toWorkerView(worker!), user };
      },
    }),

    defineRoute({
      method: 'patch',
      path: '/api/v1/me/worker',
      summary: 'Worker: change their phone or job preferences, naming the version read',
      tag: 'registry',
      access: ['worker'],
      scope: { kind: 'self' },
      body: ownWorkerUpdateSchema,
      response: z.object({ worker: workerViewSchema }),
      handler: async ({ principal, body }) => {
        return { worker: toWorkerView(await workers.update((await boundWorker(ctx, principal)).workerId, body)) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/worker',
      summary: 'Worker: their own registry record (ID masked)',
      tag: 'registry',
      access: ['worker'],
      scope: { kind: 'self' },
      response: z.object({ worker: workerViewSchema }),
      handler: async ({ principal }) => {
        return { worker: toWorkerView(await boundWorker(ctx, principal)) };
      },
    }),
  ];
}
