/**
 * A region's subsidy standards (补贴标准): what holds today, where it was set and its
 * document; the region's admin proposes the region's own dated steps on the version read, and
 * another admin confirms them.
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
 * Propose the region's own steps of one standard (in force once another admin confirms them).
 * `version` is the one read (none when the region had no steps yet), `replaces` the waiting
 * proposal read (none when none waited): a 409 VERSION_CONFLICT when someone saved in between.
 */
export const saveParameterSteps = (
  regionCode: string,
  key: string,
  steps: ParameterStepInput[],
  read: { version: number | undefined; replaces: string | undefined },
) =>
  call(parameterContracts.setSteps, {
    params: { code: regionCode, key },
    body: {
      ...(read.version !== undefined ? { version: read.version } : {}),
      ...(read.replaces !== undefined ? { replaces: read.replaces } : {}),
      steps,
    },
  });

/** Put in force the proposed steps the admin saw (by when they were proposed): never one's own proposal. */
export const confirmParameterSteps = (regionCode: string, key: string, proposedAt: string) =>
  call(parameterContracts.confirmSteps, { params: { code: regionCode, key }, body: { proposedAt } });
