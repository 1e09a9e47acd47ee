/** Dated regional parameters: steps in force, inheritance down the region tree, ends, and missing values. */
import { describe, expect, it } from 'vitest';
import { MissingParameterError, readParameter, regionChain, type ParameterDefinition, type ParameterTable } from '@bangfu/shared';

const definitions: Record<string, ParameterDefinition> = {
  agencyAcrossProvinceFen: {
    key: 'agencyAcrossProvinceFen',
    label: '跨省转移就业服务补助（每人）',
    unit: 'fen',
    reference: { document: '包头市农村牧区劳动力转移就业十项计划（文件 004）', section: '(一)' },
    fixedByPolicy: true,
  },
  transportOnceFen: {
    key: 'transportOnceFen',
    label: '跨省就业一次性交通补助',
    unit: 'fen',
    reference: { document: '江西就业帮扶实施意见（文件 003）', section: '(三)' },
    fixedByPolicy: false,
  },
  workBasedTrainingMonths: {
    key: 'workBasedTrainingMonths',
    label: '以工代训最长月数',
    unit: 'months',
    reference: { document: '文件 003', section: '(七)' },
    fixedByPolicy: true,
  },
};

const table: ParameterTable = {
  agencyAcrossProvinceFen: { '': [{ from: '2023-01-01', value: 80_000 }] },
  transportOnceFen: {
    '15': [{ from: '2023-01-01', value: 50_000, example: true }],
    '1502': [
      { from: '2023-01-01', value: 60_000, example: true },
      { from: '2025-01-01', value: 80_000, example: true },
    ],
    '150222': [{ from: '2026-01-01', value: null }],
  },
  workBasedTrainingMonths: {
    '': [
      { from: '2021-01-01', value: 6 },
      { from: '2022-01-01', value: null },
    ],
  },
};

const read = (key: string, region: string, date: string) => readParameter(definitions, table, key, region, date);

describe('policy parameters', () => {
  it('lists a region and every region above it, most specific first', () => {
    expect(regionChain('150222102212')).toEqual(['150222102212', '150222102', '150222', '1502', '15', '']);
    expect(regionChain('15')).toEqual(['15', '']);
  });

  it('reads the value the documents fix for everyone, with its reference', () => {
    expect(read('agencyAcrossProvinceFen', '150222102212', '2026-06-01')).toMatchObject({
      status: 'value',
      value: 80_000,
      from: '2023-01-01',
      setIn: '',
      reference: { section: '(一)' },
    });
  });

  it('takes the most specific region’s step in force on the date, and says until when it holds', () => {
    expect(read('transportOnceFen', '150203', '2024-06-30')).toMatchObject({ value: 60_000, setIn: '1502', until: '2025-01-01' });
    expect(read('transportOnceFen', '150203', '2025-01-01')).toMatchObject({ value: 80_000, setIn: '1502', example: true });
    expect(read('transportOnceFen', '150222', '2025-12-31')).toMatchObject({ value: 80_000, setIn: '1502' }); // not yet overridden
    expect(read('transportOnceFen', '1505', '2025-12-31')).toMatchObject({ value: 50_000, setIn: '15' }); // another city: the province's
  });

  it('reports a parameter ended by a region, or by the documents, as ended, not as zero', () => {
    expect(read('transportOnceFen', '150222102212', '2026-03-01')).toMatchObject({
      status: 'ended',
      since: '2026-01-01',
      setIn: '150222',
    });
    expect(read('workBasedTrainingMonths', '150222', '2021-12-31')).toMatchObject({ status: 'value', value: 6 });
    expect(read('workBasedTrainingMonths', '150222', '2022-01-01')).toMatchObject({ status: 'ended', since: '2022-01-01' });
  });

  it('fails loudly where the period has no value', () => {
    expect(() => read('transportOnceFen', '150222', '2022-12-31')).toThrow(MissingParameterError);
    expect(() => read('transportOnceFen', '44', '2025-01-01')).toThrow(MissingParameterError); // nothing set for that province
    expect(() => read('noSuchParameter', '15', '2025-01-01')).toThrow(MissingParameterError);
  });
});
