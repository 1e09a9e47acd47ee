/** The rules of subsidies for work on a post, for starting a business, and for employers, workshops and bases. */
import type { Rule } from '../engine.js';

export const BUSINESS_RULES: readonly Rule[] = [];
