/**
 * A worker binds their WeChat account to their registry record by name and ID number:
 * the guesses it allows (per account, client address, ID number and person), the same
 * answer for an unknown number and a wrong name, each failure on the record's trail, and
 * the officer who has seen the person lifting a day's lockout.
 */
import { BIND_WAY_FORWARD_ZH, clientAddressKey, perHour, type Principal, type User } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict, DomainError, unauthenticated } from '../errors.js';
import type { Counter } from '../http/rateLimit.js';
import type { WorkerItem } from './workerRepository.js';

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

export function createBindingService(deps: Pick<AppContext, 'audit' | 'idVault' | 'limiter' | 'regions' | 'users' | 'workers'>) {
  const { audit, idVault, limiter, regions, users, workers } = deps;
  return {
    /** The caller's account bound to the record of this name and number; bound already is fine. */
    async bind(
      principal: Principal,
      claim: { name: string; idNumber: string },
      clientIp: string | undefined,
    ): Promise<{ worker: WorkerItem; user: User }> {
      const idHash = idVault.hash(claim.idNumber);
      const ip = clientAddressKey(clientIp);
      // Charged before comparing, so racing guesses cannot slip past; given back on a match.
      const attempt = await limiter.take(
        bindLockout(principal.userId, ip, idHash, idVault.hash(personKey(claim.name, claim.idNumber))),
        BIND_WAY_FORWARD_ZH,
      );
      const item = await workers.findByIdNumber(claim.idNumber);
      // The same answer whether the number is unknown or the name differs.
      if (!item || normaliseName(item.name) !== normaliseName(claim.name)) {
        await audit.bindFailed(principal, idHash, ip, item?.workerId);
        throw identityMismatch();
      }
      await attempt.refund();
      if (item.registryExitDate) {
        throw new Conflict('您已退出帮扶台账，不能再绑定；如有疑问请联系村里的信息员', 'This record has left the registry.');
      }
      if (item.boundUserId !== principal.userId) {
        const village = await regions.get(item.villageCode);
        await workers.bind(principal.userId, item, village?.fullName);
      }
      const [worker, user] = await Promise.all([workers.getItem(item.workerId, true), users.get(principal.userId)]);
      if (!user) throw unauthenticated('The account no longer exists.');
      return { worker: worker!, user };
    },

    /** An officer who has seen the person lifts the day's lockout of their record. */
    async clearLockout(principal: Principal, item: WorkerItem, reason: string): Promise<void> {
      const idNumber = await workers.revealIdNumber(item);
      await limiter.reset(personLockout(idVault.hash(idNumber), idVault.hash(personKey(item.name, idNumber))));
      await audit.record(principal, [item.workerId], 'bindUnlocked', reason);
    },
  };
}
