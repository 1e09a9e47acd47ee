/** Every subsidy rule, in the catalogue's order. */
import { SUBSIDY_IDS } from '../catalogue.js';
import type { Rule } from '../engine.js';
import { agencyTransferService, firstTransferOf, transferPeriodKey } from './agencyTransferService.js';
import { BUSINESS_RULES } from './business.js';
import { PERSONAL_RULES } from './personal.js';

export { agencyTransferService, firstTransferOf, transferPeriodKey };
// Each rule by name, with its group's list (PERSONAL_RULES, BUSINESS_RULES).
export * from './personal.js';
export * from './business.js';

export const RULES: readonly Rule[] = [agencyTransferService, ...PERSONAL_RULES, ...BUSINESS_RULES].sort(
  (a, b) => SUBSIDY_IDS.indexOf(a.id) - SUBSIDY_IDS.indexOf(b.id),
);
