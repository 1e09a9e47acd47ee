import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToYuan, formatYuan, yuanToFen } from '@bangfu/shared';

describe('yuanToFen: what people type, in integer fen', () => {
  it.each([
    ['4500', 450000],
    ['4,500', 450000],
    ['4500.5', 450050],
    ['4500.50', 450050],
    ['4500.05', 450005],
    ['０', 0],
    ['４５００', 450000],
    ['４，５００．５', 450050],
    [' 4500 ', 450000],
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['00450', 45000],
    ['12,345,678.99', 1234567899],
    ['4500元', 450000],
  ])('%j → %i', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it('is exact where float multiplication is not (1.15 * 100 = 114.99999999999999)', () => {
    expect(yuanToFen('1.15')).toBe(115);
    expect(yuanToFen('4.35')).toBe(435);
    expect(yuanToFen('1005.82')).toBe(100582);
  });

  it.each([
    '',
    '   ',
    '-1',
    '-4500',
    '+4500',
    '4500.505',
    '4500.',
    '.5',
    'abc',
    '45a0',
    '4500 yuan',
    '1e3',
    '4,50',
    '45,00',
    '4,5000',
    'NaN',
    'Infinity',
    '99999999999999999',
  ])('refuses %j', (text) => {
    expect(yuanToFen(text)).toBeUndefined();
  });

  it('round-trips through fenToYuan for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });
});

describe('fenToYuan and formatYuan: integer fen for display', () => {
  it.each([
    [450000, '4500'],
    [450050, '4500.50'],
    [450005, '4500.05'],
    [0, '0'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1'],
    [-450050, '-4500.50'],
  ])('%i → %s', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it('adds the unit', () => {
    expect(formatYuan(450000)).toBe('4500 元');
    expect(formatYuan(450050)).toBe('4500.50 元');
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuan(Number.NaN)).toThrow(RangeError);
  });
});
