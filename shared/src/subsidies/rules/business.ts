/** The rules of subsidies for work on a post, for starting a business, and for employers, workshops and bases. */
import type { Rule } from '../engine.js';
import { baseReward } from './baseReward.js';
import { publicWelfarePost } from './publicWelfarePost.js';
import { socialInsuranceEmployer, socialInsuranceFlexible } from './socialInsurance.js';
import { startupLoanInterest } from './startupLoanInterest.js';
import { startupOnce } from './startupOnce.js';
import { workBasedTraining } from './workBasedTraining.js';
import { workshopReward } from './workshopReward.js';

export {
  baseReward,
  publicWelfarePost,
  socialInsuranceEmployer,
  socialInsuranceFlexible,
  startupLoanInterest,
  startupOnce,
  workBasedTraining,
  workshopReward,
};

export const BUSINESS_RULES: readonly Rule[] = [
  workBasedTraining,
  socialInsuranceEmployer,
  socialInsuranceFlexible,
  publicWelfarePost,
  startupOnce,
  startupLoanInterest,
  workshopReward,
  baseReward,
];
