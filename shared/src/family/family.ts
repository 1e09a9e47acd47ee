/**
 * 亲情服务: an adult family member, with the worker's consent given on the worker's own
 * account, acts for them — sees their jobs and subsidies, applies and claims in their name —
 * and every act is recorded as 由 X 代办. The worker can end it at any time.
 *
 * The worker invites (a short-lived single-use code), the family member accepts it on their
 * own account (name, relation, adult), and the link works only once the worker confirms it on
 * theirs. Acting is a short session on the worker's account naming the family member
 * (Principal.proxy), checked against the link on every request.
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';

/** 子女 / 配偶 / 父母 / 兄弟姐妹 / 其他亲属 */
export const FAMILY_RELATIONS = ['child', 'spouse', 'parent', 'sibling', 'otherRelative'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];
export const FAMILY_RELATION_ZH: Record<FamilyRelation, string> = {
  child: '子女',
  spouse: '配偶',
  parent: '父母',
  sibling: '兄弟姐妹',
  otherRelative: '其他亲属',
};

/** Family members who may act for one worker at once (pending ones awaiting the worker count too). */
export const MAX_HELPERS = 2;
/** People one family member may act for at once. */
export const MAX_HELPING = 3;
/** An invitation code works this long, once. */
export const INVITATION_MINUTES = 30;
/** An accepted invitation waits this long for the worker's 同意, then lapses. */
export const PENDING_HOURS = 24;
/** One acting session: short, so a phone left unlocked does not stay in the worker's name. */
export const ACTING_MINUTES = 30;
/** The age from which someone may act for another (18 周岁). */
export const ADULT_AGE = 18;

/** Eight digits: read out over the phone or typed from the worker's screen. */
export const invitationCodeSchema = z
  .string()
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{8}$/, '邀请码是 8 位数字'));

/** A link's id names the worker's account it belongs to, so one read finds it (like a claim's id). */
export const familyLinkIdSchema = z.string().regex(/^f_[A-Za-z0-9_-]{1,200}\.[0-9a-f]{32}$/, '不是亲情服务编号');

/** pending: accepted, awaiting the worker's 同意 · active: the family member may act · ended: by either, or declined. */
export const FAMILY_LINK_STATUSES = ['pending', 'active', 'ended'] as const;
export type FamilyLinkStatus = (typeof FAMILY_LINK_STATUSES)[number];

/** Who did something in the worker's name: stored on what they did and shown as 由 X 代办. */
export const proxyRefSchema = z.object({
  userId: z.string(),
  name: z.string(),
  relation: z.enum(FAMILY_RELATIONS),
});
export type ProxyRef = z.infer<typeof proxyRefSchema>;

/** 李小明（子女） */
export const familyMemberText = (member: Pick<ProxyRef, 'name' | 'relation'>): string =>
  `${member.name}（${FAMILY_RELATION_ZH[member.relation]}）`;

/** 由 李小明（子女）代办 */
export const proxyText = (proxy: Pick<ProxyRef, 'name' | 'relation'>): string => `由 ${familyMemberText(proxy)}代办`;

export const familyLinkSchema = z.object({
  linkId: z.string(),
  status: z.enum(FAMILY_LINK_STATUSES),
  /** The worker's name as the registry has it; shown to the family member only once the worker agreed. */
  workerName: z.string().optional(),
  helperName: z.string(),
  relation: z.enum(FAMILY_RELATIONS),
  /** The family member's account is bound to a registry record: their name and age were taken from it. */
  helperVerified: z.boolean(),
  createdAt: z.iso.datetime(),
  /** A pending link lapses then. */
  pendingUntil: z.iso.datetime().optional(),
  confirmedAt: z.iso.datetime().optional(),
  lastActedAt: z.iso.datetime().optional(),
});
export type FamilyLink = z.infer<typeof familyLinkSchema>;

export const acceptInvitationSchema = z.strictObject({
  code: invitationCodeSchema,
  /** The family member's name as the worker knows it (a bound account's registry name is used instead). */
  name: nameSchema(2, 30, '请写您的真实姓名'),
  relation: z.enum(FAMILY_RELATIONS),
  /** 我已年满 18 周岁 */
  adult: z.literal(true, '代办人须年满 18 周岁'),
});

/** What the worker's acts list says happened: the link made and ended, sessions and what was done in them. */
export const FAMILY_ACT_KINDS = ['linked', 'ended', 'acting', 'applied', 'claimed', 'dismissed'] as const;
export type FamilyActKind = (typeof FAMILY_ACT_KINDS)[number];
export const FAMILY_ACT_ZH: Record<FamilyActKind, string> = {
  linked: '您同意了TA帮您办事',
  ended: '亲情服务结束了',
  acting: '开始帮您办事（可以看到您的工作和补贴）',
  applied: '帮您报名',
  claimed: '帮您申领补贴',
  dismissed: '帮您标记了不感兴趣的工作',
};

export const familyActSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(FAMILY_ACT_KINDS),
  linkId: z.string(),
  helper: proxyRefSchema,
  /** What it was about, in words (a job's title, a subsidy and its amount). */
  what: z.string().optional(),
});
export type FamilyAct = z.infer<typeof familyActSchema>;
