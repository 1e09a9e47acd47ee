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
