/**
 * A region's subsidy standards (补贴标准): what holds today, where it was set and its
 * document; the region's admin sets the region's own dated steps on the version read.
 * Contracts: shared/src/api/subsidies.ts. Amounts in fen, ratios 0–1.
 */
import { parameterContracts, type ResponseOf, type BodyOf } from '@bangfu/shared';
import { call } from './client';

export type ParameterView = ResponseOf<typeof parameterContracts.list>['parameters'][number];
/** One dated step: the value from that day on; `null` stops the standard in the region. */
export type ParameterStepInput = BodyOf<typeof parameterContracts.setSteps>['steps'][number];

export async function fetchParameters(regionCode: string): Promise<ParameterView[]> {
  return (await call(parameterContracts.list, { params: { code: regionCode } })).parameters;
}

/**
 * Replace the region's own steps of one standard. `version` is the one read (none when the
 * region had no steps yet): a 409 VERSION_CONFLICT when someone saved in between.
 */
export const saveParameterSteps = (regionCode: string, key: string, steps: ParameterStepInput[], version: number | undefined) =>
  call(parameterContracts.setSteps, {
    params: { code: regionCode, key },
    body: { ...(version !== undefined ? { version } : {}), steps },
  });
