/**
 * Short village names (e.g. 东河村) for the 12-digit codes on worker records, read
 * once per township from GET /v1/regions/:township and kept for the visit; a county's
 * (a payment batch's task) from its own.
 */
import { fetchRegion } from './api/regions';

const names = new Map<string, string>();
const loading = new Map<string, Promise<void>>();

function loadRegion(regionCode: string): Promise<void> {
  let pending = loading.get(regionCode);
  if (!pending) {
    pending = fetchRegion(regionCode)
      .then(({ region, children }) => {
        names.set(region.code, region.name);
        for (const child of children) names.set(child.code, child.name);
      })
      .catch(() => {
        // Not fatal: the code is shown instead. Try again next time.
        loading.delete(regionCode);
      });
    loading.set(regionCode, pending);
  }
  return pending;
}

/**
 * Names for these village codes — or township codes, where an employer's claim sits, or county
 * codes, where a county's payment batch does (those it could find).
 */
export async function villageNames(villageCodes: readonly string[]): Promise<Map<string, string>> {
  const read = new Set(villageCodes.filter((c) => c.length >= 6).map((c) => (c.length === 6 ? c : c.slice(0, 9))));
  await Promise.all([...read].map(loadRegion));
  return new Map(names);
}

const CODE_LABEL: Record<number, string> = { 6: '旗县', 9: '乡镇' };

/** The name if known already, else the code. */
export function villageName(code: string, known: ReadonlyMap<string, string>): string {
  return known.get(code) ?? `${CODE_LABEL[code.length] ?? '村'}代码 ${code}`;
}

const regionNamesByCode = new Map<string, string>();

/** Short names (内蒙古自治区, 包头市, 固阳县…) of these region codes, read once each; those it could find. */
export async function regionNames(codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)].filter((code) => code && !regionNamesByCode.has(code));
  await Promise.all(
    wanted.map((code) =>
      fetchRegion(code)
        .then(({ region }) => {
          regionNamesByCode.set(code, region.name);
        })
        .catch(() => undefined),
    ),
  );
  return new Map(regionNamesByCode);
}
