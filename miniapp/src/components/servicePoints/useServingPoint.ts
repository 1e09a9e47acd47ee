/**
 * The service point that keeps the worker's record (servingPoint: their village's, else their
 * township's station, else the county's bureau), for facts only staff record: a name and a phone
 * to call instead of a dead end. Read only when `wanted`, from the public map of points around the
 * worker's village (a box inside the map's 1° limit).
 */
import { servingPoint } from '@bangfu/shared';
import { useEffect, useState } from 'react';
import { fetchRegion } from '../../api/regions';
import { fetchMyWorker } from '../../api/registry';
import { fetchServicePointsInBox, type MapServicePoint } from '../../api/servicePoints';

/** Half a side of the box read around the village, degrees: the county's bureau is rarely farther. */
const REACH = 0.45;

export function useServingPoint(wanted: boolean): MapServicePoint | undefined {
  const [point, setPoint] = useState<MapServicePoint>();
  useEffect(() => {
    if (!wanted) return undefined;
    let gone = false;
    (async () => {
      const worker = await fetchMyWorker();
      if (!worker) return;
      const { region } = await fetchRegion(worker.villageCode);
      if (!region.center) return;
      const { lat, lng } = region.center;
      const { points } = await fetchServicePointsInBox({
        minLat: lat - REACH,
        maxLat: lat + REACH,
        minLng: lng - REACH,
        maxLng: lng + REACH,
      });
      if (!gone) setPoint(servingPoint(points, worker.villageCode));
    })().catch(() => undefined); // without it the card still says who records the fact
    return () => {
      gone = true;
    };
  }, [wanted]);
  return point;
}
