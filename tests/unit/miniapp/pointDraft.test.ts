/** The service point form's model: what each level of officer may add, where it goes, and that what it sends passes the API's schemas. */
import { describe, expect, it } from 'vitest';
import { servicePointInputSchema, servicePointSchema, servicePointUpdateSchema } from '@bangfu/shared';
import {
  changeOf,
  draftOf,
  emptyDraft,
  inputOf,
  kindsFitting,
  kindsFor,
  regionAsked,
} from '../../../miniapp/src/staff/servicePoints/pointDraft.js';

describe('the service point form', () => {
  it('offers each officer the kinds of their level: the bureau only to a county', () => {
    expect(kindsFor('150222')).toEqual(['gigStation', 'villageServicePoint', 'townshipStation', 'countyBureau']);
    expect(kindsFor('150222102')).toEqual(['gigStation', 'villageServicePoint', 'townshipStation']);
    expect(kindsFor('150222102212')).toEqual(['gigStation', 'villageServicePoint']);
    expect(kindsFitting('150222102')).toEqual(['gigStation', 'townshipStation']);
  });

  it('puts a point in the officer’s own region when its kind fits, else asks for a township or a village', () => {
    expect(regionAsked('countyBureau', '150222')).toBe('own');
    expect(regionAsked('townshipStation', '150222')).toBe('township');
    expect(regionAsked('townshipStation', '150222102')).toBe('own');
    expect(regionAsked('villageServicePoint', '150222102')).toBe('village');
    expect(regionAsked('gigStation', '150222102212')).toBe('own');
  });

  it('sends a new point the input schema takes, with office hours by default, and a change on its version', () => {
    const draft = {
      ...emptyDraft(),
      kind: 'villageServicePoint' as const,
      name: '小三分子村就业服务点',
      regionCode: '150222102212',
      address: '金山镇小三分子村村委会',
      phone: '0472-8121373',
      location: { lat: 41.06, lng: 110.02 },
    };
    const input = servicePointInputSchema.parse(inputOf(draft));
    expect(input.hours).toEqual({
      weekly: [
        { days: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' },
        { days: [1, 2, 3, 4, 5], open: '14:30', close: '17:30' },
      ],
      note: '节假日休息',
    });
    // An empty note is no note.
    expect(servicePointInputSchema.parse(inputOf({ ...draft, note: '  ' })).hours.note).toBeUndefined();

    const stored = servicePointSchema.parse({
      ...input,
      pointId: 'sp_00000000-0000-4000-8004-150222102212',
      createdBy: 'demo-staff-county',
      createdAt: '2026-03-02T00:00:00.000Z',
      updatedBy: 'demo-staff-county',
      updatedAt: '2026-03-02T00:00:00.000Z',
      version: 3,
    });
    const change = servicePointUpdateSchema.parse(changeOf({ ...draftOf(stored), phone: '13904721234' }, stored.version));
    expect(change).toMatchObject({ phone: '13904721234', version: 3, name: '小三分子村就业服务点' });
    expect(change).not.toHaveProperty('regionCode');
  });
});
