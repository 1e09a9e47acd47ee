/**
 * Dev login lets anyone become any account, staff and admins included. On this
 * machine alone that is the point; on a network it hands every identity and the
 * subsidy money to whoever is on the same Wi-Fi. So the local runner serves it on
 * loopback only, unless told explicitly.
 */
import { isIP } from 'node:net';

export const ALLOW_NETWORK_FLAG = 'ALLOW_DEV_LOGIN_ON_NETWORK';

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export class DevLoginExposedError extends Error {
  constructor(host: string) {
    super(
      `Refusing to start: HOST=${host} would let anyone on the network log in as any account (dev login, staff and admins included). ` +
        `Use HOST=127.0.0.1, or set ${ALLOW_NETWORK_FLAG}=1 if this network is yours alone (e.g. to try it from your own phone).`,
    );
    this.name = 'DevLoginExposedError';
  }
}

/** Throws unless serving dev login on `host` is safe or explicitly allowed. */
export function checkDevLoginHost(host: string, env: NodeJS.ProcessEnv = process.env): void {
  if (isLoopbackHost(host) || env[ALLOW_NETWORK_FLAG] === '1') return;
  throw new DevLoginExposedError(host);
}
