/**
 * The numbers of 人岗匹配: how far "near home" is, how the soft factors are weighted and
 * how each one decays. One place, so the scorer, the index and the tests agree.
 */
import type { Factor } from './types.js';

/**
 * "Near home" (travel scope `local`, and the radius every wider scope also accepts):
 * a 15 km ride on an electric bike or a township bus, about half an hour, the distance a
 * worker can go home from every evening. It is also the distance decay's scale.
 */
export const LOCAL_RADIUS_KM = 15;

// Weights: how a rural worker weighs a job (how far, can I do it, what it pays first).
const W_DISTANCE = 0.35;
const W_SKILL = 0.2;
const W_PAY = 0.15;
const W_ACCOMMODATION = 0.05;
const W_RECENCY = 0.05;
const W_EMPLOYER_KIND = 0.1;
const W_PRIORITY = 0.1;

/** The weight of each factor (they sum to 1, so a score is 0..1). */
export const WEIGHTS: Readonly<Record<Factor, number>> = Object.freeze({
  distance: W_DISTANCE,
  skill: W_SKILL,
  pay: W_PAY,
  accommodation: W_ACCOMMODATION,
  recency: W_RECENCY,
  employerKind: W_EMPLOYER_KIND,
  priority: W_PRIORITY,
});

/** The weights in FACTORS order, for the hot loop (index i ↔ FACTORS[i]). */
export const WEIGHT_VECTOR: readonly number[] = [
  W_DISTANCE,
  W_SKILL,
  W_PAY,
  W_ACCOMMODATION,
  W_RECENCY,
  W_EMPLOYER_KIND,
  W_PRIORITY,
];

/**
 * Distance decay, Elasticsearch function_score `gauss` (origin: home): full score within
 * `offset`, half of it at offset + scale, i.e. exp(-max(0, d − offset)² / (2σ²)) with
 * σ² = −scale² / (2 ln decay).
 */
export const DISTANCE_OFFSET_KM = 1;
export const DISTANCE_SCALE_KM = LOCAL_RADIUS_KM;
export const DISTANCE_DECAY = 0.5;
/** −1 / (2σ²) = ln(decay) / scale². */
export const DISTANCE_EXPONENT = Math.log(DISTANCE_DECAY) / (DISTANCE_SCALE_KM * DISTANCE_SCALE_KM);

/** Beyond a daily commute (there and back on a township bus): a worker must sleep there, so 包住 matters. */
export const DAILY_COMMUTE_KM = 30;

/** Recency halves every 30 days since the position was posted. */
export const RECENCY_HALF_LIFE_DAYS = 30;
/** Posted within this many days: "新发布". */
export const NEW_POSITION_DAYS = 3;

/**
 * Without an expectation, pay is scored against a rural reference wage of 4000 yuan a
 * month (about what a 农民工 earns locally in the north-west; higher pay scores 1).
 */
export const REFERENCE_MONTHLY_PAY_FEN = 400_000;
/** Piece work has no monthly figure: neither good nor bad. */
export const PIECE_PAY_SCORE = 0.5;

/** Skill fit when the worker knows a related trade, and when the work needs no experience. */
export const RELATED_SKILL_SCORE = 0.6;
export const GENERAL_LABOUR_SCORE = 0.5;
