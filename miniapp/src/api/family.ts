/**
 * 亲情服务 (contracts in shared/src/api/family.ts). Every call is made as the logged-in person
 * themself: the links are theirs to manage, and the server refuses them to anyone acting.
 */
import { familyContracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { clearActing, loadActing, saveActing, type Acting } from '../state/acting';
import { call, loadSession } from './client';

export type FamilyLinks = ResponseOf<typeof familyContracts.links>;
export type FamilyLinkView = FamilyLinks['helpers'][number];
export type FamilyActView = ResponseOf<typeof familyContracts.acts>['acts'][number];

const SELF = { asSelf: true } as const;

export const fetchFamily = (): Promise<FamilyLinks> => call(familyContracts.links, {}, SELF);

export const inviteFamily = () => call(familyContracts.invite, {}, SELF);

export async function acceptInvitation(body: BodyOf<typeof familyContracts.accept>): Promise<FamilyLinkView> {
  return (await call(familyContracts.accept, { body }, SELF)).link;
}

export async function confirmFamily(linkId: string): Promise<FamilyLinkView> {
  return (await call(familyContracts.confirm, { params: { linkId } }, SELF)).link;
}

/** Ends a link: the one helped ends it or says 不同意; the family member stops helping. */
export async function endFamily(linkId: string): Promise<void> {
  await call(familyContracts.end, { params: { linkId } }, SELF);
}

export const fetchFamilyActs = (cursor: string | undefined) =>
  call(familyContracts.acts, { query: cursor ? { cursor } : {} }, SELF);

/** 帮TA办事: the acting session, kept on this phone; the calls after it go in TA's name. */
export async function startActing(link: FamilyLinkView): Promise<Acting> {
  const helperUserId = loadSession()?.user.userId ?? '';
  const answer = await call(familyContracts.act, { params: { linkId: link.linkId } }, SELF);
  const acting: Acting = {
    token: answer.token,
    expiresAt: answer.expiresAt,
    linkId: link.linkId,
    userId: answer.user.userId,
    name: answer.link.workerName ?? answer.user.displayName,
    helperUserId,
  };
  saveActing(acting);
  return acting;
}

/** 退出: the server ends every acting session of the link, and this phone is the family member's own again. */
export async function stopActing(): Promise<void> {
  const acting = loadActing(loadSession()?.user.userId);
  if (!acting) return;
  try {
    await call(familyContracts.stop, { params: { linkId: acting.linkId } }, SELF);
  } finally {
    clearActing();
  }
}
