/** 乡村公益性岗位 (contracts in shared/src/api/welfarePosts.ts): set up, listed, candidates, taking on. */
import { welfarePostContracts as contracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type PostView = ResponseOf<typeof contracts.get>['post'];
export type PostDetail = ResponseOf<typeof contracts.get>;
export type PostCandidate = ResponseOf<typeof contracts.candidates>['candidates'][number];
export type NewPost = BodyOf<typeof contracts.create>;

export const fetchPosts = (regionCode: string, cursor?: string) =>
  call(contracts.list, { query: { regionCode, limit: 20, cursor } });
export const fetchPost = (postId: string) => call(contracts.get, { params: { postId } });
export const fetchPostCandidates = (postId: string) => call(contracts.candidates, { params: { postId }, query: { limit: 20 } });
export const createPost = (body: NewPost) => call(contracts.create, { body });
export const takeOn = (postId: string, body: BodyOf<typeof contracts.hire>) => call(contracts.hire, { params: { postId }, body });

/** 在岗领补: a post's month, the supervisor's record of it, the township's month with its flags, the holder's own. */
export type StaffLine = ResponseOf<typeof contracts.postAttendance>['lines'][number];
export type PostHolder = ResponseOf<typeof contracts.postAttendance>['holders'][number];
export type IntegrityFlagView = ResponseOf<typeof contracts.month>['flags'][number];
export type MyPost = ResponseOf<typeof contracts.mine>;
export type OwnLine = MyPost['lines'][number];

export const fetchPostAttendance = (postId: string, month: string) =>
  call(contracts.postAttendance, { params: { postId, month } });
export const recordAttendance = (postId: string, month: string, body: BodyOf<typeof contracts.recordAttendance>) =>
  call(contracts.recordAttendance, { params: { postId, month }, body });
export const fetchPostMonth = (regionCode: string, month: string, cursor?: string) =>
  call(contracts.month, { params: { month }, query: { regionCode, limit: 50, cursor } });
export const clearFlag = (postId: string, body: BodyOf<typeof contracts.clearFlag>) =>
  call(contracts.clearFlag, { params: { postId }, body });
export const fetchMyPost = () => call(contracts.mine, {});
export const answerAttendance = (month: string, body: BodyOf<typeof contracts.answer>) =>
  call(contracts.answer, { params: { month }, body });
export const leavePost = (postId: string, workerId: string, body: BodyOf<typeof contracts.leave>) =>
  call(contracts.leave, { params: { postId, workerId }, body });
