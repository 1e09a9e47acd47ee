import { describe, expect, it } from 'vitest';
import { employerContracts, type Employer } from '@bangfu/shared';
import {
  bodyOf,
  changesOf,
  draftOf,
  errorsAt,
  keyOf,
  STEPS,
  type Draft,
  type Step,
} from '../../miniapp/src/employer/employerForm';

const account = { displayName: '王经理', regionCode: '150222100' };

const employer: Employer = {
  employerId: 'e_00000000-0000-4000-8000-000000000001',
  ownerUserId: 'u_00000000-0000-4000-8000-000000000001',
  name: '固阳县服装帮扶车间',
  kind: 'assistanceWorkshop',
  regionCode: '150222100201',
  location: { lat: 41.03, lng: 110.05 },
  address: '金山镇工业园 3 号',
  contactName: '王经理',
  contactPhone: '13800000000',
  description: '做衬衫',
  verification: { status: 'verified' },
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  version: 2,
};

/** A new profile filled in on every step, with the spaces people type. */
const filled: Draft = {
  ...draftOf(null, account),
  name: ' 金山镇服装加工帮扶车间 ',
  kind: 'assistanceWorkshop',
  location: { lat: 41.03, lng: 110.05 },
  address: ' 金山镇工业园 3 号 ',
  contactName: '王经理',
  contactPhone: ' 13800000000 ',
};

const allErrors = (draft: Draft) =>
  Object.assign({}, ...STEPS.map((step: Step) => errorsAt(draft, step))) as Record<string, string>;

describe('the employer form: draft to body and back', () => {
  it('starts a new profile from the account: its name, and its township when it has one', () => {
    expect(draftOf(null, account)).toEqual({
      name: '王经理',
      kind: undefined,
      regionCode: '150222100',
      location: undefined,
      address: '',
      contactName: '',
      contactPhone: '',
      description: '',
    });
    // A one-character name is no unit's name; a county account picks its township on the form.
    expect(draftOf(null, { displayName: '王', regionCode: '150222' })).toMatchObject({ name: '', regionCode: undefined });
  });

  it('sends a new profile trimmed, without an empty description', () => {
    expect(allErrors(filled)).toEqual({});
    const body = bodyOf(filled);
    expect(body).toEqual({
      name: '金山镇服装加工帮扶车间',
      kind: 'assistanceWorkshop',
      regionCode: '150222100',
      location: { lat: 41.03, lng: 110.05 },
      address: '金山镇工业园 3 号',
      contactName: '王经理',
      contactPhone: '13800000000',
    });
    expect(employerContracts.create.body?.safeParse(body).success).toBe(true);
  });

  it('reads a stored profile back unchanged, and sends its changes without the kind', () => {
    const draft = draftOf(employer, account);
    expect(allErrors(draft)).toEqual({});
    const { employerId: _id, ownerUserId: _owner, verification: _v, createdAt: _c, updatedAt: _u, version, ...input } = employer;
    expect(bodyOf(draft)).toEqual(input);
    const changes = changesOf(draft);
    expect(changes).not.toHaveProperty('kind');
    expect(employerContracts.update.body?.safeParse({ ...changes, version }).success).toBe(true);
  });

  it('clears a description the employer emptied, rather than leaving the old one stored', () => {
    const draft = { ...draftOf({ ...employer, description: '生产羊绒衫' }, account), description: '  ' };
    expect(changesOf(draft).description).toBe('');
    expect(bodyOf(draft)).not.toHaveProperty('description');
  });

  it('names the form’s field from the API’s', () => {
    expect(keyOf('body.contactPhone')).toBe('contactPhone');
    expect(keyOf('body.location.lat')).toBe('location');
    expect(keyOf('body.version')).toBeUndefined();
    expect(keyOf('toString')).toBeUndefined();
    expect(keyOf(undefined)).toBeUndefined();
  });
});

describe('the employer form: what each step refuses', () => {
  it('asks on each step only for that step’s fields', () => {
    const empty = draftOf(null, { displayName: '', regionCode: '150222' });
    expect(errorsAt(empty, 'name')).toEqual({ name: '单位名称至少 2 个字', kind: '请选一个单位类型' });
    expect(errorsAt(empty, 'region')).toEqual({ regionCode: '请选单位所在的镇或村' });
    expect(errorsAt(empty, 'place')).toEqual({
      location: '请在地图上选好单位的位置',
      address: '请写单位的地址，例如 金山镇工业园 3 号',
    });
    expect(errorsAt(empty, 'contact')).toEqual({
      contactName: '请写联系人的名字',
      contactPhone: '手机号应为 11 位数字，以 1 开头',
    });
  });

  it('refuses a county as the place: it must be a township or a village', () => {
    expect(errorsAt({ ...filled, regionCode: '150222' }, 'region')).toEqual({ regionCode: '请选单位所在的镇或村' });
    expect(errorsAt({ ...filled, regionCode: '150222100201' }, 'region')).toEqual({});
  });

  it('refuses a name of one character, or one with hidden characters, in the schema’s words', () => {
    expect(errorsAt({ ...filled, name: ' 厂 ' }, 'name')).toEqual({ name: '单位名称至少 2 个字' });
    expect(errorsAt({ ...filled, name: '服装\u202e车间' }, 'name')).toEqual({
      name: '名字里有看不见的特殊字符，请删掉重新输入',
    });
  });

  it('refuses a point outside the country, in the schema’s words', () => {
    expect(errorsAt({ ...filled, location: { lat: 1, lng: 110.05 } }, 'place')).toEqual({ location: '纬度不在中国境内' });
  });

  it('refuses a phone number that is not 11 digits starting with 1', () => {
    for (const contactPhone of ['', '1380000000', '23800000000', '138-0000-0000']) {
      expect(errorsAt({ ...filled, contactPhone }, 'contact')).toEqual({ contactPhone: '手机号应为 11 位数字，以 1 开头' });
    }
  });

  it('refuses a description over 500 characters', () => {
    expect(errorsAt({ ...filled, description: '字'.repeat(501) }, 'contact')).toEqual({
      description: '单位介绍最多写 500 个字',
    });
  });
});
