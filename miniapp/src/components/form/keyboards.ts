/**
 * The phone keyboard a field opens. WeChat has kinds for them; H5 inputs stay `text`, since a
 * browser's number input rejects the spaces and full-width digits people type.
 */
const onWeapp = process.env.TARO_ENV === 'weapp';

export const KEYBOARD = {
  /** Yuan with 角 and 分, coordinates. */
  decimal: onWeapp ? 'digit' : 'text',
  /** Whole numbers: head counts, phone and card numbers. */
  whole: onWeapp ? 'number' : 'text',
  /** 18 digits ending in X. */
  idCard: onWeapp ? 'idcard' : 'text',
} as const;
