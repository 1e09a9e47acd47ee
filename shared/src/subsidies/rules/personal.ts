/** The rules of subsidies paid to a worker for their own job-seeking, training and hardship. */
import type { Rule } from '../engine.js';
import { jobSeekingOnce } from './jobSeekingOnce.js';
import { skillCertificate } from './skillCertificate.js';
import { temporaryRelief } from './temporaryRelief.js';
import { training } from './training.js';
import { trainingLiving } from './trainingLiving.js';
import { transportOnce } from './transportOnce.js';
import { yuluEducation } from './yuluEducation.js';

export { jobSeekingOnce, skillCertificate, temporaryRelief, training, trainingLiving, transportOnce, yuluEducation };

export const PERSONAL_RULES: readonly Rule[] = [
  transportOnce,
  jobSeekingOnce,
  training,
  trainingLiving,
  skillCertificate,
  yuluEducation,
  temporaryRelief,
];
