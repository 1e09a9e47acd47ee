/**
 * 招聘会 (contracts in shared/src/api/codes.ts, eventContracts): staff hold one in their region
 * and print its check-in poster; its code opens the event's public page, where a bound worker
 * checks in (签到) once; staff see who came.
 */
import { eventContracts as contracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type EventBody = BodyOf<typeof contracts.create>;
export type RecruitmentEventRow = ResponseOf<typeof contracts.list>['events'][number];
export type PublicEvent = ResponseOf<typeof contracts.show>;
export type CheckInResult = ResponseOf<typeof contracts.checkIn>;
export type Attendee = ResponseOf<typeof contracts.attendance>['attendees'][number];

/** Staff: hold an event in their region (400 with the field when a value is wrong). */
export const createEvent = (body: EventBody) => call(contracts.create, { body });
/** Staff: the events of a region, a page at a time. */
export const fetchEvents = (regionCode: string, cursor?: string) =>
  call(contracts.list, { query: { regionCode, limit: 20, cursor } });
/** Anyone: the event a poster's code leads to, its positions and whether it is still open. */
export const fetchEvent = (eventId: string) => call(contracts.show, { params: { eventId } });
/** Worker: 签到 (404 when the account is not bound to a registry record yet). */
export const checkIn = (eventId: string) => call(contracts.checkIn, { params: { eventId } });
/** Staff of its region: who checked in, newest first. */
export const fetchAttendance = (eventId: string, cursor?: string) =>
  call(contracts.attendance, { params: { eventId }, query: { limit: 20, cursor } });

/** The check-in poster (PNG), for openFile. */
export const eventPosterPath = (eventId: string) => `/api/v1/events/${eventId}/poster`;
