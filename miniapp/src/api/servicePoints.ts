/** 就业服务网点 (contracts in shared/src/api/servicePoints.ts): the map's layer, and staff keeping their region's. */
import { servicePointBoxFits, servicePointContracts as contracts, type Bbox, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

/** A point as the map shows it: hours, phone, whether open when read; nothing of who keeps it. */
export type MapServicePoint = ResponseOf<typeof contracts.inBox>['points'][number];
/** A point as its staff keep it, with its version. */
export type StaffServicePoint = ResponseOf<typeof contracts.inRegion>['points'][number];
export type NewServicePoint = BodyOf<typeof contracts.create>;
export type ServicePointChange = BodyOf<typeof contracts.update>;

export interface ServicePointsInBox {
  points: MapServicePoint[];
  /** The box is wider than the API reads (SERVICE_POINT_BOX_DEGREES a side): zoom in to see points. Nothing was asked. */
  tooLarge: boolean;
  /** More points than `max` lie in the box; those shown are the first `max`. */
  more: boolean;
}

const PAGE = 100;

/**
 * The service points in the map's box (GCJ-02), page after page up to `max`. Asked without the
 * session (the map is public, and a public read needs no account read on the server).
 */
export async function fetchServicePointsInBox(box: Bbox, { max = 300 }: { max?: number } = {}): Promise<ServicePointsInBox> {
  if (!servicePointBoxFits(box)) return { points: [], tooLarge: true, more: false };
  const points: MapServicePoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(
      contracts.inBox,
      { query: { ...box, limit: Math.min(PAGE, max - points.length), cursor } },
      { anonymous: true },
    );
    points.push(...page.points);
    cursor = page.nextCursor;
  } while (cursor && points.length < max);
  return { points, tooLarge: false, more: cursor !== undefined };
}

export const fetchRegionServicePoints = (code: string, cursor?: string) =>
  call(contracts.inRegion, { params: { code }, query: { limit: 20, cursor } });
export const createServicePoint = (body: NewServicePoint) => call(contracts.create, { body });
export const updateServicePoint = (pointId: string, body: ServicePointChange) =>
  call(contracts.update, { params: { pointId }, body });
export const removeServicePoint = (pointId: string, version: number) =>
  call(contracts.remove, { params: { pointId }, query: { version } });
