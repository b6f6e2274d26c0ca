import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch, EXTENSION_KEY, getRubric, rat, validateAssessment } from '../../src/domain/index';
import { energyTce } from '../../src/domain/derive/energy';
import { draftOf, emptyDraft, readDraft, type OtherEnergyDraft } from '../../src/domain/derive/other-energy';

const rubric = getRubric('cn-sme-2024')!;
const valid = () => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const doc = readFileSync(join(import.meta.dirname, '../../docs/digilevel-extension.md'), 'utf8');
const issuesOf = (other: unknown) => {
  const r = validateAssessment({ ...valid(), [EXTENSION_KEY]: { energy: { other } } }, getRubric);
  return r.ok ? [] : r.error.issues.map((i) => ({ key: i.key, code: i.code }));
};
const diesel = { name: '柴油', unit: '吨', coefficient: 1.4571, lastYear: 2, yearBefore: 3 };

describe('other energy: the user’s own carrier, unit and coefficient', () => {
  it('adds to the table’s total, exactly, marked as the user’s coefficient', () => {
    expect(energyTce(rubric, { electricity: 10 }, [{ coefficient: 1.4571, amount: 2 }])).toEqual({
      total: rat(152042, 10000),
      lines: [
        { id: 'electricity', amount: 10, coefficient: 1.229, tce: rat(1229, 100) },
        { id: 'other-0', amount: 2, coefficient: 1.4571, tce: rat(29142, 10000), userCoefficient: true },
      ],
    });
  });

  it('a row with an amount and no usable coefficient is an error, never left out of the total', () => {
    expect(energyTce(rubric, {}, [{ coefficient: 0, amount: 2 }])).toEqual({
      errors: [{ field: 'other-0', code: 'coefficient' }],
    });
    expect(energyTce(rubric, {}, [{ coefficient: 1, amount: -1 }])).toEqual({
      errors: [{ field: 'other-0', code: 'negative' }],
    });
    // a row without an amount this year adds nothing
    expect(energyTce(rubric, {}, [{ coefficient: Number.NaN, amount: undefined }])).toEqual({
      total: rat(0),
      lines: [],
    });
  });

  it('is stored by its patch and read back by the file validator', () => {
    const file = applyPatch(valid(), { op: 'energyOther', rows: [diesel] });
    expect(file[EXTENSION_KEY]?.energy?.other).toEqual([diesel]);
    const r = validateAssessment(JSON.parse(JSON.stringify(file)), getRubric);
    expect(r.ok && r.file[EXTENSION_KEY]?.energy?.other).toEqual([diesel]);
    expect(applyPatch(file, { op: 'energyOther', rows: [] })[EXTENSION_KEY]?.energy?.other).toBeUndefined();
  });

  it.each([
    [[{ ...diesel, name: '' }], 'digilevel.energy.other.0.name'],
    [[{ ...diesel, unit: 'x'.repeat(21) }], 'digilevel.energy.other.0.unit'],
    [[{ ...diesel, coefficient: 0 }], 'digilevel.energy.other.0.coefficient'],
    [[{ ...diesel, coefficient: '1.4' }], 'digilevel.energy.other.0.coefficient'],
    [[{ ...diesel, lastYear: -1 }], 'digilevel.energy.other.0.lastYear'],
    [[{ ...diesel, colour: 'red' }], 'digilevel.energy.other.0.colour'],
    [Array(21).fill(diesel), 'digilevel.energy.other'],
    [{ a: diesel }, 'digilevel.energy.other'],
  ])('rejects %j at %s', (other, key) => expect(issuesOf(other).map((i) => i.key)).toContain(key));

  it('docs/digilevel-extension.md documents the rows and their limits as the validator applies them', () => {
    expect(doc).toContain('`energy.other`');
    for (const text of ['name', 'unit', 'coefficient', '≤ 20 rows', 'text 1–100', 'text 1–20', '> 0 and ≤ 1000'])
      expect(doc, text).toContain(text);
  });
});

describe('other energy rows as typed', () => {
  const draft = (over: Partial<OtherEnergyDraft>): OtherEnergyDraft => ({ ...emptyDraft(), ...over });
  it.each<[Partial<OtherEnergyDraft>, ReturnType<typeof readDraft>]>([
    [{}, { kind: 'empty' }],
    [
      { name: ' 柴油 ', unit: '吨', coefficient: '1.4571', lastYear: '２', yearBefore: '' },
      { kind: 'ok', row: { name: '柴油', unit: '吨', coefficient: 1.4571, lastYear: 2 } },
    ],
    [
      { lastYear: '5' },
      {
        kind: 'invalid',
        problems: [
          { field: 'name', reason: 'required' },
          { field: 'unit', reason: 'required' },
          { field: 'coefficient', reason: 'required' },
        ],
      },
    ],
    [
      { name: 'LPG', unit: '吨', coefficient: '0', lastYear: 'abc' },
      {
        kind: 'invalid',
        problems: [
          { field: 'coefficient', reason: 'range' },
          { field: 'lastYear', reason: 'not-a-number' },
        ],
      },
    ],
    [
      { name: 'LPG', unit: '吨', coefficient: '1e3' },
      { kind: 'invalid', problems: [{ field: 'coefficient', reason: 'scientific' }] },
    ],
  ])('%j → %o', (typed, expected) => expect(readDraft(draft(typed))).toEqual(expected));

  it('a stored row reads back as itself', () =>
    expect(readDraft(draftOf(diesel))).toEqual({ kind: 'ok', row: diesel }));
});

describe('other energy in the report', () => {
  it('each year of a row is a line under the energy item, naming the year and the user’s coefficient', async () => {
    const { otherEnergyLines } = await import('../../src/report/form-blocks');
    const file = applyPatch(valid(), { op: 'energyOther', rows: [diesel] });
    expect(otherEnergyLines(file, 'zh-CN')).toEqual([
      '2025 年用量：柴油 2 吨 × 1.4571（用户填写的折标系数）= 2.9142 吨标准煤',
      '2024 年用量：柴油 3 吨 × 1.4571（用户填写的折标系数）= 4.3713 吨标准煤',
    ]);
  });
});
