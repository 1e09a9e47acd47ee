/**
 * The employer's profile form without its page: the draft as typed to the body the API takes
 * and back, and each step's problems in words an employer reads. The rules are the contract's
 * own (shared/src/positions/employer.ts); this only says which step a field is on and how to
 * say what is wrong with it.
 */
import { employerContracts, type Employer, type EmployerKind, type LatLng, type User } from '@bangfu/shared';
import type { EmployerBody, EmployerChanges } from '../api/positions';
import { explainer, fieldIn, problemsOf } from '../forms';

export type Step = 'name' | 'region' | 'place' | 'contact';
export const STEPS: Step[] = ['name', 'region', 'place', 'contact'];

export type FieldKey = 'name' | 'kind' | 'regionCode' | 'location' | 'address' | 'contactName' | 'contactPhone' | 'description';
export const STEP_OF: Record<FieldKey, Step> = {
  name: 'name',
  kind: 'name',
  regionCode: 'region',
  location: 'place',
  address: 'place',
  contactName: 'contact',
  contactPhone: 'contact',
  description: 'contact',
};
export type Errors = Partial<Record<FieldKey, string>>;

export interface Draft {
  name: string;
  kind: EmployerKind | undefined;
  regionCode: string | undefined;
  location: LatLng | undefined;
  address: string;
  contactName: string;
  contactPhone: string;
  description: string;
}

/** The profile as stored, or a new one started from the account: its name if long enough, its township or village. */
export function draftOf(employer: Employer | null, user: Pick<User, 'displayName' | 'regionCode'>): Draft {
  return {
    name: employer?.name ?? (user.displayName.length >= 2 ? user.displayName : ''),
    kind: employer?.kind,
    regionCode: employer?.regionCode ?? (user.regionCode && user.regionCode.length >= 9 ? user.regionCode : undefined),
    location: employer?.location,
    address: employer?.address ?? '',
    contactName: employer?.contactName ?? '',
    contactPhone: employer?.contactPhone ?? '',
    description: employer?.description ?? '',
  };
}

/**
 * The body that creates the profile. Sound once no step has problems (`errorsAt`); before
 * that a choice left open is undefined here, which is what the checks find.
 */
export function bodyOf(draft: Draft): EmployerBody {
  return {
    name: draft.name.trim(),
    kind: draft.kind!,
    regionCode: draft.regionCode!,
    location: draft.location!,
    address: draft.address.trim(),
    contactName: draft.contactName.trim(),
    contactPhone: draft.contactPhone.trim(),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
  };
}

/**
 * The changes to a stored profile: the same fields but the kind, which only staff change; an
 * emptied description is sent empty, so clearing it clears it.
 */
export function changesOf(draft: Draft): EmployerChanges {
  const { kind: _kind, ...changes } = bodyOf(draft);
  return { ...changes, description: draft.description.trim() };
}

/** Which of the form's fields the API's `field` (`body.location.lat`…) names. */
export const keyOf = (field: string | undefined): FieldKey | undefined => fieldIn(STEP_OF, field);

/** What to say when a field is refused: the form's own words, plainer than the schema's. */
const MESSAGES: Record<FieldKey, string> = {
  name: '单位名称至少 2 个字',
  kind: '请选一个单位类型',
  regionCode: '请选单位所在的镇或村',
  location: '请在地图上选好单位的位置',
  address: '请写单位的地址，例如 金山镇工业园 3 号',
  contactName: '请写联系人的名字',
  contactPhone: '手机号应为 11 位数字，以 1 开头',
  description: '单位介绍最多写 500 个字',
};

// Hidden characters in a name, a point outside the country: the schema's words say it best.
const explain = explainer(
  keyOf,
  MESSAGES,
  (key, { code }) =>
    ((key === 'name' || key === 'contactName') && code === 'custom') || (key === 'location' && code !== 'invalid_type'),
);

/**
 * The problems of one step, by the create body's rules. An edit is checked by them too: its
 * draft keeps the stored kind, and the update body takes the other fields under the same rules.
 */
export function errorsAt(draft: Draft, step: Step): Errors {
  const issues = employerContracts.create.body?.safeParse(bodyOf(draft)).error?.issues ?? [];
  return problemsOf(issues, explain, (key) => STEP_OF[key] === step);
}
