import { BIND_WAY_FORWARD_ZH, clientAddressKey, perHour, registryContracts } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict, DomainError, Invalid, unauthenticated } from '../errors.js';
import type { Counter } from '../http/rateLimit.js';
import { implement, type AnyRoute } from '../http/route.js';
import { boundWorker } from './access.js';
import { isLast4Search, toWorkerView } from './workerRepository.js';

/** Names as people type them: spaces dropped, the middle dots of ethnic names unified. */
const normaliseName = (name: string) => name.replace(/\s+/g, '').replace(/[·•．.・]/g, '·');

const identityMismatch = () =>
  new DomainError(
    'IDENTITY_MISMATCH',
    '姓名或身份证号与台账不一致。请核对后再试；如果还是不行，请联系村里的信息员。',
    'The name and ID number do not match a registry record.',
  );

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

    implement(registryContracts.update, async ({ object, body }) => {
      const item = object;
      return { worker: toWorkerView(await workers.update(item.workerId, body)) };
    }),

    implement(registryContracts.reveal, async ({ object, principal, body }) => {
      const item = object;
      await ctx.audit.record(principal, [item.workerId], 'reveal', body.reason);
      return { idNumber: await workers.revealIdNumber(item) };
    }),

    implement(registryContracts.audit, async ({ object }) => {
      const item = object;
      return { entries: await ctx.audit.trail(item.workerId) };
    }),

    implement(registryContracts.unbind, async ({ object, principal, body }) => {
      const item = object;
      await workers.unbind(item, principal, body.reason);
      return { worker: toWorkerView((await workers.getItem(item.workerId, true))!) };
    }),

    implement(registryContracts.clearBindLockout, async ({ object: item, principal, body }) => {
      const idNumber = await workers.revealIdNumber(item);
      await ctx.limiter.reset(personLockout(ctx.idVault.hash(idNumber), ctx.idVault.hash(personKey(item.name, idNumber))));
      await ctx.audit.record(principal, [item.workerId], 'bindUnlocked', body.reason);
      return { cleared: true as const };
    }),

    implement(registryContracts.bind, async ({ principal, body, req }) => {
      const idHash = ctx.idVault.hash(body.idNumber);
      const ip = clientAddressKey(req.ip);
      // Charged before comparing, so racing guesses cannot slip past; given back on a match.
      const attempt = await ctx.limiter.take(
        bindLockout(principal.userId, ip, idHash, ctx.idVault.hash(personKey(body.name, body.idNumber))),
        BIND_WAY_FORWARD_ZH,
      );
      const item = await workers.findByIdNumber(body.idNumber);
      // The same answer whether the number is unknown or the name differs.
      if (!item || normaliseName(item.name) !== normaliseName(body.name)) {
        await ctx.audit.bindFailed(principal, idHash, ip, item?.workerId);
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
    }),

    implement(registryContracts.updateMine, async ({ principal, body }) => {
      return { worker: toWorkerView(await workers.update((await boundWorker(ctx, principal)).workerId, body)) };
    }),

    implement(registryContracts.mine, async ({ principal }) => {
      return { worker: toWorkerView(await boundWorker(ctx, principal)) };
    }),
  ];
}
