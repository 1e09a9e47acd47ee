/**
 * An employer at a job fair sees a worker's record only with the worker's consent, given on
 * the worker's own phone: the employer's scan asks, the worker taps 同意 for that employer,
 * and the consent names what is shared and until when. The worker can withdraw it any time.
 */

/** What an employer sees once the worker agrees. */
export const SHARED_WITH_EMPLOYER = ['name', 'phone', 'age', 'skills', 'preferences'] as const;
export const SHARED_WITH_EMPLOYER_ZH = '姓名、手机号、年龄、技能和证书、想找的工作';

/** How long a consent lasts: long enough to call back after the fair, short enough to lapse on its own. */
export const SHARE_DAYS = 7;
/** How long an employer's request waits for the worker's answer. */
export const CONSENT_REQUEST_MINUTES = 10;
/** How long a scan lets its scanner act on it (record a service, see the consent's answer). */
export const SCAN_MINUTES = 30;

/** The worker's answer to a request. */
export const CONSENT_ANSWERS = ['agree', 'refuse'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** The date (China time) a share given now ends, for the words of the consent. */
export function shareEndsAt(now: Date): Date {
  return new Date(now.getTime() + SHARE_DAYS * 24 * 3600 * 1000);
}
