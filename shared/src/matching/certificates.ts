/**
 * Whether a worker holds the certificates a position requires. People write the same
 * certificate many ways (电工证, 中级电工, 电工 (特种作业操作证), or the occupation code the
 * registry stored), so each text is normalised, and a certificate that names an occupation
 * of the dictionary counts for any certificate in that occupation.
 */
import { normaliseOccupation } from '../registry/occupations.js';

interface CertificateKey {
  /** Full-width folded, spaces removed, lower case. */
  text: string;
  /** The occupation the certificate is in, when it names one. */
  occupation: string | undefined;
}

const LEVEL_PREFIX = /^(?:初级|中级|高级|[一二三四五12345]级|特种作业|特种)/;
const CERTIFICATE_SUFFIX = /(?:特种作业)?(?:职业资格|技能等级|资格|操作|上岗|从业|职业)?(?:证书|证)$/;

function occupationOfCertificate(text: string): string | undefined {
  const direct = normaliseOccupation(text);
  if (direct !== undefined) return direct;
  const core = text
    .replace(/\(.*?\)/g, '')
    .replace(CERTIFICATE_SUFFIX, '')
    .replace(LEVEL_PREFIX, '');
  if (core.length === 0) return undefined;
  // 叉车证 → 叉车工, 挖掘机证 → 挖掘机司机.
  return normaliseOccupation(core) ?? normaliseOccupation(`${core}工`) ?? normaliseOccupation(`${core}司机`);
}

/** Memo of keys; cleared when large (the vocabulary of certificates is small). */
const KEYS = new Map<string, CertificateKey>();
const MAX_KEYS = 4096;

export function certificateKey(raw: string): CertificateKey {
  let key = KEYS.get(raw);
  if (key === undefined) {
    const text = raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    key = { text, occupation: occupationOfCertificate(text) };
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(raw, key);
  }
  return key;
}

export function holdsCertificate(held: readonly string[], required: string): boolean {
  const want = certificateKey(required);
  for (const h of held) {
    const have = certificateKey(h);
    if (have.text === want.text) return true;
    if (want.occupation !== undefined && have.occupation === want.occupation) return true;
  }
  return false;
}

/** The first required certificate the worker does not hold, or undefined when all are held. */
export function missingCertificate(held: readonly string[], required: readonly string[]): string | undefined {
  for (const r of required) if (!holdsCertificate(held, r)) return r;
  return undefined;
}
