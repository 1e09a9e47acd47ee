/** The job map's two queries: positions near a point, and what a map box shows at a zoom. */
import * as z from 'zod';
import type { Bbox } from '../geo/geohash.js';
import { positionFiltersSchema } from './filters.js';
import { employerPublicSchema } from './employer.js';
import { positionCardSchema, positionSchema } from './position.js';

export const MAX_RADIUS_KM = 300;
/**
 * A box wider or taller than this (about 200 km, a region or more) is drawn from the map's
 * counts per cell rather than from its positions, so a province or the whole country answers
 * in one read.
 */
export const COUNTED_MAP_DEGREES = 2;

/** China's extent, GCJ-02: a point outside it is a mistake, not a place we serve. */
const CHINA = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 };
const latitude = z.coerce.number().min(CHINA.minLat, '纬度不在中国境内').max(CHINA.maxLat, '纬度不在中国境内');
const longitude = z.coerce.number().min(CHINA.minLng, '经度不在中国境内').max(CHINA.maxLng, '经度不在中国境内');

export const nearbyQuerySchema = positionFiltersSchema.extend({
  lat: latitude,
  lng: longitude,
  radiusKm: z.coerce.number().gt(0, '半径应大于 0').max(MAX_RADIUS_KM, `半径不能超过 ${MAX_RADIUS_KM} 公里`),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(512).optional(),
});
export type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

/** `bbox=minLng,minLat,maxLng,maxLat`, the order web maps use. */
export const bboxSchema = z.string().transform((text, ctx): Bbox => {
  const parts = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return fail('bbox 应为 最小经度,最小纬度,最大经度,最大纬度');
  const [minLng, minLat, maxLng, maxLat] = parts as [number, number, number, number];
  if (minLng >= maxLng || minLat >= maxLat) return fail('bbox 的最小值应小于最大值');
  if (minLat < CHINA.minLat || maxLat > CHINA.maxLat || minLng < CHINA.minLng || maxLng > CHINA.maxLng) {
    return fail('地图范围不在中国境内');
  }
  return { minLng, minLat, maxLng, maxLat };
});

export const mapQuerySchema = positionFiltersSchema.extend({
  bbox: bboxSchema,
  zoom: z.coerce.number().int().min(3).max(20),
});
export type MapQuery = z.infer<typeof mapQuerySchema>;

export const nearbyResponseSchema = z.object({
  positions: z.array(positionCardSchema.required({ distanceKm: true })),
  /** There is more while this is set: a page past the first may hold fewer than `limit` (at least half) and still have a next one. */
  nextCursor: z.string().optional(),
});
export type NearbyResponse = z.infer<typeof nearbyResponseSchema>;

export const clusterSchema = z.object({ cell: z.string(), lat: z.number(), lng: z.number(), count: z.number().int() });

export const mapResponseSchema = z.object({
  clusters: z.array(clusterSchema),
  markers: z.array(positionCardSchema),
  /** Positions in the box: the clusters' counts plus the markers. */
  total: z.number().int(),
  /**
   * Drawn from the map's counts (a box wider than COUNTED_MAP_DEGREES): clusters only, the
   * filters not applied yet, and a position past its last day counted until it closes.
   */
  counted: z.literal(true).optional(),
});
export type MapResponse = z.infer<typeof mapResponseSchema>;

/** One position with the employer behind it, for the detail page. */
export const positionDetailSchema = z.object({ position: positionSchema, employer: employerPublicSchema });
export type PositionDetail = z.infer<typeof positionDetailSchema>;
