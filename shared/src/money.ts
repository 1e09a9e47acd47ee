/**
 * Money as people type and read it. The API counts integer fen (分) everywhere;
 * people think in yuan (元). Parsing works on the digits as text, never by
 * multiplying a float (4500.5 * 100 is not always 450050 in binary floating point).
 *
 * Pure and dependency-free: the mini-program imports these at run time.
 */

/** Full-width digits, comma and point (what a Chinese IME may type) to their ASCII forms. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0C\uFF0E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Whole yuan, with or without thousands separators ("4500", "4,500", "12,345,678"),
 * then at most two decimal places ("4500.5", "4500.50"). An optional 元 after it.
 */
const YUAN_PATTERN = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?元?$/;

/**
 * What a person typed, in yuan, as integer fen: "4500" → 450000, "4,500.5" → 450050,
 * "４５００" → 450000. Undefined for anything else: empty, negative, three or more
 * decimal places, letters, or a number too large to count exactly.
 */
export function yuanToFen(text: string): number | undefined {
  const match = YUAN_PATTERN.exec(toHalfWidth(text).replace(/\s+/g, ''));
  if (!match) return undefined;
  const whole = match[1]!.replace(/,/g, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  const digits = `${whole}${cents}`.replace(/^0+(?=\d)/, '');
  const fen = Number(digits);
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/**
 * Integer fen as yuan for display: 450000 → "4500", 450050 → "4500.50", 5 → "0.05".
 * Whole yuan show no decimals; otherwise always two. Throws on a non-integer.
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  const cents = digits.slice(-2);
  return cents === '00' ? `${sign}${whole}` : `${sign}${whole}.${cents}`;
}

/** Integer fen as a yuan amount with its unit: "4500 元", "4500.50 元". */
export function formatYuan(fen: number): string {
  return `${fenToYuan(fen)} 元`;
}
