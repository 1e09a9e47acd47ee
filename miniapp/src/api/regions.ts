/** Administrative divisions (contract in shared/src/api/regions.ts): public, cached by callers. */
import { regionContracts, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type { Region } from '@bangfu/shared';

/** A region and its children (a township and its villages). */
export const fetchRegion = (code: string): Promise<ResponseOf<typeof regionContracts.get>> =>
  call(regionContracts.get, { params: { code } });
