/**
 * A service point as its form holds it while staff type, in short sections (名称和类型, 电话和地址,
 * 办公时间, 可以办的事, 位置): a new point walks through them all, a change edits one. What is sent is
 * checked with the API's own schemas (servicePointInputSchema, servicePointUpdateSchema).
 */
import {
  kindRegionProblem,
  SERVICE_POINT_KINDS,
  type LatLng,
  type ServicePointKind,
  type ServiceTag,
  type Weekday,
} from '@bangfu/shared';
import type { StaffServicePoint } from '../../api/servicePoints';

export interface SlotDraft {
  days: Weekday[];
  /** HH:MM, as the time picker gives it. */
  open: string;
  close: string;
}

export interface PointDraft {
  kind?: ServicePointKind;
  name: string;
  regionCode?: string;
  address: string;
  phone: string;
  location?: LatLng;
  slots: SlotDraft[];
  note: string;
  services: ServiceTag[];
}

export const SECTIONS = [
  { key: 'what', title: '名称和类型', fields: ['kind', 'name', 'regionCode'] },
  { key: 'contact', title: '电话和地址', fields: ['phone', 'address'] },
  { key: 'hours', title: '办公时间', fields: ['hours'] },
  { key: 'services', title: '可以办的事', fields: ['services'] },
  { key: 'place', title: '地图上的位置', fields: ['location'] },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

/** For a new point: which step asks each field (its section's place). */
export const STEP_OF: Record<string, number> = Object.fromEntries(
  SECTIONS.flatMap((section, i) => section.fields.map((field) => [field, i + 1])),
);

/** For a change of one section: every field on its one screen (the others, unchanged, are valid as stored). */
export const ONE_STEP: Record<string, number> = Object.fromEntries(Object.keys(STEP_OF).map((field) => [field, 1]));

const WORKDAYS: Weekday[] = [1, 2, 3, 4, 5];

/** A new point starts with the hours most offices keep. */
export function emptyDraft(): PointDraft {
  return {
    name: '',
    address: '',
    phone: '',
    slots: [
      { days: WORKDAYS, open: '08:30', close: '12:00' },
      { days: WORKDAYS, open: '14:30', close: '17:30' },
    ],
    note: '节假日休息',
    services: ['jobRegistration', 'subsidyClaims'],
  };
}

export function draftOf(point: StaffServicePoint): PointDraft {
  return {
    kind: point.kind,
    name: point.name,
    regionCode: point.regionCode,
    address: point.address,
    phone: point.phone,
    location: point.location,
    slots: point.hours.weekly.map((slot) => ({ ...slot, days: [...slot.days] })),
    note: point.hours.note ?? '',
    services: [...point.services],
  };
}

const hoursOf = (draft: PointDraft) => ({
  weekly: draft.slots,
  ...(draft.note.trim() ? { note: draft.note } : {}),
});

/** What a new point sends. */
export const inputOf = (draft: PointDraft) => ({
  kind: draft.kind,
  name: draft.name,
  regionCode: draft.regionCode,
  address: draft.address,
  location: draft.location,
  phone: draft.phone,
  hours: hoursOf(draft),
  services: draft.services,
});

/** What a change sends: everything but the region, on the version read. */
export const changeOf = (draft: PointDraft, version: number) => {
  const { regionCode: _, ...fields } = inputOf(draft);
  return { ...fields, version };
};

/**
 * The kinds an officer may add, by the level of their region: a county all four; a township its
 * station, its villages' points and a 零工驿站; a village its point and a 零工驿站.
 */
export function kindsFor(accountRegion: string): ServicePointKind[] {
  return SERVICE_POINT_KINDS.filter((kind) => {
    if (kind === 'countyBureau') return accountRegion.length === 6;
    if (kind === 'townshipStation') return accountRegion.length <= 9;
    return true;
  });
}

/** The kinds a stored point may become: those that fit its region's level. */
export const kindsFitting = (regionCode: string) => SERVICE_POINT_KINDS.filter((kind) => !kindRegionProblem(kind, regionCode));

/**
 * Where a point of `kind` goes: the officer's own region when the kind fits it, else a township
 * (a county officer's station) or a village they choose.
 */
export function regionAsked(kind: ServicePointKind, accountRegion: string): 'own' | 'township' | 'village' {
  if (!kindRegionProblem(kind, accountRegion)) return 'own';
  return kind === 'townshipStation' ? 'township' : 'village';
}
