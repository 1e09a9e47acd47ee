/** 不重复发放: a training or certificate a standing claim is for keeps the name and date its claim is keyed on. */
import { describe, expect, it } from 'vitest';
import { claimedRecordsLost } from '@bangfu/shared';

const certificate = { name: '焊工四级证书', obtainedOn: '2025-04-01' };
const training = { name: '电焊工培训', endedOn: '2025-03-20' };
const claim = (periodKey: string, status: 'submitted' | 'paid' | 'rejected', item: string) => ({
  periodKey,
  status,
  name: '补贴',
  item,
});

describe('claimedRecordsLost', () => {
  const claims = [
    claim('certificate:2025-04-01:焊工四级证书', 'paid', '职业技能证书「焊工四级证书」'),
    claim('training:2025-03-20:电焊工培训', 'rejected', '培训「电焊工培训」'),
  ];

  it('refuses renaming, redating or removing a certificate paid on, and names it', () => {
    for (const certificates of [[{ ...certificate, name: '焊工证' }], [{ ...certificate, obtainedOn: '2025-04-02' }], []]) {
      expect(claimedRecordsLost(claims, { certificates })).toEqual({
        field: 'certificates',
        items: ['职业技能证书「焊工四级证书」'],
      });
    }
  });

  it('lets the record keep it, add others, and change what a rejected claim was for or a list not edited', () => {
    expect(
      claimedRecordsLost(claims, { certificates: [certificate, { name: '电工证', obtainedOn: '2025-06-01' }] }),
    ).toBeUndefined();
    expect(claimedRecordsLost(claims, { trainings: [] })).toBeUndefined(); // its claim was rejected
    expect(claimedRecordsLost(claims, {})).toBeUndefined();
    expect(claimedRecordsLost([], { trainings: [{ ...training, name: '焊工' }] })).toBeUndefined();
  });
});
