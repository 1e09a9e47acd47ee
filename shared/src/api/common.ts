/** What many contracts share: the staff roles, and the path parameters naming one stored thing. */
import * as z from 'zod';
import type { ScopedEntity } from '../auth/scope.js';
import { workerIdSchema } from '../registry/worker.js';

/** Staff and admins: the people who serve a region (their region is checked by the scope). */
export const STAFF = ['staff', 'admin'] as const;

export const workerIdParams = z.object({ workerId: workerIdSchema });
export const positionIdParams = z.object({ positionId: z.string().regex(/^p_[0-9a-f-]{36}$/, '不是岗位编号') });
export const employerIdParams = z.object({ employerId: z.string().regex(/^e_[0-9a-f-]{36}$/, '不是用人单位编号') });
export const batchIdParams = z.object({ batchId: z.string().regex(/^b_[0-9a-f-]{36}$/, '不是发放批次编号') });
export const claimIdParams = z.object({ claimId: z.string().regex(/^c_[A-Za-z0-9_-]{8,400}$/, '不是申领编号') });

/** Every list pages: an opaque cursor from the previous page and a page size. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Scope of a route about one stored object its path names: loaded once, checked against its owner. */
export const objectIn = <const E extends ScopedEntity, const K extends string>(entity: E, param: K) => ({
  kind: 'object' as const,
  entity,
  field: `params.${param}` as const,
  id: ({ params }: { params: Record<K, string> }) => params[param],
});

/** Scope of a route about the region one input field names (a list, a report, a new record in a village). */
export const regionIn = <const P extends 'params' | 'query' | 'body', const K extends string>(part: P, name: K) => ({
  kind: 'region' as const,
  field: `${part}.${name}` as const,
  region: (input: Record<P, Record<K, string>>) => input[part][name],
});
