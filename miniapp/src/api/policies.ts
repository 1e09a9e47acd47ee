/**
 * A region's policy documents (政策文件): those that govern it, shipped and recorded, with
 * their dates and what each grants; the local standards it still owes; and an admin
 * recording a local document. Contracts: shared/src/api/policies.ts.
 */
import { policyContracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type RegionPolicies = ResponseOf<typeof policyContracts.list>;
export type PolicyView = RegionPolicies['policies'][number];
export type OwedStandardView = RegionPolicies['owed'][number];
export type LocalDocumentBody = BodyOf<typeof policyContracts.record>;

export const fetchPolicies = (regionCode: string) => call(policyContracts.list, { params: { code: regionCode } });

/** Records the document, waiting for another admin to confirm it; a bad field answers 400 naming it. */
export const recordLocalDocument = (regionCode: string, body: LocalDocumentBody) =>
  call(policyContracts.record, { params: { code: regionCode }, body });

export type WaitingDocumentView = RegionPolicies['waiting'][number];

/** Another admin puts a recorded document in force, with the standards it sets. */
export const confirmLocalDocument = (regionCode: string, documentId: string) =>
  call(policyContracts.confirm, { params: { code: regionCode, documentId } });
