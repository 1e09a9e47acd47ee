/**
 * Whose rule it is. Each document is one government's decision and holds only in its own
 * territory and time (DOMAIN.md, 'Whose rule it is'): a subsidy is in a region's catalogue
 * on a day only while a document that grants it holds there — a shipped one, or one a
 * region's admin recorded (a local document that continues a document of its own region,
 * 延续执行). The passage that grants it is what the worker reads beside the amount.
 */
import type { ParameterStep, Reference } from '../subsidies/parameters.js';
import { POLICY_DOCUMENTS, cite, type PolicyDocument, type PolicyDocumentId } from './documents.js';

/** A passage of a document that grants a subsidy; `until` where the passage ends sooner than its document. */
export interface Grant {
  policy: PolicyDocumentId;
  section: string;
  until?: string;
}

/** The dates something holds, both inclusive; open-ended without `until`. */
export interface InForce {
  from: string;
  until?: string;
}

/**
 * A document a region's admin recorded (地方文件): its own standards for amounts the documents
 * leave to local governments, and the documents of its region it continues (延续执行) beyond
 * their own end. Demo data is marked `demo`: an example is not a standard anyone decided.
 */
export interface LocalDocument {
  documentId: string;
  /** The region that issued it, which it governs: the recording admin's region. */
  regionCode: string;
  title: string;
  issuer: string;
  number?: string;
  /** The date it was issued (成文日期). */
  date: string;
  inForce: InForce;
  /** Shipped documents whose grants it continues in its region for its own period. */
  continues: PolicyDocumentId[];
  demo: boolean;
}

/** A region is within a jurisdiction when its code starts with the jurisdiction's (`15` holds 150222…). */
export const isWithinJurisdiction = (regionCode: string, jurisdiction: string): boolean => regionCode.startsWith(jurisdiction);

export const holdsOn = (inForce: InForce, date: string): boolean =>
  inForce.from <= date && (inForce.until === undefined || date <= inForce.until);

/** How a local document is cited: its title, its number when it has one, and 演示 for demo data. */
export function localCitation(document: LocalDocument, section: string): Reference {
  const number = document.number ? `，${document.number}` : '';
  return {
    document: `${document.title}（${document.issuer}${number}${document.demo ? '，演示数据' : ''}）`,
    section,
    policy: document.documentId,
  };
}

/** Where a local document's standards are written in it. */
export const STANDARDS_SECTION = '补贴标准';

/** The step a local document writes for one of its standards: from its first day, citing it; demo data says so. */
export const standardStep = (document: LocalDocument, value: number | null): ParameterStep => ({
  from: document.inForce.from,
  value,
  ...(document.demo ? { example: true } : {}),
  document: localCitation(document, STANDARDS_SECTION),
});

/** The shipped documents, each with its id. */
export const SHIPPED_POLICIES: readonly (PolicyDocument & { id: PolicyDocumentId })[] = Object.entries(POLICY_DOCUMENTS).map(
  ([id, document]) => ({ id: id as PolicyDocumentId, ...(document as PolicyDocument) }),
);

/** What holds for a region on a day: the shipped documents in force there, and the local ones continuing others. */
export interface Authorities {
  regionCode: string;
  date: string;
  /** Shipped documents in force here on the day, by their own dates. */
  shipped: ReadonlySet<PolicyDocumentId>;
  /** Local documents in force here on the day (of this region or above it), most specific first. */
  local: readonly LocalDocument[];
  /** Every policy id whose passages may be cited here: shipped in force, continued, and local. */
  cited: ReadonlySet<string>;
  /** Whether a policy holds here (is in `cited`): built once, handed to every parameter reading. */
  holds: (policy: string) => boolean;
}

const NO_LOCAL_DOCUMENTS: readonly LocalDocument[] = [];
/** Built once per set of local documents, region and day: a 免申即享 shard asks the same thousands of times. */
const built = new WeakMap<readonly LocalDocument[], Map<string, Authorities>>();
const BUILT_LIMIT = 100_000;

export function authoritiesFor(
  regionCode: string,
  date: string,
  localDocuments: readonly LocalDocument[] = NO_LOCAL_DOCUMENTS,
): Authorities {
  let byRegionDay = built.get(localDocuments);
  if (!byRegionDay) built.set(localDocuments, (byRegionDay = new Map()));
  const key = `${regionCode}|${date}`;
  let found = byRegionDay.get(key);
  if (!found) {
    if (byRegionDay.size >= BUILT_LIMIT) byRegionDay.clear();
    byRegionDay.set(key, (found = buildAuthorities(regionCode, date, localDocuments)));
  }
  return found;
}

function buildAuthorities(regionCode: string, date: string, localDocuments: readonly LocalDocument[]): Authorities {
  const shipped = new Set(
    SHIPPED_POLICIES.filter((p) => isWithinJurisdiction(regionCode, p.jurisdiction) && holdsOn(p.inForce, date)).map((p) => p.id),
  );
  const local = localDocuments
    .filter((d) => isWithinJurisdiction(regionCode, d.regionCode) && holdsOn(d.inForce, date))
    .sort((a, b) => b.regionCode.length - a.regionCode.length || b.inForce.from.localeCompare(a.inForce.from));
  const cited = new Set<string>([...shipped, ...local.flatMap((d) => [d.documentId, ...d.continues])]);
  return { regionCode, date, shipped, local, cited, holds: (policy) => cited.has(policy) };
}

/**
 * The passage under which a subsidy with these grants holds for the region on the day, or
 * undefined where none does: the most specific government's first (a county's continuation
 * before the province's own document), then the grant listed first.
 */
export function basisOf(grants: readonly Grant[], authorities: Authorities): Reference | undefined {
  const { date } = authorities;
  const open = grants.filter((grant) => grant.until === undefined || date <= grant.until);
  let best: { reference: Reference; specificity: number } | undefined;
  const consider = (reference: Reference, specificity: number) => {
    if (!best || specificity > best.specificity) best = { reference, specificity };
  };
  for (const grant of open) {
    const document = POLICY_DOCUMENTS[grant.policy] as PolicyDocument;
    if (authorities.shipped.has(grant.policy)) consider(cite(grant.policy, grant.section), document.jurisdiction.length);
    const continuing = authorities.local.find((d) => d.continues.includes(grant.policy));
    if (continuing) {
      consider(
        localCitation(continuing, `延续执行${document.title}（文件 ${grant.policy}）${grant.section}`),
        continuing.regionCode.length,
      );
    }
  }
  return best?.reference;
}
