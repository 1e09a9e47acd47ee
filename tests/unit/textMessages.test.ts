/** 短信提醒: which change is texted to which number, with what — and never a whole card or the new number. */
import { describe, expect, it } from 'vitest';
import { cardEnteredText, claimPaidText, maskPhone, monthDayZh, phoneChangedText, TEXT_TEMPLATE_WORDING } from '@bangfu/shared';

const entry = (setAt: string, kind = 'socialSecurityCard') => ({ kind, numberMasked: '************0931', setAt });

describe('短信提醒', () => {
  it('says the day as it is in China', () => {
    expect(monthDayZh('2026-12-07T15:59:59.000Z')).toBe('12月7日');
    expect(monthDayZh('2026-12-07T16:00:00.000Z')).toBe('12月8日');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('texts a new card entry to the phone on the record: the day, the kind and the last four digits', () => {
    const at = '2026-12-08T02:00:00.000Z';
    expect(cardEnteredText(undefined, entry(at), '13800000001')).toEqual({
      template: 'cardEntered',
      phone: '13800000001',
      params: ['12月8日', '社保卡', '0931'],
    });
    // Replacing the entry waiting is news; the same entry written again (confirmed, answered, a 允许 counted) is not.
    expect(cardEnteredText(entry('2026-12-01T00:00:00.000Z'), entry(at, 'bankCard'), '13800000001')?.params).toEqual([
      '12月8日',
      '银行卡',
      '0931',
    ]);
    expect(cardEnteredText(entry(at), entry(at), '13800000001')).toBeUndefined();
    // Confirmed: nothing waits any more.
    expect(cardEnteredText(entry(at), undefined, '13800000001')).toBeUndefined();
    // No phone on the record: nobody to text.
    expect(cardEnteredText(undefined, entry(at), undefined)).toBeUndefined();
    // An employer's own corporate account is not a worker's card.
    expect(cardEnteredText(undefined, entry(at, 'corporateAccount'), '13800000001')).toBeUndefined();
  });

  it('texts a changed or removed phone to the number it replaced, naming only its own last four digits', () => {
    const updatedAt = '2026-12-08T02:00:00.000Z';
    expect(phoneChangedText({ phone: '13800000003' }, { phone: '13900000003', updatedAt })).toEqual({
      template: 'phoneChanged',
      phone: '13800000003',
      params: ['0003', '12月8日'],
    });
    expect(phoneChangedText({ phone: '13800000003' }, { phone: null, updatedAt })?.phone).toBe('13800000003');
    expect(phoneChangedText({ phone: '13800000003' }, { phone: '13800000003', updatedAt })).toBeUndefined();
    // A phone added where there was none: no number to tell.
    expect(phoneChangedText({}, { phone: '13900000003', updatedAt })).toBeUndefined();
    expect(phoneChangedText(undefined, { phone: '13900000003', updatedAt })).toBeUndefined();
  });

  it('has a parameter in each template for every value sent, and no more', () => {
    const params = (wording: string) => [...wording.matchAll(/\{(\d)\}/g)].map((m) => Number(m[1]));
    expect(params(TEXT_TEMPLATE_WORDING.cardEntered)).toEqual([1, 2, 3]);
    expect(params(TEXT_TEMPLATE_WORDING.phoneChanged)).toEqual([1, 2]);
    expect(params(TEXT_TEMPLATE_WORDING.claimPaid)).toEqual([1, 2, 3, 4]);
  });

  it('texts a worker’s subsidy once it is paid: the subsidy, the amount, the day and the card it went to', () => {
    const claim = (status: string, to = 'worker') => ({
      status,
      name: '一次性交通补助',
      amountFen: 50_050,
      beneficiary: { kind: to },
      history: [
        { at: '2026-12-01T02:00:00.000Z', to: 'approved' },
        { at: '2026-12-08T02:00:00.000Z', to: 'paid' },
      ],
    });
    expect(claimPaidText({ status: 'approved' }, claim('paid'), '13800000006', '0066')).toEqual({
      template: 'claimPaid',
      phone: '13800000006',
      params: ['一次性交通补助', '500.50元', '12月8日', '0066'],
    });
    // Only the step into 已发放: a paid claim written again (追回 ordered on it) is not news.
    expect(claimPaidText({ status: 'paid' }, claim('paid'), '13800000006', '0066')).toBeUndefined();
    expect(claimPaidText({ status: 'pending' }, claim('approved'), '13800000006', '0066')).toBeUndefined();
    // An employer's claim, a record with no phone, a card not found: nobody to tell, or nothing true to say.
    expect(claimPaidText({ status: 'approved' }, claim('paid', 'employer'), '13800000006', '0066')).toBeUndefined();
    expect(claimPaidText({ status: 'approved' }, claim('paid'), undefined, '0066')).toBeUndefined();
    expect(claimPaidText({ status: 'approved' }, claim('paid'), '13800000006', undefined)).toBeUndefined();
  });
});
