/** Every contract of the API, once: the app must mount each exactly once (tests/api/authorisationMatrix.test.ts). */
import { alertContracts } from './alerts.js';
import { authContracts } from './auth.js';
import { codeContracts, eventContracts } from './codes.js';
import type { AnyContract } from './contract.js';
import { familyContracts } from './family.js';
import { matchingContracts } from './matching.js';
import { monitoringContracts } from './monitoring.js';
import { applicationContracts, employerContracts, positionContracts } from './positions.js';
import { policyContracts } from './policies.js';
import { regionContracts } from './regions.js';
import { reliefWorkContracts } from './reliefWork.js';
import { employmentContracts, importContracts, registryContracts, reportContracts } from './registry.js';
import { servicePointContracts } from './servicePoints.js';
import { parameterContracts, paymentContracts, subsidyContracts } from './subsidies.js';
import { accountContracts } from './users.js';
import { welfarePostContracts } from './welfarePosts.js';

export const API_CONTRACTS: readonly AnyContract[] = [
  authContracts,
  accountContracts,
  regionContracts,
  registryContracts,
  employmentContracts,
  reportContracts,
  importContracts,
  employerContracts,
  positionContracts,
  applicationContracts,
  matchingContracts,
  alertContracts,
  subsidyContracts,
  parameterContracts,
  policyContracts,
  paymentContracts,
  codeContracts,
  eventContracts,
  monitoringContracts,
  welfarePostContracts,
  reliefWorkContracts,
  servicePointContracts,
  familyContracts,
].flatMap((group) => Object.values(group) as AnyContract[]);
