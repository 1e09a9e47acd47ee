/**
 * What a region's staff see of its policies: every document that governs it (its own and
 * those of the regions above it), shipped or recorded, with its status today and what it
 * grants; and the local standards it still owes — a subsidy granted there today whose
 * amount the documents leave to local governments and nobody here or above has set.
 */
import { SUBSIDY_NAME_ZH, type SubsidyId } from '../subsidies/catalogue.js';
import { grantedBy, type ParameterSource, type Rule } from '../subsidies/engine.js';
import {
  isFixedFor,
  MissingParameterError,
  readParameterShared,
  type ParameterUnit,
  type Reference,
} from '../subsidies/parameters.js';
import { POLICY_DOCUMENTS, type PolicyDocumentId } from './documents.js';
import {
  authoritiesFor,
  holdsOn,
  isWithinJurisdiction,
  SHIPPED_POLICIES,
  type InForce,
  type LocalDocument,
} from './jurisdiction.js';

export type PolicyStatus = 'inForce' | 'ended' | 'notYet';

export const statusOn = (inForce: InForce, date: string): PolicyStatus =>
  holdsOn(inForce, date) ? 'inForce' : date < inForce.from ? 'notYet' : 'ended';

export interface RegionPolicy {
  policy: string;
  kind: 'shipped' | 'local';
  title: string;
  issuer: string;
  number?: string;
  date?: string;
  jurisdiction: string;
  inForce: InForce;
  inForceBasis?: string;
  status: PolicyStatus;
  demo: boolean;
  grants: { subsidy: SubsidyId; name: string; section: string; until?: string }[];
  continues: PolicyDocumentId[];
}

/** The subsidies each shipped document's passages grant. */
function grantsOf(rules: readonly Rule[], policy: PolicyDocumentId): RegionPolicy['grants'] {
  return rules.flatMap((rule) =>
    rule.grants
      .filter((grant) => grant.policy === policy)
      .map((grant) => ({
        subsidy: rule.id,
        name: SUBSIDY_NAME_ZH[rule.id],
        section: grant.section,
        ...(grant.until ? { until: grant.until } : {}),
      })),
  );
}

/**
 * The documents that govern `regionCode` — its own and those of every region above it — most
 * specific first, then the newest: shipped ones by their own dates, recorded ones as recorded.
 */
export function policiesOfRegion(
  rules: readonly Rule[],
  regionCode: string,
  localDocuments: readonly LocalDocument[],
  today: string,
): RegionPolicy[] {
  const shipped: RegionPolicy[] = SHIPPED_POLICIES.filter((p) => isWithinJurisdiction(regionCode, p.jurisdiction)).map((p) => ({
    policy: p.id,
    kind: 'shipped',
    title: p.fullTitle,
    issuer: p.issuer,
    ...(p.number ? { number: p.number } : {}),
    ...(p.date ? { date: p.date } : {}),
    jurisdiction: p.jurisdiction,
    inForce: p.inForce,
    inForceBasis: p.inForceBasis,
    status: statusOn(p.inForce, today),
    demo: false,
    grants: grantsOf(rules, p.id),
    continues: [],
  }));
  const local: RegionPolicy[] = localDocuments
    .filter((d) => isWithinJurisdiction(regionCode, d.regionCode))
    .map((d) => ({
      policy: d.documentId,
      kind: 'local',
      title: d.title,
      issuer: d.issuer,
      ...(d.number ? { number: d.number } : {}),
      date: d.date,
      jurisdiction: d.regionCode,
      inForce: d.inForce,
      status: statusOn(d.inForce, today),
      demo: d.demo,
      grants: d.continues.flatMap((id) =>
        grantsOf(rules, id).map((g) => ({ ...g, section: `延续执行文件 ${id}（${POLICY_DOCUMENTS[id].title}）${g.section}` })),
      ),
      continues: d.continues,
    }));
  return [...local, ...shipped].sort(
    (a, b) => b.jurisdiction.length - a.jurisdiction.length || b.inForce.from.localeCompare(a.inForce.from),
  );
}

export interface OwedStandard {
  key: string;
  label: string;
  unit: ParameterUnit;
  subsidies: { subsidy: SubsidyId; name: string }[];
  reference: Reference;
}

/**
 * The local standards `regionCode` owes on `today`: for every subsidy granted there, each
 * standard the documents leave to local governments that has no value for it (当地标准还没有公布).
 */
export function owedStandards(
  rules: readonly Rule[],
  parameters: ParameterSource,
  regionCode: string,
  localDocuments: readonly LocalDocument[],
  today: string,
): OwedStandard[] {
  const authorities = authoritiesFor(regionCode, today, localDocuments);
  const owed = new Map<string, OwedStandard>();
  for (const rule of rules) {
    const basis = grantedBy(rule, authorities);
    if (!basis) continue;
    for (const key of Object.keys(rule.parameters)) {
      const definition = parameters.definitions[key];
      if (!definition || isFixedFor(definition, regionCode)) continue;
      try {
        readParameterShared(parameters.definitions, parameters.table, key, regionCode, today);
      } catch (error) {
        if (!(error instanceof MissingParameterError)) throw error;
        const entry = owed.get(key) ?? { key, label: definition.label, unit: definition.unit, subsidies: [], reference: basis };
        entry.subsidies.push({ subsidy: rule.id, name: SUBSIDY_NAME_ZH[rule.id] });
        owed.set(key, entry);
      }
    }
  }
  return [...owed.values()];
}
