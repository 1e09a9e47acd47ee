/**
 * The service points (就业服务网点) in the map's box, read again as the map moves; none when the
 * map shows more than the 1° the API answers for (the province view shows jobs only).
 */
import { useEffect, useMemo, useState } from 'react';
import { fetchServicePointsInBox, type MapServicePoint } from '../../../api/servicePoints';
import type { MapPlace, MapView } from '../../../components/map/types';

export function useMapServicePoints(view: MapView | null) {
  const [points, setPoints] = useState<MapServicePoint[]>([]);
  useEffect(() => {
    if (!view) return undefined;
    let gone = false;
    fetchServicePointsInBox(view.bbox, { max: 100 })
      .then(({ points: found }) => !gone && setPoints(found))
      .catch(() => !gone && setPoints([])); // the jobs still show; the points come with the next move
    return () => {
      gone = true;
    };
  }, [view]);
  const places = useMemo<MapPlace[]>(() => points.map((p) => ({ id: p.pointId, name: p.name, location: p.location })), [points]);
  return { places, pointOf: (id: string) => points.find((p) => p.pointId === id) };
}
