/** The rules of subsidies paid to a worker for their own job-seeking, training and hardship. */
import type { Rule } from '../engine.js';

export const PERSONAL_RULES: readonly Rule[] = [];
