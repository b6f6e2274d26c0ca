import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  fieldKey,
  findOverwrites,
  newAssessmentFile,
  type AssessmentFile,
  type Patch,
} from '../../src/domain/index';

const base: AssessmentFile = newAssessmentFile('cn-sme-2024', { name: '甲' });
const after = (...patches: Patch[]) => patches.reduce(applyPatch, base);

describe('fieldKey', () => {
  it.each<[Patch, string]>([
    [{ op: 'answer', id: 'q1', value: 2 }, 'answer:q1'],
    [{ op: 'profile', key: 'name', value: 'x' }, 'profile:name'],
    [{ op: 'number', question: 'q3', field: 'output', value: 1 }, 'number:q3:output'],
    [{ op: 'energy', year: 'lastYear', id: 'coal', value: 1 }, 'energy:lastYear:coal'],
    [{ op: 'override', question: 'q3', on: true }, 'override:q3'],
    [{ op: 'evidenceCheck', claim: 'quality@3', ids: [] }, 'evidenceCheck:quality@3'],
    [{ op: 'meta', key: 'label', value: 'x' }, 'meta:label'],
    [{ op: 'note', id: 'q1', text: 'x' }, 'note:q1'],
  ])('%j → %s', (patch, key) => expect(fieldKey(patch)).toBe(key));

  it('tells apart the same id in different kinds of field', () => {
    expect(fieldKey({ op: 'note', id: 'q1', text: '' })).not.toBe(fieldKey({ op: 'evidence', id: 'q1', items: [] }));
  });
});

describe('findOverwrites', () => {
  const cases: {
    name: string;
    written: Patch[];
    incoming: AssessmentFile;
    unsaved?: Patch[];
    expected: { key: string; mineValue: unknown; theirs: unknown }[];
  }[] = [
    {
      name: 'same field, other value: reported with both values',
      written: [{ op: 'profile', key: 'name', value: '乙' }],
      incoming: after({ op: 'profile', key: 'name', value: '丙' }),
      expected: [{ key: 'profile:name', mineValue: '乙', theirs: '丙' }],
    },
    {
      name: 'same field, same value: no loss',
      written: [{ op: 'answer', id: 'q1', value: [2, 1] }],
      incoming: after({ op: 'answer', id: 'q1', value: [1, 2] }),
      expected: [],
    },
    {
      name: 'another field changed, mine still stored: nothing to report (fields merge)',
      written: [{ op: 'answer', id: 'q1', value: 3 }],
      incoming: after({ op: 'answer', id: 'q1', value: 3 }, { op: 'answer', id: 'q2', value: 1 }),
      expected: [],
    },
    {
      name: 'the other tab cleared what this tab entered',
      written: [{ op: 'note', id: 'q4', text: '有 MES' }],
      incoming: after({ op: 'note', id: 'q4', text: '' }),
      expected: [{ key: 'note:q4', mineValue: '有 MES', theirs: undefined }],
    },
    {
      name: 'this tab cleared a field the other tab filled',
      written: [{ op: 'answer', id: 'q5', value: undefined }],
      incoming: after({ op: 'answer', id: 'q5', value: 2 }),
      expected: [{ key: 'answer:q5', mineValue: undefined, theirs: 2 }],
    },
    {
      name: 'a field with an unsaved edit here is left out: this tab writes last',
      written: [{ op: 'profile', key: 'name', value: '乙' }],
      incoming: after({ op: 'profile', key: 'name', value: '丙' }),
      unsaved: [{ op: 'profile', key: 'name', value: '乙乙' }],
      expected: [],
    },
    {
      name: 'nested fields: one number of a question replaced, its neighbour not',
      written: [
        { op: 'number', question: 'q3', field: 'a', value: 1 },
        { op: 'number', question: 'q3', field: 'b', value: 2 },
      ],
      incoming: after(
        { op: 'number', question: 'q3', field: 'a', value: 1 },
        { op: 'number', question: 'q3', field: 'b', value: 5 },
      ),
      expected: [{ key: 'number:q3:b', mineValue: 2, theirs: 5 }],
    },
    {
      name: 'objects compare by content, not key order',
      written: [{ op: 'roadmap', id: 's1', state: { status: 'done', quarter: '2026Q1' } }],
      incoming: after({ op: 'roadmap', id: 's1', state: { quarter: '2026Q1', status: 'done' } }),
      expected: [],
    },
    {
      name: 'scenario levels: other ticks replace mine',
      written: [{ op: 'scenario', id: 'rd1', checks: [true, true, false, false] }],
      incoming: after({ op: 'scenario', id: 'rd1', checks: [true, false, false, false] }),
      expected: [{ key: 'scenario:rd1', mineValue: [true, true, false, false], theirs: [true, false, false, false] }],
    },
    {
      name: 'an override switched off by the other tab',
      written: [{ op: 'override', question: 'q3', on: true }],
      incoming: base,
      expected: [{ key: 'override:q3', mineValue: true, theirs: false }],
    },
  ];

  it.each(cases)('$name', ({ written, incoming, unsaved, expected }) => {
    const found = findOverwrites(written, incoming, unsaved);
    expect(found.map(({ key, mineValue, theirs }) => ({ key, mineValue, theirs }))).toEqual(expected);
  });

  it('returns the patch that restores this tab’s value', () => {
    const mine: Patch = { op: 'profile', key: 'name', value: '乙' };
    const incoming = after({ op: 'profile', key: 'name', value: '丙' });
    const [o] = findOverwrites([mine], incoming);
    expect(applyPatch(incoming, o!.mine).profile?.name).toBe('乙');
  });
});
