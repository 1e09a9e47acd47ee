import type { Principal, ProxyRef } from '@bangfu/shared';

/** 亲情服务: the family member acting, as stored on what they write in the worker's name; none when the worker acts. */
export function proxyRefOf(principal: Principal): ProxyRef | undefined {
  if (!principal.proxy) return undefined;
  const { linkId: _, ...proxy } = principal.proxy;
  return proxy;
}
