/**
 * A region's subsidy standards (补贴标准): what holds today, where it was set and its
 * document; the region's admin sets the region's own dated steps on the version read.
 * Shapes: functions/src/subsidies/parameterRoutes.ts. Amounts in fen, ratios 0–1.
 */
import type { ParameterUnit, Reference } from '@bangfu/shared';
import { request } from './client';

const enc = encodeURIComponent;

/** One dated step: the value from that day on; `null` stops the standard in the region. */
export interface ParameterStepInput {
  from: string;
  value: number | null;
}

export type ParameterReadingView =
  | { status: 'value'; value: number; from: string; until?: string; setIn: string; example: boolean }
  | { status: 'ended'; since: string; setIn: string }
  | { status: 'missing' };

export interface ParameterView {
  key: string;
  label: string;
  unit: ParameterUnit;
  reference: Reference;
  /** The documents fix it: nobody in a region may change it. */
  fixedByPolicy: boolean;
  today: ParameterReadingView;
  /** The steps this region set itself, with their version. */
  own?: { steps: ParameterStepInput[]; version: number; updatedBy: string; updatedAt: string };
}

export async function fetchParameters(regionCode: string): Promise<ParameterView[]> {
  return (await request<{ parameters: ParameterView[] }>(`/v1/regions/${enc(regionCode)}/parameters`)).parameters;
}

/**
 * Replace the region's own steps of one standard. `version` is the one read (none when the
 * region had no steps yet): a 409 VERSION_CONFLICT when someone saved in between.
 */
export function saveParameterSteps(
  regionCode: string,
  key: string,
  steps: ParameterStepInput[],
  version: number | undefined,
): Promise<{ steps: ParameterStepInput[]; version: number }> {
  return request(`/v1/regions/${enc(regionCode)}/parameters/${enc(key)}`, {
    method: 'PUT',
    body: { ...(version !== undefined ? { version } : {}), steps },
  });
}
